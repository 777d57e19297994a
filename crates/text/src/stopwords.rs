//! Stop words: function words and very common news words that say nothing about the topic.

use crate::wordlist::WordList;

static STOPWORDS: WordList = WordList::new(include_str!("../data/stopwords.txt"));

/// Whether a lower-cased word (or stem) is a stop word.
pub fn is_stopword(word: &str) -> bool {
    STOPWORDS.contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_and_reporting_words_are_stop_words() {
        for w in ["the", "said", "according", "monday", "s"] {
            assert!(is_stopword(w), "{w}");
        }
        for w in ["kazakhstan", "accord", "The"] {
            assert!(!is_stopword(w), "{w}");
        }
    }
}
