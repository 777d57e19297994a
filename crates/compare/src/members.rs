//! What a claim's sentences have in common, kept as they join: whether one more sentence states
//! the same fact ([`Members::admits`]) then costs the same however many sentences the claim
//! has. Walking every member for every candidate sentence made a story of 400 articles, whose
//! main claim holds hundreds of sentences, cost the square of its size.
//!
//! Two sentences state one fact only with the same actor (or one of them names none), no
//! different step of one process, and the step the claim's sentences agree on, if any.

use std::collections::BTreeSet;

use crate::statement::{different_steps, Subject};
use crate::units::Unit;

type Steps = Vec<(u16, u16)>;

/// Who acts in a member, as [`Members::all_same_actor`] compares it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Acting {
    /// A named actor (canonical name).
    Named(String),
    /// No name: a description, by the clause's first words ("the finance minister").
    Described(Vec<String>),
    /// No name, and no description the rules can compare (a pronoun, a speaker).
    Unknown,
}

/// A claim's sentences, summarised.
#[derive(Debug, Clone, Default)]
pub struct Members {
    count: usize,
    /// The distinct process steps of the members.
    steps: BTreeSet<Steps>,
    /// The steps every member names; `None` before the first member.
    common: Option<Steps>,
    actors: BTreeSet<String>,
    /// The members' actors as written (of members with an actor).
    surfaces: BTreeSet<String>,
    /// The story entities the members mention.
    entities: BTreeSet<String>,
    negated: bool,
    affirmed: bool,
    acting: BTreeSet<Acting>,
}

impl Members {
    pub fn of<'a>(members: impl IntoIterator<Item = &'a Unit>) -> Members {
        let mut m = Members::default();
        for u in members {
            m.push(u);
        }
        m
    }

    pub fn push(&mut self, u: &Unit) {
        self.count += 1;
        self.steps.insert(u.statement.steps.clone());
        self.common = Some(match self.common.take() {
            None => u.statement.steps.clone(),
            Some(c) => c
                .into_iter()
                .filter(|s| u.statement.steps.contains(s))
                .collect(),
        });
        if let Some(a) = &u.actor {
            self.actors.insert(a.clone());
            self.surfaces.extend(u.actor_surface.iter().cloned());
        }
        self.entities.extend(u.entities.iter().cloned());
        self.negated |= u.negated();
        self.affirmed |= !u.negated();
        self.acting.insert(match &u.actor {
            Some(a) => Acting::Named(a.clone()),
            None if u.statement.subject == Subject::Other => {
                Acting::Described(u.statement.head.clone())
            }
            None => Acting::Unknown,
        });
    }

    /// The steps every member names, when two or more agree: one sentence's verb is one
    /// outlet's wording; two that agree make it the claim's step.
    fn core_steps(&self) -> &[(u16, u16)] {
        match &self.common {
            Some(c) if self.count >= 2 => c,
            _ => &[],
        }
    }

    /// Whether the claim has a step and `u` names it.
    pub fn shares_core_step(&self, u: &Unit) -> bool {
        self.core_steps()
            .iter()
            .any(|s| u.statement.steps.contains(s))
    }

    /// Whether `u` may state the same fact as every member, polarity aside: no different step
    /// of one process, the claim's step if it has one ("Williams died in her sleep", not
    /// "Williams starred in aquatic musicals"), and the same actor or one of them names none.
    pub fn admits(&self, u: &Unit) -> bool {
        if self
            .steps
            .iter()
            .any(|s| different_steps(s, &u.statement.steps))
            || !(self.core_steps().is_empty() || self.shares_core_step(u))
        {
            return false;
        }
        let Some(actor) = &u.actor else {
            return true;
        };
        if self.actors.is_empty() || self.one_person(actor, u.actor_surface.as_deref()) {
            return true;
        }
        // Different named actors state one fact only when each sentence names the other's actor
        // too ("Obama assailed Trump" / "Trump was assailed by Obama").
        self.entities.contains(actor) && self.actors.iter().any(|a| u.entities.contains(a))
    }

    /// Whether a member's actor is `actor`: the same story entity, or names that can only be one
    /// person as written ("Vincent Gigante" / "Vincent \"The Chin\" Gigante") when the story's
    /// entities keep them apart.
    fn one_person(&self, actor: &str, surface: Option<&str>) -> bool {
        self.actors.contains(actor)
            || surface.is_some_and(|s| self.surfaces.iter().any(|m| same_name(m, s)))
    }

    /// Whether some member's polarity differs from `u`'s.
    pub fn polarity_differs(&self, u: &Unit) -> bool {
        if u.negated() {
            self.affirmed
        } else {
            self.negated
        }
    }

    /// Whether every member names `u`'s actor: the same named actor, or no name and the same
    /// words for it ("the finance minister").
    pub fn all_same_actor(&self, u: &Unit) -> bool {
        self.acting.iter().all(|a| match a {
            Acting::Named(x) => u.actor.as_ref() == Some(x),
            Acting::Described(head) => {
                u.actor.is_none()
                    && u.statement.subject == Subject::Other
                    && &u.statement.head == head
            }
            Acting::Unknown => false,
        })
    }
}

/// Two written names of one person: the same surname and the same first name, or no first name
/// in one of them.
fn same_name(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace() || c == '"')
            .filter(|w| !w.is_empty())
            .map(|w| w.trim_end_matches("'s").to_lowercase())
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    match (wa.split_last(), wb.split_last()) {
        (Some((la, ra)), Some((lb, rb))) => {
            la == lb && (ra.is_empty() || rb.is_empty() || ra.first() == rb.first())
        }
        _ => false,
    }
}

/// Whether unit `u` may state the same fact as every unit of `members`, polarity aside
/// ([`Members::admits`]).
pub fn same_fact<'a>(members: impl IntoIterator<Item = &'a Unit>, u: &Unit) -> bool {
    Members::of(members).admits(u)
}
