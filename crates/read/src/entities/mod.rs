//! Entity mentions in one article: people, countries, places, organisations, agreements.
//!
//! Capitalised runs of tokens are read left to right (`runs`): a name covering the whole run
//! (`kinds`), else gazetteer names, longest first (`gazetteer_matches`), titles such as
//! "Prime Minister" (`titles`), and name tokens. A name becomes a person on evidence — a title,
//! a role noun, a reporting verb, an appositive — or because its surname was already seen as a
//! person's (`people`): the body is read twice, the second time only where such a surname
//! occurs. Headings are title-cased, so there only names the body used are matched.
//! Cross-article merging of aliases happens later, in the compare stage.

mod article_words;
mod gazetteer_matches;
mod kinds;
mod people;
mod runs;
mod titles;

use std::collections::HashMap;

use rustc_hash::FxHashSet as HashSet;

use parallax_model::{EntityKind, Mention, MentionForm, Sentence};
use parallax_text::{tokenize, Token, TokenKind, WordList};

use crate::gazetteer::{gazetteer, GazetteerForm};
use gazetteer_matches::{form_of, gazetteer_at};

/// Words that may sit inside a name run without a capital ("Secretary of State", "al-Sharaa").
static CONNECTORS: WordList = WordList::new(include_str!("../../data/name-connectors.txt"));
/// Capitalised words that are never names by themselves, and the weekdays.
static NOT_NAMES: WordList = WordList::joined(
    include_str!("../../data/not-names.txt"),
    include_str!("../../data/weekdays.txt"),
);
/// Capitalised words that open a sentence or a clause before a name ("Because Obama left").
static NAME_OPENERS: WordList = WordList::new(include_str!("../../data/name-openers.txt"));

/// Find every entity mention in the article's sentences.
pub fn find_mentions(sentences: &[Sentence]) -> Vec<Mention> {
    let tokenized: Vec<Vec<Token<'_>>> = sentences
        .iter()
        .map(|s| article_words::split_glued(tokenize(&s.text)))
        .collect();
    let common = article_words::lower_case_words(&tokenized);
    let (body, headings): (Vec<_>, Vec<_>) = sentences
        .iter()
        .zip(&tokenized)
        .partition(|(s, toks)| !reads_as_heading(s, toks));
    // Pass 1: people named with strong evidence, so that later surnames can be resolved.
    let no_people = HashMap::new();
    let first: Vec<Vec<Mention>> = body
        .iter()
        .map(|(s, toks)| scan(&mut Scan::new(s, toks, &no_people, &common)))
        .collect();
    let people = people_by_surname(first.iter().flatten());
    // Pass 2: only sentences with a known surname can read differently now.
    let mut out = Vec::new();
    for ((s, toks), mentions) in body.iter().zip(first) {
        if toks
            .iter()
            .any(|t| people.contains_key(t.stem_possessive()))
        {
            out.extend(scan(&mut Scan::new(s, toks, &people, &common)));
        } else {
            out.extend(mentions);
        }
    }
    // Headings are title-cased, so capitals say nothing there: match only names the body used.
    let known: HashMap<String, (String, EntityKind)> = out
        .iter()
        .filter(|m| m.form != MentionForm::Role)
        .map(|m| (m.surface.clone(), (m.key.clone(), m.kind)))
        .collect();
    for (s, toks) in headings {
        out.extend(scan_heading(
            &mut Scan::new(s, toks, &people, &common),
            &known,
        ));
    }
    out.sort_by_key(|m| (m.sentence, m.span.start));
    out
}

/// How many function words capitalised in mid-sentence make a body line title-cased ("Pins The
/// Rise Of ISIS On …"): names have few ("Bank of America"), headlines many.
const TITLE_CASE_FUNCTION_WORDS: usize = 3;

/// A headline or heading, or a title-cased line in the body (a link to another story): capitals
/// say nothing about names there.
fn reads_as_heading(s: &Sentence, toks: &[Token<'_>]) -> bool {
    s.is_heading
        || parallax_text::lines::is_title_case(&s.text)
            && toks
                .iter()
                .skip(1)
                .filter(|t| {
                    t.is_capitalized()
                        && t.text.len() <= 4
                        && parallax_text::is_stopword(&t.text.to_lowercase())
                        && !matches!(t.text, "New" | "US" | "I")
                })
                .count()
                >= TITLE_CASE_FUNCTION_WORDS
}

/// Surname → the longest full name of a person named with a title or a first name.
fn people_by_surname<'a>(mentions: impl Iterator<Item = &'a Mention>) -> HashMap<String, String> {
    let mut people: HashMap<String, String> = HashMap::new();
    for m in mentions {
        if m.kind == EntityKind::Person
            && m.form == MentionForm::Name
            && (m.key.contains(' ') || m.title.is_some())
        {
            if let Some(surname) = m.key.split(' ').next_back() {
                let entry = people
                    .entry(surname.to_string())
                    .or_insert_with(|| m.key.clone());
                if m.key.len() > entry.len() {
                    *entry = m.key.clone();
                }
            }
        }
    }
    people
}

/// Mentions in a title-cased heading: gazetteer entries and names already seen in the body.
fn scan_heading(
    sc: &mut Scan<'_, '_>,
    known: &HashMap<String, (String, EntityKind)>,
) -> Vec<Mention> {
    let (toks, people) = (sc.toks, sc.people);
    let mut i = 0;
    while i < toks.len() {
        let found = (1..=5.min(toks.len() - i)).rev().find_map(|n| {
            let surface = join(&toks[i..i + n]);
            if let Some((key, kind)) = known.get(&surface) {
                return Some((n, key.clone(), *kind, MentionForm::Name));
            }
            if let Some((g, e)) = gazetteer_at(toks, i, i + n).filter(|(g, _)| *g == n) {
                return Some((g, e.key.clone(), e.kind, form_of(e.form)));
            }
            (n == 1)
                .then(|| people.get(toks[i].stem_possessive()))
                .flatten()
                .map(|full| (1, full.clone(), EntityKind::Person, MentionForm::Surname))
        });
        match found {
            Some((n, key, kind, form)) => {
                sc.push(i, i + n, key, kind, form);
                i += n;
            }
            None => i += 1,
        }
    }
    std::mem::take(&mut sc.out)
}

/// Mentions in a body sentence: its capitalised runs, and country names inside hyphenated words.
fn scan(sc: &mut Scan<'_, '_>) -> Vec<Mention> {
    let toks = sc.toks;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if article_words::is_party_tag(t) {
            i += 1;
            continue;
        }
        // "US-brokered", "Israel-Kazakhstan", "anti-Israel": name the gazetteer parts.
        if t.kind == TokenKind::Word
            && t.text.contains('-')
            && gazetteer().get(t.stem_possessive()).is_none()
            && t.text.split('-').any(|p| gazetteer().get(p).is_some())
        {
            hyphen_parts(sc, i);
            i += 1;
            continue;
        }
        if !(is_name_token(t) || t.is_all_caps()) {
            i += 1;
            continue;
        }
        let end = run_end(toks, i);
        runs::read_run(sc, i, end);
        i = end;
    }
    std::mem::take(&mut sc.out)
}

/// Extent of the capitalised run starting at `i`, allowing connectors between capitalised words.
fn run_end(toks: &[Token<'_>], i: usize) -> usize {
    let mut end = i + 1;
    while end < toks.len() {
        let w = &toks[end];
        let next_is_name = toks.get(end + 1).is_some_and(is_name_token);
        // "George W. Bush": the dot after a middle initial stays inside the name; so does the
        // dot of an abbreviated title ("Sen. Ben Sasse").
        let prev = toks[end - 1].text;
        let initial_dot = w.text == "."
            && (prev.len() == 1 && prev.chars().all(|c| c.is_ascii_uppercase()) && end - 1 > i
                || titles::is_abbreviated_title(prev))
            && next_is_name;
        // "Taunton Deane Magistrates' Court": a plural possessive inside a body's name, before
        // its head word ("Sanders' Medicare plan" is two names), unless the run opened with a
        // quotation mark ('United States' Ambassador).
        let plural_possessive = w.text == "'"
            && prev.ends_with('s')
            && toks[end - 1].end == w.start
            && toks
                .get(end + 1)
                .is_some_and(|n| kinds::head_kind(n.text).is_some())
            && !(i > 0 && toks[i - 1].text == "'");
        let joins = is_name_token(w)
            || w.is_all_caps()
            || initial_dot
            || plural_possessive
            || (CONNECTORS.contains(w.text) && next_is_name);
        if !joins {
            break;
        }
        end += 1;
        if toks[end - 1].text.ends_with("'s") {
            break;
        }
    }
    if possessive_owner(toks, i, end) {
        return i + 1;
    }
    end
}

/// "NBC's Matt Lauer", "Duke's J.J. Redick": a possessive opening a run owns the name after it
/// and is a run of its own, unless it is a country ("Kazakhstan's President …") or the name of
/// a body with its head word ("Sam's Club").
fn possessive_owner(toks: &[Token<'_>], i: usize, end: usize) -> bool {
    toks[i].text.ends_with("'s")
        && end > i + 1
        && gazetteer().get(toks[i].stem_possessive()).is_none()
        && !(end == i + 2 && kinds::head_kind(toks[i + 1].text).is_some())
}

/// "US-brokered", "Israel-Kazakhstan": name the parts that are in the gazetteer.
fn hyphen_parts(sc: &mut Scan<'_, '_>, i: usize) {
    let t = &sc.toks[i];
    let mut offset = t.start;
    for part in t.text.split('-') {
        if let Some(e) = gazetteer().get(part) {
            if e.form != GazetteerForm::Capital {
                let start = offset;
                let end = offset + part.len();
                sc.out.push(Mention {
                    sentence: sc.sentence.index,
                    span: start..end,
                    surface: part.to_string(),
                    key: e.key.clone(),
                    kind: e.kind,
                    form: form_of(e.form),
                    title: None,
                    title_country: None,
                    scare_quoted: false,
                });
            }
        }
        offset += part.len() + 1;
    }
}

fn is_name_token(t: &Token<'_>) -> bool {
    t.kind == TokenKind::Word
        && (t.is_capitalized() || t.text.starts_with("al-") || t.text.starts_with("el-"))
}

/// Tokens as one name: spaces between words, none before a dot ("George W. Bush") or an
/// apostrophe ("Magistrates' Court"), and the last word without its possessive "'s".
pub(crate) fn join(tokens: &[Token<'_>]) -> String {
    let mut out = String::new();
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 && t.text != "." && t.text != "'" {
            out.push(' ');
        }
        out.push_str(if i + 1 == tokens.len() {
            t.stem_possessive()
        } else {
            t.text
        });
    }
    out
}

/// One sentence being scanned: its tokens, the people known by surname, the words the article
/// writes in lower case, the mentions so far.
struct Scan<'a, 't> {
    sentence: &'a Sentence,
    toks: &'a [Token<'t>],
    people: &'a HashMap<String, String>,
    common: &'a HashSet<String>,
    out: Vec<Mention>,
}

impl<'a, 't> Scan<'a, 't> {
    fn new(
        sentence: &'a Sentence,
        toks: &'a [Token<'t>],
        people: &'a HashMap<String, String>,
        common: &'a HashSet<String>,
    ) -> Self {
        Scan {
            sentence,
            toks,
            people,
            common,
            out: Vec::new(),
        }
    }

    /// Whether token `i` opens the sentence (only punctuation before it).
    fn opens_sentence(&self, i: usize) -> bool {
        self.toks[..i].iter().all(|t| t.kind == TokenKind::Punct)
    }

    /// A capitalised word opening the sentence that the article also writes in lower case
    /// ("Stunning Williams …", "Actress Tara Reid …"): a word, not part of the name after it.
    fn common_word_opening(&self, i: usize) -> bool {
        self.opens_sentence(i) && self.common.contains(&self.toks[i].text.to_lowercase())
    }

    /// Push a mention of tokens [from, to) and return its index. A possessive "'s" is left out;
    /// quotation marks right around the mention mark it as scare-quoted.
    fn push(
        &mut self,
        from: usize,
        to: usize,
        key: String,
        kind: EntityKind,
        form: MentionForm,
    ) -> usize {
        let start = self.toks[from].start;
        let mut end = self.toks[to - 1].end;
        let last = &self.toks[to - 1];
        if last.text.ends_with("'s") {
            end -= 2;
        }
        let text = &self.sentence.text;
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        // "''America's Unwritten Constitution''": the apostrophe of a possessive is no mark.
        let scare_quoted = matches!(
            (before, after),
            (Some('\''), Some('\'')) | (Some('"'), Some('"'))
        ) && !text[end..].starts_with("'s")
            && text[..start]
                .chars()
                .rev()
                .nth(1)
                .is_none_or(|c| !c.is_alphanumeric());
        self.out.push(Mention {
            sentence: self.sentence.index,
            span: start..end,
            surface: text[start..end].to_string(),
            key,
            kind,
            form,
            title: None,
            title_country: None,
            scare_quoted,
        });
        self.out.len() - 1
    }

    fn lower_at(&self, i: usize) -> Option<String> {
        self.toks.get(i).map(|t| t.text.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_events_outlets_and_groups_are_not_people() {
        let m = mentions("Lohan left a clinic in Newport Beach and flew to New Orleans before the Academy Awards, the Timaru Herald reported.\nPolice said she was fine.");
        let kind = |s: &str| m.iter().find(|x| x.0 == s).map(|x| x.2);
        assert_eq!(kind("Newport Beach"), Some(EntityKind::Place), "{m:?}");
        assert_eq!(kind("New Orleans"), Some(EntityKind::Place));
        assert_eq!(kind("Academy Awards"), Some(EntityKind::Event));
        assert_eq!(kind("Timaru Herald"), Some(EntityKind::Media));
        assert_eq!(kind("Police"), None);
        let m = mentions("A Los Angeles Superior Court judge and the County Sheriff agreed.");
        let kind = |s: &str| m.iter().find(|x| x.0 == s).map(|x| x.2);
        assert_eq!(
            kind("Los Angeles Superior Court"),
            Some(EntityKind::Organisation),
            "{m:?}"
        );
        assert_eq!(kind("County Sheriff"), None);
        let m = mentions("Officials in Los Angeles and Ontario said Mayor Karen Bass spoke.");
        let kind = |s: &str| m.iter().find(|x| x.0 == s).map(|x| x.2);
        assert_eq!(kind("Los Angeles"), Some(EntityKind::Place), "{m:?}");
        assert_eq!(kind("Ontario"), Some(EntityKind::Place));
        assert_eq!(kind("Karen Bass"), Some(EntityKind::Person));
        let m = mentions("Former President George W. Bush said it.");
        assert_eq!(m[0].1, "George W. Bush", "{m:?}");
        let m =
            mentions("District Attorney Lynne Abraham said Jackson will face the Steelers Sunday.");
        assert_eq!(m[0].1, "Lynne Abraham", "{m:?}");
        assert!(m.iter().all(|x| !x.0.contains("Sunday")), "{m:?}");
        let m = mentions("Coach Romeo Crennel praised Dexter McCluster-who scored twice.");
        assert!(
            m.iter()
                .any(|x| x.0 == "Dexter McCluster" && x.1 == "Dexter McCluster"),
            "{m:?}"
        );
        let m = mentions("He was held by the California Highway Patrol.");
        assert_eq!(m[0].2, EntityKind::Organisation, "{m:?}");
    }

    fn mentions(text: &str) -> Vec<(String, String, EntityKind, MentionForm)> {
        let sentences: Vec<Sentence> = text
            .split('\n')
            .enumerate()
            .map(|(i, t)| crate::test_sentence(i, t.to_string()))
            .collect();
        find_mentions(&sentences)
            .into_iter()
            .map(|m| (m.surface, m.key, m.kind, m.form))
            .collect()
    }

    fn keys(text: &str) -> Vec<String> {
        mentions(text)
            .into_iter()
            .map(|m| format!("{}={}", m.0, m.1))
            .collect()
    }

    #[test]
    fn titles_people_and_countries() {
        let k =
            keys("Kazakhstan President Kassym-Jomart Tokayev Tokayev contacted the White House.");
        assert_eq!(
            k,
            [
                "Kazakhstan=Kazakhstan",
                "Kassym-Jomart Tokayev=Kassym-Jomart Tokayev",
                "White House=White House"
            ]
        );
        let k =
            keys("Secretary of State Marco Rubio met Israeli PM Benjamin Netanyahu in Washington.");
        assert_eq!(
            k,
            [
                "Marco Rubio=Marco Rubio",
                "Israeli=Israel",
                "Benjamin Netanyahu=Benjamin Netanyahu",
                "Washington=Washington"
            ]
        );
    }

    #[test]
    fn surnames_resolve_to_people_seen_before() {
        let k = keys(
            "US President Donald Trump spoke.\nLater, Trump's envoy arrived and Trump said no.",
        );
        assert!(k.contains(&"Trump=Donald Trump".to_string()), "{k:?}");
        assert_eq!(
            k.iter()
                .filter(|x| x.as_str() == "Trump=Donald Trump")
                .count(),
            2
        );
    }

    #[test]
    fn capitals_act_as_governments_only_when_they_act() {
        let m = mentions("Washington praised the move.\nHe flew back to Washington tonight.");
        assert_eq!(m[0].1, "United States");
        assert_eq!(m[0].3, MentionForm::Metonym);
        assert_eq!(m[1].2, EntityKind::Place);
    }

    #[test]
    fn roles_governments_agreements_and_scare_quotes() {
        let m = mentions("the Kazakh President spoke to the Kazakh government about the Abraham Accords and the 2002 Arab Peace Initiative.");
        let keys: Vec<&str> = m.iter().map(|m| m.1.as_str()).collect();
        assert!(keys.contains(&"President of Kazakhstan"), "{keys:?}");
        assert!(keys.contains(&"Government of Kazakhstan"), "{keys:?}");
        assert!(keys.contains(&"Abraham Accords"), "{keys:?}");
        assert!(keys.contains(&"Arab Peace Initiative"), "{keys:?}");
        let s = crate::test_sentence(0, "ties with 'Israel' and the 'Israeli' Prime Minister");
        let ms = find_mentions(&[s]);
        assert!(ms
            .iter()
            .filter(|m| m.key == "Israel")
            .all(|m| m.scare_quoted));
        assert_eq!(ms.iter().filter(|m| m.key == "Israel").count(), 2);
    }

    #[test]
    fn words_around_names_are_not_part_of_them() {
        let k = keys(
            "Because Obama left, Republican Donald Trump met Sen. Ben Sasse (R-Neb.).\n\
             White House Chief of Staff Mick Mulvaney and Senators Tim Scott and Cory Booker came.\n\
             NBC's Matt Lauer met Judge Jack B. Weinstein of Federal District Court.\n\
             Actress Tara Reid and the New York-based Taunton Deane Magistrates' Court agreed.",
        );
        for junk in [
            "Because",
            "Republican",
            "Sen",
            "R-Neb",
            "Staff",
            "Senators",
            "NBC's",
            "Judge",
            "Actress",
            "-based",
        ] {
            assert!(!k.iter().any(|x| x.contains(junk)), "{junk} in {k:?}");
        }
        for name in [
            "Donald Trump=Donald Trump",
            "Ben Sasse=Ben Sasse",
            "Mick Mulvaney=Mick Mulvaney",
            "Tim Scott=Tim Scott",
            "Matt Lauer=Matt Lauer",
            "Jack B. Weinstein=Jack B. Weinstein",
            "Tara Reid=Tara Reid",
            "Taunton Deane Magistrates' Court=Taunton Deane Magistrates' Court",
        ] {
            assert!(k.contains(&name.to_string()), "{name} not in {k:?}");
        }
        let m = mentions("Sen. Ben Sasse spoke.");
        assert_eq!(m[0].1, "Ben Sasse");
        let s = crate::test_sentence(0, "AG Barr and Indiana Gov. Mike Pence spoke.");
        let titles: Vec<_> = find_mentions(&[s])
            .into_iter()
            .filter(|m| m.kind == EntityKind::Person)
            .map(|m| (m.key, m.title))
            .collect();
        assert_eq!(
            titles,
            [
                ("Barr".to_string(), Some("AG".to_string())),
                ("Mike Pence".to_string(), Some("Gov.".to_string()))
            ]
        );
    }

    #[test]
    fn hyphenated_and_evidence_based_people() {
        let k = keys("the US-brokered deal\n\"It is big,\" said political analyst Aidos Sarybekov.\nRania Malki, a Middle East analyst, agreed.");
        assert!(k.contains(&"US=United States".to_string()), "{k:?}");
        assert!(
            k.contains(&"Aidos Sarybekov=Aidos Sarybekov".to_string()),
            "{k:?}"
        );
        assert!(k.contains(&"Rania Malki=Rania Malki".to_string()), "{k:?}");
        let k = keys("Critics argue that Experts are wrong.");
        assert!(k.is_empty(), "{k:?}");
    }
}
