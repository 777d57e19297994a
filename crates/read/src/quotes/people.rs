//! The people one article names, for telling who a speaker is:
//!
//! - every naming of a person, in text order: the entity pass's person mentions, and runs of
//!   capitalised words that open with a given name ("Hillary Clinton met …", which the entity
//!   pass may leave out at a sentence's start);
//! - a bare surname ("Trump") is the person the article names in full with it: the one named in
//!   the same paragraph, else the one it names most (Donald Trump over Melania Trump), with the
//!   gender a courtesy title gives ("Mrs. Trump");
//! - each person's gender (a courtesy title, a given name in the project's lists) and roles (the
//!   titles and role nouns beside the names: "Sen.", "the Vermont senator").

use std::collections::BTreeMap;
use std::ops::Range;

use parallax_model::{EntityKind, Mention};
use parallax_text::{Token, TokenKind, WordList};

use super::coreference::Gender;
use super::doc::Doc;
use super::speaker_phrase::could_be_name;
use crate::entities::join;
use crate::wordlists::{PERSON_TITLES, ROLE_NOUNS};

static FEMALE_NAMES: WordList = WordList::new(include_str!("../../data/given-names-female.txt"));
static MALE_NAMES: WordList = WordList::new(include_str!("../../data/given-names-male.txt"));

/// Longest run of capitalised words read as a name from its given name ("George W. Bush").
const NAME_RUN: usize = 4;

/// A person the article names.
#[derive(Debug)]
struct Person {
    name: String,
    gender: Option<Gender>,
    /// Titles and role nouns seen with the person (lower case, no full stop).
    roles: Vec<String>,
    /// Byte offsets of the namings in full (two words or more).
    named_at: Vec<usize>,
}

/// One naming of a person before it is resolved: where, the name as the entity pass keys it
/// (or as written), how many words it has, and its title.
struct Naming {
    span: Range<usize>,
    key: String,
    surface: String,
    words: usize,
    title: Option<String>,
}

/// The people of one article.
#[derive(Debug, Default)]
pub(super) struct People {
    persons: Vec<Person>,
    /// Every naming of a person, in text order, with the person's name as resolved there.
    namings: Vec<(Range<usize>, String)>,
    /// The paragraph (line) of each naming in full, by its byte offset.
    lines: BTreeMap<usize, usize>,
    /// The gender a courtesy title gives the name starting at a byte offset ("Mrs. Trump").
    courtesy: BTreeMap<usize, Gender>,
}

impl People {
    pub fn new(doc: &Doc<'_>) -> People {
        // Each body sentence's tokens, once (headings have none: their capitals say nothing).
        let tokens: Vec<Vec<Token<'_>>> = doc
            .sentences
            .iter()
            .map(|s| {
                if s.is_heading {
                    Vec::new()
                } else {
                    doc.tokens(s.span.clone())
                }
            })
            .collect();
        let mut people = People {
            courtesy: courtesy_titles(&tokens),
            ..People::default()
        };
        let namings = namings(doc, &tokens);
        let mut index: BTreeMap<String, usize> = BTreeMap::new();
        for n in &namings {
            let k = *index.entry(n.key.clone()).or_insert_with(|| {
                people.persons.push(Person {
                    name: n.key.clone(),
                    gender: n.key.split(' ').next().and_then(given_name_gender),
                    roles: Vec::new(),
                    named_at: Vec::new(),
                });
                people.persons.len() - 1
            });
            let roles = roles_around(doc, &tokens, n.span.clone());
            let courtesy = people.courtesy.get(&n.span.start).copied();
            let person = &mut people.persons[k];
            if person.gender.is_none() {
                person.gender = courtesy.or_else(|| roles.iter().find_map(|r| Gender::of_title(r)));
            }
            person.roles.extend(roles);
            person.roles.extend(n.title.iter().map(|t| bare(t)));
            if n.words >= 2 {
                person.named_at.push(n.span.start);
                if let Some(line) = doc.line_at(n.span.start) {
                    people.lines.insert(n.span.start, line);
                }
            }
        }
        people.namings = namings
            .iter()
            .map(|n| {
                let name = if n.words >= 2 {
                    n.key.clone()
                } else {
                    people
                        .resolve_surname(&n.surface, n.span.start)
                        .unwrap_or_else(|| n.key.clone())
                };
                (n.span.clone(), name)
            })
            .collect();
        people
    }

    /// The person a mention at byte `at` names (see the module documentation).
    pub fn name_at(&self, m: &Mention, at: usize) -> String {
        let k = self.namings.partition_point(|(span, _)| span.start < at);
        match self.namings.get(k) {
            Some((span, name)) if span.start == at => name.clone(),
            _ => self.full_name(&m.key, at),
        }
    }

    /// A name as written at byte `at`: a single word resolved to the person named in full with
    /// it, else the name itself.
    pub fn full_name(&self, name: &str, at: usize) -> String {
        if name.contains(' ') {
            return name.to_string();
        }
        self.resolve_surname(name, at)
            .unwrap_or_else(|| name.to_string())
    }

    /// The people named in `range`, in text order, with their byte ranges.
    pub fn named_in(&self, range: Range<usize>) -> impl Iterator<Item = &(Range<usize>, String)> {
        let from = self.namings.partition_point(|(s, _)| s.start < range.start);
        self.namings[from..]
            .iter()
            .take_while(move |(s, _)| s.start < range.end)
            .filter(move |(s, _)| s.end <= range.end)
    }

    /// The gender of a person, when known.
    pub fn gender_of(&self, name: &str) -> Option<Gender> {
        self.person(name)
            .and_then(|p| p.gender)
            .or_else(|| name.split(' ').next().and_then(given_name_gender))
    }

    /// Whether the person was named with one of these titles or roles (lower case).
    pub fn has_role(&self, name: &str, roles: &[String]) -> bool {
        self.person(name)
            .is_some_and(|p| p.roles.iter().any(|r| roles.contains(r)))
    }

    /// Another person of the family: of `gender`, with the same surname as `name`, and named in
    /// full in the paragraph of byte `at` or the one before (the family member the passage is
    /// about), the latest such.
    pub fn namesake(&self, name: &str, gender: Gender, at: usize) -> Option<String> {
        let surname = name.rsplit(' ').next()?;
        let line = self.lines.range(..at).next_back().map(|(_, &l)| l)?;
        let nearby = |x: &usize| self.lines.get(x).is_some_and(|&l| l + 1 >= line);
        self.persons
            .iter()
            .filter(|p| p.name != name && p.gender == Some(gender))
            .filter(|p| p.name.contains(' ') && p.name.rsplit(' ').next() == Some(surname))
            .filter_map(|p| {
                let latest = p.named_at.iter().filter(|&&x| x < at).max()?;
                nearby(latest).then_some((*latest, p))
            })
            .max_by_key(|(x, _)| *x)
            .map(|(_, p)| p.name.clone())
    }

    fn person(&self, name: &str) -> Option<&Person> {
        self.persons.iter().find(|p| p.name == name)
    }

    /// The person a single name (a surname, or a given name used alone) refers to at byte `at`.
    fn resolve_surname(&self, name: &str, at: usize) -> Option<String> {
        let name = name
            .strip_suffix("'s")
            .unwrap_or(name)
            .trim_end_matches('\'');
        let gender = self.courtesy.get(&at).copied();
        let candidates: Vec<&Person> = self
            .persons
            .iter()
            .filter(|p| !p.named_at.is_empty())
            .filter(|p| {
                let mut words = p.name.split(' ');
                let first = words.next();
                let last = words.next_back();
                last.is_some() && (last == Some(name) || first == Some(name))
            })
            .filter(|p| gender.is_none() || p.gender.is_none() || p.gender == gender)
            .collect();
        if candidates.len() <= 1 {
            return candidates.first().map(|p| p.name.clone());
        }
        let line = self.lines.range(..at).next_back().map(|(_, &l)| l);
        let last_before = |p: &Person| p.named_at.iter().copied().filter(|&x| x < at).max();
        let named_before = |p: &Person| p.named_at.iter().filter(|&&x| x < at).count();
        // Named in full in this paragraph: the latest such; else the most named.
        let here = candidates
            .iter()
            .filter(|p| last_before(p).is_some_and(|x| self.lines.get(&x) == line.as_ref()))
            .max_by_key(|p| last_before(p));
        here.or_else(|| {
            candidates.iter().max_by_key(|p| {
                (
                    named_before(p),
                    p.named_at.len(),
                    std::cmp::Reverse(p.named_at[0]),
                )
            })
        })
        .map(|p| p.name.clone())
    }
}

/// Every naming of a person in the body, in text order: the entity pass's person mentions, and
/// the runs opening with a given name that no mention covers.
fn namings(doc: &Doc<'_>, tokens: &[Vec<Token<'_>>]) -> Vec<Naming> {
    let mut out: Vec<Naming> = doc
        .spans
        .iter()
        .zip(doc.mentions)
        .filter(|(_, m)| m.kind == EntityKind::Person)
        .filter(|(_, m)| !PERSON_TITLES.contains(&m.surface) && could_be_name(&m.surface))
        .map(|(span, m)| Naming {
            span: span.clone(),
            key: m.key.clone(),
            surface: m.surface.clone(),
            words: m.surface.split_whitespace().count(),
            title: m.title.clone(),
        })
        .collect();
    for toks in tokens {
        let mut i = 0;
        while i < toks.len() {
            match given_name_run(toks, i) {
                Some(end) if !out.iter().any(|n| overlaps(&n.span, &toks[i].start)) => {
                    let name = join(&toks[i..end]);
                    out.push(Naming {
                        span: toks[i].start..toks[end - 1].end,
                        key: name.clone(),
                        surface: name,
                        words: 2,
                        title: None,
                    });
                    i = end;
                }
                _ => i += 1,
            }
        }
    }
    out.sort_by_key(|n| n.span.start);
    // Surnames of the people named in full, where the entity pass did not mark them ("Rubio
    // refrained …" after "Marco Rubio").
    let surnames: BTreeMap<&str, ()> = out
        .iter()
        .filter(|n| n.words >= 2)
        .filter_map(|n| n.key.rsplit(' ').next())
        .map(|w| (w, ()))
        .collect();
    let mut more = Vec::new();
    for toks in tokens {
        for t in toks {
            let covered = || {
                let k = out.partition_point(|n| n.span.end <= t.start);
                out.get(k).is_some_and(|n| n.span.start <= t.start)
            };
            if t.is_capitalized() && surnames.contains_key(t.stem_possessive()) && !covered() {
                more.push(Naming {
                    span: t.start..t.start + t.stem_possessive().len(),
                    key: t.stem_possessive().to_string(),
                    surface: t.stem_possessive().to_string(),
                    words: 1,
                    title: None,
                });
            }
        }
    }
    out.extend(more);
    out.sort_by_key(|n| n.span.start);
    out
}

fn overlaps(span: &Range<usize>, at: &usize) -> bool {
    span.contains(at)
}

/// Where a run of capitalised words opening with a given name at `i` ends ("Hillary Clinton",
/// "George W. Bush"), if it has a second word.
fn given_name_run(toks: &[Token<'_>], i: usize) -> Option<usize> {
    let first = &toks[i];
    if !first.is_capitalized() || given_name_gender(first.text).is_none() {
        return None;
    }
    let mut end = i + 1;
    while end < toks.len() && end - i < NAME_RUN {
        let t = &toks[end];
        let initial_dot = t.text == "." && toks[end - 1].text.len() == 1;
        if !(initial_dot || t.is_capitalized() && could_be_name(t.stem_possessive())) {
            break;
        }
        end += 1;
    }
    (end > i + 1 && toks[end - 1].kind == TokenKind::Word).then_some(end)
}

/// The names a courtesy title genders ("Mrs. Trump" → the byte of "Trump": female).
fn courtesy_titles(tokens: &[Vec<Token<'_>>]) -> BTreeMap<usize, Gender> {
    let mut out = BTreeMap::new();
    for toks in tokens {
        for (k, t) in toks.iter().enumerate() {
            let Some(gender) = Gender::of_courtesy(t.text) else {
                continue;
            };
            let next = k + 1 + usize::from(toks.get(k + 1).is_some_and(|t| t.text == "."));
            if let Some(name) = toks.get(next).filter(|t| t.is_capitalized()) {
                out.insert(name.start, gender);
            }
        }
    }
    out
}

fn bare(title: &str) -> String {
    title.trim_end_matches('.').to_lowercase()
}

pub(super) fn given_name_gender(first: &str) -> Option<Gender> {
    if FEMALE_NAMES.contains(first) {
        Some(Gender::Female)
    } else if MALE_NAMES.contains(first) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// Titles and role nouns right before a naming ("Vermont Sen.", "House Speaker", "Mrs.") and in
/// an appositive right after it (", the Vermont senator").
fn roles_around(doc: &Doc<'_>, tokens: &[Vec<Token<'_>>], span: Range<usize>) -> Vec<String> {
    let Some(toks) = doc
        .sentence_at(span.start)
        .and_then(|s| tokens.get(s.index))
    else {
        return Vec::new();
    };
    let is_role = |t: &Token<'_>| {
        let w = t.lower();
        PERSON_TITLES.contains(&w)
            || PERSON_TITLES.contains(&format!("{w}."))
            || ROLE_NOUNS.contains(&w)
    };
    let before = &toks[..toks.partition_point(|t| t.start < span.start)];
    let after = &toks[toks.partition_point(|t| t.start < span.end)..];
    let mut roles: Vec<String> = before
        .iter()
        .rev()
        .filter(|t| t.text != ".")
        .take(3)
        .take_while(|t| t.is_capitalized() || is_role(t))
        .filter(|t| is_role(t))
        .map(Token::lower)
        .collect();
    if after.first().is_some_and(|t| t.text == ",")
        && after
            .get(1)
            .is_some_and(|t| matches!(t.lower().as_str(), "the" | "a" | "an"))
    {
        roles.extend(
            after[2..]
                .iter()
                .take(5)
                .take_while(|t| t.text != ",")
                .filter(|t| is_role(t))
                .map(Token::lower),
        );
    }
    roles
}
