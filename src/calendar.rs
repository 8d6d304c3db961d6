//! The Hijri calendar: month names (data/hijri.toml), holidays, and
//! conversion between Umm al-Qura Hijri dates and Gregorian dates.
//!
//! Shared by ingest (publication lines such as "17 يونيو 2025م الموافق 21 ذي
//! الحجة 1446هـ") and by date extraction. The conversion is the Umm al-Qura
//! calendar of the `icu_calendar` crate: the official Saudi calendar, the one
//! Gulf outlets print beside the Gregorian date.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use icu_calendar::cal::Hijri;
use icu_calendar::Date;
use serde::Deserialize;

use crate::normalize::fold;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHijri {
    ambiguous: Vec<String>,
    year_suffixes: Vec<String>,
    month: Vec<RawMonth>,
    holiday: Vec<RawHoliday>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMonth {
    number: u32,
    names: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHoliday {
    names: Vec<String>,
    month: u32,
    day: u32,
}

/// A holiday fixed in the Hijri calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Holiday {
    pub month: u32,
    pub day: u32,
}

/// The Hijri lexicon, every entry folded (see `normalize::fold`), spaces single.
pub struct HijriLexicon {
    /// Folded month name → month number (1 = محرم … 12 = ذو الحجة).
    pub months: HashMap<String, u32>,
    /// Folded names that need a day or a year beside them to be a month.
    pub ambiguous: Vec<String>,
    /// Folded words written after a Hijri year ("هـ" folds to "ه").
    pub year_suffixes: Vec<String>,
    /// Folded holiday name → its Hijri month and day.
    pub holidays: HashMap<String, Holiday>,
}

fn folded_key(s: &str) -> String {
    fold(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

pub static HIJRI: LazyLock<HijriLexicon> = LazyLock::new(|| {
    let raw: RawHijri = toml::from_str(include_str!("../data/hijri.toml"))
        .expect("data/hijri.toml is valid (checked by tests)");
    let mut months = HashMap::new();
    for m in raw.month {
        for n in m.names {
            months.insert(folded_key(&n), m.number);
        }
    }
    let mut holidays = HashMap::new();
    for h in raw.holiday {
        for n in h.names {
            holidays.insert(
                folded_key(&n),
                Holiday {
                    month: h.month,
                    day: h.day,
                },
            );
        }
    }
    HijriLexicon {
        months,
        ambiguous: raw.ambiguous.iter().map(|s| folded_key(s)).collect(),
        year_suffixes: raw.year_suffixes.iter().map(|s| folded_key(s)).collect(),
        holidays,
    }
});

/// Hijri years the conversion accepts (about 1883–2174 CE): beyond them a
/// four-digit number is not read as a Hijri year.
pub fn plausible_hijri_year(y: i32) -> bool {
    (1300..=1600).contains(&y)
}

/// The Gregorian date of an Umm al-Qura Hijri date, if the date exists
/// (month 1–12, a day the month has).
pub fn hijri_to_gregorian(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    if !plausible_hijri_year(year) || !(1..=12).contains(&month) || !(1..=30).contains(&day) {
        return None;
    }
    let d =
        Date::try_new_hijri_with_calendar(year, month as u8, day as u8, Hijri::new_umm_al_qura())
            .ok()?;
    // A day 30 in a 29-day month is refused by icu (it would roll over).
    if u32::from(d.day_of_month().0) != day {
        return None;
    }
    let iso = d.to_calendar(icu_calendar::Iso);
    NaiveDate::from_ymd_opt(
        iso.year().extended_year(),
        u32::from(iso.month().ordinal),
        u32::from(iso.day_of_month().0),
    )
}

/// The Umm al-Qura Hijri date `(year, month, day)` of a Gregorian date.
pub fn gregorian_to_hijri(date: NaiveDate) -> Option<(i32, u32, u32)> {
    let iso = Date::try_new_iso(date.year(), date.month() as u8, date.day() as u8).ok()?;
    let h = iso.to_calendar(Hijri::new_umm_al_qura());
    Some((
        h.year().extended_year(),
        u32::from(h.month().ordinal),
        u32::from(h.day_of_month().0),
    ))
}

/// The Gregorian date of a holiday in a Hijri year.
pub fn holiday_in_hijri_year(h: Holiday, hijri_year: i32) -> Option<NaiveDate> {
    hijri_to_gregorian(hijri_year, h.month, h.day)
}

/// The Gregorian date of a holiday in a Gregorian year, when it falls in it
/// once (a Hijri year is 11 days shorter: rarely, a holiday falls twice in one
/// Gregorian year, and then the year alone does not say which one is meant).
pub fn holiday_in_gregorian_year(h: Holiday, year: i32) -> Option<NaiveDate> {
    let jan1 = NaiveDate::from_ymd_opt(year, 1, 1)?;
    let (hy, _, _) = gregorian_to_hijri(jan1)?;
    let hits: Vec<NaiveDate> = (hy..=hy + 1)
        .filter_map(|y| holiday_in_hijri_year(h, y))
        .filter(|d| d.year() == year)
        .collect();
    (hits.len() == 1).then(|| hits[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn lexicon_loads() {
        assert_eq!(HIJRI.months.get("ذي الحجه"), Some(&12));
        assert_eq!(HIJRI.months.get("جمادي الاخره"), Some(&6));
        assert_eq!(HIJRI.months.get("رمضان"), Some(&9));
        assert!(HIJRI.year_suffixes.contains(&"ه".to_string()));
        assert_eq!(HIJRI.holidays.get("عيد الاضحي").map(|h| h.day), Some(10));
    }

    #[test]
    fn umm_al_qura_dates_of_the_dev_set() {
        // Pairs printed by Gulf outlets (checked against Umm al-Qura tables).
        assert_eq!(hijri_to_gregorian(1446, 12, 21), Some(d(2025, 6, 17)));
        assert_eq!(hijri_to_gregorian(1446, 9, 12), Some(d(2025, 3, 12)));
        assert_eq!(hijri_to_gregorian(1447, 6, 12), Some(d(2025, 12, 3)));
        assert_eq!(hijri_to_gregorian(1447, 3, 2), Some(d(2025, 8, 25)));
        assert_eq!(gregorian_to_hijri(d(2025, 3, 12)), Some((1446, 9, 12)));
    }

    #[test]
    fn impossible_hijri_dates_are_refused() {
        assert_eq!(hijri_to_gregorian(1446, 13, 1), None);
        assert_eq!(hijri_to_gregorian(1446, 0, 1), None);
        assert_eq!(hijri_to_gregorian(1446, 9, 31), None);
        assert_eq!(hijri_to_gregorian(2025, 9, 1), None);
        // Ramadan 1446 had 29 days under Umm al-Qura.
        assert_eq!(hijri_to_gregorian(1446, 9, 30), None);
    }

    #[test]
    fn holidays_by_year() {
        let fitr = HIJRI.holidays["عيد الفطر"];
        assert_eq!(holiday_in_hijri_year(fitr, 1446), Some(d(2025, 3, 30)));
        assert_eq!(holiday_in_gregorian_year(fitr, 2025), Some(d(2025, 3, 30)));
        let adha = HIJRI.holidays["عيد الاضحي"];
        assert_eq!(holiday_in_gregorian_year(adha, 2024), Some(d(2024, 6, 16)));
    }
}
