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

/// Pages whose elements nest deeper than this are refused: the HTML parser's
/// time grows with depth times tags (20,000 nested `<div>`s took ~1.9 s), and
/// no real article page comes near it (Blink flattens beyond 512).
pub const MAX_DEPTH: usize = 1024;

/// Void elements, and elements whose end tag is optional (implied by the
/// next sibling): neither makes the page deeper, so neither is counted.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame", "html", "head", "body", "p", "li", "dt", "dd", "tr", "td",
    "th", "option", "optgroup", "rb", "rt", "rtc", "rp", "thead", "tbody", "tfoot", "colgroup",
    "caption",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// Case-insensitive search for an ASCII `needle` in `hay` from `from`.
fn find_ascii_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || from >= hay.len() {
        return None;
    }
    hay[from..]
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

/// The deepest element nesting of a page, read from its tags without
/// building a tree (linear). Counting stops once past `limit`. An estimate:
/// stray end tags never go below zero, `/>` closes only inside SVG/MathML
/// (as in HTML itself, where `<div/>` opens a div).
pub fn nesting_depth(source: &str, limit: usize) -> usize {
    let b = source.as_bytes();
    let (mut i, mut depth, mut deepest, mut foreign) = (0usize, 0usize, 0usize, 0usize);
    while let Some(lt) = b[i..].iter().position(|&c| c == b'<') {
        i += lt + 1;
        if b[i..].starts_with(b"!--") {
            i = find_ascii_ci(b, i + 3, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        let closing = b.get(i) == Some(&b'/');
        let name_start = if closing { i + 1 } else { i };
        let name_len = b[name_start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-' || **c == b':')
            .count();
        if name_len == 0 || !b[name_start].is_ascii_alphabetic() {
            continue;
        }
        let name = source[name_start..name_start + name_len].to_ascii_lowercase();
        let Some(gt) = b[name_start..].iter().position(|&c| c == b'>') else {
            break;
        };
        let end = name_start + gt;
        i = end + 1;
        if NOT_NESTING.contains(&name.as_str()) {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
            if name == "svg" || name == "math" {
                foreign = foreign.saturating_sub(1);
            }
            continue;
        }
        if foreign > 0 && end > 0 && b[end - 1] == b'/' {
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            let close = format!("</{name}");
            i = find_ascii_ci(b, i, close.as_bytes()).unwrap_or(b.len());
            continue;
        }
        if name == "svg" || name == "math" {
            foreign += 1;
        }
        depth += 1;
        deepest = deepest.max(depth);
        if deepest > limit {
            break;
        }
    }
    deepest
}

/// The longest tag read, in bytes: the HTML parser's time grows with the
/// square of an element's attributes (200,000 attributes on one element,
/// 3.2 MB, took 28 s). A real page's longest tag (an `<img>` with a
/// `srcset`, a `<meta>` with JSON) is a few kilobytes.
pub const MAX_TAG_BYTES: usize = 64 * 1024;

/// The most tags read in one page: an article page has a few thousand.
pub const MAX_TAGS: usize = 500_000;

/// Refuses, before parsing, a page with a tag longer than [`MAX_TAG_BYTES`]
/// or more than [`MAX_TAGS`] tags. A rough scan (a `<` starts a tag, the
/// next `>` ends it): it only needs to bound the parser's work.
fn check_tags(source: &str) -> Result<(), String> {
    let bytes = source.as_bytes();
    let mut tags = 0usize;
    let mut at = 0;
    while let Some(open) = bytes[at..].iter().position(|b| *b == b'<') {
        let start = at + open;
        let end = bytes[start..]
            .iter()
            .position(|b| *b == b'>')
            .map_or(bytes.len(), |e| start + e);
        tags += 1;
        if end - start > MAX_TAG_BYTES {
            return Err(format!(
                "an HTML tag of {} bytes at byte {start} (the limit is {MAX_TAG_BYTES}): not an article page, not read",
                end - start
            ));
        }
        if tags > MAX_TAGS {
            return Err(format!(
                "more than {MAX_TAGS} HTML tags: not an article page, not read"
            ));
        }
        at = end.max(start + 1).min(bytes.len());
        if at >= bytes.len() {
            break;
        }
    }
    Ok(())
}

/// Reads a decoded HTML page. A page nested deeper than [`MAX_DEPTH`]
/// elements is refused with a one-line reason.
pub fn read_page(source: &str) -> Result<Page, String> {
    if nesting_depth(source, MAX_DEPTH) > MAX_DEPTH {
        return Err(format!(
            "HTML elements nested more than {MAX_DEPTH} deep: not an article page, not read"
        ));
    }
    check_tags(source)?;
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
    Ok(Page {
        text,
        title,
        published,
        outlet,
        url,
    })
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
        let page = read_page(PAGE).unwrap();
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
        let page = read_page(PAGE).unwrap();
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
        let page = read_page(html).unwrap();
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
        )
        .unwrap();
        assert_eq!(page.published, None);
        assert_eq!(page.text, "نص غير مغلق\n");
    }

    fn nested(open: &str, close: &str, n: usize) -> String {
        format!(
            "<html><body>{}<p>نص</p>{}</body></html>",
            open.repeat(n),
            close.repeat(n)
        )
    }

    #[test]
    fn deep_but_plausible_nesting_is_read() {
        let html = nested("<div class=\"x\">", "</div>", 900);
        assert_eq!(read_page(&html).unwrap().text, "نص\n");
    }

    #[test]
    fn a_tag_with_too_many_attributes_is_refused_before_parsing() {
        let attrs: String = (0..20_000).map(|i| format!(" a{i}=\"x\"")).collect();
        let page = format!("<html><body><p{attrs}>نص</p></body></html>");
        let t = std::time::Instant::now();
        let err = read_page(&page).unwrap_err();
        assert!(err.contains("HTML tag of"), "{err}");
        assert!(t.elapsed().as_secs() < 5);
        let many = "<b>x</b>".repeat(MAX_TAGS);
        assert!(read_page(&many).unwrap_err().contains("HTML tags"));
        // An ordinary long tag is read.
        let srcset: String = (0..50).map(|i| format!("img{i}.jpg {i}w, ")).collect();
        let page = format!("<html><body><article><img srcset=\"{srcset}\"><p>نص الخبر.</p></article></body></html>");
        assert!(read_page(&page).is_ok());
    }

    #[test]
    fn pathological_nesting_is_refused_quickly() {
        // 20,000 nested <div>s took ~1.9 s in the parser; refused up front.
        let started = std::time::Instant::now();
        let err = read_page(&nested("<div>", "</div>", 20_000)).unwrap_err();
        assert!(err.contains("nested more than 1024 deep"), "{err}");
        assert!(started.elapsed() < std::time::Duration::from_millis(500));
        // <div/> opens a div in HTML: it nests too.
        assert!(read_page(&nested("<div/>", "", 2_000)).is_err());
        assert!(read_page(&nested("<b>", "", 2_000)).is_err());
    }

    #[test]
    fn depth_ignores_void_implied_raw_and_foreign_self_closing_tags() {
        let many = |t: &str| t.repeat(5_000);
        assert_eq!(nesting_depth(&many("<p>x"), MAX_DEPTH), 0);
        assert_eq!(nesting_depth(&many("<br><img src=a><li>"), MAX_DEPTH), 0);
        assert_eq!(
            nesting_depth(
                &format!("<svg>{}</svg>", many("<path d=\"M0\"/>")),
                MAX_DEPTH
            ),
            1
        );
        assert_eq!(
            nesting_depth(
                &format!("<script>{}</SCRIPT><div>", many("<div>")),
                MAX_DEPTH
            ),
            1
        );
        assert_eq!(
            nesting_depth(&format!("<!--{}--><div>", many("<div>")), MAX_DEPTH),
            1
        );
        assert_eq!(
            nesting_depth("</div></div><div><span>a</span></div>", MAX_DEPTH),
            2
        );
        // Truncated or odd markup does not panic.
        for s in ["<", "</", "<!--", "<div", "<script>", "<é>", "<a\u{0645}>"] {
            nesting_depth(s, MAX_DEPTH);
        }
    }

    #[test]
    fn a_refused_page_is_a_clear_ingest_error() {
        let html = nested("<div>", "</div>", 5_000);
        let err = crate::ingest::read_bytes("deep.html", html.as_bytes(), &Default::default())
            .unwrap_err();
        assert_eq!(err.document, "deep.html");
        assert!(
            err.problem.starts_with("HTML elements nested more than"),
            "{err}"
        );
    }

    #[test]
    fn sniffing() {
        assert!(looks_like_html("\n  <!DOCTYPE html><html>"));
        assert!(looks_like_html("<html lang=ar>"));
        assert!(!looks_like_html("نص عادي <b>"));
    }
}
