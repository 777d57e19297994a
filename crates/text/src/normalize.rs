//! Normalisation with a map back to the original: curly quotes, dashes and odd spaces become
//! ASCII, so every later pass sees one spelling, and a citation still lands on the original bytes.

use std::ops::Range;

/// Normalised text plus, for every byte of it, the byte offset in the original it came from.
#[derive(Debug, Clone)]
pub struct Normalized {
    pub text: String,
    to_original: Vec<u32>,
    original_len: usize,
}

impl Normalized {
    /// Map a byte range of the normalised text back to the original text.
    pub fn original_range(&self, range: Range<usize>) -> Range<usize> {
        let start = self
            .to_original
            .get(range.start)
            .map_or(self.original_len, |&o| o as usize);
        let end = if range.end >= self.to_original.len() {
            self.original_len
        } else {
            self.to_original[range.end] as usize
        };
        start..end.max(start)
    }
}

/// Straight quotes, ASCII dashes, plain spaces; zero-width characters dropped. Each change maps a
/// character to at most a few ASCII bytes, so citations can be mapped back to the original.
pub fn normalize(original: &str) -> Normalized {
    let mut text = String::with_capacity(original.len());
    let mut to_original = Vec::with_capacity(original.len());
    for (offset, ch) in original.char_indices() {
        let replacement: Option<&str> = match ch {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => {
                Some("'")
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
            | '\u{00BB}' => Some("\""),
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
            | '\u{2212}' => Some("-"),
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t' => {
                Some(" ")
            }
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => Some(""),
            '\u{2026}' => Some("..."),
            _ => None,
        };
        match replacement {
            Some(r) => {
                text.push_str(r);
                to_original.extend(std::iter::repeat_n(offset as u32, r.len()));
            }
            None => {
                text.push(ch);
                to_original.extend(std::iter::repeat_n(offset as u32, ch.len_utf8()));
            }
        }
    }
    Normalized {
        text,
        to_original,
        original_len: original.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_and_maps_back() {
        let original =
            "the \u{2018}Israeli\u{2019} PM \u{2014} said\u{00A0}\u{201C}hi\u{2026}\u{201D}";
        let n = normalize(original);
        assert_eq!(n.text, "the 'Israeli' PM - said \"hi...\"");
        let at = n.text.find("Israeli").unwrap();
        let r = n.original_range(at..at + 7);
        assert_eq!(&original[r], "Israeli");
        let whole = n.original_range(0..n.text.len());
        assert_eq!(&original[whole], original);
        let q = n.text.find('\'').unwrap();
        assert_eq!(&original[n.original_range(q..q + 1)], "\u{2018}");
    }
}
