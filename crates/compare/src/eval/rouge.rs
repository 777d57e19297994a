//! Brief evaluation: ROUGE-1, ROUGE-2 and ROUGE-L F1 of a brief against a reference summary,
//! and the baseline a brief has to beat (the articles' leads cut to the brief's length), as
//! `parallax eval briefs` prints them.
//!
//! Tokens are the lower-cased alphanumeric words of a text (any other character separates them),
//! stemmed with [`parallax_text::stem`]; stop words are kept. ROUGE-N counts the n-grams the two
//! texts share (each at most as often as it occurs in both); ROUGE-L takes the longest common
//! subsequence of the two token sequences. Each is F1 of precision (over the candidate) and
//! recall (over the reference); an empty candidate or reference scores 0.

use std::collections::HashMap;

use parallax_model::ReadArticle;

/// The tokens ROUGE compares: lower-cased alphanumeric words, stemmed.
pub fn rouge_tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| parallax_text::stem(&w.to_lowercase()))
        .collect()
}

/// ROUGE-1, ROUGE-2 and ROUGE-L F1.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rouge {
    pub rouge1: f64,
    pub rouge2: f64,
    pub rouge_l: f64,
}

impl std::ops::AddAssign for Rouge {
    fn add_assign(&mut self, o: Rouge) {
        self.rouge1 += o.rouge1;
        self.rouge2 += o.rouge2;
        self.rouge_l += o.rouge_l;
    }
}

impl Rouge {
    /// Each score divided by `n` (a mean over `n` stories; 0 for none).
    pub fn mean(self, n: usize) -> Rouge {
        let d = n.max(1) as f64;
        Rouge {
            rouge1: self.rouge1 / d,
            rouge2: self.rouge2 / d,
            rouge_l: self.rouge_l / d,
        }
    }
}

/// The scores of a candidate's tokens against a reference's.
pub fn rouge(candidate: &[String], reference: &[String]) -> Rouge {
    Rouge {
        rouge1: rouge_n(candidate, reference, 1),
        rouge2: rouge_n(candidate, reference, 2),
        rouge_l: f1(
            lcs_len(candidate, reference),
            candidate.len(),
            reference.len(),
        ),
    }
}

/// F1 of `shared` over a candidate of `c` and a reference of `r` units.
fn f1(shared: usize, c: usize, r: usize) -> f64 {
    if shared == 0 || c == 0 || r == 0 {
        return 0.0;
    }
    let (p, r) = (shared as f64 / c as f64, shared as f64 / r as f64);
    2.0 * p * r / (p + r)
}

fn ngrams(tokens: &[String], n: usize) -> HashMap<&[String], usize> {
    let mut counts = HashMap::new();
    for g in tokens.windows(n) {
        *counts.entry(g).or_insert(0) += 1;
    }
    counts
}

/// ROUGE-N F1: shared n-grams, each counted as often as in both.
pub fn rouge_n(candidate: &[String], reference: &[String], n: usize) -> f64 {
    let c = ngrams(candidate, n);
    let r = ngrams(reference, n);
    let shared = c
        .iter()
        .map(|(g, &k)| k.min(r.get(g).copied().unwrap_or(0)))
        .sum();
    f1(
        shared,
        candidate.len().saturating_sub(n - 1),
        reference.len().saturating_sub(n - 1),
    )
}

/// Length of the longest common subsequence (one row of the table at a time).
pub fn lcs_len(a: &[String], b: &[String]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The baseline: the articles' first body sentences, taken round-robin (each article's first,
/// then each one's second, …), as ROUGE tokens cut to `words`.
pub fn lead_tokens(articles: &[&ReadArticle], words: usize) -> Vec<String> {
    let mut sentences: Vec<_> = articles.iter().map(|a| a.body_sentences()).collect();
    let mut out = Vec::new();
    while out.len() < words {
        let mut any = false;
        for s in sentences.iter_mut() {
            if out.len() >= words {
                break;
            }
            if let Some(s) = s.next() {
                any = true;
                out.extend(rouge_tokens(&s.text));
            }
        }
        if !any {
            break;
        }
    }
    out.truncate(words);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Vec<String> {
        rouge_tokens(s)
    }

    #[test]
    fn tokens_are_lower_cased_stemmed_alphanumeric_words() {
        assert_eq!(
            t("The U.S. Senators' front-runner, 30-plus!"),
            vec!["the", "u", "s", "senator", "front", "runner", "30", "plu"]
        );
        assert!(t(" -- ").is_empty());
    }

    #[test]
    fn hand_computed_scores() {
        // Candidate "the cat sat on the mat" (6), reference "the cat lay on the red mat" (7).
        // Unigrams shared: the×2, cat, on, mat = 5 → P 5/6, R 5/7, F1 10/13.
        // Bigrams: candidate the-cat cat-sat sat-on on-the the-mat (5), reference the-cat
        // cat-lay lay-on on-the the-red red-mat (6); shared the-cat, on-the = 2 → F1 4/11.
        // LCS: the cat on the mat = 5 → F1 10/13.
        let r = rouge(
            &t("the cat sat on the mat"),
            &t("the cat lay on the red mat"),
        );
        assert!((r.rouge1 - 10.0 / 13.0).abs() < 1e-12, "{r:?}");
        assert!((r.rouge2 - 4.0 / 11.0).abs() < 1e-12, "{r:?}");
        assert!((r.rouge_l - 10.0 / 13.0).abs() < 1e-12, "{r:?}");
    }

    #[test]
    fn repeated_words_count_as_often_as_in_both_and_order_matters_only_for_lcs() {
        // Candidate "a a a b" against reference "b a": unigrams shared a×1, b×1 = 2 → P 2/4,
        // R 2/2, F1 2/3; bigrams: none shared; LCS 1 ("a" or "b") → P 1/4, R 1/2, F1 1/3.
        let r = rouge(&t("a a a b"), &t("b a"));
        assert!((r.rouge1 - 2.0 / 3.0).abs() < 1e-12, "{r:?}");
        assert_eq!(r.rouge2, 0.0);
        assert!((r.rouge_l - 1.0 / 3.0).abs() < 1e-12, "{r:?}");
        // Stemming: "walked" and "walks" meet.
        assert_eq!(rouge(&t("he walked"), &t("He walks")).rouge1, 1.0);
    }

    #[test]
    fn empty_texts_score_zero_and_means_divide() {
        assert_eq!(rouge(&[], &t("a b")), Rouge::default());
        assert_eq!(rouge(&t("a b"), &[]), Rouge::default());
        assert_eq!(rouge_n(&t("a"), &t("a"), 2), 0.0);
        let mut sum = rouge(&t("a b"), &t("a b"));
        sum += Rouge::default();
        assert_eq!(
            sum.mean(2),
            Rouge {
                rouge1: 0.5,
                rouge2: 0.5,
                rouge_l: 0.5
            }
        );
    }

    #[test]
    fn leads_go_round_robin_and_are_cut() {
        let lexicon_free = |id: &str, text: &str| {
            let mut a = parallax_model::Article::new(id, text);
            a.title = Some(format!("Headline {id}"));
            parallax_read::read_article(&a, &parallax_read::Lexicon::builtin())
        };
        let a = lexicon_free("a", "One two three. Four five.");
        let b = lexicon_free("b", "Six seven. Eight.");
        let both = [&a, &b];
        assert_eq!(lead_tokens(&both, 4), t("one two three six"));
        assert_eq!(lead_tokens(&both, 6), t("one two three six seven four"));
        // Fewer words than asked: all of them.
        assert_eq!(lead_tokens(&both, 100).len(), 8);
        assert!(lead_tokens(&both, 0).is_empty());
    }
}
