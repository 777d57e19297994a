//! Body-extraction quality, by the two measures of the development sets.
//!
//! Shingles, as the article-extraction benchmark defines it: tokens are `\w+` runs; per page,
//! count the 4-gram shingles of the gold and the extracted text; TP is the sum of per-shingle
//! minima, FP and FN the excess on each side, the three normalised to sum to 1; precision and
//! recall are averaged over pages and F1 is computed from the two averages.
//!
//! Snippets, as trafilatura's own evaluation scores: each page lists snippets that must be in the
//! text ("with") and snippets that must not ("without"); after collapsing whitespace, a "with"
//! snippet found is a true positive and one missed a false negative, a "without" snippet found a
//! false positive; precision and recall are taken over all snippets of all pages. A page with no
//! text misses all its "with" snippets.

use std::collections::HashMap;

fn tokens(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        // Python's \w: Unicode letters, digits and the underscore.
        if c.is_alphanumeric() || c == '_' {
            cur.push(c);
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn shingles(text: &str) -> HashMap<Vec<String>, usize> {
    let t = tokens(text);
    let mut counts = HashMap::new();
    if t.is_empty() {
        return counts;
    }
    if t.len() < 4 {
        *counts.entry(t).or_insert(0) += 1;
        return counts;
    }
    for w in t.windows(4) {
        *counts.entry(w.to_vec()).or_insert(0) += 1;
    }
    counts
}

/// Per-page precision and recall of an extracted text against the gold body.
pub fn page_scores(gold: &str, extracted: &str) -> (f64, f64) {
    let g = shingles(gold);
    let e = shingles(extracted);
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    for (s, &ge) in &g {
        let ee = e.get(s).copied().unwrap_or(0);
        tp += ge.min(ee);
        fn_ += ge.saturating_sub(ee);
    }
    for (s, &ee) in &e {
        fp += ee.saturating_sub(g.get(s).copied().unwrap_or(0));
    }
    let total = (tp + fp + fn_) as f64;
    if total == 0.0 {
        return (1.0, 1.0);
    }
    let (tp, fp, fn_) = (tp as f64 / total, fp as f64 / total, fn_ as f64 / total);
    let precision = if tp + fp == 0.0 { 0.0 } else { tp / (tp + fp) };
    let recall = if tp + fn_ == 0.0 {
        0.0
    } else {
        tp / (tp + fn_)
    };
    (precision, recall)
}

/// Averages over pages, and F1 from the averages.
pub fn aggregate(pages: &[(f64, f64)]) -> (f64, f64, f64) {
    let n = pages.len().max(1) as f64;
    let p = pages.iter().map(|x| x.0).sum::<f64>() / n;
    let r = pages.iter().map(|x| x.1).sum::<f64>() / n;
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// One page's snippet counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SnippetCounts {
    pub true_positives: usize,
    pub false_negatives: usize,
    pub false_positives: usize,
}

/// Count a page's "with" and "without" snippets found in the extracted text.
pub fn snippet_counts(with: &[String], without: &[String], extracted: &str) -> SnippetCounts {
    let text = collapse_whitespace(extracted);
    let found = |snippet: &String| text.contains(&collapse_whitespace(snippet));
    let true_positives = with.iter().filter(|s| found(s)).count();
    SnippetCounts {
        true_positives,
        false_negatives: with.len() - true_positives,
        false_positives: without.iter().filter(|s| found(s)).count(),
    }
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Precision, recall and F1 over all snippets of all pages.
pub fn snippet_scores(pages: &[SnippetCounts]) -> (f64, f64, f64) {
    let sum = |f: fn(&SnippetCounts) -> usize| pages.iter().map(f).sum::<usize>() as f64;
    let tp = sum(|c| c.true_positives);
    let fp = sum(|c| c.false_positives);
    let fn_ = sum(|c| c.false_negatives);
    let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let r = if tp + fn_ > 0.0 { tp / (tp + fn_) } else { 0.0 };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_found_after_collapsing_whitespace() {
        let with = vec!["the  vote\nwas held".to_string(), "not there".to_string()];
        let without = vec!["Read more".to_string()];
        let c = snippet_counts(&with, &without, "Today the vote was\n\nheld. Read more");
        assert_eq!(
            c,
            SnippetCounts {
                true_positives: 1,
                false_negatives: 1,
                false_positives: 1
            }
        );
        let empty = snippet_counts(&with, &without, "");
        assert_eq!((empty.false_negatives, empty.false_positives), (2, 0));
        let (p, r, f) = snippet_scores(&[c, empty]);
        assert_eq!((p, r), (0.5, 0.25));
        assert!((f - 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn perfect_partial_and_empty() {
        let gold = "one two three four five six";
        assert_eq!(page_scores(gold, gold), (1.0, 1.0));
        let (p, r) = page_scores(gold, "one two three four");
        assert_eq!(p, 1.0);
        assert!((r - 1.0 / 3.0).abs() < 1e-9);
        assert_eq!(page_scores(gold, ""), (0.0, 0.0));
        let (p, r, f) = aggregate(&[(1.0, 0.5), (0.5, 1.0)]);
        assert_eq!((p, r), (0.75, 0.75));
        assert!((f - 0.75).abs() < 1e-9);
    }
}
