//! Figures and dates that independent sources give differently for the same thing: "a 47-page
//! indictment" / "a 48-page indictment", "from 1966 to 1978" / "from 1967 to 1979", "a 13 percent
//! increase" / "a 12% increase".
//!
//! A figure is one value or a range of two ("from 1966 to 1978"), with its kind (money in one
//! currency, a count of one unit, a percentage, a date) and its context: the words next to it
//! ("increase", "indictment"). Two figures are about the same thing when they are of one kind,
//! share a context word and stand in aligned statements: two sentences of one claim, or a
//! claim's sentence and the next sentence of another claim sentence's article when it goes on
//! with the same statement. Within a claim, candidates come from an index on (kind, context
//! word).

use std::collections::BTreeSet;

use rustc_hash::FxHashMap as HashMap;

use parallax_model::{Quantity, QuantityValue, ReadArticle};

use crate::claims::AlignedClaim;
use crate::contradictions::{counts_disagree, values_disagree};
use crate::members::same_fact;
use crate::paraphrase::concept_terms;
use crate::statement::{layout, word_spans, Subject};
use crate::units::{cosine, Unit};
use crate::wording::opens_dependent;

/// Words on each side of a figure that are its context.
const CONTEXT_WORDS: usize = 3;
/// Words on each side of a figure that say what it is about.
const SETTING_WORDS: usize = 6;
/// Least cosine of two statements whose figures are compared: in a large claim, two sentences
/// can share the fact and little else ("Klitschko, 36, stopped the 40-year-old Thompson" /
/// "The 36-year-old champion improved to 58-3"); a figure of one is not then about what the
/// other's figure is about.
const PAIR_SIMILARITY: f64 = 0.35;
/// Least share of the words around two figures (Jaccard over [`SETTING_WORDS`] each side) for
/// them to be about one thing when their sentences are otherwise worded apart.
const SETTING_OVERLAP: f64 = 0.2;
/// Least cosine of a claim's sentence with the next sentence of its article for the next one to
/// go on with the same statement.
const ECHO_SIMILARITY: f64 = 0.25;
/// A context word shared by more figures than this is too common to pair them (a cap on the
/// cost in large stories).
const MAX_POSTINGS: usize = 64;
/// Most figures a sentence may give for its figures to be compared.
const MAX_FIGURES: usize = 2;
/// Words between two values that make them one range.
const RANGE_JOINERS: [&str; 6] = ["to", "-", "through", "until", "and", "thru"];

/// A figure of one sentence.
#[derive(Debug, Clone)]
pub struct Figure {
    pub unit: usize,
    pub kind: String,
    pub values: Vec<Quantity>,
    /// As written: one value, or the range from its first to its last value.
    pub surface: String,
    context: BTreeSet<String>,
    /// The terms of a wider window: what the figure is said about.
    setting: BTreeSet<String>,
}

/// Two figures from independent sources that cannot both be true, each pair with the claim
/// whose statements give them: (claim, figure, figure, what about).
pub fn conflicts(
    articles: &[&ReadArticle],
    units: &[Unit],
    aligned: &[AlignedClaim],
    roots: &[usize],
) -> Vec<(usize, Figure, Figure, &'static str)> {
    let mut out = Vec::new();
    for (c, claim) in aligned.iter().enumerate() {
        let statements = with_echoes(&claim.units, units);
        if statements
            .iter()
            .map(|&u| roots[units[u].article])
            .collect::<BTreeSet<_>>()
            .len()
            < 2
        {
            continue;
        }
        let figures: Vec<Figure> = statements
            .iter()
            .flat_map(|&u| only_of_their_kind(figures_of(articles[units[u].article], u, &units[u])))
            .collect();
        let mut seen: BTreeSet<(Vec<String>, Vec<String>)> = BTreeSet::new();
        for (a, b) in candidate_pairs(&figures) {
            let (fa, fb) = (&figures[a], &figures[b]);
            if roots[units[fa.unit].article] == roots[units[fb.unit].article] {
                continue;
            }
            let Some(about) = disagreement(fa, fb) else {
                continue;
            };
            let (ua, ub) = (&units[fa.unit], &units[fb.unit]);
            let shared = fa.setting.intersection(&fb.setting).count() as f64;
            let setting = shared / fa.setting.union(&fb.setting).count().max(1) as f64;
            let about_one_thing = setting >= SETTING_OVERLAP || cosine(ua, ub) >= PAIR_SIMILARITY;
            if !about_one_thing
                || ua.negated() != ub.negated()
                || !same_fact(std::iter::once(ua), ub)
                || different_heads(articles, ua, ub)
            {
                continue;
            }
            // One disagreement once per claim, however many sentences repeat it.
            let values =
                |f: &Figure| -> Vec<String> { f.values.iter().map(|q| q.normalized()).collect() };
            let (va, vb) = (values(fa), values(fb));
            let key = if va <= vb { (va, vb) } else { (vb, va) };
            if seen.insert(key) {
                out.push((c, fa.clone(), fb.clone(), about));
            }
        }
    }
    out
}

/// The figures that are the only one of their kind in their sentence: where a sentence gives
/// several counts of yards or several dates, which of them another sentence's figure is about
/// is anyone's guess ("269 yards … another 201 yards" / "793 yards … 302 yards").
fn only_of_their_kind(figures: Vec<Figure>) -> Vec<Figure> {
    let kinds: Vec<String> = figures.iter().map(|f| f.kind.clone()).collect();
    figures
        .into_iter()
        .filter(|f| kinds.iter().filter(|k| **k == f.kind).count() == 1)
        .collect()
}

/// A claim's statements for comparing figures: its units, and for each the next sentence of its
/// article when that sentence goes on with the same statement (the same actor, close wording:
/// "Mayorkas announced … over 212,000 migrants in July." / "Mayorkas commented that 212,672
/// migrants were encountered in July, a 13 percent increase …").
fn with_echoes(members: &[usize], units: &[Unit]) -> Vec<usize> {
    let mut out: Vec<usize> = members.to_vec();
    for &m in members {
        let Some(next) = units.get(m + 1) else {
            continue;
        };
        let unit = &units[m];
        let continues = next.article == unit.article
            && next.sentence == unit.sentence + 1
            && next.negated() == unit.negated()
            && same_fact(std::iter::once(unit), next)
            && cosine(unit, next) >= ECHO_SIMILARITY;
        if continues && !out.contains(&(m + 1)) {
            out.push(m + 1);
        }
    }
    out
}

/// Whether two sentences open their main clauses with different names, neither of which the
/// other sentence has ("Vaughn finished with 16 points" / "Hansbrough finished with 20
/// points"): their figures belong to different people, even when the reader knows neither
/// name.
fn different_heads(articles: &[&ReadArticle], a: &Unit, b: &Unit) -> bool {
    let text = |u: &Unit| articles[u.article].sentences[u.sentence].text.as_str();
    let name = |u: &Unit| -> Option<String> {
        let l = layout(text(u));
        let first = *l.words.get(l.clause_start)?;
        let lower = first.to_lowercase();
        (first.starts_with(char::is_uppercase) && !DETERMINERS.contains(&lower.as_str()))
            .then_some(lower)
    };
    let (Some(na), Some(nb)) = (name(a), name(b)) else {
        return false;
    };
    na != nb && !text(b).to_lowercase().contains(&na) && !text(a).to_lowercase().contains(&nb)
}

/// Words that open a noun phrase without naming anyone.
const DETERMINERS: [&str; 12] = [
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "some",
];

/// Pairs of figures of one kind that share a context word: candidates from an index on (kind,
/// context word).
fn candidate_pairs(figures: &[Figure]) -> BTreeSet<(usize, usize)> {
    let mut index: HashMap<(&str, &str), Vec<usize>> = HashMap::default();
    for (f, figure) in figures.iter().enumerate() {
        for word in &figure.context {
            index
                .entry((figure.kind.as_str(), word.as_str()))
                .or_default()
                .push(f);
        }
    }
    let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
    for postings in index.values().filter(|p| p.len() <= MAX_POSTINGS) {
        for (k, &a) in postings.iter().enumerate() {
            pairs.extend(postings[k + 1..].iter().map(|&b| (a.min(b), a.max(b))));
        }
    }
    pairs
}

/// What two figures of one kind disagree about, if they cannot both be true: ranges value by
/// value, a single value against a single value.
fn disagreement(a: &Figure, b: &Figure) -> Option<&'static str> {
    if a.values.len() != b.values.len() {
        return None;
    }
    // Counts are of one unit when their kinds are equal, whether the reader or the hyphen gave
    // it ("47-page").
    a.values
        .iter()
        .zip(&b.values)
        .find_map(|(x, y)| match (&x.value, &y.value) {
            (QuantityValue::Count { .. }, QuantityValue::Count { .. }) => counts_disagree(x, y),
            _ => values_disagree(x, y),
        })
}

/// The figures of unit `i` (sentence of `article`): values and ranges with kind and context.
/// (Long because a range, its words and its context are read in one walk over the quantities.)
fn figures_of(article: &ReadArticle, i: usize, unit: &Unit) -> Vec<Figure> {
    // Whose figure "he had 269 yards" or "that followed an 8.3 percent drop" gives, the
    // sentence does not say.
    let sentence = &article.sentences[unit.sentence];
    if matches!(unit.statement.subject, Subject::Pronoun(_)) || opens_dependent(&sentence.text) {
        return Vec::new();
    }
    let text = sentence.text.as_str();
    // A sentence that opens where a decimal was split ("… a 7." / "1-magnitude quake …").
    let split_open = article.text[..sentence.span.start]
        .trim_end()
        .strip_suffix('.')
        .is_some_and(|b| b.ends_with(|c: char| c.is_ascii_digit()));
    let mut quantities: Vec<&Quantity> = unit
        .quantities
        .iter()
        .filter(|q| kind(q, text).is_some() && !in_parentheses(q, text))
        .filter(|q| !(split_open && q.span.start == 0))
        .filter(|q| !dates_the_report(q, text))
        .collect();
    // A line of statistics ("28 of 41 passes for 329 yards and a touchdown") gives figures of
    // different things side by side; which of another line's figures each answers is a guess.
    if quantities.len() > MAX_FIGURES {
        return Vec::new();
    }
    quantities.sort_by_key(|q| q.span.start);
    let spans = word_spans(text);
    let terms = concept_terms(&article.sentences[unit.sentence].words);
    let mut out: Vec<Figure> = Vec::new();
    let mut k = 0;
    while k < quantities.len() {
        let q = quantities[k];
        let kind_q = kind(q, text).unwrap_or_default();
        let range_end = quantities.get(k + 1).filter(|next| {
            kind(next, text).as_deref() == Some(kind_q.as_str())
                && text
                    .get(q.span.end..next.span.start)
                    .is_some_and(|between| {
                        RANGE_JOINERS.contains(&between.trim().to_lowercase().as_str())
                    })
        });
        let values: Vec<Quantity> = std::iter::once(q)
            .chain(range_end.copied())
            .cloned()
            .collect();
        let (start, end) = (
            q.span.start,
            values.last().map_or(q.span.end, |v| v.span.end),
        );
        // Words of the figure itself (a count's unit with it: "66-year-old" and "36-year-old"
        // share their unit, not their context), and the context window around them.
        let mut inside: Vec<usize> = (0..spans.len())
            .filter(|&w| spans[w].0 < end && spans[w].1 > start)
            .collect();
        if kind_q.starts_with("count:") {
            if let Some(&last) = inside.last() {
                inside.push(last + 1);
            }
        }
        let (Some(&first), Some(&last)) = (inside.first(), inside.last()) else {
            k += values.len();
            continue;
        };
        let around = |reach: usize| -> BTreeSet<String> {
            let window = first.saturating_sub(reach)..=last + reach;
            terms
                .iter()
                .filter(|(w, t)| {
                    window.contains(w) && !inside.contains(w) && t.chars().any(char::is_alphabetic)
                })
                .map(|(_, t)| t.clone())
                .collect()
        };
        let context = around(CONTEXT_WORDS);
        let setting = around(SETTING_WORDS);
        out.push(Figure {
            unit: i,
            kind: kind_q,
            // "47-page": a count shown with the unit the hyphen joins to it.
            surface: text
                .get(start..end + hyphen_unit(text, end).map_or(0, |u| u.len() + 1))
                .unwrap_or_default()
                .to_string(),
            values,
            context,
            setting,
        });
        k += out.last().map_or(1, |f| f.values.len());
    }
    out
}

/// The kind of value a quantity is, for comparing it: money in one currency, a count of one
/// unit (written in digits: spelled-out counts are mostly determiners, "the two countries"),
/// a percentage, a date. None for what is not compared (weekdays, durations).
fn kind(q: &Quantity, text: &str) -> Option<String> {
    use QuantityValue::*;
    match &q.value {
        // "$200MM": a scale the reader did not read.
        Money { currency, .. }
            if !text
                .get(q.span.end..)
                .is_some_and(|r| r.starts_with(char::is_alphabetic)) =>
        {
            Some(format!("money:{currency}"))
        }
        Percent { .. } => Some("percent".into()),
        Count { unit, .. }
            if q.surface.chars().any(|c| c.is_ascii_digit())
                && !ordinal(&q.surface)
                && !clock_time(q, text)
                && !in_fraction(q, text)
                && !broken_number(q, text) =>
        {
            let unit = unit.clone().or_else(|| hyphen_unit(text, q.span.end))?;
            Some(format!(
                "count:{}",
                parallax_text::stem(&unit.to_lowercase())
            ))
        }
        Year { .. } | Date { .. } => Some("date".into()),
        _ => None,
    }
}

/// "11th", "3rd": a rank, not a count.
fn ordinal(surface: &str) -> bool {
    ["st", "nd", "rd", "th"]
        .iter()
        .any(|s| surface.ends_with(s))
}

/// A count in "29 of 34 passes": a share, not a total another sentence's count can deny.
fn in_fraction(q: &Quantity, text: &str) -> bool {
    let before = text.get(..q.span.start).unwrap_or_default().trim_end();
    let after = text.get(q.span.end..).unwrap_or_default().trim_start();
    before
        .strip_suffix("of")
        .is_some_and(|b| b.trim_end().ends_with(|c: char| c.is_ascii_digit()))
        || after
            .strip_prefix("of")
            .is_some_and(|a| a.trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

/// A value in parentheses is a conversion or an aside ("$US1 million ($1.52 million)").
fn in_parentheses(q: &Quantity, text: &str) -> bool {
    let before = text.get(..q.span.start).unwrap_or_default();
    before
        .rfind('(')
        .is_some_and(|open| !before[open..].contains(')'))
}

/// A date that says when the report itself was written ("announced today (14 October 2011)"):
/// two reports of different days give different dates for their own "today".
fn dates_the_report(q: &Quantity, text: &str) -> bool {
    let before = text.get(..q.span.start).unwrap_or_default().to_lowercase();
    let before = before.trim_end().trim_end_matches('(').trim_end();
    matches!(q.value, QuantityValue::Date { .. })
        && ["today", "yesterday", "tonight", "this morning"]
            .iter()
            .any(|w| before.ends_with(w))
}

/// A count that is part of a time of day ("6:00 p.m.", "at 9pm", "1300 GMT"): times are
/// reported approximately ("shortly before 9pm" / "at 8.49pm") and read in pieces.
fn clock_time(q: &Quantity, text: &str) -> bool {
    let after = text
        .get(q.span.end..)
        .unwrap_or_default()
        .trim_start()
        .to_lowercase();
    let before = text.get(..q.span.start).unwrap_or_default().trim_end();
    [
        "p.m", "a.m", "pm", "am ", "am.", "gmt", "hrs", "o'clock", ":",
    ]
    .iter()
    .any(|t| after.starts_with(t))
        || before.ends_with(':')
}

/// A piece of a number that a text split ("2, 106", "7. 1", "AK 47", "029"): its value is not
/// the figure the writer gave.
fn broken_number(q: &Quantity, text: &str) -> bool {
    let before = text.get(..q.span.start).unwrap_or_default();
    let spaced = before.len() > before.trim_end().len();
    let b = before.trim_end();
    let after_digit = |p: char| {
        b.strip_suffix(p)
            .is_some_and(|r| r.ends_with(|c: char| c.is_ascii_digit()))
    };
    let split = spaced
        && (after_digit(',')
            || after_digit('.')
            || b.ends_with(|c: char| c.is_ascii_digit() || c.is_ascii_uppercase()));
    split
        || q.surface
            .trim_start_matches(|c: char| !c.is_ascii_digit())
            .starts_with('0')
}

/// The unit joined to a count by a hyphen ("47-page"): the reader leaves such counts unitless.
fn hyphen_unit(text: &str, end: usize) -> Option<String> {
    let rest = text.get(end..)?.strip_prefix('-')?;
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    (!word.is_empty()).then_some(word)
}
