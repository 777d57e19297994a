//! Text primitives every stage of Parallax shares, so that each rule is written once:
//! normalisation with a map back to the original ([`normalize`]), the tokenizer ([`tokens`]),
//! a light stemmer ([`stem`]), stop words, sentence splitting ([`sentences`]), the line rules
//! that tell page furniture and headlines from article text ([`lines`]), sparse vectors
//! ([`sparse`]), disjoint sets ([`disjoint`]) and how common a word is in English
//! ([`frequency`]). Word lists live in `data/` as text files
//! compiled in ([`wordlist`]).
//!
//! Architecture invariant: pure functions over strings and numbers; no I/O, no knowledge of
//! articles or stories, no dependency on another Parallax crate.

pub mod disjoint;
pub mod frequency;
pub mod lines;
pub mod normalize;
pub mod parallel;
pub mod sentences;
pub mod sparse;
pub mod stem;
pub mod stopwords;
pub mod terms;
pub mod tokens;
pub mod wordlist;

pub use disjoint::DisjointSets;
pub use lines::{headline_of, is_boilerplate, reads_as_headline};
pub use normalize::{normalize, Normalized};
pub use sentences::{ends_with_stop, is_bullet, split_sentences};
pub use stem::{stem, stem_cow};
pub use stopwords::is_stopword;
pub use terms::{content_terms, words_and_terms};
pub use tokens::{tokenize, Token, TokenKind};
pub use wordlist::WordList;
