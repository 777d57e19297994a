//! The page's text as blocks: the runs of text between block-level tags (paragraphs, headings,
//! list items, cells), each with what the density detector needs to judge it: its length, how
//! much of it is link text, and whether it sits in page furniture (navigation, footers, asides,
//! captions, comment and sharing boxes, by tag or by class name).

use crate::page_tree::PageTree;

/// A paragraph-like run of text.
#[derive(Debug, Clone)]
pub struct Block {
    /// Whitespace collapsed; a `<br>` is kept as a line break.
    pub text: String,
    /// Length in characters, an ideograph counting as a short word (see [`text_weight`]).
    pub weight: usize,
    /// The part of `weight` inside links.
    pub link_weight: usize,
    /// The nearest block-level element around the text (an index into the [`PageTree`]).
    pub element: usize,
    /// The heading level (1-6) when the block is a heading.
    pub heading: Option<u8>,
    /// Inside navigation, a footer, an aside, a caption, a form, or an element whose class or id
    /// names furniture.
    pub furniture: bool,
    /// The outermost element that makes the block furniture (to explain a verdict).
    pub furniture_at: Option<usize>,
}

/// Elements never shown as text, or not article text in any page.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
    "select", "option", "button", "textarea", "input", "canvas", "video", "audio", "map", "title",
    // Ruby annotations: the reading printed over a word, not a word of the text.
    "rt", "rp",
];

/// Elements that start and end a block of text.
const BLOCK_LEVEL: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements that hold page furniture whatever their class.
const FURNITURE_TAGS: &[&str] = &[
    "nav",
    "footer",
    "aside",
    "menu",
    "figure",
    "figcaption",
    "form",
    "dialog",
    "header",
];

/// Class, id or role words that name furniture, matched anywhere in the name ("relatedStories",
/// "site-footer", "comment-list").
const FURNITURE_NAMES: &[&str] = &[
    "comment",
    "sidebar",
    "breadcrumb",
    "newsletter",
    "subscri",
    "related",
    "recommend",
    "advert",
    "cookie",
    "consent",
    "footer",
    "promo",
    "sponsor",
    "caption",
    "sharing",
    "social",
    "navigation",
    "navbar",
    "pagination",
    "popup",
    "modal",
    "banner",
    "complementary",
    "contentinfo",
    "disclaimer",
    "author-box",
    "authorbox",
    "author-bio",
    "byline",
    "teaser",
];

/// Furniture words too short to match inside other words: whole parts of a name only ("nav",
/// "share", "ad" in "top-ad", not in "header" or "shared-content").
const FURNITURE_PARTS: &[&str] = &[
    "nav", "menu", "share", "ad", "ads", "tags", "tag", "print", "credit", "meta", "login",
    "toolbar", "rating",
];

/// Class or id words of the element that holds the article text.
const CONTENT_NAMES: &[&str] = &[
    "article-body",
    "articlebody",
    "article_body",
    "article__body",
    "article-content",
    "articlecontent",
    "article-text",
    "articletext",
    "entry-content",
    "post-content",
    "postcontent",
    "post-body",
    "postbody",
    "post-entry",
    "story-body",
    "storybody",
    "story-content",
    "content-body",
    "body-text",
    "bodytext",
    "main-content",
    "maincontent",
    "text-content",
    "rich-text",
    "richtext",
];

/// Furniture that holds more than this share of a page's text outside links is the page's
/// wrapper, not furniture ("page-with-sidebar" on the element around everything). Link text is
/// left out because menus and footers are mostly links and would hide how much prose an element
/// holds.
const WRAPPER_SHARE: f64 = 0.6;

/// The page's blocks, in document order.
pub fn blocks(tree: &PageTree) -> Vec<Block> {
    let judged = judge_elements(tree);
    let mut walk = Walk {
        tree,
        furniture: &judged,
        out: Vec::new(),
        text: String::new(),
        weight: 0,
        link_weight: 0,
    };
    walk.element(0, 0, false);
    walk.flush(0);
    walk.out
}

/// Whether each element is furniture: by tag or class, unless it wraps the page's article (an
/// element marked as the article text, or most of the page's text).
fn judge_elements(tree: &PageTree) -> Vec<bool> {
    let n = tree.nodes.len();
    // Parents always come before their children in the tree: a forward pass inherits, a reverse
    // pass sums subtrees.
    let mut in_link = vec![false; n];
    for i in 1..n {
        let node = &tree.nodes[i];
        in_link[i] = node.tag == "a" || node.parent.is_some_and(|p| in_link[p]);
    }
    let mut weight = vec![0usize; n];
    let mut marks_content = vec![false; n];
    for i in (0..n).rev() {
        let node = &tree.nodes[i];
        if node.is_text() {
            if !in_link[i] {
                weight[i] = text_weight(&node.text);
            }
        } else {
            marks_content[i] |= is_content_marker(node);
        }
        if let Some(p) = node.parent {
            weight[p] += weight[i];
            marks_content[p] |= marks_content[i];
        }
    }
    let total = weight[0].max(1) as f64;
    (0..n)
        .map(|i| {
            let node = &tree.nodes[i];
            !node.is_text()
                && !marks_content[i]
                && (weight[i] as f64) < WRAPPER_SHARE * total
                && is_furniture(&node.tag, &node.class_id)
        })
        .collect()
}

fn is_content_marker(node: &crate::page_tree::Node) -> bool {
    node.tag == "article"
        || node.tag == "main"
        || node.article_body
        || CONTENT_NAMES.iter().any(|c| node.class_id.contains(c))
}

fn is_furniture(tag: &str, class_id: &str) -> bool {
    FURNITURE_TAGS.contains(&tag)
        || FURNITURE_NAMES.iter().any(|f| class_id.contains(f))
        || class_id
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|part| FURNITURE_PARTS.contains(&part))
}

/// Length of text for judging it: characters other than spaces, an ideograph or kana counting
/// three (one carries about as much as a short word in a spaced script).
pub fn text_weight(text: &str) -> usize {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if is_ideographic(c) { 3 } else { 1 })
        .sum()
}

/// Words in a text; in scripts written without spaces, two ideographs or kana count as a word.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .map(|token| {
            let ideographs = token.chars().filter(|&c| is_ideographic(c)).count();
            if ideographs == 0 {
                1
            } else {
                ideographs.div_ceil(2)
            }
        })
        .sum()
}

fn is_ideographic(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

struct Walk<'a> {
    tree: &'a PageTree,
    furniture: &'a [bool],
    out: Vec<Block>,
    text: String,
    weight: usize,
    link_weight: usize,
}

impl Walk<'_> {
    /// Visit an element: `block` is the nearest block-level element around it. Recursion depth is
    /// bounded by the page's nesting, which `extract` limits before parsing.
    fn element(&mut self, index: usize, block: usize, in_link: bool) {
        let node = &self.tree.nodes[index];
        let is_block = BLOCK_LEVEL.contains(&node.tag.as_str());
        let block = if is_block {
            self.flush(block);
            index
        } else {
            block
        };
        let in_link = in_link || node.tag == "a";
        for &child in &node.children {
            let child_node = &self.tree.nodes[child];
            if child_node.is_text() {
                self.push_text(&child_node.text, in_link);
            } else if child_node.tag == "br" {
                self.text.push('\n');
            } else if !child_node.hidden && !SKIPPED.contains(&child_node.tag.as_str()) {
                self.element(child, block, in_link);
            }
        }
        if is_block {
            self.flush_as(index);
        }
    }

    fn push_text(&mut self, text: &str, in_link: bool) {
        let w = text_weight(text);
        self.weight += w;
        if in_link {
            self.link_weight += w;
        }
        self.text.push_str(text);
    }

    /// End the current run of text inside `block` (text before a nested block element).
    fn flush(&mut self, block: usize) {
        self.flush_as(block);
    }

    /// The outermost furniture element around `index` (itself included).
    fn furniture_around(&self, mut index: usize) -> Option<usize> {
        let mut found = None;
        loop {
            if self.furniture[index] {
                found = Some(index);
            }
            match self.tree.nodes[index].parent {
                Some(p) => index = p,
                None => return found,
            }
        }
    }

    fn flush_as(&mut self, element: usize) {
        if self.weight > 0 {
            let furniture_at = self.furniture_around(element);
            let tag = &self.tree.nodes[element].tag;
            let heading = match tag.as_bytes() {
                [b'h', level @ b'1'..=b'6'] => Some(level - b'0'),
                _ => None,
            };
            self.out.push(Block {
                text: collapse(&self.text),
                weight: self.weight,
                link_weight: self.link_weight,
                element,
                heading,
                furniture: furniture_at.is_some(),
                furniture_at,
            });
        }
        self.text.clear();
        self.weight = 0;
        self.link_weight = 0;
    }
}

/// Runs of spaces to one space, line breaks kept (one per run), no space at a line's ends.
fn collapse(text: &str) -> String {
    text.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks_of(html: &str) -> Vec<Block> {
        blocks(&PageTree::from_document(&dom_query::Document::from(html)))
    }

    #[test]
    fn paragraphs_links_and_furniture() {
        let b = blocks_of(
            "<body><nav><a href=/>Home</a></nav><div class=story-body>\
             <h2>Sub</h2><p>Text with <a href=x>a link</a>.<br>Next line</p>\
             <div class=share-tools>Share this</div></div>\
             <div class=related-links><p>Other story</p></div></body>",
        );
        let texts: Vec<(&str, bool)> = b.iter().map(|b| (b.text.as_str(), b.furniture)).collect();
        assert_eq!(
            texts,
            [
                ("Home", true),
                ("Sub", false),
                ("Text with a link.\nNext line", false),
                ("Share this", true),
                ("Other story", true)
            ]
        );
        assert_eq!(b[1].heading, Some(2));
        assert_eq!(b[2].link_weight, 5);
    }

    #[test]
    fn a_wrapper_named_like_furniture_is_not_furniture() {
        let prose = "<p>A long paragraph of article text that goes on and on.</p>".repeat(5);
        let b = blocks_of(&format!(
            "<body><div class='page has-sidebar'>{prose}<div class=sidebar>Links</div></div></body>"
        ));
        assert!(!b[0].furniture);
        assert!(b.last().unwrap().furniture);
    }

    #[test]
    fn ideographs_weigh_like_words() {
        assert_eq!(text_weight("ab c"), 3);
        assert_eq!(text_weight("子ども"), 9);
        assert_eq!(word_count("two words"), 2);
        assert_eq!(word_count("子どもへの虐待 ok"), 5);
    }
}
