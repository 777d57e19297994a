//! `parallax ingest`: stream articles into the store in batches, clustering as they arrive.
//!
//! Each batch commits articles, stories, search rows and clustering state in one transaction, so
//! a kill loses at most the uncommitted batch, which the next run redoes: articles already stored
//! (same id, or same normalised text) are skipped, never duplicated.

use std::collections::HashSet;

use parallax_model::Article;
use parallax_store::{text_hash, IngestSummary, PreparedArticle, Store};
use parallax_stories::{features, simhash, ClusterConfig, CopyIndex};

/// Articles per transaction: large enough to amortise commits, small enough to lose little.
pub const BATCH: usize = 1000;

pub fn ingest(
    store: &mut Store,
    articles: impl IntoIterator<Item = Article>,
    config: ClusterConfig,
    mut progress: impl FnMut(usize),
) -> parallax_store::Result<IngestSummary> {
    let mut clusterer = store.load_clusterer(config)?;
    let mut copies = CopyIndex::new(config.window_days);
    let mut copy_ids: Vec<String> = Vec::new();
    let mut summary = IngestSummary::default();
    let mut touched: HashSet<u64> = HashSet::new();
    let mut batch: Vec<PreparedArticle> = Vec::with_capacity(BATCH);
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
        let copy = copies.find(sim, article.published_date);
        let f = features(&crate::story_input(&article));
        let assigned = clusterer.add(&f, copy.map(|(story, _)| story));
        copies.insert(
            sim,
            article.published_date,
            assigned.story,
            copy_ids.len() as u64,
        );
        copy_ids.push(article.id.clone());
        if assigned.new_story {
            summary.new_stories += 1;
        }
        touched.insert(assigned.story);
        batch_keys.insert(article.id.clone());
        batch_keys.insert(hash.clone());
        batch.push(PreparedArticle {
            headline: parallax_stories::features::headline_of(&article).map(str::to_string),
            copy_of: copy.map(|(_, tag)| copy_ids[tag as usize].clone()),
            article,
            hash,
            simhash: sim,
            story: assigned.story,
        });
        if batch.len() >= BATCH {
            store.commit_batch(&batch, &clusterer.take_changes())?;
            summary.new += batch.len();
            batch.clear();
            batch_keys.clear();
        }
        progress(summary.read);
    }
    if !batch.is_empty() || summary.read > 0 {
        store.commit_batch(&batch, &clusterer.take_changes())?;
        summary.new += batch.len();
    }
    summary.stories_touched = touched.len();
    Ok(summary)
}
