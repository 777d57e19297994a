//! The tokenizer every pass shares: words, numbers and punctuation with byte ranges.

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
/// thousands separators and decimals ("68,800", "3.5"). (One pass over the characters, each token
/// shape a branch of it; split, the shapes would each re-scan the same characters.)
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
