//! Sentence splitting: abbreviations, initials, decimals, quotations and list markers.

use std::ops::Range;

use crate::wordlist::WordList;

/// Words after which a full stop does not end a sentence.
static ABBREVIATIONS: WordList = WordList::new(include_str!("../data/abbreviations.txt"));
/// Abbreviations that often end a sentence too; after them we split before a typical opener.
static SENTENCE_FINAL_ABBREVIATIONS: WordList =
    WordList::new(include_str!("../data/sentence-final-abbreviations.txt"));
/// Words that typically open a sentence; used to split after "U.S." and "Inc.".
static OPENERS: WordList = WordList::new(include_str!("../data/sentence-openers.txt"));

/// The byte length of a list marker at the start of a line ("- ", "• ", "1. "), if any.
pub fn is_bullet(line: &str) -> Option<usize> {
    for marker in [
        "- ",
        "* ",
        "\u{2022} ",
        "\u{00B7} ",
        "\u{25AA} ",
        "\u{25E6} ",
        "\u{2023} ",
        "\u{25CF} ",
    ] {
        if let Some(rest) = line.strip_prefix(marker) {
            return Some(line.len() - rest.trim_start().len());
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &line[digits..];
        if rest.starts_with(". ") || rest.starts_with(") ") {
            let body = rest[2..].trim_start();
            return Some(line.len() - body.len());
        }
    }
    None
}

/// Split one line into sentence byte ranges (relative to the line).
pub fn split_sentences(line: &str) -> Vec<Range<usize>> {
    let start = is_bullet(line).unwrap_or(0);
    let bytes = line.as_bytes();
    let balanced_quotes = line.bytes().filter(|&b| b == b'"').count() % 2 == 0;
    let mut in_quote = false;
    let mut out = Vec::new();
    let mut sentence_start = start;
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'"' && balanced_quotes {
            in_quote = !in_quote;
        }
        if matches!(b, b'.' | b'!' | b'?') {
            // Run of terminal punctuation, then closing quotes or brackets.
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b'.' | b'!' | b'?') {
                j += 1;
            }
            let mut closes_quote = false;
            while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')' | b']') {
                if bytes[j] == b'"' && balanced_quotes {
                    closes_quote = in_quote;
                    in_quote = !in_quote;
                }
                j += 1;
            }
            let next_start = j + line[j..].len() - line[j..].trim_start().len();
            let has_space = next_start > j;
            let still_quoted = in_quote && !closes_quote;
            if has_space
                && !still_quoted
                && next_start < bytes.len()
                && starts_sentence(&line[next_start..])
                && (b != b'.' || !is_abbreviation(&line[sentence_start..i], &line[next_start..]))
            {
                out.push(sentence_start..j);
                sentence_start = next_start;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if sentence_start < line.len() && !line[sentence_start..].trim().is_empty() {
        out.push(sentence_start..line.len());
    }
    out
}

/// Whether a sentence closes with terminal punctuation (`.`, `!`, `?`, `…`), before any closing
/// quotes or parentheses: a line without one is a headline, a kicker or a broken sentence.
pub fn ends_with_stop(sentence: &str) -> bool {
    sentence
        .trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '"' | '\'' | ')' | '\u{201D}' | '\u{2019}')
        })
        .ends_with(['.', '!', '?', '\u{2026}'])
}

fn starts_sentence(rest: &str) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() || c.is_ascii_digit() => true,
        Some('"' | '\'' | '(' | '[') => chars
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()),
        _ => false,
    }
}

/// Does the text before a full stop end in an abbreviation (given what follows)?
fn is_abbreviation(before: &str, after: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    let next_word = after
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_start_matches(['"', '(']);
    let opener = OPENERS.contains(next_word);
    if SENTENCE_FINAL_ABBREVIATIONS.contains(word) {
        return !opener;
    }
    if ABBREVIATIONS.contains(word) {
        return true;
    }
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    // An initial ("John F. Kennedy").
    if letters.len() == 1 && word.len() == 1 && letters[0].is_uppercase() {
        return true;
    }
    // A dotted abbreviation ("U.S.", "a.m."): ends a sentence only before a typical opener.
    if word.contains('.')
        && letters.len() <= 4
        && word.chars().all(|c| c.is_alphabetic() || c == '.')
    {
        return !opener;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(line: &str) -> Vec<&str> {
        split_sentences(line)
            .into_iter()
            .map(|r| &line[r])
            .collect()
    }

    #[test]
    fn splits_on_terminal_punctuation() {
        assert_eq!(
            sentences("One thing. Two things! Three?"),
            ["One thing.", "Two things!", "Three?"]
        );
    }

    #[test]
    fn keeps_abbreviations_initials_and_decimals() {
        assert_eq!(
            sentences("Dr. Smith met U.S. officials on Jan. 5 and paid $3.5 million. John F. Kennedy agreed."),
            ["Dr. Smith met U.S. officials on Jan. 5 and paid $3.5 million.", "John F. Kennedy agreed."]
        );
        assert_eq!(
            sentences("He went back to the U.S. The trip was long."),
            ["He went back to the U.S.", "The trip was long."]
        );
    }

    #[test]
    fn quotations_stay_whole() {
        assert_eq!(
            sentences("\"It is big. We are going tonight,\" Witkoff said. Then he left."),
            [
                "\"It is big. We are going tonight,\" Witkoff said.",
                "Then he left."
            ]
        );
        assert_eq!(
            sentences("The government said \"it is natural.\" Others disagreed."),
            [
                "The government said \"it is natural.\"",
                "Others disagreed."
            ]
        );
    }

    #[test]
    fn bullets_lose_their_marker() {
        assert_eq!(
            sentences("- Kazakhstan joins. It is new."),
            ["Kazakhstan joins.", "It is new."]
        );
        assert_eq!(sentences("\u{2022} Enhanced trade"), ["Enhanced trade"]);
        assert_eq!(sentences("2. Second item."), ["Second item."]);
    }

    #[test]
    fn a_stop_before_closing_quotes_ends_a_sentence() {
        for s in [
            "He left. \"",
            "It ended.",
            "\"It ended.\"  ",
            "(It ended!)",
            "It ended\u{2026}\u{201D}",
        ] {
            assert!(ends_with_stop(s), "{s}");
        }
        for s in [
            "Navy foils pirate attack off Gulf of Aden",
            "It ended,\"",
            "",
        ] {
            assert!(!ends_with_stop(s), "{s}");
        }
    }
}
