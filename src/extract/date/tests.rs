use chrono::NaiveDate;

use super::*;
use crate::extract::ExtractOptions;
use crate::model::{Article, Calendar};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

/// (quote, normalized value, resolution, relative word) of every date.
fn dates_with(
    text: &str,
    published: Option<NaiveDate>,
    reference: Option<NaiveDate>,
) -> Vec<(String, String, Resolution, Option<String>)> {
    let mut article = Article::from_text("t", text);
    article.published = published;
    let options = ExtractOptions {
        reference_date: reference,
        ..Default::default()
    };
    let doc = Document::new(&article, &options);
    extract(&doc)
        .into_iter()
        .map(|f| {
            assert_eq!(
                article.quote(f.span),
                f.text,
                "the quote is the original text"
            );
            match f.value {
                Value::Date(d) => (f.text, d.normalized(), d.resolution, d.relative),
                _ => unreachable!(),
            }
        })
        .collect()
}

fn dates(text: &str) -> Vec<(String, String, Resolution, Option<String>)> {
    dates_with(text, None, None)
}

fn values(text: &str) -> Vec<String> {
    dates(text).into_iter().map(|d| d.1).collect()
}

fn one(text: &str) -> (String, String, Resolution, Option<String>) {
    let mut all = dates(text);
    assert_eq!(all.len(), 1, "one date in {text:?}: {all:?}");
    all.remove(0)
}

// --- Seeds -----------------------------------------------------------------

#[test]
fn seed_000_range_takes_the_year_of_the_event_tag_in_its_sentence() {
    let got = one("شهدت العاصمة التركية أنقرة من 18 إلى 20 شتنبر الجاري، زيارة عمل رسمية للمشاركة في المنتدى الدولي لتجهيزات الأمن الداخلي “IGEF 2025″، وهو حدث بارز");
    assert_eq!(got.0, "من 18 إلى 20 شتنبر الجاري");
    assert_eq!(got.1, "2025-09-18/2025-09-20");
    assert_eq!(got.2, Resolution::EventTag);
    assert_eq!(got.3.as_deref(), Some("الجاري"));
}

#[test]
fn seed_000_next_month_without_anchor_stays_unresolved() {
    let got = one("الدورة الثالثة والتسعون للجمعية العامة لمنظمة “الأنتربول” بمدينة مراكش في نونبر المقبل، إضافة إلى كأس أمم إفريقيا 2025 وكأس العالم 2030");
    assert_eq!(got.0, "نونبر المقبل");
    assert_eq!(got.1, "--11");
    assert_eq!(got.2, Resolution::Unresolved);
    assert_eq!(got.3.as_deref(), Some("المقبل"));
}

#[test]
fn seed_000_next_month_with_a_publication_date() {
    let got = dates_with(
        "بمدينة مراكش في نونبر المقبل.",
        Some(day(2025, 9, 20)),
        None,
    );
    assert_eq!(got[0].1, "2025-11");
    assert_eq!(got[0].2, Resolution::PublicationDate);
    let got = dates_with(
        "بمدينة مراكش في فبراير المقبل.",
        Some(day(2025, 9, 20)),
        None,
    );
    assert_eq!(got[0].1, "2026-02");
    let got = dates_with("منذ فبراير الماضي.", None, Some(day(2025, 9, 20)));
    assert_eq!(got[0].1, "2025-02");
    assert_eq!(got[0].2, Resolution::ReferenceDate);
    let got = dates_with("منذ أكتوبر الماضي.", None, Some(day(2025, 9, 20)));
    assert_eq!(got[0].1, "2024-10");
}

#[test]
fn seed_001_publication_date_wins_over_the_tag() {
    let text = "بالتزامن مع زيارة المدير العام للمعرض الدولي لتجهيزات الأمن الداخلي (IGEF24)، الذي تحتضنه مدينة أنقرة، من 19 إلى 21 سبتمبر الجاري، والذي يعد منصة دولية";
    let got = dates_with(text, Some(day(2024, 9, 20)), None);
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].0, "من 19 إلى 21 سبتمبر الجاري");
    assert_eq!(got[0].1, "2024-09-19/2024-09-21");
    assert_eq!(got[0].2, Resolution::PublicationDate);
    // Without the publication date the tag settles it.
    let got = one(text);
    assert_eq!(got.1, "2024-09-19/2024-09-21");
    assert_eq!(got.2, Resolution::EventTag);
}

#[test]
fn seed_001_english_publication_line() {
    let got = one("تاريخ النشر: 20th, September 2024 GMT");
    assert_eq!(got.0, "20th, September 2024");
    assert_eq!(got.1, "2024-09-20");
    assert_eq!(got.2, Resolution::Explicit);
}

#[test]
fn seed_002_paired_month_names() {
    let got = one("وتأتي هذه المباحثات خلال زيارة عمل يجريها حموشي إلى تركيا بين 19 و21 سبتمبر/ أيلول الجاري، بدعوة رسمية من السلطات التركية.");
    assert_eq!(got.0, "بين 19 و21 سبتمبر/ أيلول الجاري");
    assert_eq!(got.1, "--09-19/--09-21");
    assert_eq!(got.2, Resolution::Unresolved);
    let got = one("كما زار حموشي المعرض الدولي لتجهيزات الأمن الداخلي “IGEF 24” الذي تحتضنه أنقرة من 19 إلى 21 سبتمبر/أيلول، ويشكل منصة دولية");
    assert_eq!(got.0, "من 19 إلى 21 سبتمبر/أيلول");
    assert_eq!(got.1, "2024-09-19/2024-09-21");
    assert_eq!(got.2, Resolution::EventTag);
    assert_eq!(got.3, None);
}

#[test]
fn seed_003_explicit_year_range() {
    let got =
        one("احتضنت مدينة مراكش، خلال الفترة الممتدة بين 24 و27 نونبر 2025، أشغال الجمعية العامة");
    assert_eq!(got.0, "بين 24 و27 نونبر 2025");
    assert_eq!(got.1, "2025-11-24/2025-11-27");
    assert_eq!(got.2, Resolution::Explicit);
}

#[test]
fn seed_004_unresolved_without_publication_date() {
    let text = "يقوم المدير العام بزيارة عمل رسمية إلى المملكة العربية السعودية، تستمر من 8 إلى 12 فبراير الجاري، ويقود وفداً";
    let got = one(text);
    assert_eq!(got.1, "--02-08/--02-12");
    assert_eq!(got.2, Resolution::Unresolved);
    let got = dates_with(text, Some(day(2026, 2, 9)), None);
    assert_eq!(got[0].1, "2026-02-08/2026-02-12");
}

#[test]
fn seed_files_extract_without_panicking() {
    for entry in
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/seeds")).expect("seeds")
    {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("seed text");
        let article = Article::from_text(path.display().to_string(), text);
        let options = ExtractOptions::default();
        let doc = Document::new(&article, &options);
        for f in extract(&doc) {
            assert_eq!(article.quote(f.span), f.text);
        }
    }
}

// --- Month systems and forms ----------------------------------------------

#[test]
fn same_day_in_every_month_system() {
    for text in [
        "يوم 19 سبتمبر",
        "يوم ١٩ أيلول",
        "يوم 19 شتنبر",
        "يوم 19 ايلول",
        "le 19 septembre",
        "on 19 September",
    ] {
        assert_eq!(values(text), vec!["--09-19"], "{text}");
    }
    assert_eq!(values("في 5 جويلية 2024"), vec!["2024-07-05"]);
    assert_eq!(values("في 5 يوليوز 2024"), vec!["2024-07-05"]);
    assert_eq!(values("في 5 تموز 2024"), vec!["2024-07-05"]);
    assert_eq!(values("في 3 غشت 2024"), vec!["2024-08-03"]);
    assert_eq!(values("في 3 أوت 2024"), vec!["2024-08-03"]);
    assert_eq!(
        values("في 3 إبريل 2024 و4 ابريل 2024"),
        vec!["2024-04-03", "2024-04-04"]
    );
    assert_eq!(values("في 1 كانون الثاني 2024"), vec!["2024-01-01"]);
    assert_eq!(values("في 1 تشرين ثاني 2024"), vec!["2024-11-01"]);
    assert_eq!(values("في 31 دجنبر 2024"), vec!["2024-12-31"]);
    assert_eq!(values("le 1er octobre 2024"), vec!["2024-10-01"]);
    assert_eq!(values("September 20, 2024"), vec!["2024-09-20"]);
}

#[test]
fn paired_forms_are_one_date() {
    assert_eq!(values("في 19 سبتمبر (أيلول) 2024"), vec!["2024-09-19"]);
    let got = one("منذ التوصل إليه في 15 يناير كانون الثاني 2025 وأتاح");
    assert_eq!(got.0, "15 يناير كانون الثاني 2025");
    assert_eq!(got.1, "2025-01-15");
    // Different months are not a pair.
    assert_eq!(values("بين 3 مارس/ أبريل"), vec!["--03-03"]);
}

#[test]
fn ambiguous_month_names_need_a_number_or_a_word() {
    assert_eq!(values("في 3 ماي 2024"), vec!["2024-05-03"]);
    assert_eq!(values("يوم 3 ماي"), vec!["--05-03"]);
    assert!(values("قال ماي إن الحكومة").is_empty());
    assert!(values("مارس اللاعب الرياضة منذ صغره").is_empty());
    assert!(values("وهو أب لثلاثة أطفال وآب إلى منزله").is_empty());
    assert_eq!(values("في 15 آب"), vec!["--08-15"]);
    assert!(values("فتح الباب").is_empty());
    assert!(values("صرح حميد شباط للصحافة").is_empty());
    assert_eq!(values("خلال شهر ماي"), vec!["--05"]);
    assert_eq!(values("في ماي 2024"), vec!["2024-05"]);
    assert!(values("You may 20 times try").is_empty());
}

#[test]
fn month_names_need_word_boundaries() {
    assert!(values("المارسيليز 12").is_empty());
    assert!(values("سبتمبري 12").is_empty());
}

#[test]
fn month_alone_only_with_shahr_year_or_relative_word() {
    assert!(values("في سبتمبر اجتمع المجلس").is_empty());
    assert_eq!(values("خلال شهر سبتمبر اجتمع المجلس"), vec!["--09"]);
    assert_eq!(values("في نونبر 2025 اجتمع"), vec!["2025-11"]);
    assert_eq!(values("في سبتمبر الماضي"), vec!["--09"]);
}

#[test]
fn ranges_in_all_their_forms() {
    assert_eq!(
        values("من 18 إلى 20 شتنبر 2025"),
        vec!["2025-09-18/2025-09-20"]
    );
    assert_eq!(
        values("بين 19 و21 سبتمبر 2024"),
        vec!["2024-09-19/2024-09-21"]
    );
    assert_eq!(
        values("أيام 24 و27 نونبر 2025"),
        vec!["2025-11-24/2025-11-27"]
    );
    assert_eq!(
        values("أيام 18-20 سبتمبر 2024"),
        vec!["2024-09-18/2024-09-20"]
    );
    assert_eq!(
        values("أيام 18 – 20 سبتمبر 2024"),
        vec!["2024-09-18/2024-09-20"]
    );
    assert_eq!(
        values("من 30 يناير إلى 2 فبراير 2025"),
        vec!["2025-01-30/2025-02-02"]
    );
    assert_eq!(
        values("من 30 دجنبر إلى 2 يناير 2025"),
        vec!["2024-12-30/2025-01-02"]
    );
    assert_eq!(
        values("من 30 يناير 2024 إلى 2 فبراير"),
        vec!["2024-01-30/2024-02-02"]
    );
    assert_eq!(values("من 13 تموز الى 15 تموز"), vec!["--07-13/--07-15"]);
    assert_eq!(
        values("du 18 au 20 septembre 2025"),
        vec!["2025-09-18/2025-09-20"]
    );
    assert_eq!(values("يوليو 13-15"), vec!["--07-13/--07-15"]);
    assert_eq!(
        values("من الثالث والعشرين وحتى السادس والعشرين من شهر أكتوبر"),
        vec!["--10-23/--10-26"]
    );
    // A backward range is no range.
    assert!(values("من 20 إلى 18 سبتمبر")
        .iter()
        .all(|v| !v.contains('/')));
}

#[test]
fn weekday_before_the_day_is_quoted() {
    let got = one("تنطلق الثلاثاء 19 سبتمبر 2023 أشغال");
    assert_eq!(got.0, "الثلاثاء 19 سبتمبر 2023");
    assert_eq!(got.1, "2023-09-19");
    assert_eq!(one("يوم الخميس الموافق 14 شهر شباط").1, "--02-14");
    assert_eq!(
        one("الاربعاء الموافق الثالث عشر من شباط 2013").1,
        "2013-02-13"
    );
}

#[test]
fn ordinal_days() {
    assert_eq!(values("في الأول من مارس 2024"), vec!["2024-03-01"]);
    assert_eq!(values("الرابع من نيسان"), vec!["--04-04"]);
    // A week or an nth weekday is not a day of the month.
    assert!(values("الأسبوع الأول من سبتمبر")
        .iter()
        .all(|v| v != "--09-01"));
    assert!(values("الثلاثاء الأول من أكتوبر")
        .iter()
        .all(|v| v != "--10-01"));
}

#[test]
fn bidi_mark_inside_a_date_matches_and_stays_in_the_quote() {
    let got = one("يوم 19\u{200F} سبتمبر 2024");
    assert_eq!(got.0, "19\u{200F} سبتمبر 2024");
    assert_eq!(got.1, "2024-09-19");
}

#[test]
fn impossible_days_are_dropped() {
    assert!(values("في 31 نونبر 2025").is_empty());
    assert!(values("في 29 فبراير 2023").is_empty());
    assert_eq!(values("في 29 فبراير 2024"), vec!["2024-02-29"]);
    assert!(values("الدورة 93 سبتمبر").is_empty());
    assert!(values("بلغت 3.19 سبتمبر").is_empty());
}

// --- Numeric dates ------------------------------------------------------------

#[test]
fn numeric_dates() {
    assert_eq!(values("بتاريخ 20/09/2024"), vec!["2024-09-20"]);
    assert_eq!(values("بتاريخ 2024-09-20"), vec!["2024-09-20"]);
    assert_eq!(values("بتاريخ 20-09-2024"), vec!["2024-09-20"]);
    assert_eq!(values("on 09/20/2024"), vec!["2024-09-20"]);
    assert_eq!(values("يوم السبت 21/09 الساعة 1:30"), vec!["--09-21"]);
    // Hijri years, scores, law numbers and versions are not dates.
    assert!(values("14-09-1432 هـ").is_empty());
    assert!(values("فاز الفريق 2/1 على منافسه").is_empty());
    assert!(values("القانون رقم 31.13 والإصدار 1.2.3").is_empty());
    assert!(values("القانون رقم 2/2013").is_empty());
    assert!(values("بتاريخ 20/13/2024").is_empty());
}

// --- Relative dates -----------------------------------------------------------

#[test]
fn relative_days_need_an_anchor() {
    assert!(values("وقالت السلطات الصحية أمس الثلاثاء إن").is_empty());
    let got = dates_with(
        "وقالت السلطات الصحية أمس الثلاثاء إن",
        Some(day(2025, 3, 19)),
        None,
    );
    assert_eq!(
        got,
        vec![(
            "أمس الثلاثاء".to_string(),
            "2025-03-18".to_string(),
            Resolution::PublicationDate,
            Some("أمس".to_string())
        )]
    );
    let got = dates_with(
        "أعلنت الوزارة اليوم الجمعة أن",
        None,
        Some(day(2024, 9, 20)),
    );
    assert_eq!(got[0].1, "2024-09-20");
    assert_eq!(got[0].2, Resolution::ReferenceDate);
    let got = dates_with("يصل الوفد، غدا، إلى الرباط", None, Some(day(2024, 9, 20)));
    assert_eq!(got[0].1, "2024-09-21");
}

#[test]
fn today_and_became_are_guarded() {
    let anchor = Some(day(2024, 9, 20));
    assert!(dates_with("بمناسبة اليوم العالمي للمرأة", None, anchor).is_empty());
    assert!(dates_with("في اليوم الثاني من الزيارة", None, anchor).is_empty());
    assert!(dates_with("غدا المغرب نموذجا يحتذى به", None, anchor).is_empty());
    assert!(dates_with("يصل الوفد غدا، على أن", None, anchor).is_empty());
    assert_eq!(
        dates_with("صباح اليوم في الرباط", None, anchor)[0].1,
        "2024-09-20"
    );
}

#[test]
fn relative_weekdays_and_months() {
    let anchor = Some(day(2013, 2, 12)); // a Tuesday
    assert_eq!(
        dates_with("الثلاثاء القادم", None, anchor)[0].1,
        "2013-02-19"
    );
    assert_eq!(dates_with("الاحد الماضي", None, anchor)[0].1, "2013-02-10");
    assert_eq!(
        dates_with("يوم الثلاثاء السابق", None, anchor)[0].1,
        "2013-02-05"
    );
    assert_eq!(dates_with("خلال الشهر الماضي", None, anchor)[0].1, "2013-01");
    assert_eq!(
        dates_with("في 19 من الشهر الجاري", None, anchor)[0].1,
        "2013-02-19"
    );
    assert_eq!(dates_with("خلال هذا الشهر", None, anchor)[0].1, "2013-02");
    assert_eq!(
        dates_with("الثلاثاء التاسع عشر من هذا الشهر", None, anchor)[0].1,
        "2013-02-19"
    );
    assert!(dates_with("الثلاثاء الأول من هذا الشهر", None, anchor)
        .iter()
        .all(|d| d.1 != "2013-02-01"));
    assert_eq!(
        dates_with("في 19 سبتمبر الجاري", None, anchor)[0].1,
        "2013-09-19"
    );
    assert!(dates_with("الثلاثاء القادم", None, None).is_empty());
}

#[test]
fn bare_day_month_takes_only_a_tag_year_never_the_publication_year() {
    let got = dates_with("وصل الوفد في 19 سبتمبر.", Some(day(2024, 9, 20)), None);
    assert_eq!(got[0].1, "--09-19");
    assert_eq!(got[0].2, Resolution::Unresolved);
    // A tag in another sentence does not count.
    assert_eq!(
        values("افتتح معرض IGEF 2025. وصل الوفد في 19 سبتمبر."),
        vec!["--09-19"]
    );
    assert_eq!(
        values("وصل الوفد إلى معرض IGEF 2025 في 19 سبتمبر."),
        vec!["2025-09-19"]
    );
}

#[test]
fn never_panics_on_odd_input() {
    for text in [
        "",
        "سبتمبر",
        "19",
        "من 19 إلى",
        "-- 31/",
        "\u{200F}\u{200F}١٩",
        "من 99 إلى 100 مارس",
        "١٩‏ أيلول",
    ] {
        let _ = dates(text);
        let _ = dates_with(text, Some(day(2024, 2, 29)), None);
    }
}

#[test]
#[ignore = "prints the dates and years of every seed; run with --ignored --nocapture"]
fn show_seed_facts() {
    for entry in
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/seeds")).expect("seeds")
    {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("seed text");
        let article = Article::from_text(path.display().to_string(), text);
        let options = ExtractOptions::default();
        println!("== {}", path.display());
        for f in crate::extract::extract(&article, &options) {
            if matches!(f.kind, FactKind::Date | FactKind::Year) {
                println!(
                    "  {:?} {:?} = {} {:?}",
                    f.kind,
                    f.text,
                    f.normalized(),
                    f.value
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Calendar forms (arabic_calendar.rs).

/// (quote, normalized value, calendar, weekday, Hijri date) of one date.
type CalendarRow = (
    String,
    String,
    Calendar,
    Option<u32>,
    Option<(i32, u32, Option<u32>)>,
);

/// Every date of a text, as [`CalendarRow`]s.
fn calendar_values(text: &str, published: Option<NaiveDate>) -> Vec<CalendarRow> {
    let mut article = Article::from_text("t", text);
    article.published = published;
    let options = ExtractOptions::default();
    let doc = Document::new(&article, &options);
    extract(&doc)
        .into_iter()
        .map(|f| match f.value {
            Value::Date(d) => (
                f.text,
                d.normalized(),
                d.calendar,
                d.weekday,
                d.hijri.map(|h| (h.year, h.month, h.day)),
            ),
            _ => unreachable!(),
        })
        .collect()
}

#[test]
fn hijri_dates_with_their_gregorian_equivalent() {
    // Written alone: converted with the Umm al-Qura calendar.
    let got = calendar_values(
        "وقع الصندوق الاتفاقية يوم الأربعاء 12 رمضان 1446هـ في نواكشوط.",
        None,
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "يوم الأربعاء 12 رمضان 1446هـ");
    assert_eq!(got[0].1, "2025-03-12");
    assert_eq!(got[0].2, Calendar::Hijri);
    assert_eq!(got[0].3, Some(3));
    assert_eq!(got[0].4, Some((1446, 9, Some(12))));
    // Written beside the Gregorian date: one fact with both, as written.
    let got = calendar_values(
        "وقّع الصندوق، اليوم الأربعاء 12 رمضان 1446هـ الموافق 12 مارس 2025م، في العاصمة الموريتانية.",
        None,
    );
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "الأربعاء 12 رمضان 1446هـ الموافق 12 مارس 2025م");
    assert_eq!(got[0].1, "2025-03-12");
    assert_eq!(got[0].2, Calendar::Gregorian);
    assert_eq!(got[0].4, Some((1446, 9, Some(12))));
    // A pair that does not match is kept as written (the comparison checks it).
    let got = calendar_values("وذلك يوم 17 يونيو 2025م الموافق 22 ذي الحجة 1446هـ.", None);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, "2025-06-17");
    assert_eq!(got[0].4, Some((1446, 12, Some(22))));
    // No year: no date (its year would be a guess); "صفر" alone is zero.
    assert!(calendar_values("يصادف 12 رمضان ذكرى معركة.", None).is_empty());
    assert!(calendar_values("وبلغ عدد الإصابات صفر حالة.", None).is_empty());
}

#[test]
fn holidays_and_hijri_months_with_their_year() {
    let got = calendar_values("وتزامن ذلك مع عيد الأضحى 2024 في المغرب.", None);
    assert_eq!(got[0].1, "2024-06-16");
    assert_eq!(got[0].2, Calendar::Hijri);
    let got = calendar_values("خلال شهر رمضان 2019 ارتفعت الأسعار.", None);
    assert_eq!(got[0].1, "2019-05-06/2019-06-03");
    let got = calendar_values(
        "وتعود العائلات قبل عيد الفطر المقبل.",
        Some(day(2025, 3, 13)),
    );
    assert_eq!(got[0].1, "2025-03-30");
    // Without a year or a relative word, a holiday is no date.
    assert!(calendar_values("وتنتعش الأسواق في عيد الفطر كل عام.", None).is_empty());
}

#[test]
fn parts_of_a_month() {
    let got = calendar_values("وستنطلق الأشغال في أوائل مارس 2025 بالمدينة.", None);
    assert_eq!(got[0].0, "أوائل مارس 2025");
    assert_eq!(got[0].1, "2025-03-01/2025-03-10");
    let got = calendar_values("على أن تنتهي في أواخر شهر فبراير 2024.", None);
    assert_eq!(got[0].1, "2024-02-21/2024-02-29");
    let got = calendar_values("ويعقد المؤتمر منتصف أكتوبر المقبل.", Some(day(2025, 4, 27)));
    assert_eq!(got[0].1, "2025-10-11/2025-10-20");
    // Without a year, the year stays open.
    let got = calendar_values("في أواخر مارس.", None);
    assert_eq!(got[0].1, "--03-21/--03-31");
}

#[test]
fn months_given_as_numbers() {
    let got = calendar_values("وارتفعت الأسعار في شهر 3 من هذا العام.", None);
    assert_eq!(got[0].0, "شهر 3");
    assert_eq!(got[0].1, "--03");
    let got = calendar_values("وتقام الدورة من 27 إلى 29 من الشهر الثامن 2025.", None);
    assert_eq!(got[0].1, "2025-08-27/2025-08-29");
    // "الشهر الثالث" alone counts months of something else.
    assert!(calendar_values("ودخل الإضراب الشهر الثالث على التوالي.", None).is_empty());
    assert!(calendar_values("استمر الحصار شهر 13 يوما.", None).is_empty());
}

#[test]
fn days_counted_back_from_the_article() {
    let p = Some(day(2025, 3, 13));
    let got = calendar_values("وكان الوزير قد زار المدينة قبل أسبوع.", p);
    assert_eq!(got[0].1, "2025-03-06");
    let got = calendar_values("وانطلقت الحملة منذ 3 أيام في الولاية.", p);
    assert_eq!(got[0].1, "2025-03-10");
    let got = calendar_values("وصل الوفد قبل يومين إلى العاصمة.", p);
    assert_eq!(got[0].1, "2025-03-11");
    // Relative to something else than the article: nothing.
    assert!(calendar_values("وتم ذلك قبل أسبوع من الانتخابات.", p).is_empty());
    // Without the article's date: nothing.
    assert!(calendar_values("وكان الوزير قد زار المدينة قبل أسبوع.", None).is_empty());
}

#[test]
fn weekdays_alone_against_the_article_date() {
    // Published Monday 20 January 2025.
    let p = Some(day(2025, 1, 20));
    let got = calendar_values("وضرب الزلزال المنطقة ليلة الأحد وخلف أضرارا.", p);
    assert_eq!(got[0].1, "2025-01-19");
    assert_eq!(got[0].3, Some(7));
    let got = calendar_values("وقال الوزير يوم الخميس إن الحصيلة مؤقتة.", p);
    assert_eq!(got[0].1, "2025-01-16");
    let got = calendar_values("ومن المقرر أن يصل الوفد يوم الخميس إلى الرباط.", p);
    assert_eq!(got[0].1, "2025-01-23");
    // Not weekdays: eleven, a name; nothing without the article's date.
    assert!(calendar_values("وأصيب الأحد عشر لاعبا بجروح.", p).is_empty());
    assert!(calendar_values("وقال عبد الأحد الصالح إن الوضع مستقر.", p).is_empty());
    assert!(calendar_values("وقال الوزير يوم الخميس إن الحصيلة مؤقتة.", None).is_empty());
}

#[test]
fn a_weekday_written_with_its_date_is_kept_on_the_value() {
    // n06_b: Friday written, 26 April 2025 was a Saturday; both kept as written.
    let got = calendar_values(
        "انعقد يوم الجمعة 26 أبريل 2025 بمدينة سوسة اجتماع المجلس.",
        None,
    );
    assert_eq!(got[0].1, "2025-04-26");
    assert_eq!(got[0].3, Some(5));
}

#[test]
fn a_weekday_beside_a_date_settles_its_year() {
    let p = Some(day(2025, 6, 16));
    let got = dates_with(
        "برنامج الزيارة يتضمن جلسة عمل يوم الثلاثاء 17 جوان.",
        p,
        None,
    );
    assert_eq!(got[0].1, "2025-06-17");
    assert_eq!(got[0].2, Resolution::Weekday);
    // Late December, a Friday 2 January is next year's.
    let got = dates_with("ويعود الوفد الجمعة 2 يناير.", Some(day(2025, 12, 29)), None);
    assert_eq!(got[0].1, "2026-01-02");
    // A weekday that fits no nearby year leaves the year open, never guessed.
    let got = dates_with(
        "انعقد يوم الجمعة 26 أبريل بسوسة.",
        Some(day(2025, 4, 27)),
        None,
    );
    assert_eq!(got[0].1, "--04-26");
    // Without the article's date, nothing to be near to.
    let got = dates_with("يوم الثلاثاء 17 جوان.", None, None);
    assert_eq!(got[0].1, "--06-17");
}

#[test]
fn colloquial_day_words() {
    let p = Some(day(2013, 2, 12));
    assert_eq!(dates_with("راح نسافر بكرة", p, None)[0].1, "2013-02-13");
    assert_eq!(dates_with("وصل امبارح", p, None)[0].1, "2013-02-11");
    assert_eq!(dates_with("الاجتماع بعد بكرة", p, None)[0].1, "2013-02-14");
}

#[test]
fn holidays_named_alone_take_the_occurrence_near_the_article() {
    // Published 12 February 2013: the next Eid al-Adha is October's.
    let p = Some(day(2013, 2, 12));
    let got = calendar_values("وتستعد الأسر لعيد الأضحى بشراء الأضاحي.", p);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, "2013-10-15");
    assert_eq!(got[0].2, Calendar::Hijri);
    // Two weeks after Eid al-Fitr 2025 (30 March), it is that one.
    let got = calendar_values("وسجلت الشرطة حوادث خلال عيد الفطر.", Some(day(2025, 4, 14)));
    assert_eq!(got[0].1, "2025-03-30");
    let got = calendar_values("ويحتفل المسلمون برأس السنة الهجرية.", p);
    assert_eq!(got[0].1, "2013-11-04");
    // Any year's holiday, or no article date: nothing.
    assert!(calendar_values("وتنتعش الأسواق في عيد الفطر كل عام.", p).is_empty());
    assert!(calendar_values("وتستعد الأسر لعيد الأضحى.", None).is_empty());
}

#[test]
fn nth_weekday_of_a_month() {
    let p = Some(day(2013, 2, 12));
    let got = calendar_values("وتقام الانتخابات في أول اثنين من مارس.", p);
    assert_eq!(got[0].0, "أول اثنين من مارس");
    assert_eq!(got[0].1, "2013-03-04");
    assert_eq!(got[0].3, Some(1));
    let got = calendar_values("الثلاثاء الثالث من شهر أيلول من عام 2014", None);
    assert_eq!(got[0].1, "2014-09-16");
    let got = calendar_values("ثالث ثلاثاء في ايلول في سنة 2014", None);
    assert_eq!(got[0].1, "2014-09-16");
    let got = calendar_values("ويعقد المجلس دورته آخر جمعة من الشهر المقبل.", p);
    assert_eq!(got[0].1, "2013-03-29");
    let got = calendar_values("الاثنين الأخير من شهر مارس", p);
    assert_eq!(got[0].1, "2013-03-25");
    // A fifth weekday the month does not have: no day (the month stays).
    let got = calendar_values("خامس اثنين من فبراير 2013", None);
    assert!(got.iter().all(|r| r.1 == "2013-02"), "{got:?}");
    // "أول أحد" that counts people, not Sundays: no month after it.
    assert!(calendar_values("وكان أول أحد يصل إلى المكان.", p).is_empty());
}

#[test]
fn weekdays_of_a_relative_week() {
    // Monday 7 November 2016; weeks run Monday to Sunday.
    let p = Some(day(2016, 11, 7));
    let got = calendar_values("ويعود الوفد الأسبوع المقبل يوم الجمعة.", p);
    assert_eq!(got[0].1, "2016-11-18");
    let got = calendar_values("ويعود الوفد يوم الجمعة من الأسبوع المقبل.", p);
    assert_eq!(got[0].1, "2016-11-18");
    let got = calendar_values("وقع الحادث أحد الأسبوع الماضي.", p);
    assert_eq!(got[0].1, "2016-11-06");
    let got = calendar_values("ويصل الوزير هذا الأسبوع الخميس.", p);
    assert_eq!(got[0].1, "2016-11-10");
}

#[test]
fn a_weekday_with_a_day_number_and_no_month() {
    // Wednesday 27 September 2017: Thursday 21 is six days before.
    let p = Some(day(2017, 9, 27));
    let got = dates_with("وعاد الوفد يوم الخميس 21.", p, None);
    assert_eq!(got[0].0, "يوم الخميس 21");
    assert_eq!(got[0].1, "2017-09-21");
    assert_eq!(got[0].2, Resolution::Weekday);
    let got = dates_with("السبت السادس عشر", Some(day(2013, 2, 12)), None);
    assert_eq!(got[0].1, "2013-02-16");
    // "الأحد الثاني" counts Sundays: no day of the month.
    assert!(dates_with("وصل يوم الأحد الثاني.", p, None).is_empty());
    // A count after the weekday is no day of the month.
    assert!(dates_with("وسقط يوم الخميس 21 قتيلا في المدينة.", p, None)
        .iter()
        .all(|d| d.1 != "2017-09-21"));
}

#[test]
fn ranges_of_days_in_a_relative_month() {
    let p = Some(day(2016, 11, 7));
    let got = dates_with("ويقام المعرض من 4 إلى 22 من الشهر الجاري.", p, None);
    assert_eq!(got[0].0, "من 4 إلى 22 من الشهر الجاري");
    assert_eq!(got[0].1, "2016-11-04/2016-11-22");
    let got = dates_with("وتستمر الدورة بين 4 و23 الشهر المقبل.", p, None);
    assert_eq!(got[0].1, "2016-12-04/2016-12-23");
}

#[test]
fn months_and_days_counted_from_the_article() {
    let p = Some(day(2016, 11, 7));
    assert_eq!(dates_with("وراسلته قبل شهر.", p, None)[0].1, "2016-10-07");
    assert_eq!(
        dates_with("وغادر منذ ثلاثة أشهر.", p, None)[0].1,
        "2016-08-07"
    );
    // Forward only with a future cue or "من الآن".
    assert_eq!(
        dates_with("وسيعقد الاجتماع بعد يومين.", p, None)[0].1,
        "2016-11-09"
    );
    assert_eq!(
        dates_with("أعود بعد أسبوعين من الآن.", p, None)[0].1,
        "2016-11-21"
    );
    assert!(dates_with("وبعد يومين عاد الوفد إلى بلاده.", p, None).is_empty());
    assert_eq!(dates_with("وصل بالأمس.", p, None)[0].1, "2016-11-06");
}

// --- Holidays, weekdays with a day, weeks (French, English, Arabic) --------

/// (quote, value) of every date, against a publication date.
fn dated(text: &str, published: NaiveDate) -> Vec<(String, String)> {
    dates_with(text, Some(published), None)
        .into_iter()
        .map(|d| (d.0, d.1))
        .collect()
}

fn pair(quote: &str, value: &str) -> (String, String) {
    (quote.to_string(), value.to_string())
}

#[test]
fn holidays_by_rule_fixed_easter_and_nth_weekday() {
    let p = day(2025, 12, 3);
    assert_eq!(
        dated(
            "The market will close on Christmas Day for the first time.",
            p
        ),
        [pair("Christmas Day", "2025-12-25")]
    );
    assert_eq!(
        dated(
            "Les églises étaient pleines à Pâques 2024 selon le diocèse.",
            p
        ),
        [pair("Pâques 2024", "2024-03-31")]
    );
    assert_eq!(
        dated("Sales fell after Thanksgiving 2024 in most states.", p),
        [pair("Thanksgiving 2024", "2024-11-28")]
    );
    assert_eq!(
        dated("Shops opened early on Black Friday, officials said.", p),
        [pair("Black Friday", "2025-11-28")]
    );
    assert_eq!(
        dated("The protest took place last Easter near the cathedral.", p),
        [pair("last Easter", "2025-04-20")]
    );
    assert_eq!(
        dated("احتفل المسيحيون بعيد الفصح المقبل في الكنيسة.", p),
        [pair("بعيد الفصح المقبل", "2026-04-05")]
    );
    assert_eq!(
        dated(
            "The ceasefire held through Eid al-Adha 2025 in the region.",
            p
        ),
        [pair("Eid al-Adha 2025", "2025-06-06")]
    );
}

#[test]
fn holiday_names_that_are_no_dates() {
    let p = day(2025, 12, 3);
    // A first name, a place, a thing named after the holiday, a verb.
    assert!(dated("Noël Le Graët a démissionné de la fédération.", p).is_empty());
    assert!(dated("Tourists flocked to Easter Island this season.", p)
        .iter()
        .all(|(q, _)| !q.contains("Easter")));
    assert!(dated("The Christmas tree was lit in the square.", p).is_empty());
    assert!(dated("احتفل الطفل بعيد الميلاد مع أسرته.", p).is_empty());
    assert!(dated("The bank lent 2000 dollars to the firm.", p).is_empty());
}

#[test]
fn weekday_with_a_day_and_no_month_is_the_nearest_such_date() {
    // 2013-02-12 is a Tuesday.
    let p = day(2013, 2, 12);
    assert_eq!(
        dated("La réunion aura lieu mercredi 13 à Rabat.", p),
        [pair("mercredi 13", "2013-02-13")]
    );
    assert_eq!(
        dated("The vote is set for Tuesday the 19th, aides said.", p),
        [pair("Tuesday the 19th", "2013-02-19")]
    );
    assert_eq!(
        dated("Le sommet s'est ouvert le lundi 28 dans la capitale.", p),
        [pair("lundi 28", "2013-01-28")]
    );
    assert_eq!(
        dated("Talks resume Thu 14th in Geneva.", p),
        [pair("Thu 14th", "2013-02-14")]
    );
    // A count after a weekday is no day; nor a time, nor a weekday with no such day near.
    assert!(dated("On Tuesday 19 people were killed in the blast.", p)
        .iter()
        .all(|(q, _)| !q.contains("19")));
    assert!(dated("Mardi, 19 personnes ont été blessées.", p)
        .iter()
        .all(|(q, _)| !q.contains("19")));
    assert!(dated("Le conseil se réunit mardi 19h à la mairie.", p)
        .iter()
        .all(|(q, _)| !q.contains("19")));
    assert!(dated("The sun 15 times brighter, the study said.", p).is_empty());
}

#[test]
fn weekday_of_a_week_counted_from_the_article() {
    let p = day(2013, 2, 12);
    assert_eq!(
        dated("Le vote aura lieu mardi de la semaine prochaine.", p),
        [pair("mardi de la semaine prochaine", "2013-02-19")]
    );
    assert_eq!(
        dated("The board meets on Wednesday of next week.", p),
        [pair("Wednesday of next week", "2013-02-20")]
    );
    assert_eq!(
        dated("The board met previous week - Monday, in Paris.", p),
        [pair("previous week - Monday", "2013-02-04")]
    );
    // English "next Saturday" is the Saturday of next week; "this coming Saturday" the nearest.
    assert_eq!(
        dated("The match is next Saturday.", p),
        [pair("next Saturday", "2013-02-23")]
    );
    assert_eq!(
        dated("The match is this coming Saturday.", p),
        [pair("this coming Saturday", "2013-02-16")]
    );
    assert_eq!(
        dated("Le match aura lieu samedi prochain.", p),
        [pair("samedi prochain", "2013-02-16")]
    );
}

#[test]
fn nth_weekday_or_day_of_a_month_in_french_and_english() {
    let p = day(2013, 2, 12);
    assert_eq!(
        dated(
            "Elections are held on the third Tuesday of September 2014.",
            p
        ),
        [pair("the third Tuesday of September 2014", "2014-09-16")]
    );
    assert_eq!(
        dated("The clocks change on the last Sunday of March 2014.", p),
        [pair("the last Sunday of March 2014", "2014-03-30")]
    );
    assert_eq!(
        dated("La foire ouvre le premier mercredi du mois prochain.", p),
        [pair("le premier mercredi du mois prochain", "2013-03-06")]
    );
    assert_eq!(
        dated("The offer ends on the last day of October 2015.", p),
        [pair("the last day of October 2015", "2015-10-31")]
    );
    assert_eq!(
        dated("Le paiement est dû le 20 du mois prochain.", p),
        [pair("20 du mois prochain", "2013-03-20")]
    );
    // A count before a relative month is no day.
    assert!(dated("The firm sold 20 last month, the report said.", p)
        .iter()
        .all(|(q, _)| !q.contains("20")));
    assert!(dated("The first day of school went well.", p).is_empty());
}

#[test]
fn numeric_dates_follow_the_article_order_and_two_digit_years() {
    let p = day(2013, 2, 12);
    assert_eq!(
        dated("The deal was signed on 10/03/2012 in New York.", p),
        [pair("10/03/2012", "2012-10-03")]
    );
    assert_eq!(
        dated("Le contrat a été signé le 10/03/2012 à Paris.", p),
        [pair("10/03/2012", "2012-03-10")]
    );
    // An English article that writes 20/09/2024 elsewhere writes the day first.
    assert_eq!(
        dated(
            "Filed 20/09/2024. The deal was signed on 10/03/2012 in London.",
            p
        ),
        [
            pair("20/09/2024", "2024-09-20"),
            pair("10/03/2012", "2012-03-10")
        ]
    );
    assert_eq!(
        dated("Il est né le 31/10/74 à Rabat.", p),
        [pair("31/10/74", "1974-10-31")]
    );
    assert_eq!(
        dated("Mis à jour 2024-09 par la rédaction.", p),
        [pair("2024-09", "2024-09")]
    );
    // A season, a version number, a score are no dates.
    assert!(dated("He scored twice in the 2010-11 season.", p).is_empty());
    assert!(dated("Update to version 1.10.12 of the app.", p).is_empty());
    assert!(dated("Le Raja s'est imposé 2-1 face au Wydad.", p).is_empty());
}

#[test]
fn the_day_before_or_after_the_date_just_told() {
    let p = day(2013, 2, 12);
    assert_eq!(
        dated(
            "Le sommet s'est ouvert le 3 mars 2012. Le lendemain, les ministres ont signé.",
            p
        ),
        [
            pair("3 mars 2012", "2012-03-03"),
            pair("Le lendemain", "2012-03-04")
        ]
    );
    assert_eq!(
        dated("Il est arrivé le lendemain du 13 février.", p),
        [pair("le lendemain du 13 février", "--02-14")]
    );
    assert_eq!(
        dated("The day before, police had sealed the area.", p),
        [pair("The day before", "2013-02-11")]
    );
    // Tied to an event, not to a date: not read.
    assert!(dated("La veille du scrutin, le climat était tendu.", p).is_empty());
    assert!(dated("The day before the vote, the streets were calm.", p).is_empty());
}

#[test]
fn spans_of_days_and_months_next_to_the_article_date() {
    let p = day(2013, 2, 12);
    assert_eq!(
        dated("Rain is expected over the next three days.", p),
        [pair("next three days", "2013-02-13/2013-02-15")]
    );
    assert_eq!(
        dated("Les prix ont baissé ces 2 derniers mois.", p),
        [pair("2 derniers mois", "2012-12/2013-01")]
    );
    assert!(dated("He spoke during the last 3 days of the campaign.", p).is_empty());
}

#[test]
fn month_names_inside_numeric_dates_and_parts_of_this_month() {
    let p = day(2013, 2, 12);
    assert_eq!(
        dated("The contract dated 05-Aug-2016 was void.", p),
        [pair("05-Aug-2016", "2016-08-05")]
    );
    assert_eq!(
        dated("Eli Lilly sold the unit on Dec31, 1994, filings show.", p),
        [pair("Dec31, 1994", "1994-12-31")]
    );
    assert_eq!(
        dated("Budget plans for Dec-2018 were cut.", p),
        [pair("Dec-2018", "2018-12")]
    );
    assert_eq!(
        dated("Les salaires seront versés en fin de mois.", p),
        [pair("en fin de mois", "2013-02-21/2013-02-28")]
    );
    assert_eq!(
        dated("Talks resume at the beginning of next month.", p),
        [pair("the beginning of next month", "2013-03-01/2013-03-10")]
    );
    assert_eq!(
        dated("Le salon se tient du samedi 13 au dimanche 15 juillet.", p),
        [pair(
            "du samedi 13 au dimanche 15 juillet",
            "--07-13/--07-15"
        )]
    );
    assert_eq!(
        dated("It runs from the 13th to the 15th of July.", p),
        [pair("from the 13th to the 15th of July", "--07-13/--07-15")]
    );
}
