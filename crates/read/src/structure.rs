//! Line roles (headline, heading, byline, boilerplate, body) and sentence splitting.
//!
//! The rules are about the shape of news pages in general — widget labels, comment forms,
//! notes about the article itself, a name alone at the end — never about particular lines.

use std::ops::Range;

use parallax_model::{Line, LineRole};

use crate::text::{tokenize, TokenKind};

/// Labels of page furniture: a short line that starts with one of these is not article text.
const WIDGET_PREFIXES: &[&str] = &[
    "recommended",
    "related",
    "read more",
    "read also",
    "also read",
    "read next",
    "more from",
    "more stories",
    "most read",
    "most popular",
    "top stories",
    "you may also like",
    "you might also like",
    "trending",
    "advertisement",
    "sponsored",
    "sign up",
    "subscribe",
    "newsletter",
    "follow us",
    "share this",
    "share on",
    "click here",
    "leave a reply",
    "leave a comment",
    "comments",
    "skip to",
    "cookie",
    "privacy policy",
    "terms of",
    "all rights reserved",
    "copyright",
    "\u{a9}",
    "listen to this article",
    "watch:",
    "photo:",
    "image:",
    "video:",
    "getty images",
    "editor's picks",
    "back to top",
    "tags:",
    "filed under",
    "posted in",
    "loading",
    "advert",
    "continue reading",
    "show comments",
    "report an error",
    "reporting by",
    "(reporting by",
    "editing by",
    "additional reporting",
    "see also",
];

/// Phrases of comment forms and similar page text, wherever they appear in a short line.
const FORM_PHRASES: &[&str] = &[
    "email address will not be published",
    "required fields are marked",
    "list of",
    "end of list",
    "all rights reserved",
    "javascript is disabled",
    "enable javascript",
];

/// A line that talks about the article rather than the news ("this article's audio").
const META_SUBJECTS: &[&str] = &[
    "this article",
    "this story",
    "this report",
    "article's",
    "this page",
];
const META_VERBS: &[&str] = &[
    "audio",
    "generated",
    "ai technology",
    "updated",
    "corrected",
    "contributed",
    "listen",
    "originally appeared",
    "first published",
    "was produced",
    "translated",
    "read time",
];

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt", "Capt", "St",
    "Jr", "Sr", "No", "vs", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
    "Nov", "Dec", "Mt", "Ft", "Ave", "Blvd", "approx", "est", "dept", "Adm", "Cpl", "Maj", "Rev",
    "Hon", "Pres", "Gov", "Supt", "Det", "Insp", "Sec", "Corp", "Inc", "Ltd", "Co", "etc",
    "Messrs",
];

/// Abbreviations that often end a sentence too; after them we split before a typical opener.
const SENTENCE_FINAL_ABBREVIATIONS: &[&str] = &["Inc", "Corp", "Ltd", "Co", "etc"];

/// Words that typically open a sentence; used to split after "U.S." and "Inc.".
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "In",
    "On",
    "At",
    "And",
    "However",
    "Meanwhile",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "As",
    "Some",
    "Many",
    "Officials",
    "According",
];

/// Lines with roles, the headline, and the removed lines, for one article.
#[derive(Debug, Clone, PartialEq)]
pub struct Structure {
    pub lines: Vec<Line>,
    pub headline: Option<String>,
    pub removed: Vec<String>,
    /// Names taken from bylines ("By Jane Roe", a name alone at the end).
    pub byline_names: Vec<String>,
}

/// Give each line of `text` a role. `title` is the headline the input carried separately.
pub fn structure(text: &str, title: Option<&str>) -> Structure {
    let mut spans: Vec<Range<usize>> = Vec::new();
    let mut offset = 0;
    for raw in text.split('\n') {
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        if !trimmed.is_empty() {
            spans.push(offset + lead..offset + lead + trimmed.len());
        }
        offset += raw.len() + 1;
    }
    let mut lines = Vec::with_capacity(spans.len());
    let mut removed = Vec::new();
    let mut byline_names = Vec::new();
    let mut headline = title.map(str::to_string);
    let last_index = spans.len().saturating_sub(1);
    for (i, span) in spans.iter().enumerate() {
        let line = &text[span.clone()];
        let ws = words(line);
        let role = if boilerplate_words(line, &ws) {
            LineRole::Boilerplate
        } else if i == 0 && title.is_none() && headline_words(line, &ws) {
            headline = Some(line.to_string());
            LineRole::Headline
        } else if title.is_some_and(|t| same_words(t, line)) {
            LineRole::Heading
        } else if let Some(name) = byline_name(line, &ws, i == last_index && i > 0) {
            byline_names.push(name);
            LineRole::Byline
        } else if i < last_index && reads_as_heading(line, &ws) {
            LineRole::Heading
        } else {
            LineRole::Body
        };
        if matches!(role, LineRole::Boilerplate | LineRole::Byline) {
            removed.push(line.to_string());
        }
        lines.push(Line {
            role,
            span: span.clone(),
        });
    }
    Structure {
        lines,
        headline,
        removed,
        byline_names,
    }
}

fn words(line: &str) -> Vec<&str> {
    tokenize(line)
        .into_iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .map(|t| t.text)
        .collect()
}

fn same_words(a: &str, b: &str) -> bool {
    let a: Vec<String> = words(a).iter().map(|w| w.to_lowercase()).collect();
    let b: Vec<String> = words(b).iter().map(|w| w.to_lowercase()).collect();
    !a.is_empty() && a == b
}

fn ends_sentence(line: &str) -> bool {
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

/// A first line is a headline unless it reads as a body sentence: long and ending in a full stop.
pub fn reads_as_headline(line: &str) -> bool {
    headline_words(line, &words(line))
}

fn headline_words(line: &str, ws: &[&str]) -> bool {
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
fn reads_as_heading(line: &str, ws: &[&str]) -> bool {
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

fn boilerplate_words(line: &str, ws: &[&str]) -> bool {
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

/// "By Jane Roe and John Doe", or (at the end of the article) a name alone: "Sara Khaled".
fn byline_name(line: &str, toks: &[&str], is_last: bool) -> Option<String> {
    let (candidate, explicit) = match toks.first() {
        Some(&"By") | Some(&"by") if toks.len() >= 2 && toks.len() <= 10 => (&toks[1..], true),
        _ if is_last => (toks, false),
        _ => return None,
    };
    if ends_sentence(line) && !explicit {
        return None;
    }
    let is_name_word = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase) && !w.chars().any(|c| c.is_ascii_digit())
            || matches!(
                *w,
                "and" | "de" | "van" | "von" | "al" | "bin" | "da" | "del"
            )
    };
    let ok = (2..=if explicit { 9 } else { 4 }).contains(&candidate.len())
        && candidate.iter().all(is_name_word)
        && !candidate
            .iter()
            .any(|w| crate::lexicon::gazetteer().get(w).is_some());
    ok.then(|| candidate.join(" "))
}

/// The byte length of a list marker at the start of a line ("- ", "• ", "1. "), if any.
pub fn is_bullet(line: &str) -> Option<usize> {
    for marker in [
        "- ",
        "* ",
        "\u{2022} ",
        "\u{00B7} ",
        "\u{25AA} ",
        "\u{25E6} ",
        "\u{2023} ",
        "\u{25CF} ",
    ] {
        if let Some(rest) = line.strip_prefix(marker) {
            return Some(line.len() - rest.trim_start().len());
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &line[digits..];
        if rest.starts_with(". ") || rest.starts_with(") ") {
            let body = rest[2..].trim_start();
            return Some(line.len() - body.len());
        }
    }
    None
}

/// Split one line into sentence byte ranges (relative to the line).
pub fn split_sentences(line: &str) -> Vec<Range<usize>> {
    let start = is_bullet(line).unwrap_or(0);
    let bytes = line.as_bytes();
    let balanced_quotes = line.bytes().filter(|&b| b == b'"').count() % 2 == 0;
    let mut in_quote = false;
    let mut out = Vec::new();
    let mut sentence_start = start;
    let mut i = start;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'"' && balanced_quotes {
            in_quote = !in_quote;
        }
        if matches!(b, b'.' | b'!' | b'?') {
            // Run of terminal punctuation, then closing quotes or brackets.
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b'.' | b'!' | b'?') {
                j += 1;
            }
            let mut closes_quote = false;
            while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')' | b']') {
                if bytes[j] == b'"' && balanced_quotes {
                    closes_quote = in_quote;
                    in_quote = !in_quote;
                }
                j += 1;
            }
            let next_start = j + line[j..].len() - line[j..].trim_start().len();
            let has_space = next_start > j;
            let still_quoted = in_quote && !closes_quote;
            if has_space
                && !still_quoted
                && next_start < bytes.len()
                && starts_sentence(&line[next_start..])
                && (b != b'.' || !is_abbreviation(&line[sentence_start..i], &line[next_start..]))
            {
                out.push(sentence_start..j);
                sentence_start = next_start;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if sentence_start < line.len() && !line[sentence_start..].trim().is_empty() {
        out.push(sentence_start..line.len());
    }
    out
}

fn starts_sentence(rest: &str) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() || c.is_ascii_digit() => true,
        Some('"' | '\'' | '(' | '[') => chars
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()),
        _ => false,
    }
}

/// Does the text before a full stop end in an abbreviation (given what follows)?
fn is_abbreviation(before: &str, after: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
        .next()
        .unwrap_or("");
    let next_word = after
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_start_matches(['"', '(']);
    let opener = OPENERS.contains(&next_word);
    if SENTENCE_FINAL_ABBREVIATIONS.contains(&word) {
        return !opener;
    }
    if ABBREVIATIONS.contains(&word) {
        return true;
    }
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    // An initial ("John F. Kennedy").
    if letters.len() == 1 && word.len() == 1 && letters[0].is_uppercase() {
        return true;
    }
    // A dotted abbreviation ("U.S.", "a.m."): ends a sentence only before a typical opener.
    if word.contains('.')
        && letters.len() <= 4
        && word.chars().all(|c| c.is_alphabetic() || c == '.')
    {
        return !opener;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(line: &str) -> Vec<&str> {
        split_sentences(line)
            .into_iter()
            .map(|r| &line[r])
            .collect()
    }

    #[test]
    fn splits_on_terminal_punctuation() {
        assert_eq!(
            sentences("One thing. Two things! Three?"),
            ["One thing.", "Two things!", "Three?"]
        );
    }

    #[test]
    fn keeps_abbreviations_initials_and_decimals() {
        assert_eq!(
            sentences("Dr. Smith met U.S. officials on Jan. 5 and paid $3.5 million. John F. Kennedy agreed."),
            ["Dr. Smith met U.S. officials on Jan. 5 and paid $3.5 million.", "John F. Kennedy agreed."]
        );
        assert_eq!(
            sentences("He went back to the U.S. The trip was long."),
            ["He went back to the U.S.", "The trip was long."]
        );
    }

    #[test]
    fn quotations_stay_whole() {
        assert_eq!(
            sentences("\"It is big. We are going tonight,\" Witkoff said. Then he left."),
            [
                "\"It is big. We are going tonight,\" Witkoff said.",
                "Then he left."
            ]
        );
        assert_eq!(
            sentences("The government said \"it is natural.\" Others disagreed."),
            [
                "The government said \"it is natural.\"",
                "Others disagreed."
            ]
        );
    }

    #[test]
    fn bullets_lose_their_marker() {
        assert_eq!(
            sentences("- Kazakhstan joins. It is new."),
            ["Kazakhstan joins.", "It is new."]
        );
        assert_eq!(sentences("\u{2022} Enhanced trade"), ["Enhanced trade"]);
        assert_eq!(sentences("2. Second item."), ["Second item."]);
    }

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
    fn roles_of_a_page() {
        let text = "A Big Headline Here\nBy Jane Roe\nFirst body sentence is here. Second one.\nBackground on the Deal\nMore body text follows here.\nRecommended stories\nJane Roe";
        let s = structure(text, None);
        let roles: Vec<LineRole> = s.lines.iter().map(|l| l.role).collect();
        assert_eq!(
            roles,
            [
                LineRole::Headline,
                LineRole::Byline,
                LineRole::Body,
                LineRole::Heading,
                LineRole::Body,
                LineRole::Boilerplate,
                LineRole::Byline
            ]
        );
        assert_eq!(s.headline.as_deref(), Some("A Big Headline Here"));
        assert_eq!(
            s.removed,
            ["By Jane Roe", "Recommended stories", "Jane Roe"]
        );
        assert_eq!(s.byline_names, ["Jane Roe", "Jane Roe"]);
    }

    #[test]
    fn given_title_repeated_in_text_is_not_body() {
        let s = structure(
            "Big News Today\nBody sentence here.",
            Some("Big news today"),
        );
        assert_eq!(s.lines[0].role, LineRole::Heading);
        assert_eq!(s.lines[1].role, LineRole::Body);
    }
}
