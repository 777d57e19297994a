//! The HTTP API and the server's safety, over real connections: JSON shapes with the contract's
//! field names, paging, 400/404/405/413/414 as JSON with the right status, the security headers
//! on every response, no write endpoint, escaping of hostile articles in every page, and the
//! cache (one analysis per version of a story; another process's ingest shows on reload).

mod support;

use parallax_model::Article;
use support::{add_article, demo_store, get, raw, scratch, start};

#[test]
fn stories_are_listed_a_page_at_a_time() {
    let dir = scratch("api-list");
    let server = start(&demo_store(&dir));
    let page = get(server.addr, "/api/stories").json();
    assert_eq!(page["total"], 2);
    assert_eq!(
        (page["page"].as_u64(), page["per_page"].as_u64()),
        (Some(1), Some(50))
    );
    let stories = page["stories"].as_array().unwrap();
    // Newest first: the hostile story is dated, the demo is not.
    assert_eq!(stories[0]["id"], "s2");
    let demo = &stories[1];
    assert_eq!(
        demo["headline"],
        "Kazakhstan says will join Abraham Accords"
    );
    assert_eq!(demo["articles"], 5);
    for field in ["outlets", "first_date", "last_date", "claims"] {
        assert!(demo.get(field).is_some(), "{field}");
    }
    let second = get(server.addr, "/api/stories?page=2&per_page=1&sort=coverage").json();
    assert_eq!(second["stories"].as_array().unwrap().len(), 1);
    assert_eq!(second["stories"][0]["id"], "s2");
    assert_eq!(second["sort"], "coverage");
}

#[test]
fn a_story_is_the_json_contract() {
    let dir = scratch("api-story");
    let server = start(&demo_store(&dir));
    let r = get(server.addr, "/api/stories/s1");
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/json"));
    let story = &r.json()["stories"][0];
    assert_eq!(story["id"], "s1");
    for field in [
        "headline",
        "articles",
        "claims",
        "contradictions",
        "quotes",
        "entities",
        "framing",
        "omissions",
        "brief",
        "timeline",
    ] {
        assert!(story.get(field).is_some(), "{field}");
    }
    let claim = &story["claims"][0];
    for field in ["id", "text", "status", "independent_sources", "support"] {
        assert!(claim.get(field).is_some(), "claims[].{field}");
    }
    // Same analysis as `parallax story`: the demo's main event is stated by all five.
    assert_eq!(claim["independent_sources"], 5);
    // The story's id may be given without its "s".
    assert_eq!(get(server.addr, "/api/stories/1").json(), r.json());
}

#[test]
fn an_article_carries_its_sentences_and_story() {
    let dir = scratch("api-article");
    let server = start(&demo_store(&dir));
    let a = get(server.addr, "/api/articles/000_e2bb69cc0aff9456").json();
    assert_eq!(a["id"], "000_e2bb69cc0aff9456");
    assert_eq!(a["story"], "s1");
    assert_eq!(a["title"], "Kazakhstan says will join Abraham Accords");
    assert!(!a["removed"].as_array().unwrap().is_empty());
    let sentences = a["sentences"].as_array().unwrap();
    assert!(sentences.len() > 10);
    assert!(a["framing"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["kind"] == "scare_quote"));
}

#[test]
fn search_finds_witkoff_with_its_story() {
    let dir = scratch("api-search");
    let server = start(&demo_store(&dir));
    let r = get(server.addr, "/api/search?q=Witkoff").json();
    let hits = r["hits"].as_array().unwrap();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["story"] == "s1"));
    assert!(hits[0]["snippet"].as_str().unwrap().contains("[Witkoff]"));
    assert_eq!(r["query"], "Witkoff");
    let limited = get(server.addr, "/api/search?q=Kazakhstan&limit=2").json();
    assert_eq!(limited["hits"].as_array().unwrap().len(), 2);
}

/// An error is JSON under /api/ (`{"error", "status"}`), a page elsewhere, with the status.
#[test]
fn bad_requests_and_unknown_ids_get_their_status() {
    let dir = scratch("api-errors");
    let server = start(&demo_store(&dir));
    let cases = [
        ("/api/stories/s999", 404),
        ("/api/stories/banana", 404),
        ("/api/articles/nope", 404),
        ("/api/nothing", 404),
        ("/api/stories?page=0", 400),
        ("/api/stories?page=abc", 400),
        ("/api/stories?per_page=100000", 400),
        ("/api/stories?sort=%3Cscript%3E", 400),
        ("/api/search", 400),
        ("/api/search?q=", 400),
        ("/api/search?q=%22unclosed", 400),
        ("/api/search?q=a&limit=-1", 400),
        ("/api/articles/%FF%FE", 400),
    ];
    for (path, status) in cases {
        let r = get(server.addr, path);
        assert_eq!(r.status, status, "{path}: {}", r.body);
        let body = r.json();
        assert_eq!(body["status"], status, "{path}");
        let message = body["error"].as_str().unwrap();
        assert!(
            !message.is_empty() && !message.contains("panicked"),
            "{path}: {message}"
        );
    }
    for (path, status) in [
        ("/stories/s999", 404),
        ("/articles/nope", 404),
        ("/nowhere", 404),
        ("/stories/s1?status=everything", 400),
        ("/?page=x", 400),
        ("/search?q=%22unclosed", 400),
    ] {
        let r = get(server.addr, path);
        assert_eq!(r.status, status, "{path}");
        assert!(
            r.header("content-type").unwrap().starts_with("text/html"),
            "{path}"
        );
        assert!(
            r.body.contains(&format!("<h1>{status} ")),
            "{path}: {}",
            r.body
        );
    }
}

#[test]
fn every_response_carries_the_security_headers() {
    let dir = scratch("api-headers");
    let server = start(&demo_store(&dir));
    for path in [
        "/",
        "/stories/s1",
        "/api/stories",
        "/api/stories/s9",
        "/nowhere",
        "/static/parallax.css",
    ] {
        let r = get(server.addr, path);
        let csp = r.header("content-security-policy").unwrap_or_default();
        assert!(csp.contains("default-src 'none'"), "{path}: {csp}");
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
            "{path}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert_eq!(
            r.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
    }
    let css = get(server.addr, "/static/parallax.css");
    assert!(css.header("content-type").unwrap().starts_with("text/css"));
    let js = get(server.addr, "/static/parallax.js");
    assert!(js
        .header("content-type")
        .unwrap()
        .starts_with("text/javascript"));
}

#[test]
fn nothing_writes_and_oversized_requests_are_refused() {
    let dir = scratch("api-writes");
    let db = demo_store(&dir);
    let server = start(&db);
    let listing = |addr| {
        let page = get(addr, "/api/stories").json();
        let rows: Vec<(String, u64)> = page["stories"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                (
                    s["id"].as_str().unwrap().to_string(),
                    s["articles"].as_u64().unwrap(),
                )
            })
            .collect();
        rows
    };
    let before = listing(server.addr);
    for method in ["POST", "PUT", "DELETE", "PATCH"] {
        for path in [
            "/api/stories",
            "/api/stories/s1",
            "/api/articles/000_e2bb69cc0aff9456",
            "/",
        ] {
            let r = raw(
                server.addr,
                &format!("{method} {path} HTTP/1.1\r\nContent-Length: 2"),
                b"{}",
            );
            assert_eq!(r.status, 405, "{method} {path}");
            assert_eq!(r.header("allow"), Some("GET, HEAD"));
        }
    }
    assert_eq!(listing(server.addr), before);
    let head = raw(server.addr, "HEAD /api/stories HTTP/1.1", b"");
    assert_eq!(head.status, 200);
    let body = raw(
        server.addr,
        "GET /api/stories HTTP/1.1\r\nContent-Length: 5",
        b"hello",
    );
    assert_eq!(body.status, 413);
    let long = format!("/api/search?q={}", "a".repeat(5000));
    assert_eq!(get(server.addr, &long).status, 414);
    let garbage = raw(
        server.addr,
        "GET /api/stories HTTP/1.1\r\nContent-Length: lots",
        b"",
    );
    assert!((400..500).contains(&garbage.status), "{}", garbage.status);
}

/// The hostile articles' markup is text on every page that shows it.
#[test]
fn hostile_text_is_escaped_everywhere() {
    let dir = scratch("api-hostile");
    let server = start(&demo_store(&dir));
    for path in [
        "/",
        "/stories/s2",
        "/articles/hostile-1",
        "/articles/hostile-2",
        "/search?q=Freetown",
    ] {
        let page = get(server.addr, path).body;
        let lower = page.to_lowercase();
        // The only script element is the server's own file; no handler or javascript: link.
        assert_eq!(lower.matches("<script").count(), 1, "{path}");
        assert!(
            lower.contains("<script src=\"/static/parallax.js\" defer></script>"),
            "{path}"
        );
        assert!(!lower.contains("<img"), "{path}");
        // Escaped text holds no `<`, so every tag is the server's: none has a handler or a
        // javascript: address.
        for tag in lower.split('<').skip(1).filter_map(|t| t.split('>').next()) {
            // Outside quoted values (the odd pieces between `"`), which the text cannot close.
            let names = tag.split('"').step_by(2).collect::<String>();
            let handler = names
                .split_whitespace()
                .skip(1)
                .any(|a| a.starts_with("on"));
            assert!(!handler && !tag.contains("javascript:"), "{path}: <{tag}>");
        }
    }
    let article = get(server.addr, "/articles/hostile-1").body;
    assert!(article.contains("&lt;script&gt;document.body.dataset.pwned=&#39;script&#39;"));
    assert!(article.contains("<code>javascript:alert(&#39;url&#39;)</code>"));
    // A web address is a link, its quotes escaped inside the attribute.
    let other = get(server.addr, "/articles/hostile-2").body;
    assert!(other.contains("href=\"https://example.org/harbour?a=1&amp;b=&quot;2&quot;\""));
}

#[test]
fn a_story_is_analysed_once_per_version_and_changes_show_on_reload() {
    let dir = scratch("api-cache");
    let db = demo_store(&dir);
    let server = start(&db);
    let first = get(server.addr, "/stories/s1").body;
    let after_first = server.state.analyses_run();
    for _ in 0..5 {
        assert_eq!(get(server.addr, "/stories/s1").body, first);
        get(server.addr, "/api/stories/s1");
    }
    assert_eq!(
        server.state.analyses_run(),
        after_first,
        "served from the cache"
    );
    // Another writer adds an article to the story: the next view analyses again and shows it.
    let mut late = Article::new(
        "late-1",
        "Kazakhstan joins Abraham Accords, officials confirm\nKazakhstan will join the Abraham Accords, officials in Astana confirmed on Friday, after a call with Witkoff.",
    );
    late.title = Some("Kazakhstan joins Abraham Accords, officials confirm".into());
    add_article(&db, late, 1);
    let second = get(server.addr, "/stories/s1").body;
    assert_eq!(server.state.analyses_run(), after_first + 1);
    assert!(second.contains("/articles/late-1") && !first.contains("/articles/late-1"));
    let story = get(server.addr, "/api/stories/s1").json();
    assert_eq!(story["stories"][0]["articles"].as_array().unwrap().len(), 6);
}

#[test]
fn concurrent_first_views_share_one_analysis() {
    let dir = scratch("api-concurrent");
    let server = start(&demo_store(&dir));
    let addr = server.addr;
    let before = server.state.analyses_run();
    let threads: Vec<_> = (0..8)
        .map(|_| std::thread::spawn(move || get(addr, "/stories/s1").status))
        .collect();
    for t in threads {
        assert_eq!(t.join().unwrap(), 200);
    }
    // The warmer may analyse s1 as well, but through the same cell: once.
    assert_eq!(server.state.analyses_run(), before + 1);
}

#[test]
fn kept_pages_go_gzipped_to_who_accepts_it() {
    use std::io::Read;
    let dir = scratch("api-gzip");
    let server = start(&demo_store(&dir));
    let plain = get(server.addr, "/stories/s1");
    assert_eq!(plain.header("content-encoding"), None);
    let mut s = std::net::TcpStream::connect(server.addr).unwrap();
    use std::io::Write;
    write!(
        s,
        "GET /stories/s1 HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut bytes = Vec::new();
    s.read_to_end(&mut bytes).unwrap();
    let split = bytes.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    let head = String::from_utf8_lossy(&bytes[..split]).to_lowercase();
    assert!(head.contains("content-encoding: gzip"), "{head}");
    assert!(head.contains("vary: accept-encoding"), "{head}");
    let mut html = String::new();
    flate2::read::GzDecoder::new(&bytes[split + 4..])
        .read_to_string(&mut html)
        .unwrap();
    assert_eq!(html, plain.body);
}
