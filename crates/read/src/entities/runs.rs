//! One capitalised run of tokens, read left to right: a name covering the whole run (an
//! agreement, an outlet, an organisation), else gazetteer entries, titles and name tokens in
//! turn, and a title with a country but no name as a role ("the Kazakh President").

use parallax_model::{EntityKind, MentionForm};
use parallax_text::Token;

use super::gazetteer_matches::{gazetteer_at, look_back_country, push_entry};
use super::kinds::head_kind;
use super::people::name;
use super::titles::title_at;
use super::{join, Scan, CONNECTORS, NOT_NAMES};
use crate::gazetteer::gazetteer;

/// Read one capitalised run [from, to).
pub(super) fn read_run(sc: &mut Scan<'_, '_>, from: usize, to: usize) {
    if !names_whole_run(sc, from, to) {
        read_parts(sc, from, to);
    }
}

/// A named agreement, outlet or organisation covers the whole run ("Arab Peace Initiative").
/// Returns whether it did (and was pushed).
fn names_whole_run(sc: &mut Scan<'_, '_>, from: usize, to: usize) -> bool {
    let toks = sc.toks;
    let g = gazetteer();
    let mut start = from;
    // A name starts after its article: "Joining the Abraham Accords" names "Abraham Accords".
    if let Some(the) = (from..to)
        .rev()
        .find(|&k| toks[k].text.eq_ignore_ascii_case("the"))
    {
        start = the + 1;
    } else if matches!(toks[from].text, "A" | "An") && to - from >= 2 {
        // "A Los Angeles Superior Court judge": a sentence-initial article is not the name.
        start = from + 1;
    }
    if to - start < 2 {
        return false;
    }
    let whole = join(&toks[start..to]);
    if g.get(&whole).is_some() {
        return false;
    }
    let Some(kind) = head_kind(toks[to - 1].stem_possessive()) else {
        return false;
    };
    // A leading country or demonym qualifies an organisation; keep it in the name.
    let country = g.country_of(toks[start].text).map(str::to_string);
    // Known organisations keep their gazetteer name ("US State Department").
    if let Some(e) = (start + 1..to).find_map(|k| g.get(&join(&toks[k..to]))) {
        let idx = sc.push(start, to, e.key.clone(), e.kind, MentionForm::Alias);
        sc.out[idx].title_country = country;
        return true;
    }
    if kind == EntityKind::Agreement || !NOT_NAMES.contains(toks[start].text) || to - start >= 3 {
        let idx = sc.push(start, to, whole, kind, MentionForm::Name);
        sc.out[idx].title_country = country;
        return true;
    }
    false
}

/// What the part of a run read so far says about the name that follows.
struct Pending {
    title: Option<String>,
    country: Option<String>,
    name_start: Option<usize>,
}

impl Pending {
    /// Read the name tokens gathered so far, up to `end`.
    fn flush(&mut self, sc: &mut Scan<'_, '_>, end: usize) {
        if let Some(start) = self.name_start.take() {
            name(sc, start, end, self.title.clone(), self.country.clone());
        }
    }
}

/// Gazetteer entries, titles and name tokens of a run [from, to), in turn.
fn read_parts(sc: &mut Scan<'_, '_>, from: usize, to: usize) {
    let toks = sc.toks;
    let mut p = Pending {
        title: None,
        country: look_back_country(sc, from),
        name_start: None,
    };
    let mut i = from;
    while i < to {
        let t = &toks[i];
        if let Some((n, e)) = gazetteer_at(toks, i, to) {
            p.flush(sc, i);
            if let Some(country) = push_entry(sc, i, n, to, e) {
                p.country = Some(country);
            }
            i += n;
            continue;
        }
        if let Some((n, title)) = title_at(toks, i) {
            p.flush(sc, i);
            p.title = Some(title);
            i += n;
            continue;
        }
        let outside_name = p.name_start.is_none();
        if outside_name && (CONNECTORS.contains(t.text) || NOT_NAMES.contains(t.stem_possessive()))
        {
            i += 1;
            continue;
        }
        if outside_name {
            p.name_start = Some(i);
        }
        i += 1;
    }
    if p.name_start.is_some() {
        p.flush(sc, to);
    } else if let Some(title) = p.title {
        // A role without a name: "the Kazakh President".
        if let Some(country) = p.country.filter(|_| from > 0 || toks.len() > to) {
            let (a, b) = role_span(toks, from, to);
            let idx = sc.push(
                a,
                b,
                format!("{title} of {country}"),
                EntityKind::Person,
                MentionForm::Role,
            );
            sc.out[idx].title = Some(title);
            sc.out[idx].title_country = Some(country);
        }
    }
}

/// The span of a role mention: the run without a leading "the".
fn role_span(toks: &[Token<'_>], from: usize, to: usize) -> (usize, usize) {
    let start = if toks[from].text.eq_ignore_ascii_case("the") {
        from + 1
    } else {
        from
    };
    (start.min(to - 1), to)
}
