//! Stories: group articles about the same real-world event, as a stream.
//!
//! Each article becomes a TF-IDF vector over light features of its headline and lead
//! ([`features`](mod@features)). Document frequencies are counted as the stream goes and halve
//! every [`DF_HALF_LIFE`] articles, so IDF follows what the news says now.
//!
//! Articles are clustered a batch at a time ([`Clusterer::add_batch`]; [`FEED_BATCH`] in
//! `cluster` and `ingest`). A nearest-neighbour graph links each article of the batch to its
//! nearest among the batch and the latest 2,000 earlier articles ([`CONTEXT`],
//! [`graph::components`]). Linked components that do not hang together (a chain of stories
//! through shared common words, which short feed items form) are regrouped by average link
//! ([`cohesive`]). Each group then gets a story:
//!
//! - a group holding earlier articles continues the story most of them are in, and its earlier
//!   articles in other stories move to it (so the first report of a second event, put into the
//!   first event's story while it was alone, leaves when its event's reports arrive); a second
//!   group continuing the same story stays in it only if it fits the rest of the story
//!   ([`REGROUP_COHESION`]), else it opens a new one;
//! - a story the graph sees less than half of is settled: its articles stay put, and it takes
//!   new articles by its centroid only;
//! - a group of new articles joins, by the cosine of its summed vector with story centroids, the
//!   most similar story among the settled ones and those with no article in the graph, if the
//!   cosine clears [`STORY_THRESHOLD`] and half the cosine the story's own members would give
//!   ([`COHESION`]); otherwise it opens a new story.
//!
//! Near-identical texts (syndicated copies) are found by SimHash ([`CopyIndex`]) and go with
//! the text they copy. Stories and copies more than [`WINDOW_DAYS`] older than the newest date
//! leave memory; in a stream without dates, those that took none of the last
//! [`UNDATED_WINDOW`] articles.
//!
//! Architecture invariant: pure, in-memory state; persistence belongs to `parallax-store`, which
//! saves [`Changes`] and restores [`ClustererState`] (the API boundary, in `state.rs`).

mod assign;
mod clusterer;
pub mod cohesive;
mod config;
mod copies;
pub mod eval;
pub mod features;
mod feed;
pub mod graph;
mod recent;
mod state;
mod story_index;
#[cfg(test)]
mod test_support;
mod vocabulary;

pub use clusterer::{Assignment, Clusterer, Moved};
pub use config::{
    ClusterConfig, CENTROID_FEATURES, COHESION, CONTEXT, DF_HALF_LIFE, REGROUP_COHESION,
    STORY_THRESHOLD, UNDATED_WINDOW, WINDOW_DAYS,
};
pub use copies::{CopyIndex, COPY_BITS};
pub use features::{features, simhash, Features, StoryInput};
pub use feed::{StoryFeed, FEED_BATCH};
pub use graph::members_by_label;
pub use state::{Changes, ClustererState, StoryState};
