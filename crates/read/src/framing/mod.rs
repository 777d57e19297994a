//! Framing devices in an outlet's own voice: scare quotes (`scare_quotes`), distancing words
//! (`distancing`) and loaded terms (`loaded`). Only the outlet's own words count (`voice`):
//! words inside quotation marks (`quoted`) or reported speech (`reported`) are the speaker's,
//! and words of a name are nobody's framing. A loaded term must also be loaded in context:
//! routine domain wording and routine attribution are not framing (`routine`).

mod distancing;
mod loaded;
mod quoted;
mod reported;
mod routine;
mod scare_quotes;
mod voice;

use parallax_model::{FramingKind, FramingMark, Mention, Sentence};

use crate::loaded_terms::Lexicon;
pub use loaded::NEUTRAL;
use voice::Voice;

/// The framing marks of an article's sentences; `mentions` are sorted by sentence.
pub fn find_framing(
    sentences: &[Sentence],
    mentions: &[Mention],
    lexicon: &Lexicon,
) -> Vec<FramingMark> {
    let quoted = quoted::quoted_ranges(sentences);
    // The article's quoted passages: a word quoted alone that is part of one is a quotation.
    let quotations: Vec<String> = sentences
        .iter()
        .zip(&quoted)
        .flat_map(|(s, ranges)| ranges.iter().map(|r| s.text[r.clone()].to_lowercase()))
        .collect();
    let mut out = Vec::new();
    for (s, quoted) in sentences.iter().zip(quoted) {
        let from = mentions.partition_point(|m| m.sentence < s.index);
        let to = mentions.partition_point(|m| m.sentence <= s.index);
        let v = Voice::new(s, &mentions[from..to], quoted);
        let mark = |kind, text: String, category: Option<String>| FramingMark {
            sentence: s.index,
            kind,
            text,
            category,
        };
        for text in scare_quotes::scare_quotes(&v, &quotations) {
            out.push(mark(FramingKind::ScareQuote, text, None));
        }
        for text in distancing::distancing(&v) {
            out.push(mark(FramingKind::Distancing, text, None));
        }
        for (text, category) in loaded::loaded_terms(&v, lexicon) {
            out.push(mark(FramingKind::Loaded, text, Some(category)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::find_mentions;

    /// The framing of an article given as paragraphs of sentences.
    fn framing_of(paragraphs: &[&[&str]]) -> Vec<(FramingKind, String)> {
        let sentences = crate::test_paragraphs(paragraphs);
        let m = find_mentions(&sentences);
        find_framing(&sentences, &m, &Lexicon::builtin())
            .into_iter()
            .map(|f| (f.kind, f.text))
            .collect()
    }

    fn framing(text: &str) -> Vec<(FramingKind, String)> {
        framing_of(&[&[text]])
    }

    #[test]
    fn scare_quotes_distancing_and_loaded_terms() {
        let f = framing(
            "Kazakhstan joined the so-called Abraham Accords with 'Israel' in a landmark move.",
        );
        assert!(
            f.contains(&(FramingKind::ScareQuote, "'Israel'".into())),
            "{f:?}"
        );
        assert!(
            f.contains(&(FramingKind::Distancing, "so-called Abraham Accords".into())),
            "{f:?}"
        );
        assert!(
            f.contains(&(FramingKind::Loaded, "landmark".into())),
            "{f:?}"
        );
    }

    #[test]
    fn quoted_words_are_the_speakers_not_the_outlets() {
        let f = framing("Washington praised it as a \"bold and visionary step\" toward stability.");
        assert!(f.is_empty(), "{f:?}");
        let f = framing("Troops were slaughtered in the village overnight.");
        assert_eq!(f, [(FramingKind::Loaded, "slaughtered".into())]);
        // A quotation running over sentences, and the two-apostrophe convention.
        let f = framing_of(&[&[
            "He said: \"They came at night.",
            "It was a massacre.\"",
            "''We don't want terrorists,'' she added.",
        ]]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn names_are_not_loaded_words() {
        let f = framing("Representative Louise M. Slaughter of New York voted against the bill.");
        assert!(f.is_empty(), "{f:?}");
        let f = framing("The Hilltoppers were led by guards A.J. Slaughter and Orlando Mendez.");
        assert!(f.is_empty(), "{f:?}");
        // A sentence-initial word is not a name; a headline's capitals say nothing either.
        let f = framing("Disgraced former director Andrew McCabe testified on Monday.");
        assert_eq!(f, [(FramingKind::Loaded, "Disgraced".into())]);
        let mut headline =
            crate::test_sentence(0, "Trump Slammed Over Bombshell Resignation Letter");
        headline.is_heading = true;
        let f = find_framing(&[headline], &[], &Lexicon::builtin());
        assert_eq!(f.len(), 2, "{f:?}");
    }

    #[test]
    fn reported_speech_is_the_speakers_not_the_outlets() {
        let f = framing(
            "He has falsely claimed the caravan is stocked with gang members and terrorists.",
        );
        assert!(
            !f.iter().any(|(_, t)| t == "terrorists"),
            "the claim's words are the speaker's: {f:?}"
        );
        let f = framing("The raid was a massacre, officials said.");
        assert!(f.is_empty(), "{f:?}");
        let f = framing("Critics argue that the agreements bypassed the Palestinians.");
        assert!(f.is_empty(), "{f:?}");
        let f = framing("The minister characterized the rules as a common-sense fix.");
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn routine_attribution_is_not_distancing() {
        for s in [
            "The indictment alleged that he laundered money.",
            "Prosecutors allege he took bribes.",
            "The driver allegedly hit a woman and fled.",
            "The actress reportedly entered rehab on Tuesday.",
            "The company is supposed to hand over the score.",
        ] {
            let f = framing(s);
            assert!(
                !f.iter().any(|(k, _)| *k == FramingKind::Distancing),
                "{s}: {f:?}"
            );
        }
        // Jargon introduced by "so-called" is not doubted.
        for s in [
            "The court limited so-called no-knock warrants on Friday.",
            "Democrats voted to delay the so-called Cadillac tax for two years.",
        ] {
            let f = framing(s);
            assert!(f.is_empty(), "{s}: {f:?}");
        }
        // A doubted name in reported speech is still the writer's doubt.
        let f = framing("Kazakhstan announced it would join the so-called Abraham Accords.");
        assert_eq!(
            f,
            [(FramingKind::Distancing, "so-called Abraham Accords".into())]
        );
        let f = framing("It is the so-called offense of supporting a candidate.");
        assert_eq!(f, [(FramingKind::Distancing, "so-called offense".into())]);
    }

    #[test]
    fn scare_quotes_around_common_words() {
        let f = framing("The so-called \"caravan\" reached the border on Monday.");
        assert_eq!(f, [(FramingKind::ScareQuote, "\"caravan\"".into())]);
        let f = framing("Yet his \"investigation\" found nothing at all.");
        assert_eq!(f, [(FramingKind::ScareQuote, "\"investigation\"".into())]);
        // Someone's words: a reporting verb, a person acting, a characterisation, a quoted
        // modifier of a term, a title.
        for s in [
            "Trump called the inquiry a \"hoax\" on Monday.",
            "Clinton emphasized the need for an \"unshakeable commitment\" to Israel.",
            "The option was seen by organizers as a \"lifeboat\" for conservatives.",
            "That could trigger the \"contested convention\" scenario in July.",
            "The actress starred in \"American Pie\" at the time.",
        ] {
            let f = framing(s);
            assert!(
                !f.iter().any(|(k, _)| *k == FramingKind::ScareQuote),
                "{s}: {f:?}"
            );
        }
        // Names in quotation marks that are titles or talked about.
        for s in [
            "Sanders said on NBC's \"Meet the Press\" that the plan failed.",
            "The \"Broad City\" star turned the tables at auditions.",
            "Cruz called the use of the term \"Palestine\" incorrect.",
        ] {
            let f = framing(s);
            assert!(
                !f.iter().any(|(k, _)| *k == FramingKind::ScareQuote),
                "{s}: {f:?}"
            );
        }
        // A word quoted from a longer quotation of the article is a quotation.
        let f = framing_of(&[
            &["\"The investigation is a disgrace to the nation,\" the senator said."],
            &["The \"disgrace\" remained the talk of the town."],
        ]);
        assert!(f.is_empty(), "{f:?}");
    }

    #[test]
    fn neutral_phrases_override_loaded_terms() {
        let f = framing("The group claimed responsibility for the attack.");
        assert!(f.is_empty(), "{f:?}");
        let f = framing("The truck slammed into a wall on Monday.");
        assert!(f.is_empty(), "{f:?}");
        let f = framing("The senator slammed the plan on Monday.");
        assert_eq!(f, [(FramingKind::Loaded, "slammed".into())]);
    }

    #[test]
    fn evaluative_news_wording_is_loaded() {
        for (s, term) in [
            ("The onslaught of criticism grew.", "onslaught"),
            ("The president doubled down on the remarks.", "doubled down"),
            ("She released a bombshell resignation letter.", "bombshell"),
            (
                "Sanders complained to reporters about the rules.",
                "complained",
            ),
        ] {
            let f = framing(s);
            assert!(
                f.contains(&(FramingKind::Loaded, term.to_string())),
                "{s}: {f:?}"
            );
        }
    }

    /// Whether the sentence's framing flags the term as loaded.
    fn flags(s: &str, term: &str) -> bool {
        framing(s).contains(&(FramingKind::Loaded, term.to_string()))
    }

    #[test]
    fn standard_domain_words_are_not_loaded() {
        // The standard word of a domain (records and heritage, police, policy, size) is no
        // framing; the writer's evaluative word beside it still is.
        let cases: [(&str, &[&str], &str); 5] = [
            (
                "The storied club marked a historic night with a milestone goal.",
                &["historic", "milestone"],
                "storied",
            ),
            (
                "Police launched a crackdown on the notorious gang on Friday.",
                &["crackdown"],
                "notorious",
            ),
            (
                "The sweeping bill would undermine the brazen scheme of the cartel.",
                &["sweeping", "undermine"],
                "brazen",
            ),
            (
                "A massive fire gutted the historic building, a shameful loss.",
                &["massive", "historic"],
                "shameful",
            ),
            (
                "Stocks got hammered, stirring fears, after a despicable man bashed a guard.",
                &["hammered", "stirring", "bashed"],
                "despicable",
            ),
        ];
        for (s, routine, loaded) in cases {
            let f = framing(s);
            assert!(
                !f.iter().any(|(_, t)| routine.contains(&t.as_str())),
                "{s}: {f:?}"
            );
            assert!(
                f.contains(&(FramingKind::Loaded, loaded.into())),
                "{s}: {f:?}"
            );
        }
    }

    #[test]
    fn size_and_result_words_are_literal_beside_a_figure_or_a_record() {
        for (s, term) in [
            (
                "Retail sales fell at an unprecedented rate in May.",
                "unprecedented",
            ),
            ("Home prices soared 12 percent over the year.", "soared"),
            (
                "The Tigers moved to 8-1 after a 70-52 drubbing of Auburn.",
                "drubbing",
            ),
            (
                "Exports plummeted to their lowest level since records began.",
                "plummeted",
            ),
        ] {
            assert!(!flags(s, term), "{s}: {:?}", framing(s));
        }
        for (s, term) in [
            (
                "The governor launched an unprecedented attack on the court.",
                "unprecedented",
            ),
            ("The outsider soared past the party's favourite.", "soared"),
            ("The party took a drubbing in the suburbs.", "drubbing"),
            ("Her hopes of a comeback plummeted.", "plummeted"),
        ] {
            assert!(flags(s, term), "{s}: {:?}", framing(s));
        }
    }

    #[test]
    fn a_noun_heading_an_events_name_is_the_name() {
        let s = "He served four years for his part in the Enron scandal.";
        assert!(!flags(s, "scandal"), "{:?}", framing(s));
        let s = "The Iran-Contra cover-up reached the White House.";
        assert!(!flags(s, "cover-up"), "{:?}", framing(s));
        let s = "The mayor's latest scandal deepened on Tuesday.";
        assert!(flags(s, "scandal"), "{:?}", framing(s));
        let s = "A scandal engulfed the agency, and a cover-up followed.";
        let f = framing(s);
        assert!(
            f.contains(&(FramingKind::Loaded, "scandal".into()))
                && f.contains(&(FramingKind::Loaded, "cover-up".into())),
            "{f:?}"
        );
    }

    #[test]
    fn reporting_verbs_distance_speakers_not_documents() {
        // What a document or a filing states, or a party to a suit: routine attribution.
        for (s, term) in [
            (
                "A post claiming the vote was rigged spread widely.",
                "claiming",
            ),
            ("The lawsuit claimed the contract was void.", "claimed"),
            (
                "The firm sued, claiming it was owed $2 million.",
                "claiming",
            ),
            (
                "Two plaintiffs complained that the rules were unfair.",
                "complained",
            ),
        ] {
            assert!(!flags(s, term), "{s}: {:?}", framing(s));
        }
        // A person's or a body's statement: "claimed" over "said" is the writer's distance.
        for (s, term) in [
            ("The senator claimed the vote was rigged.", "claimed"),
            ("The ministry insisted the strike had failed.", "insisted"),
            ("He is claiming that the tapes were doctored.", "claiming"),
        ] {
            assert!(flags(s, term), "{s}: {:?}", framing(s));
        }
    }

    #[test]
    fn set_phrases_of_a_domain_are_neutral() {
        for s in [
            "The crowd rose for a rousing ovation after the final whistle.",
            "Markets fell on a wave of panic selling.",
            "The court issued a landmark ruling on privacy.",
            "Police said the terrorist attack killed four.",
            "The team blamed a regime change for the slump.",
        ] {
            let f = framing(s);
            assert!(f.is_empty(), "{s}: {f:?}");
        }
        assert!(flags("She gave a rousing speech.", "rousing"));
        assert!(flags("The regime jailed the editors.", "regime"));
    }
}
