//! The words that attribute a quote: reporting verbs ("said", "told"), verbs that attribute a
//! quote standing next to them ("agreed", "fumed"), their "-ing" forms ("tweeting"), and a verb
//! in the past tense right after a name ("Kelly charged").

use std::ops::Range;

use parallax_text::{Token, TokenKind, WordList};

use super::doc::Doc;
use super::phrases::speaker_noun;
use crate::wordlists::{ROLE_NOUNS, SPEECH_VERBS};

/// Verbs that attribute a quote next to it although they report no speech by themselves
/// ("Mook agreed: …", "… ," Toomey fumed").
static QUOTE_CUES: WordList = WordList::new(include_str!("../../data/quote-cues.txt"));

/// Whether `range` opens with a reporting verb (`"…" said Nick Merrill`), which attributes
/// the quote before it even without a comma.
pub(super) fn opens_with_cue(doc: &Doc<'_>, range: Range<usize>) -> bool {
    doc.tokens(range)
        .first()
        .is_some_and(|t| SPEECH_VERBS.contains(t.text))
}

/// Whether the token at `k` is a cue: capitalised only where a sentence or clause opens
/// ("Continued Stone:"), never inside a name ("the United States").
pub(super) fn cue_at(toks: &[Token<'_>], k: usize) -> bool {
    is_cue(&toks[k])
        && (!toks[k].is_capitalized()
            || k == 0
            || matches!(toks[k - 1].text, "." | "\"" | ":" | "?" | "!" | "-" | "—"))
}

pub(super) fn is_cue(t: &Token<'_>) -> bool {
    t.kind == TokenKind::Word && {
        let w = t.lower();
        listed_cue(&w)
            || w.strip_suffix("ing").is_some_and(|stem| {
                ["ed", "s", "es", "d"]
                    .iter()
                    .any(|end| listed_cue(&format!("{stem}{end}")))
            })
    }
}

/// A listed reporting verb or quote cue; "-ing" forms are recognised from the others
/// ("tweeting" from "tweeted").
pub(super) fn listed_cue(w: &str) -> bool {
    SPEECH_VERBS.contains(w) || QUOTE_CUES.contains(w)
}

/// A past-tense verb right after a name, which after a quote attributes it ("Kelly charged").
pub(super) fn is_past_verb(toks: &[Token<'_>], k: usize) -> bool {
    let t = &toks[k];
    k > 0
        && t.kind == TokenKind::Word
        && t.text.len() > 4
        && t.text.ends_with("ed")
        && t.text.chars().all(|c| c.is_ascii_lowercase())
        && (toks[k - 1].is_capitalized()
            || matches!(toks[k - 1].text, "." | ")")
            || ROLE_NOUNS.contains(&toks[k - 1].lower())
            || speaker_noun(&toks[k - 1].lower()))
}

/// The verb as a cue ("said", "told reporters").
pub(super) fn cue_of(toks: &[Token<'_>], v: usize) -> String {
    let verb = toks[v].lower();
    match toks.get(v + 1).map(|t| t.text) {
        Some(w @ ("reporters" | "journalists")) if verb == "told" => format!("{verb} {w}"),
        _ => verb,
    }
}
