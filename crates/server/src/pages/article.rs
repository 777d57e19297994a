//! An article page: the text as the reader read it, each sentence anchored (`#s12`) so that
//! citations land on it, framing terms marked in place (by underline style and words, not
//! colour alone), the removed boilerplate listed (collapsed), and the original address as a link
//! only when it is a web address.

use std::fmt;
use std::ops::Range;

use parallax_model::{FramingKind, LineRole, ReadArticle};
use parallax_report::html::{close, open, web_address};
use parallax_report::put_html as put;
use parallax_store::StoredArticle;

use super::{head, story_href};

pub struct ArticlePage<'a> {
    pub stored: &'a StoredArticle,
    pub read: &'a ReadArticle,
    pub story_headline: &'a str,
}

pub fn render(page: &ArticlePage) -> String {
    let mut out = String::with_capacity(16 * 1024);
    let _ = write(&mut out, page);
    out
}

fn write(out: &mut String, p: &ArticlePage) -> fmt::Result {
    let a = &p.stored.article;
    let title = p.read.headline.as_deref().unwrap_or("(no headline)");
    open(out, &head(title, ""))?;
    put!(
        out,
        "<article class=\"article\"><p class=\"meta\">Part of <a href=\"{}\">{}</a></p><h1>{}</h1><p class=\"meta\">",
        story_href(&p.stored.story),
        p.story_headline,
        title
    )?;
    if let Some(o) = &a.outlet {
        put!(out, "<span class=\"outlet\">{}</span> · ", o)?;
    }
    if let Some(d) = &a.published {
        put!(out, "{} · ", d)?;
    }
    if !a.authors.is_empty() {
        put!(out, "by {} · ", a.authors.join(", "))?;
    }
    put!(out, "<span class=\"cid\">{}</span></p>", a.id)?;
    match a.url.as_deref().map(|u| (u, web_address(u))) {
        Some((_, Some(url))) => put!(
            out,
            "<p><a href=\"{}\" rel=\"noopener noreferrer nofollow\">Original article</a></p>",
            url
        )?,
        Some((raw, None)) => put!(
            out,
            "<p class=\"src\">Original address (not a web address, so not a link): <code>{}</code></p>",
            raw
        )?,
        None => {}
    }
    put!(
        out,
        "<p class=\"legend src\">Marked: <mark class=\"loaded\">solid underline</mark> loaded term · <mark class=\"scare_quote\">double underline</mark> scare quote · <mark class=\"distancing\">dotted underline</mark> distancing word</p><div class=\"article-text\">"
    )?;
    body(out, p.read)?;
    put!(out, "</div>")?;
    removed(out, &p.read.removed)?;
    put!(out, "</article>")?;
    close(out)
}

/// The body lines, each a paragraph of anchored sentences.
fn body(out: &mut String, read: &ReadArticle) -> fmt::Result {
    let marks = framing_spans(read);
    for line in &read.lines {
        let (open_tag, close_tag) = match line.role {
            LineRole::Body => ("<p>", "</p>"),
            LineRole::Heading => ("<p><strong>", "</strong></p>"),
            LineRole::Headline | LineRole::Byline | LineRole::Boilerplate => continue,
        };
        out.push_str(open_tag);
        let mut at = line.span.start;
        for s in read
            .sentences
            .iter()
            .filter(|s| s.span.start < line.span.end && s.span.end > line.span.start)
        {
            let piece = s.span.start.max(line.span.start)..s.span.end.min(line.span.end);
            text(out, read, at..piece.start, &marks)?;
            if piece.start == s.span.start {
                put!(out, "<span class=\"s\" id=\"s{}\">", s.index)?;
            } else {
                put!(out, "<span class=\"s\">")?;
            }
            text(out, read, piece.clone(), &marks)?;
            put!(out, "</span>")?;
            at = piece.end;
        }
        text(out, read, at..line.span.end, &marks)?;
        out.push_str(close_tag);
    }
    Ok(())
}

/// Part of the text, with the framing marks inside it.
fn text(out: &mut String, read: &ReadArticle, range: Range<usize>, marks: &[Mark]) -> fmt::Result {
    let mut at = range.start;
    for m in marks
        .iter()
        .filter(|m| m.span.start >= range.start && m.span.end <= range.end)
    {
        if m.span.start < at {
            continue;
        }
        put!(
            out,
            "{}<mark class=\"{}\" title=\"{}\">{}<span class=\"vh\"> ({})</span></mark>",
            slice(read, at..m.span.start),
            m.kind.as_str(),
            m.label,
            slice(read, m.span.clone()),
            m.label
        )?;
        at = m.span.end;
    }
    put!(out, "{}", slice(read, at..range.end))
}

fn slice(read: &ReadArticle, r: Range<usize>) -> &str {
    read.text.get(r).unwrap_or("")
}

struct Mark {
    span: Range<usize>,
    kind: FramingKind,
    label: String,
}

/// Where each framing mark's words stand in the text: found in its sentence, a later mark of
/// the same words after the earlier one; in text order.
fn framing_spans(read: &ReadArticle) -> Vec<Mark> {
    let mut out: Vec<Mark> = Vec::new();
    for m in &read.framing {
        let Some(s) = read.sentences.iter().find(|s| s.index == m.sentence) else {
            continue;
        };
        let sentence = slice(read, s.span.clone());
        let mut from = 0;
        let found = loop {
            let Some(k) = sentence[from..].find(m.text.as_str()) else {
                break None;
            };
            let start = s.span.start + from + k;
            if out.iter().any(|o| o.span.start == start) {
                from += k + m.text.len().max(1);
                continue;
            }
            break Some(start);
        };
        if let Some(start) = found {
            let label = match (m.kind, &m.category) {
                (FramingKind::Loaded, Some(c)) => format!("loaded term, {c}"),
                (FramingKind::Loaded, None) => "loaded term".to_string(),
                (FramingKind::ScareQuote, _) => "scare quote".to_string(),
                (FramingKind::Distancing, _) => "distancing word".to_string(),
            };
            out.push(Mark {
                span: start..start + m.text.len(),
                kind: m.kind,
                label,
            });
        }
    }
    out.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    out
}

fn removed(out: &mut String, lines: &[String]) -> fmt::Result {
    if lines.is_empty() {
        return Ok(());
    }
    put!(
        out,
        "<details class=\"removed\"><summary>Removed as boilerplate or byline ({} lines)</summary><ul>",
        lines.len()
    )?;
    for l in lines {
        put!(out, "<li>{}</li>", l)?;
    }
    put!(out, "</ul></details>")
}
