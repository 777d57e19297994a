//! The API handlers: parse, read (through `fetch`), serialise.

use std::sync::Arc;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use serde::Serialize;

use crate::api::{ArticleBody, Hits, StoriesPage};
use crate::error::{ApiError, ServeError};
use crate::params::{ListParams, SearchParams};
use crate::state::AppState;
use crate::{fetch, respond};

type Json = Result<Response, ApiError>;

fn json(body: &impl Serialize) -> Json {
    let bytes = serde_json::to_vec(body).map_err(|e| ServeError::Internal(e.to_string()))?;
    Ok(respond::json(bytes.into()))
}

pub async fn stories(State(state): State<Arc<AppState>>, RawQuery(q): RawQuery) -> Json {
    let params = ListParams::parse(q.as_deref())?;
    let listing = fetch::listing(&state, params).await?;
    json(&StoriesPage::new(listing.rows, listing.total, &params))
}

pub async fn story(
    State(state): State<Arc<AppState>>,
    path: Result<Path<String>, PathRejection>,
    headers: HeaderMap,
) -> Json {
    let key = super::id(path)?;
    let view = state.story_view(fetch::story_number(&key)?).await?;
    let gzip = respond::accepts_gzip(&headers);
    if gzip {
        // Compressing a large story's JSON takes a while: not on a request thread.
        let kept = view.clone();
        tokio::task::spawn_blocking(move || {
            kept.json.gzip();
        })
        .await
        .map_err(|e| ServeError::Internal(e.to_string()))?;
    }
    Ok(respond::encoded(&view.json, gzip, respond::JSON))
}

pub async fn article(
    State(state): State<Arc<AppState>>,
    path: Result<Path<String>, PathRejection>,
) -> Json {
    let id = super::id(path)?;
    let (stored, read, _) = fetch::article(&state, id).await?;
    json(&ArticleBody::new(&stored, &read))
}

pub async fn search(State(state): State<Arc<AppState>>, RawQuery(q): RawQuery) -> Json {
    let params = SearchParams::parse(q.as_deref())?;
    let hits = fetch::search(&state, &params, ("[", "]")).await?;
    json(&Hits {
        query: &params.q,
        hits: &hits,
    })
}
