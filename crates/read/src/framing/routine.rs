//! Where a lexicon term is routine wording rather than the outlet's loaded choice. The lexicon
//! keeps only terms that are typically the writer's evaluative choice (the criterion is at the
//! top of `data/loaded-terms.tsv`); a term loaded in one sense and routine in another carries a
//! context in which it is routine:
//! - `record`: size and result words in a sentence that states a figure or a record are literal
//!   ("job openings soared by nearly a million", "its 91-73 drubbing of Evansville", "an
//!   unprecedented slump ... a record 16.4%"); without one they are the writer's drama ("Sanders
//!   soared to a landslide victory").
//! - `name`: a noun after a capitalised word heads an event's name ("the Watergate scandal").
//!
//! And one rule for every reporting verb of the `speech` category ("claimed", "claiming",
//! "insisted", "complained"): chosen over "said" for what a person or body says, it keeps the
//! writer at a distance from the statement and is flagged; for what a document or a legal filing
//! states ("a video claiming", "a lawsuit claiming", "one plaintiff claiming", "sued,
//! claiming") it is the routine verb and is not. A verb with a noun object that reports no
//! statement ("claimed the title", "claimed her life") is a `neutral` phrase of the lexicon.

use parallax_text::{TokenKind, WordList};

use super::voice::Voice;
use crate::loaded_terms::{LoadedTerm, RoutineContext};
use crate::wordlists::DETERMINERS;

/// Words that show a sentence states a figure or a record (besides numbers in digits).
static RECORD_CUES: WordList = WordList::new(include_str!("../../data/record-cues.txt"));
/// Documents, filings and parties to a suit, whose statements a reporting verb reports
/// routinely.
static DOCUMENT_SPEAKERS: WordList =
    WordList::new(include_str!("../../data/document-speakers.txt"));

/// The lexicon category of reporting verbs that judge what they report.
pub const SPEECH: &str = "speech";

/// How many words before a reporting verb may name the document it reports ("a lawsuit filed
/// Monday claiming").
const DOCUMENT_WINDOW: usize = 3;

/// Whether the term found at tokens [from, to) of the sentence is routine there.
pub(super) fn is_routine(v: &Voice<'_>, from: usize, term: &LoadedTerm) -> bool {
    let context = match term.context {
        Some(RoutineContext::Record) => states_a_record(v),
        Some(RoutineContext::Name) => heads_a_name(v, from),
        None => false,
    };
    context || term.category == SPEECH && reports_a_document(v, from)
}

/// Whether the sentence states a figure or a record: a number, or a record word.
fn states_a_record(v: &Voice<'_>) -> bool {
    v.toks.iter().any(|t| match t.kind {
        TokenKind::Number => true,
        TokenKind::Word => {
            t.text.contains(|c: char| c.is_ascii_digit()) || RECORD_CUES.contains(&t.lower())
        }
        TokenKind::Punct => false,
    })
}

/// Whether the word before the term is a capitalised name word ("Watergate"), not a
/// determiner opening the sentence ("The") or a possessive ("Trump's scandal").
fn heads_a_name(v: &Voice<'_>, from: usize) -> bool {
    let Some(prev) = from.checked_sub(1).map(|i| &v.toks[i]) else {
        return false;
    };
    prev.is_capitalized()
        && !DETERMINERS.contains(&prev.lower())
        && prev.stem_possessive() == prev.text
}

/// Whether one of the few words before the reporting verb is a document, a filing or a party
/// to a suit.
fn reports_a_document(v: &Voice<'_>, from: usize) -> bool {
    v.toks[..from]
        .iter()
        .rev()
        .filter(|t| t.kind == TokenKind::Word)
        .take(DOCUMENT_WINDOW)
        .any(|t| DOCUMENT_SPEAKERS.contains(&t.lower()))
}
