//! The only ways article text enters HTML: [`escape_html`] for element content and attribute
//! values, [`put_html!`](crate::put_html) which escapes every argument, [`path_segment`] for a
//! piece of a URL path, and [`web_address`] which lets only `http(s)` addresses become links.

/// Escape text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// `write!` for HTML: the format string is the markup, and every argument goes through
/// [`escape_html`]. The format string passes through `concat!` so that it cannot name a variable
/// (`{text}`), which would slip past the escaping: the compiler refuses such a capture.
#[macro_export]
macro_rules! put_html {
    ($out:expr, $markup:literal $(, $text:expr)* $(,)?) => {
        {
            use ::std::fmt::Write as _;
            $out.write_fmt(format_args!(
                concat!($markup) $(, $crate::escape_html(&($text).to_string()))*
            ))
        }
    };
}

/// Percent-encode a string as one URL path segment (or query value): everything but the
/// unreserved characters, so an id with `/`, `?`, `#`, quotes or spaces stays one segment.
pub fn path_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The address an article gives for itself, when it may be a link: only `http://` and
/// `https://` (a `javascript:` or `data:` address stays text).
pub fn web_address(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    let ok = (lower.starts_with("http://") || lower.starts_with("https://"))
        && !url.chars().any(|c| c.is_control() || c.is_whitespace());
    ok.then_some(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape_html("<img src=x onerror=\"a('b')\">&"),
            "&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;"
        );
    }

    #[test]
    fn put_escapes_every_argument() {
        let mut out = String::new();
        crate::put_html!(out, "<a title=\"{}\">{}</a>", "\"><script>", "<b>").unwrap();
        assert_eq!(out, "<a title=\"&quot;&gt;&lt;script&gt;\">&lt;b&gt;</a>");
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(
            web_address("https://example.org/a?b"),
            Some("https://example.org/a?b")
        );
        assert_eq!(
            web_address("HTTP://EXAMPLE.ORG"),
            Some("HTTP://EXAMPLE.ORG")
        );
        assert_eq!(web_address("javascript:alert(1)"), None);
        assert_eq!(web_address(" JavaScript:alert(1)"), None);
        assert_eq!(web_address("data:text/html,<script>"), None);
        assert_eq!(web_address("https://a b"), None);
    }

    #[test]
    fn path_segments_stay_one_segment() {
        assert_eq!(path_segment("a/b?c#d \"e\""), "a%2Fb%3Fc%23d%20%22e%22");
        assert_eq!(path_segment("004_5ed9-x.y~"), "004_5ed9-x.y~");
        assert_eq!(path_segment("é"), "%C3%A9");
    }
}
