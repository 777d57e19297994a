//! The story's entities: name, kind, other names, and how many articles and mentions.

use std::fmt;

use parallax_model::EntityInfo;

use crate::put_html as put;

pub(crate) fn table(out: &mut String, entities: &[EntityInfo]) -> fmt::Result {
    put!(
        out,
        "<div class=\"scroll\" role=\"region\" aria-label=\"Entities\" tabindex=\"0\"><table class=\"entities\"><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Kind</th><th scope=\"col\">Also called</th><th scope=\"col\" class=\"num\">Articles</th><th scope=\"col\" class=\"num\">Mentions</th></tr></thead><tbody>"
    )?;
    for e in entities {
        put!(
            out,
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            e.name,
            e.kind,
            e.aliases.join(", "),
            e.articles.len(),
            e.mentions
        )?;
    }
    put!(out, "</tbody></table></div>")
}
