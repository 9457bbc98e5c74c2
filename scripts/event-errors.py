"""List the event errors of khabar's predictions against a gold folder with the scorer's rules
(../shared/gold/scoring/score_gold.py: an event counts as a (type, source) pair; the source matches by a shared form).

    ./bin/khabar.js eval events --gold DIR --pred /tmp/pred.jsonl
    python3 scripts/event-errors.py DIR /tmp/pred.jsonl [--kind miss|false] [--limit N]

`miss`: a gold (type, source) pair no prediction has (with the predicted events of the same source or type in the
article, to tell a wrong type from a missed actor); `false`: a predicted pair that is not in the gold."""
import argparse
from goldlib import eforms, gold_forms, gold_source_forms, read_gold, read_pred, strings
from arnorm import norm  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument('gold'); ap.add_argument('pred')
ap.add_argument('--kind'); ap.add_argument('--limit', type=int, default=40)
a = ap.parse_args()
gold = read_gold(a.gold)
pred = read_pred(a.pred)

out = {'miss': [], 'false': []}
for i, g in gold.items():
    p = pred.get(i) or {}
    ents = {e.get('id'): e for e in p.get('entities') or []}
    gforms = gold_forms(g)
    gf = lambda ev: gold_source_forms(ev, gforms)  # noqa: E731
    def pf(ev):
        s = ev.get('source'); f = set()
        if isinstance(s, str) and s in ents: f |= eforms(ents[s])
        for x in strings(s):
            f.add(norm(x))
            if x in ents: f |= eforms(ents[x])
        return {x for x in f if x}
    pv = p.get('events') or []
    def desc(ev):
        s = ev.get('source') or {}; t = ev.get('target') or {}
        return f"{ev.get('type')} {s.get('name') if isinstance(s, dict) else s} -> {t.get('name') if isinstance(t, dict) else t} [{ev.get('trigger')}]"
    seen = set()
    for ev in g['events']:
        k = (ev['type'], frozenset(gf(ev)))
        if k in seen: continue
        seen.add(k)
        if any(e.get('type') == ev['type'] and pf(e) & k[1] for e in pv): continue
        same_src = [desc(e) for e in pv if pf(e) & k[1]]
        out['miss'].append(f"{i}\n  gold: {ev['type']} {ev['source']} ({ev.get('source_code')}) -> {ev.get('target')}\n  evidence: {ev['evidence'][:160]}\n  pred same source: {'; '.join(same_src[:4]) or '-'}")
    gp = {(ev['type'], frozenset(gf(ev))) for ev in g['events']}
    done = set()
    for e in pv:
        s = e.get('source'); key = (e.get('type'), (s.get('name') if isinstance(s, dict) else s))
        if key in done: continue
        done.add(key)
        if any(e.get('type') == t and pf(e) & f for t, f in gp): continue
        out['false'].append(f"{i}\n  pred: {desc(e)}\n  sentence: {(e.get('sentence') if isinstance(e.get('sentence'), str) else '')[:160]}")
print('  '.join(f'{k} {len(v)}' for k, v in out.items()))
for k, v in out.items():
    if a.kind and k != a.kind: continue
    print(f'\n== {k} ({len(v)})')
    for s in v[:a.limit]: print(s)
