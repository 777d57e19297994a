use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let loaded = parallax_ingest::load_paths(&paths);
    let lex = parallax_read::Lexicon::builtin();
    let read: Vec<_> = loaded
        .articles
        .iter()
        .map(|a| parallax_read::read_article(a, &lex))
        .collect();
    let refs: Vec<_> = read.iter().collect();
    let r = parallax_compare::analyze_story("s1", &refs);
    println!("{}", serde_json::to_string_pretty(&r)?);
    Ok(())
}
