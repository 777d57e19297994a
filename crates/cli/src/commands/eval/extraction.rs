//! `eval extraction`: article-body extraction against gold bodies or snippets.

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context, Result};

use crate::args::{EvalExtractionArgs, ExtractorChoice};
use crate::output::say;

/// Every `--data` set, scored by its own measure, one block of output per set.
pub(super) fn extraction(args: EvalExtractionArgs) -> Result<ExitCode> {
    let extractor = match args.extractor {
        ExtractorChoice::Auto => parallax_web::Extractor::Auto,
        ExtractorChoice::Readability => parallax_web::Extractor::Readability,
        ExtractorChoice::Density => parallax_web::Extractor::Density,
    };
    let threads = args
        .threads
        .unwrap_or_else(parallax_ingest::parallel::default_threads)
        .max(1);
    for data in &args.data {
        let set = DevSet::load(data)?;
        let started = Instant::now();
        let extracted = parallax_ingest::parallel::map_in_order(&set.pages, threads, |page| {
            let html = parallax_web::decode(&page.html, None);
            parallax_web::extract_with(extractor, &html, page.url.as_deref()).ok()
        });
        let secs = started.elapsed().as_secs_f64();
        let texts: Vec<&str> = extracted
            .iter()
            .map(|e| e.as_ref().map_or("", |e| e.text.as_str()))
            .collect();
        if let Some(dir) = &args.texts {
            write_texts(dir, &set, &texts)?;
        }
        let (scores, per_page) = set.score(&texts);
        if args.per_page {
            for line in per_page {
                say!("{line}");
            }
        }
        say!(
            "{}: {} pages, {} ({:.0} pages/s, decoding and extraction, {} thread{})",
            data.file_name().map_or(data.display().to_string(), |n| n
                .to_string_lossy()
                .into_owned()),
            set.pages.len(),
            set.gold.measure(),
            set.pages.len() as f64 / secs.max(1e-9),
            threads,
            if threads == 1 { "" } else { "s" }
        );
        say!("methods: {}", method_counts(&extracted));
        let (p, r, f) = scores;
        say!("precision {p:.4}  recall {r:.4}  F1 {f:.4}");
    }
    Ok(ExitCode::SUCCESS)
}

fn write_texts(dir: &Path, set: &DevSet, texts: &[&str]) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    for (page, text) in set.pages.iter().zip(texts) {
        let path = dir.join(format!("{}.txt", page.id));
        std::fs::write(&path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}

/// How many pages each extraction method gave ("readability 57, density 2, none 1").
fn method_counts(extracted: &[Option<parallax_web::Extracted>]) -> String {
    let mut counts = std::collections::BTreeMap::<&str, usize>::new();
    for e in extracted {
        *counts
            .entry(e.as_ref().map_or("none", |e| e.method.name()))
            .or_default() += 1;
    }
    counts
        .iter()
        .map(|(m, n)| format!("{m} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A development set: its pages (decompressed, read before timing) and its gold, in id order.
struct DevSet {
    pages: Vec<DevPage>,
    gold: Gold,
}

struct DevPage {
    id: String,
    url: Option<String>,
    html: Vec<u8>,
}

/// The two kinds of gold, told apart by the file a set carries.
enum Gold {
    /// `ground-truth.json`: {ID: {"articleBody", "url"}}, scored by shingles.
    Bodies(Vec<String>),
    /// `gold.json`: {ID: {"url", "with": [..], "without": [..]}}, scored by snippets.
    Snippets(Vec<(Vec<String>, Vec<String>)>),
}

impl Gold {
    fn measure(&self) -> &'static str {
        match self {
            Gold::Bodies(_) => "shingle F1",
            Gold::Snippets(_) => "snippet F1",
        }
    }
}

impl DevSet {
    fn load(data: &Path) -> Result<DevSet> {
        let snippets = data.join("gold.json").exists();
        let file = data.join(if snippets {
            "gold.json"
        } else {
            "ground-truth.json"
        });
        let truth = read_json_object(&file)?;
        let mut ids: Vec<&String> = truth.keys().collect();
        ids.sort();
        let strings = |v: &serde_json::Value| -> Vec<String> {
            v.as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|s| s.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default()
        };
        let mut pages = Vec::new();
        let (mut bodies, mut snippet_lists) = (Vec::new(), Vec::new());
        for id in ids {
            let entry = &truth[id];
            let path = data.join("html").join(format!("{id}.html.gz"));
            let bytes =
                std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
            let html = parallax_web::gunzip(&bytes).with_context(|| path.display().to_string())?;
            // trafilatura's set names its pages "hard::site-name.html", not by a URL.
            let url = entry["url"].as_str().filter(|u| u.starts_with("http"));
            pages.push(DevPage {
                id: id.clone(),
                url: url.map(str::to_string),
                html,
            });
            if snippets {
                snippet_lists.push((strings(&entry["with"]), strings(&entry["without"])));
            } else {
                bodies.push(
                    entry["articleBody"]
                        .as_str()
                        .unwrap_or_default()
                        .to_string(),
                );
            }
        }
        let gold = if snippets {
            Gold::Snippets(snippet_lists)
        } else {
            Gold::Bodies(bodies)
        };
        Ok(DevSet { pages, gold })
    }

    /// Precision, recall and F1, and one line per page, worst first.
    fn score(&self, texts: &[&str]) -> ((f64, f64, f64), Vec<String>) {
        use parallax_web::eval;
        let ids = self.pages.iter().map(|p| &p.id);
        match &self.gold {
            Gold::Bodies(bodies) => {
                let pages: Vec<(f64, f64)> = bodies
                    .iter()
                    .zip(texts)
                    .map(|(gold, text)| eval::page_scores(gold, text))
                    .collect();
                let f1 = |(p, r): (f64, f64)| {
                    if p + r > 0.0 {
                        2.0 * p * r / (p + r)
                    } else {
                        0.0
                    }
                };
                let mut rows: Vec<_> = ids.zip(pages.iter().copied()).collect();
                rows.sort_by(|a, b| f1(a.1).total_cmp(&f1(b.1)));
                let lines = rows
                    .iter()
                    .map(|(id, (p, r))| format!("{id}\tprecision {p:.3}\trecall {r:.3}"))
                    .collect();
                (eval::aggregate(&pages), lines)
            }
            Gold::Snippets(lists) => {
                let pages: Vec<eval::SnippetCounts> = lists
                    .iter()
                    .zip(texts)
                    .map(|((with, without), text)| eval::snippet_counts(with, without, text))
                    .collect();
                let mut rows: Vec<_> = ids.zip(pages.iter().copied()).collect();
                rows.sort_by_key(|(_, c)| std::cmp::Reverse(c.false_negatives + c.false_positives));
                let lines = rows
                    .iter()
                    .filter(|(_, c)| c.false_negatives + c.false_positives > 0)
                    .map(|(id, c)| {
                        format!(
                            "{id}\tfound {}\tmissed {}\tunwanted {}",
                            c.true_positives, c.false_negatives, c.false_positives
                        )
                    })
                    .collect();
                (eval::snippet_scores(&pages), lines)
            }
        }
    }
}

/// A JSON file holding one object (of pages by id).
fn read_json_object(path: &Path) -> Result<serde_json::Map<String, serde_json::Value>> {
    let value: serde_json::Value = serde_json::from_slice(
        &std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?,
    )
    .with_context(|| format!("{}: malformed JSON", path.display()))?;
    match value {
        serde_json::Value::Object(pages) => Ok(pages),
        _ => bail!("{}: expected an object of pages", path.display()),
    }
}
