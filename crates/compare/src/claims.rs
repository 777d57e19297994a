//! Claims: statements of the same fact in different articles, aligned.
//!
//! Each body sentence becomes a TF-IDF vector over stemmed content words and the story's
//! entities. Sentences are taken in article order; each joins the most similar existing claim
//! (cosine with the claim's centroid, plus a bonus for sharing a specific number or date) when
//! that similarity clears [`ALIGN_THRESHOLD`], else opens a new claim. Candidate claims come from
//! an inverted index over the sentence's rarest terms, so the cost is close to linear in the
//! number of sentences. The leads that state the headlines' common event open the first claim
//! ([`lead_units`]). A sentence whose figures disagree with a claim's joins it only when close in
//! wording; what disagrees inside a claim is found in [`crate::contradictions`].

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap as HashMap;

use parallax_model::{Quantity, QuantityValue, ReadArticle, Sentence};

use crate::contradictions::{negates, values_disagree};
use crate::entities::Entities;
use parallax_text::{content_terms, sparse, WordList};

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

/// The story's body sentences as units, and the vocabulary of their terms (stems, and "@Name"
/// for the story's entities).
pub fn units(articles: &[&ReadArticle], entities: &Entities) -> (Vec<Unit>, HashMap<String, u32>) {
    let mut vocab = Vocabulary::default();
    let mut raw: Vec<RawUnit> = Vec::new();
    for (ai, a) in articles.iter().enumerate() {
        for s in a.body_sentences() {
            if s.words.len() >= MIN_WORDS {
                raw.push(vocab.raw_unit(ai, a, s, entities));
            }
        }
    }
    (weigh(raw), vocab.ids)
}

/// Term ids, given in order of first use, and the stemmed words of each name surface.
#[derive(Default)]
struct Vocabulary {
    ids: HashMap<String, u32>,
    /// Names recur through a story: each surface is stemmed once.
    name_terms: HashMap<String, Vec<String>>,
}

impl Vocabulary {
    fn id(&mut self, term: &str) -> u32 {
        let n = self.ids.len() as u32;
        *self.ids.entry(term.to_string()).or_insert(n)
    }

    /// Sentence `s` of article `ai` before weighting: term counts, entities, values, negation.
    fn raw_unit(
        &mut self,
        ai: usize,
        a: &ReadArticle,
        s: &Sentence,
        entities: &Entities,
    ) -> RawUnit {
        let mut tf: BTreeMap<u32, f64> = BTreeMap::new();
        for t in &s.terms {
            *tf.entry(self.id(t)).or_default() += 1.0;
        }
        let mut people = BTreeSet::new();
        let mut name_words: BTreeSet<String> = BTreeSet::new();
        for m in a.mentions_in(s.index) {
            for part in std::iter::once(&m.surface).chain(&m.title) {
                let words = self
                    .name_terms
                    .entry(part.clone())
                    .or_insert_with(|| content_terms(part));
                name_words.extend(words.iter().cloned());
            }
            let name = entities.canonical(&m.key).to_string();
            if m.kind == parallax_model::EntityKind::Person {
                people.insert(name.clone());
            }
            *tf.entry(self.id(&format!("@{name}"))).or_default() += ENTITY_WEIGHT;
        }
        let predicates = s
            .terms
            .iter()
            .filter(|t| !name_words.contains(*t) && says_something(t))
            .map(|t| self.ids[t])
            .collect();
        RawUnit {
            article: ai,
            sentence: s.index,
            tf: tf.into_iter().collect(),
            people,
            quantities: a.quantities_in(s.index).cloned().collect(),
            negated: negates(s),
            predicates,
        }
    }
}

/// TF-IDF weights over the story's sentences, each vector normalised.
fn weigh(raw: Vec<RawUnit>) -> Vec<Unit> {
    let n = raw.len().max(1) as f64;
    let mut df: HashMap<u32, usize> = HashMap::default();
    for r in &raw {
        for (t, _) in &r.tf {
            *df.entry(*t).or_default() += 1;
        }
    }
    raw.into_iter()
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
        .collect()
}

/// Counting words and figures are not what a sentence says: "the two leaders" and "the two
/// countries" share no statement.
fn says_something(term: &str) -> bool {
    static COUNTING: WordList = WordList::new(include_str!("../data/counting-stems.txt"));
    term.chars().any(char::is_alphabetic) && !COUNTING.contains(term)
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

/// What a claim holds so far, for scoring the next sentence against it.
#[derive(Default)]
struct ClaimState {
    centroid: HashMap<u32, f64>,
    norm: f64,
    values: BTreeSet<String>,
    quantities: Vec<Quantity>,
    articles: BTreeSet<usize>,
    predicates: BTreeSet<u32>,
}

impl ClaimState {
    /// How well unit `u` (with specific `values`) states this claim, if it may join it at all.
    fn score(&self, u: &Unit, values: &BTreeSet<String>) -> Option<f64> {
        // A claim is what different articles say; an article does not corroborate itself.
        if self.articles.contains(&u.article) {
            return None;
        }
        let shared_value = values.iter().any(|v| self.values.contains(v));
        // Two sentences that share only names say different things about the same people
        // ("Netanyahu visited Kazakhstan in 2016" / "Netanyahu will join the call"). A shared
        // figure is a shared statement, and a sentence of stopwords ("That's all I can say")
        // has only its wording to go by.
        if !shared_value
            && !u.predicates.is_empty()
            && !self.predicates.is_empty()
            && u.predicates.is_disjoint(&self.predicates)
        {
            return None;
        }
        let score = dot_sparse(&u.vector, &self.centroid) / self.norm.max(1e-9);
        if shared_value {
            return Some(score + VALUE_BONUS);
        }
        let disagrees = self
            .quantities
            .iter()
            .any(|a| u.quantities.iter().any(|b| values_disagree(a, b).is_some()));
        (!disagrees || score >= CONFLICT_THRESHOLD).then_some(score)
    }

    /// Add unit `u` to claim `c`, whose state this is; `postings` learns the claim's new terms.
    fn add(
        &mut self,
        c: usize,
        u: &Unit,
        values: BTreeSet<String>,
        postings: &mut HashMap<u32, Vec<usize>>,
    ) {
        for (t, w) in &u.vector {
            let e = self.centroid.entry(*t).or_insert(0.0);
            if *e == 0.0 {
                postings.entry(*t).or_default().push(c);
            }
            *e += w;
        }
        self.norm = self.centroid.values().map(|w| w * w).sum::<f64>().sqrt();
        self.values.extend(values);
        self.quantities.extend(u.quantities.iter().cloned());
        self.articles.insert(u.article);
        self.predicates.extend(u.predicates.iter().copied());
    }
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
        let values: BTreeSet<String> = specific_values(u).collect();
        let mut best: Option<(f64, usize)> = None;
        if !seeded {
            for c in candidates(u, &df, &postings) {
                match states[c].score(u, &values) {
                    Some(score)
                        if score >= ALIGN_THRESHOLD && best.is_none_or(|(b, _)| score > b) =>
                    {
                        best = Some((score, c));
                    }
                    _ => {}
                }
            }
        }
        let c = match best {
            _ if seeded => 0,
            Some((_, c)) => c,
            None => {
                claims.push(AlignedClaim::default());
                states.push(ClaimState::default());
                claims.len() - 1
            }
        };
        claims[c].units.push(ui);
        states[c].add(c, u, values, &mut postings);
    }
    claims
}

/// The claims that may take unit `u`: those holding its rarest terms shared with another unit.
fn candidates(
    u: &Unit,
    df: &HashMap<u32, usize>,
    postings: &HashMap<u32, Vec<usize>>,
) -> BTreeSet<usize> {
    let mut probe: Vec<u32> = u.terms.iter().copied().filter(|t| df[t] >= 2).collect();
    probe.sort_by_key(|t| (df[t], *t));
    let mut candidates: BTreeSet<usize> = BTreeSet::new();
    for t in probe.iter().take(PROBE_TERMS) {
        if let Some(p) = postings.get(t) {
            candidates.extend(p.iter().copied());
        }
    }
    candidates
}
