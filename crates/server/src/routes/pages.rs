//! The page handlers: parse, read (through `fetch`), render.

use std::sync::Arc;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;

use crate::error::PageError;
use crate::pages::article::ArticlePage;
use crate::params::{ListParams, SearchParams, StoryParams};
use crate::state::AppState;
use crate::{fetch, pages, respond};

type Page = Result<Response, PageError>;

pub async fn stories(State(state): State<Arc<AppState>>, RawQuery(q): RawQuery) -> Page {
    let params = ListParams::parse(q.as_deref())?;
    let listing = fetch::listing(&state, params).await?;
    Ok(respond::html(pages::stories::render(&listing).into()))
}

pub async fn story(
    State(state): State<Arc<AppState>>,
    path: Result<Path<String>, PathRejection>,
    RawQuery(q): RawQuery,
    headers: HeaderMap,
) -> Page {
    let key = super::id(path)?;
    let params = StoryParams::parse(q.as_deref())?;
    let view = state.story_view(fetch::story_number(&key)?).await?;
    Ok(match view.page.get() {
        Some(page) if params.is_default() => {
            respond::encoded(page, respond::accepts_gzip(&headers), respond::HTML)
        }
        _ => respond::html(pages::story::render(&view, &params).into()),
    })
}

pub async fn article(
    State(state): State<Arc<AppState>>,
    path: Result<Path<String>, PathRejection>,
) -> Page {
    let id = super::id(path)?;
    let (stored, read, headline) = fetch::article(&state, id).await?;
    let page = ArticlePage {
        stored: &stored,
        read: &read,
        story_headline: &headline,
    };
    Ok(respond::html(pages::article::render(&page).into()))
}

pub async fn search(State(state): State<Arc<AppState>>, RawQuery(q): RawQuery) -> Page {
    let params = SearchParams::parse(q.as_deref())?;
    let hits = if params.q.is_empty() {
        Vec::new()
    } else {
        fetch::search_page(&state, &params, pages::search::MARKS).await?
    };
    Ok(respond::html(
        pages::search::render(&params.q, &hits).into(),
    ))
}
