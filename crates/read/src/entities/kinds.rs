//! What a capitalised run names, read from its first and last words: an agreement, a news
//! outlet, an organisation, an event or a place ("Abraham Accords", "Timaru Herald",
//! "Foreign Ministry", "Academy Awards", "New Orleans").

use parallax_model::EntityKind;
use parallax_text::{Token, WordList};

/// Words that end the name of an agreement, plan or initiative ("Abraham Accords").
static AGREEMENT_HEADS: WordList = WordList::new(include_str!("../../data/agreement-heads.txt"));
/// Last words of newspaper and broadcaster names ("The Hollywood Reporter", "Timaru Herald").
static MEDIA_HEADS: WordList = WordList::new(include_str!("../../data/media-heads.txt"));
/// Words that end an organisation's name ("Foreign Ministry", "State Department").
static ORG_HEADS: WordList = WordList::new(include_str!("../../data/organisation-heads.txt"));
/// Last words of event names ("Academy Awards", "Super Bowl", "World Cup").
static EVENT_HEADS: WordList = WordList::new(include_str!("../../data/event-heads.txt"));
/// First words of multi-word place names ("New Orleans", "San Diego", "Fort Worth").
static PLACE_FIRST_WORDS: WordList =
    WordList::new(include_str!("../../data/place-first-words.txt"));
/// Last words of place names ("Kansas City", "Newport Beach", "Orange County").
static PLACE_HEADS: WordList = WordList::new(include_str!("../../data/place-heads.txt"));

/// The kind a whole run of two or more words names by its last word, when that word ends an
/// agreement's, an outlet's or an organisation's name ("Arab Peace Initiative").
pub(super) fn head_kind(last: &str) -> Option<EntityKind> {
    if AGREEMENT_HEADS.contains(last) {
        Some(EntityKind::Agreement)
    } else if MEDIA_HEADS.contains(last) {
        Some(EntityKind::Media)
    } else if ORG_HEADS.contains(last) {
        Some(EntityKind::Organisation)
    } else {
        None
    }
}

/// Capitalised runs whose shape says they are a place, an event or a news outlet rather than
/// a person ("New Orleans", "Kansas City", "Academy Awards", "The Hollywood Reporter").
pub(super) fn non_person_kind(run: &[Token<'_>]) -> Option<EntityKind> {
    let first = run.first()?.text.trim_end_matches('.');
    let last = run.last()?.stem_possessive();
    if MEDIA_HEADS.contains(last) && (run.len() >= 2 || first == "The") {
        return Some(EntityKind::Media);
    }
    if run.len() < 2 {
        return None;
    }
    if EVENT_HEADS.contains(last) {
        Some(EntityKind::Event)
    } else if ORG_HEADS.contains(last) || last == "Survey" {
        Some(EntityKind::Organisation)
    } else if PLACE_FIRST_WORDS.contains(first) || PLACE_HEADS.contains(last) {
        Some(EntityKind::Place)
    } else {
        None
    }
}
