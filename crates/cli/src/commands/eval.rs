//! `eval`: quality against gold labels, of story clustering and of article-body extraction.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context, Result};

use crate::args::{EvalClustersArgs, EvalCommand, EvalExtractionArgs, ExtractorChoice};
use crate::output::say;

pub fn eval(what: EvalCommand) -> Result<ExitCode> {
    match what {
        EvalCommand::Clusters(args) => clusters(args),
        EvalCommand::Extraction(args) => extraction(args),
    }
}

fn clusters(args: EvalClustersArgs) -> Result<ExitCode> {
    let gold = &args.gold;
    let bytes = std::fs::read(gold).with_context(|| format!("cannot read {}", gold.display()))?;
    let source = gold.display().to_string();
    let (articles, errors) = parallax_ingest::parse_jsonl(&source, "gold", &bytes);
    for e in &errors {
        eprintln!("parallax: error: {e}");
    }
    let labels = gold_labels(&bytes);
    let labelled: Vec<parallax_model::Article> = articles
        .into_iter()
        .filter(|a| labels.contains_key(&a.id))
        .collect();
    if labelled.is_empty() {
        bail!("{source}: no article with both an `id` and a `story` label");
    }
    let gold_labels: Vec<&String> = labelled.iter().map(|a| &labels[&a.id]).collect();
    let t = Instant::now();
    let clustering = &args.clustering;
    let predicted =
        parallax_cli::cluster_articles(&labelled, clustering.config(), clustering.batch(), |_| {});
    let secs = t.elapsed().as_secs_f64();
    let b = parallax_stories::eval::bcubed(&gold_labels, &predicted);
    let p = parallax_stories::eval::pairwise(&gold_labels, &predicted);
    say!(
        "articles {}  gold stories {}  predicted stories {}  ({:.0} articles/s)",
        labelled.len(),
        gold_labels.iter().collect::<HashSet<_>>().len(),
        predicted.iter().collect::<HashSet<_>>().len(),
        labelled.len() as f64 / secs.max(1e-9)
    );
    say!("{:<10} {:>9} {:>9} {:>9}", "", "precision", "recall", "F1");
    for (name, s) in [("B-cubed", b), ("pairwise", p)] {
        say!(
            "{name:<10} {:>9.4} {:>9.4} {:>9.4}",
            s.precision,
            s.recall,
            s.f1
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Gold story labels by article id, from the same JSON lines the articles come from.
fn gold_labels(bytes: &[u8]) -> HashMap<String, String> {
    let mut labels = HashMap::new();
    for line in String::from_utf8_lossy(bytes).lines() {
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
    labels
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
