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

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use chrono::NaiveDate;
use parallax_text::sparse;
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
    /// How many earlier articles the graph of a batch sees beside it ([`CONTEXT`]).
    pub context: usize,
    /// Document frequencies halve every this many articles ([`DF_HALF_LIFE`]; 0: never).
    pub df_half_life: u64,
    /// Share of the cosine a story's own members would give that a joining group must reach
    /// ([`COHESION`]; 0: the absolute `threshold` alone).
    pub cohesion: f64,
    /// The same share for a second group of one batch continuing a story ([`REGROUP_COHESION`]).
    pub regroup_cohesion: f64,
    /// While no article has carried a date, the window is this many articles
    /// ([`UNDATED_WINDOW`]; 0: no window).
    #[serde(default)]
    pub undated_window: u64,
}

impl Default for ClusterConfig {
    fn default() -> Self {
        ClusterConfig {
            threshold: STORY_THRESHOLD,
            window_days: WINDOW_DAYS,
            probe: 16,
            graph: graph::GraphConfig::default(),
            context: CONTEXT,
            df_half_life: DF_HALF_LIFE,
            cohesion: COHESION,
            regroup_cohesion: REGROUP_COHESION,
            undated_window: UNDATED_WINDOW,
        }
    }
}

/// How many of the latest earlier articles (within the window) the neighbour graph of a batch
/// sees beside the batch. A batch is grouped together with the articles before it, and those may
/// change story: the first report of a second event, put into the first event's story while it
/// was alone, moves out when later reports of its event arrive. So a stream fed a few articles
/// at a time ends with about the stories one large batch gives. A large batch sees as many: when
/// the earlier articles had to fit beside the batch in 1,000, a batch of 1,000 (`ingest`'s)
/// saw none, and met the stories before it only through their centroids.
pub const CONTEXT: usize = 1000;

/// Document frequencies (and the article count they are taken against) halve every this many
/// articles, and a feature whose count reaches zero is forgotten unless an active story or a
/// recent article holds it. So the vocabulary, the saved `term_df` table and the memory follow
/// the last few hundred thousand articles rather than the whole history (news keeps bringing
/// new names and figures: the vocabulary of real text grows without end), and IDF follows what
/// the news says now: a name last seen months ago is as specific as a new one. IDF depends on
/// ratios, which halving keeps; 100,000 articles leave at least 50,000 to estimate them from.
pub const DF_HALF_LIFE: u64 = 100_000;

/// A story of n ≥ 2 articles accepts a group of g new ones only if their cosine to its centroid
/// reaches this share of the cosine expected of g further articles like its own members. Mean
/// pairwise cosine m of the members follows from the centroid (a sum of n unit vectors:
/// |c|² = n + n(n−1)m), and g articles agreeing with them as they agree among themselves would
/// score √(gn)·m / √((1+(g−1)m)(1+(n−1)m)). The absolute [`STORY_THRESHOLD`] alone lets a
/// tight story, whose members repeat a place name and a template, take in a group that shares
/// only those (generated streams of 300,000 articles merged such stories: B-cubed F1 0.83);
/// a loose story, whose members agree little, still takes what fits it loosely. 0.5 asks for
/// half the expected agreement: it took the 300,000-article stream to 0.97 and left shuffled
/// ECB+ as it was (see README "Quality"); 0.7 and more began to split real stories.
pub const COHESION: f64 = 0.5;

/// When the graph of one batch splits a story's visible articles into two groups, the second
/// group stays in the story only if it fits the rest of the story with this share of the
/// cosine its own members would give ([`COHESION`]); otherwise it opens a story of its own. The
/// graph saw both groups and did not link them, which is evidence of two events, so the bar is
/// higher than for new articles the graph could not compare. Before this rule every second
/// group opened a story, and a long story fed in small batches broke into pieces that then
/// grew side by side (the generated stream in batches of 50: recall 0.863). On ECB+ fed one
/// article at a time, no second group of another event reached 0.8 of its expected cosine,
/// while 189 groups of the same event did (0.6 let 841 of another event through).
pub const REGROUP_COHESION: f64 = 0.8;

/// Indices grouped by label, for labels numbered 0, 1, 2… in order of first appearance (as
/// [`graph::components`] and story numbers in `cluster` output are).
pub fn members_by_label(labels: &[usize]) -> Vec<Vec<usize>> {
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (i, &label) in labels.iter().enumerate() {
        if label == members.len() {
            members.push(Vec::new());
        }
        members[label].push(i);
    }
    members
}

/// The unit vector along the sum of the `group`'s vectors.
fn summed(group: &[usize], vectors: &[Vec<(TermId, f32)>]) -> Vec<(TermId, f32)> {
    if let [one] = group {
        // A group of one is its own unit vector: nothing to sum.
        return vectors[*one].clone();
    }
    let mut sum: HashMap<TermId, f32> = HashMap::default();
    for &i in group {
        for (t, w) in &vectors[i] {
            *sum.entry(*t).or_default() += w;
        }
    }
    let mut v: Vec<(TermId, f32)> = sum.into_iter().collect();
    sparse::normalize(&mut v);
    v
}

/// The cosine between the sum of `g` unit vectors and a story centroid, the sum of `n` unit
/// vectors with squared norm `norm2`, when every pair agrees as the story's members do on
/// average ([`COHESION`]); 0 for a story of one, whose cohesion is unknown.
fn expected_cosine(norm2: f64, n: f64, g: f64) -> f64 {
    if n < 2.0 {
        return 0.0;
    }
    let m = ((norm2 - n) / (n * (n - 1.0))).clamp(0.0, 1.0);
    (g * n).sqrt() * m / ((1.0 + (g - 1.0) * m) * (1.0 + (n - 1.0) * m)).sqrt()
}

/// Default join threshold: measured on ECB+ topics 1–35 (see README "Quality").
pub const STORY_THRESHOLD: f64 = 0.3;
/// Features a story centroid keeps (pruned to this when it grows to twice as many).
pub const CENTROID_FEATURES: usize = 400;
/// Stories scored per article: those sharing the most weight of its specific features.
const MAX_CANDIDATES: usize = 12;
/// News about one event rarely continues after a week of silence.
pub const WINDOW_DAYS: i64 = 7;

/// A stream in which no article carries a date (a crawl of plain text files) has no clock; its
/// window is counted in articles instead: a story that took none of the last 50,000, and a text
/// older than that, leave memory. 50,000 is about a week of a large feed (the generated stream
/// carries 6,000 articles a day). Without it, such a stream kept every story and every text:
/// memory grew with its whole history. The first dated article starts the calendar window.
pub const UNDATED_WINDOW: u64 = 50_000;

/// One story as the clusterer sees it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoryState {
    pub id: u64,
    /// Sum of the member vectors (each of unit length), by feature.
    pub centroid: Vec<(String, f32)>,
    pub latest: Option<NaiveDate>,
    pub size: u32,
    /// The stream's article count when it last took an article (the clock of a stream without
    /// dates); absent in stores from before it was kept, which count from their restore.
    #[serde(default)]
    pub last_article: Option<u64>,
}

/// Everything needed to continue clustering later (saved by the store).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ClustererState {
    /// The article count document frequencies are taken against (halves with them).
    pub docs: u64,
    /// Every article clustered, never halved: the clock of a stream without dates. Absent in
    /// stores from before it was kept (they count from zero).
    #[serde(default)]
    pub articles: u64,
    /// Articles counted since document frequencies last halved.
    #[serde(default)]
    pub since_halving: u64,
    pub df: Vec<(String, u32)>,
    pub next_id: u64,
    pub active: Vec<StoryState>,
}

/// A feature by number: dot products and postings hash integers, not strings.
type TermId = u32;

/// One of the latest articles, which a later batch may regroup.
struct Recent {
    tag: u64,
    /// Features and raw weights: the graph weighs them again with the current document
    /// frequencies, as one batch would have (weights from the stream's first minutes are far
    /// off).
    terms: Vec<(TermId, f32)>,
    /// The vector the article's story centroid holds (to take out when it moves).
    added: Vec<(TermId, f32)>,
    date: Option<NaiveDate>,
    story: u64,
}

/// An earlier article that a later batch moved to another story (by the caller's tag).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moved {
    pub tag: u64,
    pub story: u64,
}

struct Active {
    id: u64,
    centroid: HashMap<TermId, f32>,
    norm2: f32,
    /// Its latest article's date; an undated article counts as of the newest date seen when
    /// it came, so the window also closes stories of undated articles in a dated stream.
    latest: Option<NaiveDate>,
    size: u32,
    /// The stream's article count when it last took an article.
    last_article: u64,
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
            last_article: Some(self.last_article),
        }
    }
}

/// Streaming story clustering.
pub struct Clusterer {
    config: ClusterConfig,
    docs: u64,
    /// Every article clustered ([`ClustererState::articles`]).
    articles: u64,
    /// Every feature seen, numbered in order of arrival; `df` is indexed by the same number.
    vocabulary: HashMap<String, TermId>,
    /// A forgotten feature's slot holds an empty name until `intern` reuses it (from `free`).
    names: Vec<String>,
    df: Vec<u32>,
    free: Vec<TermId>,
    since_halving: u64,
    /// Halvings since the last [`Clusterer::take_changes`].
    halvings: u32,
    next_id: u64,
    active: HashMap<u64, Active>,
    postings: HashMap<TermId, BTreeSet<u64>>,
    /// The newest publication date seen: the window is measured back from it.
    newest: Option<NaiveDate>,
    /// What changed since the last [`Clusterer::take_changes`], for incremental saving.
    dirty_terms: rustc_hash::FxHashSet<TermId>,
    dirty_stories: BTreeSet<u64>,
    evicted: Vec<u64>,
    /// The latest articles, oldest first (at most `config.context`, within the window).
    recent: VecDeque<Recent>,
    /// Articles moved since the last [`Clusterer::take_moved`].
    moved: Vec<Moved>,
}

/// What changed since the last save: terms whose document frequency moved, stories that changed
/// or left the window.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Changes {
    pub docs: u64,
    pub articles: u64,
    pub since_halving: u64,
    /// How many times every saved document frequency halves (integer division) before `df` is
    /// written; counts that reach zero are deleted.
    pub halvings: u32,
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
            articles: state.articles,
            vocabulary: HashMap::default(),
            names: Vec::new(),
            df: Vec::new(),
            free: Vec::new(),
            since_halving: state.since_halving,
            halvings: 0,
            next_id: state.next_id.max(1),
            active: HashMap::default(),
            postings: HashMap::default(),
            newest: None,
            dirty_terms: Default::default(),
            dirty_stories: BTreeSet::new(),
            evicted: Vec::new(),
            recent: VecDeque::new(),
            moved: Vec::new(),
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
                    last_article: s.last_article.unwrap_or(state.articles),
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
            .zip(&self.df)
            .filter(|(name, _)| !name.is_empty())
            .map(|(name, &n)| (name.clone(), n))
            .collect();
        df.sort();
        let mut active: Vec<StoryState> =
            self.active.values().map(|s| s.saved(&self.names)).collect();
        active.sort_by_key(|s| s.id);
        ClustererState {
            docs: self.docs,
            articles: self.articles,
            since_halving: self.since_halving,
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
            articles: self.articles,
            since_halving: self.since_halving,
            halvings: std::mem::take(&mut self.halvings),
            next_id: self.next_id,
            df,
            stories,
            evicted: std::mem::take(&mut self.evicted),
        }
    }

    pub fn active_stories(&self) -> usize {
        self.active.len()
    }

    /// How many features the clusterer knows (those halving forgot are not counted).
    pub fn vocabulary(&self) -> usize {
        self.names.len() - self.free.len()
    }

    fn intern(&mut self, term: &str) -> TermId {
        if let Some(&id) = self.vocabulary.get(term) {
            return id;
        }
        let id = match self.free.pop() {
            Some(id) => {
                self.names[id as usize] = term.to_string();
                id
            }
            None => {
                self.names.push(term.to_string());
                self.df.push(0);
                (self.names.len() - 1) as TermId
            }
        };
        self.vocabulary.insert(term.to_string(), id);
        id
    }

    /// Halve every document frequency and the article count ([`DF_HALF_LIFE`]). A feature whose
    /// count reaches zero is forgotten, unless a story centroid or a recent article holds its
    /// number (it keeps a count of one then: its number must not go to another feature).
    fn halve_frequencies(&mut self) {
        self.docs /= 2;
        self.halvings += 1;
        let mut held: rustc_hash::FxHashSet<TermId> = self.postings.keys().copied().collect();
        for r in &self.recent {
            held.extend(r.terms.iter().map(|(t, _)| *t));
        }
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
                self.dirty_terms.insert(term);
            } else {
                self.vocabulary.remove(&self.names[id]);
                self.names[id] = String::new();
                self.dirty_terms.remove(&term);
                self.free.push(term);
            }
        }
    }

    fn idf(&self, term: TermId) -> f32 {
        let df = self.df[term as usize] as f32;
        ((self.docs as f32 + 1.0) / (df + 1.0)).ln() + 1.0
    }

    /// Assign one article to a story (or `force` it into a given one, for syndicated copies).
    /// Its tag is its number in the stream.
    pub fn add(&mut self, f: &Features, force: Option<u64>) -> Assignment {
        let tag = self.articles;
        self.add_batch(&[(f, force)], &[], &[tag])[0]
    }

    /// Assign a batch of articles to stories, in order; `tags` name the articles (for
    /// [`Clusterer::take_moved`]).
    ///
    /// The batch and the latest earlier articles ([`CONTEXT`]) are grouped by the
    /// nearest-neighbour graph ([`graph::components`]). A group holding earlier articles continues
    /// the story most of them are in, and earlier articles of other stories move to it; a second
    /// group claiming the same story opens a new one unless it fits the rest of the story
    /// ([`REGROUP_COHESION`]). Articles of a story the graph sees less
    /// than half of stay put. A group of new articles only joins the active story its summed
    /// vector is most similar to, among those stories and the ones with no article in the graph
    /// (the graph kept it apart from the others), or opens a new story. `force` puts an
    /// article (and its group, if the group holds no earlier article) into a given story:
    /// syndicated copies of an earlier article; `links` are pairs of the batch's articles that
    /// must share a story (copies inside the batch).
    pub fn add_batch(
        &mut self,
        batch: &[(&Features, Option<u64>)],
        links: &[(usize, usize)],
        tags: &[u64],
    ) -> Vec<Assignment> {
        assert_eq!(batch.len(), tags.len(), "one tag per article");
        self.assign_groups(batch, links, tags)
    }

    /// Remember an article stored by an earlier run (oldest first) so that the next batches can
    /// regroup it, as in an uninterrupted run. Its document frequencies were counted then; the
    /// vector its story's centroid holds is taken to be today's (close: the frequencies moved
    /// little since).
    pub fn remember(&mut self, f: &Features, story: u64, tag: u64) {
        if !self.active.contains_key(&story) {
            return;
        }
        let terms: Vec<(TermId, f32)> = f.terms.iter().map(|(t, w)| (self.intern(t), *w)).collect();
        let added = self.weigh(&terms);
        self.recent.push_back(Recent {
            tag,
            terms,
            added,
            date: f.date,
            story,
        });
        if self.recent.len() > self.config.context {
            self.recent.pop_front();
        }
    }

    /// Articles moved to another story since the previous call.
    pub fn take_moved(&mut self) -> Vec<Moved> {
        std::mem::take(&mut self.moved)
    }

    /// TF-IDF vector of unit length, sorted by feature, from features and raw weights.
    fn weigh(&self, terms: &[(TermId, f32)]) -> Vec<(TermId, f32)> {
        let mut v: Vec<(TermId, f32)> = terms.iter().map(|&(t, w)| (t, w * self.idf(t))).collect();
        sparse::normalize(&mut v);
        v.sort_by_key(|(t, _)| *t);
        v
    }

    /// Weigh a batch, group it with the latest earlier articles, and give each group a story.
    fn assign_groups(
        &mut self,
        batch: &[(&Features, Option<u64>)],
        links: &[(usize, usize)],
        tags: &[u64],
    ) -> Vec<Assignment> {
        let articles_before = self.articles;
        // Streaming IDF: the batch counts among the documents it is weighed against.
        let terms: Vec<Vec<(TermId, f32)>> = batch
            .iter()
            .map(|(f, _)| {
                self.docs += 1;
                self.articles += 1;
                self.since_halving += 1;
                f.terms
                    .iter()
                    .map(|(t, w)| {
                        let id = self.intern(t);
                        self.df[id as usize] += 1;
                        self.dirty_terms.insert(id);
                        (id, *w)
                    })
                    .collect()
            })
            .collect();
        let vectors: Vec<Vec<(TermId, f32)>> = terms.iter().map(|t| self.weigh(t)).collect();
        let dates: Vec<Option<NaiveDate>> = batch.iter().map(|(f, _)| f.date).collect();
        // The earlier articles the graph sees: the latest `context`, still in the window and in
        // an active story.
        self.prune_recent();
        let context: Vec<usize> =
            (self.recent.len().saturating_sub(self.config.context)..self.recent.len()).collect();
        let offset = context.len();
        let context_vectors: Vec<Vec<(TermId, f32)>> = context
            .iter()
            .map(|&k| self.weigh(&self.recent[k].terms))
            .collect();
        let groups = {
            let all: Vec<&[(TermId, f32)]> = context_vectors
                .iter()
                .chain(&vectors)
                .map(|v| &v[..])
                .collect();
            let all_dates: Vec<Option<NaiveDate>> = context
                .iter()
                .map(|&k| self.recent[k].date)
                .chain(dates.iter().copied())
                .collect();
            let links: Vec<(usize, usize)> = links
                .iter()
                .map(|&(a, b)| (a + offset, b + offset))
                .collect();
            graph::components(
                &all,
                &all_dates,
                self.config.window_days,
                &links,
                &self.config.graph,
            )
        };
        let members = members_by_label(&groups);
        // A story the graph sees less than half of was settled by articles it cannot see: its
        // articles stay where they are, and it takes new articles by its centroid as before (a
        // few of a long story's latest reports must neither follow a neighbour into another
        // story nor pull a new event into theirs).
        let mut visible: HashMap<u64, u32> = HashMap::default();
        for &k in &context {
            *visible.entry(self.recent[k].story).or_default() += 1;
        }
        let settled: BTreeSet<u64> = visible
            .iter()
            .filter(|(id, &n)| self.active.get(id).is_some_and(|s| s.size > 2 * n))
            .map(|(&id, _)| id)
            .collect();
        // Other stories with an article in the graph: a group of new articles not linked to
        // them was kept apart from them. (`claimed`: stories a group continues.)
        let mut seen: BTreeSet<u64> = visible
            .keys()
            .filter(|id| !settled.contains(id))
            .copied()
            .collect();
        let mut claimed: BTreeSet<u64> = BTreeSet::new();
        let mut out: Vec<Option<Assignment>> = vec![None; batch.len()];
        for group in members {
            let (earlier, new): (Vec<usize>, Vec<usize>) =
                group.into_iter().partition(|&i| i < offset);
            let new: Vec<usize> = new.into_iter().map(|i| i - offset).collect();
            let latest = new.iter().filter_map(|&i| dates[i]).max();
            // The window only moves when a newer day arrives; evict then, not on every article.
            if latest > self.newest {
                self.newest = latest;
                self.evict();
            }
            // Earlier articles that may change story: not in a settled story, nor in one the
            // window has closed.
            let settled_here: BTreeSet<u64> = earlier
                .iter()
                .map(|&k| self.recent[context[k]].story)
                .filter(|id| settled.contains(id) && self.active.contains_key(id))
                .collect();
            let earlier: Vec<usize> = earlier
                .into_iter()
                .filter(|&k| {
                    let story = self.recent[context[k]].story;
                    !settled.contains(&story) && self.active.contains_key(&story)
                })
                .collect();
            if earlier.is_empty() && new.is_empty() {
                // Only articles that stay where they are.
                continue;
            }
            // New articles linked both to a story the graph mostly sees and to settled ones
            // join whichever their summed vector fits best: a long story's next report often
            // links to its visible reports and to a young story's, and the young story alone
            // would take it (in small batches those reports grew a second story beside it).
            let settled_pick = if !earlier.is_empty() && !new.is_empty() && !settled_here.is_empty()
            {
                self.settled_fit(&new, &vectors, &earlier, context.as_slice(), &settled_here)
            } else {
                None
            };
            let (score, story, new_story) = if let Some((score, id)) = settled_pick {
                (score, id, false)
            } else if earlier.is_empty() {
                self.choose_story(&new, &vectors, batch, latest, &seen)
            } else {
                // The story most of the group's earlier articles are in (ties: the older story).
                let mut counts: BTreeMap<u64, usize> = BTreeMap::new();
                for &k in &earlier {
                    *counts.entry(self.recent[context[k]].story).or_default() += 1;
                }
                let top = counts
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                    .map(|(&id, _)| id)
                    .expect("the group holds earlier articles");
                let fits = |c: &Self| {
                    let earlier: Vec<usize> = earlier.iter().map(|&k| context[k]).collect();
                    c.fits_without(top, &earlier, &new, &vectors)
                };
                let (story, new_story) = if claimed.contains(&top) && !fits(self) {
                    (self.open_story(), true)
                } else {
                    (top, false)
                };
                claimed.insert(story);
                for &k in &earlier {
                    if self.recent[context[k]].story != story {
                        self.move_recent(context[k], story, &context_vectors[k]);
                    }
                }
                (1.0, story, new_story)
            };
            // A story this batch opened or a group continued is the graph's; one that a group
            // joined by its centroid stays open to the batch's other groups.
            if new_story || (!earlier.is_empty() && settled_pick.is_none()) {
                seen.insert(story);
            }
            for (n, &i) in new.iter().enumerate() {
                self.join(story, &vectors[i], dates[i]);
                out[i] = Some(Assignment {
                    story,
                    new_story: new_story && n == 0,
                    score,
                });
            }
        }
        for (((terms, added), &date), (a, &tag)) in terms
            .into_iter()
            .zip(vectors)
            .zip(&dates)
            .zip(out.iter().zip(tags))
        {
            let story = a.expect("every article is in a group").story;
            self.recent.push_back(Recent {
                tag,
                terms,
                added,
                date,
                story,
            });
        }
        while self.recent.len() > self.config.context {
            self.recent.pop_front();
        }
        // Without dates, the window moves by article counts; looked at every tenth of it.
        let step = (self.config.undated_window / 10).max(1);
        if self.newest.is_none() && articles_before / step != self.articles / step {
            self.evict_undated();
        }
        let half_life = self.config.df_half_life;
        while half_life > 0 && self.since_halving >= half_life {
            self.since_halving -= half_life;
            self.halve_frequencies();
        }
        out.into_iter()
            .map(|a| a.expect("every article is in a group"))
            .collect()
    }

    /// The story for a group of new articles only: the story a member is forced into, else the
    /// most similar story not in `exclude` when it clears the threshold, else a new one.
    fn choose_story(
        &mut self,
        group: &[usize],
        vectors: &[Vec<(TermId, f32)>],
        batch: &[(&Features, Option<u64>)],
        latest: Option<NaiveDate>,
        exclude: &BTreeSet<u64>,
    ) -> (f64, u64, bool) {
        let forced = group
            .iter()
            .filter_map(|&i| batch[i].1)
            .find(|id| self.active.contains_key(id));
        let chosen = match forced {
            Some(id) => Some((1.0, id)),
            None => self.best_story(&summed(group, vectors), latest, exclude),
        };
        match chosen {
            Some((score, id)) if forced.is_some() || self.accepts(id, score, group.len()) => {
                (score, id, false)
            }
            _ => (0.0, self.open_story(), true),
        }
    }

    /// For a group of new articles linked both to a story the graph mostly sees and to settled
    /// stories: the settled story their summed vector fits better than the other, if any.
    fn settled_fit(
        &self,
        new: &[usize],
        vectors: &[Vec<(TermId, f32)>],
        earlier: &[usize],
        context: &[usize],
        settled_here: &BTreeSet<u64>,
    ) -> Option<(f64, u64)> {
        let v = summed(new, vectors);
        let best_other = earlier
            .iter()
            .map(|&k| self.cosine(self.recent[context[k]].story, &v))
            .fold(0.0f64, f64::max);
        settled_here
            .iter()
            .map(|&id| (self.cosine(id, &v), id))
            .filter(|&(score, id)| score > best_other && self.accepts(id, score, new.len()))
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
    }

    /// Whether `g` new articles whose summed vector has cosine `score` with story `id` may join
    /// it: the join threshold, and the share of the cosine they would have if they agreed with
    /// its members as the members agree among themselves ([`COHESION`]).
    fn accepts(&self, id: u64, score: f64, g: usize) -> bool {
        let story = &self.active[&id];
        let expected = expected_cosine(story.norm2 as f64, story.size as f64, g as f64);
        score >= self.config.threshold && score >= self.config.cohesion * expected
    }

    /// Cosine of a unit vector with story `id`'s centroid.
    fn cosine(&self, id: u64, vector: &[(TermId, f32)]) -> f64 {
        let s = &self.active[&id];
        let dot: f32 = vector
            .iter()
            .map(|(t, w)| w * s.centroid.get(t).copied().unwrap_or(0.0))
            .sum();
        (dot / s.norm2.sqrt().max(1e-9)) as f64
    }

    /// Whether a second group continuing story `id` in one batch belongs to it too: its
    /// articles (`earlier`, indices into `recent`, and `new` of the batch) fit what the story
    /// holds besides them as a group of new articles would have to ([`Clusterer::choose_story`]).
    fn fits_without(
        &self,
        id: u64,
        earlier: &[usize],
        new: &[usize],
        vectors: &[Vec<(TermId, f32)>],
    ) -> bool {
        let story = &self.active[&id];
        let mut group: HashMap<TermId, f32> = HashMap::default();
        let mut rest = story.centroid.clone();
        let mut rest_size = story.size as f64;
        for &k in earlier {
            let r = &self.recent[k];
            for (t, w) in &r.added {
                *group.entry(*t).or_default() += w;
                if r.story == id {
                    if let Some(e) = rest.get_mut(t) {
                        *e -= w;
                    }
                }
            }
            if r.story == id {
                rest_size -= 1.0;
            }
        }
        for &i in new {
            for (t, w) in &vectors[i] {
                *group.entry(*t).or_default() += w;
            }
        }
        if rest_size < 1.0 {
            return false;
        }
        let rest_norm2: f64 = rest.values().map(|w| (w.max(0.0) as f64).powi(2)).sum();
        let group_norm2: f64 = group.values().map(|w| (*w as f64).powi(2)).sum();
        let dot: f64 = group
            .iter()
            .map(|(t, w)| *w as f64 * rest.get(t).map_or(0.0, |e| e.max(0.0) as f64))
            .sum();
        let score = dot / (rest_norm2.sqrt() * group_norm2.sqrt()).max(1e-9);
        let g = (earlier.len() + new.len()) as f64;
        score >= self.config.threshold
            && score >= self.config.regroup_cohesion * expected_cosine(rest_norm2, rest_size, g)
    }

    /// Move an earlier article to another story: out of its story's centroid (a story left
    /// empty goes), into the other's with its `vector` of now.
    fn move_recent(&mut self, k: usize, to: u64, vector: &[(TermId, f32)]) {
        let (from, tag, date) = {
            let r = &self.recent[k];
            (r.story, r.tag, r.date)
        };
        let added = std::mem::take(&mut self.recent[k].added);
        if let Some(s) = self.active.get_mut(&from) {
            s.size = s.size.saturating_sub(1);
            if s.size == 0 {
                self.drop_story(from);
            } else {
                for (t, w) in &added {
                    if let Some(e) = s.centroid.get_mut(t) {
                        *e -= w;
                        // A feature only this article brought leaves the story.
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
                self.dirty_stories.insert(from);
            }
        }
        self.join(to, vector, date);
        let r = &mut self.recent[k];
        r.added = vector.to_vec();
        r.story = to;
        self.moved.push(Moved { tag, story: to });
    }

    /// Forget recent articles that left the window or whose story did.
    fn prune_recent(&mut self) {
        let (newest, window) = (self.newest, self.config.window_days);
        let active = &self.active;
        self.recent.retain(|r| {
            active.contains_key(&r.story)
                && !matches!((newest, r.date), (Some(n), Some(d)) if (n - d).num_days() > window)
        });
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
                last_article: self.articles,
            },
        );
        id
    }

    /// Add one article's vector to a story.
    fn join(&mut self, story: u64, vector: &[(TermId, f32)], date: Option<NaiveDate>) {
        let aged = date.or(self.newest);
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
        s.latest = s.latest.max(aged);
        s.last_article = self.articles;
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
            let score = self.cosine(id, vector);
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, id));
            }
        }
        best
    }

    /// Drop stories that went quiet before the window: memory follows the active window.
    fn evict(&mut self) {
        let Some(newest) = self.newest else { return };
        // Stories of undated articles that came before any date age from the first one.
        for s in self.active.values_mut().filter(|s| s.latest.is_none()) {
            s.latest = Some(newest);
            self.dirty_stories.insert(s.id);
        }
        let window = self.config.window_days;
        self.drop_stories_where(|s| s.latest.is_some_and(|l| (newest - l).num_days() > window));
    }

    /// In a stream without dates, drop stories that took none of the last `undated_window`
    /// articles ([`UNDATED_WINDOW`]).
    fn evict_undated(&mut self) {
        let (window, now) = (self.config.undated_window, self.articles);
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

/// Articles clustered together as one batch (and committed together by `ingest`): large enough
/// for the neighbour graph to see an event's reports side by side, small enough to bound memory
/// and what a killed ingest redoes.
pub const FEED_BATCH: usize = 1000;

/// Articles on their way into stories: copies are found as articles arrive, stories are assigned
/// a batch at a time ([`Clusterer::add_batch`]). What `cluster`, `ingest` and the benchmarks use.
pub struct StoryFeed {
    pub clusterer: Clusterer,
    copies: CopyIndex,
    /// Queued articles: features, the story of the earlier copy they repeat, copy-index handle,
    /// tag.
    pending: Vec<(Features, Option<u64>, usize, u64)>,
    /// Copies inside the queue, as pairs of queue positions.
    links: Vec<(usize, usize)>,
    /// Queue position of each queued tag.
    queued: HashMap<u64, usize>,
    /// Copy-index handles of the latest articles by tag (those the clusterer may still move).
    handles: VecDeque<(u64, usize)>,
}

impl StoryFeed {
    /// Earlier articles (by tag) moved to other stories by the batches flushed since the last
    /// call.
    pub fn take_moved(&mut self) -> Vec<Moved> {
        self.clusterer.take_moved()
    }

    pub fn new(clusterer: Clusterer) -> StoryFeed {
        let (window, undated) = (
            clusterer.config.window_days,
            clusterer.config.undated_window,
        );
        StoryFeed {
            clusterer,
            copies: CopyIndex::new(window, undated),
            pending: Vec::new(),
            links: Vec::new(),
            queued: HashMap::default(),
            handles: VecDeque::new(),
        }
    }

    /// Remember a text stored by an earlier run (oldest first), so that copies of it are found
    /// as in an uninterrupted run.
    pub fn remember(&mut self, simhash: u64, date: Option<NaiveDate>, story: u64, tag: u64) {
        let handle = self.copies.insert(simhash, date, tag);
        self.copies.set_story(handle, story);
        self.keep_handle(tag, handle);
    }

    /// Remember one of the latest articles stored by an earlier run (oldest first, after
    /// [`StoryFeed::remember`]), so that the next batches may regroup it ([`Clusterer::remember`]).
    pub fn remember_recent(&mut self, features: &Features, story: u64, tag: u64) {
        self.clusterer.remember(features, story, tag);
    }

    fn keep_handle(&mut self, tag: u64, handle: usize) {
        self.handles.push_back((tag, handle));
        if self.handles.len() > 2 * self.clusterer.config.context {
            self.handles.pop_front();
        }
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
            .push((features, found.and_then(|(story, _)| story), handle, tag));
        self.keep_handle(tag, handle);
        found.map(|(_, original)| original)
    }

    pub fn pending(&self) -> usize {
        self.pending.len()
    }

    /// The smallest tag the feed may still name (as the original of a copy, or as an article a
    /// batch moves): a caller may forget what it keeps for smaller tags, so its memory follows
    /// the window too. Tags need not arrive in order (an ingest gives earlier runs' articles
    /// the tags they had as copy candidates).
    pub fn oldest_tag(&self) -> Option<u64> {
        let recent = self.clusterer.recent.iter().map(|r| r.tag);
        let queued = self.pending.iter().map(|p| p.3);
        self.copies.tags().chain(recent).chain(queued).min()
    }

    /// Assign the queued articles to stories; assignments in the order they were pushed. Earlier
    /// articles this moved to other stories are in [`StoryFeed::take_moved`].
    pub fn flush(&mut self) -> Vec<Assignment> {
        let batch: Vec<(&Features, Option<u64>)> = self
            .pending
            .iter()
            .map(|(f, story, _, _)| (f, *story))
            .collect();
        let tags: Vec<u64> = self.pending.iter().map(|p| p.3).collect();
        let assigned = self.clusterer.add_batch(&batch, &self.links, &tags);
        for ((_, _, handle, _), a) in self.pending.iter().zip(&assigned) {
            self.copies.set_story(*handle, a.story);
        }
        // Copies of a moved article follow it.
        for m in &self.clusterer.moved {
            if let Some(&(_, handle)) = self.handles.iter().rev().find(|(t, _)| *t == m.tag) {
                self.copies.set_story(handle, m.story);
            }
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
    undated_window: usize,
    bands: HashMap<(u8, u16), Vec<usize>>,
    /// Texts by handle, from handle `first` on: texts older than the window leave from the
    /// front, so memory follows the window, not the history.
    entries: VecDeque<Option<CopyEntry>>,
    first: usize,
    newest: Option<NaiveDate>,
}

/// A text in the copy index.
#[derive(Debug, Clone, Copy)]
struct CopyEntry {
    simhash: u64,
    date: Option<NaiveDate>,
    /// Its story, once assigned.
    story: Option<u64>,
    /// The caller's tag (e.g. an article number).
    tag: u64,
    /// The date it ages by: its own, or for an undated text the newest date seen when it came.
    aged_from: Option<NaiveDate>,
}

/// Texts whose SimHashes differ in at most this many of 64 bits are copies.
pub const COPY_BITS: u32 = 3;

impl CopyIndex {
    /// `undated_window`: how many texts a stream without dates keeps ([`UNDATED_WINDOW`]; 0: all).
    pub fn new(window_days: i64, undated_window: u64) -> CopyIndex {
        CopyIndex {
            window_days,
            undated_window: undated_window as usize,
            bands: HashMap::default(),
            entries: VecDeque::new(),
            first: 0,
            newest: None,
        }
    }

    fn band(hash: u64, b: u8) -> u16 {
        (hash >> (16 * b as u64)) as u16
    }

    fn entry(&self, handle: usize) -> Option<&CopyEntry> {
        let i = handle.checked_sub(self.first)?;
        self.entries.get(i)?.as_ref()
    }

    /// The tags of the texts the index holds.
    fn tags(&self) -> impl Iterator<Item = u64> + '_ {
        self.entries.iter().flatten().map(|e| e.tag)
    }

    /// How many texts the index holds (those the window closed on are gone).
    pub fn len(&self) -> usize {
        self.entries.iter().filter(|e| e.is_some()).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The (story, tag) of the earliest near-identical text, if any; the story is `None` while
    /// that text waits in the current batch.
    pub fn find(&self, hash: u64, date: Option<NaiveDate>) -> Option<(Option<u64>, u64)> {
        (0..4u8)
            .filter_map(|b| self.bands.get(&(b, Self::band(hash, b))))
            .flatten()
            .filter_map(|&i| self.entry(i))
            .filter(|e| {
                (e.simhash ^ hash).count_ones() <= COPY_BITS
                    && within(e.date, date, self.window_days)
            })
            .map(|e| (e.story, e.tag))
            .min_by_key(|&(_, tag)| tag)
    }

    /// Add a text; returns its handle for [`CopyIndex::set_story`].
    pub fn insert(&mut self, hash: u64, date: Option<NaiveDate>, tag: u64) -> usize {
        let i = self.first + self.entries.len();
        self.entries.push_back(Some(CopyEntry {
            simhash: hash,
            date,
            story: None,
            tag,
            aged_from: date.or(self.newest),
        }));
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
        // Without dates, the oldest texts leave by count, a tenth of the window at a time.
        let keep = self.undated_window;
        if self.newest.is_none() && keep > 0 && self.entries.len() > keep + keep / 10 {
            let extra = self.entries.len() - keep;
            self.entries.drain(..extra);
            self.first += extra;
            let first = self.first;
            self.bands.retain(|_, v| {
                v.retain(|&i| i >= first);
                !v.is_empty()
            });
        }
        i
    }

    /// Record the story a text was assigned to.
    pub fn set_story(&mut self, handle: usize, story: u64) {
        let Some(i) = handle.checked_sub(self.first) else {
            return;
        };
        if let Some(Some(e)) = self.entries.get_mut(i) {
            e.story = Some(story);
        }
    }

    /// Forget texts that aged out of the window. An undated text ages from the newest date seen
    /// when it came, or the first date after it (a stream with no dates at all counts its window
    /// in texts instead, in [`CopyIndex::insert`]).
    fn evict(&mut self) {
        let (Some(newest), window) = (self.newest, self.window_days) else {
            return;
        };
        // Texts that came before any date age from the first one.
        for e in self.entries.iter_mut().flatten() {
            e.aged_from = e.aged_from.or(Some(newest));
        }
        let stale = |e: &Option<CopyEntry>| matches!(e, Some(CopyEntry { aged_from: Some(d), .. }) if (newest - *d).num_days() > window);
        if !self.entries.iter().any(stale) {
            return;
        }
        for e in self.entries.iter_mut() {
            if stale(e) {
                *e = None;
            }
        }
        while let Some(None) = self.entries.front() {
            self.entries.pop_front();
            self.first += 1;
        }
        let (entries, first) = (&self.entries, self.first);
        self.bands.retain(|_, v| {
            v.retain(|&i| i >= first && entries[i - first].is_some());
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
                // Each report has both of its event's own lines, leading with either.
                let mut text = format!("{} {}", lines[k % 2], lines[(k + 1) % 2]);
                for j in 0..2 {
                    text.push(' ');
                    text.push_str(shared[(k + j) % shared.len()]);
                }
                texts.push(text);
                gold.push(event);
            }
        }
        // Unrelated news: nothing but a verb in common (a shared template of several words
        // gives cosines of 0.3–0.4, which is one story).
        for k in 0..90 {
            texts.push(format!(
                "Person{k} met envoy{k} in city{k} about treaty{k}."
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
        let tags: Vec<u64> = (0..items.len() as u64).collect();
        let stories: Vec<u64> = batch
            .add_batch(&items, &[], &tags)
            .iter()
            .map(|a| a.story)
            .collect();
        let f1 = |got: &[u64]| {
            let got: Vec<i64> = got.iter().map(|&s| s as i64).collect();
            let gold: Vec<i64> = gold.iter().map(|&g| g as i64).collect();
            eval::bcubed(&gold, &got).f1
        };
        assert!(f1(&stories) > 0.99, "{stories:?}");
        // One at a time, the first report of the second fight joins the first fight (nothing
        // else is near it yet); the reports that follow take it back to their own story.
        let mut one = Clusterer::new(ClusterConfig::default());
        let mut streamed: Vec<u64> = Vec::new();
        let mut moved = 0;
        for f in &features {
            streamed.push(one.add(f, None).story);
            for m in one.take_moved() {
                streamed[m.tag as usize] = m.story;
                moved += 1;
            }
            if streamed.len() == 13 {
                assert_eq!(streamed[12], streamed[0], "{streamed:?}");
            }
        }
        assert!(moved >= 1);
        assert!(f1(&streamed) > 0.99, "{streamed:?}");
    }

    #[test]
    fn a_long_story_keeps_its_latest_reports_when_the_graph_sees_little_of_it() {
        let config = ClusterConfig {
            context: 30,
            ..ClusterConfig::default()
        };
        let mut c = Clusterer::new(config);
        let mut tag = 0u64;
        let mut feed = |c: &mut Clusterer, texts: Vec<String>| -> Vec<u64> {
            let f: Vec<Features> = texts.iter().map(|t| plain(t)).collect();
            let items: Vec<(&Features, Option<u64>)> = f.iter().map(|f| (f, None)).collect();
            let tags: Vec<u64> = (0..items.len() as u64).map(|k| tag + k).collect();
            tag += items.len() as u64;
            c.add_batch(&items, &[], &tags)
                .iter()
                .map(|a| a.story)
                .collect()
        };
        // A protest reported 40 times; its last report also speaks of a heatwave elsewhere.
        let mut protest: Vec<String> = (0..39)
            .map(|k| format!("Protesters marched through Vitor on Monday against the new tax, organiser Ana Loel said, and police counted marchers{k} near the town hall."))
            .collect();
        protest.push("Protesters marched through Vitor on Monday against the new tax, organiser Ana Loel said, as a heatwave hit Mora.".into());
        let a = feed(&mut c, protest);
        assert!(a.iter().all(|&s| s == a[0]), "{a:?}");
        feed(
            &mut c,
            (0..20)
                .map(|k| format!("Council{k} approved budget{k} for harbour{k}."))
                .collect(),
        );
        let heat = |k: usize| {
            format!("A heatwave in Mora sent temperatures to record highs on Tuesday, and hospitals treated heatstroke patients{k}, officials said.")
        };
        let b = feed(&mut c, (0..8).map(heat).collect());
        assert!(b.iter().all(|&s| s == b[0] && s != a[0]), "{b:?}");
        // The graph now sees one protest report of 40, near the heatwave reports: it stays.
        feed(&mut c, vec![heat(8)]);
        assert_eq!(c.take_moved(), vec![]);
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

    #[test]
    fn the_feed_names_no_tag_older_than_its_window() {
        let config = ClusterConfig {
            context: 50,
            ..ClusterConfig::default()
        };
        let mut feed = StoryFeed::new(Clusterer::new(config));
        assert_eq!(feed.oldest_tag(), None);
        for day in 0..30u32 {
            let f = daily_event(day);
            for k in 0..20u64 {
                let tag = day as u64 * 20 + k;
                let text = format!("report {tag} of day {day}");
                feed.push(f.clone(), simhash(&text), tag);
            }
            feed.flush();
        }
        // Copies are found within 7 days and moves among the latest 50: 8 days of 20 remain.
        assert_eq!(feed.oldest_tag(), Some(22 * 20));
    }

    #[test]
    fn the_feed_names_earlier_runs_articles_whatever_their_tags() {
        let mut feed = StoryFeed::new(Clusterer::new(ClusterConfig::default()));
        let text = "Rescue teams reached the flooded villages of the upper valley on Tuesday.";
        feed.push(plain(text), simhash(text), 100);
        let story = feed.flush()[0].story;
        // An ingest reads an earlier run's latest articles back under the tags they had as
        // copy candidates, which need not be in order.
        feed.remember_recent(&plain("Shelters opened in three schools."), story, 7);
        feed.remember_recent(&plain("Families left their homes."), story, 3);
        assert_eq!(feed.oldest_tag(), Some(3));
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

    #[test]
    fn undated_stories_in_a_dated_stream_leave_memory_too() {
        let mut c = Clusterer::new(ClusterConfig::default());
        let add = |c: &mut Clusterer, k: u32, date: Option<NaiveDate>| {
            c.add(
                &features(&StoryInput {
                    headline: None,
                    text: &format!("Envoy{k} reached city{k} with treaty{k}."),
                    date,
                }),
                None,
            );
        };
        // Undated before any date, and undated among dated articles.
        add(&mut c, 0, None);
        for day in 1..=30 {
            add(&mut c, day, NaiveDate::from_ymd_opt(2025, 1, day));
            add(&mut c, 100 + day, None);
        }
        // The window's eight days, each with a dated and an undated story: an undated story
        // ages from the newest date when it came, or from the first date after it.
        assert_eq!(c.active_stories(), 16);
    }

    #[test]
    fn a_stream_without_dates_counts_its_window_in_articles() {
        // Document frequencies halve often here: the clock must not halve with them.
        let config = |undated_window| ClusterConfig {
            undated_window,
            context: 20,
            df_half_life: 150,
            ..ClusterConfig::default()
        };
        let event = |k: u32| {
            plain(&format!(
                "Envoy{k} reached city{k} with treaty{k} on behalf of minister{k}."
            ))
        };
        let quake = plain("A strong quake struck Iquique in northern Chile, officials said.");
        let mut counted = Clusterer::new(config(100));
        let mut timeless = Clusterer::new(config(0));
        let mut quake_stories = BTreeSet::new();
        for k in 0..1000 {
            // A story that keeps taking articles stays, however long the stream.
            let f = if k % 50 == 0 { &quake } else { &event(k) };
            let story = counted.add(f, None).story;
            if k % 50 == 0 {
                quake_stories.insert(story);
            }
            timeless.add(f, None);
        }
        assert_eq!(quake_stories.len(), 1);
        // The last hundred articles' stories, plus up to a tenth more between looks.
        assert!(
            counted.active_stories() <= 111,
            "{}",
            counted.active_stories()
        );
        assert!(counted.active.contains_key(quake_stories.first().unwrap()));
        assert!(
            timeless.active_stories() > 900,
            "{}",
            timeless.active_stories()
        );

        let mut index = CopyIndex::new(WINDOW_DAYS, 100);
        for tag in 0..1000u64 {
            index.insert(tag.wrapping_mul(0x9e37_79b9_7f4a_7c15), None, tag);
        }
        assert!(index.entries.len() <= 110, "{}", index.entries.len());
        assert_eq!(index.find(0, None), None);
        let newest = 999u64.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        assert_eq!(index.find(newest ^ 1, None), Some((None, 999)));
        // Once a date arrives, the calendar decides: no text leaves by count.
        let day = NaiveDate::from_ymd_opt(2025, 1, 1);
        for tag in 1000..1200u64 {
            index.insert(tag.wrapping_mul(0x9e37_79b9_7f4a_7c15), day, tag);
        }
        assert!(index.len() >= 300, "{}", index.len());
    }

    #[test]
    fn copies_outside_the_window_leave_the_copy_index() {
        let mut index = CopyIndex::new(WINDOW_DAYS, UNDATED_WINDOW);
        let day =
            |d: i64| NaiveDate::from_ymd_opt(2025, 1, 1).map(|x| x + chrono::Duration::days(d));
        // An undated text early in a dated stream ages from the date it came in.
        index.insert(0xdead_beef, None, 0);
        let mut last = 0;
        for d in 0..60 {
            for k in 0..100u64 {
                let tag = 1 + d as u64 * 100 + k;
                last = index.insert(tag.wrapping_mul(0x9e37_79b9_7f4a_7c15), day(d), tag);
            }
        }
        // Eight days of texts (the window and the newest day), not sixty, and no empty slots.
        assert_eq!(index.len(), 800);
        assert_eq!(index.entries.len(), 800);
        assert_eq!(index.find(0xdead_beef, day(59)), None);
        let newest = 5_901u64.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        assert_eq!(index.find(newest ^ 0b101, day(59)), Some((None, 5_901)));
        index.set_story(last, 7);
        assert_eq!(
            index.find(newest ^ 0b101, day(59)).map(|(s, _)| s),
            Some(None)
        );
        let latest = 6_000u64.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        assert_eq!(index.find(latest, day(59)), Some((Some(7), 6_000)));
    }

    /// One report a day of a new event with names of its own, among a few recurring words.
    fn daily_event(day: u32) -> Features {
        let date =
            NaiveDate::from_ymd_opt(2025, 1, 1).map(|d| d + chrono::Duration::days(day as i64));
        features(&StoryInput {
            headline: None,
            text: &format!("Officials in Town{day} said the storm flooded roads near Lake{day} and River{day} on Monday."),
            date,
        })
    }

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
        assert!(!state.df.iter().any(|(t, _)| t == "@town3"));
        assert!(state.docs < 40, "{}", state.docs);
        // A forgotten feature's number goes to a new one, and the saved state stays exact.
        assert_eq!(Clusterer::restore(config(20), state.clone()).state(), state);
        // The most recent event's features are held while its story is active.
        assert!(state.df.iter().any(|(t, _)| t == "@town199"));
    }

    #[test]
    fn a_restored_clusterer_halves_as_an_uninterrupted_one() {
        let config = ClusterConfig {
            df_half_life: 15,
            ..ClusterConfig::default()
        };
        let mut one = Clusterer::new(config);
        let a: Vec<u64> = (0..60)
            .map(|d| one.add(&daily_event(d), None).story)
            .collect();
        let mut first = Clusterer::new(config);
        let mut b: Vec<u64> = (0..37)
            .map(|d| first.add(&daily_event(d), None).story)
            .collect();
        let mut second = Clusterer::restore(config, first.state());
        b.extend((37..60).map(|d| second.add(&daily_event(d), None).story));
        assert_eq!(a, b);
        assert_eq!(one.state(), second.state());
    }

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
