//! A speaker phrase read as what it names: "Sen. Ben Sasse (R-Neb.)" is Ben Sasse, "the lawyer,
//! Mark D. Sheridan" is Mark D. Sheridan, "Katie Packer, who chairs the PAC" is Katie Packer,
//! "he" is a pronoun to resolve, "a spokesman for the campaign" a description kept as written.
//!
//! The phrase is cut into parts at commas, dashes and parentheses (a relative clause ends it); a
//! part whose head is capitalised is a name, one whose head is a pronoun is a pronoun, any other
//! a description. The first name wins, then a pronoun, then a description.

use parallax_model::{EntityKind, MentionForm};
use parallax_text::{Token, TokenKind, WordList};

use super::attribution::speaks;
use super::coreference::Gender;
use super::doc::Doc;
use super::people::{given_name_gender, People};
use super::phrases::speaker_noun;
use crate::wordlists::{DETERMINERS, NOT_NAMES, PERSON_TITLES, ROLE_NOUNS};

/// Capitalised words that qualify a name without being part of it ("Republican Donald Trump",
/// "Former Gov. Jeb Bush").
static NAME_QUALIFIERS: WordList =
    WordList::ignoring_case(include_str!("../../data/name-qualifiers.txt"));
/// Prepositions that end the head of a phrase ("Jeffrey Lewis of the Center", "a spokesman
/// for the campaign").
static HEAD_ENDS: WordList = WordList::new(include_str!("../../data/phrase-head-ends.txt"));
/// Words that open a relative clause, which ends a speaker phrase ("…, who opposed it").
static RELATIVES: WordList = WordList::new(include_str!("../../data/relative-pronouns.txt"));
/// Words besides determiners that open a speaker's noun phrase ("Another official").
pub(super) static PHRASE_OPENERS: WordList =
    WordList::new(include_str!("../../data/phrase-openers.txt"));
/// Words that open a sentence capitalised without being names ("Today", "Then", "Even").
static ADVERBS: WordList = WordList::new(include_str!("../../data/sentence-adverbs.txt"));

/// Who a speaker phrase names, before pronouns and descriptions are resolved.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Speaker {
    /// A name: an entity's key, or the name as written without its title.
    Name(String),
    /// "he", "she", "they".
    Pronoun(Gender),
    /// A place's name: a speaker only when the phrase names nothing else ("Madison said", where
    /// the gazetteer knows a city), else a home town in an appositive ("of Flint, Mich.").
    Place(String),
    /// "the senator", "a spokesman for the campaign": the phrase as written, its head noun
    /// (lower case), and whether it is definite ("the …").
    Description {
        phrase: String,
        head: String,
        definite: bool,
    },
}

/// Which way round a speaker phrase and its verb are: the subject before the verb, whose last
/// name is the speaker (an opening clause may name others: "With Trump out, Cross said"), or the
/// phrase after it, whose first name is (an appositive may name others: "said Bryant, a backer of
/// Sen. Ted Cruz").
#[derive(Clone, Copy, PartialEq)]
pub(super) enum Order {
    Subject,
    Inverted,
}

/// Read a speaker phrase (tokens with byte offsets into `doc.text`).
pub(super) fn read_phrase(
    doc: &Doc<'_>,
    people: &People,
    toks: &[Token<'_>],
    order: Order,
) -> Option<Speaker> {
    let mut read: Vec<Speaker> = parts(toks)
        .iter()
        .filter_map(|p| read_part(doc, people, p))
        .collect();
    if order == Order::Subject {
        read.reverse();
    }
    let name = read
        .iter()
        .find(|s| matches!(s, Speaker::Name(_)))
        .or_else(|| read.iter().find(|s| matches!(s, Speaker::Place(_))));
    name.or_else(|| read.first().filter(|s| matches!(s, Speaker::Pronoun(_))))
        .or_else(|| {
            read.iter()
                .find(|s| matches!(s, Speaker::Description { .. }))
        })
        .cloned()
}

/// The parts of a phrase: split at commas and dashes, parentheses left out, up to a relative
/// clause.
fn parts<'t, 'a>(toks: &'t [Token<'a>]) -> Vec<Vec<&'t Token<'a>>> {
    let mut parts: Vec<Vec<&Token<'_>>> = vec![Vec::new()];
    let mut depth = 0usize;
    for t in toks {
        match t.text {
            "(" | "[" => depth += 1,
            ")" | "]" => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            "," | "-" | "—" | "–" | ";" => parts.push(Vec::new()),
            w if RELATIVES.contains(&w.to_lowercase()) => break,
            _ => {
                if let Some(last) = parts.last_mut() {
                    last.push(t);
                }
            }
        }
    }
    parts.retain(|p| p.iter().any(|t| t.kind != TokenKind::Punct));
    parts
}

/// One part of a phrase: a name, a pronoun, a description, or nothing (a party tag "R-Neb", an
/// adverbial "In a statement", a place "N.C.").
fn read_part(doc: &Doc<'_>, people: &People, part: &[&Token<'_>]) -> Option<Speaker> {
    let words: Vec<&Token<'_>> = part
        .iter()
        .copied()
        .skip_while(|t| matches!(t.text, "and" | "but" | "or" | "as" | "." | "-"))
        .collect();
    let first = words.first()?;
    if HEAD_ENDS.contains(&first.lower()) {
        return None;
    }
    if words.len() == 1 {
        if let Some(g) = Gender::of_pronoun(first.text) {
            return Some(Speaker::Pronoun(g));
        }
        if is_party_tag(first.text) {
            return None;
        }
    }
    // The head ends at the first preposition that is not inside a name ("Bank of America").
    let head_end = (1..words.len())
        .find(|&k| {
            HEAD_ENDS.contains(words[k].text)
                && !(words[k].text == "of"
                    && words[k - 1].is_capitalized()
                    && words.get(k + 1).is_some_and(|t| t.is_capitalized()))
        })
        .unwrap_or(words.len());
    let head = &words[..head_end];
    let last = head.iter().rposition(|t| t.text != ".")?;
    let head_word = head[last];
    if head_word.is_capitalized() && !is_party_tag(head_word.text) {
        let run_start = name_run_start(head, last);
        // "the Global Times": a body's name; "the Republican National Committeeman": a role.
        let determined = run_start > 0
            && DETERMINERS.contains(&head[run_start - 1].lower())
            && ROLE_NOUNS.contains(&head_word.lower());
        match name_of_run(doc, people, &head[run_start..=last], determined) {
            RunName::Name(n) => return Some(Speaker::Name(n)),
            RunName::Place(name) => return Some(Speaker::Place(name)),
            // "Critics": a group, described.
            RunName::Nothing if speaker_noun(&head_word.lower()) => {}
            RunName::Nothing => return None,
        }
    } else if head_word.kind != TokenKind::Word || parallax_text::is_stopword(&head_word.lower()) {
        return None;
    }
    let (start, end) = (first.start, part.last().map_or(first.start, |t| t.end));
    let head_lower = head_word.lower();
    // A description is a noun phrase: "the lawyer", "Trump's campaign", "officials".
    let opens_phrase = DETERMINERS.contains(&first.lower())
        || first.text.ends_with("'s")
        || PHRASE_OPENERS.contains(&first.lower());
    let speaking_head =
        ROLE_NOUNS.contains(head_lower.trim_end_matches('s')) || speaker_noun(&head_lower);
    if !(opens_phrase || speaking_head) {
        return None;
    }
    // "the Kazakh government": a government or organisation named by the phrase's head.
    if !ROLE_NOUNS.contains(head_lower.trim_end_matches('s')) {
        if let Some((_, m)) = doc
            .mentions_in(start..head_word.end)
            .filter(|(span, m)| span.end == head_word.end && speaks(m.kind))
            .last()
        {
            return Some(Speaker::Name(m.key.clone()));
        }
    }
    Some(Speaker::Description {
        phrase: doc.text[start..end].to_string(),
        head: head_lower,
        definite: matches!(first.lower().as_str(), "the" | "this" | "that"),
    })
}

/// Where the capitalised run ending at `last` starts: back over capitalised words, the dots of
/// initials and titles, and connectors between capitalised words ("Secretary of State").
fn name_run_start(head: &[&Token<'_>], last: usize) -> usize {
    let mut k = last;
    while k > 0 {
        let t = head[k - 1];
        let joins = t.is_capitalized()
            || t.is_all_caps()
            || t.text == "."
            || (matches!(t.text, "of" | "de" | "van" | "von" | "al" | "bin")
                && k >= 2
                && head[k - 2].is_capitalized());
        if !joins {
            break;
        }
        k -= 1;
    }
    k
}

/// What a capitalised run names.
enum RunName {
    Name(String),
    /// A place ("N.C." after a home town).
    Place(String),
    Nothing,
}

/// The name a capitalised run gives: the person mentioned in it, else an actor whose mention
/// covers its head, else the run's words after its titles ("Gov. Phil Bryant of Mississippi" →
/// "Phil Bryant") unless a determiner makes the run a role ("the Republican National
/// Committeeman").
fn name_of_run(doc: &Doc<'_>, people: &People, run: &[&Token<'_>], determined: bool) -> RunName {
    let (Some(first), Some(last)) = (run.first(), run.last()) else {
        return RunName::Nothing;
    };
    let (start, end) = (first.start, last.end);
    let inside: Vec<_> = doc.mentions_in(start..end).collect();
    // A person named in the run, unless only as a possessive before the head.
    if let Some((span, m)) = inside.iter().rfind(|(span, m)| {
        m.kind == EntityKind::Person
            && !possessive_before(doc, span.end, end)
            && !PERSON_TITLES.contains(&m.surface)
            && !PERSON_TITLES.contains(&format!("{}.", m.surface))
    }) {
        return RunName::Name(people.name_at(m, span.start));
    }
    let words = without_titles(run);
    let head_end = words.last().map_or(end, |t| t.end);
    let covering = inside
        .iter()
        .filter(|(span, m)| span.end >= head_end && m.form != MentionForm::Demonym)
        .map(|(_, m)| *m)
        .next_back();
    match covering {
        Some(m) if speaks(m.kind) => return RunName::Name(m.key.clone()),
        Some(_) => return RunName::Place(join_name(&words)),
        None => {}
    }
    let name = join_name(&words);
    if name.is_empty() || determined || !words.iter().any(|t| could_be_name(t.text)) {
        return RunName::Nothing;
    }
    RunName::Name(people.full_name(&name, start))
}

/// Whether a word opens an adverbial or a subordinate clause rather than a speaker's phrase
/// ("In a statement", "While Sanders", "Because", "Earlier"), in any case.
pub(super) fn opens_adverbial(word: &str) -> bool {
    let lower = word.to_lowercase();
    HEAD_ENDS.contains(&lower)
        || ADVERBS.contains(&lower)
        || parallax_text::is_stopword(&lower)
            && !DETERMINERS.contains(&lower)
            && !PHRASE_OPENERS.contains(&lower)
            && Gender::of_pronoun(&lower).is_none()
}

/// Whether a word opens an appositive after a name ("a lawyer", "who opposed it", "of Flint").
pub(super) fn opens_appositive(word: &str) -> bool {
    let lower = word.to_lowercase();
    DETERMINERS.contains(&lower)
        || PHRASE_OPENERS.contains(&lower)
        || RELATIVES.contains(&lower)
        || HEAD_ENDS.contains(&lower)
        || lower == "then"
        || lower.ends_with("ing") && word.starts_with(|c: char| c.is_lowercase())
}

/// Whether a capitalised word can be (part of) a name: not a word capitalised only because it
/// opens a sentence ("Because", "Today", "Shortly"), nor a weekday or month.
pub(super) fn could_be_name(word: &str) -> bool {
    let lower = word.to_lowercase();
    !parallax_text::is_stopword(&lower)
        && !NOT_NAMES.contains(word)
        && !is_ly_adverb(word)
        && !ADVERBS.contains(&lower)
}

/// An adverb in "-ly" ("Shortly", "reportedly"), not a given name that ends so ("Carly",
/// "Kelly").
pub(super) fn is_ly_adverb(word: &str) -> bool {
    word.to_lowercase().ends_with("ly") && given_name_gender(word).is_none()
}

/// Whether the mention ending at `mention_end` is a possessive followed by more of the run.
fn possessive_before(doc: &Doc<'_>, mention_end: usize, run_end: usize) -> bool {
    doc.text[mention_end..].starts_with("'s") && mention_end + 2 < run_end
}

/// The words of a name run after its titles and qualifiers, up to the first connector:
/// "Wisconsin Gov. Jim Doyle" → "Jim Doyle", "Secretary of State John Kerry" → "John Kerry".
fn without_titles<'t, 'a>(run: &[&'t Token<'a>]) -> Vec<&'t Token<'a>> {
    let titled = |k: usize| {
        let w = run[k].text;
        PERSON_TITLES.contains(w)
            || (run.get(k + 1).is_some_and(|t| t.text == ".")
                && PERSON_TITLES.contains(&format!("{w}.")))
    };
    let last_title = (0..run.len()).rev().find(|&k| titled(k));
    let mut from = match last_title {
        Some(k) if run[k + 1..].iter().any(|t| t.text != ".") => k + 1,
        // A title after another is a name ("Mr. King", "Sen. Angus King").
        Some(k) if k > 0 && (0..k).any(titled) => k,
        // A title that ends the run is a role, not a title before a name ("Sen.").
        Some(_) => return Vec::new(),
        None => 0,
    };
    // "Secretary of State John Kerry": the title's "of State" too.
    while from < run.len() && (run[from].text == "." || run[from].text == "of") {
        from += if run[from].text == "of" { 2 } else { 1 };
    }
    while from + 1 < run.len() && NAME_QUALIFIERS.contains(run[from].text) {
        from += 1;
    }
    run.get(from..)
        .unwrap_or_default()
        .iter()
        .copied()
        .take_while(|t| t.is_capitalized() || t.is_all_caps() || t.text == ".")
        .collect()
}

/// Tokens as a name: spaces between words, none before a dot ("Mark D. Sheridan"), a possessive
/// "'s" dropped.
fn join_name(words: &[&Token<'_>]) -> String {
    let mut out = String::new();
    for (k, t) in words.iter().enumerate() {
        if k > 0 && t.text != "." {
            out.push(' ');
        }
        out.push_str(if k + 1 == words.len() {
            t.stem_possessive()
        } else {
            t.text
        });
    }
    out.trim_end_matches('.').to_string()
}

/// "R-Neb", "D-N.Y", "R", "D", "I-Vt": a party and state tag after a lawmaker's name.
fn is_party_tag(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    matches!(w, "R" | "D" | "I")
        || matches!(w.get(..2), Some("R-" | "D-" | "I-"))
            && w.get(2..)
                .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_uppercase()))
}
