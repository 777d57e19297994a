//! A story's header (headline, counts, contents, its articles), the copies counted as one
//! source, the brief, the timeline and the single-source figures, with their citations.

use std::fmt;

use parallax_model::{BriefItem, Claim, StoryReport, SyndicationGroup, TimelineItem};

use super::{anchor, count, Links};
use crate::matrix;
use crate::put_html as put;
use crate::sections::{brief_mark, short, title, Section, SingleSourceFigure};

/// Article lists longer than this start collapsed.
const OPEN_ARTICLES: usize = 12;
/// Sources a citation names; the rest are counted (a story of hundreds of articles would
/// otherwise cite them all, item after item).
pub(crate) const CITED: usize = 8;
/// Timelines longer than this start collapsed.
const OPEN_TIMELINE: usize = 6;

pub(crate) fn header(out: &mut String, story: &StoryReport, links: &dyn Links) -> fmt::Result {
    let sources = matrix::sources(story).len();
    put!(
        out,
        "<article class=\"story\" id=\"story-{}\"><h1>{}</h1><p class=\"meta\">{} · {}",
        story.id,
        story.headline,
        count(story.articles.len(), "article", "articles"),
        count(sources, "independent source", "independent sources")
    )?;
    if let Some(span) = time_span(story.articles.iter().filter_map(|a| a.published.as_deref())) {
        put!(out, " · {}", span)?;
    }
    put!(
        out,
        "</p><nav class=\"toc\" aria-label=\"Sections of this story\">"
    )?;
    let mut sections = vec![Section::Brief, Section::Claims];
    if !story.contradictions.is_empty() {
        sections.push(Section::Contradictions);
    }
    sections.extend([
        Section::Quotes,
        Section::Framing,
        Section::Entities,
        Section::Timeline,
    ]);
    for s in sections {
        put!(out, "<a href=\"#{}\">{}</a> ", anchor(s), short_title(s))?;
    }
    put!(out, "</nav>")?;
    articles(out, story, links)
}

fn short_title(section: Section) -> &'static str {
    match section {
        Section::Figures => "Figures",
        Section::Omissions => "Leaves out",
        s => s.title(),
    }
}

fn articles(out: &mut String, story: &StoryReport, links: &dyn Links) -> fmt::Result {
    let open = if story.articles.len() <= OPEN_ARTICLES {
        " open"
    } else {
        ""
    };
    put!(
        out,
        "<details class=\"articles\"{}><summary>Articles ({})</summary><ul>",
        open,
        story.articles.len()
    )?;
    for a in &story.articles {
        put!(out, "<li>")?;
        cite(out, links, &a.id, None)?;
        if let Some(outlet) = &a.outlet {
            put!(out, " <span class=\"outlet\">{}</span>", outlet)?;
        }
        put!(out, " {}", title(a))?;
        if let Some(p) = &a.published {
            put!(out, " <span class=\"src\">{}</span>", day(p))?;
        }
        if let Some(c) = &a.copy_of {
            put!(out, " <span class=\"src\">(copy, group {})</span>", c)?;
        }
        if !a.removed.is_empty() {
            put!(
                out,
                " <span class=\"src\">{} removed as boilerplate</span>",
                count(a.removed.len(), "line", "lines")
            )?;
        }
        put!(out, "</li>")?;
    }
    put!(out, "</ul></details>")
}

/// The date part of an ISO timestamp.
fn day(published: &str) -> &str {
    published.get(..10).unwrap_or(published)
}

/// "2025-11-06 – 2025-11-07", or one day.
pub fn time_span<'s>(dates: impl Iterator<Item = &'s str>) -> Option<String> {
    let days: Vec<&str> = dates.map(day).collect();
    let first = days.iter().min()?;
    let last = days.iter().max()?;
    Some(if first == last {
        first.to_string()
    } else {
        format!("{first} – {last}")
    })
}

pub(crate) fn copies(out: &mut String, groups: &[SyndicationGroup]) -> fmt::Result {
    if groups.is_empty() {
        return Ok(());
    }
    put!(
        out,
        "<p class=\"copies\">Counted as one source (copies or close rewrites): "
    )?;
    for (i, g) in groups.iter().enumerate() {
        let ids: Vec<&str> = g.articles.iter().map(|a| short(a)).collect();
        let sep = if i > 0 { "; " } else { "" };
        put!(
            out,
            "{}{} ({}% shared)",
            sep,
            ids.join(" = "),
            (g.overlap * 100.0).round()
        )?;
    }
    put!(out, "</p>")
}

/// A citation: the article's short id, linked to the sentence (or the article) when the page
/// has somewhere to link.
pub(crate) fn cite(
    out: &mut String,
    links: &dyn Links,
    article: &str,
    sentence: Option<&str>,
) -> fmt::Result {
    let href = sentence
        .and_then(|s| links.sentence(article, s))
        .or_else(|| links.article(article));
    match href {
        Some(h) => put!(
            out,
            "<a class=\"cite\" href=\"{}\">{}</a>",
            h,
            short(article)
        ),
        None => put!(out, "{}", short(article)),
    }
}

/// "[a, b, c]": each source with the sentence it carries the fact in, when known; after
/// [`CITED`] sources, how many more.
pub(crate) fn citations<'s>(
    out: &mut String,
    links: &dyn Links,
    cited: impl ExactSizeIterator<Item = (&'s str, Option<&'s str>)>,
) -> fmt::Result {
    let n = cited.len();
    put!(out, " <span class=\"src\">[")?;
    for (i, (article, sentence)) in cited.take(CITED).enumerate() {
        if i > 0 {
            put!(out, ", ")?;
        }
        cite(out, links, article, sentence)?;
    }
    if n > CITED {
        put!(out, " and {} more", n - CITED)?;
    }
    put!(out, "]</span>")
}

/// The sentence each source of an item carries it in: the item's own text for the first
/// source, the supporting sentence of the item's claim for the others.
fn item_sources<'s>(
    text: &'s str,
    sources: &'s [String],
    claim: Option<&'s Claim>,
) -> impl ExactSizeIterator<Item = (&'s str, Option<&'s str>)> {
    sources.iter().enumerate().map(move |(i, a)| {
        let sentence = if i == 0 {
            Some(text)
        } else {
            claim.and_then(|c| {
                c.support
                    .iter()
                    .find(|s| &s.article == a)
                    .map(|s| s.sentence.as_str())
            })
        };
        (a.as_str(), sentence)
    })
}

pub(crate) fn brief(
    out: &mut String,
    items: &[BriefItem],
    claims: &[Claim],
    links: &dyn Links,
) -> fmt::Result {
    put!(out, "<ol class=\"brief\">")?;
    for b in items {
        let claim = b
            .claim
            .as_ref()
            .and_then(|id| claims.iter().find(|c| &c.id == id));
        put!(out, "<li>{}", b.text)?;
        if let Some(mark) = brief_mark(b.status) {
            put!(
                out,
                " <span class=\"badge {}\">{}</span>",
                b.status.as_str(),
                mark
            )?;
        }
        citations(out, links, item_sources(&b.text, &b.sources, claim))?;
        put!(out, "</li>")?;
    }
    put!(out, "</ol>")
}

pub(crate) fn timeline(out: &mut String, items: &[TimelineItem], links: &dyn Links) -> fmt::Result {
    // A long timeline starts collapsed, so that the claims below it stay near the top.
    let open = if items.len() <= OPEN_TIMELINE {
        " open"
    } else {
        ""
    };
    put!(
        out,
        "<details class=\"timeline\"{}><summary>{} dated events</summary><ol class=\"timeline\">",
        open,
        items.len()
    )?;
    for t in items {
        put!(out, "<li><time>{}</time> {}", t.date, t.text)?;
        citations(out, links, item_sources(&t.text, &t.sources, None))?;
        put!(out, "</li>")?;
    }
    put!(out, "</ol></details>")
}

pub(crate) fn figures(
    out: &mut String,
    figures: &[SingleSourceFigure],
    links: &dyn Links,
) -> fmt::Result {
    put!(out, "<ul class=\"figures\">")?;
    for f in figures {
        put!(out, "<li><b>{}</b> — {}", f.surface, f.sentence)?;
        citations(
            out,
            links,
            std::iter::once((f.article.as_str(), Some(f.sentence.as_str()))),
        )?;
        put!(out, "</li>")?;
    }
    put!(out, "</ul>")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_days() {
        let dates = ["2025-11-07T10:00:00Z", "2025-11-06", "2025-11-07"];
        assert_eq!(
            time_span(dates.iter().copied()).as_deref(),
            Some("2025-11-06 – 2025-11-07")
        );
        assert_eq!(
            time_span(["2025-11-06"].into_iter()).as_deref(),
            Some("2025-11-06")
        );
        assert_eq!(time_span(std::iter::empty()), None);
    }
}
