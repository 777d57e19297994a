//! What every request passes through: only GET and HEAD (the server never changes the store),
//! a bounded address and no body, a time limit, and the security headers on every response,
//! errors included: a Content-Security-Policy that allows only this origin's own style sheet
//! and script (no inline script, no other origin), no sniffing, no framing, no referrer.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method};
use axum::middleware::Next;
use axum::response::Response;

use crate::error::{for_path, ServeError};
use crate::state::AppState;

/// The longest address (path and query) served.
pub const MAX_URI: usize = 4096;
/// The most body a request may announce (a GET has none).
pub const MAX_BODY: usize = 0;

pub const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
                       connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

pub async fn guard(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    let path = request.uri().path().to_string();
    let mut response = match check(&request) {
        Err(e) => for_path(&path, e),
        Ok(()) => {
            let limit = state.config.timeout;
            match tokio::time::timeout(limit, next.run(request)).await {
                Ok(response) => response,
                Err(_) => for_path(&path, ServeError::Timeout(limit.as_secs())),
            }
        }
    };
    secure(&mut response);
    response
}

fn check(request: &Request) -> Result<(), ServeError> {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return Err(ServeError::MethodNotAllowed);
    }
    let uri_length = request
        .uri()
        .path_and_query()
        .map_or(0, |p| p.as_str().len());
    if uri_length > MAX_URI {
        return Err(ServeError::UriTooLong(MAX_URI));
    }
    let headers = request.headers();
    let announced = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.trim().parse::<u64>().unwrap_or(u64::MAX));
    if announced.is_some_and(|n| n > MAX_BODY as u64)
        || headers.contains_key(header::TRANSFER_ENCODING)
    {
        return Err(ServeError::TooLarge(MAX_BODY));
    }
    Ok(())
}

fn secure(response: &mut Response) {
    let headers = response.headers_mut();
    for (name, value) in [
        (header::CONTENT_SECURITY_POLICY, CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "no-referrer"),
        (
            header::HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
}
