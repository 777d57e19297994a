//! Whose words the words of a sentence are. Framing charges the outlet only with its own voice:
//! not words inside quotation marks or reported speech (the speaker's), and not names
//! ("Representative Louise M. Slaughter" is no slaughter).

use std::ops::Range;

use parallax_model::{Mention, Sentence};
use parallax_text::{tokenize, Token, TokenKind};

use super::reported::reported_ranges;

/// One sentence, its tokens, and the parts of it that are not the outlet's own words.
pub(super) struct Voice<'a> {
    pub sentence: &'a Sentence,
    pub toks: Vec<Token<'a>>,
    /// Byte ranges inside quotation marks.
    pub quoted: Vec<Range<usize>>,
    /// Byte ranges of reported speech.
    pub reported: Vec<Range<usize>>,
    /// The sentence's entity mentions.
    pub mentions: &'a [Mention],
    /// A title-cased line: capitals say nothing about names there.
    title_case: bool,
}

impl<'a> Voice<'a> {
    pub fn new(sentence: &'a Sentence, mentions: &'a [Mention], quoted: Vec<Range<usize>>) -> Self {
        let toks = tokenize(&sentence.text);
        let reported = reported_ranges(&sentence.text, &toks);
        Voice {
            title_case: sentence.is_heading || parallax_text::lines::is_title_case(&sentence.text),
            sentence,
            toks,
            quoted,
            reported,
            mentions,
        }
    }

    pub fn text(&self) -> &'a str {
        &self.sentence.text
    }

    /// Whether tokens [from, to) are the outlet's own words: neither quoted, nor reported,
    /// nor part of a name.
    pub fn is_outlets(&self, from: usize, to: usize) -> bool {
        self.is_written(from, to) && (from..to).all(|i| !self.is_reported(i))
    }

    /// Whether tokens [from, to) are the writer's words or paraphrase: neither quoted nor part
    /// of a name (reported speech is the writer's paraphrase of someone's words).
    pub fn is_written(&self, from: usize, to: usize) -> bool {
        (from..to).all(|i| {
            let at = self.toks[i].start;
            !self.quoted.iter().any(|r| r.contains(&at)) && !self.in_name(i)
        })
    }

    /// Whether token `i` is inside reported speech.
    pub fn is_reported(&self, i: usize) -> bool {
        let at = self.toks[i].start;
        self.reported.iter().any(|r| r.contains(&at))
    }

    /// Whether token `i` belongs to a name: inside an entity mention, or capitalised in the
    /// middle of a sentence that is not title-cased (a name the reader did not resolve, such as
    /// "A.J. Slaughter").
    fn in_name(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if self
            .mentions
            .iter()
            .any(|m| m.span.start < t.end && t.start < m.span.end)
        {
            return true;
        }
        t.is_capitalized() && !self.title_case && !self.starts_a_unit(i)
    }

    /// Whether token `i` starts the sentence, or a unit in it that takes a capital (after a
    /// colon, a dash, a bracket or an opening quotation mark).
    fn starts_a_unit(&self, i: usize) -> bool {
        match self.toks[..i]
            .iter()
            .rposition(|t| t.kind != TokenKind::Punct)
        {
            None => true,
            Some(prev) => self.toks[prev + 1..i]
                .iter()
                .any(|t| matches!(t.text, ":" | "-" | "(" | "\"" | "'")),
        }
    }
}
