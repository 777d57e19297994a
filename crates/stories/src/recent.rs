//! The latest articles, which the neighbour graph of a later batch sees beside it and may move
//! to another story ([`CONTEXT`](crate::CONTEXT)).

use chrono::NaiveDate;

use crate::clusterer::{Assignment, Clusterer, Moved};
use crate::features::Features;
use crate::vocabulary::TermId;

/// One of the latest articles, which a later batch may regroup.
pub(crate) struct Recent {
    pub(crate) tag: u64,
    /// Features and raw weights: the graph weighs them again with the current document
    /// frequencies, as one batch would have (weights from the stream's first minutes are far
    /// off).
    pub(crate) terms: Vec<(TermId, f32)>,
    /// The vector the article's story centroid holds (to take out when it moves).
    pub(crate) added: Vec<(TermId, f32)>,
    pub(crate) date: Option<NaiveDate>,
    pub(crate) story: u64,
}

impl Clusterer {
    /// Remember an article stored by an earlier run (oldest first) so that the next batches can
    /// regroup it, as in an uninterrupted run. Its document frequencies were counted then; the
    /// vector its story's centroid holds is taken to be today's (close: the frequencies moved
    /// little since).
    pub fn remember(&mut self, f: &Features, story: u64, tag: u64) {
        if !self.stories.active.contains_key(&story) {
            return;
        }
        let terms: Vec<(TermId, f32)> = f
            .terms
            .iter()
            .map(|(t, w)| (self.vocab.intern(t), *w))
            .collect();
        let added = self.vocab.weigh(&terms);
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

    /// Remember a batch's articles (`terms` as counted, `vectors` as they joined their stories),
    /// keeping the latest `context`.
    pub(crate) fn remember_batch(
        &mut self,
        terms: Vec<Vec<(TermId, f32)>>,
        vectors: Vec<Vec<(TermId, f32)>>,
        dates: &[Option<NaiveDate>],
        assigned: &[Assignment],
        tags: &[u64],
    ) {
        for (((terms, added), &date), (a, &tag)) in terms
            .into_iter()
            .zip(vectors)
            .zip(dates)
            .zip(assigned.iter().zip(tags))
        {
            self.recent.push_back(Recent {
                tag,
                terms,
                added,
                date,
                story: a.story,
            });
        }
        while self.recent.len() > self.config.context {
            self.recent.pop_front();
        }
    }

    /// Forget recent articles that left the window or whose story did.
    pub(crate) fn prune_recent(&mut self) {
        let (newest, window) = (self.newest, self.config.window_days);
        let active = &self.stories.active;
        self.recent.retain(|r| {
            active.contains_key(&r.story)
                && !matches!((newest, r.date), (Some(n), Some(d)) if (n - d).num_days() > window)
        });
    }

    /// Move recent article `k` to another story: out of its story's centroid, into the other's
    /// with its `vector` of now.
    pub(crate) fn move_recent(&mut self, k: usize, to: u64, vector: &[(TermId, f32)]) {
        let (from, tag, date) = {
            let r = &self.recent[k];
            (r.story, r.tag, r.date)
        };
        let added = std::mem::take(&mut self.recent[k].added);
        self.stories.leave(from, &added);
        self.join(to, vector, date);
        let r = &mut self.recent[k];
        r.added = vector.to_vec();
        r.story = to;
        self.moved.push(Moved { tag, story: to });
    }
}
