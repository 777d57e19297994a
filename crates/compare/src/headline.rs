//! The story's headline: chosen among the articles' headlines, never written.

use std::collections::BTreeSet;

use parallax_model::ReadArticle;
use parallax_text::content_terms;

/// The story's headline: the article headline sharing the most words with the other articles,
/// preferring the less loaded.
pub fn story_headline(articles: &[&ReadArticle]) -> String {
    let bodies: Vec<rustc_hash::FxHashSet<&str>> = articles
        .iter()
        .map(|a| {
            a.body_sentences()
                .flat_map(|s| s.terms.iter().map(String::as_str))
                .collect()
        })
        .collect();
    articles
        .iter()
        .enumerate()
        .filter_map(|(i, a)| a.headline.as_ref().map(|h| (i, h)))
        .map(|(i, h)| {
            let terms: BTreeSet<String> = content_terms(h).into_iter().collect();
            let support: usize = bodies
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, b)| terms.iter().filter(|t| b.contains(t.as_str())).count())
                .sum();
            let loaded = articles[i]
                .framing
                .iter()
                .filter(|f| {
                    articles[i]
                        .sentences
                        .get(f.sentence)
                        .is_some_and(|s| s.is_heading)
                })
                .count();
            (
                support as f64 / (terms.len() as f64).sqrt().max(1.0) - loaded as f64,
                i,
                h,
            )
        })
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, _, h)| h.clone())
        .or_else(|| {
            articles
                .first()
                .and_then(|a| a.body_sentences().next())
                .map(|s| s.text.clone())
        })
        .unwrap_or_default()
}
