//! Claims: statements of the same fact in different articles, aligned.
//!
//! Units ([`crate::units`]) are taken in article order, after the leads that state the main
//! event ([`crate::lead`]), which open the first claim. Each unit joins the claim it states best
//! — cosine with the claim's centroid, plus a bonus for sharing a specific number or date — when
//! that similarity clears [`ALIGN_THRESHOLD`] and the statements agree ([`Members::admits`]): the same
//! actor, no different step of one process, the same polarity, and enough in common unless the
//! wordings are close ([`SHARED_TERMS`]: a short sentence sharing a word or two with another is
//! close by cosine and states nothing in common). Else it opens a new claim.
//! Candidate claims come from an inverted index over the unit's rarest terms, so the cost is
//! close to linear in the number of sentences. A sentence whose figures disagree with a claim's
//! joins it only when close in wording; what disagrees inside a claim is found in
//! [`crate::contradictions`].

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap as HashMap;

use parallax_model::{Quantity, QuantityValue};

use crate::contradictions::values_disagree;
use crate::members::Members;
use crate::units::Unit;

/// Cosine similarity (with value bonus) at which a sentence states an existing claim.
pub const ALIGN_THRESHOLD: f64 = 0.36;
/// A sentence whose polarity differs from a claim's states it (and contradicts it) only when
/// this close in wording and about the same actor: "the minister resigned" / "the minister did
/// not resign". Below it, an affirmed and a denied sentence are different facts ("Trump Jr.
/// confirmed his correspondence" / "Assange couldn't confirm the messages").
pub const NEGATION_THRESHOLD: f64 = 0.6;
/// Bonus for sharing a specific figure or date (a strong sign of the same fact).
const VALUE_BONUS: f64 = 0.15;
/// Bonus for sharing a precise figure ("16.4%"): the story's most common words make the rest of
/// two wordings of one figure ("Retail sales fell 16.4 percent" / "Consumer spending tumbled a
/// record 16.4%") weigh little.
const PRECISE_VALUE_BONUS: f64 = 0.25;
/// Marks a precise figure among a sentence's values.
const PRECISE_MARK: char = '!';
/// When the values disagree, only a sentence this close in wording states the same fact (and
/// then the disagreement is a contradiction); below it, the sentences are about different facts.
pub const CONFLICT_THRESHOLD: f64 = 0.6;
/// How many of a sentence's rarest terms are used to find candidate claims.
const PROBE_TERMS: usize = 10;
/// Cosine at which two wordings are close enough to be one fact whatever else they share
/// ("\"The man is petrified,\" the judge said" / "\"The man is petrified,\" he said").
const CLOSE_WORDING: f64 = 0.6;
/// Terms two wordings of one fact share at the least when they share no name and no figure;
/// with a name or a figure in common, one fewer. A short sentence that shares one rare word with
/// another ("walked away abruptly" / "hung up abruptly") is close by cosine and states nothing
/// in common.
const SHARED_TERMS: usize = 3;

/// A group of units stating one fact.
#[derive(Debug, Clone, Default)]
pub struct AlignedClaim {
    pub units: Vec<usize>,
}

/// Values specific enough that sharing them suggests the same fact — not weekdays, nor small
/// counts, which are mostly ages and tallies many facts of a story share ("the 36-year-old
/// driver"); a precise figure (two or more significant digits of an amount, a share or a count
/// in the thousands: "16.4%", "212,672") is marked with [`PRECISE_MARK`], since two outlets
/// giving it about different facts would be a coincidence.
fn specific_values(u: &Unit) -> impl Iterator<Item = String> + '_ {
    u.quantities
        .iter()
        .filter(|q| match q.value {
            QuantityValue::RelativeDay { .. } => false,
            QuantityValue::Count { value, .. } => value >= 100.0,
            _ => true,
        })
        .map(|q| {
            if precise(q) {
                format!("{PRECISE_MARK}{}", q.normalized())
            } else {
                q.normalized()
            }
        })
}

/// Whether an amount, a share or a count in the thousands has two or more significant digits
/// (a small count is mostly an age or a tally many facts share: "Robert Pitman, 24").
fn precise(q: &Quantity) -> bool {
    let x = match q.value {
        QuantityValue::Money { amount, .. } => amount,
        QuantityValue::Percent { value } => value,
        QuantityValue::Count { value, .. } if value >= 1000.0 => value,
        _ => return false,
    };
    let digits: String = format!("{}", x.abs())
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    digits.trim_matches('0').len() >= 2
}

fn dot_sparse(a: &[(u32, f64)], b: &HashMap<u32, f64>) -> f64 {
    a.iter()
        .map(|(t, w)| w * b.get(t).copied().unwrap_or(0.0))
        .sum()
}

/// Whether two statements share enough to be one fact: [`SHARED_TERMS`] terms, or one fewer
/// with a name or a figure in common.
fn shared_evidence(shared_terms: usize, shared_name: bool, shared_value: bool) -> bool {
    let needed = if shared_name || shared_value {
        SHARED_TERMS - 1
    } else {
        SHARED_TERMS
    };
    shared_terms >= needed
}

/// What a claim holds so far, for scoring the next sentence against it.
#[derive(Default)]
struct ClaimState {
    centroid: HashMap<u32, f64>,
    norm: f64,
    /// The story entities its sentences mention, and their actors.
    entities: BTreeSet<String>,
    values: BTreeSet<String>,
    quantities: Vec<Quantity>,
    articles: BTreeSet<usize>,
    predicates: BTreeSet<u32>,
    /// Every sentence of the claim, restatements included.
    members: Members,
}

impl ClaimState {
    /// How well unit `u` (with specific `values`) states this claim, if it may join it at all.
    fn score(&self, u: &Unit, values: &BTreeSet<String>) -> Option<f64> {
        // An article may join a claim it is in: when it says the fact again ("Williams died
        // peacefully in her sleep" after "Esther Williams has died") the claim lists both
        // wordings; it does not corroborate itself, as sources are counted by article.
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
        if !self.members.admits(u) {
            return None;
        }
        let shared_terms = u
            .terms
            .iter()
            .filter(|t| self.centroid.contains_key(t))
            .count();
        let shared_name = u
            .entities
            .iter()
            .chain(&u.actor)
            .any(|e| self.entities.contains(e));
        let score = dot_sparse(&u.vector, &self.centroid) / self.norm.max(1e-9);
        if score < CLOSE_WORDING && !shared_evidence(shared_terms, shared_name, shared_value) {
            return None;
        }
        if self.members.polarity_differs(u)
            && !(score >= NEGATION_THRESHOLD && self.members.all_same_actor(u))
        {
            return None;
        }
        if shared_value {
            let precise = values
                .iter()
                .any(|v| self.values.contains(v) && v.starts_with(PRECISE_MARK));
            return Some(
                score
                    + if precise {
                        PRECISE_VALUE_BONUS
                    } else {
                        VALUE_BONUS
                    },
            );
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
        self.entities
            .extend(u.entities.iter().chain(&u.actor).cloned());
        self.quantities.extend(u.quantities.iter().cloned());
        self.articles.insert(u.article);
        self.predicates.extend(u.predicates.iter().copied());
    }
}

/// Align units into claims. `lead` (from [`crate::lead::lead_units`]) opens the first claim:
/// the main event as each article's lead states it.
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
                // An article's further sentence restates a claim only when it names the step the
                // claim's sentences agree on ("died", "was charged"): by wording alone, an
                // article's sentences are all close to what it said before.
                if states[c].articles.contains(&u.article) && !states[c].members.shares_core_step(u)
                {
                    continue;
                }
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
        // A restatement joins the claim's wordings but not its centroid: a claim that grew on
        // each article's second and third wordings would drift to the topic they share.
        if !states[c].articles.contains(&u.article) {
            states[c].add(c, u, values, &mut postings);
        }
        states[c].members.push(u);
        claims[c].units.push(ui);
    }
    merge_claims(units, claims, &states, &df, &postings)
}

/// Claims that state one fact but formed apart — taken in article order, the first two
/// wordings of a fact may each be closer to something else than to each other — merged: when
/// their centroids clear [`ALIGN_THRESHOLD`] and every sentence of one
/// may state the fact of the other. Closest pairs first; candidates from the postings.
fn merge_claims(
    units: &[Unit],
    claims: Vec<AlignedClaim>,
    states: &[ClaimState],
    df: &HashMap<u32, usize>,
    postings: &HashMap<u32, Vec<usize>>,
) -> Vec<AlignedClaim> {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (a, state) in states.iter().enumerate() {
        let mut probe: Vec<u32> = state.centroid.keys().copied().collect();
        probe.sort_by_key(|t| (df.get(t).copied().unwrap_or(0), *t));
        let near: BTreeSet<usize> = probe
            .iter()
            .take(PROBE_TERMS)
            .filter_map(|t| postings.get(t))
            .flatten()
            .copied()
            .filter(|&b| b > a)
            .collect();
        for b in near {
            let other = &states[b];
            let dot: f64 = state
                .centroid
                .iter()
                .map(|(t, w)| w * other.centroid.get(t).copied().unwrap_or(0.0))
                .sum();
            let cos = dot / (state.norm * other.norm).max(1e-9);
            let shared_terms = state
                .centroid
                .keys()
                .filter(|t| other.centroid.contains_key(t))
                .count();
            let shared_name = !state.entities.is_disjoint(&other.entities);
            let shared_value = !state.values.is_disjoint(&other.values);
            if cos >= CLOSE_WORDING
                || cos >= ALIGN_THRESHOLD
                    && shared_evidence(shared_terms, shared_name, shared_value)
            {
                pairs.push((cos, a, b));
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut claims = claims;
    // Sentences a merge leaves out: each its own claim.
    let mut extra: Vec<AlignedClaim> = Vec::new();
    // Claim → the claim it was merged into (itself when kept).
    let mut into: Vec<usize> = (0..claims.len()).collect();
    let root = |into: &[usize], mut c: usize| {
        while into[c] != c {
            c = into[c];
        }
        c
    };
    for (_, a, b) in pairs {
        let (a, b) = (root(&into, a), root(&into, b));
        let (keep, gone) = (a.min(b), a.max(b));
        if keep == gone || !mergeable(units, &claims[keep], &claims[gone]) {
            continue;
        }
        let mut merged = std::mem::take(&mut claims[keep].units);
        merged.extend(std::mem::take(&mut claims[gone].units));
        let (kept, apart) = once_per_article(units, merged);
        claims[keep].units = kept;
        extra.extend(apart.into_iter().map(|u| AlignedClaim { units: vec![u] }));
        into[gone] = keep;
    }
    claims.extend(extra);
    claims.retain(|c| !c.units.is_empty());
    claims
}

/// A merged claim's units, with an article in it once unless its further sentences name the
/// claim's step (as a restatement must); of an article's other sentences the one closest to the
/// other articles' stays, and the rest (returned apart) leave the claim.
fn once_per_article(units: &[Unit], merged: Vec<usize>) -> (Vec<usize>, Vec<usize>) {
    let mut by_article: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &u in &merged {
        by_article.entry(units[u].article).or_default().push(u);
    }
    // Sums over the whole claim, so that each article's "others" are the whole less its own:
    // linear in the claim's size, where comparing every sentence with every other was not.
    let mut total: HashMap<u32, f64> = HashMap::default();
    let mut naming: HashMap<(u16, u16), usize> = HashMap::default();
    for &u in &merged {
        for (t, w) in &units[u].vector {
            *total.entry(*t).or_default() += w;
        }
        for s in distinct_steps(&units[u]) {
            *naming.entry(s).or_default() += 1;
        }
    }
    let mut apart: Vec<usize> = Vec::new();
    for own in by_article.values().filter(|own| own.len() > 1) {
        let mut own_sum: HashMap<u32, f64> = HashMap::default();
        for &u in own {
            for (t, w) in &units[u].vector {
                *own_sum.entry(*t).or_default() += w;
            }
        }
        // The sum of `u`'s cosines with the other articles' sentences of the claim.
        let closeness = |u: usize| -> f64 {
            units[u]
                .vector
                .iter()
                .map(|(t, w)| w * (total[t] - own_sum[t]))
                .sum()
        };
        let near: Vec<f64> = own.iter().map(|&u| closeness(u)).collect();
        let Some(best) = (0..own.len())
            .max_by(|&a, &b| near[a].total_cmp(&near[b]).then(own[b].cmp(&own[a])))
            .map(|k| own[k])
        else {
            continue;
        };
        // The claim's step once the article keeps only `best`: the steps every other article's
        // sentence and `best` name.
        let others = merged.len() - own.len();
        let core: Vec<(u16, u16)> = distinct_steps(&units[best])
            .into_iter()
            .filter(|s| {
                let own_naming = own
                    .iter()
                    .filter(|&&u| units[u].statement.steps.contains(s))
                    .count();
                naming[s] - own_naming == others
            })
            .collect();
        apart.extend(
            own.iter().copied().filter(|&u| {
                u != best && !core.iter().any(|s| units[u].statement.steps.contains(s))
            }),
        );
    }
    let leaving: BTreeSet<usize> = apart.iter().copied().collect();
    let kept = merged
        .into_iter()
        .filter(|u| !leaving.contains(u))
        .collect();
    (kept, apart)
}

/// A sentence's process steps, each once.
fn distinct_steps(u: &Unit) -> BTreeSet<(u16, u16)> {
    u.statement.steps.iter().copied().collect()
}

/// Whether two claims may be one: every sentence of each may state the fact of the other, with
/// the same polarity.
fn mergeable(units: &[Unit], a: &AlignedClaim, b: &AlignedClaim) -> bool {
    let members = Members::of(a.units.iter().map(|&m| &units[m]));
    b.units
        .iter()
        .all(|&u| !members.polarity_differs(&units[u]) && members.admits(&units[u]))
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
