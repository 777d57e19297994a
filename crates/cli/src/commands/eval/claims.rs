//! `eval claims`: claims that mix two events, one row per gold file.

use std::process::ExitCode;

use anyhow::Result;
use parallax_compare::eval::event_mixing::{mixing, nearest_pairs, MixingCounts};
use parallax_model::ReadArticle;

use super::clusters::{gold_stories, labelled_articles};
use crate::args::EvalClaimsArgs;
use crate::output::say;

/// Each gold story paired with its nearest other story, each pair analysed as one story (see
/// the command's help).
pub(super) fn claims(args: EvalClaimsArgs) -> Result<ExitCode> {
    say!(
        "{:<28} {:>7} {:>6} {:>12} {:>6} {:>7}  {:>14}",
        "set",
        "stories",
        "pairs",
        "corroborated",
        "mixed",
        "mixed %",
        "aligned within"
    );
    let lexicon = parallax_read::Lexicon::builtin();
    for gold in &args.gold {
        let (articles, labels) = labelled_articles(gold)?;
        let stories = gold_stories(&articles, &labels);
        let read: Vec<Vec<ReadArticle>> = stories
            .iter()
            .map(|(_, members)| {
                members
                    .iter()
                    .map(|a| parallax_read::read_article(a, &lexicon))
                    .collect()
            })
            .collect();
        let refs: Vec<Vec<&ReadArticle>> = read.iter().map(|s| s.iter().collect()).collect();
        let mut total = MixingCounts::default();
        for (a, b) in nearest_pairs(&refs) {
            total += mixing(&refs[a], &refs[b]);
        }
        let name = gold.file_stem().map_or_else(
            || gold.display().to_string(),
            |s| s.to_string_lossy().into(),
        );
        say!(
            "{name:<28} {:>7} {:>6} {:>12} {:>6} {:>6.1}%  {:>13.1}%",
            stories.len(),
            total.pairs,
            total.corroborated,
            total.mixed,
            100.0 * total.mixed as f64 / total.corroborated.max(1) as f64,
            100.0 * total.aligned_within as f64 / total.sentences.max(1) as f64
        );
    }
    Ok(ExitCode::SUCCESS)
}
