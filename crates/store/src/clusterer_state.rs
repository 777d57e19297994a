//! The clusterer's saved state: the `clusterer`, `term_df` and `active_stories` tables, the
//! format they are in ([`CLUSTERER_FORMAT`]), loading a [`Clusterer`] from them and saving its
//! [`Changes`].

use std::borrow::Cow;

use chrono::NaiveDate;
use parallax_stories::{Changes, ClusterConfig, Clusterer, ClustererState, StoryState};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use crate::{Result, Store};

/// The layout of the clusterer's saved state this program reads and writes, recorded under the
/// `format` key of the `clusterer` table. Format 1:
///
/// - `clusterer`: `docs`, `articles`, `since_halving` and `next_id` as decimal text (absent:
///   0, 0, 0 and 1);
/// - `term_df`: one row per known feature with its document frequency;
/// - `active_stories`: one row per active story, `state` the JSON of a `StoredStory`.
///
/// Stores from before the format was recorded hold format 1 and are stamped so by migration 2.
/// A new layout raises this number and appends a migration that rewrites the rows and the key;
/// a store whose format is newer than this program's is refused when opened.
pub const CLUSTERER_FORMAT: u32 = 1;

/// An active story as format 1 saves it (the JSON of `active_stories.state`): owned by the
/// store, so that the clusterer's types can change without changing the file.
#[derive(Serialize, Deserialize)]
struct StoredStory<'a> {
    id: u64,
    /// Sum of the member vectors (each of unit length), sorted by feature.
    centroid: Cow<'a, [(String, f32)]>,
    latest: Option<NaiveDate>,
    size: u32,
    /// The stream's article count when the story last took an article; absent in rows saved
    /// before the clusterer kept it (the story then counts from its restore).
    #[serde(default)]
    last_article: Option<u64>,
}

impl<'a> From<&'a StoryState> for StoredStory<'a> {
    fn from(s: &'a StoryState) -> Self {
        StoredStory {
            id: s.id,
            centroid: Cow::Borrowed(&s.centroid),
            latest: s.latest,
            size: s.size,
            last_article: s.last_article,
        }
    }
}

impl From<StoredStory<'_>> for StoryState {
    fn from(s: StoredStory<'_>) -> Self {
        StoryState {
            id: s.id,
            centroid: s.centroid.into_owned(),
            latest: s.latest,
            size: s.size,
            last_article: s.last_article,
        }
    }
}

impl Store {
    /// The clusterer as the last committed batch left it.
    pub fn load_clusterer(&self, config: ClusterConfig) -> Result<Clusterer> {
        let state = ClustererState {
            docs: self.saved_count("docs", 0)?,
            articles: self.saved_count("articles", 0)?,
            since_halving: self.saved_count("since_halving", 0)?,
            df: self.saved_frequencies()?,
            next_id: self.saved_count("next_id", 1)?,
            active: self.saved_stories()?,
        };
        Ok(Clusterer::restore(config, state))
    }

    /// Refuse a store whose clusterer state is in a format this program does not know.
    pub(crate) fn check_clusterer_format(&self) -> Result<()> {
        let r = self
            .conn
            .query_row(
                "SELECT value FROM clusterer WHERE key = 'format'",
                [],
                |r| r.get::<_, String>(0),
            )
            .optional();
        let format = self.sql(r)?;
        match format.as_deref().map(str::parse::<u32>) {
            Some(Ok(CLUSTERER_FORMAT)) => Ok(()),
            Some(Ok(n)) if n > CLUSTERER_FORMAT => Err(self.other(format!(
                "clustering state format {n} is newer than this parallax knows \
                 ({CLUSTERER_FORMAT}): use a newer parallax for this database, or ingest into a \
                 new one"
            ))),
            _ => Err(self.other(format!(
                "clustering state format {format:?} is not one this parallax knows \
                 ({CLUSTERER_FORMAT}): ingest into a new database"
            ))),
        }
    }

    /// A number saved under `key` in the `clusterer` table, or `default`.
    fn saved_count(&self, key: &str, default: u64) -> Result<u64> {
        let r = self
            .conn
            .query_row("SELECT value FROM clusterer WHERE key = ?1", [key], |r| {
                r.get::<_, String>(0)
            })
            .optional();
        Ok(self.sql(r)?.and_then(|v| v.parse().ok()).unwrap_or(default))
    }

    fn saved_frequencies(&self) -> Result<Vec<(String, u32)>> {
        let mut stmt = self.sql(self.conn.prepare("SELECT term, n FROM term_df"))?;
        self.sql(
            stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))
                .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>()),
        )
    }

    fn saved_stories(&self) -> Result<Vec<StoryState>> {
        let mut stmt = self.sql(
            self.conn
                .prepare("SELECT state FROM active_stories ORDER BY id"),
        )?;
        let states: Vec<String> = self.sql(
            stmt.query_map([], |r| r.get(0))
                .and_then(|rows| rows.collect()),
        )?;
        states
            .iter()
            .map(|s| serde_json::from_str::<StoredStory>(s).map(StoryState::from))
            .collect::<std::result::Result<Vec<_>, _>>()
            .map_err(|e| self.other(format!("corrupt clustering state: {e}")))
    }
}

/// Save what changed in the clusterer since the last batch, in the batch's transaction.
pub(crate) fn save_changes(tx: &Transaction, changes: &Changes) -> rusqlite::Result<()> {
    // Halve as the clusterer did, then write the counts that differ from halved ones.
    for _ in 0..changes.halvings {
        tx.execute("UPDATE term_df SET n = n / 2", [])?;
        tx.execute("DELETE FROM term_df WHERE n = 0", [])?;
    }
    let mut df = tx.prepare_cached("INSERT INTO term_df (term, n) VALUES (?1, ?2) ON CONFLICT(term) DO UPDATE SET n = excluded.n")?;
    for (term, n) in &changes.df {
        df.execute(params![term, n])?;
    }
    let mut save =
        tx.prepare_cached("INSERT OR REPLACE INTO active_stories (id, state) VALUES (?1, ?2)")?;
    for s in &changes.stories {
        let json = serde_json::to_string(&StoredStory::from(s)).unwrap_or_default();
        save.execute(params![s.id as i64, json])?;
    }
    let mut drop = tx.prepare_cached("DELETE FROM active_stories WHERE id = ?1")?;
    for id in &changes.evicted {
        drop.execute(params![*id as i64])?;
    }
    let mut kv =
        tx.prepare_cached("INSERT OR REPLACE INTO clusterer (key, value) VALUES (?1, ?2)")?;
    kv.execute(params!["docs", changes.docs.to_string()])?;
    kv.execute(params!["articles", changes.articles.to_string()])?;
    kv.execute(params!["next_id", changes.next_id.to_string()])?;
    kv.execute(params!["since_halving", changes.since_halving.to_string()])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;
    use crate::schema::MIGRATIONS;
    use crate::test_support::{cleanup, scratch};

    #[test]
    fn saved_frequencies_halve_and_forget_as_the_clusterer_does() {
        use parallax_stories::{features, StoryInput};
        let path = scratch("halving");
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
                    text: &format!("Officials in Town{day} said Storm{day} flooded Road{day} near Lake{day} and River{day}."),
                    date: Some(start + chrono::Duration::days(day)),
                })
            })
            .collect();
        for (k, batch) in all.chunks(7).enumerate() {
            let items: Vec<_> = batch.iter().map(|f| (f, None)).collect();
            let tags: Vec<u64> = (0..batch.len() as u64).map(|i| k as u64 * 7 + i).collect();
            live.add_batch(&items, &[], &tags);
            store
                .commit_batch(&[], &[], &[], &live.take_changes())
                .unwrap();
        }
        let saved = store.load_clusterer(config).unwrap().state();
        assert_eq!(saved, live.state());
        assert!(saved.df.len() < 100, "{}", saved.df.len());
        cleanup(&path);
    }

    #[test]
    fn stories_saved_before_the_article_clock_count_from_their_restore() {
        let old = r#"{"id":3,"centroid":[["quake",1.0]],"latest":null,"size":2}"#;
        let story = StoryState::from(serde_json::from_str::<StoredStory>(old).unwrap());
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
    fn a_saved_story_is_written_as_format_1_says() {
        let story = StoryState {
            id: 7,
            centroid: vec![("@iquiqu".into(), 0.5), ("quak".into(), 1.25)],
            latest: NaiveDate::from_ymd_opt(2025, 1, 2),
            size: 2,
            last_article: Some(41),
        };
        assert_eq!(
            serde_json::to_string(&StoredStory::from(&story)).unwrap(),
            r#"{"id":7,"centroid":[["@iquiqu",0.5],["quak",1.25]],"latest":"2025-01-02","size":2,"last_article":41}"#
        );
    }

    #[test]
    fn a_store_from_before_the_format_was_recorded_is_migrated_on_open() {
        let path = scratch("unversioned");
        {
            // Schema version 1 and its rows as the program of that version wrote them (shipped
            // migrations are never edited, so `MIGRATIONS[0]` is that schema).
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(MIGRATIONS[0]).unwrap();
            conn.pragma_update(None, "user_version", 1).unwrap();
            conn.execute_batch(
                r#"
                INSERT INTO stories (id, headline, articles) VALUES (3, 'Quake hits Iquique', 1);
                INSERT INTO articles (id, hash, text, source, story, simhash)
                    VALUES ('a1', 'h1', 'Quake hits Iquique', 'test', 3, 0);
                INSERT INTO clusterer (key, value)
                    VALUES ('docs', '250'), ('articles', '500'), ('next_id', '5'), ('since_halving', '40');
                INSERT INTO term_df (term, n) VALUES ('quak', 3), ('@iquiqu', 2);
                INSERT INTO active_stories (id, state) VALUES
                    (3, '{"id":3,"centroid":[["quak",1.0]],"latest":null,"size":2}'),
                    (4, '{"id":4,"centroid":[["@iquiqu",0.5],["quak",0.5]],"latest":"2025-01-02","size":1,"last_article":499}');
                "#,
            )
            .unwrap();
        }
        let store = Store::open(&path).unwrap();
        let (version, format): (i64, String) = store
            .conn
            .query_row(
                "SELECT (SELECT user_version FROM pragma_user_version), value FROM clusterer WHERE key = 'format'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(version, MIGRATIONS.len() as i64);
        assert_eq!(format, CLUSTERER_FORMAT.to_string());
        let story = |id, centroid: &[(&str, f32)], latest, size, last_article| StoryState {
            id,
            centroid: centroid.iter().map(|&(t, w)| (t.to_string(), w)).collect(),
            latest,
            size,
            last_article: Some(last_article),
        };
        let state = store
            .load_clusterer(ClusterConfig::default())
            .unwrap()
            .state();
        let expected = ClustererState {
            docs: 250,
            articles: 500,
            since_halving: 40,
            df: vec![("@iquiqu".into(), 2), ("quak".into(), 3)],
            next_id: 5,
            active: vec![
                story(3, &[("quak", 1.0)], None, 2, 500),
                story(
                    4,
                    &[("@iquiqu", 0.5), ("quak", 0.5)],
                    NaiveDate::from_ymd_opt(2025, 1, 2),
                    1,
                    499,
                ),
            ],
        };
        assert_eq!(state, expected);
        assert_eq!(store.stories(10).unwrap()[0].headline, "Quake hits Iquique");
        drop(store);
        // Migrated once: it opens as any store of this version.
        assert!(Store::open(&path).is_ok());
        cleanup(&path);
    }

    #[test]
    fn a_newer_clusterer_format_is_refused() {
        let path = scratch("newer-format");
        drop(Store::open(&path).unwrap());
        let conn = Connection::open(&path).unwrap();
        conn.execute(
            "UPDATE clusterer SET value = ?1 WHERE key = 'format'",
            [(CLUSTERER_FORMAT + 1).to_string()],
        )
        .unwrap();
        drop(conn);
        let message = Store::open(&path).err().expect("refused").to_string();
        assert!(message.contains(&path.display().to_string()), "{message}");
        assert!(
            message.contains(&format!("format {} is newer", CLUSTERER_FORMAT + 1)),
            "{message}"
        );
        assert!(message.contains("new one"), "{message}");
        cleanup(&path);
    }
}
