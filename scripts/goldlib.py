"""Helpers shared by the error and scoring scripts: reading a gold folder and a prediction file, and the name forms the
reference scorer (../shared/gold/scoring/score_gold.py) compares."""
import json, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), '..', 'shared', 'gold', 'scoring'))
from arnorm import keys, norm  # noqa: E402


def read_gold(folder):
    """The gold annotations of a folder (annotations.jsonl) by article id."""
    return {r['id']: r for r in map(json.loads, open(os.path.join(folder, 'annotations.jsonl'), encoding='utf-8'))}


def read_pred(path):
    """khabar's predictions (JSONL, one analysis per article) by article id."""
    pred = {}
    for line in open(path, encoding='utf-8'):
        if line.strip():
            d = json.loads(line)
            pred[d.get('id') or (d.get('article') or {}).get('id')] = d
    return pred


def strings(x):
    """All strings inside a value (for flexible actor fields)."""
    if x is None: return []
    if isinstance(x, str): return [x]
    if isinstance(x, dict): return [s for v in x.values() for s in strings(v)]
    if isinstance(x, list): return [s for v in x for s in strings(v)]
    return []


def eforms(e):
    """The scorer's forms of a predicted entity: its mentions and its name."""
    f = set()
    for m in (e.get('mentions') or []) + [e.get('name')]:
        f |= keys(m.get('text') if isinstance(m, dict) else m)
    return f


def gold_forms(g):
    """Each gold entity of an annotation record with its forms as the scorer compares them (mentions and name)."""
    return [(ge, set().union(*[keys(m) for m in ge['mentions'] + [ge['name']]])) for ge in g.get('entities') or []]


def gold_source_forms(ev, gforms):
    """The forms a predicted source may share with a gold event's source (score_gold.py): the source as written, its
    country code, and the forms of the gold entity of that name."""
    f = {norm(ev.get('source')), norm(ev.get('source_code'))}
    for ge, fs in gforms:
        if ge['name'] == ev.get('source'): f |= fs
    return {x for x in f if x}
