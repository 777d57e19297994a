//! The error kinds of the judged baseline (docs/judging/2026-11-30-baseline.md), one test each:
//! every test failed on the comparison before issue 14. The texts are written for these tests
//! (not taken from the evaluation data); each states the kind in its simplest form.

use parallax_compare::analyze_story;
use parallax_model::{Article, Claim, ClaimStatus, ReadArticle, StoryReport};
use parallax_read::{read_article, Lexicon};

/// A story of articles given as (headline, body).
fn story(items: &[(&str, &str)]) -> StoryReport {
    let read: Vec<ReadArticle> = items
        .iter()
        .enumerate()
        .map(|(i, (title, body))| {
            let mut a = Article::new(format!("a{i}"), *body);
            a.title = Some(title.to_string());
            read_article(&a, &Lexicon::builtin())
        })
        .collect();
    let refs: Vec<&ReadArticle> = read.iter().collect();
    analyze_story("s", &refs)
}

/// The claim whose support holds a sentence containing `text`.
fn claim_with<'a>(r: &'a StoryReport, text: &str) -> &'a Claim {
    r.claims
        .iter()
        .find(|c| c.support.iter().any(|s| s.sentence.contains(text)))
        .unwrap_or_else(|| panic!("no claim with {text:?}: {:#?}", r.claims))
}

fn same_claim(r: &StoryReport, a: &str, b: &str) -> bool {
    claim_with(r, a).id == claim_with(r, b).id
}

// --- Alignment by shared words, not the same fact ---------------------------------------------

#[test]
fn different_actors_reacting_to_one_report_are_different_claims() {
    let r = story(&[
        (
            "Warren calls on Congress to begin impeachment",
            "Sen. Elizabeth Warren on Friday called on Congress to impeach President Donald Trump after the publication of special counsel Robert Mueller's report on the Russia investigation.",
        ),
        (
            "Romney says he is sickened by the Mueller report",
            "Sen. Mitt Romney said Friday that he was sickened by President Donald Trump's conduct as detailed in special counsel Robert Mueller's report on the Russia investigation.",
        ),
    ]);
    assert!(!same_claim(&r, "Warren", "Romney"), "{:#?}", r.claims);
}

/// Found by `parallax eval claims` (2026-12-01): two short sentences that share a couple of
/// words and no name or figure are close by cosine and state nothing in common; a sentence
/// repeated word for word is still one claim.
#[test]
fn a_couple_of_shared_words_are_not_one_fact_but_a_repeated_sentence_is() {
    let r = story(&[
        (
            "Fire destroys empty warehouse in Palmer",
            "A fire destroyed an empty warehouse in Palmer early on Sunday, officials said. Firefighters from three towns fought the blaze for four hours. It was a remarkably tough night for everyone. Nobody had used the building in years.",
        ),
        (
            "Palmer warehouse lost to fire",
            "Fire destroyed a vacant warehouse in Palmer on Sunday morning. Crews from three towns fought the flames for four hours. The local economy remains remarkably tough. Nobody had used the building in years.",
        ),
        (
            "Warehouse burns in Palmer",
            "An empty warehouse in Palmer burned down on Sunday. No one was hurt.",
        ),
    ]);
    assert!(
        !same_claim(&r, "tough night", "economy remains"),
        "{:#?}",
        r.claims
    );
    let repeated = claim_with(&r, "Nobody had used the building");
    assert_eq!(repeated.independent_sources, 2, "{repeated:#?}");
}

#[test]
fn an_affirmed_and_a_denied_statement_of_different_people_are_different_claims() {
    let r = story(&[
        (
            "Son confirms messages with WikiLeaks",
            "Donald Trump Jr. on Monday confirmed his private messages with WikiLeaks during the campaign, releasing the exchange on Twitter. Trump Jr. did occasionally respond to the WikiLeaks messages, the records show.",
        ),
        (
            "Assange cannot confirm the messages",
            "WikiLeaks founder Julian Assange said he could not confirm the private messages with Donald Trump Jr. during the campaign. Mr. Trump did not respond to the WikiLeaks messages, the records show.",
        ),
    ]);
    assert!(
        !same_claim(&r, "Jr. on Monday confirmed", "could not confirm"),
        "{:#?}",
        r.claims
    );
    assert!(
        !same_claim(&r, "did occasionally respond", "did not respond"),
        "{:#?}",
        r.claims
    );
}

#[test]
fn charged_denied_and_arrested_are_different_steps() {
    let r = story(&[
        (
            "Man charged over supermarket fire",
            "Robert Pitman, 24, of Wellington has been charged with arson following the fire at the Waitrose supermarket in the High Street.",
        ),
        (
            "Man denies supermarket arson",
            "A man has denied arson following the fire at the Waitrose supermarket in Wellington High Street on Friday night.",
        ),
        (
            "Arrest after supermarket fire",
            "Police arrested a man in Wellington after the fire at the Waitrose supermarket in the High Street.",
        ),
    ]);
    assert!(!same_claim(&r, "charged", "denied"), "{:#?}", r.claims);
    assert!(!same_claim(&r, "charged", "arrested"), "{:#?}", r.claims);
    assert!(!same_claim(&r, "denied", "arrested"), "{:#?}", r.claims);
}

// --- Paraphrase missed ----------------------------------------------------------------------

#[test]
fn a_pact_an_agreement_a_deal_and_a_memorandum_are_one_claim() {
    let r = story(&[
        (
            "Ruritania and Osterlich agree on rare earths",
            "The talks in the capital went on late into the night. Ruritania and Osterlich signed a cooperation agreement over rare earths on Thursday.",
        ),
        (
            "Osterlich courts Ruritania",
            "The visit went well for both sides. On Thursday the two countries inked a memorandum of understanding on rare earths cooperation.",
        ),
        (
            "Rare earths pact",
            "Markets were calm on Thursday. The move coincides with a new Osterlich pact on rare earths.",
        ),
    ]);
    let c = claim_with(&r, "memorandum of understanding");
    assert_eq!(c.independent_sources, 3, "{:#?}", r.claims);
    assert_eq!(c.status, ClaimStatus::Corroborated);
}

#[test]
fn the_main_event_stated_by_every_lead_in_other_words_is_corroborated() {
    let r = story(&[
        (
            "Judge tosses order on coastal drilling, restores ban",
            "A federal judge in Anchorage threw out the governor's executive order that had lifted the ban on oil drilling along the northern coast.",
        ),
        (
            "Coastal drilling order was unlawful, court finds",
            "In a major legal blow to the governor, a federal court ruled that his executive order opening the northern coast to oil drilling was unlawful.",
        ),
        (
            "Court blocks governor's drilling plan",
            "A federal judge has reinstated the ban on oil drilling along the northern coast, undermining the governor's plan to expand drilling.",
        ),
    ]);
    let c = &r.claims[0];
    assert_eq!(c.status, ClaimStatus::Corroborated, "{:#?}", r.claims);
    assert_eq!(c.independent_sources, 3, "{:#?}", r.claims);
}

// --- Contradictions ---------------------------------------------------------------------------

#[test]
fn figures_of_aligned_statements_are_compared_side_by_side() {
    let r = story(&[
        (
            "Mayor indicted",
            "A grand jury on Friday returned a 47-page indictment against Mayor Tom Hale, accusing him of taking bribes from builders.",
        ),
        (
            "Hale indicted on bribery charges",
            "The 48-page indictment unsealed this week charges Mayor Tom Hale with bribery, prosecutors said.",
        ),
    ]);
    let c = r
        .contradictions
        .iter()
        .find(|c| c.about == "number")
        .unwrap_or_else(|| panic!("{:#?}", r.contradictions));
    let values: Vec<&str> = c.values.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(values, ["47-page", "48-page"]);
}

#[test]
fn ranges_of_years_are_compared_value_by_value() {
    let r = story(&[
        (
            "Former governor dies",
            "Former Governor Ann Roe, who led the state from 1966 to 1978, died on Sunday at her home, her family said.",
        ),
        (
            "Ann Roe dies",
            "Ann Roe, who led the state as governor from 1967 to 1979, died on Sunday at her home, her family said.",
        ),
    ]);
    let c = r
        .contradictions
        .iter()
        .find(|c| c.about == "date")
        .unwrap_or_else(|| panic!("{:#?}", r.contradictions));
    let values: Vec<&str> = c.values.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(values, ["1966 to 1978", "1967 to 1979"]);
}

#[test]
fn no_contradiction_rests_on_an_unresolved_pronoun() {
    let r = story(&[
        (
            "Saints release Thomas",
            "The Saints released running back Pierre Thomas on Monday. He had 269 rushing yards this season for the team.",
        ),
        (
            "Thomas cut",
            "New Orleans cut veteran Pierre Thomas on Monday after the season ended. He had 716 rushing yards this season for the team.",
        ),
    ]);
    assert!(r.contradictions.is_empty(), "{:#?}", r.contradictions);
}

// --- Briefs -----------------------------------------------------------------------------------

#[test]
fn a_brief_opens_with_the_main_event_even_when_no_fact_is_corroborated() {
    let r = story(&[
        (
            "Storm batters the coast",
            "A rare winter storm battered the northern coast with heavy snow and ice on Monday.",
        ),
        (
            "Snow and ice cut power to thousands",
            "Freezing rain knocked out power to 40,000 homes in the region as temperatures fell overnight.",
        ),
    ]);
    assert!(!r.brief.is_empty());
    let first = &r.brief[0];
    assert_eq!(first.status, ClaimStatus::SingleSource, "{:#?}", r.brief);
    assert!(r
        .claims
        .iter()
        .all(|c| c.status == ClaimStatus::SingleSource));
}

#[test]
fn a_brief_does_not_repeat_the_main_event() {
    let r = story(&[
        (
            "Swimmer and actress dies at 91",
            "Jane Moss, the swimming champion turned film star, has died. Moss died peacefully in her sleep on Thursday at the age of 91, her publicist Harlan Reed said.",
        ),
        (
            "Jane Moss dies",
            "Swimming champion and film star Jane Moss has died. Moss, 91, died peacefully in her sleep on Thursday, according to her publicist Harlan Reed.",
        ),
    ]);
    let deaths = r
        .brief
        .iter()
        .filter(|b| b.text.contains("died") || b.text.contains("has died"))
        .count();
    assert_eq!(deaths, 1, "{:#?}", r.brief);
}

#[test]
fn brief_sentences_read_on_their_own() {
    let r = story(&[
        (
            "Senator releases committee emails",
            "Sen. Cory Booker on Thursday released confidential committee emails about the court nominee. He said the emails showed the nominee's views on race and should never have been hidden from the public. Republicans on the committee accused him of breaking Senate rules, and the chairman warned of consequences.",
        ),
        (
            "Booker makes nominee emails public",
            "Democratic Sen. Cory Booker made public a batch of confidential committee emails about the nominee on Thursday evening. He said the emails showed the nominee's views on race and should never have been hidden from the public. The hearing resumed on Friday morning with questions on executive power.",
        ),
    ]);
    assert!(!r.brief.is_empty());
    for b in &r.brief {
        let t = b.text.to_lowercase();
        assert!(
            !t.starts_with("he ") && !t.contains(" he said") && !t.starts_with('"'),
            "{:#?}",
            r.brief
        );
    }
}

#[test]
fn a_quotation_line_without_its_speaker_stays_out_of_the_brief() {
    let r = story(&[
        (
            "Actress enters rehab",
            "Actress Tara Hill has checked into a treatment center in Malibu, her representative said on Friday.\n'We ask for privacy for her and her family at this time.'",
        ),
        (
            "Tara Hill in rehab",
            "Tara Hill checked into a Malibu treatment center on Friday, her representative said.\n'We ask for privacy for her and her family at this time.'",
        ),
    ]);
    assert!(
        r.brief.iter().all(|b| !b.text.contains("privacy")),
        "{:#?}",
        r.brief
    );
}

#[test]
fn a_reply_needs_what_it_answers() {
    let r = story(&[
        (
            "Governor signs budget",
            "Governor Ann Lee signed the state budget on Tuesday after weeks of talks with lawmakers. Senator Tom Park immediately fired back at the governor, calling the budget reckless.",
        ),
        (
            "Budget becomes law",
            "The state budget was signed into law by Gov. Ann Lee on Tuesday. Within the hour Senator Tom Park fired back at the governor over the spending plan, calling it reckless.",
        ),
    ]);
    assert!(!r.brief.is_empty());
    assert!(
        r.brief.iter().all(|b| !b.text.contains("fired back")),
        "{:#?}",
        r.brief
    );
}
