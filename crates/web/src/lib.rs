//! Web: article text and metadata from web pages (HTML, optionally gzipped).
//!
//! Decoding follows the web's order of authority: byte-order mark, the HTTP `Content-Type`
//! charset (when a WARC record gives one), `<meta charset>`, then detection (chardetng). Invalid
//! bytes become U+FFFD; nothing here panics on any input. Extraction of the body is delegated to
//! a maintained extractor chosen by measurement (see ARCHITECTURE.md, "Decisions").

mod blocks;
mod choose;
mod density;
pub mod eval;
mod furniture;
mod inert;
mod not_text;
mod page_tree;
mod readability;

use page_tree::PageTree;

pub use furniture::clean_body;
pub use readability::split_authors;

use std::io::Read;

use encoding_rs::Encoding;

/// Deeper nesting than this is not a news page, and tree algorithms slow down with depth.
pub const MAX_NESTING: usize = 512;

/// The deepest tag nesting in a page, by a linear scan (void and self-closed tags do not nest).
pub fn max_nesting(html: &str) -> usize {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "!doctype", "!--",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        let start = i + off + 1;
        let end = bytes[start..]
            .iter()
            .position(|&b| b == b'>')
            .map_or(bytes.len(), |e| start + e);
        let tag = &html[start..end.min(html.len())];
        if let Some(name) = tag.strip_prefix('/') {
            if !name.is_empty() {
                depth = depth.saturating_sub(1);
            }
        } else {
            let name: String = tag
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '/')
                .collect::<String>()
                .to_ascii_lowercase();
            if !name.is_empty()
                && !tag.ends_with('/')
                && !VOID.iter().any(|v| name.starts_with(v))
                && name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            {
                depth += 1;
                max = max.max(depth);
            }
        }
        i = end.min(bytes.len().saturating_sub(1)).max(start);
        if end >= bytes.len() {
            break;
        }
    }
    max
}

/// Fewer words than this is not an article (a nav label, a cookie notice).
pub const MIN_ARTICLE_WORDS: usize = 8;

/// Pages larger than this (after decompression) are refused: no news article is 50 MB.
pub const MAX_PAGE_BYTES: usize = 16 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WebError {
    TooLarge(usize),
    Gzip(String),
    NoArticle,
    TooDeep(usize),
    /// The bytes are not text: this percentage of the decoded characters are control characters
    /// or undecodable bytes.
    NotText(u32),
}

impl std::fmt::Display for WebError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WebError::TooLarge(n) => write!(
                f,
                "page is larger than {} MB (read {n} bytes)",
                MAX_PAGE_BYTES / (1024 * 1024)
            ),
            WebError::Gzip(e) => write!(f, "cannot decompress: {e}"),
            WebError::NoArticle => write!(f, "no article text found in the page"),
            WebError::TooDeep(n) => write!(
                f,
                "tags nest {n} deep (more than {MAX_NESTING}); not an article page"
            ),
            WebError::NotText(percent) => write!(
                f,
                "not a web page: {percent}% of its characters are control characters or \
                 undecodable bytes (binary data, such as an image, saved as a page?)"
            ),
        }
    }
}

impl std::error::Error for WebError {}

/// Decompress gzip (bounded), or pass bytes through.
pub fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, WebError> {
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return if bytes.len() > MAX_PAGE_BYTES {
            Err(WebError::TooLarge(bytes.len()))
        } else {
            Ok(bytes.to_vec())
        };
    }
    let mut out = Vec::new();
    let mut decoder = flate2::read::MultiGzDecoder::new(bytes).take(MAX_PAGE_BYTES as u64 + 1);
    decoder
        .read_to_end(&mut out)
        .map_err(|e| WebError::Gzip(e.to_string()))?;
    if out.len() > MAX_PAGE_BYTES {
        return Err(WebError::TooLarge(out.len()));
    }
    Ok(out)
}

/// The charset named in a `Content-Type` value ("text/html; charset=ISO-8859-1").
pub fn charset_param(content_type: &str) -> Option<&str> {
    content_type
        .split(';')
        .filter_map(|p| p.trim().split_once('='))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))
        .map(|(_, v)| v.trim().trim_matches(['"', '\'']))
}

/// `<meta charset=...>` or `<meta http-equiv=Content-Type content="...charset=...">` in the first
/// kilobytes, as the HTML standard's prescan does.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let text = String::from_utf8_lossy(&head[..head.len().min(4096)]).to_ascii_lowercase();
    let mut rest = text.as_str();
    while let Some(i) = rest.find("<meta") {
        rest = &rest[i + 5..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        if let Some(j) = tag.find("charset") {
            let value = tag[j + 7..]
                .trim_start()
                .trim_start_matches('=')
                .trim_start()
                .trim_start_matches(['"', '\'']);
            let end = value
                .find(|c: char| c == '"' || c == '\'' || c == ';' || c.is_whitespace() || c == '/')
                .unwrap_or(value.len());
            if let Some(enc) = Encoding::for_label(&value.as_bytes()[..end]) {
                // A page that says UTF-16 in ASCII is not UTF-16 (HTML standard).
                return Some(
                    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
                        encoding_rs::UTF_8
                    } else {
                        enc
                    },
                );
            }
        }
    }
    None
}

/// Decode page bytes to text. `header_charset` comes from an HTTP header when there is one.
pub fn decode(bytes: &[u8], header_charset: Option<&str>) -> String {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        return enc
            .decode_without_bom_handling(&bytes[bom..])
            .0
            .into_owned();
    }
    let declared = header_charset
        .and_then(|c| Encoding::for_label(c.as_bytes()))
        .or_else(|| meta_charset(bytes));
    let encoding = declared.unwrap_or_else(|| {
        if std::str::from_utf8(bytes).is_ok() {
            encoding_rs::UTF_8
        } else {
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(bytes, true);
            detector.guess(None, chardetng::Utf8Detection::Allow)
        }
    });
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// What an extractor found in a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    pub title: Option<String>,
    /// The article body, paragraphs separated by blank lines.
    pub text: String,
    pub authors: Vec<String>,
    /// ISO 8601 date.
    pub published: Option<String>,
    pub site_name: Option<String>,
    pub language: Option<String>,
    pub url: Option<String>,
    /// Which detector's text this is.
    pub method: Method,
}

/// The detector that gave a page's text (`extraction.method` in `parallax extract`'s JSON).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Method {
    /// dom_smoothie's Readability, with the furniture rules.
    #[default]
    Readability,
    /// The text-density block classifier (`density.rs`), with the furniture rules.
    Density,
}

impl Method {
    pub fn name(self) -> &'static str {
        match self {
            Method::Readability => "readability",
            Method::Density => "density",
        }
    }
}

/// Which detectors to run. `Auto` is what Parallax uses; the others exist to measure each alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extractor {
    /// Both detectors, each page's text chosen by `choose.rs`.
    Auto,
    /// dom_smoothie (a Rust port of Readability.js) alone.
    Readability,
    /// The text-density block classifier alone.
    Density,
}

/// Extract the article from decoded HTML.
pub fn extract_with(
    extractor: Extractor,
    html: &str,
    url: Option<&str>,
) -> Result<Extracted, WebError> {
    not_text::check(html)?;
    let stripped = inert::strip_inert(html);
    let html: &str = &stripped;
    let depth = max_nesting(html);
    if depth > MAX_NESTING {
        return Err(WebError::TooDeep(depth));
    }
    let document = dom_query::Document::from(html);
    let mut out = match extractor {
        Extractor::Readability => readability::extract(document, url)?,
        Extractor::Density => Extracted {
            text: density::extract(&PageTree::from_document(&document)),
            url: url.map(str::to_string),
            method: Method::Density,
            ..Default::default()
        },
        Extractor::Auto => {
            // The density detector reads the tree before Readability rewrites it.
            let density = density::Reading::of(&PageTree::from_document(&document));
            let readability = readability::extract(document, url);
            let mut chosen = choose::choose(readability, &density);
            chosen.url = url.map(str::to_string);
            chosen
        }
    };
    out.text = furniture::clean_body(&out.text);
    // What is left of a page without an article is a menu word or two, not news.
    if blocks::word_count(&out.text) < MIN_ARTICLE_WORDS {
        return Err(WebError::NoArticle);
    }
    Ok(out)
}

/// The density detector's blocks and verdicts on a page, for reading why it came out as it did.
#[doc(hidden)]
pub fn explain_density(html: &str) -> String {
    let stripped = inert::strip_inert(html);
    density::explain(&PageTree::from_document(&dom_query::Document::from(
        &*stripped,
    )))
}

/// Extract with both detectors, choosing per page (see ARCHITECTURE.md for the measurement).
pub fn extract(html: &str, url: Option<&str>) -> Result<Extracted, WebError> {
    extract_with(Extractor::Auto, html, url)
}

/// A publication date is never later than when the page was fetched (or now): later dates come
/// from scripts, comments or "related" links.
pub fn plausible_date(date: Option<String>, crawled: Option<chrono::NaiveDate>) -> Option<String> {
    let d = date?;
    let day = chrono::NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok()?;
    let limit = crawled.unwrap_or_else(|| chrono::Utc::now().date_naive());
    (day <= limit && day.format("%Y").to_string().as_str() >= "1990").then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_depth() {
        assert_eq!(
            max_nesting("<html><body><p>a<br>b<img src=x></p></body></html>"),
            3
        );
        assert_eq!(
            max_nesting(&("<div>".repeat(600) + &"</div>".repeat(600))),
            600
        );
        assert_eq!(
            max_nesting("<!-- <a> --> <x/> < 3 > 2"),
            0,
            "comments, self-closed tags and stray brackets do not nest"
        );
        assert!(matches!(
            extract(&("<div>".repeat(10_000)), None),
            Err(WebError::TooDeep(10_000))
        ));
    }

    #[test]
    fn charsets() {
        assert_eq!(
            charset_param("text/html; charset=\"ISO-8859-1\""),
            Some("ISO-8859-1")
        );
        assert_eq!(decode(b"\xef\xbb\xbfcaf\xc3\xa9", None), "caf\u{e9}");
        assert_eq!(
            decode(b"<meta charset=windows-1252>caf\xe9", None),
            "<meta charset=windows-1252>caf\u{e9}"
        );
        assert_eq!(decode(b"caf\xe9", Some("iso-8859-1")), "caf\u{e9}");
        assert!(decode(b"\xfd\xfc garbage \x80", None).contains("garbage"));
    }

    #[test]
    fn gzip_bounds() {
        assert!(matches!(
            gunzip(&[0x1f, 0x8b, 0, 1]),
            Err(WebError::Gzip(_))
        ));
        assert_eq!(gunzip(b"plain").unwrap(), b"plain");
    }
}
