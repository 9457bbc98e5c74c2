"""List the quote errors of khabar's predictions against a gold folder, by kind, with the scorer's matching rules
(../shared/gold/scoring/score_gold.py: text overlap >= 0.5 of the gold words and a shared speaker form or word).

    ./bin/khabar.js eval quotes --gold DIR --pred /tmp/pred.jsonl
    python3 scripts/quote-errors.py DIR /tmp/pred.jsonl [--kind miss|speaker|false] [--limit N]

Kinds: `miss` (no predicted quote covers the gold text), `speaker` (the text is covered, the speaker differs),
`false` (a predicted quote matching no gold quote). Prints counts, then examples."""
import json, os, sys, argparse
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(root, '..', 'shared', 'gold', 'scoring'))
from arnorm import norm, words, keys  # noqa: E402

ap = argparse.ArgumentParser()
ap.add_argument('gold'); ap.add_argument('pred')
ap.add_argument('--kind'); ap.add_argument('--limit', type=int, default=40)
a = ap.parse_args()
arts = {r['id']: r for r in map(json.loads, open(os.path.join(a.gold, 'articles.jsonl'), encoding='utf-8'))}
gold = {r['id']: r for r in map(json.loads, open(os.path.join(a.gold, 'annotations.jsonl'), encoding='utf-8'))}
pred = {}
for l in open(a.pred, encoding='utf-8'):
    d = json.loads(l); pred[d.get('id') or (d.get('article') or {}).get('id')] = d

def overlap(x, y):
    wa, wb = words(x), set(words(y))
    return sum(1 for w in wa if w in wb) / len(wa) if wa else 0.0

out = {'miss': [], 'speaker': [], 'false': []}
for i, g in gold.items():
    p = pred.get(i) or {}
    ents = {e.get('id'): e for e in p.get('entities') or []}
    def eforms(e):
        f = set()
        for m in (e.get('mentions') or []) + [e.get('name')]:
            f |= keys(m.get('text') if isinstance(m, dict) else m)
        return f
    gforms = [(ge, set().union(*[keys(m) for m in ge['mentions'] + [ge['name']]])) for ge in g['entities']]
    def gsp(q):
        f = {norm(q.get('speaker')), norm(q.get('speaker_mention'))}
        for ge, gf in gforms:
            if ge['name'] == q.get('speaker'): f |= gf
        return {x for x in f if x}
    def psp(q):
        f = {norm(q.get('speakerText'))}
        sp = q.get('speaker')
        if isinstance(sp, str) and sp in ents: f |= eforms(ents[sp])
        return {x for x in f if x}
    def sm(gf, pf):
        gw = {w for s in gf for w in s.split()}; pw = {w for s in pf for w in s.split()}
        return bool(gf & pf) or bool(gw & pw - {'ال'})
    pq = p.get('quotes') or []
    full = arts[i]['title'] + '\n' + arts[i]['text']
    for gq in g['quotes']:
        gf = gsp(gq)
        cov = [q for q in pq if overlap(gq['text'], q.get('text', '')) >= 0.5]
        if any(sm(gf, psp(q)) for q in cov):
            continue
        at = full.find(gq['text'])
        ctx = full[max(0, at - 120):at].replace('\n', ' / ') if at >= 0 else ''
        if cov:
            out['speaker'].append(f"{i}\n  gold: {gq.get('speaker_mention') or gq.get('speaker')} | cue {gq.get('cue')}\n  pred: {cov[0].get('speakerText')} | cue {cov[0].get('cue')}\n  text: {gq['text'][:140]}")
        else:
            out['miss'].append(f"{i}\n  gold: {gq.get('speaker_mention') or gq.get('speaker')} | cue {gq.get('cue')} | direct {gq.get('direct')}\n  before: …{ctx}\n  text: {gq['text'][:160]}")
    for q in pq:
        pf = psp(q)
        if any(overlap(q.get('text', ''), gq['text']) >= 0.5 and sm(gsp(gq), pf) for gq in g['quotes']):
            continue
        if any(overlap(q.get('text', ''), gq['text']) >= 0.5 for gq in g['quotes']):
            continue  # counted as a speaker error above
        out['false'].append(f"{i}\n  pred: {q.get('speakerText')} | cue {q.get('cue')}\n  text: {q.get('text', '')[:160]}")
print('  '.join(f'{k} {len(v)}' for k, v in out.items()))
for k, v in out.items():
    if a.kind and k != a.kind:
        continue
    print(f'\n== {k} ({len(v)})')
    for s in v[:a.limit]:
        print(s)
