//! Clustering quality: B-cubed and pairwise precision, recall and F1 against gold labels.

use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Scores {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

/// Joint (gold, predicted) counts, gold cluster sizes, predicted cluster sizes.
type Counts<G, P> = (HashMap<(G, P), usize>, HashMap<G, usize>, HashMap<P, usize>);

/// Joint counts of (gold, predicted) labels, and the size of each gold and predicted cluster.
fn counts<G: std::hash::Hash + Eq + Clone, P: std::hash::Hash + Eq + Clone>(
    gold: &[G],
    pred: &[P],
) -> Counts<G, P> {
    let mut joint = HashMap::new();
    let mut g = HashMap::new();
    let mut p = HashMap::new();
    for (a, b) in gold.iter().zip(pred) {
        *joint.entry((a.clone(), b.clone())).or_insert(0) += 1;
        *g.entry(a.clone()).or_insert(0) += 1;
        *p.entry(b.clone()).or_insert(0) += 1;
    }
    (joint, g, p)
}

/// B-cubed (Bagga and Baldwin): per item, the share of its predicted cluster that shares its gold
/// label (precision) and the share of its gold cluster found in its predicted cluster (recall).
pub fn bcubed<G: std::hash::Hash + Eq + Clone, P: std::hash::Hash + Eq + Clone>(
    gold: &[G],
    pred: &[P],
) -> Scores {
    let n = gold.len().min(pred.len());
    if n == 0 {
        return Scores::default();
    }
    let (joint, g, p) = counts(&gold[..n], &pred[..n]);
    let (mut prec, mut rec) = (0.0, 0.0);
    for ((a, b), &c) in &joint {
        let c = c as f64;
        prec += c * c / p[b] as f64;
        rec += c * c / g[a] as f64;
    }
    let (precision, recall) = (prec / n as f64, rec / n as f64);
    Scores {
        precision,
        recall,
        f1: f1(precision, recall),
    }
}

/// Pairwise: over all pairs of items, pairs put together that belong together.
pub fn pairwise<G: std::hash::Hash + Eq + Clone, P: std::hash::Hash + Eq + Clone>(
    gold: &[G],
    pred: &[P],
) -> Scores {
    let n = gold.len().min(pred.len());
    let (joint, g, p) = counts(&gold[..n], &pred[..n]);
    let pairs = |c: usize| (c * c.saturating_sub(1) / 2) as f64;
    let together: f64 = joint.values().map(|&c| pairs(c)).sum();
    let pred_pairs: f64 = p.values().map(|&c| pairs(c)).sum();
    let gold_pairs: f64 = g.values().map(|&c| pairs(c)).sum();
    let precision = if pred_pairs == 0.0 {
        1.0
    } else {
        together / pred_pairs
    };
    let recall = if gold_pairs == 0.0 {
        1.0
    } else {
        together / gold_pairs
    };
    Scores {
        precision,
        recall,
        f1: f1(precision, recall),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_and_merged() {
        let gold = ["a", "a", "b", "b"];
        let s = bcubed(&gold, &[1, 1, 2, 2]);
        assert_eq!((s.precision, s.recall, s.f1), (1.0, 1.0, 1.0));
        let s = bcubed(&gold, &[1, 1, 1, 1]);
        assert_eq!((s.precision, s.recall), (0.5, 1.0));
        let s = pairwise(&gold, &[1, 1, 1, 1]);
        assert!((s.precision - 2.0 / 6.0).abs() < 1e-9);
        assert_eq!(s.recall, 1.0);
        let s = bcubed(&gold, &[1, 2, 3, 4]);
        assert_eq!((s.precision, s.recall), (1.0, 0.5));
    }
}
