//! Compare: line up what several articles about one story say.
//!
//! Architecture invariant: a pure function from read articles to a [`StoryReport`]; no I/O.
//! Every text in the report is a verbatim span of a source article (after normalisation), so
//! a reader can find it; nothing is generated.

pub mod brief;
pub mod claims;
pub mod entities;
pub mod quotes;
pub mod syndication;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use parallax_model::{
    ArticleInfo, Claim, ClaimStatus, Contradiction, ContradictionValue, Figure, FramingItem,
    FramingKind, Omission, ReadArticle, StoryReport, Support, SyndicationGroup,
};

use claims::{values_disagree, Unit};

/// Analyse one story. `id` names it in the output.
pub fn analyze_story(id: &str, articles: &[&ReadArticle]) -> StoryReport {
    let (roots, overlaps) = syndication::copy_groups(articles);
    let entities = entities::resolve_entities(articles);
    let (units, vocab) = claims::units(articles, &entities);
    let lead = claims::lead_units(articles, &units, &vocab);
    let aligned = claims::align(&units, &lead);
    let entity_terms: BTreeSet<u32> = vocab
        .iter()
        .filter(|(k, _)| k.starts_with('@'))
        .map(|(_, &v)| v)
        .collect();

    // Claims, most widely reported first; ids follow that order.
    let mut order: Vec<usize> = (0..aligned.len()).collect();
    let sources = |c: usize| -> usize {
        aligned[c]
            .units
            .iter()
            .map(|&u| roots[units[u].article])
            .collect::<BTreeSet<_>>()
            .len()
    };
    let first_pos = |c: usize| -> (usize, usize) {
        aligned[c]
            .units
            .iter()
            .map(|&u| (units[u].sentence, units[u].article))
            .min()
            .unwrap_or((0, 0))
    };
    order.sort_by_key(|&c| (std::cmp::Reverse(sources(c)), first_pos(c)));
    let claim_id: HashMap<usize, String> = order
        .iter()
        .enumerate()
        .map(|(k, &c)| (c, format!("c{}", k + 1)))
        .collect();

    let sentence = |u: &Unit| -> &str { &articles[u.article].sentences[u.sentence].text };
    let article_id = |u: &Unit| -> String { articles[u.article].id().to_string() };

    let mut contradictions = Vec::new();
    let mut contested: BTreeSet<usize> = BTreeSet::new();
    for &c in &order {
        for found in claim_contradictions(&aligned[c].units, &units, &roots, &entity_terms) {
            contested.insert(c);
            contradictions.push(Contradiction {
                claims: vec![claim_id[&c].clone()],
                about: found.about.to_string(),
                values: found
                    .values
                    .iter()
                    .map(|(u, value)| ContradictionValue {
                        article: article_id(&units[*u]),
                        value: value.clone(),
                        sentence: sentence(&units[*u]).to_string(),
                    })
                    .collect(),
            });
        }
    }

    let (quotes, actor_conflicts) = quotes::group_quotes(articles, &entities);
    for (g, _) in actor_conflicts {
        let group = &quotes[g];
        let mut seen = BTreeSet::new();
        let values: Vec<ContradictionValue> = group
            .variants
            .iter()
            .filter(|v| v.speaker.is_some() && seen.insert(v.speaker.clone()))
            .map(|v| ContradictionValue {
                article: v.article.clone(),
                value: v.speaker.clone().unwrap_or_default(),
                sentence: v.text.clone(),
            })
            .collect();
        contradictions.push(Contradiction {
            claims: Vec::new(),
            about: "actor".into(),
            values,
        });
    }

    // Who states each value anywhere in the story: a figure only one source gives stands out
    // even when the sentence around it is corroborated.
    let mut value_sources: HashMap<String, (BTreeSet<usize>, Vec<String>)> = HashMap::new();
    for u in &units {
        for q in u
            .quantities
            .iter()
            .filter(|q| !matches!(q.value, parallax_model::QuantityValue::RelativeDay { .. }))
        {
            let e = value_sources.entry(source_key(q)).or_default();
            e.0.insert(roots[u.article]);
            let id = articles[u.article].id().to_string();
            if !e.1.contains(&id) {
                e.1.push(id);
            }
        }
    }
    let mut claims_out = Vec::with_capacity(order.len());
    for &c in &order {
        let us = &aligned[c].units;
        let independent = sources(c);
        let status = if contested.contains(&c) {
            ClaimStatus::Contested
        } else if independent >= 2 {
            ClaimStatus::Corroborated
        } else {
            ClaimStatus::SingleSource
        };
        let best = brief::least_loaded(
            us.iter().map(|&u| (units[u].article, units[u].sentence)),
            articles,
        );
        claims_out.push(Claim {
            id: claim_id[&c].clone(),
            text: articles[best.0].sentences[best.1].text.clone(),
            status,
            independent_sources: independent,
            support: us
                .iter()
                .map(|&u| Support {
                    article: article_id(&units[u]),
                    sentence: sentence(&units[u]).to_string(),
                })
                .collect(),
            figures: figures(us, &units, &value_sources),
        });
    }

    let corroborated: Vec<&Claim> = claims_out
        .iter()
        .filter(|c| c.status != ClaimStatus::SingleSource)
        .collect();
    let omissions = articles
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
        .collect();

    let framing = articles
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
        .collect();

    let mut syndication = Vec::new();
    let mut groups: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    for (i, &r) in roots.iter().enumerate() {
        groups
            .entry(r)
            .or_default()
            .push(articles[i].id().to_string());
    }
    let mut copy_of: HashMap<String, String> = HashMap::new();
    for (r, members) in groups.iter().filter(|(_, m)| m.len() > 1) {
        let gid = format!("s{}", syndication.len() + 1);
        for m in members {
            copy_of.insert(m.clone(), gid.clone());
        }
        syndication.push(SyndicationGroup {
            id: gid,
            articles: members.clone(),
            overlap: (overlaps.get(r).copied().unwrap_or(1.0) * 100.0).round() / 100.0,
        });
    }

    let article_infos = articles
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
        .collect();

    let (brief, timeline) =
        brief::brief_and_timeline(articles, &claims_out, &units, &aligned, &order);
    StoryReport {
        id: id.to_string(),
        headline: brief::story_headline(articles),
        articles: article_infos,
        claims: claims_out,
        contradictions,
        quotes,
        entities: entities.list,
        framing,
        omissions,
        brief,
        timeline,
        syndication,
    }
}

struct Found {
    about: &'static str,
    values: Vec<(usize, String)>,
}

/// Contradictions inside one claim: one representative per distinct value, from independent
/// sources, so the cost is linear in the claim's support.
fn claim_contradictions(
    us: &[usize],
    units: &[Unit],
    roots: &[usize],
    entity_terms: &BTreeSet<u32>,
) -> Vec<Found> {
    let mut out = Vec::new();
    // Numbers and dates: compare sentences that give exactly one value of a kind.
    let mut reps: Vec<(usize, &parallax_model::Quantity)> = Vec::new();
    for &u in us {
        let mut by_kind: BTreeMap<String, Vec<&parallax_model::Quantity>> = BTreeMap::new();
        for q in &units[u].quantities {
            by_kind.entry(kind_key(q)).or_default().push(q);
        }
        for qs in by_kind.values().filter(|qs| qs.len() == 1) {
            let q = qs[0];
            if !reps.iter().any(|(r, rq)| {
                kind_key(rq) == kind_key(q)
                    && (values_disagree(rq, q).is_none()
                        || roots[units[*r].article] == roots[units[u].article])
            }) {
                reps.push((u, q));
            }
        }
    }
    let mut done: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (i, (ua, qa)) in reps.iter().enumerate() {
        for (ub, qb) in &reps[i + 1..] {
            if roots[units[*ua].article] == roots[units[*ub].article] || !done.insert((*ua, *ub)) {
                continue;
            }
            // Only sentences close in wording disagree about the same thing.
            if claims::cosine(&units[*ua], &units[*ub]) < claims::CONFLICT_THRESHOLD {
                continue;
            }
            if let Some(about) = values_disagree(qa, qb) {
                out.push(Found {
                    about,
                    values: vec![(*ua, qa.surface.clone()), (*ub, qb.surface.clone())],
                });
            }
        }
    }
    // Negation: the same statement with and without "not" from independent sources.
    let negated = us.iter().find(|&&u| units[u].negated);
    let plain = us.iter().find(|&&u| !units[u].negated);
    if let (Some(&n), Some(&p)) = (negated, plain) {
        if roots[units[n].article] != roots[units[p].article]
            && claims::term_overlap(&units[n], &units[p], entity_terms) >= 0.5
        {
            out.push(Found {
                about: "negation",
                values: vec![(p, "affirms".into()), (n, "denies".into())],
            });
        }
    }
    // Actor: the same statement about different people.
    let single: Vec<usize> = us
        .iter()
        .copied()
        .filter(|&u| units[u].people.len() == 1)
        .collect();
    if let Some(&a) = single.first() {
        if let Some(&b) = single.iter().find(|&&b| {
            units[b].people != units[a].people && roots[units[b].article] != roots[units[a].article]
        }) {
            let name = |u: usize| units[u].people.iter().next().cloned().unwrap_or_default();
            let (na, nb) = (name(a), name(b));
            if claims::term_overlap(&units[a], &units[b], entity_terms) >= 0.6
                && quotes::full_name(&na)
                && quotes::full_name(&nb)
                && !quotes::same_person(&na, &nb)
            {
                out.push(Found {
                    about: "actor",
                    values: vec![(a, name(a)), (b, name(b))],
                });
            }
        }
    }
    out
}

fn kind_key(q: &parallax_model::Quantity) -> String {
    use parallax_model::QuantityValue::*;
    match &q.value {
        Money { currency, .. } => format!("money:{currency}"),
        Percent { .. } => "percent".into(),
        Count { unit, .. } => format!(
            "count:{}",
            unit.as_deref().map(parallax_text::stem).unwrap_or_default()
        ),
        Year { .. } | Date { .. } => "date".into(),
        RelativeDay { .. } => "relday".into(),
        Duration { unit, .. } => format!("duration:{unit}"),
    }
}

/// Which figures count as "the same figure" when asking who gives it: counts by their number
/// alone ("51 knockouts" and "51 wins by knockout" are one figure), so a figure is never called
/// single-source while another outlet states the same number in other words.
fn source_key(q: &parallax_model::Quantity) -> String {
    match &q.value {
        parallax_model::QuantityValue::Count { value, .. } => format!("{value}"),
        _ => q.normalized(),
    }
}

/// The figures a claim's sentences give, with every article in the story that gives them.
fn figures(
    us: &[usize],
    units: &[Unit],
    value_sources: &HashMap<String, (BTreeSet<usize>, Vec<String>)>,
) -> Vec<Figure> {
    let mut by_value: BTreeMap<String, (String, String)> = BTreeMap::new();
    for &u in us {
        for q in &units[u].quantities {
            if !matches!(q.value, parallax_model::QuantityValue::RelativeDay { .. }) {
                by_value
                    .entry(q.normalized())
                    .or_insert_with(|| (q.surface.clone(), source_key(q)));
            }
        }
    }
    by_value
        .into_iter()
        .map(|(value, (surface, key))| {
            let (roots, arts) = value_sources.get(&key).cloned().unwrap_or_default();
            Figure {
                value,
                surface,
                articles: arts,
                independent_sources: roots.len(),
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::Article;
    use parallax_read::{read_article, Lexicon};

    fn story(texts: &[&str]) -> StoryReport {
        let read: Vec<ReadArticle> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| read_article(&Article::new(format!("a{i}"), *t), &Lexicon::builtin()))
            .collect();
        let refs: Vec<&ReadArticle> = read.iter().collect();
        analyze_story("s1", &refs)
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
        let r = story(&[
            "Storm hits coast\n\nWeather Desk: Storm Ida Hits Coast Overnight, Leaving Thousands Without Power (Update?)\n\nThe storm hit the coast overnight and left thousands of homes without power, the utility said. Schools in three counties stayed closed and the governor asked residents to stay off the roads.",
            "Coast storm\n\nA storm hit the coast overnight and left thousands of homes without power, according to the utility. Fishermen had brought their boats in on Sunday after warnings from the weather service.",
        ]);
        assert!(!r.brief.is_empty(), "{:#?}", r.claims);
        assert!(
            r.brief.iter().all(|b| !b.text.contains("Ida Hits")),
            "{:#?}",
            r.brief
        );
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
        let r = story(&[
            "Bridge To Reopen\nThe city will reopen the river bridge on Monday after repairs, officials said.\nTraffic had been diverted through the old town for six weeks.\nBus routes will return to normal.\n\"We will finish the work on the bridge this week.\nNothing bad is going to happen to drivers on the bridge,\" the mayor said.",
            "Bridge Reopens Monday\nThe city will reopen the river bridge on Monday after repairs, transport officials said on Friday.\nShop owners in the centre welcomed the news after weeks of lost trade.\nEngineers replaced two steel beams.\n\"We are nearly done with the bridge.\nNothing bad is going to happen to drivers on the bridge,\" the mayor told local radio.",
        ]);
        assert!(!r.brief.is_empty(), "{:#?}", r.claims);
        for b in &r.brief {
            assert!(b.text.matches('"').count() % 2 == 0, "{:?}", r.brief);
        }
    }

    #[test]
    fn a_date_without_its_year_agrees_with_the_full_date() {
        let r = story(&[
            "Turkmenistan Sets Vote\nParliamentary elections in Turkmenistan are planned for December 15, 2013, and will be held on a two-party basis, the election commission said.",
            "Two Parties In Turkmen Vote\nParliamentary elections in Turkmenistan scheduled for December 15 will be held on a two-party basis, the election commission said.",
        ]);
        assert!(r.contradictions.is_empty(), "{:?}", r.contradictions);
    }

    #[test]
    fn tense_alone_is_not_a_contradiction() {
        let r = story(&[
            "Kazakhstan To Join Accords\nKazakhstan will join the Abraham Accords, officials in Astana said on Thursday.",
            "Kazakhstan Joins Accords\nOn Thursday, Kazakhstan has joined the Abraham Accords, according to Astana officials.",
        ]);
        assert!(r.contradictions.is_empty(), "{:?}", r.contradictions);
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
