//! `parallax`: compare how news outlets report the same story, claim by claim.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use parallax_read::Lexicon;
use parallax_report::Format;

/// `println!` through [`write_stdout`]: a closed pipe (`| head`) ends output quietly instead of
/// panicking. Use it in functions returning `Result`.
macro_rules! say {
    ($($arg:tt)*) => {
        write_stdout(&format!("{}\n", format_args!($($arg)*)))?
    };
}

#[derive(Parser)]
#[command(
    name = "parallax",
    version,
    about = "Compare how news outlets report the same story, claim by claim."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse articles: stories, claims, contradictions, quotes, framing, a cited brief.
    Analyze {
        /// Files or directories (.txt, .json, .jsonl); directories are read recursively.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        /// Write the report here instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Fail (exit 1) if any input could not be read, instead of analysing the rest.
        #[arg(long)]
        strict: bool,
        /// Colour in text output.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
        /// Extra loaded terms (`term|category` per line), added to the built-in lexicon.
        #[arg(long)]
        lexicon: Option<PathBuf>,
    },
    /// Article text and metadata from web pages, feeds and archives (and any other input).
    Extract {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The page's URL, when extracting a single page saved without it.
        #[arg(long)]
        url: Option<String>,
        #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
        format: ExtractFormat,
    },
    /// Show what Parallax reads in each article: line roles, sentences, entities, numbers, quotes.
    Read {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Store articles (idempotently) and group them into stories as they arrive.
    Ingest {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, default_value = "parallax.db")]
        db: PathBuf,
    },
    /// List stored stories, newest first.
    Stories {
        #[arg(long, default_value = "parallax.db")]
        db: PathBuf,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// The full analysis of one stored story (as `analyze` prints it).
    Story {
        /// Story id as `stories` lists it ("s12" or "12").
        id: String,
        #[arg(long, default_value = "parallax.db")]
        db: PathBuf,
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        #[arg(long)]
        out: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
    },
    /// Full-text search over stored articles, best first, with the story of each hit.
    Search {
        /// Words to find (all of them), or an FTS5 query with quotes and AND/OR/NOT.
        query: String,
        #[arg(long, default_value = "parallax.db")]
        db: PathBuf,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Group articles into stories without a store and print them.
    Cluster {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// Cosine an article needs with a story to join it.
        #[arg(long, default_value_t = parallax_stories::STORY_THRESHOLD)]
        threshold: f64,
        /// Feed the articles in batches of this many, as a stream would arrive.
        #[arg(long, default_value_t = parallax_stories::FEED_BATCH)]
        batch: usize,
        /// How many of the latest earlier articles the neighbour graph of a batch sees beside it.
        #[arg(long, default_value_t = parallax_stories::CONTEXT)]
        context: usize,
    },
    /// Measure quality against gold labels.
    Eval {
        #[command(subcommand)]
        what: EvalCommand,
    },
    /// Measure analysis time on the demo corpus and on generated stories of growing size.
    Bench {
        /// The demo corpus directory to time (skipped if absent).
        #[arg(long, default_value = "examples/kazakhstan-abraham-accords")]
        demo: PathBuf,
        /// Sizes (articles) of the generated stories.
        #[arg(long, value_delimiter = ',', default_value = "50,100,200,400")]
        sizes: Vec<usize>,
        /// Repetitions per measurement; the median is reported.
        #[arg(long, default_value_t = 11)]
        runs: usize,
        /// Instead: the scale benchmark — generate this many articles (many stories over many
        /// days, syndicated copies) and measure clustering and store ingest throughput and memory.
        #[arg(long)]
        scale: Option<usize>,
        /// With --scale: where to put the benchmark store (deleted first).
        #[arg(long, default_value = "parallax-bench.db")]
        db: PathBuf,
        /// With --scale: strip the publication dates, as in a crawl of plain text files (the
        /// window is then counted in articles).
        #[arg(long)]
        undated: bool,
    },
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Story clustering: B-cubed and pairwise precision, recall and F1 against a JSON-lines file
    /// with `id`, `story`, `title`, `text` (and optional `published`, `outlet`).
    Clusters {
        #[arg(long)]
        gold: PathBuf,
        #[arg(long, default_value_t = parallax_stories::STORY_THRESHOLD)]
        threshold: f64,
        /// Feed the articles in batches of this many, as a stream would arrive (the stories
        /// should hardly depend on it).
        #[arg(long, default_value_t = parallax_stories::FEED_BATCH)]
        batch: usize,
        /// How many of the latest earlier articles the neighbour graph of a batch sees beside it;
        /// a small value on a small file plays a long stream, where stories outlive the graph's
        /// view and new articles join them by centroid.
        #[arg(long, default_value_t = parallax_stories::CONTEXT)]
        context: usize,
    },
    /// Article-body extraction: the benchmark's 4-gram shingle precision, recall and F1 on a folder
    /// with `html/ID.html.gz` and `ground-truth.json` ({ID: {"articleBody": ...}}).
    Extraction {
        #[arg(long)]
        data: PathBuf,
        #[arg(long, value_enum, default_value_t = ExtractorChoice::Readability)]
        extractor: ExtractorChoice,
        /// Also print each page's precision and recall, worst F1 first.
        #[arg(long)]
        per_page: bool,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractorChoice {
    /// dom_smoothie (Readability.js port) with Parallax's boilerplate rules.
    Readability,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    Json,
    Jsonl,
    Text,
}

#[derive(Clone, Copy, ValueEnum)]
enum ListFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    Text,
    Json,
    Md,
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("parallax: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn load_lexicon(extra: Option<&PathBuf>) -> Result<Lexicon> {
    let mut lexicon = Lexicon::builtin();
    if let Some(path) = extra {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read lexicon {}", path.display()))?;
        lexicon.extend(Lexicon::parse(&text));
    }
    Ok(lexicon)
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Analyze {
            paths,
            format,
            out,
            strict,
            color,
            lexicon,
        } => {
            let lexicon = load_lexicon(lexicon.as_ref())?;
            let loaded = parallax_ingest::load_paths(&paths);
            for w in &loaded.warnings {
                eprintln!("parallax: warning: {w}");
            }
            for e in &loaded.errors {
                eprintln!("parallax: error: {e}");
            }
            if strict && !loaded.errors.is_empty() {
                eprintln!(
                    "parallax: {} input problem(s); --strict stops here",
                    loaded.errors.len()
                );
                return Ok(ExitCode::from(1));
            }
            if loaded.articles.is_empty() {
                bail!(
                    "no article could be read from {}",
                    paths
                        .iter()
                        .map(|p| p.display().to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                );
            }
            let mut analysis = parallax_cli::analyze(&loaded.articles, &lexicon);
            analysis.errors = parallax_cli::problems(&loaded.errors);
            render_out(&analysis, format, out, color)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract { paths, url, format } => {
            let loaded = parallax_ingest::load_paths(&paths);
            for w in &loaded.warnings {
                eprintln!("parallax: warning: {w}");
            }
            for e in &loaded.errors {
                eprintln!("parallax: error: {e}");
            }
            let pages: Vec<serde_json::Value> = loaded
                .articles
                .iter()
                .map(|a| {
                    serde_json::json!({
                        "source": a.source,
                        "url": a.url.clone().or_else(|| url.clone()),
                        "title": a.title,
                        "text": a.text,
                        "authors": a.authors,
                        "published": a.published,
                        "site_name": a.outlet,
                        "language": a.language,
                    })
                })
                .collect();
            let out = match format {
                ExtractFormat::Json => serde_json::to_string_pretty(&pages)? + "\n",
                ExtractFormat::Jsonl => pages.iter().map(|p| p.to_string() + "\n").collect(),
                ExtractFormat::Text => loaded
                    .articles
                    .iter()
                    .map(|a| {
                        format!(
                            "# {}\n{}\n\n{}\n\n",
                            a.source,
                            a.title.as_deref().unwrap_or(""),
                            a.text
                        )
                    })
                    .collect(),
            };
            write_stdout(&out)?;
            Ok(if loaded.articles.is_empty() && !loaded.errors.is_empty() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Read { paths } => {
            let loaded = parallax_ingest::load_paths(&paths);
            for e in &loaded.errors {
                eprintln!("parallax: error: {e}");
            }
            let lexicon = Lexicon::builtin();
            let read: Vec<_> = loaded
                .articles
                .iter()
                .map(|a| parallax_read::read_article(a, &lexicon))
                .collect();
            write_stdout(&(serde_json::to_string_pretty(&read)? + "\n"))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Bench {
            scale: Some(n),
            db,
            undated,
            ..
        } => bench_scale(n, &db, undated),
        Command::Bench {
            demo, sizes, runs, ..
        } => bench(&demo, &sizes, runs.max(1)),
        Command::Ingest { paths, db } => {
            let loaded = parallax_ingest::load_paths(&paths);
            for w in &loaded.warnings {
                eprintln!("parallax: warning: {w}");
            }
            for e in &loaded.errors {
                eprintln!("parallax: error: {e}");
            }
            let mut store = parallax_store::Store::open(&db)?;
            let total = loaded.articles.len() as u64;
            let bar = std::io::stderr().is_terminal().then(|| {
                let bar = indicatif::ProgressBar::new(total);
                bar.set_style(
                    indicatif::ProgressStyle::with_template(
                        "{bar:40} {pos}/{len} articles {per_sec} {eta}",
                    )
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
                );
                bar
            });
            let started = Instant::now();
            let summary = parallax_cli::ingest::ingest(
                &mut store,
                loaded.articles,
                Default::default(),
                |n| {
                    if let Some(b) = &bar {
                        b.set_position(n as u64);
                    }
                },
            )?;
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
        Command::Stories { db, format, limit } => {
            let store = open_existing(&db)?;
            let rows = store.stories(limit)?;
            match format {
                ListFormat::Json => write_stdout(
                    &(serde_json::to_string_pretty(&serde_json::json!({ "stories": rows }))?
                        + "\n"),
                )?,
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
        Command::Story {
            id,
            db,
            format,
            out,
            color,
        } => {
            let store = open_existing(&db)?;
            let story = parallax_store::parse_story_key(&id)
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
            render_out(&analysis, format, out, color)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Search {
            query,
            db,
            format,
            limit,
        } => {
            let store = open_existing(&db)?;
            let hits = store.search(&query, limit)?;
            match format {
                ListFormat::Json => write_stdout(
                    &(serde_json::to_string_pretty(&serde_json::json!({ "hits": hits }))? + "\n"),
                )?,
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
        Command::Cluster {
            paths,
            format,
            threshold,
            batch,
            context,
        } => {
            let loaded = parallax_ingest::load_paths(&paths);
            for e in &loaded.errors {
                eprintln!("parallax: error: {e}");
            }
            let config = parallax_stories::ClusterConfig {
                threshold,
                context,
                ..Default::default()
            };
            let stories =
                parallax_cli::cluster_articles(&loaded.articles, config, batch.max(1), |_| {});
            let groups = parallax_stories::members_by_label(&stories);
            let headline = |g: &[usize]| -> String {
                g.iter()
                    .find_map(|&i| {
                        parallax_text::headline_of(
                            loaded.articles[i].title.as_deref(),
                            &loaded.articles[i].text,
                        )
                        .map(str::to_string)
                    })
                    .unwrap_or_default()
            };
            match format {
                ListFormat::Json => {
                    let json: Vec<serde_json::Value> = groups
                        .iter()
                        .enumerate()
                        .map(|(k, g)| {
                            serde_json::json!({
                                "id": format!("s{}", k + 1),
                                "headline": headline(g),
                                "articles": g.iter().map(|&i| loaded.articles[i].id.clone()).collect::<Vec<_>>(),
                            })
                        })
                        .collect();
                    write_stdout(
                        &(serde_json::to_string_pretty(&serde_json::json!({ "stories": json }))?
                            + "\n"),
                    )?;
                }
                ListFormat::Text => {
                    let mut out = String::new();
                    for (k, g) in groups.iter().enumerate() {
                        out.push_str(&format!(
                            "s{} ({} articles) {}\n",
                            k + 1,
                            g.len(),
                            headline(g)
                        ));
                        for &i in g {
                            out.push_str(&format!("    {}\n", loaded.articles[i].id));
                        }
                    }
                    write_stdout(&out)?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval {
            what:
                EvalCommand::Clusters {
                    gold,
                    threshold,
                    batch,
                    context,
                },
        } => {
            let config = parallax_stories::ClusterConfig {
                threshold,
                context,
                ..Default::default()
            };
            eval_clusters(&gold, config, batch.max(1))
        }
        Command::Eval {
            what:
                EvalCommand::Extraction {
                    data,
                    extractor,
                    per_page,
                },
        } => eval_extraction(&data, extractor, per_page),
    }
}

fn eval_clusters(
    gold: &std::path::Path,
    config: parallax_stories::ClusterConfig,
    batch: usize,
) -> Result<ExitCode> {
    let bytes = std::fs::read(gold).with_context(|| format!("cannot read {}", gold.display()))?;
    let source = gold.display().to_string();
    let (articles, errors) = parallax_ingest::parse_jsonl(&source, "gold", &bytes);
    for e in &errors {
        eprintln!("parallax: error: {e}");
    }
    // Gold labels by article id, from the same lines.
    let mut labels = std::collections::HashMap::new();
    for line in String::from_utf8_lossy(&bytes).lines() {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
            if let (Some(id), Some(story)) = (v.get("id"), v.get("story")) {
                let id = id
                    .as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| id.to_string());
                labels.insert(id, story.to_string());
            }
        }
    }
    let labelled: Vec<parallax_model::Article> = articles
        .into_iter()
        .filter(|a| labels.contains_key(&a.id))
        .collect();
    if labelled.is_empty() {
        bail!("{source}: no article with both an `id` and a `story` label");
    }
    let gold_labels: Vec<&String> = labelled.iter().map(|a| &labels[&a.id]).collect();
    let t = Instant::now();
    let predicted = parallax_cli::cluster_articles(&labelled, config, batch, |_| {});
    let secs = t.elapsed().as_secs_f64();
    let b = parallax_stories::eval::bcubed(&gold_labels, &predicted);
    let p = parallax_stories::eval::pairwise(&gold_labels, &predicted);
    let gold_stories = gold_labels
        .iter()
        .collect::<std::collections::HashSet<_>>()
        .len();
    let predicted_stories = predicted
        .iter()
        .collect::<std::collections::HashSet<_>>()
        .len();
    say!(
        "articles {}  gold stories {}  predicted stories {}  ({:.0} articles/s)",
        labelled.len(),
        gold_stories,
        predicted_stories,
        labelled.len() as f64 / secs.max(1e-9)
    );
    say!("{:<10} {:>9} {:>9} {:>9}", "", "precision", "recall", "F1");
    say!(
        "{:<10} {:>9.4} {:>9.4} {:>9.4}",
        "B-cubed",
        b.precision,
        b.recall,
        b.f1
    );
    say!(
        "{:<10} {:>9.4} {:>9.4} {:>9.4}",
        "pairwise",
        p.precision,
        p.recall,
        p.f1
    );
    Ok(ExitCode::SUCCESS)
}

fn render_out(
    analysis: &parallax_model::Analysis,
    format: OutputFormat,
    out: Option<PathBuf>,
    color: ColorChoice,
) -> Result<()> {
    let to_terminal = out.is_none() && std::io::stdout().is_terminal();
    let color = match color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => to_terminal && std::env::var_os("NO_COLOR").is_none(),
    };
    let format = match format {
        OutputFormat::Text => Format::Text,
        OutputFormat::Json => Format::Json,
        OutputFormat::Md => Format::Markdown,
        OutputFormat::Html => Format::Html,
    };
    let rendered = parallax_report::render(analysis, format, color);
    match out {
        Some(path) => std::fs::write(&path, rendered)
            .with_context(|| format!("cannot write {}", path.display())),
        None => write_stdout(&rendered),
    }
}

/// Open a store that must already exist (reading commands never create one by accident).
fn open_existing(db: &std::path::Path) -> Result<parallax_store::Store> {
    if !db.exists() {
        bail!(
            "no store at {} (create one with `parallax ingest PATH --db {}`)",
            db.display(),
            db.display()
        );
    }
    Ok(parallax_store::Store::open(db)?)
}

fn eval_extraction(
    data: &std::path::Path,
    extractor: ExtractorChoice,
    per_page: bool,
) -> Result<ExitCode> {
    let truth_path = data.join("ground-truth.json");
    let truth: serde_json::Value = serde_json::from_slice(
        &std::fs::read(&truth_path)
            .with_context(|| format!("cannot read {}", truth_path.display()))?,
    )
    .with_context(|| format!("{}: malformed JSON", truth_path.display()))?;
    let truth = truth
        .as_object()
        .with_context(|| format!("{}: expected an object of pages", truth_path.display()))?;
    let extractor = match extractor {
        ExtractorChoice::Readability => parallax_web::Extractor::Readability,
    };
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();
    let mut pages = Vec::new();
    let mut elapsed = 0.0;
    for &id in &ids {
        let gold = truth[id]["articleBody"].as_str().unwrap_or_default();
        let url = truth[id]["url"].as_str();
        let path = data.join("html").join(format!("{id}.html.gz"));
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("parallax: error: {}: cannot read: {e}", path.display());
                pages.push((0.0, 0.0));
                continue;
            }
        };
        let raw = parallax_web::gunzip(&bytes).with_context(|| path.display().to_string())?;
        let t = Instant::now();
        let html = parallax_web::decode(&raw, None);
        let text = parallax_web::extract_with(extractor, &html, url)
            .map(|e| e.text)
            .unwrap_or_default();
        elapsed += t.elapsed().as_secs_f64();
        pages.push(parallax_web::eval::page_scores(gold, &text));
    }
    let (p, r, f) = parallax_web::eval::aggregate(&pages);
    if per_page {
        let f1 = |(p, r): (f64, f64)| {
            if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            }
        };
        let mut rows: Vec<(&String, (f64, f64))> =
            ids.iter().copied().zip(pages.iter().copied()).collect();
        rows.sort_by(|a, b| f1(a.1).total_cmp(&f1(b.1)));
        for (id, (p, r)) in rows {
            say!("{id}\tprecision {p:.3}\trecall {r:.3}");
        }
    }
    say!(
        "pages {}  ({:.0} pages/s, decoding and extraction, one core)",
        pages.len(),
        pages.len() as f64 / elapsed.max(1e-9)
    );
    say!("precision {p:.4}  recall {r:.4}  F1 {f:.4}");
    Ok(ExitCode::SUCCESS)
}

/// Write to stdout, treating a closed pipe (`| head`) as success.
fn write_stdout(s: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to standard output"),
    }
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

fn bench_scale(n: usize, db: &std::path::Path, undated: bool) -> Result<ExitCode> {
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

fn bench(demo: &PathBuf, sizes: &[usize], runs: usize) -> Result<ExitCode> {
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
        let loaded = parallax_ingest::load_paths(std::slice::from_ref(demo));
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
