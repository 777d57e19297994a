//! One quotation attributed to different people by different outlets — reported only when both
//! attributions are plain: each outlet names its speaker in the quotation's own sentence (not a
//! "he said" resolved from an earlier paragraph), the wordings are one statement of some length
//! (not a shared stock phrase: "a total loss"), and neither outlet names the other's speaker
//! anywhere (one person under two names, "Sgt. Marty Earley" / "Bloomington Police Sgt", or a
//! joint statement of two people).

use parallax_model::{Contradiction, ContradictionValue, QuoteGroup, QuoteVariant, ReadArticle};
use parallax_text::content_terms;

use crate::quotes::{full_name, same_person};

/// Fewest words of each wording for a quotation to be one statement rather than a phrase.
const MIN_QUOTE_WORDS: usize = 8;
/// Share of content words two wordings must have in common (Jaccard) to be one statement.
const SAME_STATEMENT: f64 = 0.5;

/// The quotations of `groups` given to different people: `conflicts` are the groups (from
/// [`crate::quotes::group_quotes`]) whose variants name different speakers.
pub fn between_quotes(
    articles: &[&ReadArticle],
    groups: &[QuoteGroup],
    conflicts: &[(usize, usize)],
) -> Vec<Contradiction> {
    conflicts
        .iter()
        .filter_map(|&(g, _)| {
            let variants: Vec<&QuoteVariant> = groups[g]
                .variants
                .iter()
                .filter(|v| plainly_attributed(articles, v))
                .collect();
            let (a, b) = variants.iter().enumerate().find_map(|(k, a)| {
                variants[k + 1..]
                    .iter()
                    .find(|b| conflict(articles, a, b))
                    .map(|b| (*a, *b))
            })?;
            let value = |v: &QuoteVariant| ContradictionValue {
                article: v.article.clone(),
                value: v.speaker.clone().unwrap_or_default(),
                sentence: v.text.clone(),
            };
            Some(Contradiction {
                claims: Vec::new(),
                about: "actor".into(),
                values: vec![value(a), value(b)],
            })
        })
        .collect()
}

/// Whether two variants give one statement to two people neither outlet connects.
fn conflict(articles: &[&ReadArticle], a: &QuoteVariant, b: &QuoteVariant) -> bool {
    let (Some(sa), Some(sb)) = (a.speaker.as_deref(), b.speaker.as_deref()) else {
        return false;
    };
    let words = |v: &QuoteVariant| -> std::collections::BTreeSet<String> {
        content_terms(&v.text).into_iter().collect()
    };
    let (wa, wb) = (words(a), words(b));
    let shared = wa.intersection(&wb).count() as f64 / wa.union(&wb).count().max(1) as f64;
    let long = |v: &QuoteVariant| v.text.split_whitespace().count() >= MIN_QUOTE_WORDS;
    a.article != b.article
        && long(a)
        && long(b)
        && shared >= SAME_STATEMENT
        && full_name(sa)
        && full_name(sb)
        && !same_person(sa, sb)
        && !names(articles, &a.article, sb)
        && !names(articles, &b.article, sa)
}

/// Whether article `id` names `person` anywhere (by surname).
fn names(articles: &[&ReadArticle], id: &str, person: &str) -> bool {
    let surname = person.split_whitespace().last().unwrap_or(person);
    articles
        .iter()
        .find(|a| a.id() == id)
        .is_some_and(|a| a.text.contains(surname))
}

/// Whether the variant's article names its speaker in the sentences of the quotation itself.
fn plainly_attributed(articles: &[&ReadArticle], v: &QuoteVariant) -> bool {
    let Some(article) = articles.iter().find(|a| a.id() == v.article) else {
        return false;
    };
    let Some(quote) = article.quotes.iter().find(|q| q.text == v.text) else {
        return false;
    };
    let Some(speaker) = quote.speaker.as_deref() else {
        return false;
    };
    let surname = speaker.split_whitespace().last().unwrap_or(speaker);
    article
        .sentences
        .get(quote.sentences.clone())
        .is_some_and(|ss| ss.iter().any(|s| s.text.contains(surname)))
}
