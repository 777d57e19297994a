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
pub mod graph;

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
    /// The nearest-neighbour graph that groups the articles of one batch.
    pub graph: graph::GraphConfig,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            threshold: STORY_THRESHOLD,
            window_days: WINDOW_DAYS,
            probe: 16,
            graph: graph::GraphConfig::default(),
        }
    }
}

/// Batches smaller than this are clustered one article at a time: among a few dozen articles
/// the nearest neighbour is often from another event (measured on ECB+ in batches of 10, the
/// graph gave B-cubed F1 0.81, one at a time 0.869; from 100 up the graph gives 0.92 and more).
pub const MIN_GRAPH_BATCH: usize = 100;

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
        self.assign_groups(&[(f, force)], &[], false)[0]
    }

    /// Assign a batch of articles to stories, in order.
    ///
    /// Inside the batch, articles are grouped first by the nearest-neighbour graph
    /// ([`graph::components`]); each group then joins the active story its summed vector is most
    /// similar to, among the stories that existed before the batch, or opens a new story. The
    /// graph separates two events of one kind that a centroid merges (see the `graph` module), and
    /// a story opened in this batch is a group the graph kept apart, so no other group may join it.
    /// Batches under [`MIN_GRAPH_BATCH`] go one article at a time ([`Clusterer::add`]). `force` puts an article (and its group) into a
    /// given story: syndicated copies of an earlier article; `links` are pairs of the batch's
    /// articles that must share a story (copies inside the batch).
    pub fn add_batch(
        &mut self,
        batch: &[(&Features, Option<u64>)],
        links: &[(usize, usize)],
    ) -> Vec<Assignment> {
        if batch.len() < MIN_GRAPH_BATCH {
            // Too few articles for nearest neighbours to mean anything: one at a time, each
            // copy into its original's story.
            let mut out: Vec<Assignment> = Vec::with_capacity(batch.len());
            for (i, (f, force)) in batch.iter().enumerate() {
                let original = links
                    .iter()
                    .find(|&&(a, b)| b == i && a < i)
                    .map(|&(a, _)| out[a].story);
                let one = self.add(f, force.or(original));
                out.push(one);
            }
            return out;
        }
        self.assign_groups(batch, links, true)
    }

    /// Weigh a batch, group it (by the neighbour graph when `graph`, else one group per
    /// article), and give each group a story.
    fn assign_groups(
        &mut self,
        batch: &[(&Features, Option<u64>)],
        links: &[(usize, usize)],
        graph: bool,
    ) -> Vec<Assignment> {
        // Streaming IDF: the batch counts among the documents it is weighed against.
        let ids: Vec<Vec<TermId>> = batch
            .iter()
            .map(|(f, _)| {
                self.docs += 1;
                f.terms
                    .iter()
                    .map(|(t, _)| {
                        let id = self.intern(t);
                        self.df[id as usize] += 1;
                        self.dirty_terms.insert(id);
                        id
                    })
                    .collect()
            })
            .collect();
        let vectors: Vec<Vec<(TermId, f32)>> = batch
            .iter()
            .zip(ids)
            .map(|((f, _), ids)| {
                let mut v: Vec<(TermId, f32)> = ids
                    .into_iter()
                    .zip(&f.terms)
                    .map(|(t, (_, w))| (t, w * self.idf(t)))
                    .collect();
                let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt().max(1e-9);
                v.iter_mut().for_each(|(_, w)| *w /= norm);
                v.sort_by_key(|(t, _)| *t);
                v
            })
            .collect();
        let dates: Vec<Option<NaiveDate>> = batch.iter().map(|(f, _)| f.date).collect();
        let groups = if graph {
            graph::components(
                &vectors,
                &dates,
                self.config.window_days,
                links,
                &self.config.graph,
            )
        } else {
            (0..batch.len()).collect()
        };
        let mut members: Vec<Vec<usize>> = Vec::new();
        for (i, &g) in groups.iter().enumerate() {
            if g == members.len() {
                members.push(Vec::new());
            }
            members[g].push(i);
        }
        let mut out: Vec<Option<Assignment>> = vec![None; batch.len()];
        let mut opened: BTreeSet<u64> = BTreeSet::new();
        for group in members {
            let latest = group.iter().filter_map(|&i| dates[i]).max();
            // The window only moves when a newer day arrives; evict then, not on every article.
            if latest > self.newest {
                self.newest = latest;
                self.evict();
            }
            let forced = group
                .iter()
                .filter_map(|&i| batch[i].1)
                .find(|id| self.active.contains_key(id));
            let chosen = match forced {
                Some(id) => Some((1.0, id)),
                // A group of one is its own unit vector: the streaming path sums nothing.
                None if group.len() == 1 => self.best_story(&vectors[group[0]], latest, &opened),
                None => {
                    let mut sum: HashMap<TermId, f32> = HashMap::default();
                    for &i in &group {
                        for (t, w) in &vectors[i] {
                            *sum.entry(*t).or_default() += w;
                        }
                    }
                    let mut v: Vec<(TermId, f32)> = sum.into_iter().collect();
                    let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt().max(1e-9);
                    v.iter_mut().for_each(|(_, w)| *w /= norm);
                    self.best_story(&v, latest, &opened)
                }
            };
            let (score, story, new_story) = match chosen {
                Some((score, id)) if score >= self.config.threshold => (score, id, false),
                _ => {
                    let id = self.open_story();
                    opened.insert(id);
                    (0.0, id, true)
                }
            };
            for (k, &i) in group.iter().enumerate() {
                self.join(story, &vectors[i], dates[i]);
                out[i] = Some(Assignment {
                    story,
                    new_story: new_story && k == 0,
                    score,
                });
            }
        }
        out.into_iter()
            .map(|a| a.expect("every article is in a group"))
            .collect()
    }

    fn open_story(&mut self) -> u64 {
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
        id
    }

    /// Add one article's vector to a story.
    fn join(&mut self, story: u64, vector: &[(TermId, f32)], date: Option<NaiveDate>) {
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
        s.latest = s.latest.max(date);
        self.dirty_stories.insert(story);
    }

    /// The most similar active story within the window, other than those in `exclude`.
    fn best_story(
        &self,
        vector: &[(TermId, f32)],
        date: Option<NaiveDate>,
        exclude: &BTreeSet<u64>,
    ) -> Option<(f64, u64)> {
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

/// Articles clustered together as one batch (and committed together by `ingest`): large enough
/// for the neighbour graph to see an event's reports side by side, small enough to bound memory
/// and what a killed ingest redoes.
pub const FEED_BATCH: usize = 1000;

/// Group read articles into stories (for `analyze`); each story lists indices in input order.
pub fn group_stories(articles: &[ReadArticle]) -> Vec<Vec<usize>> {
    let mut clusterer = Clusterer::new(ClusterConfig::default());
    let mut order: Vec<u64> = Vec::new();
    let mut members: HashMap<u64, Vec<usize>> = HashMap::default();
    for (chunk, batch) in articles.chunks(FEED_BATCH).enumerate() {
        let features: Vec<Features> = batch
            .iter()
            .map(|a| {
                features(&StoryInput {
                    headline: a.headline.as_deref(),
                    text: &a.article.text,
                    date: a.article.published_date,
                })
            })
            .collect();
        let items: Vec<(&Features, Option<u64>)> = features.iter().map(|f| (f, None)).collect();
        for (k, assigned) in clusterer.add_batch(&items, &[]).into_iter().enumerate() {
            if assigned.new_story {
                order.push(assigned.story);
            }
            members
                .entry(assigned.story)
                .or_default()
                .push(chunk * FEED_BATCH + k);
        }
    }
    order
        .into_iter()
        .filter_map(|id| members.remove(&id))
        .collect()
}

/// Articles on their way into stories: copies are found as articles arrive, stories are assigned
/// a batch at a time ([`Clusterer::add_batch`]). What `cluster`, `ingest` and the benchmarks use.
pub struct StoryFeed {
    pub clusterer: Clusterer,
    copies: CopyIndex,
    /// Queued articles: features, the story of the earlier copy they repeat, copy-index handle.
    pending: Vec<(Features, Option<u64>, usize)>,
    /// Copies inside the queue, as pairs of queue positions.
    links: Vec<(usize, usize)>,
    /// Queue position of each queued tag.
    queued: HashMap<u64, usize>,
}

impl StoryFeed {
    pub fn new(clusterer: Clusterer) -> StoryFeed {
        let window = clusterer.config.window_days;
        StoryFeed {
            clusterer,
            copies: CopyIndex::new(window),
            pending: Vec::new(),
            links: Vec::new(),
            queued: HashMap::default(),
        }
    }

    /// Remember a text stored by an earlier run (oldest first), so that copies of it are found
    /// as in an uninterrupted run.
    pub fn remember(&mut self, simhash: u64, date: Option<NaiveDate>, story: u64, tag: u64) {
        let handle = self.copies.insert(simhash, date, tag);
        self.copies.set_story(handle, story);
    }

    /// Queue an article under the caller's `tag`; returns the tag of the earlier near-identical
    /// text it copies, if any.
    pub fn push(&mut self, features: Features, simhash: u64, tag: u64) -> Option<u64> {
        let found = self.copies.find(simhash, features.date);
        let handle = self.copies.insert(simhash, features.date, tag);
        let position = self.pending.len();
        if let Some((None, original)) = found {
            if let Some(&p) = self.queued.get(&original) {
                self.links.push((p, position));
            }
        }
        self.queued.insert(tag, position);
        self.pending
            .push((features, found.and_then(|(story, _)| story), handle));
        found.map(|(_, original)| original)
    }

    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    /// Assign the queued articles to stories; assignments in the order they were pushed.
    pub fn flush(&mut self) -> Vec<Assignment> {
        let batch: Vec<(&Features, Option<u64>)> = self
            .pending
            .iter()
            .map(|(f, story, _)| (f, *story))
            .collect();
        let assigned = self.clusterer.add_batch(&batch, &self.links);
        for ((_, _, handle), a) in self.pending.iter().zip(&assigned) {
            self.copies.set_story(*handle, a.story);
        }
        self.pending.clear();
        self.links.clear();
        self.queued.clear();
        assigned
    }
}

/// Near-duplicate detection over SimHash: locality-sensitive hashing in four 16-bit bands, so a
/// lookup touches only texts that agree on a whole band. Entries older than the window go.
pub struct CopyIndex {
    window_days: i64,
    bands: HashMap<(u8, u16), Vec<usize>>,
    entries: Vec<Option<CopyEntry>>,
    newest: Option<NaiveDate>,
}

/// A text in the copy index: its SimHash, date, story (once assigned), and a caller's tag (e.g.
/// an article number).
type CopyEntry = (u64, Option<NaiveDate>, Option<u64>, u64);

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

    /// The (story, tag) of the earliest near-identical text, if any; the story is `None` while
    /// that text waits in the current batch.
    pub fn find(&self, hash: u64, date: Option<NaiveDate>) -> Option<(Option<u64>, u64)> {
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

    /// Add a text; returns its handle for [`CopyIndex::set_story`].
    pub fn insert(&mut self, hash: u64, date: Option<NaiveDate>, tag: u64) -> usize {
        let i = self.entries.len();
        self.entries.push(Some((hash, date, None, tag)));
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
        i
    }

    /// Record the story a text was assigned to.
    pub fn set_story(&mut self, handle: usize, story: u64) {
        if let Some(Some(e)) = self.entries.get_mut(handle) {
            e.2 = Some(story);
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

    /// Features of an undated text without a headline.
    fn plain(text: &str) -> Features {
        features(&StoryInput {
            headline: None,
            text,
            date: None,
        })
    }

    /// Reports of two fights of one champion, which share most of their words; then unrelated
    /// news to make a full batch.
    fn two_fights() -> (Vec<Features>, Vec<usize>) {
        let shared = [
            "Wladimir Klitschko retained his heavyweight title belts on Saturday night.",
            "The Ukrainian champion dominated the challenger from the opening bell.",
            "The crowd cheered as the referee waved the heavyweight fight off.",
            "Klitschko extended his winning streak and kept his heavyweight belts.",
            "Klitschko landed his jab at will and the challenger never found his range.",
        ];
        let own = [
            [
                "Klitschko stopped Hasim Rahman in the seventh round in Mannheim.",
                "Rahman, a former champion, barely landed a punch in Mannheim.",
            ],
            [
                "Klitschko stopped Tony Thompson in the sixth round in Bern.",
                "Thompson, the American southpaw, was down in the fifth in Bern.",
            ],
        ];
        let mut texts = Vec::new();
        let mut gold = Vec::new();
        for (event, lines) in own.iter().enumerate() {
            for k in 0..12 {
                let mut text = String::from(lines[k % 2]);
                for j in 0..3 {
                    text.push(' ');
                    text.push_str(shared[(k + j) % shared.len()]);
                }
                texts.push(text);
                gold.push(event);
            }
        }
        for k in 0..90 {
            texts.push(format!(
                "Council{k} approved budget{k} for the harbour{k} district after debate{k}."
            ));
            gold.push(2 + k);
        }
        let features = texts.iter().map(|t| plain(t)).collect();
        (features, gold)
    }

    #[test]
    fn a_batch_keeps_two_events_of_one_kind_apart() {
        let (features, gold) = two_fights();
        let items: Vec<(&Features, Option<u64>)> = features.iter().map(|f| (f, None)).collect();
        let mut batch = Clusterer::new(ClusterConfig::default());
        let stories: Vec<u64> = batch
            .add_batch(&items, &[])
            .iter()
            .map(|a| a.story)
            .collect();
        let f1 = |got: &[u64]| {
            let got: Vec<i64> = got.iter().map(|&s| s as i64).collect();
            let gold: Vec<i64> = gold.iter().map(|&g| g as i64).collect();
            eval::bcubed(&gold, &got).f1
        };
        assert!(f1(&stories) > 0.99, "{stories:?}");
        // One at a time, the second fight joins the first: its reports are as close to the
        // first fight's centroid as to each other.
        let mut one = Clusterer::new(ClusterConfig::default());
        let streamed: Vec<u64> = features.iter().map(|f| one.add(f, None).story).collect();
        assert_eq!(streamed[0], streamed[12], "{streamed:?}");
    }

    #[test]
    fn the_feed_puts_copies_with_their_original_within_and_across_batches() {
        let wire = "Rescue teams reached the flooded villages of the upper valley on Tuesday after two days of rain, the regional authority said, and opened shelters in three schools for families who left their homes.";
        let f = plain;
        let mut feed = StoryFeed::new(Clusterer::new(ClusterConfig::default()));
        assert_eq!(feed.push(f(wire), simhash(wire), 10), None);
        let other = "The central bank kept interest rates unchanged and said inflation would ease next year.";
        assert_eq!(feed.push(f(other), simhash(other), 11), None);
        assert_eq!(feed.push(f(wire), simhash(wire), 12), Some(10));
        let first = feed.flush();
        assert_eq!(first[0].story, first[2].story);
        assert_ne!(first[0].story, first[1].story);
        assert_eq!(feed.push(f(wire), simhash(wire), 13), Some(10));
        assert_eq!(feed.flush()[0].story, first[0].story);
        assert_eq!(feed.pending(), 0);
        assert!(feed.flush().is_empty());
    }

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
        let f: Vec<Features> = texts.iter().map(|t| plain(t)).collect();
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
