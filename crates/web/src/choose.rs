//! Which detector's text a page gets. Readability and the density detector fail differently:
//! Readability keeps one subtree and loses article text split across several, the density
//! detector judges blocks one by one and lets through prose-like furniture. Comparing the two
//! catches each one's failures.

use crate::{Extracted, Method, WebError};

/// Readability's result unless it found nothing, then the density detector's text.
pub fn choose(
    readability: Result<Extracted, WebError>,
    density_text: String,
    url: Option<&str>,
) -> Result<Extracted, WebError> {
    match readability {
        Ok(r) if !r.text.trim().is_empty() => Ok(r),
        _ => Ok(Extracted {
            text: density_text,
            url: url.map(str::to_string),
            method: Method::Density,
            ..Default::default()
        }),
    }
}
