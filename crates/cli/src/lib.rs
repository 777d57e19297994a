//! The `parallax` command's library side: the pipeline wiring shared by the binary, its tests and
//! the benchmark. Files are read at the edge (`parallax-ingest`); everything here is in memory.

pub mod synthetic;

use parallax_model::{Analysis, Article, InputProblem, ReadArticle};
use parallax_read::Lexicon;

/// Read, group into stories, and compare. Stories with the most articles come first.
pub fn analyze(articles: &[Article], lexicon: &Lexicon) -> Analysis {
    let read: Vec<ReadArticle> = articles
        .iter()
        .map(|a| parallax_read::read_article(a, lexicon))
        .collect();
    analyze_read(&read)
}

pub fn analyze_read(read: &[ReadArticle]) -> Analysis {
    let mut groups = parallax_stories::group_stories(read);
    groups.sort_by_key(|g| (std::cmp::Reverse(g.len()), g[0]));
    let stories = groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let members: Vec<&ReadArticle> = g.iter().map(|&k| &read[k]).collect();
            parallax_compare::analyze_story(&format!("s{}", i + 1), &members)
        })
        .collect();
    Analysis {
        stories,
        errors: Vec::new(),
    }
}

pub fn problems(errors: &[parallax_ingest::InputError]) -> Vec<InputProblem> {
    errors
        .iter()
        .map(|e| InputProblem {
            source: e.file.clone(),
            line: e.line,
            message: e.message.clone(),
        })
        .collect()
}
