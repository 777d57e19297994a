//! Word lists that more than one pass reads (entity mentions and quote attribution). Lists one
//! pass alone reads are declared beside it; all of them are files in `data/`.

use parallax_text::WordList;

/// Reporting verbs that attribute speech, in the forms they take in news copy.
pub static SPEECH_VERBS: WordList =
    WordList::ignoring_case(include_str!("../data/speech-verbs.txt"));
/// Lower-case role nouns that introduce a name ("political analyst Aidos Sarybekov").
pub static ROLE_NOUNS: WordList = WordList::ignoring_case(include_str!("../data/role-nouns.txt"));
/// The days of the week, capitalised as in running text.
pub static WEEKDAY_NAMES: WordList = WordList::new(include_str!("../data/weekdays.txt"));
/// Titles and roles before or after a name ("Sen.", "Prime Minister"), matched ignoring case.
/// The entity pass still declares its own copy (`entities/titles.rs`).
pub static PERSON_TITLES: WordList =
    WordList::ignoring_case(include_str!("../data/person-titles.txt"));
/// Words that open a noun phrase ("the", "a", "his").
pub static DETERMINERS: WordList = WordList::new(include_str!("../data/determiners.txt"));
/// Capitalised words that are never names by themselves, and the weekdays.
pub static NOT_NAMES: WordList = WordList::joined(
    include_str!("../data/not-names.txt"),
    include_str!("../data/weekdays.txt"),
);
/// Plural nouns for groups that speak ("Police said", "Critics argue"), lower case.
pub static COLLECTIVE_ACTORS: WordList =
    WordList::new(include_str!("../data/collective-actors.txt"));
