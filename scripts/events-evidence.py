"""Score where khabar's events point: the share of predicted events whose trigger lies inside the evidence of a gold
event with the same type and a matching source (the evidence is the annotator's "shortest clause or sentence that
states the event"). The reference scorer counts (type, source) pairs per article and never looks at the trigger, so an
event can score there while pointing at a word that states nothing ("أمس"). Each predicted event counts once, split
by origin: the trigger rules, or the learned layer (`via: model`).

    ./bin/khabar.js eval events --gold DIR --pred /tmp/pred.jsonl
    python3 scripts/events-evidence.py DIR /tmp/pred.jsonl [--json]"""
import json, os, sys
from collections import Counter
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from goldlib import eforms, gold_forms, gold_source_forms, read_gold, read_pred, strings  # noqa: E402
from arnorm import norm  # noqa: E402

args = [a for a in sys.argv[1:] if a != '--json']
gold = read_gold(args[0]); pred = read_pred(args[1])
texts = {}
for line in open(os.path.join(args[0], 'articles.jsonl'), encoding='utf-8'):
    if line.strip():
        a = json.loads(line)
        texts[a['id']] = a['title'] + '\n' + a['text']

n = Counter(); pair = Counter(); inside = Counter()
for i, g in gold.items():
    p = pred.get(i) or {}
    text = texts.get(i, '')
    ents = {e.get('id'): e for e in p.get('entities') or []}
    gforms = gold_forms(g)
    gf = lambda ev: gold_source_forms(ev, gforms)  # noqa: E731


    def span(ev):
        e = ev.get('evidence')
        if isinstance(e, list) and len(e) == 2: return e
        if isinstance(e, str) and e:
            k = text.find(e)
            if k >= 0: return [k, k + len(e)]
        return None

    gold_events = [(ev['type'], gf(ev), span(ev)) for ev in g['events']]
    for ev in p.get('events') or []:
        s = ev.get('source') or {}
        f = set()
        e = ents.get(s.get('entity'))
        if e is not None: f |= eforms(e)
        for x in strings(s): f.add(norm(x))
        f = {x for x in f if x}
        k = 'learned' if ev.get('via') == 'model' else 'rules'
        n[k] += 1
        pair[k] += any(t == ev['type'] and f & fs for t, fs, _ in gold_events)
        inside[k] += any(t == ev['type'] and f & fs and sp and sp[0] <= ev['start'] and ev['end'] <= sp[1] for t, fs, sp in gold_events)

res = {}
for k in ('rules', 'learned', 'all'):
    c = sum(n.values()) if k == 'all' else n[k]
    pr = sum(pair.values()) if k == 'all' else pair[k]
    ins = sum(inside.values()) if k == 'all' else inside[k]
    res[k] = {'events': c, 'pair': round(100 * pr / c, 1) if c else 0.0, 'in_evidence': round(100 * ins / c, 1) if c else 0.0}
if '--json' in sys.argv:
    print(json.dumps(res))
else:
    for k, r in res.items():
        print(f"{k:8} {r['events']:5} events: {r['pair']:5.1f} % match a gold (type, source) pair, {r['in_evidence']:5.1f} % have their trigger inside its evidence")
