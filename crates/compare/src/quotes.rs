//! The same quote across outlets: grouped even when the wording differs, with the word-level
//! differences between the variants.

use std::collections::{BTreeSet, HashMap};

use parallax_model::{EntityKind, QuoteGroup, QuoteKind, QuoteVariant, ReadArticle, WordDiff};
use parallax_text::{content_terms, tokenize, TokenKind, WordList};

use crate::entities::Entities;
use parallax_text::DisjointSets;

/// Share of the shorter quote's content words found in the longer one for them to be one quote.
pub const SAME_QUOTE: f64 = 0.6;

pub struct FoundQuote<'a> {
    pub article: usize,
    pub quote: &'a parallax_model::Quote,
    pub terms: BTreeSet<String>,
}

/// Group quotes; returns groups (largest spread first) and, for each group whose variants name
/// different people as the speaker, its index and size.
pub fn group_quotes(
    articles: &[&ReadArticle],
    entities: &Entities,
) -> (Vec<QuoteGroup>, Vec<(usize, usize)>) {
    let found: Vec<FoundQuote<'_>> = articles
        .iter()
        .enumerate()
        .flat_map(|(ai, a)| a.quotes.iter().map(move |q| (ai, q)))
        .map(|(article, quote)| FoundQuote {
            article,
            quote,
            terms: content_terms(&quote.text).into_iter().collect(),
        })
        .filter(|f| !f.terms.is_empty())
        .collect();
    let mut actor_conflicts = Vec::new();
    let mut out: Vec<(usize, usize, QuoteGroup)> = Vec::new();
    for members in same_quotes(&found) {
        let (group, differ) = quote_group(&members, &found, articles, entities);
        if differ {
            actor_conflicts.push((out.len(), group.variants.len()));
        }
        let spread = group
            .variants
            .iter()
            .map(|v| v.article.as_str())
            .collect::<BTreeSet<&str>>()
            .len();
        out.push((spread, members[0], group));
    }
    let order: Vec<usize> = {
        let mut idx: Vec<usize> = (0..out.len()).collect();
        idx.sort_by_key(|&i| (std::cmp::Reverse(out[i].0), out[i].1));
        idx
    };
    let position: HashMap<usize, usize> = order
        .iter()
        .enumerate()
        .map(|(new, &old)| (old, new))
        .collect();
    let conflicts = actor_conflicts
        .into_iter()
        .map(|(g, n)| (position[&g], n))
        .collect();
    let mut slots: Vec<Option<QuoteGroup>> = out.into_iter().map(|(_, _, g)| Some(g)).collect();
    let groups = order.iter().filter_map(|&i| slots[i].take()).collect();
    (groups, conflicts)
}

/// The quotes (indices into `found`) that are one statement, group by group in order of their
/// first quote: rewordings with most words in common, and a short phrase with the longest
/// statement it was quoted from.
fn same_quotes(found: &[FoundQuote<'_>]) -> Vec<Vec<usize>> {
    let mut sets = DisjointSets::new(found.len());
    let mut pairs: Vec<_> = shared_terms(found).into_iter().collect();
    pairs.sort();
    // A short phrase quoted from a longer statement ("natural and logical continuation") joins
    // one statement only: a phrase found in several quotes ("Deep Throat") must not chain them.
    let mut phrase_partner: HashMap<usize, (usize, usize)> = HashMap::new();
    for ((a, b), n) in pairs {
        let smaller = found[a].terms.len().min(found[b].terms.len());
        let larger = found[a].terms.len().max(found[b].terms.len());
        let containment = n as f64 / smaller as f64;
        let phrase = smaller <= 3 && n == smaller && n >= 2;
        // Two wordings of one statement: most words of both in common.
        let rewording = n >= 4 && containment >= SAME_QUOTE && n as f64 >= 0.5 * larger as f64;
        if rewording {
            sets.union(a, b);
        } else if phrase {
            let (short, long) = if found[a].terms.len() <= found[b].terms.len() {
                (a, b)
            } else {
                (b, a)
            };
            // The longest statement containing the phrase; ties to the earliest.
            let best = phrase_partner.entry(short).or_insert((long, larger));
            if larger > best.1 || (larger == best.1 && long < best.0) {
                *best = (long, larger);
            }
        }
    }
    let mut phrases: Vec<(usize, (usize, usize))> = phrase_partner.into_iter().collect();
    phrases.sort();
    for (short, (long, _)) in phrases {
        sets.union(short, long);
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut by_root: HashMap<usize, usize> = HashMap::new();
    for i in 0..found.len() {
        let r = sets.find(i);
        let g = *by_root.entry(r).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    groups
}

/// How many content words each pair of quotes from different articles shares.
fn shared_terms(found: &[FoundQuote<'_>]) -> HashMap<(usize, usize), usize> {
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, f) in found.iter().enumerate() {
        for t in &f.terms {
            index.entry(t.as_str()).or_default().push(i);
        }
    }
    let mut shared: HashMap<(usize, usize), usize> = HashMap::new();
    for postings in index.values() {
        if postings.len() > 200 {
            continue; // a word in hundreds of quotes says nothing about which belong together
        }
        for (k, &a) in postings.iter().enumerate() {
            for &b in &postings[k + 1..] {
                if found[a].article != found[b].article {
                    *shared.entry((a, b)).or_default() += 1;
                }
            }
        }
    }
    shared
}

/// One quote group: the reference wording first (the longest direct quote, else the first),
/// then the other variants with their differences from it. Also says whether the variants
/// name different people as the speaker.
fn quote_group(
    members: &[usize],
    found: &[FoundQuote<'_>],
    articles: &[&ReadArticle],
    entities: &Entities,
) -> (QuoteGroup, bool) {
    let reference = *members
        .iter()
        .max_by_key(|&&i| {
            (
                found[i].quote.kind == QuoteKind::Direct,
                found[i].quote.text.len(),
                std::cmp::Reverse(i),
            )
        })
        .unwrap_or(&members[0]);
    let mut ordered = vec![reference];
    ordered.extend(members.iter().copied().filter(|&i| i != reference));
    let variants: Vec<QuoteVariant> = ordered
        .iter()
        .map(|&i| {
            let f = &found[i];
            QuoteVariant {
                article: articles[f.article].id().to_string(),
                text: f.quote.text.clone(),
                speaker: f
                    .quote
                    .speaker
                    .as_ref()
                    .map(|s| entities.canonical(s).to_string()),
                differences: if i == reference {
                    Vec::new()
                } else {
                    word_diff(&found[reference].quote.text, &f.quote.text)
                },
            }
        })
        .collect();
    let persons: BTreeSet<&str> = ordered
        .iter()
        .filter_map(|&i| found[i].quote.speaker.as_deref())
        .filter_map(|s| entities.resolve(s))
        .filter(|e| e.kind == EntityKind::Person.as_str())
        .map(|e| e.name.as_str())
        .collect();
    let names: Vec<&str> = persons.iter().copied().filter(|p| full_name(p)).collect();
    let differ = names
        .iter()
        .enumerate()
        .any(|(k, a)| names[k + 1..].iter().any(|b| !same_person(a, b)));
    let group = QuoteGroup {
        speaker: group_speaker(&ordered, found, entities),
        variants,
    };
    (group, differ)
}

/// Words before a name that are not part of it.
static HONORIFICS: WordList = WordList::new(include_str!("../data/honorifics.txt"));

fn name_tokens(name: &str) -> Vec<String> {
    name.split_whitespace()
        .map(|w| w.trim_matches('.').to_lowercase())
        .filter(|w| !HONORIFICS.contains(w))
        .collect()
}

/// A speaker that reads as a person's full name: two or more capitalised words, not a phrase
/// such as "The D" or "Deputies" that the entity pass took for a person.
pub(crate) fn full_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words.len() >= 2
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && !matches!(words[0], "The" | "A" | "An" | "Her" | "His" | "Their")
        && name_tokens(name).len() >= 2
}

/// "Hansbrough" and "Tyler Hansbrough", "Regina Benjamin" and "Doctor Regina Benjamin" are one
/// person; two names sharing a surname are too close to call a disagreement either.
pub(crate) fn same_person(a: &str, b: &str) -> bool {
    let (ta, tb) = (name_tokens(a), name_tokens(b));
    let subset = |x: &[String], y: &[String]| x.iter().all(|w| y.contains(w));
    subset(&ta, &tb) || subset(&tb, &ta) || ta.last() == tb.last()
}

/// The most specific speaker among the variants: a named person or government over a phrase.
fn group_speaker(
    members: &[usize],
    found: &[FoundQuote<'_>],
    entities: &Entities,
) -> Option<String> {
    let mut best: Option<(u8, String)> = None;
    for &i in members {
        let Some(raw) = found[i].quote.speaker.as_deref() else {
            continue;
        };
        let (rank, name) = match entities.resolve(raw) {
            Some(e) if e.kind == "person" || e.kind == "government" => (3, e.name.clone()),
            Some(e) => (2, e.name.clone()),
            None => (1, raw.to_string()),
        };
        if best.as_ref().is_none_or(|(r, _)| rank > *r) {
            best = Some((rank, name));
        }
    }
    best.map(|(_, n)| n)
}

/// Word-level edits turning `reference` into `variant` (longest common subsequence of words).
pub fn word_diff(reference: &str, variant: &str) -> Vec<WordDiff> {
    let words = |s: &str| -> Vec<String> {
        tokenize(s)
            .into_iter()
            .filter(|t| t.kind != TokenKind::Punct)
            .map(|t| t.text.to_string())
            .collect()
    };
    let (a, b) = (words(reference), words(variant));
    let eq = |x: &String, y: &String| x.eq_ignore_ascii_case(y);
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if eq(&a[i], &b[j]) {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    let (mut del, mut ins): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
    let flush = |del: &mut Vec<&str>, ins: &mut Vec<&str>, out: &mut Vec<WordDiff>| {
        if !del.is_empty() || !ins.is_empty() {
            out.push(WordDiff {
                reference: del.join(" "),
                variant: ins.join(" "),
            });
            del.clear();
            ins.clear();
        }
    };
    while i < n || j < m {
        if i < n && j < m && eq(&a[i], &b[j]) {
            flush(&mut del, &mut ins, &mut out);
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            ins.push(&b[j]);
            j += 1;
        } else {
            del.push(&a[i]);
            i += 1;
        }
    }
    flush(&mut del, &mut ins, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_shows_replacements_and_drops() {
        let d = word_diff(
            "Our expected accession represents a natural continuation of policy path based on dialogue",
            "Our anticipated accession represents a natural continuation of policy based on dialogue",
        );
        assert_eq!(
            d,
            [
                WordDiff {
                    reference: "expected".into(),
                    variant: "anticipated".into()
                },
                WordDiff {
                    reference: "path".into(),
                    variant: "".into()
                },
            ]
        );
        assert!(word_diff("same words here", "Same words here").is_empty());
    }

    #[test]
    fn one_person_under_two_names_is_no_disagreement() {
        assert!(same_person("Hansbrough", "Tyler Hansbrough"));
        assert!(same_person("Regina Benjamin", "Doctor Regina Benjamin"));
        assert!(same_person("Charlene Kafoury", "Madeline Kafoury"));
        assert!(!same_person("Neil Meron", "Craig Zadan"));
        assert!(full_name("Neil Meron") && !full_name("The D") && !full_name("Deputies"));
    }
}
