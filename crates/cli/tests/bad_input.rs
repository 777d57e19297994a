//! Bad input: clear errors naming file and line, the rest still analysed, never a panic.

use std::path::Path;
use std::process::Command;

fn parallax(args: &[&str], dir: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn fixture(name: &str) -> tempdir::Dir {
    let d = tempdir::Dir::new(name);
    d.write("good.txt", b"Quake Hits Chile\nA magnitude 7.1 earthquake struck northern Chile on Monday, officials said.\n");
    d.write("empty.txt", b"\n  \n");
    d.write(
        "latin1.txt",
        b"Caf\xe9 owners protest\nThe owners of a caf\xe9 said prices rose.\n",
    );
    d.write("feed.jsonl", b"{\"id\": \"j1\", \"title\": \"Chile quake\", \"text\": \"An earthquake struck northern Chile on Monday.\"}\n{not json}\n{\"id\": \"j3\", \"text\": \"\"}\n");
    d.write("one.json", b"{\"title\": \"broken\", \"text\": ");
    d.write("notes.md", b"# not an article\n");
    d
}

/// A throwaway directory under the target dir (no extra dependency).
mod tempdir {
    use std::path::{Path, PathBuf};
    pub struct Dir(pub PathBuf);
    impl Dir {
        pub fn new(name: &str) -> Dir {
            let p =
                std::env::temp_dir().join(format!("parallax-test-{name}-{}", std::process::id()));
            let _ = std::fs::remove_dir_all(&p);
            std::fs::create_dir_all(&p).unwrap();
            Dir(p)
        }
        pub fn write(&self, name: &str, bytes: &[u8]) {
            std::fs::write(self.0.join(name), bytes).unwrap();
        }
        pub fn path(&self) -> &Path {
            &self.0
        }
    }
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

#[test]
fn errors_name_file_and_line_and_the_rest_is_analysed() {
    let d = fixture("errors_name_file_and_line_and_the_rest_is_analysed");
    let out = parallax(&["analyze", "--format", "json", "."], d.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("empty.txt: empty article"), "{stderr}");
    assert!(
        stderr.contains("latin1.txt line 1: invalid UTF-8 at byte 4"),
        "{stderr}"
    );
    assert!(
        stderr.contains("feed.jsonl line 2: malformed JSON line"),
        "{stderr}"
    );
    assert!(
        stderr.contains("feed.jsonl line 3: empty article"),
        "{stderr}"
    );
    assert!(
        stderr.contains("one.json line 1: malformed JSON"),
        "{stderr}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = v["stories"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["articles"].as_array().unwrap())
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert!(ids.contains(&"good") && ids.contains(&"j1"));
    assert_eq!(v["errors"].as_array().unwrap().len(), 5);
}

#[test]
fn strict_turns_errors_into_failure() {
    let d = fixture("strict_turns_errors_into_failure");
    let out = parallax(&["analyze", "--strict", "."], d.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--strict"));
}

#[test]
fn missing_paths_and_nothing_readable_fail_clearly() {
    let d = fixture("missing_paths_and_nothing_readable_fail_clearly");
    let out = parallax(&["analyze", "nope.txt", "empty.txt"], d.path());
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("nope.txt: cannot read"), "{stderr}");
    assert!(stderr.contains("no article could be read"), "{stderr}");
    let out = parallax(&["analyze", "notes.md"], d.path());
    assert!(String::from_utf8_lossy(&out.stderr).contains("notes.md: unsupported file type"));
}

#[test]
fn out_writes_a_file() {
    let d = fixture("out_writes_a_file");
    let out = parallax(
        &[
            "analyze",
            "--format",
            "html",
            "--out",
            "report.html",
            "good.txt",
        ],
        d.path(),
    );
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let html = std::fs::read_to_string(d.path().join("report.html")).unwrap();
    assert!(html.contains("Chile"));
}

#[test]
fn a_closed_output_pipe_ends_quietly() {
    // `parallax … | head` closes the pipe early; that is not an error, and never a panic.
    let d = fixture("a_closed_output_pipe_ends_quietly");
    d.write(
        "gold.jsonl",
        b"{\"id\": \"a\", \"story\": \"s\", \"title\": \"Chile quake\", \"text\": \"An earthquake struck Chile.\"}\n",
    );
    for args in [
        &["eval", "clusters", "--gold", "gold.jsonl"][..],
        &["analyze", "good.txt"][..],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_parallax"))
            .args(args)
            .current_dir(d.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}
