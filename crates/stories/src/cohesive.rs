//! Groups that hang together: a linked component of the neighbour graph whose members do not
//! agree with each other on average is regrouped by average link.
//!
//! Nearest-neighbour links chain. When every item shares words with many others (a feed of
//! short US-politics items, where "Trump", "Senate" and "Democrats" are everywhere), one wrong
//! nearest link per item is enough to join hundreds of stories into one component. A story's
//! reports agree with each other on average; a chain of stories does not. So a component of
//! three or more whose mean pairwise cosine is below [`GROUP_COHESION`] is taken apart and
//! regrouped by group-average agglomeration over its own links: two groups merge, best pair
//! first, while the mean cosine between their members clears the same bar. Average link cannot
//! chain: a group joins another only when it agrees with all of it on average. Components that
//! hang together (the reports of one event, however loose, and two events of one kind that the
//! graph already joined) are left as the graph made them.
//!
//! The mean pairwise cosine of unit vectors follows from their sum S: |S|² = n + Σ_{i≠j} cos,
//! and the mean cosine between two groups is S_A·S_B / (|A||B|), so nothing is computed pair by
//! pair.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use parallax_text::DisjointSets;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

/// Mean pairwise cosine a group of three or more must reach to stay as linked, and the mean
/// cosine two groups need to merge when a loose component is regrouped. Measured with the other
/// parameters fixed, on full articles (ECB+), headline + lead items (NeuS), headline-only items
/// and a stream mixing them: 0.2 keeps every ECB+ event as the graph links it and splits the
/// chains of short items (see docs/experiments.md, 2026-11-30).
pub const GROUP_COHESION: f64 = 0.2;

/// A sparse sum of unit vectors.
type Sum = HashMap<u32, f64>;

fn add_into(sum: &mut Sum, v: &[(u32, f32)]) {
    for &(t, w) in v {
        *sum.entry(t).or_default() += w as f64;
    }
}

fn dot(a: &Sum, b: &Sum) -> f64 {
    let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    small
        .iter()
        .map(|(t, w)| w * large.get(t).copied().unwrap_or(0.0))
        .sum()
}

/// Mean pairwise cosine of the `n` unit vectors summing to `sum` (1 for fewer than two).
fn mean_cosine(sum: &Sum, n: usize) -> f64 {
    if n < 2 {
        return 1.0;
    }
    let n = n as f64;
    (dot(sum, sum) - n) / (n * (n - 1.0))
}

/// Regroup the loose components of `components` (each article's component, as
/// `graph::components` numbers them). `nearest` are each article's neighbour candidates (the
/// pairs that may merge), `links` pairs that must stay together (copies). Returns each article's
/// group, numbered in order of first appearance.
pub fn cohesive_groups<V: AsRef<[(u32, f32)]>>(
    vectors: &[V],
    components: &[usize],
    nearest: &[Vec<u32>],
    links: &[(usize, usize)],
    cohesion: f64,
) -> Vec<usize> {
    let members = crate::graph::members_by_label(components);
    let mut group = vec![usize::MAX; vectors.len()];
    let mut next = 0;
    for m in &members {
        let mut sum = Sum::default();
        for &i in m {
            add_into(&mut sum, vectors[i].as_ref());
        }
        if m.len() < 3 || mean_cosine(&sum, m.len()) >= cohesion {
            for &i in m {
                group[i] = next;
            }
            next += 1;
            continue;
        }
        for part in average_link(vectors, m, nearest, links, cohesion) {
            for i in part {
                group[i] = next;
            }
            next += 1;
        }
    }
    renumber(&group)
}

/// Labels numbered again in order of first appearance.
fn renumber(labels: &[usize]) -> Vec<usize> {
    let mut numbers: HashMap<usize, usize> = HashMap::default();
    labels
        .iter()
        .map(|&l| {
            let next = numbers.len();
            *numbers.entry(l).or_insert(next)
        })
        .collect()
}

/// A candidate merge: the mean cosine between two groups (by their first member's position in
/// the component), with the stamps the groups had when it was scored.
#[derive(PartialEq)]
struct Candidate {
    score: f64,
    a: usize,
    b: usize,
    stamps: (u32, u32),
}

impl Eq for Candidate {}

impl Ord for Candidate {
    // Best score first; ties by position, so the result never depends on hash order.
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then_with(|| other.a.cmp(&self.a))
            .then_with(|| other.b.cmp(&self.b))
    }
}

impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// One group of the component `members` being regrouped: the sum of its vectors, its size, the
/// groups it may merge with, and a stamp that changes whenever it grows.
struct Group {
    sum: Sum,
    size: usize,
    neighbours: HashSet<usize>,
    stamp: u32,
    alive: bool,
}

/// Group-average agglomeration of one component over its neighbour links: merge the pair of
/// groups with the highest mean cosine while it reaches `cohesion`. Copies start together.
/// Returns the groups' members, in order of their first member.
fn average_link<V: AsRef<[(u32, f32)]>>(
    vectors: &[V],
    members: &[usize],
    nearest: &[Vec<u32>],
    links: &[(usize, usize)],
    cohesion: f64,
) -> Vec<Vec<usize>> {
    let position: HashMap<usize, usize> =
        members.iter().enumerate().map(|(k, &i)| (i, k)).collect();
    // A group lives at its smallest position, the root `sets` gives (merges always keep the
    // smaller of two roots).
    let mut sets = DisjointSets::new(members.len());
    for &(a, b) in links {
        if let (Some(&x), Some(&y)) = (position.get(&a), position.get(&b)) {
            sets.union(x, y);
        }
    }
    let mut groups = initial_groups(vectors, members, nearest, &position, &mut sets);
    let mut heap = BinaryHeap::new();
    for a in 0..groups.len() {
        for &b in groups[a].neighbours.iter().filter(|&&b| a < b) {
            heap.push(candidate(&groups, a, b));
        }
    }
    while let Some(c) = heap.pop() {
        if c.score < cohesion {
            break;
        }
        let (a, b) = (c.a, c.b);
        if !groups[a].alive || !groups[b].alive || c.stamps != (groups[a].stamp, groups[b].stamp) {
            continue;
        }
        merge(&mut groups, a, b);
        sets.union(a, b);
        let around: Vec<usize> = groups[a].neighbours.iter().copied().collect();
        for n in around {
            heap.push(candidate(&groups, a.min(n), a.max(n)));
        }
    }
    let mut parts: Vec<Vec<usize>> = Vec::new();
    let mut part_of: HashMap<usize, usize> = HashMap::default();
    for (k, &i) in members.iter().enumerate() {
        let root = sets.find(k);
        let next = parts.len();
        let p = *part_of.entry(root).or_insert(next);
        if p == parts.len() {
            parts.push(Vec::new());
        }
        parts[p].push(i);
    }
    parts
}

/// The groups a component starts from: each article, or its copies with it, and the groups its
/// neighbour links reach.
fn initial_groups<V: AsRef<[(u32, f32)]>>(
    vectors: &[V],
    members: &[usize],
    nearest: &[Vec<u32>],
    position: &HashMap<usize, usize>,
    sets: &mut DisjointSets,
) -> Vec<Group> {
    let mut groups: Vec<Group> = (0..members.len())
        .map(|_| Group {
            sum: Sum::default(),
            size: 0,
            neighbours: HashSet::default(),
            stamp: 0,
            alive: false,
        })
        .collect();
    for (k, &i) in members.iter().enumerate() {
        let g = &mut groups[sets.find(k)];
        add_into(&mut g.sum, vectors[i].as_ref());
        g.size += 1;
        g.alive = true;
    }
    for (k, &i) in members.iter().enumerate() {
        for &j in &nearest[i] {
            if let Some(&l) = position.get(&(j as usize)) {
                let (a, b) = (sets.find(k), sets.find(l));
                if a != b {
                    groups[a].neighbours.insert(b);
                    groups[b].neighbours.insert(a);
                }
            }
        }
    }
    groups
}

fn candidate(groups: &[Group], a: usize, b: usize) -> Candidate {
    let (ga, gb) = (&groups[a], &groups[b]);
    Candidate {
        score: dot(&ga.sum, &gb.sum) / (ga.size * gb.size) as f64,
        a,
        b,
        stamps: (ga.stamp, gb.stamp),
    }
}

/// Merge group `b` into group `a`.
fn merge(groups: &mut [Group], a: usize, b: usize) {
    let taken = std::mem::take(&mut groups[b].sum);
    let neighbours = std::mem::take(&mut groups[b].neighbours);
    groups[b].alive = false;
    for (t, w) in taken {
        *groups[a].sum.entry(t).or_default() += w;
    }
    groups[a].size += groups[b].size;
    groups[a].stamp += 1;
    for n in neighbours {
        if n != a {
            groups[n].neighbours.remove(&b);
            groups[n].neighbours.insert(a);
            groups[a].neighbours.insert(n);
        }
    }
    groups[a].neighbours.remove(&b);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{features, ClusterConfig, Clusterer, StoryInput};

    /// Short feed items (a headline and a one-line lead) of many unrelated stories that all
    /// share the common words of one beat, as US-politics feeds do: each story has two words of
    /// its own, each item three or four of the beat's.
    fn beat_items(stories: usize) -> (Vec<crate::Features>, Vec<usize>) {
        const BEAT: &[&str] = &[
            "Trump",
            "Senate",
            "Democrats",
            "Republicans",
            "vote",
            "bill",
            "White House",
            "Congress",
            "impeachment",
            "election",
            "campaign",
            "lawmakers",
        ];
        const SYLLABLES: &[&str] = &["ka", "lor", "mi", "ven", "tu", "sar", "pel", "dro", "quin"];
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |n: usize| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (x % n as u64) as usize
        };
        let mut features = Vec::new();
        let mut gold = Vec::new();
        for s in 0..stories {
            let word = |k: usize| -> String {
                let k = s * 7 + k;
                format!(
                    "{}{}{}",
                    SYLLABLES[k % 9],
                    SYLLABLES[(k / 9) % 9],
                    SYLLABLES[(k / 81) % 9]
                )
            };
            let (a, b) = (word(0), word(1));
            for _ in 0..3 {
                let c: Vec<&str> = (0..4).map(|_| BEAT[next(BEAT.len())]).collect();
                let headline = format!("{} and {} {} over {a}", c[0], c[1], c[2]);
                let text = format!(
                    "{headline}\nThe {a} {b} dispute drew {} to the {}.",
                    c[3], c[1]
                );
                features.push(features::features(&StoryInput {
                    headline: None,
                    text: &text,
                    date: None,
                }));
                gold.push(s);
            }
        }
        (features, gold)
    }

    /// The most gold stories any predicted group holds.
    fn most_stories_in_a_group(predicted: &[usize], gold: &[usize]) -> usize {
        let mut stories: HashMap<usize, HashSet<usize>> = HashMap::default();
        for (p, g) in predicted.iter().zip(gold) {
            stories.entry(*p).or_default().insert(*g);
        }
        stories.values().map(HashSet::len).max().unwrap_or(0)
    }

    #[test]
    fn short_items_of_one_beat_do_not_chain_into_a_giant_story() {
        let (features, gold) = beat_items(150);
        let run = |cohesion: f64| -> Vec<usize> {
            let mut config = ClusterConfig::default();
            config.graph.cohesion = cohesion;
            let mut c = Clusterer::new(config);
            let items: Vec<(&crate::Features, Option<u64>)> =
                features.iter().map(|f| (f, None)).collect();
            let tags: Vec<u64> = (0..items.len() as u64).collect();
            c.add_batch(&items, &[], &tags)
                .iter()
                .map(|a| a.story as usize)
                .collect()
        };
        // Linked components alone chain many stories through the beat's words.
        let chained = most_stories_in_a_group(&run(0.0), &gold);
        assert!(chained > 20, "{chained}");
        // Cohesive groups hold a handful at most.
        let grouped = run(GROUP_COHESION);
        let most = most_stories_in_a_group(&grouped, &gold);
        assert!(most <= 3, "{most}");
        let f1 = crate::eval::bcubed(&gold, &grouped).f1;
        assert!(f1 > 0.8, "{f1}");
    }

    #[test]
    fn copies_stay_together_when_a_loose_component_is_regrouped() {
        let unit = |terms: &[(u32, f32)]| {
            let mut v = terms.to_vec();
            parallax_text::sparse::normalize(&mut v);
            v
        };
        // A chain 0 - 1 - 2 - 3 of weak links, and 0 and 3 declared copies.
        let vectors = vec![
            unit(&[(1, 1.0), (2, 1.0), (10, 2.0)]),
            unit(&[(2, 1.0), (3, 1.0), (11, 2.0)]),
            unit(&[(3, 1.0), (4, 1.0), (12, 2.0)]),
            unit(&[(4, 1.0), (5, 1.0), (13, 2.0)]),
        ];
        let nearest = vec![vec![1], vec![0, 2], vec![1, 3], vec![2]];
        let groups = cohesive_groups(&vectors, &[0, 0, 0, 0], &nearest, &[(0, 3)], 0.2);
        assert_eq!(groups[0], groups[3]);
        assert_ne!(groups[0], groups[1]);
        assert_ne!(groups[1], groups[2]);
    }

    #[test]
    fn a_component_that_hangs_together_is_left_as_linked() {
        let vectors: Vec<Vec<(u32, f32)>> = (0..5)
            .map(|k| {
                let mut v = vec![(1, 1.0), (2, 1.0), (3, 1.0), (100 + k, 0.5)];
                parallax_text::sparse::normalize(&mut v);
                v
            })
            .collect();
        let nearest: Vec<Vec<u32>> = (0..5u32).map(|k| vec![(k + 1) % 5]).collect();
        assert_eq!(
            cohesive_groups(&vectors, &[0; 5], &nearest, &[], 0.2),
            vec![0; 5]
        );
    }
}
