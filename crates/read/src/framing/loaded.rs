//! Loaded terms in the outlet's own words: the lexicon's evaluative and emotive terms, except
//! where a phrase the lexicon marks `neutral` contains them ("claimed responsibility", "was
//! admitted to hospital") or their context makes them routine (`routine`).

use crate::loaded_terms::{Lexicon, LoadedTerm};
use parallax_text::TokenKind;

use super::routine::is_routine;
use super::voice::Voice;

/// The category of lexicon phrases that make the loaded terms inside them neutral.
pub const NEUTRAL: &str = "neutral";

/// A term found at word tokens [from, to).
struct Match<'l> {
    from: usize,
    to: usize,
    term: &'l LoadedTerm,
}

/// Loaded terms of the sentence in the outlet's voice: (the words as written, category).
pub(super) fn loaded_terms(v: &Voice<'_>, lexicon: &Lexicon) -> Vec<(String, String)> {
    let words: Vec<usize> = (0..v.toks.len())
        .filter(|&i| v.toks[i].kind == TokenKind::Word)
        .collect();
    let lower: Vec<String> = words.iter().map(|&i| v.toks[i].lower()).collect();
    let mut found: Vec<Match<'_>> = Vec::new();
    for i in 0..lower.len() {
        for term in lexicon.candidates(&lower[i]) {
            let n = term.words.len();
            if i + n > lower.len() || !term_at(term, &lower[i..i + n]) {
                continue;
            }
            let (from, to) = (words[i], words[i + n - 1] + 1);
            // Words contiguous in the sentence, not across other tokens.
            let text = &v.text()[v.toks[from].start..v.toks[to - 1].end];
            if text.split_whitespace().count() == n && to - from == n {
                found.push(Match { from, to, term });
            }
        }
    }
    let neutral: Vec<(usize, usize)> = found
        .iter()
        .filter(|m| m.term.category == NEUTRAL)
        .map(|m| (m.from, m.to))
        .collect();
    found
        .iter()
        .filter(|m| m.term.category != NEUTRAL)
        .filter(|m| !neutral.iter().any(|&(a, b)| a < m.to && m.from < b))
        .filter(|m| v.is_outlets(m.from, m.to))
        .filter(|m| !is_routine(v, m.from, m.term))
        .map(|m| {
            let text = &v.text()[v.toks[m.from].start..v.toks[m.to - 1].end];
            (text.to_string(), m.term.category.clone())
        })
        .collect()
}

/// Whether the lower-cased words are the term (its last word as a prefix for "slaughter*").
fn term_at(term: &LoadedTerm, words: &[String]) -> bool {
    let n = term.words.len();
    term.words.iter().zip(words).enumerate().all(|(k, (t, w))| {
        if k + 1 == n && term.prefix {
            w.starts_with(t.as_str())
        } else {
            w == t
        }
    })
}
