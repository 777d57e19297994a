//! Report: render an [`Analysis`] as terminal text, JSON, Markdown or one self-contained HTML page.
//!
//! Architecture invariant: pure functions from the analysis to a `String`; no I/O, no analysis.
//! Every article text that reaches HTML goes through [`escape_html`]: `html.rs` writes it all with
//! `put!`, which escapes every argument.
//!
//! `html` is also the rendering `parallax serve` uses for a story page, and its frame and escaping
//! for the server's other pages; `matrix` is the claims × sources view both show.
//!
//! The human formats share one walk of the sections (`sections.rs`: order, which sections an
//! empty list skips, what several formats show); `text.rs`, `markdown.rs` and `html.rs` each
//! decide only how a section looks.

pub mod html;
mod markdown;
pub mod matrix;
mod sections;
mod text;

use parallax_model::Analysis;

pub use html::{escape_html, HtmlOptions};
pub use sections::short;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Markdown,
    Html,
}

pub fn render(analysis: &Analysis, format: Format, color: bool) -> String {
    match format {
        Format::Json => {
            serde_json::to_string_pretty(analysis)
                .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
                + "\n"
        }
        Format::Text => sections::render(analysis, text::Text::new(color)),
        Format::Markdown => sections::render(analysis, markdown::Markdown::default()),
        Format::Html => render_html(analysis, &HtmlOptions::default()),
    }
}

/// The report as an HTML page, set as `options` say: the static report by default, or the story
/// page of `parallax serve` (links, a linked style sheet, a view of the claims).
pub fn render_html(analysis: &Analysis, options: &HtmlOptions) -> String {
    sections::render(analysis, html::Html::new(options))
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{BriefItem, StoryReport};

    fn story_with(text: &str) -> Analysis {
        Analysis {
            stories: vec![StoryReport {
                id: "s1".into(),
                headline: text.into(),
                brief: vec![BriefItem {
                    text: text.into(),
                    sources: vec!["a".into()],
                    claim: None,
                }],
                ..Default::default()
            }],
            errors: vec![],
        }
    }

    #[test]
    fn html_escapes_article_text() {
        let html = render(
            &story_with("<script>alert('x')</script> & \"q\""),
            Format::Html,
            false,
        );
        assert!(!html.contains("<script>alert"));
        assert!(
            html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;")
        );
        assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    }

    #[test]
    fn text_has_colour_only_when_asked() {
        let a = story_with("Headline");
        assert!(render(&a, Format::Text, true).contains("\x1b["));
        assert!(!render(&a, Format::Text, false).contains("\x1b["));
    }

    #[test]
    fn json_round_trips() {
        let a = story_with("Headline");
        let back: Analysis = serde_json::from_str(&render(&a, Format::Json, false)).unwrap();
        assert_eq!(back, a);
    }

    #[test]
    fn markdown_escapes() {
        let md = render(&story_with("a *b* | c"), Format::Markdown, false);
        assert!(md.contains("a \\*b\\* \\| c"));
    }
}
