//! Writes a synthetic Arabic news corpus with planted discrepancies, for
//! speed and accuracy measurements at any size.
//!
//! cargo run --release --example gen_corpus -- --articles 10000 [--per-event 4] [--seed 7] --out target/corpus
//!
//! Output: `<out>/corpus.jsonl` (one article per line: `{"id", "text"}`) and
//! `<out>/gold.json`: each article's event and the planted discrepancies,
//! `{"events": {"<id>": <event>}, "planted": [{"event", "kind", "id"}]}`.
//!
//! Every event gets `--per-event` articles written from different templates.
//! Articles of one event vary in ways that must NOT be flagged: the month
//! system (Egypt/Gulf, Levant, Morocco, Algeria/Tunisia), Eastern or Western
//! digits, figures as digits or words, sentence order and wording. About
//! half the events get one planted change in one article: the date range
//! shifted, the event's edition year changed, or the headline figure changed.
//! As in real news, events are not trivially separable: about a third of the
//! events are "siblings" of the previous one, held in the same city, the same
//! month and year, with the same official (a minister attends two events in a
//! week), and they differ only by their kind, theme, subjects, counterpart and
//! event tag; and some articles carry no tag at all.
//! The output depends only on the arguments.

use std::fmt::Write as _;
use std::path::PathBuf;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // splitmix64
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Month names per regional system, January first.
const MONTHS: [[&str; 12]; 4] = [
    [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
    [
        "كانون الثاني",
        "شباط",
        "آذار",
        "نيسان",
        "أيار",
        "حزيران",
        "تموز",
        "آب",
        "أيلول",
        "تشرين الأول",
        "تشرين الثاني",
        "كانون الأول",
    ],
    [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "ماي",
        "يونيو",
        "يوليوز",
        "غشت",
        "شتنبر",
        "أكتوبر",
        "نونبر",
        "دجنبر",
    ],
    [
        "جانفي",
        "فيفري",
        "مارس",
        "أفريل",
        "ماي",
        "جوان",
        "جويلية",
        "أوت",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
];

/// (city, country adjective for "the X capital/city" phrasing)
const CITIES: &[(&str, &str)] = &[
    ("أنقرة", "التركية"),
    ("إسطنبول", "التركية"),
    ("الرباط", "المغربية"),
    ("مراكش", "المغربية"),
    ("طنجة", "المغربية"),
    ("فاس", "المغربية"),
    ("الرياض", "السعودية"),
    ("جدة", "السعودية"),
    ("وهران", "الجزائرية"),
    ("القاهرة", "المصرية"),
    ("الإسكندرية", "المصرية"),
    ("عمان", "الأردنية"),
    ("بيروت", "اللبنانية"),
    ("الدوحة", "القطرية"),
    ("دبي", "الإماراتية"),
    ("أبوظبي", "الإماراتية"),
    ("مسقط", "العمانية"),
    ("الكويت", "الكويتية"),
    ("المنامة", "البحرينية"),
    ("بغداد", "العراقية"),
    ("دمشق", "السورية"),
    ("نواكشوط", "الموريتانية"),
    ("باريس", "الفرنسية"),
    ("مدريد", "الإسبانية"),
    ("برلين", "الألمانية"),
    ("روما", "الإيطالية"),
    ("لندن", "البريطانية"),
    ("جنيف", "السويسرية"),
    ("داكار", "السنغالية"),
    ("أبيدجان", "الإيفوارية"),
];

const FIRST: &[&str] = &[
    "عبد اللطيف",
    "محمد",
    "أحمد",
    "يوسف",
    "خالد",
    "سعيد",
    "عمر",
    "إبراهيم",
    "حسن",
    "مصطفى",
    "كريم",
    "نبيل",
    "رشيد",
    "عادل",
    "طارق",
    "سمير",
    "جمال",
    "فؤاد",
    "هشام",
    "وليد",
    "منير",
    "زكريا",
    "أنس",
    "بشير",
    "ناصر",
    "فاطمة",
    "سلمى",
    "ليلى",
    "نادية",
    "أمينة",
];

const LAST: &[&str] = &[
    "العلوي",
    "بنعلي",
    "الإدريسي",
    "الفاسي",
    "التازي",
    "الشرقاوي",
    "بنموسى",
    "الحداد",
    "النجار",
    "القاسمي",
    "الزهراني",
    "العتيبي",
    "الدوسري",
    "المصري",
    "الخطيب",
    "الحسيني",
    "البرغوثي",
    "العمري",
    "السويدي",
    "الكبيسي",
    "بوزيد",
    "بلقاسم",
    "مزيان",
    "بن سالم",
    "الطرابلسي",
    "الجبوري",
    "الساعدي",
    "حمدان",
    "يلدز",
    "كارال",
];

/// Offices: (title written before the name, as in "وزير الداخلية").
const TITLES: &[&str] = &[
    "وزير الداخلية",
    "وزير الخارجية",
    "وزير الاقتصاد",
    "وزير الصحة",
    "وزير النقل",
    "وزيرة الثقافة",
    "المدير العام للأمن الوطني",
    "رئيس الهيئة الوطنية للطاقة",
    "الأمين العام لوزارة الفلاحة",
    "رئيس جهاز الشرطة",
    "المدير العام للجمارك",
    "رئيس مجلس الأعمال",
];

/// Kinds of event: (event noun phrase with article, what is counted, domain words).
struct Kind {
    noun: &'static str,
    theme: &'static [&'static str],
    counted: &'static str,
    filler: &'static [&'static str],
}

const KINDS: &[Kind] = &[
    Kind {
        noun: "المعرض الدولي",
        theme: &[
            "لتجهيزات الأمن الداخلي",
            "للكتاب والنشر",
            "للفلاحة",
            "للسيارات",
            "للطاقات المتجددة",
            "للصناعات الغذائية",
        ],
        counted: "شركة عارضة",
        filler: &[
            "ويعرض المشاركون أحدث الابتكارات التكنولوجية والحلول الرقمية في هذا المجال.",
            "ويشكل الحدث فرصة للقاء المهنيين وتبادل الخبرات وإبرام الشراكات.",
            "وتضمن البرنامج ورشات تكوينية وعروضا تقنية لفائدة الزوار والمهنيين.",
        ],
    },
    Kind {
        noun: "المنتدى العالمي",
        theme: &[
            "للمياه",
            "للاستثمار",
            "للمدن الذكية",
            "للأمن السيبراني",
            "للسياحة المستدامة",
            "للشباب",
        ],
        counted: "دولة",
        filler: &[
            "وناقش المشاركون التحديات المشتركة وسبل تعزيز التعاون الإقليمي والدولي.",
            "وخلص المنتدى إلى جملة من التوصيات سترفع إلى الحكومات المعنية.",
            "وتميزت الجلسات بنقاشات معمقة حول تمويل المشاريع وتأهيل الموارد البشرية.",
        ],
    },
    Kind {
        noun: "المؤتمر الإقليمي",
        theme: &[
            "لمكافحة الجريمة المنظمة",
            "للصحة العامة",
            "للتعليم العالي",
            "للأمن الغذائي",
            "للنقل البحري",
            "لحماية البيئة",
        ],
        counted: "وفدا",
        filler: &[
            "وتناول المؤتمر آليات العمل المشترك وتبادل المعلومات بين الأجهزة المختصة.",
            "وأكد المتدخلون أهمية التنسيق لمواجهة التحديات الكبرى في المنطقة.",
            "واختتمت الأشغال بإصدار بيان ختامي يدعو إلى تعزيز الشراكات.",
        ],
    },
    Kind {
        noun: "الملتقى الدولي",
        theme: &[
            "للتمور",
            "للصناعة التقليدية",
            "للمقاولات الصغرى",
            "للرقمنة",
            "للسينما",
            "للموسيقى الأندلسية",
        ],
        counted: "مشاركا",
        filler: &[
            "وعرف الملتقى إقبالا كبيرا من الجمهور والمهتمين.",
            "وأشاد المنظمون بمستوى التنظيم وبجودة المداخلات.",
            "ويهدف الملتقى إلى التعريف بالمنتوج المحلي وفتح أسواق جديدة.",
        ],
    },
];

/// Figures that have a word form the extractor reads (value, words).
const WORD_FIGURES: &[(u32, &str)] = &[
    (20, "عشرين"),
    (30, "ثلاثين"),
    (40, "أربعين"),
    (50, "خمسين"),
    (60, "ستين"),
    (70, "سبعين"),
    (80, "ثمانين"),
    (90, "تسعين"),
];

/// Subjects of discussion: each event draws its own few, and its articles
/// mention them, as real coverage of one event shares its content words.
const SUBJECTS: &[&str] = &[
    "الطائرات المسيرة",
    "الهجرة غير الشرعية",
    "الجريمة السيبرانية",
    "تمويل المقاولات",
    "الأمن المائي",
    "تحلية مياه البحر",
    "الهيدروجين الأخضر",
    "الطاقة الشمسية",
    "السكك الحديدية",
    "الموانئ الجافة",
    "سلاسل الإمداد",
    "التجارة الإلكترونية",
    "الذكاء الاصطناعي",
    "الحوسبة السحابية",
    "الأمن الغذائي",
    "زراعة الحبوب",
    "صناعة الأدوية",
    "اللقاحات",
    "التغطية الصحية",
    "التعليم عن بعد",
    "البحث العلمي",
    "براءات الاختراع",
    "حقوق المؤلف",
    "ترجمة الكتب",
    "المخطوطات",
    "التراث اللامادي",
    "السياحة الجبلية",
    "الصيد البحري",
    "تربية المواشي",
    "زيت الزيتون",
    "صناعة النسيج",
    "الصناعات الجلدية",
    "المعادن النادرة",
    "الفوسفاط",
    "التعدين",
    "النقل الحضري",
    "السيارات الكهربائية",
    "البطاريات",
    "التحول الرقمي",
    "الأداء الإلكتروني",
    "العملات الرقمية",
    "التأمين الصحي",
    "التقاعد",
    "تشغيل الشباب",
    "المرأة القروية",
    "الاقتصاد الاجتماعي",
    "التعاونيات",
    "الحرف اليدوية",
    "مكافحة التصحر",
    "الغابات",
    "التنوع البيولوجي",
    "النفايات الصلبة",
    "إعادة التدوير",
    "جودة الهواء",
    "الكوارث الطبيعية",
    "الزلازل",
    "الفيضانات",
    "الحماية المدنية",
    "الإسعاف",
    "المستشفيات الجامعية",
    "الأمن الطرقي",
    "المطارات",
    "الملاحة الجوية",
    "الأقمار الصناعية",
];

struct Event {
    subjects: [usize; 5],
    city: usize,
    first: usize,
    last: usize,
    title: usize,
    cfirst: usize,
    clast: usize,
    kind: usize,
    theme: usize,
    tag: String,
    year: i32,
    month: usize,
    day: u32,
    days: u32,
    figure: u32,
}

#[derive(Clone, Copy, PartialEq)]
enum Plant {
    None,
    Date,
    Year,
    Figure,
}

fn digits(n: u32, eastern: bool) -> String {
    let s = n.to_string();
    if !eastern {
        return s;
    }
    s.chars()
        .map(|c| char::from_u32('٠' as u32 + c.to_digit(10).unwrap_or(0)).unwrap_or(c))
        .collect()
}

fn new_event(rng: &mut Rng, id: usize) -> Event {
    let kind = rng.below(KINDS.len());
    let letters = b"ABCDEFGHIKLMNOPRSTUVWXYZ";
    // A tag unique per event: three letters from the id, plus one or two random ones.
    let mut tag = String::new();
    let mut x = id;
    for _ in 0..3 {
        tag.push(letters[x % letters.len()] as char);
        x /= letters.len();
    }
    for _ in 0..1 + rng.below(2) {
        tag.push(*rng.pick(letters) as char);
    }
    let mut subjects = [0; 5];
    for s in &mut subjects {
        *s = rng.below(SUBJECTS.len());
    }
    Event {
        subjects,
        city: rng.below(CITIES.len()),
        first: rng.below(FIRST.len()),
        last: rng.below(LAST.len()),
        title: rng.below(TITLES.len()),
        cfirst: rng.below(FIRST.len()),
        clast: rng.below(LAST.len()),
        kind,
        theme: rng.below(KINDS[kind].theme.len()),
        tag,
        year: 2018 + rng.below(8) as i32,
        month: rng.below(12),
        day: 1 + rng.below(24) as u32,
        days: 1 + rng.below(3) as u32,
        figure: if rng.chance(40) {
            rng.pick(WORD_FIGURES).0
        } else {
            12 + rng.below(380) as u32
        },
    }
}

fn article(rng: &mut Rng, e: &Event, plant: Plant, tagged: bool) -> String {
    let system = rng.below(MONTHS.len());
    let eastern = rng.chance(35);
    let d = |n: u32| digits(n, eastern);
    let (mut day, mut tag_year, mut figure) = (e.day, e.year, e.figure);
    let year = e.year;
    match plant {
        Plant::Date => day += 1 + rng.below(2) as u32,
        // The edition year on the tag changes; the dates keep theirs.
        Plant::Year => tag_year -= 1,
        Plant::Figure => figure += 5 + rng.below(40) as u32,
        Plant::None => {}
    }
    let month = MONTHS[system][e.month];
    let end = day + e.days;
    let (city, adj) = CITIES[e.city];
    let kind = &KINDS[e.kind];
    let name = format!("{} {}", kind.noun, kind.theme[e.theme]);
    let person = format!("{} {}", FIRST[e.first], LAST[e.last]);
    let counterpart = format!("{} {}", FIRST[e.cfirst], LAST[e.clast]);
    let title = TITLES[e.title];
    let year_s = d(year as u32);
    let range = match rng.below(3) {
        0 => format!("من {} إلى {} {month} {year_s}", d(day), d(end)),
        1 => format!("بين {} و{} {month} {year_s}", d(day), d(end)),
        _ => format!(
            "خلال الفترة الممتدة من {} إلى {} {month} {year_s}",
            d(day),
            d(end)
        ),
    };
    let figure_s = match WORD_FIGURES.iter().find(|w| w.0 == figure) {
        Some((_, words)) if rng.chance(60) => words.to_string(),
        _ => d(figure),
    };
    let tag_s = if tagged {
        format!(" \"{} {}\"", e.tag, d(tag_year as u32))
    } else {
        String::new()
    };
    let mut out = String::new();
    let lead = match rng.below(3) {
        0 => format!(
            "احتضنت مدينة {city}، {range}، فعاليات {name}{tag_s}، بمشاركة {figure_s} {}.",
            kind.counted
        ),
        1 => format!(
            "شهدت العاصمة {adj} {city} {range} انعقاد {name}{tag_s}، الذي عرف مشاركة {figure_s} {}.",
            kind.counted
        ),
        _ => format!(
            "انطلقت في {city} أشغال {name}{tag_s} {range}، بمشاركة {figure_s} {}.",
            kind.counted
        ),
    };
    let visit = match rng.below(2) {
        0 => format!(
            "وقاد {title}، {person}، وفدا رفيع المستوى في زيارة عمل إلى {city}، حيث عقد لقاء ثنائيا مع نظيره، {counterpart}."
        ),
        _ => format!(
            "وعلى هامش الحدث، أجرى {title} {person} مباحثات مع نظيره {counterpart} تناولت سبل تعزيز التعاون الثنائي."
        ),
    };
    let headline = match rng.below(2) {
        0 => format!("{city}: {name} يجمع الخبراء والمسؤولين\n\n"),
        _ => format!("{person} يشارك في {name} بمدينة {city}\n\n"),
    };
    out.push_str(&headline);
    out.push_str(&lead);
    out.push('\n');
    let mut rest = vec![visit];
    let mut subjects: Vec<&str> = e.subjects.iter().map(|&i| SUBJECTS[i]).collect();
    for i in (1..subjects.len()).rev() {
        let j = rng.below(i + 1);
        subjects.swap(i, j);
    }
    rest.push(match rng.below(2) {
        0 => format!(
            "وتطرق المشاركون إلى قضايا {} و{} و{}، إلى جانب {}.",
            subjects[0], subjects[1], subjects[2], subjects[3]
        ),
        _ => format!(
            "وتمحورت النقاشات حول {} و{}، كما خصصت جلسة لموضوع {} وأخرى لـ{}.",
            subjects[0], subjects[1], subjects[2], subjects[4]
        ),
    });
    for f in kind.filler {
        if rng.chance(70) {
            rest.push((*f).to_string());
        }
    }
    rest.push(format!(
        "وأكد {person} في تصريح للصحافة أن هذه المشاركة تعكس الإرادة المشتركة لتطوير العلاقات في مختلف المجالات."
    ));
    // Shuffle the body.
    for i in (1..rest.len()).rev() {
        let j = rng.below(i + 1);
        rest.swap(i, j);
    }
    for p in rest {
        out.push_str(&p);
        out.push('\n');
    }
    out
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

fn main() -> std::process::ExitCode {
    let mut articles = 1000usize;
    let mut per_event = 4usize;
    let mut seed = 7u64;
    let mut out = PathBuf::from("target/corpus");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let v = args.next();
        let ok = match (a.as_str(), v) {
            ("--articles", Some(v)) => v.parse().map(|x| articles = x).is_ok(),
            ("--per-event", Some(v)) => v.parse().map(|x| per_event = x).is_ok(),
            ("--seed", Some(v)) => v.parse().map(|x| seed = x).is_ok(),
            ("--out", Some(v)) => {
                out = PathBuf::from(v);
                true
            }
            _ => false,
        };
        if !ok || per_event < 2 {
            eprintln!("usage: gen_corpus --articles N [--per-event K>=2] [--seed S] [--out DIR]");
            return std::process::ExitCode::from(2);
        }
    }
    let mut rng = Rng(seed);
    let events = articles.div_ceil(per_event);
    let mut corpus = String::new();
    let mut gold_events = String::new();
    let mut planted = String::new();
    let mut written = 0usize;
    let mut previous: Option<Event> = None;
    for ev in 0..events {
        let mut e = new_event(&mut rng, ev);
        if let Some(p) = &previous {
            if rng.chance(35) {
                // Same place, same month, same official: a different event all the same.
                e.city = p.city;
                e.year = p.year;
                e.month = p.month;
                e.first = p.first;
                e.last = p.last;
                e.title = p.title;
            }
        }
        let k = per_event.min(articles - written);
        if k == 0 {
            break;
        }
        let plant = if k >= 2 && rng.chance(50) {
            *rng.pick(&[Plant::Date, Plant::Year, Plant::Figure])
        } else {
            Plant::None
        };
        let planted_in = 1 + rng.below(k.max(2) - 1);
        for a in 0..k {
            let id = format!("e{ev:06}-a{a}");
            let this = if a == planted_in { plant } else { Plant::None };
            // The year conflict lives on the tag: the planted article and the first carry it.
            let tagged = a == 0 || a == planted_in || rng.chance(70);
            let text = article(&mut rng, &e, this, tagged);
            let _ = writeln!(
                corpus,
                "{{\"id\":{},\"text\":{}}}",
                json_string(&id),
                json_string(&text)
            );
            if !gold_events.is_empty() {
                gold_events.push(',');
            }
            let _ = write!(gold_events, "\n{}:{ev}", json_string(&id));
            if this != Plant::None {
                let kind = match this {
                    Plant::Date => "date",
                    Plant::Year => "year",
                    _ => "number",
                };
                if !planted.is_empty() {
                    planted.push(',');
                }
                let _ = write!(
                    planted,
                    "\n{{\"event\":{ev},\"kind\":\"{kind}\",\"id\":{}}}",
                    json_string(&id)
                );
            }
            written += 1;
        }
        previous = Some(e);
    }
    if let Err(e) = std::fs::create_dir_all(&out)
        .and_then(|()| std::fs::write(out.join("corpus.jsonl"), &corpus))
        .and_then(|()| {
            std::fs::write(
                out.join("gold.json"),
                format!("{{\"events\":{{{gold_events}\n}},\"planted\":[{planted}\n]}}\n"),
            )
        })
    {
        eprintln!("gen_corpus: {e}");
        return std::process::ExitCode::from(1);
    }
    eprintln!(
        "gen_corpus: {written} articles, {events} events, {} bytes in {}",
        corpus.len(),
        out.join("corpus.jsonl").display()
    );
    std::process::ExitCode::SUCCESS
}
