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

use parallax_model::{EntityKind, Mention};
use parallax_text::{is_stopword, Token, TokenKind, WordList};

use super::voice::Voice;

/// Words before a quoted noun that make it the writer's own phrase ("his "investigation"").
static DETERMINERS: WordList = WordList::new(include_str!("../../data/determiners.txt"));
/// Pronouns of people acting in the sentence, who may be the ones quoted.
static SPEAKER_PRONOUNS: WordList = WordList::new(include_str!("../../data/speaker-pronouns.txt"));
/// Verbs that may follow a quoted noun.
static FOLLOWERS: WordList = WordList::new(include_str!("../../data/scare-quote-followers.txt"));
/// Words before a quoted name that show it is talked about ("the term "Palestine"").
static USE_MENTION_CUES: WordList = WordList::new(include_str!("../../data/use-mention-cues.txt"));

/// The most words a scare-quoted phrase has: two quoted words are mostly a term or a quotation
/// ("dry port", "expectations game").
const MAX_WORDS: usize = 1;
/// How far before a quoted name a word may show that the name is talked about ("words such as
/// "ambassador," "attack," "Libya"").
const CUE_WINDOW: usize = 6;

/// Scare-quoted names and words of the sentence, with their quotation marks. `quotations` are
/// the article's quoted passages, lower-cased.
pub(super) fn scare_quotes(v: &Voice<'_>, quotations: &[String]) -> Vec<String> {
    let text = v.text();
    let mut out: Vec<String> = v
        .mentions
        .iter()
        .filter(|m| m.scare_quoted && doubts_name(v, m))
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

/// Whether a quoted name is doubted: a country, a government, or a body or place of one word
/// (around a person-like phrase, an outlet, an event, an agreement or a longer name the marks
/// show a title or a nickname: "Happy Birthday", "Meet the Press"), not a modifier of the noun
/// after it ("the "Broad City" star"), not a name talked about ("the term "Palestine""), and
/// not inside someone's quotation.
fn doubts_name(v: &Voice<'_>, m: &Mention) -> bool {
    let toks = &v.toks;
    let Some(first) = toks.iter().position(|t| t.start >= m.span.start) else {
        return false;
    };
    let last = toks
        .iter()
        .rposition(|t| t.end <= m.span.end)
        .unwrap_or(first);
    let cue_before = toks[..first]
        .iter()
        .rev()
        .filter(|t| t.kind == TokenKind::Word)
        .take(CUE_WINDOW)
        .any(|t| USE_MENTION_CUES.contains(&t.lower()));
    let next = toks.iter().skip(last + 1).find(|t| !is_mark(t));
    let modifies =
        next.is_some_and(|t| t.text.starts_with(char::is_lowercase)) && !noun_follows(next);
    // A body's or place's name of several words or in capitals is mostly a title ("Eat The
    // Press", "SNL"); a country's is its name.
    let one_word = first == last && !toks[first].is_all_caps();
    let doubtable = match m.kind {
        EntityKind::Country | EntityKind::Government => true,
        EntityKind::Organisation | EntityKind::Place => one_word,
        _ => false,
    };
    // Inside someone's quotation the marks are theirs.
    let in_quotation = v
        .quoted
        .iter()
        .any(|r| r.start < m.span.start.saturating_sub(1) && m.span.start < r.end);
    doubtable && !cue_before && !modifies && !in_quotation
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
