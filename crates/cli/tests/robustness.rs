//! Random and hostile bytes through every parser and the whole pipeline: no panics.

use parallax_cli::synthetic::Rng;
use parallax_ingest::{parse_json, parse_jsonl, parse_txt};
use parallax_read::Lexicon;

const PIECES: &[&str] = &[
    "\"",
    "'",
    "\u{201c}",
    "\u{2019}",
    ".",
    " ",
    "\n",
    "- ",
    "U.S.",
    "$",
    "17",
    "billion",
    "%",
    "1992",
    "said",
    ",",
    "Thursday",
    "President",
    "Kazakh",
    "Tokayev",
    "{",
    "}",
    ":",
    "\"text\"",
    "é",
    "\u{200b}",
    "\u{a0}",
    "By",
    "list of 3 items",
    "--",
    "(",
    "\t",
];

#[test]
fn random_inputs_never_panic() {
    let lexicon = Lexicon::builtin();
    let mut rng = Rng::new(7);
    let mut articles = Vec::new();
    for round in 0..1500 {
        let mut bytes = Vec::new();
        for _ in 0..rng.below(60) {
            if rng.below(5) == 0 {
                bytes.push(rng.next_u64() as u8); // raw, often invalid UTF-8
            } else {
                bytes.extend_from_slice(PIECES[rng.below(PIECES.len())].as_bytes());
            }
        }
        let _ = parse_json("f.json", "f", &bytes);
        let _ = parse_jsonl("f.jsonl", "f", &bytes);
        if let Ok(a) = parse_txt("f.txt", &format!("r{round}"), &bytes) {
            let _ = parallax_read::read_article(&a, &lexicon);
            articles.push(a);
        }
    }
    assert!(!articles.is_empty());
    let analysis = parallax_cli::analyze(&articles[..200.min(articles.len())], &lexicon);
    assert!(!analysis.stories.is_empty());
}
