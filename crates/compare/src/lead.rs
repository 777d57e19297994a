//! The main event: what the articles' leads state.
//!
//! News puts the event in the headline and the first sentence (the inverted pyramid), each
//! outlet in its own words and with its own context ("In a major legal blow to …", "…, a move
//! that symbolises …"), which keeps the leads' cosine below the threshold that aligns any two
//! sentences. The leads of one story are a priori reports of one event, so they are aligned by a
//! lower threshold, but only when they state it as one fact ([`crate::members::same_fact`]: same
//! actor, same step, same polarity) — three outlets reacting to one report with three people's
//! reactions are three facts.
//!
//! Each article's lead is the one among its first [`LEAD_SENTENCES`] sentences that best covers
//! its headline (or the story's headlines), the earlier preferred. Leads are compared with their
//! headlines: an outlet's headline and lead together say what it reports far more surely than
//! the lead alone. The most central lead (closest to the other leads' sum) opens the main claim;
//! the others join it in order of centrality when close enough to what it holds.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap as HashMap;

use parallax_model::ReadArticle;
use parallax_text::lines::is_title_case;
use parallax_text::{ends_with_stop, sparse};

use crate::members::same_fact;
use crate::paraphrase::{self, concept_terms};
use crate::statement::same_steps;
use crate::units::{cosine, Unit};

/// Weighted terms sorted by term id.
type SparseVector = Vec<(u32, f64)>;

/// Least cosine of a lead's own sentence with one of the main claim's: headlines alone do not
/// make two leads one fact ("Lester Holt bows to the Clinton campaign" under a debate headline).
pub const LEAD_SENTENCE_SIMILARITY: f64 = 0.1;
/// How many of an article's first body sentences may be its lead.
const LEAD_SENTENCES: usize = 3;
/// Headline coverage a later sentence gives up per position to an earlier one.
const POSITION_PENALTY: f64 = 0.15;
/// Cosine of an article's headline and lead with the main claim's (their sum) at which the lead
/// states the main event. Measured on NeuS (headline + lead, three outlets a story): at 0.22,
/// about 3 in 4 pairs of one story's items pass and 2 in 100 pairs of items of different
/// stories that share a name.
pub const LEAD_THRESHOLD: f64 = 0.22;

/// The story's main event as its articles' leads state it.
#[derive(Debug, Clone, Default)]
pub struct MainEvent {
    /// The leads that state it as one fact (unit indices), the most central first; empty when
    /// fewer than two articles do.
    pub joined: Vec<usize>,
    /// Every article's lead, the most central first: the best-supported statements of the main
    /// event when no two leads state it alike.
    pub leads: Vec<usize>,
}

/// The story's main event: each article's lead, and those that state it as one fact.
pub fn main_event(articles: &[&ReadArticle], units: &[Unit]) -> MainEvent {
    let mut firsts: Vec<Vec<usize>> = vec![Vec::new(); articles.len()];
    for (i, u) in units.iter().enumerate() {
        let text = &articles[u.article].sentences[u.sentence].text;
        // A headline repeated in the body ("Waitrose fire in Wellington town centre tackled")
        // covers its headline perfectly and states the event loosely: a lead is a sentence.
        // Nor is a quotation, or a piece of one, a lead: it is what someone said about the event.
        let sentence = ends_with_stop(text)
            && !is_title_case(text)
            && !text.starts_with(['"', '\''])
            && text.matches('"').count().is_multiple_of(2);
        if sentence && firsts[u.article].len() < LEAD_SENTENCES {
            firsts[u.article].push(i);
        }
    }
    let mut ids: HashMap<String, u32> = HashMap::default();
    let leads: Vec<(usize, Vec<(u32, f64)>)> = firsts
        .iter()
        .enumerate()
        .filter_map(|(a, candidates)| article_lead(articles, a, candidates, units))
        .map(|(u, terms)| (u, event_vector(&terms, &mut ids)))
        .collect();
    if leads.len() < 2 {
        return MainEvent {
            joined: Vec::new(),
            leads: leads.iter().map(|l| l.0).collect(),
        };
    }
    // Centrality: cosine with the sum of the other leads.
    let mut total: Vec<(u32, f64)> = Vec::new();
    for (_, v) in &leads {
        total = add(&total, v, 1.0);
    }
    let mut by_centrality: Vec<(f64, usize, &SparseVector)> = leads
        .iter()
        .map(|(l, v)| {
            let mut others = add(&total, v, -1.0);
            sparse::normalize(&mut others);
            (sparse::dot(v, &others), *l, v)
        })
        .collect();
    by_centrality.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let central: Vec<usize> = by_centrality.iter().map(|c| c.1).collect();
    // The most central lead opens the main claim; the others join in order of centrality, in
    // passes until none joins: a lead worded apart from the first may be close to a later one.
    let mut main: Vec<usize> = Vec::new();
    let mut centroid: Vec<(u32, f64)> = Vec::new();
    let mut waiting = by_centrality;
    loop {
        let before = main.len();
        waiting.retain(|&(_, l, v)| {
            let joins = main.is_empty() || joins_main(&main, &centroid, l, v, units);
            if joins {
                main.push(l);
                centroid = add(&centroid, v, 1.0);
            }
            !joins
        });
        if main.len() == before || waiting.is_empty() {
            break;
        }
    }
    if main.len() < 2 {
        main.clear();
    }
    MainEvent {
        joined: main,
        leads: central,
    }
}

/// Whether lead `l` (its event vector `v`) joins the main claim `main` (their event vectors'
/// sum `centroid`): close in headline and lead, its own sentence close to one of theirs, and
/// the same fact by actor, polarity and what is said, and the same steps as the most central
/// lead (the main event is one event: not "a fire broke out" and "a man was charged").
fn joins_main(
    main: &[usize],
    centroid: &[(u32, f64)],
    l: usize,
    v: &[(u32, f64)],
    units: &[Unit],
) -> bool {
    let u = &units[l];
    let mut c = centroid.to_vec();
    sparse::normalize(&mut c);
    let members = || main.iter().map(|&m| &units[m]);
    sparse::dot(v, &c) >= LEAD_THRESHOLD
        && members().any(|m| cosine(m, u) >= LEAD_SENTENCE_SIMILARITY)
        && members().all(|m| m.negated() == u.negated())
        && same_steps(&units[main[0]].statement.steps, &u.statement.steps)
        && shares_predicate(members(), u)
        && same_fact(members(), u)
}

/// Whether `u` says something any of `members` says: leads that share only names and
/// attribution ("…, Sheriff Jon Owen said") report different things.
fn shares_predicate<'a>(mut members: impl Iterator<Item = &'a Unit>, u: &Unit) -> bool {
    u.predicates.is_empty() || members.any(|m| !m.predicates.is_disjoint(&u.predicates))
}

/// An article's event as a unit vector: its headline's and lead's terms (`terms`), each
/// weighted by its English rarity; `ids` numbers the terms.
fn event_vector(terms: &BTreeSet<String>, ids: &mut HashMap<String, u32>) -> Vec<(u32, f64)> {
    let mut v: Vec<(u32, f64)> = terms
        .iter()
        .filter(|t| t.chars().any(char::is_alphabetic))
        .map(|t| {
            let n = ids.len() as u32;
            (*ids.entry(t.clone()).or_insert(n), paraphrase::rarity(t))
        })
        .collect();
    v.sort_by_key(|x| x.0);
    sparse::normalize(&mut v);
    v
}

/// Article `a`'s lead: among its first body units (`candidates`), the one that best covers its
/// headline (the story's headlines when it has none), an earlier one preferred.
fn article_lead(
    articles: &[&ReadArticle],
    a: usize,
    candidates: &[usize],
    units: &[Unit],
) -> Option<(usize, BTreeSet<String>)> {
    let headline: BTreeSet<String> = match articles[a].headline.as_deref() {
        Some(h) => headline_terms(h),
        None => articles
            .iter()
            .filter_map(|x| x.headline.as_deref())
            .flat_map(headline_terms)
            .collect(),
    };
    candidates
        .iter()
        .enumerate()
        .map(|(k, &u)| {
            let s = &articles[a].sentences[units[u].sentence];
            let terms: BTreeSet<String> = concept_terms(&s.words)
                .into_iter()
                .map(|(_, t)| t)
                .collect();
            (
                coverage(&terms, &headline) - POSITION_PENALTY * k as f64,
                u,
                terms,
            )
        })
        .max_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)))
        .map(|(_, u, mut terms)| {
            // The event as the outlet states it: the lead and the article's own headline.
            if let Some(h) = articles[a].headline.as_deref() {
                terms.extend(headline_terms(h));
            }
            (u, terms)
        })
}

fn headline_terms(headline: &str) -> BTreeSet<String> {
    let words = parallax_text::words_and_terms(headline).0;
    concept_terms(&words).into_iter().map(|(_, t)| t).collect()
}

/// Share of the headline's terms, weighted by English rarity, that the sentence holds.
fn coverage(sentence: &BTreeSet<String>, headline: &BTreeSet<String>) -> f64 {
    let weight = |t: &String| paraphrase::rarity(t);
    let all: f64 = headline.iter().map(weight).sum();
    let held: f64 = headline
        .iter()
        .filter(|t| sentence.contains(*t))
        .map(weight)
        .sum();
    held / all.max(1e-9)
}

/// `a + k·b` for sparse vectors sorted by term.
pub fn add(a: &[(u32, f64)], b: &[(u32, f64)], k: f64) -> Vec<(u32, f64)> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() || j < b.len() {
        let take_a = j >= b.len() || (i < a.len() && a[i].0 < b[j].0);
        let take_b = i >= a.len() || (j < b.len() && b[j].0 < a[i].0);
        if take_a {
            out.push(a[i]);
            i += 1;
        } else if take_b {
            out.push((b[j].0, k * b[j].1));
            j += 1;
        } else {
            out.push((a[i].0, a[i].1 + k * b[j].1));
            i += 1;
            j += 1;
        }
    }
    out.retain(|&(_, w)| w.abs() > 1e-12);
    out
}
