#!/usr/bin/env bash
# Writes what Parallax outputs on the demo and on every development set into DIR, so that a
# refactoring can be checked byte for byte: run it before and after, then `diff -r BEFORE AFTER`.
# Timings (articles/s, pages/s) are stripped from the eval lines; everything else is kept as printed.
# Usage: scripts/behaviour-snapshot.sh DIR [BINARY]
set -euo pipefail
out=${1:?usage: behaviour-snapshot.sh DIR [BINARY]}
bin=${2:-target/release/parallax}
eval_dir=${PARALLAX_EVAL:-../shared/eval}
mkdir -p "$out"
demo=examples/kazakhstan-abraham-accords
ecb=$eval_dir/clustering-dev/ecbplus-topics-1-35.jsonl
neus=$eval_dir/clustering-dev/neus-val.jsonl
untime() { sed -E -e 's/\([0-9.,]+ (articles|pages)\/s[^)]*\)//' -e 's/ in [0-9.]+s$//'; }

"$bin" analyze "$demo" --format json >"$out/demo.analyze.json"
"$bin" analyze "$demo" --format md >"$out/demo.analyze.md"
"$bin" analyze "$demo" --format html >"$out/demo.analyze.html"
"$bin" analyze "$demo" --format text --color never >"$out/demo.analyze.txt"
"$bin" read "$demo" >"$out/demo.read.json"
"$bin" cluster "$demo" --format json >"$out/demo.cluster.json"
[ -d "$eval_dir" ] || { echo "no $eval_dir: only the demo was written" >&2; exit 0; }
for set in "$ecb" "$neus"; do
  name=$(basename "$set" .jsonl)
  "$bin" analyze "$set" --format json >"$out/$name.analyze.json"
  "$bin" cluster "$set" --format json >"$out/$name.cluster.json"
  "$bin" cluster "$set" --format json --batch 50 >"$out/$name.cluster-50.json"
  "$bin" eval clusters --gold "$set" | untime >"$out/$name.eval.txt"
done
"$bin" eval extraction --data "$eval_dir/extraction-dev" --per-page | untime >"$out/extraction-dev.eval.txt"
"$bin" eval extraction --data "$eval_dir/extraction-dev-multilingual" --per-page | untime >"$out/multilingual.eval.txt"
"$bin" extract "$eval_dir/extraction-dev/html" --format jsonl >"$out/extraction-dev.extract.jsonl" 2>"$out/extraction-dev.extract.err"
"$bin" extract "$eval_dir/extraction-dev-multilingual/html" --format jsonl >"$out/multilingual.extract.jsonl" 2>"$out/multilingual.extract.err" || true
"$bin" analyze "$eval_dir/extraction-dev/html" --format json >"$out/extraction-dev.analyze.json" 2>/dev/null
for split in dev train; do
  "$bin" analyze "$eval_dir/quotes-dev/$split/text" --format json >"$out/quotes-$split.analyze.json" 2>/dev/null
  "$bin" read "$eval_dir/quotes-dev/$split/text" >"$out/quotes-$split.read.json" 2>/dev/null
done
# The generated stream and the store: clustering in batches, ingest, stored stories.
tmp=$(mktemp -d); stream=$tmp/stream.jsonl; db=$tmp/store.db
cargo run --quiet --release --example synthetic_corpus 5000 >"$stream"
"$bin" cluster "$stream" --format json --batch 200 >"$out/stream.cluster-200.json"
"$bin" eval clusters --gold "$stream" | untime >"$out/stream.eval.txt"
"$bin" ingest "$stream" "$demo" --db "$db" 2>/dev/null | untime >"$out/store.ingest.txt"
"$bin" stories --db "$db" --format json --limit 100000 >"$out/store.stories.json"
"$bin" search Witkoff --db "$db" --format json >"$out/store.search.json"
rm -rf "$tmp"
echo "wrote $(ls "$out" | wc -l) files to $out"
