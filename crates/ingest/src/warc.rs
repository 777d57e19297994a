//! WARC and WARC.gz (as Common Crawl's CC-NEWS writes them): HTML `response` records become
//! articles with their target URI and date. Records are read one at a time from the (possibly
//! multi-member gzip) stream; a record larger than the page limit is skipped with an error, and a
//! truncated file keeps every record before the damage.

use std::io::{BufRead, BufReader, Read};

use parallax_model::Article;

use crate::InputError;

/// Headers of one WARC record, lower-cased names.
struct Record {
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Record {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

fn read_line(r: &mut impl BufRead, buf: &mut Vec<u8>) -> std::io::Result<usize> {
    buf.clear();
    // Header lines are short; a "line" of more than 64 KiB is not WARC.
    let n = r.by_ref().take(64 * 1024).read_until(b'\n', buf)?;
    Ok(n)
}

enum Next {
    Record(Record),
    Skipped(String),
    End,
}

fn next_record(r: &mut impl BufRead) -> std::io::Result<Next> {
    let mut line = Vec::new();
    // Skip blank lines between records.
    loop {
        if read_line(r, &mut line)? == 0 {
            return Ok(Next::End);
        }
        if !line.iter().all(u8::is_ascii_whitespace) {
            break;
        }
    }
    if !line.starts_with(b"WARC/") {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "not a WARC record (no WARC/ version line)",
        ));
    }
    let mut headers = Vec::new();
    loop {
        if read_line(r, &mut line)? == 0 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                "file ends inside a record header",
            ));
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end();
        if text.is_empty() {
            break;
        }
        if let Some((k, v)) = text.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    let length: u64 = headers
        .iter()
        .find(|(k, _)| k == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .ok_or_else(|| {
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                "record without Content-Length",
            )
        })?;
    if length as usize > parallax_web::MAX_PAGE_BYTES {
        std::io::copy(&mut r.by_ref().take(length), &mut std::io::sink())?;
        return Ok(Next::Skipped(format!(
            "record of {length} bytes is larger than the page limit"
        )));
    }
    let mut body = Vec::with_capacity(length as usize);
    r.by_ref().take(length).read_to_end(&mut body)?;
    if (body.len() as u64) < length {
        return Err(std::io::Error::new(
            std::io::ErrorKind::UnexpectedEof,
            "file ends inside a record",
        ));
    }
    Ok(Next::Record(Record { headers, body }))
}

/// Split an HTTP response into its Content-Type header and body.
fn http_parts(message: &[u8]) -> Option<(Option<String>, &[u8])> {
    let split = message
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| (i, 4))
        .or_else(|| {
            message
                .windows(2)
                .position(|w| w == b"\n\n")
                .map(|i| (i, 2))
        })?;
    let head = String::from_utf8_lossy(&message[..split.0]);
    let content_type = head
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once(':'))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("content-type"))
        .map(|(_, v)| v.trim().to_string());
    Some((content_type, &message[split.0 + split.1..]))
}

pub fn parse_warc(source: &str, stem: &str, bytes: &[u8]) -> (Vec<Article>, Vec<InputError>) {
    let reader: Box<dyn Read + '_> = if bytes.starts_with(&[0x1f, 0x8b]) {
        Box::new(flate2::read::MultiGzDecoder::new(bytes))
    } else {
        Box::new(bytes)
    };
    let mut r = BufReader::new(reader);
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    let mut index = 0usize;
    loop {
        index += 1;
        let record = match next_record(&mut r) {
            Ok(Next::End) => break,
            Ok(Next::Skipped(why)) => {
                errors.push(InputError::new(
                    source,
                    None,
                    format!("record {index}: {why}"),
                ));
                continue;
            }
            Ok(Next::Record(rec)) => rec,
            Err(e) => {
                errors.push(InputError::new(
                    source,
                    None,
                    format!(
                        "record {index}: {e}; {} article(s) before it kept",
                        articles.len()
                    ),
                ));
                break;
            }
        };
        if record.header("warc-type") != Some("response") {
            continue;
        }
        let Some((content_type, body)) = http_parts(&record.body) else {
            continue;
        };
        let is_html = content_type.as_deref().is_none_or(|c| c.contains("html"));
        if !is_html || body.is_empty() {
            continue;
        }
        let url = record
            .header("warc-target-uri")
            .map(|u| u.trim_matches(['<', '>']).to_string());
        let crawled = record
            .header("warc-date")
            .and_then(|d| d.get(..10))
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let charset = content_type
            .as_deref()
            .and_then(parallax_web::charset_param);
        let id = format!("{stem}-{index}");
        let record_source = format!("{source}#record{index}");
        match crate::parse_html(
            &record_source,
            &id,
            body,
            url.as_deref(),
            Some((charset, crawled)),
        ) {
            Ok(mut a) => {
                a.url = url.or(a.url);
                articles.push(a);
            }
            Err(e) => errors.push(e),
        }
    }
    (articles, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(kind: &str, uri: &str, payload: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2025-11-07T10:00:00Z\r\nContent-Length: {}\r\n\r\n",
            payload.len()
        )
        .into_bytes();
        out.extend_from_slice(payload);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    fn page(body: &str) -> Vec<u8> {
        let html = format!(
            "<html><head><title>Quake</title></head><body><article>{}</article></body></html>",
            body
        );
        let mut out = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n".to_vec();
        out.extend_from_slice(html.as_bytes());
        out
    }

    fn paragraphs() -> String {
        (0..8).map(|i| format!("<p>A strong earthquake struck the northern coast on Monday, and rescue teams searched collapsed buildings in the port city through the night, officials said in statement number {i}.</p>")).collect()
    }

    #[test]
    fn html_responses_become_articles_with_uri_and_date() {
        let mut warc = record("warcinfo", "", b"software: test\r\n");
        warc.extend(record(
            "request",
            "https://news.example/quake",
            b"GET /quake HTTP/1.1\r\n\r\n",
        ));
        warc.extend(record(
            "response",
            "https://news.example/quake",
            &page(&paragraphs()),
        ));
        warc.extend(record(
            "response",
            "https://news.example/logo.png",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
        ));
        let (articles, errors) = parse_warc("c.warc", "c", &warc);
        assert!(errors.is_empty(), "{errors:?}");
        assert_eq!(articles.len(), 1);
        assert_eq!(
            articles[0].url.as_deref(),
            Some("https://news.example/quake")
        );
        assert!(articles[0].text.contains("earthquake struck"));
        assert_eq!(articles[0].source, "c.warc#record3");
    }

    #[test]
    fn truncated_and_garbage_input_keep_what_came_before() {
        let mut warc = record("response", "https://news.example/a", &page(&paragraphs()));
        let second = record("response", "https://news.example/b", &page(&paragraphs()));
        warc.extend_from_slice(&second[..second.len() / 2]);
        let (articles, errors) = parse_warc("t.warc", "t", &warc);
        assert_eq!(articles.len(), 1);
        assert!(errors[0].message.contains("record 2"), "{errors:?}");
        let (articles, errors) = parse_warc("g.warc", "g", b"\x00\x01garbage bytes\nmore");
        assert!(articles.is_empty());
        assert!(errors[0].message.contains("not a WARC record"));
        let (_, errors) = parse_warc("z.warc.gz", "z", b"\x1f\x8b\x08\x00truncated");
        assert_eq!(errors.len(), 1);
    }
}
