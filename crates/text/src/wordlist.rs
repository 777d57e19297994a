//! Word lists kept as data: one entry a line in a `data/*.txt` file compiled in with
//! `include_str!`, `#` starting a comment line. Looked up through a hash set built on first use.

use std::sync::OnceLock;

use rustc_hash::FxHashSet as HashSet;

/// A word list compiled into the binary.
pub struct WordList {
    data: &'static str,
    set: OnceLock<HashSet<&'static str>>,
}

impl WordList {
    /// A list over the text of a data file (see the module documentation).
    pub const fn new(data: &'static str) -> WordList {
        WordList {
            data,
            set: OnceLock::new(),
        }
    }

    /// The entries in file order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + Clone {
        entries(self.data)
    }

    /// Whether `entry` is in the list, as written.
    pub fn contains(&self, entry: &str) -> bool {
        self.set
            .get_or_init(|| self.iter().collect())
            .contains(entry)
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
    }
}
