//! Line rules: which lines of an article are page furniture, which read as a headline or a
//! section heading. About the shape of news pages in general (widget labels, comment forms,
//! notes about the article itself), never about particular lines.

use crate::sentences::is_bullet;
use crate::tokens::{tokenize, TokenKind};
use crate::wordlist::WordList;

/// Labels of page furniture: a short line that starts with one of these is not article text.
static WIDGET_PREFIXES: WordList = WordList::new(include_str!("../data/widget-prefixes.txt"));
/// Phrases of comment forms and similar page text, wherever they appear in a short line.
static FORM_PHRASES: WordList = WordList::new(include_str!("../data/form-phrases.txt"));
/// A line that talks about the article rather than the news ("this article's audio").
static META_SUBJECTS: WordList = WordList::new(include_str!("../data/meta-subjects.txt"));
static META_VERBS: WordList = WordList::new(include_str!("../data/meta-verbs.txt"));

/// The headline of an article: the title it came with, or else its first non-empty line when
/// that reads as a headline ([`reads_as_headline`]).
pub fn headline_of<'a>(title: Option<&'a str>, text: &'a str) -> Option<&'a str> {
    title.or_else(|| {
        let first = text.lines().find(|l| !l.trim().is_empty())?.trim();
        reads_as_headline(first).then_some(first)
    })
}

pub fn words(line: &str) -> Vec<&str> {
    tokenize(line)
        .into_iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .map(|t| t.text)
        .collect()
}

pub fn same_words(a: &str, b: &str) -> bool {
    let a: Vec<String> = words(a).iter().map(|w| w.to_lowercase()).collect();
    let b: Vec<String> = words(b).iter().map(|w| w.to_lowercase()).collect();
    !a.is_empty() && a == b
}

pub fn ends_sentence(line: &str) -> bool {
    let end = line.trim_end_matches(['"', '\'', ')', ']', ' ']);
    end.ends_with(['.', '!', '?', ':', ';', ','])
}

/// Share of the words that start with a capital letter, ignoring short function words.
fn title_case_ratio(words: &[&str]) -> f64 {
    let ws: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| w.len() > 3 || w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    if ws.is_empty() {
        return 0.0;
    }
    let caps = ws
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
        .count();
    caps as f64 / ws.len() as f64
}

/// Words beyond which a title ending like a sentence reads as an article's first sentence.
const SENTENCE_TITLE_WORDS: usize = 14;

/// How well a headline is supported by the articles it heads: the support of its content terms
/// (`share` of a stemmed term: how much of the story carries it), summed and divided by the
/// square root of their number, so that a longer headline gains only by words the story shares.
/// A title that reads as a body sentence (more than [`SENTENCE_TITLE_WORDS`] words and ending
/// like a sentence) counts half: archives often give an article's first sentence as its title,
/// and a reader wants a headline, while a short title with a full stop is still one. The one
/// scoring rule behind every choice of a story's headline.
pub fn headline_support(headline: &str, share: impl Fn(&str) -> f64) -> f64 {
    let terms = crate::terms::content_terms(headline);
    let total: f64 = terms.iter().map(|t| share(t)).sum();
    let sentence = ends_sentence(headline) && words(headline).len() > SENTENCE_TITLE_WORDS;
    let shape = if sentence { 0.5 } else { 1.0 };
    shape * total / (terms.len() as f64).sqrt().max(1.0)
}

/// Headline style: nearly every word of four or more letters capitalised (at least three such
/// words, four in five capitalised).
pub fn is_title_case(text: &str) -> bool {
    let (mut long, mut capital) = (0, 0);
    for w in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().nth(3).is_some())
    {
        long += 1;
        capital += usize::from(w.starts_with(char::is_uppercase));
    }
    long >= 3 && capital * 5 >= long * 4
}

/// A first line is a headline unless it reads as a body sentence: long and ending in a full stop.
pub fn reads_as_headline(line: &str) -> bool {
    headline_words(line, &words(line))
}

pub fn headline_words(line: &str, ws: &[&str]) -> bool {
    let n = ws.len();
    if n == 0 || is_bullet(line).is_some() {
        return false;
    }
    if !ends_sentence(line) {
        return n <= 30;
    }
    // Ends like a sentence: only a short, title-cased line still reads as a headline.
    n <= 14 && title_case_ratio(ws) >= 0.75 && !line.trim_end().ends_with(',')
}

/// A section heading: short, not ending like a sentence, mostly capitalised.
pub fn reads_as_heading(line: &str, ws: &[&str]) -> bool {
    let n = ws.len();
    n > 0
        && n <= 14
        && is_bullet(line).is_none()
        && !ends_sentence(line)
        && !line.contains('"')
        && title_case_ratio(ws) >= 0.6
}

pub fn is_boilerplate(line: &str) -> bool {
    boilerplate_words(line, &words(line))
}

pub fn boilerplate_words(line: &str, ws: &[&str]) -> bool {
    let n = ws.len();
    if n > 30 {
        return false; // page furniture is short
    }
    let lower = line.to_lowercase();
    if n == 0 {
        return true; // rules, dots, lone symbols
    }
    if n <= 12 && WIDGET_PREFIXES.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    if n <= 25 && FORM_PHRASES.iter().any(|p| lower.contains(p)) {
        // "list of" only as a widget: "list of 3 items".
        return !lower.contains("list of") || lower.contains("items");
    }
    n <= 30
        && META_SUBJECTS.iter().any(|s| lower.contains(s))
        && META_VERBS.iter().any(|v| lower.contains(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_or_body_first_line() {
        assert!(reads_as_headline(
            "Kazakhstan says will join Abraham Accords"
        ));
        assert!(reads_as_headline(
            "Kazakhstan Joins Abraham Accords with Israel: A Symbolic Move"
        ));
        assert!(!reads_as_headline(
            "The Central Asian country, which established formal relations with Israel in 1992, said it was a \"natural thing\" to join the agreement."
        ));
        assert!(!reads_as_headline("- A bullet point"));
    }

    #[test]
    fn boilerplate_by_shape() {
        for line in [
            "Recommended stories",
            "list of 3 itemsend of list",
            "Leave a Reply",
            "Your email address will not be published. Required fields are marked *",
            "Note: AI technology was used to generate this article's audio.",
            "Read more: Markets fall",
            "(Reporting by Jane Roe; Editing by John Doe)",
            "***",
        ] {
            assert!(is_boilerplate(line), "{line}");
        }
        for line in [
            "The agency said it would subscribe to the new rules by Friday, officials said.",
            "Kazakhstan announced Thursday that it will join the Abraham Accords.",
            "He published a list of demands on Monday.",
        ] {
            assert!(!is_boilerplate(line), "{line}");
        }
    }

    #[test]
    fn the_headline_is_the_title_or_a_first_line_that_reads_as_one() {
        assert_eq!(
            headline_of(Some("Given"), "Storm Hits Coast\nBody."),
            Some("Given")
        );
        assert_eq!(
            headline_of(None, "\n  Storm Hits Coast \nBody."),
            Some("Storm Hits Coast")
        );
        let body = "The storm, which formed on Monday over warm water far from any coast, hit the town late on Tuesday night and flooded the harbour.";
        assert_eq!(headline_of(None, body), None);
    }

    #[test]
    fn title_case_is_nearly_every_long_word_capitalised() {
        assert!(is_title_case(
            "Storm Ida Hits Coast Overnight, Thousands Without Power"
        ));
        assert!(!is_title_case(
            "The storm hit the coast overnight, the Utility said."
        ));
    }

    #[test]
    fn a_headline_is_supported_by_the_words_its_story_shares() {
        let share = |t: &str| match t {
            "quak" => 1.0,
            "chile" => 0.8,
            _ => 0.0,
        };
        let plain = headline_support("Quake hits Chile", share);
        let padded = headline_support("Quake hits Chile, officials say, amid fears", share);
        assert!(plain > padded && padded > headline_support("Officials meet", share));
        assert_eq!(headline_support("", share), 0.0);
        let sentence = "The quake hit Chile on Monday, and rescuers searched the rubble through the night for survivors, officials said.";
        assert!(headline_support(sentence, share) < plain / 2.0);
        // Feeds often end a short headline with a full stop; it is still a headline.
        assert_eq!(headline_support("Quake hits Chile.", share), plain);
    }
}
