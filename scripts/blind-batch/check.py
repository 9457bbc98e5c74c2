"""Validate an annotator's part against the guidelines (../shared/gold/GUIDELINES.md): exact substrings, types,
codes, one record per entity. Run inside the batch folder: python3 check.py K  (reads parts/partK.jsonl, annotations_partK.jsonl)"""
import json, re, sys
k = sys.argv[1]
arts = [json.loads(l) for l in open(f'parts/part{k}.jsonl')]
try:
    anns = [json.loads(l) for l in open(f'annotations_part{k}.jsonl') if l.strip()]
except json.JSONDecodeError as e:
    sys.exit(f'not valid JSONL: {e}')
TYPES = {'PER', 'LOC', 'ORG', 'MISC'}
EV = {'AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST', 'ACCUSE', 'REJECT',
      'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'}
errs, warns = [], []
ids = [a['id'] for a in arts]
got = [a.get('id') for a in anns]
if got != ids:
    errs.append(f'ids must be exactly, in order: {ids}; got {got}')
byid = {a['id']: a for a in arts}
for a in anns:
    r = byid.get(a.get('id'))
    if not r:
        continue
    text = r['title'] + '\n' + r['text']
    where = a['id']
    for key in ('entities', 'quotes', 'events'):
        if not isinstance(a.get(key), list):
            errs.append(f'{where}: "{key}" must be a list')
    names = set()
    for e in a.get('entities', []):
        for f in ('name', 'name_en', 'type', 'mentions'):
            if f not in e:
                errs.append(f'{where}: entity {e.get("name")!r} lacks "{f}"')
        if e.get('type') not in TYPES:
            errs.append(f'{where}: entity {e.get("name")!r} type {e.get("type")!r}')
        if e.get('name') in names:
            errs.append(f'{where}: entity name {e.get("name")!r} twice (one record per entity)')
        names.add(e.get('name'))
        if not e.get('mentions'):
            errs.append(f'{where}: entity {e.get("name")!r} has no mentions')
        for m in e.get('mentions', []):
            if m not in text:
                errs.append(f'{where}: mention {m!r} of {e.get("name")!r} is not an exact substring of title + "\\n" + text')
    for q in a.get('quotes', []):
        for f in ('speaker', 'speaker_mention', 'cue', 'text', 'direct'):
            if f not in q:
                errs.append(f'{where}: quote lacks "{f}": {q}')
        for f in ('speaker_mention', 'cue', 'text'):
            v = q.get(f)
            if isinstance(v, str) and v not in text:
                errs.append(f'{where}: quote {f} {v[:60]!r} is not an exact substring')
        if not isinstance(q.get('direct'), bool):
            errs.append(f'{where}: quote direct must be true/false')
        if q.get('speaker') and q['speaker'] not in names and q['speaker'] not in text:
            warns.append(f'{where}: quote speaker {q["speaker"]!r} is neither an entity name nor in the text')
    for v in a.get('events', []):
        for f in ('type', 'source', 'source_code', 'target', 'target_code', 'evidence'):
            if f not in v:
                errs.append(f'{where}: event lacks "{f}": {v}')
        if v.get('type') not in EV:
            errs.append(f'{where}: event type {v.get("type")!r}')
        ev = v.get('evidence')
        if not isinstance(ev, str) or ev not in text:
            errs.append(f'{where}: evidence {str(ev)[:60]!r} is not an exact substring')
        for f in ('source_code', 'target_code'):
            c = v.get(f)
            if c is not None and not re.fullmatch(r'[A-Z]{3}', str(c)):
                errs.append(f'{where}: {f} {c!r} must be an ISO3 code, IGO, NGO or null')
        if not v.get('source'):
            errs.append(f'{where}: event without source')
        elif v['source'] not in names and v['source'] not in text:
            warns.append(f'{where}: event source {v["source"]!r} is neither an entity name nor in the text')
for w in warns:
    print('warning:', w)
for e in errs:
    print('ERROR:', e)
n = lambda key: sum(len(a.get(key, [])) for a in anns)
print(f'part {k}: {len(anns)} articles, {n("entities")} entities, {n("quotes")} quotes, {n("events")} events;',
      'OK' if not errs else f'{len(errs)} errors')
sys.exit(1 if errs else 0)
