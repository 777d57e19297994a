//! Stories: group articles about the same real-world event, incrementally.
//!
//! A [`Clusterer`] takes articles one at a time. Each article becomes a TF-IDF vector over light
//! features of its headline and lead ([`features`]): stemmed content words, proper names and
//! years. Document frequencies are kept as the stream goes (streaming IDF), so the state after
//! N articles is the same whether they came in one batch or many. An article joins the active
//! story whose centroid is most similar — candidates found through an inverted index over the
//! article's most specific features — when the cosine clears the threshold; otherwise it opens a
//! new story. Stories whose latest article is older than the window go inactive and leave memory.
//!
//! Architecture invariant: pure, in-memory state; persistence belongs to `parallax-store`, which
//! saves and restores [`ClustererState`].

pub mod eval;
pub mod features;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use parallax_model::ReadArticle;
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

pub use features::{features, simhash, Features, StoryInput};

/// The few parameters of story clustering, with the reasons for their defaults.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ClusterConfig {
    /// Cosine between an article and a story centroid needed to join the story.
    pub threshold: f64,
    /// A story accepts articles published within this many days of its latest article; older
    /// stories leave memory.
    pub window_days: i64,
    /// How many of an article's most specific features are used to find candidate stories.
    pub probe: usize,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            threshold: STORY_THRESHOLD,
            window_days: WINDOW_DAYS,
            probe: 16,
        }
    }
}

/// Default join threshold: measured on ECB+ topics 1–35 (see README "Quality").
pub const STORY_THRESHOLD: f64 = 0.3;
/// Features a story centroid keeps (pruned to this when it grows to twice as many).
pub const CENTROID_FEATURES: usize = 400;
/// Stories scored per article: those sharing the most weight of its specific features.
const MAX_CANDIDATES: usize = 12;
/// News about one event rarely continues after a week of silence.
pub const WINDOW_DAYS: i64 = 7;

/// One story as the clusterer sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryState {
    pub id: u64,
    /// Sum of the member vectors (each of unit length), by feature.
    pub centroid: Vec<(String, f32)>,
    pub latest: Option<NaiveDate>,
    pub size: u32,
}

/// Everything needed to continue clustering later (saved by the store).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClustererState {
    pub docs: u64,
    pub df: Vec<(String, u32)>,
    pub next_id: u64,
    pub active: Vec<StoryState>,
}

/// A feature by number: dot products and postings hash integers, not strings.
type TermId = u32;

struct Active {
    id: u64,
    centroid: HashMap<TermId, f32>,
    norm2: f32,
    latest: Option<NaiveDate>,
    size: u32,
}

impl Active {
    /// The story as it is saved: centroid sorted by feature, so saved state is deterministic.
    fn saved(&self, names: &[String]) -> StoryState {
        let mut centroid: Vec<(String, f32)> = self
            .centroid
            .iter()
            .map(|(k, v)| (names[*k as usize].clone(), *v))
            .collect();
        centroid.sort_by(|x, y| x.0.cmp(&y.0));
        StoryState {
            id: self.id,
            centroid,
            latest: self.latest,
            size: self.size,
        }
    }
}

/// Streaming story clustering.
pub struct Clusterer {
    config: ClusterConfig,
    docs: u64,
    /// Every feature seen, numbered in order of arrival; `df` is indexed by the same number.
    vocabulary: HashMap<String, TermId>,
    names: Vec<String>,
    df: Vec<u32>,
    next_id: u64,
    active: HashMap<u64, Active>,
    postings: HashMap<TermId, BTreeSet<u64>>,
    /// The newest publication date seen: the window is measured back from it.
    newest: Option<NaiveDate>,
    /// What changed since the last [`Clusterer::take_changes`], for incremental saving.
    dirty_terms: rustc_hash::FxHashSet<TermId>,
    dirty_stories: BTreeSet<u64>,
    evicted: Vec<u64>,
}

/// What changed since the last save: terms whose document frequency moved, stories that changed
/// or left the window.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Changes {
    pub docs: u64,
    pub next_id: u64,
    pub df: Vec<(String, u32)>,
    pub stories: Vec<StoryState>,
    pub evicted: Vec<u64>,
}

/// Where an article went.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assignment {
    pub story: u64,
    pub new_story: bool,
    pub score: f64,
}

impl Clusterer {
    pub fn new(config: ClusterConfig) -> Clusterer {
        Clusterer::restore(
            config,
            ClustererState {
                next_id: 1,
                ..Default::default()
            },
        )
    }

    pub fn restore(config: ClusterConfig, state: ClustererState) -> Clusterer {
        let mut c = Clusterer {
            config,
            docs: state.docs,
            vocabulary: HashMap::default(),
            names: Vec::new(),
            df: Vec::new(),
            next_id: state.next_id.max(1),
            active: HashMap::default(),
            postings: HashMap::default(),
            newest: None,
            dirty_terms: Default::default(),
            dirty_stories: BTreeSet::new(),
            evicted: Vec::new(),
        };
        for (term, n) in state.df {
            let id = c.intern(&term);
            c.df[id as usize] = n;
        }
        for s in state.active {
            c.newest = c.newest.max(s.latest);
            let centroid: HashMap<TermId, f32> =
                s.centroid.iter().map(|(t, w)| (c.intern(t), *w)).collect();
            for t in centroid.keys() {
                c.postings.entry(*t).or_default().insert(s.id);
            }
            let norm2 = centroid.values().map(|w| w * w).sum();
            c.active.insert(
                s.id,
                Active {
                    id: s.id,
                    centroid,
                    norm2,
                    latest: s.latest,
                    size: s.size,
                },
            );
        }
        c
    }

    /// The state to save; restoring it continues exactly where this clusterer is.
    pub fn state(&self) -> ClustererState {
        let mut df: Vec<(String, u32)> = self
            .names
            .iter()
            .cloned()
            .zip(self.df.iter().copied())
            .collect();
        df.sort();
        let mut active: Vec<StoryState> =
            self.active.values().map(|s| s.saved(&self.names)).collect();
        active.sort_by_key(|s| s.id);
        ClustererState {
            docs: self.docs,
            df,
            next_id: self.next_id,
            active,
        }
    }

    /// Changes since the previous call (or since creation/restoring).
    pub fn take_changes(&mut self) -> Changes {
        let mut df: Vec<(String, u32)> = self
            .dirty_terms
            .drain()
            .map(|t| (self.names[t as usize].clone(), self.df[t as usize]))
            .collect();
        df.sort();
        let stories = std::mem::take(&mut self.dirty_stories)
            .into_iter()
            .filter_map(|id| self.active.get(&id))
            .map(|s| s.saved(&self.names))
            .collect();
        Changes {
            docs: self.docs,
            next_id: self.next_id,
            df,
            stories,
            evicted: std::mem::take(&mut self.evicted),
        }
    }

    pub fn active_stories(&self) -> usize {
        self.active.len()
    }

    fn intern(&mut self, term: &str) -> TermId {
        if let Some(&id) = self.vocabulary.get(term) {
            return id;
        }
        let id = self.names.len() as TermId;
        self.vocabulary.insert(term.to_string(), id);
        self.names.push(term.to_string());
        self.df.push(0);
        id
    }

    fn idf(&self, term: TermId) -> f32 {
        let df = self.df[term as usize] as f32;
        ((self.docs as f32 + 1.0) / (df + 1.0)).ln() + 1.0
    }

    /// Assign one article to a story (or `force` it into a given one, for syndicated copies).
    pub fn add(&mut self, f: &Features, force: Option<u64>) -> Assignment {
        // Streaming IDF: this article counts among the documents it is weighed against.
        self.docs += 1;
        let ids: Vec<TermId> = f.terms.iter().map(|(t, _)| self.intern(t)).collect();
        for &t in &ids {
            self.df[t as usize] += 1;
            self.dirty_terms.insert(t);
        }
        let mut vector: Vec<(TermId, f32)> = ids
            .iter()
            .zip(&f.terms)
            .map(|(&t, (_, w))| (t, w * self.idf(t)))
            .collect();
        let norm = vector
            .iter()
            .map(|(_, w)| w * w)
            .sum::<f32>()
            .sqrt()
            .max(1e-9);
        vector.iter_mut().for_each(|(_, w)| *w /= norm);
        // The window only moves when a newer day arrives; evict then, not on every article.
        if f.date > self.newest {
            self.newest = f.date;
            self.evict();
        }

        let chosen = match force.filter(|id| self.active.contains_key(id)) {
            Some(id) => Some((1.0, id)),
            None => self.best_story(&vector, f.date),
        };
        let (score, story, new_story) = match chosen {
            Some((score, id)) if score >= self.config.threshold => (score, id, false),
            _ => {
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
                    },
                );
                (0.0, id, true)
            }
        };
        let s = self
            .active
            .get_mut(&story)
            .expect("story just chosen is active");
        for (t, w) in &vector {
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
            let names = &self.names;
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
        s.latest = s.latest.max(f.date);
        self.dirty_stories.insert(story);
        Assignment {
            story,
            new_story,
            score,
        }
    }

    fn best_story(&self, vector: &[(TermId, f32)], date: Option<NaiveDate>) -> Option<(f64, u64)> {
        // The most specific features (highest weight) find the candidate stories.
        let mut probe: Vec<&(TermId, f32)> = vector.iter().collect();
        let names = &self.names;
        probe.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| names[a.0 as usize].cmp(&names[b.0 as usize]))
        });
        // Stories sharing the most of those features are scored; the rest cannot win.
        let mut hits: HashMap<u64, f32> =
            HashMap::with_capacity_and_hasher(256, Default::default());
        for (t, w) in probe.iter().take(self.config.probe) {
            if let Some(p) = self.postings.get(t) {
                for &id in p {
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
        let mut best: Option<(f64, u64)> = None;
        for id in candidates
            .into_iter()
            .take(MAX_CANDIDATES)
            .map(|(_, id)| id)
        {
            let s = &self.active[&id];
            if let (Some(d), Some(l)) = (date, s.latest) {
                if (d - l).num_days().abs() > self.config.window_days {
                    continue;
                }
            }
            let dot: f32 = vector
                .iter()
                .map(|(t, w)| w * s.centroid.get(t).copied().unwrap_or(0.0))
                .sum();
            let score = (dot / s.norm2.sqrt().max(1e-9)) as f64;
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, id));
            }
        }
        best
    }

    /// Drop stories that went quiet before the window: memory follows the active window.
    fn evict(&mut self) {
        let Some(newest) = self.newest else { return };
        let window = self.config.window_days;
        let stale: Vec<u64> = self
            .active
            .values()
            .filter(|s| s.latest.is_some_and(|l| (newest - l).num_days() > window))
            .map(|s| s.id)
            .collect();
        for id in stale {
            self.dirty_stories.remove(&id);
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
}

/// Group read articles into stories (for `analyze`); each story lists indices in input order.
pub fn group_stories(articles: &[ReadArticle]) -> Vec<Vec<usize>> {
    let mut clusterer = Clusterer::new(ClusterConfig::default());
    let mut order: Vec<u64> = Vec::new();
    let mut members: HashMap<u64, Vec<usize>> = HashMap::default();
    for (i, a) in articles.iter().enumerate() {
        let f = features(&StoryInput {
            headline: a.headline.as_deref(),
            text: &a.article.text,
            date: a.article.published_date,
        });
        let assigned = clusterer.add(&f, None);
        if assigned.new_story {
            order.push(assigned.story);
        }
        members.entry(assigned.story).or_default().push(i);
    }
    order
        .into_iter()
        .filter_map(|id| members.remove(&id))
        .collect()
}

/// Near-duplicate detection over SimHash: locality-sensitive hashing in four 16-bit bands, so a
/// lookup touches only texts that agree on a whole band. Entries older than the window go.
pub struct CopyIndex {
    window_days: i64,
    bands: HashMap<(u8, u16), Vec<usize>>,
    entries: Vec<Option<CopyEntry>>,
    newest: Option<NaiveDate>,
}

/// A text in the copy index: its SimHash, date, story, and a caller's tag (e.g. an article number).
type CopyEntry = (u64, Option<NaiveDate>, u64, u64);

/// Texts whose SimHashes differ in at most this many of 64 bits are copies.
pub const COPY_BITS: u32 = 3;

impl CopyIndex {
    pub fn new(window_days: i64) -> CopyIndex {
        CopyIndex {
            window_days,
            bands: HashMap::default(),
            entries: Vec::new(),
            newest: None,
        }
    }

    fn band(hash: u64, b: u8) -> u16 {
        (hash >> (16 * b as u64)) as u16
    }

    /// The (story, tag) of the earliest near-identical text, if any.
    pub fn find(&self, hash: u64, date: Option<NaiveDate>) -> Option<(u64, u64)> {
        (0..4u8)
            .filter_map(|b| self.bands.get(&(b, Self::band(hash, b))))
            .flatten()
            .filter_map(|&i| self.entries[i])
            .filter(|(h, d, _, _)| {
                (h ^ hash).count_ones() <= COPY_BITS && within(*d, date, self.window_days)
            })
            .map(|(_, _, story, tag)| (story, tag))
            .min_by_key(|&(_, tag)| tag)
    }

    pub fn insert(&mut self, hash: u64, date: Option<NaiveDate>, story: u64, tag: u64) {
        let i = self.entries.len();
        self.entries.push(Some((hash, date, story, tag)));
        for b in 0..4u8 {
            self.bands
                .entry((b, Self::band(hash, b)))
                .or_default()
                .push(i);
        }
        if date > self.newest {
            self.newest = date;
            self.evict();
        }
    }

    fn evict(&mut self) {
        let (Some(newest), window) = (self.newest, self.window_days) else {
            return;
        };
        let stale = |e: &Option<CopyEntry>| matches!(e, Some((_, Some(d), _, _)) if (newest - *d).num_days() > window);
        if !self.entries.iter().any(stale) {
            return;
        }
        for e in self.entries.iter_mut() {
            if stale(e) {
                *e = None;
            }
        }
        let entries = &self.entries;
        self.bands.retain(|_, v| {
            v.retain(|&i| entries[i].is_some());
            !v.is_empty()
        });
    }
}

fn within(a: Option<NaiveDate>, b: Option<NaiveDate>, days: i64) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).num_days().abs() <= days,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::Article;
    use parallax_read::{read_article, Lexicon};

    fn art(id: &str, text: &str) -> ReadArticle {
        read_article(&Article::new(id, text), &Lexicon::builtin())
    }

    #[test]
    fn separates_two_events_and_joins_rewrites() {
        let arts = vec![
            art("a", "Earthquake Strikes Northern Chile\nA magnitude 7.1 earthquake struck northern Chile on Monday, killing three people near Iquique."),
            art("b", "Lindsay Lohan Checks Into Rehab\nActress Lindsay Lohan has checked into the Betty Ford Center for a 90-day stay, her lawyer said."),
            art("c", "Strong Quake Hits Chile\nA strong earthquake of magnitude 7.1 hit northern Chile near Iquique on Monday, and three people died."),
            art("d", "Lohan Enters Betty Ford Clinic\nLindsay Lohan entered the Betty Ford Center on Friday to begin court-ordered rehab, her lawyer said."),
        ];
        assert_eq!(group_stories(&arts), vec![vec![0, 2], vec![1, 3]]);
    }

    #[test]
    fn state_round_trip_gives_the_same_assignments() {
        let texts = [
            "Quake hits Chile near Iquique on Monday",
            "Chile quake near Iquique kills three",
            "Lohan enters Betty Ford rehab clinic",
            "Lindsay Lohan starts rehab at Betty Ford",
        ];
        let f: Vec<Features> = texts
            .iter()
            .map(|t| {
                features(&StoryInput {
                    headline: None,
                    text: t,
                    date: None,
                })
            })
            .collect();
        let mut one = Clusterer::new(ClusterConfig::default());
        let a: Vec<u64> = f.iter().map(|x| one.add(x, None).story).collect();
        let mut first = Clusterer::new(ClusterConfig::default());
        let mut b: Vec<u64> = f[..2].iter().map(|x| first.add(x, None).story).collect();
        let mut second = Clusterer::restore(ClusterConfig::default(), first.state());
        b.extend(f[2..].iter().map(|x| second.add(x, None).story));
        assert_eq!(a, b);
    }

    #[test]
    fn stories_outside_the_window_leave_memory() {
        let mut c = Clusterer::new(ClusterConfig::default());
        for day in 1..=30 {
            let d = NaiveDate::from_ymd_opt(2025, 1, day);
            c.add(
                &features(&StoryInput {
                    headline: None,
                    text: &format!("unique event number{day} happened in town{day}"),
                    date: d,
                }),
                None,
            );
        }
        assert!(c.active_stories() <= 9, "{}", c.active_stories());
    }
}
