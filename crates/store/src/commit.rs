//! Committing an ingest batch: its articles, their stories and search rows, the earlier articles
//! it moved to other stories, and the clusterer's changed state, in one transaction.

use std::collections::BTreeSet;

use parallax_model::Article;
use parallax_stories::Changes;
use parallax_text::headline_of;
use rusqlite::{params, OptionalExtension, Transaction};

use crate::clusterer_state::save_changes;
use crate::{Result, Store, StoreError};

/// What one ingest run did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct IngestSummary {
    pub read: usize,
    pub new: usize,
    pub duplicates: usize,
    pub stories_touched: usize,
    pub new_stories: usize,
    /// Articles stored earlier (by this run or an earlier one) that moved to another story.
    pub moved: usize,
}

/// An article ready to store: where clustering put it and the keys that make ingest idempotent.
#[derive(Debug, Clone)]
pub struct PreparedArticle {
    pub article: Article,
    pub hash: String,
    pub simhash: u64,
    pub story: u64,
    pub copy_of: Option<String>,
    pub headline: Option<String>,
}

impl Store {
    /// Store a batch with the clustering state after it, in one transaction; `moved` are earlier
    /// articles (by id) the batch moved to other stories, `headlines` stories whose best-supported
    /// headline changed.
    pub fn commit_batch(
        &mut self,
        batch: &[PreparedArticle],
        moved: &[(String, u64)],
        headlines: &[(u64, String)],
        changes: &Changes,
    ) -> Result<()> {
        let r = self.conn.transaction().and_then(|tx| {
            insert_articles(&tx, batch)?;
            if !moved.is_empty() {
                move_articles(&tx, moved)?;
            }
            set_headlines(&tx, headlines)?;
            save_changes(&tx, changes)?;
            tx.commit()
        });
        r.map_err(|source| StoreError::Sql {
            path: self.path.clone(),
            source,
        })
    }
}

/// Give stories the headlines chosen for them.
fn set_headlines(tx: &Transaction, headlines: &[(u64, String)]) -> rusqlite::Result<()> {
    let mut set = tx.prepare_cached("UPDATE stories SET headline = ?2 WHERE id = ?1")?;
    for (story, headline) in headlines {
        set.execute(params![*story as i64, headline])?;
    }
    Ok(())
}

/// Store the batch's articles and their search rows, opening their stories and bringing the
/// stories' counts, dates and headlines up to date.
fn insert_articles(tx: &Transaction, batch: &[PreparedArticle]) -> rusqlite::Result<()> {
    let mut ensure_story = tx.prepare_cached(
        "INSERT INTO stories (id, headline) VALUES (?1, ?2) ON CONFLICT(id) DO NOTHING",
    )?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO articles (id, hash, title, text, url, outlet, published, published_date, authors, source, story, copy_of, simhash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?;
    let mut fts =
        tx.prepare_cached("INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)")?;
    let mut touch = tx.prepare_cached(
        "UPDATE stories SET articles = articles + 1,
            first_date = CASE WHEN ?2 IS NULL THEN first_date WHEN first_date IS NULL OR ?2 < first_date THEN ?2 ELSE first_date END,
            last_date = CASE WHEN ?2 IS NULL THEN last_date WHEN last_date IS NULL OR ?2 > last_date THEN ?2 ELSE last_date END,
            headline = CASE WHEN headline = '' THEN ?3 ELSE headline END,
            updated_seq = ?4
         WHERE id = ?1",
    )?;
    for p in batch {
        let a = &p.article;
        let date = a.published_date.map(|d| d.to_string());
        let headline = p.headline.clone().unwrap_or_default();
        ensure_story.execute(params![p.story as i64, headline])?;
        insert.execute(params![
            a.id,
            p.hash,
            a.title,
            a.text,
            a.url,
            a.outlet,
            a.published,
            date,
            serde_json::to_string(&a.authors).unwrap_or_else(|_| "[]".into()),
            a.source,
            p.story as i64,
            p.copy_of,
            p.simhash as i64
        ])?;
        let seq = tx.last_insert_rowid();
        fts.execute(params![seq, a.title, a.text])?;
        touch.execute(params![p.story as i64, date, headline, seq])?;
    }
    Ok(())
}

/// Move earlier articles (by id) to other stories, then recount the stories that lost or
/// gained articles.
fn move_articles(tx: &Transaction, moved: &[(String, u64)]) -> rusqlite::Result<()> {
    let mut from = tx.prepare_cached("SELECT story FROM articles WHERE id = ?1")?;
    let mut set = tx.prepare_cached("UPDATE articles SET story = ?2 WHERE id = ?1")?;
    let mut stories: BTreeSet<i64> = BTreeSet::new();
    for (id, story) in moved {
        open_story_for(tx, *story as i64, id)?;
        if let Some(old) = from.query_row([id], |r| r.get::<_, i64>(0)).optional()? {
            stories.insert(old);
        }
        set.execute(params![id, *story as i64])?;
        stories.insert(*story as i64);
    }
    recount_stories(tx, &stories)
}

/// Open `story` for the moved article `id` unless it exists: headed, as every story is, by the
/// article's headline ([`headline_of`]).
fn open_story_for(tx: &Transaction, story: i64, id: &str) -> rusqlite::Result<()> {
    let mut article = tx.prepare_cached(
        "SELECT title, text FROM articles
         WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM stories WHERE id = ?2)",
    )?;
    let found = article
        .query_row(params![id, story], |r| {
            Ok((r.get::<_, Option<String>>(0)?, r.get::<_, String>(1)?))
        })
        .optional()?;
    if let Some((title, text)) = found {
        let headline = headline_of(title.as_deref(), &text).unwrap_or_default();
        tx.prepare_cached("INSERT INTO stories (id, headline) VALUES (?1, ?2)")?
            .execute(params![story, headline])?;
    }
    Ok(())
}

/// Counts and dates of the stories that lost or gained articles, from the articles themselves;
/// a story left empty goes.
fn recount_stories(tx: &Transaction, stories: &BTreeSet<i64>) -> rusqlite::Result<()> {
    let mut recount = tx.prepare_cached(
        "UPDATE stories SET
            articles = (SELECT count(*) FROM articles WHERE story = ?1),
            first_date = (SELECT min(published_date) FROM articles WHERE story = ?1),
            last_date = (SELECT max(published_date) FROM articles WHERE story = ?1),
            updated_seq = (SELECT coalesce(max(seq), 0) FROM articles WHERE story = ?1)
         WHERE id = ?1",
    )?;
    let mut drop_empty = tx.prepare_cached("DELETE FROM stories WHERE id = ?1 AND articles = 0")?;
    for &id in stories {
        recount.execute([id])?;
        drop_empty.execute([id])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{cleanup, prepared, scratch};

    #[test]
    fn a_story_a_moved_article_opens_is_headed_by_its_headline() {
        let path = scratch("moved-headline");
        let mut store = Store::open(&path).unwrap();
        let batch = [
            prepared("a", "Quake Hits Iquique\nThe ground shook.", 1),
            // Its first line is blank: its headline is the first line with text.
            prepared("b", "\nStorm Hits Coast\nRoads flooded.", 1),
        ];
        store
            .commit_batch(&batch, &[], &[], &Changes::default())
            .unwrap();
        store
            .commit_batch(&[], &[("b".into(), 2)], &[], &Changes::default())
            .unwrap();
        let mut stories = store.stories(10).unwrap();
        stories.sort_by(|x, y| x.id.cmp(&y.id));
        let heads: Vec<(&str, &str, usize)> = stories
            .iter()
            .map(|s| (s.id.as_str(), s.headline.as_str(), s.articles))
            .collect();
        assert_eq!(
            heads,
            [
                ("s1", "Quake Hits Iquique", 1),
                ("s2", "Storm Hits Coast", 1)
            ]
        );
        cleanup(&path);
    }
}
