//! Who a speaker that does not name itself in full refers to:
//!
//! - a bare surname ("Trump") is the person the article names in full with it, the one named in
//!   the same paragraph, else the one it names most (Donald Trump over Melania Trump), with the
//!   gender a title gives ("Mrs. Trump");
//! - "he" / "she" is the nearest person before it that the gender allows, looking back sentence by
//!   sentence: first the speaker attributed in a sentence, then the people it names outside
//!   quotations, left to right (the subject first);
//! - "the senator" is the person last named with that role ("Sen. Ben Sasse").
//!
//! A person's gender comes from a title (Mr., Mrs., Ms.) or a given name in the project's lists.

use std::collections::BTreeMap;
use std::ops::Range;

use parallax_model::{EntityKind, Mention};
use parallax_text::{Token, WordList};

use super::doc::Doc;
use super::speaker_phrase::PERSON_TITLES;
use crate::wordlists::ROLE_NOUNS;

static FEMALE_NAMES: WordList = WordList::new(include_str!("../../data/given-names-female.txt"));
static MALE_NAMES: WordList = WordList::new(include_str!("../../data/given-names-male.txt"));
/// Role nouns and the titles that name the same role (`senator sen senator`).
static ROLE_TITLES: WordList = WordList::new(include_str!("../../data/role-titles.txt"));

/// How many sentences back a pronoun may find its person.
const PRONOUN_REACH: usize = 6;

/// What a pronoun or a title says about who is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Gender {
    Male,
    Female,
    /// "they", "it": a group or a body, not resolved to a person.
    Other,
}

impl Gender {
    /// The gender of a subject pronoun ("he", "She"); `None` for any other word, and for "I"
    /// and "we", whose speaker the text does not name.
    pub fn of_pronoun(word: &str) -> Option<Gender> {
        match word.to_lowercase().as_str() {
            "he" => Some(Gender::Male),
            "she" => Some(Gender::Female),
            "they" | "it" => Some(Gender::Other),
            _ => None,
        }
    }

    /// The gender a courtesy title gives ("Mr." → male).
    fn of_title(title: &str) -> Option<Gender> {
        match title.trim_end_matches('.').to_lowercase().as_str() {
            "mr" | "sir" | "lord" | "king" | "prince" => Some(Gender::Male),
            "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" => Some(Gender::Female),
            _ => None,
        }
    }
}

/// A person the article names in full.
#[derive(Debug)]
struct Person {
    name: String,
    gender: Option<Gender>,
    /// Titles and role nouns seen with the person (lower case, no full stop).
    roles: Vec<String>,
    /// Byte offsets of the mentions naming the person in full.
    named_at: Vec<usize>,
}

/// The people of one article, for resolving surnames, pronouns and descriptions.
#[derive(Debug, Default)]
pub(super) struct People {
    persons: Vec<Person>,
    /// The paragraph (line) of each byte offset in `named_at`, by offset.
    lines: BTreeMap<usize, usize>,
}

impl People {
    pub fn new(doc: &Doc<'_>) -> People {
        let mut people = People::default();
        let mut index: BTreeMap<String, usize> = BTreeMap::new();
        for (span, m) in doc.spans.iter().zip(doc.mentions) {
            if m.kind != EntityKind::Person {
                continue;
            }
            let words = surface_words(m);
            let k = *index.entry(m.key.clone()).or_insert_with(|| {
                people.persons.push(Person {
                    name: m.key.clone(),
                    gender: m.key.split(' ').next().and_then(given_name_gender),
                    roles: Vec::new(),
                    named_at: Vec::new(),
                });
                people.persons.len() - 1
            });
            let person = &mut people.persons[k];
            let roles = roles_around(doc, span.clone());
            if person.gender.is_none() {
                person.gender = roles.iter().find_map(|r| Gender::of_title(r));
            }
            person.roles.extend(roles);
            person.roles.extend(m.title.iter().map(|t| bare(t)));
            if words >= 2 {
                person.named_at.push(span.start);
                if let Some(line) = doc.line_at(span.start) {
                    people.lines.insert(span.start, line);
                }
            }
        }
        people
    }

    /// The person a mention names: its key for a full name, else the person the surname
    /// refers to at that point (see the module documentation).
    pub fn name_at(&self, m: &Mention, at: usize) -> String {
        if surface_words(m) >= 2 {
            return m.key.clone();
        }
        let surname = m
            .surface
            .strip_suffix("'s")
            .unwrap_or(&m.surface)
            .trim_end_matches('\'');
        self.resolve_surname(surname, None, at)
            .unwrap_or_else(|| m.key.clone())
    }

    /// A name as written: a single word resolved to the person named in full with it, else the
    /// name itself.
    pub fn full_name(&self, name: &str, at: usize) -> String {
        if name.contains(' ') {
            return name.to_string();
        }
        self.resolve_surname(name, None, at)
            .unwrap_or_else(|| name.to_string())
    }

    /// The person a single name (a surname, or a given name used alone) refers to at byte `at`.
    fn resolve_surname(&self, name: &str, gender: Option<Gender>, at: usize) -> Option<String> {
        let candidates: Vec<&Person> = self
            .persons
            .iter()
            .filter(|p| {
                let mut words = p.name.split(' ');
                let first = words.next();
                let last = words.next_back();
                last.is_some() && (last == Some(name) || first == Some(name))
            })
            .filter(|p| gender.is_none() || p.gender.is_none() || p.gender == gender)
            .filter(|p| !p.named_at.is_empty())
            .collect();
        if candidates.len() <= 1 {
            return candidates.first().map(|p| p.name.clone());
        }
        let line = self.line_before(at);
        let named_before = |p: &Person| p.named_at.iter().filter(|&&x| x < at).count();
        let last_before = |p: &Person| p.named_at.iter().copied().filter(|&x| x < at).max();
        // Named in full in this paragraph: the latest such.
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

    /// The paragraph of the latest full naming before `at` (the paragraph `at` is in, when a
    /// name was given there).
    fn line_before(&self, at: usize) -> Option<usize> {
        self.lines.range(..at).next_back().map(|(_, &l)| l)
    }

    fn person(&self, name: &str) -> Option<&Person> {
        self.persons.iter().find(|p| p.name == name)
    }

    /// The gender of a resolved speaker, when known.
    fn gender_of(&self, name: &str) -> Option<Gender> {
        self.person(name)
            .and_then(|p| p.gender)
            .or_else(|| name.split(' ').next().and_then(given_name_gender))
    }
}

/// What a pronoun or description may refer to: the quotations of the article (people named
/// inside them are not the ones a narrator's "he" means) and the speakers found so far, by the
/// byte offset of their attribution.
pub(super) struct Discourse<'d> {
    pub quoted: &'d [Range<usize>],
    pub speakers: &'d [(usize, String)],
}

/// The person "he" or "she" at byte `at` refers to.
pub(super) fn resolve_pronoun(
    doc: &Doc<'_>,
    people: &People,
    gender: Gender,
    at: usize,
    discourse: &Discourse<'_>,
) -> Option<String> {
    if gender == Gender::Other {
        return None;
    }
    let sentence = doc.sentence_at(at)?;
    let sentences = doc.sentences[..=sentence.index]
        .iter()
        .rev()
        .filter(|s| !s.is_heading)
        .take(PRONOUN_REACH);
    for s in sentences {
        let range = s.span.start..s.span.end.min(at);
        for name in candidates(doc, people, range, discourse) {
            if people.gender_of(&name).is_none_or(|g| g == gender) {
                return Some(name);
            }
        }
    }
    None
}

/// The person "the senator" at byte `at` refers to: the latest person named before it with
/// that role.
pub(super) fn resolve_description(
    doc: &Doc<'_>,
    people: &People,
    head: &str,
    at: usize,
    discourse: &Discourse<'_>,
) -> Option<String> {
    let titles = titles_of_role(head)?;
    let before = doc.spans.partition_point(|s| s.start < at);
    doc.spans[..before]
        .iter()
        .zip(&doc.mentions[..before])
        .rev()
        .filter(|(span, m)| m.kind == EntityKind::Person && !inside(discourse.quoted, span))
        .map(|(span, m)| people.name_at(m, span.start))
        .find(|name| {
            people
                .person(name)
                .is_some_and(|p| p.roles.iter().any(|r| titles.contains(r)))
        })
}

/// The people a sentence offers as antecedents, in order of preference: the speakers
/// attributed in it, then the people it names outside quotations, left to right.
fn candidates(
    doc: &Doc<'_>,
    people: &People,
    range: Range<usize>,
    discourse: &Discourse<'_>,
) -> Vec<String> {
    let speakers = discourse
        .speakers
        .iter()
        .filter(|(at, _)| range.contains(at))
        .map(|(_, name)| name.clone());
    let named = doc
        .mentions_in(range.clone())
        .filter(|(span, m)| m.kind == EntityKind::Person && !inside(discourse.quoted, span))
        .map(|(span, m)| people.name_at(m, span.start));
    speakers.chain(named).collect()
}

fn inside(quoted: &[Range<usize>], span: &Range<usize>) -> bool {
    quoted
        .iter()
        .any(|q| q.start <= span.start && span.end <= q.end)
}

/// The titles that name the role a noun describes (`senator` → `sen`, `senator`).
fn titles_of_role(head: &str) -> Option<Vec<String>> {
    let head = head.trim_end_matches('s');
    let listed = ROLE_TITLES.iter().find_map(|line| {
        let mut words = line.split_whitespace();
        (words.next() == Some(head)).then(|| words.map(str::to_string).collect::<Vec<_>>())
    });
    listed.or_else(|| {
        (ROLE_NOUNS.contains(head) || PERSON_TITLES.contains(head)).then(|| vec![head.to_string()])
    })
}

/// Words in a mention's surface ("Donald Trump's" → 2).
fn surface_words(m: &Mention) -> usize {
    m.surface.split_whitespace().count()
}

fn bare(title: &str) -> String {
    title.trim_end_matches('.').to_lowercase()
}

fn given_name_gender(first: &str) -> Option<Gender> {
    if FEMALE_NAMES.contains(first) {
        Some(Gender::Female)
    } else if MALE_NAMES.contains(first) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// Titles and role nouns right before a mention ("Vermont Sen.", "House Speaker", "Mrs.") and in
/// an appositive right after it (", the Vermont senator").
fn roles_around(doc: &Doc<'_>, span: Range<usize>) -> Vec<String> {
    let Some(s) = doc.sentence_at(span.start) else {
        return Vec::new();
    };
    let is_role = |t: &Token<'_>| {
        let w = t.lower();
        PERSON_TITLES.contains(&w) || PERSON_TITLES.contains(&format!("{w}.")) || {
            ROLE_NOUNS.contains(&w)
        }
    };
    let before = doc.tokens(s.span.start..span.start);
    let mut roles: Vec<String> = before
        .iter()
        .rev()
        .filter(|t| t.text != ".")
        .take(3)
        .take_while(|t| t.is_capitalized() || is_role(t))
        .filter(|t| is_role(t))
        .map(|t| t.lower())
        .collect();
    let after = doc.tokens(span.end..s.span.end);
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
                .map(|t| t.lower()),
        );
    }
    roles
}
