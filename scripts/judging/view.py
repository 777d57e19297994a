#!/usr/bin/env python3
"""Print, per story, the articles and the items the protocol judges (caps applied), numbered."""
import json, sys, os
base = sys.argv[1]
ids = sys.argv[2:]
def items(s):
    corr = [c for c in s['claims'] if c['status'] == 'corroborated'][:5]
    single = [c for c in s['claims'] if c['status'] == 'single_source'][:5]
    qs, qe = [], []
    for q in s['quotes']:
        for v in q['variants']:
            if v.get('speaker'):
                qs.append((q, v))
            else:
                qe.append((q, v))
    return corr, single, s['contradictions'], qs[:8], qe[:4], s['framing'][:8], s['brief'], s['entities']
for sid in ids:
    arts = [json.loads(l) for l in open(f'{base}/stories/{sid}.jsonl')]
    s = json.load(open(f'{base}/out/{sid}.json'))['stories'][0]
    corr, single, con, qs, qe, fr, brief, ents = items(s)
    o = []
    o.append(f'===== {sid}  headline: {s["headline"]}')
    for a in arts:
        o.append(f'--- ARTICLE {a["id"]}: {a["title"]}\n{a["text"]}\n')
    o.append('### CORROBORATED (first 5)')
    for c in corr:
        o.append(f'[{c["id"]}] {c["text"]}')
        for sp in c['support']:
            o.append(f'    - {sp["article"]}: {sp["sentence"]}')
        if c.get('figures'):
            o.append('    figures: ' + '; '.join(f'{f["value"]} ({f["surface"]}) {f["articles"]}' for f in c['figures']))
    o.append('### SINGLE SOURCE (first 5)')
    for c in single:
        o.append(f'[{c["id"]}] ' + ' | '.join(f'{sp["article"]}: {sp["sentence"]}' for sp in c['support']))
    o.append('### CONTRADICTIONS (all)')
    for c in con:
        o.append(json.dumps(c, ensure_ascii=False))
    o.append('### QUOTES WITH SPEAKER (first 8 variants)')
    for q, v in qs:
        o.append(f'[{v["article"]}] speaker={v["speaker"]!r} (group {q.get("speaker")!r}): "{v["text"]}"')
    o.append('### QUOTES WITHOUT SPEAKER (first 4 variants)')
    for q, v in qe:
        o.append(f'[{v["article"]}] "{v["text"]}"')
    o.append('### FRAMING (first 8)')
    for f in fr:
        o.append(f'[{f["article"]}] {f["kind"]}/{f.get("category")} «{f["text"]}» in: {f["sentence"]}')
    o.append('### BRIEF')
    for b in brief:
        o.append(f'- ({b.get("claim")}, {b.get("status")}, {b.get("sources")}) {b["text"]}')
    o.append('### ENTITIES')
    for e in ents:
        o.append(f'  {e["name"]} [{e["kind"]}] aliases={e.get("aliases")} mentions={e.get("mentions")} arts={len(e.get("articles",[]))}')
    open(f'{base}/view/{sid}.txt', 'w').write('\n'.join(o) + '\n')
