//! Report: render an [`Analysis`] as terminal text, JSON, Markdown or one self-contained HTML page.
//!
//! Architecture invariant: pure functions from the analysis to a `String`; no I/O, no analysis.
//! Every article text that reaches HTML goes through [`escape_html`].

use std::fmt::Write;

use parallax_model::{Analysis, ClaimStatus, StoryReport};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Markdown,
    Html,
}

/// How many single-source claims the human formats list (all are in JSON).
const SINGLE_SOURCE_SHOWN: usize = 12;

pub fn render(analysis: &Analysis, format: Format, color: bool) -> String {
    match format {
        Format::Json => {
            serde_json::to_string_pretty(analysis)
                .unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
                + "\n"
        }
        Format::Text => render_text(analysis, color),
        Format::Markdown => render_markdown(analysis),
        Format::Html => render_html(analysis),
    }
}

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
    fn status(&self, status: ClaimStatus) -> String {
        let code = match status {
            ClaimStatus::Corroborated => "32",
            ClaimStatus::SingleSource => "33",
            ClaimStatus::Contested => "31",
        };
        self.paint(code, status.as_str())
    }
}

fn short(id: &str) -> &str {
    // Opaque ids like "004_5ed97c3f34f5c044" read better by their prefix in running text.
    // Only a hash tail is dropped: "12_10ecb" and "12_11ecb" must stay apart.
    match id.split_once('_') {
        Some((head, tail))
            if head.len() >= 2
                && tail.len() >= 8
                && tail.chars().all(|c| c.is_ascii_hexdigit()) =>
        {
            head
        }
        _ => id,
    }
}

fn sources(ids: &[String]) -> String {
    ids.iter().map(|s| short(s)).collect::<Vec<_>>().join(", ")
}

/// A quote broken over lines in its article, shown on one line (JSON keeps the verbatim span).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn single_source_figures(story: &StoryReport) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for c in &story.claims {
        for f in &c.figures {
            let seen = out.iter().any(|(s, a, _): &(String, String, String)| {
                s == &f.surface && f.articles.first() == Some(a)
            });
            if f.independent_sources == 1
                && f.surface.chars().any(|ch| ch.is_ascii_digit())
                && !seen
            {
                let sentence = c
                    .support
                    .iter()
                    .find(|s| Some(&s.article) == f.articles.first())
                    .map_or(c.text.clone(), |s| s.sentence.clone());
                out.push((
                    f.surface.clone(),
                    f.articles.first().cloned().unwrap_or_default(),
                    sentence,
                ));
            }
        }
    }
    out
}

fn render_text(analysis: &Analysis, color: bool) -> String {
    let st = Style { on: color };
    let mut o = String::new();
    for story in &analysis.stories {
        let _ = writeln!(
            o,
            "{} {}",
            st.bold(&format!("STORY {}", story.id)),
            st.bold(&story.headline)
        );
        let _ = writeln!(o, "{} articles", story.articles.len());
        for a in &story.articles {
            let outlet = a
                .outlet
                .as_deref()
                .map(|x| format!(" ({x})"))
                .unwrap_or_default();
            let title = a.title.as_deref().unwrap_or("(no headline)");
            let _ = writeln!(o, "  {}{} {}", st.bold(short(&a.id)), outlet, title);
            for r in &a.removed {
                let _ = writeln!(o, "      {}", st.dim(&format!("removed: {r}")));
            }
        }
        for g in &story.syndication {
            let _ = writeln!(
                o,
                "  copies counted as one source: {} (overlap {:.0}%)",
                sources(&g.articles),
                g.overlap * 100.0
            );
        }
        let _ = writeln!(o, "\n{}", st.bold("BRIEF"));
        for (i, b) in story.brief.iter().enumerate() {
            let _ = writeln!(
                o,
                "  {}. {} {}",
                i + 1,
                b.text,
                st.dim(&format!("[{}]", sources(&b.sources)))
            );
        }
        let _ = writeln!(o, "\n{}", st.bold("TIMELINE"));
        for t in &story.timeline {
            let _ = writeln!(
                o,
                "  {:<10} {} {}",
                t.date,
                t.text,
                st.dim(&format!("[{}]", sources(&t.sources)))
            );
        }
        let count = |s: ClaimStatus| story.claims.iter().filter(|c| c.status == s).count();
        let _ = writeln!(
            o,
            "\n{} {} corroborated, {} contested, {} single-source",
            st.bold("CLAIMS"),
            count(ClaimStatus::Corroborated),
            count(ClaimStatus::Contested),
            count(ClaimStatus::SingleSource)
        );
        for c in story
            .claims
            .iter()
            .filter(|c| c.status != ClaimStatus::SingleSource)
        {
            let _ = writeln!(
                o,
                "  {} {} ({} independent sources): {}",
                c.id,
                st.status(c.status),
                c.independent_sources,
                c.text
            );
            for s in &c.support {
                let _ = writeln!(
                    o,
                    "      {} {}",
                    st.dim(&format!("{}:", short(&s.article))),
                    s.sentence
                );
            }
        }
        let figures = single_source_figures(story);
        if !figures.is_empty() {
            let _ = writeln!(o, "\n{}", st.bold("FIGURES ONLY ONE SOURCE GIVES"));
            for (surface, article, sentence) in figures {
                let _ = writeln!(
                    o,
                    "  {} {} {}",
                    st.paint("33", &surface),
                    st.dim(&format!("[{}]", short(&article))),
                    sentence
                );
            }
        }
        let singles: Vec<_> = story
            .claims
            .iter()
            .filter(|c| c.status == ClaimStatus::SingleSource)
            .collect();
        if !singles.is_empty() {
            let _ = writeln!(
                o,
                "\n{} (first {} of {}; all in --format json)",
                st.bold("SINGLE-SOURCE CLAIMS"),
                SINGLE_SOURCE_SHOWN.min(singles.len()),
                singles.len()
            );
            for c in singles.iter().take(SINGLE_SOURCE_SHOWN) {
                let _ = writeln!(
                    o,
                    "  {} [{}] {}",
                    c.id,
                    short(&c.support[0].article),
                    c.text
                );
            }
        }
        if !story.contradictions.is_empty() {
            let _ = writeln!(o, "\n{}", st.bold("CONTRADICTIONS"));
            for c in &story.contradictions {
                let _ = writeln!(o, "  {} {}", st.paint("31", &c.about), c.claims.join(", "));
                for v in &c.values {
                    let _ = writeln!(
                        o,
                        "      {} {:<14} {}",
                        short(&v.article),
                        v.value,
                        v.sentence
                    );
                }
            }
        }
        let _ = writeln!(o, "\n{}", st.bold("QUOTES"));
        for q in &story.quotes {
            let who = q.speaker.as_deref().unwrap_or("(unattributed)");
            let _ = writeln!(o, "  {} — {} wording(s)", st.bold(who), q.variants.len());
            for v in &q.variants {
                let _ = writeln!(
                    o,
                    "      {} \"{}\"",
                    st.dim(&format!("{}:", short(&v.article))),
                    one_line(&v.text)
                );
                if !v.differences.is_empty() {
                    let diffs: Vec<String> = v
                        .differences
                        .iter()
                        .map(|d| format!("{} → {}", blank(&d.reference), blank(&d.variant)))
                        .collect();
                    let _ = writeln!(
                        o,
                        "          {}",
                        st.dim(&format!("differs: {}", diffs.join("; ")))
                    );
                }
            }
        }
        let _ = writeln!(o, "\n{}", st.bold("FRAMING"));
        for a in &story.articles {
            let marks: Vec<&parallax_model::FramingItem> =
                story.framing.iter().filter(|f| f.article == a.id).collect();
            if marks.is_empty() {
                continue;
            }
            let mut kinds: Vec<String> = Vec::new();
            for kind in ["scare_quote", "distancing", "loaded"] {
                let texts: Vec<&str> = marks
                    .iter()
                    .filter(|f| f.kind == kind)
                    .map(|f| f.text.as_str())
                    .collect();
                if !texts.is_empty() {
                    let mut uniq: Vec<&str> = texts.clone();
                    uniq.sort();
                    uniq.dedup();
                    kinds.push(format!("{} ×{} ({})", kind, texts.len(), uniq.join(", ")));
                }
            }
            let _ = writeln!(o, "  {}: {}", short(&a.id), kinds.join("; "));
        }
        if !story.omissions.is_empty() {
            let _ = writeln!(
                o,
                "\n{}",
                st.bold("LEAVES OUT (corroborated claims an article does not carry)")
            );
            for om in &story.omissions {
                let _ = writeln!(o, "  {}: {}", short(&om.article), om.claims.join(", "));
            }
        }
        let _ = writeln!(o, "\n{}", st.bold("ENTITIES"));
        for e in story.entities.iter().take(20) {
            let aliases = if e.aliases.is_empty() {
                String::new()
            } else {
                format!(" aka {}", e.aliases.join(", "))
            };
            let _ = writeln!(
                o,
                "  {} ({}, {} articles){}",
                e.name,
                e.kind,
                e.articles.len(),
                st.dim(&aliases)
            );
        }
        let _ = writeln!(o);
    }
    if !analysis.errors.is_empty() {
        let _ = writeln!(o, "{}", st.bold("INPUT PROBLEMS"));
        for e in &analysis.errors {
            let _ = writeln!(
                o,
                "  {}{}: {}",
                e.source,
                e.line.map(|l| format!(" line {l}")).unwrap_or_default(),
                e.message
            );
        }
    }
    o
}

fn blank(s: &str) -> &str {
    if s.is_empty() {
        "∅"
    } else {
        s
    }
}

fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn render_markdown(analysis: &Analysis) -> String {
    let mut o = String::new();
    for story in &analysis.stories {
        let _ = writeln!(o, "# {}\n", md_escape(&story.headline));
        let _ = writeln!(o, "## Articles\n");
        for a in &story.articles {
            let _ = writeln!(
                o,
                "- **{}** {}{}",
                md_escape(&a.id),
                md_escape(a.title.as_deref().unwrap_or("(no headline)")),
                a.outlet
                    .as_deref()
                    .map(|x| format!(" — {}", md_escape(x)))
                    .unwrap_or_default()
            );
        }
        let _ = writeln!(o, "\n## Brief\n");
        for b in &story.brief {
            let _ = writeln!(
                o,
                "- {} _[{}]_",
                md_escape(&b.text),
                md_escape(&sources(&b.sources))
            );
        }
        let _ = writeln!(o, "\n## Timeline\n");
        for t in &story.timeline {
            let _ = writeln!(
                o,
                "- **{}** {} _[{}]_",
                md_escape(&t.date),
                md_escape(&t.text),
                md_escape(&sources(&t.sources))
            );
        }
        let _ = writeln!(
            o,
            "\n## Claims\n\n| id | status | sources | claim |\n|---|---|---|---|"
        );
        for c in story
            .claims
            .iter()
            .filter(|c| c.status != ClaimStatus::SingleSource)
        {
            let arts: Vec<String> = c.support.iter().map(|s| s.article.clone()).collect();
            let _ = writeln!(
                o,
                "| {} | {} | {} ({}) | {} |",
                c.id,
                c.status.as_str(),
                c.independent_sources,
                md_escape(&sources(&arts)),
                md_escape(&c.text)
            );
        }
        let figures = single_source_figures(story);
        if !figures.is_empty() {
            let _ = writeln!(o, "\n### Figures only one source gives\n");
            for (surface, article, sentence) in figures {
                let _ = writeln!(
                    o,
                    "- **{}** ({}): {}",
                    md_escape(&surface),
                    md_escape(short(&article)),
                    md_escape(&sentence)
                );
            }
        }
        if !story.contradictions.is_empty() {
            let _ = writeln!(o, "\n## Contradictions\n");
            for c in &story.contradictions {
                let _ = writeln!(o, "- **{}** {}", c.about, c.claims.join(", "));
                for v in &c.values {
                    let _ = writeln!(
                        o,
                        "  - {} — **{}**: {}",
                        md_escape(short(&v.article)),
                        md_escape(&v.value),
                        md_escape(&v.sentence)
                    );
                }
            }
        }
        let _ = writeln!(o, "\n## Quotes\n");
        for q in story.quotes.iter().filter(|q| q.variants.len() > 1) {
            let _ = writeln!(
                o,
                "- **{}**",
                md_escape(q.speaker.as_deref().unwrap_or("(unattributed)"))
            );
            for v in &q.variants {
                let _ = writeln!(
                    o,
                    "  - {}: “{}”",
                    md_escape(short(&v.article)),
                    md_escape(&one_line(&v.text))
                );
            }
        }
        let _ = writeln!(o, "\n## Framing\n");
        for f in &story.framing {
            let _ = writeln!(
                o,
                "- {} **{}** `{}`",
                md_escape(short(&f.article)),
                f.kind,
                md_escape(&f.text)
            );
        }
        let _ = writeln!(o);
    }
    o
}

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

const CSS: &str = "body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}h1{font-size:1.6rem}h2{border-bottom:1px solid #ddd;margin-top:2rem}.src{color:#666;font-size:.85em}.corroborated{color:#17702e}.single_source{color:#8a6d00}.contested{color:#b00020}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:.3rem;text-align:left;vertical-align:top}blockquote{margin:.3rem 0 .3rem 1rem;border-left:3px solid #ccc;padding-left:.6rem}.diff{color:#666;font-size:.85em}del{color:#b00020}ins{color:#17702e}details{margin:.2rem 0}";

fn render_html(analysis: &Analysis) -> String {
    let e = escape_html;
    let mut o = String::new();
    let title = analysis
        .stories
        .first()
        .map(|s| s.headline.as_str())
        .unwrap_or("Parallax report");
    let _ = write!(o, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title><style>{CSS}</style></head><body>", e(title));
    for story in &analysis.stories {
        let _ = write!(
            o,
            "<section id=\"{}\"><h1>{}</h1><p class=\"src\">{} articles</p><ul>",
            e(&story.id),
            e(&story.headline),
            story.articles.len()
        );
        for a in &story.articles {
            let _ = write!(
                o,
                "<li><b>{}</b> {}",
                e(&a.id),
                e(a.title.as_deref().unwrap_or("(no headline)"))
            );
            if !a.removed.is_empty() {
                let _ = write!(
                    o,
                    " <span class=\"src\">removed: {}</span>",
                    e(&a.removed.join(" · "))
                );
            }
            o.push_str("</li>");
        }
        o.push_str("</ul><h2>Brief</h2><ol>");
        for b in &story.brief {
            let _ = write!(
                o,
                "<li>{} <span class=\"src\">[{}]</span></li>",
                e(&b.text),
                e(&sources(&b.sources))
            );
        }
        o.push_str("</ol><h2>Timeline</h2><table>");
        for t in &story.timeline {
            let _ = write!(
                o,
                "<tr><td>{}</td><td>{} <span class=\"src\">[{}]</span></td></tr>",
                e(&t.date),
                e(&t.text),
                e(&sources(&t.sources))
            );
        }
        o.push_str("</table><h2>Claims</h2>");
        for c in &story.claims {
            if c.status == ClaimStatus::SingleSource
                && c.figures.iter().all(|f| f.independent_sources > 1)
            {
                continue;
            }
            let _ = write!(
                o,
                "<details><summary><span class=\"{}\">{}</span> {} ({} sources): {}</summary>",
                c.status.as_str(),
                c.status.as_str(),
                e(&c.id),
                c.independent_sources,
                e(&c.text)
            );
            for s in &c.support {
                let _ = write!(
                    o,
                    "<blockquote>{} <span class=\"src\">[{}]</span></blockquote>",
                    e(&s.sentence),
                    e(short(&s.article))
                );
            }
            o.push_str("</details>");
        }
        if !story.contradictions.is_empty() {
            o.push_str("<h2>Contradictions</h2><table><tr><th>about</th><th>article</th><th>value</th><th>sentence</th></tr>");
            for c in &story.contradictions {
                for v in &c.values {
                    let _ = write!(
                        o,
                        "<tr><td>{}</td><td>{}</td><td><b>{}</b></td><td>{}</td></tr>",
                        e(&c.about),
                        e(short(&v.article)),
                        e(&v.value),
                        e(&v.sentence)
                    );
                }
            }
            o.push_str("</table>");
        }
        o.push_str("<h2>Quotes</h2>");
        for q in &story.quotes {
            let _ = write!(
                o,
                "<h3>{}</h3>",
                e(q.speaker.as_deref().unwrap_or("(unattributed)"))
            );
            for v in &q.variants {
                let _ = write!(
                    o,
                    "<blockquote>“{}” <span class=\"src\">[{}]</span>",
                    e(&v.text),
                    e(short(&v.article))
                );
                if !v.differences.is_empty() {
                    o.push_str("<div class=\"diff\">");
                    for d in &v.differences {
                        let _ = write!(
                            o,
                            "<del>{}</del> <ins>{}</ins>; ",
                            e(&d.reference),
                            e(&d.variant)
                        );
                    }
                    o.push_str("</div>");
                }
                o.push_str("</blockquote>");
            }
        }
        o.push_str("<h2>Framing</h2><table>");
        for f in &story.framing {
            let _ = write!(
                o,
                "<tr><td>{}</td><td>{}</td><td><b>{}</b></td><td>{}</td></tr>",
                e(short(&f.article)),
                e(&f.kind),
                e(&f.text),
                e(&f.sentence)
            );
        }
        o.push_str("</table><h2>Entities</h2><ul>");
        for en in &story.entities {
            let _ = write!(
                o,
                "<li>{} <span class=\"src\">{} · {} articles · {}</span></li>",
                e(&en.name),
                e(&en.kind),
                en.articles.len(),
                e(&en.aliases.join(", "))
            );
        }
        o.push_str("</ul></section>");
    }
    o.push_str("</body></html>\n");
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{BriefItem, StoryReport};

    #[test]
    fn only_hash_tails_are_shortened() {
        assert_eq!(short("004_5ed97c3f34f5c044"), "004");
        assert_eq!(short("12_10ecb"), "12_10ecb");
        assert_eq!(short("reuters_story"), "reuters_story");
        assert_eq!(one_line("a\n  b"), "a b");
    }

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
