//! What a sentence states, read with light rules: where its main clause starts (after a
//! scene-setting phrase), who acts in it (its named subject, a pronoun, or neither), whether the
//! statement is negated, and which steps of a process it names (arrested, charged, sentenced).
//!
//! Two sentences state one fact only when these agree: the same actor, the same step, the same
//! polarity. Shared words are not enough ("Assange couldn't confirm the messages" / "Trump Jr.
//! confirmed his correspondence").

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

use parallax_model::{EntityKind, Mention, Sentence};
use parallax_text::wordlist::entries;
use parallax_text::{tokenize, TokenKind, WordList};

use crate::entities::Entities;
use crate::paraphrase::CONCEPT_PREFIX;

static CLAUSE_OPENERS: WordList = WordList::new(include_str!("../data/clause-openers.txt"));
static SUBJECT_STOPS: WordList = WordList::new(include_str!("../data/subject-stops.txt"));
static SUBJECT_PRONOUNS: WordList = WordList::new(include_str!("../data/subject-pronouns.txt"));
static REPORTING_VERBS: WordList = WordList::new(include_str!("../data/reporting-verbs.txt"));
static NEGATIONS: WordList = WordList::new(include_str!("../data/negations.txt"));
static PROCESS_STEPS: &str = include_str!("../data/process-steps.txt");

/// The longest scene-setting phrase skipped before the main clause, in words.
const MAX_OPENING_PHRASE: usize = 24;
/// The longest attribution tail ("…, family spokesman Harlan Boll announced."), in words.
const MAX_ATTRIBUTION: usize = 9;
/// How far into the main clause (in words) the run of capitalised words holding its subject may
/// start: "Former acting FBI Director Andrew McCabe".
const SUBJECT_START: usize = 3;
/// How many of the main clause's first words name an unnamed subject.
const HEAD_WORDS: usize = 3;
/// How many words after a subject its reporting verb may come ("Mayorkas announced", "Jen
/// Psaki, the White House press secretary, said").
const REPORTING_REACH: usize = 7;
/// How far into the main clause (in words) its subject may start: room for titles ("U.S.
/// District Court Judge Sharon Gleason").
const SUBJECT_WINDOW: usize = 7;

/// Who acts in a sentence's main clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    /// A story entity named at the head of the clause: its canonical name, and the name as
    /// written.
    Named(String, String),
    /// "He", "she", "they": someone an earlier sentence named. True for "he" and "she", which
    /// stand for one person.
    Pronoun(bool),
    /// A named source reporting what others did ("Mayorkas announced Thursday that border
    /// agents apprehended …"): the speaker, who is not the actor of the fact.
    Speaker(String),
    /// A description ("a federal judge"), a thing, or nothing the rules can read.
    Other,
}

/// The structure of one sentence.
#[derive(Debug, Clone)]
pub struct Statement {
    /// Index (in the sentence's words) of the main clause's first word.
    pub clause_start: usize,
    /// Index of the first word of an attribution tail (", Sheriff Jon Owen said."); the number
    /// of words when there is none.
    pub attribution_start: usize,
    pub subject: Subject,
    /// The first words of the main clause, lower-cased: what an unnamed subject is called
    /// ("the finance minister").
    pub head: Vec<String>,
    /// The main statement is negated ("did not resign").
    pub negated: bool,
    /// The process steps the sentence names: (process, step) pairs, sorted.
    pub steps: Vec<(u16, u16)>,
}

/// Read a sentence. `mentions` are the article's mentions in it; `terms` its concept terms.
pub fn read(
    sentence: &Sentence,
    mentions: &[&Mention],
    entities: &Entities,
    terms: &[(usize, String)],
) -> Statement {
    let words: Vec<(usize, &str, bool)> = word_tokens(&sentence.text);
    let clause_start = main_clause_start(&sentence.text, &words);
    Statement {
        clause_start,
        attribution_start: attribution_start(&words),
        subject: subject(&sentence.text, &words, clause_start, mentions, entities),
        head: words
            .iter()
            .skip(clause_start)
            .take(HEAD_WORDS)
            .map(|w| w.1.to_lowercase())
            .collect(),
        negated: negates(sentence),
        steps: steps(terms),
    }
}

/// A sentence's words, where its main clause starts and where its attribution tail starts
/// (the number of words when it has none).
pub struct Layout<'a> {
    pub words: Vec<&'a str>,
    pub clause_start: usize,
    pub attribution_start: usize,
}

/// The [`Layout`] of a sentence's text.
pub fn layout(text: &str) -> Layout<'_> {
    let words = word_tokens(text);
    Layout {
        clause_start: main_clause_start(text, &words),
        attribution_start: attribution_start(&words),
        words: words.into_iter().map(|w| w.1).collect(),
    }
}

/// The byte range (start, end) of each of a sentence's words, as [`Sentence::words`] has them.
pub fn word_spans(text: &str) -> Vec<(usize, usize)> {
    word_tokens(text)
        .into_iter()
        .map(|(start, w, _)| (start, start + w.len()))
        .collect()
}

/// The sentence's words (not punctuation) as (byte start, text, followed by a comma).
fn word_tokens(text: &str) -> Vec<(usize, &str, bool)> {
    let tokens = tokenize(text);
    let mut out: Vec<(usize, &str, bool)> = Vec::with_capacity(tokens.len());
    for t in &tokens {
        if t.kind == TokenKind::Punct {
            if let Some(last) = out.last_mut() {
                last.2 |= t.text == "," || t.text == ";";
            }
        } else {
            out.push((t.start, t.text, false));
        }
    }
    out
}

/// The word index where the main clause starts: after an opening phrase ("In a major legal
/// blow to …, ", "Earlier on Thursday, ") when the sentence opens with one; else 0.
fn main_clause_start(text: &str, words: &[(usize, &str, bool)]) -> usize {
    let opens = text.trim_start_matches(['"', '\'']);
    let Some(&(_, first, _)) = words.first() else {
        return 0;
    };
    if !opens.starts_with(first) || !CLAUSE_OPENERS.contains(&first.to_lowercase()) {
        return 0;
    }
    words
        .iter()
        .take(MAX_OPENING_PHRASE)
        .position(|w| w.2)
        .map_or(0, |comma| comma + 1)
}

/// Where an attribution tail starts: the words after the sentence's last comma when they are
/// few and hold a reporting verb ("…, her spokesman said", "…, according to officials").
fn attribution_start(words: &[(usize, &str, bool)]) -> usize {
    let n = words.len();
    let Some(comma) = words[..n.saturating_sub(1)].iter().rposition(|w| w.2) else {
        return n;
    };
    let tail = &words[comma + 1..];
    let reports = tail
        .iter()
        .any(|w| REPORTING_VERBS.contains(&w.1.to_lowercase()));
    if tail.len() <= MAX_ATTRIBUTION && reports {
        comma + 1
    } else {
        n
    }
}

/// The subject of the main clause starting at word `start`. (The readings are tried in order: a
/// pronoun, then the name heading the clause, a speaker when a reporting verb follows; long for
/// that one order.)
fn subject(
    text: &str,
    words: &[(usize, &str, bool)],
    start: usize,
    mentions: &[&Mention],
    entities: &Entities,
) -> Subject {
    let Some(&(first_byte, first, _)) = words.get(start) else {
        return Subject::Other;
    };
    let lower = first.to_lowercase();
    if SUBJECT_PRONOUNS.contains(&lower) {
        return Subject::Pronoun(lower == "he" || lower == "she");
    }
    // The head of the clause ends at a comma, a preposition or a reporting word, or after a few
    // words: a name after that is an object, a place or an apposition.
    let mut end = text.len();
    for (k, &(byte, word, comma)) in words.iter().enumerate().skip(start) {
        if k >= start + SUBJECT_WINDOW
            || (k > start && SUBJECT_STOPS.contains(&word.to_lowercase()))
        {
            end = byte;
            break;
        }
        if comma {
            end = byte + word.len();
            break;
        }
    }
    // A name in quotation marks is a title ("the self-described \"Million Dollar Mermaid\""),
    // not who acts.
    let quoted = |m: &&&Mention| {
        text.get(..m.span.start)
            .is_some_and(|before| !before.matches('"').count().is_multiple_of(2))
    };
    let in_head = |m: &&&Mention| m.span.start >= first_byte && m.span.start < end && !quoted(m);
    let actor = |m: &&&Mention| {
        matches!(
            m.kind,
            EntityKind::Person
                | EntityKind::Organisation
                | EntityKind::Government
                | EntityKind::Country
                | EntityKind::Media
        )
    };
    // The subject is the last name of the first run of capitalised words that holds one: a title
    // runs into its name ("U.S. District Court Judge Sharon Gleason"), and a lower-case word —
    // mostly the verb — ends the run ("YouTube suspended Republican Senator Rand Paul").
    let head_words: Vec<&(usize, &str, bool)> =
        words.iter().skip(start).take_while(|w| w.0 < end).collect();
    // Runs that start within the clause's first few words: a name deeper in is an object
    // ("participating states require their Electoral College voters").
    let runs = head_words
        .split(|w| !w.1.starts_with(|c: char| c.is_uppercase()))
        .filter(|run| {
            run.first()
                .and_then(|w| head_words.iter().position(|h| h.0 == w.0))
                .is_some_and(|at| at < SUBJECT_START)
        });
    let head = runs
        .filter_map(|run| {
            let (first, last) = (run.first()?, run.last()?);
            let range = first.0..last.0 + last.1.len();
            mentions
                .iter()
                .filter(in_head)
                .filter(actor)
                .filter(|m| range.contains(&m.span.start))
                .max_by_key(|m| m.span.start)
        })
        .next();
    let Some(m) = head else {
        return Subject::Other;
    };
    let name = entities.canonical(&m.key).to_string();
    if reports_others(words, m.span.end) {
        Subject::Speaker(name)
    } else {
        Subject::Named(name, m.surface.clone())
    }
}

/// Whether a subject ending at byte `end` reports what others did: a reporting verb follows
/// within a few words ("announced Thursday that …") and the reported clause does not open with
/// a pronoun for the subject itself ("said Friday that he was sickened").
fn reports_others(words: &[(usize, &str, bool)], end: usize) -> bool {
    let after: Vec<String> = words
        .iter()
        .filter(|w| w.0 >= end)
        .take(8)
        .map(|w| w.1.to_lowercase())
        .collect();
    let Some(verb) = after
        .iter()
        .take(REPORTING_REACH)
        .position(|w| REPORTING_VERBS.contains(w))
    else {
        return false;
    };
    !after[verb + 1..]
        .iter()
        .take(3)
        .any(|w| SUBJECT_PRONOUNS.contains(w))
}

/// Whether a word negates ("not", "never", "didn't").
pub fn is_negation(word: &str) -> bool {
    NEGATIONS.contains(word) || word.ends_with("n't")
}

/// Whether a sentence's main statement is negated. Most sentences hold no negation word at all;
/// only those are read again.
pub fn negates(s: &Sentence) -> bool {
    s.words
        .iter()
        .any(|w| NEGATIONS.contains(w) || w.ends_with("n't"))
        && negated(&s.text)
}

/// Whether the main statement of a sentence is negated. What is not the statement is left out
/// first: quoted words (the speaker's, "not finalized yet"), what follows ", adding" or
/// ", saying", and relative and conditional clauses ("doses that it is not using", ", who was
/// not at the church,", "if it does not commit") up to the next comma — but not a clause a reporting verb introduces ("said that
/// he did not resign" states a denial). A plea or verdict of "not guilty" affirms a step of a
/// trial.
pub fn negated(text: &str) -> bool {
    let lower = text.to_lowercase().replace("not guilty", "innocent");
    // A piece of a quotation (an odd number of marks) is read whole: which side is quoted is
    // not known.
    let unquoted: String = if lower.matches('"').count().is_multiple_of(2) {
        lower.split('"').step_by(2).collect::<Vec<_>>().join(" ")
    } else {
        lower.clone()
    };
    let main = [", adding", ", saying"]
        .iter()
        .filter_map(|p| unquoted.find(p))
        .min()
        .map_or(unquoted.as_str(), |at| &unquoted[..at]);
    let words: Vec<(&str, bool)> = {
        let tokens = tokenize(main);
        let mut out: Vec<(&str, bool)> = Vec::new();
        for t in &tokens {
            if t.kind == TokenKind::Punct {
                if let Some(last) = out.last_mut() {
                    last.1 |= t.text == ",";
                }
            } else {
                out.push((t.text, false));
            }
        }
        out
    };
    let mut in_relative = false;
    for (i, &(w, comma)) in words.iter().enumerate() {
        let relative = RELATIVE_WORDS.contains(&w)
            && i > 0
            && !REPORTING_VERBS.contains(words[i - 1].0)
            && !words[i - 1].0.ends_with("ed");
        if relative || CONDITIONS.contains(&w) {
            in_relative = true;
        }
        if !in_relative && is_negation(w) {
            return true;
        }
        if comma {
            in_relative = false;
        }
    }
    false
}

/// Words that open a relative clause.
const RELATIVE_WORDS: [&str; 4] = ["that", "which", "who", "whom"];
/// Words that open a condition: "halt funding if the body does not commit" affirms a threat.
const CONDITIONS: [&str; 3] = ["if", "unless", "until"];

/// Concept → its (process, step) pairs, from `data/process-steps.txt`.
fn step_table() -> &'static HashMap<String, Vec<(u16, u16)>> {
    static TABLE: OnceLock<HashMap<String, Vec<(u16, u16)>>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: HashMap<String, Vec<(u16, u16)>> = HashMap::default();
        for (process, line) in entries(PROCESS_STEPS).enumerate() {
            let line = line.trim_start_matches('!');
            for (step, concepts) in line.split(',').enumerate() {
                for concept in concepts.split('+').map(str::trim) {
                    table
                        .entry(format!("{CONCEPT_PREFIX}{concept}"))
                        .or_default()
                        .push((process as u16, step as u16));
                }
            }
        }
        table
    })
}

/// The process steps among a sentence's concept terms.
fn steps(terms: &[(usize, String)]) -> Vec<(u16, u16)> {
    let table = step_table();
    let mut steps: Vec<(u16, u16)> = terms
        .iter()
        .filter_map(|(_, t)| table.get(t))
        .flatten()
        .copied()
        .collect();
    steps.sort_unstable();
    steps.dedup();
    steps
}

/// Whether two sets of steps (sorted) name different steps of one process and none in common:
/// then the sentences report different facts ("charged" / "denied" / "arrested").
pub fn different_steps(a: &[(u16, u16)], b: &[(u16, u16)]) -> bool {
    let processes = |s: &[(u16, u16)]| s.iter().map(|p| p.0).collect::<Vec<u16>>();
    let (pa, pb) = (processes(a), processes(b));
    pa.iter().filter(|p| pb.contains(p)).any(|&p| {
        let sa: Vec<u16> = a.iter().filter(|s| s.0 == p).map(|s| s.1).collect();
        !b.iter().any(|s| s.0 == p && sa.contains(&s.1))
    })
}

/// The processes whose steps are events of their own (marked "!" in the data file).
fn event_processes() -> &'static Vec<u16> {
    static EVENTS: OnceLock<Vec<u16>> = OnceLock::new();
    EVENTS.get_or_init(|| {
        entries(PROCESS_STEPS)
            .enumerate()
            .filter(|(_, line)| line.starts_with('!'))
            .map(|(p, _)| p as u16)
            .collect()
    })
}

/// Whether two sentences report the same event by its steps: no different step of one process,
/// and for each process whose steps are events of their own, a step in both or in neither
/// ("charged with arson" and "a fire broke out" are two events, though one names no step).
pub fn same_steps(a: &[(u16, u16)], b: &[(u16, u16)]) -> bool {
    let has = |s: &[(u16, u16)], p: u16| s.iter().any(|x| x.0 == p);
    !different_steps(a, b) && event_processes().iter().all(|&p| has(a, p) == has(b, p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negation_of_the_statement_only() {
        assert!(negated("The minister did not resign on Friday."));
        assert!(negated("We weren't executing the plan."));
        assert!(negated("I cant speak for the first death."));
        assert!(!negated(
            "Ms. Palin, who was not at the church at the time, stopped by Saturday."
        ));
        assert!(!negated("Man denies arson charge"));
        assert!(!negated("Nothing changes for the notable village."));
        assert!(!negated("He pleaded not guilty to arson on Tuesday."));
        assert!(!negated(
            "The United States plans to send 4 million doses that it is not using to Mexico."
        ));
        assert!(!negated(
            "Psaki said the doses would go to Mexico, adding that it was \"not finalized yet.\""
        ));
        assert!(negated("Officials said that the minister did not resign."));
        assert!(!negated(
            "Trump threatened to halt funding for the WHO if the body does not commit to reforms."
        ));
        assert!(negated("Officials said the minister did not resign."));
    }

    #[test]
    fn opening_phrases_are_skipped() {
        let start = |s: &str| main_clause_start(s, &word_tokens(s));
        assert_eq!(
            start("In a major legal blow to the push, a federal judge ruled."),
            8
        );
        assert_eq!(start("Earlier on Thursday, the envoy hinted."), 3);
        assert_eq!(start("The envoy, a former developer, hinted."), 0);
        assert_eq!(start("In 2016 the premier visited Astana."), 0);
    }

    #[test]
    fn attribution_tails_are_found() {
        let start = |s: &str| attribution_start(&word_tokens(s));
        assert_eq!(
            start("The roof was ablaze within a minute, Sheriff Jon Owen said."),
            7
        );
        assert_eq!(
            start("Williams died, according to her longtime publicist."),
            2
        );
        assert_eq!(start("The mill, which stood empty, burned."), 6);
    }

    #[test]
    fn different_steps_of_one_process() {
        let (arrest, charge, deny) = ((0, 0), (0, 1), (0, 2));
        assert!(different_steps(&[charge], &[deny]));
        assert!(different_steps(&[arrest], &[charge]));
        assert!(!different_steps(&[arrest, charge], &[charge]));
        assert!(!different_steps(&[charge], &[]));
        assert!(!different_steps(&[charge], &[(1, 0)]));
    }
}
