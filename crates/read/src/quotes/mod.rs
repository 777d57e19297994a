//! Direct, partial and indirect quotations with their speakers.
//!
//! Direct quotes are found per paragraph by pairing quotation marks; a quote left open at the end
//! of a paragraph runs to its end (the convention for quotes over several paragraphs), unless the
//! next line closes it without reopening it (text with one sentence per line). Each quote is
//! read on its own (`direct`): where its attribution is (`attribution`: `"…," Mr. Clyburn said`,
//! `said Sen. Ben Sasse (R-Neb.)`, `X said: "…"`, a colon closing the previous paragraph, a
//! signature line), with which verb (`cues`) and which phrase (`phrases`), and what the phrase
//! names (`speaker_phrase`). Then, in text order, the speakers are resolved against the people
//! the article names (`people`, `coreference`: a surname, "he", "they", "the senator"), and a
//! quote without attribution continues the quote before it, in its paragraph or opening the
//! next. Sentences without quotation marks may report speech indirectly (`indirect`): "X said
//! (that) …", "…, officials said."

mod attribution;
mod coreference;
mod cues;
mod direct;
mod doc;
mod indirect;
mod people;
mod phrases;
mod speaker_phrase;

use std::ops::Range;

use parallax_model::{Line, LineRole, Mention, Quote, QuoteKind, Sentence};

use attribution::Attribution;
use coreference::{resolve_description, resolve_pronoun, Discourse};
use direct::{Found, Marks};
use doc::Doc;
use people::People;
use speaker_phrase::Speaker;

/// A quote left open by one body line that the next line closes: its opening mark.
type Carried = Option<usize>;

/// Find the quotes of one article.
pub fn find_quotes(
    text: &str,
    lines: &[Line],
    sentences: &[Sentence],
    mentions: &[Mention],
) -> Vec<Quote> {
    let doc = Doc::new(text, lines, sentences, mentions);
    let people = People::new(&doc);
    let found = quotations(&doc, &people);
    resolve_speakers(&doc, &people, found)
}

/// Every quotation of the article in order, with its attribution as read; the sentences of a
/// paragraph outside quotation marks may report speech indirectly.
fn quotations(doc: &Doc<'_>, people: &People) -> Vec<Found> {
    let mut out = Vec::new();
    let mut carried: Carried = None;
    for (line_index, line) in doc.lines.iter().enumerate() {
        if line.role != LineRole::Body {
            carried = None;
            continue;
        }
        let line_sentences: Vec<&Sentence> = doc
            .sentences
            .iter()
            .filter(|s| s.line == line_index)
            .collect();
        if line_sentences.is_empty() {
            carried = None;
            continue;
        }
        let marks = marks_of(doc.text, line);
        let mut k = 0;
        let mut quoted_sentences = Vec::new();
        let mut pairs: Vec<Marks> = Vec::new();
        if let (Some(open), Some(&close)) = (carried.take(), marks.first()) {
            // The carried quote closes at this line's first mark.
            pairs.push(Marks {
                open,
                close,
                previous: line.span.start,
                next: marks.get(1).copied().unwrap_or(line.span.end),
            });
            k = 1;
        }
        if (marks.len() - k) % 2 == 1 {
            carried = carry_to_next_line(doc.text, doc.lines, line_index, &marks);
        }
        let pair_end = if carried.is_some() {
            marks.len() - 1
        } else {
            marks.len()
        };
        while k < pair_end {
            let close = marks.get(k + 1).copied().unwrap_or(line.span.end);
            pairs.push(Marks {
                open: marks[k],
                close,
                previous: k.checked_sub(1).map_or(line.span.start, |p| marks[p] + 1),
                next: marks.get(k + 2).copied().unwrap_or(line.span.end),
            });
            k += 2;
        }
        for m in &pairs {
            if let Some(f) = direct::direct_quote(doc, people, m) {
                quoted_sentences.extend(f.quote.sentences.clone());
                out.push(f);
            }
        }
        if carried.is_some() {
            quoted_sentences.extend(
                line_sentences
                    .iter()
                    .filter(|s| s.span.end > marks[marks.len() - 1])
                    .map(|s| s.index),
            );
        }
        for s in &line_sentences {
            if !s.text.contains('"') && !quoted_sentences.contains(&s.index) {
                if let Some(f) = indirect::indirect_quote(doc, people, s) {
                    out.push(f);
                }
            }
        }
    }
    out
}

/// Byte offsets of the quotation marks of a line.
fn marks_of(text: &str, line: &Line) -> Vec<usize> {
    text[line.span.clone()]
        .match_indices('"')
        .map(|(i, _)| line.span.start + i)
        .collect()
}

/// Text with one sentence per line breaks a quote over lines: a line that leaves a quote open,
/// followed by a line that does not reopen it with a mark of its own but closes it (an odd number
/// of marks), is one quote, carried to the next line. A next line starting with a mark is the
/// newspaper convention for a quote running over paragraphs instead: each runs to its line's end.
fn carry_to_next_line(text: &str, lines: &[Line], line_index: usize, marks: &[usize]) -> Carried {
    let next = lines
        .get(line_index + 1)
        .filter(|n| n.role == LineRole::Body)?;
    let closes = marks_of(text, next).len() % 2 == 1;
    let reopens = text[next.span.clone()].trim_start().starts_with('"');
    if !closes || reopens {
        return None;
    }
    marks.last().copied()
}

/// Each quote's speaker, in order: its attribution resolved (a pronoun to the person it refers
/// to, "the senator" to the senator named), else the speaker of the quote it continues.
fn resolve_speakers(doc: &Doc<'_>, people: &People, found: Vec<Found>) -> Vec<Quote> {
    let quoted: Vec<Range<usize>> = found
        .iter()
        .filter(|f| f.quote.kind != QuoteKind::Indirect)
        .map(|f| f.quote.span.clone())
        .collect();
    let mut speakers: Vec<(usize, String)> = Vec::new();
    let mut out: Vec<Quote> = Vec::with_capacity(found.len());
    // The latest direct or partial quote with a speaker, and the sentence after its attribution.
    let mut last: Option<(usize, usize)> = None;
    for f in found {
        let mut quote = f.quote;
        let discourse = Discourse {
            quoted: &quoted,
            speakers: &speakers,
        };
        let attributed = f.attribution.as_ref().map(|a| {
            let speaker = resolve(doc, people, a, &discourse);
            let sentence = doc.sentence_at(a.at).map_or(0, |s| s.index);
            (speaker, a.at, sentence)
        });
        let mut extent = quote.sentences.end;
        if let Some((speaker, at, sentence)) = attributed {
            if let Some(name) = &speaker {
                speakers.push((at, name.clone()));
            }
            quote.speaker = speaker;
            extent = extent.max(sentence + 1);
        } else if quote.kind == QuoteKind::Direct {
            let previous = last.filter(|&(k, end)| {
                continues(doc, &quote, f.opens_paragraph, end)
                    || out[k]
                        .speaker
                        .as_deref()
                        .is_some_and(|speaker| resumes(doc, people, &quote, end, speaker))
            });
            if let Some((k, _)) = previous {
                quote.speaker = out[k].speaker.clone();
                quote.cue = out[k].cue.clone();
            } else if f.opens_sentence {
                quote.speaker = paragraph_subject(doc, people, &quote, &quoted);
            }
        }
        if quote.speaker.is_none() && quote.kind != QuoteKind::Indirect {
            if let Some(earlier) = said_before(&out, &quote.text) {
                quote.speaker = earlier.speaker.clone();
                quote.cue = earlier.cue.clone();
            }
        }
        if quote.kind != QuoteKind::Indirect {
            last = quote.speaker.is_some().then_some((out.len(), extent));
        }
        out.push(quote);
    }
    out
}

/// The earlier quote with a speaker that already holds these words: an article repeating a
/// quotation (in its lead and again in its body) repeats its speaker too.
fn said_before<'q>(earlier: &'q [Quote], text: &str) -> Option<&'q Quote> {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let these = words(text);
    if these.len() < REPEATED_WORDS {
        return None;
    }
    earlier.iter().rev().find(|q| {
        q.speaker.is_some()
            && q.kind != QuoteKind::Indirect
            && words(&q.text)
                .windows(these.len())
                .any(|w| w == these.as_slice())
    })
}

/// Fewest words a quotation needs for its repetition to be recognised as the same words.
const REPEATED_WORDS: usize = 4;

/// Whether a quote without attribution continues the previous quote, whose quotation and
/// attribution end before sentence `end`: it starts right there (`"…," she said. "…"`), in the
/// same paragraph or opening the next one.
fn continues(doc: &Doc<'_>, quote: &Quote, opens_paragraph: bool, end: usize) -> bool {
    let same_line = |a: usize, b: usize| {
        doc.sentences.get(a).map(|s| s.line) == doc.sentences.get(b).map(|s| s.line)
    };
    quote.sentences.start <= end
        && (opens_paragraph || same_line(quote.sentences.start, end.saturating_sub(1)))
}

/// Whether a quote without attribution resumes the previous quote of its paragraph, whose
/// attribution ends before sentence `end`, after narration that names nobody else (`"…," Woolson
/// said. They also lie in a dead zone. "That's a tough area."`).
fn resumes(doc: &Doc<'_>, people: &People, quote: &Quote, end: usize, speaker: &str) -> bool {
    let (Some(after), Some(here)) = (
        doc.sentences.get(end.saturating_sub(1)),
        doc.sentences.get(quote.sentences.start),
    ) else {
        return false;
    };
    after.line == here.line
        && people
            .named_in(after.span.end..here.span.start)
            .all(|(_, name)| name == speaker)
}

/// A quotation opening its sentence without attribution, right after a sentence about a person
/// in its paragraph or closing the previous one ("Viguerie is upbeat about Cruz's chances." then
/// "“Not only can Ted Cruz win …”"): that person, named first in the sentence.
fn paragraph_subject(
    doc: &Doc<'_>,
    people: &People,
    quote: &Quote,
    quoted: &[Range<usize>],
) -> Option<String> {
    let here = doc.sentences.get(quote.sentences.start)?;
    let previous = doc.sentences.get(here.index.checked_sub(1)?)?;
    if previous.is_heading || previous.line + 1 < here.line || previous.text.contains('"') {
        return None;
    }
    let subject_end = doc
        .tokens(previous.span.clone())
        .get(SUBJECT_WORDS)
        .map_or(previous.span.end, |t| t.start);
    people
        .named_in(previous.span.start..subject_end)
        .find(|(span, _)| !quoted.iter().any(|q| q.contains(&span.start)))
        .map(|(_, name)| name.clone())
}

/// How far into a sentence, in tokens, its subject may be named.
const SUBJECT_WORDS: usize = 4;

/// The speaker an attribution names, resolved.
fn resolve(
    doc: &Doc<'_>,
    people: &People,
    a: &Attribution,
    discourse: &Discourse<'_>,
) -> Option<String> {
    match &a.speaker {
        Speaker::Name(name) | Speaker::Place(name) => Some(name.clone()),
        Speaker::Pronoun(gender) => resolve_pronoun(doc, people, *gender, a.at, discourse),
        Speaker::Description {
            phrase,
            head,
            definite,
        } => definite
            .then(|| resolve_description(people, head, a.at, discourse))
            .flatten()
            .or_else(|| Some(phrase.clone())),
    }
}

#[cfg(test)]
mod tests;
