//! Reading the store: story listings, a story's articles, full-text search, and what an ingest
//! reads back (duplicates, the latest articles and texts, copies).

use chrono::NaiveDate;
use parallax_model::Article;
use rusqlite::{params, OptionalExtension};

use crate::{story_key, Result, Store, StoreError};

/// A stored article as copy detection sees it: id, SimHash, date, story.
pub type StoredText = (String, u64, Option<NaiveDate>, u64);

/// A stored story, for listings.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct StoryRow {
    pub id: String,
    pub headline: String,
    pub articles: usize,
    pub outlets: Vec<String>,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
}

/// A search hit.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SearchHit {
    pub article: String,
    pub title: Option<String>,
    pub story: String,
    pub story_headline: String,
    pub snippet: String,
    pub score: f64,
}

impl Store {
    /// Is an article with this id or this text already stored?
    pub fn contains(&self, id: &str, hash: &str) -> Result<bool> {
        // Prepared once per connection: this runs for every article ingested.
        let r = self
            .conn
            .prepare_cached("SELECT EXISTS(SELECT 1 FROM articles WHERE id = ?1) OR EXISTS(SELECT 1 FROM articles WHERE hash = ?2)")
            .and_then(|mut stmt| stmt.query_row(params![id, hash], |r| r.get::<_, bool>(0)));
        self.sql(r)
    }

    /// Stories, newest first (by latest publication date, then by last update).
    pub fn stories(&self, limit: usize) -> Result<Vec<StoryRow>> {
        let mut stmt = self.sql(self.conn.prepare(
            "SELECT s.id, s.headline, s.articles, s.first_date, s.last_date,
                    (SELECT group_concat(DISTINCT outlet) FROM articles a WHERE a.story = s.id AND outlet IS NOT NULL)
             FROM stories s ORDER BY s.last_date DESC NULLS LAST, s.updated_seq DESC LIMIT ?1",
        ))?;
        let rows = stmt.query_map([limit as i64], story_row);
        self.sql(rows.and_then(|rows| rows.collect()))
    }

    /// The stored headlines of the given stories (those that exist).
    pub fn story_headlines(
        &self,
        stories: impl IntoIterator<Item = u64>,
    ) -> Result<std::collections::HashMap<u64, String>> {
        let mut stmt = self.sql(
            self.conn
                .prepare_cached("SELECT headline FROM stories WHERE id = ?1"),
        )?;
        let mut out = std::collections::HashMap::new();
        for id in stories {
            let headline: Option<String> =
                self.sql(stmt.query_row([id as i64], |r| r.get(0)).optional())?;
            if let Some(h) = headline {
                out.insert(id, h);
            }
        }
        Ok(out)
    }

    /// The articles of one story, in ingest order.
    pub fn story_articles(&self, story: i64) -> Result<Vec<Article>> {
        let mut stmt = self.sql(self.conn.prepare(&format!(
            "SELECT {ARTICLE_COLUMNS} FROM articles WHERE story = ?1 ORDER BY seq"
        )))?;
        let rows = stmt.query_map([story], article_row);
        self.sql(rows.and_then(|rows| rows.collect()))
    }

    /// The latest `limit` stored articles and their stories, oldest first: what the clusterer
    /// may still regroup when the next ingest adds articles.
    pub fn latest_articles(&self, limit: usize) -> Result<Vec<(Article, u64)>> {
        let mut stmt = self.sql(self.conn.prepare(&format!(
            "SELECT {ARTICLE_COLUMNS}, story FROM articles ORDER BY seq DESC LIMIT ?1"
        )))?;
        let rows = stmt.query_map([limit as i64], |r| {
            Ok((article_row(r)?, r.get::<_, i64>(9)? as u64))
        });
        let mut out: Vec<(Article, u64)> = self.sql(rows.and_then(|rows| rows.collect()))?;
        out.reverse();
        Ok(out)
    }

    /// Full-text search (FTS5 query syntax), best first by BM25, with each hit's story; the
    /// snippet's matches are in brackets.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        self.search_with(query, limit, ("[", "]"))
    }

    pub(crate) fn search_with(
        &self,
        query: &str,
        limit: usize,
        (open, close): (&str, &str),
    ) -> Result<Vec<SearchHit>> {
        let mut stmt = self.sql(self.conn.prepare_cached(
            "SELECT a.id, a.title, a.story, s.headline, snippet(articles_fts, 1, ?3, ?4, '…', 12), bm25(articles_fts)
             FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid JOIN stories s ON s.id = a.story
             WHERE articles_fts MATCH ?1 ORDER BY bm25(articles_fts) LIMIT ?2",
        ))?;
        let rows = stmt.query_map(params![fts_query(query), limit as i64, open, close], |r| {
            Ok(SearchHit {
                article: r.get(0)?,
                title: r.get(1)?,
                story: story_key(r.get(2)?),
                story_headline: r.get(3)?,
                snippet: r.get(4)?,
                score: -r.get::<_, f64>(5)?,
            })
        });
        match rows.and_then(|rows| rows.collect()) {
            // FTS5's own syntax errors, and the tokenizer's for an unclosed quote.
            Err(rusqlite::Error::SqliteFailure(_, Some(message)))
                if message.starts_with("fts5:") || message.starts_with("unterminated string") =>
            {
                Err(StoreError::Query {
                    query: query.to_string(),
                    message,
                })
            }
            r => self.sql(r),
        }
    }

    /// Every stored article's id and story, in ingest order.
    pub fn assignments(&self) -> Result<Vec<(String, i64)>> {
        let mut stmt = self.sql(
            self.conn
                .prepare("SELECT id, story FROM articles ORDER BY seq"),
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)));
        self.sql(rows.and_then(|rows| rows.collect()))
    }

    /// The latest stored texts a new article could be a copy of, oldest first, back to the first dated article more than `window_days` before the newest
    /// (or at most `limit` rows).
    pub fn recent_texts(&self, window_days: i64, limit: usize) -> Result<Vec<StoredText>> {
        let mut stmt = self.sql(self.conn.prepare(
            "SELECT id, simhash, published_date, story FROM articles ORDER BY seq DESC LIMIT ?1",
        ))?;
        let rows = stmt.query_map([limit as i64], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)? as u64,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, i64>(3)? as u64,
            ))
        });
        let mut out = Vec::new();
        let mut newest: Option<NaiveDate> = None;
        for row in self.sql(rows)? {
            let (id, hash, date, story) = self.sql(row)?;
            let date = date.and_then(|d| d.parse::<NaiveDate>().ok());
            if let (Some(d), Some(n)) = (date, newest) {
                if (n - d).num_days() > window_days {
                    break;
                }
            }
            newest = newest.max(date);
            out.push((id, hash, date, story));
        }
        out.reverse();
        Ok(out)
    }

    /// The id of the earlier article this one was stored as a copy of.
    pub fn copy_of(&self, id: &str) -> Result<Option<String>> {
        let r = self
            .conn
            .query_row("SELECT copy_of FROM articles WHERE id = ?1", [id], |r| {
                r.get::<_, Option<String>>(0)
            })
            .optional();
        Ok(self.sql(r)?.flatten())
    }

    pub fn article_count(&self) -> Result<usize> {
        let r = self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get::<_, i64>(0));
        Ok(self.sql(r)? as usize)
    }
}

/// A story's distinct outlets, as `group_concat` joins them.
/// A listed story from a row of (id, headline, articles, first date, last date, outlets joined),
/// the columns every story listing selects.
pub(crate) fn story_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<StoryRow> {
    Ok(StoryRow {
        id: story_key(r.get(0)?),
        headline: r.get(1)?,
        articles: r.get::<_, i64>(2)? as usize,
        first_date: r.get(3)?,
        last_date: r.get(4)?,
        outlets: outlets(r.get(5)?),
    })
}

pub(crate) fn outlets(joined: Option<String>) -> Vec<String> {
    joined
        .map(|o| o.split(',').map(str::to_string).collect())
        .unwrap_or_default()
}

/// The columns [`article_row`] reads, in its order.
pub(crate) const ARTICLE_COLUMNS: &str =
    "id, title, text, url, outlet, published, published_date, authors, source";

pub(crate) fn article_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Article> {
    let authors: String = r.get(7)?;
    let date: Option<String> = r.get(6)?;
    Ok(Article {
        id: r.get(0)?,
        title: r.get(1)?,
        text: r.get(2)?,
        url: r.get(3)?,
        outlet: r.get(4)?,
        published: r.get(5)?,
        published_date: date.and_then(|d| d.parse().ok()),
        authors: serde_json::from_str(&authors).unwrap_or_default(),
        source: r.get(8)?,
        language: None,
        extraction: None,
    })
}

/// Plain words become a conjunction of quoted terms, so user input is never FTS5 syntax by
/// accident ("U.S." or "al-Sharaa" would otherwise be a syntax error); a query that already uses
/// quotes or operators is passed through. A plain word ending in `*` stays a prefix (`Witk*`).
pub fn fts_query(query: &str) -> String {
    let uses_syntax = query.contains('"')
        || query
            .split_whitespace()
            .any(|w| matches!(w, "AND" | "OR" | "NOT" | "NEAR"));
    if uses_syntax {
        return query.to_string();
    }
    query
        .split_whitespace()
        .map(|w| match w.strip_suffix('*') {
            Some(stem) if !stem.is_empty() => format!("\"{stem}\"*"),
            _ => format!("\"{w}\""),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fts_queries_are_safe() {
        assert_eq!(fts_query("U.S. al-Sharaa"), "\"U.S.\" \"al-Sharaa\"");
        assert_eq!(fts_query("\"exact phrase\""), "\"exact phrase\"");
        assert_eq!(fts_query("Witk* al-*"), "\"Witk\"* \"al-\"*");
        assert_eq!(fts_query("* a"), "\"*\" \"a\"");
    }

    #[test]
    fn a_malformed_query_is_the_users_error() {
        let path = crate::test_support::scratch("bad-query");
        let mut store = Store::open(&path).unwrap();
        let article = Article::new("a", "Quake hits Chile\nThe ground shook.");
        let prepared = crate::PreparedArticle {
            hash: crate::text_hash(&article.text),
            headline: None,
            simhash: 0,
            story: 1,
            copy_of: None,
            article,
        };
        let changes = parallax_stories::Changes::default();
        store.commit_batch(&[prepared], &[], &[], &changes).unwrap();
        for q in ["\"unclosed", "a AND"] {
            let e = store.search(q, 5).unwrap_err();
            assert!(matches!(e, StoreError::Query { .. }), "{q}: {e}");
        }
        crate::test_support::cleanup(&path);
    }
}
