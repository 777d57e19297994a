//! The schema and its migrations: `PRAGMA user_version` records how many of [`MIGRATIONS`] ran.
//! A shipped migration is never edited; a change of layout appends one.

use crate::{Result, Store, StoreError};

/// Schema migrations, applied in order; `PRAGMA user_version` records how many ran.
pub(crate) const MIGRATIONS: &[&str] = &[
    r#"
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
"#,
    // The clusterer's saved state records its format (`CLUSTERER_FORMAT`): stores from before
    // it was recorded hold format 1.
    r#"
INSERT INTO clusterer (key, value) VALUES ('format', '1');
"#,
];

impl Store {
    /// Run the migrations this store has not run yet, each in its own transaction; a store
    /// whose schema is newer than this program is refused.
    pub(crate) fn migrate(&mut self) -> Result<()> {
        let r = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0));
        let version = self.sql(r)? as usize;
        if version > MIGRATIONS.len() {
            return Err(self.other(format!(
                "schema version {version} is newer than this parallax knows ({}): use a newer \
                 parallax for this database, or ingest into a new one",
                MIGRATIONS.len()
            )));
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{cleanup, scratch};

    #[test]
    fn migrates_and_reopens() {
        let path = scratch("store");
        {
            let s = Store::open(&path).unwrap();
            assert_eq!(s.article_count().unwrap(), 0);
        }
        let s = Store::open(&path).unwrap();
        assert!(s.stories(10).unwrap().is_empty());
        cleanup(&path);
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let path = scratch("newer-schema");
        drop(Store::open(&path).unwrap());
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", MIGRATIONS.len() as i64 + 1)
            .unwrap();
        drop(conn);
        let message = Store::open(&path).err().expect("refused").to_string();
        assert!(message.contains(&path.display().to_string()), "{message}");
        assert!(message.contains("newer than this parallax"), "{message}");
        assert!(message.contains("new one"), "{message}");
        cleanup(&path);
    }
}
