//! Distancing words in the outlet's voice: "so-called", "self-proclaimed", "supposedly".
//! Inside reported speech only a doubted name counts (see `distancing`).
//! Routine attribution ("alleged", "allegedly", "reportedly") is standard neutral practice and
//! is not on the list; "supposed to" is a modal, and "so-called" before a compound term
//! ("so-called no-knock warrants") introduces jargon rather than doubting it.

use parallax_text::{is_stopword, Token, TokenKind, WordList};

use super::voice::Voice;

/// Distancing words: the writer keeps a name or claim at arm's length.
static DISTANCING: WordList = WordList::new(include_str!("../../data/distancing.txt"));

/// How many capitalised words after a distancing word are shown as what it distances.
const MAX_NAME_WORDS: usize = 4;

/// Distancing words of the sentence with what they distance ("so-called Abraham Accords").
pub(super) fn distancing(v: &Voice<'_>) -> Vec<String> {
    let toks = &v.toks;
    let mut out = Vec::new();
    for i in 0..toks.len() {
        let word = toks[i].lower();
        if toks[i].kind != TokenKind::Word || !DISTANCING.contains(&word) || !v.is_written(i, i + 1)
        {
            continue;
        }
        let next = toks.get(i + 1);
        // In reported speech the words may be the speaker's ("Trump said the so-called
        // experts"), but doubting a name is the writer's paraphrase ("announced it would join
        // the so-called Abraham Accords").
        if v.is_reported(i) && !next.is_some_and(Token::is_capitalized) {
            continue;
        }
        if word == "supposed" && next.is_some_and(|t| t.text == "to") {
            continue;
        }
        // "so-called "caravan"": the quotation marks are the device (a scare quote, or a
        // nickname when capitalised).
        if next.is_some_and(|t| matches!(t.text, "\"" | "'")) {
            continue;
        }
        if word == "so-called" && introduces_term(&toks[i + 1..]) {
            continue;
        }
        let mut end = i + 1;
        while end < toks.len() && end <= i + MAX_NAME_WORDS && toks[end].is_capitalized() {
            end += 1;
        }
        let end = end.max((i + 2).min(toks.len()));
        out.push(v.text()[toks[i].start..toks[end - 1].end].to_string());
    }
    out
}

/// Whether the words after "so-called" are a compound term ("interim analysis", "no-knock
/// warrants", "carried interest", "Cadillac tax"), which "so-called" only introduces; a name
/// ("so-called Islamic State") or a single noun ("so-called experts") it doubts.
fn introduces_term(after: &[Token<'_>]) -> bool {
    let Some(first) = after.first().filter(|t| t.kind == TokenKind::Word) else {
        return false;
    };
    if first.is_capitalized() {
        // A capitalised word naming a kind of thing: "Cadillac tax".
        return after.get(1).is_some_and(|t| {
            t.kind == TokenKind::Word
                && t.text.starts_with(char::is_lowercase)
                && !is_stopword(&t.lower())
        });
    }
    let content_words = after
        .iter()
        .take_while(|t| t.kind == TokenKind::Word && !is_stopword(&t.lower()))
        .count();
    content_words >= 2 || first.text.contains('-')
}
