//! The query parameters of each page and endpoint, parsed by hand so that every malformed value
//! is a 400 that says what is wrong. Unknown parameters are ignored.

use parallax_model::ClaimStatus;
use parallax_store::StorySort;

use crate::error::{Result, ServeError};

/// Stories a page, unless asked.
pub const PER_PAGE: usize = 50;
pub const MAX_PER_PAGE: usize = 200;
/// Claims a page of the matrix.
pub const CLAIMS_PER_PAGE: usize = 100;
/// Search hits shown, unless asked.
pub const HITS: usize = 50;
pub const MAX_HITS: usize = 200;
/// The longest search query taken.
pub const MAX_QUERY: usize = 500;

fn pairs(raw: Option<&str>) -> Vec<(String, String)> {
    form_urlencoded::parse(raw.unwrap_or_default().as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn get<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .rev()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// A whole number from `min` to `max`, or `default` when absent.
fn number(
    pairs: &[(String, String)],
    key: &str,
    default: usize,
    min: usize,
    max: usize,
) -> Result<usize> {
    let Some(v) = get(pairs, key) else {
        return Ok(default);
    };
    match v.parse::<usize>() {
        Ok(n) if (min..=max).contains(&n) => Ok(n),
        _ => Err(ServeError::BadRequest(format!(
            "{key} must be a whole number from {min} to {max}, not {v:?}"
        ))),
    }
}

/// `?page=1&per_page=50&sort=newest|coverage`; pages count from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ListParams {
    pub page: usize,
    pub per_page: usize,
    pub sort: StorySort,
}

impl ListParams {
    pub fn parse(raw: Option<&str>) -> Result<ListParams> {
        let p = pairs(raw);
        let sort = match get(&p, "sort") {
            None | Some("newest") => StorySort::Newest,
            Some("coverage") => StorySort::Coverage,
            Some(other) => {
                return Err(ServeError::BadRequest(format!(
                    "sort must be newest or coverage, not {other:?}"
                )))
            }
        };
        Ok(ListParams {
            page: number(&p, "page", 1, 1, 1_000_000)?,
            per_page: number(&p, "per_page", PER_PAGE, 1, MAX_PER_PAGE)?,
            sort,
        })
    }

    pub fn offset(&self) -> usize {
        (self.page - 1) * self.per_page
    }
}

pub fn sort_name(sort: StorySort) -> &'static str {
    match sort {
        StorySort::Newest => "newest",
        StorySort::Coverage => "coverage",
    }
}

/// `?status=corroborated|single_source|contested&page=1` on a story page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoryParams {
    pub status: Option<ClaimStatus>,
    pub page: usize,
}

impl StoryParams {
    pub fn parse(raw: Option<&str>) -> Result<StoryParams> {
        let p = pairs(raw);
        let status = match get(&p, "status") {
            None | Some("") | Some("all") => None,
            Some("corroborated") => Some(ClaimStatus::Corroborated),
            Some("single_source") => Some(ClaimStatus::SingleSource),
            Some("contested") => Some(ClaimStatus::Contested),
            Some(other) => {
                return Err(ServeError::BadRequest(format!(
                    "status must be all, corroborated, single_source or contested, not {other:?}"
                )))
            }
        };
        Ok(StoryParams {
            status,
            page: number(&p, "page", 1, 1, 1_000_000)?,
        })
    }

    /// The first page of every claim: the view a story page is cached in.
    pub fn is_default(&self) -> bool {
        self.status.is_none() && self.page == 1
    }
}

/// `?q=words&limit=50`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchParams {
    pub q: String,
    pub limit: usize,
}

impl SearchParams {
    /// An absent or empty query is allowed here (the page shows the form); the API refuses it.
    pub fn parse(raw: Option<&str>) -> Result<SearchParams> {
        let p = pairs(raw);
        let q = get(&p, "q").unwrap_or_default().trim().to_string();
        if q.chars().count() > MAX_QUERY {
            return Err(ServeError::BadRequest(format!(
                "a search query may have at most {MAX_QUERY} characters"
            )));
        }
        if q.chars().any(|c| c.is_control()) {
            return Err(ServeError::BadRequest(
                "a search query may not hold control characters".into(),
            ));
        }
        Ok(SearchParams {
            q,
            limit: number(&p, "limit", HITS, 1, MAX_HITS)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_values_parse_and_bad_ones_say_why() {
        let l = ListParams::parse(Some("page=2&per_page=10&sort=coverage&x=1")).unwrap();
        assert_eq!(
            (l.page, l.per_page, l.sort, l.offset()),
            (2, 10, StorySort::Coverage, 10)
        );
        assert_eq!(ListParams::parse(None).unwrap().per_page, PER_PAGE);
        for bad in [
            "page=0",
            "page=abc",
            "per_page=201",
            "sort=old",
            "page=-1",
            "page=%FF",
        ] {
            let e = ListParams::parse(Some(bad)).unwrap_err();
            assert!(matches!(e, ServeError::BadRequest(_)), "{bad}");
        }
        let s = StoryParams::parse(Some("status=contested&page=3")).unwrap();
        assert_eq!((s.status, s.page), (Some(ClaimStatus::Contested), 3));
        assert!(StoryParams::parse(Some("status=<script>")).is_err());
        let q = SearchParams::parse(Some("q=Witkoff+%22peace%22")).unwrap();
        assert_eq!(q.q, "Witkoff \"peace\"");
        assert!(SearchParams::parse(Some(&format!("q={}", "a".repeat(501)))).is_err());
        assert!(SearchParams::parse(Some("q=a%00b")).is_err());
    }
}
