//! The commands over the store: `ingest` writes it; `stories`, `story` and `search` read it.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use parallax_read::Lexicon;
use parallax_store::Store;

use super::{load, Tell};
use crate::args::{IngestArgs, ListFormat, SearchArgs, StoriesArgs, StoryArgs};
use crate::output::{print_json, say, write_report, write_stdout};

pub fn ingest(args: IngestArgs) -> Result<ExitCode> {
    let loaded = load(&args.inputs.paths, Tell::Everything);
    let mut store = Store::open(&args.store.db)?;
    let bar = progress_bar(loaded.articles.len() as u64);
    let started = Instant::now();
    let summary =
        parallax_cli::ingest::ingest(&mut store, loaded.articles, Default::default(), |n| {
            if let Some(b) = &bar {
                b.set_position(n as u64);
            }
        })?;
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    say!(
        "read {}, new {}, duplicates {}, errors {}, stories touched {} ({} new), earlier articles regrouped {} in {:.1}s",
        summary.read,
        summary.new,
        summary.duplicates,
        loaded.errors.len(),
        summary.stories_touched,
        summary.new_stories,
        summary.moved,
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}

/// A progress bar on stderr, when stderr is a terminal.
fn progress_bar(total: u64) -> Option<ProgressBar> {
    std::io::stderr().is_terminal().then(|| {
        let bar = ProgressBar::new(total);
        bar.set_style(
            ProgressStyle::with_template("{bar:40} {pos}/{len} articles {per_sec} {eta}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    })
}

/// Open a store that must already exist (reading commands never create one by accident).
fn open_existing(db: &Path) -> Result<Store> {
    if !db.exists() {
        bail!(
            "no store at {} (create one with `parallax ingest PATH --db {}`)",
            db.display(),
            db.display()
        );
    }
    Ok(Store::open(db)?)
}

pub fn stories(args: StoriesArgs) -> Result<ExitCode> {
    let store = open_existing(&args.store.db)?;
    let rows = store.stories(args.limit)?;
    match args.list.format {
        ListFormat::Json => print_json(&serde_json::json!({ "stories": rows }))?,
        ListFormat::Text => {
            let mut out = String::new();
            for r in rows {
                let span = match (&r.first_date, &r.last_date) {
                    (Some(a), Some(b)) if a != b => format!("{a} – {b}"),
                    (Some(a), _) => a.clone(),
                    _ => "undated".to_string(),
                };
                out.push_str(&format!(
                    "{:<6} {:>4} articles  {:<23}  {}\n",
                    r.id, r.articles, span, r.headline
                ));
                if !r.outlets.is_empty() {
                    out.push_str(&format!("       {}\n", r.outlets.join(", ")));
                }
            }
            write_stdout(&out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// All of a stored story's articles compared as one story, under the id the store gives it.
pub fn story(args: StoryArgs) -> Result<ExitCode> {
    let (id, db) = (&args.id, &args.store.db);
    let store = open_existing(db)?;
    let story = parallax_store::parse_story_key(id)
        .with_context(|| format!("not a story id: {id:?} (expected s12 or 12)"))?;
    let articles = store.story_articles(story)?;
    if articles.is_empty() {
        bail!("no story {id} in {}", db.display());
    }
    let lexicon = Lexicon::builtin();
    let read: Vec<_> = articles
        .iter()
        .map(|a| parallax_read::read_article(a, &lexicon))
        .collect();
    let refs: Vec<_> = read.iter().collect();
    let analysis = parallax_model::Analysis {
        stories: vec![parallax_compare::analyze_story(&format!("s{story}"), &refs)],
        errors: vec![],
    };
    write_report(&analysis, args.report, args.color.color)?;
    Ok(ExitCode::SUCCESS)
}

pub fn search(args: SearchArgs) -> Result<ExitCode> {
    let store = open_existing(&args.store.db)?;
    let hits = store.search(&args.query, args.limit)?;
    match args.list.format {
        ListFormat::Json => print_json(&serde_json::json!({ "hits": hits }))?,
        ListFormat::Text => {
            let mut out = String::new();
            for h in hits {
                out.push_str(&format!(
                    "{:<6} {}  {}\n       {}\n",
                    h.story,
                    h.article,
                    h.title.unwrap_or_default(),
                    h.snippet.replace('\n', " ")
                ));
            }
            write_stdout(&out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
