//! Framing devices in an outlet's own voice: scare quotes around names, distancing words and
//! loaded terms. Words inside quotation marks are the speaker's, not the outlet's, and are skipped.

use std::ops::Range;

use parallax_model::{FramingKind, FramingMark, Mention, Sentence};

use crate::loaded_terms::Lexicon;
use parallax_text::{tokenize, TokenKind, WordList};

/// Distancing words: the writer keeps a name or claim at arm's length.
static DISTANCING: WordList = WordList::new(include_str!("../data/distancing.txt"));

/// Byte ranges of a sentence that are inside double quotation marks.
pub fn quoted_ranges(text: &str) -> Vec<Range<usize>> {
    let marks: Vec<usize> = text.match_indices('"').map(|(i, _)| i).collect();
    marks
        .chunks(2)
        .map(|pair| pair[0]..pair.get(1).copied().unwrap_or(text.len()))
        .collect()
}

pub fn find_framing(
    sentence: &Sentence,
    mentions: &[Mention],
    lexicon: &Lexicon,
) -> Vec<FramingMark> {
    let mut out = Vec::new();
    let mark = |kind, text: String, category: Option<String>| FramingMark {
        sentence: sentence.index,
        kind,
        text,
        category,
    };
    // Quotation marks around a country, a group or an institution question its name ('Israel');
    // around a person-like phrase they mostly mark a title or a nickname ("Happy Birthday",
    // "The Tiger"), which is not framing.
    for m in mentions.iter().filter(|m| {
        m.sentence == sentence.index
            && m.scare_quoted
            && m.kind != parallax_model::EntityKind::Person
    }) {
        let quoted = &sentence.text
            [m.span.start.saturating_sub(1)..(m.span.end + 1).min(sentence.text.len())];
        out.push(mark(FramingKind::ScareQuote, quoted.to_string(), None));
    }
    let quoted = quoted_ranges(&sentence.text);
    let toks: Vec<_> = tokenize(&sentence.text)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Word && !quoted.iter().any(|r| r.contains(&t.start)))
        .collect();
    let lower: Vec<String> = toks.iter().map(|t| t.text.to_lowercase()).collect();
    for (i, w) in lower.iter().enumerate() {
        if DISTANCING.contains(w) {
            // Show what is being distanced: the following name or word.
            let mut end = i + 1;
            while end < toks.len() && end < i + 5 && toks[end].is_capitalized() {
                end += 1;
            }
            let end = end.max((i + 2).min(toks.len()));
            let text = &sentence.text[toks[i].start..toks[end - 1].end];
            out.push(mark(FramingKind::Distancing, text.to_string(), None));
        }
    }
    for i in 0..lower.len() {
        for term in lexicon.candidates(&lower[i]) {
            let n = term.words.len();
            if i + n > lower.len() {
                continue;
            }
            let matches = term.words.iter().enumerate().all(|(k, w)| {
                let word = &lower[i + k];
                if k + 1 == n && term.prefix {
                    word.starts_with(w.as_str())
                } else {
                    word == w
                }
            });
            // Words contiguous in the sentence, not across other tokens.
            if matches {
                let text = &sentence.text[toks[i].start..toks[i + n - 1].end];
                if text.split_whitespace().count() == n {
                    out.push(mark(
                        FramingKind::Loaded,
                        text.to_string(),
                        Some(term.category.clone()),
                    ));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::find_mentions;

    fn framing(text: &str) -> Vec<(FramingKind, String)> {
        let s = crate::test_sentence(0, text);
        let m = find_mentions(std::slice::from_ref(&s));
        find_framing(&s, &m, &Lexicon::builtin())
            .into_iter()
            .map(|f| (f.kind, f.text))
            .collect()
    }

    #[test]
    fn scare_quotes_distancing_and_loaded_terms() {
        let f = framing(
            "Kazakhstan joined the so-called Abraham Accords with 'Israel' in a landmark move.",
        );
        assert!(
            f.contains(&(FramingKind::ScareQuote, "'Israel'".into())),
            "{f:?}"
        );
        assert!(
            f.contains(&(FramingKind::Distancing, "so-called Abraham Accords".into())),
            "{f:?}"
        );
        assert!(
            f.contains(&(FramingKind::Loaded, "landmark".into())),
            "{f:?}"
        );
    }

    #[test]
    fn quoted_words_are_the_speakers_not_the_outlets() {
        let f = framing("Washington praised it as a \"bold and visionary step\" toward stability.");
        assert!(f.is_empty(), "{f:?}");
        let f = framing("Troops were slaughtered, officials said.");
        assert_eq!(f, [(FramingKind::Loaded, "slaughtered".into())]);
    }
}
