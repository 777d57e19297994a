//! One self-contained HTML page. It leaves out the copies, the separate lists of single-source
//! figures and claims (single-source claims that carry such a figure join the claims list), the
//! omissions and the input problems.
//!
//! Every piece of text from the analysis is written with [`put!`], which escapes all its
//! arguments; the only markup written unescaped is the literal format strings and [`CSS`].

use std::fmt::{self, Write};

use parallax_model::{
    Analysis, ArticleInfo, BriefItem, Claim, Contradiction, EntityInfo, FramingItem, QuoteGroup,
    StoryReport, TimelineItem,
};

use crate::sections::{is_multi_source, short, sources, speaker, title, Section, Sink};

/// Escape text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// `write!` for HTML: the format string is the markup, and every argument goes through
/// [`escape_html`]. The format string passes through `concat!` so that it cannot name a variable
/// (`{text}`), which would slip past the escaping: the compiler refuses such a capture.
macro_rules! put {
    ($out:expr, $markup:literal $(, $text:expr)* $(,)?) => {
        write!($out, concat!($markup) $(, escape_html(&($text).to_string()))*)
    };
}

const CSS: &str = "body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}h1{font-size:1.6rem}h2{border-bottom:1px solid #ddd;margin-top:2rem}.src{color:#666;font-size:.85em}.corroborated{color:#17702e}.single_source{color:#8a6d00}.contested{color:#b00020}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:.3rem;text-align:left;vertical-align:top}blockquote{margin:.3rem 0 .3rem 1rem;border-left:3px solid #ccc;padding-left:.6rem}.diff{color:#666;font-size:.85em}del{color:#b00020}ins{color:#17702e}details{margin:.2rem 0}";

#[derive(Default)]
pub(crate) struct Html {
    out: String,
}

impl Html {
    fn heading(&mut self, section: Section) -> fmt::Result {
        put!(self.out, "<h2>{}</h2>", section.title())
    }
}

/// The claims the page lists: those more than one source speaks to, and the single-source ones
/// that carry a figure no other source gives (the page has no separate list of such figures).
fn is_listed(claim: &Claim) -> bool {
    is_multi_source(claim) || claim.figures.iter().any(|f| f.independent_sources <= 1)
}

impl Sink for Html {
    /// The page head, titled by the first story.
    fn begin(&mut self, analysis: &Analysis) -> fmt::Result {
        let title = analysis
            .stories
            .first()
            .map(|s| s.headline.as_str())
            .unwrap_or("Parallax report");
        put!(
            self.out,
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title><style>",
            title
        )?;
        self.out.push_str(CSS);
        self.out.push_str("</style></head><body>");
        Ok(())
    }

    fn story(&mut self, story: &StoryReport) -> fmt::Result {
        put!(
            self.out,
            "<section id=\"{}\"><h1>{}</h1><p class=\"src\">{} articles</p><ul>",
            story.id,
            story.headline,
            story.articles.len()
        )?;
        for a in &story.articles {
            put!(self.out, "<li><b>{}</b> {}", a.id, title(a))?;
            if !a.removed.is_empty() {
                let removed = a.removed.join(" · ");
                put!(self.out, " <span class=\"src\">removed: {}</span>", removed)?;
            }
            put!(self.out, "</li>")?;
        }
        put!(self.out, "</ul>")
    }

    fn brief(&mut self, items: &[BriefItem]) -> fmt::Result {
        self.heading(Section::Brief)?;
        put!(self.out, "<ol>")?;
        for b in items {
            let cited = sources(&b.sources);
            put!(
                self.out,
                "<li>{} <span class=\"src\">[{}]</span></li>",
                b.text,
                cited
            )?;
        }
        put!(self.out, "</ol>")
    }

    fn timeline(&mut self, items: &[TimelineItem]) -> fmt::Result {
        self.heading(Section::Timeline)?;
        put!(self.out, "<table>")?;
        for t in items {
            put!(
                self.out,
                "<tr><td>{}</td><td>{} <span class=\"src\">[{}]</span></td></tr>",
                t.date,
                t.text,
                sources(&t.sources)
            )?;
        }
        put!(self.out, "</table>")
    }

    fn claims(&mut self, claims: &[Claim]) -> fmt::Result {
        self.heading(Section::Claims)?;
        for c in claims.iter().filter(|c| is_listed(c)) {
            put!(
                self.out,
                "<details><summary><span class=\"{}\">{}</span> {} ({} sources): {}</summary>",
                c.status.as_str(),
                c.status.as_str(),
                c.id,
                c.independent_sources,
                c.text
            )?;
            for s in &c.support {
                put!(
                    self.out,
                    "<blockquote>{} <span class=\"src\">[{}]</span></blockquote>",
                    s.sentence,
                    short(&s.article)
                )?;
            }
            put!(self.out, "</details>")?;
        }
        Ok(())
    }

    fn contradictions(&mut self, contradictions: &[Contradiction]) -> fmt::Result {
        self.heading(Section::Contradictions)?;
        put!(
            self.out,
            "<table><tr><th>about</th><th>article</th><th>value</th><th>sentence</th></tr>"
        )?;
        for c in contradictions {
            for v in &c.values {
                put!(
                    self.out,
                    "<tr><td>{}</td><td>{}</td><td><b>{}</b></td><td>{}</td></tr>",
                    c.about,
                    short(&v.article),
                    v.value,
                    v.sentence
                )?;
            }
        }
        put!(self.out, "</table>")
    }

    fn quotes(&mut self, quotes: &[QuoteGroup]) -> fmt::Result {
        self.heading(Section::Quotes)?;
        for q in quotes {
            put!(self.out, "<h3>{}</h3>", speaker(q))?;
            for v in &q.variants {
                put!(
                    self.out,
                    "<blockquote>“{}” <span class=\"src\">[{}]</span>",
                    v.text,
                    short(&v.article)
                )?;
                if !v.differences.is_empty() {
                    put!(self.out, "<div class=\"diff\">")?;
                    for d in &v.differences {
                        put!(
                            self.out,
                            "<del>{}</del> <ins>{}</ins>; ",
                            d.reference,
                            d.variant
                        )?;
                    }
                    put!(self.out, "</div>")?;
                }
                put!(self.out, "</blockquote>")?;
            }
        }
        Ok(())
    }

    fn framing(&mut self, _: &[ArticleInfo], marks: &[FramingItem]) -> fmt::Result {
        self.heading(Section::Framing)?;
        put!(self.out, "<table>")?;
        for f in marks {
            put!(
                self.out,
                "<tr><td>{}</td><td>{}</td><td><b>{}</b></td><td>{}</td></tr>",
                short(&f.article),
                f.kind,
                f.text,
                f.sentence
            )?;
        }
        put!(self.out, "</table>")
    }

    fn entities(&mut self, entities: &[EntityInfo]) -> fmt::Result {
        self.heading(Section::Entities)?;
        put!(self.out, "<ul>")?;
        for en in entities {
            put!(
                self.out,
                "<li>{} <span class=\"src\">{} · {} articles · {}</span></li>",
                en.name,
                en.kind,
                en.articles.len(),
                en.aliases.join(", ")
            )?;
        }
        put!(self.out, "</ul>")
    }

    fn end_story(&mut self) -> fmt::Result {
        put!(self.out, "</section>")
    }

    fn end(&mut self) -> fmt::Result {
        put!(self.out, "</body></html>\n")
    }

    fn finish(self) -> String {
        self.out
    }
}
