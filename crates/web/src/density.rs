//! The density detector, independent of Readability: every block of text is judged by its length,
//! its share of link text and where it sits (as jusText and boilerpipe judge paragraphs), and the
//! article is the element whose blocks add up to the most prose once link lists and furniture
//! count against it. Blocks inside that element are kept unless judged furniture.
//!
//! It needs no language: length, links and punctuation mean the same in every script.

use crate::blocks::{blocks, text_weight, Block};
use crate::page_tree::PageTree;

/// How a block reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// A paragraph of prose.
    Prose,
    /// Too short to tell alone: a subheading, a short line; kept between prose.
    Short,
    /// Links, furniture, a caption.
    Boilerplate,
}

/// Prose is at least this long (characters; see `blocks::text_weight`).
const PROSE_WEIGHT: usize = 60;
/// Blocks this short are judged by their neighbours.
const SHORT_WEIGHT: usize = 15;
/// More link text than this share makes a block a link list.
const MAX_LINK_SHARE: f64 = 0.5;
/// A long block with more link text than this is not prose (a teaser with its links).
const MAX_PROSE_LINK_SHARE: f64 = 0.25;

/// The judged blocks of a page.
pub struct Judged {
    pub blocks: Vec<Block>,
    pub verdicts: Vec<Verdict>,
}

/// Judge every block of the page.
pub fn judge(tree: &PageTree) -> Judged {
    let blocks = blocks(tree);
    let mut verdicts: Vec<Verdict> = blocks.iter().map(verdict).collect();
    promote_short_between_prose(&mut verdicts);
    Judged { blocks, verdicts }
}

fn verdict(block: &Block) -> Verdict {
    let link_share = block.link_weight as f64 / block.weight.max(1) as f64;
    if block.furniture || link_share > MAX_LINK_SHARE {
        Verdict::Boilerplate
    } else if block.weight >= PROSE_WEIGHT && link_share <= MAX_PROSE_LINK_SHARE {
        Verdict::Prose
    } else if block.weight < SHORT_WEIGHT && block.heading.is_none() {
        Verdict::Boilerplate
    } else {
        Verdict::Short
    }
}

/// A short block stays short unless prose follows it before any boilerplate (a subheading,
/// a short paragraph inside the article); otherwise it is boilerplate.
fn promote_short_between_prose(verdicts: &mut [Verdict]) {
    let mut next_is_prose = false;
    for v in verdicts.iter_mut().rev() {
        match v {
            Verdict::Prose => next_is_prose = true,
            Verdict::Boilerplate => next_is_prose = false,
            Verdict::Short if !next_is_prose => *v = Verdict::Boilerplate,
            Verdict::Short => {}
        }
    }
}

/// The article text by density: the element holding the most prose net of boilerplate, and its
/// prose and short blocks as paragraphs. Empty when the page has no prose.
pub fn extract(tree: &PageTree) -> String {
    let judged = judge(tree);
    let Some(container) = best_container(tree, &judged) else {
        return String::new();
    };
    let inside = descendants_mask(tree, container);
    judged
        .blocks
        .iter()
        .zip(&judged.verdicts)
        .filter(|(b, v)| inside[b.element] && **v != Verdict::Boilerplate)
        .map(|(b, _)| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The element whose blocks score highest: prose counts its length, boilerplate against.
fn best_container(tree: &PageTree, judged: &Judged) -> Option<usize> {
    let n = tree.nodes.len();
    let mut score = vec![0f64; n];
    for (b, v) in judged.blocks.iter().zip(&judged.verdicts) {
        score[b.element] += match v {
            Verdict::Prose => b.weight as f64,
            Verdict::Short => 0.0,
            Verdict::Boilerplate => -(b.weight as f64),
        };
    }
    // Children come after their parents: a reverse pass sums subtrees.
    for i in (1..n).rev() {
        if let Some(p) = tree.nodes[i].parent {
            score[p] += score[i];
        }
    }
    // The highest score; on a tie the deepest element (it holds the same prose with less else).
    let mut best: Option<(usize, f64)> = None;
    for (i, &s) in score.iter().enumerate() {
        if s > 0.0 && best.is_none_or(|(_, b)| s >= b) {
            best = Some((i, s));
        }
    }
    best.map(|(i, _)| i)
}

/// Which nodes are `root` or inside it.
fn descendants_mask(tree: &PageTree, root: usize) -> Vec<bool> {
    let mut inside = vec![false; tree.nodes.len()];
    inside[root] = true;
    for i in root + 1..tree.nodes.len() {
        if let Some(p) = tree.nodes[i].parent {
            inside[i] = inside[p];
        }
    }
    inside
}

/// The prose weight of a text, for comparing detectors' results.
pub fn prose_weight(text: &str) -> usize {
    text_weight(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract_html(html: &str) -> String {
        extract(&PageTree::from_document(&dom_query::Document::from(html)))
    }

    #[test]
    fn keeps_the_article_and_drops_navigation_and_teasers() {
        let para = "Rescue teams searched the collapsed buildings through the night, officials said.";
        let page = format!(
            "<body><ul><li><a href=/a>World</a></li><li><a href=/b>Sport</a></li></ul>\
             <div class=main><h2>What happened</h2><p>{para}</p><p>{para}</p><p>Short one.</p><p>{para}</p></div>\
             <div><a href=/x>{para}</a></div><footer><p>{para}</p></footer></body>"
        );
        let text = extract_html(&page);
        assert!(text.starts_with("What happened\n\nRescue"), "{text}");
        assert!(text.contains("Short one."), "{text}");
        assert_eq!(text.matches("Rescue").count(), 3, "{text}");
        assert!(!text.contains("World"), "{text}");
    }

    #[test]
    fn no_prose_no_text() {
        assert_eq!(extract_html("<body><nav><a href=/>Home</a></nav></body>"), "");
    }
}
