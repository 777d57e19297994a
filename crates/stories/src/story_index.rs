//! The active stories: their centroids, the inverted index from features to stories, joining
//! and leaving, the search for the story most similar to a vector, the cohesion rule, and
//! eviction when a story leaves the window.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::config::{ClusterConfig, CENTROID_FEATURES, MAX_CANDIDATES};
use crate::vocabulary::TermId;

/// A story within the window, as the clusterer keeps it.
pub(crate) struct Active {
    pub(crate) id: u64,
    /// Sum of the member vectors (each of unit length), by feature.
    pub(crate) centroid: HashMap<TermId, f32>,
    pub(crate) norm2: f32,
    /// Its latest article's date; an undated article counts as of the newest date seen when
    /// it came, so the window also closes stories of undated articles in a dated stream.
    pub(crate) latest: Option<NaiveDate>,
    pub(crate) size: u32,
    /// The stream's article count when it last took an article.
    pub(crate) last_article: u64,
}

/// The active stories and what changed among them since the last save.
pub(crate) struct StoryIndex {
    pub(crate) active: HashMap<u64, Active>,
    /// The stories whose centroid holds each feature.
    postings: HashMap<TermId, BTreeSet<u64>>,
    pub(crate) next_id: u64,
    /// Stories that changed since the last
    /// [`Clusterer::take_changes`](crate::Clusterer::take_changes).
    pub(crate) dirty: BTreeSet<u64>,
    /// Stories that left memory since then.
    pub(crate) evicted: Vec<u64>,
}

/// The cosine between the sum of `g` unit vectors and a story centroid, the sum of `n` unit
/// vectors with squared norm `norm2`, when every pair agrees as the story's members do on
/// average ([`COHESION`](crate::COHESION)); 0 for a story of one, whose cohesion is unknown.
pub(crate) fn expected_cosine(norm2: f64, n: f64, g: f64) -> f64 {
    if n < 2.0 {
        return 0.0;
    }
    let m = ((norm2 - n) / (n * (n - 1.0))).clamp(0.0, 1.0);
    (g * n).sqrt() * m / ((1.0 + (g - 1.0) * m) * (1.0 + (n - 1.0) * m)).sqrt()
}

impl StoryIndex {
    pub(crate) fn new(next_id: u64) -> StoryIndex {
        StoryIndex {
            active: HashMap::default(),
            postings: HashMap::default(),
            next_id,
            dirty: BTreeSet::new(),
            evicted: Vec::new(),
        }
    }

    /// Put back a saved story.
    pub(crate) fn restore(&mut self, story: Active) {
        for t in story.centroid.keys() {
            self.postings.entry(*t).or_default().insert(story.id);
        }
        self.active.insert(story.id, story);
    }

    /// The features some story centroid holds.
    pub(crate) fn held_terms(&self) -> HashSet<TermId> {
        self.postings.keys().copied().collect()
    }

    /// A new, empty story; `article` is the stream's article count now.
    pub(crate) fn open(&mut self, article: u64) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        self.active.insert(
            id,
            Active {
                id,
                centroid: HashMap::default(),
                norm2: 0.0,
                latest: None,
                size: 0,
                last_article: article,
            },
        );
        id
    }

    /// Add one article's vector to a story. `aged`: the date it counts as of; `article`: the
    /// stream's article count now; `names`: feature texts, which break ties when pruning.
    pub(crate) fn join(
        &mut self,
        story: u64,
        vector: &[(TermId, f32)],
        aged: Option<NaiveDate>,
        article: u64,
        names: &[String],
    ) {
        let s = self
            .active
            .get_mut(&story)
            .expect("story just chosen is active");
        for (t, w) in vector {
            // Keep the squared norm up to date instead of summing the whole centroid again.
            match s.centroid.get_mut(t) {
                Some(e) => {
                    s.norm2 += (*e + w) * (*e + w) - *e * *e;
                    *e += w;
                }
                None => {
                    s.centroid.insert(*t, *w);
                    s.norm2 += w * w;
                    self.postings.entry(*t).or_default().insert(story);
                }
            }
        }
        // A story's centroid keeps its heaviest features: bounded memory and saved state, and the
        // long tail of one-off words says little about what the story is.
        if s.centroid.len() > 2 * CENTROID_FEATURES {
            let mut weights: Vec<(f32, TermId)> =
                s.centroid.iter().map(|(t, w)| (*w, *t)).collect();
            // Ties go by feature text, not number: the same choice after a restore.
            weights.sort_by(|a, b| {
                b.0.total_cmp(&a.0)
                    .then_with(|| names[a.1 as usize].cmp(&names[b.1 as usize]))
            });
            for (_, t) in weights.drain(CENTROID_FEATURES..) {
                s.centroid.remove(&t);
                if let Some(p) = self.postings.get_mut(&t) {
                    p.remove(&story);
                    if p.is_empty() {
                        self.postings.remove(&t);
                    }
                }
            }
            s.norm2 = s.centroid.values().map(|w| w * w).sum();
        }
        s.size += 1;
        s.latest = s.latest.max(aged);
        s.last_article = article;
        self.dirty.insert(story);
    }

    /// Take an article's vector (`added`, as it joined) out of story `from`: a story left empty
    /// goes, and a feature only this article brought leaves the story.
    pub(crate) fn leave(&mut self, from: u64, added: &[(TermId, f32)]) {
        let Some(s) = self.active.get_mut(&from) else {
            return;
        };
        s.size = s.size.saturating_sub(1);
        if s.size == 0 {
            self.drop_story(from);
            return;
        }
        for (t, w) in added {
            if let Some(e) = s.centroid.get_mut(t) {
                *e -= w;
                if *e <= 1e-6 {
                    s.centroid.remove(t);
                    if let Some(p) = self.postings.get_mut(t) {
                        p.remove(&from);
                        if p.is_empty() {
                            self.postings.remove(t);
                        }
                    }
                }
            }
        }
        s.norm2 = s.centroid.values().map(|w| w * w).sum();
        self.dirty.insert(from);
    }

    /// Cosine of a unit vector with story `id`'s centroid.
    pub(crate) fn cosine(&self, id: u64, vector: &[(TermId, f32)]) -> f64 {
        let s = &self.active[&id];
        let dot: f32 = vector
            .iter()
            .map(|(t, w)| w * s.centroid.get(t).copied().unwrap_or(0.0))
            .sum();
        (dot / s.norm2.sqrt().max(1e-9)) as f64
    }

    /// Whether `g` new articles whose summed vector has cosine `score` with story `id` may join
    /// it: the join threshold, and the share of the cosine they would have if they agreed with
    /// its members as the members agree among themselves ([`COHESION`](crate::COHESION)).
    pub(crate) fn accepts(&self, id: u64, score: f64, g: usize, config: &ClusterConfig) -> bool {
        let story = &self.active[&id];
        let expected = expected_cosine(story.norm2 as f64, story.size as f64, g as f64);
        score >= config.threshold && score >= config.cohesion * expected
    }

    /// The most similar active story within the window of `date`, other than those in
    /// `exclude`, with its cosine. `names`: feature texts, which break ties among features.
    pub(crate) fn best(
        &self,
        vector: &[(TermId, f32)],
        date: Option<NaiveDate>,
        exclude: &BTreeSet<u64>,
        config: &ClusterConfig,
        names: &[String],
    ) -> Option<(f64, u64)> {
        let mut best: Option<(f64, u64)> = None;
        for id in self.candidates(vector, exclude, config.probe, names) {
            let s = &self.active[&id];
            if let (Some(d), Some(l)) = (date, s.latest) {
                if (d - l).num_days().abs() > config.window_days {
                    continue;
                }
            }
            let score = self.cosine(id, vector);
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, id));
            }
        }
        best
    }

    /// The stories worth scoring for `vector`, best first: those sharing the most weight of its
    /// `probe` most specific (highest-weight) features; the rest cannot win.
    fn candidates(
        &self,
        vector: &[(TermId, f32)],
        exclude: &BTreeSet<u64>,
        probe: usize,
        names: &[String],
    ) -> Vec<u64> {
        let mut features: Vec<&(TermId, f32)> = vector.iter().collect();
        features.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| names[a.0 as usize].cmp(&names[b.0 as usize]))
        });
        let mut hits: HashMap<u64, f32> =
            HashMap::with_capacity_and_hasher(256, Default::default());
        for (t, w) in features.iter().take(probe) {
            if let Some(p) = self.postings.get(t) {
                for &id in p.iter().filter(|id| !exclude.contains(id)) {
                    *hits.entry(id).or_default() += w;
                }
            }
        }
        let mut candidates: Vec<(f32, u64)> = hits.into_iter().map(|(id, w)| (w, id)).collect();
        let order = |a: &(f32, u64), b: &(f32, u64)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
        // Common features touch many stories; only the best few need ordering.
        if candidates.len() > MAX_CANDIDATES {
            candidates.select_nth_unstable_by(MAX_CANDIDATES, order);
            candidates.truncate(MAX_CANDIDATES);
        }
        candidates.sort_by(order);
        candidates
            .into_iter()
            .take(MAX_CANDIDATES)
            .map(|(_, id)| id)
            .collect()
    }

    /// Drop stories that went quiet more than `window` days before `newest`: memory follows the
    /// active window.
    pub(crate) fn evict(&mut self, newest: NaiveDate, window: i64) {
        // Stories of undated articles that came before any date age from the first one.
        for s in self.active.values_mut().filter(|s| s.latest.is_none()) {
            s.latest = Some(newest);
            self.dirty.insert(s.id);
        }
        self.drop_stories_where(|s| s.latest.is_some_and(|l| (newest - l).num_days() > window));
    }

    /// In a stream without dates, drop stories that took none of the last `window` articles
    /// before article `now` ([`UNDATED_WINDOW`](crate::UNDATED_WINDOW)).
    pub(crate) fn evict_undated(&mut self, now: u64, window: u64) {
        if window > 0 {
            self.drop_stories_where(|s| now.saturating_sub(s.last_article) > window);
        }
    }

    /// Drop the active stories `stale` picks.
    fn drop_stories_where(&mut self, stale: impl Fn(&Active) -> bool) {
        let ids: Vec<u64> = self
            .active
            .values()
            .filter(|s| stale(s))
            .map(|s| s.id)
            .collect();
        for id in ids {
            self.drop_story(id);
        }
    }

    /// Remove a story from memory (and from the saved active stories).
    fn drop_story(&mut self, id: u64) {
        self.dirty.remove(&id);
        self.evicted.push(id);
        if let Some(s) = self.active.remove(&id) {
            for t in s.centroid.keys() {
                if let Some(p) = self.postings.get_mut(t) {
                    p.remove(&id);
                    if p.is_empty() {
                        self.postings.remove(t);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{ClusterConfig, COHESION};
    use crate::test_support::plain;
    use crate::Clusterer;

    #[test]
    fn a_tight_story_takes_only_reports_that_fit_it_as_its_own_reports_do() {
        let details = [
            "Two workers were treated for smoke.",
            "The roof of the dye shed fell in.",
            "Production will stop for a week.",
            "The owner thanked the crews.",
            "Police found no sign of arson.",
            "Neighbours were told to close windows.",
        ];
        let story_of = |cohesion: f64, report: &str| {
            // A context of one keeps the story's reports out of the graph, as in a long stream
            // where they are older than the latest thousand articles: the centroid decides.
            let mut c = Clusterer::new(ClusterConfig {
                context: 1,
                cohesion,
                ..ClusterConfig::default()
            });
            for d in details {
                let text = format!("Firefighters in Kandor put out a blaze at the Kandor textile mill on Tuesday, officials said. {d}");
                assert_eq!(c.add(&plain(&text), None).story, 1);
            }
            c.add(&plain(report), None).story
        };
        // Its reports agree closely, so the town, the day and the officials, which clear the
        // absolute threshold, do not make another event's report one of them.
        let flood = "Firefighters in Kandor said on Tuesday that a flood closed the harbour road, officials said.";
        assert_eq!(story_of(0.0, flood), 1);
        assert_ne!(story_of(COHESION, flood), 1);
        let follow_up = "Officials said two workers were hurt before firefighters put out the blaze at the Kandor textile mill on Tuesday.";
        assert_eq!(story_of(COHESION, follow_up), 1);
    }
}
