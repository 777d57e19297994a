//! Word lists kept as data: one entry a line in a `data/*.txt` file compiled in with
//! `include_str!`, `#` starting a comment line. Looked up through a hash set built on first use.
//! A list may span two files (a shared list written once and added to another) and may match
//! without regard to case.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::FxHashSet as HashSet;

/// A word list compiled into the binary.
pub struct WordList {
    /// The data files' texts; the second is empty for a list of one file.
    files: [&'static str; 2],
    /// Lookups ignore case: entries are stored lower-cased.
    fold_case: bool,
    set: OnceLock<HashSet<Cow<'static, str>>>,
}

impl WordList {
    /// A list over the text of a data file (see the module documentation).
    pub const fn new(data: &'static str) -> WordList {
        WordList::build([data, ""], false)
    }

    /// One list over two data files: the entries of `data`, then those of `more`.
    pub const fn joined(data: &'static str, more: &'static str) -> WordList {
        WordList::build([data, more], false)
    }

    /// A list whose lookups ignore case ("Prime Minister" matches "prime minister").
    pub const fn ignoring_case(data: &'static str) -> WordList {
        WordList::build([data, ""], true)
    }

    const fn build(files: [&'static str; 2], fold_case: bool) -> WordList {
        WordList {
            files,
            fold_case,
            set: OnceLock::new(),
        }
    }

    /// The entries in file order, as written.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + Clone {
        entries(self.files[0]).chain(entries(self.files[1]))
    }

    /// Whether `entry` is in the list: as written, or ignoring case for a list made with
    /// [`WordList::ignoring_case`].
    pub fn contains(&self, entry: &str) -> bool {
        let set = self.set.get_or_init(|| {
            self.iter()
                .map(|e| {
                    if self.fold_case && e.chars().any(char::is_uppercase) {
                        Cow::Owned(e.to_lowercase())
                    } else {
                        Cow::Borrowed(e)
                    }
                })
                .collect()
        });
        // Lower-casing allocates: only words with a capital need it.
        if self.fold_case && entry.chars().any(char::is_uppercase) {
            set.contains(entry.to_lowercase().as_str())
        } else {
            set.contains(entry)
        }
    }
}

/// The entries of a data file's text: trimmed non-empty lines that are not `#` comments.
pub fn entries(data: &'static str) -> impl Iterator<Item = &'static str> + Clone {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_blank_lines_are_not_entries() {
        static LIST: WordList = WordList::new("# a comment\nalpha\n\n  beta  \n#gamma\n");
        assert_eq!(LIST.iter().collect::<Vec<_>>(), ["alpha", "beta"]);
        assert!(LIST.contains("beta") && !LIST.contains("gamma") && !LIST.contains(""));
        assert!(!LIST.contains("Beta"));
    }

    #[test]
    fn joined_lists_and_case_folding() {
        static BOTH: WordList = WordList::joined("alpha\nBeta\n", "# more\ngamma\n");
        assert_eq!(BOTH.iter().collect::<Vec<_>>(), ["alpha", "Beta", "gamma"]);
        assert!(BOTH.contains("gamma") && BOTH.contains("Beta") && !BOTH.contains("beta"));
        static FOLDED: WordList = WordList::ignoring_case("Prime Minister\nmayor\n");
        assert_eq!(FOLDED.iter().next(), Some("Prime Minister"));
        for w in ["prime minister", "PRIME MINISTER", "Mayor", "mayor"] {
            assert!(FOLDED.contains(w), "{w}");
        }
        assert!(!FOLDED.contains("minister"));
    }
}
