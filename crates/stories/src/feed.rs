//! The feed: articles on their way into stories. Copies are found as articles arrive
//! ([`CopyIndex`]); stories are assigned a batch at a time ([`Clusterer::add_batch`]).

use std::collections::VecDeque;

use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;

use crate::clusterer::{Assignment, Clusterer, Moved};
use crate::copies::CopyIndex;
use crate::features::Features;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ClusterConfig;
    use crate::features::simhash;
    use crate::test_support::{daily_event, plain};

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
}
