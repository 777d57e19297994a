//! `eval clusters`: story grouping against gold `story` labels, one row per gold file.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context, Result};
use parallax_model::Article;

use crate::args::{ClusteringArgs, EvalClustersArgs};
use crate::output::say;

/// One row per gold file: its name (the file stem), sizes, B-cubed and pairwise scores.
pub(super) fn clusters(args: EvalClustersArgs) -> Result<ExitCode> {
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
pub(super) fn labelled_articles(gold: &Path) -> Result<(Vec<Article>, HashMap<String, String>)> {
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
/// The labelled articles grouped by gold story, stories in order of their first article.
pub(super) fn gold_stories<'a>(
    articles: &'a [Article],
    labels: &HashMap<String, String>,
) -> Vec<(String, Vec<&'a Article>)> {
    let mut stories: Vec<(String, Vec<&Article>)> = Vec::new();
    let mut position: HashMap<&str, usize> = HashMap::new();
    for a in articles {
        let story = labels[&a.id].as_str();
        let k = *position.entry(story).or_insert_with(|| {
            stories.push((story.to_string(), Vec::new()));
            stories.len() - 1
        });
        stories[k].1.push(a);
    }
    stories
}

pub(super) fn label(v: &serde_json::Value) -> String {
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
