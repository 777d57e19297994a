//! Light features for story clustering: cheap enough for thousands of articles per second
//! (no full reading), specific enough to tell two events of the same kind apart.
//!
//! - content words of the headline (weight 2), the lead's first sentence (weight 3) and the rest
//!   of the lead (weight 1), stemmed: the first sentence says what happened;
//! - years and other figures, which separate the 2008 earthquake from the 2013 one.
//!
//! Names are words like the others: "Reid" and "Lohan" separate two rehab stories through their
//! stems. Counting capitalised words and their pairs a second time as name features (as an
//! earlier version did) weighed names twice; without them every real development set grouped
//! better (see docs/experiments.md, 2026-11-30).
//!
//! A feature's weight is the square root of its count: a word repeated five times ("police",
//! "police", …) is evidence of one topic, not five, and must not outweigh the rarer words two
//! reports of one event share.

use std::hash::{Hash, Hasher};

use chrono::NaiveDate;
use parallax_text::{
    ends_with_stop, headline_of, is_stopword, split_sentences, stem_cow, tokenize, TokenKind,
};
use rustc_hash::FxHashMap as HashMap;

/// Words of the body read for features: the lead says what the event is.
pub const LEAD_WORDS: usize = 250;
const HEADLINE_WEIGHT: f32 = 2.0;
const FIRST_SENTENCE_WEIGHT: f32 = 3.0;
const YEAR_WEIGHT: f32 = 2.0;
const NUMBER_WEIGHT: f32 = 1.0;

pub struct StoryInput<'a> {
    pub headline: Option<&'a str>,
    pub text: &'a str,
    pub date: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Features {
    /// Feature → raw weight (before IDF); sorted by feature for determinism.
    pub terms: Vec<(String, f32)>,
    pub date: Option<NaiveDate>,
}

pub fn features(input: &StoryInput<'_>) -> Features {
    let mut tf: HashMap<String, f32> = HashMap::default();
    let body = add_headline(&mut tf, input);
    add_lead(&mut tf, body);
    let mut terms: Vec<(String, f32)> = tf.into_iter().map(|(t, w)| (t, w.sqrt())).collect();
    terms.sort_by(|a, b| a.0.cmp(&b.0));
    Features {
        terms,
        date: input.date,
    }
}

/// Count the headline's content words; returns the text after the headline (the body).
fn add_headline<'a>(tf: &mut HashMap<String, f32>, input: &StoryInput<'a>) -> &'a str {
    let mut body = input.text;
    if let Some(h) = headline_of(input.headline, input.text) {
        if let Some(rest) = body.trim_start().strip_prefix(h) {
            body = rest;
        }
        let mut lower = String::new();
        for t in tokenize(h).iter().filter(|t| t.kind == TokenKind::Word) {
            lower_into(t.text, &mut lower);
            add_stem(tf, &lower, HEADLINE_WEIGHT);
        }
    }
    body
}

/// Count the features of the body's lead: the lines holding its first [`LEAD_WORDS`] words.
fn add_lead(tf: &mut HashMap<String, f32>, body: &str) {
    let mut words = 0;
    let mut first_sentence_seen = false;
    // One buffer for every word's lower case: this loop runs for every word of every lead.
    let mut lower = String::new();
    for line in body.lines() {
        if words >= LEAD_WORDS {
            break;
        }
        // Where the lead's first sentence ends: the first sentence that closes with a stop. Lines
        // before it without one (a dateline, a byline) count with it.
        let first_end = if first_sentence_seen {
            0
        } else {
            match split_sentences(line).first() {
                Some(r) if ends_with_stop(&line[r.clone()]) => {
                    first_sentence_seen = true;
                    r.end
                }
                _ => line.len(),
            }
        };
        words += add_line(tf, line, first_end, &mut lower);
    }
}

/// Count one line's stems and figures, those before byte `first_end` (the lead's first
/// sentence) with more weight; returns how many words and figures it holds.
fn add_line(
    tf: &mut HashMap<String, f32>,
    line: &str,
    first_end: usize,
    lower: &mut String,
) -> usize {
    let mut words = 0;
    for t in &tokenize(line) {
        let zone = if t.start < first_end {
            FIRST_SENTENCE_WEIGHT
        } else {
            1.0
        };
        match t.kind {
            TokenKind::Punct => {}
            TokenKind::Number => {
                add_figure(tf, t.text, zone);
                words += 1;
            }
            TokenKind::Word => {
                words += 1;
                lower_into(t.text, lower);
                let base = lower.strip_suffix("'s").unwrap_or(lower);
                add_stem(tf, base, zone);
            }
        }
    }
    words
}

/// Count a figure: a year weighs more than other numbers; single digits say little.
fn add_figure(tf: &mut HashMap<String, f32>, text: &str, zone: f32) {
    let digits: String = text
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let year = digits.len() == 4
        && digits
            .parse::<u32>()
            .is_ok_and(|y| (1900..=2100).contains(&y));
    if year {
        *tf.entry(format!("#{digits}")).or_default() += YEAR_WEIGHT * zone;
    } else if digits.len() >= 2 {
        *tf.entry(format!("#{digits}")).or_default() += NUMBER_WEIGHT * zone;
    }
}

/// Count a lower-case word's stem with `weight`, unless it is a stop word.
fn add_stem(tf: &mut HashMap<String, f32>, lower: &str, weight: f32) {
    let s = stem_cow(lower);
    if is_stopword(&s) {
        return;
    }
    // Most words repeat a feature the article already has: no new key.
    match tf.get_mut(s.as_ref()) {
        Some(w) => *w += weight,
        None => {
            tf.insert(s.into_owned(), weight);
        }
    }
}

/// `word` in lower case, into `out` (as `str::to_lowercase`, without allocating for ASCII).
fn lower_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.push_str(&word.to_lowercase());
    }
}

/// A 64-bit SimHash over word 3-shingles: near-identical texts differ in few bits.
pub fn simhash(text: &str) -> u64 {
    // Hash each word (a run of letters and digits) case-insensitively in one pass over the
    // characters, without the tokenizer: copy detection needs words, not their roles, and this
    // runs on every article's full text.
    let mut words: Vec<u64> = Vec::with_capacity(text.len() / 6);
    let mut h = rustc_hash::FxHasher::default();
    let mut in_word = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if c.is_ascii() {
                h.write_u32(c.to_ascii_lowercase() as u32);
            } else {
                c.to_lowercase().for_each(|l| h.write_u32(l as u32));
            }
            in_word = true;
        } else if in_word {
            words.push(std::mem::take(&mut h).finish());
            in_word = false;
        }
    }
    if in_word {
        words.push(h.finish());
    }
    majority_bits(words.windows(3).map(|w| {
        let mut h = rustc_hash::FxHasher::default();
        w.hash(&mut h);
        // Mix the bits: FxHash alone leaves low bits correlated for similar inputs.
        let mut x = h.finish();
        x ^= x >> 33;
        x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
        x ^ x >> 33
    }))
}

/// The bits set in more than half of the hashes (SimHash's "+1 / -1 and keep the positive"
/// vote). Counted eight bits per addition: byte j of `lanes[k]` counts bit 8j+k, and the bytes
/// are emptied into `ones` before they can overflow (bit by bit, this loop was the costliest
/// part of ingesting an article).
fn majority_bits(hashes: impl Iterator<Item = u64>) -> u64 {
    const LOW_BITS: u64 = 0x0101_0101_0101_0101;
    let mut ones = [0u32; 64];
    let mut lanes = [0u64; 8];
    let mut in_lanes = 0u32;
    let empty = |lanes: &mut [u64; 8], ones: &mut [u32; 64]| {
        for (k, lane) in lanes.iter_mut().enumerate() {
            for j in 0..8 {
                ones[8 * j + k] += (*lane >> (8 * j) & 0xff) as u32;
            }
            *lane = 0;
        }
    };
    let mut count = 0u32;
    for x in hashes {
        for (k, lane) in lanes.iter_mut().enumerate() {
            *lane += x >> k & LOW_BITS;
        }
        in_lanes += 1;
        if in_lanes == 255 {
            empty(&mut lanes, &mut ones);
            in_lanes = 0;
        }
        count += 1;
    }
    empty(&mut lanes, &mut ones);
    (0..64).fold(0, |acc, bit| acc | u64::from(2 * ones[bit] > count) << bit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_years_and_headline_terms() {
        let f = features(&StoryInput {
            headline: Some("Reid Enters Rehab"),
            text:
                "Reid Enters Rehab\nActress Tara Reid checked into Promises in 2008, her rep said.",
            date: None,
        });
        let has = |k: &str| f.terms.iter().any(|(t, _)| t == k);
        assert!(
            has("tara") && has("reid") && has("#2008") && has("rehab"),
            "{:?}",
            f.terms
        );
        assert!(
            !f.terms.iter().any(|(t, _)| t.starts_with('@')),
            "{:?}",
            f.terms
        );
    }

    #[test]
    fn the_first_sentence_weighs_most_and_repeats_count_less() {
        let f = features(&StoryInput {
            headline: Some("Storm Hits Coast"),
            // A dateline without a stop counts with the first sentence; "Mr." ends nothing.
            text: "Storm Hits Coast\nMarch 4, 2025\nMr. Alvarez said the storm flooded Valencia. \
                   Rescuers searched Valencia, Valencia and Valencia for flooded homes.",
            date: None,
        });
        let weight = |k: &str| {
            f.terms
                .iter()
                .find(|(t, _)| t == k)
                .map(|(_, w)| *w)
                .unwrap_or_else(|| panic!("no {k} in {:?}", f.terms))
        };
        // "Alvarez" is in the first sentence only, "searched" in the second only.
        assert!(weight("alvarez") > weight("search"), "{:?}", f.terms);
        assert!(
            weight("#2025") > 2.0,
            "the dateline year weighs as first sentence"
        );
        // Four mentions of Valencia weigh two, not four: sqrt(3 + 3 * 1).
        assert!(
            (weight("valencia") - 6f32.sqrt()).abs() < 1e-4,
            "{:?}",
            f.terms
        );
    }

    #[test]
    fn simhash_is_close_for_copies() {
        let a = "Heavy rain caused floods across Valencia on Tuesday, forcing thousands of residents to leave their homes, emergency services said on Wednesday morning. \
                 Rescue teams worked through the night to reach villages cut off by the water, and the regional government opened shelters in schools and sports halls. \
                 The national weather agency said more rain was expected over the weekend and kept its highest alert level for the coast south of the city. \
                 Train services between Valencia and Madrid were suspended, and the airport cancelled dozens of flights as the runway flooded. \
                 The prime minister said the army would send more units to help with the evacuation, and promised aid for farmers whose crops were destroyed.";
        let b = a.replace(
            "emergency services said on Wednesday",
            "emergency services told reporters on Wednesday",
        );
        let c = "A magnitude 7.1 earthquake struck northern Chile on Monday, killing three people near the port city of Iquique, officials said.";
        assert!((simhash(a) ^ simhash(&b)).count_ones() <= 12);
        assert!((simhash(a) ^ simhash(c)).count_ones() >= 20);
    }

    #[test]
    fn majority_bits_counts_as_the_plain_vote_does() {
        let plain = |hashes: &[u64]| {
            (0..64).fold(0u64, |acc, bit| {
                let set = hashes.iter().filter(|&&x| x >> bit & 1 == 1).count();
                acc | u64::from(2 * set > hashes.len()) << bit
            })
        };
        // Lengths around the 255 hashes after which the byte counters are emptied; all-ones
        // hashes fill every counter, so emptying too late would carry into the next bit.
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        for n in [0, 1, 2, 3, 10, 254, 255, 256, 257, 510, 600, 1500] {
            let mixed: Vec<u64> = (0..n)
                .map(|_| {
                    x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    x & x.rotate_left(17)
                })
                .collect();
            let ones = vec![u64::MAX; n];
            let halves: Vec<u64> = (0..n).map(|i| [u64::MAX, 0xf0f0][i % 2]).collect();
            for hashes in [mixed, ones, halves] {
                assert_eq!(
                    majority_bits(hashes.iter().copied()),
                    plain(&hashes),
                    "{n} hashes"
                );
            }
        }
    }
}
