//! Framing per source: each article's scare quotes, distancing words and loaded terms (each term
//! with how often it occurs, linked to its first sentence), and the corroborated claims each
//! article leaves out.

use std::collections::BTreeMap;
use std::fmt;

use parallax_model::{ArticleInfo, FramingItem, Omission};

use super::story::cite;
use super::Links;
use crate::put_html as put;

const KINDS: [(&str, &str); 3] = [
    ("scare_quote", "Scare quotes"),
    ("distancing", "Distancing words"),
    ("loaded", "Loaded terms"),
];

pub(crate) fn per_source(
    out: &mut String,
    articles: &[ArticleInfo],
    marks: &[FramingItem],
    links: &dyn Links,
) -> fmt::Result {
    put!(
        out,
        "<div class=\"scroll\" role=\"region\" aria-label=\"Framing per source\" tabindex=\"0\"><table class=\"framing\"><thead><tr><th scope=\"col\">Article</th>"
    )?;
    for (_, label) in KINDS {
        put!(out, "<th scope=\"col\">{}</th>", label)?;
    }
    put!(out, "</tr></thead><tbody>")?;
    for a in articles {
        put!(out, "<tr><th scope=\"row\">")?;
        cite(out, links, &a.id, None)?;
        if let Some(outlet) = &a.outlet {
            put!(out, " <span class=\"outlet\">{}</span>", outlet)?;
        }
        put!(out, "</th>")?;
        for (kind, _) in KINDS {
            put!(out, "<td>")?;
            terms(out, a, kind, marks, links)?;
            put!(out, "</td>")?;
        }
        put!(out, "</tr>")?;
    }
    put!(out, "</tbody></table></div>")
}

/// One article's terms of one kind: "‘Israel’ ×6, landmark", or "none".
fn terms(
    out: &mut String,
    article: &ArticleInfo,
    kind: &str,
    marks: &[FramingItem],
    links: &dyn Links,
) -> fmt::Result {
    // Each term with its count and its first sentence, in order of the term.
    let mut found: BTreeMap<&str, (usize, &FramingItem)> = BTreeMap::new();
    for m in marks
        .iter()
        .filter(|m| m.article == article.id && m.kind == kind)
    {
        found.entry(m.text.as_str()).or_insert((0, m)).0 += 1;
    }
    if found.is_empty() {
        return put!(out, "<span class=\"src\">none</span>");
    }
    for (i, (text, (n, first))) in found.iter().enumerate() {
        if i > 0 {
            put!(out, ", ")?;
        }
        match links.sentence(&first.article, &first.sentence) {
            Some(href) => put!(out, "<a href=\"{}\"><q>{}</q></a>", href, text)?,
            None => put!(out, "<q title=\"{}\">{}</q>", first.sentence, text)?,
        }
        if *n > 1 {
            put!(out, " ×{}", n)?;
        }
        if let Some(c) = &first.category {
            put!(out, " <span class=\"src\">({})</span>", c)?;
        }
    }
    Ok(())
}

/// Left-out claims named per article; the rest are counted.
const LEFT_OUT: usize = 12;

/// Each article's left-out claims by id, linked to their rows of the matrix (the claim's text
/// is there: repeating it per article made this the largest part of a big story's page).
pub(crate) fn omissions(
    out: &mut String,
    omissions: &[Omission],
    links: &dyn Links,
) -> fmt::Result {
    put!(out, "<ul class=\"omissions\">")?;
    for o in omissions {
        put!(out, "<li>")?;
        cite(out, links, &o.article, None)?;
        put!(out, " leaves out ")?;
        for (i, id) in o.claims.iter().take(LEFT_OUT).enumerate() {
            let sep = if i > 0 { ", " } else { "" };
            put!(out, "{}<a href=\"#claim-{}\">{}</a>", sep, id, id)?;
        }
        if o.claims.len() > LEFT_OUT {
            put!(out, " and {} more", o.claims.len() - LEFT_OUT)?;
        }
        put!(out, "</li>")?;
    }
    put!(out, "</ul>")
}
