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

mod direct;
mod indirect;
mod speakers;

use parallax_model::{Line, LineRole, Mention, Quote, QuoteKind, Sentence};

/// A quote left open by one body line that the next line closes: its opening mark and the
/// sentences it spans so far.
type Carried<'a> = Option<(usize, Vec<&'a Sentence>)>;

/// Find the quotes of one article.
pub fn find_quotes(
    text: &str,
    lines: &[Line],
    sentences: &[Sentence],
    mentions: &[Mention],
) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut carried: Carried<'_> = None;
    for (line_index, line) in lines.iter().enumerate() {
        if line.role != LineRole::Body {
            carried = None;
            continue;
        }
        let line_sentences: Vec<&Sentence> =
            sentences.iter().filter(|s| s.line == line_index).collect();
        if line_sentences.is_empty() {
            carried = None;
            continue;
        }
        let marks = marks_of(text, line);
        let mut k = 0;
        let mut quoted_sentences = Vec::new();
        let first_of_line = out.len();
        if let (Some((open, mut before)), Some(&close)) = (carried.take(), marks.first()) {
            // The carried quote closes at this line's first mark.
            before.extend(line_sentences.iter().copied());
            if let Some(q) = direct::direct_quote(text, open, close, &before, mentions) {
                quoted_sentences.extend(q.sentences.clone());
                out.push(q);
            }
            k = 1;
        }
        if (marks.len() - k) % 2 == 1 {
            carried = carry_to_next_line(text, lines, line_index, &marks, &line_sentences);
        }
        let pair_end = if carried.is_some() {
            marks.len() - 1
        } else {
            marks.len()
        };
        while k < pair_end {
            let open = marks[k];
            let close = marks.get(k + 1).copied().unwrap_or(line.span.end);
            k += 2;
            if let Some(q) = direct::direct_quote(text, open, close, &line_sentences, mentions) {
                quoted_sentences.extend(q.sentences.clone());
                out.push(q);
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
        continue_speakers(&mut out[first_of_line.saturating_sub(1)..]);
        for s in &line_sentences {
            if !s.text.contains('"') && !quoted_sentences.contains(&s.index) {
                if let Some(q) = indirect::indirect_quote(s, mentions) {
                    out.push(q);
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
fn carry_to_next_line<'a>(
    text: &str,
    lines: &[Line],
    line_index: usize,
    marks: &[usize],
    line_sentences: &[&'a Sentence],
) -> Carried<'a> {
    let next = lines
        .get(line_index + 1)
        .filter(|n| n.role == LineRole::Body)?;
    let closes = marks_of(text, next).len() % 2 == 1;
    let reopens = text[next.span.clone()].trim_start().starts_with('"');
    if !closes || reopens {
        return None;
    }
    let open = marks[marks.len() - 1];
    let own: Vec<&Sentence> = line_sentences
        .iter()
        .copied()
        .filter(|s| s.span.end > open)
        .collect();
    Some((open, own))
}

/// A quote that continues the previous speaker's words ("…," she said. "…"): `quotes` starts
/// with the quote before the line's first, whose speaker the line's first may continue.
fn continue_speakers(quotes: &mut [Quote]) {
    for k in 1..quotes.len() {
        let (prev, cur) = (&quotes[k - 1], &quotes[k]);
        if cur.speaker.is_none()
            && cur.kind == QuoteKind::Direct
            && prev.speaker.is_some()
            && cur.sentences.start <= prev.sentences.end
        {
            let (speaker, cue) = (prev.speaker.clone(), prev.cue.clone());
            quotes[k].speaker = speaker;
            quotes[k].cue = cue;
        }
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
