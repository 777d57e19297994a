//! Where a quote's attribution is and which phrase in it names the speaker:
//!
//! - after the quote: `"…," Mr. Clyburn said`, `"…?" Biden asked` (past the sentence end the
//!   question mark makes), `"…," said Sen. Ben Sasse (R-Neb.)`, `"…," according to X`;
//! - before it: `X said: "…"`, `The lawyer, Mark D. Sheridan, said, "…"`, `Mook agreed: "…"`,
//!   `X called it a "…"`, `According to X, "…"`;
//! - at the end of the previous paragraph, for a quote that opens its own: `Dr. Ward stated:`.
//!
//! The phrase is read by `speaker_phrase`; pronouns and descriptions are resolved later.

use std::ops::Range;

use parallax_model::EntityKind;
use parallax_text::{Token, TokenKind, WordList};

use super::cues::{cue_at, cue_of, is_cue, is_past_verb};
use super::doc::Doc;
use super::people::People;
use super::phrases::{
    is_pronoun_subject, is_time_word, noun_phrase_end, opens_participle, phrase_end,
    subject_before, subject_start, AUXILIARIES, MAX_PHRASE,
};
use super::speaker_phrase::{is_ly_adverb, read_phrase, Order, Speaker};

/// Documents and messages that carry someone's words ("a statement from X:").
static DOCUMENT_NOUNS: WordList = WordList::new(include_str!("../../data/document-nouns.txt"));

/// A quote's speaker phrase as read, where it is, and the verb or cue that attributes it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Attribution {
    pub speaker: Speaker,
    /// Byte offset of the speaker phrase (or of the cue, for a pronoun), for resolution.
    pub at: usize,
    pub cue: String,
}

/// Tokens after a quote's closing mark that may attribute it: to the end of the clause that
/// follows (past a sentence end right at the mark, as in `"…?" Biden said.`), never past the
/// next quotation mark or the paragraph's end.
pub(super) fn after_window(doc: &Doc<'_>, close: usize, limit: usize) -> Range<usize> {
    let from = (close + 1).min(limit);
    let rest = &doc.text[from..limit];
    let lead = rest.len() - rest.trim_start().len();
    let first_char = from + lead;
    let end = doc
        .sentence_at(first_char)
        .map_or(limit, |s| s.span.end)
        .clamp(from, limit);
    from..end
}

/// `"…," X said` / `"…," said X` / `"…," according to X`, right after the quote or closing
/// its sentence (`"…" for the victory, Sanders said.`).
pub(super) fn after(
    doc: &Doc<'_>,
    people: &People,
    window: Range<usize>,
    reach: Reach,
) -> Option<Attribution> {
    if reach == Reach::Nothing {
        return None;
    }
    let ends_sentence = doc
        .sentence_at(window.start)
        .is_some_and(|s| s.span.end == window.end);
    let toks = doc.tokens(window);
    let skip = toks
        .iter()
        .take_while(|t| t.kind == TokenKind::Punct && !matches!(t.text, "." | "\"" | "-"))
        .count();
    let mut toks = &toks[skip..];
    if toks.last().is_some_and(|t| t.text == ".") {
        toks = &toks[..toks.len() - 1];
    }
    if reach == Reach::RightAfter {
        // Past a sentence end ("…?" Biden asked), only a reporting verb attributes: "…?" Her
        // critics cited it …" is the next sentence.
        let next_sentence = toks.first().is_some_and(|t| {
            doc.sentence_at(t.start)
                .is_some_and(|s| s.span.start == t.start)
        });
        if let Some(a) = right_after(doc, people, toks, !next_sentence) {
            return Some(a);
        }
    }
    if !ends_sentence {
        return None;
    }
    // The rest of the sentence, when it is only an attribution: `"…" Sweeny said after an
    // event.` (a quote closed without its comma).
    if let Some(verb) = (1..toks.len()).find(|&k| cue_at(toks, k)) {
        let subject_only = subject_start(toks, verb).is_some_and(|(start, _)| start == 0);
        if subject_only && toks.len() - verb <= TRAILING_WORDS {
            if let Some(a) = right_after(doc, people, toks, true) {
                return Some(a);
            }
        }
    }
    // A clause closing the sentence: "…, said X, an analyst." / "…, X said on Monday."
    let commas = (0..toks.len()).rev().filter(|&k| toks[k].text == ",");
    commas.take(TRAILING_CLAUSES).find_map(|comma| {
        let clause = &toks[comma + 1..];
        let verb = (0..clause.len()).find(|&k| cue_at(clause, k))?;
        let closes = verb == 0 || clause.len() - verb <= TRAILING_WORDS;
        closes
            .then(|| right_after(doc, people, clause, true))
            .flatten()
    })
}

/// How many comma-separated parts back from a sentence's end an attribution may start.
const TRAILING_CLAUSES: usize = 3;

/// `"…" - Pamela Padilla`: a quotation signed with a dash and a name, closing the sentence.
fn dash_signature(doc: &Doc<'_>, people: &People, toks: &[Token<'_>]) -> Option<Attribution> {
    let end = toks
        .iter()
        .position(|t| matches!(t.text, "," | "."))
        .unwrap_or(toks.len());
    if !(2..=SIGNATURE_WORDS).contains(&end) || !toks[1].is_capitalized() {
        return None;
    }
    let a = attribution(doc, people, &toks[1..end], Order::Inverted, "-")?;
    matches!(a.speaker, Speaker::Name(_)).then_some(a)
}

/// Longest name, in tokens, read as a quotation's signature ("- Hillary Clinton").
pub(super) const SIGNATURE_WORDS: usize = 6;

/// Whether the text after a quote opens with a dash and a capitalised word (a signature).
pub(super) fn opens_with_signature(doc: &Doc<'_>, range: Range<usize>) -> bool {
    let toks = doc.tokens(range);
    toks.first().is_some_and(|t| t.text == "-") && toks.get(1).is_some_and(Token::is_capitalized)
}

/// Where the text after a quote may attribute it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Reach {
    /// Right after it (the quote closes a clause: `"…," X said`), or else at its sentence's end.
    RightAfter,
    /// Only at its sentence's end (`"…" if she lost, said X.`).
    SentenceEnd,
    /// Nowhere: the quote ended its sentence.
    Nothing,
}

/// Words a sentence may still have after the verb of an attribution that closes it ("…, X said
/// in a statement on Tuesday.").
const TRAILING_WORDS: usize = 10;

/// An attribution that starts right where `toks` starts.
fn right_after(
    doc: &Doc<'_>,
    people: &People,
    toks: &[Token<'_>],
    past_verbs: bool,
) -> Option<Attribution> {
    let first = toks.first()?;
    if first.text == "-" {
        return dash_signature(doc, people, toks);
    }
    if toks.len() >= 3 && first.text.eq_ignore_ascii_case("according") && toks[1].text == "to" {
        let end = phrase_end(toks, 2);
        return attribution(doc, people, &toks[2..end], Order::Inverted, "according to");
    }
    // "said X", and a verb in the past tense before a name ("… ," reacted Trump).
    let inverted_past = past_verbs
        && first.kind == TokenKind::Word
        && first.text.ends_with("ed")
        && first.text.chars().all(|c| c.is_ascii_lowercase())
        && toks.get(1).is_some_and(Token::is_capitalized);
    if is_cue(first) || inverted_past {
        // "said X", "added X": the speaker follows the verb, perhaps after an adverb.
        let from = 1 + usize::from(toks.get(1).is_some_and(|t| AUXILIARIES.contains(t.text)));
        let end = phrase_end(toks, from);
        return attribution(
            doc,
            people,
            &toks[from..end],
            Order::Inverted,
            &cue_of(toks, 0),
        );
    }
    // Subject, then verb: "Mr. Clyburn said", "the lawyer, Mark D. Sheridan, said".
    let verb = (1..toks.len().min(MAX_PHRASE))
        .find(|&k| cue_at(toks, k) || past_verbs && is_past_verb(toks, k))?;
    // A noun phrase (or a pronoun) right before the verb, or this is no attribution.
    // The subject is the noun phrase read back from the verb when nothing but a few words
    // come before it ("Senate minority leader Harry Reid"), never another clause ("for
    // instance, and Trump vowed"); else, when a noun phrase opens the text, that phrase with
    // its appositives ("Katie Packer, who is chairman of Our Principles PAC, said").
    let opens_with_phrase = noun_phrase_end(toks, 0) > 0;
    let order = match subject_start(toks, verb) {
        Some((start, order)) if !toks[..start].iter().any(|t| matches!(t.text, "," | ";")) => order,
        None if is_pronoun_subject(toks, verb) => Order::Subject,
        _ if opens_with_phrase => Order::Inverted,
        _ => return None,
    };
    let subject = subject_before(toks, 0, verb);
    attribution(doc, people, &subject, order, &cue_of(toks, verb))
}

/// `X said: "…"`, `X called it a "…"`, `According to X, "…"`, `Mook agreed: "…"`: in the text
/// of the quote's sentence before its opening mark (`window`).
pub(super) fn before(
    doc: &Doc<'_>,
    people: &People,
    window: Range<usize>,
    sentence_start: usize,
) -> Option<Attribution> {
    let toks = doc.tokens(window);
    let colon = toks.last().is_some_and(|t| t.text == ":");
    // The nearest reporting verb first, then any verb in the past tense after a name ("Trump
    // attacked "the hateful ideology …""); an infinitive ("to say") is no attribution.
    let finite = |k: usize| !(k > 0 && toks[k - 1].text == "to");
    let cues = (0..toks.len())
        .rev()
        .filter(|&k| cue_at(&toks, k) && finite(k));
    let past = (0..toks.len())
        .rev()
        .filter(|&k| is_past_verb(&toks, k) && !cue_at(&toks, k) && finite(k));
    for v in cues.chain(past) {
        // "was described by X as", "was told by police that": the agent spoke, not the subject.
        if let Some(a) = passive_agent(doc, people, &toks, v) {
            return Some(a);
        }
        if let Some(a) = verb_before(doc, people, &toks, v, sentence_start) {
            return Some(a);
        }
    }
    if let Some(k) = toks
        .windows(2)
        .rposition(|w| w[0].text.eq_ignore_ascii_case("according") && w[1].text == "to")
    {
        let end = phrase_end(&toks, k + 2);
        return attribution(
            doc,
            people,
            &toks[k + 2..end],
            Order::Inverted,
            "according to",
        );
    }
    if colon {
        return document_from(doc, people, &toks[..toks.len() - 1])
            .or_else(|| colon_subject(doc, people, &toks[..toks.len() - 1]));
    }
    None
}

/// `a statement from her people:`, `Then came a tweet from the senator:`: the words are those of
/// whoever the document is from.
fn document_from(doc: &Doc<'_>, people: &People, toks: &[Token<'_>]) -> Option<Attribution> {
    let from = toks.iter().rposition(|t| t.text == "from")?;
    let document = toks[..from].last()?.lower();
    if !DOCUMENT_NOUNS.contains(&document) {
        return None;
    }
    let end = phrase_end(toks, from + 1);
    let a = attribution(
        doc,
        people,
        &toks[from + 1..end],
        Order::Inverted,
        &document,
    )?;
    (end == toks.len()).then_some(a)
}

/// `was described by X as "…"`, `was told by police that "…"`: the noun phrase after "by" that
/// runs up to "as", "that" or the quote.
fn passive_agent(
    doc: &Doc<'_>,
    people: &People,
    toks: &[Token<'_>],
    v: usize,
) -> Option<Attribution> {
    if toks.get(v + 1).is_none_or(|t| t.text != "by") {
        return None;
    }
    let end = noun_phrase_end(toks, v + 2);
    let introduces = toks[end..].iter().all(|t| t.kind == TokenKind::Punct)
        || matches!(toks[end].text, "as" | "that");
    if end == v + 2 || !introduces {
        return None;
    }
    attribution(
        doc,
        people,
        &toks[v + 2..end],
        Order::Inverted,
        &cue_of(toks, v),
    )
}

/// The speaker of a verb before the quote: the subject right before it ("X said"), the name
/// after it when the verb opens the clause ("Continued Stone:"), or, for a verb that continues
/// a clause ("…, adding", "… and told"), the subject of the verb before it ("Spicer said,
/// adding") or the clause's first actor ("Trump attacked Romney, calling him …"). (One arm per
/// shape of attribution, tried in order of how sure each is.)
fn verb_before(
    doc: &Doc<'_>,
    people: &People,
    toks: &[Token<'_>],
    v: usize,
    sentence_start: usize,
) -> Option<Attribution> {
    let cue = cue_of(toks, v);
    let participle = toks[v].text.ends_with("ing");
    // "…, with Trump tweeting that …": "with" makes the noun phrase the participle's subject.
    if let Some((start, order)) = subject_start(toks, v).filter(|_| participle) {
        if start > 0 && toks[start - 1].text.eq_ignore_ascii_case("with") {
            let subject = subject_before(toks, start, v);
            if let Some(a) = attribution(doc, people, &subject, order, &cue) {
                return Some(a);
            }
        }
    }
    // "…, calling him": the subject of the clause, not the object before the participle.
    if let Some((start, order)) = subject_start(toks, v).filter(|_| !participle) {
        let subject = subject_before(toks, start, v);
        if let Some(a) = attribution(doc, people, &subject, order, &cue) {
            return Some(a);
        }
    }
    let opens_clause = toks[..v]
        .iter()
        .rev()
        .take_while(|t| t.text != ",")
        .all(|t| t.kind == TokenKind::Punct || AUXILIARIES.contains(t.text));
    // "…, telling Reuters, "…"": after a participle the phrase is its object, not its subject.
    if opens_clause && !participle {
        // "Continued Stone:", "Said Trump:": the name follows the verb and ends the clause.
        let end = phrase_end(toks, v + 1);
        // Only when the phrase introduces the quote ("…, explained X: "…""), not when it is
        // the verb's object ("called the KKK "abhorrent"").
        // The phrase may run on with an appositive or a relative clause ("Said Dorothy Poynter,
        // who grew up with Ali in the neighborhood, "…"").
        let introduces = toks.last().is_some_and(|t| matches!(t.text, ":" | ","));
        let end = if toks[end..].iter().any(|t| t.text == ",") {
            toks.len() - 1
        } else {
            end
        };
        if end > v + 1 && introduces && toks[end..].iter().all(|t| t.kind == TokenKind::Punct) {
            let a = attribution(doc, people, &toks[v + 1..end], Order::Inverted, &cue);
            if a.as_ref()
                .is_some_and(|a| matches!(a.speaker, Speaker::Name(_)))
            {
                return a;
            }
        }
    }
    let before_verb = toks[..v]
        .iter()
        .rposition(|t| !AUXILIARIES.contains(t.text));
    let coordinated = before_verb.is_some_and(|k| matches!(toks[k].text, "and" | "but"));
    if participle || coordinated {
        if let Some(earlier) = (0..v.saturating_sub(1)).rev().find(|&k| cue_at(toks, k)) {
            if let Some(a) = verb_before(doc, people, toks, earlier, sentence_start) {
                return Some(Attribution { cue, ..a });
            }
        }
    }
    // A participle or a second verb belongs to the sentence's main clause, which may start
    // before an earlier quotation ("Axelrod emailed her, addressing her as "Hillary" and
    // telling her, "…"").
    if (participle || coordinated) && sentence_start < toks[0].start {
        let sentence = doc.tokens(sentence_start..toks[v].start);
        if sentence.first().is_some_and(|t| t.text != "\"") {
            let end = sentence.len();
            return clause_subject(doc, people, &sentence[..end], cue);
        }
    }
    let boundaries: &[&str] = if participle || coordinated {
        &[";", ":", "\""]
    } else {
        &[";", ":", "\"", "that"]
    };
    let clause_start = toks[..v]
        .iter()
        .rposition(|t| boundaries.contains(&t.text))
        .map_or(0, |k| k + 1);
    clause_subject(doc, people, &toks[clause_start.min(v)..v], cue)
}

/// The subject that opens a clause, after any opening adverbial part ("Early in his campaign,
/// Trump attacked Romney, calling him …" → Trump): the noun phrase at the start of its first
/// part that does not open with a preposition or an adverb.
fn clause_subject(
    doc: &Doc<'_>,
    people: &People,
    clause: &[Token<'_>],
    cue: String,
) -> Option<Attribution> {
    let mut start = 0;
    while start < clause.len() {
        let part_end = clause[start..]
            .iter()
            .position(|t| matches!(t.text, "," | "-" | "—" | "–"))
            .map_or(clause.len(), |k| start + k);
        let first = &clause[start];
        // A dateline ("WASHINGTON —") opens no clause either.
        let dateline = clause[start..part_end]
            .iter()
            .all(|t| t.is_all_caps() || t.kind == TokenKind::Punct);
        let intro = first.kind != TokenKind::Word
            || dateline
            || part_end - start <= OPENING_TIME_WORDS && is_time_word(&clause[part_end - 1])
            || super::speaker_phrase::opens_adverbial(first.text)
            || is_ly_adverb(first.text)
            || opens_participle(doc, first);
        if !intro {
            let end = noun_phrase_end(clause, start).min(part_end);
            return attribution(doc, people, &clause[start..end], Order::Subject, &cue);
        }
        start = part_end + 1;
    }
    None
}

/// Longest opening time phrase, in tokens ("Hours later,", "Late on Friday,").
const OPENING_TIME_WORDS: usize = 3;

/// `Mook agreed: "…"`, `- Philip Bump: "…"`: the subject that opens a clause ending in a colon.
fn colon_subject(doc: &Doc<'_>, people: &People, toks: &[Token<'_>]) -> Option<Attribution> {
    let start = toks
        .iter()
        .rposition(|t| matches!(t.text, "," | ";" | "-" | "—" | "–" | "\""))
        .map_or(0, |k| k + 1);
    let clause = &toks[start..];
    let verb = clause
        .iter()
        .position(|t| t.kind == TokenKind::Word && !t.is_capitalized() && t.text != "of")
        .unwrap_or(clause.len());
    let cue = clause.get(verb).map_or(":".to_string(), Token::lower);
    let named = |a: &Attribution| matches!(a.speaker, Speaker::Name(_) | Speaker::Pronoun(_));
    if let Some(a) = attribution(doc, people, &clause[..verb], Order::Subject, &cue) {
        if named(&a) {
            return Some(a);
        }
    }
    // "Senate Majority Leader Mitch McConnell, R-Ky., delivered a blunt message to Trump:"
    clause_subject(doc, people, toks, cue).filter(named)
}

fn attribution(
    doc: &Doc<'_>,
    people: &People,
    phrase: &[Token<'_>],
    order: Order,
    cue: &str,
) -> Option<Attribution> {
    if phrase.is_empty() || phrase.len() > MAX_PHRASE {
        return None;
    }
    let speaker = read_phrase(doc, people, phrase, order)?;
    Some(Attribution {
        speaker,
        at: phrase[0].start,
        cue: cue.to_string(),
    })
}

/// Entity kinds that can speak.
pub(super) fn speaks(kind: EntityKind) -> bool {
    matches!(
        kind,
        EntityKind::Person
            | EntityKind::Government
            | EntityKind::Organisation
            | EntityKind::Country
            | EntityKind::Media
    )
}
