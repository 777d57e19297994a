//! A direct or partial quote between two quotation marks, with the speaker its attribution names.

use parallax_model::{Mention, Quote, QuoteKind, Sentence};
use parallax_text::{tokenize, TokenKind};

use super::speakers::{speaker_after, speaker_before};

/// The sentence holding byte `pos`.
fn sentence_at<'a>(sentences: &[&'a Sentence], pos: usize) -> Option<&'a Sentence> {
    sentences
        .iter()
        .copied()
        .find(|s| s.span.start <= pos && pos < s.span.end.max(s.span.start + 1))
}

/// The quote between marks at `open` and `close` (or the paragraph's end), if it is one: a short
/// quoted phrase that nobody is said to have said is a term, not a quote.
pub(super) fn direct_quote(
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
        .or_else(|| speaker_before(before, first, mentions))
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
