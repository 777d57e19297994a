//! The stories page: newest (or most covered) first, each story with its headline, how many
//! articles and outlets, a strip of the outlets that covered it, its time span and its claims
//! by status (once analysed).

use std::fmt;

use parallax_report::html::{close, count, open};
use parallax_report::matrix::ClaimCounts;
use parallax_report::put_html as put;
use parallax_store::{StoryRow, StorySort};

use super::{head, story_href};
use crate::params::{sort_name, ListParams};

/// Outlets named in a story's strip; the rest are counted.
const STRIP: usize = 12;

pub struct Listing {
    pub rows: Vec<(StoryRow, Option<ClaimCounts>)>,
    pub total: usize,
    pub params: ListParams,
}

pub fn render(listing: &Listing) -> String {
    let mut out = String::with_capacity(32 * 1024);
    let _ = write(&mut out, listing);
    out
}

fn write(out: &mut String, l: &Listing) -> fmt::Result {
    open(out, &head("Stories — Parallax", ""))?;
    put!(
        out,
        "<h1>Stories</h1><p class=\"meta\">{} in the store. ",
        count(l.total, "story", "stories")
    )?;
    sort_links(out, l.params.sort)?;
    put!(
        out,
        "</p><ol class=\"stories\" start=\"{}\">",
        l.params.offset() + 1
    )?;
    for (row, counts) in &l.rows {
        story(out, row, counts.as_ref())?;
    }
    put!(out, "</ol>")?;
    pages(out, l)?;
    close(out)
}

fn sort_links(out: &mut String, sort: StorySort) -> fmt::Result {
    put!(out, "<span class=\"sort\">Order: ")?;
    for (s, label) in [
        (StorySort::Newest, "newest first"),
        (StorySort::Coverage, "most covered first"),
    ] {
        if s == sort {
            put!(out, "<strong aria-current=\"page\">{}</strong> ", label)?;
        } else {
            put!(out, "<a href=\"/?sort={}\">{}</a> ", sort_name(s), label)?;
        }
    }
    put!(out, "</span>")
}

fn story(out: &mut String, row: &StoryRow, counts: Option<&ClaimCounts>) -> fmt::Result {
    put!(
        out,
        "<li><h2><a href=\"{}\">{}</a></h2><p class=\"meta\">{} · ",
        story_href(&row.id),
        row.headline,
        count(row.articles, "article", "articles")
    )?;
    match row.outlets.len() {
        0 => put!(out, "outlets not named")?,
        n => put!(out, "{}", count(n, "outlet", "outlets"))?,
    }
    let span = match (&row.first_date, &row.last_date) {
        (Some(a), Some(b)) if a != b => format!("{a} – {b}"),
        (Some(a), _) => a.clone(),
        _ => "undated".to_string(),
    };
    put!(
        out,
        " · {} · <span class=\"cid\">{}</span></p>",
        span,
        row.id
    )?;
    strip(out, &row.outlets)?;
    claim_counts(out, counts)?;
    put!(out, "</li>")
}

/// The coverage strip: which outlets reported the story.
fn strip(out: &mut String, outlets: &[String]) -> fmt::Result {
    if outlets.is_empty() {
        return Ok(());
    }
    put!(
        out,
        "<ul class=\"strip\" aria-label=\"Outlets that reported it\">"
    )?;
    for o in outlets.iter().take(STRIP) {
        put!(out, "<li>{}</li>", o)?;
    }
    if outlets.len() > STRIP {
        put!(out, "<li>+{} more</li>", outlets.len() - STRIP)?;
    }
    put!(out, "</ul>")
}

fn claim_counts(out: &mut String, counts: Option<&ClaimCounts>) -> fmt::Result {
    let Some(c) = counts else {
        return put!(
            out,
            "<p class=\"src\">Claims not counted yet: they are being analysed (reload, or open the story).</p>"
        );
    };
    put!(
        out,
        "<ul class=\"counts\" aria-label=\"Claims\"><li class=\"badge corroborated\">✔ {} corroborated</li><li class=\"badge single_source\">◐ {} single source</li><li class=\"badge contested\">⚠ {} contested</li></ul>",
        c.corroborated,
        c.single_source,
        c.contested
    )
}

fn pages(out: &mut String, l: &Listing) -> fmt::Result {
    let p = l.params;
    let last = l.total.div_ceil(p.per_page).max(1);
    if last == 1 {
        return Ok(());
    }
    let sort = sort_name(p.sort);
    put!(
        out,
        "<nav class=\"pages\" aria-label=\"Pages of stories\"><span>Page {} of {}</span> ",
        p.page,
        last
    )?;
    if p.page > 1 {
        put!(
            out,
            "<a rel=\"prev\" href=\"/?sort={}&amp;page={}\">← previous</a> ",
            sort,
            p.page - 1
        )?;
    }
    if p.page < last {
        put!(
            out,
            "<a rel=\"next\" href=\"/?sort={}&amp;page={}\">next →</a>",
            sort,
            p.page + 1
        )?;
    }
    put!(out, "</nav>")
}
