//! Person titles ("President", "Prime Minister", "Sen."): where one starts in a run of tokens.

use std::sync::OnceLock;

use rustc_hash::FxHashSet as HashSet;

use parallax_text::{Token, WordList};

use super::join;

/// Titles and roles that, before or after a capitalised name, mark it as a person's. Matched
/// ignoring case; the first entry that equals the text names the title, so order matters.
static PERSON_TITLES: WordList =
    WordList::ignoring_case(include_str!("../../data/person-titles.txt"));

/// Longest title starting at `i` (in tokens), if any.
pub(super) fn title_at(toks: &[Token<'_>], i: usize) -> Option<(usize, String)> {
    if !toks[i].is_capitalized() || !title_first_word(toks[i].text) {
        return None;
    }
    (1..=4).rev().find_map(|n| {
        let slice = toks.get(i..i + n)?;
        let joined = join(slice);
        if !PERSON_TITLES.contains(&joined) {
            return None;
        }
        PERSON_TITLES
            .iter()
            .find(|t| t.eq_ignore_ascii_case(&joined) && slice[0].is_capitalized())
            .map(|t| (n, t.to_string()))
    })
}

/// Whether a title can start with `word` ("Prime" of "Prime Minister"): most tokens start none,
/// and need no lookup of longer spans.
fn title_first_word(word: &str) -> bool {
    static FIRST_WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    FIRST_WORDS
        .get_or_init(|| {
            PERSON_TITLES
                .iter()
                .filter_map(|t| t.split(' ').next())
                .map(str::to_lowercase)
                .collect()
        })
        .contains(&word.to_lowercase())
}
