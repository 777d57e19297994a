//! `bench`: analysis time on the demo and on generated stories, or (`--scale`) clustering and
//! ingest throughput and memory on a generated stream.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Result;
use parallax_read::Lexicon;

use crate::args::BenchArgs;
use crate::output::say;

pub fn bench(args: BenchArgs) -> Result<ExitCode> {
    if args.serve {
        return super::serve::bench(&args);
    }
    match args.scale {
        Some(n) => bench_scale(n, &args.db, args.undated),
        None => bench_analysis(&args.demo, &args.sizes, args.runs.max(1)),
    }
}

fn bench_analysis(demo: &Path, sizes: &[usize], runs: usize) -> Result<ExitCode> {
    let lexicon = Lexicon::builtin();
    say!(
        "{:<28} {:>9} {:>10} {:>12} {:>14}",
        "input",
        "articles",
        "sentences",
        "median ms",
        "µs/sentence"
    );
    let report = |label: &str, articles: &[parallax_model::Article]| -> Result<()> {
        let sentences: usize = articles
            .iter()
            .map(|a| parallax_read::read_article(a, &lexicon).sentences.len())
            .sum();
        let ms = median_ms(runs, || {
            std::hint::black_box(parallax_cli::analyze(articles, &lexicon));
        });
        say!(
            "{label:<28} {:>9} {:>10} {:>12.2} {:>14.1}",
            articles.len(),
            sentences,
            ms,
            ms * 1000.0 / sentences.max(1) as f64
        );
        Ok(())
    };
    if demo.exists() {
        let loaded = parallax_ingest::load_paths(&[demo.to_path_buf()]);
        report("demo (analysis only)", &loaded.articles)?;
    }
    for &n in sizes {
        report(
            &format!("generated story, n={n}"),
            &parallax_cli::synthetic::story(n, 42),
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// Peak and current resident memory of this process, in MiB (Linux; zero elsewhere).
fn memory_mib() -> (f64, f64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|kb| kb.parse::<f64>().ok())
            .map_or(0.0, |kb| kb / 1024.0)
    };
    (field("VmHWM:"), field("VmRSS:"))
}

fn bench_scale(n: usize, db: &Path, undated: bool) -> Result<ExitCode> {
    let config = parallax_stories::ClusterConfig::default();
    let stream = || {
        parallax_cli::synthetic::stream(n, 7).map(move |mut a| {
            if undated {
                a.published = None;
                a.published_date = None;
            }
            a
        })
    };
    // 1. Clustering alone, in memory: features, copy detection, assignment.
    let t = Instant::now();
    let mut max_active = 0usize;
    let mut max_vocabulary = 0usize;
    let mut bytes = 0usize;
    let numbers = parallax_cli::cluster_articles(
        stream().inspect(|a| bytes += a.text.len()),
        config,
        parallax_stories::FEED_BATCH,
        |c| {
            max_active = max_active.max(c.active_stories());
            max_vocabulary = max_vocabulary.max(c.vocabulary());
        },
    );
    let stories = numbers.iter().max().map_or(0, |m| m + 1);
    let secs = t.elapsed().as_secs_f64();
    let (peak, _) = memory_mib();
    say!(
        "clustering: {n} articles ({:.0} MB of text) in {secs:.1}s = {:.0} articles/s; {stories} stories, at most {max_active} active; at most {max_vocabulary} features; peak memory {peak:.0} MiB",
        bytes as f64 / 1e6,
        n as f64 / secs
    );
    // 2. The same stream through `ingest` into a fresh store.
    let _ = std::fs::remove_file(db);
    let mut store = parallax_store::Store::open(db)?;
    let t = Instant::now();
    let summary = parallax_cli::ingest::ingest(&mut store, stream(), config, |_| {})?;
    let secs = t.elapsed().as_secs_f64();
    let (peak, rss) = memory_mib();
    let size = std::fs::metadata(db).map(|m| m.len()).unwrap_or(0) as f64 / 1e6;
    say!(
        "ingest:     {} new articles in {secs:.1}s = {:.0} articles/s; {} stories; store {size:.0} MB; peak memory {peak:.0} MiB, now {rss:.0} MiB",
        summary.new,
        summary.read as f64 / secs,
        summary.new_stories
    );
    Ok(ExitCode::SUCCESS)
}
