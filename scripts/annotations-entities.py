"""Write data/annotations/entities-train.jsonl: khabar's hand annotations of the named entities of ANT articles
(../shared/gold/GUIDELINES.md), in stand-off form: per article its id, its set (the folder's name) and every entity's
name, English name, type, `optional` flag and surface forms. No article text: training joins the records with the ANT
corpus by id ($KHABAR_DATA), and `src/stages/ner/news.ts` finds the surface forms in it.

    python3 scripts/annotations-entities.py OUT SET_DIR...      (each SET_DIR holds articles.jsonl and annotations.jsonl)
"""
import json, os, sys

out, dirs = sys.argv[1], sys.argv[2:]
n = e = 0
with open(out, 'w', encoding='utf-8') as f:
    for d in dirs:
        ids = [json.loads(l)['id'] for l in open(os.path.join(d, 'articles.jsonl'), encoding='utf-8') if l.strip()]
        anns = {}
        for l in open(os.path.join(d, 'annotations.jsonl'), encoding='utf-8'):
            if l.strip():
                a = json.loads(l)
                anns[a['id']] = a
        for i in ids:
            a = anns.get(i)
            if a is None:
                sys.exit(f'{d}: no annotation for {i}')
            ents = []
            for x in a.get('entities', []):
                r = {'name': x['name'], 'name_en': x.get('name_en'), 'type': x['type'], 'mentions': x.get('mentions', [])}
                if x.get('optional'):
                    r['optional'] = True
                ents.append(r)
            f.write(json.dumps({'id': i, 'set': os.path.basename(os.path.normpath(d)), 'entities': ents}, ensure_ascii=False) + '\n')
            n += 1
            e += len(ents)
print(f'{n} articles, {e} entities -> {out}')
