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

pub(crate) fn cleanup(path: &Path) {
    let _ = std::fs::remove_dir_all(path.parent().unwrap());
}
