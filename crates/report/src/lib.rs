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
                    status: parallax_model::ClaimStatus::Corroborated,
                }],
                ..Default::default()
            }],
            errors: vec![],
        }
    }

    /// A brief sentence that one source alone states says so in every human format; a
    /// corroborated one carries no mark.
    #[test]
    fn brief_marks_single_source_sentences() {
        let marks = [
            (Format::Text, "accords. (single source) ["),
            (Format::Markdown, "accords. _(single source)_ _["),
            (
                Format::Html,
                "accords. <span class=\"badge single_source\">single source</span>",
            ),
        ];
        let mut analysis = story_with("Kazakhstan will join the accords.");
        for (format, mark) in marks {
            assert!(!render(&analysis, format, false).contains(mark));
        }
        analysis.stories[0].brief[0].status = parallax_model::ClaimStatus::SingleSource;
        for (format, mark) in marks {
            let out = render(&analysis, format, false);
            assert!(out.contains(mark), "{format:?}: {out}");
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

    /// Hostile text in every field a page shows: none of it becomes markup. (Long only because
    /// it spells out one value of every field the HTML shows.)
    #[test]
    fn html_escapes_every_field() {
        use parallax_model::*;
        let evil = "<img src=x onerror=alert(1)>\"'&";
        let claim = Claim {
            id: evil.into(),
            text: evil.into(),
            status: ClaimStatus::Contested,
            independent_sources: 2,
            support: vec![Support {
                article: evil.into(),
                sentence: evil.into(),
            }],
            figures: vec![],
        };
        let story = StoryReport {
            id: evil.into(),
            headline: evil.into(),
            articles: vec![ArticleInfo {
                id: evil.into(),
                title: Some(evil.into()),
                outlet: Some(evil.into()),
                source: evil.into(),
                published: Some(evil.into()),
                authors: vec![evil.into()],
                removed: vec![evil.into()],
                url: Some("javascript:alert(1)".into()),
                sentences: 1,
                copy_of: Some(evil.into()),
            }],
            claims: vec![claim],
            contradictions: vec![Contradiction {
                claims: vec![evil.into()],
                about: evil.into(),
                values: vec![ContradictionValue {
                    article: evil.into(),
                    value: evil.into(),
                    sentence: evil.into(),
                }],
            }],
            quotes: vec![QuoteGroup {
                speaker: Some(evil.into()),
                variants: vec![QuoteVariant {
                    article: evil.into(),
                    text: evil.into(),
                    speaker: Some(evil.into()),
                    differences: vec![WordDiff {
                        reference: evil.into(),
                        variant: evil.into(),
                    }],
                }],
            }],
            entities: vec![EntityInfo {
                name: evil.into(),
                kind: evil.into(),
                aliases: vec![evil.into()],
                articles: vec![evil.into()],
                mentions: 1,
            }],
            framing: vec![FramingItem {
                article: evil.into(),
                kind: "loaded".into(),
                text: evil.into(),
                sentence: evil.into(),
                category: Some(evil.into()),
            }],
            omissions: vec![Omission {
                article: evil.into(),
                claims: vec![evil.into()],
            }],
            brief: vec![BriefItem {
                text: evil.into(),
                sources: vec![evil.into()],
                claim: Some(evil.into()),
                status: ClaimStatus::SingleSource,
            }],
            timeline: vec![TimelineItem {
                date: evil.into(),
                text: evil.into(),
                sources: vec![evil.into()],
            }],
            syndication: vec![SyndicationGroup {
                id: evil.into(),
                articles: vec![evil.into()],
                overlap: 1.0,
            }],
        };
        let analysis = Analysis {
            stories: vec![story],
            errors: vec![InputProblem {
                source: evil.into(),
                line: Some(1),
                message: evil.into(),
            }],
        };
        let html = render(&analysis, Format::Html, false);
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("javascript:"));
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;"));
        // Every tag is the renderer's: outside its quoted values (odd pieces between `"`) no
        // attribute came from the text.
        for tag in html.split('<').skip(1).filter_map(|t| t.split('>').next()) {
            let names = tag.split('"').step_by(2).collect::<String>();
            assert!(!names.contains("onerror"), "<{tag}>");
        }
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
