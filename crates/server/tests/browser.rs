//! The web UI in a real browser: headless Chromium (Debian's `chromium`, which `.ci/run`
//! installs) driven over the DevTools protocol against a server on a free loopback port. Skips,
//! saying why, only when no Chromium can be found.
//!
//! With `PARALLAX_SCREENSHOTS=DIR`, also writes screenshots of the main pages at desktop and
//! phone widths into DIR (the README's come from here: `docs/screenshots/`).

mod support;

use serde_json::Value;
use support::cdp::{find_chromium, Browser};
use support::{demo_store, get, scratch, start};

/// One browser and one server for all the checks (starting Chromium is the slow part).
#[test]
fn in_a_real_browser() {
    let Some(chromium) = find_chromium() else {
        eprintln!(
            "SKIPPED browser tests: no Chromium found (install Debian's `chromium`, as .ci/run \
             does, or set PARALLAX_CHROMIUM to a Chromium binary)"
        );
        return;
    };
    let dir = scratch("browser");
    let server = start(&demo_store(&dir));
    let mut b = Browser::launch(&chromium, &dir.join("profile")).expect("Chromium starts");
    let url = server.url();
    let story = get(server.addr, "/api/stories/s1").json()["stories"][0].clone();

    stories_page_lists_the_demo_story(&mut b, &url);
    matrix_has_a_row_per_claim_and_a_column_per_source(&mut b, &url, &story);
    the_status_filter_keeps_the_rows_of_its_status(&mut b, &url, &story);
    a_citation_lands_on_the_cited_sentence(&mut b, &url, &story);
    search_finds_witkoff_from_the_keyboard(&mut b, &url);
    hostile_articles_run_no_script_and_show_their_markup(&mut b, &url);
    keyboard_reaches_the_skip_link_first(&mut b, &url);
    if let Some(out) = std::env::var_os("PARALLAX_SCREENSHOTS") {
        screenshots(&mut b, &url, std::path::Path::new(&out));
    }
    pages_fit_a_phone(&mut b, &url);
    no_page_breaks_its_own_content_security_policy(&b);
}

fn texts(b: &mut Browser, selector: &str) -> Vec<String> {
    let js = format!(
        "[...document.querySelectorAll({})].map(e => e.textContent.replace(/\\s+/g, ' ').trim())",
        serde_json::to_string(selector).unwrap()
    );
    let v = b.eval(&js).unwrap();
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap_or_default().to_string())
        .collect()
}

fn count(b: &mut Browser, selector: &str) -> usize {
    texts(b, selector).len()
}

fn stories_page_lists_the_demo_story(b: &mut Browser, url: &str) {
    b.open(&format!("{url}/")).unwrap();
    let headlines = texts(b, ".stories h2 a");
    assert!(
        headlines.contains(&"Kazakhstan says will join Abraham Accords".to_string()),
        "{headlines:?}"
    );
}

/// Independent sources: the articles, each group of copies counted once.
fn sources(story: &Value) -> usize {
    let copies: usize = story["syndication"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["articles"].as_array().unwrap().len() - 1)
        .sum();
    story["articles"].as_array().unwrap().len() - copies
}

fn matrix_has_a_row_per_claim_and_a_column_per_source(b: &mut Browser, url: &str, story: &Value) {
    b.open(&format!("{url}/stories/s1")).unwrap();
    let claims = story["claims"].as_array().unwrap().len();
    assert!(claims > 10, "the demo has many claims");
    assert_eq!(count(b, "table.matrix tbody tr"), claims);
    assert_eq!(count(b, "table.matrix thead th.source"), sources(story));
    assert_eq!(sources(story), 5);
    assert_eq!(count(b, "table.matrix tbody td.cell"), claims * 5);
    // Every cell says in words what its sign means.
    let words = texts(b, "table.matrix tbody td.cell .vh");
    assert_eq!(words.len(), claims * 5);
    assert!(words
        .iter()
        .all(|w| ["states it", "does not mention it", "contradicts it"].contains(&w.as_str())));
    // The first claim, the main event, is stated by all five.
    let first = texts(b, "table.matrix tbody tr:first-child td.cell .vh");
    assert_eq!(first, vec!["states it"; 5]);
}

fn the_status_filter_keeps_the_rows_of_its_status(b: &mut Browser, url: &str, story: &Value) {
    b.open(&format!("{url}/stories/s1")).unwrap();
    b.click_to_load(".filter a[href*='status=corroborated']")
        .unwrap();
    let corroborated = story["claims"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "corroborated")
        .count();
    assert_eq!(count(b, "table.matrix tbody tr"), corroborated);
    assert_eq!(count(b, "table.matrix tbody tr.corroborated"), corroborated);
    assert_eq!(
        texts(b, ".filter a[aria-current]")[0],
        format!("corroborated ({corroborated})")
    );
}

fn a_citation_lands_on_the_cited_sentence(b: &mut Browser, url: &str, story: &Value) {
    b.open(&format!("{url}/stories/s1")).unwrap();
    let item = &story["brief"][0];
    b.click_to_load("ol.brief li:first-child a.cite").unwrap();
    let path = b.eval("location.pathname + location.hash").unwrap();
    let cited = item["sources"][0].as_str().unwrap();
    assert!(
        path.as_str()
            .unwrap()
            .starts_with(&format!("/articles/{cited}#s")),
        "{path}"
    );
    let target = b
        .eval("document.querySelector(':target').textContent.replace(/\\s+/g, ' ').trim()")
        .unwrap();
    let want = item["text"]
        .as_str()
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(target.as_str().unwrap(), want);
    // It is highlighted, and in view.
    let shown = b
        .eval("(() => { const t = document.querySelector(':target'); const r = t.getBoundingClientRect(); \
               return getComputedStyle(t).backgroundColor !== 'rgba(0, 0, 0, 0)' && r.top >= 0 && r.top < innerHeight; })()")
        .unwrap();
    assert_eq!(shown, Value::Bool(true));
}

fn search_finds_witkoff_from_the_keyboard(b: &mut Browser, url: &str) {
    b.open(&format!("{url}/")).unwrap();
    // "/" focuses the search box (the page's script), then type and press Enter.
    b.press("/", "Slash", 191).unwrap();
    assert_eq!(b.eval("document.activeElement.id").unwrap(), "q");
    b.call("Input.insertText", serde_json::json!({"text": "Witkoff"}))
        .unwrap();
    b.events.retain(|e| e["method"] != "Page.loadEventFired");
    b.press("Enter", "Enter", 13).unwrap();
    b.wait_for("Page.loadEventFired").unwrap();
    let stories = texts(b, ".hit-story h2 a");
    assert_eq!(stories, ["Kazakhstan says will join Abraham Accords"]);
    let marks = texts(b, ".snippet mark");
    assert!(
        !marks.is_empty() && marks.iter().all(|m| m == "Witkoff"),
        "{marks:?}"
    );
}

/// No dialog opened, nothing marked the body, no element or handler the article carried exists,
/// and the only script is the server's own file.
fn assert_inert(b: &mut Browser, page: &str) {
    std::thread::sleep(std::time::Duration::from_millis(300));
    assert!(
        b.seen("Page.javascriptDialogOpening").is_empty(),
        "{page}: a dialog opened"
    );
    assert_eq!(
        b.eval("document.body.dataset.pwned === undefined").unwrap(),
        Value::Bool(true),
        "{page}"
    );
    assert_eq!(
        count(b, "img, [onerror], [onclick], [onmouseover]"),
        0,
        "{page}"
    );
    assert_eq!(count(b, "a[href^='javascript' i]"), 0, "{page}");
    let scripts = b
        .eval("[...document.scripts].map(s => s.getAttribute('src'))")
        .unwrap();
    assert_eq!(
        scripts,
        serde_json::json!(["/static/parallax.js"]),
        "{page}"
    );
}

fn hostile_articles_run_no_script_and_show_their_markup(b: &mut Browser, url: &str) {
    for page in [
        "/articles/hostile-1",
        "/articles/hostile-2",
        "/stories/s2",
        "/search?q=Freetown",
        "/",
    ] {
        b.open(&format!("{url}{page}")).unwrap();
        assert_inert(b, page);
    }
    b.open(&format!("{url}/articles/hostile-1")).unwrap();
    let text = b.eval("document.body.innerText").unwrap();
    let text = text.as_str().unwrap();
    for shown in [
        support::SCRIPT,
        support::IMG,
        "javascript:alert('url')",
        "x\" onmouseover=\"alert('attr')",
    ] {
        assert!(
            text.contains(shown),
            "{shown} is not shown as text:\n{text}"
        );
    }
    // The story page shows the hostile sentences as text too, in the brief and the matrix.
    b.open(&format!("{url}/stories/s2")).unwrap();
    let text = b.eval("document.body.innerText").unwrap();
    assert!(text.as_str().unwrap().contains(support::SCRIPT));
    let title = b.eval("document.title").unwrap();
    assert!(title.as_str().unwrap().contains("<script>"), "{title}");
}

fn keyboard_reaches_the_skip_link_first(b: &mut Browser, url: &str) {
    b.open(&format!("{url}/stories/s1")).unwrap();
    b.press("Tab", "Tab", 9).unwrap();
    assert_eq!(b.eval("document.activeElement.className").unwrap(), "skip");
    b.press("Tab", "Tab", 9).unwrap();
    assert_eq!(b.eval("document.activeElement.className").unwrap(), "brand");
}

fn pages_fit_a_phone(b: &mut Browser, url: &str) {
    b.viewport(390, 844, true).unwrap();
    for page in [
        "/",
        "/stories/s1",
        "/articles/001_9458b13f05257ebf",
        "/search?q=Witkoff",
    ] {
        b.open(&format!("{url}{page}")).unwrap();
        let wide = b.eval("document.documentElement.scrollWidth").unwrap();
        let culprits = b
            .eval("[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391 && !(e.parentElement && e.parentElement.closest('.scroll'))).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))")
            .unwrap();
        assert!(
            wide.as_u64().unwrap() <= 390,
            "{page} is {wide} px wide on a phone: {culprits}"
        );
    }
    b.call(
        "Emulation.clearDeviceMetricsOverride",
        serde_json::json!({}),
    )
    .unwrap();
}

fn no_page_breaks_its_own_content_security_policy(b: &Browser) {
    let violations: Vec<&Value> = b
        .seen("Log.entryAdded")
        .into_iter()
        .filter(|e| {
            e["params"]["entry"]["text"]
                .as_str()
                .unwrap_or_default()
                .contains("Content Security Policy")
        })
        .collect();
    assert!(violations.is_empty(), "{violations:?}");
}

fn screenshots(b: &mut Browser, url: &str, out: &std::path::Path) {
    std::fs::create_dir_all(out).unwrap();
    let pages = [
        ("stories", "/"),
        ("story", "/stories/s1"),
        ("article", "/articles/001_9458b13f05257ebf#s6"),
        ("search", "/search?q=Witkoff"),
    ];
    for (width, mobile, label, height) in
        [(1280, false, "desktop", 4000), (390, true, "phone", 3000)]
    {
        b.viewport(width, 900, mobile).unwrap();
        for (name, page) in pages {
            b.open(&format!("{url}{page}")).unwrap();
            let png = b.screenshot(height).unwrap();
            std::fs::write(out.join(format!("{name}-{label}.png")), png).unwrap();
        }
    }
    b.call(
        "Emulation.clearDeviceMetricsOverride",
        serde_json::json!({}),
    )
    .unwrap();
}
