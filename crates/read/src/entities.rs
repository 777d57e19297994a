//! Entity mentions in one article: people, countries, places, organisations, agreements.
//!
//! Capitalised runs of tokens are read left to right: gazetteer names (longest first), titles
//! ("Prime Minister"), and name tokens. A name becomes a person on evidence — a title, a role
//! noun, a reporting verb, an appositive — or because its surname was already seen as a person's.
//! Cross-article merging of aliases happens later, in the compare stage.

use std::collections::HashMap;

use parallax_model::{EntityKind, Mention, MentionForm, Sentence};

use crate::lexicon::{
    gazetteer, GazetteerForm, AGREEMENT_HEADS, COLLECTIVE_ACTORS, EVENT_HEADS, MEDIA_HEADS,
    NOT_NAME_SET, ORG_HEADS, PERSON_TITLES, PLACE_FIRST_WORDS, PLACE_HEADS, ROLE_NOUN_SET,
    SPEECH_VERB_SET,
};
use parallax_text::{tokenize, Token, TokenKind};

/// Words that may sit inside a name run without a capital ("Secretary of State", "al-Sharaa").
const CONNECTORS: &[&str] = &[
    "of", "for", "the", "al", "bin", "de", "van", "von", "da", "del", "la", "le", "du", "el",
];

/// Words before a capitalised run that show it is not a person's name ("of my Second Term").
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "my", "our", "your", "his", "her", "its", "their", "this", "that", "these",
    "those",
];

/// Prepositions after which a capital city is a place, not its government.
const PLACE_PREPOSITIONS: &[&str] = &[
    "to", "in", "at", "from", "into", "near", "around", "via", "visit", "toward", "towards",
    "outside", "across", "through", "over", "leave", "left", "reach", "reached", "arrived", "of",
];

/// Lower-case nouns that, after a demonym, name a government ("the Kazakh government").
const GOVERNMENT_NOUNS: &[&str] = &[
    "government",
    "authorities",
    "administration",
    "officials",
    "leadership",
    "cabinet",
];

/// Find every entity mention in the article's sentences.
pub fn find_mentions(sentences: &[Sentence]) -> Vec<Mention> {
    let tokenized: Vec<Vec<Token<'_>>> = sentences.iter().map(|s| tokenize(&s.text)).collect();
    // Pass 1: people named with strong evidence, so that later surnames can be resolved.
    let mut people: HashMap<String, String> = HashMap::new();
    let body: Vec<(&Sentence, &Vec<Token<'_>>)> = sentences
        .iter()
        .zip(&tokenized)
        .filter(|(s, _)| !s.is_heading)
        .collect();
    let first: Vec<Vec<Mention>> = body
        .iter()
        .map(|(s, toks)| scan(s, toks, &HashMap::new()))
        .collect();
    for m in first.iter().flatten() {
        if m.kind == EntityKind::Person
            && m.form == MentionForm::Name
            && (m.key.contains(' ') || m.title.is_some())
        {
            if let Some(surname) = m.key.split(' ').next_back() {
                let entry = people
                    .entry(surname.to_string())
                    .or_insert_with(|| m.key.clone());
                if m.key.len() > entry.len() {
                    *entry = m.key.clone();
                }
            }
        }
    }
    // Pass 2: only sentences with a known surname can read differently now.
    let mut out = Vec::new();
    for ((s, toks), mentions) in body.iter().zip(first) {
        if toks
            .iter()
            .any(|t| people.contains_key(t.stem_possessive()))
        {
            out.extend(scan(s, toks, &people));
        } else {
            out.extend(mentions);
        }
    }
    // Headings are title-cased, so capitals say nothing there: match only names the body used.
    let known: HashMap<String, (String, EntityKind)> = out
        .iter()
        .filter(|m| m.form != MentionForm::Role)
        .map(|m| (m.surface.clone(), (m.key.clone(), m.kind)))
        .collect();
    for (s, toks) in sentences
        .iter()
        .zip(&tokenized)
        .filter(|(s, _)| s.is_heading)
    {
        out.extend(scan_heading(s, toks, &known, &people));
    }
    out.sort_by_key(|m| (m.sentence, m.span.start));
    out
}

/// Mentions in a title-cased heading: gazetteer entries and names already seen in the body.
fn scan_heading(
    sentence: &Sentence,
    toks: &[Token<'_>],
    known: &HashMap<String, (String, EntityKind)>,
    people: &HashMap<String, String>,
) -> Vec<Mention> {
    let mut sc = Scan {
        sentence,
        toks,
        people,
        out: Vec::new(),
    };
    let mut i = 0;
    while i < toks.len() {
        let found = (1..=5.min(toks.len() - i)).rev().find_map(|n| {
            let surface = join(&toks[i..i + n]);
            if let Some((key, kind)) = known.get(&surface) {
                return Some((n, key.clone(), *kind, MentionForm::Name));
            }
            if let Some((g, e)) = gazetteer_at(toks, i, i + n).filter(|(g, _)| *g == n) {
                return Some((g, e.key.clone(), e.kind, form_of(e.form)));
            }
            (n == 1)
                .then(|| people.get(toks[i].stem_possessive()))
                .flatten()
                .map(|full| (1, full.clone(), EntityKind::Person, MentionForm::Surname))
        });
        match found {
            Some((n, key, kind, form)) => {
                sc.push(i, i + n, key, kind, form);
                i += n;
            }
            None => i += 1,
        }
    }
    sc.out
}

fn is_name_token(t: &Token<'_>) -> bool {
    t.kind == TokenKind::Word
        && (t.is_capitalized() || t.text.starts_with("al-") || t.text.starts_with("el-"))
}

fn join(tokens: &[Token<'_>]) -> String {
    let mut out = String::new();
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 && t.text != "." {
            out.push(' ');
        }
        out.push_str(if i + 1 == tokens.len() {
            t.stem_possessive()
        } else {
            t.text
        });
    }
    out
}

/// Longest title starting at `i` (in tokens), if any.
fn title_at(toks: &[Token<'_>], i: usize) -> Option<(usize, String)> {
    if !toks[i].is_capitalized() || !crate::lexicon::title_first_word(toks[i].text) {
        return None;
    }
    (1..=4).rev().find_map(|n| {
        let slice = toks.get(i..i + n)?;
        let joined = join(slice);
        if !crate::lexicon::TITLE_SET.contains(&joined) {
            return None;
        }
        PERSON_TITLES
            .iter()
            .find(|t| t.eq_ignore_ascii_case(&joined) && slice[0].is_capitalized())
            .map(|t| (n, t.to_string()))
    })
}

/// Longest gazetteer match starting at `i`.
fn gazetteer_at(
    toks: &[Token<'_>],
    i: usize,
    limit: usize,
) -> Option<(usize, &'static crate::lexicon::GazetteerEntry)> {
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

struct Scan<'a, 't> {
    sentence: &'a Sentence,
    toks: &'a [Token<'t>],
    people: &'a HashMap<String, String>,
    out: Vec<Mention>,
}

impl Scan<'_, '_> {
    fn push(
        &mut self,
        from: usize,
        to: usize,
        key: String,
        kind: EntityKind,
        form: MentionForm,
    ) -> usize {
        let start = self.toks[from].start;
        let mut end = self.toks[to - 1].end;
        let last = &self.toks[to - 1];
        if last.text.ends_with("'s") {
            end -= 2;
        }
        let text = &self.sentence.text;
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        let scare_quoted = matches!(
            (before, after),
            (Some('\''), Some('\'')) | (Some('"'), Some('"'))
        ) && text[..start]
            .chars()
            .rev()
            .nth(1)
            .is_none_or(|c| !c.is_alphanumeric());
        self.out.push(Mention {
            sentence: self.sentence.index,
            span: start..end,
            surface: text[start..end].to_string(),
            key,
            kind,
            form,
            title: None,
            title_country: None,
            scare_quoted,
        });
        self.out.len() - 1
    }

    fn lower_at(&self, i: usize) -> Option<String> {
        self.toks.get(i).map(|t| t.text.to_lowercase())
    }

    /// Evidence around a name run [from, to) that it names a person.
    fn person_evidence(&self, from: usize, to: usize) -> bool {
        let prev = from.checked_sub(1).and_then(|i| self.lower_at(i));
        let next = self.lower_at(to);
        let prev_is_role = prev.as_deref().is_some_and(|p| ROLE_NOUN_SET.contains(p));
        let next_is_speech = next.as_deref().is_some_and(|n| SPEECH_VERB_SET.contains(n));
        let prev_is_said = prev
            .as_deref()
            .is_some_and(|p| matches!(p, "said" | "says" | "told" | "by"));
        // "Rania Malki, a Middle East analyst"
        let appositive = self.toks.get(to).is_some_and(|t| t.text == ",")
            && matches!(
                self.lower_at(to + 1).as_deref(),
                Some("a" | "an" | "the" | "who")
            )
            && self.toks[to + 1..self.toks.len().min(to + 7)]
                .iter()
                .any(|t| ROLE_NOUN_SET.contains(t.text.to_lowercase().as_str()));
        prev_is_role || next_is_speech || prev_is_said || appositive
    }
}

fn scan(sentence: &Sentence, toks: &[Token<'_>], people: &HashMap<String, String>) -> Vec<Mention> {
    let mut sc = Scan {
        sentence,
        toks,
        people,
        out: Vec::new(),
    };
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        // "US-brokered", "Israel-Kazakhstan", "anti-Israel": name the gazetteer parts.
        if t.kind == TokenKind::Word
            && t.text.contains('-')
            && gazetteer().get(t.stem_possessive()).is_none()
            && t.text.split('-').any(|p| gazetteer().get(p).is_some())
        {
            hyphen_parts(&mut sc, i);
            i += 1;
            continue;
        }
        if !(is_name_token(t) || t.is_all_caps()) {
            i += 1;
            continue;
        }
        // Extent of the capitalised run, allowing connectors between capitalised words.
        let mut end = i + 1;
        while end < toks.len() {
            let w = &toks[end];
            // "George W. Bush": the dot after a middle initial stays inside the name.
            let initial_dot = w.text == "."
                && toks[end - 1].text.len() == 1
                && toks[end - 1].text.chars().all(|c| c.is_ascii_uppercase())
                && end - 1 > i
                && toks.get(end + 1).is_some_and(is_name_token);
            let joins = is_name_token(w)
                || w.is_all_caps()
                || initial_dot
                || (CONNECTORS.contains(&w.text) && toks.get(end + 1).is_some_and(is_name_token));
            if !joins {
                break;
            }
            end += 1;
            if toks[end - 1].text.ends_with("'s") {
                break;
            }
        }
        read_run(&mut sc, i, end);
        i = end;
    }
    sc.out
}

/// "US-brokered", "Israel-Kazakhstan": name the parts that are in the gazetteer.
fn hyphen_parts(sc: &mut Scan<'_, '_>, i: usize) {
    let t = &sc.toks[i];
    let mut offset = t.start;
    for part in t.text.split('-') {
        if let Some(e) = gazetteer().get(part) {
            if e.form != GazetteerForm::Capital {
                let start = offset;
                let end = offset + part.len();
                sc.out.push(Mention {
                    sentence: sc.sentence.index,
                    span: start..end,
                    surface: part.to_string(),
                    key: e.key.clone(),
                    kind: e.kind,
                    form: form_of(e.form),
                    title: None,
                    title_country: None,
                    scare_quoted: false,
                });
            }
        }
        offset += part.len() + 1;
    }
}

fn form_of(f: GazetteerForm) -> MentionForm {
    match f {
        GazetteerForm::Name => MentionForm::Name,
        GazetteerForm::Alias => MentionForm::Alias,
        GazetteerForm::Demonym => MentionForm::Demonym,
        GazetteerForm::Capital => MentionForm::Metonym,
    }
}

/// Read one capitalised run [from, to).
fn read_run(sc: &mut Scan<'_, '_>, from: usize, to: usize) {
    let toks = sc.toks;
    let g = gazetteer();
    // A named agreement or organisation covers the whole run ("Arab Peace Initiative").
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
    let last = toks[to - 1].stem_possessive();
    if to - start >= 2 {
        let whole = join(&toks[start..to]);
        if g.get(&whole).is_none() {
            let kind = if AGREEMENT_HEADS.contains(&last) {
                Some(EntityKind::Agreement)
            } else if MEDIA_HEADS.contains(&last) {
                Some(EntityKind::Media)
            } else if ORG_HEADS.contains(&last) {
                Some(EntityKind::Organisation)
            } else {
                None
            };
            if let Some(kind) = kind {
                // A leading country or demonym qualifies an organisation; keep it in the name.
                let country = g.country_of(toks[start].text).map(str::to_string);
                // Known organisations keep their gazetteer name ("US State Department").
                if let Some(e) = (start + 1..to).find_map(|k| g.get(&join(&toks[k..to]))) {
                    let idx = sc.push(start, to, e.key.clone(), e.kind, MentionForm::Alias);
                    sc.out[idx].title_country = country;
                    return;
                }
                if kind == EntityKind::Agreement
                    || !NOT_NAME_SET.contains(toks[start].text)
                    || to - start >= 3
                {
                    let idx = sc.push(start, to, whole, kind, MentionForm::Name);
                    sc.out[idx].title_country = country;
                    return;
                }
            }
        }
    }

    let mut i = from;
    let mut pending_title: Option<String> = None;
    let mut pending_country: Option<String> = look_back_country(sc, from);
    let mut name_start: Option<usize> = None;
    let flush = |sc: &mut Scan<'_, '_>,
                 ns: &mut Option<usize>,
                 end: usize,
                 title: &Option<String>,
                 country: &Option<String>| {
        if let Some(s) = ns.take() {
            name(sc, s, end, title.clone(), country.clone());
        }
    };
    while i < to {
        let t = &toks[i];
        if let Some((n, e)) = gazetteer_at(toks, i, to) {
            flush(sc, &mut name_start, i, &pending_title, &pending_country);
            let is_capital = e.form == GazetteerForm::Capital;
            let acts = is_capital && capital_acts(sc, i, i + n);
            let (key, kind, form) = if is_capital && !acts {
                (join(&toks[i..i + n]), EntityKind::Place, MentionForm::Name)
            } else {
                (e.key.clone(), e.kind, form_of(e.form))
            };
            sc.push(i, i + n, key, kind, form);
            if e.kind == EntityKind::Country && !is_capital {
                pending_country = Some(e.key.clone());
                // "the Kazakh government"
                if let Some(noun) = sc.lower_at(i + n) {
                    if GOVERNMENT_NOUNS.contains(&noun.as_str()) && i + n == to {
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
            }
            i += n;
            continue;
        }
        if let Some((n, title)) = title_at(toks, i) {
            flush(sc, &mut name_start, i, &pending_title, &pending_country);
            pending_title = Some(title);
            i += n;
            continue;
        }
        if CONNECTORS.contains(&t.text) && name_start.is_none() {
            i += 1;
            continue;
        }
        if NOT_NAME_SET.contains(t.stem_possessive()) && name_start.is_none() {
            i += 1;
            continue;
        }
        if name_start.is_none() {
            name_start = Some(i);
        }
        i += 1;
    }
    if name_start.is_some() {
        flush(sc, &mut name_start, to, &pending_title, &pending_country);
    } else if let Some(title) = pending_title {
        // A role without a name: "the Kazakh President".
        if let Some(country) = pending_country.filter(|_| from > 0 || toks.len() > to) {
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

/// "Government of Kazakhstan", "Government of the United States".
pub fn government_of(country: &str) -> String {
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
fn look_back_country(sc: &Scan<'_, '_>, from: usize) -> Option<String> {
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
        .is_some_and(|p| PLACE_PREPOSITIONS.contains(&p))
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
    SPEECH_VERB_SET.contains(next.as_str())
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

/// Name tokens [from, to): a person, a surname of a known person, an acronym, or nothing.
fn name(
    sc: &mut Scan<'_, '_>,
    from: usize,
    to: usize,
    title: Option<String>,
    country: Option<String>,
) {
    let toks = sc.toks;
    // "Tokayev Tokayev": a doubled surname is an editing slip; read it once.
    let mut end = to;
    // A name ends before a connector or a weekday ("the Steelers Sunday").
    while end > from + 1
        && (CONNECTORS.contains(&toks[end - 1].text)
            || crate::lexicon::WEEKDAY_NAMES.contains(&toks[end - 1].text))
    {
        end -= 1;
    }
    if end - from >= 2 && toks[end - 1].stem_possessive() == toks[end - 2].stem_possessive() {
        end -= 1;
    }
    let n = end - from;
    let key = join(&toks[from..end]);
    let first = &toks[from];
    let known_person = sc.people.contains_key(toks[end - 1].stem_possessive());
    if title.is_none() && !known_person {
        // "Police said": a group of actors, not a name; "County Sheriff": a role, not a name.
        if n == 1 && COLLECTIVE_ACTORS.contains(&first.text.to_lowercase().as_str())
            || n >= 2 && ROLE_NOUN_SET.contains(toks[end - 1].text.to_lowercase().as_str())
        {
            return;
        }
        if let Some(kind) = non_person_kind(&toks[from..end]) {
            sc.push(from, end, key, kind, MentionForm::Name);
            return;
        }
    }
    let sentence_initial = from == 0 || toks[..from].iter().all(|t| t.kind == TokenKind::Punct);
    let person = if n >= 2 {
        title.is_some()
            || sc.person_evidence(from, end)
            || sc.people.contains_key(toks[end - 1].stem_possessive())
            || (!sentence_initial
                && !from
                    .checked_sub(1)
                    .is_some_and(|p| DETERMINERS.contains(&toks[p].text.to_lowercase().as_str()))
                && n <= 3
                && toks[from..end]
                    .iter()
                    .all(|t| t.is_capitalized() && !t.is_all_caps() || t.text.starts_with("al-")))
    } else {
        title.is_some()
            || sc.people.contains_key(first.stem_possessive())
            || (!first.is_all_caps()
                && sc.person_evidence(from, end)
                && !parallax_text::is_stopword(&first.text.to_lowercase()))
    };
    if person {
        let (key, form) = match sc.people.get(toks[end - 1].stem_possessive()) {
            Some(full) if n == 1 => (full.clone(), MentionForm::Surname),
            _ => (key, MentionForm::Name),
        };
        // "McCluster-who": a lost space glued the next word on; the name stops at the hyphen.
        let glued = toks[end - 1]
            .text
            .rsplit_once('-')
            .filter(|(_, tail)| {
                tail.starts_with(|c: char| c.is_lowercase())
                    && tail.chars().all(char::is_alphabetic)
            })
            .map(|(_, tail)| tail.len() + 1);
        let key = match glued {
            Some(cut) if form == MentionForm::Name && key.len() > cut => {
                key[..key.len() - cut].to_string()
            }
            _ => key,
        };
        let idx = sc.push(from, end, key, EntityKind::Person, form);
        if let Some(cut) = glued {
            let m = &mut sc.out[idx];
            if m.surface.len() > cut && m.surface.ends_with(toks[end - 1].text) {
                m.span.end -= cut;
                m.surface.truncate(m.surface.len() - cut);
            }
        }
        sc.out[idx].title = title;
        sc.out[idx].title_country = country;
    } else if n == 1
        && first.is_all_caps()
        && first.text.len() <= 6
        && !NOT_NAME_SET.contains(first.text)
    {
        sc.push(
            from,
            end,
            first.text.to_string(),
            EntityKind::Organisation,
            MentionForm::Name,
        );
    }
}

/// Capitalised runs whose shape says they are a place, an event or a news outlet rather than
/// a person ("New Orleans", "Kansas City", "Academy Awards", "The Hollywood Reporter").
fn non_person_kind(run: &[Token<'_>]) -> Option<EntityKind> {
    let first = run.first()?.text.trim_end_matches('.');
    let last = run.last()?.stem_possessive();
    if MEDIA_HEADS.contains(&last) && (run.len() >= 2 || first == "The") {
        return Some(EntityKind::Media);
    }
    if run.len() < 2 {
        return None;
    }
    if EVENT_HEADS.contains(&last) {
        Some(EntityKind::Event)
    } else if ORG_HEADS.contains(&last) || last == "Survey" {
        Some(EntityKind::Organisation)
    } else if PLACE_FIRST_WORDS.contains(&first) || PLACE_HEADS.contains(&last) {
        Some(EntityKind::Place)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_events_outlets_and_groups_are_not_people() {
        let m = mentions("Lohan left a clinic in Newport Beach and flew to New Orleans before the Academy Awards, the Timaru Herald reported.\nPolice said she was fine.");
        let kind = |s: &str| m.iter().find(|x| x.0 == s).map(|x| x.2);
        assert_eq!(kind("Newport Beach"), Some(EntityKind::Place), "{m:?}");
        assert_eq!(kind("New Orleans"), Some(EntityKind::Place));
        assert_eq!(kind("Academy Awards"), Some(EntityKind::Event));
        assert_eq!(kind("Timaru Herald"), Some(EntityKind::Media));
        assert_eq!(kind("Police"), None);
        let m = mentions("A Los Angeles Superior Court judge and the County Sheriff agreed.");
        let kind = |s: &str| m.iter().find(|x| x.0 == s).map(|x| x.2);
        assert_eq!(
            kind("Los Angeles Superior Court"),
            Some(EntityKind::Organisation),
            "{m:?}"
        );
        assert_eq!(kind("County Sheriff"), None);
        let m = mentions("Officials in Los Angeles and Ontario said Mayor Karen Bass spoke.");
        let kind = |s: &str| m.iter().find(|x| x.0 == s).map(|x| x.2);
        assert_eq!(kind("Los Angeles"), Some(EntityKind::Place), "{m:?}");
        assert_eq!(kind("Ontario"), Some(EntityKind::Place));
        assert_eq!(kind("Karen Bass"), Some(EntityKind::Person));
        let m = mentions("Former President George W. Bush said it.");
        assert_eq!(m[0].1, "George W. Bush", "{m:?}");
        let m =
            mentions("District Attorney Lynne Abraham said Jackson will face the Steelers Sunday.");
        assert_eq!(m[0].1, "Lynne Abraham", "{m:?}");
        assert!(m.iter().all(|x| !x.0.contains("Sunday")), "{m:?}");
        let m = mentions("Coach Romeo Crennel praised Dexter McCluster-who scored twice.");
        assert!(
            m.iter()
                .any(|x| x.0 == "Dexter McCluster" && x.1 == "Dexter McCluster"),
            "{m:?}"
        );
        let m = mentions("He was held by the California Highway Patrol.");
        assert_eq!(m[0].2, EntityKind::Organisation, "{m:?}");
    }

    fn mentions(text: &str) -> Vec<(String, String, EntityKind, MentionForm)> {
        let sentences: Vec<Sentence> = text
            .split('\n')
            .enumerate()
            .map(|(i, t)| crate::test_sentence(i, t.to_string()))
            .collect();
        find_mentions(&sentences)
            .into_iter()
            .map(|m| (m.surface, m.key, m.kind, m.form))
            .collect()
    }

    fn keys(text: &str) -> Vec<String> {
        mentions(text)
            .into_iter()
            .map(|m| format!("{}={}", m.0, m.1))
            .collect()
    }

    #[test]
    fn titles_people_and_countries() {
        let k =
            keys("Kazakhstan President Kassym-Jomart Tokayev Tokayev contacted the White House.");
        assert_eq!(
            k,
            [
                "Kazakhstan=Kazakhstan",
                "Kassym-Jomart Tokayev=Kassym-Jomart Tokayev",
                "White House=White House"
            ]
        );
        let k =
            keys("Secretary of State Marco Rubio met Israeli PM Benjamin Netanyahu in Washington.");
        assert_eq!(
            k,
            [
                "Marco Rubio=Marco Rubio",
                "Israeli=Israel",
                "Benjamin Netanyahu=Benjamin Netanyahu",
                "Washington=Washington"
            ]
        );
    }

    #[test]
    fn surnames_resolve_to_people_seen_before() {
        let k = keys(
            "US President Donald Trump spoke.\nLater, Trump's envoy arrived and Trump said no.",
        );
        assert!(k.contains(&"Trump=Donald Trump".to_string()), "{k:?}");
        assert_eq!(
            k.iter()
                .filter(|x| x.as_str() == "Trump=Donald Trump")
                .count(),
            2
        );
    }

    #[test]
    fn capitals_act_as_governments_only_when_they_act() {
        let m = mentions("Washington praised the move.\nHe flew back to Washington tonight.");
        assert_eq!(m[0].1, "United States");
        assert_eq!(m[0].3, MentionForm::Metonym);
        assert_eq!(m[1].2, EntityKind::Place);
    }

    #[test]
    fn roles_governments_agreements_and_scare_quotes() {
        let m = mentions("the Kazakh President spoke to the Kazakh government about the Abraham Accords and the 2002 Arab Peace Initiative.");
        let keys: Vec<&str> = m.iter().map(|m| m.1.as_str()).collect();
        assert!(keys.contains(&"President of Kazakhstan"), "{keys:?}");
        assert!(keys.contains(&"Government of Kazakhstan"), "{keys:?}");
        assert!(keys.contains(&"Abraham Accords"), "{keys:?}");
        assert!(keys.contains(&"Arab Peace Initiative"), "{keys:?}");
        let s = crate::test_sentence(0, "ties with 'Israel' and the 'Israeli' Prime Minister");
        let ms = find_mentions(&[s]);
        assert!(ms
            .iter()
            .filter(|m| m.key == "Israel")
            .all(|m| m.scare_quoted));
        assert_eq!(ms.iter().filter(|m| m.key == "Israel").count(), 2);
    }

    #[test]
    fn hyphenated_and_evidence_based_people() {
        let k = keys("the US-brokered deal\n\"It is big,\" said political analyst Aidos Sarybekov.\nRania Malki, a Middle East analyst, agreed.");
        assert!(k.contains(&"US=United States".to_string()), "{k:?}");
        assert!(
            k.contains(&"Aidos Sarybekov=Aidos Sarybekov".to_string()),
            "{k:?}"
        );
        assert!(k.contains(&"Rania Malki=Rania Malki".to_string()), "{k:?}");
        let k = keys("Critics argue that Experts are wrong.");
        assert!(k.is_empty(), "{k:?}");
    }
}
