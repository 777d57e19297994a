//! The claims × sources matrix as a table: a header cell per source, a row per claim with its
//! status in words, and in each cell a sign and words (never colour alone); the filter by
//! status and the pages, when the page can link to other views.

use std::fmt;

use parallax_model::{ClaimStatus, StoryReport};

use super::story::cite;
use super::{count, HtmlOptions, Links};
use crate::matrix::{self, Cell, ClaimView, Matrix, Row};
use crate::put_html as put;
use crate::sections::status_words;

const STATUSES: [Option<ClaimStatus>; 4] = [
    None,
    Some(ClaimStatus::Corroborated),
    Some(ClaimStatus::SingleSource),
    Some(ClaimStatus::Contested),
];

/// The sign shown beside a status's words.
pub(crate) fn status_sign(status: ClaimStatus) -> &'static str {
    match status {
        ClaimStatus::Corroborated => "✔",
        ClaimStatus::SingleSource => "◐",
        ClaimStatus::Contested => "⚠",
    }
}

pub(crate) fn matrix(out: &mut String, story: &StoryReport, opts: &HtmlOptions) -> fmt::Result {
    let m = matrix::build(story, &opts.claims);
    put!(
        out,
        "<p class=\"legend\">A row per claim, a column per independent source (copies counted once): <span class=\"cell states\">✓ states it</span> <span class=\"cell silent\">· does not mention it</span> <span class=\"cell contradicts\">✗ contradicts it</span></p>"
    )?;
    filter(out, &m, &opts.claims, opts.links)?;
    if m.hidden_sources > 0 {
        put!(
            out,
            "<p class=\"src\">{} more sources not shown: the columns are the {} sources that state the most claims.</p>",
            m.hidden_sources,
            m.sources.len()
        )?;
    }
    put!(
        out,
        "<div class=\"scroll\" role=\"region\" aria-label=\"Claims by source\" tabindex=\"0\"><table class=\"matrix\"><thead><tr><th scope=\"col\" class=\"claim\">Claim</th>"
    )?;
    for s in &m.sources {
        put!(out, "<th scope=\"col\" class=\"source\">")?;
        cite(out, opts.links, &s.articles[0].id, None)?;
        if let Some(outlet) = &s.articles[0].outlet {
            put!(out, "<span class=\"outlet\">{}</span>", outlet)?;
        }
        if s.articles.len() > 1 {
            put!(
                out,
                "<span class=\"src\">+{} copies</span>",
                s.articles.len() - 1
            )?;
        }
        put!(out, "</th>")?;
    }
    put!(out, "</tr></thead><tbody>")?;
    for row in &m.rows {
        write_row(out, row, opts.links)?;
    }
    put!(out, "</tbody></table></div>")?;
    pages(out, &m, &opts.claims, opts.links)
}

fn write_row(out: &mut String, row: &Row, links: &dyn Links) -> fmt::Result {
    let c = row.claim;
    put!(
        out,
        "<tr id=\"claim-{}\" class=\"{}\"><th scope=\"row\"><span class=\"badge {}\">{} {}</span> <span class=\"cid\">{}</span> {} <span class=\"src\">({})</span></th>",
        c.id,
        c.status.as_str(),
        c.status.as_str(),
        status_sign(c.status),
        status_words(c.status),
        c.id,
        c.text,
        count(c.independent_sources, "source", "sources")
    )?;
    for cell in &row.cells {
        match cell {
            Cell::States(s) => match links.sentence(&s.article, &s.sentence) {
                Some(href) => put!(
                    out,
                    "<td class=\"cell states\"><a href=\"{}\">✓<span class=\"vh\"> states it</span></a></td>",
                    href
                )?,
                None => put!(
                    out,
                    "<td class=\"cell states\" title=\"{}\">✓<span class=\"vh\"> states it</span></td>",
                    s.sentence
                )?,
            },
            Cell::Silent => put!(
                out,
                "<td class=\"cell silent\">·<span class=\"vh\"> does not mention it</span></td>"
            )?,
            Cell::Contradicts(v) => match links.sentence(&v.article, &v.sentence) {
                Some(href) => put!(
                    out,
                    "<td class=\"cell contradicts\"><a href=\"{}\">✗ {}<span class=\"vh\"> contradicts it</span></a></td>",
                    href,
                    v.value
                )?,
                None => put!(
                    out,
                    "<td class=\"cell contradicts\" title=\"{}\">✗ {}<span class=\"vh\"> contradicts it</span></td>",
                    v.sentence,
                    v.value
                )?,
            },
        }
    }
    put!(out, "</tr>")
}

/// "All (92) · Corroborated (12) · …": links to the filtered views where the page has them.
fn filter(out: &mut String, m: &Matrix, view: &ClaimView, links: &dyn Links) -> fmt::Result {
    put!(
        out,
        "<nav class=\"filter\" aria-label=\"Show claims by status\">"
    )?;
    for status in STATUSES {
        let label = status.map_or("all", status_words);
        let n = m.counts.get(status);
        let target = ClaimView {
            status,
            page: 0,
            per_page: view.per_page,
        };
        let current = if status == view.status {
            " aria-current=\"page\""
        } else {
            ""
        };
        match links.claims(&target) {
            Some(href) => put!(
                out,
                "<a href=\"{}\"{}>{} ({})</a> ",
                href,
                current,
                label,
                n
            )?,
            None => put!(out, "<span>{} ({})</span> ", label, n)?,
        }
    }
    put!(out, "</nav>")
}

/// "Claims 101–200 of 312", with the previous and next pages.
fn pages(out: &mut String, m: &Matrix, view: &ClaimView, links: &dyn Links) -> fmt::Result {
    if m.total_rows <= m.rows.len() {
        return Ok(());
    }
    let first = view.page.saturating_mul(view.per_page);
    put!(
        out,
        "<nav class=\"pages\" aria-label=\"Pages of claims\"><span>Claims {}–{} of {}</span> ",
        (first + 1).min(m.total_rows),
        first + m.rows.len(),
        m.total_rows
    )?;
    let at = |page| ClaimView { page, ..*view };
    if view.page > 0 {
        if let Some(href) = links.claims(&at(view.page - 1)) {
            put!(out, "<a href=\"{}\" rel=\"prev\">← previous</a> ", href)?;
        }
    }
    if first + m.rows.len() < m.total_rows {
        if let Some(href) = links.claims(&at(view.page + 1)) {
            put!(out, "<a href=\"{}\" rel=\"next\">next →</a>", href)?;
        }
    }
    put!(out, "</nav>")
}
