//! Gazetteer entries inside a capitalised run: the longest match, the mention it makes, capitals
//! that stand for their government only when they act, and governments named by a demonym
//! ("the Kazakh government").

use parallax_model::{EntityKind, MentionForm};
use parallax_text::{Token, TokenKind, WordList};

use super::{join, Scan};
use crate::gazetteer::{gazetteer, GazetteerEntry, GazetteerForm};
use crate::wordlists::SPEECH_VERBS;

/// Words after which a capital city is a place, not its government ("flew to Washington").
static PLACE_PREPOSITIONS: WordList =
    WordList::new(include_str!("../../data/place-prepositions.txt"));
/// Lower-case nouns that, after a demonym, name a government ("the Kazakh government").
static GOVERNMENT_NOUNS: WordList = WordList::new(include_str!("../../data/government-nouns.txt"));

/// Longest gazetteer match starting at `i`.
pub(super) fn gazetteer_at(
    toks: &[Token<'_>],
    i: usize,
    limit: usize,
) -> Option<(usize, &'static GazetteerEntry)> {
    let g = gazetteer();
    if !g.starts_entry(toks[i].text) && !g.starts_entry(toks[i].stem_possessive()) {
        return None;
    }
    let max = g.max_tokens.min(limit.saturating_sub(i));
    (1..=max).rev().find_map(|n| {
        let slice = &toks[i..i + n];
        if !slice[0].is_capitalized() && !slice[0].is_all_caps() {
            return None;
        }
        g.get(&join(slice)).map(|e| (n, e))
    })
}

/// The mention form of a gazetteer surface form.
pub(super) fn form_of(f: GazetteerForm) -> MentionForm {
    match f {
        GazetteerForm::Name => MentionForm::Name,
        GazetteerForm::Alias => MentionForm::Alias,
        GazetteerForm::Demonym => MentionForm::Demonym,
        GazetteerForm::Capital => MentionForm::Metonym,
    }
}

/// The entry `e` of `n` tokens at `i`, inside a run ending at `to`: its mention, and for a
/// country the government a following noun names. Returns the country the entry names, which
/// qualifies a title after it ("Kazakhstan President").
pub(super) fn push_entry(
    sc: &mut Scan<'_, '_>,
    i: usize,
    n: usize,
    to: usize,
    e: &GazetteerEntry,
) -> Option<String> {
    let toks = sc.toks;
    let is_capital = e.form == GazetteerForm::Capital;
    let acts = is_capital && capital_acts(sc, i, i + n);
    let (key, kind, form) = if is_capital && !acts {
        (join(&toks[i..i + n]), EntityKind::Place, MentionForm::Name)
    } else {
        (e.key.clone(), e.kind, form_of(e.form))
    };
    sc.push(i, i + n, key, kind, form);
    if e.kind != EntityKind::Country || is_capital {
        return None;
    }
    // "the Kazakh government"
    if let Some(noun) = sc.lower_at(i + n) {
        if GOVERNMENT_NOUNS.contains(&noun) && i + n == to {
            let idx = sc.push(
                i,
                i + n + 1,
                government_of(&e.key),
                EntityKind::Government,
                MentionForm::Role,
            );
            sc.out[idx].title_country = Some(e.key.clone());
        }
    }
    Some(e.key.clone())
}

/// "Government of Kazakhstan", "Government of the United States".
pub(super) fn government_of(country: &str) -> String {
    let article = if country.starts_with("United ")
        || country.ends_with('s')
        || country.starts_with("Republic")
    {
        "the "
    } else {
        ""
    };
    format!("Government of {article}{country}")
}

/// A demonym just before the run, across a quotation mark ("'Israeli' Prime Minister").
pub(super) fn look_back_country(sc: &Scan<'_, '_>, from: usize) -> Option<String> {
    let toks = sc.toks;
    let mut k = from;
    while k > 0 && matches!(toks[k - 1].text, "'" | "\"") {
        k -= 1;
    }
    if k == from || k == 0 {
        return None;
    }
    gazetteer()
        .country_of(toks[k - 1].stem_possessive())
        .map(str::to_string)
}

/// A capital names its government when it acts ("Washington praised"), not after "to"/"in".
fn capital_acts(sc: &Scan<'_, '_>, from: usize, to: usize) -> bool {
    let prev = from.checked_sub(1).and_then(|i| sc.lower_at(i));
    if prev
        .as_deref()
        .is_some_and(|p| PLACE_PREPOSITIONS.contains(p))
    {
        return false;
    }
    let next = match sc.toks.get(to) {
        Some(t) if t.kind == TokenKind::Word => t.text.to_lowercase(),
        _ => return sc.toks[to - 1].text.ends_with("'s"),
    };
    if sc.toks[to - 1].text.ends_with("'s") {
        return true;
    }
    SPEECH_VERBS.contains(next.as_str())
        || matches!(
            next.as_str(),
            "has"
                | "have"
                | "had"
                | "is"
                | "was"
                | "will"
                | "would"
                | "could"
                | "should"
                | "may"
                | "might"
                | "must"
                | "can"
                | "did"
                | "does"
        )
        || (next.ends_with("ed") && next.len() > 4)
        || (next.ends_with('s')
            && !next.ends_with("ss")
            && next.len() > 3
            && !parallax_text::is_stopword(&next))
}
