//! Story analyses kept between requests: one slot per story, valid for one version of it (a
//! story that gains or loses articles gets a new slot), least recently used first out when the
//! slots weigh more than the budget. Concurrent first requests for a story share one analysis.
//! The claim counts the stories page shows outlive the analyses they came from.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};

use parallax_report::matrix::ClaimCounts;
use parallax_store::StoryVersion;
use tokio::sync::OnceCell;

use crate::analysis::StoryView;

pub type Cell = Arc<OnceCell<Arc<StoryView>>>;

pub struct Cache {
    budget: usize,
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    slots: HashMap<i64, Slot>,
    used: usize,
    clock: u64,
    counts: HashMap<i64, (StoryVersion, ClaimCounts)>,
}

struct Slot {
    version: StoryVersion,
    /// The store's generation at which `version` was last found current.
    checked: i64,
    cell: Cell,
    last_used: u64,
    weight: usize,
}

impl Cache {
    pub fn new(budget: usize) -> Cache {
        Cache {
            budget,
            inner: Mutex::new(Inner::default()),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock leaves plain data; carry on with it.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The analysis kept for the story, if the store has not changed (`generation`) since its
    /// version was last checked: no query needed.
    pub fn fresh(&self, story: i64, generation: i64) -> Option<Arc<StoryView>> {
        let mut inner = self.lock();
        inner.clock += 1;
        let now = inner.clock;
        let slot = inner.slots.get_mut(&story)?;
        let view = slot
            .cell
            .get()
            .filter(|_| slot.checked == generation)?
            .clone();
        slot.last_used = now;
        Some(view)
    }

    /// The cell holding (or about to hold) the analysis of this version of the story, found
    /// current at `generation`.
    pub fn cell(&self, story: i64, version: StoryVersion, generation: i64) -> Cell {
        let mut inner = self.lock();
        inner.clock += 1;
        let now = inner.clock;
        if let Some(slot) = inner.slots.get_mut(&story) {
            if slot.version == version {
                slot.last_used = now;
                slot.checked = generation;
                return slot.cell.clone();
            }
        }
        let cell: Cell = Arc::default();
        let slot = Slot {
            version,
            checked: generation,
            cell: cell.clone(),
            last_used: now,
            weight: 0,
        };
        if let Some(old) = inner.slots.insert(story, slot) {
            inner.used -= old.weight;
        }
        cell
    }

    /// Record a finished analysis: its weight (evicting others over the budget) and its counts.
    pub fn filled(&self, story: i64, view: &StoryView) {
        let mut inner = self.lock();
        inner.counts.insert(story, (view.version, view.counts));
        let weight = view.weight();
        if let Some(slot) = inner.slots.get_mut(&story) {
            if slot.version == view.version {
                let old = std::mem::replace(&mut slot.weight, weight);
                inner.used = inner.used - old + weight;
            }
        }
        while inner.used > self.budget && inner.slots.len() > 1 {
            let Some((&oldest, _)) = inner
                .slots
                .iter()
                .filter(|(&id, _)| id != story)
                .min_by_key(|(_, s)| s.last_used)
            else {
                break;
            };
            if let Some(gone) = inner.slots.remove(&oldest) {
                inner.used -= gone.weight;
            }
        }
    }

    /// The claim counts of this version of the story, if it was analysed.
    pub fn counts(&self, story: i64, version: StoryVersion) -> Option<ClaimCounts> {
        let inner = self.lock();
        let (v, counts) = inner.counts.get(&story)?;
        (*v == version).then_some(*counts)
    }

    /// How many analyses are kept and what they weigh.
    pub fn usage(&self) -> (usize, usize) {
        let inner = self.lock();
        (inner.slots.len(), inner.used)
    }
}
