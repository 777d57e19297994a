//! The nearest-neighbour graph of one batch and the latest articles before it (see
//! [`crate::Clusterer::add_batch`]).
//!
//! Each article links to its nearest articles in the batch (cosine of the TF-IDF features the
//! clusterer uses) when the similarity clears the threshold; the groups are the connected
//! components. Two events of one kind ("Klitschko stops Rahman", "Klitschko stops Thompson")
//! share most of their words, so a report of one is often as close to the *centroid* of the other
//! as to its own; but its *nearest* reports are nearly always of its own event, because those
//! share the few words that differ (on ECB+, 98% of articles have their nearest neighbour in their
//! own event). And unlike one-at-a-time clustering, an article's neighbours include those that
//! came after it, so the first report of the second event is claimed by the reports that follow.
//!
//! Cost: candidates come from an inverted index over each article's most specific features and
//! are capped, so the work is linear in the batch size.

use chrono::{Datelike, NaiveDate};
use parallax_text::sparse::dot as cosine;
use parallax_text::DisjointSets;
use rustc_hash::FxHashMap as HashMap;
use serde::{Deserialize, Serialize};

/// The parameters of the neighbour graph, with the reasons for their defaults.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GraphConfig {
    /// Cosine an article needs with a neighbour to link to it.
    pub threshold: f64,
    /// How many nearest articles an article may link to. One leaves an event in pieces (nearest
    /// neighbours pair up); more join the pieces.
    pub neighbours: usize,
    /// Links beyond the nearest need the other article to count this one among its `mutual`
    /// nearest: an article that is near everything (a round-up, a generic report) links to no
    /// one but its nearest, so it cannot join two events.
    pub mutual: usize,
    /// How many of an article's most specific features find its candidate neighbours (24: with
    /// damped term counts the weights are flat, and 16 missed true neighbours on ECB+).
    pub probe: usize,
    /// Candidates scored per article: those sharing the most weight of its specific features.
    pub max_candidates: usize,
    /// Mean pairwise cosine a linked group of three or more must reach, or it is regrouped by
    /// average link ([`crate::cohesive`]; 0: linked components as they are).
    pub cohesion: f64,
}

impl Default for GraphConfig {
    fn default() -> Self {
        GraphConfig {
            threshold: LINK_THRESHOLD,
            neighbours: 3,
            mutual: 8,
            probe: 24,
            max_candidates: 24,
            cohesion: crate::cohesive::GROUP_COHESION,
        }
    }
}

/// Default link threshold: measured on ECB+ topics 1–35 (see README "Quality").
pub const LINK_THRESHOLD: f64 = 0.15;

/// Groups of the neighbour graph: its connected components, each loose one regrouped by average
/// link ([`crate::cohesive`]). `vectors` are unit-length TF-IDF vectors sorted
/// by feature; articles more than `window_days` apart never link; `links` are pairs that must
/// share a component (syndicated copies). Returns each article's component, numbered in order of
/// first appearance.
pub fn components<V: AsRef<[(u32, f32)]>>(
    vectors: &[V],
    dates: &[Option<NaiveDate>],
    window_days: i64,
    links: &[(usize, usize)],
    config: &GraphConfig,
) -> Vec<usize> {
    let nearest = nearest_neighbours(vectors, dates, window_days, config);
    let n = vectors.len();
    let mut sets = DisjointSets::new(n);
    for &(a, b) in links {
        sets.union(a, b);
    }
    for (i, near) in nearest.iter().enumerate() {
        for (rank, &j) in near.iter().take(config.neighbours).enumerate() {
            let j = j as usize;
            if rank == 0
                || nearest[j]
                    .iter()
                    .take(config.mutual)
                    .any(|&x| x as usize == i)
            {
                sets.union(i, j);
            }
        }
    }
    let mut numbers: HashMap<usize, usize> = HashMap::default();
    let linked: Vec<usize> = (0..n)
        .map(|i| {
            let root = sets.find(i);
            let next = numbers.len();
            *numbers.entry(root).or_insert(next)
        })
        .collect();
    if config.cohesion <= 0.0 {
        return linked;
    }
    crate::cohesive::cohesive_groups(vectors, &linked, &nearest, links, config.cohesion)
}

/// Indices grouped by label, for labels numbered 0, 1, 2… in order of first appearance (as
/// [`components`] and story numbers in `cluster` output are).
pub fn members_by_label(labels: &[usize]) -> Vec<Vec<usize>> {
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (i, &label) in labels.iter().enumerate() {
        if label == members.len() {
            members.push(Vec::new());
        }
        members[label].push(i);
    }
    members
}

/// Each article's nearest articles within the window whose cosine clears the threshold, best
/// first: as many as the linking rules read (`neighbours`, `mutual`).
fn nearest_neighbours<V: AsRef<[(u32, f32)]>>(
    vectors: &[V],
    dates: &[Option<NaiveDate>],
    window_days: i64,
    config: &GraphConfig,
) -> Vec<Vec<u32>> {
    let n = vectors.len();
    let mut postings: HashMap<u32, Vec<u32>> = HashMap::default();
    for (i, v) in vectors.iter().enumerate() {
        for (t, _) in v.as_ref() {
            postings.entry(*t).or_default().push(i as u32);
        }
    }
    let days: Vec<Option<i64>> = dates
        .iter()
        .map(|d| d.map(|d| d.num_days_from_ce() as i64))
        .collect();
    let within = |a: usize, b: usize| match (days[a], days[b]) {
        (Some(a), Some(b)) => (a - b).abs() <= window_days,
        _ => true,
    };
    let keep = config.mutual.max(config.neighbours);
    // Shared weight per candidate, dense over the batch: postings are long, hashing each hit was
    // the graph's main cost. `touched` lists the entries to read and reset.
    let mut hits: Vec<f32> = vec![0.0; n];
    let mut touched: Vec<u32> = Vec::new();
    let mut nearest: Vec<Vec<u32>> = Vec::with_capacity(n);
    for (i, v) in vectors.iter().enumerate() {
        let v = v.as_ref();
        probe(v, &postings, n, config, &mut hits, &mut touched);
        hits[i] = 0.0;
        let candidates: Vec<(f32, u32)> = touched
            .iter()
            .filter(|&&j| j as usize != i && within(i, j as usize))
            .map(|&j| (hits[j as usize], j))
            .collect();
        for j in touched.drain(..) {
            hits[j as usize] = 0.0;
        }
        nearest.push(closest(v, vectors, candidates, keep, config));
    }
    nearest
}

/// Add to `hits` the weight each article shares with `v` over `v`'s most specific features
/// (`config.probe`), listing the articles hit in `touched`.
fn probe(
    v: &[(u32, f32)],
    postings: &HashMap<u32, Vec<u32>>,
    n: usize,
    config: &GraphConfig,
    hits: &mut [f32],
    touched: &mut Vec<u32>,
) {
    let mut probe: Vec<&(u32, f32)> = v.iter().collect();
    let order = |a: &&(u32, f32), b: &&(u32, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    if probe.len() > config.probe {
        probe.select_nth_unstable_by(config.probe, order);
        probe.truncate(config.probe);
    }
    // Terms in more than an eighth of the batch are probed only when the rarer ones find
    // too few candidates: they touch most of the batch and rarely decide the nearest.
    let common = (n / 8).max(64);
    let mut skipped: Vec<&(u32, f32)> = Vec::new();
    for p in probe {
        let list = &postings[&p.0];
        if list.len() > common {
            skipped.push(p);
            continue;
        }
        add_hits(list, p.1, hits, touched);
    }
    if touched.len() < config.max_candidates {
        for (t, w) in skipped {
            add_hits(&postings[t], *w, hits, touched);
        }
    }
}

/// Of the `candidates` (shared weight, article), the `keep` nearest to `v` by cosine that clear
/// the threshold, best first; only the `max_candidates` sharing the most weight are scored.
fn closest<V: AsRef<[(u32, f32)]>>(
    v: &[(u32, f32)],
    vectors: &[V],
    mut candidates: Vec<(f32, u32)>,
    keep: usize,
    config: &GraphConfig,
) -> Vec<u32> {
    let order = |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
    if candidates.len() > config.max_candidates {
        candidates.select_nth_unstable_by(config.max_candidates, order);
        candidates.truncate(config.max_candidates);
    }
    let mut scored: Vec<(f64, u32)> = candidates
        .into_iter()
        .map(|(_, j)| (cosine(v, vectors[j as usize].as_ref()) as f64, j))
        .filter(|(s, _)| *s >= config.threshold)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().take(keep).map(|(_, j)| j).collect()
}

/// Add a probed term's weight to the shared weight of every article that has it.
fn add_hits(list: &[u32], weight: f32, hits: &mut [f32], touched: &mut Vec<u32>) {
    for &j in list {
        let h = &mut hits[j as usize];
        if *h == 0.0 {
            touched.push(j);
        }
        *h += weight;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(terms: &[(u32, f32)]) -> Vec<(u32, f32)> {
        let norm = terms.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        terms.iter().map(|(t, w)| (*t, w / norm)).collect()
    }

    #[test]
    fn nearest_neighbours_link_and_the_window_and_copies_are_respected() {
        let day = |d| NaiveDate::from_ymd_opt(2025, 3, d);
        let vectors = vec![
            unit(&[(1, 1.0), (2, 1.0), (3, 1.0)]),
            unit(&[(1, 1.0), (2, 1.0), (4, 1.0)]),
            // Same words, a month later: outside the window.
            unit(&[(1, 1.0), (2, 1.0), (3, 1.0)]),
            unit(&[(7, 1.0), (8, 1.0)]),
            unit(&[(9, 1.0)]),
        ];
        let dates = [day(1), day(2), day(31), day(1), day(1)];
        let config = GraphConfig::default();
        assert_eq!(
            components(&vectors, &dates, 7, &[], &config),
            vec![0, 0, 1, 2, 3]
        );
        // A copy link joins what the words do not.
        assert_eq!(
            components(&vectors, &dates, 7, &[(3, 4)], &config),
            vec![0, 0, 1, 2, 2]
        );
    }

    #[test]
    fn a_story_filling_much_of_the_batch_still_holds_together() {
        // 300 reports of one event share its names (terms 1-3, in more than an eighth of the
        // batch) and little else; 700 unrelated articles have words of their own.
        let mut vectors = Vec::new();
        for k in 0..300u32 {
            vectors.push(unit(&[(1, 1.0), (2, 1.0), (3, 1.0), (1000 + k, 0.5)]));
        }
        for k in 0..700u32 {
            vectors.push(unit(&[(5000 + 2 * k, 1.0), (5001 + 2 * k, 1.0)]));
        }
        let groups = components(&vectors, &[None; 1000], 7, &[], &GraphConfig::default());
        assert!(groups[..300].iter().all(|&g| g == groups[0]));
        assert!(groups[300..].iter().all(|&g| g != groups[0]));
    }

    #[test]
    fn a_hub_links_only_to_its_nearest() {
        // Two tight pairs and an article halfway between them: it may join one pair, never both.
        let vectors = vec![
            unit(&[(1, 1.0), (2, 1.0), (3, 0.2)]),
            unit(&[(1, 1.0), (2, 1.0), (4, 0.2)]),
            unit(&[(5, 1.0), (6, 1.0), (7, 0.2)]),
            unit(&[(5, 1.0), (6, 1.0), (8, 0.2)]),
            unit(&[(1, 0.6), (5, 0.6), (9, 1.0)]),
        ];
        let config = GraphConfig {
            mutual: 1,
            ..GraphConfig::default()
        };
        let groups = components(&vectors, &[None; 5], 7, &[], &config);
        assert_ne!(groups[0], groups[2], "{groups:?}");
        assert_eq!(groups[0], groups[1]);
        assert_eq!(groups[2], groups[3]);
    }
}
