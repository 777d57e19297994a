//! Paraphrases: outlets state one fact in different words ("a new pact", "a cooperation
//! agreement", "a memorandum of understanding"; "signed", "inked"). The project's lexicon
//! (`data/paraphrases.txt`) maps words and phrases of general news wording to concepts, so that
//! sentences are compared by what they say rather than by the words they happen to use.
//!
//! A sentence's terms are its content words, stemmed, with every lexicon word or phrase replaced
//! by its concept ("~agreement"); phrases are matched first, longest first ("passed away" is
//! dying, "passed" alone is approving).

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use parallax_text::frequency::stem_frequency;
use parallax_text::wordlist::entries;
use parallax_text::{is_stopword, stem};

static DATA: &str = include_str!("../data/paraphrases.txt");

/// Concept terms start with this, so that they never meet a stem.
pub const CONCEPT_PREFIX: char = '~';
/// Longest phrase in the lexicon, in words.
const MAX_PHRASE: usize = 4;

/// The paraphrase lexicon, compiled in.
pub struct Lexicon {
    /// Stemmed form (words joined by a space) → concept index.
    forms: HashMap<String, usize>,
    /// Concept terms ("~agreement"), by index.
    concepts: Vec<String>,
    /// How common each concept is in English: its most common form's frequency.
    frequency: HashMap<String, f32>,
}

/// The lexicon of `data/paraphrases.txt`.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::parse(DATA))
}

impl Lexicon {
    /// Lines `name: form, form, ...`; a line without a colon is skipped.
    fn parse(data: &'static str) -> Lexicon {
        let mut lexicon = Lexicon {
            forms: HashMap::default(),
            concepts: Vec::new(),
            frequency: HashMap::default(),
        };
        for line in entries(data) {
            let Some((name, forms)) = line.split_once(':') else {
                continue;
            };
            let index = lexicon.concepts.len();
            let concept = format!("{CONCEPT_PREFIX}{}", name.trim());
            lexicon.concepts.push(concept.clone());
            let mut frequency = 0f32;
            for form in forms.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                let stems: Vec<String> = form.split_whitespace().map(word_stem).collect();
                // A phrase is as common as its rarest word.
                let f = stems
                    .iter()
                    .map(|s| stem_frequency(s))
                    .fold(f32::INFINITY, f32::min);
                frequency = frequency.max(f);
                lexicon.forms.entry(stems.join(" ")).or_insert(index);
            }
            lexicon.frequency.insert(concept, frequency);
        }
        lexicon
    }

    /// The concept of a stemmed form, if the lexicon has it.
    pub fn concept_of(&self, stemmed: &str) -> Option<&str> {
        self.forms.get(stemmed).map(|&i| self.concepts[i].as_str())
    }

    /// How common a term is in English: a concept by its most common form, a stem by itself.
    pub fn frequency(&self, term: &str) -> f32 {
        if term.starts_with(CONCEPT_PREFIX) {
            self.frequency.get(term).copied().unwrap_or(0.0)
        } else {
            stem_frequency(term)
        }
    }
}

/// English frequencies below this count as this (names, numbers, rare words).
const RAREST: f32 = 1e-8;

/// How rare a term (stem or concept) is in English, as a weight from 1 (the commonest content
/// words, once in a thousand words or more) to √6 (rarer than once in 100 million: names,
/// numbers): the square root of its orders of magnitude below 1 in 100 (measured: the root
/// separates leads of one story from leads of others sharing a name a little better than the
/// orders themselves or no rarity at all).
pub fn rarity(term: &str) -> f64 {
    let f = lexicon().frequency(term).max(RAREST);
    (f64::from(-f.log10()) - 2.0).clamp(1.0, 6.0).sqrt()
}

/// A word's stem as sentence terms are stemmed (a possessive "'s" dropped first).
pub fn word_stem(word: &str) -> String {
    let lower = word.to_lowercase();
    stem(lower.strip_suffix("'s").unwrap_or(&lower))
}

/// The concept terms of a sentence's words (lower-cased, in order): for each term, the index of
/// its first word and the term. Stop words that no phrase takes are left out, as words or as
/// stems ("this" stems to "thi").
pub fn concept_terms(words: &[String]) -> Vec<(usize, String)> {
    let lexicon = lexicon();
    let stems: Vec<String> = words.iter().map(|w| word_stem(w)).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < stems.len() {
        let matched = (2..=MAX_PHRASE.min(stems.len() - i)).rev().find_map(|n| {
            lexicon
                .concept_of(&stems[i..i + n].join(" "))
                .map(|c| (n, c))
        });
        if let Some((n, concept)) = matched {
            out.push((i, concept.to_string()));
            i += n;
            continue;
        }
        let s = &stems[i];
        if let Some(concept) = lexicon.concept_of(s) {
            out.push((i, concept.to_string()));
        } else if !is_stopword(s) && !is_stopword(&words[i].to_lowercase()) {
            out.push((i, s.clone()));
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(s: &str) -> Vec<String> {
        let words: Vec<String> = parallax_text::words_and_terms(s).0;
        concept_terms(&words).into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn paraphrases_meet_in_one_concept() {
        let pact = terms("a new US pact on critical minerals");
        let agreement = terms("signed a cooperation agreement over critical minerals");
        let memorandum = terms("inked a memorandum of understanding on critical minerals");
        for t in [&pact, &agreement, &memorandum] {
            assert!(t.contains(&"~agreement".to_string()), "{t:?}");
            assert!(t.contains(&"mineral".to_string()), "{t:?}");
        }
        assert!(agreement.contains(&"~sign".to_string()));
        assert!(memorandum.contains(&"~sign".to_string()));
        assert_eq!(terms("threw out the order"), terms("struck down the order"));
    }

    #[test]
    fn phrases_before_words() {
        assert_eq!(terms("She passed away on Thursday"), ["~die"]);
        assert_eq!(
            terms("The Senate passed the bill"),
            ["senat", "~approve", "~legislation"]
        );
        assert_eq!(terms("He pleaded not guilty"), ["~plead_not_guilty"]);
        assert_eq!(terms("He pleaded guilty"), ["~plead", "guilty"]);
    }

    #[test]
    fn concepts_are_as_common_as_their_most_common_form() {
        let l = lexicon();
        assert!(l.frequency("~agreement") >= stem_frequency("deal"));
        assert!(l.frequency("~agreement") > l.frequency("memorandum"));
        assert_eq!(l.frequency("quidorsa"), 0.0);
    }
}
