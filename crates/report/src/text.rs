//! Terminal text: every section, capitalised headings, ANSI colour only when asked.

use std::fmt::{self, Write};

use parallax_model::{
    ArticleInfo, BriefItem, Claim, ClaimStatus, Contradiction, EntityInfo, FramingItem,
    InputProblem, Omission, QuoteGroup, StoryReport, SyndicationGroup, TimelineItem,
};

use crate::sections::{
    brief_mark, is_multi_source, one_line, short, sources, speaker, title, Section,
    SingleSourceFigure, Sink,
};

/// How many entities the text lists (the most mentioned first; all are in the other formats).
const ENTITIES_SHOWN: usize = 20;

/// The framing kinds, in the order the text counts them per article.
const FRAMING_KINDS: [&str; 3] = ["scare_quote", "distancing", "loaded"];

pub(crate) struct Text {
    out: String,
    style: Style,
}

impl Text {
    pub(crate) fn new(color: bool) -> Self {
        Text {
            out: String::new(),
            style: Style { on: color },
        }
    }

    /// A blank line, then the section's title in capitals and whatever `tail` adds on its line.
    fn heading(&mut self, section: Section, tail: &str) -> fmt::Result {
        let heading = self.style.bold(&capitals(section.title()));
        writeln!(self.out, "\n{heading}{tail}")
    }
}

/// "Leaves out (what it means)" → "LEAVES OUT (what it means)": the gloss stays as written.
fn capitals(title: &str) -> String {
    match title.split_once(" (") {
        Some((name, gloss)) => format!("{} ({gloss}", name.to_uppercase()),
        None => title.to_uppercase(),
    }
}

impl Sink<'_> for Text {
    fn story(&mut self, story: &StoryReport) -> fmt::Result {
        let st = &self.style;
        let o = &mut self.out;
        let heading = st.bold(&format!("STORY {}", story.id));
        writeln!(o, "{heading} {}", st.bold(&story.headline))?;
        writeln!(o, "{} articles", story.articles.len())?;
        for a in &story.articles {
            let outlet = a
                .outlet
                .as_deref()
                .map(|x| format!(" ({x})"))
                .unwrap_or_default();
            writeln!(o, "  {}{outlet} {}", st.bold(short(&a.id)), title(a))?;
            for r in &a.removed {
                writeln!(o, "      {}", st.dim(&format!("removed: {r}")))?;
            }
        }
        Ok(())
    }

    fn copies(&mut self, groups: &[SyndicationGroup]) -> fmt::Result {
        for g in groups {
            writeln!(
                self.out,
                "  copies counted as one source: {} (overlap {:.0}%)",
                sources(&g.articles),
                g.overlap * 100.0
            )?;
        }
        Ok(())
    }

    fn brief(&mut self, items: &[BriefItem]) -> fmt::Result {
        self.heading(Section::Brief, "")?;
        for (i, b) in items.iter().enumerate() {
            let cited = self.style.dim(&format!("[{}]", sources(&b.sources)));
            let mark = brief_mark(b.status).map_or(String::new(), |m| format!("({m}) "));
            writeln!(self.out, "  {}. {} {mark}{cited}", i + 1, b.text)?;
        }
        Ok(())
    }

    fn timeline(&mut self, items: &[TimelineItem]) -> fmt::Result {
        self.heading(Section::Timeline, "")?;
        for t in items {
            let cited = self.style.dim(&format!("[{}]", sources(&t.sources)));
            writeln!(self.out, "  {:<10} {} {cited}", t.date, t.text)?;
        }
        Ok(())
    }

    fn claims(&mut self, claims: &[Claim]) -> fmt::Result {
        let count = |s: ClaimStatus| claims.iter().filter(|c| c.status == s).count();
        let counts = format!(
            " {} corroborated, {} contested, {} single-source",
            count(ClaimStatus::Corroborated),
            count(ClaimStatus::Contested),
            count(ClaimStatus::SingleSource)
        );
        self.heading(Section::Claims, &counts)?;
        let st = &self.style;
        for c in claims.iter().filter(|c| is_multi_source(c)) {
            writeln!(
                self.out,
                "  {} {} ({} independent sources): {}",
                c.id,
                st.status(c.status),
                c.independent_sources,
                c.text
            )?;
            for s in &c.support {
                let cited = st.dim(&format!("{}:", short(&s.article)));
                writeln!(self.out, "      {cited} {}", s.sentence)?;
            }
        }
        Ok(())
    }

    fn figures(&mut self, figures: &[SingleSourceFigure]) -> fmt::Result {
        self.heading(Section::Figures, "")?;
        let st = &self.style;
        for f in figures {
            writeln!(
                self.out,
                "  {} {} {}",
                st.paint(YELLOW, &f.surface),
                st.dim(&format!("[{}]", short(&f.article))),
                f.sentence
            )?;
        }
        Ok(())
    }

    fn single_source_claims(&mut self, shown: &[&Claim], total: usize) -> fmt::Result {
        let tail = format!(" (first {} of {total}; all in --format json)", shown.len());
        self.heading(Section::SingleSourceClaims, &tail)?;
        for c in shown {
            let article = short(&c.support[0].article);
            writeln!(self.out, "  {} [{article}] {}", c.id, c.text)?;
        }
        Ok(())
    }

    fn contradictions(&mut self, contradictions: &[Contradiction]) -> fmt::Result {
        self.heading(Section::Contradictions, "")?;
        for c in contradictions {
            let about = self.style.paint(RED, &c.about);
            writeln!(self.out, "  {about} {}", c.claims.join(", "))?;
            for v in &c.values {
                let article = short(&v.article);
                writeln!(self.out, "      {article} {:<14} {}", v.value, v.sentence)?;
            }
        }
        Ok(())
    }

    fn quotes(&mut self, quotes: &[QuoteGroup]) -> fmt::Result {
        self.heading(Section::Quotes, "")?;
        let st = &self.style;
        for q in quotes {
            let who = st.bold(speaker(q));
            writeln!(self.out, "  {who} — {} wording(s)", q.variants.len())?;
            for v in &q.variants {
                let cited = st.dim(&format!("{}:", short(&v.article)));
                writeln!(self.out, "      {cited} \"{}\"", one_line(&v.text))?;
                if !v.differences.is_empty() {
                    let diffs: Vec<String> = v
                        .differences
                        .iter()
                        .map(|d| format!("{} → {}", blank(&d.reference), blank(&d.variant)))
                        .collect();
                    let differs = st.dim(&format!("differs: {}", diffs.join("; ")));
                    writeln!(self.out, "          {differs}")?;
                }
            }
        }
        Ok(())
    }

    /// One line per article with marks: each kind's count and its distinct wordings.
    fn framing(&mut self, articles: &[ArticleInfo], marks: &[FramingItem]) -> fmt::Result {
        self.heading(Section::Framing, "")?;
        for a in articles {
            let marks: Vec<&FramingItem> = marks.iter().filter(|f| f.article == a.id).collect();
            if marks.is_empty() {
                continue;
            }
            let mut kinds: Vec<String> = Vec::new();
            for kind in FRAMING_KINDS {
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
            writeln!(self.out, "  {}: {}", short(&a.id), kinds.join("; "))?;
        }
        Ok(())
    }

    fn omissions(&mut self, omissions: &[Omission]) -> fmt::Result {
        self.heading(Section::Omissions, "")?;
        for om in omissions {
            writeln!(
                self.out,
                "  {}: {}",
                short(&om.article),
                om.claims.join(", ")
            )?;
        }
        Ok(())
    }

    fn entities(&mut self, entities: &[EntityInfo]) -> fmt::Result {
        self.heading(Section::Entities, "")?;
        for e in entities.iter().take(ENTITIES_SHOWN) {
            let aliases = if e.aliases.is_empty() {
                String::new()
            } else {
                format!(" aka {}", e.aliases.join(", "))
            };
            writeln!(
                self.out,
                "  {} ({}, {} articles){}",
                e.name,
                e.kind,
                e.articles.len(),
                self.style.dim(&aliases)
            )?;
        }
        Ok(())
    }

    fn end_story(&mut self) -> fmt::Result {
        writeln!(self.out)
    }

    /// Right after the last story's blank line, so without one of its own.
    fn input_problems(&mut self, errors: &[InputProblem]) -> fmt::Result {
        let heading = self.style.bold(&capitals(Section::InputProblems.title()));
        writeln!(self.out, "{heading}")?;
        for e in errors {
            let line = e.line.map(|l| format!(" line {l}")).unwrap_or_default();
            writeln!(self.out, "  {}{line}: {}", e.source, e.message)?;
        }
        Ok(())
    }

    fn finish(self) -> String {
        self.out
    }
}

/// An empty side of a word difference, made visible.
fn blank(s: &str) -> &str {
    if s.is_empty() {
        "∅"
    } else {
        s
    }
}

const RED: &str = "31";
const GREEN: &str = "32";
const YELLOW: &str = "33";

/// ANSI styling that is a no-op when colour is off.
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
            ClaimStatus::Corroborated => GREEN,
            ClaimStatus::SingleSource => YELLOW,
            ClaimStatus::Contested => RED,
        };
        self.paint(code, status.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitals_keep_the_gloss() {
        assert_eq!(capitals("Single-source claims"), "SINGLE-SOURCE CLAIMS");
        assert_eq!(
            capitals("Leaves out (what it means)"),
            "LEAVES OUT (what it means)"
        );
    }
}
