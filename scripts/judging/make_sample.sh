#!/usr/bin/env bash
# Re-make the fixed judging sample of docs/judging/protocol.md for one binary.
# Usage: scripts/judging/make_sample.sh BINARY OUTDIR
set -euo pipefail
BIN=$(readlink -f "$1"); OUT=$2
DATA=${PARALLAX_EVAL:-$(dirname "$0")/../../../shared/eval}/clustering-dev
mkdir -p "$OUT/stories" "$OUT/out"
NEUS=$(for i in $(seq 0 15 300); do echo "neus-$i"; done)
ECB="1-ecb 14-ecbplus 21-ecb 26-ecbplus 31-ecb 4-ecbplus"
for id in $NEUS; do
  python3 -c 'import json,sys
for l in open(sys.argv[1]):
    if l.strip() and json.loads(l)["story"]==sys.argv[2]: sys.stdout.write(l if l.endswith("\n") else l+"\n")' \
    "$DATA/neus-val.jsonl" "$id" > "$OUT/stories/$id.jsonl"
done
for id in $ECB; do
  python3 -c 'import json,sys
for l in open(sys.argv[1]):
    if l.strip() and json.loads(l)["story"]==sys.argv[2]: sys.stdout.write(l if l.endswith("\n") else l+"\n")' \
    "$DATA/ecbplus-topics-1-35.jsonl" "$id" > "$OUT/stories/$id.jsonl"
done
cd "$OUT"
for f in stories/*.jsonl; do
  id=$(basename "$f" .jsonl)
  [ -s "$f" ] || { echo "empty story $id" >&2; exit 1; }
  "$BIN" analyze "$f" --one-story --format json > "out/$id.json"
  echo "$id $(wc -l < "$f") articles"
done
