//! Markdown: the short form for pasting into a document or an issue. It leaves out the copies, the
//! single-source claims, the omissions, the entities and the input problems.

use std::fmt::{self, Write};

use parallax_model::{
    ArticleInfo, BriefItem, Claim, Contradiction, FramingItem, QuoteGroup, StoryReport,
    TimelineItem,
};

use crate::sections::{
    brief_mark, is_multi_source, one_line, short, sources, speaker, title, Section,
    SingleSourceFigure, Sink,
};

#[derive(Default)]
pub(crate) struct Markdown {
    out: String,
}

impl Markdown {
    /// A blank line, the title (the figures are a subsection of the claims), a blank line.
    fn heading(&mut self, section: Section) -> fmt::Result {
        let level = if section == Section::Figures {
            "###"
        } else {
            "##"
        };
        writeln!(self.out, "\n{level} {}\n", section.title())
    }
}

/// Backslash before every character Markdown could read as markup.
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

impl Sink<'_> for Markdown {
    fn story(&mut self, story: &StoryReport) -> fmt::Result {
        writeln!(self.out, "# {}", md_escape(&story.headline))?;
        self.heading(Section::Articles)?;
        for a in &story.articles {
            let outlet = a
                .outlet
                .as_deref()
                .map(|x| format!(" — {}", md_escape(x)))
                .unwrap_or_default();
            let id = md_escape(&a.id);
            writeln!(self.out, "- **{id}** {}{outlet}", md_escape(title(a)))?;
        }
        Ok(())
    }

    fn brief(&mut self, items: &[BriefItem]) -> fmt::Result {
        self.heading(Section::Brief)?;
        for b in items {
            let cited = md_escape(&sources(&b.sources));
            let mark = brief_mark(b.status).map_or(String::new(), |m| format!("_({m})_ "));
            writeln!(self.out, "- {} {mark}_[{cited}]_", md_escape(&b.text))?;
        }
        Ok(())
    }

    fn timeline(&mut self, items: &[TimelineItem]) -> fmt::Result {
        self.heading(Section::Timeline)?;
        for t in items {
            let cited = md_escape(&sources(&t.sources));
            let date = md_escape(&t.date);
            writeln!(self.out, "- **{date}** {} _[{cited}]_", md_escape(&t.text))?;
        }
        Ok(())
    }

    fn claims(&mut self, claims: &[Claim]) -> fmt::Result {
        self.heading(Section::Claims)?;
        writeln!(
            self.out,
            "| id | status | sources | claim |\n|---|---|---|---|"
        )?;
        for c in claims.iter().filter(|c| is_multi_source(c)) {
            let arts: Vec<String> = c.support.iter().map(|s| s.article.clone()).collect();
            writeln!(
                self.out,
                "| {} | {} | {} ({}) | {} |",
                c.id,
                c.status.as_str(),
                c.independent_sources,
                md_escape(&sources(&arts)),
                md_escape(&c.text)
            )?;
        }
        Ok(())
    }

    fn figures(&mut self, figures: &[SingleSourceFigure]) -> fmt::Result {
        self.heading(Section::Figures)?;
        for f in figures {
            writeln!(
                self.out,
                "- **{}** ({}): {}",
                md_escape(&f.surface),
                md_escape(short(&f.article)),
                md_escape(&f.sentence)
            )?;
        }
        Ok(())
    }

    fn contradictions(&mut self, contradictions: &[Contradiction]) -> fmt::Result {
        self.heading(Section::Contradictions)?;
        for c in contradictions {
            writeln!(self.out, "- **{}** {}", c.about, c.claims.join(", "))?;
            for v in &c.values {
                writeln!(
                    self.out,
                    "  - {} — **{}**: {}",
                    md_escape(short(&v.article)),
                    md_escape(&v.value),
                    md_escape(&v.sentence)
                )?;
            }
        }
        Ok(())
    }

    /// Only the quotes given in more than one wording: the differences are the point here.
    fn quotes(&mut self, quotes: &[QuoteGroup]) -> fmt::Result {
        self.heading(Section::Quotes)?;
        for q in quotes.iter().filter(|q| q.variants.len() > 1) {
            writeln!(self.out, "- **{}**", md_escape(speaker(q)))?;
            for v in &q.variants {
                let article = md_escape(short(&v.article));
                writeln!(
                    self.out,
                    "  - {article}: “{}”",
                    md_escape(&one_line(&v.text))
                )?;
            }
        }
        Ok(())
    }

    fn framing(&mut self, _: &[ArticleInfo], marks: &[FramingItem]) -> fmt::Result {
        self.heading(Section::Framing)?;
        for f in marks {
            let article = md_escape(short(&f.article));
            writeln!(
                self.out,
                "- {article} **{}** `{}`",
                f.kind,
                md_escape(&f.text)
            )?;
        }
        Ok(())
    }

    fn end_story(&mut self) -> fmt::Result {
        writeln!(self.out)
    }

    fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(md_escape("a *b* | c"), "a \\*b\\* \\| c");
    }
}
