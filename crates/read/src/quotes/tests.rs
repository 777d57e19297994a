//! The quotes stage end to end: articles in, quotes and their speakers out.

use crate::read_article;
use parallax_model::{Article, QuoteKind};

fn quotes(text: &str) -> Vec<(String, Option<String>, QuoteKind)> {
    let r = read_article(&Article::new("t", text), &crate::Lexicon::builtin());
    r.quotes
        .into_iter()
        .map(|q| (q.text, q.speaker, q.kind))
        .collect()
}

/// The one quote of a text.
fn only_quote(text: &str) -> (String, Option<String>, QuoteKind) {
    let mut q = quotes(text);
    assert_eq!(q.len(), 1, "{q:?}");
    q.remove(0)
}

#[test]
fn quote_then_speaker() {
    let q = quotes("Headline Here\n\"The Abraham Accords are a big thing. Tonight, another country is going to announce,\" Witkoff said.");
    assert_eq!(
        q[0].0,
        "The Abraham Accords are a big thing. Tonight, another country is going to announce"
    );
    assert_eq!(q[0].1.as_deref(), Some("Witkoff"));
    assert_eq!(q[0].2, QuoteKind::Direct);
}

#[test]
fn speakers_before_and_after_the_quote() {
    // (text after a headline line, the first quote's speaker)
    let cases = [
        // Speaker, then quote.
        ("In a statement, the Kazakh government said, \"Our expected accession represents a natural and logical continuation of policy.\"", "Government of Kazakhstan"),
        ("Another official noted: \"This is going to show that many countries want to be a member.\"", "Another official"),
        // "said X", with an appositive or a phrase after the name.
        ("\"The accords were never about peace for Palestinians,\" said Rania Malki, a Middle East analyst.", "Rania Malki"),
        ("\"Our anticipated accession is natural and logical for us all,\" said the government in an official statement.", "the government"),
        // A role whose phrase names an organisation is the role.
        ("\"This is a natural progression of a long friendship,\" an Israeli Foreign Ministry spokesperson told reporters.", "an Israeli Foreign Ministry spokesperson"),
    ];
    for (text, speaker) in cases {
        let q = quotes(&format!("Headline Here\n{text}"));
        assert_eq!(q[0].1.as_deref(), Some(speaker), "{text}");
    }
}

#[test]
fn partial_quotes_need_a_speaker_and_pronouns_resolve() {
    let (text, speaker, kind) = only_quote("Headline Here\nUS President Donald Trump spoke on Thursday.\nHe called the talks \"a major step forward\" on Truth Social.\nThe so-called \"peace\" plan stalled.");
    assert_eq!(text, "a major step forward");
    assert_eq!(speaker.as_deref(), Some("Donald Trump"));
    assert_eq!(kind, QuoteKind::Partial);
}

#[test]
fn indirect_attribution() {
    let q = quotes("Headline Here\nPolitical analysts suggest that joining the accords aligns with efforts to attract investment.\nThe deal will be signed next month, Kazakh officials said.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(
        q[0].0,
        "joining the accords aligns with efforts to attract investment"
    );
    assert_eq!(q[0].1.as_deref(), Some("Political analysts"));
    assert_eq!(q[0].2, QuoteKind::Indirect);
    assert_eq!(q[1].0, "The deal will be signed next month");
}

#[test]
fn open_quote_runs_to_paragraph_end() {
    let q = quotes("Headline Here\nWitkoff said: \"We are going to announce another country tonight and more will follow.\nNext paragraph.");
    assert_eq!(
        q[0].0,
        "We are going to announce another country tonight and more will follow."
    );
}

#[test]
fn quote_broken_over_lines_is_one_quote() {
    let (text, speaker, _) = only_quote("Headline Here\n\"Thompson was not so easy to box.\nI'm satisfied,\" Klitschko said.\nHe won.");
    assert_eq!(text, "Thompson was not so easy to box.\nI'm satisfied");
    assert_eq!(speaker.as_deref(), Some("Klitschko"));
    // A next paragraph reopening with its own mark is the newspaper convention instead.
    let q = quotes("Headline Here\nKlitschko said: \"We will win this fight and the next one.\n\"And then we will rest for a long time,\" Klitschko added.");
    assert_eq!(q.len(), 2, "{q:?}");
    assert_eq!(q[0].0, "We will win this fight and the next one.");
}

#[test]
fn relative_clauses_and_plain_objects() {
    let (_, speaker, _) = only_quote("Headline Here\nLater, the Tabar sank a Thai trawler that the Indian Navy said was a pirate \"mother vessel\".");
    assert_eq!(speaker.as_deref(), Some("Indian Navy"));
    let q = quotes("Headline Here\nPeyton Hillis added 101 yards on the ground for the Chiefs.");
    assert!(q.is_empty(), "{q:?}");
    let q = quotes("Headline Here\nCity Attorney Terry White confirmed to The Associated Press that Lohan has checked into an approved facility.");
    assert_eq!(
        q[0].0, "Lohan has checked into an approved facility",
        "{q:?}"
    );
}

/// The speaker of the quote whose text starts with `start`.
fn speaker_of(text: &str, start: &str) -> Option<String> {
    let q = quotes(text);
    q.iter()
        .find(|q| q.0.starts_with(start))
        .unwrap_or_else(|| panic!("no quote {start:?} in {q:?}"))
        .1
        .clone()
}

#[test]
fn titled_surname_after_the_quote() {
    let text = "Headline Here\n\"We are not going anywhere this year,\" Mr. Clyburn said.";
    assert_eq!(speaker_of(text, "We are not").as_deref(), Some("Clyburn"));
}

#[test]
fn title_stays_with_the_name_and_party_tags_are_left_out() {
    let text = "Headline Here\n\"It is a bad bill for the country,\" said Sen. Ben Sasse \
                (R-Neb.), who opposed it.";
    assert_eq!(
        speaker_of(text, "It is a bad").as_deref(),
        Some("Ben Sasse")
    );
    let text = "Headline Here\n\"There has been a lot of talk,\" Senate Majority Leader \
                Mitch McConnell, R-Ky., said.";
    assert_eq!(
        speaker_of(text, "There has").as_deref(),
        Some("Mitch McConnell")
    );
}

#[test]
fn appositive_name_after_a_role_is_the_speaker() {
    let text = "Headline Here\n\"We lost the case today,\" said John Smith, the plaintiff.\n\
                The lawyer, Mark D. Sheridan, said, \"We will appeal the ruling as soon as we can.\"";
    assert_eq!(
        speaker_of(text, "We will appeal").as_deref(),
        Some("Mark D. Sheridan")
    );
}

#[test]
fn a_colon_after_any_verb_introduces_the_quote() {
    let text = "Headline Here\n\"We will win the state by ten points,\" Clinton said.\n\
                Mook agreed: \"This is the best campaign we have run in years.\"";
    assert_eq!(
        speaker_of(text, "This is the best").as_deref(),
        Some("Mook")
    );
    // A colon closing the previous paragraph introduces the quote opening the next one.
    let text = "Headline Here\nDr. Kelli Ward stated:\n\"The department is no longer about \
                equal justice under law.\"";
    assert_eq!(
        speaker_of(text, "The department").as_deref(),
        Some("Kelli Ward")
    );
}

#[test]
fn a_surname_is_the_person_the_article_names_most_with_it() {
    let text = "Headline Here\nDonald Trump held a rally in Ohio. Donald Trump spoke for an \
                hour.\nMelania Trump did not attend.\nDonald Trump left at noon.\n\
                \"We are going to win this state easily,\" Trump said.\n\
                \"I am proud of my husband and his campaign,\" Mrs. Trump said.";
    assert_eq!(
        speaker_of(text, "We are going").as_deref(),
        Some("Donald Trump")
    );
    assert_eq!(
        speaker_of(text, "I am proud").as_deref(),
        Some("Melania Trump")
    );
}

#[test]
fn pronouns_and_roles_resolve_to_the_person_meant() {
    // "she" is the woman the paragraph is about, "he" the man.
    let text = "Headline Here\nHillary Clinton met Bernie Sanders in Ohio on Monday.\n\
                \"We agree on much more than we disagree on,\" she said.\n\
                \"I will keep campaigning until the convention,\" he said.";
    assert_eq!(
        speaker_of(text, "We agree").as_deref(),
        Some("Hillary Clinton")
    );
    assert_eq!(
        speaker_of(text, "I will keep").as_deref(),
        Some("Bernie Sanders")
    );
    // "the senator" is the senator the article named.
    let text = "Headline Here\nSen. Ben Sasse met Donald Trump on Tuesday.\n\
                \"I cannot support this nominee in November,\" the senator said.";
    assert_eq!(speaker_of(text, "I cannot").as_deref(), Some("Ben Sasse"));
}

#[test]
fn show_titles_are_not_quotes() {
    let q = quotes(
        "Headline Here\nCarson said on NBC's \"Meet the Press\" that he expects \
                    to be vetted, and he spoke on \"Fox and Friends\" too.",
    );
    assert!(q.iter().all(|q| q.2 == QuoteKind::Indirect), "{q:?}");
}

#[test]
fn short_full_sentence_quotes_are_direct_quotes() {
    let (text, speaker, kind) =
        only_quote("Headline Here\n\"I don't see it happening,\" Mr. Rove said.");
    assert_eq!(text, "I don't see it happening");
    assert_eq!(speaker.as_deref(), Some("Rove"));
    assert_eq!(kind, QuoteKind::Direct);
}

#[test]
fn beliefs_are_not_reported_speech() {
    // What someone believes is no quote of theirs; words in quotation marks still are.
    let q = quotes("Headline Here\nTrump believes the trade deal will fail within a year.");
    assert!(q.is_empty(), "{q:?}");
    let text = "Headline Here\nRamos believes in journalism that \"takes sides.\"";
    assert_eq!(speaker_of(text, "takes sides").as_deref(), Some("Ramos"));
}

#[test]
fn attributions_past_a_question_mark_or_at_the_sentence_end() {
    let text = "Headline Here\n\"Does he not understand we wrote the constitution?\" Biden \
                asked.";
    assert_eq!(speaker_of(text, "Does he").as_deref(), Some("Biden"));
    let text = "Headline Here\n\"Many would consider that an embarrassment\" if she lost, \
                said David Wasserman, an elections analyst.";
    assert_eq!(
        speaker_of(text, "Many would").as_deref(),
        Some("David Wasserman")
    );
    let text = "Headline Here\n\"He can't even answer a question.\" - Esther Tapia\n\
                \"The most unqualified child to ever run.\"\n- Francisco Herrero.";
    assert_eq!(
        speaker_of(text, "He can't").as_deref(),
        Some("Esther Tapia")
    );
    assert_eq!(
        speaker_of(text, "The most").as_deref(),
        Some("Francisco Herrero")
    );
}

#[test]
fn a_reporting_verb_before_outweighs_a_past_tense_after() {
    let text = "Headline Here\nIn a clip that Judge Michael W. Mosman called \"distasteful,\" \
                Santilli expressed a wish to leave.";
    assert_eq!(
        speaker_of(text, "distasteful").as_deref(),
        Some("Michael W. Mosman")
    );
}

#[test]
fn quotes_continue_their_speaker_across_narration_and_paragraphs() {
    let text = "Headline Here\n\"Oh gosh, those are some very small towns,\" Eric Woolson \
                said. They lie in a media dead zone. \"That's a tough area to reach.\"\n\
                \"We will be there anyway, every single week.\"";
    assert_eq!(
        speaker_of(text, "That's a tough").as_deref(),
        Some("Eric Woolson")
    );
    assert_eq!(
        speaker_of(text, "We will be there").as_deref(),
        Some("Eric Woolson")
    );
    // A quotation right after a sentence about a person is that person's.
    let text = "Headline Here\nHillary Clinton touted her record on the bill. \"We need to \
                find ways to solve this together.\"";
    assert_eq!(
        speaker_of(text, "We need to").as_deref(),
        Some("Hillary Clinton")
    );
    // Narration about someone else ends the previous speaker's quote: the quotation after
    // it is that person's, and with nobody named, nobody's.
    let text = "Headline Here\n\"We will win this state,\" Eric Woolson said. Ted Cruz \
                arrived later. \"That is a tough area to reach by car.\"";
    assert_eq!(
        speaker_of(text, "That is a tough").as_deref(),
        Some("Ted Cruz")
    );
    let text = "Headline Here\n\"We will win this state,\" Eric Woolson said. Ted Cruz \
                arrived later, and the crowd cheered him. The rally ended at noon. \"That \
                is a tough area to reach by car.\"";
    assert_eq!(speaker_of(text, "That is a tough"), None);
}

#[test]
fn a_participles_object_is_its_addressee_and_with_names_its_subject() {
    // After "telling" the name is the one told; the speaker is the clause's subject.
    let text = "Headline Here\nHours later, Tom Beck thanked the donors, telling Reuters, \"We \
                have been friends for a long time and I respect them.\"";
    assert_eq!(
        speaker_of(text, "We have been").as_deref(),
        Some("Tom Beck")
    );
    // "with X tweeting": the name before the participle is its subject.
    let text = "Headline Here\nRepublicans were quick to respond, with Donald Trump tweeting \
                that the deal was a \"total disaster\" for the country.";
    assert_eq!(
        speaker_of(text, "total disaster").as_deref(),
        Some("Donald Trump")
    );
}

#[test]
fn given_names_in_ly_are_names_and_adverbs_are_not_part_of_a_speaker() {
    let text = "Headline Here\nEmily Stone spoke at the rally on Friday, calling the plan \
                \"the best deal this town has seen in many years.\"";
    assert_eq!(
        speaker_of(text, "the best deal").as_deref(),
        Some("Emily Stone")
    );
    let text = "Headline Here\n\"We cannot keep doing this to our workers and their families,\" \
                a senior trade adviser sharply warned.";
    assert_eq!(
        speaker_of(text, "We cannot").as_deref(),
        Some("a senior trade adviser")
    );
}

#[test]
fn attributions_without_a_reporting_subject() {
    // A passive verb's agent spoke, not its subject.
    let text = "Headline Here\nThe mayor, Tom Beck, was described by The Boston Globe as \"the \
                most stubborn man in the whole state.\"";
    assert_eq!(
        speaker_of(text, "the most").as_deref(),
        Some("The Boston Globe")
    );
    let text = "Headline Here\nAna Ruiz was told by the police that her car \"had been found in a \
                ditch near the river.\"";
    assert_eq!(speaker_of(text, "had been").as_deref(), Some("the police"));
    // A document introduced by a colon carries the words of whoever it is from.
    let text = "Headline Here\nThen came a statement from the Ruiz family: \"We are grateful for \
                the support of our neighbours.\"";
    assert_eq!(
        speaker_of(text, "We are").as_deref(),
        Some("the Ruiz family")
    );
}

#[test]
fn a_repeated_quotation_keeps_its_speaker() {
    let text = "Headline Here\n\"We will rebuild the bridge before winter comes,\" Mayor Ana Ruiz \
                said on Monday.\nThe council met on Tuesday to discuss the budget.\nThe city \
                has heard it before: \"We will rebuild the bridge before winter comes.\"";
    let q = quotes(text);
    assert_eq!(q.len(), 2, "{q:?}");
    assert!(
        q.iter().all(|q| q.1.as_deref() == Some("Ana Ruiz")),
        "{q:?}"
    );
}

#[test]
fn a_pronoun_may_mean_the_family_member_a_surname_left_out() {
    // "Beck" alone resolves to the Beck named most; "she" is the woman of the family.
    let text = "Headline Here\nTom Beck opened the new plant on Monday. Tom Beck thanked the \
                workers.\nLinda Beck and Tom Beck hosted a dinner later.\nMary Lane left \
                early.\nThe guests stayed late.\nBeck, in a white gown, greeted them at the door. \
                \"It was a lovely evening for all of us,\" she said.";
    assert_eq!(
        speaker_of(text, "It was a lovely").as_deref(),
        Some("Linda Beck")
    );
}
