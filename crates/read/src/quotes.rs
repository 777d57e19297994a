//! Direct, partial and indirect quotations with their speakers.
//!
//! Direct quotes are found per paragraph by pairing quotation marks; a quote left open at the end
//! of a paragraph runs to its end (the convention for quotes over several paragraphs). The speaker
//! comes from the attribution around the quote — `"…," X said`, `said X`, `X said: "…"`,
//! `according to X`, `X told reporters` — and a pronoun speaker is resolved to the person last
//! mentioned.

use std::ops::Range;

use parallax_model::{EntityKind, Line, LineRole, Mention, Quote, QuoteKind, Sentence};

use crate::lexicon::{ROLE_NOUNS, SPEECH_VERBS};
use parallax_text::{tokenize, Token, TokenKind};

/// Verbs clear enough to attribute reported speech without quotation marks.
const INDIRECT_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "announced",
    "stated",
    "noted",
    "argued",
    "argue",
    "warned",
    "claimed",
    "insisted",
    "suggested",
    "suggest",
    "believe",
    "believes",
    "confirmed",
    "denied",
    "added",
];
/// Of those, the ones that just as often take a plain object.
const TRANSITIVE_CUES: &[&str] = &["added", "announced", "confirmed", "denied", "noted"];
const AUXILIARIES: &[&str] = &[
    "had",
    "has",
    "have",
    "was",
    "is",
    "also",
    "then",
    "later",
    "previously",
    "repeatedly",
    "would",
    "will",
    "earlier",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "who", "which", "we", "i"];
/// Words that end a speaker phrase after the verb ("said X in a statement").
const NP_STOPS: &[&str] = &[
    "in",
    "on",
    "at",
    "to",
    "during",
    "after",
    "before",
    "while",
    "according",
    "when",
    "as",
    "that",
    "of",
    "and",
    "from",
    "about",
    "via",
];

/// Find the quotes of one article.
pub fn find_quotes(
    text: &str,
    lines: &[Line],
    sentences: &[Sentence],
    mentions: &[Mention],
) -> Vec<Quote> {
    let mut out = Vec::new();
    let marks_of = |line: &Line| -> Vec<usize> {
        text[line.span.clone()]
            .match_indices('"')
            .map(|(i, _)| line.span.start + i)
            .collect()
    };
    // A quote left open by the previous body line that this line closes (see below).
    let mut carried: Option<(usize, Vec<&Sentence>)> = None;
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
        let marks = marks_of(line);
        let mut k = 0;
        let mut quoted_sentences = Vec::new();
        let first_of_line = out.len();
        if let (Some((open, mut before)), Some(&close)) = (carried.take(), marks.first()) {
            // The carried quote closes at this line's first mark.
            before.extend(line_sentences.iter().copied());
            if let Some(q) = direct_quote(text, open, close, &before, mentions) {
                quoted_sentences.extend(q.sentences.clone());
                out.push(q);
            }
            k = 1;
        }
        // Text with one sentence per line breaks a quote over lines: a line that leaves a quote
        // open, followed by a line that does not reopen it with a mark of its own but closes it
        // (an odd number of marks), is one quote. A next line starting with a mark is the
        // newspaper convention for a quote running over paragraphs, handled below.
        if (marks.len() - k) % 2 == 1 {
            let next = lines
                .get(line_index + 1)
                .filter(|n| n.role == LineRole::Body);
            if let Some(n) = next {
                let next_marks = marks_of(n);
                if next_marks.len() % 2 == 1 && !text[n.span.clone()].trim_start().starts_with('"')
                {
                    let open = marks[marks.len() - 1];
                    let own: Vec<&Sentence> = line_sentences
                        .iter()
                        .copied()
                        .filter(|s| s.span.end > open)
                        .collect();
                    carried = Some((open, own));
                }
            }
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
            if let Some(q) = direct_quote(text, open, close, &line_sentences, mentions) {
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
        // A quote that continues the previous speaker's words ("…," she said. "…").
        for k in first_of_line.max(1)..out.len() {
            let (prev, cur) = (&out[k - 1], &out[k]);
            if cur.speaker.is_none()
                && cur.kind == QuoteKind::Direct
                && prev.speaker.is_some()
                && cur.sentences.start <= prev.sentences.end
            {
                let (speaker, cue) = (prev.speaker.clone(), prev.cue.clone());
                out[k].speaker = speaker;
                out[k].cue = cue;
            }
        }
        for s in &line_sentences {
            if !s.text.contains('"') && !quoted_sentences.contains(&s.index) {
                if let Some(q) = indirect_quote(s, mentions) {
                    out.push(q);
                }
            }
        }
    }
    out
}

fn sentence_at<'a>(sentences: &[&'a Sentence], pos: usize) -> Option<&'a Sentence> {
    sentences
        .iter()
        .copied()
        .find(|s| s.span.start <= pos && pos < s.span.end.max(s.span.start + 1))
}

fn direct_quote(
    text: &str,
    open: usize,
    close: usize,
    sentences: &[&Sentence],
    mentions: &[Mention],
) -> Option<Quote> {
    let inner_start = open + 1;
    let raw = &text[inner_start..close.max(inner_start)];
    let trimmed = raw.trim().trim_end_matches(',').trim_end();
    if trimmed.is_empty() {
        return None;
    }
    let lead = raw.len() - raw.trim_start().len();
    let span = inner_start + lead..inner_start + lead + trimmed.len();
    let words = tokenize(trimmed)
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .count();
    let first = sentence_at(sentences, open)?;
    let last = sentence_at(sentences, close.saturating_sub(1)).unwrap_or(first);
    let kind = if words >= 6 || trimmed.contains(". ") {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    };
    // Text around the quote, within its sentences.
    let after = &text[(close + 1).min(last.span.end).max(close.min(last.span.end))..last.span.end];
    let before = &text[first.span.start..open];
    // `"…," X said`: attribution after a quote only when the quote closes a clause.
    let closes_clause =
        raw.trim_end().ends_with([',', '?', '!', '.']) || after.trim_start().starts_with(',');
    let (speaker, cue) = closes_clause
        .then(|| speaker_after(after, last, close + 1, mentions))
        .flatten()
        .or_else(|| speaker_before(before, first, mentions, sentences))
        .map(|(s, c)| (Some(s), Some(c)))
        .unwrap_or((None, None));
    // A short quoted phrase that nobody is said to have said is a term, not a quote.
    if speaker.is_none() && kind == QuoteKind::Partial {
        return None;
    }
    Some(Quote {
        sentences: first.index..last.index + 1,
        text: trimmed.to_string(),
        span,
        speaker,
        cue,
        kind,
    })
}

fn is_speech(t: &Token<'_>) -> bool {
    SPEECH_VERBS.contains(&t.text.to_lowercase().as_str())
}

/// `"…," X said` / `"…," said X` / `"…," according to X`.
fn speaker_after(
    after: &str,
    sentence: &Sentence,
    offset: usize,
    mentions: &[Mention],
) -> Option<(String, String)> {
    let toks = tokenize(after);
    let mut i = 0;
    while i < toks.len() && toks[i].kind == TokenKind::Punct && toks[i].text != "." {
        i += 1;
    }
    let toks = &toks[i..];
    let base = offset - sentence.span.start;
    if toks.len() >= 3 && toks[0].text.eq_ignore_ascii_case("according") && toks[1].text == "to" {
        let end = np_end(toks, 2);
        return speaker_np(after, &toks[2..end], sentence, base, mentions)
            .map(|s| (s, "according to".to_string()));
    }
    if let Some(first) = toks.first() {
        if is_speech(first) {
            let end = np_end(toks, 1);
            return speaker_np(after, &toks[1..end], sentence, base, mentions)
                .map(|s| (s, first.text.to_string()));
        }
    }
    // Subject then verb within a few words: "the Kazakh government said", "Witkoff told reporters".
    let verb = toks.iter().take(9).position(is_speech)?;
    if verb == 0 || toks[..verb].iter().any(|t| t.text == "." || t.text == "\"") {
        return None;
    }
    let subject: Vec<Token<'_>> = toks[..verb]
        .iter()
        .filter(|t| !AUXILIARIES.contains(&t.text))
        .cloned()
        .collect();
    let cue = cue_of(&toks[verb..]);
    speaker_np(after, &subject, sentence, base, mentions).map(|s| (s, cue))
}

/// `X said, "…"`, `X noted: "…"`, and phrases inside reported speech (`X called it a "…"`).
fn speaker_before(
    before: &str,
    sentence: &Sentence,
    mentions: &[Mention],
    sentences: &[&Sentence],
) -> Option<(String, String)> {
    let toks = tokenize(before);
    let verb = toks.iter().rposition(is_speech);
    let base = 0;
    if let Some(v) = verb {
        let cue = cue_of(&toks[v..]);
        let mut start = v;
        // Walk back over the subject to a clause boundary, skipping a parenthetical ", which …,".
        // "… a trawler that the Indian Navy said was …": the subject starts after "that".
        while start > 0
            && !matches!(
                toks[start - 1].text,
                "," | ";" | ":" | "\"" | "that" | "which" | "who" | "whom"
            )
        {
            start -= 1;
        }
        if start == v && start > 0 && toks[start - 1].text == "," {
            let mut k = start - 1;
            while k > 0 && toks[k - 1].text != "," {
                k -= 1;
            }
            if k > 0 {
                let mut s2 = k - 1;
                while s2 > 0 && !matches!(toks[s2 - 1].text, "," | ";" | ":" | "\"") {
                    s2 -= 1;
                }
                let subject: Vec<Token<'_>> = toks[s2..k - 1].to_vec();
                if let Some(s) = speaker_np(before, &subject, sentence, base, mentions) {
                    return Some((s, cue));
                }
            }
        }
        let subject: Vec<Token<'_>> = toks[start..v]
            .iter()
            .filter(|t| !AUXILIARIES.contains(&t.text) && t.kind != TokenKind::Number)
            .cloned()
            .collect();
        let subject: Vec<Token<'_>> = strip_adverbials(subject);
        if let Some(s) = speaker_np(before, &subject, sentence, base, mentions) {
            return Some((s, cue));
        }
        // "…, sharing that …": the sentence's first named actor before the verb.
        let verb_pos = toks[v].start;
        let before_verb = mentions.iter().filter(|m| {
            m.sentence == sentence.index && m.span.end <= verb_pos && actor_kind(m.kind)
        });
        let first_person = before_verb
            .clone()
            .filter(|m| m.kind == EntityKind::Person)
            .min_by_key(|m| m.span.start);
        if let Some(m) = first_person.or_else(|| before_verb.min_by_key(|m| m.span.start)) {
            return Some((m.key.clone(), cue));
        }
        if subject.len() == 1 && PRONOUNS.contains(&subject[0].text.to_lowercase().as_str()) {
            return previous_person(sentence, mentions, sentences).map(|p| (p, cue));
        }
        return None;
    }
    if let Some(pos) = toks
        .windows(2)
        .rposition(|w| w[0].text.eq_ignore_ascii_case("according") && w[1].text == "to")
    {
        let end = np_end(&toks, pos + 2);
        return speaker_np(before, &toks[pos + 2..end], sentence, base, mentions)
            .map(|s| (s, "according to".into()));
    }
    None
}

/// Drop leading adverbial phrases from a subject: "In a statement the government" → "the government".
fn strip_adverbials(subject: Vec<Token<'_>>) -> Vec<Token<'_>> {
    let lead = subject.first().map(|t| t.text.to_lowercase());
    if matches!(
        lead.as_deref(),
        Some("in" | "on" | "at" | "during" | "after" | "before")
    ) {
        return Vec::new();
    }
    subject
}

fn actor_kind(kind: EntityKind) -> bool {
    matches!(
        kind,
        EntityKind::Person
            | EntityKind::Government
            | EntityKind::Organisation
            | EntityKind::Country
            | EntityKind::Media
    )
}

fn cue_of(toks: &[Token<'_>]) -> String {
    let verb = toks[0].text.to_lowercase();
    match toks.get(1).map(|t| t.text) {
        Some("reporters" | "journalists") if verb == "told" => format!("{verb} {}", toks[1].text),
        _ => verb,
    }
}

/// Where a speaker phrase after a verb ends.
fn np_end(toks: &[Token<'_>], from: usize) -> usize {
    let mut end = from;
    while end < toks.len() && end < from + 8 {
        let t = &toks[end];
        if t.kind == TokenKind::Punct && t.text != "-" || NP_STOPS.contains(&t.text) {
            break;
        }
        end += 1;
    }
    end
}

/// Turn a speaker phrase into a name: the entity mentioned in it, or the phrase itself.
fn speaker_np(
    _text: &str,
    toks: &[Token<'_>],
    sentence: &Sentence,
    base: usize,
    mentions: &[Mention],
) -> Option<String> {
    let toks: Vec<&Token<'_>> = toks
        .iter()
        .filter(|t| t.kind != TokenKind::Punct || t.text == "-")
        .collect();
    if toks.is_empty() || toks.len() > 8 {
        return None;
    }
    let first_lower = toks[0].text.to_lowercase();
    if toks.len() == 1 && PRONOUNS.contains(&first_lower.as_str()) {
        return None;
    }
    let start = base + toks[0].start;
    let end = base + toks[toks.len() - 1].end;
    let head = toks[toks.len() - 1].text.to_lowercase();
    // "an Israeli Foreign Ministry spokesperson": the speaker is the role, not the ministry.
    let head_is_role = ROLE_NOUNS.contains(&head.trim_end_matches('s'))
        || head == "officials"
        || head == "analysts";
    let inside: Vec<&Mention> = mentions
        .iter()
        .filter(|m| {
            m.sentence == sentence.index
                && m.span.start >= start
                && m.span.end <= end
                && actor_kind(m.kind)
        })
        .collect();
    let best = inside.iter().max_by_key(|m| {
        (
            m.kind == EntityKind::Person,
            m.kind == EntityKind::Government,
            m.span.end,
            m.span.len(),
        )
    });
    match best {
        Some(m) if !head_is_role || m.kind == EntityKind::Person => Some(m.key.clone()),
        _ => {
            // Starts with a capital or a determiner: a named group or a role ("Another official").
            let phrase =
                &sentence.text[start.min(sentence.text.len())..end.min(sentence.text.len())];
            let ok = toks[0].is_capitalized()
                || matches!(
                    first_lower.as_str(),
                    "the" | "a" | "an" | "another" | "one" | "two" | "several" | "some" | "many"
                )
                || head_is_role;
            (ok && !phrase.is_empty() && !ends_in_verbish(&head)).then(|| phrase.to_string())
        }
    }
}

fn ends_in_verbish(w: &str) -> bool {
    parallax_text::is_stopword(w) && !matches!(w, "us")
}

/// The person mentioned last before this sentence (for "he said").
fn previous_person(
    sentence: &Sentence,
    mentions: &[Mention],
    _sentences: &[&Sentence],
) -> Option<String> {
    mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person && m.sentence < sentence.index)
        .max_by_key(|m| (m.sentence, m.span.start))
        .map(|m| m.key.clone())
}

/// "X said (that) …" without quotation marks, when X is clearly a named actor or role.
fn indirect_quote(s: &Sentence, mentions: &[Mention]) -> Option<Quote> {
    let toks = tokenize(&s.text);
    let verb = toks.iter().position(|t| INDIRECT_VERBS.contains(&t.text))?;
    if verb == 0 || verb > 10 {
        // Trailing attribution: "…, officials said."
        return trailing_attribution(s, &toks, mentions);
    }
    let subject: Vec<Token<'_>> = toks[..verb]
        .iter()
        .filter(|t| !AUXILIARIES.contains(&t.text))
        .cloned()
        .collect();
    if subject.iter().any(|t| t.text == ",") {
        return trailing_attribution(s, &toks, mentions);
    }
    let speaker = speaker_np(&s.text, &subject, s, 0, mentions)?;
    // "confirmed to The Associated Press that …": the words start after "that".
    let that = toks[verb + 1..]
        .iter()
        .take(10)
        .take_while(|t| !matches!(t.text, "," | "." | ";" | ":"))
        .position(|t| t.text == "that")
        .map(|k| verb + 1 + k);
    // Verbs that also take a plain object ("added 101 yards", "announced a plan") report speech
    // only with "that".
    if that.is_none() && TRANSITIVE_CUES.contains(&toks[verb].text) {
        return None;
    }
    let mut from = that.map_or(verb + 1, |t| t + 1);
    // "told reporters", "said on Thursday", "said that"
    while from < toks.len()
        && (matches!(
            toks[from].text,
            "that" | "reporters" | "journalists" | "on" | "in" | "a" | "statement" | ","
        ) || toks[from].kind == TokenKind::Number
            || crate::lexicon::WEEKDAY_NAMES.contains(&toks[from].text))
    {
        from += 1;
    }
    clause_quote(s, &toks, from, toks.len(), speaker, toks[verb].text)
}

fn trailing_attribution(s: &Sentence, toks: &[Token<'_>], mentions: &[Mention]) -> Option<Quote> {
    // "…, Kazakh officials said." — the attribution closes the sentence.
    let n = toks.len();
    let end = if toks.last().is_some_and(|t| t.text == ".") {
        n - 1
    } else {
        n
    };
    let verb = end.checked_sub(1)?;
    if !INDIRECT_VERBS.contains(&toks[verb].text) {
        return None;
    }
    let comma = toks[..verb].iter().rposition(|t| t.text == ",")?;
    if verb - comma > 6 || verb - comma < 2 {
        return None;
    }
    let speaker = speaker_np(&s.text, &toks[comma + 1..verb], s, 0, mentions)?;
    clause_quote(s, toks, 0, comma, speaker, toks[verb].text)
}

fn clause_quote(
    s: &Sentence,
    toks: &[Token<'_>],
    from: usize,
    to: usize,
    speaker: String,
    cue: &str,
) -> Option<Quote> {
    let words = toks
        .get(from..to)?
        .iter()
        .filter(|t| t.kind != TokenKind::Punct)
        .count();
    if words < 4 {
        return None;
    }
    let mut end = toks[to - 1].end;
    if toks[to - 1].text == "." {
        end = toks[to - 1].start;
    }
    let local: Range<usize> = toks[from].start..end;
    Some(Quote {
        sentences: s.index..s.index + 1,
        text: s.text[local.clone()].trim().to_string(),
        span: s.span.start + local.start..s.span.start + local.end,
        speaker: Some(speaker),
        cue: Some(cue.to_string()),
        kind: QuoteKind::Indirect,
    })
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
    fn speaker_then_quote() {
        let q = quotes("Headline Here\nIn a statement, the Kazakh government said, \"Our expected accession represents a natural and logical continuation of policy.\"");
        assert_eq!(q[0].1.as_deref(), Some("Government of Kazakhstan"));
        let q = quotes("Headline Here\nAnother official noted: \"This is going to show that many countries want to be a member.\"");
        assert_eq!(q[0].1.as_deref(), Some("Another official"));
    }

    #[test]
    fn said_x_and_appositive() {
        let q = quotes("Headline Here\n\"The accords were never about peace for Palestinians,\" said Rania Malki, a Middle East analyst.");
        assert_eq!(q[0].1.as_deref(), Some("Rania Malki"));
        let q = quotes("Headline Here\n\"Our anticipated accession is natural and logical for us all,\" said the government in an official statement.");
        assert_eq!(q[0].1.as_deref(), Some("the government"));
        let q = quotes("Headline Here\n\"This is a natural progression of a long friendship,\" an Israeli Foreign Ministry spokesperson told reporters.");
        assert_eq!(
            q[0].1.as_deref(),
            Some("an Israeli Foreign Ministry spokesperson")
        );
    }

    #[test]
    fn partial_quotes_need_a_speaker_and_pronouns_resolve() {
        let q = quotes("Headline Here\nUS President Donald Trump spoke on Thursday.\nHe called the talks \"a major step forward\" on Truth Social.\nThe so-called \"peace\" plan stalled.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "a major step forward");
        assert_eq!(q[0].1.as_deref(), Some("Donald Trump"));
        assert_eq!(q[0].2, QuoteKind::Partial);
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
        let q = quotes("Headline Here\n\"Thompson was not so easy to box.\nI'm satisfied,\" Klitschko said.\nHe won.");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].0, "Thompson was not so easy to box.\nI'm satisfied");
        assert_eq!(q[0].1.as_deref(), Some("Klitschko"));
        // A next paragraph reopening with its own mark is the newspaper convention instead.
        let q = quotes("Headline Here\nKlitschko said: \"We will win this fight and the next one.\n\"And then we will rest for a long time,\" Klitschko added.");
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[0].0, "We will win this fight and the next one.");
    }

    #[test]
    fn relative_clauses_and_plain_objects() {
        let q = quotes("Headline Here\nLater, the Tabar sank a Thai trawler that the Indian Navy said was a pirate \"mother vessel\".");
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].1.as_deref(), Some("Indian Navy"), "{q:?}");
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
