//! Whether name tokens name a person: a title, a role noun or reporting verb beside them, an
//! appositive, or a surname already seen as a person's. Name tokens that do not name a person
//! may still be a place, an event, an outlet or an acronym.

use parallax_model::{EntityKind, MentionForm};
use parallax_text::{Token, TokenKind, WordList};

use super::kinds::non_person_kind;
use super::{join, Scan, CONNECTORS, NOT_NAMES};
use crate::wordlists::{ROLE_NOUNS, SPEECH_VERBS, WEEKDAY_NAMES};

/// Words before a capitalised run that show it is not a person's name ("of my Second Term").
static DETERMINERS: WordList = WordList::new(include_str!("../../data/determiners.txt"));
/// Plural nouns for groups that speak in news ("Police said") and are capitalised only because
/// they open a sentence: actors, but not named entities.
static COLLECTIVE_ACTORS: WordList =
    WordList::new(include_str!("../../data/collective-actors.txt"));

impl Scan<'_, '_> {
    /// Evidence around a name run [from, to) that it names a person.
    fn person_evidence(&self, from: usize, to: usize) -> bool {
        let prev = from.checked_sub(1).and_then(|i| self.lower_at(i));
        let next = self.lower_at(to);
        let prev_is_role = prev.as_deref().is_some_and(|p| ROLE_NOUNS.contains(p));
        let next_is_speech = next.as_deref().is_some_and(|n| SPEECH_VERBS.contains(n));
        let prev_is_said = prev
            .as_deref()
            .is_some_and(|p| matches!(p, "said" | "says" | "told" | "by"));
        // "Rania Malki, a Middle East analyst"
        let appositive = self.toks.get(to).is_some_and(|t| t.text == ",")
            && matches!(
                self.lower_at(to + 1).as_deref(),
                Some("a" | "an" | "the" | "who")
            )
            && self.toks[to + 1..self.toks.len().min(to + 7)]
                .iter()
                .any(|t| ROLE_NOUNS.contains(t.text.to_lowercase().as_str()));
        prev_is_role || next_is_speech || prev_is_said || appositive
    }
}

/// Name tokens [from, to): a person, a surname of a known person, an acronym, or nothing.
pub(super) fn name(
    sc: &mut Scan<'_, '_>,
    from: usize,
    to: usize,
    title: Option<String>,
    country: Option<String>,
) {
    let toks = sc.toks;
    let end = name_end(toks, from, to);
    let n = end - from;
    let key = join(&toks[from..end]);
    let first = &toks[from];
    let known_person = sc.people.contains_key(toks[end - 1].stem_possessive());
    if title.is_none() && !known_person {
        // "Police said": a group of actors, not a name; "County Sheriff": a role, not a name;
        // "Man charged …", "E": a word the article writes in lower case opening the sentence,
        // or a lone initial.
        let lower = first.text.to_lowercase();
        if n == 1 && COLLECTIVE_ACTORS.contains(&lower)
            || n >= 2 && ROLE_NOUNS.contains(toks[end - 1].text.to_lowercase().as_str())
            || n == 1 && sc.opens_sentence(from) && sc.common.contains(&lower)
            || n == 1 && first.text.chars().count() == 1
        {
            return;
        }
        if let Some(kind) = non_person_kind(&toks[from..end]) {
            sc.push(from, end, key, kind, MentionForm::Name);
            return;
        }
    }
    if is_person(sc, from, end, title.is_some()) {
        push_person(sc, from, end, key, title, country);
    } else if n == 1 && is_acronym(sc, from) {
        sc.push(
            from,
            end,
            first.text.to_string(),
            EntityKind::Organisation,
            MentionForm::Name,
        );
    }
}

/// A short all-capitals word that names a body ("NDAA", "FEC"): not an English word the article
/// also writes in lower case ("FIRE", "BOOM"), nor a dateline opening the sentence ("SEOUL, South
/// Korea -").
fn is_acronym(sc: &Scan<'_, '_>, i: usize) -> bool {
    let t = &sc.toks[i];
    let dateline = sc.opens_sentence(i)
        && sc
            .toks
            .get(i + 1)
            .is_some_and(|n| matches!(n.text, "," | "-"));
    t.is_all_caps()
        && t.text.len() <= 6
        && !NOT_NAMES.contains(t.text)
        && !sc.common.contains(&t.text.to_lowercase())
        && !dateline
}

/// Where the name in [from, to) ends: before a trailing connector or weekday ("the Steelers
/// Sunday"), and before a doubled surname ("Tokayev Tokayev", an editing slip read once).
fn name_end(toks: &[Token<'_>], from: usize, to: usize) -> usize {
    let mut end = to;
    while end > from + 1
        && (CONNECTORS.contains(toks[end - 1].text) || WEEKDAY_NAMES.contains(toks[end - 1].text))
    {
        end -= 1;
    }
    if end - from >= 2 && toks[end - 1].stem_possessive() == toks[end - 2].stem_possessive() {
        end -= 1;
    }
    end
}

/// Whether name tokens [from, end) name a person.
fn is_person(sc: &Scan<'_, '_>, from: usize, end: usize, titled: bool) -> bool {
    let toks = sc.toks;
    let first = &toks[from];
    let sentence_initial = from == 0 || toks[..from].iter().all(|t| t.kind == TokenKind::Punct);
    if end - from >= 2 {
        titled
            || sc.person_evidence(from, end)
            || sc.people.contains_key(toks[end - 1].stem_possessive())
            || (!sentence_initial
                && !from
                    .checked_sub(1)
                    .is_some_and(|p| DETERMINERS.contains(&toks[p].text.to_lowercase()))
                && end - from <= 3
                && toks[from..end]
                    .iter()
                    .all(|t| t.is_capitalized() && !t.is_all_caps() || t.text.starts_with("al-")))
    } else {
        titled
            || sc.people.contains_key(first.stem_possessive())
            || (!first.is_all_caps()
                && sc.person_evidence(from, end)
                && !parallax_text::is_stopword(&first.text.to_lowercase()))
    }
}

/// Push a person mention: a known person's surname resolves to the full name.
fn push_person(
    sc: &mut Scan<'_, '_>,
    from: usize,
    end: usize,
    key: String,
    title: Option<String>,
    country: Option<String>,
) {
    let toks = sc.toks;
    let (key, form) = match sc.people.get(toks[end - 1].stem_possessive()) {
        Some(full) if end - from == 1 => (full.clone(), MentionForm::Surname),
        _ => (key, MentionForm::Name),
    };
    let idx = sc.push(from, end, key, EntityKind::Person, form);
    sc.out[idx].title = title;
    sc.out[idx].title_country = country;
}
