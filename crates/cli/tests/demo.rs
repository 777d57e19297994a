//! End-to-end: the demo corpus through the real binary, checking the findings themselves.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

fn demo_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/kazakhstan-abraham-accords")
}

fn analyze_json() -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["analyze", "--format", "json"])
        .arg(demo_dir())
        .output()
        .expect("run parallax");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

fn starts(id: &Value, prefix: &str) -> bool {
    id.as_str().is_some_and(|s| s.starts_with(prefix))
}

fn support_articles(claim: &Value) -> Vec<String> {
    let mut ids: Vec<String> = claim["support"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["article"].as_str().unwrap()[..3].to_string())
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

#[test]
fn one_story_of_five_articles() {
    let v = analyze_json();
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0]["articles"].as_array().unwrap().len(), 5);
}

#[test]
fn diplomatic_relations_since_1992_is_corroborated_by_three_articles() {
    let v = analyze_json();
    let claims = v["stories"][0]["claims"].as_array().unwrap();
    let best = claims
        .iter()
        .filter(|c| {
            c["support"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["sentence"].as_str().unwrap().contains("1992"))
        })
        .map(|c| {
            (
                c["status"].as_str().unwrap().to_string(),
                support_articles(c),
                c["independent_sources"].as_u64().unwrap(),
            )
        })
        .max_by_key(|c| c.2)
        .expect("a claim about 1992");
    assert_eq!(best.0, "corroborated");
    assert!(best.2 >= 3, "{best:?}");
}

#[test]
fn seventeen_billion_is_single_source_from_004() {
    let v = analyze_json();
    let claims = v["stories"][0]["claims"].as_array().unwrap();
    let figures: Vec<&Value> = claims
        .iter()
        .flat_map(|c| c["figures"].as_array().into_iter().flatten())
        .filter(|f| f["surface"].as_str().unwrap().contains("$17 billion"))
        .collect();
    assert_eq!(figures.len(), 1, "{figures:?}");
    assert_eq!(figures[0]["independent_sources"], 1);
    assert_eq!(figures[0]["value"], "USD 17000000000");
    let arts = figures[0]["articles"].as_array().unwrap();
    assert_eq!(arts.len(), 1);
    assert!(starts(&arts[0], "004"));
}

#[test]
fn kazakh_statement_is_one_quote_in_three_wordings() {
    let v = analyze_json();
    let quotes = v["stories"][0]["quotes"].as_array().unwrap();
    let group = quotes
        .iter()
        .find(|q| {
            q["variants"].as_array().unwrap().iter().any(|x| {
                x["text"]
                    .as_str()
                    .unwrap()
                    .contains("natural and logical continuation of Kazakhstan")
            })
        })
        .expect("statement quoted");
    let variants = group["variants"].as_array().unwrap();
    let full: Vec<&Value> = variants
        .iter()
        .filter(|x| x["text"].as_str().unwrap().starts_with("Our "))
        .collect();
    let mut arts: Vec<&str> = full
        .iter()
        .map(|x| &x["article"].as_str().unwrap()[..3])
        .collect();
    arts.sort();
    assert_eq!(arts, ["000", "002", "003"]);
    let mut texts: Vec<&str> = full.iter().map(|x| x["text"].as_str().unwrap()).collect();
    texts.dedup();
    assert_eq!(texts.len(), 3, "three different wordings");
    assert_eq!(group["speaker"], "Government of Kazakhstan");
    // The differences are shown word by word.
    let diffs: Vec<String> = full
        .iter()
        .flat_map(|x| x["differences"].as_array().into_iter().flatten())
        .map(|d| {
            format!(
                "{}>{}",
                d["reference"].as_str().unwrap(),
                d["variant"].as_str().unwrap()
            )
        })
        .collect();
    assert!(
        diffs
            .iter()
            .any(|d| d == "anticipated>expected" || d == "expected>anticipated"),
        "{diffs:?}"
    );
}

#[test]
fn framing_scare_quotes_in_000_and_so_called_in_002() {
    let v = analyze_json();
    let framing = v["stories"][0]["framing"].as_array().unwrap();
    assert!(framing.iter().any(|f| starts(&f["article"], "000")
        && f["kind"] == "scare_quote"
        && f["text"] == "'Israel'"));
    assert!(framing.iter().any(|f| starts(&f["article"], "002")
        && f["kind"] == "distancing"
        && f["text"].as_str().unwrap().starts_with("so-called")));
    // Other outlets name Israel without scare quotes.
    assert!(!framing
        .iter()
        .any(|f| !starts(&f["article"], "000") && f["kind"] == "scare_quote"));
}

#[test]
fn boilerplate_lines_are_removed_and_listed() {
    let v = analyze_json();
    let articles = v["stories"][0]["articles"].as_array().unwrap();
    let removed = |p: &str| -> Vec<String> {
        articles.iter().find(|a| starts(&a["id"], p)).unwrap()["removed"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(
        removed("000"),
        ["Note: AI technology was used to generate this article's audio."]
    );
    assert_eq!(
        removed("002"),
        ["Recommended stories", "list of 3 itemsend of list"]
    );
    assert_eq!(
        removed("003"),
        [
            "Leave a Reply",
            "Your email address will not be published. Required fields are marked *"
        ]
    );
    assert_eq!(removed("004"), ["Sara Khaled"]);
    assert!(removed("001").is_empty());
    // The headline-less article has no title; the others do.
    let title = |p: &str| articles.iter().find(|a| starts(&a["id"], p)).unwrap()["title"].clone();
    assert!(title("002").is_null());
    assert_eq!(title("000"), "Kazakhstan says will join Abraham Accords");
}

#[test]
fn main_event_is_corroborated_by_all_five_and_opens_the_brief() {
    let v = analyze_json();
    let story = &v["stories"][0];
    // Every outlet's lead says Kazakhstan joins the Accords, each in its own words and with its
    // own context; that is the story's most widely reported claim.
    let first = &story["claims"][0];
    assert_eq!(first["status"], "corroborated");
    assert_eq!(first["independent_sources"], 5);
    for s in first["support"].as_array().unwrap() {
        let sentence = s["sentence"].as_str().unwrap();
        assert!(
            sentence.contains("join") && sentence.contains("Abraham Accords"),
            "{sentence}"
        );
    }
    let lead = &story["brief"][0];
    assert_eq!(lead["claim"], first["id"]);
    assert_eq!(lead["sources"].as_array().unwrap().len(), 5);
    // The neutral wording: neither the scare-quoted nor the "so-called" lead.
    let text = lead["text"].as_str().unwrap();
    assert!(
        !text.contains("so-called") && !text.contains("'Israel"),
        "{text}"
    );
}

#[test]
fn brief_and_timeline_quote_source_sentences_verbatim() {
    let v = analyze_json();
    let story = &v["stories"][0];
    let supports: Vec<(String, String)> = story["claims"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["support"].as_array().unwrap().iter())
        .map(|s| {
            (
                s["article"].as_str().unwrap().to_string(),
                s["sentence"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let brief = story["brief"].as_array().unwrap();
    assert!(brief.len() >= 3);
    for item in brief.iter().chain(story["timeline"].as_array().unwrap()) {
        let first = item["sources"][0].as_str().unwrap().to_string();
        let text = item["text"].as_str().unwrap().to_string();
        assert!(
            supports.contains(&(first, text.clone())),
            "not a source sentence: {text}"
        );
    }
    // No brief sentence carries the scare quotes one outlet uses.
    assert!(brief
        .iter()
        .all(|b| !b["text"].as_str().unwrap().contains("'Israel")));
    let timeline = story["timeline"].as_array().unwrap();
    assert!(timeline
        .iter()
        .any(|t| t["date"] == "1992" && t["sources"].as_array().unwrap().len() >= 3));
}

#[test]
fn aliases_are_merged() {
    let v = analyze_json();
    let entities = v["stories"][0]["entities"].as_array().unwrap();
    let find = |name: &str| {
        entities
            .iter()
            .find(|e| e["name"] == name)
            .unwrap_or_else(|| panic!("no entity {name}"))
    };
    let aliases = |name: &str| -> Vec<String> {
        find(name)["aliases"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap().to_string())
            .collect()
    };
    let tokayev = aliases("Kassym-Jomart Tokayev");
    assert!(
        tokayev.contains(&"Kasym-Jomart Tokayev".to_string())
            && tokayev.contains(&"Tokayev".to_string()),
        "{tokayev:?}"
    );
    let us = aliases("United States");
    assert!(
        us.contains(&"U.S.".to_string())
            && us.contains(&"US".to_string())
            && us.contains(&"Washington".to_string()),
        "{us:?}"
    );
    assert!(aliases("United Arab Emirates").contains(&"UAE".to_string()));
    assert_eq!(
        find("Israel")["articles"].as_array().unwrap().len(),
        5,
        "'Israel' in scare quotes is Israel"
    );
    assert_eq!(find("Kassym-Jomart Tokayev")["kind"], "person");
}

#[test]
fn every_format_renders() {
    for format in ["text", "md", "html"] {
        let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(["analyze", "--format", format])
            .arg(demo_dir())
            .output()
            .unwrap();
        assert!(out.status.success());
        let s = String::from_utf8(out.stdout).unwrap();
        assert!(s.contains("1992"), "{format}");
        assert!(!s.contains("\x1b["), "no colour when not a terminal");
    }
}

#[test]
fn critical_minerals_agreement_is_corroborated_by_its_four_outlets() {
    let v = analyze_json();
    let claims = v["stories"][0]["claims"].as_array().unwrap();
    let claim = claims
        .iter()
        .find(|c| {
            c["support"].as_array().unwrap().iter().any(|s| {
                s["sentence"]
                    .as_str()
                    .unwrap()
                    .contains("memorandum of understanding")
            })
        })
        .expect("a claim with the memorandum");
    assert_eq!(claim["status"], "corroborated", "{claim:#}");
    assert_eq!(
        support_articles(claim),
        ["000", "002", "003", "004"],
        "{claim:#}"
    );
    let sentences: Vec<&str> = claim["support"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["sentence"].as_str().unwrap())
        .collect();
    for wording in [
        "a new US pact on critical minerals",
        "signed a cooperation agreement over critical minerals",
        "signed a strategic cooperation deal on critical minerals",
        "inked a memorandum of understanding on critical minerals cooperation",
    ] {
        assert!(
            sentences.iter().any(|s| s.contains(wording)),
            "{wording}: {sentences:#?}"
        );
    }
}
