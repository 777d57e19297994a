//! The parsed page as a compact, read-only tree: element names, the attributes that say what an
//! element is for (class and id, hidden, `itemprop`), and text. Built once from the HTML parser's
//! DOM so that the density detector walks plain vectors instead of the DOM's shared cells, and
//! before Readability rewrites that DOM.

use dom_query::{Document, NodeData, NodeRef};

/// An element or a run of text.
#[derive(Debug, Clone)]
pub struct Node {
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// Lower-case element name; empty for text.
    pub tag: String,
    /// Class, id and ARIA role, lower-cased and joined by spaces ("article-body main-col story").
    pub class_id: String,
    /// The text of a text node (empty for elements).
    pub text: String,
    /// `hidden`, `aria-hidden="true"` or an inline `display: none`: not shown to a reader.
    pub hidden: bool,
    /// `itemprop="articleBody"` (or `articlebody`): the page marks its own article text.
    pub article_body: bool,
}

impl Node {
    pub fn is_text(&self) -> bool {
        self.tag.is_empty()
    }
}

/// The page's nodes; index 0 is the document root (named `#document`).
#[derive(Debug, Clone, Default)]
pub struct PageTree {
    pub nodes: Vec<Node>,
}

impl PageTree {
    /// Copy the parser's DOM (elements, text; comments and doctypes are left out).
    pub fn from_document(document: &Document) -> PageTree {
        let mut nodes = vec![Node::element(None, "#document".to_string())];
        // (DOM node, its index here); iterative so that depth never meets the stack's limit.
        let mut pending: Vec<(NodeRef<'_>, usize)> = vec![(document.root(), 0)];
        while let Some((dom_node, index)) = pending.pop() {
            let mut children = Vec::new();
            for child in dom_node.children_it(false) {
                let Some(node) = copy_node(&child, index) else {
                    continue;
                };
                let child_index = nodes.len();
                let is_element = !node.is_text();
                nodes.push(node);
                children.push(child_index);
                if is_element {
                    pending.push((child, child_index));
                }
            }
            nodes[index].children = children;
        }
        PageTree { nodes }
    }
}

impl Node {
    fn element(parent: Option<usize>, tag: String) -> Node {
        Node {
            parent,
            children: Vec::new(),
            tag,
            class_id: String::new(),
            text: String::new(),
            hidden: false,
            article_body: false,
        }
    }
}

/// One DOM node as a tree node, or `None` for what carries no text (comments, doctypes).
fn copy_node(dom_node: &NodeRef<'_>, parent: usize) -> Option<Node> {
    dom_node.query(|tree_node| match &tree_node.data {
        NodeData::Text { contents } => Some(Node {
            text: contents.to_string(),
            ..Node::element(Some(parent), String::new())
        }),
        NodeData::Element(element) => {
            let mut node = Node::element(
                Some(parent),
                element.name.local.to_ascii_lowercase().to_string(),
            );
            for attr in &element.attrs {
                let value: &str = &attr.value;
                match &*attr.name.local {
                    // ARIA roles ("navigation", "complementary") say the same as class names do.
                    "class" | "id" | "role" => {
                        if !node.class_id.is_empty() {
                            node.class_id.push(' ');
                        }
                        node.class_id.push_str(&value.to_lowercase());
                    }
                    "hidden" => node.hidden = true,
                    "aria-hidden" => node.hidden |= value.eq_ignore_ascii_case("true"),
                    "style" => node.hidden |= hides(value),
                    "itemprop" => node.article_body |= value.eq_ignore_ascii_case("articlebody"),
                    _ => {}
                }
            }
            Some(node)
        }
        _ => None,
    })?
}

/// An inline style that hides the element.
fn hides(style: &str) -> bool {
    let compact: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    compact.contains("display:none") || compact.contains("visibility:hidden")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_elements_attributes_and_text_in_order() {
        let doc = Document::from(
            "<html><body><div id=Main class='Story Body'><p>One <b>two</b></p>\
             <p hidden>gone</p><!-- note --><span itemprop=articleBody style='display: none'>x</span></div></body></html>",
        );
        let tree = PageTree::from_document(&doc);
        let div = tree
            .nodes
            .iter()
            .position(|n| n.tag == "div")
            .expect("a div");
        assert_eq!(tree.nodes[div].class_id, "main story body");
        let kids: Vec<&str> = tree.nodes[div]
            .children
            .iter()
            .map(|&c| tree.nodes[c].tag.as_str())
            .collect();
        assert_eq!(kids, ["p", "p", "span"], "the comment is left out");
        let p = tree.nodes[div].children[0];
        let texts: Vec<&str> = tree.nodes[p]
            .children
            .iter()
            .map(|&c| tree.nodes[c].text.as_str())
            .collect();
        assert_eq!(texts, ["One ", ""]);
        assert!(tree.nodes[tree.nodes[div].children[1]].hidden);
        let span = &tree.nodes[tree.nodes[div].children[2]];
        assert!(span.hidden && span.article_body);
    }
}
