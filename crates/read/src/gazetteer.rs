//! The gazetteer: countries (with aliases, demonyms and capitals), other places and well-known
//! organisations, read from the `data/*.tsv` files compiled into the binary.

use std::sync::OnceLock;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use parallax_model::EntityKind;

use crate::tsv::data_rows;

/// One gazetteer entry: what a surface form names.
#[derive(Debug, Clone, PartialEq)]
pub struct GazetteerEntry {
    pub key: String,
    pub kind: EntityKind,
    pub form: GazetteerForm,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GazetteerForm {
    Name,
    Alias,
    Demonym,
    /// A capital or seat: a place, or its government when it acts.
    Capital,
}

/// Surface form → entry, for countries, regions and well-known organisations.
#[derive(Debug)]
pub struct Gazetteer {
    entries: HashMap<String, GazetteerEntry>,
    /// Longest surface form in tokens, to bound the lookup window.
    pub max_tokens: usize,
    /// Demonym (lower-cased) → country, for "the Kazakh President".
    demonyms: HashMap<String, String>,
    /// First words of all entries: most tokens start none, and need no lookup.
    first_words: HashSet<String>,
}

impl Gazetteer {
    pub fn get(&self, surface: &str) -> Option<&GazetteerEntry> {
        self.entries.get(surface)
    }

    /// Can an entry start with this word?
    pub fn starts_entry(&self, word: &str) -> bool {
        self.first_words.contains(word)
    }

    /// The country a demonym or country name refers to ("Kazakh" → "Kazakhstan").
    pub fn country_of(&self, word: &str) -> Option<&str> {
        if let Some(c) = self.demonyms.get(&word.to_lowercase()) {
            return Some(c);
        }
        match self.entries.get(word) {
            Some(e) if e.kind == EntityKind::Country && e.form != GazetteerForm::Capital => {
                Some(&e.key)
            }
            _ => None,
        }
    }
}

const COUNTRIES: &str = include_str!("../data/countries.tsv");
const PLACES: &str = include_str!("../data/places.tsv");
const ORGANISATIONS: &str = include_str!("../data/organisations.tsv");

fn list<'a>(field: Option<&&'a str>) -> impl Iterator<Item = &'a str> {
    field
        .copied()
        .unwrap_or("")
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let mut entries = HashMap::default();
        let mut demonyms = HashMap::default();
        let mut add = |surface: &str, key: &str, kind: EntityKind, form: GazetteerForm| {
            // The first entry for a surface wins: countries load before places and organisations.
            entries
                .entry(surface.to_string())
                .or_insert(GazetteerEntry {
                    key: key.to_string(),
                    kind,
                    form,
                });
        };
        for row in data_rows(COUNTRIES) {
            let name = row[0];
            add(name, name, EntityKind::Country, GazetteerForm::Name);
            for a in list(row.get(1)) {
                add(a, name, EntityKind::Country, GazetteerForm::Alias);
            }
            for d in list(row.get(2)) {
                add(d, name, EntityKind::Country, GazetteerForm::Demonym);
                demonyms.insert(d.to_lowercase(), name.to_string());
            }
            for c in list(row.get(3)) {
                add(c, name, EntityKind::Country, GazetteerForm::Capital);
            }
        }
        for row in data_rows(PLACES) {
            add(row[0], row[0], EntityKind::Place, GazetteerForm::Name);
            for a in list(row.get(1)) {
                add(a, row[0], EntityKind::Place, GazetteerForm::Alias);
            }
            for a in list(row.get(2)) {
                add(a, row[0], EntityKind::Place, GazetteerForm::Demonym);
            }
        }
        for row in data_rows(ORGANISATIONS) {
            let kind = match row.get(2).copied() {
                Some("media") => EntityKind::Media,
                _ => EntityKind::Organisation,
            };
            add(row[0], row[0], kind, GazetteerForm::Name);
            for a in list(row.get(1)) {
                add(a, row[0], kind, GazetteerForm::Alias);
            }
        }
        let max_tokens = entries
            .keys()
            .map(|k| parallax_text::tokenize(k).len())
            .max()
            .unwrap_or(1);
        let first_words = entries
            .keys()
            .filter_map(|k| {
                parallax_text::tokenize(k)
                    .first()
                    .map(|t| t.text.to_string())
            })
            .collect();
        Gazetteer {
            entries,
            max_tokens,
            demonyms,
            first_words,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_knows_aliases_demonyms_and_capitals() {
        let g = gazetteer();
        assert_eq!(g.get("U.S.").unwrap().key, "United States");
        assert_eq!(g.get("UAE").unwrap().key, "United Arab Emirates");
        assert_eq!(g.get("Israeli").unwrap().form, GazetteerForm::Demonym);
        assert_eq!(g.get("Washington").unwrap().form, GazetteerForm::Capital);
        assert_eq!(g.country_of("Kazakh"), Some("Kazakhstan"));
        assert_eq!(g.get("AFP").unwrap().kind, EntityKind::Media);
        assert!(g.max_tokens >= 5);
    }
}
