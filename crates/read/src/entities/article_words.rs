//! What the reader knows about an article's words before it reads names: the words the article
//! writes in lower case (a capitalised "Stunning" or "Actress" opening a sentence is then a word,
//! not part of a name), tokens split where a hyphen glued a word onto a name ("New York-based",
//! "Party-against"), and the party-and-state tags after a lawmaker's name ("D-N.Y.").

use rustc_hash::FxHashSet as HashSet;

use parallax_text::{is_stopword, Token, TokenKind, WordList};

/// Words glued onto a name by a hyphen that are not part of it ("York-based", "Obama-era").
static GLUED_WORDS: WordList = WordList::new(include_str!("../../data/glued-words.txt"));

/// The words the article writes in lower case somewhere, lower-cased.
pub(super) fn lower_case_words(tokenized: &[Vec<Token<'_>>]) -> HashSet<String> {
    tokenized
        .iter()
        .flatten()
        .filter(|t| t.kind == TokenKind::Word && t.text.starts_with(char::is_lowercase))
        .map(|t| t.text.to_string())
        .collect()
}

/// The tokens with glued words split off a name as punctuation: "York-based" → "York",
/// "-based". Korean given names keep their parts ("Kim Jong-un", "Moon Jae-in").
pub(super) fn split_glued(toks: Vec<Token<'_>>) -> Vec<Token<'_>> {
    let mut out = Vec::with_capacity(toks.len());
    for t in toks {
        let glued = t
            .text
            .rsplit_once('-')
            .filter(|(head, tail)| is_glued(head, tail));
        match glued {
            Some((_, tail))
                if t.kind == TokenKind::Word && t.text.starts_with(char::is_uppercase) =>
            {
                let cut = t.end - tail.len() - 1;
                out.push(Token {
                    text: &t.text[..cut - t.start],
                    start: t.start,
                    end: cut,
                    kind: TokenKind::Word,
                });
                out.push(Token {
                    text: &t.text[cut - t.start..],
                    start: cut,
                    end: t.end,
                    kind: TokenKind::Punct,
                });
            }
            _ => out.push(t),
        }
    }
    out
}

/// Syllables of Korean given names are this short ("Jae-in", "Jong-un"); a function word after
/// a longer name part was glued on ("Rubio-as").
const MAX_SYLLABLE: usize = 4;

/// A lower-case word that a hyphen glued onto a name part: a function word ("McCluster-who",
/// "Rubio-as"), a participle ("Clinton-backed", "Trump-bashing") or a word of the glued list.
fn is_glued(head: &str, tail: &str) -> bool {
    let part = head.rsplit('-').next().unwrap_or(head);
    tail.chars().all(|c| c.is_ascii_lowercase())
        && (is_stopword(tail) && (tail.len() >= 3 || part.chars().count() > MAX_SYLLABLE)
            || tail.len() > 4 && tail.ends_with("ed")
            || tail.len() > 5 && tail.ends_with("ing")
            || GLUED_WORDS.contains(tail))
}

/// A party-and-state tag after a lawmaker's name ("D-N.Y.", "R-Ky", "I-Vt").
pub(super) fn is_party_tag(t: &Token<'_>) -> bool {
    let Some((party, state)) = t.text.split_once('-') else {
        return false;
    };
    matches!(party, "D" | "R" | "I")
        && (2..=5).contains(&state.len())
        && state.starts_with(|c: char| c.is_ascii_uppercase())
        && state.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_text::tokenize;

    #[test]
    fn glued_words_split_off_names_but_korean_names_stay() {
        let texts = |s: &'static str| -> Vec<&'static str> {
            split_glued(tokenize(s))
                .into_iter()
                .map(|t| t.text)
                .collect()
        };
        assert_eq!(
            texts("New York-based Dexter McCluster-who"),
            ["New", "York", "-based", "Dexter", "McCluster", "-who"]
        );
        assert_eq!(
            texts("Kim Jong-un met Ban Ki-moon and Moon Jae-in, not Rubio-as"),
            [
                "Kim", "Jong-un", "met", "Ban", "Ki-moon", "and", "Moon", "Jae-in", ",", "not",
                "Rubio", "-as"
            ]
        );
        assert!(
            tokenize("(D-N.Y.) R-Ky")
                .iter()
                .filter(|t| is_party_tag(t))
                .count()
                == 2
        );
    }
}
