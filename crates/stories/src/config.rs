//! The parameters of story clustering ([`ClusterConfig`]) and the named constants behind their
//! defaults, each with the reason for its value.

use serde::{Deserialize, Serialize};

use crate::graph;

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
/// saw none, and met the stories before it only through their centroids. Two batches' worth:
/// with 1,000, a long generated stream fed 50 articles at a time split and mixed stories that
/// one batch keeps apart (B-cubed 0.986), because a story's reports spread over more of the
/// stream than the graph saw; with 2,000 it scores 0.997 in batches of 50 and 0.995 in batches
/// of 1,000. The graph's cost per batch grows with it (see README "Performance").
pub const CONTEXT: usize = 2000;

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

/// Default join threshold: measured on ECB+ topics 1–35 (see README "Quality").
pub const STORY_THRESHOLD: f64 = 0.3;
/// Features a story centroid keeps (pruned to this when it grows to twice as many).
pub const CENTROID_FEATURES: usize = 400;
/// Stories scored per article: those sharing the most weight of its specific features.
pub(crate) const MAX_CANDIDATES: usize = 12;
/// News about one event rarely continues after a week of silence.
pub const WINDOW_DAYS: i64 = 7;

/// A stream in which no article carries a date (a crawl of plain text files) has no clock; its
/// window is counted in articles instead: a story that took none of the last 50,000, and a text
/// older than that, leave memory. 50,000 is about a week of a large feed (the generated stream
/// carries 6,000 articles a day). Without it, such a stream kept every story and every text:
/// memory grew with its whole history. The first dated article starts the calendar window.
pub const UNDATED_WINDOW: u64 = 50_000;
