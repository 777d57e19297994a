//! Entity names that are other names' aliases, beyond people's surnames (`entities`): the same
//! name spelled with or without dots, hyphens or "the" ("F.B.I." / "FBI", "Kim Jong-un" /
//! "Kim Jong Un"); an acronym of a longer name ("NDAA" / "National Defense Authorization Act");
//! the last words of one longer name ("Wasserman Schultz" / "Debbie Wasserman Schultz",
//! "Trump Foundation" / "Donald J. Trump Foundation"); a first name alone for the one person of
//! the story who has it ("Bernie" / "Bernie Sanders"). A short form joins a longer name only
//! when exactly one name of the story fits it.

use std::collections::{BTreeMap, HashMap, HashSet};

use parallax_model::EntityKind;
use parallax_text::{DisjointSets, WordList};

/// Last words a body's name may drop ("Bloomington Police Department").
static BODY_SUFFIXES: WordList = WordList::new(include_str!("../../data/body-suffixes.txt"));

/// One entity name of the story before aliases: its kind, how often it is mentioned, and
/// whether a country qualifies it ("US Census Bureau").
pub(super) struct NameInfo<'a> {
    pub name: &'a str,
    pub kind: EntityKind,
    pub mentions: usize,
    pub country_qualified: bool,
}

/// Words before a name's last words that make them a different thing ("Government of the
/// United States" is not the United States).
const CONNECTORS: [&str; 7] = ["of", "the", "for", "and", "de", "at", "in"];

/// The fewest words shared with a longer name's end for a body's short form to join it when no
/// country qualifies the longer name: "Promises Treatment Center" / "Malibu Promises Treatment
/// Center", but not "Republican Party" / "New York State Republican Party".
const MIN_BODY_SUFFIX_WORDS: usize = 3;

/// Words that an acronym may leave out ("Office of Management and Budget" → "OMB").
const ACRONYM_SKIPS: [&str; 4] = ["of", "and", "the", "for"];

/// For each name that is an alias of another, the name it joins.
pub(super) fn alias_targets(names: &[NameInfo<'_>]) -> HashMap<String, String> {
    let mut sets = DisjointSets::new(names.len());
    same_spelling(names, &mut sets);
    let index = LongNames::new(names);
    let surnames: HashSet<&str> = names
        .iter()
        .filter(|n| n.kind == EntityKind::Person)
        .filter_map(|n| n.name.split_whitespace().next_back())
        .collect();
    for (i, n) in names.iter().enumerate() {
        // Only a short form that fits one name (or one group of spellings) joins it.
        let mut groups: Vec<usize> = index
            .candidates(n)
            .into_iter()
            .filter(|&j| j != i && is_short_form(n, &names[j], &surnames))
            .map(|j| sets.find(j))
            .collect();
        groups.sort_unstable();
        groups.dedup();
        if let [group] = groups[..] {
            sets.union(i, group);
        }
    }
    let mut members: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..names.len() {
        members.entry(sets.find(i)).or_default().push(i);
    }
    let mut out = HashMap::new();
    for group in members.values().filter(|g| g.len() > 1) {
        let Some(&lead) = group.iter().max_by(|&&a, &&b| {
            let (a, b) = (&names[a], &names[b]);
            word_count(a.name)
                .cmp(&word_count(b.name))
                .then(a.mentions.cmp(&b.mentions))
                .then(b.name.cmp(a.name))
        }) else {
            continue;
        };
        for &i in group.iter().filter(|&&i| i != lead) {
            out.insert(names[i].name.to_string(), names[lead].name.to_string());
        }
    }
    out
}

/// Names of two words or more by their first word, last word and initials, so that a short
/// form is compared only with the names it may stand for.
struct LongNames<'a> {
    by_first: HashMap<&'a str, Vec<usize>>,
    by_last: HashMap<&'a str, Vec<usize>>,
    by_initials: HashMap<String, Vec<usize>>,
}

impl<'a> LongNames<'a> {
    fn new(names: &[NameInfo<'a>]) -> Self {
        let mut index = LongNames {
            by_first: HashMap::new(),
            by_last: HashMap::new(),
            by_initials: HashMap::new(),
        };
        for (i, n) in names.iter().enumerate() {
            let w = words(n.name);
            if let (Some(first), Some(last), true) = (w.first(), w.last(), w.len() >= 2) {
                index.by_first.entry(first).or_default().push(i);
                index.by_last.entry(last).or_default().push(i);
                for skip in [true, false] {
                    let initials = initials(&w, skip);
                    let list = index.by_initials.entry(initials).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
        }
        index
    }

    /// The names that a name may be a short form of.
    fn candidates(&self, short: &NameInfo<'_>) -> Vec<usize> {
        let w = words(short.name);
        let letters: String = short.name.chars().filter(|c| *c != '.').collect();
        let first = w.first().and_then(|f| self.by_first.get(f));
        let last = w.last().and_then(|l| self.by_last.get(l));
        let acronym = self.by_initials.get(&letters);
        [first, last, acronym]
            .into_iter()
            .flatten()
            .flatten()
            .copied()
            .collect()
    }
}

/// Join names spelled alike: lower-cased letters and digits only, without a leading "the".
fn same_spelling(names: &[NameInfo<'_>], sets: &mut DisjointSets) {
    let mut by_spelling: BTreeMap<String, usize> = BTreeMap::new();
    for (i, n) in names.iter().enumerate() {
        let spelling = spelling(n.name);
        if spelling.is_empty() {
            continue;
        }
        match by_spelling.get(&spelling) {
            Some(&j) => sets.union(i, j),
            None => {
                by_spelling.insert(spelling, i);
            }
        }
    }
}

fn spelling(name: &str) -> String {
    let name = name.strip_prefix("The ").unwrap_or(name);
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Words of a name, without a leading "The".
fn words(name: &str) -> Vec<&str> {
    let name = name.strip_prefix("The ").unwrap_or(name);
    name.split_whitespace().collect()
}

fn word_count(name: &str) -> usize {
    words(name).len()
}

/// Whether `short` may stand for `long`: its acronym ("NDAA"), an acronym it opens ("NBC" of
/// "NBC News"), its last words, the body's name without "Department" or "Inc.", or (for a
/// person) the first name alone. A body's last words
/// join only a longer name that a country qualifies ("US Census Bureau"), that names a person
/// of the story ("Trump Foundation" / "Donald J. Trump Foundation"), or when they are specific
/// enough on their own.
fn is_short_form(short: &NameInfo<'_>, long: &NameInfo<'_>, surnames: &HashSet<&str>) -> bool {
    let (s, l) = (words(short.name), words(long.name));
    if s.len() >= l.len() || !compatible(short.kind, long.kind) {
        return false;
    }
    let person = long.kind == EntityKind::Person;
    let acronym = !person
        && s.len() == 1
        && (is_acronym_of(s[0], &l) || l.len() == 2 && l[0] == s[0] && looks_like_acronym(s[0]));
    let before_suffix = l[l.len() - s.len() - 1].to_lowercase();
    let last_words = s.len() >= 2
        && l.ends_with(&s)
        && !CONNECTORS.contains(&before_suffix.as_str())
        && (person
            || long.country_qualified
            || surnames.contains(s[0])
            || s.len() >= MIN_BODY_SUFFIX_WORDS);
    let first_name = person && s.len() == 1 && l[0] == s[0];
    let without_suffix = !person
        && s.len() + 1 == l.len()
        && l.starts_with(&s)
        && BODY_SUFFIXES.contains(l[l.len() - 1]);
    acronym || last_words || first_name || without_suffix
}

/// People join people; the kinds of bodies and places are often told apart wrongly, so any of
/// them may join another; a government is its country's, never an alias.
fn compatible(a: EntityKind, b: EntityKind) -> bool {
    let government = a == EntityKind::Government || b == EntityKind::Government;
    !government && (a == EntityKind::Person) == (b == EntityKind::Person)
}

/// "NDAA" of "National Defense Authorization Act", "DOJ" of "Department of Justice", "TPP" of
/// "Trans-Pacific Partnership": the initials of the words (hyphenated parts count as words),
/// with or without the small words.
fn is_acronym_of(acronym: &str, words: &[&str]) -> bool {
    let letters: String = acronym.chars().filter(|c| *c != '.').collect();
    looks_like_acronym(acronym)
        && (letters == initials(words, true) || letters == initials(words, false))
}

/// Two to six capital letters, with or without dots ("NBC", "F.B.I.").
fn looks_like_acronym(word: &str) -> bool {
    let letters: Vec<char> = word.chars().filter(|c| *c != '.').collect();
    (2..=6).contains(&letters.len()) && letters.iter().all(char::is_ascii_uppercase)
}

/// The upper-cased initials of the words and their hyphenated parts, leaving out the small
/// words when `skip`.
fn initials(words: &[&str], skip: bool) -> String {
    words
        .iter()
        .flat_map(|w| w.split('-'))
        .filter(|p| !(skip && ACRONYM_SKIPS.contains(&p.to_lowercase().as_str())))
        .filter_map(|p| p.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn merged(names: &[(&str, EntityKind)]) -> Vec<(String, String)> {
        let infos: Vec<NameInfo<'_>> = names
            .iter()
            .map(|&(name, kind)| NameInfo {
                name,
                kind,
                mentions: 1,
                country_qualified: false,
            })
            .collect();
        let mut out: Vec<(String, String)> = alias_targets(&infos).into_iter().collect();
        out.sort();
        out
    }

    #[test]
    fn dots_acronyms_and_short_forms_join_their_names() {
        use EntityKind::*;
        let m = merged(&[
            ("F.B.I.", Organisation),
            ("FBI", Organisation),
            ("HCMC", Organisation),
            ("Hennepin County Medical Center", Organisation),
            ("Kim Jong-un", Person),
            ("Kim Jong Un", Person),
            ("Wasserman Schultz", Person),
            ("Debbie Wasserman Schultz", Person),
            ("Bernie", Person),
            ("Bernie Sanders", Person),
            ("Promises Treatment Center", Organisation),
            ("Malibu Promises Treatment Center", Organisation),
            ("NBC", Organisation),
            ("NBC News", Media),
            ("Bloomington Police", Organisation),
            ("Bloomington Police Department", Organisation),
            ("Donald Trump", Person),
            ("Trump Foundation", Organisation),
            ("Donald J. Trump Foundation", Organisation),
        ]);
        let target = |k: &str| m.iter().find(|(a, _)| a == k).map(|(_, b)| b.as_str());
        assert!(matches!(
            target("F.B.I.").or(target("FBI")),
            Some("FBI" | "F.B.I.")
        ));
        assert_eq!(target("HCMC"), Some("Hennepin County Medical Center"));
        assert!(target("Kim Jong-un").is_some() || target("Kim Jong Un").is_some());
        assert_eq!(
            target("Wasserman Schultz"),
            Some("Debbie Wasserman Schultz")
        );
        assert_eq!(target("Bernie"), Some("Bernie Sanders"));
        assert_eq!(
            target("Promises Treatment Center"),
            Some("Malibu Promises Treatment Center")
        );
        assert_eq!(target("NBC"), Some("NBC News"));
        assert_eq!(
            target("Bloomington Police"),
            Some("Bloomington Police Department")
        );
        assert_eq!(
            target("Trump Foundation"),
            Some("Donald J. Trump Foundation")
        );
    }

    #[test]
    fn a_short_form_of_two_names_joins_neither() {
        use EntityKind::*;
        let m = merged(&[
            ("Clinton", Person),
            ("Bill", Person),
            ("Bill Clinton", Person),
            ("Bill Nelson", Person),
            ("Party", Organisation),
            ("NRA", Organisation),
            ("National Rifle Association", Organisation),
            ("Nebraska Railroad Authority", Organisation),
            ("Republican Party", Organisation),
            ("New York State Republican Party", Organisation),
            ("United States", Country),
            ("Government of the United States", Government),
            ("Bank of America", Organisation),
        ]);
        assert!(m.is_empty(), "{m:?}");
    }
}
