//! Story-level entities: mentions from all articles merged into entities with aliases.
//!
//! People merge by surname when their given names agree (or one is missing, or they differ by a
//! spelling variant: "Kassym-Jomart" / "Kasym-Jomart"); role mentions ("the Kazakh President")
//! join the one person holding that title for that country; gazetteer entities merge by key.
//! A "person" named mostly after "the" ("the Red Sox") is an organisation. Then other aliases
//! join their names (`aliases`): spellings, acronyms, short forms.

mod aliases;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use parallax_model::{EntityInfo, EntityKind, Mention, MentionForm, ReadArticle};

use aliases::{alias_targets, NameInfo};

/// Resolved entities and, for every reader key, the entity it names.
#[derive(Debug, Default)]
pub struct Entities {
    pub list: Vec<EntityInfo>,
    by_key: HashMap<String, usize>,
}

impl Entities {
    /// The entity a reader key resolves to (same key in every article after resolution).
    pub fn resolve(&self, key: &str) -> Option<&EntityInfo> {
        self.by_key.get(key).map(|&i| &self.list[i])
    }

    pub fn canonical<'a>(&'a self, key: &'a str) -> &'a str {
        self.resolve(key).map_or(key, |e| e.name.as_str())
    }
}

/// Suffixes after a surname ("Cyrus Vance Jr"), which are not the surname.
const NAME_SUFFIXES: [&str; 7] = ["Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"];

/// The name without a suffix after the surname.
fn without_suffix(key: &str) -> &str {
    match key.rsplit_once(' ') {
        Some((rest, last)) if NAME_SUFFIXES.contains(&last) => rest,
        _ => key,
    }
}

fn surname(key: &str) -> &str {
    let key = without_suffix(key);
    key.rsplit(' ').next().unwrap_or(key)
}

fn given(key: &str) -> Option<&str> {
    without_suffix(key).rsplit_once(' ').map(|(g, _)| g)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}

fn same_given_name(a: &str, b: &str) -> bool {
    // Middle initials come and go: "Cyrus R. Vance" / "Cyrus Vance".
    let first_names = |g: &str| -> String {
        g.split(' ')
            .filter(|w| !(w.len() <= 2 && w.ends_with('.')))
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let (a, b) = (first_names(a), first_names(b));
    a == b
        || a.starts_with(&b)
        || b.starts_with(&a)
        || edit_distance(&a, &b) <= 2.min(a.len().min(b.len()) / 4 + 1)
}

/// An entity being merged: kind, surfaces with counts, articles, mention count.
type Merged = (EntityKind, BTreeMap<String, usize>, BTreeSet<String>, usize);

/// What the articles say about one reader key.
struct KeyStats {
    kind: EntityKind,
    /// Surface forms and how often each occurs.
    surfaces: BTreeMap<String, usize>,
    articles: BTreeSet<String>,
    mentions: usize,
    /// (lower-case title, country) pairs the key's name mentions carry.
    titles: BTreeSet<(String, String)>,
    /// Name mentions, and how many of them follow "the".
    names: usize,
    after_the: usize,
    /// A country qualifies a body's name ("US Census Bureau").
    country_qualified: bool,
}

/// A role mention: its key, title and country ("President of Kazakhstan", "President",
/// "Kazakhstan").
type Role = (String, String, String);

/// Merge the mentions of all articles into the story's entities.
pub fn resolve_entities(articles: &[&ReadArticle]) -> Entities {
    let (keys, roles) = key_stats(articles);
    // Reader key → the key of the entity it joins.
    let mut target = merge_people(&keys, &roles);
    // Roles: the one person with that title for that country.
    for (key, title, country) in &roles {
        let holders: BTreeSet<String> = keys
            .iter()
            .filter(|(_, acc)| {
                acc.kind == EntityKind::Person
                    && acc
                        .titles
                        .contains(&(title.to_lowercase(), country.clone()))
            })
            .map(|(k, _)| target.get(k).cloned().unwrap_or_else(|| k.clone()))
            .collect();
        if holders.len() == 1 {
            target.insert(key.clone(), holders.into_iter().next().unwrap_or_default());
        }
    }
    join_aliases(&keys, &mut target);
    let list = entity_list(&keys, &target);
    let index: HashMap<String, usize> = list
        .iter()
        .enumerate()
        .map(|(i, e)| (e.name.clone(), i))
        .collect();
    let by_key = keys
        .keys()
        .filter_map(|k| {
            let t = target.get(k).cloned().unwrap_or_else(|| k.clone());
            index.get(&t).map(|&i| (k.clone(), i))
        })
        .collect();
    Entities { list, by_key }
}

/// Point every key whose entity's name is an alias of another name at that name.
fn join_aliases(keys: &BTreeMap<String, KeyStats>, target: &mut HashMap<String, String>) {
    let mut by_name: BTreeMap<&str, NameInfo<'_>> = BTreeMap::new();
    for (k, acc) in keys {
        let name = target.get(k).map_or(k.as_str(), String::as_str);
        let lead = keys.get(name).unwrap_or(acc);
        let info = by_name.entry(name).or_insert(NameInfo {
            name,
            kind: lead.kind,
            mentions: 0,
            country_qualified: lead.country_qualified,
        });
        info.mentions += acc.mentions;
    }
    let names: Vec<NameInfo<'_>> = by_name.into_values().collect();
    let aliases = alias_targets(&names);
    for k in keys.keys() {
        let name = target.get(k).unwrap_or(k);
        if let Some(joined) = aliases.get(name) {
            target.insert(k.clone(), joined.clone());
        }
    }
}

/// Every reader key with what its mentions say, and the role mentions.
fn key_stats(articles: &[&ReadArticle]) -> (BTreeMap<String, KeyStats>, Vec<Role>) {
    let mut keys: BTreeMap<String, KeyStats> = BTreeMap::new();
    let mut roles: Vec<Role> = Vec::new();
    for a in articles {
        for m in &a.mentions {
            if m.form == MentionForm::Role && m.kind == EntityKind::Person {
                if let (Some(t), Some(c)) = (&m.title, &m.title_country) {
                    roles.push((m.key.clone(), t.clone(), c.clone()));
                }
            }
            let acc = keys.entry(m.key.clone()).or_insert_with(|| KeyStats {
                kind: m.kind,
                surfaces: BTreeMap::new(),
                articles: BTreeSet::new(),
                mentions: 0,
                titles: BTreeSet::new(),
                names: 0,
                after_the: 0,
                country_qualified: false,
            });
            acc.country_qualified |= m.kind != EntityKind::Person && m.title_country.is_some();
            if m.form == MentionForm::Name {
                acc.names += 1;
                acc.after_the += usize::from(follows_the(a, m));
            }
            *acc.surfaces
                .entry(m.surface.trim_start_matches("the ").to_string())
                .or_default() += 1;
            acc.articles.insert(a.id().to_string());
            acc.mentions += 1;
            if let (Some(t), Some(c)) = (&m.title, &m.title_country) {
                if m.form != MentionForm::Role {
                    acc.titles.insert((t.to_lowercase(), c.clone()));
                }
            }
        }
    }
    // English puts no article before a person's name: "the Red Sox", "the Chargers" are teams
    // and organisations, however much they "said". Most mentions must say so: "the Bettie Page
    // story" uses a person's name as a modifier.
    for acc in keys.values_mut() {
        if acc.kind == EntityKind::Person && acc.after_the * 2 > acc.names {
            acc.kind = EntityKind::Organisation;
        }
    }
    (keys, roles)
}

/// Whether a mention follows "the" (or starts with "The").
fn follows_the(a: &ReadArticle, m: &Mention) -> bool {
    let before = a.sentences[m.sentence]
        .text
        .get(..m.span.start)
        .unwrap_or_default()
        .trim_end();
    m.surface.starts_with("The ")
        || before
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case("the"))
}

/// Person keys grouped by surname, then by compatible given names: each key that joins another
/// maps to it. The most mentioned full name leads; others join it when their given names agree,
/// and a bare surname joins the one leader of its surname.
fn merge_people(keys: &BTreeMap<String, KeyStats>, roles: &[Role]) -> HashMap<String, String> {
    let mut target: HashMap<String, String> = HashMap::new();
    let mut by_surname: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (k, _) in keys
        .iter()
        .filter(|(k, acc)| acc.kind == EntityKind::Person && !roles.iter().any(|r| &r.0 == *k))
    {
        by_surname
            .entry(surname(k).to_lowercase())
            .or_default()
            .push(k.clone());
    }
    for group in by_surname.values() {
        let mut full: Vec<&String> = group.iter().filter(|k| given(k).is_some()).collect();
        full.sort_by_key(|k| std::cmp::Reverse(keys[*k].mentions));
        let mut leaders: Vec<&String> = Vec::new();
        for k in &full {
            match leaders
                .iter()
                .find(|l| same_given_name(given(l).unwrap_or(""), given(k).unwrap_or("")))
            {
                Some(l) => {
                    target.insert((*k).clone(), (*l).clone());
                }
                None => leaders.push(k),
            }
        }
        if leaders.len() == 1 {
            for k in group.iter().filter(|k| given(k).is_none()) {
                target.insert(k.clone(), leaders[0].clone());
            }
        }
    }
    target
}

/// The merged entities, most widely reported first; a joined key becomes an alias.
fn entity_list(
    keys: &BTreeMap<String, KeyStats>,
    target: &HashMap<String, String>,
) -> Vec<EntityInfo> {
    let mut merged: BTreeMap<String, Merged> = BTreeMap::new();
    for (k, acc) in keys {
        let t = target.get(k).cloned().unwrap_or_else(|| k.clone());
        // The entity is of its name's kind.
        let kind = keys.get(&t).map_or(acc.kind, |a| a.kind);
        let e = merged
            .entry(t)
            .or_insert_with(|| (kind, BTreeMap::new(), BTreeSet::new(), 0));
        for (s, n) in &acc.surfaces {
            *e.1.entry(s.clone()).or_default() += n;
        }
        if k != &target.get(k).cloned().unwrap_or_default() {
            *e.1.entry(k.clone()).or_default() += 0;
        }
        e.2.extend(acc.articles.iter().cloned());
        e.3 += acc.mentions;
    }
    let mut list: Vec<EntityInfo> = merged
        .into_iter()
        .map(|(name, (kind, surfaces, arts, mentions))| EntityInfo {
            aliases: surfaces.into_keys().filter(|s| s != &name).collect(),
            name,
            kind: kind.as_str().to_string(),
            articles: arts.into_iter().collect(),
            mentions,
        })
        .collect();
    list.sort_by(|a, b| {
        b.articles
            .len()
            .cmp(&a.articles.len())
            .then(b.mentions.cmp(&a.mentions))
            .then(a.name.cmp(&b.name))
    });
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The story's entities as (name, aliases).
    fn entities_of(texts: &[&str]) -> Vec<(String, Vec<String>)> {
        let read = crate::test_read(texts);
        let refs: Vec<&ReadArticle> = read.iter().collect();
        resolve_entities(&refs)
            .list
            .into_iter()
            .map(|e| (e.name, e.aliases))
            .collect()
    }

    #[test]
    fn titles_short_forms_and_dotted_abbreviations_are_one_entity() {
        let e = entities_of(&[
            "Barr testifies\n\nAG Barr told the F.B.I. director on Monday that the inquiry would go on.",
            "Barr to testify\n\nAttorney General William Barr met the FBI chief in Washington on Monday.\n\nWilliam Barr said the FBI would cooperate.",
        ]);
        let names: Vec<&str> = e.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names.iter().filter(|n| n.contains("Barr")).count(),
            1,
            "{e:?}"
        );
        assert_eq!(
            names
                .iter()
                .filter(|n| n.contains("FBI") || n.contains("F.B.I."))
                .count(),
            1,
            "{e:?}"
        );
    }

    #[test]
    fn given_name_variants() {
        assert!(same_given_name("Cyrus R.", "Cyrus"));
        assert_eq!(surname("Cyrus R. Vance Jr"), "Vance");
        assert!(same_given_name("Kassym-Jomart", "Kasym-Jomart"));
        assert!(same_given_name("Don", "Donald"));
        assert!(!same_given_name("Joe", "Donald"));
    }
}
