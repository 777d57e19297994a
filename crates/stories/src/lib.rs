//! Stories: group articles about the same real-world event.
//!
//! Each article is a TF-IDF vector over the content words of its headline and lead plus its
//! entities. Articles are taken in order; each joins the story whose centroid is most similar
//! (found through an inverted index over the article's rarest terms) when the similarity clears
//! [`STORY_THRESHOLD`] and the story is active within [`WINDOW_DAYS`] of the article; otherwise it
//! opens a new story. Cost is close to linear in the number of articles.
//!
//! Architecture invariant: pure function of read articles; no I/O.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use parallax_model::ReadArticle;
use parallax_read::text::content_terms;

/// Cosine similarity between an article and a story centroid for the article to join it.
pub const STORY_THRESHOLD: f64 = 0.2;
/// A story accepts articles published within this many days of its latest article.
pub const WINDOW_DAYS: i64 = 7;
/// Lead sentences that describe the event; later ones drift into background.
const LEAD_SENTENCES: usize = 6;
const PROBE_TERMS: usize = 12;

fn features(a: &ReadArticle) -> BTreeMap<String, f64> {
    let mut tf: BTreeMap<String, f64> = BTreeMap::new();
    if let Some(h) = &a.headline {
        for t in content_terms(h) {
            *tf.entry(t).or_default() += 2.0; // the headline names the event
        }
    }
    for s in a.body_sentences().take(LEAD_SENTENCES) {
        for t in &s.terms {
            *tf.entry(t.clone()).or_default() += 1.0;
        }
    }
    for m in a
        .mentions
        .iter()
        .filter(|m| m.sentence < LEAD_SENTENCES + 2)
    {
        *tf.entry(format!("@{}", m.key)).or_default() += 1.0;
    }
    tf
}

/// Group articles into stories; each story lists article indices in input order.
pub fn group_stories(articles: &[ReadArticle]) -> Vec<Vec<usize>> {
    let feats: Vec<BTreeMap<String, f64>> = articles.iter().map(features).collect();
    let mut df: HashMap<&str, usize> = HashMap::new();
    for f in &feats {
        for t in f.keys() {
            *df.entry(t.as_str()).or_default() += 1;
        }
    }
    let n = articles.len() as f64;
    let vectors: Vec<Vec<(&str, f64)>> = feats
        .iter()
        .map(|f| {
            let mut v: Vec<(&str, f64)> = f
                .iter()
                .map(|(t, w)| {
                    (
                        t.as_str(),
                        (1.0 + w.ln()) * (((n + 1.0) / (df[t.as_str()] as f64 + 1.0)).ln() + 1.0),
                    )
                })
                .collect();
            let norm = v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt().max(1e-9);
            v.iter_mut().for_each(|(_, w)| *w /= norm);
            v
        })
        .collect();
    struct Story<'a> {
        members: Vec<usize>,
        centroid: HashMap<&'a str, f64>,
        latest: Option<chrono::NaiveDate>,
    }
    let mut stories: Vec<Story<'_>> = Vec::new();
    let mut postings: HashMap<&str, BTreeSet<usize>> = HashMap::new();
    for (i, v) in vectors.iter().enumerate() {
        let date = articles[i].article.published_date;
        // The rarest words this article shares with some other article point to its story.
        let mut probe: Vec<&(&str, f64)> = v.iter().filter(|(t, _)| df[t] >= 2).collect();
        probe.sort_by(|a, b| df[a.0].cmp(&df[b.0]).then(a.0.cmp(b.0)));
        let candidates: BTreeSet<usize> = probe
            .iter()
            .take(PROBE_TERMS)
            .filter_map(|(t, _)| postings.get(t))
            .flatten()
            .copied()
            .collect();
        let mut best: Option<(f64, usize)> = None;
        for c in candidates {
            let s = &stories[c];
            if let (Some(d), Some(l)) = (date, s.latest) {
                if (d - l).num_days().abs() > WINDOW_DAYS {
                    continue;
                }
            }
            let norm = s
                .centroid
                .values()
                .map(|w| w * w)
                .sum::<f64>()
                .sqrt()
                .max(1e-9);
            let score = v
                .iter()
                .map(|(t, w)| w * s.centroid.get(t).copied().unwrap_or(0.0))
                .sum::<f64>()
                / norm;
            if score >= STORY_THRESHOLD && best.is_none_or(|(b, _)| score > b) {
                best = Some((score, c));
            }
        }
        let c = best.map(|(_, c)| c).unwrap_or_else(|| {
            stories.push(Story {
                members: Vec::new(),
                centroid: HashMap::new(),
                latest: None,
            });
            stories.len() - 1
        });
        let s = &mut stories[c];
        s.members.push(i);
        s.latest = match (s.latest, date) {
            (Some(l), Some(d)) => Some(l.max(d)),
            (l, d) => l.or(d),
        };
        for (t, w) in v {
            *s.centroid.entry(t).or_default() += w;
            postings.entry(t).or_default().insert(c);
        }
    }
    stories.into_iter().map(|s| s.members).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::Article;
    use parallax_read::{read_article, Lexicon};

    fn art(id: &str, text: &str) -> ReadArticle {
        read_article(&Article::new(id, text), &Lexicon::builtin())
    }

    #[test]
    fn separates_two_events_and_joins_rewrites() {
        let arts = vec![
            art("a", "Earthquake Strikes Northern Chile\nA magnitude 7.1 earthquake struck northern Chile on Monday, killing three people near Iquique."),
            art("b", "Lindsay Lohan Checks Into Rehab\nActress Lindsay Lohan has checked into the Betty Ford Center for a 90-day stay, her lawyer said."),
            art("c", "Strong Quake Hits Chile\nA strong earthquake of magnitude 7.1 hit northern Chile near Iquique on Monday, and three people died."),
            art("d", "Lohan Enters Betty Ford Clinic\nLindsay Lohan entered the Betty Ford Center on Friday to begin court-ordered rehab, her lawyer said."),
        ];
        assert_eq!(group_stories(&arts), vec![vec![0, 2], vec![1, 3]]);
    }
}
