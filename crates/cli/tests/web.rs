//! Web pages in: extraction end to end, hostile pages in bounded time, dev-set quality.

use std::io::Write;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_parallax")
}

fn workdir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("parallax-web-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn article_page(charset_meta: &str) -> String {
    let paragraphs: String = (0..8)
        .map(|i| format!("<p>Rescue teams searched collapsed buildings in the northern port city through the night after the earthquake, officials said in update {i}, as aftershocks continued.</p>"))
        .collect();
    format!(
        r#"<html lang="en"><head>{charset_meta}<title>Quake hits port city | Example News</title>
        <meta property="og:site_name" content="Example News">
        <meta name="author" content="Jane Roe">
        <meta property="article:published_time" content="2025-11-06T09:30:00Z">
        </head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><h1>Quake hits port city</h1>{paragraphs}</article>
        <footer>Copyright Example News. All rights reserved.</footer></body></html>"#
    )
}

#[test]
fn extract_prints_body_and_metadata() {
    let dir = workdir("extract");
    std::fs::write(
        dir.join("page.html"),
        article_page("<meta charset=\"utf-8\">"),
    )
    .unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(article_page("").as_bytes()).unwrap();
    std::fs::write(dir.join("zipped.html.gz"), gz.finish().unwrap()).unwrap();
    let out = Command::new(bin())
        .args(["extract", "--format", "json"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pages: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let pages = pages.as_array().unwrap();
    assert_eq!(pages.len(), 2);
    for p in pages {
        let text = p["text"].as_str().unwrap();
        assert!(text.contains("Rescue teams searched"), "{text}");
        assert!(
            !text.contains("All rights reserved") && !text.contains("Home"),
            "{text}"
        );
        assert!(text.contains("\n\n"), "paragraphs separated by blank lines");
        assert_eq!(p["published"], "2025-11-06T09:30:00+00:00");
        assert_eq!(p["site_name"], "Example News");
        assert_eq!(p["authors"][0], "Jane Roe");
    }
    // HTML is accepted wherever articles are.
    let out = Command::new(bin())
        .args(["analyze", "--format", "json"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["stories"][0]["articles"].as_array().unwrap().len(), 2);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn legacy_encodings_are_decoded() {
    let dir = workdir("latin1");
    let page = article_page(
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">",
    )
    .replace("northern", "nördlichen");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&page);
    std::fs::write(dir.join("latin1.html"), bytes).unwrap();
    let out = Command::new(bin())
        .args(["extract", "--format", "jsonl"])
        .arg(dir.join("latin1.html"))
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["text"].as_str().unwrap().contains("nördlichen"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn hostile_pages_fail_clearly_in_bounded_time() {
    let dir = workdir("hostile");
    std::fs::write(
        dir.join("truncated.html.gz"),
        [0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02],
    )
    .unwrap();
    let garbage: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    std::fs::write(dir.join("garbage.html"), garbage).unwrap();
    std::fs::write(dir.join("huge.html"), vec![b'a'; 50 * 1024 * 1024]).unwrap();
    std::fs::write(
        dir.join("nested.html"),
        "<div>".repeat(10_000) + "text" + &"</div>".repeat(10_000),
    )
    .unwrap();
    std::fs::write(
        dir.join("empty-page.html"),
        "<html><body><nav>Home</nav></body></html>",
    )
    .unwrap();
    std::fs::write(dir.join("good.html"), article_page("")).unwrap();
    let started = Instant::now();
    let out = Command::new(bin())
        .args(["extract", "--format", "jsonl"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "took {:?}",
        started.elapsed()
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("truncated.html.gz: cannot decompress"),
        "{stderr}"
    );
    assert!(
        stderr.contains("huge.html: page is larger than 16 MB"),
        "{stderr}"
    );
    assert!(
        stderr.contains("empty-page.html: no article text found"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("good.html"),
        "the good page is still extracted"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn extraction_quality_on_the_dev_pages() {
    let data =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/extraction-dev");
    if !data.exists() {
        eprintln!("skipped: {} not present", data.display());
        return;
    }
    let out = Command::new(bin())
        .args(["eval", "extraction", "--data"])
        .arg(&data)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let f1: f64 = text
        .split("F1 ")
        .nth(1)
        .and_then(|f| f.trim().parse().ok())
        .expect("an F1");
    // Measured 0.965 with dom_smoothie (README); guards against regressions.
    assert!(f1 >= 0.95, "{text}");
}
