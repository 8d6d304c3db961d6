//! Running counts (a toll, votes counted) that the sources update: each
//! figure drawn at its article's publication date, in time order, one line
//! per count, so the editor sees the count rise instead of a contradiction.
//!
//! Fed by the `update` findings of classification: only sources with a
//! publication date are drawn (an update is decided by publication times).

use std::fmt::Write;

use chrono::NaiveDate;

use super::escape::escape_html;
use super::timeline::text;

/// One source's figure for a running count.
pub struct Point<'a> {
    /// The source's key ("A") in the group.
    pub key: String,
    pub published: NaiveDate,
    /// The figure as normalized ("17").
    pub value: &'a str,
}

/// One running count: its label in the reader's words and its points.
pub struct Series<'a> {
    pub label: &'a str,
    pub points: Vec<Point<'a>>,
}

const WIDTH: f64 = 800.0;
const LABEL_X: f64 = 8.0;
const PLOT_X0: f64 = 176.0;
const PLOT_X1: f64 = 760.0;
const LANE: f64 = 40.0;
const AXIS: f64 = 40.0;

/// The SVG, or None when no count has two dated points.
pub fn svg(id: &str, series: &[Series]) -> Option<String> {
    let mut drawn: Vec<(&str, Vec<&Point>)> = series
        .iter()
        .map(|s| {
            let mut points: Vec<&Point> = s.points.iter().collect();
            points.sort_by(|a, b| a.published.cmp(&b.published).then(a.key.cmp(&b.key)));
            (s.label, points)
        })
        .filter(|(_, p)| p.len() >= 2)
        .collect();
    drawn.sort_by(|a, b| a.0.cmp(b.0));
    if drawn.is_empty() {
        return None;
    }
    let dates = drawn
        .iter()
        .flat_map(|(_, p)| p.iter().map(|q| q.published));
    let lo = dates.clone().min()?;
    let hi = dates.max()?;
    // At least a three-day axis, so that one day's points do not pile up.
    let span = (hi - lo).num_days().max(2) as f64;
    let x_of = |d: NaiveDate| PLOT_X0 + (d - lo).num_days() as f64 / span * (PLOT_X1 - PLOT_X0);
    let height = AXIS + drawn.len() as f64 * LANE + 8.0;
    let id = escape_html(id);
    let mut out = String::new();
    let _ = write!(
        out,
        r##"<svg class="running" id="{id}-running" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" aria-labelledby="{id}-running-title"><title id="{id}-running-title">Running counts by publication date</title>"##
    );
    let _ = write!(
        out,
        r##"<text x="{LABEL_X}" y="16" font-size="12" font-weight="bold" fill="#333">Running counts, by publication date</text>"##
    );
    let bottom = height - 4.0;
    let mut day = lo;
    while day <= hi.max(lo + chrono::Days::new(2)) {
        let x = x_of(day);
        let _ = write!(
            out,
            r##"<line x1="{x:.1}" y1="{AXIS:.1}" x2="{x:.1}" y2="{bottom:.1}" stroke="#e3e7ed"/><text x="{x:.1}" y="{:.1}" font-size="10" text-anchor="middle" fill="#555">{}</text>"##,
            AXIS - 4.0,
            day.format("%Y-%m-%d")
        );
        let Some(next) = day.succ_opt() else { break };
        day = next;
        if span > 14.0 {
            // A long axis: one label a week.
            day = day + chrono::Days::new(6);
        }
    }
    for (n, (label, points)) in drawn.iter().enumerate() {
        let y = AXIS + n as f64 * LANE + LANE / 2.0 + 4.0;
        let _ = write!(
            out,
            r##"<text x="{LABEL_X}" y="{:.1}" font-size="12" style="unicode-bidi:isolate">{}</text>"##,
            y + 4.0,
            text(label)
        );
        let path: Vec<String> = points
            .iter()
            .map(|p| format!("{:.1},{y:.1}", x_of(p.published)))
            .collect();
        let _ = write!(
            out,
            r##"<polyline points="{}" fill="none" stroke="#4f5b6d" stroke-width="2"/>"##,
            path.join(" ")
        );
        // One dot and one label per day: "14 B · 17 D".
        let mut k = 0;
        while k < points.len() {
            let published = points[k].published;
            let day: Vec<&&Point> = points[k..]
                .iter()
                .take_while(|p| p.published == published)
                .collect();
            k += day.len();
            let x = x_of(published);
            let label: Vec<String> = day
                .iter()
                .map(|p| format!("{} {}", text(p.value), text(&p.key)))
                .collect();
            let _ = write!(
                out,
                r##"<circle cx="{x:.1}" cy="{y:.1}" r="5" fill="#4f5b6d"><title>{published}: {}</title></circle><text x="{x:.1}" y="{:.1}" font-size="11" text-anchor="{}" fill="#222">{}</text>"##,
                label.join(" · "),
                y - 9.0,
                if x > PLOT_X1 - 60.0 { "end" } else { "middle" },
                label.join(" · "),
            );
        }
    }
    out.push_str("</svg>");
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn points_are_drawn_in_time_order_whatever_the_source_order() {
        let series = [Series {
            label: "deaths",
            points: vec![
                Point {
                    key: "B".into(),
                    published: day("2025-01-22"),
                    value: "17",
                },
                Point {
                    key: "A".into(),
                    published: day("2025-01-20"),
                    value: "9",
                },
                Point {
                    key: "C".into(),
                    published: day("2025-01-21"),
                    value: "14",
                },
            ],
        }];
        let svg = svg("event-1", &series).unwrap();
        let at = |v: &str| svg.find(&format!(">{v} ")).unwrap();
        assert!(at("9") < at("14") && at("14") < at("17"), "{svg}");
        // The line runs left to right through the dates.
        let line = svg
            .split("points=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let xs: Vec<f64> = line
            .split(' ')
            .map(|p| p.split(',').next().unwrap().parse().unwrap())
            .collect();
        assert!(xs.windows(2).all(|w| w[0] < w[1]), "{xs:?}");
    }

    #[test]
    fn nothing_to_draw_without_two_dated_points() {
        let one = [Series {
            label: "deaths",
            points: vec![Point {
                key: "A".into(),
                published: day("2025-01-20"),
                value: "9",
            }],
        }];
        assert!(svg("e", &one).is_none());
        assert!(svg("e", &[]).is_none());
    }

    #[test]
    fn labels_are_escaped() {
        let series = [Series {
            label: "<script>",
            points: vec![
                Point {
                    key: "A".into(),
                    published: day("2025-01-20"),
                    value: "1",
                },
                Point {
                    key: "B".into(),
                    published: day("2025-01-21"),
                    value: "2",
                },
            ],
        }];
        assert!(!svg("e", &series).unwrap().contains("<script>"));
    }
}
