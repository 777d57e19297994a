//! Every gold quote and every predicted quote of `parallax eval quotes`, one JSON object per line,
//! for reading the errors behind the figures:
//!
//! - `{"file", "kind": "gold", "text", "source", "name", "predicted": [{"text", "speaker", "right"}]}`
//!   for each gold quote (`name`: the gold Source is a name; `predicted`: the predictions that
//!   match it, empty when it was missed);
//! - `{"file", "kind": "extra", "text", "speaker"}` for each prediction that matches no gold quote.
//!
//! `cargo run --release --example quote_errors -- ../shared/eval/quotes-dev/train > errors.jsonl`.
//! The scoring is the command's own (`parallax_read::eval`).

use std::error::Error;
use std::path::Path;

use parallax_read::eval::{is_name, match_quotes, parse_brat, predictions, speaker_right};
use serde_json::json;

fn chars(text: &[char], r: &std::ops::Range<usize>) -> String {
    text[r.start.min(text.len())..r.end.min(text.len())]
        .iter()
        .collect()
}

fn folder(dir: &Path) -> Result<(), Box<dyn Error>> {
    let lexicon = parallax_read::Lexicon::builtin();
    let mut texts: Vec<_> = std::fs::read_dir(dir.join("text"))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    texts.sort();
    for path in texts {
        let stem = path.file_stem().unwrap_or_default().to_string_lossy();
        let ann = std::fs::read_to_string(dir.join("attributions").join(format!("{stem}.ann")))?;
        let bytes = std::fs::read(&path)?;
        let file_text = std::str::from_utf8(&bytes)?;
        let file_chars: Vec<char> = file_text.chars().collect();
        let gold = parse_brat(&ann, file_text).quotes;
        let Ok(article) = parallax_ingest::parse_txt(&stem, &stem, &bytes) else {
            continue;
        };
        let predicted = predictions(&parallax_read::read_article(&article, &lexicon), file_text);
        let matches = match_quotes(&predicted, &gold);
        for (g, quote) in gold.iter().enumerate() {
            let text: Vec<String> = quote
                .content
                .iter()
                .map(|r| chars(&file_chars, r))
                .collect();
            let found: Vec<_> = predicted
                .iter()
                .zip(&matches)
                .filter(|(_, m)| **m == Some(g))
                .map(|(p, _)| {
                    json!({
                        "text": chars(&file_chars, &p.span),
                        "speaker": p.speaker,
                        "right": speaker_right(p.speaker.as_deref(), quote.source.as_deref()),
                    })
                })
                .collect();
            let line = json!({
                "file": stem,
                "kind": "gold",
                "start": quote.content.first().map_or(0, |r| r.start),
                "text": text.join(" … "),
                "source": quote.source,
                "name": quote.source.as_deref().is_some_and(is_name),
                "predicted": found,
            });
            println!("{line}");
        }
        for (p, m) in predicted.iter().zip(&matches) {
            if m.is_none() {
                let line = json!({
                    "file": stem,
                    "kind": "extra",
                    "start": p.span.start,
                    "text": chars(&file_chars, &p.span),
                    "speaker": p.speaker,
                });
                println!("{line}");
            }
        }
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    let dirs: Vec<String> = std::env::args().skip(1).collect();
    if dirs.is_empty() {
        return Err("usage: quote_errors DIR [DIR...]".into());
    }
    for d in dirs {
        folder(Path::new(&d))?;
    }
    Ok(())
}
