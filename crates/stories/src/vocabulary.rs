//! The clusterer's vocabulary: features by number, their document frequencies counted as the
//! stream goes (streaming IDF), TF-IDF weighing, and the halving that lets old features go
//! ([`DF_HALF_LIFE`](crate::DF_HALF_LIFE)).

use parallax_text::sparse;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Background documents counted with the stream's: each feature is expected in as many of them
/// as its frequency in English says ([`parallax_text::frequency`]). From a handful of articles
/// IDF says nothing: the words all three reports of a story share look common and weigh least,
/// their cosines fall apart, and a story given alone split (149 of the 307 development NeuS
/// triples, clustered each on its own; 49 with the background). Once the stream has many more
/// documents than this, its own counts decide.
pub const BACKGROUND_DOCS: u64 = 1000;

/// A feature's expected share of documents (leads of about [`LEAD_WORDS`] words) from its
/// frequency in English; figures (`#…`) and words rarer than once per million are rare.
fn background_share(term: &str) -> f32 {
    if term.starts_with('#') {
        return 0.0;
    }
    parallax_text::frequency::document_share(term, LEAD_WORDS)
}

/// Words in a lead, for the background: a headline and lead run to about a hundred words.
const LEAD_WORDS: f32 = 100.0;

/// A feature by number: dot products and postings hash integers, not strings.
pub(crate) type TermId = u32;

/// Features and their document frequencies.
#[derive(Default)]
pub(crate) struct Vocabulary {
    /// The article count document frequencies are taken against (halves with them).
    pub(crate) docs: u64,
    /// Articles counted since document frequencies last halved.
    pub(crate) since_halving: u64,
    /// Halvings since the last [`Clusterer::take_changes`](crate::Clusterer::take_changes).
    pub(crate) halvings: u32,
    /// Every feature seen, numbered in order of arrival; `df` is indexed by the same number.
    ids: HashMap<String, TermId>,
    /// A forgotten feature's slot holds an empty name until `intern` reuses it (from `free`).
    pub(crate) names: Vec<String>,
    df: Vec<u32>,
    /// Each feature's expected share of documents from its frequency in English (0 for names and
    /// figures), the background IDF starts from.
    background: Vec<f32>,
    free: Vec<TermId>,
    /// Features whose count changed since the last [`Vocabulary::take_changed`], for
    /// incremental saving.
    changed: HashSet<TermId>,
}

impl Vocabulary {
    /// The vocabulary as saved: `df` by feature text.
    pub(crate) fn restore(docs: u64, since_halving: u64, df: Vec<(String, u32)>) -> Vocabulary {
        let mut v = Vocabulary {
            docs,
            since_halving,
            ..Vocabulary::default()
        };
        for (term, n) in df {
            let id = v.intern(&term);
            v.df[id as usize] = n;
        }
        v
    }

    /// The feature's number, if it has one.
    pub(crate) fn id(&self, term: &str) -> Option<TermId> {
        self.ids.get(term).copied()
    }

    /// The feature's number, given one if it is new.
    pub(crate) fn intern(&mut self, term: &str) -> TermId {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let share = background_share(term);
        let id = match self.free.pop() {
            Some(id) => {
                self.names[id as usize] = term.to_string();
                self.background[id as usize] = share;
                id
            }
            None => {
                self.names.push(term.to_string());
                self.df.push(0);
                self.background.push(share);
                (self.names.len() - 1) as TermId
            }
        };
        self.ids.insert(term.to_string(), id);
        id
    }

    /// Count one article's features (streaming IDF: it counts among the documents it is
    /// weighed against); returns them by number with their raw weights.
    pub(crate) fn count(&mut self, terms: &[(String, f32)]) -> Vec<(TermId, f32)> {
        self.docs += 1;
        self.since_halving += 1;
        terms
            .iter()
            .map(|(t, w)| {
                let id = self.intern(t);
                self.df[id as usize] += 1;
                self.changed.insert(id);
                (id, *w)
            })
            .collect()
    }

    /// Halve every document frequency and the article count
    /// ([`DF_HALF_LIFE`](crate::DF_HALF_LIFE)).
    /// A feature whose count reaches zero is forgotten, unless it is `held` (by a story centroid
    /// or a recent article): it keeps a count of one then, as its number must not go to another
    /// feature.
    pub(crate) fn halve(&mut self, held: &HashSet<TermId>) {
        self.docs /= 2;
        self.halvings += 1;
        for id in 0..self.df.len() {
            if self.names[id].is_empty() {
                continue;
            }
            self.df[id] /= 2;
            if self.df[id] > 0 {
                continue;
            }
            let term = id as TermId;
            if held.contains(&term) {
                self.df[id] = 1;
                self.changed.insert(term);
            } else {
                self.ids.remove(&self.names[id]);
                self.names[id] = String::new();
                self.changed.remove(&term);
                self.free.push(term);
            }
        }
    }

    /// Inverse document frequency, smoothed (+1), over the stream's documents and
    /// [`BACKGROUND_DOCS`] background documents.
    fn idf(&self, term: TermId) -> f32 {
        let df = self.df[term as usize] as f32;
        let prior = BACKGROUND_DOCS as f32;
        let expected = prior * self.background[term as usize];
        ((self.docs as f32 + prior + 1.0) / (df + expected + 1.0)).ln() + 1.0
    }

    /// TF-IDF vector of unit length, sorted by feature, from features and raw weights.
    pub(crate) fn weigh(&self, terms: &[(TermId, f32)]) -> Vec<(TermId, f32)> {
        let mut v: Vec<(TermId, f32)> = terms.iter().map(|&(t, w)| (t, w * self.idf(t))).collect();
        sparse::normalize(&mut v);
        v.sort_by_key(|(t, _)| *t);
        v
    }

    /// How many features it knows (those halving forgot are not counted).
    pub(crate) fn len(&self) -> usize {
        self.names.len() - self.free.len()
    }

    /// Every known feature's document frequency, sorted by feature: deterministic saved state.
    pub(crate) fn saved(&self) -> Vec<(String, u32)> {
        let mut df: Vec<(String, u32)> = self
            .names
            .iter()
            .zip(&self.df)
            .filter(|(name, _)| !name.is_empty())
            .map(|(name, &n)| (name.clone(), n))
            .collect();
        df.sort();
        df
    }

    /// The document frequencies that changed since the previous call, sorted by feature.
    pub(crate) fn take_changed(&mut self) -> Vec<(String, u32)> {
        let mut df: Vec<(String, u32)> = self
            .changed
            .drain()
            .map(|t| (self.names[t as usize].clone(), self.df[t as usize]))
            .collect();
        df.sort();
        df
    }
}

#[cfg(test)]
mod tests {
    use crate::config::ClusterConfig;
    use crate::test_support::daily_event;
    use crate::Clusterer;

    #[test]
    fn halved_frequencies_forget_features_no_story_holds() {
        let config = |df_half_life| ClusterConfig {
            df_half_life,
            ..ClusterConfig::default()
        };
        let mut forgetting = Clusterer::new(config(20));
        let mut keeping = Clusterer::new(config(0));
        for day in 0..200 {
            forgetting.add(&daily_event(day), None);
            keeping.add(&daily_event(day), None);
        }
        let vocabulary = |c: &Clusterer| c.state().df.len();
        // Each day brings a handful of new features (names and their pairs): without halving
        // they pile up; with it, only the recent days' and the recurring words stay.
        assert!(vocabulary(&keeping) > 1000, "{}", vocabulary(&keeping));
        assert!(vocabulary(&forgetting) < 120, "{}", vocabulary(&forgetting));
        let state = forgetting.state();
        assert!(state.df.iter().any(|(t, _)| t == "flood"));
        assert!(!state.df.iter().any(|(t, _)| t == "town3"));
        assert!(state.docs < 40, "{}", state.docs);
        // A forgotten feature's number goes to a new one, and the saved state stays exact.
        assert_eq!(Clusterer::restore(config(20), state.clone()).state(), state);
        // The most recent event's features are held while its story is active.
        assert!(state.df.iter().any(|(t, _)| t == "town199"));
    }
}
