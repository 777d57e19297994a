//! Contradictions: what independent sources say differently about one claim — numbers and dates
//! that cannot both be true, the same statement with and without a negation, the same statement
//! about different people — and one quote attributed to different people.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap as HashMap;

use parallax_model::{
    Contradiction, ContradictionValue, Quantity, QuantityValue, QuoteGroup, ReadArticle,
};

use crate::claims::{self, AlignedClaim};
use crate::quotes;
use crate::units::{self, Unit};

/// The contradictions inside the claims, in claim order, and the claims they contest.
pub fn within_claims(
    articles: &[&ReadArticle],
    units: &[Unit],
    aligned: &[AlignedClaim],
    claims: &crate::ClaimOrder,
    roots: &[usize],
    vocab: &HashMap<String, u32>,
) -> (Vec<Contradiction>, BTreeSet<usize>) {
    let entity_terms: BTreeSet<u32> = vocab
        .iter()
        .filter(|(k, _)| k.starts_with('@'))
        .map(|(_, &v)| v)
        .collect();
    let mut contradictions = Vec::new();
    let mut contested: BTreeSet<usize> = BTreeSet::new();
    for &c in &claims.order {
        let claim = ClaimUnits {
            us: &aligned[c].units,
            units,
            roots,
            entity_terms: &entity_terms,
        };
        for found in claim.contradictions() {
            contested.insert(c);
            contradictions.push(Contradiction {
                claims: vec![claims.ids[&c].clone()],
                about: found.about.to_string(),
                values: found
                    .values
                    .iter()
                    .map(|(u, value)| {
                        let unit = &units[*u];
                        let article = articles[unit.article];
                        ContradictionValue {
                            article: article.id().to_string(),
                            value: value.clone(),
                            sentence: article.sentences[unit.sentence].text.clone(),
                        }
                    })
                    .collect(),
            });
        }
    }
    (contradictions, contested)
}

/// One quote given to different people: `conflicts` are the groups (from
/// [`quotes::group_quotes`]) whose variants name different speakers.
pub fn between_quotes(groups: &[QuoteGroup], conflicts: &[(usize, usize)]) -> Vec<Contradiction> {
    conflicts
        .iter()
        .map(|&(g, _)| {
            let mut seen = BTreeSet::new();
            let values = groups[g]
                .variants
                .iter()
                .filter(|v| v.speaker.is_some() && seen.insert(v.speaker.clone()))
                .map(|v| ContradictionValue {
                    article: v.article.clone(),
                    value: v.speaker.clone().unwrap_or_default(),
                    sentence: v.text.clone(),
                })
                .collect();
            Contradiction {
                claims: Vec::new(),
                about: "actor".into(),
                values,
            }
        })
        .collect()
}

/// A contradiction inside one claim: what it is about, and each side's unit and value.
struct Found {
    about: &'static str,
    values: Vec<(usize, String)>,
}

/// One claim's units, with what tells sources and statements apart.
struct ClaimUnits<'a> {
    /// The claim's units, indices into `units`.
    us: &'a [usize],
    units: &'a [Unit],
    /// Each article's copy group: units of one group are one source.
    roots: &'a [usize],
    /// The vocabulary's entity terms, left out when comparing statements.
    entity_terms: &'a BTreeSet<u32>,
}

impl ClaimUnits<'_> {
    /// Contradictions inside the claim: one representative per distinct value, from independent
    /// sources, so the cost is linear in the claim's support.
    fn contradictions(&self) -> Vec<Found> {
        let mut out = self.differing_values();
        out.extend(self.negation());
        out.extend(self.different_actors());
        out
    }

    fn independent(&self, a: usize, b: usize) -> bool {
        self.roots[self.units[a].article] != self.roots[self.units[b].article]
    }

    /// Numbers and dates: compare sentences that give exactly one value of a kind.
    fn differing_values(&self) -> Vec<Found> {
        let units = self.units;
        let mut out = Vec::new();
        let mut reps: Vec<(usize, &Quantity)> = Vec::new();
        for &u in self.us {
            let mut by_kind: BTreeMap<String, Vec<&Quantity>> = BTreeMap::new();
            for q in &units[u].quantities {
                by_kind.entry(kind_key(q)).or_default().push(q);
            }
            for qs in by_kind.values().filter(|qs| qs.len() == 1) {
                let q = qs[0];
                if !reps.iter().any(|(r, rq)| {
                    kind_key(rq) == kind_key(q)
                        && (values_disagree(rq, q).is_none() || !self.independent(*r, u))
                }) {
                    reps.push((u, q));
                }
            }
        }
        let mut done: BTreeSet<(usize, usize)> = BTreeSet::new();
        for (i, (ua, qa)) in reps.iter().enumerate() {
            for (ub, qb) in &reps[i + 1..] {
                if !self.independent(*ua, *ub) || !done.insert((*ua, *ub)) {
                    continue;
                }
                // Only sentences close in wording disagree about the same thing.
                if units::cosine(&units[*ua], &units[*ub]) < claims::CONFLICT_THRESHOLD {
                    continue;
                }
                if let Some(about) = values_disagree(qa, qb) {
                    out.push(Found {
                        about,
                        values: vec![(*ua, qa.surface.clone()), (*ub, qb.surface.clone())],
                    });
                }
            }
        }
        out
    }

    /// Negation: the same statement with and without "not" from independent sources.
    fn negation(&self) -> Option<Found> {
        let units = self.units;
        let &n = self.us.iter().find(|&&u| units[u].negated())?;
        let &p = self.us.iter().find(|&&u| !units[u].negated())?;
        (self.independent(n, p) && term_overlap(&units[n], &units[p], self.entity_terms) >= 0.5)
            .then(|| Found {
                about: "negation",
                values: vec![(p, "affirms".into()), (n, "denies".into())],
            })
    }

    /// Actor: the same statement about different people.
    fn different_actors(&self) -> Option<Found> {
        let units = self.units;
        let single: Vec<usize> = self
            .us
            .iter()
            .copied()
            .filter(|&u| units[u].people.len() == 1)
            .collect();
        let &a = single.first()?;
        let &b = single
            .iter()
            .find(|&&b| units[b].people != units[a].people && self.independent(b, a))?;
        let name = |u: usize| units[u].people.iter().next().cloned().unwrap_or_default();
        let (na, nb) = (name(a), name(b));
        (term_overlap(&units[a], &units[b], self.entity_terms) >= 0.6
            && quotes::full_name(&na)
            && quotes::full_name(&nb)
            && !quotes::same_person(&na, &nb))
        .then(|| Found {
            about: "actor",
            values: vec![(a, na), (b, nb)],
        })
    }
}

/// Values of one kind can disagree: money in one currency, counts of one unit, dates.
fn kind_key(q: &Quantity) -> String {
    use QuantityValue::*;
    match &q.value {
        Money { currency, .. } => format!("money:{currency}"),
        Percent { .. } => "percent".into(),
        Count { unit, .. } => format!(
            "count:{}",
            unit.as_deref().map(parallax_text::stem).unwrap_or_default()
        ),
        Year { .. } | Date { .. } => "date".into(),
        RelativeDay { .. } => "relday".into(),
        Duration { unit, .. } => format!("duration:{unit}"),
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
}
