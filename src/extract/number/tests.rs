use super::*;
use crate::extract::ExtractOptions;
use crate::model::Article;

fn run(text: &str, mode: Mode) -> Vec<Fact> {
    let article = Article::from_text("t", text);
    let options = ExtractOptions::default();
    let doc = Document::new(&article, &options);
    match mode {
        Mode::Text => extract(&doc),
        Mode::Phrase => extract_phrase(&doc),
    }
}

fn values(text: &str) -> Vec<NumberValue> {
    run(text, Mode::Text)
        .into_iter()
        .map(|f| match f.value {
            Value::Number(n) => n,
            other => panic!("not a number: {other:?}"),
        })
        .collect()
}

/// (quote, normalized value, counted noun) of every figure.
fn found(text: &str) -> Vec<(String, String, Option<String>)> {
    run(text, Mode::Text)
        .into_iter()
        .map(|f| {
            let n = f.normalized();
            let counted = match f.value {
                Value::Number(v) => v.counted,
                _ => None,
            };
            (f.text, n, counted)
        })
        .collect()
}

fn one(text: &str) -> (String, String, Option<String>) {
    let f = found(text);
    assert_eq!(f.len(), 1, "{text}: {f:?}");
    f.into_iter().next().unwrap_or_default()
}

fn s(x: &str) -> Option<String> {
    Some(x.to_string())
}

#[test]
fn seed_000_ninety_third_session() {
    let text = "وعلى رأسها الدورة الثالثة والتسعون للجمعية العامة لمنظمة “الأنتربول” بمدينة مراكش";
    assert_eq!(
        one(text),
        ("الدورة الثالثة والتسعون".into(), "93rd".into(), s("دوره"))
    );
}

#[test]
fn seed_000_event_years_are_not_figures() {
    let text = "في المنتدى الدولي لتجهيزات الأمن الداخلي “IGEF 2025″، إضافة إلى كأس أمم إفريقيا 2025 وكأس العالم 2030 بتنظيم مشترك مع إسبانيا";
    assert_eq!(found(text), vec![]);
}

#[test]
fn seed_002_warrants_and_tens() {
    let text = "كما أصدرت السلطات المغربية 121 أمرا دوليا بالقبض على مطلوبين للعدالة";
    assert_eq!(one(text), ("121 أمرا".into(), "121".into(), s("امر")));
    let text = "كما نجح في توقيف العشرات من المطلوبين للعدالة للدولية";
    let v = values(text);
    assert_eq!(v.len(), 1);
    assert_eq!(v[0].qualifier, Qualifier::Tens);
    assert_eq!(v[0].value, 10.0);
    assert_eq!(v[0].counted, s("مطلوبين"));
    let text = "في توقيف عشرات الأشخاص الصادرة بحقهم بطاقات اعتقال دولية";
    assert_eq!(
        one(text),
        ("عشرات الأشخاص".into(), "tens".into(), s("اشخاص"))
    );
}

#[test]
fn seed_002_labels_and_years_are_not_figures() {
    let text = "المعرض الدولي لتجهيزات الأمن الداخلي “IGEF 24” الذي تحتضنه أنقرة، في نهاية العام 2023 الدليل";
    assert_eq!(found(text), vec![]);
    assert_eq!(found("للمعرض الدولي (IGEF24)، الذي"), vec![]);
}

#[test]
fn seed_003_forty_three_meetings_in_words() {
    let text = "وفدا أمنيا مغربيا أجرى خلالها ثلاثة وأربعين اجتماعا ثنائيا مع رؤساء وفود الدول";
    assert_eq!(
        one(text),
        ("ثلاثة وأربعين اجتماعا".into(), "43".into(), s("اجتماع"))
    );
}

#[test]
fn seed_004_third_edition_and_boilerplate_zero() {
    let text = "في سياق المشاركة المغربية الوازنة في النسخة الثالثة من “معرض الدفاع العالمي” المقام بالعاصمة الرياض.";
    assert_eq!(
        one(text),
        ("النسخة الثالثة".into(), "3rd".into(), s("نسخه"))
    );
    assert_eq!(found("لضمان استدامة الأمن.\n\n\n\nتعليقات\n0"), vec![]);
}

#[test]
fn seed_001_tail_more_than_and_dual_millions() {
    let text = "إن أكثر من 400 شخص قُتلوا في غارات جوية إسرائيلية على غزة";
    assert_eq!(
        one(text),
        ("أكثر من 400 شخص".into(), ">400".into(), s("شخص"))
    );
    let text = "وأتاح فرصة لسكان غزة البالغ عددهم مليوني شخص لتنفس الصعداء";
    assert_eq!(one(text), ("مليوني شخص".into(), "2000000".into(), s("شخص")));
}

#[test]
fn month_names_and_date_ranges_are_left_to_dates() {
    assert_eq!(found("في يناير كانون الثاني وأتاح فرصة"), vec![]);
    assert_eq!(found("في تشرين الثاني الماضي"), vec![]);
    assert_eq!(found("من 18 إلى 20 شتنبر الجاري"), vec![]);
    assert_eq!(found("بين 19 و21 سبتمبر/ أيلول الجاري"), vec![]);
    assert_eq!(found("خلال الفترة الممتدة بين 24 و27 نونبر 2025"), vec![]);
}

#[test]
fn bare_ordinals_after_names_and_titles_are_not_figures() {
    assert_eq!(found("استقبل الملك محمد السادس الوفد"), vec![]);
    assert_eq!(found("التقى الوزير الأول بالوفد"), vec![]);
    assert_eq!(found("تعد ثالث أكبر مدينة"), vec![]);
    assert_eq!(found("في الخميس الثالث"), vec![]);
}

#[test]
fn ordinals_after_head_nouns() {
    assert_eq!(one("للمرة الثانية على التوالي").1, "2nd");
    assert_eq!(one("احتل المرتبة الأولى عالميا").1, "1st");
    assert_eq!(one("في القرن التاسع عشر").1, "19th");
    assert_eq!(one("الدورة الحادية والعشرين للمؤتمر").1, "21st");
    assert_eq!(one("الدورة الخمسين للجنة").1, "50th");
    assert_eq!(one("الدورة الـ93 للجمعية").1, "93rd");
    assert_eq!(one("الدورة 93 للجمعية").1, "93rd");
    // A year after a head noun is a year, not an ordinal.
    assert_eq!(found("في سنة 2025"), vec![]);
}

#[test]
fn number_words() {
    assert_eq!(one("وصل مئة وخمسون مشاركا").1, "150");
    assert_eq!(one("حضر ألفين متفرج").1, "2000");
    assert_eq!(one("شارك ثلاثة آلاف جندي").1, "3000");
    assert_eq!(one("نشر عشرة آلاف شرطي").1, "10000");
    assert_eq!(one("رصد 2 مليون درهم").1, "2000000 dirham");
    assert_eq!(one("بلغت 1.5 مليار دولار").1, "1500000000 USD");
    assert_eq!(one("يعيش فيها مليون نسمة").1, "1000000");
    assert_eq!(one("بعد أحد عشر يوما").1, "11");
    assert_eq!(one("استمرت لثلاثة أيام").0, "ثلاثة أيام");
}

#[test]
fn digits_with_separators() {
    assert_eq!(one("اعتقال ١٬٢٠٠ شخص").1, "1200");
    assert_eq!(one("اعتقال 1,200 شخص").1, "1200");
    assert_eq!(one("بنسبة ٣٫٥٪ خلال").1, "3.5%");
    assert_eq!(one("نسبة 3,5 في المئة").1, "3.5%");
}

#[test]
fn percentages() {
    assert_eq!(one("ارتفع بنسبة 25% هذا العام").1, "25%");
    assert_eq!(one("ارتفع بنسبة 25 في المائة").0, "25 في المائة");
    assert_eq!(one("تراجع بنحو 12 بالمئة").1, "~12%");
}

#[test]
fn money_with_iso_codes() {
    assert_eq!(one("بقيمة 200 مليون دولار").1, "200000000 USD");
    assert_eq!(one("غرامة 50 درهما مغربيا").1, "50 dirham");
    assert_eq!(one("غرامة 50 درهم مغربي").1, "50 MAD");
    assert_eq!(one("بسعر $10 فقط").1, "10 USD");
    assert_eq!(one("بسعر 10 يورو فقط").1, "10 EUR");
    assert_eq!(one("بمبلغ 42 دينار كويتي").1, "42 KWD");
    assert_eq!(one("بمبلغ 300 ريال سعودي").1, "300 SAR");
    assert_eq!(one("بمبلغ 300 جنيه مصري").1, "300 EGP");
    assert_eq!(one("تكلف عشرات الملايين").1, "tens");
}

#[test]
fn qualifiers() {
    assert_eq!(one("شارك نحو 200 شخص").1, "~200");
    // A preposition glued to the qualifier keeps it a bound.
    assert_eq!(one("انهيار كلي أو جزئي لنحو 300 منزل").1, "~300");
    assert_eq!(one("وصل عدد الزوار لأكثر من 200 ألف زائر").1, ">200000");
    assert_eq!(one("شارك حوالي 200 شخص").1, "~200");
    assert_eq!(one("شارك قرابة 200 شخص").1, "~200");
    assert_eq!(one("شارك ما يقارب 200 شخص").1, "~200");
    assert_eq!(one("شارك ما يزيد عن 40 وفدا").1, ">40");
    assert_eq!(one("شارك أزيد من 40 وفدا").1, ">40");
    assert_eq!(one("شارك أقل من 40 وفدا").1, "<40");
    assert_eq!(one("شارك 40 وفدا على الأقل").1, ">=40");
    assert_eq!(one("شارك ما لا يقل عن 40 وفدا").0, "ما لا يقل عن 40 وفدا");
    assert_eq!(one("شارك ما لا يقل عن 40 وفدا").1, ">=40");
    assert_eq!(one("وأكثر من 40 وفدا").0, "أكثر من 40 وفدا");
}

#[test]
fn magnitudes() {
    let v = values("خرج مئات المتظاهرين");
    assert_eq!((v[0].qualifier, v[0].value), (Qualifier::Hundreds, 100.0));
    let v = values("نزح آلاف السكان");
    assert_eq!((v[0].qualifier, v[0].value), (Qualifier::Thousands, 1000.0));
    let v = values("نزح عشرات الآلاف من السكان");
    assert_eq!(
        (v[0].qualifier, v[0].value),
        (Qualifier::Thousands, 10_000.0)
    );
}

#[test]
fn pronoun_like_one_phones_and_codes_are_not_figures() {
    assert_eq!(found("قال أحد المسؤولين"), vec![]);
    assert_eq!(found("وهي واحدة من أهم المدن"), vec![]);
    assert_eq!(found("في آن واحد"), vec![]);
    assert_eq!(found("للاتصال: 0522123456"), vec![]);
    assert_eq!(found("اتصل على 06 61 23 45 67 للمزيد"), vec![]);
    assert_eq!(found("اتصل على +212 537 123456"), vec![]);
    assert_eq!(found("في الساعة 10:30 صباحا"), vec![]);
    assert_eq!(found("بتاريخ 19/09/2024 في"), vec![]);
    assert_eq!(found("جائحة كوفيد-19 في"), vec![]);
    assert_eq!(found("تاريخ النشر: 20th, September 2024 GMT"), vec![]);
}

#[test]
fn ranges_share_the_unit() {
    let v = values("بين 3 و5 في المئة");
    assert_eq!(
        v.iter().map(|n| n.normalized()).collect::<Vec<_>>(),
        vec!["3%", "5%"]
    );
    let v = values("من 10 إلى 20 دولار");
    assert_eq!(
        v.iter().map(|n| n.normalized()).collect::<Vec<_>>(),
        vec!["10 USD", "20 USD"]
    );
}

#[test]
fn quotes_map_back_to_the_original() {
    let text = "أجرى ثلاثةً وأربعينَ اجتماعاً";
    let f = run(text, Mode::Text);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].text, "ثلاثةً وأربعينَ اجتماعاً");
    assert_eq!(&text[f[0].span.start..f[0].span.end], f[0].text);
}

#[test]
fn phrase_mode_reads_bare_ordinals_and_fractions() {
    let norm = |t: &str| {
        run(t, Mode::Phrase)
            .iter()
            .map(|f| f.normalized())
            .collect::<Vec<_>>()
    };
    assert_eq!(norm("الثالث"), vec!["3rd"]);
    assert_eq!(norm("الحادي عشرة"), vec!["11th"]);
    assert_eq!(norm("١١/١٠"), vec!["1.1"]);
    assert_eq!(norm("واحد"), vec!["1"]);
    assert_eq!(norm("0"), vec!["0"]);
    assert_eq!(norm("-١٬٢٠٠٬٠٠٠"), vec!["-1200000"]);
    assert_eq!(norm("واحد فاصلة واحد"), vec!["1.1"]);
    // In running text the same words are not figures.
    assert_eq!(found("الثالث"), vec![]);
}

#[test]
fn public_parsers() {
    assert_eq!(parse_number_words("ثلاثه واربعين"), Some(43.0));
    assert_eq!(parse_number_words("مايه وخمسون"), Some(150.0));
    assert_eq!(parse_number_words("تلتميه وخمسين"), Some(350.0));
    assert_eq!(parse_number_words("حداشر"), Some(11.0));
    assert_eq!(parse_number_words("ثلاثه اشخاص"), None);
    assert_eq!(parse_ordinal_words("الثالثه والتسعون"), Some(93));
    assert_eq!(parse_ordinal_words("الثاني عشر"), Some(12));
    assert_eq!(parse_ordinal_words("الاولي"), Some(1));
    assert_eq!(parse_ordinal_words("الاحد"), None);
}

#[test]
fn never_panics_on_odd_input() {
    for t in [
        "",
        "-",
        "$",
        "و",
        "٫",
        ".",
        "1/0",
        "فاصلة",
        "واحد فاصلة",
        "ال",
        "الدورة",
        "الدورة الـ",
        "%%",
        "\n0\n",
        "مليون مليون مليون",
    ] {
        let _ = run(t, Mode::Text);
        let _ = run(t, Mode::Phrase);
    }
}

#[test]
fn units_on_the_next_line_do_not_attach() {
    let v = values("بلغ العدد 25\n% من السكان");
    assert!(v.iter().all(|n| n.form == NumberForm::Cardinal), "{v:?}");
    let v = values("صرف 25\nدولار");
    assert!(v.iter().all(|n| n.form == NumberForm::Cardinal), "{v:?}");
}

#[test]
fn a_dash_between_amounts_is_not_a_minus() {
    let v = values("بين 10$-20$ تقريبا");
    assert_eq!(
        v.iter().map(|n| n.value).collect::<Vec<_>>(),
        vec![10.0, 20.0]
    );
    let v = values("انخفضت الحرارة إلى -5 درجات");
    assert_eq!(v[0].value, -5.0);
}

#[test]
fn news_prose_figures() {
    assert_eq!(one("ارتفعت الحصيلة إلى 1.200 قتيل").1, "1200");
    assert_eq!(one("بلغت 1.200.000 درهم").1, "1200000 dirham");
    assert_eq!(one("بمعدل 1.5 طفل لكل امرأة").1, "1.5");
    assert_eq!(one("أطلقت سراح اثنين من الموقوفين").2, s("موقوفين"));
    assert_eq!(one("احتل المغرب المرتبة 57 عالميا").1, "57th");
    assert_eq!(found("وجاء في المادة 47 من الدستور"), vec![]);
    assert_eq!(found("وفي العام 2024 سجلت المملكة"), vec![]);
    assert_eq!(found("منذ 2011 لم تشهد"), vec![]);
    assert_eq!(one("قتل 2000 شخص").1, "2000");
}

#[test]
fn year_sized_counts_still_count() {
    assert_eq!(one("أصيب أكثر من 2000 شخص").1, ">2000");
    assert_eq!(found("قتل 400 شخص و2000 جريح").len(), 2);
    assert_eq!(found("ارتفع العدد إلى 2024 حالة").len(), 1);
}

#[test]
fn phone_shapes_and_long_codes_are_not_figures() {
    for t in [
        "للحجز: 650-701-8887",
        "للحجز: 650 - 701  8887",
        "للحجز: 202.555.0121 اليوم",
        "رقم التسجيل 6507018887 اليوم",
        "هاتف (+1) 6507018887",
    ] {
        assert_eq!(found(t), vec![], "{t}");
    }
    assert_eq!(one("وزن 0.002 كيلوغرام").1, "0.002");
}

#[test]
fn never_panics_on_random_token_soup() {
    let pool = [
        "1",
        "٢٠٢٥",
        "1,200",
        "3.5",
        ".",
        "-",
        "$",
        "%",
        "و",
        "من",
        "الى",
        "ثلاثة",
        "وأربعين",
        "مئة",
        "آلاف",
        "مليون",
        "مليونين",
        "فاصلة",
        "الدورة",
        "الثالثة",
        "والتسعون",
        "عشر",
        "أكثر",
        "نحو",
        "على",
        "الأقل",
        "دولار",
        "دينار",
        "كويتي",
        "ج.م",
        "سنت",
        "عشرات",
        "الآلاف",
        "/",
        ":",
        "+",
        "\n",
        " ",
        "igef",
        "ً",
        "\u{200F}",
        "في",
        "المئة",
        "العام",
        "المادة",
        "شتنبر",
        "الـ",
    ];
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..(seed % 12) {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push_str(pool[(seed >> 33) as usize % pool.len()]);
            if seed & 1 == 0 {
                text.push(' ');
            }
        }
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        for f in run(&text, Mode::Text)
            .into_iter()
            .chain(run(&text, Mode::Phrase))
        {
            assert_eq!(&text[f.span.start..f.span.end], f.text);
        }
    }
}

#[test]
fn ordinal_after_head_and_adjective_and_fractions_of_scales() {
    assert_eq!(one("افتتاح الدورة العادية الثالثة والسبعين").1, "73rd");
    assert_eq!(one("انعقاد القمة العربية الـ33 في المنامة").1, "33rd");
    assert_eq!(one("يعيش فيها نصف مليون نسمة").1, "500000");
    assert_eq!(found("قضى نصف الوقت في الحرب العالمية الثانية"), vec![]);
}

#[test]
fn words_and_digits_mixed_in_one_figure() {
    assert_eq!(
        one("وزعت السلطات ثلاثة آلاف و250 خيمة على المتضررين.").1,
        "3250"
    );
    assert_eq!(one("وزعت فرق الإغاثة ألف و200 خيمة على الأسر.").1, "1200");
    assert_eq!(
        one("وبلغ عدد السكان مليونين و315 ألفاً و40 نسمة.").1,
        "2315040"
    );
    assert_eq!(one("وسجلت الولاية 7 ملايين و120 ألف و85 زائرا.").1, "7120085");
    assert_eq!(
        one("وبلغت قيمة المشروع مليار و100 مليون دولار.").1,
        "1100000000 USD"
    );
    // Two figures, not one: the second is no smaller part of the first.
    let f = found("وصل ألف شخص و200 عارض إلى المعرض.");
    assert_eq!(f.len(), 2, "{f:?}");
}

#[test]
fn decimal_comma_and_arabic_decimal_separator() {
    assert_eq!(one("وارتفعت النسبة إلى 61,7 في المائة.").1, "61.7%");
    assert_eq!(one("وبلغ المؤشر ٦١٫٧ نقطة.").1, "61.7");
}

#[test]
fn digits_too_long_to_read_leave_no_multiplier_behind() {
    // Read whole or not at all: never "ألف" = 1000 alone.
    assert!(found("وشارك في اللقاء 99999999999999999999 ألف شخص.").is_empty());
    assert!(found("وشارك في اللقاء 0612345678 ألف شخص.").is_empty());
    assert_eq!(one("وشارك في اللقاء ألف شخص.").1, "1000");
}

#[test]
fn ordinals_that_count_and_times_of_day_that_do_not() {
    assert_eq!(one("وسجل الهدف في الدقيقة الخامسة من المباراة.").1, "5th");
    assert_eq!(one("واحتل المنتخب المرتبة الرابعة في الترتيب.").1, "4th");
    assert_eq!(one("انعقدت الدورة الحادية والأربعين للمجلس.").1, "41st");
    assert!(found("وبدأ الاجتماع في الساعة العاشرة صباحا.").is_empty());
}

#[test]
fn fractions_of_scales_and_of_defined_nouns() {
    assert_eq!(
        one("ويبلغ عدد سكان المدينة مليون ونصف المليون نسمة.").1,
        "1500000"
    );
    assert_eq!(
        one("وخصصت الحكومة 3 ملايين ونصف دولار للمشروع.").1,
        "3500000 USD"
    );
    let (quote, value, counted) = one("وصوت أكثر من نصف النواب لصالح القانون.");
    assert_eq!(
        (quote.as_str(), value.as_str(), counted),
        ("أكثر من نصف النواب", ">0.5", s("نواب"))
    );
    assert_eq!(one("وحصل الحزب على ثلث المقاعد.").1, "0.333333333333333");
    assert_eq!(one("ونال ثلثي الأصوات.").1, "0.666666666666667");
    assert_eq!(one("وأنجزت الشركة ثلاثة أرباع الأشغال.").1, "0.75");
}

#[test]
fn fractions_that_are_no_figures() {
    // A stage of a competition, a duration without a number, a part of a date.
    assert!(found("وتأهل الفريق إلى نصف النهائي بعد فوزه.").is_empty());
    assert!(found("وبلغ المنتخب ربع النهائي بعد فوز صعب.").is_empty());
    assert!(found("ودام الاجتماع نصف ساعة فقط.").is_empty());
    assert!(found("وعاد الوفد في نصف الشهر.").is_empty());
    // "ثلث" inside a longer word, and the article on the fraction: no figure.
    assert!(found("وعقد الاجتماع يوم الثلثاء في الرباط.").is_empty());
    assert!(found("وفي النصف الثاني من المباراة سجل الفريق.").is_empty());
    assert!(found("واستمر الاجتماع ساعة ونصف.").is_empty());
}

#[test]
fn negative_figures() {
    assert_eq!(one("وانخفضت درجة الحرارة إلى سالب 5 درجات.").1, "-5");
    assert_eq!(one("وسجلت الحرارة ناقص ثلاث درجات.").1, "-3");
    assert_eq!(one("وتراجع النمو إلى سالب خمسة بالمئة.").1, "-5%");
    // "ناقص" as an adjective is no sign.
    assert!(found("وكان الملف ناقص الوثائق.").is_empty());
}

/// Normalized values of a phrase read alone.
fn phrase_values(text: &str) -> Vec<String> {
    run(text, Mode::Phrase)
        .into_iter()
        .map(|f| f.normalized())
        .collect()
}

fn text_values(text: &str) -> Vec<String> {
    found(text).into_iter().map(|(_, v, _)| v).collect()
}

#[test]
fn latin_decimals_in_words() {
    assert_eq!(
        text_values("The deficit reached two point five million dollars last year."),
        ["2500000 USD"]
    );
    assert_eq!(
        text_values("Le déficit a atteint deux virgule cinq millions de dirhams."),
        ["2500000 dirham"]
    );
    assert_eq!(phrase_values("nine point nought four"), ["9.04"]);
    assert_eq!(phrase_values("two hundred point seventy-one"), ["200.71"]);
    assert_eq!(phrase_values("point 77"), ["0.77"]);
    // "at one point" is a moment, not 1.2.
    assert_eq!(
        text_values("At one point two men entered the building through a window."),
        ["2"]
    );
    // "point" as a noun after a figure.
    assert!(text_values("The index gained one point on Monday after the announcement.").is_empty());
}

#[test]
fn latin_compound_ordinals_counts_and_scales() {
    assert_eq!(
        text_values("The twenty—fifth edition of the fair opened on Monday."),
        ["25th"]
    );
    assert_eq!(phrase_values("twentyfifth"), ["25th"]);
    assert_eq!(phrase_values("fifty - two"), ["52"]);
    assert_eq!(
        text_values("Police said a couple of protesters were held overnight."),
        ["2"]
    );
    // A couple is two people, not a figure, when nothing is counted.
    assert!(text_values("A couple was arrested on Sunday in the old town of Fez.").is_empty());
    assert!(text_values("She was the single candidate of the party in the region.").is_empty());
    assert_eq!(phrase_values("three lakh crore"), ["3000000000000"]);
    assert_eq!(
        phrase_values("three crore twelve lakh fifty-six thousand seven hundred twenty-one"),
        ["31256721"]
    );
    assert_eq!(phrase_values("-.0012G"), ["-1200000"]);
    assert_eq!(phrase_values("1.2b"), ["1200000000"]);
    assert_eq!(phrase_values("naught"), ["0"]);
    assert_eq!(phrase_values("one twenty two"), ["122"]);
    assert_eq!(phrase_values("ONE TwentY tWO"), ["122"]);
    // A letter apart is a scale only in a phrase alone.
    assert!(
        !text_values("Flat 10 K was searched by the police on Sunday evening.")
            .contains(&"10000".to_string())
    );
}

#[test]
fn latin_fractions_ratios_powers_and_percent_words() {
    assert_eq!(phrase_values("one hundred and three quarters"), ["100.75"]);
    assert_eq!(
        phrase_values("one billion and a half million"),
        ["1000500000"]
    );
    assert_eq!(phrase_values("quarter million"), ["250000"]);
    assert_eq!(phrase_values("a hundred trillionths"), ["0.0000000001"]);
    assert_eq!(
        phrase_values("three twenty firsts"),
        ["0.14285714285714285"]
    );
    assert_eq!(phrase_values("cinq huitieme"), ["0.625"]);
    assert_eq!(phrase_values("un demi-million"), ["500000"]);
    assert_eq!(phrase_values("un milliard et demi million"), ["1000500000"]);
    // A singular ordinal read whole is an ordinal, not a fraction.
    assert_eq!(phrase_values("trois millième"), ["3000th"]);
    assert_eq!(phrase_values("one over three"), ["0.3333333333333333"]);
    assert_eq!(phrase_values("2000 over 3"), ["666.6666666666666"]);
    assert_eq!(phrase_values("un sur trois"), ["0.3333333333333333"]);
    // More than the whole is no share: two figures.
    assert_eq!(phrase_values("there are 12 out of 10"), ["12", "10"]);
    assert_eq!(phrase_values("-2.5^-1"), ["-0.4"]);
    assert_eq!(phrase_values("1.3x10^6"), ["1300000"]);
    assert_eq!(phrase_values("12,32e+14"), ["1232000000000000"]);
    assert_eq!(phrase_values("percent of 10"), ["10%"]);
    assert_eq!(phrase_values("thirty percentage"), ["30%"]);
    assert_eq!(
        phrase_values("Exercises nrs. 22,24,26,31."),
        ["22", "24", "26", "31"]
    );
    // In running text: a share in words, no ratio, no power.
    assert_eq!(
        text_values("One-third of the houses were damaged by the floods."),
        ["0.3333333333333333"]
    );
    assert!(!text_values("Turnout rose over 3 points in 2 districts.")
        .iter()
        .any(|v| v.starts_with("0.") || v.starts_with("1.")));
}

#[test]
fn digits_in_web_addresses_are_no_figures() {
    assert!(text_values(
        "Details at https://www.example.com/search?q=30%25%2020 and http://x.org/a/2024/05/123456 online."
    )
    .is_empty());
    assert!(
        text_values("التفاصيل على الرابط https://example.com/news/2025/06/123 للمزيد.").is_empty()
    );
}

#[test]
fn arabic_url_in_an_arabic_sentence_gives_no_figures() {
    assert!(
        text_values("يمكنك الذهاب إلى https://www.test.com/search?q=30%25%2020% للمزيد").is_empty()
    );
}

#[test]
fn arabic_phrase_forms_ratios_powers_parts_and_percent_first() {
    assert_eq!(phrase_values("١ على ٣"), ["0.3333333333333333"]);
    assert_eq!(phrase_values("واحد من ثلاثة طالبات"), ["0.3333333333333333"]);
    assert_eq!(phrase_values("عشرين اجزاء من خمسة وعشرين"), ["0.8"]);
    assert_eq!(phrase_values("جزء من مئة وخمسة"), ["0.009523809523809525"]);
    assert_eq!(phrase_values("١٢,٣٢e+١٤"), ["1232000000000000"]);
    assert_eq!(phrase_values("١ ٢٣٤ ٥٦٧"), ["1234567"]);
    assert_eq!(phrase_values("-١ ٤/٥"), ["-1.8"]);
    assert_eq!(phrase_values("نسبة ١٠"), ["10%"]);
    assert_eq!(phrase_values("بالمائة 10"), ["10%"]);
    assert_eq!(phrase_values("عشرون وثلاثة اخماس"), ["20.6"]);
    assert_eq!(phrase_values("واحد وعشرون اخماس"), ["4.2"]);
    assert_eq!(phrase_values("٣ مئة و ٢١"), ["321"]);
    assert_eq!(phrase_values("المئة والخامسة والعشرون"), ["125th"]);
    // In running text: "من" opens ranges and "على" means "on"; a share
    // above the whole is none.
    assert_eq!(
        text_values("ارتفع عدد المشاركين من 10 إلى 20 شخصا هذا العام"),
        ["10", "20"]
    );
    assert_eq!(text_values("حصل 3 على 5 ميداليات في البطولة"), ["3", "5"]);
    assert_eq!(phrase_values("١٢ من ١٠"), ["12", "10"]);
    // "خمس" and "ثمن" alone stay a cardinal and a price.
    assert_eq!(phrase_values("خمس الفطيرة"), ["5"]);
}
