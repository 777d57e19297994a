//! The neutral brief: chosen, never written — every sentence is a sentence of a source article,
//! cited.
//!
//! It opens with the main event: the main claim ([`crate::lead`]) in its best wording, or, when
//! no two articles state the main event alike, the most central lead, marked single-source — a
//! reader always learns what happened. Then the corroborated claims, most widely reported first,
//! each when it adds something the brief has not said ([`NOVELTY`]) and some wording of it reads
//! on its own ([`crate::standalone`]): no pronoun subject, no "the official said", no quotation
//! line without its speaker. Among a claim's wordings the least loaded, most typical one is
//! shown.

use std::collections::BTreeSet;

use parallax_model::{BriefItem, Claim, ClaimStatus, FramingKind, ReadArticle};

use parallax_text::ends_with_stop;
use parallax_text::lines::is_title_case;

use crate::claims::AlignedClaim;
use crate::lead::MainEvent;
use crate::standalone::{dependence, Dependence};
use crate::support::Support;
use crate::timeline::{relative_day, sentence_date, sources_first};
use crate::units::Unit;
use crate::wording::marks;

/// Most sentences in the brief after the main event: the story's own facts, then background.
const BRIEF_FURTHER: usize = 3;
const BRIEF_CONTEXT: usize = 2;
/// A brief of fewer sentences takes the single-source sentence that most of the other articles'
/// words support, when one adds something and reads on its own: three short reports that each
/// add their own angle still give the reader more than one sentence.
const BRIEF_MIN: usize = 2;
/// Least cosine of a single-source sentence with the other articles' sentences for the brief to
/// take it: what no other outlet touches on is one outlet's angle ("desperate attempts … hit a
/// new low"), not the story.
const SINGLE_SOURCE_SUPPORT: f64 = 0.1;
/// Share of a sentence's weight (its terms, by their weight in it) that the brief must not have
/// said yet for the sentence to add something.
const NOVELTY: f64 = 0.5;
/// How much a wording's support (how much of it other articles say) outweighs one unit of
/// [`marks`]: among clean wordings, the one that carries most of what the sources share.
const SUPPORT_WEIGHT: f64 = 1.0;
/// How much naming the subject ("Tara Reid has checked into …") outweighs one unit of [`marks`]
/// against a description ("The American Pie actress and velvet-rope fixture has …").
const NAMED_SUBJECT_BONUS: f64 = 1.0;

/// The story as the brief reads it.
pub struct BriefInput<'a> {
    pub articles: &'a [&'a ReadArticle],
    /// The report's claims, in order; `order[k]` is claim `k`'s index in `aligned`.
    pub claims: &'a [Claim],
    pub units: &'a [Unit],
    pub aligned: &'a [AlignedClaim],
    pub order: &'a [usize],
    pub main: &'a MainEvent,
    pub support: &'a Support,
}

/// A sentence chosen for the brief, with what it covers.
struct Chosen {
    item: BriefItem,
    /// The unit its sentence is.
    unit: usize,
    /// Terms of every wording of its claim: what the brief has said.
    said: BTreeSet<u32>,
    /// Stems of its words: what it has named, for a later "the ruling".
    named: BTreeSet<String>,
    /// Context (background) goes after the story's own facts; the key orders each part.
    context: bool,
    key: String,
}

/// The brief: the main event first, then what else the sources corroborate.
pub fn brief(input: &BriefInput<'_>) -> Vec<BriefItem> {
    let mut chosen: Vec<Chosen> = Vec::new();
    let main_claim = input.main_claim();
    if let Some(first) = main_claim
        .and_then(|k| input.chosen(k, &chosen))
        .or_else(|| input.single_source_lead(&chosen))
    {
        chosen.push(first);
    }
    let (mut further, mut context) = (0, 0);
    for k in 0..input.claims.len() {
        if Some(k) == main_claim || input.claims[k].status == ClaimStatus::SingleSource {
            continue;
        }
        let Some(c) = input.chosen(k, &chosen) else {
            continue;
        };
        let count = if c.context {
            &mut context
        } else {
            &mut further
        };
        if *count
            < if c.context {
                BRIEF_CONTEXT
            } else {
                BRIEF_FURTHER
            }
        {
            *count += 1;
            chosen.push(c);
        }
    }
    if chosen.len() < BRIEF_MIN {
        chosen.extend(input.best_single_source(&chosen));
    }
    let mut rest: Vec<Chosen> = chosen.split_off(chosen.len().min(1));
    rest.sort_by(|a, b| (a.context, &a.key).cmp(&(b.context, &b.key)));
    chosen.into_iter().chain(rest).map(|c| c.item).collect()
}

impl BriefInput<'_> {
    /// The report index of the main claim: the claim the joined leads open, else the claim of
    /// the most central lead when other sources state it too.
    fn main_claim(&self) -> Option<usize> {
        let unit = self
            .main
            .joined
            .first()
            .or_else(|| self.main.leads.first())?;
        let k = self
            .order
            .iter()
            .position(|&c| self.aligned[c].units.contains(unit))?;
        (self.claims[k].status != ClaimStatus::SingleSource).then_some(k)
    }

    /// The single-source sentence closest to what the other articles say (cosine with the sum
    /// of their sentences), among those that read on their own and add to `chosen`.
    fn best_single_source(&self, chosen: &[Chosen]) -> Option<Chosen> {
        let mut by_article: Vec<Vec<(u32, f64)>> = vec![Vec::new(); self.articles.len()];
        let mut total: Vec<(u32, f64)> = Vec::new();
        for u in self.units {
            by_article[u.article] = crate::lead::add(&by_article[u.article], &u.vector, 1.0);
            total = crate::lead::add(&total, &u.vector, 1.0);
        }
        let named: BTreeSet<String> = chosen.iter().flat_map(|c| c.named.clone()).collect();
        let said: BTreeSet<u32> = chosen.iter().flat_map(|c| c.said.clone()).collect();
        let mut best: Option<(f64, usize, usize)> = None;
        for (k, claim) in self.claims.iter().enumerate() {
            if claim.status != ClaimStatus::SingleSource {
                continue;
            }
            for &u in &self.aligned[self.order[k]].units {
                let unit = &self.units[u];
                let mut others = crate::lead::add(&total, &by_article[unit.article], -1.0);
                parallax_text::sparse::normalize(&mut others);
                let support = parallax_text::sparse::dot(&unit.vector, &others);
                if support >= SINGLE_SOURCE_SUPPORT
                    && best.is_none_or(|b| support > b.0)
                    && self.reads_alone(u, &named)
                    && self.adds_to(u, &said, chosen)
                {
                    best = Some((support, u, k));
                }
            }
        }
        let (_, u, k) = best?;
        let members = &self.aligned[self.order[k]].units;
        let (context, key) = self.place_in_story(members);
        Some(self.item(u, members, &self.claims[k], context, key))
    }

    /// Claim `k` as a brief sentence, if some wording of it reads on its own, adds to what
    /// `chosen` says and carries no scare quotes or distancing words.
    fn chosen(&self, k: usize, chosen: &[Chosen]) -> Option<Chosen> {
        let members = &self.aligned[self.order[k]].units;
        let named: BTreeSet<String> = chosen.iter().flat_map(|c| c.named.clone()).collect();
        let u = self.best_wording(members, &named)?;
        let said: BTreeSet<u32> = chosen.iter().flat_map(|c| c.said.clone()).collect();
        if !self.adds_to(u, &said, chosen) {
            return None;
        }
        let claim = &self.claims[k];
        let (context, key) = self.place_in_story(members);
        Some(self.item(u, members, claim, context, key))
    }

    /// The main event when no two sources state it alike: the most central lead that reads on
    /// its own, single-source; failing that, the first sentence of any article that does, and
    /// failing that the most central lead as it is — a brief is never empty.
    fn single_source_lead(&self, chosen: &[Chosen]) -> Option<Chosen> {
        let named: BTreeSet<String> = chosen.iter().flat_map(|c| c.named.clone()).collect();
        let u = self
            .main
            .leads
            .iter()
            .copied()
            .find(|&u| self.reads_alone(u, &named))
            .or_else(|| (0..self.units.len()).find(|&u| self.reads_alone(u, &named)))
            .or_else(|| self.main.leads.first().copied())?;
        let k = self
            .order
            .iter()
            .position(|&c| self.aligned[c].units.contains(&u))?;
        let members = &self.aligned[self.order[k]].units;
        Some(self.item(u, members, &self.claims[k], false, String::new()))
    }

    fn item(
        &self,
        u: usize,
        members: &[usize],
        claim: &Claim,
        context: bool,
        key: String,
    ) -> Chosen {
        let (a, s) = (self.units[u].article, self.units[u].sentence);
        let article = self.articles[a];
        let sentence = &article.sentences[s];
        Chosen {
            unit: u,
            item: BriefItem {
                text: sentence.text.clone(),
                sources: sources_first(article.id(), claim.support.iter().map(|s| &s.article)),
                claim: Some(claim.id.clone()),
                status: claim.status,
            },
            said: members
                .iter()
                .flat_map(|&m| self.units[m].terms.iter().copied())
                .collect(),
            named: sentence
                .words
                .iter()
                .map(|w| crate::paraphrase::word_stem(w))
                .collect(),
            context,
            key,
        }
    }

    /// The wording of a claim for the brief: among its sentences that read on their own (given
    /// what the brief has `named`) and carry no scare quotes or distancing words, the one with
    /// the fewest marks against it and the most support.
    fn best_wording(&self, members: &[usize], named: &BTreeSet<String>) -> Option<usize> {
        members
            .iter()
            .copied()
            .filter(|&u| self.reads_alone(u, named))
            .map(|u| {
                let (a, s) = (self.units[u].article, self.units[u].sentence);
                // A wording that names who acts reads on its own better than "the actress".
                let named = if self.units[u].actor.is_some() {
                    NAMED_SUBJECT_BONUS
                } else {
                    0.0
                };
                (
                    marks(self.articles[a], s)
                        - SUPPORT_WEIGHT * self.support.of(self.articles, u, self.units)
                        - named,
                    s,
                    a,
                    u,
                )
            })
            .min_by(|x, y| x.0.total_cmp(&y.0).then((x.1, x.2).cmp(&(y.1, y.2))))
            .map(|x| x.3)
    }

    /// Whether unit `u` can stand in the brief: a whole sentence outside a list, reading on its
    /// own (a thing it points back to counts as introduced when the brief `named` it), with no
    /// scare quotes or distancing words.
    fn reads_alone(&self, u: usize, named: &BTreeSet<String>) -> bool {
        let (a, s) = (self.units[u].article, self.units[u].sentence);
        let article = self.articles[a];
        let free = match dependence(article, s) {
            None => true,
            Some(Dependence::Anaphoric(noun)) => named.contains(&noun),
            Some(_) => false,
        };
        let sentence = &article.sentences[s];
        // A line with no closing stop is a headline or kicker repeated in the body ("Navy foils
        // pirate attack") or a broken sentence: the brief wants whole sentences.
        let whole = ends_with_stop(&sentence.text) && !is_title_case(&sentence.text);
        free && whole
            && !sentence.in_list
            && !article
                .framing
                .iter()
                .any(|f| f.sentence == s && f.kind != FramingKind::Loaded)
    }

    /// Whether unit `u` adds to the brief: most of its weight on terms the brief has not `said`,
    /// and not the same step by the same actor as a chosen sentence ("has died" / "died in her
    /// sleep aged 91").
    fn adds_to(&self, u: usize, said: &BTreeSet<u32>, chosen: &[Chosen]) -> bool {
        let unit = &self.units[u];
        let new: f64 = unit
            .vector
            .iter()
            .filter(|(t, _)| !said.contains(t))
            .map(|(_, w)| w * w)
            .sum();
        let repeats_step = chosen.iter().any(|c| {
            let other = &self.units[c.unit];
            other.actor == unit.actor
                && other
                    .statement
                    .steps
                    .iter()
                    .any(|s| unit.statement.steps.contains(s))
        });
        new >= NOVELTY && !repeats_step
    }

    /// Whether a claim is context rather than the story's own news, and the key that orders it
    /// among its kind: background by date, the news by where it sits in its articles.
    ///
    /// Context is what happened before the story's own time: before the publication year when
    /// articles carry dates; otherwise any fact dated by an explicit year (news dates the event
    /// itself by weekday or "today", and the background by year). Without a year, position
    /// decides: news puts the event first, background later.
    fn place_in_story(&self, members: &[usize]) -> (bool, String) {
        let (units, articles) = (self.units, self.articles);
        let published_year = articles
            .iter()
            .filter_map(|a| a.article.published_date.map(chrono_year))
            .max();
        let dates: Vec<String> = members
            .iter()
            .filter(|&&u| relative_day(&units[u]).is_none())
            .filter_map(|&u| sentence_date(&units[u], articles))
            .collect();
        let year = dates
            .first()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse::<i32>().ok())
            .filter(|_| dates.len() * 2 > members.len());
        let position = members
            .iter()
            .map(|&u| {
                units[u].sentence as f64 / articles[units[u].article].sentences.len().max(1) as f64
            })
            .sum::<f64>()
            / members.len().max(1) as f64;
        let context = match (year, published_year) {
            (Some(y), Some(p)) => y < p,
            (Some(_), None) => true,
            _ => position > 0.5,
        };
        if context {
            (true, dates.first().cloned().unwrap_or_default())
        } else {
            (false, format!("{position:.3}"))
        }
    }
}

fn chrono_year(d: chrono::NaiveDate) -> i32 {
    use chrono::Datelike;
    d.year()
}
