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
//!
//! The file's layout is versioned twice: the schema by `PRAGMA user_version` (`schema.rs`), and
//! the clusterer's saved state by the `format` key of the `clusterer` table
//! ([`CLUSTERER_FORMAT`]). A store newer than this program in either is refused.

mod clusterer_state;
mod commit;
mod queries;
mod reading;
mod schema;
#[cfg(test)]
mod test_support;

use std::path::Path;

use rusqlite::Connection;

pub use clusterer_state::CLUSTERER_FORMAT;
pub use commit::{IngestSummary, PreparedArticle};
pub use queries::{fts_query, SearchHit, StoredText, StoryRow};
pub use reading::{StoredArticle, StorySort, StoryVersion};
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

pub struct Store {
    conn: Connection,
    path: String,
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
    /// Open (or create) the store at `path`, bringing an older layout up to date; a layout newer
    /// than this program is refused.
    pub fn open(path: &Path) -> Result<Store> {
        let name = path.display().to_string();
        let conn = Connection::open(path).map_err(|source| StoreError::Sql {
            path: name.clone(),
            source,
        })?;
        let mut store = Store { conn, path: name };
        store.configure()?;
        store.migrate()?;
        store.check_clusterer_format()?;
        Ok(store)
    }

    fn sql<T>(&self, r: rusqlite::Result<T>) -> Result<T> {
        r.map_err(|source| StoreError::Sql {
            path: self.path.clone(),
            source,
        })
    }

    /// An error about this store that is not SQLite's.
    fn other(&self, message: String) -> StoreError {
        StoreError::Other {
            path: self.path.clone(),
            message,
        }
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
}
