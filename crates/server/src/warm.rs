//! The warmer: analyses, one at a time in the background, the stories a listing showed without
//! claim counts, so that the next view of the listing has them (and their pages are cached).
//! It holds the state weakly and stops when the server's state goes.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, Weak};

use tokio::sync::mpsc;

use crate::state::AppState;

/// Stories waiting at most; a listing asks for 50 at a time.
const QUEUE: usize = 512;

pub struct Warmer {
    tx: mpsc::Sender<i64>,
    /// Stories queued or being analysed, so that none is queued twice.
    pending: Arc<Mutex<HashSet<i64>>>,
    busy: Arc<AtomicBool>,
}

impl Warmer {
    /// Start the warmer on the current runtime.
    pub fn start(state: &Arc<AppState>) -> Warmer {
        let (tx, mut rx) = mpsc::channel::<i64>(QUEUE);
        let pending: Arc<Mutex<HashSet<i64>>> = Arc::default();
        let busy = Arc::new(AtomicBool::new(false));
        let weak: Weak<AppState> = Arc::downgrade(state);
        let (queued, working) = (pending.clone(), busy.clone());
        tokio::spawn(async move {
            while let Some(story) = rx.recv().await {
                let Some(state) = weak.upgrade() else { break };
                working.store(true, Ordering::SeqCst);
                // A story that went away or failed is simply not counted.
                let _ = state.story_view(story).await;
                drop(state);
                queued
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .remove(&story);
                working.store(false, Ordering::SeqCst);
            }
        });
        Warmer { tx, pending, busy }
    }

    pub fn request(&self, stories: Vec<i64>) {
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        for s in stories {
            if pending.insert(s) && self.tx.try_send(s).is_err() {
                // The queue is full: the next listing asks again.
                pending.remove(&s);
            }
        }
    }

    pub fn idle(&self) -> bool {
        !self.busy.load(Ordering::SeqCst)
            && self
                .pending
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .is_empty()
    }
}
