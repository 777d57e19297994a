//! What can go wrong serving a request, and the one place that maps it to an HTTP status: as
//! JSON under `/api/` ([`ApiError`]), as a page elsewhere ([`PageError`]). No error shows a
//! stack trace or a path of the machine; store failures are logged to standard error.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use parallax_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    BadRequest(String),
    #[error("only GET and HEAD: this server never changes the store")]
    MethodNotAllowed,
    #[error("a request may not carry a body of more than {0} bytes")]
    TooLarge(usize),
    #[error("the address is longer than {0} bytes")]
    UriTooLong(usize),
    #[error("the request took longer than {0} s")]
    Timeout(u64),
    #[error("the store could not be read")]
    Store(#[source] StoreError),
    #[error("internal error")]
    Internal(String),
}

pub type Result<T> = std::result::Result<T, ServeError>;

impl From<StoreError> for ServeError {
    /// A search query FTS5 cannot parse is the user's typing: a bad request.
    fn from(e: StoreError) -> ServeError {
        match e {
            StoreError::Query { .. } => ServeError::BadRequest(e.to_string()),
            e => ServeError::Store(e),
        }
    }
}

impl ServeError {
    pub fn status(&self) -> StatusCode {
        match self {
            ServeError::NotFound(_) => StatusCode::NOT_FOUND,
            ServeError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ServeError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ServeError::TooLarge(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ServeError::UriTooLong(_) => StatusCode::URI_TOO_LONG,
            ServeError::Timeout(_) => StatusCode::SERVICE_UNAVAILABLE,
            ServeError::Store(_) | ServeError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// Tell the operator what the client is not told.
    fn log(&self) {
        match self {
            ServeError::Store(e) => eprintln!("parallax serve: {e}"),
            ServeError::Internal(e) => eprintln!("parallax serve: internal error: {e}"),
            _ => {}
        }
    }

    /// The response headers every error carries (405 says what is allowed).
    fn headers(&self) -> Vec<(header::HeaderName, &'static str)> {
        match self {
            ServeError::MethodNotAllowed => vec![(header::ALLOW, "GET, HEAD")],
            _ => vec![],
        }
    }
}

/// An error as JSON: `{"error": "…", "status": 404}`.
pub struct ApiError(pub ServeError);

/// An error as an HTML page.
pub struct PageError(pub ServeError);

impl From<ServeError> for ApiError {
    fn from(e: ServeError) -> Self {
        ApiError(e)
    }
}

impl From<ServeError> for PageError {
    fn from(e: ServeError) -> Self {
        PageError(e)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let e = self.0;
        e.log();
        let status = e.status();
        let body = serde_json::json!({ "error": e.to_string(), "status": status.as_u16() });
        let mut response = crate::respond::json(body.to_string().into_bytes().into());
        *response.status_mut() = status;
        add(&mut response, e.headers());
        response
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let e = self.0;
        e.log();
        let status = e.status();
        let page = crate::pages::error::render(status, &e.to_string());
        let mut response = crate::respond::html(page.into());
        *response.status_mut() = status;
        add(&mut response, e.headers());
        response
    }
}

fn add(response: &mut Response, headers: Vec<(header::HeaderName, &'static str)>) {
    for (name, value) in headers {
        response
            .headers_mut()
            .insert(name, header::HeaderValue::from_static(value));
    }
}

/// The error of a request to `path`, in the form its part of the site answers in.
pub fn for_path(path: &str, e: ServeError) -> Response {
    if is_api(path) {
        ApiError(e).into_response()
    } else {
        PageError(e).into_response()
    }
}

pub fn is_api(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}
