"""Score khabar's events as (type, source) pairs like ../shared/gold/scoring/score_gold.py, and also *strictly*: a
predicted source then matches a gold one by its names only, and by its country code only when the source stands for its
country: a country, a place with a government role (a capital), a body of the state (an ORG with role GOV, MIL, COP, JUD,
LEG or SPY), or a descriptive actor (قوات الأمن العراقية) — the rule by which the learned layer's labels are made
(`standsForCountry` in src/stages/events/train-pairs.ts).

The reference scorer matches any source by its country code, so a city, a region or a person of the right country
(ACCUSE مكة [SAU]) counts as the Saudi actor the gold names. The strict figure shows how many events name the actor the
annotator named; both are printed.

    ./bin/khabar.js eval events --gold DIR --pred /tmp/pred.jsonl
    python3 scripts/events-strict.py DIR /tmp/pred.jsonl [--json]"""
import json, argparse
from goldlib import eforms, gold_forms, gold_source_forms, read_gold, read_pred, strings
from arnorm import norm  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument('gold'); ap.add_argument('pred'); ap.add_argument('--json', action='store_true')
a = ap.parse_args()
gold = read_gold(a.gold)
pred = read_pred(a.pred)


STATE_ROLES = {'GOV', 'MIL', 'COP', 'JUD', 'LEG', 'SPY'}


def state(e):
    """A country, a place standing for its government (a capital), or a body of the state (ministry, army, police)."""
    if e.get('type') == 'LOC':
        return (e.get('kbId') or '').startswith('country:') or e.get('role') == 'GOV'
    return e.get('type') == 'ORG' and e.get('role') in STATE_ROLES


counts = {'lenient': [0, 0, 0, 0], 'strict': [0, 0, 0, 0]}
for i, g in gold.items():
    p = pred.get(i) or {}
    ents = {e.get('id'): e for e in p.get('entities') or []}
    gforms = gold_forms(g)
    gf = lambda ev: gold_source_forms(ev, gforms)  # noqa: E731


    def pf(ev, strict):
        s = ev.get('source'); f = set()
        if not isinstance(s, dict): return f
        e = ents.get(s.get('entity'))
        if e is not None: f |= eforms(e)
        if not strict:
            for x in strings(s):
                f.add(norm(x))
        else:
            f.add(norm(s.get('name')))
            if e is None or state(e): f.add(norm(s.get('country')))
        return {x for x in f if x}

    gpairs = {(ev['type'], frozenset(gf(ev))) for ev in g['events']}
    pv = p.get('events') or []
    pkeys = {}
    for ev in pv:
        s = ev.get('source') or {}
        k = s.get('entity') or norm(s.get('name')) or s.get('country')
        pkeys.setdefault((ev.get('type'), k), []).append(ev)
    for mode, strict in (('lenient', False), ('strict', True)):
        c = counts[mode]
        c[3] += len(gpairs); c[1] += len(pkeys)
        for t, fs in gpairs:
            if any(ev.get('type') == t and pf(ev, strict) & fs for ev in pv): c[2] += 1
        for evs in pkeys.values():
            if any(ev.get('type') == t and pf(ev, strict) & fs for ev in evs for t, fs in gpairs): c[0] += 1


def prf(tp_p, n_p, tp_g, n_g):
    pr = tp_p / n_p if n_p else 0.0; r = tp_g / n_g if n_g else 0.0
    return {'p': round(100 * pr, 1), 'r': round(100 * r, 1), 'f1': round(200 * pr * r / (pr + r), 1) if pr + r else 0.0, 'pred': n_p, 'gold': n_g}


res = {k: prf(*v) for k, v in counts.items()}
if a.json:
    print(json.dumps(res))
else:
    for k, s in res.items():
        print(f"events {k:8} P {s['p']:5.1f}  R {s['r']:5.1f}  F1 {s['f1']:5.1f}   (pred {s['pred']}, gold {s['gold']})")
