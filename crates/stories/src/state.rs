//! The persistence boundary: the clusterer's state as plain values ([`ClustererState`],
//! [`StoryState`]) and what changed since the last save ([`Changes`]). `parallax-store` decides
//! how they are written; restoring a saved state continues exactly where the clusterer was.

use std::collections::VecDeque;

use chrono::NaiveDate;
use rustc_hash::FxHashMap as HashMap;

use crate::clusterer::Clusterer;
use crate::config::ClusterConfig;
use crate::story_index::{Active, StoryIndex};
use crate::vocabulary::{TermId, Vocabulary};

/// One story as the clusterer sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoryState {
    pub id: u64,
    /// Sum of the member vectors (each of unit length), by feature.
    pub centroid: Vec<(String, f32)>,
    pub latest: Option<NaiveDate>,
    pub size: u32,
    /// The stream's article count when it last took an article (the clock of a stream without
    /// dates); `None` for stories saved before it was kept, which count from their restore.
    pub last_article: Option<u64>,
}

/// Everything needed to continue clustering later (saved by the store).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ClustererState {
    /// The article count document frequencies are taken against (halves with them).
    pub docs: u64,
    /// Every article clustered, never halved: the clock of a stream without dates.
    pub articles: u64,
    /// Articles counted since document frequencies last halved.
    pub since_halving: u64,
    pub df: Vec<(String, u32)>,
    pub next_id: u64,
    pub active: Vec<StoryState>,
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

impl Clusterer {
    pub fn restore(config: ClusterConfig, state: ClustererState) -> Clusterer {
        let mut c = Clusterer {
            config,
            articles: state.articles,
            vocab: Vocabulary::restore(state.docs, state.since_halving, state.df),
            stories: StoryIndex::new(state.next_id.max(1)),
            newest: None,
            recent: VecDeque::new(),
            moved: Vec::new(),
        };
        for s in state.active {
            c.newest = c.newest.max(s.latest);
            let centroid: HashMap<TermId, f32> = s
                .centroid
                .iter()
                .map(|(t, w)| (c.vocab.intern(t), *w))
                .collect();
            let norm2 = centroid.values().map(|w| w * w).sum();
            c.stories.restore(Active {
                id: s.id,
                centroid,
                norm2,
                latest: s.latest,
                size: s.size,
                last_article: s.last_article.unwrap_or(state.articles),
            });
        }
        c
    }

    /// The state to save; restoring it continues exactly where this clusterer is.
    pub fn state(&self) -> ClustererState {
        let names = &self.vocab.names;
        let mut active: Vec<StoryState> = self
            .stories
            .active
            .values()
            .map(|s| s.saved(names))
            .collect();
        active.sort_by_key(|s| s.id);
        ClustererState {
            docs: self.vocab.docs,
            articles: self.articles,
            since_halving: self.vocab.since_halving,
            df: self.vocab.saved(),
            next_id: self.stories.next_id,
            active,
        }
    }

    /// Changes since the previous call (or since creation/restoring).
    pub fn take_changes(&mut self) -> Changes {
        let df = self.vocab.take_changed();
        let names = &self.vocab.names;
        let active = &self.stories.active;
        let stories = std::mem::take(&mut self.stories.dirty)
            .into_iter()
            .filter_map(|id| active.get(&id))
            .map(|s| s.saved(names))
            .collect();
        Changes {
            docs: self.vocab.docs,
            articles: self.articles,
            since_halving: self.vocab.since_halving,
            halvings: std::mem::take(&mut self.vocab.halvings),
            next_id: self.stories.next_id,
            df,
            stories,
            evicted: std::mem::take(&mut self.stories.evicted),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::Features;
    use crate::test_support::{daily_event, plain};

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
}
