//! `parallax serve` end to end: it ingests the paths it is given, prints its URL, serves the
//! demo, shows another process's ingest on reload, and stops cleanly on Ctrl-C (SIGINT).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_parallax")
}

fn demo_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples/kazakhstan-abraham-accords")
}

fn fetch(host: &str, path: &str) -> String {
    let mut s = TcpStream::connect(host).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

/// The server process, killed if the test fails before it stops it.
struct Server(std::process::Child);

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

#[test]
fn serve_ingests_serves_follows_other_ingests_and_stops_on_ctrl_c() {
    let dir = std::env::temp_dir().join(format!("parallax-serve-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("store.db");
    let child = Command::new(bin())
        .arg("serve")
        .arg(demo_dir())
        .arg("--db")
        .arg(&db)
        .args(["--addr", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut server = Server(child);
    let child = &mut server.0;
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    // The ingest summary, then the URL.
    while !line.contains("http://") {
        line.clear();
        assert!(stdout.read_line(&mut line).unwrap() > 0, "no URL printed");
    }
    let host = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap()
        .to_string();
    assert!(host.starts_with("127.0.0.1:"), "{line}");
    let page = fetch(&host, "/");
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    // The demo is one story (its headline is whichever the store finds best supported).
    assert!(
        page.contains("href=\"/stories/s1\"") && page.contains("Abraham Accords"),
        "{page}"
    );

    // Another process ingests a new story into the same store: a reload shows it.
    let other = dir.join("other");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(
        other.join("quake.txt"),
        "Earthquake Strikes Northern Chile\nA magnitude 7.1 earthquake struck northern Chile on Monday, killing three people near Iquique.\n",
    )
    .unwrap();
    let ingest = Command::new(bin())
        .arg("ingest")
        .arg(&other)
        .arg("--db")
        .arg(&db)
        .output()
        .unwrap();
    assert!(ingest.status.success(), "{ingest:?}");
    assert!(fetch(&host, "/").contains("Earthquake Strikes Northern Chile"));

    // Ctrl-C: the server stops by itself, successfully.
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "still running after Ctrl-C"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(status.success(), "{status:?} {err}");
    assert!(err.contains("stopped"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn serve_without_a_store_or_paths_says_what_to_do() {
    let out = Command::new(bin())
        .args(["serve", "--db", "/nonexistent/parallax.db"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no store at") && err.contains("parallax serve PATH"),
        "{err}"
    );
}
