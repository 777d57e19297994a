//! Remove the parts of a page that can never hold article text before the HTML parser sees them.
//!
//! Scripts, style sheets, inline SVG and comments are about 60% of the bytes of a typical news
//! page (measured on the extraction dev pages), and the extractor throws them away after paying
//! to parse them. A byte scan that cuts them out first is much cheaper than tokenizing them.
//! JSON-LD scripts stay: they carry the publication date and authors.
//!
//! The scan is conservative: an element is cut only when its closing tag is found; otherwise the
//! rest of the page is left as it is for the real parser.

use std::borrow::Cow;

/// Elements whose content is never article text.
const INERT: [&str; 3] = ["script", "style", "svg"];

pub fn strip_inert(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut out = String::new();
    // `copied`: everything before this offset is already in `out` (or deliberately dropped).
    let mut copied = 0;
    let mut at = 0;
    // Once a closing search fails it fails for every later start too: remembering that keeps a
    // page of ten thousand unclosed `<script>`s linear.
    let mut unclosed = [false; INERT.len() + 1];
    while let Some(offset) = html[at..].find('<') {
        let open = at + offset;
        let rest = &bytes[open..];
        let cut_to = if rest.starts_with(b"<!--") {
            let end = (!unclosed[INERT.len()])
                .then(|| html[open + 4..].find("-->"))
                .flatten();
            unclosed[INERT.len()] |= end.is_none();
            end.map(|end| open + 4 + end + 3)
        } else {
            inert_element_end(html, open, &mut unclosed)
        };
        match cut_to {
            Some(end) => {
                out.push_str(&html[copied..open]);
                copied = end;
                at = end;
            }
            None => at = open + 1,
        }
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// Where the inert element opening at `open` ends (after its closing tag), if it is one to cut.
fn inert_element_end(html: &str, open: usize, unclosed: &mut [bool]) -> Option<usize> {
    let bytes = html.as_bytes();
    let (kind, name) = INERT.iter().enumerate().find(|(_, name)| {
        let end = open + 1 + name.len();
        bytes.len() > end
            && bytes[open + 1..end].eq_ignore_ascii_case(name.as_bytes())
            && matches!(
                bytes[end],
                b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'
            )
    })?;
    if unclosed[kind] {
        return None;
    }
    let tag_end = open + html[open..].find('>')?;
    if *name == "script" && html[open..tag_end].to_ascii_lowercase().contains("ld+json") {
        return None;
    }
    let Some(close) = find_closing(html, tag_end, name) else {
        unclosed[kind] = true;
        return None;
    };
    Some(close + html[close..].find('>')? + 1)
}

/// The offset of `</name` (any case) at or after `from`.
fn find_closing(html: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut at = from;
    while let Some(offset) = html[at..].find("</") {
        let start = at + offset;
        let end = start + 2 + name.len();
        if bytes.len() >= end && bytes[start + 2..end].eq_ignore_ascii_case(name.as_bytes()) {
            return Some(start);
        }
        at = start + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_scripts_styles_svg_and_comments() {
        let page = "<p>a</p><SCRIPT src=x>var s = '<p>no</p>';</Script ><style>p{}</style>\
                    <!-- <p>hidden</p> --><svg viewBox=0><title>icon</title></svg><p>b</p>";
        assert_eq!(strip_inert(page), "<p>a</p><p>b</p>");
    }

    #[test]
    fn keeps_json_ld_and_lookalikes() {
        let page =
            "<script type=\"application/ld+json\">{\"datePublished\":\"2025-11-06\"}</script>\
                    <styled-box>text</styled-box><p>x < y</p>";
        assert_eq!(strip_inert(page), page);
    }

    #[test]
    fn unclosed_elements_are_left_alone() {
        for page in [
            "<p>a</p><script>never closed",
            "<!-- open comment <p>a</p>",
            "<svg",
            "<",
        ] {
            assert_eq!(strip_inert(page), page);
        }
        let many = "<script>".repeat(100_000) + &"<!--".repeat(100_000);
        assert_eq!(strip_inert(&many), many);
    }
}
