#!/usr/bin/env python3
"""Figures and item lines of one judging run (docs/judging/protocol.md).

Usage: scripts/judging/compile.py JUDGMENTS_DIR > figures.md

JUDGMENTS_DIR holds *.tsv files, one line per judged item:
story, measure, item, verdict, reason (tab-separated). Verdicts: corr same-fact|not-same,
single missed|not-missed, contr real|not-real, contr-missed missed, qspk right|wrong,
qnone clear|not-clear, frame fair|unfair, brief 1-5, ent-dup dup, ent-junk junk.
Prints the judged-measures table (NeuS, ECB+, all) and every item in output order.
"""
import collections
import glob
import os
import sys

ORDER = ['neus-%d' % i for i in range(0, 301, 15)] + \
    ['1-ecb', '14-ecbplus', '21-ecb', '26-ecbplus', '31-ecb', '4-ecbplus']
MEASURES = ['corr', 'single', 'contr', 'contr-missed', 'qspk', 'qnone', 'frame', 'brief',
            'ent-dup', 'ent-junk']
GROUPS = [('NeuS (21 stories)', 'neus'), ('ECB+ (6 events)', 'ecb'), ('all (27)', None)]


def load(folder):
    rows = []
    for path in sorted(glob.glob(os.path.join(folder, '*.tsv'))):
        for n, line in enumerate(open(path), 1):
            if not line.strip():
                continue
            cols = line.rstrip('\n').split('\t')
            if len(cols) != 5 or cols[0] not in ORDER or cols[1] not in MEASURES:
                sys.exit(f'{path} line {n}: expected story, measure, item, verdict, reason')
            rows.append(cols)
    rows.sort(key=lambda r: (ORDER.index(r[0]), MEASURES.index(r[1])))
    return rows


def group_of(story):
    return 'neus' if story.startswith('neus') else 'ecb'


def select(rows, measure, group):
    return [r for r in rows if r[1] == measure and (group is None or group_of(r[0]) == group)]


def share(rows, measure, good, group):
    sel = select(rows, measure, group)
    hits = sum(r[3] == good for r in sel)
    return f'{hits}/{len(sel)} = {100 * hits / len(sel):.1f}%' if sel else '0/0'


def tally(rows, measure, group):
    sel = select(rows, measure, group)
    stories = len({r[0] for r in sel})
    return f'{len(sel)} (in {stories} stories)'


def briefs(rows, group):
    scores = [int(r[3]) for r in select(rows, 'brief', group)]
    dist = collections.Counter(scores)
    spread = ', '.join(f'{k}:{dist[k]}' for k in (5, 4, 3, 2, 1))
    return f'mean {sum(scores) / len(scores):.2f} over {len(scores)}; {spread}'


def main():
    rows = load(sys.argv[1])
    table = [
        ('1', 'corroborated claims judged *same fact*', lambda g: share(rows, 'corr', 'same-fact', g)),
        ('2', 'single-source claims judged *missed*', lambda g: share(rows, 'single', 'missed', g)),
        ('3', 'contradictions judged *real*', lambda g: share(rows, 'contr', 'real', g)),
        ('3b', 'differing numbers/dates not reported (NeuS only)',
         lambda g: tally(rows, 'contr-missed', g)),
        ('4', 'quote speakers judged *right*', lambda g: share(rows, 'qspk', 'right', g)),
        ('4b', 'speakerless variants whose speaker is clear (*clear but empty*)',
         lambda g: share(rows, 'qnone', 'clear', g)),
        ('5', 'framing flags judged *fair*', lambda g: share(rows, 'frame', 'fair', g)),
        ('6', 'brief score 1-5 (score:count)', lambda g: briefs(rows, g)),
        ('7a', 'entity duplicates left unmerged', lambda g: tally(rows, 'ent-dup', g)),
        ('7b', 'junk entity names', lambda g: tally(rows, 'ent-junk', g)),
    ]
    print('| # | measure | ' + ' | '.join(name for name, _ in GROUPS) + ' |')
    print('|---|---|' + '---|' * len(GROUPS))
    for num, name, figure in table:
        print(f'| {num} | {name} | ' + ' | '.join(figure(g) for _, g in GROUPS) + ' |')
    unsure = collections.Counter(r[1] for r in rows if r[4].startswith('unsure'))
    print()
    print('Close calls marked "unsure" (decided by the reading conventions): ' +
          ', '.join(f'{m} {unsure[m]}' for m in MEASURES if unsure[m]) + '.')
    print()
    print('## Judged items, one line each')
    story = None
    for r in rows:
        if r[0] != story:
            story = r[0]
            print(f'\n### {story}\n')
        cells = [c.replace('|', '/') for c in r]
        print(f'- {cells[1]} · {cells[2]} · **{cells[3]}** · {cells[4]}')


if __name__ == '__main__':
    main()
