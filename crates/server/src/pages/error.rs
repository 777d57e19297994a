//! The page of an error: its status and what to do.

use axum::http::StatusCode;
use parallax_report::html::{close, open};
use parallax_report::put_html as put;

pub fn render(status: StatusCode, message: &str) -> String {
    let mut out = String::new();
    let title = format!(
        "{} {}",
        status.as_u16(),
        status.canonical_reason().unwrap_or("Error")
    );
    let _ = open(&mut out, &super::head(&title, ""));
    let _ = put!(
        out,
        "<h1>{}</h1><p>{}</p><p><a href=\"/\">All stories</a></p>",
        title,
        message
    );
    let _ = close(&mut out);
    out
}
