//! Read: everything Parallax learns from one article on its own — line roles ([`structure`]),
//! sentences, entity mentions ([`entities`]), numbers and dates ([`quantities`]), quotes and
//! their speakers ([`quotes`]), framing marks ([`framing`]); [`eval`] scores the quotes against
//! attribution annotations.
//!
//! The gazetteer ([`gazetteer`]), the loaded-terms lexicon ([`loaded_terms`]) and the word lists
//! are files under `data/`, compiled into the binary; a word list is declared beside the pass
//! that reads it, or in `wordlists` when several passes do.
//!
//! Architecture invariant: pure functions of an [`Article`] (and the loaded-terms lexicon); no
//! I/O, no knowledge of other articles. Cross-article work belongs to `parallax-compare`.

pub mod entities;
pub mod eval;
pub mod framing;
pub mod gazetteer;
pub mod loaded_terms;
pub mod quantities;
pub mod quotes;
pub mod structure;
mod tsv;
mod wordlists;

use parallax_model::{Article, LineRole, ReadArticle, Sentence};

pub use loaded_terms::Lexicon;

/// Read many articles, on all cores: each is read on its own, and the result is in input order
/// whatever the number of threads.
pub fn read_articles(articles: &[Article], lexicon: &Lexicon) -> Vec<ReadArticle> {
    parallax_text::parallel::map_in_order(
        articles,
        parallax_text::parallel::default_threads(),
        |a| read_article(a, lexicon),
    )
}

/// Read one article.
pub fn read_article(article: &Article, lexicon: &Lexicon) -> ReadArticle {
    let normalized = parallax_text::normalize(&article.text);
    let norm = &normalized.text;
    let title = article
        .title
        .as_deref()
        .map(|t| parallax_text::normalize(t).text);
    let layout = structure::structure(norm, title.as_deref());
    let mut sentences = Vec::new();
    for (line_index, line) in layout.lines.iter().enumerate() {
        let is_heading = match line.role {
            LineRole::Headline | LineRole::Heading => true,
            LineRole::Body => false,
            LineRole::Boilerplate | LineRole::Byline => continue,
        };
        let line_text = &norm[line.span.clone()];
        let in_list = parallax_text::is_bullet(line_text).is_some();
        let ranges = if is_heading {
            std::iter::once(0..line_text.len()).collect()
        } else {
            parallax_text::split_sentences(line_text)
        };
        for r in ranges {
            let span = line.span.start + r.start..line.span.start + r.end;
            let text = norm[span.clone()].to_string();
            let (words, terms) = parallax_text::words_and_terms(&text);
            sentences.push(Sentence {
                index: sentences.len(),
                words,
                terms,
                text,
                original_span: normalized.original_range(span.clone()),
                span,
                line: line_index,
                in_list,
                is_heading,
            });
        }
    }
    let mentions = entities::find_mentions(&sentences);
    let quantities = sentences
        .iter()
        .flat_map(|s| quantities::find_quantities(s, article.published_date))
        .collect();
    let quotes = quotes::find_quotes(norm, &layout.lines, &sentences, &mentions);
    let framing = framing::find_framing(&sentences, &mentions, lexicon);
    let mut article = article.clone();
    if article.authors.is_empty() {
        for name in layout.byline_names {
            if !article.authors.contains(&name) {
                article.authors.push(name);
            }
        }
    }
    ReadArticle {
        article,
        text: normalized.text,
        headline: layout.headline.or(title),
        lines: layout.lines,
        removed: layout.removed,
        sentences,
        mentions,
        quantities,
        quotes,
        framing,
    }
}

/// Paragraphs of sentences, each sentence as [`test_sentence`] makes it, on its paragraph's line.
#[cfg(test)]
pub(crate) fn test_paragraphs(paragraphs: &[&[&str]]) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    for (line, p) in paragraphs.iter().enumerate() {
        for text in *p {
            let mut s = test_sentence(sentences.len(), *text);
            s.line = line;
            sentences.push(s);
        }
    }
    sentences
}

/// A sentence on its own, as the reader would make it (for tests of single passes).
#[cfg(test)]
pub(crate) fn test_sentence(index: usize, text: impl Into<String>) -> Sentence {
    let text: String = text.into();
    let (words, terms) = parallax_text::words_and_terms(&text);
    Sentence {
        index,
        span: 0..text.len(),
        original_span: 0..text.len(),
        line: index,
        in_list: false,
        is_heading: false,
        words,
        terms,
        text,
    }
}
