//! Units: each body sentence of a story as a weighted vector of what it says, with its
//! structure ([`crate::statement`]) and its figures.
//!
//! Terms are the sentence's concept terms ([`crate::paraphrase`]), names' words included as
//! words (measured on NeuS leads: names as words, each as rare as English makes it, tell the
//! same event from another with the same people better than one term per story entity). A term
//! weighs more the rarer it is, by two measures multiplied: in the story (smoothed IDF over its
//! sentences) and in English ([`paraphrase::rarity`]). The story alone cannot say which words
//! are common when it has three short articles; English alone cannot say which words this story
//! repeats in every sentence. Words of a scene-setting opening phrase and of an attribution tail
//! ("…, Sheriff Jon Owen said.") weigh half: they say where, when or who said it, not what.

use std::collections::{BTreeMap, BTreeSet};

use rustc_hash::FxHashMap as HashMap;

use parallax_model::{EntityKind, Mention, Quantity, ReadArticle, Sentence};
use parallax_text::lines::is_title_case;
use parallax_text::{ends_with_stop, sparse, tokenize, TokenKind, WordList};

use crate::entities::Entities;
use crate::paraphrase::{self, concept_terms};
use crate::statement::{self, Statement, Subject};

/// Sentences shorter than this (in words) are not claims.
const MIN_WORDS: usize = 5;
/// Most words of a line without a closing stop that is read as a headline, not a sentence.
const HEADLINE_WORDS: usize = 12;
/// Weight of a word in a scene-setting opening phrase.
const SETTING_WEIGHT: f64 = 0.5;

/// One sentence as a unit of comparison.
#[derive(Debug, Clone)]
pub struct Unit {
    pub article: usize,
    pub sentence: usize,
    /// Unit-length weighted terms, sorted by term id.
    pub vector: Vec<(u32, f64)>,
    pub terms: BTreeSet<u32>,
    /// Terms outside the names: what the sentence says about them.
    pub predicates: BTreeSet<u32>,
    /// Every story entity the sentence mentions (canonical names).
    pub entities: BTreeSet<String>,
    /// The people among them.
    pub people: BTreeSet<String>,
    pub statement: Statement,
    /// The named subject, or for a pronoun subject the person the previous sentence of the
    /// article names as its subject.
    pub actor: Option<String>,
    /// The actor's name as the sentence (or, for a pronoun, the previous one) writes it.
    pub actor_surface: Option<String>,
    pub quantities: Vec<Quantity>,
}

impl Unit {
    pub fn negated(&self) -> bool {
        self.statement.negated
    }
}

/// The story's body sentences as units.
pub fn units(articles: &[&ReadArticle], entities: &Entities) -> Vec<Unit> {
    let mut vocab = Vocabulary::default();
    let mut raw: Vec<RawUnit> = Vec::new();
    for (ai, a) in articles.iter().enumerate() {
        let mut previous_actor: Option<(String, String)> = None;
        for s in a.body_sentences() {
            let unit = vocab.raw_unit(ai, a, s, entities, previous_actor.take());
            previous_actor = unit.actor.clone().zip(unit.actor_surface.clone());
            if s.words.len() >= MIN_WORDS && !headline_line(&s.text, s.words.len()) {
                raw.push(unit);
            }
        }
    }
    weigh(raw, &vocab)
}

/// Term ids, given in order of first use, and each term's English rarity factor.
#[derive(Default)]
struct Vocabulary {
    ids: HashMap<String, u32>,
    rarity: Vec<f64>,
}

impl Vocabulary {
    fn id(&mut self, term: &str) -> u32 {
        if let Some(&id) = self.ids.get(term) {
            return id;
        }
        let id = self.ids.len() as u32;
        self.ids.insert(term.to_string(), id);
        self.rarity.push(paraphrase::rarity(term));
        id
    }

    /// Sentence `s` of article `ai` before weighting. `previous_actor` is the actor of the
    /// article's previous sentence, for a pronoun subject.
    fn raw_unit(
        &mut self,
        ai: usize,
        a: &ReadArticle,
        s: &Sentence,
        entities: &Entities,
        previous_actor: Option<(String, String)>,
    ) -> RawUnit {
        let mentions: Vec<&Mention> = a.mentions_in(s.index).collect();
        let terms = concept_terms(&s.words);
        let statement = statement::read(s, &mentions, entities, &terms);
        let setting = |word: usize| {
            if word < statement.clause_start || word >= statement.attribution_start {
                SETTING_WEIGHT
            } else {
                1.0
            }
        };
        let names_at = name_phrase_lengths(&s.text, &mentions);
        let in_name = |word: usize| names_at.get(word).is_some_and(|&n| n > 0);
        // A name weighs as one word, however long: "Israeli Prime Minister Benjamin Netanyahu"
        // shared by two sentences is one shared thing, not five.
        let name_share = |word: usize| match names_at.get(word) {
            Some(&n) if n > 0 => 1.0 / n as f64,
            _ => 1.0,
        };
        let mut tf: BTreeMap<u32, f64> = BTreeMap::new();
        let mut predicates = BTreeSet::new();
        // Figures are compared as values (claims give a bonus for a shared one), not as words:
        // as words, "12" and "30" would be two rare terms that make one statement look like two.
        let figure = |t: &str| !t.chars().any(char::is_alphabetic);
        for (word, term) in terms.iter().filter(|(_, t)| !figure(t)) {
            let id = self.id(term);
            *tf.entry(id).or_default() += setting(*word) * name_share(*word);
            // Who said it is not what was said.
            let attribution = *word >= statement.attribution_start;
            if !in_name(*word) && !attribution && says_something(term) {
                predicates.insert(id);
            }
        }
        let mut names = BTreeSet::new();
        let mut people = BTreeSet::new();
        for m in &mentions {
            let name = entities.canonical(&m.key).to_string();
            if m.kind == EntityKind::Person {
                people.insert(name.clone());
            }
            names.insert(name);
        }
        let (actor, actor_surface) = match &statement.subject {
            Subject::Named(n, surface) => (Some(n.clone()), Some(surface.clone())),
            Subject::Pronoun(true) => previous_actor
                .filter(|p| people_named(entities, &p.0))
                .unzip(),
            Subject::Pronoun(false) | Subject::Speaker(_) | Subject::Other => (None, None),
        };
        RawUnit {
            article: ai,
            sentence: s.index,
            tf: tf.into_iter().collect(),
            predicates,
            entities: names,
            people,
            statement,
            actor,
            actor_surface,
            quantities: a.quantities_in(s.index).cloned().collect(),
        }
    }
}

/// For each word of a sentence, how many words the name phrase it belongs to has (0 outside
/// names): a mention with the capitalised words right before it, its title ("U.S. District
/// Court Judge Sharon Gleason").
fn name_phrase_lengths(text: &str, mentions: &[&Mention]) -> Vec<usize> {
    let tokens = tokenize(text);
    // (in a mention, capitalised, punctuation right before)
    let mut words: Vec<(bool, bool, bool)> = Vec::with_capacity(tokens.len());
    let mut after_punct = false;
    for t in &tokens {
        if t.kind == TokenKind::Punct {
            after_punct = true;
            continue;
        }
        let in_mention = mentions.iter().any(|m| m.span.contains(&t.start));
        words.push((in_mention, t.is_capitalized(), after_punct));
        after_punct = false;
    }
    let mut named: Vec<bool> = words.iter().map(|w| w.0).collect();
    for i in (0..words.len().saturating_sub(1)).rev() {
        // A capitalised word joined to the name that follows it is its title.
        if named[i + 1] && !named[i] && words[i].1 && !words[i + 1].2 {
            named[i] = true;
        }
    }
    let mut lengths = vec![0; named.len()];
    let mut i = 0;
    while i < named.len() {
        if !named[i] {
            i += 1;
            continue;
        }
        let end = (i..named.len()).find(|&k| !named[k]).unwrap_or(named.len());
        lengths[i..end].fill(end - i);
        i = end;
    }
    lengths
}

/// A headline repeated in the body ("Waitrose fire in Wellington town centre tackled", "US
/// mafia godfather Gigante dies"): no closing stop, and title case or a headline's length. It
/// names the story; it is not a statement an outlet makes in its report.
fn headline_line(text: &str, words: usize) -> bool {
    !ends_with_stop(text) && (is_title_case(text) || words <= HEADLINE_WORDS)
}

/// Whether a canonical name is a person of the story (a pronoun stands for people).
fn people_named(entities: &Entities, name: &str) -> bool {
    entities
        .list
        .iter()
        .any(|e| e.name == name && e.kind == EntityKind::Person.as_str())
}

/// Counting words and figures are not what a sentence says: "the two leaders" and "the two
/// countries" share no statement.
fn says_something(term: &str) -> bool {
    static COUNTING: WordList = WordList::new(include_str!("../data/counting-stems.txt"));
    term.chars().any(char::is_alphabetic) && !COUNTING.contains(term)
}

/// A sentence before weighting.
struct RawUnit {
    article: usize,
    sentence: usize,
    tf: Vec<(u32, f64)>,
    predicates: BTreeSet<u32>,
    entities: BTreeSet<String>,
    people: BTreeSet<String>,
    statement: Statement,
    actor: Option<String>,
    actor_surface: Option<String>,
    quantities: Vec<Quantity>,
}

/// TF-IDF weights over the story's sentences, times English rarity, each vector normalised.
fn weigh(raw: Vec<RawUnit>, vocab: &Vocabulary) -> Vec<Unit> {
    let n = raw.len().max(1) as f64;
    let mut df: HashMap<u32, usize> = HashMap::default();
    for r in &raw {
        for (t, _) in &r.tf {
            *df.entry(*t).or_default() += 1;
        }
    }
    raw.into_iter()
        .map(|r| {
            let mut vector: Vec<(u32, f64)> =
                r.tf.iter()
                    .map(|&(t, f)| {
                        // Smoothed IDF (+1): words every article uses still count, since what
                        // all outlets say — the main event — is made of exactly those words.
                        let idf = ((n + 1.0) / (df[&t] as f64 + 1.0)).ln() + 1.0;
                        let tf = if f <= 1.0 { f } else { 1.0 + f.ln() };
                        (t, tf * idf * vocab.rarity[t as usize])
                    })
                    .collect();
            sparse::normalize(&mut vector);
            Unit {
                article: r.article,
                sentence: r.sentence,
                terms: vector.iter().map(|(t, _)| *t).collect(),
                vector,
                predicates: r.predicates,
                entities: r.entities,
                people: r.people,
                statement: r.statement,
                actor: r.actor,
                actor_surface: r.actor_surface,
                quantities: r.quantities,
            }
        })
        .collect()
}

/// Cosine of two units.
pub fn cosine(a: &Unit, b: &Unit) -> f64 {
    sparse::dot(&a.vector, &b.vector)
}
