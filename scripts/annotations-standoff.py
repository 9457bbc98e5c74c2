"""Write data/annotations/events-train.jsonl: khabar's hand annotations of ANT articles (event records and the names
of their source entities) in stand-off form, evidence as character offsets into the article's title + "\n" + text.
No article text is written: training joins the records with the ANT corpus by id ($KHABAR_DATA).

    python3 scripts/annotations-standoff.py OUT SET_DIR...   (each SET_DIR holds articles.jsonl and annotations.jsonl)
"""
import json, os, sys

out, dirs = sys.argv[1], sys.argv[2:]
n_art = n_ev = 0
with open(out, 'w') as f:
    for d in dirs:
        name = os.path.basename(d.rstrip('/'))
        arts = {json.loads(l)['id']: json.loads(l) for l in open(os.path.join(d, 'articles.jsonl'))}
        for line in open(os.path.join(d, 'annotations.jsonl')):
            a = json.loads(line)
            r = arts[a['id']]
            text = r['title'] + '\n' + r['text']
            sources = {v['source'] for v in a['events']}
            events = []
            for v in a['events']:
                i = text.find(v['evidence'])
                if i < 0:
                    sys.exit(f"{a['id']}: evidence not in the text: {v['evidence']!r}")
                events.append({'type': v['type'], 'source': v['source'], 'source_code': v['source_code'],
                               'target': v['target'], 'target_code': v['target_code'], 'evidence': [i, i + len(v['evidence'])]})
            ents = [{'name': e['name'], 'type': e['type'], 'mentions': e['mentions']} for e in a['entities'] if e['name'] in sources]
            f.write(json.dumps({'id': a['id'], 'set': name, 'entities': ents, 'events': events}, ensure_ascii=False) + '\n')
            n_art += 1
            n_ev += len(events)
print(f'{n_art} articles, {n_ev} events -> {out}')
