//! The server's HTML pages. The story page is the report's own HTML rendering
//! (`parallax_report::render_html`) with the server's links; the other pages are written here
//! in the same frame with the same escaping (`put_html!`).

pub mod article;
pub mod error;
pub mod search;
pub mod stories;
pub mod story;

use parallax_report::html::{path_segment, Assets, Head, Nav};

pub const CSS_PATH: &str = "/static/parallax.css";
pub const JS_PATH: &str = "/static/parallax.js";

/// The frame of a served page; `query` fills the search box.
pub fn head<'a>(title: &'a str, query: &'a str) -> Head<'a> {
    Head {
        title,
        assets: Assets::Linked {
            css: CSS_PATH,
            js: JS_PATH,
        },
        nav: Some(nav(query)),
    }
}

pub fn nav(query: &str) -> Nav<'_> {
    Nav {
        home: "/",
        search: "/search",
        query,
    }
}

pub fn story_href(key: &str) -> String {
    format!("/stories/{}", path_segment(key))
}

pub fn article_href(id: &str) -> String {
    format!("/articles/{}", path_segment(id))
}
