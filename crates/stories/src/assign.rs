//! The assignment of one batch: weigh it, group it with the latest earlier articles by the
//! neighbour graph, and give each group a story (see [`Clusterer::add_batch`] and the crate
//! documentation for the rules).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use parallax_text::sparse;
use rustc_hash::FxHashMap as HashMap;

use crate::clusterer::{Assignment, Clusterer};
use crate::features::Features;
use crate::graph::{self, members_by_label};
use crate::story_index::expected_cosine;
use crate::vocabulary::TermId;

/// One batch on its way into stories, beside the earlier articles the graph sees.
struct Pass<'a> {
    batch: &'a [(&'a Features, Option<u64>)],
    /// The batch's TF-IDF vectors.
    vectors: Vec<Vec<(TermId, f32)>>,
    dates: Vec<Option<NaiveDate>>,
    /// The earlier articles the graph sees, as indices into `recent`: the graph's article `k`
    /// is `context[k]` for `k < context.len()`, and the batch's article `k - context.len()`
    /// after that.
    context: Vec<usize>,
    /// Their vectors weighed with today's document frequencies.
    context_vectors: Vec<Vec<(TermId, f32)>>,
    /// Stories the graph sees less than half of: settled by articles it cannot see, their
    /// articles stay where they are, and they take new articles by their centroid (a few of a
    /// long story's latest reports must neither follow a neighbour into another story nor pull
    /// a new event into theirs).
    settled: BTreeSet<u64>,
    /// Stories a group of new articles may not join by centroid: those with an article in the
    /// graph (a group not linked to them was kept apart from them), and those a group of this
    /// batch opened or continued.
    seen: BTreeSet<u64>,
    /// Stories a group of this batch continues.
    claimed: BTreeSet<u64>,
    out: Vec<Option<Assignment>>,
}

impl Clusterer {
    /// Weigh a batch, group it with the latest earlier articles, and give each group a story.
    pub(crate) fn assign_groups(
        &mut self,
        batch: &[(&Features, Option<u64>)],
        links: &[(usize, usize)],
        tags: &[u64],
    ) -> Vec<Assignment> {
        let articles_before = self.articles;
        // Streaming IDF: the batch counts among the documents it is weighed against.
        let terms: Vec<Vec<(TermId, f32)>> = batch
            .iter()
            .map(|(f, _)| {
                self.articles += 1;
                self.vocab.count(&f.terms)
            })
            .collect();
        let vectors: Vec<Vec<(TermId, f32)>> = terms.iter().map(|t| self.vocab.weigh(t)).collect();
        let dates: Vec<Option<NaiveDate>> = batch.iter().map(|(f, _)| f.date).collect();
        self.prune_recent();
        let mut pass = self.begin_pass(batch, vectors, dates);
        let groups = self.neighbour_groups(&pass, links);
        for group in members_by_label(&groups) {
            self.assign_group(&mut pass, group);
        }
        let assigned: Vec<Assignment> = pass
            .out
            .into_iter()
            .map(|a| a.expect("every article is in a group"))
            .collect();
        self.remember_batch(terms, pass.vectors, &pass.dates, &assigned, tags);
        self.advance_counts(articles_before);
        assigned
    }

    /// The batch beside the earlier articles the graph sees: the latest `context`, still in the
    /// window and in an active story; and which of their stories are settled.
    fn begin_pass<'a>(
        &self,
        batch: &'a [(&'a Features, Option<u64>)],
        vectors: Vec<Vec<(TermId, f32)>>,
        dates: Vec<Option<NaiveDate>>,
    ) -> Pass<'a> {
        let context: Vec<usize> =
            (self.recent.len().saturating_sub(self.config.context)..self.recent.len()).collect();
        let context_vectors: Vec<Vec<(TermId, f32)>> = context
            .iter()
            .map(|&k| self.vocab.weigh(&self.recent[k].terms))
            .collect();
        let mut visible: HashMap<u64, u32> = HashMap::default();
        for &k in &context {
            *visible.entry(self.recent[k].story).or_default() += 1;
        }
        let settled: BTreeSet<u64> = visible
            .iter()
            .filter(|(id, &n)| self.stories.active.get(id).is_some_and(|s| s.size > 2 * n))
            .map(|(&id, _)| id)
            .collect();
        let seen: BTreeSet<u64> = visible
            .keys()
            .filter(|id| !settled.contains(id))
            .copied()
            .collect();
        Pass {
            out: vec![None; batch.len()],
            batch,
            vectors,
            dates,
            context,
            context_vectors,
            settled,
            seen,
            claimed: BTreeSet::new(),
        }
    }

    /// The groups of the neighbour graph over the earlier articles and the batch, numbered in
    /// order of first appearance; `links` (pairs of the batch's articles) share a group.
    fn neighbour_groups(&self, pass: &Pass, links: &[(usize, usize)]) -> Vec<usize> {
        let offset = pass.context.len();
        let all: Vec<&[(TermId, f32)]> = pass
            .context_vectors
            .iter()
            .chain(&pass.vectors)
            .map(|v| &v[..])
            .collect();
        let all_dates: Vec<Option<NaiveDate>> = pass
            .context
            .iter()
            .map(|&k| self.recent[k].date)
            .chain(pass.dates.iter().copied())
            .collect();
        let links: Vec<(usize, usize)> = links
            .iter()
            .map(|&(a, b)| (a + offset, b + offset))
            .collect();
        graph::components(
            &all,
            &all_dates,
            self.config.window_days,
            &links,
            &self.config.graph,
        )
    }

    /// Give one group of the graph (graph indices) a story, and its new articles their
    /// assignments.
    fn assign_group(&mut self, pass: &mut Pass, group: Vec<usize>) {
        let offset = pass.context.len();
        let (earlier, new): (Vec<usize>, Vec<usize>) = group.into_iter().partition(|&i| i < offset);
        let new: Vec<usize> = new.into_iter().map(|i| i - offset).collect();
        let latest = new.iter().filter_map(|&i| pass.dates[i]).max();
        self.advance_calendar(latest);
        let (earlier, settled_here) = self.movable(pass, earlier);
        if earlier.is_empty() && new.is_empty() {
            // Only articles that stay where they are.
            return;
        }
        // New articles linked both to a story the graph mostly sees and to settled ones
        // join whichever their summed vector fits best: a long story's next report often
        // links to its visible reports and to a young story's, and the young story alone
        // would take it (in small batches those reports grew a second story beside it).
        let settled_pick = if !earlier.is_empty() && !new.is_empty() && !settled_here.is_empty() {
            self.settled_fit(&new, &pass.vectors, &earlier, &pass.context, &settled_here)
        } else {
            None
        };
        let (score, story, new_story) = if let Some((score, id)) = settled_pick {
            (score, id, false)
        } else if earlier.is_empty() {
            self.choose_story(&new, pass, latest)
        } else {
            let (story, new_story) = self.continue_story(pass, &earlier, &new);
            (1.0, story, new_story)
        };
        // A story this batch opened or a group continued is the graph's; one that a group
        // joined by its centroid stays open to the batch's other groups.
        if new_story || (!earlier.is_empty() && settled_pick.is_none()) {
            pass.seen.insert(story);
        }
        for (n, &i) in new.iter().enumerate() {
            self.join(story, &pass.vectors[i], pass.dates[i]);
            pass.out[i] = Some(Assignment {
                story,
                new_story: new_story && n == 0,
                score,
            });
        }
    }

    /// Of a group's `earlier` articles (graph indices), those that may change story: not in a
    /// settled story, nor in one the window has closed; and the settled stories the others are
    /// in.
    fn movable(&self, pass: &Pass, earlier: Vec<usize>) -> (Vec<usize>, BTreeSet<u64>) {
        let active = &self.stories.active;
        let settled_here: BTreeSet<u64> = earlier
            .iter()
            .map(|&k| self.recent[pass.context[k]].story)
            .filter(|id| pass.settled.contains(id) && active.contains_key(id))
            .collect();
        let earlier: Vec<usize> = earlier
            .into_iter()
            .filter(|&k| {
                let story = self.recent[pass.context[k]].story;
                !pass.settled.contains(&story) && active.contains_key(&story)
            })
            .collect();
        (earlier, settled_here)
    }

    /// The story a group holding `earlier` articles (graph indices) continues: the one most of
    /// them are in (ties: the older story), unless another group of the batch already continues
    /// it and this one does not fit the rest of it ([`Clusterer::fits_without`]): then a new
    /// one. Its earlier articles in other stories move to it. Returns the story and whether it
    /// is new.
    fn continue_story(&mut self, pass: &mut Pass, earlier: &[usize], new: &[usize]) -> (u64, bool) {
        let mut counts: BTreeMap<u64, usize> = BTreeMap::new();
        for &k in earlier {
            *counts
                .entry(self.recent[pass.context[k]].story)
                .or_default() += 1;
        }
        let top = counts
            .iter()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
            .map(|(&id, _)| id)
            .expect("the group holds earlier articles");
        let fits = |c: &Self| {
            let earlier: Vec<usize> = earlier.iter().map(|&k| pass.context[k]).collect();
            c.fits_without(top, &earlier, new, &pass.vectors)
        };
        let (story, new_story) = if pass.claimed.contains(&top) && !fits(self) {
            (self.open_story(), true)
        } else {
            (top, false)
        };
        pass.claimed.insert(story);
        for &k in earlier {
            if self.recent[pass.context[k]].story != story {
                self.move_recent(pass.context[k], story, &pass.context_vectors[k]);
            }
        }
        (story, new_story)
    }

    /// The story for a group of new articles only: the story a member is forced into, else the
    /// most similar story the graph did not see ([`Pass::seen`]) when it clears the threshold
    /// and the cohesion rule, else a new one. Returns the score, the story, and whether it is
    /// new.
    fn choose_story(
        &mut self,
        group: &[usize],
        pass: &Pass,
        latest: Option<NaiveDate>,
    ) -> (f64, u64, bool) {
        let forced = group
            .iter()
            .filter_map(|&i| pass.batch[i].1)
            .find(|id| self.stories.active.contains_key(id));
        let chosen = match forced {
            Some(id) => Some((1.0, id)),
            None => self.stories.best(
                &summed(group, &pass.vectors),
                latest,
                &pass.seen,
                &self.config,
                &self.vocab.names,
            ),
        };
        match chosen {
            Some((score, id))
                if forced.is_some()
                    || self.stories.accepts(id, score, group.len(), &self.config) =>
            {
                (score, id, false)
            }
            _ => (0.0, self.open_story(), true),
        }
    }

    /// For a group of new articles linked both to a story the graph mostly sees and to settled
    /// stories: the settled story their summed vector fits better than the other, if any.
    fn settled_fit(
        &self,
        new: &[usize],
        vectors: &[Vec<(TermId, f32)>],
        earlier: &[usize],
        context: &[usize],
        settled_here: &BTreeSet<u64>,
    ) -> Option<(f64, u64)> {
        let v = summed(new, vectors);
        let best_other = earlier
            .iter()
            .map(|&k| self.stories.cosine(self.recent[context[k]].story, &v))
            .fold(0.0f64, f64::max);
        settled_here
            .iter()
            .map(|&id| (self.stories.cosine(id, &v), id))
            .filter(|&(score, id)| {
                score > best_other && self.stories.accepts(id, score, new.len(), &self.config)
            })
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
    }

    /// Whether a second group continuing story `id` in one batch belongs to it too: its
    /// articles (`earlier`, indices into `recent`, and `new` of the batch) fit what the story
    /// holds besides them as a group of new articles would have to ([`Clusterer::choose_story`]),
    /// with the higher share [`REGROUP_COHESION`](crate::REGROUP_COHESION).
    fn fits_without(
        &self,
        id: u64,
        earlier: &[usize],
        new: &[usize],
        vectors: &[Vec<(TermId, f32)>],
    ) -> bool {
        let story = &self.stories.active[&id];
        let mut group: HashMap<TermId, f32> = HashMap::default();
        let mut rest = story.centroid.clone();
        let mut rest_size = story.size as f64;
        for &k in earlier {
            let r = &self.recent[k];
            for (t, w) in &r.added {
                *group.entry(*t).or_default() += w;
                if r.story == id {
                    if let Some(e) = rest.get_mut(t) {
                        *e -= w;
                    }
                }
            }
            if r.story == id {
                rest_size -= 1.0;
            }
        }
        for &i in new {
            for (t, w) in &vectors[i] {
                *group.entry(*t).or_default() += w;
            }
        }
        if rest_size < 1.0 {
            return false;
        }
        let rest_norm2: f64 = rest.values().map(|w| (w.max(0.0) as f64).powi(2)).sum();
        let group_norm2: f64 = group.values().map(|w| (*w as f64).powi(2)).sum();
        let dot: f64 = group
            .iter()
            .map(|(t, w)| *w as f64 * rest.get(t).map_or(0.0, |e| e.max(0.0) as f64))
            .sum();
        let score = dot / (rest_norm2.sqrt() * group_norm2.sqrt()).max(1e-9);
        let g = (earlier.len() + new.len()) as f64;
        score >= self.config.threshold
            && score >= self.config.regroup_cohesion * expected_cosine(rest_norm2, rest_size, g)
    }
}

/// The unit vector along the sum of the `group`'s vectors.
fn summed(group: &[usize], vectors: &[Vec<(TermId, f32)>]) -> Vec<(TermId, f32)> {
    if let [one] = group {
        // A group of one is its own unit vector: nothing to sum.
        return vectors[*one].clone();
    }
    let mut sum: HashMap<TermId, f32> = HashMap::default();
    for &i in group {
        for (t, w) in &vectors[i] {
            *sum.entry(*t).or_default() += w;
        }
    }
    let mut v: Vec<(TermId, f32)> = sum.into_iter().collect();
    sparse::normalize(&mut v);
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::ClusterConfig;
    use crate::eval;
    use crate::test_support::plain;

    /// Reports of two fights of one champion, which share most of their words; then unrelated
    /// news to make a full batch.
    fn two_fights() -> (Vec<Features>, Vec<usize>) {
        let shared = [
            "Wladimir Klitschko retained his heavyweight title belts on Saturday night.",
            "The Ukrainian champion dominated the challenger from the opening bell.",
            "The crowd cheered as the referee waved the heavyweight fight off.",
            "Klitschko extended his winning streak and kept his heavyweight belts.",
            "Klitschko landed his jab at will and the challenger never found his range.",
        ];
        let own = [
            [
                "Klitschko stopped Hasim Rahman in the seventh round in Mannheim.",
                "Rahman, a former champion, barely landed a punch in Mannheim.",
            ],
            [
                "Klitschko stopped Tony Thompson in the sixth round in Bern.",
                "Thompson, the American southpaw, was down in the fifth in Bern.",
            ],
        ];
        let mut texts = Vec::new();
        let mut gold = Vec::new();
        for (event, lines) in own.iter().enumerate() {
            for k in 0..12 {
                // Each report has both of its event's own lines, leading with either.
                let mut text = format!("{} {}", lines[k % 2], lines[(k + 1) % 2]);
                for j in 0..2 {
                    text.push(' ');
                    text.push_str(shared[(k + j) % shared.len()]);
                }
                texts.push(text);
                gold.push(event);
            }
        }
        // Unrelated news: nothing but a verb in common (a shared template of several words
        // gives cosines of 0.3–0.4, which is one story).
        for k in 0..90 {
            texts.push(format!(
                "Person{k} met envoy{k} in city{k} about treaty{k}."
            ));
            gold.push(2 + k);
        }
        let features = texts.iter().map(|t| plain(t)).collect();
        (features, gold)
    }

    #[test]
    fn a_batch_keeps_two_events_of_one_kind_apart() {
        let (features, gold) = two_fights();
        let items: Vec<(&Features, Option<u64>)> = features.iter().map(|f| (f, None)).collect();
        let mut batch = Clusterer::new(ClusterConfig::default());
        let tags: Vec<u64> = (0..items.len() as u64).collect();
        let stories: Vec<u64> = batch
            .add_batch(&items, &[], &tags)
            .iter()
            .map(|a| a.story)
            .collect();
        let f1 = |got: &[u64]| {
            let got: Vec<i64> = got.iter().map(|&s| s as i64).collect();
            let gold: Vec<i64> = gold.iter().map(|&g| g as i64).collect();
            eval::bcubed(&gold, &got).f1
        };
        assert!(f1(&stories) > 0.99, "{stories:?}");
        // One at a time, the first report of the second fight joins the first fight (nothing
        // else is near it yet); the reports that follow take it back to their own story.
        let mut one = Clusterer::new(ClusterConfig::default());
        let mut streamed: Vec<u64> = Vec::new();
        let mut moved = 0;
        for f in &features {
            streamed.push(one.add(f, None).story);
            for m in one.take_moved() {
                streamed[m.tag as usize] = m.story;
                moved += 1;
            }
            if streamed.len() == 13 {
                assert_eq!(streamed[12], streamed[0], "{streamed:?}");
            }
        }
        assert!(moved >= 1);
        assert!(f1(&streamed) > 0.99, "{streamed:?}");
    }

    #[test]
    fn a_long_story_keeps_its_latest_reports_when_the_graph_sees_little_of_it() {
        let config = ClusterConfig {
            context: 30,
            ..ClusterConfig::default()
        };
        let mut c = Clusterer::new(config);
        let mut tag = 0u64;
        let mut feed = |c: &mut Clusterer, texts: Vec<String>| -> Vec<u64> {
            let f: Vec<Features> = texts.iter().map(|t| plain(t)).collect();
            let items: Vec<(&Features, Option<u64>)> = f.iter().map(|f| (f, None)).collect();
            let tags: Vec<u64> = (0..items.len() as u64).map(|k| tag + k).collect();
            tag += items.len() as u64;
            c.add_batch(&items, &[], &tags)
                .iter()
                .map(|a| a.story)
                .collect()
        };
        // A protest reported 40 times; its last report also speaks of a heatwave elsewhere.
        let mut protest: Vec<String> = (0..39)
            .map(|k| format!("Protesters marched through Vitor on Monday against the new tax, organiser Ana Loel said, and police counted marchers{k} near the town hall."))
            .collect();
        protest.push("Protesters marched through Vitor on Monday against the new tax, organiser Ana Loel said, as a heatwave hit Mora.".into());
        let a = feed(&mut c, protest);
        assert!(a.iter().all(|&s| s == a[0]), "{a:?}");
        feed(
            &mut c,
            (0..20)
                .map(|k| format!("Council{k} approved budget{k} for harbour{k}."))
                .collect(),
        );
        let heat = |k: usize| {
            format!("A heatwave in Mora sent temperatures to record highs on Tuesday, and hospitals treated heatstroke patients{k}, officials said.")
        };
        let b = feed(&mut c, (0..8).map(heat).collect());
        assert!(b.iter().all(|&s| s == b[0] && s != a[0]), "{b:?}");
        // The graph now sees one protest report of 40, near the heatwave reports: it stays.
        feed(&mut c, vec![heat(8)]);
        assert_eq!(c.take_moved(), vec![]);
    }
}
