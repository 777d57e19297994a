use std::path::PathBuf;

fn main() -> anyhow::Result<()> {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let loaded = parallax_ingest::load_paths(&paths);
    let lex = parallax_read::Lexicon::builtin();
    for a in &loaded.articles {
        let r = parallax_read::read_article(a, &lex);
        println!("=== {} headline={:?} removed={:?} authors={:?}", r.id(), r.headline, r.removed, r.article.authors);
        for s in &r.sentences {
            println!("  [{}{}] {}", s.index, if s.is_heading { "H" } else { "" }, s.text);
            for m in r.mentions_in(s.index) {
                println!("      M {:?} {:?} -> {} ({:?}) t={:?}/{:?}{}", m.form, m.surface, m.key, m.kind, m.title, m.title_country, if m.scare_quoted { " SCARE" } else { "" });
            }
            for q in r.quantities_in(s.index) {
                println!("      N {:?} = {}", q.surface, q.normalized());
            }
        }
        for q in &r.quotes {
            println!("  Q {:?} {:?} [{:?}] {:?}", q.kind, q.speaker, q.cue, q.text);
        }
        for f in &r.framing {
            println!("  F {:?} {:?}", f.kind, f.text);
        }
    }
    Ok(())
}
