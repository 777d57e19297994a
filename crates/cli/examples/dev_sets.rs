//! Development variants of the clustering data, for `parallax eval clusters`:
//!
//! - `neus-val-headlines.jsonl`: every NeuS item as a headline-only item (`text` = `title`, the
//!   `id` suffixed `-h`, the same `story`), as wire flashes and link-only feed items arrive;
//! - `mixed-stream.jsonl`: ECB+ topics 1-35 as they are, plus the NeuS stories, half of them (by
//!   a fixed-seed hash of the story id) as headline+lead items as they are and the other half as
//!   headline-only items, all shuffled with a fixed seed: full articles, leads and headlines in
//!   one stream.
//!
//! `cargo run --release --example dev_sets -- ../shared/eval/clustering-dev OUTDIR`. The output
//! depends on nothing but the input files.

use std::error::Error;
use std::path::{Path, PathBuf};

/// Seed of the story hash that picks the headline-only half, and of the shuffle.
const SEED: u64 = 0x005e_ed0f_9a11_a7a5;

#[derive(serde::Serialize)]
struct Item<'a> {
    id: String,
    story: &'a serde_json::Value,
    title: &'a str,
    text: &'a str,
}

/// A JSON string as it is, anything else as JSON.
fn plain(v: &serde_json::Value) -> String {
    v.as_str().map_or_else(|| v.to_string(), str::to_string)
}

/// A NeuS item as its headline only.
fn headline_only(v: &serde_json::Value) -> Result<String, Box<dyn Error>> {
    let id = plain(&v["id"]);
    let title = v["title"].as_str().ok_or("an item without a title")?;
    Ok(serde_json::to_string(&Item {
        id: format!("{id}-h"),
        story: &v["story"],
        title,
        text: title,
    })?)
}

/// FNV-1a over the bytes, started from the seed.
fn hash(s: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325 ^ SEED;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// xorshift64: enough for a reproducible shuffle.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

/// Fisher-Yates with a fixed seed.
fn shuffle<T>(items: &mut [T]) {
    let mut rng = XorShift(SEED);
    for i in (1..items.len()).rev() {
        let j = (rng.next() % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

/// The JSON lines of a file, parsed, with the line as written.
fn json_lines(path: &Path) -> Result<Vec<(String, serde_json::Value)>, Box<dyn Error>> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| {
            let v = serde_json::from_str(l)
                .map_err(|e| format!("{} line {}: {e}", path.display(), i + 1))?;
            Ok((l.to_string(), v))
        })
        .collect()
}

fn write_lines(path: &Path, lines: &[String]) -> Result<(), Box<dyn Error>> {
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    eprintln!("wrote {} items to {}", lines.len(), path.display());
    Ok(())
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [data, out] = args.as_slice() else {
        return Err("usage: dev_sets CLUSTERING-DEV-DIR OUTDIR".into());
    };
    let (data, out) = (PathBuf::from(data), PathBuf::from(out));
    std::fs::create_dir_all(&out)?;
    let neus = json_lines(&data.join("neus-val.jsonl"))?;
    let ecb = json_lines(&data.join("ecbplus-topics-1-35.jsonl"))?;

    let headlines = neus
        .iter()
        .map(|(_, v)| headline_only(v))
        .collect::<Result<Vec<_>, _>>()?;
    write_lines(&out.join("neus-val-headlines.jsonl"), &headlines)?;

    // The stories in hash order: the first half keeps its leads.
    let mut stories: Vec<String> = neus.iter().map(|(_, v)| plain(&v["story"])).collect();
    stories.sort();
    stories.dedup();
    stories.sort_by_key(|s| (hash(s), s.clone()));
    let with_leads: std::collections::HashSet<&String> =
        stories[..stories.len() / 2].iter().collect();
    let mut mixed: Vec<String> = ecb.into_iter().map(|(line, _)| line).collect();
    for ((line, v), headline) in neus.iter().zip(headlines) {
        if with_leads.contains(&plain(&v["story"])) {
            mixed.push(line.clone());
        } else {
            mixed.push(headline);
        }
    }
    shuffle(&mut mixed);
    write_lines(&out.join("mixed-stream.jsonl"), &mixed)?;
    Ok(())
}
