//! One capitalised run of tokens, read left to right: a name covering the whole run (an
//! agreement, an outlet, an organisation), else gazetteer entries, titles and name tokens in
//! turn, and a title with a country but no name as a role ("the Kazakh President").

use parallax_model::{EntityKind, MentionForm};
use parallax_text::{Token, WordList};

use super::gazetteer_matches::{gazetteer_at, look_back_country, push_entry};
use super::kinds::{head_kind, non_person_kind};
use super::people::name;
use super::titles::{is_plural_title, title_at};
use super::{join, Scan, CONNECTORS, NAME_OPENERS, NOT_NAMES};
use crate::gazetteer::gazetteer;
use crate::wordlists::ROLE_NOUNS;

/// Party words that qualify a name without being part of it ("Republican Donald Trump").
static PARTY_WORDS: WordList = WordList::new(include_str!("../../data/party-words.txt"));
/// Nouns that describe the organisation named after them ("Drugmaker Pfizer").
static DESCRIPTOR_NOUNS: WordList = WordList::new(include_str!("../../data/descriptor-nouns.txt"));

/// Read one capitalised run [from, to).
pub(super) fn read_run(sc: &mut Scan<'_, '_>, from: usize, to: usize) {
    if !names_whole_run(sc, from, to) {
        read_parts(sc, from, to);
    }
}

/// A named agreement, outlet or organisation covers the whole run ("Arab Peace Initiative").
/// Returns whether it did (and was pushed).
fn names_whole_run(sc: &mut Scan<'_, '_>, from: usize, to: usize) -> bool {
    let toks = sc.toks;
    let g = gazetteer();
    let mut start = from;
    // A name starts after its article: "Joining the Abraham Accords" names "Abraham Accords".
    if let Some(the) = (from..to)
        .rev()
        .find(|&k| toks[k].text.eq_ignore_ascii_case("the"))
    {
        start = the + 1;
    } else if matches!(toks[from].text, "A" | "An") && to - from >= 2 {
        // "A Los Angeles Superior Court judge": a sentence-initial article is not the name.
        start = from + 1;
    }
    // "Because Republicans …", "Addressing New York State Republican Party …": words opening
    // the sentence before the name.
    while to - start > 2 && opens_before_name(sc, start) {
        start += 1;
    }
    if to - start < 2 || titled_person_of_body(toks, start, to) {
        return false;
    }
    let whole = join(&toks[start..to]);
    if g.get(&whole).is_some() {
        return false;
    }
    let Some(kind) = head_kind(toks[to - 1].stem_possessive()) else {
        return false;
    };
    // A leading country or demonym qualifies an organisation; keep it in the name.
    let country = g.country_of(toks[start].text).map(str::to_string);
    // Known organisations keep their gazetteer name ("US State Department").
    if let Some(e) = (start + 1..to).find_map(|k| g.get(&join(&toks[k..to]))) {
        let idx = sc.push(start, to, e.key.clone(), e.kind, MentionForm::Alias);
        sc.out[idx].title_country = country;
        return true;
    }
    if kind == EntityKind::Agreement || !NOT_NAMES.contains(toks[start].text) || to - start >= 3 {
        let idx = sc.push(start, to, whole, kind, MentionForm::Name);
        sc.out[idx].title_country = country;
        return true;
    }
    false
}

/// "Judge Jack B. Weinstein of Federal District Court": a titled person of a body, not the
/// body's name.
fn titled_person_of_body(toks: &[Token<'_>], start: usize, to: usize) -> bool {
    let Some((n, _)) = title_at(toks, start) else {
        return false;
    };
    (start + n..to)
        .find(|&k| toks[k].text == "of")
        .is_some_and(|of| of >= start + n + 2)
}

/// What the part of a run read so far says about the name that follows.
struct Pending {
    title: Option<String>,
    country: Option<String>,
    name_start: Option<usize>,
}

impl Pending {
    /// Read the name tokens gathered so far, up to `end`; a title goes to that name.
    fn flush(&mut self, sc: &mut Scan<'_, '_>, end: usize) {
        if let Some(start) = self.name_start.take() {
            name(sc, start, end, self.title.take(), self.country.clone());
        }
    }
}

/// Gazetteer entries, titles and name tokens of a run [from, to), in turn.
fn read_parts(sc: &mut Scan<'_, '_>, from: usize, to: usize) {
    let toks = sc.toks;
    let mut p = Pending {
        title: None,
        country: look_back_country(sc, from),
        name_start: None,
    };
    let mut i = from;
    while i < to {
        let t = &toks[i];
        if let Some((n, e)) = gazetteer_at(toks, i, to) {
            p.flush(sc, i);
            let before = sc.out.len();
            if let Some(country) = push_entry(sc, i, n, to, e) {
                country_of_title(sc, before, i, &country);
                p.country = Some(country);
            }
            i += n;
            continue;
        }
        if let Some((n, title)) = title_at(toks, i) {
            p.flush(sc, i);
            p.title = Some(title);
            i += n;
            continue;
        }
        match p.name_start {
            // "William A. Ackman of Pershing Square": a person of a place or a body.
            Some(start) if t.text == "of" && i - start >= 2 && names_a_body(toks, i + 1, to) => {
                p.flush(sc, i);
            }
            None if !starts_a_name(sc, i, to) => {}
            None => p.name_start = Some(i),
            Some(_) => {}
        }
        i += 1;
    }
    if p.name_start.is_some() {
        p.flush(sc, to);
    } else if let Some(title) = p.title {
        // A role without a name: "the Kazakh President".
        if let Some(country) = p.country.filter(|_| from > 0 || toks.len() > to) {
            let (a, b) = role_span(toks, from, to);
            let idx = sc.push(
                a,
                b,
                format!("{title} of {country}"),
                EntityKind::Person,
                MentionForm::Role,
            );
            sc.out[idx].title = Some(title);
            sc.out[idx].title_country = Some(country);
        }
    }
}

/// Whether token `i` of a run ending at `to` can start a name: not a connector, a word that is
/// never a name, a contraction, a party word ("Republican Donald Trump"), a plural title; and,
/// before more of the run, not a role or descriptor noun or a common word opening the sentence
/// ("Actress Tara Reid", "Drugmaker Pfizer", "Stunning Williams").
fn starts_a_name(sc: &Scan<'_, '_>, i: usize, to: usize) -> bool {
    let t = &sc.toks[i];
    let word = t.stem_possessive();
    let lower = word.to_lowercase();
    let contraction = ["n't", "'m", "'re", "'ll", "'ve", "'d"]
        .iter()
        .any(|c| lower.ends_with(c));
    if CONNECTORS.contains(t.text)
        || NOT_NAMES.contains(word)
        || NAME_OPENERS.contains(word)
        || contraction
        || PARTY_WORDS.contains(word)
        || is_plural_title(word)
    {
        return false;
    }
    let rest = to - i - 1;
    // Opening a sentence, a role or descriptor noun is capitalised for its place only.
    let opening_noun =
        sc.opens_sentence(i) && (ROLE_NOUNS.contains(&lower) || DESCRIPTOR_NOUNS.contains(&lower));
    let describes = opening_noun
        || sc.common_word_opening(i) && (rest >= 2 || is_adjectival(&lower))
        || describes_known_person(sc, i, to);
    rest == 0 || !describes
}

/// "Stunning Williams quickly achieved …" after "Esther Williams": an adjective opening the
/// sentence before the surname of a person named earlier, whose given name it is not.
fn describes_known_person(sc: &Scan<'_, '_>, i: usize, to: usize) -> bool {
    let word = sc.toks[i].text;
    to == i + 2
        && sc.opens_sentence(i)
        && is_adjectival(&word.to_lowercase())
        && sc
            .people
            .get(sc.toks[i + 1].stem_possessive())
            .is_some_and(|full| !full.starts_with(word))
}

/// A word before a name that is not part of it: an opener ("Because …"), or a participle
/// opening the sentence ("Addressing …").
fn opens_before_name(sc: &Scan<'_, '_>, i: usize) -> bool {
    let word = sc.toks[i].text;
    NAME_OPENERS.contains(word) || sc.opens_sentence(i) && word.len() > 6 && word.ends_with("ing")
}

/// Endings of adjectives and participles: a capitalised word with one opening a sentence is a
/// word, not a first name ("Stunning Williams"), where "Bill Clinton" is a name.
fn is_adjectival(word: &str) -> bool {
    ["ing", "ed", "ly", "ous", "ful", "ive", "less", "able"]
        .iter()
        .any(|e| word.len() > e.len() + 3 && word.ends_with(e))
}

/// Whether tokens [from, to) name a place or a body on their own ("Pershing Square", "Russia",
/// "Federal District Court").
fn names_a_body(toks: &[Token<'_>], from: usize, to: usize) -> bool {
    from < to
        && (gazetteer_at(toks, from, to).is_some_and(|(n, _)| from + n == to)
            || non_person_kind(&toks[from..to]).is_some()
            || to - from >= 2 && head_kind(toks[to - 1].stem_possessive()).is_some())
}

/// "President Vladimir V. Putin of Russia": the country after "of" qualifies the title of the
/// person just named (the mention pushed before index `before`).
fn country_of_title(sc: &mut Scan<'_, '_>, before: usize, at: usize, country: &str) {
    if at == 0 || sc.toks[at - 1].text != "of" || before == 0 {
        return;
    }
    let m = &mut sc.out[before - 1];
    if m.kind == EntityKind::Person && m.title.is_some() && m.title_country.is_none() {
        m.title_country = Some(country.to_string());
    }
}

/// The span of a role mention: the run without a leading "the".
fn role_span(toks: &[Token<'_>], from: usize, to: usize) -> (usize, usize) {
    let start = if toks[from].text.eq_ignore_ascii_case("the") {
        from + 1
    } else {
        from
    };
    (start.min(to - 1), to)
}
