//! The neutral brief, the timeline and the story headline — all chosen, never written: every
//! text is a sentence of a source article.

use std::collections::BTreeSet;

use parallax_model::{
    BriefItem, Claim, ClaimStatus, FramingKind, QuantityValue, ReadArticle, TimelineItem,
};
use parallax_text::lines::is_title_case;
use parallax_text::{content_terms, ends_with_stop, WordList};

use crate::claims::{AlignedClaim, Unit};

/// Most sentences in the brief: the main event, then context.
const BRIEF_MAIN: usize = 4;
const BRIEF_CONTEXT: usize = 3;
/// Sentences that open with these need earlier sentences to make sense.
static DEPENDENT_OPENERS: WordList = WordList::new(include_str!("../data/dependent-openers.txt"));

/// How loaded a sentence is: framing marks weigh most; quotes and length a little.
pub fn loadedness(article: &ReadArticle, sentence: usize) -> f64 {
    let s = &article.sentences[sentence];
    let marks: f64 = article
        .framing
        .iter()
        .filter(|f| f.sentence == sentence)
        .map(|f| match f.kind {
            FramingKind::ScareQuote | FramingKind::Distancing => 3.0,
            FramingKind::Loaded => 2.0,
        })
        .sum();
    let words = s.words.len() as f64;
    let quoted = if s.text.contains('"') { 1.0 } else { 0.0 };
    let dependent = if opens_dependent(&s.text) { 1.5 } else { 0.0 };
    // A line with no closing stop is a headline or kicker repeated in the body ("Navy foils
    // pirate attack") or a broken sentence: the brief wants whole sentences.
    let unfinished = if ends_with_stop(&s.text) && !is_title_case(&s.text) {
        0.0
    } else {
        2.0
    };
    marks + quoted + dependent + unfinished + (words / 40.0)
}

fn opens_dependent(text: &str) -> bool {
    let lower = text.trim_start_matches(['"', '\'']).to_lowercase();
    DEPENDENT_OPENERS
        .iter()
        .any(|o| lower.starts_with(o) && lower[o.len()..].starts_with([' ', ',', '\'']))
}

/// The least loaded of several (article, sentence) wordings; ties go to the earliest.
pub fn least_loaded(
    candidates: impl Iterator<Item = (usize, usize)>,
    articles: &[&ReadArticle],
) -> (usize, usize) {
    candidates
        .map(|(a, s)| (loadedness(articles[a], s), s, a))
        .min_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)))
        .map(|(_, s, a)| (a, s))
        .unwrap_or((0, 0))
}

/// The story's headline: the article headline sharing the most words with the other articles,
/// preferring the less loaded.
pub fn story_headline(articles: &[&ReadArticle]) -> String {
    let bodies: Vec<rustc_hash::FxHashSet<&str>> = articles
        .iter()
        .map(|a| {
            a.body_sentences()
                .flat_map(|s| s.terms.iter().map(String::as_str))
                .collect()
        })
        .collect();
    articles
        .iter()
        .enumerate()
        .filter_map(|(i, a)| a.headline.as_ref().map(|h| (i, h)))
        .map(|(i, h)| {
            let terms: BTreeSet<String> = content_terms(h).into_iter().collect();
            let support: usize = bodies
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, b)| terms.iter().filter(|t| b.contains(t.as_str())).count())
                .sum();
            let loaded = articles[i]
                .framing
                .iter()
                .filter(|f| {
                    articles[i]
                        .sentences
                        .get(f.sentence)
                        .is_some_and(|s| s.is_heading)
                })
                .count();
            (
                support as f64 / (terms.len() as f64).sqrt().max(1.0) - loaded as f64,
                i,
                h,
            )
        })
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
        .map(|(_, _, h)| h.clone())
        .or_else(|| {
            articles
                .first()
                .and_then(|a| a.body_sentences().next())
                .map(|s| s.text.clone())
        })
        .unwrap_or_default()
}

/// The first absolute date a sentence gives (year, year-month or day) for what it reports. A year
/// that names something ("the 2020 initiative", "the 2002 Arab Peace Initiative") dates that
/// thing, not the sentence's statement.
fn sentence_date(unit: &Unit, articles: &[&ReadArticle]) -> Option<String> {
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

fn relative_day(unit: &Unit) -> Option<String> {
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

/// The brief (main event first, then context, each in story order) and the timeline of dated
/// claims, from the claims in report order (`order` maps them to `aligned`).
pub fn brief_and_timeline(
    articles: &[&ReadArticle],
    claims: &[Claim],
    units: &[Unit],
    aligned: &[AlignedClaim],
    order: &[usize],
) -> (Vec<BriefItem>, Vec<TimelineItem>) {
    // The story's own time: the latest year any article states or was published in.
    let published_year = articles
        .iter()
        .filter_map(|a| a.article.published_date.map(chrono_year))
        .max();
    let mut main = Vec::new();
    let mut context = Vec::new();
    let mut timeline = Vec::new();
    let mut used_terms: Vec<BTreeSet<String>> = Vec::new();
    for (k, claim) in claims.iter().enumerate() {
        let members = &aligned[order[k]].units;
        let dated = dated_wording(members, units, articles);
        let date = dated
            .as_ref()
            .map(|d| d.0.clone())
            .filter(|d| d.starts_with(|c: char| c.is_ascii_digit()));
        let ((ai, si), fragment_only) = brief_wording(members, units, articles);
        let text = articles[ai].sentences[si].text.clone();
        let sources = sources_first(articles[ai].id(), claim.support.iter().map(|s| &s.article));
        if let Some((d, a, s)) = dated {
            timeline.push(TimelineItem {
                date: d,
                text: articles[a].sentences[s].text.clone(),
                sources: sources_first(articles[a].id(), sources.iter()),
            });
        }
        if fragment_only || stays_out(claim, members, (ai, si), units, articles) {
            continue;
        }
        // Skip a claim whose chosen wording repeats one already in the brief.
        let terms: BTreeSet<String> = content_terms(&text).into_iter().collect();
        if used_terms
            .iter()
            .any(|t| t.intersection(&terms).count() * 3 >= terms.len().max(1) * 2)
        {
            continue;
        }
        let (is_context, position) =
            place_in_story(members, units, articles, date.as_deref(), published_year);
        let item = BriefItem {
            text,
            sources,
            claim: Some(claim.id.clone()),
        };
        let (list, cap) = if is_context {
            (&mut context, BRIEF_CONTEXT)
        } else {
            (&mut main, BRIEF_MAIN)
        };
        if list.len() < cap {
            used_terms.push(terms);
            let key = if is_context {
                date
            } else {
                Some(format!("{position:.3}"))
            };
            list.push((key, item));
        }
    }
    context.sort_by(|a, b| a.0.cmp(&b.0));
    main.sort_by(|a, b| a.0.cmp(&b.0));
    let brief = main.into_iter().chain(context).map(|(_, i)| i).collect();
    // Absolute dates in order, then weekdays the articles did not let us resolve.
    timeline.sort_by(|a, b| {
        let rel = |d: &str| !d.starts_with(|c: char| c.is_ascii_digit());
        rel(&a.date).cmp(&rel(&b.date)).then(a.date.cmp(&b.date))
    });
    (brief, timeline)
}

/// Article ids without repeats, `first` first.
fn sources_first<'a>(first: &str, others: impl Iterator<Item = &'a String>) -> Vec<String> {
    let mut sources = vec![first.to_string()];
    for s in others {
        if !sources.contains(s) {
            sources.push(s.clone());
        }
    }
    sources
}

/// Whether a claim stays out of the brief (it is still listed among the claims): one source
/// only, only list items, or a chosen wording marked by scare quotes or distancing words — a
/// neutral brief leaves out a fact when its least loaded wording still carries them.
fn stays_out(
    claim: &Claim,
    members: &[usize],
    (ai, si): (usize, usize),
    units: &[Unit],
    articles: &[&ReadArticle],
) -> bool {
    claim.status == ClaimStatus::SingleSource
        || members
            .iter()
            .all(|&u| articles[units[u].article].sentences[units[u].sentence].in_list)
        || articles[ai]
            .framing
            .iter()
            .any(|f| f.sentence == si && f.kind != FramingKind::Loaded)
}

/// The wording of a claim for the brief: the least loaded of its sentences outside lists that
/// are not pieces of a longer quotation. Also says whether only such pieces were left.
fn brief_wording(
    members: &[usize],
    units: &[Unit],
    articles: &[&ReadArticle],
) -> ((usize, usize), bool) {
    let wordings: Vec<(usize, usize)> = members
        .iter()
        .map(|&u| (units[u].article, units[u].sentence))
        .filter(|&(a, s)| !articles[a].sentences[s].in_list)
        .collect();
    // A sentence with an odd number of quotation marks is a piece of a longer quotation
    // (`Nothing bad is going to happen."`): it cannot stand alone in the brief.
    let whole: Vec<(usize, usize)> = wordings
        .iter()
        .copied()
        .filter(|&(a, s)| {
            articles[a].sentences[s]
                .text
                .matches('"')
                .count()
                .is_multiple_of(2)
        })
        .collect();
    let fragment_only = whole.is_empty();
    let chosen = least_loaded(
        if fragment_only { wordings } else { whole }.into_iter(),
        articles,
    );
    (chosen, fragment_only)
}

/// Whether a claim is context rather than the main event, and where it sits in its articles
/// (0 at the start, 1 at the end). `date` is the claim's absolute date, if any.
///
/// Context is what happened before the story's own time: before the publication year when
/// articles carry dates; otherwise any fact dated by an explicit year (news dates the event
/// itself by weekday or "today", and the background by year). Without a year, position decides:
/// news puts the event first, background later.
fn place_in_story(
    members: &[usize],
    units: &[Unit],
    articles: &[&ReadArticle],
    date: Option<&str>,
    published_year: Option<i32>,
) -> (bool, f64) {
    let dated_by_year = members
        .iter()
        .filter(|&&u| {
            sentence_date(&units[u], articles).is_some() && relative_day(&units[u]).is_none()
        })
        .count();
    let year = date
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse::<i32>().ok())
        .filter(|_| dated_by_year * 2 > members.len());
    let position = members
        .iter()
        .map(|&u| {
            units[u].sentence as f64 / articles[units[u].article].sentences.len().max(1) as f64
        })
        .sum::<f64>()
        / members.len().max(1) as f64;
    let is_context = match (year, published_year) {
        (Some(y), Some(p)) => y < p,
        (Some(_), None) => true,
        _ => position > 0.5,
    };
    (is_context, position)
}

fn chrono_year(d: chrono::NaiveDate) -> i32 {
    use chrono::Datelike;
    d.year()
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
