//! Response bodies with their content types. Pages are never cached by the browser without
//! asking (a reload must show what another process ingested); the style sheet and script are.

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderValue};
use axum::response::Response;

pub fn html(body: Bytes) -> Response {
    with_type(body, "text/html; charset=utf-8", "no-cache")
}

pub fn json(body: Bytes) -> Response {
    with_type(body, "application/json", "no-cache")
}

pub fn asset(body: &'static str, content_type: &'static str) -> Response {
    with_type(
        Bytes::from_static(body.as_bytes()),
        content_type,
        "public, max-age=3600",
    )
}

fn with_type(body: Bytes, content_type: &'static str, cache: &'static str) -> Response {
    let mut response = Response::new(Body::from(body));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    response
}
