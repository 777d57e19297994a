//! Claims: statements of the same fact in different articles, aligned.
//!
//! Each body sentence becomes a TF-IDF vector over stemmed content words and the story's
//! entities. Sentences are taken in article order; each joins the most similar existing claim
//! (cosine with the claim's centroid, plus a bonus for sharing a specific number or date) when
//! that similarity clears [`ALIGN_THRESHOLD`], else opens a new claim. Candidate claims come from
//! an inverted index over the sentence's rarest terms, so the cost is close to linear in the
//! number of sentences.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap as HashMap;

use parallax_model::{Quantity, QuantityValue, ReadArticle};

use crate::entities::Entities;
use parallax_text::{content_terms, sparse};

/// Cosine similarity (with value bonus) at which a sentence states an existing claim.
pub const ALIGN_THRESHOLD: f64 = 0.42;
/// Bonus for sharing a specific figure or date (a strong sign of the same fact).
const VALUE_BONUS: f64 = 0.15;
/// When the values disagree, only a sentence this close in wording states the same fact (and
/// then the disagreement is a contradiction); below it, the sentences are about different facts.
pub const CONFLICT_THRESHOLD: f64 = 0.6;
/// How many of a sentence's rarest terms are used to find candidate claims.
const PROBE_TERMS: usize = 10;
/// Sentences shorter than this (in words) are not claims.
const MIN_WORDS: usize = 5;
const ENTITY_WEIGHT: f64 = 1.0;

/// One sentence as a unit of comparison.
#[derive(Debug, Clone)]
pub struct Unit {
    pub article: usize,
    pub sentence: usize,
    pub vector: Vec<(u32, f64)>,
    pub people: BTreeSet<String>,
    pub quantities: Vec<Quantity>,
    pub negated: bool,
    pub terms: BTreeSet<u32>,
    /// Terms outside the names: what the sentence says about them.
    pub predicates: BTreeSet<u32>,
}

/// A group of units stating one fact.
#[derive(Debug, Clone, Default)]
pub struct AlignedClaim {
    pub units: Vec<usize>,
}

/// Words that negate a clause. "Denied" is not among them: "X denies arson" reports a denial, it
/// does not negate "X was charged with arson". Contractions are caught by their ending, also
/// when the apostrophe was lost ("cant", "didnt").
const NEGATIONS: &[&str] = &[
    "not", "never", "no", "n't", "cannot", "nor", "neither", "cant", "dont", "didnt", "doesnt",
    "isnt", "wasnt", "werent", "wont", "arent", "hasnt", "havent", "hadnt", "couldnt", "wouldnt",
    "shouldnt",
];

/// Whether the main statement of a sentence is negated. A negation inside a relative clause set
/// off by commas (", who was not at the church,") belongs to that clause, not the statement.
pub fn negated(text: &str) -> bool {
    let lower = text.to_lowercase();
    let mut main = String::with_capacity(lower.len());
    let mut rest = lower.as_str();
    while let Some(at) = [", who ", ", which ", ", whom "]
        .iter()
        .filter_map(|p| rest.find(p))
        .min()
    {
        main.push_str(&rest[..at]);
        rest = &rest[at + 2..];
        match rest.find(',') {
            Some(end) => rest = &rest[end..],
            None => rest = "",
        }
    }
    main.push_str(rest);
    parallax_text::tokenize(&main)
        .iter()
        .filter(|t| t.kind == parallax_text::TokenKind::Word)
        .any(|t| NEGATIONS.contains(&t.text) || t.text.ends_with("n't"))
}

/// A sentence before weighting.
struct RawUnit {
    article: usize,
    sentence: usize,
    tf: Vec<(u32, f64)>,
    people: BTreeSet<String>,
    quantities: Vec<Quantity>,
    negated: bool,
    predicates: BTreeSet<u32>,
}

pub fn units(articles: &[&ReadArticle], entities: &Entities) -> (Vec<Unit>, HashMap<String, u32>) {
    let mut vocab: HashMap<String, u32> = HashMap::default();
    let mut raw: Vec<RawUnit> = Vec::new();
    let mut name_terms: HashMap<String, Vec<String>> = HashMap::default();
    for (ai, a) in articles.iter().enumerate() {
        for s in a.body_sentences() {
            if s.words.len() < MIN_WORDS {
                continue;
            }
            let mut tf: BTreeMap<u32, f64> = BTreeMap::new();
            for t in &s.terms {
                let n = vocab.len() as u32;
                *tf.entry(*vocab.entry(t.clone()).or_insert(n)).or_default() += 1.0;
            }
            let mut people = BTreeSet::new();
            let mut name_words: BTreeSet<String> = BTreeSet::new();
            for m in a.mentions_in(s.index) {
                for part in std::iter::once(&m.surface).chain(&m.title) {
                    // Names recur through a story: stem each surface once.
                    let words = name_terms
                        .entry(part.clone())
                        .or_insert_with(|| content_terms(part));
                    name_words.extend(words.iter().cloned());
                }
                let name = entities.canonical(&m.key).to_string();
                if m.kind == parallax_model::EntityKind::Person {
                    people.insert(name.clone());
                }
                let n = vocab.len() as u32;
                *tf.entry(*vocab.entry(format!("@{name}")).or_insert(n))
                    .or_default() += ENTITY_WEIGHT;
            }
            // Most sentences hold no negation word at all; only those are read again.
            let negated = s
                .words
                .iter()
                .any(|w| NEGATIONS.contains(&w.as_str()) || w.ends_with("n't"))
                && negated(&s.text);
            let quantities = a.quantities_in(s.index).cloned().collect();
            let predicates = s
                .terms
                .iter()
                .filter(|t| !name_words.contains(*t) && says_something(t))
                .map(|t| vocab[t])
                .collect();
            raw.push(RawUnit {
                article: ai,
                sentence: s.index,
                tf: tf.into_iter().collect(),
                people,
                quantities,
                negated,
                predicates,
            });
        }
    }
    let n = raw.len().max(1) as f64;
    let mut df: HashMap<u32, usize> = HashMap::default();
    for r in &raw {
        for (t, _) in &r.tf {
            *df.entry(*t).or_default() += 1;
        }
    }
    let units = raw
        .into_iter()
        .map(|r| {
            let mut vector: Vec<(u32, f64)> =
                r.tf.into_iter()
                    // Smoothed IDF (+1): words every article uses still count, since what all outlets
                    // say — the main event — is made of exactly those words.
                    .map(|(t, f)| {
                        (
                            t,
                            (1.0 + f.ln()) * (((n + 1.0) / (df[&t] as f64 + 1.0)).ln() + 1.0),
                        )
                    })
                    .collect();
            sparse::normalize(&mut vector);
            let terms = vector.iter().map(|(t, _)| *t).collect();
            Unit {
                article: r.article,
                sentence: r.sentence,
                vector,
                people: r.people,
                quantities: r.quantities,
                negated: r.negated,
                terms,
                predicates: r.predicates,
            }
        })
        .collect();
    (units, vocab)
}

/// Counting words and figures are not what a sentence says: "the two leaders" and "the two
/// countries" share no statement.
fn says_something(term: &str) -> bool {
    const COUNTING: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "first",
        "second", "third", "both", "sever", "many", "other", "anoth",
    ];
    term.chars().any(char::is_alphabetic) && !COUNTING.contains(&term)
}

/// Cosine of two unit-normalised sparse vectors sorted by term.
pub fn cosine(a: &Unit, b: &Unit) -> f64 {
    sparse::dot(&a.vector, &b.vector)
}

fn dot_sparse(a: &[(u32, f64)], b: &HashMap<u32, f64>) -> f64 {
    a.iter()
        .map(|(t, w)| w * b.get(t).copied().unwrap_or(0.0))
        .sum()
}

/// Values specific enough that sharing them suggests the same fact.
fn specific_values(u: &Unit) -> impl Iterator<Item = String> + '_ {
    u.quantities
        .iter()
        .filter(|q| !matches!(q.value, QuantityValue::RelativeDay { .. }))
        .map(|q| q.normalized())
}

struct ClaimState {
    centroid: HashMap<u32, f64>,
    norm: f64,
    values: BTreeSet<String>,
    quantities: Vec<Quantity>,
    articles: BTreeSet<usize>,
    predicates: BTreeSet<u32>,
}

/// How many of an article's first body sentences may be its lead.
const LEAD_SENTENCES: usize = 3;
/// Share of the headlines' common terms a lead sentence must hold.
const LEAD_COVERAGE: f64 = 0.75;

/// The lead of each article that states the story's main event, as unit indices.
///
/// News puts the event in the headline and the first sentences (the inverted pyramid), but a
/// lead also carries each outlet's own context ("…, a move that symbolises …", "More than 33
/// years after …"), which dilutes the sentence-to-sentence cosine below the alignment threshold.
/// So the main event is found the way a reader finds it: the terms most headlines share (in more
/// than half of them, and at least two) are the event; each article's first sentence, among its
/// first [`LEAD_SENTENCES`], that holds [`LEAD_COVERAGE`] of those terms states it.
/// Returns no units when fewer than two articles state it.
pub fn lead_units(
    articles: &[&ReadArticle],
    units: &[Unit],
    vocab: &HashMap<String, u32>,
) -> Vec<usize> {
    let headlines: Vec<BTreeSet<String>> = articles
        .iter()
        .filter_map(|a| a.headline.as_deref())
        .map(|h| parallax_text::content_terms(h).into_iter().collect())
        .collect();
    if headlines.len() < 2 {
        return Vec::new();
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for h in &headlines {
        for t in h {
            *counts.entry(t.as_str()).or_default() += 1;
        }
    }
    let event: Vec<u32> = counts
        .into_iter()
        .filter(|&(_, n)| n >= 2 && n * 2 > headlines.len())
        .filter_map(|(t, _)| vocab.get(t).copied())
        .collect();
    if event.len() < 2 {
        return Vec::new();
    }
    let needed = (event.len() as f64 * LEAD_COVERAGE).ceil() as usize;
    // Units come in article order, body sentences in reading order.
    let mut leads: Vec<usize> = Vec::new();
    let mut first = 0;
    while first < units.len() {
        let article = units[first].article;
        let end = units[first..]
            .iter()
            .position(|u| u.article != article)
            .map_or(units.len(), |n| first + n);
        leads.extend(
            (first..end)
                .take(LEAD_SENTENCES)
                .find(|&u| event.iter().filter(|t| units[u].terms.contains(t)).count() >= needed),
        );
        first = end;
    }
    let articles: BTreeSet<usize> = leads.iter().map(|&u| units[u].article).collect();
    if articles.len() < 2 {
        return Vec::new();
    }
    leads
}

/// Align units into claims. `lead` (from [`lead_units`]) opens the first claim: the main event
/// as each article's lead states it.
pub fn align(units: &[Unit], lead: &[usize]) -> Vec<AlignedClaim> {
    let mut df: HashMap<u32, usize> = HashMap::default();
    for u in units {
        for t in &u.terms {
            *df.entry(*t).or_default() += 1;
        }
    }
    let mut claims: Vec<AlignedClaim> = Vec::new();
    let mut states: Vec<ClaimState> = Vec::new();
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::default();
    let lead_set: BTreeSet<usize> = lead.iter().copied().collect();
    let order = lead
        .iter()
        .copied()
        .chain((0..units.len()).filter(|u| !lead_set.contains(u)));
    for ui in order {
        let u = &units[ui];
        let seeded = lead_set.contains(&ui) && !claims.is_empty();
        // The rarest terms this sentence shares with another sentence find its candidate claims.
        let mut probe: Vec<u32> = u.terms.iter().copied().filter(|t| df[t] >= 2).collect();
        probe.sort_by_key(|t| (df[t], *t));
        let mut candidates: BTreeSet<usize> = BTreeSet::new();
        for t in probe.iter().take(PROBE_TERMS) {
            if let Some(p) = postings.get(t) {
                candidates.extend(p.iter().copied());
            }
        }
        let values: BTreeSet<String> = specific_values(u).collect();
        let mut best: Option<(f64, usize)> = None;
        for c in candidates.into_iter().filter(|_| !seeded) {
            let st = &states[c];
            // A claim is what different articles say; an article does not corroborate itself.
            if st.articles.contains(&u.article) {
                continue;
            }
            let shared_value = values.iter().any(|v| st.values.contains(v));
            // Two sentences that share only names say different things about the same people
            // ("Netanyahu visited Kazakhstan in 2016" / "Netanyahu will join the call"). A shared
            // figure is a shared statement, and a sentence of stopwords ("That's all I can say")
            // has only its wording to go by.
            if !shared_value
                && !u.predicates.is_empty()
                && !st.predicates.is_empty()
                && u.predicates.is_disjoint(&st.predicates)
            {
                continue;
            }
            let mut score = dot_sparse(&u.vector, &st.centroid) / st.norm.max(1e-9);
            if shared_value {
                score += VALUE_BONUS;
            } else if st
                .quantities
                .iter()
                .any(|a| u.quantities.iter().any(|b| values_disagree(a, b).is_some()))
                && score < CONFLICT_THRESHOLD
            {
                continue;
            }
            if score >= ALIGN_THRESHOLD && best.is_none_or(|(b, _)| score > b) {
                best = Some((score, c));
            }
        }
        let c = match best {
            _ if seeded => 0,
            Some((_, c)) => c,
            None => {
                claims.push(AlignedClaim::default());
                states.push(ClaimState {
                    centroid: HashMap::default(),
                    norm: 0.0,
                    values: BTreeSet::new(),
                    quantities: Vec::new(),
                    articles: BTreeSet::new(),
                    predicates: BTreeSet::new(),
                });
                claims.len() - 1
            }
        };
        claims[c].units.push(ui);
        let st = &mut states[c];
        for (t, w) in &u.vector {
            let e = st.centroid.entry(*t).or_insert(0.0);
            if *e == 0.0 {
                postings.entry(*t).or_default().push(c);
            }
            *e += w;
        }
        st.norm = st.centroid.values().map(|w| w * w).sum::<f64>().sqrt();
        st.values.extend(values);
        st.quantities.extend(u.quantities.iter().cloned());
        st.articles.insert(u.article);
        st.predicates.extend(u.predicates.iter().copied());
    }
    claims
}

/// Two values of the same kind that cannot both be true.
pub fn values_disagree(a: &Quantity, b: &Quantity) -> Option<&'static str> {
    use QuantityValue::*;
    let close = |x: f64, y: f64| (x - y).abs() <= 0.01 * x.abs().max(y.abs());
    // "over 17 billion" and "18 billion" can both be true.
    let bounded = a.qualifier.is_some() || b.qualifier.is_some();
    match (&a.value, &b.value) {
        (
            Money {
                currency: c1,
                amount: x,
            },
            Money {
                currency: c2,
                amount: y,
            },
        ) if c1 == c2 => (!(close(*x, *y) || bounded && within_bound(a, b))).then_some("number"),
        // Spelled-out counts ("the two countries") are usually determiners, not figures.
        (
            Count {
                value: x,
                unit: Some(u1),
            },
            Count {
                value: y,
                unit: Some(u2),
            },
        ) if stem_eq(u1, u2) && has_digit(&a.surface) && has_digit(&b.surface) => {
            (!(close(*x, *y) || bounded && within_bound(a, b))).then_some("number")
        }
        (Percent { value: x }, Percent { value: y }) => {
            ((x - y).abs() > 0.5 && !bounded).then_some("number")
        }
        (Year { year: x }, Year { year: y }) => (x != y).then_some("date"),
        (Date { iso: x, .. }, Date { iso: y, .. }) => {
            // A date without its year ("--12-15") agrees with any year's December 15.
            let same_day = |yearless: &str, full: &str| {
                yearless
                    .strip_prefix('-')
                    .is_some_and(|md| full.len() == 10 && full.ends_with(md))
            };
            let agree = x.starts_with(y.as_str())
                || y.starts_with(x.as_str())
                || same_day(x, y)
                || same_day(y, x);
            (!agree).then_some("date")
        }
        _ => None,
    }
}

fn has_digit(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
}

fn stem_eq(a: &str, b: &str) -> bool {
    parallax_text::stem(a) == parallax_text::stem(b)
}

fn amount(q: &Quantity) -> f64 {
    match q.value {
        QuantityValue::Money { amount, .. } => amount,
        QuantityValue::Count { value, .. } => value,
        _ => 0.0,
    }
}

/// Is the unqualified value consistent with the qualified one's bound?
fn within_bound(a: &Quantity, b: &Quantity) -> bool {
    let check = |bound: &Quantity, other: &Quantity| {
        let (x, y) = (amount(bound), amount(other));
        match bound.qualifier.as_deref() {
            Some("over" | "more than" | "at least" | "above" | "upwards of" | "just over") => {
                y >= x
            }
            Some("less than" | "fewer than" | "under" | "below" | "up to" | "just under") => y <= x,
            _ => (x - y).abs() <= 0.15 * x.abs().max(y.abs()),
        }
    };
    (a.qualifier.is_some() && check(a, b)) || (b.qualifier.is_some() && check(b, a))
}

/// Share of terms two units have in common, ignoring entity terms (Jaccard).
pub fn term_overlap(a: &Unit, b: &Unit, entity_terms: &BTreeSet<u32>) -> f64 {
    let a: BTreeSet<_> = a.terms.difference(entity_terms).collect();
    let b: BTreeSet<_> = b.terms.difference(entity_terms).collect();
    let inter = a.intersection(&b).count() as f64;
    let union = a.union(&b).count().max(1) as f64;
    inter / union
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::Quantity;

    fn q(value: QuantityValue, qualifier: Option<&str>) -> Quantity {
        Quantity {
            sentence: 0,
            span: 0..0,
            surface: String::new(),
            value,
            qualifier: qualifier.map(str::to_string),
        }
    }

    #[test]
    fn disagreement_respects_units_and_bounds() {
        let m = |x: f64, qual| {
            q(
                QuantityValue::Money {
                    currency: "USD".into(),
                    amount: x,
                },
                qual,
            )
        };
        assert_eq!(
            values_disagree(&m(17e9, None), &m(12e9, None)),
            Some("number")
        );
        assert_eq!(
            values_disagree(&m(17e9, Some("over")), &m(18e9, None)),
            None
        );
        assert_eq!(
            values_disagree(&m(17e9, Some("over")), &m(12e9, None)),
            Some("number")
        );
        let y = |x| q(QuantityValue::Year { year: x }, None);
        assert_eq!(values_disagree(&y(1992), &y(1993)), Some("date"));
        let c = |x: f64, u: &str| Quantity {
            surface: x.to_string(),
            ..q(
                QuantityValue::Count {
                    value: x,
                    unit: Some(u.into()),
                },
                None,
            )
        };
        assert_eq!(
            values_disagree(&c(5.0, "people"), &c(7.0, "soldiers")),
            None
        );
        assert_eq!(
            values_disagree(&c(5.0, "deaths"), &c(7.0, "death")),
            Some("number")
        );
        let d = |s: &str| {
            q(
                QuantityValue::Date {
                    iso: s.into(),
                    precision: "day".into(),
                },
                None,
            )
        };
        assert_eq!(values_disagree(&d("2025-11"), &d("2025-11-06")), None);
    }

    #[test]
    fn negation_of_the_statement_only() {
        assert!(negated("The minister did not resign on Friday."));
        assert!(negated("We weren't executing the plan."));
        assert!(negated("I cant speak for the first death."));
        assert!(!negated(
            "Ms. Palin, who was not at the church at the time, stopped by Saturday."
        ));
        assert!(!negated("Man denies arson charge"));
        assert!(!negated("Nothing changes for the notable village."));
    }
}
