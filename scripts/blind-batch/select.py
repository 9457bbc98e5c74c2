"""Pick a blind annotation batch of ANT articles (middleEast / internationalNews, 700–3,500 characters of text) that are
neither in data/annotations (events, quotes or entities) nor in the shared gold nor in earlier batches, and split it into parts for annotators.

    python3 scripts/blind-batch/select.py OUT_DIR SEED N PER_PART [EXCLUDE_ARTICLES.jsonl ...]

Writes OUT_DIR/articles.jsonl (gold-article format: id, source, url, time, title, abstract, text) and
OUT_DIR/parts/partK.jsonl. Reads $KHABAR_DATA (default ../shared/data) and ../shared/gold from the repository root."""
import json, os, random, sys

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
data = os.environ.get('KHABAR_DATA', os.path.join(root, '..', 'shared', 'data'))
out, seed, n, per = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
used = set()
for f in [os.path.join(root, 'data', 'annotations', 'events-train.jsonl'), os.path.join(root, 'data', 'annotations', 'entities-train.jsonl'), os.path.join(data, '..', 'gold', 'articles.jsonl'), *sys.argv[5:]]:
    if os.path.exists(f):
        for line in open(f, encoding='utf-8'):
            used.add(json.loads(line)['id'])
pool = []
for line in open(os.path.join(data, 'ant_news_corpus_subset', 'ant_v2.1_subset.jsonl'), encoding='utf-8'):
    r = json.loads(line)
    if r['category'] in ('middleEast', 'internationalNews') and r['id'] not in used and 700 <= len(r['text']) <= 3500:
        pool.append(r)
pool.sort(key=lambda r: r['id'])
random.Random(seed).shuffle(pool)
pick = pool[:n]
keys = ['id', 'source', 'url', 'time', 'title', 'abstract', 'text']
os.makedirs(os.path.join(out, 'parts'), exist_ok=True)
rec = lambda r: json.dumps({k: r.get(k, '') for k in keys}, ensure_ascii=False) + '\n'
with open(os.path.join(out, 'articles.jsonl'), 'w', encoding='utf-8') as f:
    f.writelines(rec(r) for r in pick)
for k in range((n + per - 1) // per):
    with open(os.path.join(out, 'parts', f'part{k + 1}.jsonl'), 'w', encoding='utf-8') as f:
        f.writelines(rec(r) for r in pick[k * per:(k + 1) * per])
print(f'{len(pool)} candidates; {len(pick)} picked into {out}')
