"""Write data/annotations/events-train.jsonl (and, with --quotes, data/annotations/quotes-train.jsonl): khabar's hand
annotations of ANT articles in stand-off form. Events: the event records and the names of their source entities, the
evidence as character offsets into the article's title + "\n" + text. Quotes: the quote records (speaker, speaker
mention, cue, direct), the quoted text as character offsets into the same string, and the names and mention forms of
the speakers' entities. No article text is written: training joins the records with the ANT corpus by id ($KHABAR_DATA).

    python3 scripts/annotations-standoff.py OUT SET_DIR... [--quotes QUOTES_OUT]
        (each SET_DIR holds articles.jsonl and annotations.jsonl)
"""
import json, os, re, sys

args = sys.argv[1:]
qout = None
if '--quotes' in args:
    k = args.index('--quotes')
    qout = args[k + 1]
    del args[k:k + 2]
out, dirs = args[0], args[1:]

DIAC = re.compile('[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]')
MAP = str.maketrans({'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي', 'ة': 'ه', 'ؤ': 'و', 'ئ': 'ي'})


def locate(text, s):
    """Offsets of s in text: exact, else on the matching form (no diacritics, one alef, ya, ha; runs of spaces as
    one), mapped back to the original characters. None when not found."""
    i = text.find(s)
    if i >= 0:
        return [i, i + len(s)]
    s = s.strip()
    i = text.find(s)
    if i >= 0:
        return [i, i + len(s)]
    # the matching form of text with a map from each kept character to its offset
    keep, pos = [], []
    prev_space = False
    for j, c in enumerate(text):
        if DIAC.match(c):
            continue
        if c.isspace():
            if prev_space:
                continue
            prev_space = True
            c = ' '
        else:
            prev_space = False
        keep.append(c.translate(MAP))
        pos.append(j)
    t = ''.join(keep)
    n = re.sub(r'\s+', ' ', DIAC.sub('', s).translate(MAP)).strip()
    i = t.find(n) if n else -1
    if i < 0:
        return None
    return [pos[i], pos[i + len(n) - 1] + 1]


n_art = n_ev = n_q = n_lost = 0
f = open(out, 'w')
fq = open(qout, 'w') if qout else None
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
        if fq:
            quotes = []
            for q in a.get('quotes', []):
                span = locate(text, q['text'])
                if span is None:
                    n_lost += 1
                    print(f"{a['id']}: quote not in the text, left out: {q['text'][:60]!r}", file=sys.stderr)
                    continue
                quotes.append({'speaker': q['speaker'], 'speaker_mention': q.get('speaker_mention') or '',
                               'cue': q.get('cue') or '', 'direct': bool(q.get('direct')), 'text': span})
            speakers = {q['speaker'] for q in a.get('quotes', [])}
            qents = [{'name': e['name'], 'type': e['type'], 'mentions': e['mentions']} for e in a['entities'] if e['name'] in speakers]
            fq.write(json.dumps({'id': a['id'], 'set': name, 'entities': qents, 'quotes': quotes}, ensure_ascii=False) + '\n')
            n_q += len(quotes)
f.close()
print(f'{n_art} articles, {n_ev} events -> {out}')
if fq:
    fq.close()
    print(f'{n_art} articles, {n_q} quotes ({n_lost} not found in the text, left out) -> {qout}')
