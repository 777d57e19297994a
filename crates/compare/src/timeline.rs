//! The timeline: each claim that carries a date, in date order, in the least loaded wording
//! that states the date.

use parallax_model::{Claim, QuantityValue, ReadArticle, TimelineItem};

use crate::claims::AlignedClaim;
use crate::units::Unit;
use crate::wording::least_loaded;

/// The first absolute date a sentence gives (year, year-month or day) for what it reports. A year
/// that names something ("the 2020 initiative", "the 2002 Arab Peace Initiative") dates that
/// thing, not the sentence's statement.
pub fn sentence_date(unit: &Unit, articles: &[&ReadArticle]) -> Option<String> {
    let text = &articles[unit.article].sentences[unit.sentence].text;
    unit.quantities.iter().find_map(|q| match &q.value {
        QuantityValue::Year { year } if !names_a_thing(text, q.span.start) => {
            Some(year.to_string())
        }
        QuantityValue::Date { iso, .. } if !iso.starts_with("--") => Some(iso.clone()),
        _ => None,
    })
}

/// Is the value at `start` used as a modifier after a determiner ("the 2020 initiative")?
fn names_a_thing(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or_default().trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default()
        .to_lowercase();
    matches!(
        word.as_str(),
        "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "that" | "whose"
    )
}

pub fn relative_day(unit: &Unit) -> Option<String> {
    unit.quantities.iter().find_map(|q| match &q.value {
        QuantityValue::RelativeDay { day } => Some(day.clone()),
        _ => None,
    })
}

/// A dated wording of the claim for the timeline: the least loaded sentence that carries a date,
/// so that the date shown is the one the cited sentence states.
fn dated_wording(
    members: &[usize],
    units: &[Unit],
    articles: &[&ReadArticle],
) -> Option<(String, usize, usize)> {
    let dated: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&u| sentence_date(&units[u], articles).is_some())
        .collect();
    let pool: Vec<usize> = if dated.is_empty() {
        members
            .iter()
            .copied()
            .filter(|&u| relative_day(&units[u]).is_some())
            .collect()
    } else {
        dated
    };
    if pool.is_empty() {
        return None;
    }
    let (a, s) = least_loaded(
        pool.iter().map(|&u| (units[u].article, units[u].sentence)),
        articles,
    );
    let u = *pool
        .iter()
        .find(|&&u| units[u].article == a && units[u].sentence == s)?;
    Some((
        sentence_date(&units[u], articles).or_else(|| relative_day(&units[u]))?,
        a,
        s,
    ))
}

/// The timeline of dated claims, from the claims in report order (`order` maps them to
/// `aligned`): absolute dates in order, then weekdays the articles did not let us resolve.
pub fn timeline(
    articles: &[&ReadArticle],
    claims: &[Claim],
    units: &[Unit],
    aligned: &[AlignedClaim],
    order: &[usize],
) -> Vec<TimelineItem> {
    let mut timeline = Vec::new();
    for (k, claim) in claims.iter().enumerate() {
        let members = &aligned[order[k]].units;
        if let Some((date, a, s)) = dated_wording(members, units, articles) {
            timeline.push(TimelineItem {
                date,
                text: articles[a].sentences[s].text.clone(),
                sources: sources_first(articles[a].id(), claim.support.iter().map(|s| &s.article)),
            });
        }
    }
    timeline.sort_by(|a, b| {
        let rel = |d: &str| !d.starts_with(|c: char| c.is_ascii_digit());
        rel(&a.date).cmp(&rel(&b.date)).then(a.date.cmp(&b.date))
    });
    timeline
}

/// Article ids without repeats, `first` first.
pub fn sources_first<'a>(first: &str, others: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut sources = vec![first.to_string()];
    for s in others {
        if !sources.contains(s) {
            sources.push(s.clone());
        }
    }
    sources
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_that_names_a_thing_does_not_date_the_sentence() {
        let s = "Kazakhstan said Thursday it will join the 2020 initiative, launched in 2020.";
        assert!(names_a_thing(s, s.find("2020 initiative").unwrap()));
        assert!(!names_a_thing(s, s.rfind("2020").unwrap()));
        let t = "It has held relations since 1992.";
        assert!(!names_a_thing(t, t.find("1992").unwrap()));
    }
}
