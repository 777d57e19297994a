//! What every request shares: the store's readers, the analysis cache, the lexicon, the
//! background warmer, and counters the tests and the benchmark read.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use parallax_read::Lexicon;
use parallax_store::{Store, StoryVersion};

use crate::analysis::{self, StoryView};
use crate::cache::Cache;
use crate::error::{Result, ServeError};
use crate::warm::Warmer;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The store (it must exist).
    pub db: PathBuf,
    /// About how many bytes of analyses to keep.
    pub cache_bytes: usize,
    /// The longest a request may take before it gets a 503.
    pub timeout: Duration,
    /// Analyse the stories a listing shows in the background, for their claim counts.
    pub warm: bool,
}

impl Config {
    pub fn new(db: impl Into<PathBuf>) -> Config {
        Config {
            db: db.into(),
            cache_bytes: 512 << 20,
            timeout: Duration::from_secs(15),
            warm: true,
        }
    }
}

/// Idle read-only connections kept for the next request.
const IDLE_READERS: usize = 8;

pub struct AppState {
    pub config: Config,
    pub cache: Cache,
    pub lexicon: Lexicon,
    pub(crate) warmer: Mutex<Option<Warmer>>,
    readers: Mutex<Vec<Store>>,
    /// A connection kept only to ask whether the store changed (`data_version`).
    watcher: Mutex<Store>,
    pub(crate) listings: crate::listings::Listings,
    /// Analyses running at once at most: one per core, so that many first views of different
    /// stories queue instead of each taking a thread and its memory.
    analysing: tokio::sync::Semaphore,
    /// Analyses run so far (each a read and comparison of a whole story).
    pub analyses: AtomicUsize,
}

impl AppState {
    /// Check that the store opens for reading, and set up.
    pub fn new(config: Config) -> Result<Arc<AppState>> {
        let first = Store::open_read_only(&config.db)?;
        let watcher = Store::open_read_only(&config.db)?;
        Ok(Arc::new(AppState {
            watcher: Mutex::new(watcher),
            listings: Default::default(),
            cache: Cache::new(config.cache_bytes),
            config,
            lexicon: Lexicon::builtin(),
            warmer: Mutex::new(None),
            readers: Mutex::new(vec![first]),
            analysing: tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(2, |n| n.get()),
            ),
            analyses: AtomicUsize::new(0),
        }))
    }

    /// Run `f` on a read-only connection, on a thread where blocking is allowed. Each call sees
    /// the store as last committed: another process's ingest shows on the next request.
    pub async fn read<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&Store) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            let store = state.take_reader()?;
            let out = f(&store);
            state.give_back(store);
            out
        })
        .await
        .map_err(|e| ServeError::Internal(format!("a reader stopped: {e}")))?
    }

    fn take_reader(&self) -> Result<Store> {
        let idle = self.readers.lock().unwrap_or_else(|e| e.into_inner()).pop();
        match idle {
            Some(store) => Ok(store),
            None => Ok(Store::open_read_only(&self.config.db)?),
        }
    }

    fn give_back(&self, store: Store) {
        let mut idle = self.readers.lock().unwrap_or_else(|e| e.into_inner());
        if idle.len() < IDLE_READERS {
            idle.push(store);
        }
    }

    /// The store's generation: it changes whenever another process commits (an ingest). A
    /// cheap check (no disk read), made on the calling thread.
    pub fn generation(&self) -> Result<i64> {
        let watcher = self.watcher.lock().unwrap_or_else(|e| e.into_inner());
        Ok(watcher.data_version()?)
    }

    /// The current version of a story, or 404.
    pub async fn version(self: &Arc<Self>, story: i64) -> Result<(String, StoryVersion)> {
        self.read(move |s| Ok(s.story_version(story)?))
            .await?
            .ok_or_else(|| ServeError::NotFound(format!("no story s{story}")))
    }

    /// The analysis of the story as it is now: from the cache, or analysed once (concurrent
    /// requests wait for the same analysis).
    pub async fn story_view(self: &Arc<Self>, story: i64) -> Result<Arc<StoryView>> {
        let generation = self.generation()?;
        if let Some(view) = self.cache.fresh(story, generation) {
            return Ok(view);
        }
        let (_, version) = self.version(story).await?;
        let cell = self.cache.cell(story, version, generation);
        let view = cell
            .get_or_try_init(|| {
                let state = self.clone();
                async move {
                    let _permit = state
                        .analysing
                        .acquire()
                        .await
                        .map_err(|e| ServeError::Internal(e.to_string()))?;
                    let me = state.clone();
                    let fresh = state.read(move |s| me.analyse(s, story, version)).await;
                    fresh.map(Arc::new)
                }
            })
            .await?
            .clone();
        Ok(view)
    }

    /// Analyse on a reader's thread, render the first view's page, and record the result.
    fn analyse(&self, store: &Store, story: i64, version: StoryVersion) -> Result<StoryView> {
        let view = analysis::analyse(store, story, version, &self.lexicon)?;
        let page = crate::pages::story::first_view(&view);
        // The first page is small: gzipped here, off the request threads, as browsers take it.
        page.gzip();
        let _ = view.page.set(page);
        self.analyses.fetch_add(1, Ordering::Relaxed);
        self.cache.filled(story, &view);
        Ok(view)
    }

    /// Analyses run so far, for tests and the benchmark.
    pub fn analyses_run(&self) -> usize {
        self.analyses.load(Ordering::Relaxed)
    }

    /// Whether the background warmer has nothing left to do.
    pub fn warm_idle(&self) -> bool {
        let warmer = self.warmer.lock().unwrap_or_else(|e| e.into_inner());
        warmer.as_ref().is_none_or(|w| w.idle())
    }

    /// Ask the warmer to analyse these stories (those a listing shows without counts).
    pub fn warm(&self, stories: Vec<i64>) {
        let warmer = self.warmer.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(w) = warmer.as_ref() {
            w.request(stories);
        }
    }
}
