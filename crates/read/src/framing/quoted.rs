//! Which words of each sentence are inside quotation marks, and so the speaker's, not the
//! outlet's. Quotation marks are paired per paragraph, since a quote may span sentences: a
//! sentence in the middle of a long quote has no mark of its own.
//!
//! Marks: the double quotation mark; two apostrophes (`''`, the convention of some newspaper
//! archives); and single quotation marks around a phrase within one sentence ('Radical Islam'),
//! told apart from apostrophes by where they stand.

use std::ops::Range;

use parallax_model::Sentence;

/// Byte ranges of each sentence (in sentence coordinates, without the marks) inside quotation
/// marks, in the order of `sentences`.
pub(super) fn quoted_ranges(sentences: &[Sentence]) -> Vec<Vec<Range<usize>>> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut open = false;
    for (i, s) in sentences.iter().enumerate() {
        let new_paragraph = i == 0 || sentences[i - 1].line != s.line;
        if new_paragraph {
            // The paragraph before left a quote open: text with one sentence per line closes it
            // on the next line without reopening it; the newspaper convention reopens each
            // paragraph of a long quote instead.
            let left_open = (i > 0 && open).then(|| sentences[i - 1].line);
            open = left_open.is_some_and(|line| {
                line + 1 == s.line
                    && !s.text.trim_start().starts_with('"')
                    && paragraph_marks(sentences, i) % 2 == 1
            });
        }
        let (mut ranges, still_open) = double_quoted(&s.text, open);
        open = still_open;
        ranges.extend(single_quoted(&s.text, &ranges));
        ranges.sort_by_key(|r| r.start);
        out.push(ranges);
    }
    out
}

/// Double quotation marks in the paragraph that starts at sentence `first`.
fn paragraph_marks(sentences: &[Sentence], first: usize) -> usize {
    let line = sentences[first].line;
    sentences[first..]
        .iter()
        .take_while(|s| s.line == line)
        .map(|s| double_marks(&s.text).len())
        .sum()
}

/// Positions and lengths of double quotation marks: `"` or `''`.
fn double_marks(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut marks = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'"' {
            marks.push((i, 1));
        } else if bytes[i] == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
            marks.push((i, 2));
            i += 1;
        }
        i += 1;
    }
    marks
}

/// Ranges inside double marks, given whether the sentence starts inside a quote; and whether it
/// ends inside one.
fn double_quoted(text: &str, mut open: bool) -> (Vec<Range<usize>>, bool) {
    let mut ranges = Vec::new();
    let mut start = 0;
    for (at, len) in double_marks(text) {
        if open {
            ranges.push(start..at);
        } else {
            start = at + len;
        }
        open = !open;
    }
    if open {
        ranges.push(start..text.len());
    }
    (ranges, open)
}

/// Ranges inside single quotation marks that open at the start of a word and close at the end
/// of one, outside the double-quoted `taken` ranges.
fn single_quoted(text: &str, taken: &[Range<usize>]) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let at = |i: usize| text[i..].chars().next();
    let before = |i: usize| text[..i].chars().next_back();
    let mut ranges = Vec::new();
    let mut opened: Option<usize> = None;
    for i in (0..bytes.len()).filter(|&i| bytes[i] == b'\'') {
        if bytes.get(i + 1) == Some(&b'\'') || (i > 0 && bytes[i - 1] == b'\'') {
            continue;
        }
        if taken.iter().any(|r| r.contains(&i)) {
            continue;
        }
        let opens = before(i).is_none_or(|c| c.is_whitespace() || "([:-\"".contains(c))
            && at(i + 1).is_some_and(char::is_alphanumeric);
        let closes = before(i).is_some_and(|c| c.is_alphanumeric() || ".,!?".contains(c))
            && at(i + 1).is_none_or(|c| !c.is_alphanumeric());
        match opened {
            Some(start) if closes => {
                ranges.push(start..i);
                opened = None;
            }
            None if opens => opened = Some(i + 1),
            _ => {}
        }
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(paragraphs: &[&[&str]]) -> Vec<Vec<String>> {
        let sentences = crate::test_paragraphs(paragraphs);
        quoted_ranges(&sentences)
            .into_iter()
            .zip(&sentences)
            .map(|(rs, s)| rs.into_iter().map(|r| s.text[r].to_string()).collect())
            .collect()
    }

    #[test]
    fn quotes_run_over_sentences_of_a_paragraph() {
        let q = quoted(&[&[
            "He said: \"It is a slaughter.",
            "They lied.\" Then he left.",
        ]]);
        assert_eq!(q, [vec!["It is a slaughter."], vec!["They lied."]]);
    }

    #[test]
    fn two_apostrophes_and_single_quotes_are_quotation_marks() {
        let q = quoted(&[&["''We don't want terrorists,'' he said."]]);
        assert_eq!(q, [vec!["We don't want terrorists,"]]);
        let q = quoted(&[&["Sanders: 'It Is Not A Radical Idea' To Ask For Sanders' Wage"]]);
        assert_eq!(q, [vec!["It Is Not A Radical Idea"]]);
        let q = quoted(&[&["The players' union didn't agree."]]);
        assert!(q[0].is_empty());
    }

    #[test]
    fn a_quote_left_open_runs_to_the_end_of_its_paragraph() {
        let q = quoted(&[
            &["\"It was a massacre."],
            &["\"Nobody came,\" she said."],
            &["The outlet's own words."],
        ]);
        assert_eq!(q[0], ["It was a massacre."]);
        assert_eq!(q[1], ["Nobody came,"]);
        assert!(q[2].is_empty());
    }
}
