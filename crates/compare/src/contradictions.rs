//! Contradictions: what independent sources say differently about one claim — numbers and dates
//! that cannot both be true, the same statement with and without a negation, the same statement
//! about different people — and one quote attributed to different people.

use std::collections::BTreeSet;

use rustc_hash::FxHashMap as HashMap;

use parallax_model::{
    Contradiction, ContradictionValue, Quantity, QuantityValue, ReadArticle, Sentence,
};
use parallax_text::is_stopword;

use crate::claims::AlignedClaim;
use crate::figure_conflicts;
use crate::paraphrase::word_stem;
use crate::quotes;
use crate::statement::{self, Subject};
use crate::units::Unit;

/// The contradictions of the story's statements, in claim order, and the claims they contest:
/// figures and dates two aligned statements give differently ([`figure_conflicts`]), and inside
/// each claim a negated and an affirmed wording, or one statement about different people.
pub fn within_claims(
    articles: &[&ReadArticle],
    units: &[Unit],
    aligned: &[AlignedClaim],
    claims: &crate::ClaimOrder,
    roots: &[usize],
) -> (Vec<Contradiction>, BTreeSet<usize>) {
    let rank: HashMap<usize, usize> = claims
        .order
        .iter()
        .enumerate()
        .map(|(k, &c)| (c, k))
        .collect();
    let value = |u: usize, value: String| {
        let article = articles[units[u].article];
        ContradictionValue {
            article: article.id().to_string(),
            value,
            sentence: article.sentences[units[u].sentence].text.clone(),
        }
    };
    // (rank of the first claim, contradiction)
    let mut found: Vec<(usize, Contradiction)> = Vec::new();
    let mut contested: BTreeSet<usize> = BTreeSet::new();
    for (c, a, b, about) in figure_conflicts::conflicts(articles, units, aligned, roots) {
        contested.insert(c);
        found.push((
            rank[&c],
            Contradiction {
                claims: vec![claims.ids[&c].clone()],
                about: about.to_string(),
                values: vec![value(a.unit, a.surface), value(b.unit, b.surface)],
            },
        ));
    }
    for &c in &claims.order {
        let claim = ClaimUnits {
            articles,
            us: &aligned[c].units,
            units,
            roots,
        };
        for f in claim.contradictions() {
            contested.insert(c);
            found.push((
                rank[&c],
                Contradiction {
                    claims: vec![claims.ids[&c].clone()],
                    about: f.about.to_string(),
                    values: f.values.into_iter().map(|(u, v)| value(u, v)).collect(),
                },
            ));
        }
    }
    found.sort_by_key(|f| f.0);
    (found.into_iter().map(|f| f.1).collect(), contested)
}

/// A contradiction inside one claim: what it is about, and each side's unit and value.
struct Found {
    about: &'static str,
    values: Vec<(usize, String)>,
}

/// One claim's units, with what tells sources and statements apart.
struct ClaimUnits<'a> {
    articles: &'a [&'a ReadArticle],
    /// The claim's units, indices into `units`.
    us: &'a [usize],
    units: &'a [Unit],
    /// Each article's copy group: units of one group are one source.
    roots: &'a [usize],
}

impl ClaimUnits<'_> {
    /// Contradictions inside the claim: a negated and an affirmed wording, one statement about
    /// different people.
    fn contradictions(&self) -> Vec<Found> {
        self.negation()
            .into_iter()
            .chain(self.different_actors())
            .collect()
    }

    fn independent(&self, a: usize, b: usize) -> bool {
        self.roots[self.units[a].article] != self.roots[self.units[b].article]
    }

    /// Negation: the same statement with and without "not" from independent sources — the
    /// negation on what both say ("did not resign" / "resigned"), not on a clause only one has
    /// ("would not say what …", "have no further comment"), and about someone the sentence
    /// names (not "he").
    fn negation(&self) -> Option<Found> {
        let units = self.units;
        let named = |u: usize| !matches!(units[u].statement.subject, Subject::Pronoun(_));
        let &n = self.us.iter().find(|&&u| units[u].negated() && named(u))?;
        let &p = self
            .us
            .iter()
            .find(|&&u| !units[u].negated() && named(u) && self.independent(n, u))?;
        let text = |u: usize| &self.articles[units[u].article].sentences[units[u].sentence];
        (term_overlap(&units[n], &units[p]) >= 0.5 && negates_shared(text(n), text(p))).then(|| {
            Found {
                about: "negation",
                values: vec![(p, "affirms".into()), (n, "denies".into())],
            }
        })
    }

    /// Actor: the same statement about different people, each the named subject of its
    /// sentence, and neither sentence naming the other's.
    fn different_actors(&self) -> Option<Found> {
        let units = self.units;
        let single: Vec<usize> = self
            .us
            .iter()
            .copied()
            .filter(|&u| {
                units[u].people.len() == 1
                    && matches!(&units[u].statement.subject, Subject::Named(n, _) if units[u].people.contains(n))
            })
            .collect();
        let &a = single.first()?;
        let &b = single
            .iter()
            .find(|&&b| units[b].people != units[a].people && self.independent(b, a))?;
        let name = |u: usize| units[u].people.iter().next().cloned().unwrap_or_default();
        let (na, nb) = (name(a), name(b));
        (term_overlap(&units[a], &units[b]) >= 0.6
            && !units[a].entities.contains(&nb)
            && !units[b].entities.contains(&na)
            && quotes::full_name(&na)
            && quotes::full_name(&nb)
            && !quotes::same_person(&na, &nb))
        .then(|| Found {
            about: "actor",
            values: vec![(a, na), (b, nb)],
        })
    }
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
        ) if c1 == c2 => (!(close(*x, *y)
            || rounded(*x, *y)
            || rounded(*y, *x)
            || bounded && within_bound(a, b)))
        .then_some("number"),
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
            counts_disagree(a, b)
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

/// Two counts (of one unit, as the caller knows) that cannot both be true: not within 1% of
/// each other, nor within a bound one of them states ("over 200", "about 200").
pub fn counts_disagree(a: &Quantity, b: &Quantity) -> Option<&'static str> {
    let (x, y) = (amount(a), amount(b));
    let close = (x - y).abs() <= 0.01 * x.abs().max(y.abs());
    let bounded = a.qualifier.is_some() || b.qualifier.is_some();
    (!(close || rounded(x, y) || rounded(y, x) || bounded && within_bound(a, b)))
        .then_some("number")
}

/// Figures of millions and more are written rounded: "$1.4 trillion" is "$1.37 trillion" to
/// two digits. Whether `x` (a million or more) is `y` rounded to `x`'s last significant digit.
fn rounded(x: f64, y: f64) -> bool {
    if x.abs() < 1e6 {
        return false;
    }
    let mut step = 10f64.powi(x.abs().log10().floor() as i32);
    // The largest power of ten that `x` is a whole multiple of.
    while step >= 1.0 && ((x / step).round() * step - x).abs() > step * 1e-6 {
        step /= 10.0;
    }
    step >= 1.0 && ((y / step).round() * step - x).abs() <= step * 1e-6
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

/// Whether a negation of sentence `negated` bears on a word the `affirmed` sentence also has:
/// one of the few words after the negation ("did not resign") is in both.
fn negates_shared(negated: &Sentence, affirmed: &Sentence) -> bool {
    let stems: BTreeSet<String> = affirmed.words.iter().map(|w| word_stem(w)).collect();
    let words = &negated.words;
    words.iter().enumerate().any(|(i, w)| {
        statement::is_negation(w)
            && words[i + 1..]
                .iter()
                .take(3)
                .any(|next| !is_stopword(&word_stem(next)) && stems.contains(&word_stem(next)))
    })
}

/// Share of what two units say (their predicates: terms outside names) that they have in
/// common (Jaccard).
pub fn term_overlap(a: &Unit, b: &Unit) -> f64 {
    let inter = a.predicates.intersection(&b.predicates).count() as f64;
    let union = a.predicates.union(&b.predicates).count().max(1) as f64;
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
        // Large figures are written rounded; small counts are exact.
        assert_eq!(values_disagree(&m(1.4e12, None), &m(1.37e12, None)), None);
        assert_eq!(
            values_disagree(&m(1.4e12, None), &m(1.2e12, None)),
            Some("number")
        );
        assert_eq!(
            values_disagree(&c(50.0, "people"), &c(49.0, "people")),
            Some("number")
        );
    }
}
