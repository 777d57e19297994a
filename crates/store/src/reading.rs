//! What a long-running reader needs (`parallax serve`): a read-only connection, stories a page at
//! a time in either order, a story's version (which changes whenever its articles do), one article
//! by id, and search hits with the caller's highlight marks.

use std::path::Path;

use parallax_model::Article;
use rusqlite::{params, OpenFlags, OptionalExtension};

use crate::queries::{article_row, story_row, ARTICLE_COLUMNS};
use crate::schema::MIGRATIONS;
use crate::{story_key, Result, SearchHit, Store, StoreError, StoryRow};

/// The order of a story listing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StorySort {
    /// Latest publication date first, then the most articles.
    Newest,
    /// Most articles first, then the latest.
    Coverage,
}

/// Identifies the set of articles a story holds: equal versions, equal analyses. Articles never
/// change once stored, so a story changes only by gaining or losing articles, which changes the
/// count, the latest sequence number or their sum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StoryVersion {
    pub articles: usize,
    pub last_seq: i64,
    pub seq_sum: i64,
}

/// A stored article with its story.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredArticle {
    pub article: Article,
    pub story: String,
    pub copy_of: Option<String>,
}

impl Store {
    /// Open an existing store that this connection can only read (SQLite refuses any write),
    /// for serving; its layout must be one this program knows.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let name = path.display().to_string();
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = rusqlite::Connection::open_with_flags(path, flags).map_err(|source| {
            StoreError::Sql {
                path: name.clone(),
                source,
            }
        })?;
        let store = Store { conn, path: name };
        let r = store.conn.busy_timeout(std::time::Duration::from_secs(5));
        store.sql(r)?;
        let r = store
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0));
        let version = store.sql(r)? as usize;
        if version != MIGRATIONS.len() {
            return Err(store.other(format!(
                "schema version {version}, this parallax reads {}: open it once with `parallax ingest` of the same version",
                MIGRATIONS.len()
            )));
        }
        Ok(store)
    }

    /// A page of stories: `limit` rows after the first `offset`, in `sort` order.
    pub fn stories_page(
        &self,
        sort: StorySort,
        offset: usize,
        limit: usize,
    ) -> Result<Vec<StoryRow>> {
        let order = match sort {
            StorySort::Newest => "s.last_date DESC NULLS LAST, s.articles DESC, s.id DESC",
            StorySort::Coverage => "s.articles DESC, s.last_date DESC NULLS LAST, s.id DESC",
        };
        let mut stmt = self.sql(self.conn.prepare_cached(&format!(
            // The page's stories first, then their outlets: SQLite computes a result column for
            // every row it sorts, and reading every story's articles made a page of 50 out of
            // 2,400 stories take a quarter of a second.
            "SELECT s.id, s.headline, s.articles, s.first_date, s.last_date,
                    (SELECT group_concat(DISTINCT outlet) FROM articles a WHERE a.story = s.id AND outlet IS NOT NULL)
             FROM (SELECT * FROM stories s ORDER BY {order} LIMIT ?1 OFFSET ?2) s ORDER BY {order}"
        )))?;
        let rows = stmt.query_map(params![limit as i64, offset as i64], story_row);
        self.sql(rows.and_then(|rows| rows.collect()))
    }

    /// A number that changes whenever another connection commits to the store (SQLite's
    /// `data_version`): a reader that keeps this connection knows when what it read is stale.
    pub fn data_version(&self) -> Result<i64> {
        let r = self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get::<_, i64>(0));
        self.sql(r)
    }

    pub fn story_count(&self) -> Result<usize> {
        let r = self
            .conn
            .query_row("SELECT count(*) FROM stories", [], |r| r.get::<_, i64>(0));
        Ok(self.sql(r)? as usize)
    }

    /// The story's headline and version, or `None` when there is no such story.
    pub fn story_version(&self, story: i64) -> Result<Option<(String, StoryVersion)>> {
        let r = self
            .conn
            .prepare_cached(
                "SELECT s.headline, count(a.seq), coalesce(max(a.seq), 0), coalesce(sum(a.seq), 0)
                 FROM stories s LEFT JOIN articles a ON a.story = s.id WHERE s.id = ?1 GROUP BY s.id",
            )
            .and_then(|mut stmt| {
                stmt.query_row([story], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        StoryVersion {
                            articles: r.get::<_, i64>(1)? as usize,
                            last_seq: r.get(2)?,
                            seq_sum: r.get(3)?,
                        },
                    ))
                })
                .optional()
            });
        self.sql(r)
    }

    /// One article by id, with its story.
    pub fn article(&self, id: &str) -> Result<Option<StoredArticle>> {
        let r = self
            .conn
            .prepare_cached(&format!(
                "SELECT {ARTICLE_COLUMNS}, story, copy_of FROM articles WHERE id = ?1"
            ))
            .and_then(|mut stmt| {
                stmt.query_row([id], |r| {
                    Ok(StoredArticle {
                        article: article_row(r)?,
                        story: story_key(r.get(9)?),
                        copy_of: r.get(10)?,
                    })
                })
                .optional()
            });
        self.sql(r)
    }

    /// [`Store::search`] with the snippet's matches between `marks` (say, control characters
    /// that article text does not hold, for a page to turn into highlights after escaping).
    pub fn search_marked(
        &self,
        query: &str,
        limit: usize,
        marks: (&str, &str),
    ) -> Result<Vec<SearchHit>> {
        self.search_with(query, limit, marks)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{cleanup, scratch};
    use crate::PreparedArticle;
    use parallax_stories::Changes;

    fn prepared(id: &str, text: &str, story: u64, date: &str) -> PreparedArticle {
        let mut p = crate::test_support::prepared(id, text, story);
        p.article.published_date = date.parse().ok();
        p
    }

    #[test]
    fn a_reader_pages_versions_and_cannot_write() {
        let path = scratch("reading");
        let mut store = Store::open(&path).unwrap();
        let batch = [
            prepared(
                "a",
                "Quake Hits Iquique\nThe ground shook.",
                1,
                "2025-01-01",
            ),
            prepared("b", "Quake Strikes Chile\nBuildings fell.", 1, "2025-01-01"),
            prepared("c", "Storm Hits Coast\nRoads flooded.", 2, "2025-01-02"),
        ];
        store
            .commit_batch(&batch, &[], &[], &Changes::default())
            .unwrap();
        let reader = Store::open_read_only(&path).unwrap();
        let ids = |sort| -> Vec<String> {
            let rows = reader.stories_page(sort, 0, 10).unwrap();
            rows.into_iter().map(|r| r.id).collect()
        };
        assert_eq!(ids(StorySort::Newest), ["s2", "s1"]);
        assert_eq!(ids(StorySort::Coverage), ["s1", "s2"]);
        assert_eq!(
            reader.stories_page(StorySort::Newest, 1, 10).unwrap().len(),
            1
        );
        assert_eq!(reader.story_count().unwrap(), 2);
        let (headline, before) = reader.story_version(1).unwrap().unwrap();
        assert_eq!(
            (headline.as_str(), before.articles),
            ("Quake Hits Iquique", 2)
        );
        assert_eq!(reader.story_version(9).unwrap(), None);
        let found = reader.article("c").unwrap().unwrap();
        assert_eq!(
            (found.story.as_str(), found.article.id.as_str()),
            ("s2", "c")
        );
        assert_eq!(reader.article("zz").unwrap(), None);
        // Another connection's write shows in the reader's next query: a new version.
        store
            .commit_batch(&[], &[("c".into(), 1)], &[], &Changes::default())
            .unwrap();
        let (_, after) = reader.story_version(1).unwrap().unwrap();
        assert_ne!(before, after);
        let seen = reader.data_version().unwrap();
        store
            .commit_batch(&[], &[("c".into(), 2)], &[], &Changes::default())
            .unwrap();
        assert_ne!(reader.data_version().unwrap(), seen);
        assert!(reader.conn.execute("DELETE FROM articles", []).is_err());
        let hits = reader
            .search_marked("roads", 5, ("\u{1}", "\u{2}"))
            .unwrap();
        assert!(hits[0].snippet.contains("\u{1}Roads\u{2}"), "{hits:?}");
        cleanup(&path);
    }
}
