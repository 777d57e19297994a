//! `eval`: quality against gold labels, of story clustering, quotes and their speakers, briefs,
//! and article-body extraction. The scoring itself is in the library crates
//! (`parallax_stories::eval`, `parallax_read::eval`, `parallax_compare::eval`,
//! `parallax_web::eval`); here the files are read and the tables printed.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use parallax_model::{Article, ReadArticle};
use parallax_read::eval::QuoteCounts;

use crate::args::{
    ClusteringArgs, EvalBriefsArgs, EvalClustersArgs, EvalCommand, EvalExtractionArgs,
    EvalQuotesArgs, ExtractorChoice,
};
use crate::output::say;

pub fn eval(what: EvalCommand) -> Result<ExitCode> {
    match what {
        EvalCommand::Clusters(args) => clusters(args),
        EvalCommand::Quotes(args) => quotes(args),
        EvalCommand::Briefs(args) => briefs(args),
        EvalCommand::Extraction(args) => extraction(args),
    }
}

/// One row per gold file: its name (the file stem), sizes, B-cubed and pairwise scores.
fn clusters(args: EvalClustersArgs) -> Result<ExitCode> {
    let names: Vec<String> = args
        .gold
        .iter()
        .map(|g| {
            g.file_stem()
                .map_or_else(|| g.display().to_string(), |s| s.to_string_lossy().into())
        })
        .collect();
    let w = names
        .iter()
        .map(|n| n.chars().count())
        .max()
        .unwrap_or(0)
        .max(3);
    say!(
        "{:<w$}  {:>8}  {:>12}  {:>9}  {:>9} {:>6} {:>6}  {:>11}",
        "set",
        "articles",
        "gold stories",
        "predicted",
        "B-cubed P",
        "R",
        "F1",
        "pairwise F1"
    );
    for (gold, name) in args.gold.iter().zip(&names) {
        let row = cluster_row(gold, &args.clustering)?;
        say!(
            "{name:<w$}  {:>8}  {:>12}  {:>9}  {:>9.4} {:>6.4} {:>6.4}  {:>11.4}  ({:.0} articles/s)",
            row.articles,
            row.gold_stories,
            row.predicted_stories,
            row.bcubed.precision,
            row.bcubed.recall,
            row.bcubed.f1,
            row.pairwise.f1,
            row.articles as f64 / row.seconds.max(1e-9)
        );
    }
    Ok(ExitCode::SUCCESS)
}

struct ClusterRow {
    articles: usize,
    gold_stories: usize,
    predicted_stories: usize,
    bcubed: parallax_stories::eval::Scores,
    pairwise: parallax_stories::eval::Scores,
    seconds: f64,
}

/// Cluster one gold file's labelled articles and score them.
fn cluster_row(gold: &Path, clustering: &ClusteringArgs) -> Result<ClusterRow> {
    let (labelled, labels) = labelled_articles(gold)?;
    let gold_labels: Vec<&String> = labelled.iter().map(|a| &labels[&a.id]).collect();
    let t = Instant::now();
    let predicted =
        parallax_cli::cluster_articles(&labelled, clustering.config(), clustering.batch(), |_| {});
    let seconds = t.elapsed().as_secs_f64();
    Ok(ClusterRow {
        articles: labelled.len(),
        gold_stories: gold_labels.iter().collect::<HashSet<_>>().len(),
        predicted_stories: predicted.iter().collect::<HashSet<_>>().len(),
        bcubed: parallax_stories::eval::bcubed(&gold_labels, &predicted),
        pairwise: parallax_stories::eval::pairwise(&gold_labels, &predicted),
        seconds,
    })
}

/// The articles of a gold JSON-lines file that carry a `story` label, in file order, and the
/// labels by article id.
fn labelled_articles(gold: &Path) -> Result<(Vec<Article>, HashMap<String, String>)> {
    let bytes = std::fs::read(gold).with_context(|| format!("cannot read {}", gold.display()))?;
    let source = gold.display().to_string();
    let (articles, errors) = parallax_ingest::parse_jsonl(&source, "gold", &bytes);
    for e in &errors {
        eprintln!("parallax: error: {e}");
    }
    let labels = gold_labels(&bytes);
    let labelled: Vec<Article> = articles
        .into_iter()
        .filter(|a| labels.contains_key(&a.id))
        .collect();
    if labelled.is_empty() {
        bail!("{source}: no article with both an `id` and a `story` label");
    }
    Ok((labelled, labels))
}

/// A JSON value as a label: a string as it is, anything else as JSON.
fn label(v: &serde_json::Value) -> String {
    v.as_str()
        .map(str::to_string)
        .unwrap_or_else(|| v.to_string())
}

/// Gold story labels by article id, from the same JSON lines the articles come from.
fn gold_labels(bytes: &[u8]) -> HashMap<String, String> {
    let mut labels = HashMap::new();
    for line in String::from_utf8_lossy(bytes).lines() {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(line) {
            if let (Some(id), Some(story)) = (v.get("id"), v.get("story")) {
                labels.insert(label(id), label(story));
            }
        }
    }
    labels
}

/// One row per `--data` folder, then the total (see the command's help for the scoring).
fn quotes(args: EvalQuotesArgs) -> Result<ExitCode> {
    let lexicon = parallax_read::Lexicon::builtin();
    let names: Vec<String> = args.data.iter().map(|d| d.display().to_string()).collect();
    let w = names
        .iter()
        .map(|n| n.chars().count())
        .max()
        .unwrap_or(0)
        .max(5);
    say!(
        "{:<w$}  {:>8}  {:>5}  {:>9}  {:>11} {:>6} {:>6}  {:>13} {:>7}  {:>12} {:>6} {:>6}  {:>10}",
        "set",
        "articles",
        "gold",
        "predicted",
        "detection P",
        "R",
        "F1",
        "speaker names",
        "sourced",
        "end-to-end P",
        "R",
        "F1",
        "no speaker"
    );
    let row = |name: &str, c: &QuoteCounts| -> Result<()> {
        let (d, e) = (c.detection(), c.end_to_end());
        say!(
            "{name:<w$}  {:>8}  {:>5}  {:>9}  {:>11.4} {:>6.4} {:>6.4}  {:>13.4} {:>7.4}  {:>12.4} {:>6.4} {:>6.4}  {:>10}",
            c.articles,
            c.gold,
            c.predicted,
            d.precision,
            d.recall,
            d.f1,
            c.speaker_on_names(),
            c.speaker_on_sources(),
            e.precision,
            e.recall,
            e.f1,
            c.named_empty
        );
        Ok(())
    };
    let mut total = QuoteCounts::default();
    for (dir, name) in args.data.iter().zip(&names) {
        let counts = quote_counts(dir, &lexicon)?;
        row(name, &counts)?;
        total += counts;
    }
    if args.data.len() > 1 {
        row("total", &total)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// How many skipped annotation lines are told one by one; the rest are only counted.
const TOLD_SKIPS: usize = 5;

/// The counts of one folder: every `text/NAME.txt` against `attributions/NAME.ann`.
fn quote_counts(dir: &Path, lexicon: &parallax_read::Lexicon) -> Result<QuoteCounts> {
    let text_dir = dir.join("text");
    let mut texts: Vec<PathBuf> = std::fs::read_dir(&text_dir)
        .with_context(|| format!("cannot read {}", text_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    texts.sort();
    if texts.is_empty() {
        bail!("{}: no .txt files", text_dir.display());
    }
    let mut counts = QuoteCounts::default();
    let mut skipped = 0;
    for path in &texts {
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        let ann_path = dir.join("attributions").join(format!("{stem}.ann"));
        let ann = std::fs::read_to_string(&ann_path).with_context(|| {
            format!(
                "{}: no annotations for {}",
                ann_path.display(),
                path.display()
            )
        })?;
        let bytes =
            std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
        let file_text = std::str::from_utf8(&bytes)
            .with_context(|| format!("{}: invalid UTF-8", path.display()))?;
        let gold = parallax_read::eval::parse_brat(&ann, file_text);
        for (line, why) in &gold.skipped {
            if skipped < TOLD_SKIPS {
                eprintln!(
                    "parallax: warning: {} line {line}: skipped: {why}",
                    ann_path.display()
                );
            }
            skipped += 1;
        }
        let source = path.display().to_string();
        let predicted = match parallax_ingest::parse_txt(&source, &stem, &bytes) {
            Ok(article) => parallax_read::eval::predictions(
                &parallax_read::read_article(&article, lexicon),
                file_text,
            ),
            // An empty text: no predictions.
            Err(e) => {
                eprintln!("parallax: warning: {e}");
                Vec::new()
            }
        };
        counts += parallax_read::eval::count(&predicted, &gold.quotes);
    }
    if skipped > 0 {
        eprintln!(
            "parallax: warning: {}: {skipped} malformed annotation line(s) skipped",
            dir.display()
        );
    }
    Ok(counts)
}

/// Words of the baseline when a brief is empty.
const EMPTY_BRIEF_LEAD_WORDS: usize = 40;

/// Each gold story analysed as one story, its brief scored against the roundup's body (see the
/// command's help).
fn briefs(args: EvalBriefsArgs) -> Result<ExitCode> {
    use parallax_compare::eval::{lead_tokens, rouge, rouge_tokens, Rouge};
    let (articles, labels) = labelled_articles(&args.gold)?;
    let mut stories: Vec<(String, Vec<&Article>)> = Vec::new();
    let mut position: HashMap<&str, usize> = HashMap::new();
    for a in &articles {
        let story = labels[&a.id].as_str();
        let k = *position.entry(story).or_insert_with(|| {
            stories.push((story.to_string(), Vec::new()));
            stories.len() - 1
        });
        stories[k].1.push(a);
    }
    let references = roundup_bodies(&args.roundups)?;
    let lexicon = parallax_read::Lexicon::builtin();
    let (mut brief_sum, mut lead_sum) = (Rouge::default(), Rouge::default());
    let (mut scored, mut empty, mut words, mut missing) = (0, 0, 0, 0);
    for (story, members) in &stories {
        let Some(reference) = references.get(story) else {
            missing += 1;
            continue;
        };
        let reference = rouge_tokens(reference);
        let read: Vec<ReadArticle> = members
            .iter()
            .map(|a| parallax_read::read_article(a, &lexicon))
            .collect();
        let refs: Vec<&ReadArticle> = read.iter().collect();
        let report = parallax_compare::analyze_story(story, &refs);
        let brief: Vec<&str> = report.brief.iter().map(|b| b.text.as_str()).collect();
        let brief = rouge_tokens(&brief.join(" "));
        scored += 1;
        words += brief.len();
        empty += usize::from(brief.is_empty());
        brief_sum += rouge(&brief, &reference);
        let lead_words = if brief.is_empty() {
            EMPTY_BRIEF_LEAD_WORDS
        } else {
            brief.len()
        };
        lead_sum += rouge(&lead_tokens(&refs, lead_words), &reference);
    }
    if missing > 0 {
        eprintln!(
            "parallax: warning: {missing} gold stor{} without a roundup in {}, not scored",
            if missing == 1 { "y" } else { "ies" },
            args.roundups.display()
        );
    }
    if scored == 0 {
        bail!(
            "no gold story of {} has a roundup in {}",
            args.gold.display(),
            args.roundups.display()
        );
    }
    say!(
        "stories {scored}  empty briefs {empty} ({:.1}%)  mean brief length {:.1} words",
        100.0 * empty as f64 / scored as f64,
        words as f64 / scored as f64
    );
    say!(
        "{:<24} {:>7} {:>7} {:>7}",
        "mean F1",
        "ROUGE-1",
        "ROUGE-2",
        "ROUGE-L"
    );
    for (name, sum) in [("brief", brief_sum), ("leads cut to its length", lead_sum)] {
        let m = sum.mean(scored);
        say!(
            "{name:<24} {:>7.4} {:>7.4} {:>7.4}",
            m.rouge1,
            m.rouge2,
            m.rouge_l
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// The body of each story's roundup (`summary` after `ARTICLE=>`, or all of it without the
/// marker), by story.
fn roundup_bodies(path: &Path) -> Result<HashMap<String, String>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut bodies = HashMap::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!(
                    "parallax: warning: {} line {}: malformed JSON line: {e}",
                    path.display(),
                    i + 1
                );
                continue;
            }
        };
        let (Some(story), Some(summary)) = (v.get("story"), v["summary"].as_str()) else {
            eprintln!(
                "parallax: warning: {} line {}: no `story` and `summary`",
                path.display(),
                i + 1
            );
            continue;
        };
        let body = summary
            .split_once("ARTICLE=>")
            .map_or(summary, |(_, body)| body);
        bodies.insert(label(story), body.trim().to_string());
    }
    Ok(bodies)
}

fn extraction(args: EvalExtractionArgs) -> Result<ExitCode> {
    let data = &args.data;
    let truth = ground_truth(data)?;
    let extractor = match args.extractor {
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
    if args.per_page {
        print_per_page(&ids, &pages)?;
    }
    say!(
        "pages {}  ({:.0} pages/s, decoding and extraction, one core)",
        pages.len(),
        pages.len() as f64 / elapsed.max(1e-9)
    );
    say!("precision {p:.4}  recall {r:.4}  F1 {f:.4}");
    Ok(ExitCode::SUCCESS)
}

/// The benchmark's `ground-truth.json`: an object of pages by id.
fn ground_truth(data: &Path) -> Result<serde_json::Map<String, serde_json::Value>> {
    let truth_path = data.join("ground-truth.json");
    let truth: serde_json::Value = serde_json::from_slice(
        &std::fs::read(&truth_path)
            .with_context(|| format!("cannot read {}", truth_path.display()))?,
    )
    .with_context(|| format!("{}: malformed JSON", truth_path.display()))?;
    match truth {
        serde_json::Value::Object(pages) => Ok(pages),
        _ => bail!("{}: expected an object of pages", truth_path.display()),
    }
}

/// Each page's precision and recall, worst F1 first.
fn print_per_page(ids: &[&String], pages: &[(f64, f64)]) -> Result<()> {
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
    Ok(())
}
