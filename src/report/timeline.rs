//! A group's dates and years drawn as one inline SVG timeline.
//!
//! Three panels, each drawn only when it has something to show, one row per
//! source in each:
//! - days: dates with a day, on a month–day axis spanning their months, so
//!   that 18–20 and 19–21 September sit a day apart whatever their years;
//!   a date whose year is not given is hatched, dashed and says so;
//! - months: dates given by month only ("نونبر المقبل"), on a January–December axis;
//! - years: stated years and the years of dates, on a year axis with a
//!   last "?" column for dates whose year is not given.
//!
//! All geometry is computed here; every text is escaped and bidi-neutralised.

use std::fmt::Write;

use super::escape::{escape_html, neutralize_bidi};
use crate::model::{FactKind, Resolution};

/// A column of the timeline: one source of the group.
pub struct Source<'a> {
    /// Short key ("A", "B" …) also used by the matrix.
    pub key: &'a str,
    pub label: &'a str,
}

/// One date or year claim to draw.
pub struct Mark<'a> {
    /// Index into the sources.
    pub source: usize,
    pub kind: FactKind,
    pub topic: &'a str,
    /// The row's verdict: "conflict", "variant", "omission" or "agreement".
    pub status: &'a str,
    /// The normalized value: `2025-09-18/2025-09-20`, `--09-19`, `--11`, `2024`.
    pub value: &'a str,
    pub resolution: Option<Resolution>,
}

const WIDTH: f64 = 800.0;
const LABEL_X: f64 = 8.0;
const PLOT_X0: f64 = 176.0;
const PLOT_X1: f64 = 780.0;
const LANE: f64 = 30.0;
const BAR: f64 = 12.0;
const AXIS: f64 = 44.0;
const PANEL_GAP: f64 = 12.0;
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTH_DAYS: [u32; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/// A calendar point as parsed from a normalized value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Point {
    pub year: Option<i32>,
    pub month: u32,
    pub day: Option<u32>,
}

/// Parses `2025-09-18`, `2025-09`, `--09-18`, `--09`.
pub fn parse_point(s: &str) -> Option<Point> {
    let (year, rest) = if let Some(rest) = s.strip_prefix("--") {
        (None, rest)
    } else {
        let (y, rest) = s.split_once('-')?;
        (Some(y.parse::<i32>().ok()?), rest)
    };
    let mut parts = rest.split('-');
    let month: u32 = parts.next()?.parse().ok()?;
    let day: Option<u32> = match parts.next() {
        Some(d) => Some(d.parse().ok()?),
        None => None,
    };
    if parts.next().is_some() || !(1..=12).contains(&month) {
        return None;
    }
    if let Some(d) = day {
        if d == 0 || d > MONTH_DAYS[month as usize - 1] {
            return None;
        }
    }
    Some(Point { year, month, day })
}

/// Parses a date value: a point or `start/end`.
pub fn parse_date(s: &str) -> Option<(Point, Point)> {
    match s.split_once('/') {
        Some((a, b)) => Some((parse_point(a)?, parse_point(b)?)),
        None => {
            let p = parse_point(s)?;
            Some((p, p))
        }
    }
}

/// The SVG of a group's timeline, or None when it has no date or year.
pub fn svg(id: &str, sources: &[Source], marks: &[Mark]) -> Option<String> {
    let mut days: Vec<DayItem> = Vec::new();
    let mut months: Vec<DayItem> = Vec::new();
    let mut years: Vec<YearItem> = Vec::new();
    for m in marks.iter().filter(|m| m.source < sources.len()) {
        match m.kind {
            FactKind::Date => {
                let Some((start, end)) = parse_date(m.value) else {
                    continue;
                };
                let item = DayItem {
                    source: m.source,
                    start,
                    end,
                    topic: m.topic,
                    status: m.status,
                    value: m.value,
                    resolution: m.resolution,
                };
                years.push(YearItem {
                    source: m.source,
                    year: start.year,
                    from_date: true,
                    topic: m.topic,
                    status: m.status,
                });
                if start.day.is_some() {
                    days.push(item);
                } else {
                    months.push(item);
                }
            }
            FactKind::Year => {
                if let Ok(year) = m.value.parse::<i32>() {
                    years.push(YearItem {
                        source: m.source,
                        year: Some(year),
                        from_date: false,
                        topic: m.topic,
                        status: m.status,
                    });
                }
            }
            _ => {}
        }
    }
    if days.is_empty() && months.is_empty() && years.is_empty() {
        return None;
    }
    let id = escape_html(id);
    let mut body = String::new();
    let mut y = 4.0;
    let mut day_months: Option<(u32, u32)> = None;
    if !days.is_empty() {
        let (panel, height, range) = day_panel(&id, sources, &days, y);
        body.push_str(&panel);
        y += height + PANEL_GAP;
        day_months = Some(range);
    }
    if years.iter().any(|i| i.year.is_some()) {
        let (panel, height) = year_panel(sources, &years, y);
        body.push_str(&panel);
        y += height + PANEL_GAP;
    }
    if !months.is_empty() {
        let (panel, height) = month_panel(&id, sources, &months, day_months, y);
        body.push_str(&panel);
        y += height + PANEL_GAP;
    }
    let height = (y - PANEL_GAP + 4.0).ceil();
    let mut out = String::new();
    let _ = write!(
        out,
        r##"<svg class="timeline" id="{id}-timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" aria-labelledby="{id}-timeline-title"><title id="{id}-timeline-title">Timeline of the dates and years each source gives</title><defs><pattern id="{id}-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="currentColor" stroke-width="3"/></pattern></defs>"##
    );
    out.push_str(&body);
    out.push_str("</svg>");
    Some(out)
}

struct DayItem<'a> {
    source: usize,
    start: Point,
    end: Point,
    topic: &'a str,
    status: &'a str,
    value: &'a str,
    resolution: Option<Resolution>,
}

struct YearItem<'a> {
    source: usize,
    /// None: a date whose year is not given.
    year: Option<i32>,
    from_date: bool,
    topic: &'a str,
    status: &'a str,
}

fn colour(status: &str) -> &'static str {
    match status {
        "conflict" => "#b3261e",
        "variant" => "#8a6100",
        "agreement" => "#1e7b34",
        _ => "#4f5b6d",
    }
}

fn rank(status: &str) -> u8 {
    match status {
        "conflict" => 0,
        "variant" => 1,
        "omission" => 2,
        _ => 3,
    }
}

/// Text safe for SVG content and attributes.
pub(super) fn text(s: &str) -> String {
    escape_html(&neutralize_bidi(s))
}

/// Rough width of a label at 11px (no font metrics in here).
fn text_width(s: &str) -> f64 {
    s.chars().count() as f64 * 6.3
}

/// The left-hand source labels and the alternating row bands.
fn source_band(out: &mut String, source: &Source, top: f64, height: f64, n: usize) {
    if n % 2 == 0 {
        let _ = write!(
            out,
            r##"<rect x="0" y="{top}" width="{WIDTH}" height="{height}" fill="#f4f6f9"/>"##
        );
    }
    let _ = write!(
        out,
        r##"<text class="source" x="{LABEL_X}" y="{:.1}" font-size="12"><tspan font-weight="bold">{}</tspan> <tspan style="unicode-bidi:isolate">{}</tspan></text>"##,
        top + height / 2.0 + 4.0,
        text(source.key),
        text(&truncate(source.label, 20)),
    );
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

fn panel_title(out: &mut String, y: f64, title: &str) {
    let _ = write!(
        out,
        r##"<text x="{LABEL_X}" y="{:.1}" font-size="12" font-weight="bold" fill="#333">{}</text>"##,
        y + 14.0,
        text(title)
    );
}

/// Days panel: returns its SVG, height and the months it spans.
fn day_panel(
    id: &str,
    sources: &[Source],
    items: &[DayItem],
    top: f64,
) -> (String, f64, (u32, u32)) {
    let first = items.iter().map(|i| i.start.month).min().unwrap_or(1);
    let last = items
        .iter()
        .map(|i| i.end.month.max(i.start.month))
        .max()
        .unwrap_or(first);
    let offset = |m: u32| -> u32 { (first..m).map(|k| MONTH_DAYS[k as usize - 1]).sum() };
    let total: u32 = offset(last) + MONTH_DAYS[last as usize - 1];
    // Day ordinals from the first month's first day.
    let ord = |m: u32, d: u32| offset(m) + d.max(1) - 1;
    let end_ord = |i: &DayItem| {
        if i.end.month < i.start.month {
            total - 1
        } else {
            ord(
                i.end.month,
                i.end.day.unwrap_or(MONTH_DAYS[i.end.month as usize - 1]),
            )
        }
    };
    let min_ord = items
        .iter()
        .map(|i| ord(i.start.month, i.start.day.unwrap_or(1)))
        .min()
        .unwrap_or(0);
    let max_ord = items.iter().map(end_ord).max().unwrap_or(total - 1);
    // The days shown: the dates with five days either side, two weeks at least.
    let mut lo = min_ord.saturating_sub(5);
    let mut hi = (max_ord + 5).min(total - 1);
    while hi - lo < 13 && (lo > 0 || hi < total - 1) {
        lo = lo.saturating_sub(1);
        hi = (hi + 1).min(total - 1);
    }
    let per_day = (PLOT_X1 - PLOT_X0) / f64::from(hi - lo + 1);
    // x of the left edge of a day; `day` counts from 1.
    let x_of =
        |month: u32, day: u32| PLOT_X0 + (f64::from(ord(month, day)) - f64::from(lo)) * per_day;
    let mut out = String::new();
    panel_title(&mut out, top, "Days (month–day axis)");
    let axis_y = top + AXIS;
    let step = [1u32, 2, 5, 7, 10, 15]
        .into_iter()
        .find(|s| f64::from(*s) * per_day >= 20.0)
        .unwrap_or(30);
    let lanes: usize = sources
        .iter()
        .enumerate()
        .map(|(s, _)| items.iter().filter(|i| i.source == s).count().max(1))
        .sum();
    let plot_bottom = axis_y + 6.0 + lanes as f64 * LANE + sources.len() as f64 * 6.0;
    // Day grid, day numbers and month names.
    for m in first..=last {
        let shown_from = if ord(m, 1) < lo {
            lo - offset(m) + 1
        } else {
            1
        };
        if ord(m, MONTH_DAYS[m as usize - 1]) < lo || ord(m, 1) > hi {
            continue;
        }
        let _ = write!(
            out,
            r##"<text x="{:.1}" y="{:.1}" font-size="11" font-weight="bold" fill="#333">{}</text>"##,
            x_of(m, shown_from) + 2.0,
            top + 28.0,
            MONTHS[m as usize - 1]
        );
        for d in 1..=MONTH_DAYS[m as usize - 1] {
            let o = ord(m, d);
            if o < lo || o > hi {
                continue;
            }
            let x = x_of(m, d);
            let strong = d == 1;
            let _ = write!(
                out,
                r##"<line x1="{x:.1}" y1="{axis_y:.1}" x2="{x:.1}" y2="{plot_bottom:.1}" stroke="{}" stroke-width="1"/>"##,
                if strong { "#9aa3b0" } else { "#e3e7ed" }
            );
            if d == shown_from || d % step == 0 {
                let _ = write!(
                    out,
                    r##"<text x="{:.1}" y="{:.1}" font-size="10" text-anchor="middle" fill="#555">{d}</text>"##,
                    x + per_day / 2.0,
                    axis_y - 2.0
                );
            }
        }
    }
    let mut y = axis_y + 6.0;
    for (s, source) in sources.iter().enumerate() {
        let mut mine: Vec<&DayItem> = items.iter().filter(|i| i.source == s).collect();
        mine.sort_by_key(|i| (i.start.month, i.start.day, i.end.month, i.end.day));
        let band = mine.len().max(1) as f64 * LANE + 6.0;
        source_band(&mut out, source, y, band, s);
        if mine.is_empty() {
            let _ = write!(
                out,
                r##"<text x="{PLOT_X0}" y="{:.1}" font-size="11" fill="#777" font-style="italic">no date with a day</text>"##,
                y + 3.0 + LANE / 2.0 + 4.0
            );
        }
        for (lane, item) in mine.iter().enumerate() {
            let lane_top = y + 3.0 + lane as f64 * LANE + LANE - BAR - 3.0;
            let start_day = item.start.day.unwrap_or(1);
            let (end_month, end_day) = if item.end.month < item.start.month {
                // A range into the next year: drawn to the axis end.
                (last, MONTH_DAYS[last as usize - 1])
            } else {
                (
                    item.end.month,
                    item.end
                        .day
                        .unwrap_or(MONTH_DAYS[item.end.month as usize - 1]),
                )
            };
            let x0 = x_of(item.start.month, start_day);
            let x1 = (x_of(end_month, end_day) + per_day).max(x0 + per_day);
            let c = colour(item.status);
            let unknown_year = item.start.year.is_none();
            let label = day_label(item);
            let _ = write!(
                out,
                r##"<g class="span {status}" data-value="{value}"><title>{tip}</title>"##,
                status = text(item.status),
                value = text(item.value),
                tip = text(&format!(
                    "{} · {} · {} · {}",
                    source.label, item.topic, item.value, item.status
                )),
            );
            if unknown_year {
                let _ = write!(
                    out,
                    r##"<rect x="{x0:.1}" y="{lane_top:.1}" width="{:.1}" height="{BAR}" fill="url(#{id}-hatch)" color="{c}" stroke="{c}" stroke-width="1.5" stroke-dasharray="4 2" rx="2"/>"##,
                    x1 - x0
                );
            } else {
                let _ = write!(
                    out,
                    r##"<rect x="{x0:.1}" y="{lane_top:.1}" width="{:.1}" height="{BAR}" fill="{c}" rx="2"/>"##,
                    x1 - x0
                );
            }
            // The label above its bar, kept inside the drawing.
            let w = text_width(&label) * 0.92;
            let lx = x0.min(WIDTH - 4.0 - w).max(PLOT_X0);
            let _ = write!(
                out,
                r##"<text x="{lx:.1}" y="{:.1}" font-size="10.5" fill="{c}">{}</text></g>"##,
                lane_top - 3.0,
                text(&label)
            );
        }
        y += band;
    }
    (out, y - top, (first, last))
}

/// "18–20 Sep 2025 · visit · conflict", "19–21 Sep (year not given) · visit".
fn day_label(item: &DayItem) -> String {
    let (s, e) = (item.start, item.end);
    let day = |p: Point| p.day.map(|d| d.to_string()).unwrap_or_default();
    let month = |p: Point| MONTHS[p.month as usize - 1];
    let mut dates = if s == e {
        format!("{} {}", day(s), month(s))
    } else if s.month == e.month && s.year == e.year {
        format!("{}–{} {}", day(s), day(e), month(s))
    } else {
        format!("{} {} – {} {}", day(s), month(s), day(e), month(e))
    };
    dates = dates.trim().to_string();
    let year = match (s.year, item.resolution) {
        (None, _) => " (year not given)".to_string(),
        (Some(y), Some(Resolution::EventTag)) => format!(" {y} (year from event tag)"),
        (Some(y), Some(Resolution::PublicationDate)) => {
            format!(" {y} (year from publication date)")
        }
        (Some(y), Some(Resolution::ReferenceDate)) => format!(" {y} (year from reference date)"),
        (Some(y), Some(Resolution::Weekday)) => format!(" {y} (year from the weekday)"),
        (Some(y), _) => format!(" {y}"),
    };
    let mut label = format!("{dates}{year} · {}", item.topic);
    if item.status == "conflict" {
        label.push_str(" · conflict");
    }
    label
}

/// Months panel for dates given by month only.
fn month_panel(
    id: &str,
    sources: &[Source],
    items: &[DayItem],
    day_months: Option<(u32, u32)>,
    top: f64,
) -> (String, f64) {
    let per_month = (PLOT_X1 - PLOT_X0) / 12.0;
    let x_of = |m: u32| PLOT_X0 + f64::from(m - 1) * per_month;
    let mut out = String::new();
    panel_title(&mut out, top, "Months (dates given by month only)");
    let axis_y = top + AXIS;
    let bottom = axis_y + 6.0 + sources.len() as f64 * (LANE + 6.0);
    if let Some((a, b)) = day_months {
        let _ = write!(
            out,
            r##"<rect x="{:.1}" y="{axis_y:.1}" width="{:.1}" height="{:.1}" fill="#e8eefc"/><text x="{:.1}" y="{:.1}" font-size="9" text-anchor="middle" fill="#555">days above</text>"##,
            x_of(a),
            f64::from(b - a + 1) * per_month,
            bottom - axis_y,
            x_of(a) + f64::from(b - a + 1) * per_month / 2.0,
            bottom + 10.0
        );
    }
    for m in 1..=12u32 {
        let x = x_of(m);
        let _ = write!(
            out,
            r##"<line x1="{x:.1}" y1="{axis_y:.1}" x2="{x:.1}" y2="{bottom:.1}" stroke="#e3e7ed"/><text x="{:.1}" y="{:.1}" font-size="10" text-anchor="middle" fill="#555">{}</text>"##,
            x + per_month / 2.0,
            axis_y - 2.0,
            MONTHS[m as usize - 1]
        );
    }
    let mut y = axis_y + 6.0;
    for (s, source) in sources.iter().enumerate() {
        let band = LANE + 6.0;
        source_band(&mut out, source, y, band, s);
        for item in items.iter().filter(|i| i.source == s) {
            let lane_top = y + 3.0 + (LANE - BAR) / 2.0;
            let end = if item.end.month < item.start.month {
                12
            } else {
                item.end.month
            };
            let x0 = x_of(item.start.month);
            let x1 = x_of(end) + per_month;
            let c = colour(item.status);
            let mut label = format!("{} · {}", MONTHS[item.start.month as usize - 1], item.topic);
            match item.start.year {
                None => label.push_str(" (year not given)"),
                Some(y) => {
                    label = format!(
                        "{} {y} · {}",
                        MONTHS[item.start.month as usize - 1],
                        item.topic
                    )
                }
            }
            let fill = if item.start.year.is_none() {
                format!(
                    r##"fill="url(#{id}-hatch)" color="{c}" stroke="{c}" stroke-width="1.5" stroke-dasharray="4 2""##
                )
            } else {
                format!(r##"fill="{c}""##)
            };
            let w = text_width(&label);
            let (lx, anchor) = if x1 + 6.0 + w <= WIDTH {
                (x1 + 6.0, "start")
            } else {
                (x0 - 6.0, "end")
            };
            let _ = write!(
                out,
                r##"<g class="span {status}" data-value="{value}"><title>{tip}</title><rect x="{x0:.1}" y="{lane_top:.1}" width="{:.1}" height="{BAR}" {fill} rx="2"/><text x="{lx:.1}" y="{:.1}" font-size="11" text-anchor="{anchor}" fill="{c}">{}</text></g>"##,
                x1 - x0,
                lane_top + BAR - 3.0,
                text(&label),
                status = text(item.status),
                value = text(item.value),
                tip = text(&format!(
                    "{} · {} · {}",
                    source.label, item.topic, item.value
                )),
            );
        }
        y += band;
    }
    (out, y - top + 12.0)
}

/// Years panel: stated years and the years of dates, with a "?" column.
fn year_panel(sources: &[Source], items: &[YearItem], top: f64) -> (String, f64) {
    let known: Vec<i32> = items.iter().filter_map(|i| i.year).collect();
    let (mut lo, mut hi) = (
        known.iter().copied().min().unwrap_or(2000),
        known.iter().copied().max().unwrap_or(2000),
    );
    // At least five columns, so that neighbouring years stand apart.
    while hi - lo < 4 {
        lo -= 1;
        if hi - lo < 4 {
            hi += 1;
        }
    }
    let unknown = items.iter().any(|i| i.year.is_none());
    let columns = (hi - lo + 1) as usize + usize::from(unknown);
    let per_year = (PLOT_X1 - PLOT_X0) / columns as f64;
    let x_of = |year: Option<i32>| -> f64 {
        let col = match year {
            Some(y) => (y - lo) as f64,
            None => (hi - lo + 1) as f64,
        };
        PLOT_X0 + col * per_year + per_year / 2.0
    };
    let mut out = String::new();
    panel_title(&mut out, top, "Years");
    let axis_y = top + AXIS;
    let lane = 34.0;
    let bottom = axis_y + 6.0 + sources.len() as f64 * lane;
    let label_every = ((30.0 / per_year).ceil() as i32).max(1);
    for year in lo..=hi {
        let x = x_of(Some(year));
        let _ = write!(
            out,
            r##"<line x1="{x:.1}" y1="{axis_y:.1}" x2="{x:.1}" y2="{bottom:.1}" stroke="#e3e7ed"/>"##
        );
        if (year - lo) % label_every == 0 {
            let _ = write!(
                out,
                r##"<text x="{x:.1}" y="{:.1}" font-size="10" text-anchor="middle" fill="#555">{year}</text>"##,
                axis_y - 2.0
            );
        }
    }
    if unknown {
        let x = x_of(None);
        let _ = write!(
            out,
            r##"<line x1="{x:.1}" y1="{axis_y:.1}" x2="{x:.1}" y2="{bottom:.1}" stroke="#e3e7ed" stroke-dasharray="3 3"/><text x="{x:.1}" y="{:.1}" font-size="10" text-anchor="middle" fill="#555">year not given</text>"##,
            axis_y - 2.0
        );
    }
    let mut y = axis_y + 6.0;
    for (s, source) in sources.iter().enumerate() {
        source_band(&mut out, source, y, lane, s);
        // One marker per column and source, with the most severe status.
        // (year, from a date, most severe status, its topics, all topics)
        type Marker<'t> = (Option<i32>, bool, &'t str, Vec<&'t str>, Vec<&'t str>);
        let mut markers: Vec<Marker> = Vec::new();
        for item in items.iter().filter(|i| i.source == s) {
            match markers
                .iter_mut()
                .find(|m| m.0 == item.year && m.1 == item.from_date)
            {
                Some(m) => {
                    if rank(item.status) < rank(m.2) {
                        m.2 = item.status;
                        m.3.clear();
                    }
                    if item.status == m.2 && !m.3.contains(&item.topic) {
                        m.3.push(item.topic);
                    }
                    if !m.4.contains(&item.topic) {
                        m.4.push(item.topic);
                    }
                }
                None => markers.push((
                    item.year,
                    item.from_date,
                    item.status,
                    vec![item.topic],
                    vec![item.topic],
                )),
            }
        }
        // Labels go to the most severe first, stated years before years of dates.
        markers.sort_by_key(|m| (rank(m.2), m.1, m.0));
        let mut taken: Vec<(f64, f64)> = Vec::new();
        for (year, from_date, status, topics, all_topics) in &markers {
            let c = colour(status);
            let x = x_of(*year);
            let cy = y + 11.0;
            let (x, shape) = if *from_date {
                // Years of dates sit a little apart from stated years.
                let x = x + 6.0;
                let shape = if year.is_some() {
                    format!(
                        r##"<rect x="{:.1}" y="{:.1}" width="9" height="9" fill="{c}"/>"##,
                        x - 4.5,
                        cy - 4.5
                    )
                } else {
                    format!(
                        r##"<rect x="{:.1}" y="{:.1}" width="9" height="9" fill="#fff" stroke="{c}" stroke-dasharray="2 1.5" stroke-width="1.5"/>"##,
                        x - 4.5,
                        cy - 4.5
                    )
                };
                (x, shape)
            } else {
                let x = x - 6.0;
                (
                    x,
                    format!(r##"<circle cx="{x:.1}" cy="{cy:.1}" r="5.5" fill="{c}"/>"##),
                )
            };
            let what = year.map_or("year not given".to_string(), |y| y.to_string());
            let severe = matches!(*status, "conflict" | "variant");
            let label = match (year, severe) {
                (Some(_), true) => format!("{what} {}", topics.join(", ")),
                (Some(_), false) => what.clone(),
                // The column is headed "year not given" already.
                (None, true) => topics.join(", "),
                (None, false) => String::new(),
            };
            let w = text_width(&label) * 0.9;
            // Keep the label inside the drawing.
            // (max/min, not clamp: a very long label must not panic)
            let x_text = x.max(PLOT_X0 + w / 2.0 - 20.0).min(WIDTH - 2.0 - w / 2.0);
            let (lx0, lx1) = (x_text - w / 2.0, x_text + w / 2.0);
            let free = !taken.iter().any(|&(a, b)| lx0 < b + 4.0 && a < lx1 + 4.0);
            let _ = write!(
                out,
                r##"<g class="year {status}" data-value="{}"><title>{}</title>{shape}"##,
                text(&what),
                text(&format!(
                    "{} · {} · {}{}",
                    source.label,
                    what,
                    all_topics.join(", "),
                    if *from_date { " (year of a date)" } else { "" }
                )),
            );
            if free && !label.is_empty() {
                taken.push((lx0, lx1));
                let weight = if *status == "conflict" {
                    "bold"
                } else {
                    "normal"
                };
                let _ = write!(
                    out,
                    r##"<text x="{x_text:.1}" y="{:.1}" font-size="10" font-weight="{weight}" text-anchor="middle" fill="{c}">{}</text>"##,
                    cy + 16.0,
                    text(&label)
                );
            }
            out.push_str("</g>");
        }
        y += lane;
    }
    let _ = write!(
        out,
        r##"<text x="{PLOT_X0}" y="{:.1}" font-size="9" fill="#555">● stated year   ■ year of a date</text>"##,
        y + 12.0
    );
    (out, y - top + 16.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark<'a>(source: usize, kind: FactKind, value: &'a str, status: &'a str) -> Mark<'a> {
        Mark {
            source,
            kind,
            topic: "visit",
            status,
            value,
            resolution: None,
        }
    }

    #[test]
    fn normalized_values_parse_with_and_without_years() {
        assert_eq!(
            parse_date("2025-09-18/2025-09-20"),
            Some((
                Point {
                    year: Some(2025),
                    month: 9,
                    day: Some(18)
                },
                Point {
                    year: Some(2025),
                    month: 9,
                    day: Some(20)
                }
            ))
        );
        assert_eq!(
            parse_point("--09-19"),
            Some(Point {
                year: None,
                month: 9,
                day: Some(19)
            })
        );
        assert_eq!(
            parse_point("--11"),
            Some(Point {
                year: None,
                month: 11,
                day: None
            })
        );
        assert_eq!(
            parse_point("2025-11"),
            Some(Point {
                year: Some(2025),
                month: 11,
                day: None
            })
        );
        assert_eq!(parse_point("2025-13-01"), None);
        assert_eq!(parse_point("2025-02-31"), None);
        assert_eq!(parse_point("tens"), None);
    }

    /// The x of the bar drawn for `value`.
    fn bar_x(svg: &str, value: &str) -> f64 {
        let at = svg
            .find(&format!("data-value=\"{value}\""))
            .expect("bar drawn");
        let rest = &svg[at..];
        let x = rest.find("<rect x=\"").expect("rect") + 9;
        rest[x..].split('"').next().unwrap().parse().unwrap()
    }

    #[test]
    fn shifted_ranges_are_a_day_apart_and_an_unknown_year_is_hatched() {
        let sources = [
            Source {
                key: "A",
                label: "راديو إكسبرس",
            },
            Source {
                key: "B",
                label: "<b>outlet</b>",
            },
        ];
        let marks = [
            mark(0, FactKind::Date, "2025-09-18/2025-09-20", "conflict"),
            mark(1, FactKind::Date, "--09-19/--09-21", "conflict"),
            mark(0, FactKind::Year, "2025", "conflict"),
            mark(1, FactKind::Year, "2024", "conflict"),
        ];
        let svg = svg("event-1", &sources, &marks).unwrap();
        let a = bar_x(&svg, "2025-09-18/2025-09-20");
        let b = bar_x(&svg, "--09-19/--09-21");
        // One day of a 30-day month across the plot is about 20 px.
        assert!(b - a > 15.0, "{a} {b}");
        assert!(svg.contains("url(#event-1-hatch)"));
        assert!(svg.contains("19–21 Sep (year not given)"));
        assert!(svg.contains("18–20 Sep 2025"));
        // Years: two columns apart by a fifth of the plot at least.
        let y25 = bar_x_year(&svg, "2025");
        let y24 = bar_x_year(&svg, "2024");
        assert!(y25 - y24 > 80.0, "{y24} {y25}");
        assert!(svg.contains("&lt;b&gt;outlet&lt;/b&gt;"));
        assert!(!svg.contains("<b>"));
    }

    fn bar_x_year(svg: &str, year: &str) -> f64 {
        let at = svg
            .find(&format!("class=\"year conflict\" data-value=\"{year}\""))
            .expect("year drawn");
        let rest = &svg[at..];
        let x = rest.find("cx=\"").expect("circle") + 4;
        rest[x..].split('"').next().unwrap().parse().unwrap()
    }

    #[test]
    fn nothing_to_draw_without_dates_or_years() {
        let sources = [Source {
            key: "A",
            label: "a",
        }];
        let marks = [mark(0, FactKind::Number, "43", "omission")];
        assert!(svg("e", &sources, &marks).is_none());
    }

    #[test]
    fn month_only_dates_get_their_own_panel() {
        let sources = [Source {
            key: "A",
            label: "a",
        }];
        let marks = [mark(0, FactKind::Date, "--11", "omission")];
        let svg = svg("e", &sources, &marks).unwrap();
        assert!(svg.contains("Months (dates given by month only)"));
        assert!(svg.contains("Nov · visit (year not given)"));
        assert!(!svg.contains("Days (month–day axis)"));
    }
}
