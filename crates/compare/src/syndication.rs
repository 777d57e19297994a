//! Syndicated copies: articles that share most of their word 5-grams are one source.
//!
//! Candidate pairs come from an inverted index over shingle hashes, so the cost grows with the
//! number of shared shingles, not with the square of the number of articles. The groups of more
//! than one article are reported as syndication groups.

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use parallax_text::DisjointSets;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use parallax_model::{ReadArticle, SyndicationGroup};

/// Share of the smaller article's shingles found in the other, above which they are copies.
pub const COPY_OVERLAP: f64 = 0.5;
const SHINGLE: usize = 5;
/// Shingles shared by more articles than this are boilerplate, not evidence of copying.
const MAX_POSTINGS: usize = 64;

pub fn shingles(article: &ReadArticle) -> HashSet<u64> {
    let words: Vec<&str> = article
        .body_sentences()
        .flat_map(|s| s.words.iter().map(String::as_str))
        .collect();
    words
        .windows(SHINGLE)
        .map(|w| {
            let mut h = rustc_hash::FxHasher::default();
            w.hash(&mut h);
            h.finish()
        })
        .collect()
}

/// For each article, the index of the first article of its copy group; and the overlap that
/// joined each group.
pub fn copy_groups(articles: &[&ReadArticle]) -> (Vec<usize>, HashMap<usize, f64>) {
    let sets: Vec<HashSet<u64>> = articles.iter().map(|a| shingles(a)).collect();
    let mut index: HashMap<u64, Vec<usize>> = HashMap::default();
    for (i, set) in sets.iter().enumerate() {
        for &h in set {
            index.entry(h).or_default().push(i);
        }
    }
    let mut shared: HashMap<(usize, usize), usize> = HashMap::default();
    for postings in index
        .values()
        .filter(|p| p.len() > 1 && p.len() <= MAX_POSTINGS)
    {
        for (k, &a) in postings.iter().enumerate() {
            for &b in &postings[k + 1..] {
                *shared.entry((a, b)).or_default() += 1;
            }
        }
    }
    let mut sets_uf = DisjointSets::new(articles.len());
    let mut overlaps: HashMap<usize, f64> = HashMap::default();
    let mut pairs: Vec<_> = shared.into_iter().collect();
    pairs.sort();
    for ((a, b), n) in pairs {
        let smaller = sets[a].len().min(sets[b].len()).max(1);
        let overlap = n as f64 / smaller as f64;
        if overlap >= COPY_OVERLAP {
            sets_uf.union(a, b);
            let root = sets_uf.find(a);
            let e = overlaps.entry(root).or_insert(overlap);
            *e = e.min(overlap);
        }
    }
    let roots = (0..articles.len()).map(|i| sets_uf.find(i)).collect();
    (roots, overlaps)
}

/// The copy groups of more than one article, numbered `s1`, `s2`, … in order of their first
/// article, and the group id of each copied article.
pub fn syndication_groups(
    articles: &[&ReadArticle],
    roots: &[usize],
    overlaps: &HashMap<usize, f64>,
) -> (Vec<SyndicationGroup>, HashMap<String, String>) {
    let mut groups: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (i, &r) in roots.iter().enumerate() {
        groups
            .entry(r)
            .or_default()
            .push(articles[i].id().to_string());
    }
    let mut syndication = Vec::new();
    let mut copy_of = HashMap::default();
    for (r, members) in groups.iter().filter(|(_, m)| m.len() > 1) {
        let gid = format!("s{}", syndication.len() + 1);
        for m in members {
            copy_of.insert(m.clone(), gid.clone());
        }
        syndication.push(SyndicationGroup {
            id: gid,
            articles: members.clone(),
            overlap: (overlaps.get(r).copied().unwrap_or(1.0) * 100.0).round() / 100.0,
        });
    }
    (syndication, copy_of)
}
