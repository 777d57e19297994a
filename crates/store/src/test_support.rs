//! Scratch databases for the unit tests.

use std::path::{Path, PathBuf};

/// A fresh database path in a directory of its own (named after the test), removed by
/// [`cleanup`].
pub(crate) fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("parallax-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("t.db")
}

/// An article ready for a batch, headed as ingest heads it, in `story`.
pub(crate) fn prepared(id: &str, text: &str, story: u64) -> crate::PreparedArticle {
    crate::PreparedArticle {
        headline: parallax_text::headline_of(None, text).map(str::to_string),
        hash: crate::text_hash(text),
        simhash: 0,
        story,
        copy_of: None,
        article: parallax_model::Article::new(id, text),
    }
}

pub(crate) fn cleanup(path: &Path) {
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}
