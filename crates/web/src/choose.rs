//! Which detector's text a page gets, and how one detector corrects the other. Readability and
//! the density detector fail differently: Readability keeps one subtree and lets through what
//! sits inside it (captions, share boxes, link lists); the density detector judges every block
//! by its links and by the furniture around it, but its container is a cruder guess.

use crate::blocks::text_weight;
use crate::density::{Reading, Verdict};
use crate::{Extracted, Method, WebError};

/// Readability's text is "very little" below this many characters (a teaser, one paragraph of a
/// longer page)...
const SHORT_TEXT: usize = 1000;
/// ...when the density detector finds this many times as much.
const FALLBACK_RATIO: f64 = 1.5;

/// Readability's text without the lines the density detector found to be furniture; the density
/// detector's text when Readability found nothing, or very little where the density detector
/// found much more (Readability then kept one paragraph's subtree of an article spread over
/// several). The metadata always comes from Readability's reading of the page's head.
pub fn choose(readability: Result<Extracted, WebError>, density: &Reading) -> Extracted {
    let density_text = density.text();
    let mut chosen = readability.unwrap_or_default();
    let primary = without_vetoed_lines(&chosen.text, density);
    let primary_chars = primary.chars().count();
    let too_little = primary.trim().is_empty()
        || (primary_chars < SHORT_TEXT
            && density_text.chars().count() as f64 > FALLBACK_RATIO * primary_chars as f64);
    if too_little && !density_text.is_empty() {
        chosen.text = density_text;
        chosen.method = Method::Density;
    } else {
        chosen.text = primary;
        chosen.method = Method::Readability;
    }
    chosen
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page_tree::PageTree;

    fn reading(html: &str) -> Reading {
        Reading::of(&PageTree::from_document(&dom_query::Document::from(html)))
    }

    const PARAGRAPH: &str = "Rescue teams searched the collapsed buildings through the night, \
                             officials said, as aftershocks continued to shake the port city.";

    #[test]
    fn the_density_text_when_readability_finds_nothing() {
        let page = format!("<body><div>{PARAGRAPH}</div><div>{PARAGRAPH}</div></body>");
        let chosen = choose(Err(WebError::NoArticle), &reading(&page));
        assert_eq!(chosen.method, Method::Density);
        assert!(chosen.text.contains("Rescue teams"), "{}", chosen.text);
    }

    #[test]
    fn the_density_text_when_readability_finds_very_little() {
        let page = format!("<body>{}</body>", format!("<p>{PARAGRAPH}</p>").repeat(6));
        let little = Extracted {
            text: PARAGRAPH.to_string(),
            title: Some("Quake".to_string()),
            ..Default::default()
        };
        let chosen = choose(Ok(little), &reading(&page));
        assert_eq!(chosen.method, Method::Density);
        assert_eq!(chosen.text.matches("Rescue").count(), 6);
        assert_eq!(chosen.title.as_deref(), Some("Quake"), "metadata is kept");
    }

    #[test]
    fn readability_without_the_lines_in_furniture() {
        let page = format!(
            "<body><article><p>{PARAGRAPH}</p><p>{PARAGRAPH} Again.</p>\
             <div class=share-tools>Share this story on social media</div></article></body>"
        );
        let text = format!("{PARAGRAPH}\n{PARAGRAPH} Again.\nShare this story on social media");
        let full = Extracted {
            text,
            ..Default::default()
        };
        let chosen = choose(Ok(full), &reading(&page));
        assert_eq!(chosen.method, Method::Readability);
        assert!(!chosen.text.contains("Share this"), "{}", chosen.text);
        assert!(chosen.text.contains("Again."));
    }
}
