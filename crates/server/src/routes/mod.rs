//! The routes: pages at `/`, `/stories/{id}`, `/articles/{id}`, `/search`; the style sheet and
//! script under `/static/`; the JSON API under `/api/`. Everything else is a 404 in the form of
//! its part of the site; every request passes [`limits::guard`](crate::limits::guard) first.

mod api;
mod pages;

use std::sync::Arc;

use axum::extract::rejection::PathRejection;
use axum::extract::Path;
use axum::http::Uri;
use axum::middleware::from_fn_with_state;
use axum::response::Response;
use axum::routing::get;
use axum::Router;

use crate::error::{for_path, ServeError};
use crate::state::AppState;
use crate::{limits, respond};

pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/", get(pages::stories))
        .route("/stories/{id}", get(pages::story))
        .route("/articles/{id}", get(pages::article))
        .route("/search", get(pages::search))
        .route(crate::pages::CSS_PATH, get(css))
        .route(crate::pages::JS_PATH, get(js))
        .route("/api/stories", get(api::stories))
        .route("/api/stories/{id}", get(api::story))
        .route("/api/articles/{id}", get(api::article))
        .route("/api/search", get(api::search))
        .fallback(not_found)
        .layer(from_fn_with_state(state.clone(), limits::guard))
        .with_state(state)
}

async fn css() -> Response {
    respond::asset(parallax_report::html::CSS, "text/css; charset=utf-8")
}

async fn js() -> Response {
    respond::asset(parallax_report::html::JS, "text/javascript; charset=utf-8")
}

async fn not_found(uri: Uri) -> Response {
    let e = ServeError::NotFound(format!("nothing at {}", uri.path()));
    for_path(uri.path(), e)
}

/// The id in the path: a malformed one (bad percent-encoding, not UTF-8) is a 400.
fn id(path: Result<Path<String>, PathRejection>) -> Result<String, ServeError> {
    match path {
        Ok(Path(id)) => Ok(id),
        Err(e) => Err(ServeError::BadRequest(format!(
            "malformed address: {}",
            e.body_text()
        ))),
    }
}
