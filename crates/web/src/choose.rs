//! Which detector's text a page gets, and how one detector corrects the other. Readability and
//! the density detector fail differently: Readability keeps one subtree and lets through what
//! sits inside it (captions, share boxes, link lists); the density detector judges every block
//! by its links and by the furniture around it, but its container is a cruder guess.

use crate::blocks::text_weight;
use crate::density::{Reading, Verdict};
use crate::{Extracted, Method, WebError};

/// Readability's text without the lines the density detector found to be furniture or link
/// lists; the density detector's text when Readability found nothing.
pub fn choose(
    readability: Result<Extracted, WebError>,
    density: &Reading,
    url: Option<&str>,
) -> Result<Extracted, WebError> {
    match readability {
        Ok(mut r) if !r.text.trim().is_empty() => {
            r.text = without_vetoed_lines(&r.text, density);
            Ok(r)
        }
        _ => Ok(Extracted {
            text: density.text(),
            url: url.map(str::to_string),
            method: Method::Density,
            ..Default::default()
        }),
    }
}

/// Vetoes that would remove more than this share of Readability's text mean that the detectors
/// disagree about where the article is (a wrapper named like furniture), not about furniture
/// inside it: then none is applied.
const MAX_VETOED_SHARE: f64 = 0.35;

/// The lines of `text` that the density detector does not judge furniture.
fn without_vetoed_lines(text: &str, density: &Reading) -> String {
    let verdicts = density.line_verdicts();
    let lines: Vec<(&str, bool)> = text
        .lines()
        .map(|line| {
            let collapsed = line.split_whitespace().collect::<Vec<_>>().join(" ");
            let vetoed = verdicts.get(collapsed.as_str()) == Some(&Verdict::Furniture);
            (line, vetoed)
        })
        .collect();
    let weight_of = |vetoed_only: bool| -> usize {
        lines
            .iter()
            .filter(|(_, vetoed)| *vetoed || !vetoed_only)
            .map(|(line, _)| text_weight(line))
            .sum()
    };
    if weight_of(true) as f64 > MAX_VETOED_SHARE * weight_of(false) as f64 {
        return text.to_string();
    }
    lines
        .iter()
        .filter(|(_, vetoed)| !vetoed)
        .map(|(line, _)| *line)
        .collect::<Vec<_>>()
        .join("\n")
}
