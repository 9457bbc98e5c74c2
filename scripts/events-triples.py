"""Score khabar's events as (type, source, target) triples: who did what to whom. The reference scorer
(../shared/gold/scoring/score_gold.py) counts (type, source) pairs only, so a right event with a wrong target, or none,
scores as right there. Here a predicted triple is right when a gold event has its type, shares a form with its source
(entity mentions or the name, as the pair scorer matches) and has the same target by the same rule, or both have none.
Triples are counted once per article.

    ./bin/khabar.js eval events --gold DIR --pred /tmp/pred.jsonl
    python3 scripts/events-triples.py DIR /tmp/pred.jsonl"""
import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from goldlib import eforms, read_gold, read_pred  # noqa: E402
from arnorm import norm, keys  # noqa: E402
gold = read_gold(sys.argv[1]); pred = read_pred(sys.argv[2])
tp = npred = ngold = 0
for i, g in gold.items():
    p = pred.get(i) or {}
    ents = {e.get('id'): e for e in p.get('entities') or []}
    gforms = {ge['name']: set().union(*[keys(m) for m in ge['mentions'] + [ge['name']]]) for ge in g['entities']}
    def pf(a):
        f = set()
        if not a: return f
        if isinstance(a, dict):
            if a.get('entity') in ents: f |= eforms(ents[a['entity']])
            if a.get('name'): f.add(norm(a['name']))
        return {x for x in f if x}
    def gf(name, code):
        if not name: return set()
        f = {norm(name)} | gforms.get(name, set())
        return {x for x in f if x}
    gt = {(ev['type'], frozenset(gf(ev['source'], ev.get('source_code'))), frozenset(gf(ev.get('target'), None))) for ev in g['events']}
    pt = set()
    for e in p.get('events') or []:
        pt.add((e['type'], frozenset(pf(e.get('source'))), frozenset(pf(e.get('target')))))
    ngold += len(gt); npred += len(pt)
    for t, s, tg in pt:
        if any(t == a and s & b and ((not tg and not c) or (tg & c)) for a, b, c in gt): tp += 1
P = tp / npred; R = tp / ngold
print(f'triples P {100*P:.1f} R {100*R:.1f} F1 {200*P*R/(P+R):.1f} (pred {npred}, gold {ngold})')
