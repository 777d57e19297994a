//! The one walk of a report's sections that every human format follows: [`walk`] decides the
//! order, skips the sections that are empty, and works out what several formats show (the
//! single-source figures, the short list of single-source claims); a format implements [`Sink`]
//! and decides only how each section looks.
//!
//! A format shows an optional section by implementing its method; the default leaves it out.

use std::fmt;

use parallax_model::{
    Analysis, ArticleInfo, BriefItem, Claim, ClaimStatus, Contradiction, EntityInfo, FramingItem,
    InputProblem, Omission, QuoteGroup, StoryReport, SyndicationGroup, TimelineItem,
};

/// How many single-source claims the human formats list (all are in JSON).
pub(crate) const SINGLE_SOURCE_SHOWN: usize = 12;

/// A report section, for its title. A title may end in a parenthesised gloss, which the text
/// format keeps in lower case when it capitalises the title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Section {
    Articles,
    Brief,
    Timeline,
    Claims,
    Figures,
    SingleSourceClaims,
    Contradictions,
    Quotes,
    Framing,
    Omissions,
    Entities,
    InputProblems,
}

impl Section {
    pub(crate) fn title(self) -> &'static str {
        match self {
            Section::Articles => "Articles",
            Section::Brief => "Brief",
            Section::Timeline => "Timeline",
            Section::Claims => "Claims",
            Section::Figures => "Figures only one source gives",
            Section::SingleSourceClaims => "Single-source claims",
            Section::Contradictions => "Contradictions",
            Section::Quotes => "Quotes",
            Section::Framing => "Framing",
            Section::Omissions => "Leaves out (corroborated claims an article does not carry)",
            Section::Entities => "Entities",
            Section::InputProblems => "Input problems",
        }
    }
}

/// A claim's status in words, as the human formats show it.
pub(crate) fn status_words(status: ClaimStatus) -> &'static str {
    match status {
        ClaimStatus::Corroborated => "corroborated",
        ClaimStatus::SingleSource => "single source",
        ClaimStatus::Contested => "contested",
    }
}

/// The mark a brief sentence carries when it is not corroborated: a brief opens with the main
/// event even when one source alone states it, and the reader must see that.
pub(crate) fn brief_mark(status: ClaimStatus) -> Option<&'static str> {
    (status != ClaimStatus::Corroborated).then(|| status_words(status))
}

/// A number that only one independent source gives, with the sentence it stands in.
pub(crate) struct SingleSourceFigure {
    pub surface: String,
    pub article: String,
    pub sentence: String,
}

/// One format's look of each section, called by [`walk`] in the report's order. The sections
/// every format shows are required; the others default to being left out. Sections marked "only
/// when not empty" are not called for an empty list.
pub(crate) trait Sink<'a> {
    /// Before the first story (the HTML page head).
    fn begin(&mut self, _analysis: &Analysis) -> fmt::Result {
        Ok(())
    }
    /// The story's headline and its articles.
    fn story(&mut self, story: &'a StoryReport) -> fmt::Result;
    /// Groups of copies counted as one source.
    fn copies(&mut self, _groups: &[SyndicationGroup]) -> fmt::Result {
        Ok(())
    }
    fn brief(&mut self, items: &[BriefItem]) -> fmt::Result;
    fn timeline(&mut self, items: &[TimelineItem]) -> fmt::Result;
    /// All the story's claims; see [`is_multi_source`] for the ones the claims list shows.
    fn claims(&mut self, claims: &[Claim]) -> fmt::Result;
    /// Only when not empty.
    fn figures(&mut self, _figures: &[SingleSourceFigure]) -> fmt::Result {
        Ok(())
    }
    /// The first [`SINGLE_SOURCE_SHOWN`] single-source claims of `total`; only when not empty.
    fn single_source_claims(&mut self, _shown: &[&Claim], _total: usize) -> fmt::Result {
        Ok(())
    }
    /// Only when not empty.
    fn contradictions(&mut self, contradictions: &[Contradiction]) -> fmt::Result;
    fn quotes(&mut self, quotes: &[QuoteGroup]) -> fmt::Result;
    /// The framing marks of the story, whose articles give their order.
    fn framing(&mut self, articles: &[ArticleInfo], marks: &[FramingItem]) -> fmt::Result;
    /// Only when not empty.
    fn omissions(&mut self, _omissions: &[Omission]) -> fmt::Result {
        Ok(())
    }
    fn entities(&mut self, _entities: &[EntityInfo]) -> fmt::Result {
        Ok(())
    }
    fn end_story(&mut self) -> fmt::Result;
    /// Inputs that could not be read; only when not empty.
    fn input_problems(&mut self, _errors: &[InputProblem]) -> fmt::Result {
        Ok(())
    }
    /// After everything else.
    fn end(&mut self) -> fmt::Result {
        Ok(())
    }
    /// What was written.
    fn finish(self) -> String;
}

/// The whole report in the format `out` writes.
pub(crate) fn render<'a>(analysis: &'a Analysis, mut out: impl Sink<'a>) -> String {
    // Writing into a `String` cannot fail, so the `fmt::Result` is always `Ok`.
    let _ = walk(analysis, &mut out);
    out.finish()
}

fn walk<'a>(analysis: &'a Analysis, out: &mut impl Sink<'a>) -> fmt::Result {
    out.begin(analysis)?;
    for story in &analysis.stories {
        walk_story(story, out)?;
    }
    if !analysis.errors.is_empty() {
        out.input_problems(&analysis.errors)?;
    }
    out.end()
}

fn walk_story<'a>(story: &'a StoryReport, out: &mut impl Sink<'a>) -> fmt::Result {
    out.story(story)?;
    out.copies(&story.syndication)?;
    out.brief(&story.brief)?;
    out.timeline(&story.timeline)?;
    out.claims(&story.claims)?;
    let figures = single_source_figures(story);
    if !figures.is_empty() {
        out.figures(&figures)?;
    }
    let singles: Vec<&Claim> = story
        .claims
        .iter()
        .filter(|c| c.status == ClaimStatus::SingleSource)
        .collect();
    if !singles.is_empty() {
        let shown = &singles[..SINGLE_SOURCE_SHOWN.min(singles.len())];
        out.single_source_claims(shown, singles.len())?;
    }
    if !story.contradictions.is_empty() {
        out.contradictions(&story.contradictions)?;
    }
    out.quotes(&story.quotes)?;
    out.framing(&story.articles, &story.framing)?;
    if !story.omissions.is_empty() {
        out.omissions(&story.omissions)?;
    }
    out.entities(&story.entities)?;
    out.end_story()
}

/// The claims the claims list shows: those more than one source speaks to (corroborated or
/// contested). Single-source claims are many; they get their own short list.
pub(crate) fn is_multi_source(claim: &Claim) -> bool {
    claim.status != ClaimStatus::SingleSource
}

/// The figures with digits that only one independent source gives, once per figure and article,
/// each with the sentence of that article which carries it.
fn single_source_figures(story: &StoryReport) -> Vec<SingleSourceFigure> {
    let mut out: Vec<SingleSourceFigure> = Vec::new();
    for c in &story.claims {
        for f in &c.figures {
            let seen = out
                .iter()
                .any(|s| s.surface == f.surface && f.articles.first() == Some(&s.article));
            if f.independent_sources == 1
                && f.surface.chars().any(|ch| ch.is_ascii_digit())
                && !seen
            {
                let sentence = c
                    .support
                    .iter()
                    .find(|s| Some(&s.article) == f.articles.first())
                    .map_or(c.text.clone(), |s| s.sentence.clone());
                out.push(SingleSourceFigure {
                    surface: f.surface.clone(),
                    article: f.articles.first().cloned().unwrap_or_default(),
                    sentence,
                });
            }
        }
    }
    out
}

/// An article's id as running text shows it. Opaque ids like "004_5ed97c3f34f5c044" read better
/// by their prefix; only a hash tail is dropped: "12_10ecb" and "12_11ecb" must stay apart.
pub fn short(id: &str) -> &str {
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

/// Article ids as a citation: "a, b, c".
pub(crate) fn sources(ids: &[String]) -> String {
    ids.iter().map(|s| short(s)).collect::<Vec<_>>().join(", ")
}

/// A quote broken over lines in its article, shown on one line (JSON keeps the verbatim span).
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(crate) fn title(article: &ArticleInfo) -> &str {
    article.title.as_deref().unwrap_or("(no headline)")
}

pub(crate) fn speaker(quotes: &QuoteGroup) -> &str {
    quotes.speaker.as_deref().unwrap_or("(unattributed)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_hash_tails_are_shortened() {
        assert_eq!(short("004_5ed97c3f34f5c044"), "004");
        assert_eq!(short("12_10ecb"), "12_10ecb");
        assert_eq!(short("reuters_story"), "reuters_story");
        assert_eq!(one_line("a\n  b"), "a b");
    }
}
