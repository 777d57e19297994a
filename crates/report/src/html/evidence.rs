//! Where the sources differ: contradictions side by side, and each quote's wordings with the
//! words that differ from the first wording marked in place.

use std::fmt;
use std::ops::Range;

use parallax_model::{Contradiction, ContradictionValue, QuoteGroup, QuoteVariant, WordDiff};

use super::story::citations;
use super::Links;
use crate::put_html as put;
use crate::sections::{one_line, speaker};

/// Wordings of one quote shown at most; the others are counted.
const WORDINGS: usize = 12;

/// Each contradiction with one side per value: the value, one sentence that gives it, and the
/// sources that give it.
pub(crate) fn contradictions(
    out: &mut String,
    contradictions: &[Contradiction],
    links: &dyn Links,
) -> fmt::Result {
    for c in contradictions {
        put!(
            out,
            "<section class=\"contradiction\"><h3>Disagree about the {}",
            c.about
        )?;
        if !c.claims.is_empty() {
            put!(
                out,
                " <span class=\"src\">(claim {})</span>",
                c.claims.join(", ")
            )?;
        }
        put!(out, "</h3><div class=\"sides\">")?;
        for side in sides(c) {
            let first = side[0];
            put!(
                out,
                "<figure class=\"side\"><figcaption><b>{}</b>",
                first.value
            )?;
            citations(
                out,
                links,
                side.iter()
                    .map(|v| (v.article.as_str(), Some(v.sentence.as_str()))),
            )?;
            put!(
                out,
                "</figcaption><blockquote>{}</blockquote></figure>",
                first.sentence
            )?;
        }
        put!(out, "</div></section>")?;
    }
    Ok(())
}

/// A contradiction's values grouped by value, in order of first appearance.
fn sides(c: &Contradiction) -> Vec<Vec<&ContradictionValue>> {
    let mut sides: Vec<Vec<&ContradictionValue>> = Vec::new();
    for v in &c.values {
        match sides.iter_mut().find(|s| s[0].value == v.value) {
            Some(s) => s.push(v),
            None => sides.push(vec![v]),
        }
    }
    sides
}

/// Quotes shown at most: those quoted in the most wordings first (the rest are in the JSON).
const QUOTES: usize = 40;

/// Each quote's wordings, identical ones once with all their sources, the differing words
/// marked; after [`WORDINGS`] wordings, how many more. A story of hundreds of articles has
/// thousands of quotes: the [`QUOTES`] quoted most often are shown, and the others counted.
pub(crate) fn quotes(out: &mut String, quotes: &[QuoteGroup], links: &dyn Links) -> fmt::Result {
    let mut shown: Vec<&QuoteGroup> = quotes.iter().collect();
    if shown.len() > QUOTES {
        shown.sort_by_key(|q| std::cmp::Reverse(q.variants.len()));
        shown.truncate(QUOTES);
        put!(
            out,
            "<p class=\"src\">The {} quotes given in the most wordings, of {} (all are in the JSON).</p>",
            QUOTES,
            quotes.len()
        )?;
    }
    for q in shown {
        put!(
            out,
            "<section class=\"quote-group\"><h3>{}</h3><ol class=\"variants\">",
            speaker(q)
        )?;
        let wordings = wordings(q);
        for w in wordings.iter().take(WORDINGS) {
            let v = w[0];
            put!(out, "<li><blockquote>“")?;
            marked(out, &one_line(&v.text), &v.differences)?;
            put!(out, "”</blockquote><p class=\"src\">")?;
            citations(out, links, w.iter().map(|v| (v.article.as_str(), None)))?;
            if let Some(s) = &v.speaker {
                put!(out, " as said by {}", s)?;
            }
            put!(out, "</p>")?;
            differences(out, &v.differences)?;
            put!(out, "</li>")?;
        }
        put!(out, "</ol>")?;
        if wordings.len() > WORDINGS {
            put!(
                out,
                "<p class=\"src\">and {} more wordings</p>",
                wordings.len() - WORDINGS
            )?;
        }
        put!(out, "</section>")?;
    }
    Ok(())
}

/// A quote's variants grouped by wording (the same words and the same differences).
fn wordings(q: &QuoteGroup) -> Vec<Vec<&QuoteVariant>> {
    let mut out: Vec<Vec<&QuoteVariant>> = Vec::new();
    for v in &q.variants {
        let same = |w: &&mut Vec<&QuoteVariant>| {
            one_line(&w[0].text) == one_line(&v.text) && w[0].differences == v.differences
        };
        match out.iter_mut().find(same) {
            Some(w) => w.push(v),
            None => out.push(vec![v]),
        }
    }
    out
}

/// The wording with each replacing or added word run in `<ins>`.
fn marked(out: &mut String, text: &str, diffs: &[WordDiff]) -> fmt::Result {
    let mut at = 0;
    for span in diff_spans(text, diffs) {
        put!(
            out,
            "{}<ins>{}</ins>",
            &text[at..span.start],
            &text[span.clone()]
        )?;
        at = span.end;
    }
    put!(out, "{}", &text[at..])
}

/// "instead of the first wording: “expected” → “anticipated”; …", and dropped words.
fn differences(out: &mut String, diffs: &[WordDiff]) -> fmt::Result {
    if diffs.is_empty() {
        return Ok(());
    }
    put!(out, "<p class=\"diff\">Against the first wording: ")?;
    for (i, d) in diffs.iter().enumerate() {
        let sep = if i > 0 { "; " } else { "" };
        match (d.reference.is_empty(), d.variant.is_empty()) {
            (true, _) => put!(out, "{}adds <ins>{}</ins>", sep, d.variant)?,
            (_, true) => put!(out, "{}drops <del>{}</del>", sep, d.reference)?,
            _ => put!(
                out,
                "{}<del>{}</del> → <ins>{}</ins>",
                sep,
                d.reference,
                d.variant
            )?,
        }
    }
    put!(out, "</p>")
}

/// Where each difference's words stand in the wording, found in order, never overlapping.
fn diff_spans(text: &str, diffs: &[WordDiff]) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    let mut from = 0;
    for d in diffs {
        let words = one_line(&d.variant);
        if words.is_empty() {
            continue;
        }
        if let Some(k) = text[from..].find(&words) {
            let start = from + k;
            spans.push(start..start + words.len());
            from = start + words.len();
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diff(reference: &str, variant: &str) -> WordDiff {
        WordDiff {
            reference: reference.into(),
            variant: variant.into(),
        }
    }

    #[test]
    fn differences_are_marked_in_place() {
        let mut out = String::new();
        let diffs = [
            diff("expected", "anticipated"),
            diff("the", ""),
            diff("", "<b>"),
        ];
        marked(&mut out, "is anticipated to take <b> steps", &diffs).unwrap();
        assert_eq!(
            out,
            "is <ins>anticipated</ins> to take <ins>&lt;b&gt;</ins> steps"
        );
        let mut out = String::new();
        differences(&mut out, &diffs).unwrap();
        assert!(out.contains("<del>expected</del> → <ins>anticipated</ins>"));
        assert!(out.contains("drops <del>the</del>"));
        assert!(out.contains("adds <ins>&lt;b&gt;</ins>"));
    }
}
