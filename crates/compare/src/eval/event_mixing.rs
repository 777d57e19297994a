//! Claims that mix two events: a measure of alignment precision that needs no judge.
//!
//! Two gold stories about different events that share many words (ECB+ puts two events of one
//! kind in each topic: two actresses entering rehab, two earthquakes) are analysed as one story.
//! A corroborated claim whose sources come from both events lines up sentences that cannot state
//! one fact: the kind of error a reader sees as "aligned by shared words, not the same fact".
//! Claims corroborated within one event are counted too, as the recall side: a change that mixes
//! less by aligning nothing is no gain.

use std::collections::BTreeSet;

use parallax_model::{Claim, ClaimStatus, ReadArticle};
use parallax_text::content_terms;

/// Counts over the analysed pairs of stories.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MixingCounts {
    pub pairs: usize,
    /// Claims stated by two or more independent sources (corroborated or contested).
    pub corroborated: usize,
    /// Of those, claims whose sources come from both events.
    pub mixed: usize,
    /// Sentences (support entries) in claims stated within one event by two or more sources.
    pub aligned_within: usize,
    /// Body sentences of the analysed articles that are units of comparison.
    pub sentences: usize,
}

impl std::ops::AddAssign for MixingCounts {
    fn add_assign(&mut self, o: MixingCounts) {
        self.pairs += o.pairs;
        self.corroborated += o.corroborated;
        self.mixed += o.mixed;
        self.aligned_within += o.aligned_within;
        self.sentences += o.sentences;
    }
}

/// Each story paired with the other story whose articles share the most content words with its
/// own (Jaccard over the stemmed content terms of titles and texts), each unordered pair once,
/// in order of the first story.
pub fn nearest_pairs(stories: &[Vec<&ReadArticle>]) -> Vec<(usize, usize)> {
    let terms: Vec<BTreeSet<String>> = stories
        .iter()
        .map(|articles| {
            articles
                .iter()
                .flat_map(|a| {
                    a.sentences
                        .iter()
                        .flat_map(|s| content_terms(&s.text))
                        .chain(a.headline.as_deref().map(content_terms).unwrap_or_default())
                })
                .collect()
        })
        .collect();
    let jaccard = |a: &BTreeSet<String>, b: &BTreeSet<String>| {
        let shared = a.intersection(b).count();
        shared as f64 / (a.len() + b.len() - shared).max(1) as f64
    };
    let mut pairs: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (i, own) in terms.iter().enumerate() {
        let nearest = (0..terms.len()).filter(|&j| j != i).max_by(|&x, &y| {
            jaccard(own, &terms[x])
                .total_cmp(&jaccard(own, &terms[y]))
                .then(y.cmp(&x))
        });
        if let Some(j) = nearest {
            pairs.insert((i.min(j), i.max(j)));
        }
    }
    pairs.into_iter().collect()
}

/// Analyse the articles of two events as one story and count its claims by where their sources
/// come from.
pub fn mixing(first: &[&ReadArticle], second: &[&ReadArticle]) -> MixingCounts {
    let articles: Vec<&ReadArticle> = first.iter().chain(second).copied().collect();
    let of_first: BTreeSet<&str> = first.iter().map(|a| a.id()).collect();
    let report = crate::analyze_story("pair", &articles);
    count_claims(&report.claims, &of_first)
}

/// One pair's counts: `of_first` holds the ids of the first event's articles.
fn count_claims(claims: &[Claim], of_first: &BTreeSet<&str>) -> MixingCounts {
    let mut counts = MixingCounts {
        pairs: 1,
        sentences: claims.iter().map(|c| c.support.len()).sum(),
        ..MixingCounts::default()
    };
    for claim in claims {
        if claim.status == ClaimStatus::SingleSource || claim.independent_sources < 2 {
            continue;
        }
        counts.corroborated += 1;
        let events: BTreeSet<bool> = claim
            .support
            .iter()
            .map(|s| of_first.contains(s.article.as_str()))
            .collect();
        if events.len() > 1 {
            counts.mixed += 1;
        } else {
            counts.aligned_within += claim.support.len();
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{Article, Support};
    use parallax_read::{read_article, Lexicon};

    fn read(id: &str, text: &str) -> ReadArticle {
        read_article(&Article::new(id, text), &Lexicon::builtin())
    }

    #[test]
    fn stories_pair_with_the_one_they_share_most_words_with() {
        let quake = [read(
            "q",
            "A strong earthquake shook northern Chile on Monday.",
        )];
        let quake2 = [read(
            "q2",
            "A strong earthquake shook southern Peru on Friday.",
        )];
        let vote = [read(
            "v",
            "The senate passed the budget bill after a long debate.",
        )];
        let stories: Vec<Vec<&ReadArticle>> = vec![
            quake.iter().collect(),
            vote.iter().collect(),
            quake2.iter().collect(),
        ];
        let pairs = nearest_pairs(&stories);
        assert!(pairs.contains(&(0, 2)));
    }

    fn claim(status: ClaimStatus, articles: &[&str]) -> Claim {
        Claim {
            id: "c".into(),
            text: "t".into(),
            status,
            independent_sources: articles.len(),
            support: articles
                .iter()
                .map(|a| Support {
                    article: a.to_string(),
                    sentence: "s".into(),
                })
                .collect(),
            figures: vec![],
        }
    }

    /// A claim whose sources come from both events is mixed; one stated within an event counts
    /// its sentences as aligned; a single-source claim only as sentences.
    #[test]
    fn claims_are_counted_by_where_their_sources_come_from() {
        let first: BTreeSet<&str> = ["a1", "a2"].into_iter().collect();
        let claims = [
            claim(ClaimStatus::Corroborated, &["a1", "b1"]),
            claim(ClaimStatus::Corroborated, &["a1", "a2"]),
            claim(ClaimStatus::Contested, &["b1", "b2", "b3"]),
            claim(ClaimStatus::SingleSource, &["a2"]),
        ];
        let counts = count_claims(&claims, &first);
        let expected = MixingCounts {
            pairs: 1,
            corroborated: 3,
            mixed: 1,
            aligned_within: 5,
            sentences: 8,
        };
        assert_eq!(counts, expected);
    }
}
