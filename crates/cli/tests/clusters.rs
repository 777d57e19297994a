//! Story clustering: the `cluster` JSON contract, `eval clusters` over several gold files,
//! `analyze --one-story`, and quality on the ECB+ development data when it is present (a fresh
//! clone has no `../shared`; the test then skips).

use std::path::PathBuf;
use std::process::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn cluster_prints_the_contract_for_the_demo() {
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["cluster", "--format", "json"])
        .arg(root().join("examples/kazakhstan-abraham-accords"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 1);
    assert_eq!(stories[0]["id"], "s1");
    assert_eq!(stories[0]["articles"].as_array().unwrap().len(), 5);
    assert!(stories[0]["headline"]
        .as_str()
        .unwrap()
        .contains("Abraham Accords"));
}

#[test]
fn ecb_plus_quality_holds() {
    let gold = root().join("../shared/eval/clustering-dev/ecbplus-topics-1-35.jsonl");
    if !gold.exists() {
        eprintln!("skipped: {} not present", gold.display());
        return;
    }
    let bcubed = |batch: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(["eval", "clusters", "--batch", batch, "--gold"])
            .arg(&gold)
            .output()
            .unwrap();
        assert!(out.status.success());
        let text = String::from_utf8_lossy(&out.stdout).to_string();
        // set, articles, gold stories, predicted, B-cubed P, R, F1, pairwise F1.
        let f1: f64 = text
            .lines()
            .find(|l| l.starts_with("ecbplus-topics-1-35 "))
            .and_then(|l| l.split_whitespace().nth(6))
            .and_then(|f| f.parse().ok())
            .expect("a row for the gold file");
        (f1, text)
    };
    let (f1, text) = bcubed("1000");
    // Measured 0.930 (README "Quality"); this guards against regressions, not the 0.95 goal.
    assert!(f1 >= 0.92, "B-cubed F1 {f1}\n{text}");
    // A stream of small batches ends with the same stories: later batches regroup earlier
    // articles (measured: identical for batches of 1 to 1000).
    let (streamed, text) = bcubed("50");
    assert!(
        (streamed - f1).abs() < 0.005,
        "B-cubed F1 {streamed} in batches of 50, {f1} in one\n{text}"
    );
    assert!(
        text.lines().any(|l| l
            .split_whitespace()
            .take(2)
            .eq(["ecbplus-topics-1-35", "772"])),
        "title-only items are articles too\n{text}"
    );
}

#[test]
fn headline_and_lead_items_of_one_beat_do_not_chain() {
    let gold = root().join("../shared/eval/clustering-dev/neus-val.jsonl");
    if !gold.exists() {
        eprintln!("skipped: {} not present", gold.display());
        return;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["cluster", "--format", "json"])
        .arg(&gold)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let story_of: std::collections::HashMap<String, String> = std::fs::read_to_string(&gold)
        .unwrap()
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                r["story"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    // 307 stories of three items, all US politics: nearest-neighbour links alone put 640 items
    // in one story. No predicted story may hold more than a handful of gold stories (measured:
    // at most 5).
    let most = v["stories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            s["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| &story_of[a.as_str().unwrap()])
                .collect::<std::collections::HashSet<_>>()
                .len()
        })
        .max()
        .unwrap();
    assert!(most <= 6, "a predicted story holds {most} gold stories");
}

/// Two events of two reports each.
const TWO_EVENTS: [(&str, &str, &str); 4] = [
    ("a", "Earthquake Strikes Northern Chile", "A magnitude 7.1 earthquake struck northern Chile on Monday, killing three people near Iquique."),
    ("b", "Lindsay Lohan Checks Into Rehab", "Actress Lindsay Lohan has checked into the Betty Ford Center for a 90-day stay, her lawyer said."),
    ("c", "Strong Quake Hits Chile", "A strong earthquake of magnitude 7.1 hit northern Chile near Iquique on Monday, and three people died."),
    ("d", "Lohan Enters Betty Ford Clinic", "Lindsay Lohan entered the Betty Ford Center on Friday to begin court-ordered rehab, her lawyer said."),
];

/// `TWO_EVENTS` as a gold JSON-lines file in a fresh folder.
fn two_events(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!(
        "parallax-clusters-test-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    let lines: String = TWO_EVENTS
        .iter()
        .map(|(id, title, text)| {
            let story = if text.contains("Chile") {
                "quake"
            } else {
                "lohan"
            };
            serde_json::json!({"id": id, "story": story, "title": title, "text": text}).to_string()
                + "\n"
        })
        .collect();
    std::fs::write(d.join("events.jsonl"), lines).unwrap();
    d
}

#[test]
fn eval_clusters_prints_one_row_per_gold_file() {
    let d = two_events("eval");
    let gold = d.join("events.jsonl");
    std::fs::copy(&gold, d.join("again.jsonl")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["eval", "clusters", "--gold"])
        .arg(&gold)
        .arg("--gold")
        .arg(d.join("again.jsonl"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("set "), "{text}");
    for (line, name) in lines[1..].iter().zip(["events", "again"]) {
        let fields: Vec<&str> = line.split_whitespace().collect();
        // Four articles, two gold stories, two predicted, all scores 1.
        assert_eq!(
            &fields[..8],
            &[name, "4", "2", "2", "1.0000", "1.0000", "1.0000", "1.0000"],
            "{text}"
        );
    }
    let _ = std::fs::remove_dir_all(&d);
}

#[test]
fn analyze_one_story_skips_grouping() {
    let d = two_events("one-story");
    let stories = |extra: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(["analyze", "--format", "json"])
            .args(extra)
            .arg(d.join("events.jsonl"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["stories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["articles"].as_array().unwrap().len())
            .collect::<Vec<_>>()
    };
    assert_eq!(stories(&[]), vec![2, 2]);
    assert_eq!(stories(&["--one-story"]), vec![4]);
    let _ = std::fs::remove_dir_all(&d);
}
