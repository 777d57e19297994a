//! A direct or partial quote between two quotation marks, with the attribution that names its
//! speaker; a title in quotation marks ("Meet the Press") is not a quote.

use std::ops::Range;

use parallax_model::{LineRole, Quote, QuoteKind};
use parallax_text::{tokenize, TokenKind, WordList};

use super::attribution::{
    after, after_window, before, opens_with_signature, Attribution, Reach, SIGNATURE_WORDS,
};
use super::cues::{listed_cue, opens_with_cue};
use super::doc::Doc;
use super::people::People;
use super::speaker_phrase::{read_phrase, Order, Speaker};
use crate::wordlists::SPEECH_VERBS;

/// Words right before a quoted title-cased phrase that make it the title of a work, not words
/// someone said ("on NBC's "Meet the Press"", "the film "Frozen"", "host of "Morning Joe"").
static WORK_TITLE_CUES: WordList = WordList::new(include_str!("../../data/work-title-cues.txt"));

/// Longest sentence, in tokens, read as an attribution standing alone after a quote.
const ATTRIBUTION_ALONE: usize = 6;

/// Quotes shorter than this, in words, are partial unless they are a sentence of their own.
const DIRECT_WORDS: usize = 6;

/// A quote found between two marks, before its speaker is resolved.
pub(super) struct Found {
    pub quote: Quote,
    pub attribution: Option<Attribution>,
    /// The quote opens its paragraph (it may continue the previous paragraph's speaker).
    pub opens_paragraph: bool,
    /// The quote opens its sentence (it may be about the previous sentence's subject).
    pub opens_sentence: bool,
}

/// Where a quote's marks are, and how far its attribution may reach: the previous mark of its
/// paragraph (or the paragraph's start) and the next one (or the paragraph's end).
pub(super) struct Marks {
    pub open: usize,
    pub close: usize,
    pub previous: usize,
    pub next: usize,
}

/// The quote between the marks, if it is one: a short quoted phrase that nobody is said to have
/// said is a term, and a quoted title is a title. (The tests run in the order a reader applies
/// them, each needing what the previous found; kept in one place for that order.)
pub(super) fn direct_quote(doc: &Doc<'_>, people: &People, marks: &Marks) -> Option<Found> {
    let (open, close) = (marks.open, marks.close);
    let inner_start = open + 1;
    let raw = &doc.text[inner_start..close.max(inner_start)];
    let trimmed = raw.trim().trim_end_matches(',').trim_end();
    if trimmed.is_empty() {
        return None;
    }
    let lead = raw.len() - raw.trim_start().len();
    let span = inner_start + lead..inner_start + lead + trimmed.len();
    let first = doc.sentence_at(open)?;
    let last = doc.sentence_at(close.saturating_sub(1)).unwrap_or(first);
    let sentence_start = first.span.start.max(marks.previous).min(open);
    let opens_sentence = doc.text[sentence_start..open]
        .chars()
        .all(|c| !c.is_alphanumeric());
    let kind = kind_of(trimmed, opens_sentence);
    if names_a_work(doc, open, trimmed) {
        return None;
    }
    // `"…," X said`: an attribution after a quote only when the quote closes a clause.
    // A full stop ends the sentence: what follows is the next one, not an attribution.
    let window = after_window(doc, close, marks.next);
    // A quote inside the quote may close with it: `… 'Don't hit me, please,'" Nicklaus said`.
    let ending = raw.trim_end().trim_end_matches(['\'', ' ']);
    let closes_clause = ending.ends_with([',', '?', '!', '—', '-'])
        || opens_with_cue(doc, window.clone())
        || opens_with_signature(doc, window.clone())
        || doc.text[window.clone()].trim_start().starts_with(',')
        || ending.ends_with('.')
            && (!ends_sentence(doc, close) || attribution_alone(doc, window.clone()));
    // Within the quote's own sentence the attribution may also close it: `"…" if she lost,
    // said X.`
    let reach = if closes_clause {
        Reach::RightAfter
    } else if !ends_sentence(doc, close) {
        Reach::SentenceEnd
    } else {
        Reach::Nothing
    };
    // A reporting verb before the quote outweighs a mere past tense after it: in "a clip that
    // Judge Mosman called "distasteful," Santilli expressed …" the judge spoke.
    let after = after(doc, people, window, reach);
    let before = || before(doc, people, sentence_start..open, first.span.start);
    let weak_after = after
        .as_ref()
        .is_some_and(|a| a.cue.ends_with("ed") && !listed_cue(&a.cue));
    let before_first = if weak_after {
        before().filter(|b| listed_cue(&b.cue))
    } else {
        None
    };
    let attribution = before_first
        .or(after)
        .or_else(before)
        .or_else(|| {
            opens_sentence
                .then(|| colon_intro(doc, people, open))
                .flatten()
        })
        .or_else(|| {
            opens_sentence
                .then(|| attribution_sentence(doc, people, open))
                .flatten()
        })
        .or_else(|| signature(doc, people, close));
    if attribution.is_none() && kind == QuoteKind::Partial {
        return None;
    }
    let opens_paragraph = doc
        .line_at(open)
        .is_some_and(|l| doc.text[doc.lines[l].span.start..open].trim().is_empty());
    Some(Found {
        quote: Quote {
            sentences: first.index..last.index + 1,
            text: trimmed.to_string(),
            span,
            speaker: None,
            cue: attribution.as_ref().map(|a| a.cue.clone()),
            kind,
        },
        attribution,
        opens_paragraph,
        opens_sentence,
    })
}

/// Whether the sentence splitter ends a sentence at the closing mark `close`.
fn ends_sentence(doc: &Doc<'_>, close: usize) -> bool {
    doc.sentence_at(close)
        .is_some_and(|s| s.span.end <= close + 1)
}

/// A short sentence after a quote that only attributes it (`"…." Trump said.`, a comma
/// written as a full stop).
fn attribution_alone(doc: &Doc<'_>, window: Range<usize>) -> bool {
    let ends_there = doc
        .sentence_at(window.end.saturating_sub(1))
        .is_some_and(|s| s.span.end == window.end);
    let toks = doc.tokens(window);
    ends_there
        && toks.len() <= ATTRIBUTION_ALONE
        && toks.iter().any(|t| SPEECH_VERBS.contains(&t.lower()))
}

/// Direct when long, of several sentences, or a sentence of its own (`"I don't see it
/// happening," Mr. Rove said`); else partial.
fn kind_of(text: &str, opens_sentence: bool) -> QuoteKind {
    let words = tokenize(text)
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .count();
    let own_sentence = text.starts_with(|c: char| c.is_uppercase())
        && (opens_sentence && words >= 2 || text.ends_with(['.', '?', '!']));
    if words >= DIRECT_WORDS || text.contains(". ") || own_sentence {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    }
}

/// A title-cased quoted phrase after a word that introduces a work's title ("NBC's", "on",
/// "host of", "the film"): a programme, a book or a film, not a quote.
fn names_a_work(doc: &Doc<'_>, open: usize, text: &str) -> bool {
    let words: Vec<_> = tokenize(text)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Word)
        .collect();
    let title_cased = !words.is_empty()
        && words.len() <= 8
        && words
            .iter()
            .all(|t| t.is_capitalized() || t.is_all_caps() || parallax_text::is_stopword(t.text))
        && words[0].is_capitalized();
    // A chant or a cry is said ("chants of "Feel the Bern!""), and so is a sentence in the
    // first person ("I'm with her").
    let exclaimed = text.trim_end().ends_with('!');
    let first_person = words
        .first()
        .is_some_and(|w| w.text.starts_with("I'") || w.text == "I");
    if !title_cased || exclaimed || first_person {
        return false;
    }
    let line_start = doc.line_at(open).map_or(0, |l| doc.lines[l].span.start);
    let before = doc.tokens(line_start.max(open.saturating_sub(40))..open);
    before.last().is_some_and(|t| {
        let w = t.lower();
        WORK_TITLE_CUES.contains(&w) || t.text.ends_with("'s") || t.text.ends_with("s'")
    })
}

/// `Dr. Ward stated:` closing the previous paragraph attributes the quote opening this one.
fn colon_intro(doc: &Doc<'_>, people: &People, open: usize) -> Option<Attribution> {
    let line = doc.line_at(open)?;
    if !doc.text[doc.lines[line].span.start..open].trim().is_empty() {
        return None;
    }
    let previous = doc.lines[..line]
        .iter()
        .rev()
        .find(|l| l.role == LineRole::Body && !doc.text[l.span.clone()].trim().is_empty())?;
    let text = doc.text[previous.span.clone()].trim_end();
    if !text.ends_with(':') {
        return None;
    }
    let end = previous.span.start + text.len();
    let sentence = doc.sentence_at(end.saturating_sub(1))?;
    let from = sentence
        .span
        .start
        .max(last_mark(doc, previous.span.start..end));
    before(doc, people, from..end, sentence.span.start)
}

/// `Sam Lau, the party's spokesman, said in a statement. "…"`: the sentence right before a
/// quote that opens its own (in its paragraph or closing the previous one) only attributes it.
fn attribution_sentence(doc: &Doc<'_>, people: &People, open: usize) -> Option<Attribution> {
    let here = doc.sentence_at(open)?;
    let previous = doc.sentences.get(here.index.checked_sub(1)?)?;
    if previous.is_heading || previous.text.contains('"') || previous.line + 1 < here.line {
        return None;
    }
    let toks = doc.tokens(previous.span.clone());
    let verb = toks
        .iter()
        .rposition(|t| SPEECH_VERBS.contains(&t.lower()))?;
    if toks.len() - verb > ATTRIBUTION_TAIL || toks.len() > MAX_ATTRIBUTION_SENTENCE {
        return None;
    }
    before(doc, people, previous.span.clone(), previous.span.start)
}

/// Words after the verb of a sentence that only attributes ("said in a statement on Monday.").
const ATTRIBUTION_TAIL: usize = 8;
/// Longest sentence, in tokens, read as one that only attributes the quote after it.
const MAX_ATTRIBUTION_SENTENCE: usize = 30;

/// `"…"` closing its paragraph, then a line `- Hillary Clinton.` or `-President Obama, tweeting
/// after the speech.`: the signature of a quotation set apart, as in quote roundups.
fn signature(doc: &Doc<'_>, people: &People, close: usize) -> Option<Attribution> {
    let line = doc.line_at(close)?;
    let rest = doc
        .text
        .get(close + 1..doc.lines[line].span.end)
        .unwrap_or("");
    if !rest.trim().is_empty() {
        return None;
    }
    let next = doc
        .lines
        .get(line + 1)
        .filter(|l| l.role == LineRole::Body)?;
    let toks = doc.tokens(next.span.clone());
    let dash = toks
        .first()
        .filter(|t| matches!(t.text, "-" | "—" | "–" | "~"))?;
    let end = toks
        .iter()
        .position(|t| matches!(t.text, "," | "."))
        .unwrap_or(toks.len());
    if end > SIGNATURE_WORDS || !toks.get(1).is_some_and(|t| t.is_capitalized()) {
        return None;
    }
    let speaker = read_phrase(doc, people, &toks[1..end], Order::Inverted)?;
    matches!(speaker, Speaker::Name(_)).then(|| Attribution {
        speaker,
        at: dash.start,
        cue: dash.text.to_string(),
    })
}

/// The byte after the last quotation mark in `range`, or its start.
fn last_mark(doc: &Doc<'_>, range: Range<usize>) -> usize {
    doc.text[range.clone()]
        .rfind('"')
        .map_or(range.start, |k| range.start + k + 1)
}
