//! Where the sources differ: contradictions side by side, and each quote's wordings with the
//! words that differ from the first wording marked in place.

use std::fmt;
use std::ops::Range;

use parallax_model::{Contradiction, QuoteGroup, WordDiff};

use super::story::cite;
use super::Links;
use crate::put_html as put;
use crate::sections::{one_line, speaker};

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
        for v in &c.values {
            put!(out, "<figure class=\"side\"><figcaption>")?;
            cite(out, links, &v.article, Some(&v.sentence))?;
            put!(
                out,
                " says <b>{}</b></figcaption><blockquote>{}</blockquote></figure>",
                v.value,
                v.sentence
            )?;
        }
        put!(out, "</div></section>")?;
    }
    Ok(())
}

pub(crate) fn quotes(out: &mut String, quotes: &[QuoteGroup], links: &dyn Links) -> fmt::Result {
    for q in quotes {
        put!(
            out,
            "<section class=\"quote-group\"><h3>{}</h3><ol class=\"variants\">",
            speaker(q)
        )?;
        for v in &q.variants {
            let text = one_line(&v.text);
            put!(out, "<li><blockquote>“")?;
            marked(out, &text, &v.differences)?;
            put!(out, "”</blockquote><p class=\"src\">[")?;
            cite(out, links, &v.article, None)?;
            put!(out, "]")?;
            if let Some(s) = &v.speaker {
                put!(out, " as said by {}", s)?;
            }
            put!(out, "</p>")?;
            differences(out, &v.differences)?;
            put!(out, "</li>")?;
        }
        put!(out, "</ol></section>")?;
    }
    Ok(())
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
