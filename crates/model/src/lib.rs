//! The Parallax domain model: every type that crosses a stage boundary lives here.
//!
//! Data flows `Article` (ingest) → `ReadArticle` (read) → `StoryReport` (compare) → text (report).
//! This crate has no logic beyond small helpers and does no I/O.

use std::ops::Range;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub mod report;

pub use report::*;

/// One article as it came in, before any reading. Text is NFC-normalised but otherwise verbatim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identifier: the JSON `id`, else the file stem (plus a line number for JSON lines).
    pub id: String,
    /// The headline when the input format carries one separately (JSON). Plain text files leave it
    /// to the reader, which decides whether the first line is a headline.
    pub title: Option<String>,
    /// The article text, lines separated by `\n`.
    pub text: String,
    pub url: Option<String>,
    pub outlet: Option<String>,
    /// Publication time as given, normalised to ISO 8601 when it could be parsed.
    pub published: Option<String>,
    /// The calendar day of publication, used to resolve "Thursday" and "last week".
    pub published_date: Option<NaiveDate>,
    pub authors: Vec<String>,
    /// Where the article came from: a path, plus `:LINE` for JSON lines.
    pub source: String,
    /// Language code from the page, when a web page says it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// How the text was taken from a web page: the extraction method ("readability",
    /// "density"); none for other inputs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extraction: Option<String>,
}

impl Article {
    /// A minimal article, mostly for tests and generated corpora.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Article {
        let id = id.into();
        Article {
            source: id.clone(),
            id,
            title: None,
            text: text.into(),
            url: None,
            outlet: None,
            published: None,
            published_date: None,
            authors: Vec::new(),
            language: None,
            extraction: None,
        }
    }
}

/// What a line of an article is, decided by the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineRole {
    Headline,
    /// A subtitle-like repetition of the headline or a standfirst bullet above the body.
    Heading,
    Byline,
    Boilerplate,
    Body,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Line {
    pub role: LineRole,
    /// Byte range in [`ReadArticle::text`].
    pub span: Range<usize>,
}

/// A sentence of the body (or the headline), as a span of the normalised text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    pub index: usize,
    /// Verbatim text of the sentence after normalisation.
    pub text: String,
    /// Byte range in [`ReadArticle::text`].
    pub span: Range<usize>,
    /// Byte range in the article's original text, for citations.
    pub original_span: Range<usize>,
    /// Index of the line (paragraph) the sentence starts in.
    pub line: usize,
    /// Part of a bulleted list.
    pub in_list: bool,
    /// The headline or a section heading rather than a body sentence.
    pub is_heading: bool,
    /// Lower-cased words in order (no punctuation); computed once by the reader so that later
    /// stages do not tokenize again.
    #[serde(skip)]
    pub words: Vec<String>,
    /// Stemmed content words (stopwords removed), for similarity.
    #[serde(skip)]
    pub terms: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Country,
    Place,
    Organisation,
    Media,
    /// A government or institution named by its country ("the Kazakh government").
    Government,
    /// A named agreement, plan or initiative ("Abraham Accords", "Arab Peace Initiative").
    Agreement,
    /// A named event ("Academy Awards", "Super Bowl").
    Event,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Country => "country",
            EntityKind::Place => "place",
            EntityKind::Organisation => "organisation",
            EntityKind::Media => "media",
            EntityKind::Government => "government",
            EntityKind::Agreement => "agreement",
            EntityKind::Event => "event",
        }
    }
}

/// How a mention names its entity; story-level alias resolution weighs these differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionForm {
    /// The full name ("Kassym-Jomart Tokayev", "United States").
    Name,
    /// A gazetteer alias or abbreviation ("U.S.", "UAE").
    Alias,
    /// A demonym or adjective ("Israeli", "Kazakh").
    Demonym,
    /// A capital or seat of government used for its government ("Washington said").
    Metonym,
    /// A surname alone ("Tokayev").
    Surname,
    /// A role description ("the Kazakh President").
    Role,
}

/// One mention of an entity in one sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub sentence: usize,
    /// Byte range within the sentence text.
    pub span: Range<usize>,
    pub surface: String,
    /// The reader's best name for the entity: a gazetteer name or the person's longest name.
    pub key: String,
    pub kind: EntityKind,
    pub form: MentionForm,
    /// A role or title seen with the mention ("President", "Prime Minister").
    pub title: Option<String>,
    /// Country the title is qualified by ("Kazakh President" → Kazakhstan).
    pub title_country: Option<String>,
    /// Inside scare quotes (‘Israel’).
    pub scare_quoted: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum QuantityValue {
    Money {
        currency: String,
        amount: f64,
    },
    Percent {
        value: f64,
    },
    Count {
        value: f64,
        unit: Option<String>,
    },
    Year {
        year: i32,
    },
    /// A calendar date; `precision` is "day", "month" or "decade".
    Date {
        iso: String,
        precision: String,
    },
    /// A weekday or relative day that could not be resolved (no publication date).
    RelativeDay {
        day: String,
    },
    Duration {
        value: f64,
        unit: String,
    },
}

/// A number or date found in a sentence, normalised so that values can be compared.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub sentence: usize,
    pub span: Range<usize>,
    pub surface: String,
    pub value: QuantityValue,
    /// "over", "about", "more than", ... when present; such values are bounds, not points.
    pub qualifier: Option<String>,
}

impl Quantity {
    /// A short, comparable rendering of the value ("USD 17000000000", "1992", "2025-11-06").
    pub fn normalized(&self) -> String {
        match &self.value {
            QuantityValue::Money { currency, amount } => format!("{currency} {amount}"),
            QuantityValue::Percent { value } => format!("{value}%"),
            QuantityValue::Count { value, unit } => match unit {
                Some(u) => format!("{value} {u}"),
                None => format!("{value}"),
            },
            QuantityValue::Year { year } => year.to_string(),
            QuantityValue::Date { iso, .. } => iso.clone(),
            QuantityValue::RelativeDay { day } => day.clone(),
            QuantityValue::Duration { value, unit } => format!("{value} {unit}"),
        }
    }

    /// The calendar date or year this quantity denotes, if it is one.
    pub fn date_key(&self) -> Option<String> {
        match &self.value {
            QuantityValue::Year { year } => Some(year.to_string()),
            QuantityValue::Date { iso, .. } => Some(iso.clone()),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A full quoted statement.
    Direct,
    /// A short quoted phrase inside reported speech ("a “natural thing”").
    Partial,
    /// Reported speech without quotation marks ("X said that ...").
    Indirect,
}

/// A quotation and who said it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// Sentences the quote spans (first..=last).
    pub sentences: Range<usize>,
    /// The quoted words, verbatim (without the quotation marks).
    pub text: String,
    /// Byte range of the quoted words in [`ReadArticle::text`].
    pub span: Range<usize>,
    /// The speaker as written ("the Kazakh government", "Witkoff").
    pub speaker: Option<String>,
    /// The reporting verb or cue ("said", "told reporters", "according to").
    pub cue: Option<String>,
    pub kind: QuoteKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FramingKind {
    /// A name in quotation marks that nobody is quoted as saying (‘Israel’).
    ScareQuote,
    /// A word that distances the writer from a name or claim ("so-called", "alleged").
    Distancing,
    /// An evaluative or emotive word in the outlet's own voice ("landmark", "apartheid").
    Loaded,
}

impl FramingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FramingKind::ScareQuote => "scare_quote",
            FramingKind::Distancing => "distancing",
            FramingKind::Loaded => "loaded",
        }
    }
}

/// A framing device the reader found in one sentence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FramingMark {
    pub sentence: usize,
    pub kind: FramingKind,
    /// The marked words as written.
    pub text: String,
    /// Lexicon category for loaded terms ("positive", "negative", "intensifier").
    pub category: Option<String>,
}

/// Everything the reader learned from one article. Pure data; produced by `parallax-read`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReadArticle {
    pub article: Article,
    /// The normalised text (straight quotes, ASCII dashes and spaces); spans point into it.
    pub text: String,
    /// The headline: the JSON title, or the first line of a text file when it reads as one.
    pub headline: Option<String>,
    pub lines: Vec<Line>,
    /// Lines left out of the analysis (boilerplate, bylines), verbatim.
    pub removed: Vec<String>,
    pub sentences: Vec<Sentence>,
    pub mentions: Vec<Mention>,
    pub quantities: Vec<Quantity>,
    pub quotes: Vec<Quote>,
    pub framing: Vec<FramingMark>,
}

impl ReadArticle {
    pub fn id(&self) -> &str {
        &self.article.id
    }

    /// Body sentences: neither headline nor section heading.
    pub fn body_sentences(&self) -> impl Iterator<Item = &Sentence> {
        self.sentences.iter().filter(|s| !s.is_heading)
    }

    pub fn mentions_in(&self, sentence: usize) -> impl Iterator<Item = &Mention> {
        self.mentions.iter().filter(move |m| m.sentence == sentence)
    }

    pub fn quantities_in(&self, sentence: usize) -> impl Iterator<Item = &Quantity> {
        self.quantities
            .iter()
            .filter(move |q| q.sentence == sentence)
    }
}
