//! One file per group of commands; each command is a function from its parsed arguments to an
//! exit code. What they share: reading the inputs and saying what could not be read.

pub mod analyze;
pub mod bench;
pub mod cluster;
pub mod eval;
pub mod serve;
pub mod store;

use std::path::PathBuf;

use parallax_ingest::Loaded;

/// Whether [`load`] tells the warnings (things that lose no data) as well as the errors.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tell {
    Everything,
    ErrorsOnly,
}

/// Read the inputs, telling stderr what could not be read.
fn load(paths: &[PathBuf], tell: Tell) -> Loaded {
    let loaded = parallax_ingest::load_paths(paths);
    if tell == Tell::Everything {
        for w in &loaded.warnings {
            eprintln!("parallax: warning: {w}");
        }
    }
    for e in &loaded.errors {
        eprintln!("parallax: error: {e}");
    }
    loaded
}
