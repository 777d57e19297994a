//! The analysis of a story, as the JSON contract fixes it (see README "JSON contract").
//!
//! Field names and meanings here are a public interface: add fields, never rename or repurpose.

use serde::{Deserialize, Serialize};

/// The whole output of `parallax analyze`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Analysis {
    pub stories: Vec<StoryReport>,
    /// Inputs that could not be read (file and line, message); the rest was analysed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<InputProblem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InputProblem {
    pub source: String,
    pub line: Option<usize>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct StoryReport {
    pub id: String,
    pub headline: String,
    pub articles: Vec<ArticleInfo>,
    pub claims: Vec<Claim>,
    pub contradictions: Vec<Contradiction>,
    pub quotes: Vec<QuoteGroup>,
    pub entities: Vec<EntityInfo>,
    pub framing: Vec<FramingItem>,
    pub omissions: Vec<Omission>,
    pub brief: Vec<BriefItem>,
    pub timeline: Vec<TimelineItem>,
    /// Groups of articles that are copies or close rewrites of one another.
    pub syndication: Vec<SyndicationGroup>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleInfo {
    pub id: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub source: String,
    pub published: Option<String>,
    pub authors: Vec<String>,
    /// Lines left out of the analysis as boilerplate, verbatim.
    pub removed: Vec<String>,
    pub url: Option<String>,
    pub sentences: usize,
    /// Id of the syndication group this article belongs to, when it is a copy of another.
    pub copy_of: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimStatus {
    Corroborated,
    SingleSource,
    Contested,
}

impl ClaimStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimStatus::Corroborated => "corroborated",
            ClaimStatus::SingleSource => "single_source",
            ClaimStatus::Contested => "contested",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub id: String,
    /// The representative wording: the least loaded supporting sentence.
    pub text: String,
    pub status: ClaimStatus,
    /// Distinct sources after syndicated copies are counted once.
    pub independent_sources: usize,
    pub support: Vec<Support>,
    /// Numbers and dates the supporting sentences state, with who states them: a figure that
    /// only one source gives is single-source even inside a corroborated claim.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Normalised value ("USD 17000000000", "1992").
    pub value: String,
    /// As written in the first article that gives it ("over $17 billion").
    pub surface: String,
    pub articles: Vec<String>,
    pub independent_sources: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Support {
    pub article: String,
    pub sentence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contradiction {
    pub claims: Vec<String>,
    /// What the statements disagree about: "number", "date", "actor" or "negation".
    pub about: String,
    pub values: Vec<ContradictionValue>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ContradictionValue {
    pub article: String,
    pub value: String,
    pub sentence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteGroup {
    pub speaker: Option<String>,
    pub variants: Vec<QuoteVariant>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteVariant {
    pub article: String,
    pub text: String,
    /// The speaker as this article names them.
    pub speaker: Option<String>,
    /// Word-level differences from the group's first variant (empty for the first).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub differences: Vec<WordDiff>,
}

/// One word-level edit between two wordings of a quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WordDiff {
    /// Words of the reference wording that this variant replaces or drops ("" when inserted).
    pub reference: String,
    /// Words this variant has instead ("" when dropped).
    pub variant: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EntityInfo {
    pub name: String,
    pub kind: String,
    pub aliases: Vec<String>,
    pub articles: Vec<String>,
    pub mentions: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FramingItem {
    pub article: String,
    pub kind: String,
    pub text: String,
    pub sentence: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Omission {
    pub article: String,
    /// Ids of corroborated claims this article does not carry.
    pub claims: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BriefItem {
    /// A sentence of a source article, verbatim.
    pub text: String,
    /// Article ids that carry this fact; the first is the article `text` is taken from.
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<String>,
    /// The status of the claim the sentence states: a brief opens with the main event even when
    /// only one source states it, and says so (`single_source`).
    pub status: ClaimStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineItem {
    /// ISO date, year-month, year, or a weekday when no publication date resolves it.
    pub date: String,
    pub text: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SyndicationGroup {
    pub id: String,
    pub articles: Vec<String>,
    /// Share of the smaller article's word 5-grams found in the other (0–1).
    pub overlap: f64,
}
