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

/// The story's best-supported headline: the one whose content words most of its articles'
/// features carry ([`parallax_text::lines::headline_support`]); ties go to the earlier article.
fn headline(articles: &[Article], story: &[usize]) -> String {
    let features: Vec<std::collections::HashSet<String>> = story
        .iter()
        .map(|&i| {
            parallax_stories::features(&parallax_cli::story_input(&articles[i]))
                .terms
                .into_iter()
                .map(|(t, _)| t)
                .collect()
        })
        .collect();
    let share =
        |t: &str| features.iter().filter(|f| f.contains(t)).count() as f64 / features.len() as f64;
    let mut best: Option<(f64, &str)> = None;
    for &i in story {
        let Some(h) = parallax_text::headline_of(articles[i].title.as_deref(), &articles[i].text)
        else {
            continue;
        };
        let s = parallax_text::lines::headline_support(h, share);
        if best.is_none_or(|(b, _)| s > b) {
            best = Some((s, h));
        }
    }
    best.map(|(_, h)| h.to_string()).unwrap_or_default()
}
