//! The story's headline: chosen among the articles' headlines, never written.

use parallax_model::ReadArticle;
use parallax_text::lines::headline_support;
use rustc_hash::FxHashSet;

/// The story's headline: the article headline best supported by the other articles' bodies
/// ([`headline_support`], the one headline rule; a term's share is the number of other articles
/// that carry it), less one for each loaded term flagged in it. With no headline, the first
/// body sentence.
pub fn story_headline(articles: &[&ReadArticle]) -> String {
    let bodies: Vec<FxHashSet<&str>> = articles
        .iter()
        .map(|a| {
            a.body_sentences()
                .flat_map(|s| s.terms.iter().map(String::as_str))
                .collect()
        })
        .collect();
    let others_carrying = |i: usize, term: &str| {
        bodies
            .iter()
            .enumerate()
            .filter(|&(j, b)| j != i && b.contains(term))
            .count() as f64
    };
    articles
        .iter()
        .enumerate()
        .filter_map(|(i, a)| a.headline.as_ref().map(|h| (i, h)))
        .map(|(i, h)| {
            let support = headline_support(h, |t| others_carrying(i, t));
            (support - loaded_in_headline(articles[i]) as f64, i, h)
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

/// Loaded terms flagged in the article's heading lines: of two equally supported headlines, the
/// neutral one heads the story.
fn loaded_in_headline(article: &ReadArticle) -> usize {
    article
        .framing
        .iter()
        .filter(|f| {
            article
                .sentences
                .get(f.sentence)
                .is_some_and(|s| s.is_heading)
        })
        .count()
}
