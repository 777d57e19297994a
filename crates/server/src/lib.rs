//! `parallax serve`: the stored stories as web pages and a JSON API.
//!
//! Architecture invariant: an edge, like the CLI. It reads the store through read-only
//! connections (no endpoint can change it: only GET and HEAD are accepted, and SQLite refuses
//! writes on these connections), runs the same analysis as `parallax story` (`read` and
//! `compare`), and renders a story with the report's own HTML (`parallax_report::render_html`);
//! its other pages use the report's frame and escaping. A story's analysis is kept until the
//! story changes (`cache.rs`).
//!
//! Files: `routes/` (the URL map and thin handlers), `fetch.rs` (what handlers read),
//! `params.rs` (query parameters), `pages/` (HTML), `api.rs` (JSON bodies), `error.rs` (errors
//! and their status codes, in one place), `limits.rs` (methods, sizes, time, security headers),
//! `state.rs`, `cache.rs`, `listings.rs`, `analysis.rs`, `warm.rs`, `load.rs` (the load generator of
//! `parallax bench --serve`).

mod analysis;
mod api;
mod cache;
pub mod error;
mod fetch;
pub mod limits;
mod listings;
pub mod load;
mod pages;
mod params;
mod respond;
mod routes;
mod state;
mod warm;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

pub use error::ServeError;
pub use routes::router;
pub use state::{AppState, Config};

/// How long in-flight requests may finish after a stop was asked.
const GRACE: Duration = Duration::from_secs(5);

/// Serve on `listener` until `shutdown` completes, then let requests in flight finish (for at
/// most a few seconds).
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: Arc<AppState>,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    if state.config.warm {
        *state.warmer.lock().unwrap_or_else(|e| e.into_inner()) = Some(warm::Warmer::start(&state));
    }
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        shutdown.await;
        let _ = stop_tx.send(true);
    });
    let mut graceful = stop_rx.clone();
    let app = router(state.clone());
    let server = axum::serve(listener, app).with_graceful_shutdown(async move {
        let _ = graceful.wait_for(|stop| *stop).await;
    });
    let mut deadline = stop_rx;
    tokio::select! {
        r = server => r,
        _ = async move {
            let _ = deadline.wait_for(|stop| *stop).await;
            tokio::time::sleep(GRACE).await;
        } => Ok(()),
    }
}

/// A server running on its own threads (for `bench --serve` and tests); dropping it stops it.
pub struct Running {
    pub addr: SocketAddr,
    pub state: Arc<AppState>,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<std::io::Result<()>>>,
}

impl Running {
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stop and wait for the server to end.
    pub fn stop(mut self) -> std::io::Result<()> {
        self.end()
    }

    fn end(&mut self) -> std::io::Result<()> {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        match self.thread.take().map(|t| t.join()) {
            Some(Ok(r)) => r,
            Some(Err(_)) => Err(std::io::Error::other("the server thread panicked")),
            None => Ok(()),
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.end();
    }
}

fn runtime() -> std::io::Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("parallax-serve")
        .build()
}

/// Bind `addr` now (so that a taken port is an error here), then serve on a thread of its own.
pub fn start(config: Config, addr: &str) -> Result<Running, StartError> {
    let state = AppState::new(config)?;
    let listener = bind(addr)?;
    let addr = listener.local_addr().map_err(StartError::Bind)?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let served = state.clone();
    let thread = std::thread::Builder::new()
        .name("parallax-serve".into())
        .spawn(move || {
            runtime()?.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener)?;
                serve(listener, served, async move {
                    let _ = stopped.await;
                })
                .await
            })
        })
        .map_err(StartError::Bind)?;
    Ok(Running {
        addr,
        state,
        stop: Some(stop),
        thread: Some(thread),
    })
}

/// Serve in the foreground until Ctrl-C (or SIGTERM); `ready` is told the address first.
pub fn serve_until_signal(
    config: Config,
    addr: &str,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), StartError> {
    let state = AppState::new(config)?;
    let listener = bind(addr)?;
    ready(listener.local_addr().map_err(StartError::Bind)?);
    runtime().map_err(StartError::Bind)?.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener).map_err(StartError::Bind)?;
        serve(listener, state, stop_signal())
            .await
            .map_err(StartError::Bind)
    })
}

fn bind(addr: &str) -> Result<std::net::TcpListener, StartError> {
    let listener = std::net::TcpListener::bind(addr).map_err(|source| StartError::Address {
        addr: addr.to_string(),
        source,
    })?;
    listener.set_nonblocking(true).map_err(StartError::Bind)?;
    Ok(listener)
}

/// Ctrl-C, or SIGTERM where there is one.
async fn stop_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = ctrl_c => {},
                    _ = term.recv() => {},
                }
            }
            Err(_) => ctrl_c.await,
        }
    }
    #[cfg(not(unix))]
    ctrl_c.await;
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(transparent)]
    Store(#[from] ServeError),
    #[error("cannot listen on {addr}")]
    Address {
        addr: String,
        source: std::io::Error,
    },
    #[error("server: {0}")]
    Bind(std::io::Error),
}
