//! Scare quotes: quotation marks the writer puts around words nobody in the article is quoted
//! as saying, to doubt them. Around a country, a group or an institution they question its name
//! ('Israel'); around a common word or two they doubt the thing itself (the so-called
//! "caravan", his "investigation").
//!
//! Most short quotations in news are someone's words, so a quoted word counts only when
//! nothing in the sentence attributes it: no reporting verb, no person acting, no "as a …"
//! characterisation, and no longer quotation of the article containing it; and only a noun
//! after a determiner ("the", "his", "so-called"), not a quoted modifier of a term ("the
//! "contested convention" scenario").

use std::ops::Range;

use parallax_model::EntityKind;
use parallax_text::{is_stopword, Token, TokenKind, WordList};

use super::voice::Voice;

/// Words before a quoted noun that make it the writer's own phrase ("his "investigation"").
static DETERMINERS: WordList = WordList::new(include_str!("../../data/determiners.txt"));
/// Pronouns of people acting in the sentence, who may be the ones quoted.
static SPEAKER_PRONOUNS: WordList = WordList::new(include_str!("../../data/speaker-pronouns.txt"));
/// Verbs that may follow a quoted noun.
static FOLLOWERS: WordList = WordList::new(include_str!("../../data/scare-quote-followers.txt"));

/// The most words a scare-quoted phrase has; longer quoted phrases are quotations.
const MAX_WORDS: usize = 2;

/// Scare-quoted names and words of the sentence, with their quotation marks. `quotations` are
/// the article's quoted passages, lower-cased.
pub(super) fn scare_quotes(v: &Voice<'_>, quotations: &[String]) -> Vec<String> {
    let text = v.text();
    // Around a person-like phrase quotation marks mostly mark a title or a nickname ("Happy
    // Birthday", "The Tiger"), which is not framing.
    let mut out: Vec<String> = v
        .mentions
        .iter()
        .filter(|m| m.scare_quoted && m.kind != EntityKind::Person)
        .map(|m| text[m.span.start.saturating_sub(1)..(m.span.end + 1).min(text.len())].to_string())
        .collect();
    for r in &v.quoted {
        if let Some(marked) = marked_phrase(text, r) {
            if doubts_word(v, r, quotations) {
                out.push(text[marked].to_string());
            }
        }
    }
    out
}

/// The range with its quotation marks, when both marks are in this sentence.
fn marked_phrase(text: &str, r: &Range<usize>) -> Option<Range<usize>> {
    let open = if text[..r.start].ends_with("''") {
        2
    } else if text[..r.start].ends_with(['"', '\'']) {
        1
    } else {
        return None;
    };
    let close = if text[r.end..].starts_with("''") {
        2
    } else if text[r.end..].starts_with(['"', '\'']) {
        1
    } else {
        return None;
    };
    Some(r.start - open..r.end + close)
}

/// Whether the quoted range `r` is a word or two the writer doubts.
fn doubts_word(v: &Voice<'_>, r: &Range<usize>, quotations: &[String]) -> bool {
    let toks = &v.toks;
    let inside: Vec<usize> = (0..toks.len())
        .filter(|&i| toks[i].start >= r.start && toks[i].end <= r.end)
        .collect();
    let (Some(&first), Some(&last)) = (inside.first(), inside.last()) else {
        return false;
    };
    if inside.len() > MAX_WORDS
        || inside.iter().any(|&i| toks[i].kind != TokenKind::Word)
        || !toks[first].text.starts_with(char::is_lowercase)
    {
        return false;
    }
    let words_before: Vec<&Token<'_>> = toks[..first]
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .collect();
    let after_determiner = match words_before.as_slice() {
        [.., before, det] => {
            det.text == "so-called" || DETERMINERS.contains(&det.lower()) && before.lower() != "as"
        }
        [det] => DETERMINERS.contains(&det.lower()),
        [] => false,
    };
    let phrase = v.text()[r.clone()].to_lowercase();
    after_determiner
        && !attributed(v)
        && noun_follows(toks.iter().skip(last + 1).find(|t| !is_mark(t)))
        && !quotations
            .iter()
            .any(|q| q.len() > phrase.len() && q.contains(&phrase))
}

/// Something in the sentence may say whose word it is: reported speech, a person, a pronoun.
fn attributed(v: &Voice<'_>) -> bool {
    !v.reported.is_empty()
        || v.mentions.iter().any(|m| m.kind == EntityKind::Person)
        || v.toks.iter().any(|t| SPEAKER_PRONOUNS.contains(&t.lower()))
}

/// Whether the word after the quotation can follow a noun: nothing, punctuation, a function
/// word or a verb.
fn noun_follows(next: Option<&Token<'_>>) -> bool {
    next.is_none_or(|t| {
        let w = t.lower();
        t.kind != TokenKind::Word || is_stopword(&w) || FOLLOWERS.contains(&w) || w.ends_with("ed")
    })
}

fn is_mark(t: &Token<'_>) -> bool {
    matches!(t.text, "\"" | "'")
}
