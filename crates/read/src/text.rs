//! Text normalisation and tokenisation shared by every reading pass.

use std::borrow::Cow;
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

/// A token of a sentence: byte range in the sentence text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token<'_> {
    pub fn is_capitalized(&self) -> bool {
        self.kind == TokenKind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    pub fn is_all_caps(&self) -> bool {
        self.kind == TokenKind::Word
            && self.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !self.text.chars().any(char::is_lowercase)
    }

    /// The word without a possessive ending ("Tokayev's" → "Tokayev").
    pub fn stem_possessive(&self) -> &str {
        self.text
            .strip_suffix("'s")
            .or_else(|| {
                self.text
                    .strip_suffix("s'")
                    .map(|_| &self.text[..self.text.len() - 1])
            })
            .unwrap_or(self.text)
    }

    pub fn lower(&self) -> String {
        self.text.to_lowercase()
    }
}

/// Split a sentence into words, numbers and punctuation. Words keep inner apostrophes and
/// hyphens ("Kassym-Jomart", "isn't"); dotted abbreviations stay whole ("U.S."); numbers keep
/// thousands separators and decimals ("68,800", "3.5").
pub fn tokenize(s: &str) -> Vec<Token<'_>> {
    let bytes = s.as_bytes();
    let mut tokens = Vec::with_capacity(s.len() / 5);
    let mut start = 0;
    while start < s.len() {
        let ch = match s[start..].chars().next() {
            Some(c) => c,
            None => break,
        };
        if ch.is_whitespace() {
            start += ch.len_utf8();
            continue;
        }
        if ch.is_ascii_digit() {
            let mut end = start + 1;
            while end < s.len() {
                let b = bytes[end];
                let next_is_digit = bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
                if b.is_ascii_digit() || ((b == b',' || b == b'.') && next_is_digit) {
                    end += 1;
                } else {
                    break;
                }
            }
            // Ordinals and decades stay with their number ("8th", "1990s").
            let rest = &s[end..];
            for suffix in ["st", "nd", "rd", "th", "s"] {
                if rest.starts_with(suffix)
                    && !rest[suffix.len()..].starts_with(|c: char| c.is_alphanumeric())
                {
                    end += suffix.len();
                    break;
                }
            }
            tokens.push(Token {
                text: &s[start..end],
                start,
                end,
                kind: TokenKind::Number,
            });
            start = end;
        } else if ch.is_alphabetic() {
            let mut end = start + ch.len_utf8();
            loop {
                let rest = &s[end..];
                let mut it = rest.chars();
                match it.next() {
                    Some(c) if c.is_alphanumeric() => end += c.len_utf8(),
                    Some(c @ ('\'' | '-' | '.')) => {
                        let next = it.next();
                        let joins = match c {
                            // "U.S." / "a.m.": a dot between single letters.
                            '.' => {
                                next.is_some_and(|n| n.is_alphabetic())
                                    && s[start..end]
                                        .chars()
                                        .rev()
                                        .take_while(|c| c.is_alphabetic())
                                        .count()
                                        == 1
                                    && it.next().is_none_or(|n| n == '.' || !n.is_alphabetic())
                            }
                            _ => next.is_some_and(|n| n.is_alphanumeric()),
                        };
                        if joins {
                            end += 1;
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            // Keep the final dot of a dotted abbreviation ("U.S.").
            if s[end..].starts_with('.') && s[start..end].contains('.') {
                end += 1;
            }
            tokens.push(Token {
                text: &s[start..end],
                start,
                end,
                kind: TokenKind::Word,
            });
            start = end;
        } else {
            let end = start + ch.len_utf8();
            tokens.push(Token {
                text: &s[start..end],
                start,
                end,
                kind: TokenKind::Punct,
            });
            start = end;
        }
    }
    tokens
}

/// Lower-cased words (no punctuation) and stemmed content terms of a sentence, in one pass.
pub fn words_and_terms(s: &str) -> (Vec<String>, Vec<String>) {
    let mut words = Vec::new();
    let mut terms = Vec::new();
    for t in tokenize(s)
        .into_iter()
        .filter(|t| t.kind != TokenKind::Punct)
    {
        let lower = t.text.to_lowercase();
        let base = lower.strip_suffix("'s").unwrap_or(&lower);
        let term = stem(base);
        if !crate::lexicon::is_stopword(&term) {
            terms.push(term);
        }
        words.push(lower);
    }
    (words, terms)
}

/// Lower-cased content words with a light suffix stem, for similarity between sentences.
pub fn content_terms(s: &str) -> Vec<String> {
    tokenize(s)
        .into_iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .map(|t| stem(&t.stem_possessive().to_lowercase()))
        .filter(|w| !crate::lexicon::is_stopword(w))
        .collect()
}

/// A light English stemmer: enough to match "normalize/normalized/normalizing",
/// "relations/relation", "countries/country". Deterministic and cheap.
pub fn stem(word: &str) -> String {
    stem_cow(word).into_owned()
}

/// [`stem`] without allocating when the stem is a prefix of `word` (most words): for callers
/// that stem every word of a text and keep few new ones.
pub fn stem_cow(word: &str) -> Cow<'_, str> {
    let trimmed = word.trim_matches(|c: char| !c.is_alphanumeric());
    let w: Cow<'_, str> = if trimmed.contains('.') {
        trimmed.replace('.', "").into()
    } else {
        trimmed.into()
    };
    if w.len() <= 3 || w.bytes().any(|c| c.is_ascii_digit()) {
        return w;
    }
    // "normaliz" + e: drop a trailing 'e' so "normalize" and "normalized" meet.
    let drop_e = |b: &str| b.len() > 4 && b.ends_with('e');
    for (suffix, replacement) in [
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
        ("ly", ""),
    ] {
        let Some(base) = w.strip_suffix(suffix) else {
            continue;
        };
        if base.chars().count() < 3 || (suffix == "s" && base.ends_with('s')) {
            continue;
        }
        if !replacement.is_empty() {
            // "y" never ends in 'e'.
            return Cow::Owned(format!("{base}{replacement}"));
        }
        let keep = base.len() - usize::from(drop_e(base));
        return prefix(w, keep);
    }
    let keep = w.len() - usize::from(drop_e(&w));
    prefix(w, keep)
}

/// The first `len` bytes of `s`, borrowed when `s` is.
fn prefix(s: Cow<'_, str>, len: usize) -> Cow<'_, str> {
    match s {
        Cow::Borrowed(b) => Cow::Borrowed(&b[..len]),
        Cow::Owned(mut o) => {
            o.truncate(len);
            Cow::Owned(o)
        }
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

    #[test]
    fn tokens() {
        let t: Vec<_> = tokenize(
            "U.S. officials paid $17.5 billion to Kassym-Jomart Tokayev's 68,800 in the 1990s.",
        )
        .into_iter()
        .map(|t| t.text)
        .collect();
        assert_eq!(
            t,
            [
                "U.S.",
                "officials",
                "paid",
                "$",
                "17.5",
                "billion",
                "to",
                "Kassym-Jomart",
                "Tokayev's",
                "68,800",
                "in",
                "the",
                "1990s",
                "."
            ]
        );
        let t: Vec<_> = tokenize("Sunday. Then U.N. \"quoted\" end.")
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            t,
            ["Sunday", ".", "Then", "U.N.", "\"", "quoted", "\"", "end", "."]
        );
    }

    #[test]
    fn stems_meet() {
        assert_eq!(stem("normalized"), stem("normalize"));
        assert_eq!(stem("relations"), stem("relation"));
        assert_eq!(stem("countries"), stem("country"));
        assert_eq!(stem("joining"), stem("join"));
        assert_eq!(stem("1992"), "1992");
    }

    #[test]
    fn stems_borrow_what_they_can() {
        let cases = [
            ("countries", "country", false),
            ("normalized", "normaliz", true),
            ("normalize", "normaliz", true),
            ("relations", "relation", true),
            ("glass", "glass", true),
            ("ties", "tie", true),
            ("reported", "report", true),
            ("U.S.", "US", false),
            ("2020s", "2020s", true),
            ("'quote'", "quot", true),
        ];
        for (word, stemmed, borrowed) in cases {
            let got = stem_cow(word);
            assert_eq!(got, stemmed, "{word}");
            assert_eq!(matches!(got, Cow::Borrowed(_)), borrowed, "{word}");
            assert_eq!(stem(word), stemmed);
        }
    }
}
