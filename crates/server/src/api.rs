//! The JSON bodies of the API, with the JSON contract's field names: a story is what
//! `parallax story ID --format json` prints, listings and hits what `stories` and `search
//! --format json` print, with paging and claim counts added.

use parallax_model::ReadArticle;
use parallax_report::matrix::ClaimCounts;
use parallax_store::{SearchHit, StoredArticle, StoryRow};
use serde::Serialize;

use crate::params::{sort_name, ListParams};

#[derive(Serialize)]
pub struct StoriesPage {
    pub stories: Vec<ListedStory>,
    pub page: usize,
    pub per_page: usize,
    pub total: usize,
    pub sort: &'static str,
}

#[derive(Serialize)]
pub struct ListedStory {
    #[serde(flatten)]
    pub row: StoryRow,
    /// Claims by status; `null` until the story is analysed.
    pub claims: Option<ClaimCounts>,
}

impl StoriesPage {
    pub fn new(rows: Vec<(StoryRow, Option<ClaimCounts>)>, total: usize, p: &ListParams) -> Self {
        StoriesPage {
            stories: rows
                .into_iter()
                .map(|(row, claims)| ListedStory { row, claims })
                .collect(),
            page: p.page,
            per_page: p.per_page,
            total,
            sort: sort_name(p.sort),
        }
    }
}

#[derive(Serialize)]
pub struct Hits<'a> {
    pub query: &'a str,
    pub hits: &'a [SearchHit],
}

/// An article as stored and read: the contract's article fields (`articles[]`), its story, its
/// text, and its sentences (the `index` is the `#s` anchor of the article page) and framing marks.
#[derive(Serialize)]
pub struct ArticleBody<'a> {
    pub id: &'a str,
    pub title: Option<&'a str>,
    pub outlet: Option<&'a str>,
    pub source: &'a str,
    pub published: Option<&'a str>,
    pub authors: &'a [String],
    pub removed: &'a [String],
    pub url: Option<&'a str>,
    pub copy_of: Option<&'a str>,
    pub story: &'a str,
    pub text: &'a str,
    pub sentences: Vec<SentenceBody<'a>>,
    pub framing: Vec<FramingBody<'a>>,
}

#[derive(Serialize)]
pub struct SentenceBody<'a> {
    pub index: usize,
    pub text: &'a str,
}

#[derive(Serialize)]
pub struct FramingBody<'a> {
    pub sentence: usize,
    pub kind: &'static str,
    pub text: &'a str,
    pub category: Option<&'a str>,
}

impl<'a> ArticleBody<'a> {
    pub fn new(stored: &'a StoredArticle, read: &'a ReadArticle) -> Self {
        let a = &stored.article;
        ArticleBody {
            id: &a.id,
            title: read.headline.as_deref(),
            outlet: a.outlet.as_deref(),
            source: &a.source,
            published: a.published.as_deref(),
            authors: &a.authors,
            removed: &read.removed,
            url: a.url.as_deref(),
            copy_of: stored.copy_of.as_deref(),
            story: &stored.story,
            text: &a.text,
            sentences: read
                .sentences
                .iter()
                .map(|s| SentenceBody {
                    index: s.index,
                    text: &s.text,
                })
                .collect(),
            framing: read
                .framing
                .iter()
                .map(|f| FramingBody {
                    sentence: f.sentence,
                    kind: f.kind.as_str(),
                    text: &f.text,
                    category: f.category.as_deref(),
                })
                .collect(),
        }
    }
}
