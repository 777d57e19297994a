//! The loaded-terms lexicon for framing: the built-in `data/loaded-terms.tsv`, plus the terms a
//! user adds with `--lexicon FILE` (`term|category|context` lines, `*` ending a prefix term,
//! the context optional). The criterion a term meets is written at the top of the data file.

use rustc_hash::FxHashMap as HashMap;

use crate::tsv::data_rows;

const LOADED_TERMS: &str = include_str!("../data/loaded-terms.tsv");

/// An evaluative term and its category.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedTerm {
    /// Lower-case words of the term.
    pub words: Vec<String>,
    /// The last word matches as a prefix ("slaughter*").
    pub prefix: bool,
    pub category: String,
    /// Where the term is routine rather than loaded (the data file's third column).
    pub context: Option<RoutineContext>,
}

/// A context in which a term is routine, not loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoutineContext {
    /// A sentence that states a figure or a record: size and result words are literal there
    /// ("soared 20%", "a 91-73 drubbing", "an unprecedented slump").
    Record,
    /// After a capitalised word: the head of an event's name ("the Watergate scandal").
    Name,
}

impl RoutineContext {
    /// The context a data file names; an unknown name is no restriction.
    fn parse(name: &str) -> Option<RoutineContext> {
        match name {
            "record" => Some(RoutineContext::Record),
            "name" => Some(RoutineContext::Name),
            _ => None,
        }
    }
}

/// The project's loaded-terms lexicon, plus any extra terms the user supplies.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub terms: Vec<LoadedTerm>,
    /// Terms by their first word, except one-word prefix terms ("slaughter*").
    by_first: HashMap<String, Vec<usize>>,
    /// One-word prefix terms, checked against every word.
    prefixes: Vec<usize>,
}

impl Lexicon {
    /// The built-in lexicon.
    pub fn builtin() -> Lexicon {
        Lexicon::parse(LOADED_TERMS)
    }

    /// Parse `term|category|context` lines; `#` starts a comment line.
    pub fn parse(data: &str) -> Lexicon {
        let terms = data_rows(data)
            .filter_map(|row| {
                let term = row.first()?.to_lowercase();
                let prefix = term.ends_with('*');
                let words: Vec<String> = term
                    .trim_end_matches('*')
                    .split_whitespace()
                    .map(str::to_string)
                    .collect();
                if words.is_empty() {
                    return None;
                }
                Some(LoadedTerm {
                    words,
                    prefix,
                    category: row.get(1).copied().unwrap_or("loaded").to_string(),
                    context: row.get(2).and_then(|c| RoutineContext::parse(c)),
                })
            })
            .collect();
        let mut lexicon = Lexicon {
            terms,
            ..Lexicon::default()
        };
        lexicon.index();
        lexicon
    }

    pub fn extend(&mut self, other: Lexicon) {
        self.terms.extend(other.terms);
        self.index();
    }

    fn index(&mut self) {
        self.by_first.clear();
        self.prefixes.clear();
        for (i, t) in self.terms.iter().enumerate() {
            if t.prefix && t.words.len() == 1 {
                self.prefixes.push(i);
            } else {
                self.by_first.entry(t.words[0].clone()).or_default().push(i);
            }
        }
    }

    /// Terms that may start at a word (lower-cased): indexed by first word, plus prefix terms.
    pub fn candidates<'a>(&'a self, word: &'a str) -> impl Iterator<Item = &'a LoadedTerm> + 'a {
        let exact = self.by_first.get(word).map(|v| v.as_slice()).unwrap_or(&[]);
        exact.iter().map(|&i| &self.terms[i]).chain(
            self.prefixes
                .iter()
                .map(|&i| &self.terms[i])
                .filter(move |t| word.starts_with(t.words[0].as_str())),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_parses_prefix_terms() {
        let l = Lexicon::parse("# c\nslaughter*|negative\nlashed out|negative\nsoar*|x|record\n");
        assert_eq!(l.terms.len(), 3);
        assert!(l.terms[0].prefix);
        assert_eq!(l.terms[1].words, ["lashed", "out"]);
        assert_eq!(l.terms[1].context, None);
        assert_eq!(l.terms[2].context, Some(RoutineContext::Record));
        assert!(Lexicon::builtin().terms.len() > 50);
    }
}
