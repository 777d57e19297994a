//! Which wording of a fact to show: the least loaded one — no scare quotes or distancing words,
//! few loaded terms, a whole sentence that reads on its own.

use parallax_model::{FramingKind, ReadArticle};
use parallax_text::lines::is_title_case;
use parallax_text::{ends_with_stop, WordList};

/// Sentences that open with these need earlier sentences to make sense.
static DEPENDENT_OPENERS: WordList = WordList::new(include_str!("../data/dependent-openers.txt"));

/// How loaded a sentence is: framing marks weigh most; quotes and length a little.
pub fn loadedness(article: &ReadArticle, sentence: usize) -> f64 {
    let words = article.sentences[sentence].words.len() as f64;
    marks(article, sentence) + (words / 40.0)
}

/// What speaks against a wording whatever its length: framing marks, quotation marks, a
/// dependent opening, no closing stop.
pub fn marks(article: &ReadArticle, sentence: usize) -> f64 {
    let s = &article.sentences[sentence];
    let marks: f64 = article
        .framing
        .iter()
        .filter(|f| f.sentence == sentence)
        .map(|f| match f.kind {
            FramingKind::ScareQuote | FramingKind::Distancing => 3.0,
            FramingKind::Loaded => 2.0,
        })
        .sum();
    let quoted = if s.text.contains('"') { 1.0 } else { 0.0 };
    let dependent = if opens_dependent(&s.text) { 1.5 } else { 0.0 };
    // A line with no closing stop is a headline or kicker repeated in the body ("Navy foils
    // pirate attack") or a broken sentence: the brief wants whole sentences.
    let unfinished = if ends_with_stop(&s.text) && !is_title_case(&s.text) {
        0.0
    } else {
        2.0
    };
    marks + quoted + dependent + unfinished
}

pub fn opens_dependent(text: &str) -> bool {
    let lower = text.trim_start_matches(['"', '\'']).to_lowercase();
    DEPENDENT_OPENERS
        .iter()
        .any(|o| lower.starts_with(o) && lower[o.len()..].starts_with([' ', ',', '\'']))
}

/// The least loaded of several (article, sentence) wordings; ties go to the earliest.
pub fn least_loaded(
    candidates: impl Iterator<Item = (usize, usize)>,
    articles: &[&ReadArticle],
) -> (usize, usize) {
    candidates
        .map(|(a, s)| (loadedness(articles[a], s), s, a))
        .min_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)))
        .map(|(_, s, a)| (a, s))
        .unwrap_or((0, 0))
}
