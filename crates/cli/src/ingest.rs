//! `parallax ingest`: stream articles into the store in batches, clustering as they arrive.
//!
//! Each batch commits articles, stories, search rows and clustering state in one transaction, so
//! a kill loses at most the uncommitted batch, which the next run redoes: articles already stored
//! (same id, or same normalised text) are skipped, never duplicated.

use std::collections::{HashMap, HashSet};

use parallax_model::Article;
use parallax_store::{text_hash, IngestSummary, PreparedArticle, Store};
use parallax_stories::{features, simhash, ClusterConfig, StoryFeed, FEED_BATCH};

/// Most stored texts read back for copy detection when an ingest starts: as many as a stream
/// without dates keeps, a week of a large feed.
const RECENT_TEXTS: usize = parallax_stories::UNDATED_WINDOW as usize;

pub fn ingest(
    store: &mut Store,
    articles: impl IntoIterator<Item = Article>,
    config: ClusterConfig,
    mut progress: impl FnMut(usize),
) -> parallax_store::Result<IngestSummary> {
    let mut run = Run {
        feed: StoryFeed::new(store.load_clusterer(config)?),
        ids: TagIds::default(),
        batch: Vec::with_capacity(FEED_BATCH),
        summary: IngestSummary::default(),
        touched: HashSet::new(),
    };
    // Copies of what earlier runs stored are found too, as if the runs had been one.
    for (id, sim, date, story) in store.recent_texts(config.window_days, RECENT_TEXTS)? {
        let tag = run.ids.push(id);
        run.feed.remember(sim, date, story, tag);
    }
    // The latest articles may still change story when the next ones arrive, as in one run.
    let tag_of: HashMap<String, u64> = run
        .ids
        .ids
        .iter()
        .enumerate()
        .rev()
        .take(2 * config.context)
        .map(|(k, id)| (id.clone(), run.ids.first + k as u64))
        .collect();
    for (article, story) in store.latest_articles(config.context)? {
        let tag = tag_of
            .get(&article.id)
            .copied()
            .unwrap_or_else(|| run.ids.push(article.id.clone()));
        let f = features(&crate::story_input(&article));
        run.feed.remember_recent(&f, story, tag);
    }
    let mut batch_keys: HashSet<String> = HashSet::new();
    for article in articles {
        run.summary.read += 1;
        let hash = text_hash(&article.text);
        if batch_keys.contains(&article.id)
            || batch_keys.contains(&hash)
            || store.contains(&article.id, &hash)?
        {
            run.summary.duplicates += 1;
            progress(run.summary.read);
            continue;
        }
        let sim = simhash(&article.text);
        let f = features(&crate::story_input(&article));
        let tag = run.ids.push(article.id.clone());
        let copy = run.feed.push(f, sim, tag);
        batch_keys.insert(article.id.clone());
        batch_keys.insert(hash.clone());
        run.batch.push(PreparedArticle {
            headline: parallax_text::headline_of(article.title.as_deref(), &article.text)
                .map(str::to_string),
            copy_of: copy.map(|tag| run.ids.get(tag).to_string()),
            article,
            hash,
            simhash: sim,
            story: 0,
        });
        if run.batch.len() >= FEED_BATCH {
            run.commit(store)?;
            batch_keys.clear();
        }
        progress(run.summary.read);
    }
    if !run.batch.is_empty() || run.summary.read > 0 {
        run.commit(store)?;
    }
    run.summary.stories_touched = run.touched.len();
    Ok(run.summary)
}

/// One ingest run's state between batches.
struct Run {
    feed: StoryFeed,
    /// Article ids by feed tag (stored texts read back first, then this run's articles).
    ids: TagIds,
    batch: Vec<PreparedArticle>,
    summary: IngestSummary,
    touched: HashSet<u64>,
}

impl Run {
    /// Cluster and commit the batch together: a kill loses at most the batch, and the rerun
    /// meets the same batch boundaries, so it assigns the same stories.
    fn commit(&mut self, store: &mut Store) -> parallax_store::Result<()> {
        for (p, assigned) in self.batch.iter_mut().zip(self.feed.flush()) {
            p.story = assigned.story;
            self.summary.new_stories += usize::from(assigned.new_story);
            self.touched.insert(assigned.story);
        }
        // Earlier articles the batch regrouped, by id.
        let moved: Vec<(String, u64)> = self
            .feed
            .take_moved()
            .into_iter()
            .map(|m| {
                self.touched.insert(m.story);
                (self.ids.get(m.tag).to_string(), m.story)
            })
            .collect();
        self.summary.moved += moved.len();
        let headlines = self.best_headlines(store)?;
        store.commit_batch(
            &self.batch,
            &moved,
            &headlines,
            &self.feed.clusterer.take_changes(),
        )?;
        self.summary.new += self.batch.len();
        self.batch.clear();
        if let Some(oldest) = self.feed.oldest_tag() {
            self.ids.forget_before(oldest);
        }
        Ok(())
    }
}

impl Run {
    /// The stories of the batch whose best-supported headline is now another one: each keeps
    /// its stored headline unless a headline of the batch says better what the story's reports
    /// say ([`parallax_stories::Clusterer::headline_support`]). Ties keep the stored one.
    fn best_headlines(&self, store: &Store) -> parallax_store::Result<Vec<(u64, String)>> {
        let mut candidates: std::collections::BTreeMap<u64, Vec<&str>> = Default::default();
        for p in &self.batch {
            if let Some(h) = &p.headline {
                candidates.entry(p.story).or_default().push(h);
            }
        }
        let stored = store.story_headlines(candidates.keys().copied())?;
        let support = |story: u64, h: &str| {
            self.feed
                .clusterer
                .headline_support(story, h)
                .unwrap_or(0.0)
        };
        let mut out = Vec::new();
        for (story, headlines) in candidates {
            let current = stored.get(&story).map(String::as_str).unwrap_or("");
            let mut best = (support(story, current), current);
            for h in headlines {
                let s = support(story, h);
                if s > best.0 {
                    best = (s, h);
                }
            }
            if best.1 != current {
                out.push((story, best.1.to_string()));
            }
        }
        Ok(out)
    }
}

/// Article ids by feed tag, for the tags the feed may still name: older ones are forgotten, so
/// a long ingest keeps the ids of the window, not of the whole run.
#[derive(Default)]
struct TagIds {
    /// The tag of `ids[0]`.
    first: u64,
    ids: std::collections::VecDeque<String>,
}

impl TagIds {
    /// The tag the next id gets.
    fn next_tag(&self) -> u64 {
        self.first + self.ids.len() as u64
    }

    fn push(&mut self, id: String) -> u64 {
        self.ids.push_back(id);
        self.next_tag() - 1
    }

    fn get(&self, tag: u64) -> &str {
        let i = tag
            .checked_sub(self.first)
            .expect("the feed names no forgotten tag");
        &self.ids[i as usize]
    }

    fn forget_before(&mut self, tag: u64) {
        while self.first < tag && !self.ids.is_empty() {
            self.ids.pop_front();
            self.first += 1;
        }
    }
}
