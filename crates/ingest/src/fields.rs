//! Mapping JSON objects to articles, accepting the field names common extractors write:
//! Parallax's own (`text`, `published`, `outlet`, `authors`), news-please (`maintext`,
//! `date_publish`, `source_domain`) and trafilatura (`sitename`, `hostname`, `date`, `author`).

use parallax_model::Article;
use serde_json::Value;

use crate::published::parse_published;

const TEXT_FIELDS: &[&str] = &[
    "text",
    "maintext",
    "body",
    "content",
    "articleBody",
    "raw_text",
];
const TITLE_FIELDS: &[&str] = &["title", "headline"];
const ID_FIELDS: &[&str] = &["id", "article_id", "_id", "guid"];
const URL_FIELDS: &[&str] = &["url", "link", "source_url"];
const OUTLET_FIELDS: &[&str] = &[
    "outlet",
    "sitename",
    "site_name",
    "source_domain",
    "publisher",
    "hostname",
    "source-hostname",
    "domain",
];
const DATE_FIELDS: &[&str] = &[
    "published",
    "date_publish",
    "date",
    "published_at",
    "publish_date",
    "datePublished",
    "pubDate",
];
const AUTHOR_FIELDS: &[&str] = &["authors", "author", "byline"];

/// Build an article from one JSON object. `fallback_id` is used when the object has no id;
/// the error is a message for the caller to attach to the file and line.
pub fn article_from_json(
    value: &Value,
    fallback_id: &str,
    source: &str,
) -> Result<Article, String> {
    let obj = value
        .as_object()
        .ok_or_else(|| format!("expected a JSON object, found {}", kind_of(value)))?;
    let get = |names: &[&str]| -> Option<String> {
        names.iter().find_map(|n| obj.get(*n).and_then(scalar_text))
    };
    let mut text = crate::clean_text(&get(TEXT_FIELDS).unwrap_or_default());
    let title = get(TITLE_FIELDS)
        .map(|t| crate::clean_text(t.trim()))
        .filter(|t| !t.is_empty());
    if text.trim().is_empty() {
        // A headline alone is still news (wire flashes, feed items): its text is the headline.
        match &title {
            Some(t) => text = t.clone(),
            None => {
                return Err("empty article (no `text` or `maintext`, and no `title`)".to_string())
            }
        }
    }
    let id = get(ID_FIELDS)
        .filter(|s| !s.trim().is_empty())
        .unwrap_or_else(|| fallback_id.to_string());
    let published_raw = get(DATE_FIELDS);
    let (published, published_date) = match published_raw.as_deref().map(parse_published) {
        Some(Some(p)) => (Some(p.iso), Some(p.date)),
        // Keep an unparseable date as given rather than lose it.
        Some(None) => (published_raw.clone(), None),
        None => (None, None),
    };
    let authors = AUTHOR_FIELDS
        .iter()
        .find_map(|n| obj.get(*n))
        .map(authors_of)
        .unwrap_or_default();
    Ok(Article {
        id,
        title,
        text,
        url: get(URL_FIELDS),
        outlet: get(OUTLET_FIELDS),
        published,
        published_date,
        authors,
        language: None,
        extraction: None,
        source: source.to_string(),
    })
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A string, a number, or an object with a `name` (as `publisher: {name: ...}` often is).
fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(o) => o.get("name").and_then(scalar_text),
        _ => None,
    }
}

/// Authors from an array, or from one string listing several ("A; B", "A and B").
fn authors_of(v: &Value) -> Vec<String> {
    let raw: Vec<String> = match v {
        Value::Array(items) => items.iter().filter_map(scalar_text).collect(),
        other => scalar_text(other)
            .map(|s| split_author_list(&s))
            .unwrap_or_default(),
    };
    let mut out: Vec<String> = Vec::new();
    for a in raw {
        let a = a
            .trim()
            .trim_start_matches("By ")
            .trim_start_matches("by ")
            .trim();
        if !a.is_empty() && !out.iter().any(|o| o == a) {
            out.push(a.to_string());
        }
    }
    out
}

fn split_author_list(s: &str) -> Vec<String> {
    s.split([';', '|'])
        .flat_map(|part| part.split(" and "))
        .flat_map(|part| {
            // "Smith, John" is one name; "John Smith, Jane Doe" is two.
            if part.split(',').all(|p| p.split_whitespace().count() >= 2) {
                part.split(',').map(str::to_string).collect::<Vec<_>>()
            } else {
                vec![part.to_string()]
            }
        })
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parallax_fields() {
        let a = article_from_json(
            &json!({"id": "x1", "title": "T", "text": "Body.", "url": "https://e.com/a",
                    "outlet": "E", "published": "2025-11-06T09:30:00Z", "authors": ["A B", "C D"]}),
            "fb",
            "f.jsonl:1",
        )
        .unwrap();
        assert_eq!(a.id, "x1");
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(a.outlet.as_deref(), Some("E"));
        assert_eq!(a.published.as_deref(), Some("2025-11-06T09:30:00+00:00"));
        assert_eq!(a.published_date.unwrap().to_string(), "2025-11-06");
        assert_eq!(a.authors, ["A B", "C D"]);
    }

    #[test]
    fn news_please_and_trafilatura_fields() {
        let np = article_from_json(
            &json!({"maintext": "Body.", "title": "T", "date_publish": "2025-11-06 10:00:00",
                    "source_domain": "example.com", "authors": ["Jane Roe"]}),
            "fb",
            "s",
        )
        .unwrap();
        assert_eq!(np.id, "fb");
        assert_eq!(np.outlet.as_deref(), Some("example.com"));
        assert_eq!(np.published_date.unwrap().to_string(), "2025-11-06");
        let tr = article_from_json(
            &json!({"text": "Body.", "sitename": "Example News", "date": "2025-11-07",
                    "author": "Jane Roe; John Doe"}),
            "fb",
            "s",
        )
        .unwrap();
        assert_eq!(tr.outlet.as_deref(), Some("Example News"));
        assert_eq!(tr.published.as_deref(), Some("2025-11-07"));
        assert_eq!(tr.authors, ["Jane Roe", "John Doe"]);
    }

    #[test]
    fn numeric_id_and_unparsed_date_kept() {
        let a = article_from_json(
            &json!({"id": 7, "text": "B.", "date": "sometime"}),
            "fb",
            "s",
        )
        .unwrap();
        assert_eq!(a.id, "7");
        assert_eq!(a.published.as_deref(), Some("sometime"));
        assert!(a.published_date.is_none());
    }

    #[test]
    fn not_an_object() {
        let err = article_from_json(&json!([1, 2]), "fb", "s").unwrap_err();
        assert!(err.contains("expected a JSON object, found an array"));
    }

    #[test]
    fn author_list_splitting() {
        assert_eq!(split_author_list("Smith, John"), ["Smith, John"]);
        assert_eq!(
            split_author_list("John Smith, Jane Doe"),
            ["John Smith", "Jane Doe"]
        );
        assert_eq!(split_author_list("A B and C D"), ["A B", "C D"]);
    }
}
