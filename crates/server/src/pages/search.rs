//! The search page: full-text hits (the store's FTS5), grouped by story in the order of each
//! story's best hit, with the matching words highlighted in the snippets.

use std::fmt;

use parallax_report::html::{close, open};
use parallax_report::put_html as put;
use parallax_store::SearchHit;

use super::{article_href, head, story_href};

/// The marks the store puts around matches: control characters, which the escaping passes
/// through, so they can become `<mark>` after escaping (an article holding them can at worst
/// add a bare `<mark>` tag, never an attribute or another element).
pub const MARKS: (&str, &str) = ("\u{1}", "\u{2}");

pub fn render(query: &str, hits: &[SearchHit]) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let _ = write(&mut out, query, hits);
    out
}

fn write(out: &mut String, query: &str, hits: &[SearchHit]) -> fmt::Result {
    let title = if query.is_empty() {
        "Search — Parallax".to_string()
    } else {
        format!("{query} — search — Parallax")
    };
    open(out, &head(&title, query))?;
    put!(out, "<h1>Search</h1>")?;
    if query.is_empty() {
        put!(
            out,
            "<p>Type words in the box above: every word must occur. <code>\"a phrase\"</code>, <code>prefix*</code>, <code>AND</code>, <code>OR</code> and <code>NOT</code> work too.</p>"
        )?;
        return close(out);
    }
    let groups = by_story(hits);
    put!(
        out,
        "<p class=\"meta\">{} in {} for <q>{}</q>, best first.</p>",
        parallax_report::html::count(hits.len(), "article", "articles"),
        parallax_report::html::count(groups.len(), "story", "stories"),
        query
    )?;
    for group in groups {
        let first = group[0];
        put!(
            out,
            "<section class=\"hit-story\"><h2><a href=\"{}\">{}</a> <span class=\"cid\">{}</span></h2><ul class=\"hits\">",
            story_href(&first.story),
            first.story_headline,
            first.story
        )?;
        for h in group {
            put!(
                out,
                "<li><a href=\"{}\">{}</a> <span class=\"cid\">{}</span><p class=\"snippet\">",
                article_href(&h.article),
                h.title.as_deref().unwrap_or(&h.article),
                h.article
            )?;
            snippet(out, &h.snippet)?;
            put!(out, "</p></li>")?;
        }
        put!(out, "</ul></section>")?;
    }
    close(out)
}

/// Hits grouped by story, stories in the order of their best hit.
fn by_story(hits: &[SearchHit]) -> Vec<Vec<&SearchHit>> {
    let mut groups: Vec<Vec<&SearchHit>> = Vec::new();
    for h in hits {
        match groups.iter_mut().find(|g| g[0].story == h.story) {
            Some(g) => g.push(h),
            None => groups.push(vec![h]),
        }
    }
    groups
}

/// The snippet escaped, then its marked matches highlighted.
fn snippet(out: &mut String, snippet: &str) -> fmt::Result {
    let escaped = parallax_report::escape_html(&snippet.replace('\n', " "));
    out.push_str(
        &escaped
            .replace(MARKS.0, "<mark>")
            .replace(MARKS.1, "</mark>"),
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_are_escaped_before_marks_become_markup() {
        let mut out = String::new();
        snippet(&mut out, "<b>\u{1}Witkoff\u{2}</b>").unwrap();
        assert_eq!(out, "&lt;b&gt;<mark>Witkoff</mark>&lt;/b&gt;");
    }
}
