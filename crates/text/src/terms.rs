//! The words and stemmed content terms of a text, as similarity measures compare them.

use crate::stem::stem;
use crate::stopwords::is_stopword;
use crate::tokens::{tokenize, TokenKind};

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
        if !is_stopword(&term) {
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
        .filter(|w| !is_stopword(w))
        .collect()
}
