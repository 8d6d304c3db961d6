//! Rendering a [`Report`] as Markdown, HTML (minijinja templates) or JSON.

use minijinja::{context, AutoEscape, Environment, Error, ErrorKind, Value};

use super::escape::{markdown_inline, neutralize_bidi};
use super::Report;

/// Output formats of `factdiff compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Markdown,
    Html,
    Json,
}

/// Renders `factdiff extract` as Markdown.
pub fn render_extract_markdown(report: &super::ExtractReport) -> Result<String, Error> {
    environment()
        .get_template("extract.md")?
        .render(context! { r => report })
}

/// Renders the report; the result ends with a newline.
pub fn render(report: &Report, format: Format) -> Result<String, Error> {
    match format {
        Format::Json => serde_json::to_string_pretty(report)
            .map(|s| s + "\n")
            .map_err(|e| Error::new(ErrorKind::BadSerialization, e.to_string())),
        Format::Markdown => environment()
            .get_template("report.md")?
            .render(context! { r => report, v => super::view::build(report) }),
        Format::Html => environment()
            .get_template("report.html")?
            .render(context! { r => report, v => super::view::build(report) }),
    }
}

fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html") {
            AutoEscape::Html
        } else {
            AutoEscape::None
        }
    });
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.add_template("report.md", include_str!("../../templates/report.md.j2"))
        .expect("Markdown template parses");
    env.add_template(
        "report.html",
        include_str!("../../templates/report.html.j2"),
    )
    .expect("HTML template parses");
    env.add_template("extract.md", include_str!("../../templates/extract.md.j2"))
        .expect("extract template parses");
    env.add_filter("md", |s: String| markdown_inline(&s));
    env.add_filter("inert", |s: String| neutralize_bidi(&s));
    env.add_filter("dir", |s: String| super::direction(&s));
    env.add_filter("in_context", in_context);
    env
}

/// Splits a claim's sentence into [before, quote, after] for highlighting.
fn in_context(claim: Value) -> Result<Vec<String>, Error> {
    let get = |k: &str| claim.get_attr(k);
    let sentence = get("sentence")?.as_str().unwrap_or_default().to_string();
    let start = |v: Value| -> Option<usize> { v.get_attr("start").ok()?.as_usize() };
    let (Some(s0), Some(q0), Some(q1)) = (
        start(get("sentence_span")?),
        start(get("span")?),
        get("span")?.get_attr("end").ok().and_then(|v| v.as_usize()),
    ) else {
        return Ok(vec![String::new(), sentence, String::new()]);
    };
    let (a, b) = (q0.saturating_sub(s0), q1.saturating_sub(s0));
    match (sentence.get(..a), sentence.get(a..b), sentence.get(b..)) {
        (Some(before), Some(quote), Some(after)) => {
            Ok(vec![before.into(), quote.into(), after.into()])
        }
        _ => Ok(vec![String::new(), sentence, String::new()]),
    }
}
