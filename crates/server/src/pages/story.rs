//! A story page: the report's HTML (`render_html`) with links to the article pages (each
//! citation to the cited sentence's anchor) and to the filtered views of the claims matrix.

use parallax_report::html::{HtmlOptions, Links};
use parallax_report::matrix::ClaimView;

use super::{article_href, head, story_href};
use crate::analysis::{Encoded, StoryView};
use crate::params::{StoryParams, CLAIMS_PER_PAGE};

struct StoryLinks<'a> {
    view: &'a StoryView,
}

impl Links for StoryLinks<'_> {
    fn sentence(&self, article: &str, sentence: &str) -> Option<String> {
        let base = article_href(article);
        Some(match self.view.sentence_index(article, sentence) {
            Some(i) => format!("{base}#s{i}"),
            None => base,
        })
    }

    fn article(&self, article: &str) -> Option<String> {
        Some(article_href(article))
    }

    fn claims(&self, view: &ClaimView) -> Option<String> {
        let mut query = Vec::new();
        if let Some(s) = view.status {
            query.push(format!("status={}", s.as_str()));
        }
        if view.page > 0 {
            query.push(format!("page={}", view.page + 1));
        }
        let query = if query.is_empty() {
            String::new()
        } else {
            format!("?{}", query.join("&"))
        };
        Some(format!("{}{query}#claims", story_href(&self.view.key)))
    }
}

/// The page of a view of the story.
pub fn render(view: &StoryView, params: &StoryParams) -> String {
    let frame = head("", "");
    let options = HtmlOptions {
        links: &StoryLinks { view },
        assets: frame.assets,
        nav: frame.nav,
        claims: ClaimView {
            status: params.status,
            page: params.page - 1,
            per_page: CLAIMS_PER_PAGE,
        },
    };
    parallax_report::render_html(&view.analysis, &options)
}

/// The first view (every claim, first page): the page kept with the analysis.
pub fn first_view(view: &StoryView) -> Encoded {
    let params = StoryParams {
        status: None,
        page: 1,
    };
    Encoded::new(render(view, &params).into_bytes())
}
