//! The frame of every HTML page, the static report's and the server's: the document head (the
//! style sheet inline, or linked with the script), the site header with its search form, and
//! the end of the document.

use std::fmt;

use crate::put_html as put;

/// The one style sheet, inlined by the static report and served as a file by `parallax serve`.
pub const CSS: &str = include_str!("../../assets/parallax.css");
/// The little script `parallax serve` adds (keyboard shortcuts); pages work without it.
pub const JS: &str = include_str!("../../assets/parallax.js");

/// How a page gets its style sheet and script.
#[derive(Debug, Clone, Copy)]
pub enum Assets<'a> {
    /// The style sheet inside the page, no script: one self-contained file.
    Inline,
    /// Style sheet and script as files of the same origin (what a strict CSP allows).
    Linked { css: &'a str, js: &'a str },
}

/// The site header of a served page: a link home and the search form.
#[derive(Debug, Clone, Copy)]
pub struct Nav<'a> {
    pub home: &'a str,
    pub search: &'a str,
    /// The search box's current text.
    pub query: &'a str,
}

#[derive(Debug, Clone, Copy)]
pub struct Head<'a> {
    pub title: &'a str,
    pub assets: Assets<'a>,
    pub nav: Option<Nav<'a>>,
}

/// Everything before a page's content, up to the opening of `<main>`.
pub fn open(out: &mut String, head: &Head) -> fmt::Result {
    put!(
        out,
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{}</title>",
        head.title
    )?;
    match head.assets {
        Assets::Inline => {
            out.push_str("<style>");
            out.push_str(CSS);
            out.push_str("</style>");
        }
        Assets::Linked { css, js } => put!(
            out,
            "<link rel=\"stylesheet\" href=\"{}\"><script src=\"{}\" defer></script>",
            css,
            js
        )?,
    }
    put!(
        out,
        "</head><body><a class=\"skip\" href=\"#main\">Skip to content</a>"
    )?;
    if let Some(nav) = head.nav {
        put!(
            out,
            "<header class=\"site\"><a class=\"brand\" href=\"{}\">Parallax</a><form class=\"search\" role=\"search\" action=\"{}\" method=\"get\"><label for=\"q\" class=\"vh\">Search articles</label><input id=\"q\" name=\"q\" type=\"search\" value=\"{}\" placeholder=\"Search articles ( / )\" maxlength=\"500\"><button type=\"submit\">Search</button></form></header>",
            nav.home,
            nav.search,
            nav.query
        )?;
    }
    put!(out, "<main id=\"main\">")
}

/// The end of a page opened with [`open`].
pub fn close(out: &mut String) -> fmt::Result {
    put!(out, "</main></body></html>\n")
}
