#!/usr/bin/env python3
"""trafilatura on the two extraction development sets, scored as `parallax eval extraction` scores.

A measurement tool, not part of Parallax: it needs `pip install 'trafilatura==2.3.*'
lxml_html_clean`. trafilatura runs in-process, one page after another, on the decompressed bytes
(it decodes them itself, as Parallax does), with comments excluded as in trafilatura's own
evaluation. Prints, per set, precision, recall, F1 and pages/s; with `--parallax BINARY`, also runs
`BINARY eval extraction` on the same sets right after (on all cores, then on one), so both tools
are timed in the same sitting.

Usage: scripts/compare-trafilatura.py [--eval DIR] [--parallax target/release/parallax] [--per-page]
"""

import argparse
import gzip
import json
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import trafilatura

WORD = re.compile(r"\w+")


def shingles(text):
    """The benchmark's 4-gram shingles of `\\w+` tokens (a shorter text is one shingle)."""
    tokens = WORD.findall(text)
    if not tokens:
        return Counter()
    if len(tokens) < 4:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def shingle_scores(gold, extracted):
    """Per-page precision and recall: TP, FP and FN normalised to sum to one."""
    g, e = shingles(gold), shingles(extracted)
    tp = sum((g & e).values())
    fp = sum((e - g).values())
    fn = sum((g - e).values())
    total = tp + fp + fn
    if total == 0:
        return 1.0, 1.0
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def snippet_counts(item, extracted):
    """trafilatura's evaluation: (TP, FN, FP) over the page's "with" and "without" snippets."""
    if extracted is None:
        return 0, len(item["with"]), 0
    text = " ".join(extracted.split())
    found = lambda s: " ".join(s.split()) in text
    tp = sum(found(s) for s in item["with"])
    fp = sum(found(s) for s in item["without"])
    return tp, len(item["with"]) - tp, fp


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def pages_of(folder):
    """(id, url, bytes, gold) of each page, and the set's kind ("shingles" or "snippets")."""
    if (folder / "gold.json").exists():
        gold, kind = json.loads((folder / "gold.json").read_text()), "snippets"
    else:
        gold, kind = json.loads((folder / "ground-truth.json").read_text()), "shingles"
    pages = []
    for page_id in sorted(gold):
        raw = gzip.decompress((folder / "html" / f"{page_id}.html.gz").read_bytes())
        url = gold[page_id].get("url")
        pages.append((page_id, url if url and url.startswith("http") else None, raw, gold[page_id]))
    return kind, pages


def run_trafilatura(raw, url):
    return trafilatura.extract(raw, url=url, include_comments=False)


def score_set(folder, per_page):
    kind, pages = pages_of(folder)
    run_trafilatura(pages[0][2], pages[0][1])  # the first call loads trafilatura's lazy parts
    outputs, elapsed = [], 0.0
    for page_id, url, raw, gold in pages:
        started = time.perf_counter()
        try:
            text = run_trafilatura(raw, url)
        except Exception as e:  # a page that fails counts as a full miss
            print(f"{folder.name}/{page_id}: {e}", file=sys.stderr)
            text = None
        elapsed += time.perf_counter() - started
        outputs.append(text)
    if kind == "shingles":
        scores = [shingle_scores(g["articleBody"], t or "") for (_, _, _, g), t in zip(pages, outputs)]
        p = sum(s[0] for s in scores) / len(scores)
        r = sum(s[1] for s in scores) / len(scores)
        rows = [(pid, s) for (pid, _, _, _), s in zip(pages, scores)]
    else:
        counts = [snippet_counts(g, t) for (_, _, _, g), t in zip(pages, outputs)]
        tp, fn, fp = (sum(c[i] for c in counts) for i in range(3))
        p, r = tp / (tp + fp), tp / (tp + fn)
        rows = [(pid, c) for (pid, _, _, _), c in zip(pages, counts)]
    if per_page:
        for pid, s in rows:
            print(f"  {pid}\t{s}")
    return kind, len(pages), p, r, f1(p, r), len(pages) / elapsed


def main():
    here = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--eval", type=Path, default=here.parent / "shared" / "eval")
    ap.add_argument("--parallax", help="also run this parallax binary on the same sets")
    ap.add_argument("--per-page", action="store_true")
    args = ap.parse_args()
    sets = [args.eval / "extraction-dev", args.eval / "extraction-dev-multilingual"]
    print(f"trafilatura {trafilatura.__version__}, in-process, one core")
    print(f"{'set':<30} {'metric':<9} {'pages':>5} {'precision':>9} {'recall':>7} {'F1':>6} {'pages/s':>8}")
    for folder in sets:
        kind, n, p, r, f, speed = score_set(folder, args.per_page)
        print(f"{folder.name:<30} {kind:<9} {n:>5} {p:>9.4f} {r:>7.4f} {f:>6.4f} {speed:>8.1f}")
    if args.parallax:
        command = [args.parallax, "eval", "extraction"]
        for folder in sets:
            command += ["--data", str(folder)]
        for threads in ([], ["--threads", "1"]):
            print("$ " + " ".join(command + threads), flush=True)
            subprocess.run(command + threads, check=True)


if __name__ == "__main__":
    main()
