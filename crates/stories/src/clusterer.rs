//! The streaming clusterer: its state, its public API, and the clocks that move with the stream
//! (the calendar window, the article-count window of a stream without dates, the halving of
//! document frequencies). How a batch is assigned is in [`crate::assign`].

use std::collections::VecDeque;

use chrono::NaiveDate;

use crate::config::ClusterConfig;
use crate::features::Features;
use crate::recent::Recent;
use crate::state::ClustererState;
use crate::story_index::StoryIndex;
use crate::vocabulary::{TermId, Vocabulary};

/// Streaming story clustering.
pub struct Clusterer {
    pub(crate) config: ClusterConfig,
    /// Every article clustered ([`ClustererState::articles`]).
    pub(crate) articles: u64,
    pub(crate) vocab: Vocabulary,
    pub(crate) stories: StoryIndex,
    /// The newest publication date seen: the window is measured back from it.
    pub(crate) newest: Option<NaiveDate>,
    /// The latest articles, oldest first (at most `config.context`, within the window).
    pub(crate) recent: VecDeque<Recent>,
    /// Articles moved since the last [`Clusterer::take_moved`].
    pub(crate) moved: Vec<Moved>,
}

/// Where an article went.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Assignment {
    pub story: u64,
    pub new_story: bool,
    pub score: f64,
}

/// An earlier article that a later batch moved to another story (by the caller's tag).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moved {
    pub tag: u64,
    pub story: u64,
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

    /// Assign one article to a story (or `force` it into a given one, for syndicated copies).
    /// Its tag is its number in the stream.
    pub fn add(&mut self, f: &Features, force: Option<u64>) -> Assignment {
        let tag = self.articles;
        self.add_batch(&[(f, force)], &[], &[tag])[0]
    }

    /// Assign a batch of articles to stories, in order; `tags` name the articles (for
    /// [`Clusterer::take_moved`]).
    ///
    /// The batch and the latest earlier articles ([`CONTEXT`](crate::CONTEXT)) are grouped by the
    /// nearest-neighbour graph ([`graph::components`](crate::graph::components)). A group holding
    /// earlier articles continues the story most of them are in, and earlier articles of other
    /// stories move to it; a second group claiming the same story opens a new one unless it fits
    /// the rest of the story ([`REGROUP_COHESION`](crate::REGROUP_COHESION)). Articles of a story
    /// the graph sees less than half of stay put. A group of new articles only joins the active
    /// story its summed vector is most similar to, among those stories and the ones with no
    /// article in the graph (the graph kept it apart from the others), or opens a new story.
    /// `force` puts an article (and its group, if the group holds no earlier article) into a
    /// given story: syndicated copies of an earlier article; `links` are pairs of the batch's
    /// articles that must share a story (copies inside the batch).
    pub fn add_batch(
        &mut self,
        batch: &[(&Features, Option<u64>)],
        links: &[(usize, usize)],
        tags: &[u64],
    ) -> Vec<Assignment> {
        assert_eq!(batch.len(), tags.len(), "one tag per article");
        self.assign_groups(batch, links, tags)
    }

    /// Articles moved to another story since the previous call.
    pub fn take_moved(&mut self) -> Vec<Moved> {
        std::mem::take(&mut self.moved)
    }

    /// How well `headline` says what story `id`'s reports say
    /// ([`parallax_text::lines::headline_support`], a term's share being its mean weight in
    /// the story's centroid); `None` once the story has left memory.
    pub fn headline_support(&self, id: u64, headline: &str) -> Option<f64> {
        let story = self.stories.active.get(&id)?;
        let size = f64::from(story.size.max(1));
        Some(parallax_text::lines::headline_support(headline, |t| {
            self.vocab
                .id(t)
                .and_then(|t| story.centroid.get(&t))
                .map_or(0.0, |&w| f64::from(w) / size)
        }))
    }

    pub fn active_stories(&self) -> usize {
        self.stories.active.len()
    }

    /// How many features the clusterer knows (those halving forgot are not counted).
    pub fn vocabulary(&self) -> usize {
        self.vocab.len()
    }

    pub(crate) fn open_story(&mut self) -> u64 {
        self.stories.open(self.articles)
    }

    /// Add one article's vector to a story; an undated article counts as of the newest date.
    pub(crate) fn join(&mut self, story: u64, vector: &[(TermId, f32)], date: Option<NaiveDate>) {
        let aged = date.or(self.newest);
        let names = &self.vocab.names;
        self.stories.join(story, vector, aged, self.articles, names);
    }

    /// A group dated `latest` arrived: the window only moves when a newer day arrives, so stories
    /// are evicted then, not on every article.
    pub(crate) fn advance_calendar(&mut self, latest: Option<NaiveDate>) {
        if latest > self.newest {
            self.newest = latest;
            if let Some(newest) = self.newest {
                self.stories.evict(newest, self.config.window_days);
            }
        }
    }

    /// After a batch (the stream was at `articles_before` before it): without dates the window
    /// moves by article counts, looked at every tenth of it; document frequencies halve when
    /// their half-life is due ([`DF_HALF_LIFE`](crate::DF_HALF_LIFE)).
    pub(crate) fn advance_counts(&mut self, articles_before: u64) {
        let step = (self.config.undated_window / 10).max(1);
        if self.newest.is_none() && articles_before / step != self.articles / step {
            self.stories
                .evict_undated(self.articles, self.config.undated_window);
        }
        let half_life = self.config.df_half_life;
        while half_life > 0 && self.vocab.since_halving >= half_life {
            self.vocab.since_halving -= half_life;
            // Features a story or a recent article holds keep their numbers.
            let mut held = self.stories.held_terms();
            for r in &self.recent {
                held.extend(r.terms.iter().map(|(t, _)| *t));
            }
            self.vocab.halve(&held);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::features::{features, StoryInput};
    use crate::test_support::plain;

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
        assert!(counted
            .stories
            .active
            .contains_key(quake_stories.first().unwrap()));
        assert!(
            timeless.active_stories() > 900,
            "{}",
            timeless.active_stories()
        );
    }
}
