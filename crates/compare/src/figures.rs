//! The figures of each claim: every number and date its sentences give, with the articles in the
//! story that give the same figure anywhere, so that a figure only one source gives stands out
//! even when the sentence around it is corroborated.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use parallax_model::{Figure, Quantity, QuantityValue, ReadArticle};

use crate::units::Unit;

/// Who gives each figure (by `source_key`): the copy groups and the article ids, in order.
pub struct ValueSources(HashMap<String, (BTreeSet<usize>, Vec<String>)>);

/// Who states each figure anywhere in the story. `roots` names each article's copy group.
pub fn value_sources(articles: &[&ReadArticle], units: &[Unit], roots: &[usize]) -> ValueSources {
    let mut sources: HashMap<String, (BTreeSet<usize>, Vec<String>)> = HashMap::new();
    for u in units {
        for q in u.quantities.iter().filter(|q| is_figure(q)) {
            let e = sources.entry(source_key(q)).or_default();
            e.0.insert(roots[u.article]);
            let id = articles[u.article].id().to_string();
            if !e.1.contains(&id) {
                e.1.push(id);
            }
        }
    }
    ValueSources(sources)
}

/// The figures the sentences `us` of a claim give, with every article in the story that gives
/// them.
pub fn figures(us: &[usize], units: &[Unit], sources: &ValueSources) -> Vec<Figure> {
    let mut by_value: BTreeMap<String, (String, String)> = BTreeMap::new();
    for &u in us {
        for q in units[u].quantities.iter().filter(|q| is_figure(q)) {
            by_value
                .entry(q.normalized())
                .or_insert_with(|| (q.surface.clone(), source_key(q)));
        }
    }
    by_value
        .into_iter()
        .map(|(value, (surface, key))| {
            let (independent_sources, articles) = sources
                .0
                .get(&key)
                .map_or((0, Vec::new()), |(roots, arts)| (roots.len(), arts.clone()));
            Figure {
                value,
                surface,
                articles,
                independent_sources,
            }
        })
        .collect()
}

/// "Yesterday" and "on Monday" place an event in time; they are not figures anyone reports.
fn is_figure(q: &Quantity) -> bool {
    !matches!(q.value, QuantityValue::RelativeDay { .. })
}

/// Which figures count as "the same figure" when asking who gives it: counts by their number
/// alone ("51 knockouts" and "51 wins by knockout" are one figure), so a figure is never called
/// single-source while another outlet states the same number in other words.
fn source_key(q: &Quantity) -> String {
    match &q.value {
        QuantityValue::Count { value, .. } => format!("{value}"),
        _ => q.normalized(),
    }
}
