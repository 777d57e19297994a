//! The `parallax` command's library side: the pipeline wiring shared by the binary, its tests and
//! the benchmark. Files are read at the edge (`parallax-ingest`); everything here is in memory.

pub mod ingest;
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

/// Story clustering of plain articles (no full reading): what `cluster`, `ingest` and `eval`
/// use. Returns, per article, its story number (in order of first appearance) and the story's
/// first article.
pub fn cluster_articles(
    articles: &[Article],
    config: parallax_stories::ClusterConfig,
) -> Vec<usize> {
    let mut clusterer = parallax_stories::Clusterer::new(config);
    let mut copies = parallax_stories::CopyIndex::new(config.window_days);
    let mut numbers: std::collections::HashMap<u64, usize> = std::collections::HashMap::new();
    articles
        .iter()
        .map(|a| {
            let f = parallax_stories::features(&story_input(a));
            let hash = parallax_stories::simhash(&a.text);
            let force = copies.find(hash, a.published_date).map(|(story, _)| story);
            let assigned = clusterer.add(&f, force);
            copies.insert(hash, a.published_date, assigned.story, 0);
            let next = numbers.len();
            *numbers.entry(assigned.story).or_insert(next)
        })
        .collect()
}

pub fn story_input(a: &Article) -> parallax_stories::StoryInput<'_> {
    parallax_stories::StoryInput {
        headline: a.title.as_deref(),
        text: &a.text,
        date: a.published_date,
    }
}
