//! Whether a sentence reads on its own, as a brief sentence must: a reader who sees it without
//! the sentences around it must know who acts and who speaks. A sentence fails when its subject
//! is a pronoun ("He publicly released …") or a thing an earlier sentence introduced ("The
//! announcement was made …"), when it answers an earlier one ("Trump immediately fired back"),
//! when its speaker is a pronoun or an unnamed "the official", or when it is a line of a quotation
//! without its speaker.

use parallax_model::ReadArticle;
use parallax_text::WordList;

use crate::paraphrase::word_stem;
use crate::statement::layout;
use crate::wording::opens_dependent;

static SUBJECT_PRONOUNS: WordList = WordList::new(include_str!("../data/subject-pronouns.txt"));
static ANAPHORIC_NOUNS: WordList = WordList::new(include_str!("../data/anaphoric-nouns.txt"));
static REPLY_PHRASES: WordList = WordList::new(include_str!("../data/reply-phrases.txt"));
static REPORTING_VERBS: WordList = WordList::new(include_str!("../data/reporting-verbs.txt"));

/// First-person words: outside quotation marks they mark a quotation that lost its marks.
const FIRST_PERSON: [&str; 8] = ["i", "i'm", "i've", "we", "we're", "we've", "my", "our"];

/// Why a sentence cannot stand alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Dependence {
    /// Its subject is a pronoun, or it opens with a word that points back ("This", "But").
    PointsBack,
    /// Its subject is "the X" for a thing introduced earlier: the stem of X. Acceptable once
    /// the brief has named it.
    Anaphoric(String),
    /// It answers an earlier sentence ("fired back", "in response").
    Reply,
    /// Its speaker is a pronoun or an unnamed "the official".
    UnnamedSpeaker,
    /// A line or piece of a quotation that does not name its speaker.
    QuoteWithoutSpeaker,
}

/// Why sentence `index` of `article` cannot stand alone, if it cannot.
pub fn dependence(article: &ReadArticle, index: usize) -> Option<Dependence> {
    let text = article.sentences[index].text.as_str();
    if quote_without_speaker(article, index) {
        return Some(Dependence::QuoteWithoutSpeaker);
    }
    let l = layout(text);
    let lower: Vec<String> = l.words.iter().map(|w| w.to_lowercase()).collect();
    let clause = &lower[l.clause_start.min(lower.len())..];
    // A pronoun inside an opening quotation is the speaker's; the attribution decides.
    let quoted = text.starts_with(['"', '\'']);
    if !quoted
        && (opens_dependent(text) || clause.first().is_some_and(|w| SUBJECT_PRONOUNS.contains(w)))
    {
        return Some(Dependence::PointsBack);
    }
    let tail = &lower[l.attribution_start.min(lower.len())..];
    let tail_words = &l.words[l.attribution_start.min(l.words.len())..];
    if tail.iter().any(|w| SUBJECT_PRONOUNS.contains(w)) || unnamed_speaker(tail, tail_words) {
        return Some(Dependence::UnnamedSpeaker);
    }
    if points_to_earlier(&lower) {
        return Some(Dependence::PointsBack);
    }
    if has_phrase(
        &lower[..l.attribution_start.min(lower.len())],
        &REPLY_PHRASES,
    ) {
        return Some(Dependence::Reply);
    }
    let written = &l.words[l.clause_start.min(l.words.len())..];
    anaphoric_subject(clause, written).map(Dependence::Anaphoric)
}

/// "The X" or "this X" opening the clause (`clause` lower-cased, `written` as written), X an
/// anaphoric noun, right after the determiner or after one lower-case modifier ("the former
/// president"; not "the Trump administration", which names it): the noun's stem.
fn anaphoric_subject(clause: &[String], written: &[&str]) -> Option<String> {
    let first = clause.first()?;
    if !matches!(first.as_str(), "the" | "this" | "that" | "these" | "those") {
        return None;
    }
    let named = |k: usize| {
        written
            .get(k)
            .is_some_and(|w| w.starts_with(char::is_uppercase))
    };
    let noun = |k: usize| clause.get(k).filter(|w| ANAPHORIC_NOUNS.contains(w));
    noun(1)
        .or_else(|| noun(2).filter(|_| !named(1)))
        .map(|w| word_stem(w))
}

/// "Those measures", "these claims" anywhere: a thing an earlier sentence named ("Final
/// language on those measures hasn't yet been set"). "Those who …" and "these of …" are not.
fn points_to_earlier(words: &[String]) -> bool {
    words.windows(2).any(|w| {
        matches!(w[0].as_str(), "those" | "these")
            && !matches!(
                w[1].as_str(),
                "who" | "whom" | "that" | "which" | "of" | "in" | "with"
            )
    })
}

/// An attribution to "the official", "the station": "the" and a noun that points back, no name.
fn unnamed_speaker(tail: &[String], written: &[&str]) -> bool {
    let Some(at) = tail.iter().position(|w| w == "the") else {
        return false;
    };
    let named = written[at + 1..]
        .iter()
        .any(|w| w.starts_with(char::is_uppercase));
    let points_back = tail[at + 1..]
        .iter()
        .take(2)
        .any(|w| ANAPHORIC_NOUNS.contains(w));
    !named && points_back && tail.iter().any(|w| REPORTING_VERBS.contains(w))
}

fn has_phrase(words: &[String], phrases: &WordList) -> bool {
    (0..words.len()).any(|i| {
        (1..=3)
            .filter(|n| i + n <= words.len())
            .any(|n| phrases.contains(&words[i..i + n].join(" ")))
    })
}

/// A line of a quotation without its speaker: an odd number of quotation marks (a piece of a
/// longer quotation), a sentence inside a quotation that runs over several sentences, a sentence
/// that opens with a quotation and names no reporting verb, or first-person words outside
/// quotation marks.
fn quote_without_speaker(article: &ReadArticle, index: usize) -> bool {
    let text = article.sentences[index].text.as_str();
    if !text.matches('"').count().is_multiple_of(2) {
        return true;
    }
    let inside = article
        .quotes
        .iter()
        .any(|q| q.sentences.start < index && index + 1 < q.sentences.end);
    let words = &article.sentences[index].words;
    let reports = words.iter().any(|w| REPORTING_VERBS.contains(w));
    let opens_quoted = text.starts_with(['"', '\'']);
    let unquoted: String = text.split('"').step_by(2).collect::<Vec<_>>().join(" ");
    let first_person = parallax_text::words_and_terms(&unquoted)
        .0
        .iter()
        .any(|w| FIRST_PERSON.contains(&w.as_str()));
    inside || (opens_quoted && !reports) || first_person
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_model::Article;
    use parallax_read::{read_article, Lexicon};

    fn first(text: &str) -> Option<Dependence> {
        let a = read_article(
            &Article::new("a", format!("Headline here\n\n{text}")),
            &Lexicon::builtin(),
        );
        let i = a.body_sentences().next().unwrap().index;
        dependence(&a, i)
    }

    #[test]
    fn sentences_that_need_the_one_before() {
        use Dependence::*;
        assert_eq!(
            first("He publicly released 12 pages of emails on Thursday."),
            Some(PointsBack)
        );
        assert_eq!(
            first("On Thursday, she told reporters the plan was dead."),
            Some(PointsBack)
        );
        assert_eq!(first("The vote was close, he said."), Some(UnnamedSpeaker));
        assert_eq!(
            first("Mexico will receive 2.5 million doses, the official said."),
            Some(UnnamedSpeaker)
        );
        assert_eq!(
            first("Trump immediately fired back at the senator on Twitter."),
            Some(Reply)
        );
        assert_eq!(
            first("Final language on those measures hasn't yet been set."),
            Some(PointsBack)
        );
        assert_eq!(
            first("The announcement was made on Thursday in Astana."),
            Some(Anaphoric("announcement".into()))
        );
        assert_eq!(
            first("'We appreciate your respect to her privacy at this time.'"),
            Some(QuoteWithoutSpeaker)
        );
        assert_eq!(
            first("I dated a million guys, but I'm so happy with where I'm at."),
            Some(QuoteWithoutSpeaker)
        );
    }

    #[test]
    fn sentences_that_stand_alone() {
        for s in [
            "Sen. Cory Booker on Thursday released new documents from Brett Kavanaugh's work.",
            "Mexico will receive 2.5 million doses, White House press secretary Jen Psaki said.",
            "\"It is a modest bill,\" Senate Majority Leader Chuck Schumer said.",
            "The Senate voted to advance the hate crime bill on Wednesday.",
            "The Trump administration on Friday slapped sanctions on Russian officials.",
            "Retail sales fell 16.4 percent last month, the Commerce Department said Friday.",
        ] {
            assert_eq!(first(s), None, "{s}");
        }
    }
}
