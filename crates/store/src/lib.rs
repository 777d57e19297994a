//! Store: articles, stories and the clustering state in an embedded SQLite database.
//!
//! Architecture invariant: the only crate that talks to the database. Every ingest batch is one
//! transaction holding the new articles, their stories, the full-text index rows and the
//! clusterer's changed state together, so killing the process at any moment leaves a consistent
//! store, and running the same ingest again resumes with nothing lost or duplicated (articles are
//! keyed by id and by a hash of their normalised text).
//!
//! WAL mode lets readers (`stories`, `search`, `story`) work while an ingest writes.
//! Full-text search is SQLite FTS5: it lives in the same file and the same transactions as the
//! articles, so the index can never disagree with the data (a separate tantivy index could).

use std::path::Path;

use chrono::NaiveDate;

use parallax_model::Article;
use parallax_stories::{Changes, ClusterConfig, Clusterer, ClustererState, StoryState};
use rusqlite::{params, Connection, OptionalExtension};

pub use rusqlite::Error as SqlError;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database {path}: {source}")]
    Sql {
        path: String,
        source: rusqlite::Error,
    },
    #[error("database {path}: {message}")]
    Other { path: String, message: String },
    /// A search query FTS5 cannot parse (the user's typing, not a broken store).
    #[error(
        "search query {query:?}: {message} (write words, \"a phrase\", prefix*, AND, OR, NOT)"
    )]
    Query { query: String, message: String },
}

pub type Result<T> = std::result::Result<T, StoreError>;

/// Schema migrations, applied in order; `PRAGMA user_version` records how many ran.
const MIGRATIONS: &[&str] = &[r#"
CREATE TABLE stories (
    id          INTEGER PRIMARY KEY,
    headline    TEXT NOT NULL DEFAULT '',
    first_date  TEXT,
    last_date   TEXT,
    articles    INTEGER NOT NULL DEFAULT 0,
    updated_seq INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE articles (
    seq            INTEGER PRIMARY KEY,
    id             TEXT NOT NULL UNIQUE,
    hash           TEXT NOT NULL UNIQUE,
    title          TEXT,
    text           TEXT NOT NULL,
    url            TEXT,
    outlet         TEXT,
    published      TEXT,
    published_date TEXT,
    authors        TEXT NOT NULL DEFAULT '[]',
    source         TEXT NOT NULL,
    story          INTEGER NOT NULL REFERENCES stories(id),
    copy_of        TEXT,
    simhash        INTEGER NOT NULL
);
CREATE INDEX articles_story ON articles(story);
CREATE INDEX stories_recent ON stories(last_date, updated_seq);
CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq');
CREATE TABLE clusterer (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE term_df (term TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE active_stories (id INTEGER PRIMARY KEY, state TEXT NOT NULL);
"#];

/// A stored article as copy detection sees it: id, SimHash, date, story.
pub type StoredText = (String, u64, Option<NaiveDate>, u64);

pub struct Store {
    conn: Connection,
    path: String,
}

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

/// Stable 128-bit hash of normalised text (FNV-1a twice with different offsets), as hex; the
/// same text always gives the same key, across runs and versions.
pub fn text_hash(text: &str) -> String {
    // Words lower-cased and joined by single spaces, hashed as they stream by.
    const PRIME: u64 = 0x0100_0000_01b3;
    let (mut a, mut b) = (0xcbf2_9ce4_8422_2325u64, 0x6c62_272e_07bb_0142u64);
    let mut feed = |byte: u8| {
        a = (a ^ byte as u64).wrapping_mul(PRIME);
        b = (b ^ byte as u64).wrapping_mul(PRIME);
    };
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            feed(b' ');
        }
        if word.is_ascii() {
            word.bytes().for_each(|b| feed(b.to_ascii_lowercase()));
            continue;
        }
        let mut buf = [0u8; 4];
        for c in word.chars().flat_map(char::to_lowercase) {
            c.encode_utf8(&mut buf).bytes().for_each(&mut feed);
        }
    }
    format!("{a:016x}{b:016x}")
}

fn story_key(id: i64) -> String {
    format!("s{id}")
}

/// Parse "s12" or "12" into a story id.
pub fn parse_story_key(key: &str) -> Option<i64> {
    key.trim_start_matches('s').parse().ok()
}

impl Store {
    pub fn open(path: &Path) -> Result<Store> {
        let name = path.display().to_string();
        let conn = Connection::open(path).map_err(|source| StoreError::Sql {
            path: name.clone(),
            source,
        })?;
        let mut store = Store { conn, path: name };
        store.configure()?;
        store.migrate()?;
        Ok(store)
    }

    fn sql<T>(&self, r: rusqlite::Result<T>) -> Result<T> {
        r.map_err(|source| StoreError::Sql {
            path: self.path.clone(),
            source,
        })
    }

    fn configure(&mut self) -> Result<()> {
        let r = self.conn.busy_timeout(std::time::Duration::from_secs(30));
        self.sql(r)?;
        let r = self.conn.pragma_update(None, "journal_mode", "WAL");
        self.sql(r)?;
        let r = self.conn.pragma_update(None, "synchronous", "NORMAL");
        self.sql(r)?;
        let r = self.conn.pragma_update(None, "foreign_keys", "ON");
        self.sql(r)
    }

    fn migrate(&mut self) -> Result<()> {
        let r = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0));
        let version = self.sql(r)? as usize;
        if version > MIGRATIONS.len() {
            return Err(StoreError::Other {
                path: self.path.clone(),
                message: format!(
                    "schema version {version} is newer than this parallax ({})",
                    MIGRATIONS.len()
                ),
            });
        }
        for (i, m) in MIGRATIONS.iter().enumerate().skip(version) {
            let tx = self.conn.transaction();
            let tx = tx.map_err(|source| StoreError::Sql {
                path: self.path.clone(),
                source,
            })?;
            let r = tx
                .execute_batch(m)
                .and_then(|_| tx.pragma_update(None, "user_version", (i + 1) as i64))
                .and_then(|_| tx.commit());
            self.sql(r)?;
        }
        Ok(())
    }

    /// The clusterer as the last committed batch left it.
    pub fn load_clusterer(&self, config: ClusterConfig) -> Result<Clusterer> {
        let get = |key: &str| -> rusqlite::Result<Option<String>> {
            self.conn
                .query_row("SELECT value FROM clusterer WHERE key = ?1", [key], |r| {
                    r.get(0)
                })
                .optional()
        };
        let docs = self
            .sql(get("docs"))?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let next_id = self
            .sql(get("next_id"))?
            .and_then(|v| v.parse().ok())
            .unwrap_or(1);
        let articles = self
            .sql(get("articles"))?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let since_halving = self
            .sql(get("since_halving"))?
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        let mut stmt = self.sql(self.conn.prepare("SELECT term, n FROM term_df"))?;
        let df = self.sql(
            stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))
                .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>()),
        )?;
        let mut stmt = self.sql(
            self.conn
                .prepare("SELECT state FROM active_stories ORDER BY id"),
        )?;
        let states: Vec<String> = self.sql(
            stmt.query_map([], |r| r.get(0))
                .and_then(|rows| rows.collect()),
        )?;
        let active = states
            .iter()
            .map(|s| serde_json::from_str::<StoryState>(s))
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| StoreError::Other {
                path: self.path.clone(),
                message: format!("corrupt clustering state: {e}"),
            })?;
        Ok(Clusterer::restore(
            config,
            ClustererState {
                docs,
                articles,
                since_halving,
                df,
                next_id,
                active,
            },
        ))
    }

    /// Is an article with this id or this text already stored?
    pub fn contains(&self, id: &str, hash: &str) -> Result<bool> {
        // Prepared once per connection: this runs for every article ingested.
        let r = self
            .conn
            .prepare_cached("SELECT EXISTS(SELECT 1 FROM articles WHERE id = ?1) OR EXISTS(SELECT 1 FROM articles WHERE hash = ?2)")
            .and_then(|mut stmt| stmt.query_row(params![id, hash], |r| r.get::<_, bool>(0)));
        self.sql(r)
    }

    /// Store a batch with the clustering state after it, in one transaction; `moved` are earlier
    /// articles (by id) the batch moved to other stories.
    pub fn commit_batch(
        &mut self,
        batch: &[PreparedArticle],
        moved: &[(String, u64)],
        changes: &Changes,
    ) -> Result<()> {
        let path = self.path.clone();
        let err = |source| StoreError::Sql {
            path: path.clone(),
            source,
        };
        let tx = self.conn.transaction().map_err(err)?;
        {
            let mut ensure_story = tx
                .prepare_cached(
                    "INSERT INTO stories (id, headline) VALUES (?1, ?2) ON CONFLICT(id) DO NOTHING",
                )
                .map_err(err)?;
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO articles (id, hash, title, text, url, outlet, published, published_date, authors, source, story, copy_of, simhash)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                )
                .map_err(err)?;
            let mut fts = tx
                .prepare_cached("INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)")
                .map_err(err)?;
            let mut touch = tx
                .prepare_cached(
                    "UPDATE stories SET articles = articles + 1,
                        first_date = CASE WHEN ?2 IS NULL THEN first_date WHEN first_date IS NULL OR ?2 < first_date THEN ?2 ELSE first_date END,
                        last_date = CASE WHEN ?2 IS NULL THEN last_date WHEN last_date IS NULL OR ?2 > last_date THEN ?2 ELSE last_date END,
                        headline = CASE WHEN headline = '' THEN ?3 ELSE headline END,
                        updated_seq = ?4
                     WHERE id = ?1",
                )
                .map_err(err)?;
            for p in batch {
                let a = &p.article;
                let date = a.published_date.map(|d| d.to_string());
                ensure_story
                    .execute(params![
                        p.story as i64,
                        p.headline.clone().unwrap_or_default()
                    ])
                    .map_err(err)?;
                insert
                    .execute(params![
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
                    ])
                    .map_err(err)?;
                let seq = tx.last_insert_rowid();
                fts.execute(params![seq, a.title, a.text]).map_err(err)?;
                touch
                    .execute(params![
                        p.story as i64,
                        date,
                        p.headline.clone().unwrap_or_default(),
                        seq
                    ])
                    .map_err(err)?;
            }
            if !moved.is_empty() {
                // A story a moved article opens is headed by its title (or first line).
                let mut open = tx
                    .prepare_cached(
                        "INSERT INTO stories (id, headline)
                         SELECT ?1, COALESCE(title, substr(text, 1, instr(text || char(10), char(10)) - 1), '') FROM articles WHERE id = ?2
                         ON CONFLICT(id) DO NOTHING",
                    )
                    .map_err(err)?;
                let mut from = tx
                    .prepare_cached("SELECT story FROM articles WHERE id = ?1")
                    .map_err(err)?;
                let mut set = tx
                    .prepare_cached("UPDATE articles SET story = ?2 WHERE id = ?1")
                    .map_err(err)?;
                let mut stories: std::collections::BTreeSet<i64> = Default::default();
                for (id, story) in moved {
                    open.execute(params![*story as i64, id]).map_err(err)?;
                    if let Some(old) = from
                        .query_row([id], |r| r.get::<_, i64>(0))
                        .optional()
                        .map_err(err)?
                    {
                        stories.insert(old);
                    }
                    set.execute(params![id, *story as i64]).map_err(err)?;
                    stories.insert(*story as i64);
                }
                // Counts and dates of the stories that lost or gained articles, from the articles
                // themselves; a story left empty goes.
                let mut recount = tx
                    .prepare_cached(
                        "UPDATE stories SET
                            articles = (SELECT count(*) FROM articles WHERE story = ?1),
                            first_date = (SELECT min(published_date) FROM articles WHERE story = ?1),
                            last_date = (SELECT max(published_date) FROM articles WHERE story = ?1),
                            updated_seq = (SELECT coalesce(max(seq), 0) FROM articles WHERE story = ?1)
                         WHERE id = ?1",
                    )
                    .map_err(err)?;
                let mut drop_empty = tx
                    .prepare_cached("DELETE FROM stories WHERE id = ?1 AND articles = 0")
                    .map_err(err)?;
                for id in stories {
                    recount.execute([id]).map_err(err)?;
                    drop_empty.execute([id]).map_err(err)?;
                }
            }
            // Halve as the clusterer did, then write the counts that differ from halved ones.
            for _ in 0..changes.halvings {
                tx.execute("UPDATE term_df SET n = n / 2", [])
                    .map_err(err)?;
                tx.execute("DELETE FROM term_df WHERE n = 0", [])
                    .map_err(err)?;
            }
            let mut df = tx.prepare_cached("INSERT INTO term_df (term, n) VALUES (?1, ?2) ON CONFLICT(term) DO UPDATE SET n = excluded.n").map_err(err)?;
            for (term, n) in &changes.df {
                df.execute(params![term, n]).map_err(err)?;
            }
            let mut save = tx
                .prepare_cached("INSERT OR REPLACE INTO active_stories (id, state) VALUES (?1, ?2)")
                .map_err(err)?;
            for s in &changes.stories {
                save.execute(params![
                    s.id as i64,
                    serde_json::to_string(s).unwrap_or_default()
                ])
                .map_err(err)?;
            }
            let mut drop = tx
                .prepare_cached("DELETE FROM active_stories WHERE id = ?1")
                .map_err(err)?;
            for id in &changes.evicted {
                drop.execute(params![*id as i64]).map_err(err)?;
            }
            let mut kv = tx
                .prepare_cached("INSERT OR REPLACE INTO clusterer (key, value) VALUES (?1, ?2)")
                .map_err(err)?;
            kv.execute(params!["docs", changes.docs.to_string()])
                .map_err(err)?;
            kv.execute(params!["articles", changes.articles.to_string()])
                .map_err(err)?;
            kv.execute(params!["next_id", changes.next_id.to_string()])
                .map_err(err)?;
            kv.execute(params!["since_halving", changes.since_halving.to_string()])
                .map_err(err)?;
        }
        tx.commit().map_err(err)
    }

    /// Stories, newest first (by latest publication date, then by last update).
    pub fn stories(&self, limit: usize) -> Result<Vec<StoryRow>> {
        let mut stmt = self.sql(self.conn.prepare(
            "SELECT s.id, s.headline, s.articles, s.first_date, s.last_date,
                    (SELECT group_concat(DISTINCT outlet) FROM articles a WHERE a.story = s.id AND outlet IS NOT NULL)
             FROM stories s ORDER BY s.last_date DESC NULLS LAST, s.updated_seq DESC LIMIT ?1",
        ))?;
        let rows = stmt.query_map([limit as i64], |r| {
            let outlets: Option<String> = r.get(5)?;
            Ok(StoryRow {
                id: story_key(r.get(0)?),
                headline: r.get(1)?,
                articles: r.get::<_, i64>(2)? as usize,
                first_date: r.get(3)?,
                last_date: r.get(4)?,
                outlets: outlets
                    .map(|o| o.split(',').map(str::to_string).collect())
                    .unwrap_or_default(),
            })
        });
        self.sql(rows.and_then(|rows| rows.collect()))
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

    /// Full-text search (FTS5 query syntax), best first by BM25, with each hit's story.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let mut stmt = self.sql(self.conn.prepare(
            "SELECT a.id, a.title, a.story, s.headline, snippet(articles_fts, 1, '[', ']', '…', 12), bm25(articles_fts)
             FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid JOIN stories s ON s.id = a.story
             WHERE articles_fts MATCH ?1 ORDER BY bm25(articles_fts) LIMIT ?2",
        ))?;
        let rows = stmt.query_map(params![fts_query(query), limit as i64], |r| {
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
            Err(rusqlite::Error::SqliteFailure(_, Some(message)))
                if message.starts_with("fts5:") =>
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

/// The columns [`article_row`] reads, in its order.
const ARTICLE_COLUMNS: &str =
    "id, title, text, url, outlet, published, published_date, authors, source";

fn article_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Article> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_ignores_spacing_and_case() {
        assert_eq!(text_hash("A  b\nC"), text_hash("a b c"));
        assert_ne!(text_hash("a b c"), text_hash("a b d"));
        // Stored hashes must never change between versions: FNV-1a, two seeds, UTF-8 bytes.
        assert_eq!(
            text_hash("Hello  WÖRLD"),
            "ffaa2cb14fce504f4ea3bf0a12e165f8"
        );
    }

    #[test]
    fn fts_queries_are_safe() {
        assert_eq!(fts_query("U.S. al-Sharaa"), "\"U.S.\" \"al-Sharaa\"");
        assert_eq!(fts_query("\"exact phrase\""), "\"exact phrase\"");
        assert_eq!(fts_query("Witk* al-*"), "\"Witk\"* \"al-\"*");
        assert_eq!(fts_query("* a"), "\"*\" \"a\"");
    }

    #[test]
    fn saved_frequencies_halve_and_forget_as_the_clusterer_does() {
        use parallax_stories::{features, StoryInput};
        let dir = std::env::temp_dir().join(format!("parallax-halving-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join("t.db");
        let _ = std::fs::remove_file(&path);
        let config = ClusterConfig {
            df_half_life: 15,
            ..ClusterConfig::default()
        };
        let mut store = Store::open(&path).unwrap();
        let mut live = Clusterer::new(config);
        let start = chrono::NaiveDate::from_ymd_opt(2025, 1, 1).unwrap();
        let all: Vec<_> = (0..60)
            .map(|day| {
                features(&StoryInput {
                    headline: None,
                    text: &format!("Officials in Town{day} said the storm flooded roads near Lake{day} on Monday."),
                    date: Some(start + chrono::Duration::days(day)),
                })
            })
            .collect();
        for (k, batch) in all.chunks(7).enumerate() {
            let items: Vec<_> = batch.iter().map(|f| (f, None)).collect();
            let tags: Vec<u64> = (0..batch.len() as u64).map(|i| k as u64 * 7 + i).collect();
            live.add_batch(&items, &[], &tags);
            store.commit_batch(&[], &[], &live.take_changes()).unwrap();
        }
        let saved = store.load_clusterer(config).unwrap().state();
        assert_eq!(saved, live.state());
        assert!(saved.df.len() < 100, "{}", saved.df.len());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn stories_saved_before_the_article_clock_count_from_their_restore() {
        let old = r#"{"id":3,"centroid":[["quake",1.0]],"latest":null,"size":2}"#;
        let story: StoryState = serde_json::from_str(old).unwrap();
        assert_eq!(story.last_article, None);
        let restored = Clusterer::restore(
            ClusterConfig::default(),
            ClustererState {
                docs: 250,
                articles: 500,
                next_id: 4,
                active: vec![story],
                ..Default::default()
            },
        );
        assert_eq!(restored.state().active[0].last_article, Some(500));
    }

    #[test]
    fn migrates_and_reopens() {
        let dir = std::env::temp_dir().join(format!("parallax-store-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join("t.db");
        let _ = std::fs::remove_file(&path);
        {
            let s = Store::open(&path).unwrap();
            assert_eq!(s.article_count().unwrap(), 0);
        }
        let s = Store::open(&path).unwrap();
        assert!(s.stories(10).unwrap().is_empty());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
