//! `cluster`: group articles into stories without a store and list them.

use std::process::ExitCode;

use anyhow::Result;
use parallax_model::Article;

use super::{load, Tell};
use crate::args::{ClusterArgs, ListFormat};
use crate::output::{print_json, write_stdout};

pub fn cluster(args: ClusterArgs) -> Result<ExitCode> {
    let loaded = load(&args.inputs.paths, Tell::ErrorsOnly);
    let articles = &loaded.articles;
    let clustering = &args.clustering;
    let stories =
        parallax_cli::cluster_articles(articles, clustering.config(), clustering.batch(), |_| {});
    let groups = parallax_stories::members_by_label(&stories);
    match args.list.format {
        ListFormat::Json => {
            let json: Vec<serde_json::Value> = groups
                .iter()
                .enumerate()
                .map(|(k, g)| {
                    serde_json::json!({
                        "id": format!("s{}", k + 1),
                        "headline": headline(articles, g),
                        "articles": g.iter().map(|&i| articles[i].id.clone()).collect::<Vec<_>>(),
                    })
                })
                .collect();
            print_json(&serde_json::json!({ "stories": json }))?;
        }
        ListFormat::Text => {
            let mut out = String::new();
            for (k, g) in groups.iter().enumerate() {
                let headline = headline(articles, g);
                out.push_str(&format!("s{} ({} articles) {headline}\n", k + 1, g.len()));
                for &i in g {
                    out.push_str(&format!("    {}\n", articles[i].id));
                }
            }
            write_stdout(&out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The first headline among a story's articles (by position), or nothing.
fn headline(articles: &[Article], story: &[usize]) -> String {
    story
        .iter()
        .find_map(|&i| {
            parallax_text::headline_of(articles[i].title.as_deref(), &articles[i].text)
                .map(str::to_string)
        })
        .unwrap_or_default()
}
