//! `eval quotes`: quotes and their speakers against attribution annotations.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use parallax_read::eval::QuoteCounts;

use crate::args::EvalQuotesArgs;
use crate::output::say;

/// One row per `--data` folder, then the total (see the command's help for the scoring).
pub(super) fn quotes(args: EvalQuotesArgs) -> Result<ExitCode> {
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
