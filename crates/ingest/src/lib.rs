//! Ingest: turn files into [`Article`]s.
//!
//! The parsers ([`parse_txt`], [`parse_json`], [`parse_jsonl`]) are pure functions from bytes to
//! articles and never panic on any input; [`load_paths`] is the only function here that touches
//! the file system. One bad article never stops the others: every problem becomes an
//! [`InputError`] that names the file (and line) and the rest is still returned.

use std::fmt;
use std::path::{Path, PathBuf};

use parallax_model::Article;
use unicode_normalization::UnicodeNormalization;

pub mod feed;
mod fields;
/// Work on several threads, results in input order (from `parallax-text`, shared with `read`).
pub use parallax_text::parallel;
pub mod published;
pub mod warc;

pub use fields::article_from_json;

/// A problem with one input; the other inputs are unaffected.
#[derive(Debug, Clone, PartialEq)]
pub struct InputError {
    /// The file, as the user named it.
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{} line {}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for InputError {}

impl InputError {
    pub fn new(source: &str, line: Option<usize>, message: impl Into<String>) -> InputError {
        InputError {
            file: source.to_string(),
            line,
            message: message.into(),
        }
    }
}

/// Articles read from a set of paths, and the problems met on the way.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub errors: Vec<InputError>,
    /// Things worth telling the user that lose no data (a renamed duplicate id, a skipped file).
    pub warnings: Vec<String>,
}

/// The kinds of file Parallax reads, decided by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    Text,
    Json,
    JsonLines,
    /// `.html`, `.htm`, optionally `.gz`.
    Html,
    /// `.warc`, `.warc.gz`.
    Warc,
    /// `.rss`, `.atom`, `.xml` feeds.
    Feed,
}

impl InputFormat {
    pub fn of(path: &Path) -> Option<InputFormat> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let ext = name.rsplit_once('.')?.1;
        match ext {
            "txt" | "text" => Some(InputFormat::Text),
            "json" => Some(InputFormat::Json),
            "jsonl" | "ndjson" => Some(InputFormat::JsonLines),
            "html" | "htm" | "xhtml" => Some(InputFormat::Html),
            "warc" => Some(InputFormat::Warc),
            "rss" | "atom" | "xml" => Some(InputFormat::Feed),
            _ => None,
        }
    }
}

/// Read every supported file under `paths` (files, or directories walked recursively in name
/// order). Files named explicitly must have a supported extension; in directories, other files
/// (a README, hidden files) are skipped.
///
/// Files are read and parsed on all cores ([`parallel::default_threads`]); the result is in file
/// order whatever the number of threads.
pub fn load_paths(paths: &[PathBuf]) -> Loaded {
    load_paths_with(paths, parallel::default_threads())
}

/// [`load_paths`] on up to `threads` threads.
pub fn load_paths_with(paths: &[PathBuf], threads: usize) -> Loaded {
    let mut loaded = Loaded::default();
    let mut files = Vec::new();
    for path in paths {
        collect_files(path, true, &mut files, &mut loaded);
    }
    let parsed = parallel::map_in_order(&files, threads, |(path, format)| {
        let source = path.display().to_string();
        match std::fs::read(path) {
            Ok(bytes) => parse_bytes(*format, &source, &file_stem(path), &bytes),
            Err(e) => (
                vec![],
                vec![InputError::new(&source, None, format!("cannot read: {e}"))],
            ),
        }
    });
    for (articles, errors) in parsed {
        loaded.articles.extend(articles);
        loaded.errors.extend(errors);
    }
    make_ids_unique(&mut loaded);
    loaded
}

/// Parse one file's bytes in the given format.
pub fn parse_bytes(
    format: InputFormat,
    source: &str,
    stem: &str,
    bytes: &[u8],
) -> (Vec<Article>, Vec<InputError>) {
    match format {
        InputFormat::Text => match parse_txt(source, stem, bytes) {
            Ok(article) => (vec![article], vec![]),
            Err(e) => (vec![], vec![e]),
        },
        InputFormat::Json => parse_json(source, stem, bytes),
        InputFormat::JsonLines => parse_jsonl(source, stem, bytes),
        InputFormat::Html => match parse_html(source, stem, bytes, None, None) {
            Ok(article) => (vec![article], vec![]),
            Err(e) => (vec![], vec![e]),
        },
        InputFormat::Warc => warc::parse_warc(source, stem, bytes),
        InputFormat::Feed => feed::parse_feed(source, stem, bytes),
    }
}

fn collect_files(
    path: &Path,
    explicit: bool,
    out: &mut Vec<(PathBuf, InputFormat)>,
    loaded: &mut Loaded,
) {
    let source = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            loaded
                .errors
                .push(InputError::new(&source, None, format!("cannot read: {e}")));
            return;
        }
    };
    if meta.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                loaded.errors.push(InputError::new(
                    &source,
                    None,
                    format!("cannot list directory: {e}"),
                ));
                return;
            }
        };
        entries.sort();
        for entry in entries {
            let hidden = entry
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if !hidden {
                collect_files(&entry, false, out, loaded);
            }
        }
    } else {
        match InputFormat::of(path) {
            Some(format) => out.push((path.to_path_buf(), format)),
            None if explicit => loaded.errors.push(InputError::new(
                &source,
                None,
                "unsupported file type (expected .txt, .json or .jsonl)",
            )),
            // Documentation next to articles (README.md, LICENSE) is expected; say nothing.
            None if is_documentation(path) => {}
            None => loaded
                .warnings
                .push(format!("{source}: skipped (not an article format)")),
        }
    }
}

fn is_documentation(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("")
        .to_ascii_uppercase();
    name.ends_with(".MD")
        || name.ends_with(".MARKDOWN")
        || ["README", "LICENSE", "COPYING", "NOTICE"]
            .iter()
            .any(|p| name.starts_with(p))
}

fn file_stem(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "article".to_string());
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    name.rsplit_once('.')
        .map_or(name, |(stem, _)| stem)
        .to_string()
}

/// A web page (HTML, possibly gzipped) as an article: body and metadata by extraction.
/// `header_charset` and `crawled` come from a WARC record when there is one.
pub fn parse_html(
    source: &str,
    stem: &str,
    bytes: &[u8],
    url: Option<&str>,
    context: Option<(Option<&str>, Option<chrono::NaiveDate>)>,
) -> Result<Article, InputError> {
    let raw =
        parallax_web::gunzip(bytes).map_err(|e| InputError::new(source, None, e.to_string()))?;
    let (charset, crawled) = context.unwrap_or((None, None));
    let html = parallax_web::decode(&raw, charset);
    let page = parallax_web::extract(&html, url)
        .map_err(|e| InputError::new(source, None, e.to_string()))?;
    let text = clean_text(&page.text);
    if text.trim().is_empty() {
        return Err(InputError::new(
            source,
            None,
            "no article text found in the page",
        ));
    }
    let published = parallax_web::plausible_date(page.published.clone(), crawled)
        .and_then(|d| published::parse_published(&d));
    let mut article = Article::new(stem, text);
    article.source = source.to_string();
    article.title = page.title.map(|t| clean_text(&t));
    article.url = page.url;
    article.outlet = page.site_name;
    article.published = published.as_ref().map(|p| p.iso.clone());
    article.published_date = published.map(|p| p.date);
    article.authors = page.authors;
    article.language = page.language;
    article.extraction = Some(page.method.name().to_string());
    Ok(article)
}

/// Ids are the key of every output; two inputs with the same id get distinct ones, and we say so.
fn make_ids_unique(loaded: &mut Loaded) {
    let mut seen = std::collections::HashMap::<String, usize>::new();
    for article in &mut loaded.articles {
        let count = seen.entry(article.id.clone()).or_insert(0);
        *count += 1;
        if *count > 1 {
            let renamed = format!("{}~{}", article.id, count);
            loaded.warnings.push(format!(
                "{}: id {:?} already used by another article; using {:?}",
                article.source, article.id, renamed
            ));
            article.id = renamed;
        }
    }
}

/// Decode UTF-8 or say exactly where it is broken.
fn decode<'a>(source: &str, line_offset: usize, bytes: &'a [u8]) -> Result<&'a str, InputError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = line_offset + bytes[..at].iter().filter(|&&b| b == b'\n').count();
        InputError::new(
            source,
            Some(line),
            format!("invalid UTF-8 at byte {}", at + 1),
        )
    })
}

/// NFC, Unix line ends, no byte-order mark: the text every later stage sees as "original".
pub fn clean_text(text: &str) -> String {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text: String = text.nfc().collect();
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// A plain text article: the whole file is the text; the reader decides whether the first line
/// is a headline.
pub fn parse_txt(source: &str, stem: &str, bytes: &[u8]) -> Result<Article, InputError> {
    let text = clean_text(decode(source, 1, bytes)?);
    if text.trim().is_empty() {
        return Err(InputError::new(source, None, "empty article (no text)"));
    }
    let mut article = Article::new(stem, text);
    article.source = source.to_string();
    Ok(article)
}

/// A `.json` file: one article object, or an array of them.
pub fn parse_json(source: &str, stem: &str, bytes: &[u8]) -> (Vec<Article>, Vec<InputError>) {
    let text = match decode(source, 1, bytes) {
        Ok(t) => t,
        Err(e) => return (vec![], vec![e]),
    };
    let value: serde_json::Value = match serde_json::from_str(text.trim_start_matches('\u{feff}')) {
        Ok(v) => v,
        Err(e) => {
            return (
                vec![],
                vec![InputError::new(
                    source,
                    Some(e.line()),
                    format!("malformed JSON: {e}"),
                )],
            )
        }
    };
    match value {
        serde_json::Value::Array(items) => {
            let mut articles = Vec::new();
            let mut errors = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let fallback = format!("{stem}-{}", i + 1);
                match article_from_json(item, &fallback, source) {
                    Ok(a) => articles.push(a),
                    Err(msg) => errors.push(InputError::new(
                        source,
                        None,
                        format!("item {}: {msg}", i + 1),
                    )),
                }
            }
            (articles, errors)
        }
        other => match article_from_json(&other, stem, source) {
            Ok(a) => (vec![a], vec![]),
            Err(msg) => (vec![], vec![InputError::new(source, None, msg)]),
        },
    }
}

/// A `.jsonl` file: one article object per line; blank lines are skipped.
pub fn parse_jsonl(source: &str, stem: &str, bytes: &[u8]) -> (Vec<Article>, Vec<InputError>) {
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line_no = i + 1;
        let line = match decode(source, line_no, raw) {
            Ok(l) => l.trim(),
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        if line.is_empty() {
            continue;
        }
        let value: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                errors.push(InputError::new(
                    source,
                    Some(line_no),
                    format!("malformed JSON line: {e}"),
                ));
                continue;
            }
        };
        let fallback = format!("{stem}-{line_no}");
        let item_source = format!("{source}:{line_no}");
        match article_from_json(&value, &fallback, &item_source) {
            Ok(a) => articles.push(a),
            Err(msg) => errors.push(InputError::new(source, Some(line_no), msg)),
        }
    }
    (articles, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn txt_keeps_text_and_uses_stem_as_id() {
        let a = parse_txt("x/a.txt", "a", "Title\r\nBody one.\r\n".as_bytes()).unwrap();
        assert_eq!(a.id, "a");
        assert_eq!(a.text, "Title\nBody one.\n");
        assert_eq!(a.source, "x/a.txt");
    }

    #[test]
    fn txt_invalid_utf8_names_line_and_byte() {
        let err = parse_txt("a.txt", "a", b"ok\nbad \xff here").unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(
            err.to_string()
                .contains("a.txt line 2: invalid UTF-8 at byte 8"),
            "{err}"
        );
    }

    #[test]
    fn txt_empty_is_an_error() {
        let err = parse_txt("e.txt", "e", b"  \n\n ").unwrap_err();
        assert!(err.message.contains("empty article"));
    }

    #[test]
    fn jsonl_bad_line_does_not_stop_others() {
        let input = b"{\"id\":\"a\",\"title\":\"T\",\"text\":\"Body.\"}\n{oops\n\n{\"id\":\"c\",\"text\":\"\"}\n{\"id\":\"d\",\"text\":\"More.\"}\n";
        let (articles, errors) = parse_jsonl("f.jsonl", "f", input);
        let ids: Vec<_> = articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["a", "d"]);
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].line, Some(2));
        assert!(errors[0].message.contains("malformed JSON"));
        assert_eq!(errors[1].line, Some(4));
        assert!(errors[1].message.contains("empty article"));
        assert_eq!(articles[0].source, "f.jsonl:1");
    }

    #[test]
    fn jsonl_invalid_utf8_on_one_line() {
        let input = b"{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\",\"text\":\"\xc3\x28\"}\n";
        let (articles, errors) = parse_jsonl("f.jsonl", "f", input);
        assert_eq!(articles.len(), 1);
        assert_eq!(errors[0].line, Some(2));
        assert!(errors[0].message.contains("invalid UTF-8"));
    }

    #[test]
    fn json_array_and_object() {
        let (a, e) = parse_json(
            "f.json",
            "f",
            br#"[{"text":"One."},{"url":"x"},{"title":"Headline only"}]"#,
        );
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].id, "f-1");
        assert_eq!(a[1].text, "Headline only", "a headline alone is an article");
        assert!(e[0].message.contains("item 2"));
        let (a, e) = parse_json("g.json", "g", br#"{"maintext":"Body.","title":"T"}"#);
        assert!(e.is_empty());
        assert_eq!(a[0].id, "g");
        let (a, e) = parse_json("h.json", "h", b"{\n\"text\": }");
        assert!(a.is_empty());
        assert_eq!(e[0].line, Some(2));
    }

    #[test]
    fn duplicate_ids_are_renamed_not_dropped() {
        let mut loaded = Loaded {
            articles: vec![Article::new("a", "x"), Article::new("a", "y")],
            ..Default::default()
        };
        make_ids_unique(&mut loaded);
        assert_eq!(loaded.articles[1].id, "a~2");
        assert_eq!(loaded.warnings.len(), 1);
    }

    #[test]
    fn clean_text_composes_and_strips_bom() {
        assert_eq!(clean_text("\u{feff}Cafe\u{301}\r\n"), "Caf\u{e9}\n");
    }
}
