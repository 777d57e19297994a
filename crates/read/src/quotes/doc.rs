//! The article as the quote passes read it: its text, sentences and entity mentions, with every
//! position a byte offset into the whole text, so that an attribution may run past a sentence
//! boundary ("…?" Biden said.) or into the previous paragraph ("Dr. Ward stated:").

use std::ops::Range;

use parallax_model::{Line, LineRole, Mention, Sentence};
use parallax_text::{tokenize, Token};

/// One article's text, body lines, sentences and mentions.
pub(super) struct Doc<'a> {
    pub text: &'a str,
    pub lines: &'a [Line],
    pub sentences: &'a [Sentence],
    pub mentions: &'a [Mention],
    /// Each mention's byte range in `text`, in the order of `mentions` (sorted by position).
    pub spans: Vec<Range<usize>>,
}

impl<'a> Doc<'a> {
    pub fn new(
        text: &'a str,
        lines: &'a [Line],
        sentences: &'a [Sentence],
        mentions: &'a [Mention],
    ) -> Doc<'a> {
        let spans = mentions
            .iter()
            .map(|m| {
                let base = sentences.get(m.sentence).map_or(0, |s| s.span.start);
                base + m.span.start..base + m.span.end
            })
            .collect();
        Doc {
            text,
            lines,
            sentences,
            mentions,
            spans,
        }
    }

    /// The tokens of `range`, with byte offsets into the whole text.
    pub fn tokens(&self, range: Range<usize>) -> Vec<Token<'a>> {
        let range = range.start.min(self.text.len())..range.end.min(self.text.len());
        let base = range.start;
        tokenize(&self.text[range])
            .into_iter()
            .map(|t| Token {
                start: t.start + base,
                end: t.end + base,
                ..t
            })
            .collect()
    }

    /// The sentence holding byte `pos` (a sentence's end belongs to it when nothing follows).
    pub fn sentence_at(&self, pos: usize) -> Option<&'a Sentence> {
        let k = self.sentences.partition_point(|s| s.span.end <= pos);
        self.sentences
            .get(k)
            .filter(|s| s.span.start <= pos)
            .or_else(|| k.checked_sub(1).map(|k| &self.sentences[k]))
            .filter(|s| s.span.start <= pos && pos <= s.span.end)
    }

    /// Mentions lying inside `range`, with their byte ranges.
    pub fn mentions_in(
        &self,
        range: Range<usize>,
    ) -> impl Iterator<Item = (&Range<usize>, &'a Mention)> + '_ {
        let from = self.spans.partition_point(|s| s.start < range.start);
        self.spans[from..]
            .iter()
            .zip(&self.mentions[from..])
            .take_while(move |(s, _)| s.start < range.end)
            .filter(move |(s, _)| s.end <= range.end)
    }

    /// The body line holding byte `pos`.
    pub fn line_at(&self, pos: usize) -> Option<usize> {
        let k = self.lines.partition_point(|l| l.span.end < pos);
        self.lines
            .get(k)
            .filter(|l| l.span.start <= pos && l.role == LineRole::Body)
            .map(|_| k)
    }
}
