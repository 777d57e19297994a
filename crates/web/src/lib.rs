//! Web: article text and metadata from web pages (HTML, optionally gzipped).
//!
//! Decoding follows the web's order of authority: byte-order mark, the HTTP `Content-Type`
//! charset (when a WARC record gives one), `<meta charset>`, then detection (chardetng). Invalid
//! bytes become U+FFFD; nothing here panics on any input. Extraction of the body is delegated to
//! a maintained extractor chosen by measurement (see ARCHITECTURE.md, "Decisions").

pub mod eval;
mod inert;

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
}

/// Extraction backends. Measured on the development pages (ARCHITECTURE.md, "Decisions"):
/// dom_smoothie 0.19 F1 0.964 at 182 pages/s against the `trafilatura` crate 0.6 at F1 0.948 and
/// 76 pages/s, so dom_smoothie is the one kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extractor {
    /// The `dom_smoothie` crate (a Rust port of Readability.js), plus Parallax's boilerplate rules.
    Readability,
}

fn non_empty(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Extract the article from decoded HTML.
pub fn extract_with(
    extractor: Extractor,
    html: &str,
    url: Option<&str>,
) -> Result<Extracted, WebError> {
    let stripped = inert::strip_inert(html);
    let html: &str = &stripped;
    let depth = max_nesting(html);
    if depth > MAX_NESTING {
        return Err(WebError::TooDeep(depth));
    }
    let out = match extractor {
        Extractor::Readability => {
            let cfg = dom_smoothie::Config {
                text_mode: dom_smoothie::TextMode::Formatted,
                ..Default::default()
            };
            let mut r = dom_smoothie::Readability::new(html, url, Some(cfg))
                .map_err(|_| WebError::NoArticle)?;
            let a = r.parse().map_err(|_| WebError::NoArticle)?;
            Extracted {
                title: non_empty(&a.title),
                text: a.text_content.to_string(),
                authors: a.byline.as_deref().map(split_authors).unwrap_or_default(),
                published: a.published_time.clone(),
                site_name: a.site_name.clone(),
                language: a.lang.clone(),
                url: url.map(str::to_string),
            }
        }
    };
    let mut out = out;
    out.text = clean_body(&out.text);
    // What is left of a page without an article is a menu word or two, not news.
    if out.text.split_whitespace().count() < MIN_ARTICLE_WORDS {
        return Err(WebError::NoArticle);
    }
    Ok(out)
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

/// Paragraphs separated by blank lines, without the page furniture the extractor let through
/// (the same line rules the reader applies to text articles).
pub fn clean_body(text: &str) -> String {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let mut keep: Vec<bool> = lines
        .iter()
        .map(|l| !parallax_text::is_boilerplate(l) && !is_page_furniture(l))
        .collect();
    // One line cut off with an ellipsis may be prose; several are a list of links to other stories.
    if lines.iter().filter(|l| is_teaser(l)).count() >= 2 {
        for (k, l) in keep.iter_mut().zip(&lines) {
            *k &= !is_teaser(l);
        }
    }
    // Links to other stories often come as a capitalised kicker over a headline ("TIME
    // TRAVELLER" / "Conspiracy theorists say ..."). One such pair may be a subheading over a
    // line of the article; two or more are a block of related stories. A pair opening the body
    // is the article's own kicker and headline.
    let kickers: Vec<usize> = (1..lines.len().saturating_sub(1))
        .filter(|&i| is_kicker(lines[i]) && is_headline_like(lines[i + 1]))
        .collect();
    if kickers.len() >= 2 {
        for i in kickers {
            keep[i] = false;
            keep[i + 1] = false;
        }
    }
    lines
        .into_iter()
        .zip(keep)
        .filter_map(|(l, k)| k.then_some(l))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A short line of words in capitals: the label sites put over teasers (a bracketed "[ CNBC ]"
/// is a citation, not a label).
fn is_kicker(line: &str) -> bool {
    line.split_whitespace().count() <= 8
        && !line.contains(['[', ']', '(', ')'])
        && line.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !line.chars().any(char::is_lowercase)
}

/// A short line without closing punctuation, like a headline.
fn is_headline_like(line: &str) -> bool {
    line.split_whitespace().count() <= 20
        && !line
            .trim_end_matches(['"', '\'', '\u{2019}', '\u{201d}'])
            .ends_with(['.', '!', '?', ':', ';', ','])
}

fn is_teaser(line: &str) -> bool {
    line.split_whitespace().count() <= 25 && (line.ends_with('\u{2026}') || line.ends_with("..."))
}

/// Lines extractors let through that are never article prose: counters and symbols (share
/// counts, "|", "•"), update stamps and photo credits. Measured on the extraction dev set; rules
/// that cost recall there (all-capital lines, breadcrumbs, lines with links) were dropped.
fn is_page_furniture(line: &str) -> bool {
    let words = line.split_whitespace().count();
    if words <= 2 && !line.chars().any(char::is_alphabetic) {
        return true;
    }
    let lower = line.to_lowercase();
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| lower.starts_with(p));
    // "Updated 3:45 PM" is a stamp; "Published in 1999, the book sold well." is prose.
    let stamp = words <= 12
        && starts(&["updated", "published", "posted", "last updated"])
        && line.chars().any(|c| c.is_ascii_digit())
        && !line.ends_with('.');
    let credit = words <= 12 && starts(&["image ", "image:", "photo ", "photo:", "photograph:"]);
    // A caption carries its picture credit on the same line ("... the rabbitCredit: Getty").
    let caption = words <= 40
        && [
            "Credit:",
            "Photo:",
            "Image:",
            "Photograph:",
            "(Photo",
            "Picture:",
        ]
        .iter()
        .any(|m| line.contains(m))
        && !line.starts_with(['"', '\u{201c}']);
    stamp || credit || caption
}

/// Extract with the default backend (dom_smoothie; see ARCHITECTURE.md for the measurement).
pub fn extract(html: &str, url: Option<&str>) -> Result<Extracted, WebError> {
    extract_with(Extractor::Readability, html, url)
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

    #[test]
    fn page_furniture_is_dropped_and_prose_kept() {
        let page = "EXCLUSIVE\n\
            The minister resigned on Monday, aides said.\n\
            Updated 3:45 PM\n\
            A hunter ate a rabbitCredit: Getty Images\n\
            Published in 1999, the report was ignored for a decade.\n\
            12\n\
            TIME TRAVELLER\n\
            Fans spot a star in an old photo\n\
            'NAIVE AND TRUSTING'\n\
            Court hears a new claim\n\
            Other story one is cut off here\u{2026}\n\
            Other story two is cut off here...";
        assert_eq!(
            clean_body(page),
            "EXCLUSIVE\n\nThe minister resigned on Monday, aides said.\n\n\
             Published in 1999, the report was ignored for a decade."
        );
    }

    #[test]
    fn a_single_kicker_or_ellipsis_is_kept() {
        let page = "The vote is due on Friday.\n\
            WHAT HAPPENS NEXT\n\
            The timetable\n\
            He said the talks would go on...";
        assert_eq!(
            clean_body(page).lines().filter(|l| !l.is_empty()).count(),
            4
        );
    }
}
