//! `serve`: ingest the given paths, then serve the store until Ctrl-C; and `bench --serve`, the
//! server's throughput and latency on loopback.

use std::net::SocketAddr;
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{bail, Result};
use parallax_server::load::{self, Load};
use parallax_server::Config;
use parallax_store::{Store, StorySort};

use crate::args::{BenchArgs, IngestArgs, InputArgs, ServeArgs};
use crate::output::{say, write_stdout};

pub fn serve(args: ServeArgs) -> Result<ExitCode> {
    let db = args.store.db.clone();
    if !args.paths.is_empty() {
        super::store::ingest(IngestArgs {
            inputs: InputArgs { paths: args.paths },
            store: args.store,
        })?;
    } else if !db.exists() {
        bail!(
            "no store at {} (give files to ingest: `parallax serve PATH --db {}`)",
            db.display(),
            db.display()
        );
    }
    let loopback = args
        .addr
        .parse::<SocketAddr>()
        .is_ok_and(|a| a.ip().is_loopback());
    if !loopback {
        eprintln!(
            "parallax: warning: {} is not a loopback address; the server is reachable from the network",
            args.addr
        );
    }
    parallax_server::serve_until_signal(Config::new(&db), &args.addr, |addr| {
        let _ = write_stdout(&format!(
            "Serving {} at http://{addr}/ (Ctrl-C stops)\n",
            db.display()
        ));
    })?;
    eprintln!("parallax: stopped");
    Ok(ExitCode::SUCCESS)
}

/// A story's id and how many articles it has.
type Sized = (String, usize);

/// Articles in the generated store of `bench --serve`.
const BENCH_ARTICLES: usize = 100_000;

pub fn bench(args: &BenchArgs) -> Result<ExitCode> {
    if !args.db.exists() {
        build_bench_store(&args.db)?;
    }
    let (largest, typical, word) = pick_stories(&args.db)?;
    let mut config = Config::new(&args.db);
    // Nothing analyses in the background while measuring.
    config.warm = false;
    let server = parallax_server::start(config, "127.0.0.1:0")?;
    let addr = server.addr;
    say!("server at {} on {}", server.url(), args.db.display());
    for (label, (id, n)) in [("largest", &largest), ("typical", &typical)] {
        let one = Load {
            paths: vec![format!("/stories/{id}")],
            connections: 1,
            max_requests: 1,
            max_time: Duration::from_secs(60),
        };
        let m = load::run(addr, &one)?;
        say!(
            "first (uncached) view of the {label} story {id} ({n} articles): {:.0} ms",
            m.percentile(1.0)
        );
    }
    say!(
        "{:<40} {:>8} {:>6} {:>9} {:>8} {:>8} {:>8}",
        "page",
        "requests",
        "failed",
        "req/s",
        "p50 ms",
        "p99 ms",
        "max ms"
    );
    let phases = [
        ("stories page /".to_string(), "/".to_string()),
        (
            format!("story page (cached, {} articles)", typical.1),
            format!("/stories/{}", typical.0),
        ),
        (
            format!("story page (cached, {} articles)", largest.1),
            format!("/stories/{}", largest.0),
        ),
        ("API /api/stories".to_string(), "/api/stories".to_string()),
        (
            format!("API /api/stories/{}", typical.0),
            format!("/api/stories/{}", typical.0),
        ),
        (
            format!("API /api/search?q={word}"),
            format!("/api/search?q={word}"),
        ),
    ];
    for (label, path) in phases {
        let m = load::run(
            addr,
            &Load {
                paths: vec![path],
                connections: args.connections.max(1),
                max_requests: args.requests.max(1),
                max_time: Duration::from_secs(args.seconds.max(1)),
            },
        )?;
        say!(
            "{label:<40} {:>8} {:>6} {:>9.0} {:>8.1} {:>8.1} {:>8.1}",
            m.requests,
            m.failures,
            m.per_second(),
            m.percentile(0.5),
            m.percentile(0.99),
            m.percentile(1.0)
        );
    }
    server.stop()?;
    Ok(ExitCode::SUCCESS)
}

/// The generated stream of [`BENCH_ARTICLES`] articles and one generated story of 400.
fn build_bench_store(db: &Path) -> Result<()> {
    let t = Instant::now();
    let mut store = Store::open(db)?;
    let stream = parallax_cli::synthetic::stream(BENCH_ARTICLES, 7)
        .chain(parallax_cli::synthetic::story(400, 42));
    let summary = parallax_cli::ingest::ingest(&mut store, stream, Default::default(), |_| {})?;
    say!(
        "built {}: {} articles in {:.0}s",
        db.display(),
        summary.new,
        t.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The largest story, a typical one (the median size of the newest page) with their sizes, and
/// a word of the typical one's headline to search for.
fn pick_stories(db: &Path) -> Result<(Sized, Sized, String)> {
    let store = Store::open_read_only(db)?;
    let Some(largest) = store.stories_page(StorySort::Coverage, 0, 1)?.pop() else {
        bail!("no stories in {}", db.display());
    };
    let mut newest = store.stories_page(StorySort::Newest, 0, 50)?;
    newest.sort_by_key(|r| r.articles);
    let typical = newest.swap_remove(newest.len() / 2);
    let word = typical
        .headline
        .split_whitespace()
        .next()
        .unwrap_or("the")
        .to_string();
    Ok((
        (largest.id, largest.articles),
        (typical.id, typical.articles),
        word,
    ))
}
