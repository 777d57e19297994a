//! HTML: the static report (one self-contained page) and the story page of `parallax serve` are
//! the same rendering, set by [`HtmlOptions`]: where citations link ([`Links`]), whether the
//! style sheet is inline or a file, the site header, and which claims the matrix shows. The
//! server's own pages (stories, an article, search) use the same frame ([`open`], [`close`])
//! and the same escaping.
//!
//! Every piece of text from the analysis is written with [`put_html!`](crate::put_html), which
//! escapes all its arguments; the only markup written unescaped is the literal format strings
//! and [`CSS`].

mod claims;
mod entities;
mod escape;
mod evidence;
mod framing;
mod page;
mod story;

use std::fmt;

use parallax_model::{
    Analysis, ArticleInfo, BriefItem, Claim, Contradiction, EntityInfo, FramingItem, InputProblem,
    Omission, QuoteGroup, StoryReport, SyndicationGroup, TimelineItem,
};

pub use escape::{escape_html, path_segment, web_address};
pub use page::{close, open, Assets, Head, Nav, CSS, JS};

use crate::matrix::ClaimView;
use crate::put_html as put;
use crate::sections::{Section, SingleSourceFigure, Sink};

/// Where the links of a story page go. The static report links nowhere ([`NoLinks`]): its
/// citations are article ids as text.
pub trait Links {
    /// The place of one sentence of an article (the citation of a brief item, a claim's wording).
    fn sentence(&self, _article: &str, _sentence: &str) -> Option<String> {
        None
    }
    /// An article's page.
    fn article(&self, _article: &str) -> Option<String> {
        None
    }
    /// Another view of the story's claims matrix (its filter and page).
    fn claims(&self, _view: &ClaimView) -> Option<String> {
        None
    }
}

/// No links: the static report.
pub struct NoLinks;

impl Links for NoLinks {}

/// How a report is rendered as HTML.
pub struct HtmlOptions<'a> {
    pub links: &'a dyn Links,
    pub assets: Assets<'a>,
    pub nav: Option<Nav<'a>>,
    /// Which claims the matrix shows.
    pub claims: ClaimView,
}

impl Default for HtmlOptions<'_> {
    /// The static report: no links, the style sheet inline, every claim.
    fn default() -> Self {
        HtmlOptions {
            links: &NoLinks,
            assets: Assets::Inline,
            nav: None,
            claims: ClaimView::ALL,
        }
    }
}

pub(crate) struct Html<'a> {
    out: String,
    opts: &'a HtmlOptions<'a>,
    /// The story being written (the matrix and the brief's citations need all of it).
    story: Option<&'a StoryReport>,
}

impl<'a> Html<'a> {
    pub(crate) fn new(opts: &'a HtmlOptions<'a>) -> Html<'a> {
        Html {
            out: String::with_capacity(64 * 1024),
            opts,
            story: None,
        }
    }

    fn heading(&mut self, section: Section) -> fmt::Result {
        put!(
            self.out,
            "<h2 id=\"{}\">{}</h2>",
            anchor(section),
            section.title()
        )
    }
}

/// A section's id on the page, for the contents and for links.
pub(crate) fn anchor(section: Section) -> &'static str {
    match section {
        Section::Articles => "articles",
        Section::Brief => "brief",
        Section::Timeline => "timeline",
        Section::Claims => "claims",
        Section::Figures => "figures",
        Section::SingleSourceClaims => "single-source",
        Section::Contradictions => "contradictions",
        Section::Quotes => "quotes",
        Section::Framing => "framing",
        Section::Omissions => "omissions",
        Section::Entities => "entities",
        Section::InputProblems => "problems",
    }
}

/// "1 story", "2 stories".
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl<'a> Sink<'a> for Html<'a> {
    /// The page head, titled by the first story.
    fn begin(&mut self, analysis: &Analysis) -> fmt::Result {
        let title = analysis
            .stories
            .first()
            .map(|s| s.headline.as_str())
            .unwrap_or("Parallax report");
        let head = Head {
            title,
            assets: self.opts.assets,
            nav: self.opts.nav,
        };
        open(&mut self.out, &head)
    }

    fn story(&mut self, story: &'a StoryReport) -> fmt::Result {
        self.story = Some(story);
        story::header(&mut self.out, story, self.opts.links)
    }

    fn copies(&mut self, groups: &[SyndicationGroup]) -> fmt::Result {
        story::copies(&mut self.out, groups)
    }

    fn brief(&mut self, items: &[BriefItem]) -> fmt::Result {
        self.heading(Section::Brief)?;
        let claims = self.story.map_or(&[][..], |s| &s.claims[..]);
        story::brief(&mut self.out, items, claims, self.opts.links)
    }

    fn timeline(&mut self, items: &[TimelineItem]) -> fmt::Result {
        self.heading(Section::Timeline)?;
        story::timeline(&mut self.out, items, self.opts.links)
    }

    /// The claims × sources matrix (it shows every status; single-source claims need no list).
    fn claims(&mut self, _: &[Claim]) -> fmt::Result {
        let Some(story) = self.story else {
            return Ok(());
        };
        self.heading(Section::Claims)?;
        claims::matrix(&mut self.out, story, self.opts)
    }

    fn figures(&mut self, figures: &[SingleSourceFigure]) -> fmt::Result {
        self.heading(Section::Figures)?;
        story::figures(&mut self.out, figures, self.opts.links)
    }

    fn contradictions(&mut self, contradictions: &[Contradiction]) -> fmt::Result {
        self.heading(Section::Contradictions)?;
        evidence::contradictions(&mut self.out, contradictions, self.opts.links)
    }

    fn quotes(&mut self, quotes: &[QuoteGroup]) -> fmt::Result {
        self.heading(Section::Quotes)?;
        evidence::quotes(&mut self.out, quotes, self.opts.links)
    }

    fn framing(&mut self, articles: &[ArticleInfo], marks: &[FramingItem]) -> fmt::Result {
        self.heading(Section::Framing)?;
        framing::per_source(&mut self.out, articles, marks, self.opts.links)
    }

    fn omissions(&mut self, omissions: &[Omission]) -> fmt::Result {
        self.heading(Section::Omissions)?;
        framing::omissions(&mut self.out, omissions, self.opts.links)
    }

    fn entities(&mut self, entities: &[EntityInfo]) -> fmt::Result {
        self.heading(Section::Entities)?;
        entities::table(&mut self.out, entities)
    }

    fn end_story(&mut self) -> fmt::Result {
        put!(self.out, "</article>")
    }

    fn input_problems(&mut self, errors: &[InputProblem]) -> fmt::Result {
        self.heading(Section::InputProblems)?;
        put!(self.out, "<ul>")?;
        for e in errors {
            let line = e.line.map(|l| format!(" line {l}")).unwrap_or_default();
            put!(self.out, "<li>{}{}: {}</li>", e.source, line, e.message)?;
        }
        put!(self.out, "</ul>")
    }

    fn end(&mut self) -> fmt::Result {
        close(&mut self.out)
    }

    fn finish(self) -> String {
        self.out
    }
}
