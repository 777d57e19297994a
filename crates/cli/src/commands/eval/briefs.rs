//! `eval briefs`: briefs against reference roundups (ROUGE).

use std::collections::HashMap;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use parallax_model::ReadArticle;

use super::clusters::{gold_stories, label, labelled_articles};
use crate::args::EvalBriefsArgs;
use crate::output::say;

/// Words of the baseline when a brief is empty.
const EMPTY_BRIEF_LEAD_WORDS: usize = 40;

/// Each gold story analysed as one story, its brief scored against the roundup's body (see the
/// command's help).
pub(super) fn briefs(args: EvalBriefsArgs) -> Result<ExitCode> {
    use parallax_compare::eval::{lead_tokens, rouge, rouge_tokens, Rouge};
    let (articles, labels) = labelled_articles(&args.gold)?;
    let stories = gold_stories(&articles, &labels);
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
