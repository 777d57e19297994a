//! `parallax ingest`: stream articles into the store in batches, clustering as they arrive.
//!
//! Each batch commits articles, stories, search rows and clustering state in one transaction, so
//! a kill loses at most the uncommitted batch, which the next run redoes: articles already stored
//! (same id, or same normalised text) are skipped, never duplicated.

use std::collections::HashSet;

use parallax_model::Article;
use parallax_store::{text_hash, IngestSummary, PreparedArticle, Store};
use parallax_stories::{features, simhash, ClusterConfig, StoryFeed, FEED_BATCH};

/// Most stored texts read back for copy detection when an ingest starts: a week of a large feed.
const RECENT_TEXTS: usize = 50_000;

pub fn ingest(
    store: &mut Store,
    articles: impl IntoIterator<Item = Article>,
    config: ClusterConfig,
    mut progress: impl FnMut(usize),
) -> parallax_store::Result<IngestSummary> {
    let mut feed = StoryFeed::new(store.load_clusterer(config)?);
    let mut copy_ids: Vec<String> = Vec::new();
    // Copies of what earlier runs stored are found too, as if the runs had been one.
    for (id, sim, date, story) in store.recent_texts(config.window_days, RECENT_TEXTS)? {
        feed.remember(sim, date, story, copy_ids.len() as u64);
        copy_ids.push(id);
    }
    // The latest articles may still change story when the next ones arrive, as in one run.
    let latest = store.latest_articles(config.context)?;
    let tag_of: std::collections::HashMap<&str, u64> = copy_ids
        .iter()
        .enumerate()
        .rev()
        .take(2 * config.context)
        .map(|(tag, id)| (id.as_str(), tag as u64))
        .collect();
    let mut recent_tags = Vec::with_capacity(latest.len());
    for (article, _) in &latest {
        recent_tags.push(tag_of.get(article.id.as_str()).copied());
    }
    for ((article, story), tag) in latest.into_iter().zip(recent_tags) {
        let tag = tag.unwrap_or_else(|| {
            copy_ids.push(article.id.clone());
            copy_ids.len() as u64 - 1
        });
        feed.remember_recent(&features(&crate::story_input(&article)), story, tag);
    }
    let mut summary = IngestSummary::default();
    let mut touched: HashSet<u64> = HashSet::new();
    let mut batch: Vec<PreparedArticle> = Vec::with_capacity(FEED_BATCH);
    let mut batch_keys: HashSet<String> = HashSet::new();
    for article in articles {
        summary.read += 1;
        let hash = text_hash(&article.text);
        if batch_keys.contains(&article.id)
            || batch_keys.contains(&hash)
            || store.contains(&article.id, &hash)?
        {
            summary.duplicates += 1;
            progress(summary.read);
            continue;
        }
        let sim = simhash(&article.text);
        let f = features(&crate::story_input(&article));
        let copy = feed.push(f, sim, copy_ids.len() as u64);
        copy_ids.push(article.id.clone());
        batch_keys.insert(article.id.clone());
        batch_keys.insert(hash.clone());
        batch.push(PreparedArticle {
            headline: parallax_stories::features::headline_of(&article).map(str::to_string),
            copy_of: copy.map(|tag| copy_ids[tag as usize].clone()),
            article,
            hash,
            simhash: sim,
            story: 0,
        });
        if batch.len() >= FEED_BATCH {
            commit(
                store,
                &mut feed,
                &mut batch,
                &copy_ids,
                &mut summary,
                &mut touched,
            )?;
            batch_keys.clear();
        }
        progress(summary.read);
    }
    if !batch.is_empty() || summary.read > 0 {
        commit(
            store,
            &mut feed,
            &mut batch,
            &copy_ids,
            &mut summary,
            &mut touched,
        )?;
    }
    summary.stories_touched = touched.len();
    Ok(summary)
}

/// Cluster and commit one batch together: a kill loses at most the batch, and the rerun meets
/// the same batch boundaries, so it assigns the same stories.
fn commit(
    store: &mut Store,
    feed: &mut StoryFeed,
    batch: &mut Vec<PreparedArticle>,
    ids: &[String],
    summary: &mut IngestSummary,
    touched: &mut HashSet<u64>,
) -> parallax_store::Result<()> {
    for (p, assigned) in batch.iter_mut().zip(feed.flush()) {
        p.story = assigned.story;
        summary.new_stories += usize::from(assigned.new_story);
        touched.insert(assigned.story);
    }
    // Earlier articles the batch regrouped, by id (tags are positions in `ids`).
    let moved: Vec<(String, u64)> = feed
        .take_moved()
        .into_iter()
        .map(|m| {
            touched.insert(m.story);
            (ids[m.tag as usize].clone(), m.story)
        })
        .collect();
    summary.moved += moved.len();
    store.commit_batch(batch, &moved, &feed.clusterer.take_changes())?;
    summary.new += batch.len();
    batch.clear();
    Ok(())
}
