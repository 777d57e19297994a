//! The generated stream of `parallax bench --scale N` as JSON lines, so that the clustering of a
//! long stream can be inspected and scored with `parallax eval clusters`. Run it as
//! `cargo run --release --example synthetic_corpus 20000` and redirect the output to a file.
//! Each generated story has its own first line ("Vitor hit by protest: …"), which serves as its
//! gold label (copies repeat it).

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    for a in parallax_cli::synthetic::stream(n, 7) {
        let line = serde_json::json!({
            "id": a.id,
            "story": a.text.lines().next().unwrap_or_default(),
            "text": a.text,
            "outlet": a.outlet,
            "published": a.published,
        });
        println!("{line}");
    }
}
