//! Direct, partial and indirect quotations with their speakers.
//!
//! Direct quotes are found per paragraph by pairing quotation marks; a quote left open at the end
//! of a paragraph runs to its end (the convention for quotes over several paragraphs), unless the
//! next line closes it without reopening it (text with one sentence per line). The speaker comes
//! from the attribution around the quote (`speakers`) — `"…," X said`, `said X`,
//! `X said: "…"`, `according to X`, `X told reporters` — and a pronoun speaker is resolved to the
//! person last mentioned. A quote right after another without its own attribution continues the
//! previous speaker's words. Sentences without quotation marks may report speech indirectly
//! (`indirect`): "X said (that) …", "…, officials said."

mod attribution;
mod coreference;
mod direct;
mod doc;
mod indirect;
mod speaker_phrase;

use std::ops::Range;

use parallax_model::{Line, LineRole, Mention, Quote, QuoteKind, Sentence};

use attribution::Attribution;
use coreference::{resolve_description, resolve_pronoun, Discourse, People};
use direct::{Found, Marks};
use doc::Doc;
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
            }
        }
        if quote.kind != QuoteKind::Indirect {
            last = quote.speaker.is_some().then_some((out.len(), extent));
        }
        out.push(quote);
    }
    out
}

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
        && doc
            .mentions_in(after.span.end..here.span.start)
            .filter(|(_, m)| m.kind == parallax_model::EntityKind::Person)
            .all(|(span, m)| people.name_at(m, span.start) == speaker)
}

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
            .then(|| resolve_description(doc, people, head, a.at, discourse))
            .flatten()
            .or_else(|| Some(phrase.clone())),
    }
}

#[cfg(test)]
mod tests {
    use crate::read_article;
    use parallax_model::{Article, QuoteKind};

    fn quotes(text: &str) -> Vec<(String, Option<String>, QuoteKind)> {
        let r = read_article(&Article::new("t", text), &crate::Lexicon::builtin());
        r.quotes
            .into_iter()
            .map(|q| (q.text, q.speaker, q.kind))
            .collect()
    }

    /// The one quote of a text.
    fn only_quote(text: &str) -> (String, Option<String>, QuoteKind) {
        let mut q = quotes(text);
        assert_eq!(q.len(), 1, "{q:?}");
        q.remove(0)
    }

    #[test]
    fn quote_then_speaker() {
        let q = quotes("Headline Here\n\"The Abraham Accords are a big thing. Tonight, another country is going to announce,\" Witkoff said.");
        assert_eq!(
            q[0].0,
            "The Abraham Accords are a big thing. Tonight, another country is going to announce"
        );
        assert_eq!(q[0].1.as_deref(), Some("Witkoff"));
        assert_eq!(q[0].2, QuoteKind::Direct);
    }

    #[test]
    fn speakers_before_and_after_the_quote() {
        // (text after a headline line, the first quote's speaker)
        let cases = [
            // Speaker, then quote.
            ("In a statement, the Kazakh government said, \"Our expected accession represents a natural and logical continuation of policy.\"", "Government of Kazakhstan"),
            ("Another official noted: \"This is going to show that many countries want to be a member.\"", "Another official"),
            // "said X", with an appositive or a phrase after the name.
            ("\"The accords were never about peace for Palestinians,\" said Rania Malki, a Middle East analyst.", "Rania Malki"),
            ("\"Our anticipated accession is natural and logical for us all,\" said the government in an official statement.", "the government"),
            // A role whose phrase names an organisation is the role.
            ("\"This is a natural progression of a long friendship,\" an Israeli Foreign Ministry spokesperson told reporters.", "an Israeli Foreign Ministry spokesperson"),
        ];
        for (text, speaker) in cases {
            let q = quotes(&format!("Headline Here\n{text}"));
            assert_eq!(q[0].1.as_deref(), Some(speaker), "{text}");
        }
    }

    #[test]
    fn partial_quotes_need_a_speaker_and_pronouns_resolve() {
        let (text, speaker, kind) = only_quote("Headline Here\nUS President Donald Trump spoke on Thursday.\nHe called the talks \"a major step forward\" on Truth Social.\nThe so-called \"peace\" plan stalled.");
        assert_eq!(text, "a major step forward");
        assert_eq!(speaker.as_deref(), Some("Donald Trump"));
        assert_eq!(kind, QuoteKind::Partial);
    }

    #[test]
    fn indirect_attribution() {
        let q = quotes("Headline Here\nPolitical analysts suggest that joining the accords aligns with efforts to attract investment.\nThe deal will be signed next month, Kazakh officials said.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(
            q[0].0,
            "joining the accords aligns with efforts to attract investment"
        );
        assert_eq!(q[0].1.as_deref(), Some("Political analysts"));
        assert_eq!(q[0].2, QuoteKind::Indirect);
        assert_eq!(q[1].0, "The deal will be signed next month");
    }

    #[test]
    fn open_quote_runs_to_paragraph_end() {
        let q = quotes("Headline Here\nWitkoff said: \"We are going to announce another country tonight and more will follow.\nNext paragraph.");
        assert_eq!(
            q[0].0,
            "We are going to announce another country tonight and more will follow."
        );
    }

    #[test]
    fn quote_broken_over_lines_is_one_quote() {
        let (text, speaker, _) = only_quote("Headline Here\n\"Thompson was not so easy to box.\nI'm satisfied,\" Klitschko said.\nHe won.");
        assert_eq!(text, "Thompson was not so easy to box.\nI'm satisfied");
        assert_eq!(speaker.as_deref(), Some("Klitschko"));
        // A next paragraph reopening with its own mark is the newspaper convention instead.
        let q = quotes("Headline Here\nKlitschko said: \"We will win this fight and the next one.\n\"And then we will rest for a long time,\" Klitschko added.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].0, "We will win this fight and the next one.");
    }

    #[test]
    fn relative_clauses_and_plain_objects() {
        let (_, speaker, _) = only_quote("Headline Here\nLater, the Tabar sank a Thai trawler that the Indian Navy said was a pirate \"mother vessel\".");
        assert_eq!(speaker.as_deref(), Some("Indian Navy"));
        let q =
            quotes("Headline Here\nPeyton Hillis added 101 yards on the ground for the Chiefs.");
        assert!(q.is_empty(), "{q:?}");
        let q = quotes("Headline Here\nCity Attorney Terry White confirmed to The Associated Press that Lohan has checked into an approved facility.");
        assert_eq!(
            q[0].0, "Lohan has checked into an approved facility",
            "{q:?}"
        );
    }
}
