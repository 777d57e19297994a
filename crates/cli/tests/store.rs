//! The store end to end: a killed ingest resumes with nothing lost or duplicated, batches give
//! the same stories as one run, and readers work while an ingest writes.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use parallax_store::Store;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_parallax")
}

fn workdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("parallax-store-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// A JSON-lines corpus of `n` generated articles (several stories over several days, copies).
fn corpus(dir: &Path, n: usize) -> PathBuf {
    let path = dir.join("corpus.jsonl");
    let mut out = String::new();
    for a in parallax_cli::synthetic::stream(n, 11) {
        let line = serde_json::json!({"id": a.id, "text": a.text, "outlet": a.outlet, "published": a.published});
        out.push_str(&line.to_string());
        out.push('\n');
    }
    std::fs::write(&path, out).unwrap();
    path
}

fn ingest(corpus: &Path, db: &Path) -> std::process::Output {
    Command::new(bin())
        .arg("ingest")
        .arg(corpus)
        .arg("--db")
        .arg(db)
        .output()
        .unwrap()
}

fn count(db: &Path) -> usize {
    Store::open(db)
        .map(|s| s.article_count().unwrap_or(0))
        .unwrap_or(0)
}

#[test]
fn killed_ingest_resumes_without_loss_or_duplicates_and_matches_one_run() {
    let dir = workdir("kill");
    let corpus = corpus(&dir, 4000);
    // Reference: one uninterrupted run.
    let reference = dir.join("reference.db");
    let out = ingest(&corpus, &reference);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let expected = Store::open(&reference).unwrap().assignments().unwrap();
    assert!(expected.len() > 3000);

    // Kill an ingest once it has committed something, in the middle of its work.
    let db = dir.join("killed.db");
    let mut child = ingest_in_background(&corpus, &db);
    child.kill().unwrap();
    child.wait().unwrap();
    let partial = count(&db);
    assert!(
        partial > 0,
        "the ingest committed nothing before it was killed"
    );

    // The store is consistent as the kill left it, and a rerun finishes the job.
    let out = ingest(&corpus, &db);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(summary.contains("duplicates"), "{summary}");
    let resumed = Store::open(&db).unwrap().assignments().unwrap();
    assert_eq!(
        resumed.len(),
        expected.len(),
        "no article lost or duplicated (killed at {partial})"
    );
    let mut ids: Vec<&String> = resumed.iter().map(|(id, _)| id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), resumed.len());

    // Same stories as the single run: compare the partitions.
    let f = agreement(&expected, &resumed);
    assert!(
        f >= 0.99,
        "B-cubed agreement between one run and killed+resumed: {f}"
    );

    // A third run changes nothing.
    let out = ingest(&corpus, &db);
    assert!(String::from_utf8_lossy(&out.stdout).contains("new 0"));
    assert_eq!(count(&db), expected.len());
    let _ = std::fs::remove_dir_all(&dir);
}

/// B-cubed F1 of one store's stories against another's, over the same articles.
fn agreement(expected: &[(String, i64)], got: &[(String, i64)]) -> f64 {
    let story_of: HashMap<&String, i64> = got.iter().map(|(id, s)| (id, *s)).collect();
    let gold: Vec<i64> = expected.iter().map(|(_, s)| *s).collect();
    let got: Vec<i64> = expected.iter().map(|(id, _)| story_of[id]).collect();
    parallax_stories::eval::bcubed(&gold, &got).f1
}

#[test]
fn small_runs_end_in_the_stories_of_one_run() {
    let dir = workdir("runs");
    let corpus = corpus(&dir, 600);
    let reference = dir.join("reference.db");
    assert!(ingest(&corpus, &reference).status.success());
    let expected = Store::open(&reference).unwrap().assignments().unwrap();
    // The same lines, 25 per run: each run regroups the latest articles of the runs before it.
    let db = dir.join("runs.db");
    let lines: Vec<String> = std::fs::read_to_string(&corpus)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    let mut regrouped = 0;
    for (k, chunk) in lines.chunks(25).enumerate() {
        let part = dir.join(format!("part{k}.jsonl"));
        std::fs::write(&part, chunk.join("\n") + "\n").unwrap();
        let out = ingest(&part, &db);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let summary = String::from_utf8_lossy(&out.stdout);
        regrouped += summary
            .split("regrouped ")
            .nth(1)
            .and_then(|rest| rest.split_whitespace().next())
            .and_then(|n| n.parse::<usize>().ok())
            .unwrap_or_else(|| panic!("no regrouped count in {summary}"));
    }
    // Runs of 25 see too little to be right at once: later runs move earlier articles.
    assert!(regrouped > 0);
    let store = Store::open(&db).unwrap();
    let got = store.assignments().unwrap();
    assert_eq!(got.len(), expected.len());
    let f = agreement(&expected, &got);
    assert!(
        f >= 0.99,
        "B-cubed agreement between one run and runs of 25: {f}"
    );
    // The listing follows the moves: every story counts its articles, none is left empty.
    let mut sizes: HashMap<String, usize> = HashMap::new();
    for (_, story) in &got {
        *sizes.entry(format!("s{story}")).or_default() += 1;
    }
    let rows = store.stories(100_000).unwrap();
    assert_eq!(rows.len(), sizes.len());
    for row in rows {
        assert_eq!(Some(&row.articles), sizes.get(&row.id), "{row:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn readers_work_while_an_ingest_writes() {
    let dir = workdir("readers");
    let corpus = corpus(&dir, 3000);
    let db = dir.join("live.db");
    let mut child = ingest_in_background(&corpus, &db);
    let mut reads = 0;
    while child.try_wait().unwrap().is_none() && reads < 20 {
        let stories = Command::new(bin())
            .args(["stories", "--format", "json", "--db"])
            .arg(&db)
            .output()
            .unwrap();
        assert!(
            stories.status.success(),
            "{}",
            String::from_utf8_lossy(&stories.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&stories.stdout).unwrap();
        assert!(!v["stories"].as_array().unwrap().is_empty());
        let search = Command::new(bin())
            .args(["search", "officials", "--db"])
            .arg(&db)
            .output()
            .unwrap();
        assert!(
            search.status.success(),
            "{}",
            String::from_utf8_lossy(&search.stderr)
        );
        reads += 1;
    }
    assert!(child.wait().unwrap().success());
    assert!(
        reads > 0,
        "the ingest finished before any read could overlap it"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn story_and_search_on_the_demo() {
    let dir = workdir("demo");
    let db = dir.join("demo.db");
    let demo =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/kazakhstan-abraham-accords");
    let out = Command::new(bin())
        .arg("ingest")
        .arg(&demo)
        .arg("--db")
        .arg(&db)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout)
        .starts_with("read 5, new 5, duplicates 0, errors 0, stories touched 1"));
    let out = Command::new(bin())
        .args(["story", "s1", "--format", "json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["stories"][0]["articles"].as_array().unwrap().len(), 5);
    let out = Command::new(bin())
        .args(["search", "Witkoff", "--format", "json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 2);
    assert!(hits.iter().all(|h| h["story"] == "s1"));
    // A query FTS5 cannot parse is the user's error, named as such.
    let out = Command::new(bin())
        .args(["search", "Witkoff AND (", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("parallax: search query \"Witkoff AND (\": fts5: syntax error"),
        "{stderr}"
    );
    let out = Command::new(bin())
        .args(["stories", "--db"])
        .arg(dir.join("missing.db"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no store at"));
    let _ = std::fs::remove_dir_all(&dir);
}

/// Start `parallax ingest` in a child process and return once its first batch is committed.
fn ingest_in_background(corpus: &Path, db: &Path) -> std::process::Child {
    let child = Command::new(bin())
        .arg("ingest")
        .arg(corpus)
        .arg("--db")
        .arg(db)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while count(db) == 0 && started.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(5));
    }
    child
}

#[test]
fn a_copy_of_an_article_from_an_earlier_run_is_recorded_as_a_copy() {
    let dir = workdir("copies");
    let wire: String = (1..=30)
        .map(|i| {
            format!(
                "In village number {i} of the upper valley, rescuers counted {} damaged houses and {} closed roads on Tuesday. ",
                i * 3,
                i + 2
            )
        })
        .collect();
    let first = dir.join("first.jsonl");
    let line = |id: &str, text: &str| {
        serde_json::json!({"id": id, "title": "Floods in the upper valley", "text": text, "published": "2025-03-04"})
            .to_string()
    };
    std::fs::write(&first, line("agency-1", &wire) + "\n").unwrap();
    let second = dir.join("second.jsonl");
    // A syndicated copy: the same text with the outlet's own last words.
    let copy = format!("{wire}Officials said more rain was expected.");
    std::fs::write(&second, line("paper-1", &copy) + "\n").unwrap();
    let db = dir.join("copies.db");
    assert!(ingest(&first, &db).status.success());
    assert!(ingest(&second, &db).status.success());
    let store = Store::open(&db).unwrap();
    assert_eq!(
        store.copy_of("paper-1").unwrap().as_deref(),
        Some("agency-1")
    );
    assert_eq!(store.copy_of("agency-1").unwrap(), None);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn stories_are_listed_under_their_best_supported_headline() {
    let dir = workdir("headline");
    let corpus = dir.join("quake.jsonl");
    // The first report's title is its first sentence, as archives give it; a later report
    // carries a real headline in the words all three reports share.
    let items = [
        ("q1", "Rescuers searched collapsed buildings in Iquique on Tuesday after the strong earthquake in northern Chile killed three people, officials said.", "Rescuers searched collapsed buildings in Iquique on Tuesday after the strong earthquake in northern Chile killed three people, officials said."),
        ("q2", "Strong earthquake in northern Chile kills three in Iquique", "A strong earthquake struck northern Chile near Iquique, killing three people and damaging buildings."),
        ("q3", "Chile earthquake: three dead in Iquique", "Three people died when a strong earthquake hit Iquique in northern Chile, and buildings collapsed."),
    ];
    let lines: Vec<String> = items
        .iter()
        .map(|(id, title, text)| {
            serde_json::json!({"id": id, "title": title, "text": text, "published": "2025-04-01"})
                .to_string()
        })
        .collect();
    std::fs::write(&corpus, lines.join("\n")).unwrap();
    let db = dir.join("store.db");
    assert!(ingest(&corpus, &db).status.success());
    let out = Command::new(bin())
        .args(["stories", "--format", "json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 1, "{v}");
    let headline = stories[0]["headline"].as_str().unwrap();
    assert!(
        headline.starts_with("Strong earthquake") || headline.starts_with("Chile earthquake"),
        "{headline}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
