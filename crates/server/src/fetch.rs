//! What the pages and the API read, once for both: a listing with its claim counts, a story's
//! analysis, an article as read, search hits.

use std::sync::Arc;

use parallax_model::ReadArticle;
use parallax_store::StoredArticle;

use crate::error::{Result, ServeError};
use crate::listings::Page;
use crate::pages::stories::Listing;
use crate::params::{ListParams, SearchParams};
use crate::state::AppState;

/// "s12" or "12" to a story number; anything else names no story.
pub fn story_number(key: &str) -> Result<i64> {
    parallax_store::parse_story_key(key)
        .filter(|n| *n > 0)
        .ok_or_else(|| ServeError::NotFound(format!("no story {key:?} (story ids look like s12)")))
}

/// A page of stories, with the claim counts of those analysed; the others are handed to the
/// warmer.
pub async fn listing(state: &Arc<AppState>, params: ListParams) -> Result<Listing> {
    let generation = state.generation()?;
    let page = match state.listings.get(&params, generation) {
        Some(page) => page,
        None => {
            let page = Arc::new(state.read(move |s| read_page(s, &params)).await?);
            state.listings.put(params, generation, page.clone());
            page
        }
    };
    let mut missing = Vec::new();
    let rows = page
        .rows
        .iter()
        .zip(&page.versions)
        .map(|(row, &(n, version))| {
            let counts = version.and_then(|v| state.cache.counts(n, v));
            if counts.is_none() {
                missing.push(n);
            }
            (row.clone(), counts)
        })
        .collect();
    state.warm(missing);
    Ok(Listing {
        rows,
        total: page.total,
        params,
    })
}

fn read_page(s: &parallax_store::Store, params: &ListParams) -> Result<Page> {
    let rows = s.stories_page(params.sort, params.offset(), params.per_page)?;
    let versions = rows
        .iter()
        .map(|r| {
            let n = parallax_store::parse_story_key(&r.id).unwrap_or_default();
            Ok((n, s.story_version(n)?.map(|(_, v)| v)))
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Page {
        rows,
        total: s.story_count()?,
        versions,
    })
}

/// An article, as read, with its story's headline.
pub async fn article(
    state: &Arc<AppState>,
    id: String,
) -> Result<(StoredArticle, ReadArticle, String)> {
    let me = state.clone();
    state
        .read(move |s| {
            let stored = s
                .article(&id)?
                .ok_or_else(|| ServeError::NotFound(format!("no article {id:?}")))?;
            let n = parallax_store::parse_story_key(&stored.story).unwrap_or_default();
            let headline = s.story_version(n)?.map(|(h, _)| h).unwrap_or_default();
            let read = parallax_read::read_article(&stored.article, &me.lexicon);
            Ok((stored, read, headline))
        })
        .await
}

/// Search hits for a non-empty query; `marks` go around the matches in snippets.
pub async fn search(
    state: &Arc<AppState>,
    params: &SearchParams,
    marks: (&'static str, &'static str),
) -> Result<Vec<parallax_store::SearchHit>> {
    if params.q.is_empty() {
        return Err(ServeError::BadRequest(
            "q, the words to find, is missing".into(),
        ));
    }
    let (q, limit) = (params.q.clone(), params.limit);
    state
        .read(move |s| Ok(s.search_marked(&q, limit, marks)?))
        .await
}

/// Search hits for the page: an article stored without a separate title is named by the
/// headline its text opens with (the rule that heads stories), else by its id.
pub async fn search_page(
    state: &Arc<AppState>,
    params: &SearchParams,
    marks: (&'static str, &'static str),
) -> Result<Vec<parallax_store::SearchHit>> {
    let mut hits = search(state, params, marks).await?;
    let untitled: Vec<String> = hits
        .iter()
        .filter(|h| h.title.is_none())
        .map(|h| h.article.clone())
        .collect();
    let titles = state
        .read(move |s| {
            untitled
                .into_iter()
                .map(|id| {
                    let text = s.article(&id)?.map(|a| a.article.text).unwrap_or_default();
                    let title = parallax_text::headline_of(None, &text).map(str::to_string);
                    Ok((id, title))
                })
                .collect::<Result<Vec<_>>>()
        })
        .await?;
    for h in hits.iter_mut().filter(|h| h.title.is_none()) {
        h.title = titles
            .iter()
            .find(|(id, _)| *id == h.article)
            .and_then(|(_, t)| t.clone());
    }
    Ok(hits)
}
