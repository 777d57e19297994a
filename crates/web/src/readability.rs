//! The Readability detector: dom_smoothie (a maintained Rust port of Readability.js) scores the
//! page's DOM nodes by their paragraphs' length and commas and keeps the best subtree. It also
//! reads the page's metadata (JSON-LD, Open Graph and meta tags), which every method's result
//! carries.

use crate::{Extracted, Method, WebError};

/// dom_smoothie's article and metadata, the text as it formats it (paragraphs on their lines).
/// Readability rewrites the document as it goes, so it takes it.
pub fn extract(document: dom_query::Document, url: Option<&str>) -> Result<Extracted, WebError> {
    let cfg = dom_smoothie::Config {
        text_mode: dom_smoothie::TextMode::Formatted,
        ..Default::default()
    };
    let mut r = dom_smoothie::Readability::with_document(document, url, Some(cfg))
        .map_err(|_| WebError::NoArticle)?;
    let a = r.parse().map_err(|_| WebError::NoArticle)?;
    Ok(Extracted {
        title: non_empty(&a.title),
        text: a.text_content.to_string(),
        authors: a.byline.as_deref().map(split_authors).unwrap_or_default(),
        published: a.published_time.clone(),
        site_name: a.site_name.clone(),
        language: a.lang.clone(),
        url: url.map(str::to_string),
        method: Method::Readability,
    })
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// "By Jane Roe and John Doe | Staff" → ["Jane Roe", "John Doe"].
pub fn split_authors(raw: &str) -> Vec<String> {
    raw.split([';', ',', '|', '\n'])
        .flat_map(|p| p.split(" and "))
        .map(|p| {
            p.trim()
                .trim_start_matches("By ")
                .trim_start_matches("by ")
                .trim()
        })
        .filter(|p| !p.is_empty() && !p.starts_with('@') && p.split_whitespace().count() <= 4)
        .map(str::to_string)
        .collect()
}
