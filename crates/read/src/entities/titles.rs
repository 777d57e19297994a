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

/// Whether a title can start with `word` ("Prime" of "Prime Minister", "Sen" of "Sen."): most
/// tokens start none, and need no lookup of longer spans.
fn title_first_word(word: &str) -> bool {
    static FIRST_WORDS: OnceLock<HashSet<String>> = OnceLock::new();
    FIRST_WORDS
        .get_or_init(|| {
            PERSON_TITLES
                .iter()
                .filter_map(|t| t.split(' ').next())
                .map(|w| w.trim_end_matches('.').to_lowercase())
                .collect()
        })
        .contains(&word.to_lowercase())
}

/// Whether `word` followed by a dot is an abbreviated title ("Sen" of "Sen. Ben Sasse"), so
/// that the dot does not end the name run.
pub(super) fn is_abbreviated_title(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && PERSON_TITLES.contains(&format!("{word}."))
}

/// A plural title ("Senators Tim Scott and Cory Booker"): several people, none of them named by
/// the word.
pub(super) fn is_plural_title(word: &str) -> bool {
    word.len() > 3
        && word.chars().next().is_some_and(char::is_uppercase)
        && word
            .strip_suffix('s')
            .is_some_and(|one| PERSON_TITLES.contains(one))
}
