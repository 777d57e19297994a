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
