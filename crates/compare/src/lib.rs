//! Compare: line up what several articles about one story say.
//!
//! [`analyze_story`] is a pipeline: syndicated copies ([`syndication`]), entities merged across
//! articles ([`entities`]), sentences aligned into claims ([`claims`]), contradictions inside
//! claims and between quotes ([`contradictions`]), quotes grouped across outlets ([`quotes`]),
//! the figures each claim gives ([`figures`]), what each article leaves out, framing, and the
//! brief and timeline ([`brief`]). [`eval`] scores a brief against a reference summary (ROUGE).
//!
//! Architecture invariant: a pure function from read articles to a [`StoryReport`]; no I/O.
//! Every text in the report is a verbatim span of a source article (after normalisation), so
//! a reader can find it; nothing is generated.

pub mod brief;
pub mod claims;
pub mod contradictions;
pub mod entities;
pub mod eval;
pub mod figure_conflicts;
pub mod figures;
pub mod headline;
pub mod lead;
pub mod members;
pub mod paraphrase;
pub mod quote_conflicts;
pub mod quotes;
pub mod standalone;
pub mod statement;
pub mod support;
pub mod syndication;
pub mod timeline;
pub mod units;
pub mod wording;

use std::collections::{BTreeSet, HashMap};

use parallax_model::{
    ArticleInfo, Claim, ClaimStatus, FramingItem, FramingKind, Omission, ReadArticle, StoryReport,
    Support,
};

use claims::AlignedClaim;
use figures::ValueSources;
use units::Unit;

/// Analyse one story. `id` names it in the output.
pub fn analyze_story(id: &str, articles: &[&ReadArticle]) -> StoryReport {
    let (roots, overlaps) = syndication::copy_groups(articles);
    let entities = entities::resolve_entities(articles);
    let units = units::units(articles, &entities);
    let main = lead::main_event(articles, &units);
    let aligned = claims::align(&units, &main.joined);
    let order = ClaimOrder::new(&aligned, &units, &roots);
    let (mut contradictions, contested) =
        contradictions::within_claims(articles, &units, &aligned, &order, &roots);
    let (quotes, actor_conflicts) = quotes::group_quotes(articles, &entities);
    contradictions.extend(quote_conflicts::between_quotes(
        articles,
        &quotes,
        &actor_conflicts,
    ));
    let value_sources = figures::value_sources(articles, &units, &roots);
    let story = Story {
        articles,
        units: &units,
        aligned: &aligned,
        roots: &roots,
    };
    let claims = story.claims(&order, &contested, &value_sources);
    let (syndication, copy_of) = syndication::syndication_groups(articles, &roots, &overlaps);
    let brief = brief::brief(&brief::BriefInput {
        articles,
        claims: &claims,
        units: &units,
        aligned: &aligned,
        order: &order.order,
        main: &main,
        support: &support::Support::new(articles),
    });
    let timeline = timeline::timeline(articles, &claims, &units, &aligned, &order.order);
    StoryReport {
        id: id.to_string(),
        headline: headline::story_headline(articles),
        articles: article_infos(articles, &copy_of),
        omissions: omissions(articles, &claims),
        claims,
        contradictions,
        quotes,
        entities: entities.list,
        framing: framing_items(articles),
        brief,
        timeline,
        syndication,
    }
}

/// The claims in output order, most widely reported first, and their ids ("c1", "c2", …) in
/// that order.
pub struct ClaimOrder {
    /// Indices into the aligned claims.
    pub order: Vec<usize>,
    /// Aligned claim index → id.
    pub ids: HashMap<usize, String>,
}

impl ClaimOrder {
    fn new(aligned: &[AlignedClaim], units: &[Unit], roots: &[usize]) -> ClaimOrder {
        let first_pos = |c: usize| -> (usize, usize) {
            aligned[c]
                .units
                .iter()
                .map(|&u| (units[u].sentence, units[u].article))
                .min()
                .unwrap_or((0, 0))
        };
        let mut order: Vec<usize> = (0..aligned.len()).collect();
        order.sort_by_key(|&c| {
            (
                std::cmp::Reverse(independent_sources(&aligned[c], units, roots)),
                first_pos(c),
            )
        });
        let ids = order
            .iter()
            .enumerate()
            .map(|(k, &c)| (c, format!("c{}", k + 1)))
            .collect();
        ClaimOrder { order, ids }
    }
}

/// How many copy groups (independent sources) state a claim.
fn independent_sources(claim: &AlignedClaim, units: &[Unit], roots: &[usize]) -> usize {
    claim
        .units
        .iter()
        .map(|&u| roots[units[u].article])
        .collect::<BTreeSet<_>>()
        .len()
}

/// The story as aligned: articles, their sentences as units, the claims, the copy groups.
struct Story<'a> {
    articles: &'a [&'a ReadArticle],
    units: &'a [Unit],
    aligned: &'a [AlignedClaim],
    roots: &'a [usize],
}

impl Story<'_> {
    /// The claims of the report, in `order`: status, the least loaded wording, support, figures.
    fn claims(
        &self,
        order: &ClaimOrder,
        contested: &BTreeSet<usize>,
        value_sources: &ValueSources,
    ) -> Vec<Claim> {
        let (articles, units) = (self.articles, self.units);
        let mut claims = Vec::with_capacity(order.order.len());
        for &c in &order.order {
            let us = &self.aligned[c].units;
            let independent = independent_sources(&self.aligned[c], units, self.roots);
            let status = if contested.contains(&c) {
                ClaimStatus::Contested
            } else if independent >= 2 {
                ClaimStatus::Corroborated
            } else {
                ClaimStatus::SingleSource
            };
            let best = wording::least_loaded(
                us.iter().map(|&u| (units[u].article, units[u].sentence)),
                articles,
            );
            claims.push(Claim {
                id: order.ids[&c].clone(),
                text: articles[best.0].sentences[best.1].text.clone(),
                status,
                independent_sources: independent,
                support: us
                    .iter()
                    .map(|&u| {
                        let a = articles[units[u].article];
                        Support {
                            article: a.id().to_string(),
                            sentence: a.sentences[units[u].sentence].text.clone(),
                        }
                    })
                    .collect(),
                figures: figures::figures(us, units, value_sources),
            });
        }
        claims
    }
}

/// For each article, the claims that other sources corroborate and it does not report.
fn omissions(articles: &[&ReadArticle], claims: &[Claim]) -> Vec<Omission> {
    let corroborated: Vec<&Claim> = claims
        .iter()
        .filter(|c| c.status != ClaimStatus::SingleSource)
        .collect();
    articles
        .iter()
        .map(|a| Omission {
            article: a.id().to_string(),
            claims: corroborated
                .iter()
                .filter(|c| !c.support.iter().any(|s| s.article == a.id()))
                .map(|c| c.id.clone())
                .collect(),
        })
        .filter(|o| !o.claims.is_empty())
        .collect()
}

/// The framing marks of every article, with their sentences.
fn framing_items(articles: &[&ReadArticle]) -> Vec<FramingItem> {
    articles
        .iter()
        .flat_map(|a| {
            a.framing.iter().map(move |f| FramingItem {
                article: a.id().to_string(),
                kind: f.kind.as_str().to_string(),
                text: f.text.clone(),
                sentence: a.sentences[f.sentence].text.clone(),
                category: f.category.clone(),
            })
        })
        .collect()
}

/// What the report says about each article; `copy_of` maps a copied article to its group.
fn article_infos(
    articles: &[&ReadArticle],
    copy_of: &rustc_hash::FxHashMap<String, String>,
) -> Vec<ArticleInfo> {
    articles
        .iter()
        .map(|a| ArticleInfo {
            id: a.id().to_string(),
            title: a.headline.clone(),
            outlet: a.article.outlet.clone(),
            source: a.article.source.clone(),
            published: a.article.published.clone(),
            authors: a.article.authors.clone(),
            removed: a.removed.clone(),
            url: a.article.url.clone(),
            sentences: a.body_sentences().count(),
            copy_of: copy_of.get(a.id()).cloned(),
        })
        .collect()
}

/// Framing kinds in output order.
pub fn framing_kinds() -> [FramingKind; 3] {
    [
        FramingKind::ScareQuote,
        FramingKind::Distancing,
        FramingKind::Loaded,
    ]
}

/// Articles "a0", "a1", … of the given texts, read (for tests).
#[cfg(test)]
pub(crate) fn test_read(texts: &[&str]) -> Vec<ReadArticle> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let article = parallax_model::Article::new(format!("a{i}"), *t);
            parallax_read::read_article(&article, &parallax_read::Lexicon::builtin())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn story(texts: &[&str]) -> StoryReport {
        let read = crate::test_read(texts);
        let refs: Vec<&ReadArticle> = read.iter().collect();
        analyze_story("s1", &refs)
    }

    /// The story of `texts`, which must have no contradictions.
    fn no_contradictions(texts: &[&str]) -> StoryReport {
        let r = story(texts);
        assert!(r.contradictions.is_empty(), "{:?}", r.contradictions);
        r
    }

    /// The sentences of the brief of a story of `texts`, which must not be empty.
    fn brief_of(texts: &[&str]) -> Vec<String> {
        let r = story(texts);
        assert!(!r.brief.is_empty(), "{:#?}", r.claims);
        r.brief.into_iter().map(|b| b.text).collect()
    }

    #[test]
    fn leads_that_state_the_headline_event_are_one_claim() {
        let r = story(&[
            "Ruritania to join trade pact\n\nRuritania said on Monday it will join the Baltic trade pact, a move its neighbours called overdue and that will reshape grain exports across the region.\n\nThe pact was signed in 1998.",
            "Ruritania joins trade pact after long talks\n\nAfter two decades of on-and-off negotiations with the founding members, Ruritania has agreed to join the trade pact, officials confirmed.\n\nFarmers expect lower tariffs.",
            "Ruritania will join trade pact, minister says\n\nThe weather in the capital was mild on Monday.\n\nRuritania is set to join the trade pact by spring, according to the foreign minister speaking to journalists.",
        ]);
        let lead = &r.claims[0];
        assert_eq!(lead.independent_sources, 3, "{:#?}", r.claims);
        assert!(lead
            .support
            .iter()
            .all(|s| s.sentence.contains("join") && s.sentence.contains("pact")));
        assert_eq!(r.brief[0].claim.as_deref(), Some(lead.id.as_str()));
    }

    #[test]
    fn sentences_that_share_only_names_are_different_claims() {
        let r = story(&[
            "Fire at the mill\n\n\"The whole roof was ablaze within a minute,\" Sheriff Jon Owen said. The mill had stood empty since 1990.",
            "Mill burns\n\n\"We will find out who did this,\" Sheriff Jon Owen said. Investigators were still at the scene on Sunday.",
            "Old mill lost\n\nThe roof was ablaze within a minute, Sheriff Jon Owen said. Nobody was hurt.",
        ]);
        let with_owen: Vec<&Claim> = r
            .claims
            .iter()
            .filter(|c| c.support.iter().any(|s| s.sentence.contains("Owen")))
            .collect();
        let find = |a: &str, text: &str| {
            with_owen
                .iter()
                .position(|c| {
                    c.support
                        .iter()
                        .any(|s| s.article == a && s.sentence.contains(text))
                })
                .unwrap()
        };
        assert_eq!(find("a0", "ablaze"), find("a2", "ablaze"), "{with_owen:#?}");
        assert_ne!(
            find("a0", "ablaze"),
            find("a1", "find out"),
            "{with_owen:#?}"
        );
    }

    #[test]
    fn names_that_take_the_article_are_not_people() {
        let r = story(&[
            "Sox bid\n\nThe offer from the Red Sox is the largest, agent Scott Boras said. Boston manager Terry Francona declined to comment, and the Red Sox said talks would go on.",
            "Teixeira talks\n\nThe Red Sox made an offer to Mark Teixeira, Scott Boras said on Monday.",
        ]);
        let kind = |n: &str| {
            r.entities
                .iter()
                .find(|e| e.name == n)
                .map(|e| e.kind.clone())
        };
        assert_eq!(
            kind("Red Sox").as_deref(),
            Some("organisation"),
            "{:?}",
            r.entities
        );
        assert_eq!(kind("Scott Boras").as_deref(), Some("person"));
    }

    #[test]
    fn headline_style_lines_are_not_chosen_for_the_brief() {
        let brief = brief_of(&[
            "Storm hits coast\n\nWeather Desk: Storm Ida Hits Coast Overnight, Leaving Thousands Without Power (Update?)\n\nThe storm hit the coast overnight and left thousands of homes without power, the utility said. Schools in three counties stayed closed and the governor asked residents to stay off the roads.",
            "Coast storm\n\nA storm hit the coast overnight and left thousands of homes without power, according to the utility. Fishermen had brought their boats in on Sunday after warnings from the weather service.",
        ]);
        assert!(brief.iter().all(|b| !b.contains("Ida Hits")), "{brief:#?}");
    }

    #[test]
    fn differing_figures_are_a_contradiction() {
        let r = story(&[
            "Quake Hits Chile\nThe earthquake in northern Chile killed 12 people on Monday, regional officials said.",
            "Chile Quake Toll\nThe earthquake in northern Chile killed 30 people on Monday, regional officials said.",
        ]);
        let c = r
            .contradictions
            .iter()
            .find(|c| c.about == "number")
            .expect("a number contradiction");
        let values: Vec<&str> = c.values.iter().map(|v| v.value.as_str()).collect();
        assert_eq!(values, ["12", "30"]);
        assert_eq!(r.claims[0].status, ClaimStatus::Contested);
    }

    #[test]
    fn pieces_of_a_quotation_stay_out_of_the_brief() {
        // One sentence per line, as some sources deliver text: the quotation is broken in two.
        let brief = brief_of(&[
            "Bridge To Reopen\nThe city will reopen the river bridge on Monday after repairs, officials said.\nTraffic had been diverted through the old town for six weeks.\nBus routes will return to normal.\n\"We will finish the work on the bridge this week.\nNothing bad is going to happen to drivers on the bridge,\" the mayor said.",
            "Bridge Reopens Monday\nThe city will reopen the river bridge on Monday after repairs, transport officials said on Friday.\nShop owners in the centre welcomed the news after weeks of lost trade.\nEngineers replaced two steel beams.\n\"We are nearly done with the bridge.\nNothing bad is going to happen to drivers on the bridge,\" the mayor told local radio.",
        ]);
        assert!(
            brief.iter().all(|b| b.matches('"').count() % 2 == 0),
            "{brief:?}"
        );
    }

    #[test]
    fn a_date_without_its_year_agrees_with_the_full_date() {
        no_contradictions(&[
            "Turkmenistan Sets Vote\nParliamentary elections in Turkmenistan are planned for December 15, 2013, and will be held on a two-party basis, the election commission said.",
            "Two Parties In Turkmen Vote\nParliamentary elections in Turkmenistan scheduled for December 15 will be held on a two-party basis, the election commission said.",
        ]);
    }

    #[test]
    fn tense_alone_is_not_a_contradiction() {
        let r = no_contradictions(&[
            "Kazakhstan To Join Accords\nKazakhstan will join the Abraham Accords, officials in Astana said on Thursday.",
            "Kazakhstan Joins Accords\nOn Thursday, Kazakhstan has joined the Abraham Accords, according to Astana officials.",
        ]);
        assert_eq!(r.claims[0].status, ClaimStatus::Corroborated);
        assert_eq!(r.claims[0].independent_sources, 2);
    }

    #[test]
    fn negation_is_a_contradiction() {
        let r = story(&[
            "Minister Resigns\nThe finance minister resigned on Friday after the budget vote, his office confirmed.",
            "Minister Stays\nAfter losing the budget vote, the finance minister did not resign on Friday, according to his office.",
        ]);
        assert!(
            r.contradictions.iter().any(|c| c.about == "negation"),
            "{:?}",
            r.contradictions
        );
    }

    #[test]
    fn syndicated_copies_count_once() {
        let wire = "Floods Hit Valencia\nHeavy rain caused floods across Valencia on Tuesday, forcing thousands of residents to leave their homes, emergency services said. Rescue teams worked through the night to reach villages cut off by the water. The regional government opened shelters in schools and sports halls.";
        let copy = wire.replace(
            "emergency services said",
            "emergency services told reporters",
        );
        let r = story(&[wire, &copy, "Valencia Floods\nFloods across Valencia on Tuesday forced thousands of residents to leave their homes, according to emergency services."]);
        assert_eq!(r.syndication.len(), 1);
        assert_eq!(r.syndication[0].articles, ["a0", "a1"]);
        let c = r
            .claims
            .iter()
            .find(|c| c.support.len() == 3)
            .expect("the flood claim in all three");
        assert_eq!(c.independent_sources, 2, "the copy is not a second source");
        assert_eq!(r.articles[1].copy_of.as_deref(), Some("s1"));
    }
}
