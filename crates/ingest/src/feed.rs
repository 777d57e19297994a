//! RSS and Atom feeds (feed-rs): one article per item. An item that carries its full text
//! becomes a full article; one with only a title, summary and link becomes a link-only article
//! whose text is what the feed says (`Article::text` then starts with the title).

use parallax_model::Article;

use crate::InputError;

/// Remove markup from feed content: block tags become paragraph breaks, entities are decoded,
/// scripts and styles dropped.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let tag_end = rest[i..].find('>').map_or(rest.len(), |j| i + j + 1);
        let tag = rest[i..tag_end].to_ascii_lowercase();
        let name: String = tag
            .trim_start_matches(['<', '/'])
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if (name == "script" || name == "style") && !tag.starts_with("</") {
            let close = format!("</{name}");
            let after = rest[tag_end..]
                .to_ascii_lowercase()
                .find(&close)
                .map_or(rest.len(), |j| tag_end + j);
            rest = &rest[after..];
            continue;
        }
        if matches!(
            name.as_str(),
            "p" | "br" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "blockquote" | "tr"
        ) {
            out.push('\n');
        }
        rest = &rest[tag_end..];
    }
    out.push_str(rest);
    let decoded = decode_entities(&out);
    decoded
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail.find(';').filter(|&j| j <= 10);
        let decoded = end.and_then(|j| {
            let name = &tail[1..j];
            let ch = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" | "#39" => Some('\''),
                "nbsp" => Some(' '),
                "mdash" => Some('\u{2014}'),
                "ndash" => Some('\u{2013}'),
                "rsquo" => Some('\u{2019}'),
                "lsquo" => Some('\u{2018}'),
                "rdquo" => Some('\u{201d}'),
                "ldquo" => Some('\u{201c}'),
                _ if name.starts_with("#x") => u32::from_str_radix(&name[2..], 16)
                    .ok()
                    .and_then(char::from_u32),
                _ if name.starts_with('#') => name[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            }?;
            Some((ch, j + 1))
        });
        match decoded {
            Some((ch, len)) => {
                out.push(ch);
                rest = &tail[len..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

pub fn parse_feed(source: &str, stem: &str, bytes: &[u8]) -> (Vec<Article>, Vec<InputError>) {
    let bytes = match parallax_web::gunzip(bytes) {
        Ok(b) => b,
        Err(e) => return (vec![], vec![InputError::new(source, None, e.to_string())]),
    };
    let feed = match feed_rs::parser::parse(bytes.as_slice()) {
        Ok(f) => f,
        Err(e) => {
            return (
                vec![],
                vec![InputError::new(
                    source,
                    None,
                    format!("not an RSS or Atom feed: {e}"),
                )],
            )
        }
    };
    let outlet = feed
        .title
        .as_ref()
        .map(|t| t.content.trim().to_string())
        .filter(|t| !t.is_empty());
    let mut articles = Vec::new();
    let mut errors = Vec::new();
    for (i, entry) in feed.entries.iter().enumerate() {
        let title = entry
            .title
            .as_ref()
            .map(|t| html_to_text(&t.content))
            .filter(|t| !t.is_empty());
        let body = entry
            .content
            .as_ref()
            .and_then(|c| c.body.as_deref())
            .map(html_to_text)
            .filter(|t| !t.trim().is_empty())
            .or_else(|| {
                entry
                    .summary
                    .as_ref()
                    .map(|s| html_to_text(&s.content))
                    .filter(|t| !t.trim().is_empty())
            });
        let text = match (&title, body) {
            (_, Some(b)) => b,
            (Some(t), None) => t.clone(),
            (None, None) => {
                errors.push(InputError::new(
                    source,
                    None,
                    format!("item {}: no title, content or summary", i + 1),
                ));
                continue;
            }
        };
        let id = if entry.id.trim().is_empty() {
            format!("{stem}-{}", i + 1)
        } else {
            entry.id.trim().to_string()
        };
        let mut a = Article::new(id, crate::clean_text(&text));
        a.source = format!("{source}#item{}", i + 1);
        a.title = title;
        a.url = entry.links.first().map(|l| l.href.clone());
        a.outlet = outlet.clone();
        if let Some(d) = entry.published.or(entry.updated) {
            a.published = Some(d.to_rfc3339());
            a.published_date = Some(d.date_naive());
        }
        a.authors = entry
            .authors
            .iter()
            .map(|p| p.name.trim().to_string())
            .filter(|n| !n.is_empty())
            .collect();
        articles.push(a);
    }
    (articles, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_items_full_and_link_only() {
        let rss = br#"<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>
          <item><title>Quake hits Chile</title><link>https://e.com/q</link><guid>q1</guid>
            <pubDate>Thu, 06 Nov 2025 09:30:00 +0000</pubDate>
            <description>&lt;p&gt;A strong earthquake struck &amp;amp; shook northern Chile.&lt;/p&gt;</description></item>
          <item><title>Markets fall</title><link>https://e.com/m</link></item>
        </channel></rss>"#;
        let (a, e) = parse_feed("f.rss", "f", rss);
        assert!(e.is_empty(), "{e:?}");
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].id, "q1");
        assert_eq!(
            a[0].text,
            "A strong earthquake struck & shook northern Chile."
        );
        assert_eq!(a[0].outlet.as_deref(), Some("Example News"));
        assert_eq!(a[0].published_date.unwrap().to_string(), "2025-11-06");
        assert_eq!(
            a[1].text, "Markets fall",
            "link-only: the title is the text"
        );
        assert_eq!(a[1].url.as_deref(), Some("https://e.com/m"));
    }

    #[test]
    fn atom_and_garbage() {
        let atom = br#"<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><id>x</id><updated>2025-11-06T00:00:00Z</updated>
          <entry><title>One</title><id>e1</id><updated>2025-11-06T08:00:00Z</updated><content type="html">&lt;p&gt;First.&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;&lt;p&gt;Second.&lt;/p&gt;</content></entry></feed>"#;
        let (a, _) = parse_feed("a.atom", "a", atom);
        assert_eq!(a[0].text, "First.\n\nSecond.");
        let (a, e) = parse_feed("g.xml", "g", b"\x00\xffnot xml at all");
        assert!(a.is_empty());
        assert!(e[0].message.contains("not an RSS or Atom feed"));
    }
}
