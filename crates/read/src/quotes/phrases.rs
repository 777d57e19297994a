//! Where a speaker's phrase is around its verb: the subject before it ("Mr. Clyburn said", "The
//! lawyer, Mark D. Sheridan, said", "Zimmerman, who identifies as Hispanic, told"), the phrase
//! after it ("said Sen. Ben Sasse (R-Neb.), who opposed it"), as token positions; reading the
//! phrase is `speaker_phrase`'s job.

use parallax_text::{Token, TokenKind, WordList};

use super::coreference::Gender;
use super::doc::Doc;
use super::speaker_phrase::{Order, PHRASE_OPENERS};
use crate::wordlists::{COLLECTIVE_ACTORS, DETERMINERS, ROLE_NOUNS};

/// Auxiliaries and adverbs between a speaker and the verb ("X had also said"), left out of the
/// speaker phrase.
pub(super) static AUXILIARIES: WordList = WordList::new(include_str!("../../data/auxiliaries.txt"));
/// Words that end a speaker phrase after the verb ("said X in a statement").
static PHRASE_STOPS: WordList = WordList::new(include_str!("../../data/speaker-stops.txt"));
/// Words of a time phrase between a subject and its verb ("X last week said").
static TIME_WORDS: WordList = WordList::joined(
    include_str!("../../data/time-words.txt"),
    include_str!("../../data/weekdays.txt"),
);

/// Lower-case words of a speaker phrase besides role nouns: bodies and documents that speak
/// ("newspaper", "campaign"), groups ("officials"), and qualifiers ("former").
static SPEAKER_NOUNS: WordList = WordList::new(include_str!("../../data/speaker-nouns.txt"));

/// Longest speaker phrase read, in tokens (appositives included).
pub(super) const MAX_PHRASE: usize = 30;

/// "Speaking to reporters, …": a participle opening the sentence, not a name ending in "-ing"
/// ("Beijing", "Fleming"), which the entity pass knows.
pub(super) fn opens_participle(doc: &Doc<'_>, t: &Token<'_>) -> bool {
    t.text.len() > 5 && t.text.ends_with("ing") && doc.mentions_in(t.start..t.end).next().is_none()
}

/// Where the noun phrase starting at `start` ends (see [`noun_phrase_start`]).
pub(super) fn noun_phrase_end(toks: &[Token<'_>], start: usize) -> usize {
    if toks
        .get(start)
        .is_some_and(|t| Gender::of_pronoun(t.text).is_some())
    {
        return start + 1;
    }
    let mut k = start;
    while k < toks.len() {
        let t = &toks[k];
        if t.text == "(" {
            match toks[k..].iter().position(|t| t.text == ")") {
                Some(close) => {
                    k += close + 1;
                    continue;
                }
                None => break,
            }
        }
        let opener = k == start && {
            let lower = t.lower();
            DETERMINERS.contains(&lower) || PHRASE_OPENERS.contains(&lower)
        };
        let joins = opener || noun_phrase_word(toks, k);
        if !joins {
            break;
        }
        k += 1;
    }
    k
}

/// Whether the token at `k` may stand inside a speaker's noun phrase.
fn noun_phrase_word(toks: &[Token<'_>], k: usize) -> bool {
    let t = &toks[k];
    let lower = t.lower();
    let between_names = matches!(t.text, "of" | "for" | "de" | "van" | "von")
        && k >= 1
        && toks[k - 1].is_capitalized()
        && toks.get(k + 1).is_some_and(Token::is_capitalized);
    t.is_capitalized()
        || t.is_all_caps()
        || t.text == "."
        || t.text.ends_with("'s")
        || between_names
        || ROLE_NOUNS.contains(lower.trim_end_matches('s'))
        || speaker_noun(&lower)
}

/// A lower-case word that may head or qualify a speaker's phrase besides a role noun: a body or
/// document that speaks ("newspaper", "campaign"), a group ("officials"), a qualifier
/// ("former").
pub(super) fn speaker_noun(word: &str) -> bool {
    SPEAKER_NOUNS.contains(word) || COLLECTIVE_ACTORS.contains(word)
}

/// Where the subject of the verb at `v` starts, and how to read it: back over auxiliaries to
/// a pronoun or a noun phrase; to the antecedent of "who" ("Obama, who called …"); or, when a
/// comma comes first, to the first part of the clause that is not an opening adverbial, read
/// for its first name, the later parts being appositives ("The lawyer, Mark D. Sheridan,
/// said"; "Cory James, 22, of Flint, Mich., said"; "Zimmerman, who identifies as Hispanic,
/// told").
pub(super) fn subject_start(toks: &[Token<'_>], v: usize) -> Option<(usize, Order)> {
    let mut end = v;
    while end > 0 && skipped_before_verb(&toks[end - 1]) {
        end -= 1;
    }
    if end > 0 && Gender::of_pronoun(toks[end - 1].text).is_some() {
        return Some((end - 1, Order::Subject));
    }
    if end > 1 && toks[end - 1].text == "who" && toks[end - 2].text == "," {
        let start = noun_phrase_start(toks, end - 2);
        return (start < end - 2).then_some((start, Order::Subject));
    }
    if end > 0 && toks[end - 1].text == "," {
        let start = appositive_chain_start(toks, end - 1)?;
        return Some((start, Order::Inverted));
    }
    let start = noun_phrase_start(toks, end);
    (start < end).then_some((start, Order::Subject))
}

/// Where the chain of comma-separated parts ending at the comma `comma` starts: back over
/// parts that are noun phrases ("Sen. Claire McCaskill (D-Mo.)", "Mich.") or open like an
/// appositive ("who has endorsed Clinton", "22", "of Flint", "a lawyer"), to the first of them
/// that is a noun phrase.
fn appositive_chain_start(toks: &[Token<'_>], comma: usize) -> Option<usize> {
    let mut part_end = comma;
    let mut start = None;
    loop {
        let part_start = toks[..part_end]
            .iter()
            .rposition(|t| matches!(t.text, "," | ";" | ":" | "\"") || unclosed(toks, t, part_end))
            .map_or(0, |k| k + 1);
        if part_start >= part_end {
            break;
        }
        let first = &toks[part_start];
        let whole_phrase = noun_phrase_end(toks, part_start) >= part_end;
        let opener =
            first.kind == TokenKind::Number || super::speaker_phrase::opens_appositive(first.text);
        if whole_phrase {
            start = Some(part_start);
        } else if !opener {
            break;
        }
        if part_start == 0 || toks[part_start - 1].text != "," {
            break;
        }
        part_end = part_start - 1;
    }
    start
}

/// Whether `t` is an opening parenthesis not closed before `end`.
fn unclosed(toks: &[Token<'_>], t: &Token<'_>, end: usize) -> bool {
    t.text == "("
        && !toks[..end]
            .iter()
            .any(|c| c.text == ")" && c.start > t.start)
}

/// Where the noun phrase ending before `end` starts: back over names and their dots, a
/// parenthesis ("(D-N.Y.)"), possessives, role and speaker nouns, to a determiner.
fn noun_phrase_start(toks: &[Token<'_>], end: usize) -> usize {
    let mut k = end;
    while k > 0 {
        let t = &toks[k - 1];
        if t.text == ")" {
            match toks[..k - 1].iter().rposition(|t| t.text == "(") {
                Some(open) => {
                    k = open;
                    continue;
                }
                None => break,
            }
        }
        let lower = t.lower();
        if DETERMINERS.contains(&lower) || PHRASE_OPENERS.contains(&lower) {
            // A determiner opens the phrase, unless nothing follows it ("that egregiously
            // described").
            return if k == end { end } else { k - 1 };
        }
        if !noun_phrase_word(toks, k - 1) {
            break;
        }
        k -= 1;
    }
    // "While Sanders", "But Trump": a capitalised conjunction or adverb opens no name.
    while k < end && super::speaker_phrase::opens_adverbial(toks[k].text) {
        k += 1;
    }
    k
}

/// A word of a time phrase ("later", "Friday"), which ends an opening adverbial ("Hours
/// later, …").
pub(super) fn is_time_word(t: &Token<'_>) -> bool {
    TIME_WORDS.contains(t.text)
}

/// Words between a subject and its verb: auxiliaries and adverbs ("had also", "however",
/// "reportedly"), and time phrases ("last week", "on Friday").
fn skipped_before_verb(t: &Token<'_>) -> bool {
    AUXILIARIES.contains(t.text)
        || t.kind == TokenKind::Word && t.text.ends_with("ly") && !t.is_capitalized()
        || TIME_WORDS.contains(t.text)
}

/// The subject before a verb, without the adverbs and time words between it and the verb ("a
/// top adviser starkly warned") and without auxiliaries.
pub(super) fn subject_before<'a>(toks: &[Token<'a>], start: usize, verb: usize) -> Vec<Token<'a>> {
    let mut end = verb;
    while end > start && skipped_before_verb(&toks[end - 1]) {
        end -= 1;
    }
    without_auxiliaries(&toks[start..end])
}

fn without_auxiliaries<'a>(toks: &[Token<'a>]) -> Vec<Token<'a>> {
    toks.iter()
        .filter(|t| !AUXILIARIES.contains(t.text) && t.kind != TokenKind::Number)
        .cloned()
        .collect()
}

/// "he said", "she added": a pronoun alone before the verb (and its auxiliaries).
pub(super) fn is_pronoun_subject(toks: &[Token<'_>], verb: usize) -> bool {
    let subject: Vec<_> = toks[..verb]
        .iter()
        .filter(|t| !AUXILIARIES.contains(t.text))
        .collect();
    subject.len() == 1 && super::coreference::Gender::of_pronoun(subject[0].text).is_some()
}

/// Where a speaker phrase after a verb ends: at a word that starts an adverbial ("in a
/// statement", "on Twitter"), except "of" inside a name ("Secretary of State John Kerry").
pub(super) fn phrase_end(toks: &[Token<'_>], from: usize) -> usize {
    let mut end = from;
    while end < toks.len() && end < from + MAX_PHRASE {
        let t = &toks[end];
        let inside_name = t.text == "of"
            && end > from
            && toks[end - 1].is_capitalized()
            && toks.get(end + 1).is_some_and(Token::is_capitalized);
        if t.text == "\"" || PHRASE_STOPS.contains(t.text) && !inside_name {
            break;
        }
        end += 1;
    }
    end
}
