//! The claims × sources matrix: a row per claim, a column per independent source (an article,
//! or a group of syndicated copies counted as one), and in each cell whether that source states
//! the claim, does not mention it, or contradicts it. A view of the [`StoryReport`]; it decides
//! nothing the comparison has not decided.
//!
//! A source contradicts a claim when the comparison found a contradiction inside the claim and
//! the source gives another value than the claim's own wording (or, when the claim's wording is
//! not among the values, than the value most sources give).

use std::collections::HashMap;

use parallax_model::{ArticleInfo, Claim, ClaimStatus, ContradictionValue, StoryReport, Support};
use serde::Serialize;

/// How many columns a matrix shows at most: the sources that state the most claims.
pub const MAX_SOURCES: usize = 40;

/// Which claims a view of the matrix shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClaimView {
    /// Only claims of this status (all when `None`).
    pub status: Option<ClaimStatus>,
    /// Zero-based page of `per_page` rows.
    pub page: usize,
    pub per_page: usize,
}

impl ClaimView {
    /// Every claim on one page.
    pub const ALL: ClaimView = ClaimView {
        status: None,
        page: 0,
        per_page: usize::MAX,
    };
}

/// How many claims of each status a story has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ClaimCounts {
    pub corroborated: usize,
    pub single_source: usize,
    pub contested: usize,
}

impl ClaimCounts {
    pub fn of(claims: &[Claim]) -> ClaimCounts {
        let mut n = ClaimCounts::default();
        for c in claims {
            match c.status {
                ClaimStatus::Corroborated => n.corroborated += 1,
                ClaimStatus::SingleSource => n.single_source += 1,
                ClaimStatus::Contested => n.contested += 1,
            }
        }
        n
    }

    pub fn get(&self, status: Option<ClaimStatus>) -> usize {
        match status {
            None => self.corroborated + self.single_source + self.contested,
            Some(ClaimStatus::Corroborated) => self.corroborated,
            Some(ClaimStatus::SingleSource) => self.single_source,
            Some(ClaimStatus::Contested) => self.contested,
        }
    }
}

/// One column: an article, or syndicated copies counted as one source (the first is the
/// earliest in the story).
#[derive(Debug)]
pub struct Source<'a> {
    pub articles: Vec<&'a ArticleInfo>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Cell<'a> {
    States(&'a Support),
    Silent,
    Contradicts(&'a ContradictionValue),
}

#[derive(Debug)]
pub struct Row<'a> {
    pub claim: &'a Claim,
    pub cells: Vec<Cell<'a>>,
}

#[derive(Debug)]
pub struct Matrix<'a> {
    pub sources: Vec<Source<'a>>,
    /// Sources left out beyond [`MAX_SOURCES`].
    pub hidden_sources: usize,
    /// The rows of the view's page.
    pub rows: Vec<Row<'a>>,
    /// Rows the view's filter keeps, over all pages.
    pub total_rows: usize,
    pub counts: ClaimCounts,
}

/// The matrix of `story` as `view` asks.
pub fn build<'a>(story: &'a StoryReport, view: &ClaimView) -> Matrix<'a> {
    let all = sources(story);
    let source_of = source_index(&all);
    let cells_of = |claim: &'a Claim| cells(story, claim, all.len(), &source_of);
    // Which columns to keep: the sources stating the most claims, in story order.
    let keep: Vec<usize> = if all.len() > MAX_SOURCES {
        let mut stated = vec![0usize; all.len()];
        for c in &story.claims {
            for (k, cell) in cells_of(c).iter().enumerate() {
                stated[k] += usize::from(*cell != Cell::Silent);
            }
        }
        let mut order: Vec<usize> = (0..all.len()).collect();
        order.sort_by_key(|&k| (std::cmp::Reverse(stated[k]), k));
        order.truncate(MAX_SOURCES);
        order.sort_unstable();
        order
    } else {
        (0..all.len()).collect()
    };
    let filtered: Vec<&Claim> = story
        .claims
        .iter()
        .filter(|c| view.status.is_none_or(|s| c.status == s))
        .collect();
    let rows = filtered
        .iter()
        .skip(view.page.saturating_mul(view.per_page))
        .take(view.per_page)
        .map(|c| {
            let cells = cells_of(c);
            Row {
                claim: c,
                cells: keep.iter().map(|&k| cells[k]).collect(),
            }
        })
        .collect();
    let hidden_sources = all.len() - keep.len();
    let mut all: Vec<Option<Source>> = all.into_iter().map(Some).collect();
    Matrix {
        sources: keep.iter().filter_map(|&k| all[k].take()).collect(),
        hidden_sources,
        rows,
        total_rows: filtered.len(),
        counts: ClaimCounts::of(&story.claims),
    }
}

/// The story's independent sources in story order: each syndication group once, at the place
/// of its first article, and every other article alone.
pub fn sources(story: &StoryReport) -> Vec<Source<'_>> {
    let group_of: HashMap<&str, usize> = story
        .syndication
        .iter()
        .enumerate()
        .flat_map(|(g, group)| group.articles.iter().map(move |a| (a.as_str(), g)))
        .collect();
    let mut out: Vec<Source> = Vec::new();
    let mut column_of_group: HashMap<usize, usize> = HashMap::new();
    for a in &story.articles {
        match group_of.get(a.id.as_str()) {
            Some(&g) => match column_of_group.get(&g) {
                Some(&k) => out[k].articles.push(a),
                None => {
                    column_of_group.insert(g, out.len());
                    out.push(Source { articles: vec![a] });
                }
            },
            None => out.push(Source { articles: vec![a] }),
        }
    }
    out
}

fn source_index<'a>(sources: &[Source<'a>]) -> HashMap<&'a str, usize> {
    sources
        .iter()
        .enumerate()
        .flat_map(|(k, s)| s.articles.iter().map(move |a| (a.id.as_str(), k)))
        .collect()
}

/// One claim's cells, one per source. A contradiction outranks a statement when copies of one
/// source disagree.
fn cells<'a>(
    story: &'a StoryReport,
    claim: &'a Claim,
    n: usize,
    source_of: &HashMap<&str, usize>,
) -> Vec<Cell<'a>> {
    let mut cells = vec![Cell::Silent; n];
    for s in &claim.support {
        if let Some(&k) = source_of.get(s.article.as_str()) {
            if cells[k] == Cell::Silent {
                cells[k] = Cell::States(s);
            }
        }
    }
    for x in story
        .contradictions
        .iter()
        .filter(|x| x.claims.contains(&claim.id))
    {
        let own = own_value(claim, &x.values);
        for v in x.values.iter().filter(|v| Some(v.value.as_str()) != own) {
            if let Some(&k) = source_of.get(v.article.as_str()) {
                cells[k] = Cell::Contradicts(v);
            }
        }
    }
    cells
}

/// The value the claim itself states: that of the article its wording comes from, else the
/// value most sources give (the first of equals).
fn own_value<'a>(claim: &Claim, values: &'a [ContradictionValue]) -> Option<&'a str> {
    let wording = claim.support.iter().find(|s| s.sentence == claim.text);
    if let Some(v) = wording.and_then(|w| values.iter().find(|v| v.article == w.article)) {
        return Some(&v.value);
    }
    let mut best: Option<(&str, usize)> = None;
    for v in values {
        let n = values.iter().filter(|w| w.value == v.value).count();
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((&v.value, n));
        }
    }
    best.map(|(v, _)| v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::{Contradiction, SyndicationGroup};

    fn article(id: &str) -> ArticleInfo {
        ArticleInfo {
            id: id.into(),
            title: None,
            outlet: None,
            source: id.into(),
            published: None,
            authors: vec![],
            removed: vec![],
            url: None,
            sentences: 1,
            copy_of: None,
        }
    }

    fn claim(id: &str, status: ClaimStatus, support: &[(&str, &str)]) -> Claim {
        Claim {
            id: id.into(),
            text: support[0].1.into(),
            status,
            independent_sources: support.len(),
            support: support
                .iter()
                .map(|(a, s)| Support {
                    article: a.to_string(),
                    sentence: s.to_string(),
                })
                .collect(),
            figures: vec![],
        }
    }

    /// Four articles, c and d copies of each other; c2 is contested: a says 10, b says 12.
    fn story() -> StoryReport {
        StoryReport {
            id: "s1".into(),
            articles: ["a", "b", "c", "d"].iter().map(|i| article(i)).collect(),
            claims: vec![
                claim("c1", ClaimStatus::Corroborated, &[("a", "A1"), ("d", "D1")]),
                claim(
                    "c2",
                    ClaimStatus::Contested,
                    &[("a", "ten"), ("b", "twelve")],
                ),
                claim("c3", ClaimStatus::SingleSource, &[("c", "C3")]),
            ],
            contradictions: vec![Contradiction {
                claims: vec!["c2".into()],
                about: "number".into(),
                values: vec![
                    ContradictionValue {
                        article: "a".into(),
                        value: "10".into(),
                        sentence: "ten".into(),
                    },
                    ContradictionValue {
                        article: "b".into(),
                        value: "12".into(),
                        sentence: "twelve".into(),
                    },
                ],
            }],
            syndication: vec![SyndicationGroup {
                id: "g1".into(),
                articles: vec!["c".into(), "d".into()],
                overlap: 0.9,
            }],
            ..Default::default()
        }
    }

    fn kinds(row: &Row) -> Vec<&'static str> {
        row.cells
            .iter()
            .map(|c| match c {
                Cell::States(_) => "states",
                Cell::Silent => "silent",
                Cell::Contradicts(_) => "contradicts",
            })
            .collect()
    }

    #[test]
    fn copies_are_one_column_and_cells_say_who_states_what() {
        let s = story();
        let m = build(&s, &ClaimView::ALL);
        let columns: Vec<Vec<&str>> = m
            .sources
            .iter()
            .map(|s| s.articles.iter().map(|a| a.id.as_str()).collect())
            .collect();
        assert_eq!(columns, [vec!["a"], vec!["b"], vec!["c", "d"]]);
        assert_eq!(kinds(&m.rows[0]), ["states", "silent", "states"]);
        // The claim's wording is a's: b's other figure contradicts it.
        assert_eq!(kinds(&m.rows[1]), ["states", "contradicts", "silent"]);
        assert_eq!(kinds(&m.rows[2]), ["silent", "silent", "states"]);
        assert_eq!(
            m.counts,
            ClaimCounts {
                corroborated: 1,
                single_source: 1,
                contested: 1
            }
        );
    }

    #[test]
    fn a_view_filters_by_status_and_pages() {
        let s = story();
        let view = ClaimView {
            status: Some(ClaimStatus::Contested),
            page: 0,
            per_page: 10,
        };
        let m = build(&s, &view);
        assert_eq!((m.rows.len(), m.total_rows), (1, 1));
        assert_eq!(m.rows[0].claim.id, "c2");
        let second = ClaimView {
            status: None,
            page: 1,
            per_page: 2,
        };
        let m = build(&s, &second);
        assert_eq!((m.rows.len(), m.total_rows), (1, 3));
        assert_eq!(m.rows[0].claim.id, "c3");
    }

    #[test]
    fn wide_stories_show_the_sources_stating_most() {
        let mut s = StoryReport::default();
        let n = MAX_SOURCES + 5;
        s.articles = (0..n).map(|i| article(&format!("x{i}"))).collect();
        // The last five articles state the most claims.
        for k in 0..3 {
            let support: Vec<(String, String)> = (n - 5..n)
                .map(|i| (format!("x{i}"), format!("s{k}")))
                .collect();
            let refs: Vec<(&str, &str)> = support
                .iter()
                .map(|(a, b)| (a.as_str(), b.as_str()))
                .collect();
            s.claims
                .push(claim(&format!("c{k}"), ClaimStatus::Corroborated, &refs));
        }
        let m = build(&s, &ClaimView::ALL);
        assert_eq!(m.sources.len(), MAX_SOURCES);
        assert_eq!(m.hidden_sources, 5);
        assert_eq!(
            m.sources.last().unwrap().articles[0].id,
            format!("x{}", n - 1)
        );
        assert!(m.rows.iter().all(|r| r.cells.len() == MAX_SOURCES));
    }
}
