//! Support: how much of a sentence the other articles of the story also say. Among the
//! wordings of one fact, the one whose words the other outlets use most is the one that states
//! what they share, with the least of one outlet's own colour.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap as HashMap;

use parallax_model::ReadArticle;

use crate::paraphrase::concept_terms;
use crate::units::Unit;

/// In how many articles (headline and body) each concept term occurs.
pub struct Support {
    articles: HashMap<String, usize>,
}

impl Support {
    pub fn new(articles: &[&ReadArticle]) -> Support {
        let mut counts: HashMap<String, usize> = HashMap::default();
        for a in articles {
            let mut terms: BTreeSet<String> = BTreeSet::new();
            let headline = a.headline.as_deref().map(parallax_text::words_and_terms);
            let words = headline
                .iter()
                .map(|h| &h.0)
                .chain(a.body_sentences().map(|s| &s.words));
            for w in words {
                terms.extend(concept_terms(w).into_iter().map(|(_, t)| t));
            }
            for t in terms {
                *counts.entry(t).or_default() += 1;
            }
        }
        Support { articles: counts }
    }

    /// The support of unit `u`: how many of its distinct terms another article also has,
    /// divided by the square root of how many it has (a long sentence is not better for its
    /// length alone).
    pub fn of(&self, articles: &[&ReadArticle], u: usize, units: &[Unit]) -> f64 {
        let s = &articles[units[u].article].sentences[units[u].sentence];
        let terms: BTreeSet<String> = concept_terms(&s.words)
            .into_iter()
            .map(|(_, t)| t)
            .filter(|t| t.chars().any(char::is_alphabetic))
            .collect();
        let shared = terms
            .iter()
            .filter(|t| self.articles.get(*t).copied().unwrap_or(0) >= 2)
            .count();
        shared as f64 / (terms.len().max(1) as f64).sqrt()
    }
}
