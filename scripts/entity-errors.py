"""List the entity errors of khabar's predictions against a gold folder with the scorer's rules
(../shared/gold/scoring/score_gold.py: a gold entity is found when a predicted entity of its type shares a mention form;
it is linked when its name_en appears in the predicted nameEn or kbId).

    ./bin/khabar.js eval entities --gold DIR --pred /tmp/pred.jsonl
    python3 scripts/entity-errors.py DIR /tmp/pred.jsonl [--kind miss|type|link|false] [--limit N]

`miss`: no predicted entity has a mention form of it; `type`: one has, with another type; `link`: found, name_en not
in nameEn/kbId; `false`: a predicted entity that matches no gold entity (optional ones excepted)."""
import json, os, sys, argparse
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(root, '..', 'shared', 'gold', 'scoring'))
from arnorm import keys  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument('gold'); ap.add_argument('pred')
ap.add_argument('--kind'); ap.add_argument('--limit', type=int, default=60)
a = ap.parse_args()
gold = {r['id']: r for r in map(json.loads, open(os.path.join(a.gold, 'annotations.jsonl'), encoding='utf-8'))}
pred = {}
for l in open(a.pred, encoding='utf-8'):
    d = json.loads(l); pred[d.get('id') or (d.get('article') or {}).get('id')] = d
out = {'miss': [], 'type': [], 'link': [], 'false': []}
for i, g in gold.items():
    pents = (pred.get(i) or {}).get('entities') or []
    def ef(e):
        f = set()
        for m in (e.get('mentions') or []) + [e.get('name')]:
            f |= keys(m.get('text') if isinstance(m, dict) else m)
        return f
    gf = [(ge, set().union(*[keys(m) for m in ge['mentions'] + [ge['name']]])) for ge in g['entities']]
    for ge, f in gf:
        if ge.get('optional'): continue
        hit = [pe for pe in pents if pe.get('type') == ge['type'] and ef(pe) & f]
        if not hit:
            other = [pe for pe in pents if ef(pe) & f]
            if other: out['type'].append(f"{i[:26]}  {ge['type']} {ge['name']}  <- pred {other[0].get('type')} {other[0].get('name')}")
            else: out['miss'].append(f"{i[:26]}  {ge['type']} {ge['name']} ({ge.get('name_en')})  mentions: {' | '.join(ge['mentions'][:4])}")
            continue
        en = (ge.get('name_en') or '').lower()
        if en and not any(en in ' '.join(str(pe.get(k) or '') for k in ('nameEn', 'kbId')).lower().replace('_', ' ') for pe in hit):
            out['link'].append(f"{i[:26]}  {ge['type']} {ge['name']} gold={ge.get('name_en')}  pred={hit[0].get('nameEn')} / {hit[0].get('kbId')}")
    for pe in pents:
        if any(ef(pe) & f for ge, f in gf): continue
        out['false'].append(f"{i[:26]}  {pe.get('type')} {pe.get('name')}  ({pe.get('nameEn')})  mentions: {' | '.join(m.get('text') for m in (pe.get('mentions') or [])[:3])}")
print('  '.join(f'{k} {len(v)}' for k, v in out.items()))
for k, v in out.items():
    if a.kind and k != a.kind: continue
    print(f'\n== {k} ({len(v)})')
    for s in v[:a.limit]: print(s)
