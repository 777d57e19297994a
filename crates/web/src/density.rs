//! The density detector, independent of Readability: every block of text is judged by its length,
//! its share of link text and where it sits (as jusText and boilerpipe judge paragraphs), and the
//! article is the element whose blocks add up to the most prose once link lists and furniture
//! count against it. Blocks inside that element are kept unless judged furniture.
//!
//! It needs no language: length, links and punctuation mean the same in every script.

use crate::blocks::{blocks, Block};
use crate::page_tree::PageTree;

/// How a block reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// A paragraph of prose.
    Prose,
    /// Too short to tell alone: a subheading, a short line; kept between prose.
    Short,
    /// Mostly link text: a menu, a list of other stories.
    Links,
    /// Inside navigation, a footer, a caption, a comment or share box (by tag or class).
    Furniture,
    /// Short and not next to prose: a label, a date, a button's words.
    Isolated,
}

impl Verdict {
    /// Kept in the density detector's text.
    pub fn is_kept(self) -> bool {
        matches!(self, Verdict::Prose | Verdict::Short)
    }
}

/// Prose is at least this long (characters; see `blocks::text_weight`).
const PROSE_WEIGHT: usize = 60;
/// Blocks this short are judged by their neighbours.
const SHORT_WEIGHT: usize = 15;
/// More link text than this share makes a block a link list.
const MAX_LINK_SHARE: f64 = 0.5;
/// A long block with more link text than this is not prose (a teaser with its links).
const MAX_PROSE_LINK_SHARE: f64 = 0.33;

/// How much a link list counts against the element around it, per character: half, because
/// articles carry link lines of their own (sources, "buy it here") and wiki pages many links.
const LINK_PENALTY: f64 = 0.5;

/// The judged blocks of a page.
pub struct Judged {
    pub blocks: Vec<Block>,
    pub verdicts: Vec<Verdict>,
}

/// Judge every block of the page.
pub fn judge(tree: &PageTree) -> Judged {
    let blocks = blocks(tree);
    let mut verdicts: Vec<Verdict> = blocks.iter().map(verdict).collect();
    settle_short_blocks(&blocks, &mut verdicts);
    Judged { blocks, verdicts }
}

fn verdict(block: &Block) -> Verdict {
    let link_share = block.link_weight as f64 / block.weight.max(1) as f64;
    if block.furniture {
        Verdict::Furniture
    } else if link_share > MAX_LINK_SHARE {
        Verdict::Links
    } else if block.weight >= PROSE_WEIGHT && link_share <= MAX_PROSE_LINK_SHARE {
        Verdict::Prose
    } else if block.weight < SHORT_WEIGHT && block.heading.is_none() {
        Verdict::Isolated
    } else {
        Verdict::Short
    }
}

/// A short block is kept next to prose (a subheading, a short paragraph of the article) and is
/// isolated otherwise. Furniture found by tag or class is skipped when looking for the
/// neighbours: a share box inside an article does not end it.
fn settle_short_blocks(blocks: &[Block], verdicts: &mut [Verdict]) {
    let neighbour = |range: &mut dyn Iterator<Item = usize>, verdicts: &[Verdict]| {
        range
            .filter(|&j| !blocks[j].furniture && verdicts[j] != Verdict::Short)
            .map(|j| verdicts[j])
            .next()
    };
    let settled: Vec<Verdict> = (0..verdicts.len())
        .map(|i| {
            if verdicts[i] != Verdict::Short {
                return verdicts[i];
            }
            let next = neighbour(&mut (i + 1..verdicts.len()), verdicts);
            let previous = neighbour(&mut (0..i).rev(), verdicts);
            let next_prose = next == Some(Verdict::Prose);
            // A heading belongs to what follows it.
            if next_prose || (blocks[i].heading.is_none() && previous == Some(Verdict::Prose)) {
                Verdict::Short
            } else {
                Verdict::Isolated
            }
        })
        .collect();
    verdicts.copy_from_slice(&settled);
}

/// The density detector's reading of a page: judged blocks and the chosen container.
pub struct Reading {
    judged: Judged,
    /// Per block: inside the chosen container.
    inside: Vec<bool>,
}

impl Reading {
    pub fn of(tree: &PageTree) -> Reading {
        let judged = judge(tree);
        let inside = match best_container(tree, &judged) {
            Some(container) => {
                let mask = descendants_mask(tree, container);
                judged.blocks.iter().map(|b| mask[b.element]).collect()
            }
            None => vec![false; judged.blocks.len()],
        };
        Reading { judged, inside }
    }

    /// The article text: the container's prose and short blocks as paragraphs; empty when the
    /// page has no prose.
    pub fn text(&self) -> String {
        self.kept_blocks()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    fn kept_blocks(&self) -> impl Iterator<Item = &Block> {
        (0..self.judged.blocks.len())
            .filter(|&i| self.inside[i] && self.judged.verdicts[i].is_kept())
            .map(|i| &self.judged.blocks[i])
    }

    /// Each line of the page's text (whitespace collapsed) with its block's verdict; a line met
    /// twice with different verdicts is left out, since it cannot be told apart.
    pub fn line_verdicts(&self) -> std::collections::HashMap<&str, Verdict> {
        let mut map = std::collections::HashMap::new();
        let mut ambiguous = std::collections::HashSet::new();
        for (b, &v) in self.judged.blocks.iter().zip(&self.judged.verdicts) {
            for line in b.text.lines() {
                if map.insert(line, v).is_some_and(|old| old != v) {
                    ambiguous.insert(line);
                }
            }
        }
        map.retain(|line, _| !ambiguous.contains(line));
        map
    }
}

/// The article text by density alone.
pub fn extract(tree: &PageTree) -> String {
    Reading::of(tree).text()
}

/// The element whose blocks score highest: prose counts its length, link lists and other
/// boilerplate against it. Furniture found by tag or class counts for nothing: it is dropped
/// wherever it is, and a share box inside the article must not make a single paragraph win.
fn best_container(tree: &PageTree, judged: &Judged) -> Option<usize> {
    let n = tree.nodes.len();
    let mut score = vec![0f64; n];
    for (b, v) in judged.blocks.iter().zip(&judged.verdicts) {
        score[b.element] += match v {
            Verdict::Prose => b.weight as f64,
            Verdict::Short | Verdict::Furniture => 0.0,
            Verdict::Links => -LINK_PENALTY * (b.weight as f64),
            Verdict::Isolated => -(b.weight as f64),
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

/// Every block with its verdict, its element and whether it is in the chosen container: what a
/// developer reads to see why a page came out as it did (`examples/density_blocks.rs`).
pub fn explain(tree: &PageTree) -> String {
    let judged = judge(tree);
    let container = best_container(tree, &judged);
    let inside = container.map(|c| descendants_mask(tree, c));
    let mut out = format!(
        "container: {:?}\n",
        container.map(|c| (c, &tree.nodes[c].tag, &tree.nodes[c].class_id))
    );
    for (b, v) in judged.blocks.iter().zip(&judged.verdicts) {
        let kept = inside.as_ref().is_some_and(|m| m[b.element]) && v.is_kept();
        let text: String = b.text.chars().take(90).collect();
        let why = b.furniture_at.map_or(String::new(), |f| {
            let node = &tree.nodes[f];
            format!(" (in <{} {}>)", node.tag, node.class_id)
        });
        out += &format!(
            "{} {:?}{why} w{} l{} <{} {}> {}\n",
            if kept { "+" } else { " " },
            v,
            b.weight,
            b.link_weight,
            tree.nodes[b.element].tag,
            tree.nodes[b.element]
                .class_id
                .chars()
                .take(40)
                .collect::<String>(),
            text.replace('\n', " / ")
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract_html(html: &str) -> String {
        extract(&PageTree::from_document(&dom_query::Document::from(html)))
    }

    #[test]
    fn keeps_the_article_and_drops_navigation_and_teasers() {
        let para =
            "Rescue teams searched the collapsed buildings through the night, officials said.";
        let page = format!(
            "<body><ul><li><a href=/a>World</a></li><li><a href=/b>Sport</a></li></ul>\
             <div class=main><h2>What happened</h2><p>{para}</p><p>{para}</p><p>A shorter paragraph.</p><p>{para}</p></div>\
             <div><a href=/x>{para}</a></div><footer><p>{para}</p></footer></body>"
        );
        let text = extract_html(&page);
        assert!(text.starts_with("What happened\n\nRescue"), "{text}");
        assert!(text.contains("A shorter paragraph."), "{text}");
        assert_eq!(text.matches("Rescue").count(), 3, "{text}");
        assert!(!text.contains("World"), "{text}");
    }

    #[test]
    fn no_prose_no_text() {
        assert_eq!(
            extract_html("<body><nav><a href=/>Home</a></nav></body>"),
            ""
        );
    }
}
