//! What the server's integration tests share: a store holding the demo story and two hostile
//! articles, a server on a free loopback port, and a raw HTTP/1.1 client (which can also send
//! what a browser would not).

#![allow(dead_code)]

pub mod cdp;

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::Duration;

use parallax_model::Article;
use parallax_server::{Config, Running};
use parallax_store::{PreparedArticle, Store};
use parallax_stories::Changes;

pub fn demo_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/kazakhstan-abraham-accords")
}

/// A fresh scratch folder for one test.
pub fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("parallax-server-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Markup an article must never get to run: each payload, if it ran, would open a dialog and
/// mark the page's body.
pub const SCRIPT: &str = "<script>document.body.dataset.pwned='script';alert('script')</script>";
pub const IMG: &str = "<img src=x onerror=\"document.body.dataset.pwned='img';alert('img')\">";

pub fn hostile_articles() -> Vec<Article> {
    let body = format!(
        "Officials said {SCRIPT} nothing happened in Freetown on Monday.\n\
         The mayor of Freetown said the harbour reopened {IMG} after the storm.\n\
         A statement said \"quotes\" and 'apostrophes' close attributes: x\" onmouseover=\"alert('attr') there.\n\
         Residents of Freetown counted 12 damaged boats after the storm on Monday."
    );
    let mut a = Article::new("hostile-1", body.clone());
    a.title = Some(format!("Storm closes Freetown harbour {SCRIPT}"));
    a.url = Some("javascript:alert('url')".into());
    a.outlet = Some("Evil\"><script>alert('outlet')</script> News".to_string());
    a.authors = vec!["<b onclick=\"alert('author')\">Mallory</b>".into()];
    a.published = Some("2025-11-07".into());
    a.published_date = "2025-11-07".parse().ok();
    let mut b = Article::new(
        "hostile-2",
        body.replace("12 damaged boats", "15 damaged boats"),
    );
    b.title = Some("Freetown harbour reopens after storm <img src=x onerror=alert('t2')>".into());
    b.url = Some("https://example.org/harbour?a=1&b=\"2\"".into());
    b.outlet = Some("Harbour Times".into());
    b.published = Some("2025-11-08".into());
    b.published_date = "2025-11-08".parse().ok();
    vec![a, b]
}

fn prepared(article: Article, story: u64) -> PreparedArticle {
    PreparedArticle {
        headline: article
            .title
            .clone()
            .or_else(|| article.text.lines().next().map(str::to_string)),
        hash: parallax_store::text_hash(&article.text),
        simhash: 0,
        story,
        copy_of: None,
        article,
    }
}

/// A store with the demo (story s1) and the hostile articles (story s2).
pub fn demo_store(dir: &Path) -> PathBuf {
    let db = dir.join("store.db");
    let mut store = Store::open(&db).unwrap();
    let demo = parallax_ingest::load_paths(&[demo_dir()]);
    assert_eq!(demo.articles.len(), 5);
    let mut batch: Vec<PreparedArticle> =
        demo.articles.into_iter().map(|a| prepared(a, 1)).collect();
    batch.extend(hostile_articles().into_iter().map(|a| prepared(a, 2)));
    store
        .commit_batch(&batch, &[], &[], &Changes::default())
        .unwrap();
    db
}

/// Add an article to a story of the store, as another process's ingest would.
pub fn add_article(db: &Path, article: Article, story: u64) {
    let mut store = Store::open(db).unwrap();
    store
        .commit_batch(&[prepared(article, story)], &[], &[], &Changes::default())
        .unwrap();
}

pub fn start(db: &Path) -> Running {
    parallax_server::start(Config::new(db), "127.0.0.1:0").unwrap()
}

/// A response as read off the wire.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// Send `head` (the request line and headers, without the blank line) and `body` as they are.
pub fn raw(addr: SocketAddr, head: &str, body: &[u8]) -> Reply {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let request = format!("{head}\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    s.write_all(request.as_bytes()).unwrap();
    let _ = s.write_all(body);
    let mut bytes = Vec::new();
    let _ = s.read_to_end(&mut bytes);
    let text = String::from_utf8_lossy(&bytes).to_string();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Reply {
        status,
        headers,
        body: body.to_string(),
    }
}

pub fn get(addr: SocketAddr, path: &str) -> Reply {
    raw(addr, &format!("GET {path} HTTP/1.1"), b"")
}
