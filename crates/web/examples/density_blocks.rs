//! Print the density detector's blocks of a page (`.html` or `.html.gz`): verdict, weight, link
//! weight, element, text; `+` marks the blocks inside the chosen container.
//! `cargo run --release -p parallax-web --example density_blocks PAGE`

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: density_blocks PAGE.html[.gz]");
        std::process::exit(2);
    };
    let bytes = std::fs::read(&path).unwrap_or_else(|e| {
        eprintln!("cannot read {path}: {e}");
        std::process::exit(2);
    });
    let raw = parallax_web::gunzip(&bytes).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(2);
    });
    print!(
        "{}",
        parallax_web::explain_density(&parallax_web::decode(&raw, None))
    );
}
