//! Reported speech without quotation marks: "X said (that) …" when X is clearly a named actor
//! or a role, and a trailing attribution "…, officials said."

use std::ops::Range;

use parallax_model::{Quote, QuoteKind, Sentence};
use parallax_text::{tokenize, Token, TokenKind, WordList};

use super::attribution::Attribution;
use super::direct::Found;
use super::doc::Doc;
use super::people::People;
use super::phrases::AUXILIARIES;
use super::speaker_phrase::{read_phrase, Order, Speaker};
use crate::wordlists::WEEKDAY_NAMES;

/// Verbs clear enough to attribute reported speech without quotation marks.
static INDIRECT_VERBS: WordList =
    WordList::new(include_str!("../../data/indirect-speech-verbs.txt"));
/// Of those, the ones that just as often take a plain object ("added 101 yards").
static TRANSITIVE_CUES: WordList = WordList::new(include_str!("../../data/transitive-cues.txt"));

/// "X said (that) …" without quotation marks, when X is clearly a named actor or role.
pub(super) fn indirect_quote(doc: &Doc<'_>, people: &People, s: &Sentence) -> Option<Found> {
    let toks = tokenize(&s.text);
    let verb = toks.iter().position(|t| INDIRECT_VERBS.contains(t.text))?;
    if verb == 0 || verb > 10 {
        // Trailing attribution: "…, officials said."
        return trailing_attribution(doc, people, s, &toks);
    }
    let subject: Vec<Token<'_>> = toks[..verb]
        .iter()
        .filter(|t| !AUXILIARIES.contains(t.text))
        .cloned()
        .collect();
    if subject.iter().any(|t| t.text == ",") {
        return trailing_attribution(doc, people, s, &toks);
    }
    let speaker = named_speaker(doc, people, s, &subject)?;
    // "confirmed to The Associated Press that …": the words start after "that".
    let that = toks[verb + 1..]
        .iter()
        .take(10)
        .take_while(|t| !matches!(t.text, "," | "." | ";" | ":"))
        .position(|t| t.text == "that")
        .map(|k| verb + 1 + k);
    // Verbs that also take a plain object ("added 101 yards", "announced a plan") report speech
    // only with "that".
    if that.is_none() && TRANSITIVE_CUES.contains(toks[verb].text) {
        return None;
    }
    let mut from = that.map_or(verb + 1, |t| t + 1);
    // "told reporters", "said on Thursday", "said that"
    while from < toks.len()
        && (matches!(
            toks[from].text,
            "that" | "reporters" | "journalists" | "on" | "in" | "a" | "statement" | ","
        ) || toks[from].kind == TokenKind::Number
            || WEEKDAY_NAMES.contains(toks[from].text))
    {
        from += 1;
    }
    clause_quote(s, &toks, from, toks.len(), speaker, toks[verb].text)
}

fn trailing_attribution(
    doc: &Doc<'_>,
    people: &People,
    s: &Sentence,
    toks: &[Token<'_>],
) -> Option<Found> {
    // "…, Kazakh officials said." — the attribution closes the sentence.
    let n = toks.len();
    let end = if toks.last().is_some_and(|t| t.text == ".") {
        n - 1
    } else {
        n
    };
    let verb = end.checked_sub(1)?;
    if !INDIRECT_VERBS.contains(toks[verb].text) {
        return None;
    }
    let comma = toks[..verb].iter().rposition(|t| t.text == ",")?;
    if verb - comma > 6 || verb - comma < 2 {
        return None;
    }
    let speaker = named_speaker(doc, people, s, &toks[comma + 1..verb])?;
    clause_quote(s, toks, 0, comma, speaker, toks[verb].text)
}

fn clause_quote(
    s: &Sentence,
    toks: &[Token<'_>],
    from: usize,
    to: usize,
    speaker: (String, usize),
    cue: &str,
) -> Option<Found> {
    let words = toks
        .get(from..to)?
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .count();
    if words < 4 {
        return None;
    }
    let mut end = toks[to - 1].end;
    if toks[to - 1].text == "." {
        end = toks[to - 1].start;
    }
    let local: Range<usize> = toks[from].start..end;
    let (name, at) = speaker;
    Some(Found {
        quote: Quote {
            sentences: s.index..s.index + 1,
            text: s.text[local.clone()].trim().to_string(),
            span: s.span.start + local.start..s.span.start + local.end,
            speaker: None,
            cue: Some(cue.to_string()),
            kind: QuoteKind::Indirect,
        },
        attribution: Some(Attribution {
            speaker: Speaker::Name(name),
            at,
            cue: cue.to_string(),
        }),
        opens_paragraph: false,
        opens_sentence: false,
    })
}

/// The speaker of reported speech without quotation marks: a name or a description ("Kazakh
/// officials"), never a pronoun, whose referent is too uncertain to report words for.
fn named_speaker(
    doc: &Doc<'_>,
    people: &People,
    s: &Sentence,
    subject: &[Token<'_>],
) -> Option<(String, usize)> {
    let absolute: Vec<Token<'_>> = subject
        .iter()
        .map(|t| Token {
            start: t.start + s.span.start,
            end: t.end + s.span.start,
            ..t.clone()
        })
        .collect();
    let at = absolute.first()?.start;
    match read_phrase(doc, people, &absolute, Order::Subject)? {
        Speaker::Name(name) => Some((name, at)),
        Speaker::Place(_) => None,
        Speaker::Description { phrase, .. } => Some((phrase, at)),
        Speaker::Pronoun(_) => None,
    }
}
