//! Story listings kept until the store changes: a page of stories, their count and each
//! story's version, by the listing's parameters. Reading a page costs a few milliseconds of
//! SQLite (each story's outlets and version); unchanged, it is served from here. The claim
//! counts are not kept here: they come from the analysis cache at each request.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use parallax_store::{StoryRow, StoryVersion};

use crate::params::ListParams;

/// Listings kept at most (parameters differ only by page, order and size).
const KEPT: usize = 256;

/// One page as read: its rows, the number of stories, and each row's story number and version.
pub struct Page {
    pub rows: Vec<StoryRow>,
    pub total: usize,
    pub versions: Vec<(i64, Option<StoryVersion>)>,
}

#[derive(Default)]
pub struct Listings {
    kept: Mutex<HashMap<ListParams, (i64, Arc<Page>)>>,
}

impl Listings {
    /// The page read at this generation of the store, if kept.
    pub fn get(&self, params: &ListParams, generation: i64) -> Option<Arc<Page>> {
        let kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        kept.get(params)
            .filter(|(g, _)| *g == generation)
            .map(|(_, page)| page.clone())
    }

    pub fn put(&self, params: ListParams, generation: i64, page: Arc<Page>) {
        let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        if kept.len() >= KEPT {
            kept.retain(|_, (g, _)| *g == generation);
            if kept.len() >= KEPT {
                kept.clear();
            }
        }
        kept.insert(params, (generation, page));
    }
}
