//! How common a word is in English: a background for IDF when a set of articles is too small to
//! say which words are common (three reports of a story share "Sanders" and "panic"; only a
//! background tells that "panic" is rarer than "Democratic"). From wordfreq's English list
//! (`data/english-frequencies.txt`, CC BY-SA 4.0, see DATA-LICENSES.md): every word used at
//! least once per million words.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use crate::stem::stem;
use crate::wordlist::entries;

static TABLE: &str = include_str!("../data/english-frequencies.txt");

/// Stems and their frequency: the sum over the listed words with that stem.
fn stems() -> &'static HashMap<String, f32> {
    static STEMS: OnceLock<HashMap<String, f32>> = OnceLock::new();
    STEMS.get_or_init(|| {
        let mut out: HashMap<String, f32> = HashMap::default();
        for line in entries(TABLE) {
            let Some((word, centibels)) = line.split_once(' ') else {
                continue;
            };
            let Ok(cb) = centibels.parse::<f32>() else {
                continue;
            };
            *out.entry(stem(word)).or_default() += 10f32.powf(-cb / 100.0);
        }
        out
    })
}

/// The share of English running text that is a word with this stem (as [`stem`] gives it);
/// 0 for stems rarer than once per million words (most names, every number).
pub fn stem_frequency(stem: &str) -> f32 {
    stems().get(stem).copied().unwrap_or(0.0)
}

/// The share of documents of `words` words expected to contain a stem, from its frequency in
/// English: 1 − e^(−words · frequency).
pub fn document_share(stem: &str, words: f32) -> f32 {
    1.0 - (-words * stem_frequency(stem)).exp()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_are_common_and_names_rare() {
        let f = |w: &str| stem_frequency(&stem(w));
        assert!(f("the") > 0.03, "{}", f("the"));
        assert!(f("said") > f("panic") && f("panic") > f("inked"));
        assert!(f("democratic") > f("panic"));
        assert_eq!(f("quidorsa"), 0.0);
        assert_eq!(f("2020"), 0.0);
        // Inflections meet at their stem: "countries" adds to "country".
        assert!(f("countries") > 0.0 && f("countries") == f("country"));
        assert!(document_share(&stem("the"), 100.0) > 0.95);
        assert!(document_share(&stem("memorandum"), 100.0) < 0.01);
        assert_eq!(document_share("quidorsa", 100.0), 0.0);
    }
}
