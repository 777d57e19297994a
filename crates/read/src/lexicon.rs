//! Word lists and gazetteers. The data files under `data/` are compiled into the binary so that
//! nothing is read or downloaded at run time.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use parallax_model::EntityKind;

/// Words that, before or after a capitalised name, mark it as a person's title or role.
pub const PERSON_TITLES: &[&str] = &[
    "President",
    "Vice President",
    "Prime Minister",
    "PM",
    "Premier",
    "Chancellor",
    "Secretary of State",
    "Secretary",
    "Minister",
    "Foreign Minister",
    "Defence Minister",
    "Defense Minister",
    "Senator",
    "Sen.",
    "Rep.",
    "Representative",
    "Governor",
    "Gov.",
    "Mayor",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Crown Prince",
    "Sheikh",
    "Emir",
    "Pope",
    "General",
    "Gen.",
    "Admiral",
    "Colonel",
    "Col.",
    "Lt.",
    "Captain",
    "Capt.",
    "Dr.",
    "Dr",
    "Mr.",
    "Mr",
    "Mrs.",
    "Mrs",
    "Ms.",
    "Ms",
    "Prof.",
    "Professor",
    "Judge",
    "Justice",
    "Ambassador",
    "Envoy",
    "Special Envoy",
    "Speaker",
    "Chairman",
    "Chairwoman",
    "Chair",
    "Leader",
    "Spokesperson",
    "Spokesman",
    "Spokeswoman",
    "Chief",
    "CEO",
    "Director",
    "Commissioner",
    "Deputy",
    "Attorney General",
    "Sergeant",
    "Sgt.",
    "Officer",
    "Detective",
    "Inspector",
    "Coach",
    "Bishop",
    "Rabbi",
    "Imam",
    "Cardinal",
    "Archbishop",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Senior Adviser",
    "Sheriff",
    "Lieutenant",
    "Manager",
    "General Manager",
    "District Attorney",
    "Attorney",
    "Head Coach",
    "Superintendent",
    "Reverend",
    "Rev.",
];

/// The days of the week, capitalised as in running text.
pub const WEEKDAY_NAMES: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Lower-case role nouns that introduce a name ("political analyst Aidos Sarybekov").
pub const ROLE_NOUNS: &[&str] = &[
    "president",
    "minister",
    "analyst",
    "envoy",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "official",
    "leader",
    "secretary",
    "ambassador",
    "senator",
    "governor",
    "mayor",
    "chief",
    "director",
    "adviser",
    "advisor",
    "actress",
    "actor",
    "star",
    "singer",
    "rapper",
    "player",
    "coach",
    "striker",
    "manager",
    "founder",
    "executive",
    "chairman",
    "professor",
    "expert",
    "researcher",
    "economist",
    "lawyer",
    "attorney",
    "judge",
    "prosecutor",
    "commander",
    "general",
    "diplomat",
    "journalist",
    "reporter",
    "editor",
    "author",
    "writer",
    "rep",
    "publicist",
    "agent",
    "representative",
    "lawmaker",
    "mp",
    "candidate",
    "premier",
    "king",
    "queen",
    "prince",
    "pm",
    "head",
    "ceo",
    "cofounder",
    "co-founder",
    "member",
    "owner",
    "victim",
    "suspect",
    "witness",
    "resident",
    "doctor",
    "scientist",
    "officer",
];

/// Reporting verbs that attribute speech, in the forms they take in news copy.
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "noted",
    "notes",
    "stated",
    "states",
    "wrote",
    "writes",
    "tweeted",
    "posted",
    "announced",
    "announces",
    "declared",
    "declares",
    "explained",
    "explains",
    "argued",
    "argues",
    "insisted",
    "insists",
    "warned",
    "warns",
    "claimed",
    "claims",
    "asked",
    "asks",
    "replied",
    "responded",
    "described",
    "describes",
    "called",
    "calls",
    "calling",
    "urged",
    "urges",
    "emphasized",
    "emphasised",
    "stressed",
    "highlighted",
    "sharing",
    "acknowledged",
    "admitted",
    "conceded",
    "suggested",
    "suggest",
    "suggests",
    "predicted",
    "continued",
    "remarked",
    "commented",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "hinted",
    "praised",
    "welcomed",
    "hailed",
    "recalled",
    "observed",
    "pointed",
    "reiterated",
    "vowed",
    "promised",
    "saying",
    "adding",
    "noting",
    "writing",
    "telling",
    "stating",
    "announcing",
    "believe",
    "believes",
    "argue",
    "note",
    "expect",
    "expects",
];

/// Words that end an organisation's name ("Foreign Ministry", "State Department").
pub const ORG_HEADS: &[&str] = &[
    "Ministry",
    "Department",
    "Council",
    "Agency",
    "Commission",
    "Committee",
    "Organization",
    "Organisation",
    "Association",
    "Institute",
    "University",
    "Bank",
    "Party",
    "Union",
    "Court",
    "Army",
    "Forces",
    "Police",
    "Company",
    "Corporation",
    "Corp.",
    "Inc.",
    "Ltd.",
    "Group",
    "News",
    "Times",
    "Post",
    "Foundation",
    "Fund",
    "Office",
    "Authority",
    "Parliament",
    "Assembly",
    "Senate",
    "Congress",
    "Service",
    "Board",
    "League",
    "Alliance",
    "Front",
    "Movement",
    "Center",
    "Centre",
    "Network",
    "Press",
    "Media",
    "Journal",
    "Herald",
    "Tribune",
    "Guard",
    "Navy",
    "Cabinet",
    "Government",
    "Administration",
    "Federation",
    "Bureau",
    "Secretariat",
    "Institution",
    "Hospital",
    "School",
    "College",
    "Club",
    "Church",
    "Airlines",
    "Airways",
    "Motors",
    "Holdings",
    "Technologies",
    "Systems",
    "Labs",
    "Bros.",
    "Studios",
    "Records",
    "Pictures",
    "Entertainment",
    "Patrol",
    "Jail",
    "Prison",
];

/// Words that end the name of an agreement, plan or initiative ("Abraham Accords").
/// First words of multi-word place names ("New Orleans", "San Diego", "Fort Worth").
pub const PLACE_FIRST_WORDS: &[&str] = &[
    "New", "San", "Santa", "Los", "Las", "Fort", "Port", "Lake", "Mount", "Saint", "St", "North",
    "South", "East", "West", "Upper", "Lower",
];

/// Last words of place names ("Kansas City", "Newport Beach", "Orange County").
pub const PLACE_HEADS: &[&str] = &[
    "City",
    "Beach",
    "County",
    "Bay",
    "Valley",
    "Island",
    "Islands",
    "Springs",
    "Heights",
    "Falls",
    "Harbor",
    "Harbour",
    "Province",
    "Street",
    "Avenue",
    "Square",
    "Airport",
    "Stadium",
    "Park",
    "Hills",
    "Canyon",
    "River",
    "Mountains",
    "Coast",
    "Peninsula",
];

/// Last words of event names ("Academy Awards", "Super Bowl", "World Cup").
pub const EVENT_HEADS: &[&str] = &[
    "Awards",
    "Award",
    "Bowl",
    "Cup",
    "Games",
    "Olympics",
    "Championship",
    "Championships",
    "Festival",
    "Open",
    "Series",
    "Prize",
    "Marathon",
    "Grand Prix",
];

/// Last words of newspaper and broadcaster names ("The Hollywood Reporter", "Timaru Herald").
pub const MEDIA_HEADS: &[&str] = &[
    "Reporter",
    "Post",
    "Times",
    "Journal",
    "News",
    "Herald",
    "Tribune",
    "Gazette",
    "Telegraph",
    "Chronicle",
    "Magazine",
    "Radio",
    "Television",
    "TV",
];

/// Plural nouns for groups that speak in news ("Police said", "Witnesses told") and are
/// capitalised only because they open a sentence: actors, but not named entities.
pub const COLLECTIVE_ACTORS: &[&str] = &[
    "police",
    "authorities",
    "officials",
    "witnesses",
    "prosecutors",
    "investigators",
    "sources",
    "residents",
    "officers",
    "deputies",
    "firefighters",
    "doctors",
    "analysts",
    "experts",
    "critics",
    "researchers",
    "scientists",
    "lawmakers",
    "protesters",
    "protestors",
    "people",
    "troops",
    "rescuers",
    "paramedics",
    "neighbors",
    "neighbours",
    "relatives",
    "friends",
    "students",
    "workers",
    "survivors",
    "organizers",
    "organisers",
    "activists",
    "diplomats",
    "observers",
    "supporters",
    "opponents",
    "fans",
    "family",
    "locals",
    "villagers",
    "medics",
];

pub const AGREEMENT_HEADS: &[&str] = &[
    "Accords",
    "Accord",
    "Agreement",
    "Agreements",
    "Treaty",
    "Pact",
    "Initiative",
    "Plan",
    "Protocol",
    "Convention",
    "Declaration",
    "Deal",
    "Act",
    "Charter",
    "Framework",
    "Roadmap",
];

/// Capitalised words that are never names by themselves.
pub const NOT_NAMES: &[&str] = &[
    "I",
    "AI",
    "CEO",
    "TV",
    "GDP",
    "OK",
    "COVID",
    "PM",
    "AM",
    "A",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Earlier",
    "Later",
    "Meanwhile",
    "However",
    "Still",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "Also",
    "Despite",
    "While",
    "When",
    "After",
    "Before",
    "During",
    "Since",
    "Although",
    "Though",
    "Unlike",
    "Prior",
    "Over",
    "Under",
    "Shortly",
    "Tonight",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Experts",
    "Critics",
    "Observers",
    "Officials",
    "Analysts",
    "Your",
    "Our",
    "Their",
    "His",
    "Her",
    "Its",
    "Former",
    "Formerly",
    "Another",
    "Other",
    "Some",
    "Many",
    "Several",
    "Most",
    "Each",
    "Every",
    "Both",
    "All",
    "Any",
    "No",
    "Not",
    "Never",
    "Secretary",
    "Minister",
    "President",
    "Government",
    "Political",
    "Human",
    "Regional",
    "Global",
    "Official",
    "State",
    "Senior",
    "Special",
    "Prime",
    "Foreign",
    "Deputy",
    "Chief",
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "Muslim",
    "Arab",
    "Christian",
    "Jewish",
    "Islamic",
    "Catholic",
];

/// Words that qualify a number ("over $17 billion"); such values are bounds, not points.
pub const QUALIFIERS: &[&str] = &[
    "over",
    "about",
    "around",
    "nearly",
    "almost",
    "some",
    "roughly",
    "approximately",
    "at least",
    "more than",
    "less than",
    "fewer than",
    "up to",
    "under",
    "above",
    "below",
    "just over",
    "just under",
    "as many as",
    "as much as",
    "an estimated",
    "estimated",
    "upwards of",
];

/// Distancing words: the writer keeps a name or claim at arm's length.
pub const DISTANCING: &[&str] = &[
    "so-called",
    "alleged",
    "allegedly",
    "purported",
    "purportedly",
    "self-styled",
    "self-proclaimed",
    "supposed",
    "supposedly",
    "would-be",
    "quote-unquote",
    "ostensibly",
    "ostensible",
    "reputed",
    "reportedly",
];

/// One gazetteer entry: what a surface form names.
#[derive(Debug, Clone, PartialEq)]
pub struct GazetteerEntry {
    pub key: String,
    pub kind: EntityKind,
    pub form: GazetteerForm,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GazetteerForm {
    Name,
    Alias,
    Demonym,
    /// A capital or seat: a place, or its government when it acts.
    Capital,
}

/// Surface form → entry, for countries, regions and well-known organisations.
#[derive(Debug)]
pub struct Gazetteer {
    entries: HashMap<String, GazetteerEntry>,
    /// Longest surface form in tokens, to bound the lookup window.
    pub max_tokens: usize,
    /// Demonym (lower-cased) → country, for "the Kazakh President".
    demonyms: HashMap<String, String>,
    /// First words of all entries: most tokens start none, and need no lookup.
    first_words: HashSet<String>,
}

impl Gazetteer {
    pub fn get(&self, surface: &str) -> Option<&GazetteerEntry> {
        self.entries.get(surface)
    }

    /// Can an entry start with this word?
    pub fn starts_entry(&self, word: &str) -> bool {
        self.first_words.contains(word)
    }

    /// The country a demonym or country name refers to ("Kazakh" → "Kazakhstan").
    pub fn country_of(&self, word: &str) -> Option<&str> {
        if let Some(c) = self.demonyms.get(&word.to_lowercase()) {
            return Some(c);
        }
        match self.entries.get(word) {
            Some(e) if e.kind == EntityKind::Country && e.form != GazetteerForm::Capital => {
                Some(&e.key)
            }
            _ => None,
        }
    }
}

const COUNTRIES: &str = include_str!("../data/countries.tsv");
const PLACES: &str = include_str!("../data/places.tsv");
const ORGANISATIONS: &str = include_str!("../data/organisations.tsv");
const LOADED_TERMS: &str = include_str!("../data/loaded-terms.tsv");

fn data_rows(data: &str) -> impl Iterator<Item = Vec<&str>> {
    data.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('|').map(str::trim).collect())
}

fn list<'a>(field: Option<&&'a str>) -> impl Iterator<Item = &'a str> {
    field
        .copied()
        .unwrap_or("")
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

pub fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let mut entries = HashMap::default();
        let mut demonyms = HashMap::default();
        let mut add = |surface: &str, key: &str, kind: EntityKind, form: GazetteerForm| {
            // The first entry for a surface wins: countries load before places and organisations.
            entries
                .entry(surface.to_string())
                .or_insert(GazetteerEntry {
                    key: key.to_string(),
                    kind,
                    form,
                });
        };
        for row in data_rows(COUNTRIES) {
            let name = row[0];
            add(name, name, EntityKind::Country, GazetteerForm::Name);
            for a in list(row.get(1)) {
                add(a, name, EntityKind::Country, GazetteerForm::Alias);
            }
            for d in list(row.get(2)) {
                add(d, name, EntityKind::Country, GazetteerForm::Demonym);
                demonyms.insert(d.to_lowercase(), name.to_string());
            }
            for c in list(row.get(3)) {
                add(c, name, EntityKind::Country, GazetteerForm::Capital);
            }
        }
        for row in data_rows(PLACES) {
            add(row[0], row[0], EntityKind::Place, GazetteerForm::Name);
            for a in list(row.get(1)) {
                add(a, row[0], EntityKind::Place, GazetteerForm::Alias);
            }
            for a in list(row.get(2)) {
                add(a, row[0], EntityKind::Place, GazetteerForm::Demonym);
            }
        }
        for row in data_rows(ORGANISATIONS) {
            let kind = match row.get(2).copied() {
                Some("media") => EntityKind::Media,
                _ => EntityKind::Organisation,
            };
            add(row[0], row[0], kind, GazetteerForm::Name);
            for a in list(row.get(1)) {
                add(a, row[0], kind, GazetteerForm::Alias);
            }
        }
        let max_tokens = entries
            .keys()
            .map(|k| parallax_text::tokenize(k).len())
            .max()
            .unwrap_or(1);
        let first_words = entries
            .keys()
            .filter_map(|k| {
                parallax_text::tokenize(k)
                    .first()
                    .map(|t| t.text.to_string())
            })
            .collect();
        Gazetteer {
            entries,
            max_tokens,
            demonyms,
            first_words,
        }
    })
}

/// An evaluative term and its category.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedTerm {
    /// Lower-case words of the term.
    pub words: Vec<String>,
    /// The last word matches as a prefix ("slaughter*").
    pub prefix: bool,
    pub category: String,
}

/// The project's loaded-terms lexicon, plus any extra terms the user supplies.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub terms: Vec<LoadedTerm>,
    /// Terms by their first word, except one-word prefix terms ("slaughter*").
    by_first: HashMap<String, Vec<usize>>,
    /// One-word prefix terms, checked against every word.
    prefixes: Vec<usize>,
}

impl Lexicon {
    /// The built-in lexicon.
    pub fn builtin() -> Lexicon {
        Lexicon::parse(LOADED_TERMS)
    }

    /// Parse `term|category` lines; `#` starts a comment line.
    pub fn parse(data: &str) -> Lexicon {
        let terms = data_rows(data)
            .filter_map(|row| {
                let term = row.first()?.to_lowercase();
                let prefix = term.ends_with('*');
                let words: Vec<String> = term
                    .trim_end_matches('*')
                    .split_whitespace()
                    .map(str::to_string)
                    .collect();
                if words.is_empty() {
                    return None;
                }
                Some(LoadedTerm {
                    words,
                    prefix,
                    category: row.get(1).copied().unwrap_or("loaded").to_string(),
                })
            })
            .collect();
        let mut lexicon = Lexicon {
            terms,
            ..Lexicon::default()
        };
        lexicon.index();
        lexicon
    }

    pub fn extend(&mut self, other: Lexicon) {
        self.terms.extend(other.terms);
        self.index();
    }

    fn index(&mut self) {
        self.by_first.clear();
        self.prefixes.clear();
        for (i, t) in self.terms.iter().enumerate() {
            if t.prefix && t.words.len() == 1 {
                self.prefixes.push(i);
            } else {
                self.by_first.entry(t.words[0].clone()).or_default().push(i);
            }
        }
    }

    /// Terms that may start at a word (lower-cased): indexed by first word, plus prefix terms.
    pub fn candidates<'a>(&'a self, word: &'a str) -> impl Iterator<Item = &'a LoadedTerm> + 'a {
        let exact = self.by_first.get(word).map(|v| v.as_slice()).unwrap_or(&[]);
        exact.iter().map(|&i| &self.terms[i]).chain(
            self.prefixes
                .iter()
                .map(|&i| &self.terms[i])
                .filter(move |t| word.starts_with(t.words[0].as_str())),
        )
    }
}

/// A word list as a hash set, built once.
pub struct WordSet {
    words: &'static [&'static str],
    /// A second list, shared with other uses and written once.
    more: &'static [&'static str],
    set: OnceLock<HashSet<&'static str>>,
    lower: bool,
}

impl WordSet {
    /// `lower`: match case-insensitively (the list must be lower case).
    pub const fn new(words: &'static [&'static str], lower: bool) -> WordSet {
        WordSet::with(words, &[], lower)
    }

    /// One set over two lists.
    pub const fn with(
        words: &'static [&'static str],
        more: &'static [&'static str],
        lower: bool,
    ) -> WordSet {
        WordSet {
            words,
            more,
            set: OnceLock::new(),
            lower,
        }
    }

    pub fn contains(&self, word: &str) -> bool {
        let set = self.set.get_or_init(|| {
            self.words
                .iter()
                .chain(self.more)
                .map(|w| if self.lower { leak_lower(w) } else { *w })
                .collect()
        });
        if self.lower && word.chars().any(char::is_uppercase) {
            set.contains(word.to_lowercase().as_str())
        } else {
            set.contains(word)
        }
    }
}

fn leak_lower(w: &'static str) -> &'static str {
    if w.chars().any(char::is_uppercase) {
        Box::leak(w.to_lowercase().into_boxed_str())
    } else {
        w
    }
}

pub static NOT_NAME_SET: WordSet = WordSet::with(NOT_NAMES, WEEKDAY_NAMES, false);
pub static SPEECH_VERB_SET: WordSet = WordSet::new(SPEECH_VERBS, true);
pub static ROLE_NOUN_SET: WordSet = WordSet::new(ROLE_NOUNS, true);
pub static TITLE_SET: WordSet = WordSet::new(PERSON_TITLES, true);
/// First words of titles ("Prime" of "Prime Minister"), to skip most tokens cheaply.
pub static TITLE_FIRST_WORDS: OnceLock<HashSet<String>> = OnceLock::new();

pub fn title_first_word(word: &str) -> bool {
    TITLE_FIRST_WORDS
        .get_or_init(|| {
            PERSON_TITLES
                .iter()
                .filter_map(|t| t.split(' ').next())
                .map(str::to_lowercase)
                .collect()
        })
        .contains(&word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_knows_aliases_demonyms_and_capitals() {
        let g = gazetteer();
        assert_eq!(g.get("U.S.").unwrap().key, "United States");
        assert_eq!(g.get("UAE").unwrap().key, "United Arab Emirates");
        assert_eq!(g.get("Israeli").unwrap().form, GazetteerForm::Demonym);
        assert_eq!(g.get("Washington").unwrap().form, GazetteerForm::Capital);
        assert_eq!(g.country_of("Kazakh"), Some("Kazakhstan"));
        assert_eq!(g.get("AFP").unwrap().kind, EntityKind::Media);
        assert!(g.max_tokens >= 5);
    }

    #[test]
    fn lexicon_parses_prefix_terms() {
        let l = Lexicon::parse("# c\nslaughter*|negative\nlashed out|negative\n");
        assert_eq!(l.terms.len(), 2);
        assert!(l.terms[0].prefix);
        assert_eq!(l.terms[1].words, ["lashed", "out"]);
        assert!(Lexicon::builtin().terms.len() > 50);
    }
}
