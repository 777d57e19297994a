//! Response bodies with their content types. Pages are never cached by the browser without
//! asking (a reload must show what another process ingested); the style sheet and script are.

use axum::body::{Body, Bytes};
use axum::http::{header, HeaderMap, HeaderValue};

use crate::analysis::Encoded;
use axum::response::Response;

pub fn html(body: Bytes) -> Response {
    with_type(body, HTML, "no-cache")
}

pub fn json(body: Bytes) -> Response {
    with_type(body, JSON, "no-cache")
}

/// A kept body, gzipped when the request accepts it.
pub fn encoded(body: &Encoded, accepts_gzip: bool, content_type: &'static str) -> Response {
    let gzip = accepts_gzip && !body.gzip().is_empty();
    let bytes = if gzip { body.gzip() } else { &body.plain };
    let mut response = with_type(bytes.clone(), content_type, "no-cache");
    let headers = response.headers_mut();
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if gzip {
        headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static("gzip"));
    }
    response
}

/// Whether the request's `Accept-Encoding` takes gzip (and does not refuse it with `q=0`).
pub fn accepts_gzip(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT_ENCODING)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|coding| {
            let mut parts = coding.split(';').map(str::trim);
            let name = parts.next().unwrap_or_default();
            let refused =
                parts.any(|p| p.replace(' ', "") == "q=0" || p.replace(' ', "") == "q=0.0");
            (name.eq_ignore_ascii_case("gzip") || name == "*") && !refused
        })
}

pub const HTML: &str = "text/html; charset=utf-8";
pub const JSON: &str = "application/json";

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gzip_is_taken_unless_refused() {
        let accepts = |v: &'static str| {
            let mut h = HeaderMap::new();
            h.insert(header::ACCEPT_ENCODING, HeaderValue::from_static(v));
            accepts_gzip(&h)
        };
        assert!(accepts("gzip, deflate, br"));
        assert!(accepts("br;q=1.0, gzip;q=0.8"));
        assert!(!accepts("gzip;q=0"));
        assert!(!accepts("br"));
        assert!(!accepts_gzip(&HeaderMap::new()));
    }
}
