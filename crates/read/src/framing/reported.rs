//! Which words of a sentence report someone else's words or views without quotation marks:
//! the clause after "X said (that)", "…, saying", "critics fear that"; the "as …" of a verb of
//! judging ("praised the plan as bold"); the sentence before a trailing or inserted attribution
//! ("…, officials said." / "The deal, he said, …"); and everything but the source in a sentence
//! "according to" one. The reporting verb and its subject stay the outlet's: "claimed" or
//! "complained" instead of "said" is the outlet's choice.

use std::ops::Range;

use parallax_text::{Token, TokenKind, WordList};

/// Verbs whose following clause reports someone's words.
static SPEECH_VERBS: WordList = WordList::new(include_str!("../../data/reported-speech-verbs.txt"));
/// Verbs and nouns that report someone's words or view when "that" follows, or as verbs a
/// clause.
static THAT_WORDS: WordList = WordList::new(include_str!("../../data/reported-that-words.txt"));
/// Words that open a clause after a verb ("claim it will …").
static CLAUSE_OPENERS: WordList = WordList::new(include_str!("../../data/clause-openers.txt"));
/// Verbs of judging whose "as …" (for accusing, "of …") phrase is the judge's words.
static AS_VERBS: WordList = WordList::new(include_str!("../../data/reported-as-verbs.txt"));
/// Words before a form that make it a noun ("his claims"), not a verb.
static DETERMINERS: WordList = WordList::new(include_str!("../../data/determiners.txt"));

/// An attribution this short, set off by a comma ("…, officials said"), reports what comes
/// before it; a longer segment is a sentence of its own that only starts after a comma.
const MAX_ATTRIBUTION_TOKENS: usize = 8;
/// An attribution ends its segment: at most this many tokens from its verb to the segment's end
/// ("said on Tuesday"); a verb with a clause after it reports that clause only.
const MAX_ATTRIBUTION_TAIL: usize = 4;

/// Byte ranges of the sentence that are reported speech.
pub(super) fn reported_ranges(text: &str, toks: &[Token<'_>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let lower: Vec<String> = toks.iter().map(|t| t.text.to_lowercase()).collect();
    for k in 0..toks.len() {
        if toks[k].kind != TokenKind::Word {
            continue;
        }
        let next_is_that = lower.get(k + 1).is_some_and(|w| w == "that");
        let clause_from = if lower[k] == "according" && next_is_to(&lower, k) {
            // "according to X, …" / "…, according to X": all but the source's segment.
            let (from, to) = segment(toks, k);
            out.push(0..toks[from].start);
            if let Some(t) = toks.get(to) {
                out.push(t.start..text.len());
            }
            continue;
        } else if SPEECH_VERBS.contains(&lower[k]) && !after_determiner(&lower, k) {
            k + 1 + usize::from(next_is_that)
        } else if THAT_WORDS.contains(&lower[k]) && next_is_that {
            k + 2
        } else if THAT_WORDS.contains(&lower[k])
            && lower.get(k + 1).is_some_and(|w| CLAUSE_OPENERS.contains(w))
            && !after_determiner(&lower, k)
        {
            k + 1
        } else if AS_VERBS.contains(&lower[k]) {
            if let Some(span) = as_phrase(text, toks, &lower, k) {
                out.push(span);
            }
            continue;
        } else {
            continue;
        };
        let clause = toks.get(clause_from..).unwrap_or_default();
        if let Some(from) = clause.iter().find(|t| t.kind != TokenKind::Punct) {
            let end = clause
                .iter()
                .find(|t| t.text == ";")
                .map_or(text.len(), |t| t.start);
            out.push(from.start..end.max(from.start));
        }
        // "…, officials said." / "The deal, he said, is …": the words before an attribution
        // that ends its segment ("said", "said on Tuesday").
        let (from, to) = segment(toks, k);
        if from > 0 && to - from <= MAX_ATTRIBUTION_TOKENS && to - k <= MAX_ATTRIBUTION_TAIL {
            out.push(0..toks[from].start);
        }
    }
    out
}

fn next_is_to(lower: &[String], k: usize) -> bool {
    lower.get(k + 1).is_some_and(|w| w == "to")
}

/// "his claims", "the report": a noun after a determiner ("that" is mostly a relative pronoun:
/// "a video that claims").
fn after_determiner(lower: &[String], k: usize) -> bool {
    k > 0 && lower[k - 1] != "that" && DETERMINERS.contains(&lower[k - 1])
}

/// How far after a verb of judging its "as" may come ("praised the new trade plan as …").
const MAX_OBJECT_TOKENS: usize = 8;

/// The "as …" phrase after a verb of judging ("of …" after accusing), to the end of its
/// segment.
fn as_phrase(text: &str, toks: &[Token<'_>], lower: &[String], k: usize) -> Option<Range<usize>> {
    let (_, to) = segment(toks, k);
    let accuses = lower[k].starts_with("accus");
    let as_at = (k + 1..to.min(k + 1 + MAX_OBJECT_TOKENS))
        .find(|&i| lower[i] == "as" || accuses && lower[i] == "of")?;
    let from = toks.get(as_at + 1)?.start;
    let end = toks.get(to).map_or(text.len(), |t| t.start);
    (from < end).then_some(from..end)
}

/// The comma-delimited segment around token `k`: [first token after the comma before, the comma
/// after (or the sentence's final stop)).
fn segment(toks: &[Token<'_>], k: usize) -> (usize, usize) {
    let is_break = |t: &Token<'_>| matches!(t.text, "," | ";" | ":");
    let from = toks[..k].iter().rposition(is_break).map_or(0, |p| p + 1);
    let mut to = toks[k..]
        .iter()
        .position(is_break)
        .map_or(toks.len(), |p| k + p);
    if to == toks.len()
        && toks
            .last()
            .is_some_and(|t| matches!(t.text, "." | "!" | "?"))
    {
        to -= 1;
    }
    (from, to)
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_text::tokenize;

    fn reported(text: &str) -> Vec<&str> {
        let toks = tokenize(text);
        reported_ranges(text, &toks)
            .into_iter()
            .map(|r| text[r].trim())
            .collect()
    }

    #[test]
    fn the_clause_after_a_reporting_verb_is_the_speakers() {
        assert_eq!(
            reported("He has falsely claimed the caravan is stocked with terrorists."),
            ["the caravan is stocked with terrorists."]
        );
        assert_eq!(
            reported("Critics fear that the deal is a disaster; the outlet disagrees."),
            ["the deal is a disaster"]
        );
        assert!(reported("The fear of terrorism grew.").is_empty());
        assert!(reported("He acknowledged the roaring crowd and denied the charges.").is_empty());
        assert_eq!(
            reported("It sued, accusing the charity of sweeping violations."),
            ["sweeping violations"]
        );
    }

    #[test]
    fn a_trailing_or_inserted_attribution_reports_what_comes_before() {
        assert_eq!(
            reported("The vote was a massacre, officials said."),
            ["The vote was a massacre,"]
        );
        let r = reported("The plan, he argued, is a disgrace.");
        assert!(
            r.contains(&"The plan,") && r.contains(&"is a disgrace."),
            "{r:?}"
        );
        assert_eq!(
            reported("He admits that it failed, but Prager thinks their logic is flawed."),
            ["it failed, but Prager thinks their logic is flawed."]
        );
        let r = reported("The raid was brutal, according to witnesses.");
        assert_eq!(r, ["The raid was brutal,", "."]);
    }

    #[test]
    fn a_judgement_after_as_is_the_judges() {
        assert_eq!(
            reported("She praised the controversial plan as a bold step, and left."),
            ["a bold step"]
        );
        assert!(reported("His claims were false.").is_empty());
        assert!(reported("Facebook relies on user reports to find accounts.").is_empty());
        assert_eq!(
            reported("Many lawmakers claim it will cause massive losses."),
            ["it will cause massive losses."]
        );
    }
}
