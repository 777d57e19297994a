//! The commands over files, without a store: `analyze` (the full report), `read` (what is read in
//! each article) and `extract` (article text and metadata).

use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use parallax_model::Article;
use parallax_read::Lexicon;

use super::{load, Tell};
use crate::args::{AnalyzeArgs, ExtractArgs, ExtractFormat, InputArgs};
use crate::output::{print_json, write_report, write_stdout};

pub fn analyze(args: AnalyzeArgs) -> Result<ExitCode> {
    let lexicon = load_lexicon(args.lexicon.as_deref())?;
    let paths = &args.inputs.paths;
    let loaded = load(paths, Tell::Everything);
    if args.strict && !loaded.errors.is_empty() {
        eprintln!(
            "parallax: {} input problem(s); --strict stops here",
            loaded.errors.len()
        );
        return Ok(ExitCode::from(1));
    }
    if loaded.articles.is_empty() {
        bail!(
            "no article could be read from {}",
            paths
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let mut analysis = if args.one_story {
        parallax_cli::analyze_as_one_story(&loaded.articles, &lexicon)
    } else {
        parallax_cli::analyze(&loaded.articles, &lexicon)
    };
    analysis.errors = parallax_cli::problems(&loaded.errors);
    write_report(&analysis, args.report, args.color.color)?;
    Ok(ExitCode::SUCCESS)
}

/// The built-in lexicon, plus the `--lexicon` file's terms.
fn load_lexicon(extra: Option<&Path>) -> Result<Lexicon> {
    let mut lexicon = Lexicon::builtin();
    if let Some(path) = extra {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read lexicon {}", path.display()))?;
        lexicon.extend(Lexicon::parse(&text));
    }
    Ok(lexicon)
}

pub fn read(args: InputArgs) -> Result<ExitCode> {
    let loaded = load(&args.paths, Tell::ErrorsOnly);
    let lexicon = Lexicon::builtin();
    let read: Vec<_> = loaded
        .articles
        .iter()
        .map(|a| parallax_read::read_article(a, &lexicon))
        .collect();
    print_json(&read)?;
    Ok(ExitCode::SUCCESS)
}

/// Fails (exit 1) only when nothing could be extracted and something could not be read.
pub fn extract(args: ExtractArgs) -> Result<ExitCode> {
    let loaded = load(&args.inputs.paths, Tell::Everything);
    let url = args.url.as_ref();
    match args.format {
        ExtractFormat::Json => print_json(&extracted_pages(&loaded.articles, url))?,
        ExtractFormat::Jsonl => write_stdout(
            &extracted_pages(&loaded.articles, url)
                .iter()
                .map(|p| p.to_string() + "\n")
                .collect::<String>(),
        )?,
        ExtractFormat::Text => write_stdout(
            &loaded
                .articles
                .iter()
                .map(|a| {
                    format!(
                        "# {}\n{}\n\n{}\n\n",
                        a.source,
                        a.title.as_deref().unwrap_or(""),
                        a.text
                    )
                })
                .collect::<String>(),
        )?,
    }
    Ok(if loaded.articles.is_empty() && !loaded.errors.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The JSON of each extracted page; `url` stands in for pages that carry none.
fn extracted_pages(articles: &[Article], url: Option<&String>) -> Vec<serde_json::Value> {
    articles
        .iter()
        .map(|a| {
            serde_json::json!({
                "source": a.source,
                "url": a.url.as_ref().or(url),
                "title": a.title,
                "text": a.text,
                "authors": a.authors,
                "published": a.published,
                "site_name": a.outlet,
                "language": a.language,
                "extraction": a.extraction.as_ref().map(|m| serde_json::json!({ "method": m })),
            })
        })
        .collect()
}
