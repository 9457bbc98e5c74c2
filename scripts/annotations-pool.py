"""Rebuild a gold folder (articles.jsonl + annotations.jsonl, the format of ../shared/gold) from the stand-off
annotations of data/annotations/ and the ANT corpus text, so that `khabar eval quotes|events --gold DIR` can score the
pool of hand-annotated articles (entities hold only the sources and speakers, as the stand-off files do).

    python3 scripts/annotations-pool.py OUT_DIR [SET ...]

Reads $KHABAR_DATA (default ../shared/data). With SET names (e.g. devgold30) only those sets are written."""
import json, os, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
data = os.environ.get('KHABAR_DATA', os.path.join(root, '..', 'shared', 'data'))
out, sets = sys.argv[1], set(sys.argv[2:])
ev = [json.loads(l) for l in open(os.path.join(root, 'data', 'annotations', 'events-train.jsonl'), encoding='utf-8')]
qs = {r['id']: r for r in map(json.loads, open(os.path.join(root, 'data', 'annotations', 'quotes-train.jsonl'), encoding='utf-8'))}
want = {r['id'] for r in ev if not sets or r['set'] in sets}
ant = {}
for line in open(os.path.join(data, 'ant_news_corpus_subset', 'ant_v2.1_subset.jsonl'), encoding='utf-8'):
    r = json.loads(line)
    if r['id'] in want:
        ant[r['id']] = r
os.makedirs(out, exist_ok=True)
keys = ['id', 'source', 'url', 'time', 'title', 'abstract', 'text']
n = 0
with open(os.path.join(out, 'articles.jsonl'), 'w', encoding='utf-8') as fa, open(os.path.join(out, 'annotations.jsonl'), 'w', encoding='utf-8') as fg:
    for r in ev:
        if r['id'] not in want or r['id'] not in ant:
            continue
        a = ant[r['id']]
        full = a['title'] + '\n' + a['text']
        q = qs.get(r['id'], {'entities': [], 'quotes': []})
        ents = {e['name']: e for e in r['entities']}
        for e in q['entities']:
            ents.setdefault(e['name'], e)
        events = [dict(e, evidence=full[e['evidence'][0]:e['evidence'][1]]) for e in r['events']]
        quotes = [dict(x, text=full[x['text'][0]:x['text'][1]]) for x in q['quotes']]
        fa.write(json.dumps({k: a.get(k, '') for k in keys}, ensure_ascii=False) + '\n')
        fg.write(json.dumps({'id': r['id'], 'entities': list(ents.values()), 'quotes': quotes, 'events': events}, ensure_ascii=False) + '\n')
        n += 1
print(f'{n} articles written to {out}')
