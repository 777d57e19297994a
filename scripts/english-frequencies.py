#!/usr/bin/env python3
"""Writes crates/text/data/english-frequencies.txt from the `wordfreq` package (PyPI).

    pip install wordfreq msgpack && python3 scripts/english-frequencies.py

Each line is `word centibels`: the word's frequency in English text is 10^(-centibels/100)
(wordfreq's "small" English list: every word at least once per million words). Only lower-case
alphabetic words (inner apostrophes and hyphens allowed) are kept. The data is wordfreq's, under
CC BY-SA 4.0 (see DATA-LICENSES.md).
"""
import gzip, importlib.util, os, re, msgpack

# The package's data file, found without importing the package (and its dependencies).
spec = importlib.util.find_spec('wordfreq')
path = os.path.join(os.path.dirname(spec.origin), 'data', 'small_en.msgpack.gz')
buckets = msgpack.unpackb(gzip.open(path).read(), raw=False)
word = re.compile(r"^[a-z](?:[a-z'\-]*[a-z])?$")
out = os.path.join(os.path.dirname(__file__), '..', 'crates', 'text', 'data', 'english-frequencies.txt')
with open(out, 'w') as f:
    f.write('# English word frequencies: `word centibels`, frequency = 10^(-centibels/100).\n')
    f.write('# From wordfreq 3.1 (Robyn Speer; data CC BY-SA 4.0: Wikipedia, subtitles, news, books,\n')
    f.write('# web text, Twitter, Reddit), small English list. Written by scripts/english-frequencies.py.\n')
    for cb, words in enumerate(buckets[1:], start=1):
        for w in words:
            if word.match(w):
                f.write(f'{w} {cb}\n')
