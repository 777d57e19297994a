//! Who said a quote: the attribution after it (`"…," X said`, `said X`, `according to X`) or
//! before it (`X said: "…"`, `X called it a "…"`), the entity a speaker phrase mentions or the
//! phrase itself ("Another official"), and the person a pronoun speaker refers to.

use parallax_model::{EntityKind, Mention, Sentence};
use parallax_text::{tokenize, Token, TokenKind, WordList};

use crate::wordlists::{ROLE_NOUNS, SPEECH_VERBS};

/// Auxiliaries and adverbs between a speaker and the verb ("X had also said"), left out of the
/// speaker phrase.
pub(super) static AUXILIARIES: WordList = WordList::new(include_str!("../../data/auxiliaries.txt"));
/// Pronouns that cannot name a speaker by themselves.
static PRONOUNS: WordList = WordList::new(include_str!("../../data/pronouns.txt"));
/// Words that end a speaker phrase after the verb ("said X in a statement").
static NP_STOPS: WordList = WordList::new(include_str!("../../data/speaker-stops.txt"));

fn is_speech(t: &Token<'_>) -> bool {
    SPEECH_VERBS.contains(&t.text.to_lowercase())
}

/// `"…," X said` / `"…," said X` / `"…," according to X`.
pub(super) fn speaker_after(
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
        return speaker_np(&toks[2..end], sentence, base, mentions)
            .map(|s| (s, "according to".to_string()));
    }
    if let Some(first) = toks.first() {
        if is_speech(first) {
            let end = np_end(toks, 1);
            return speaker_np(&toks[1..end], sentence, base, mentions)
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
        .filter(|t| !AUXILIARIES.contains(t.text))
        .cloned()
        .collect();
    let cue = cue_of(&toks[verb..]);
    speaker_np(&subject, sentence, base, mentions).map(|s| (s, cue))
}

/// `X said, "…"`, `X noted: "…"`, and phrases inside reported speech (`X called it a "…"`).
pub(super) fn speaker_before(
    before: &str,
    sentence: &Sentence,
    mentions: &[Mention],
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
                if let Some(s) = speaker_np(&subject, sentence, base, mentions) {
                    return Some((s, cue));
                }
            }
        }
        let subject: Vec<Token<'_>> = toks[start..v]
            .iter()
            .filter(|t| !AUXILIARIES.contains(t.text) && t.kind != TokenKind::Number)
            .cloned()
            .collect();
        let subject: Vec<Token<'_>> = strip_adverbials(subject);
        if let Some(s) = speaker_np(&subject, sentence, base, mentions) {
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
        if subject.len() == 1 && PRONOUNS.contains(&subject[0].text.to_lowercase()) {
            return previous_person(sentence, mentions).map(|p| (p, cue));
        }
        return None;
    }
    if let Some(pos) = toks
        .windows(2)
        .rposition(|w| w[0].text.eq_ignore_ascii_case("according") && w[1].text == "to")
    {
        let end = np_end(&toks, pos + 2);
        return speaker_np(&toks[pos + 2..end], sentence, base, mentions)
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
        if t.kind == TokenKind::Punct && t.text != "-" || NP_STOPS.contains(t.text) {
            break;
        }
        end += 1;
    }
    end
}

/// Turn a speaker phrase into a name: the entity mentioned in it, or the phrase itself.
pub(super) fn speaker_np(
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
    if toks.len() == 1 && PRONOUNS.contains(&first_lower) {
        return None;
    }
    let start = base + toks[0].start;
    let end = base + toks[toks.len() - 1].end;
    let head = toks[toks.len() - 1].text.to_lowercase();
    // "an Israeli Foreign Ministry spokesperson": the speaker is the role, not the ministry.
    let head_is_role = ROLE_NOUNS.contains(head.trim_end_matches('s'))
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
fn previous_person(sentence: &Sentence, mentions: &[Mention]) -> Option<String> {
    mentions
        .iter()
        .filter(|m| m.kind == EntityKind::Person && m.sentence < sentence.index)
        .max_by_key(|m| (m.sentence, m.span.start))
        .map(|m| m.key.clone())
}
