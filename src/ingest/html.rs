//! Saved HTML pages: the article's text and the page's metadata, read with a
//! real HTML parser (`scraper`, on html5ever).
//!
//! The content root is the `<article>` element (the one with the most
//! paragraph text when there are several), else the element whose `<p>`
//! children hold the most text, else `<body>`. Its text is taken with block
//! elements on their own lines, skipping scripts, styles, navigation, headers,
//! footers, asides, forms, figures, comments, hidden elements, and elements
//! whose class or id marks them as comments, sharing or related links.
//!
//! Metadata, first found wins:
//! - published: `article:published_time`, JSON-LD `datePublished`,
//!   `<meta name="date|pubdate|publishdate">`, `itemprop="datePublished"`;
//! - outlet: `og:site_name`, JSON-LD `publisher.name`;
//! - title: `og:title`, JSON-LD `headline`, `<title>` (without a trailing
//!   " | site name");
//! - url: `<link rel="canonical">`, `og:url`, JSON-LD `url`.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::NaiveDate;
use scraper::{ElementRef, Html, Node, Selector};

use super::lexicon::parse_date;

/// What a page gives: the article text and its metadata.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub text: String,
    pub title: Option<String>,
    pub published: Option<NaiveDate>,
    pub outlet: Option<String>,
    pub url: Option<String>,
}

/// True when decoded text is an HTML document rather than prose.
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
        .chars()
        .take(256)
        .collect();
    let head = head.to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<head")
        || ((head.starts_with("<?xml") || head.starts_with("<!--")) && head.contains("<html"))
}

struct Selectors {
    article: Selector,
    p: Selector,
    body: Selector,
    meta: Selector,
    title: Selector,
    canonical: Selector,
    json_ld: Selector,
}

static SELECTORS: LazyLock<Selectors> = LazyLock::new(|| {
    let s = |css: &str| Selector::parse(css).expect("static selector");
    Selectors {
        article: s("article"),
        p: s("p"),
        body: s("body"),
        meta: s("meta"),
        title: s("title"),
        canonical: s("link[rel~=canonical]"),
        json_ld: s("script[type=\"application/ld+json\"]"),
    }
});

const SKIP: &[&str] = &[
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "svg",
    "iframe", "button", "select", "textarea", "figure", "object", "embed", "canvas", "video",
    "audio", "map",
];

const BLOCK: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "figcaption",
    "address",
    "hr",
    "br",
    "center",
];

/// Class or id words that mark page furniture inside the content.
const FURNITURE: &[&str] = &[
    "comment",
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "breadcrumb",
    "advert",
    "sidebar",
    "promo",
];

fn skipped(el: &scraper::node::Element) -> bool {
    let name = el.name();
    if SKIP.contains(&name) || el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true")
    {
        return true;
    }
    let marks = |v: &str| {
        v.split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .any(|w| {
                FURNITURE
                    .iter()
                    .any(|f| w.eq_ignore_ascii_case(f) || w.to_ascii_lowercase().starts_with(f))
            })
    };
    el.attr("class").is_some_and(marks) || el.attr("id").is_some_and(marks)
}

/// True when an element or one of its ancestors is skipped.
fn inside_skipped(el: ElementRef) -> bool {
    std::iter::once(*el)
        .chain(el.ancestors())
        .any(|n| n.value().as_element().is_some_and(skipped))
}

/// Reads a decoded HTML page.
pub fn read_page(source: &str) -> Page {
    let doc = Html::parse_document(source);
    let sel = &*SELECTORS;
    let root = content_root(&doc);
    let text = root.map(text_of).unwrap_or_default();

    let mut metas: HashMap<String, String> = HashMap::new();
    for m in doc.select(&sel.meta) {
        let v = m.value();
        let Some(content) = v.attr("content").map(str::trim).filter(|c| !c.is_empty()) else {
            continue;
        };
        for k in [v.attr("property"), v.attr("name"), v.attr("itemprop")]
            .into_iter()
            .flatten()
        {
            metas
                .entry(k.trim().to_ascii_lowercase())
                .or_insert_with(|| content.to_string());
        }
    }
    let meta = |k: &str| metas.get(k).cloned();
    let ld = json_ld(&doc);

    let published = ["article:published_time", "og:published_time"]
        .iter()
        .find_map(|k| meta(k).and_then(|v| parse_date(&v)))
        .or_else(|| ld.published.as_deref().and_then(parse_date))
        .or_else(|| {
            [
                "date",
                "pubdate",
                "publishdate",
                "publish-date",
                "datepublished",
                "dc.date",
            ]
            .iter()
            .find_map(|k| meta(k).and_then(|v| parse_date(&v)))
        });
    let outlet = meta("og:site_name").or(ld.publisher.clone());
    let page_title = doc
        .select(&sel.title)
        .next()
        .map(|t| collapse(&t.text().collect::<String>()));
    let title = meta("og:title")
        .or(ld.headline.clone())
        .or(page_title)
        .map(|t| strip_site_suffix(&collapse(&t), outlet.as_deref()))
        .filter(|t| !t.is_empty());
    let url = doc
        .select(&sel.canonical)
        .find_map(|l| {
            l.value()
                .attr("href")
                .map(str::trim)
                .filter(|h| !h.is_empty())
                .map(String::from)
        })
        .or_else(|| meta("og:url"))
        .or(ld.url.clone());
    Page {
        text,
        title,
        published,
        outlet,
        url,
    }
}

fn content_root(doc: &Html) -> Option<ElementRef<'_>> {
    let sel = &*SELECTORS;
    let p_text = |e: ElementRef| -> usize {
        e.select(&sel.p)
            .filter(|p| !inside_skipped(*p))
            .map(|p| p.text().map(str::len).sum::<usize>())
            .sum()
    };
    let best_article = doc
        .select(&sel.article)
        .filter(|a| !inside_skipped(*a))
        .max_by_key(|a| p_text(*a))
        .filter(|a| {
            // An <article> with no text at all (a teaser card) is not the story.
            !a.text().all(|t| t.trim().is_empty())
        });
    if best_article.is_some() {
        return best_article;
    }
    let mut score: HashMap<_, usize> = HashMap::new();
    let mut order = Vec::new();
    for p in doc.select(&sel.p) {
        if inside_skipped(p) {
            continue;
        }
        let Some(parent) = p.parent() else { continue };
        let len: usize = p.text().map(str::len).sum();
        let id = parent.id();
        if !score.contains_key(&id) {
            order.push(parent);
        }
        *score.entry(id).or_insert(0) += len;
    }
    // Highest score; the first in document order on a tie (deterministic).
    let mut best: Option<(usize, _)> = None;
    for n in order {
        let s = score.get(&n.id()).copied().unwrap_or(0);
        if best.as_ref().is_none_or(|(b, _)| s > *b) {
            best = Some((s, n));
        }
    }
    best.and_then(|(_, n)| ElementRef::wrap(n))
        .or_else(|| doc.select(&sel.body).next())
}

/// The text of an element: block elements on their own lines, whitespace
/// collapsed, skipped elements left out. Iterative, so deep nesting is safe.
fn text_of(root: ElementRef) -> String {
    let mut out = String::new();
    let mut pending_space = false;
    let mut stack = vec![(*root, false)];
    let newline = |out: &mut String, pending: &mut bool| {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        *pending = false;
    };
    while let Some((node, closing)) = stack.pop() {
        match node.value() {
            Node::Element(el) => {
                let block = BLOCK.contains(&el.name());
                if closing {
                    if block {
                        newline(&mut out, &mut pending_space);
                    }
                    continue;
                }
                if skipped(el) {
                    continue;
                }
                if block {
                    newline(&mut out, &mut pending_space);
                }
                stack.push((node, true));
                for child in node.children().rev() {
                    stack.push((child, false));
                }
            }
            Node::Text(t) => {
                for c in t.chars() {
                    if c.is_whitespace() {
                        pending_space = !out.is_empty() && !out.ends_with('\n');
                    } else {
                        if pending_space {
                            out.push(' ');
                            pending_space = false;
                        }
                        out.push(c);
                    }
                }
            }
            _ => {}
        }
    }
    let lines: Vec<&str> = out
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut text = lines.join("\n");
    if !text.is_empty() {
        text.push('\n');
    }
    text
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// "Headline | Site" → "Headline" when the last part is the site's name.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    if let Some(site) = site {
        for sep in [" | ", " - ", " – ", " — "] {
            if let Some((head, tail)) = title.rsplit_once(sep) {
                if tail.trim() == site.trim() && !head.trim().is_empty() {
                    return head.trim().to_string();
                }
            }
        }
    }
    title.to_string()
}

#[derive(Default)]
struct LinkedData {
    published: Option<String>,
    publisher: Option<String>,
    headline: Option<String>,
    url: Option<String>,
}

fn json_ld(doc: &Html) -> LinkedData {
    let mut ld = LinkedData::default();
    for script in doc.select(&SELECTORS.json_ld) {
        let src: String = script.text().collect();
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&src) else {
            continue;
        };
        // Breadth-first over objects and arrays (JSON depth is bounded by serde_json).
        let mut queue = std::collections::VecDeque::from([&value]);
        while let Some(v) = queue.pop_front() {
            match v {
                serde_json::Value::Array(items) => queue.extend(items.iter()),
                serde_json::Value::Object(map) => {
                    let s = |k: &str| {
                        map.get(k)
                            .and_then(|x| x.as_str())
                            .map(str::trim)
                            .filter(|x| !x.is_empty())
                    };
                    if let Some(d) = s("datePublished") {
                        ld.published.get_or_insert_with(|| d.to_string());
                        if let Some(h) = s("headline") {
                            ld.headline.get_or_insert_with(|| h.to_string());
                        }
                        if let Some(u) = s("url") {
                            ld.url.get_or_insert_with(|| u.to_string());
                        }
                        if let Some(name) = map
                            .get("publisher")
                            .and_then(|p| p.get("name"))
                            .and_then(|n| n.as_str())
                        {
                            ld.publisher.get_or_insert_with(|| name.trim().to_string());
                        }
                    }
                    queue.extend(map.values());
                }
                _ => {}
            }
        }
    }
    ld
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta charset="utf-8">
<title>عنوان الصفحة | موقع الأخبار</title>
<meta property="og:site_name" content="موقع الأخبار">
<meta property="article:published_time" content="2024-09-20T08:30:00+01:00">
<link rel="canonical" href="https://example.com/a/1">
<script>var tracker = "19 أكتوبر 2030";</script>
<style>.x{color:red}</style>
</head><body>
<nav><a href="/">الرئيسية</a> <a href="/sport">رياضة</a></nav>
<header><h2>موقع الأخبار</h2></header>
<article>
<h1>العنوان الرئيسي للخبر</h1>
<p>الفقرة الأولى من المقال،   تقول إن الزيارة جرت من 19 إلى 21 سبتمبر.</p>
<!-- a comment with 999 inside -->
<p>الفقرة <b>الثانية</b> من المقال.<br>سطر بعد فاصل.</p>
<div class="share-buttons">شارك على فيسبوك</div>
</article>
<section id="comments"><p>تعليق من قارئ يقول 500 قتيل.</p></section>
<footer>جميع الحقوق محفوظة 2024</footer>
</body></html>"#;

    #[test]
    fn article_text_without_furniture() {
        let page = read_page(PAGE);
        assert_eq!(
            page.text,
            "العنوان الرئيسي للخبر\nالفقرة الأولى من المقال، تقول إن الزيارة جرت من 19 إلى 21 سبتمبر.\nالفقرة الثانية من المقال.\nسطر بعد فاصل.\n"
        );
        for junk in [
            "2030",
            "999",
            "500",
            "الرئيسية",
            "فيسبوك",
            "محفوظة",
            "color",
        ] {
            assert!(!page.text.contains(junk), "{junk} leaked");
        }
    }

    #[test]
    fn metadata_from_meta_tags() {
        let page = read_page(PAGE);
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2024, 9, 20));
        assert_eq!(page.outlet.as_deref(), Some("موقع الأخبار"));
        assert_eq!(page.title.as_deref(), Some("عنوان الصفحة"));
        assert_eq!(page.url.as_deref(), Some("https://example.com/a/1"));
    }

    #[test]
    fn json_ld_and_no_article_element() {
        let html = r#"<html><head><script type="application/ld+json">
{"@context":"https://schema.org","@graph":[{"@type":"WebSite","name":"x"},
 {"@type":"NewsArticle","headline":"خبر","datePublished":"2025-02-08","publisher":{"@type":"Organization","name":"أش واقع تيفي"}}]}
</script></head><body>
<div class="menu"><p>قصير</p></div>
<div class="content"><p>فقرة أولى طويلة من نص الخبر.</p><p>فقرة ثانية طويلة من نص الخبر.</p></div>
</body></html>"#;
        let page = read_page(html);
        assert_eq!(page.published, NaiveDate::from_ymd_opt(2025, 2, 8));
        assert_eq!(page.outlet.as_deref(), Some("أش واقع تيفي"));
        assert_eq!(page.title.as_deref(), Some("خبر"));
        assert_eq!(
            page.text,
            "فقرة أولى طويلة من نص الخبر.\nفقرة ثانية طويلة من نص الخبر.\n"
        );
    }

    #[test]
    fn broken_json_ld_and_markup_do_not_fail() {
        let page = read_page(
            "<html><script type=\"application/ld+json\">{not json</script><p>نص <b>غير مغلق",
        );
        assert_eq!(page.published, None);
        assert_eq!(page.text, "نص غير مغلق\n");
    }

    #[test]
    fn deep_nesting_is_safe() {
        let html = format!(
            "<html><body>{}<p>نص</p>{}</body></html>",
            "<div>".repeat(3_000),
            "</div>".repeat(3_000)
        );
        assert_eq!(read_page(&html).text, "نص\n");
    }

    #[test]
    fn sniffing() {
        assert!(looks_like_html("\n  <!DOCTYPE html><html>"));
        assert!(looks_like_html("<html lang=ar>"));
        assert!(!looks_like_html("نص عادي <b>"));
    }
}
