//! Who a speaker that does not name itself refers to:
//!
//! - "he" / "she" is the nearest person before it that the gender allows, looking back sentence by
//!   sentence: first the speaker attributed in a sentence, then the people it names outside
//!   quotations, left to right (the subject first);
//! - "the senator" is the person last named with that role ("Sen. Ben Sasse").
//!
//! Names, surnames, genders and roles come from `people`.

use std::ops::Range;

use parallax_text::WordList;

use parallax_model::EntityKind;

use super::attribution::speaks;
use super::doc::Doc;
use super::people::People;

/// Role nouns and the titles that name the same role (`senator sen senator`).
static ROLE_TITLES: WordList = WordList::new(include_str!("../../data/role-titles.txt"));

/// How far into a sentence, in tokens, its subject may be named.
const SUBJECT_WORDS: usize = 4;

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

    /// The gender a courtesy title gives ("Mr." → male, "Mrs." → female).
    pub fn of_courtesy(title: &str) -> Option<Gender> {
        match title.trim_end_matches('.') {
            "Mr" => Some(Gender::Male),
            "Mrs" | "Ms" | "Miss" => Some(Gender::Female),
            _ => None,
        }
    }

    /// The gender a title gives ("Mr." → male, "Queen" → female).
    pub fn of_title(title: &str) -> Option<Gender> {
        match title.trim_end_matches('.').to_lowercase().as_str() {
            "mr" | "sir" | "lord" | "king" | "prince" => Some(Gender::Male),
            "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" => Some(Gender::Female),
            _ => None,
        }
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
        return resolve_group(doc, at, discourse);
    }
    let sentence = doc.sentence_at(at)?;
    let sentences = doc.sentences[..=sentence.index]
        .iter()
        .rev()
        .filter(|s| !s.is_heading)
        .take(PRONOUN_REACH);
    for s in sentences {
        let named = candidates(doc, people, s.span.start..s.span.end.min(at), discourse);
        let agrees = |name: &String| people.gender_of(name).is_none_or(|g| g == gender);
        if let Some((name, _)) = named.iter().find(|(name, _)| agrees(name)) {
            return Some(name.clone());
        }
        // "Beck, in a white gown, greeted them. … she said": a surname alone as the subject may
        // name another of the family, the one named in full nearby.
        if let Some(namesake) = named
            .iter()
            .filter(|(_, surname_subject)| *surname_subject)
            .find_map(|(name, _)| people.namesake(name, gender, at))
        {
            return Some(namesake);
        }
    }
    None
}

/// The body "they" or "it" at byte `at` refers to: the first government, organisation, country
/// or outlet named in its sentence before it, else in the sentence before ("U.S. officials
/// attribute it to the plan, which they believe …" → United States).
fn resolve_group(doc: &Doc<'_>, at: usize, discourse: &Discourse<'_>) -> Option<String> {
    let sentence = doc.sentence_at(at)?;
    let sentences = doc.sentences[..=sentence.index]
        .iter()
        .rev()
        .filter(|s| !s.is_heading)
        .take(GROUP_REACH);
    for s in sentences {
        let first = doc
            .mentions_in(s.span.start..s.span.end.min(at))
            .find(|(span, m)| {
                speaks(m.kind) && m.kind != EntityKind::Person && !inside(discourse.quoted, span)
            });
        if let Some((_, m)) = first {
            return Some(m.key.clone());
        }
    }
    None
}

/// How many sentences back "they" or "it" may find the body it means.
const GROUP_REACH: usize = 2;

/// The person "the senator" at byte `at` refers to: the latest person named before it with
/// that role.
pub(super) fn resolve_description(
    people: &People,
    head: &str,
    at: usize,
    discourse: &Discourse<'_>,
) -> Option<String> {
    let titles = titles_of_role(head)?;
    let named: Vec<_> = people
        .named_in(0..at)
        .filter(|(span, _)| !inside(discourse.quoted, span))
        .collect();
    named
        .iter()
        .rev()
        .map(|(_, name)| name)
        .find(|name| people.has_role(name, &titles))
        .cloned()
}

/// The people a sentence offers as antecedents, in order of preference: the speakers
/// attributed in it, then the people it names outside quotations, left to right; each with
/// whether the text names them by a single word as the sentence's subject.
fn candidates(
    doc: &Doc<'_>,
    people: &People,
    range: Range<usize>,
    discourse: &Discourse<'_>,
) -> Vec<(String, bool)> {
    let speakers = discourse
        .speakers
        .iter()
        .filter(|(at, _)| range.contains(at))
        .map(|(_, name)| (name.clone(), false));
    let named = people
        .named_in(range.clone())
        .filter(|(span, _)| !inside(discourse.quoted, span))
        .map(|(span, name)| {
            let opening = doc.tokens(range.start..span.start).len() < SUBJECT_WORDS;
            (
                name.clone(),
                opening && !doc.text[span.clone()].contains(' '),
            )
        });
    speakers.chain(named).collect()
}

fn inside(quoted: &[Range<usize>], span: &Range<usize>) -> bool {
    quoted
        .iter()
        .any(|q| q.start <= span.start && span.end <= q.end)
}

/// The titles that name the role a noun describes (`senator` → `sen`, `senator`); only roles
/// listed in `role-titles.txt`, since "the candidate" or "the official" fit too many people.
fn titles_of_role(head: &str) -> Option<Vec<String>> {
    let head = head.trim_end_matches('s');
    ROLE_TITLES.iter().find_map(|line| {
        let mut words = line.split_whitespace();
        (words.next() == Some(head)).then(|| words.map(str::to_string).collect::<Vec<_>>())
    })
}
