import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { dataFile, modelFile, sharedDataDir } from '../../core/paths.ts';
import type { Doc, Entity, Event, Quote } from '../../core/types.ts';
import { newDoc, Pipeline } from '../../pipeline/index.ts';
import { readArticle } from '../../reader/index.ts';
import { loadEmbeddingClusters } from '../ner/embeddings.ts';
import { tokenizeStage } from '../tokenize/index.ts';
import { contextFreeTypes, loadEventLexicon, stripClitics } from './lexicon.ts';
import {
  chooseTarget,
  coarseClusters,
  fillTargets,
  formatPairModel,
  learnedEvents,
  loadPairModel,
  type PairModel,
  PLOVER_TYPES,
  pairInstances,
  parsePairModel,
  targetFeatures,
  targetPool,
  withPairEvents,
} from './pairs.ts';
import { cvPairs, goldOf, type PairDoc, pairDocs, pairLabels, readStandoff, trainPairModel } from './train-pairs.ts';

const lex = loadEventLexicon();
const NO_CLUSTERS = new Map<string, number>();

function tokenized(text: string): Doc {
  const doc = newDoc({ id: 't', headline: '', body: text, text, spans: { body: { start: 0, end: text.length } } });
  tokenizeStage.create().process(doc);
  return doc;
}

function ent(doc: Doc, id: string, type: Entity['type'], name: string, country?: string): Entity {
  const mentions = [];
  for (let i = doc.text.indexOf(name); i >= 0; i = doc.text.indexOf(name, i + 1))
    mentions.push({ text: name, start: i, end: i + name.length, via: 'ner' });
  return { id, type, name, country, mentions };
}

function quote(doc: Doc, speaker: string, speakerText: string, cue: string, content: string): Quote {
  const start = doc.text.indexOf(content);
  const sp = doc.text.indexOf(speakerText);
  return {
    speaker,
    speakerText,
    cue,
    text: content,
    start,
    end: start + content.length,
    direct: false,
    speakerSpan: { start: sp, end: sp + speakerText.length },
  };
}

/** A model that knows one thing: a speaker whose cue is انتقد accuses (probability ~0.88), nothing else fires. */
function tinyModel(): PairModel {
  const types = [...PLOVER_TYPES];
  const bias = new Float64Array(types.length).fill(-4);
  const w = new Float32Array(types.length);
  w[types.indexOf('ACCUSE')] = 6;
  const s = new Float32Array(types.length);
  s[types.indexOf('ACCUSE')] = 0.5;
  return {
    types,
    bias,
    weights: new Map([
      ['qc:انتقد', w],
      ['s:سياسه', s],
    ]),
    threshold: 0.4,
    header: 'test',
  };
}

// وانتقد لافروف سياسة واشنطن، وقال إن ...
const TEXT = 'وانتقد سيرغي لافروف سياسة الولايات المتحدة في المنطقة. وزار الوزير بغداد.';

function lavrovDoc(): Doc {
  const doc = tokenized(TEXT);
  doc.entities = [
    ent(doc, 'e1', 'PER', 'سيرغي لافروف', 'RUS'),
    { ...ent(doc, 'e2', 'LOC', 'الولايات المتحدة', 'USA'), kbId: 'country:USA' },
    { ...ent(doc, 'e3', 'LOC', 'بغداد', 'IRQ'), kbId: 'city:baghdad', role: 'GOV' },
  ];
  doc.quotes = [quote(doc, 'e1', 'سيرغي لافروف', 'وانتقد', 'سياسة الولايات المتحدة في المنطقة')];
  return doc;
}

test('pair instances: one per actor and sentence, with the statement, the neighbours and the rule events', () => {
  const doc = lavrovDoc();
  const rules: Event[] = [
    {
      type: 'ACCUSE',
      source: { entity: 'e2', name: 'الولايات المتحدة', country: 'USA' },
      target: null,
      trigger: 'وانتقد',
      start: 0,
      end: 6,
      sentence: 0,
    },
  ];
  const inst = pairInstances(doc, rules, lex, NO_CLUSTERS);
  const keys = inst.map((x) => `${x.sentence}:${x.key}`);
  assert.deepEqual(keys.sort(), ['0:e1', '0:e2', '1:e3']);
  const lavrov = inst.find((x) => x.key === 'e1');
  assert.ok(lavrov);
  for (const f of ['q', 'qc:انتقد', 'qw:سياسه', 'ro:ACCUSE', 'at:PER', 'ar:m:ner', 'p1:انتقد', 'pt:ACCUSE', 'L:انتقد', 's:منطقه'])
    assert.ok(lavrov.feats.includes(f), `${f} in ${lavrov.feats.join(' ')}`);
  const us = inst.find((x) => x.key === 'e2');
  assert.ok(us?.feats.includes('r:ACCUSE'));
  // Baghdad, in the second sentence, sees the first sentence's rule event only as nobody's
  assert.ok(!inst.find((x) => x.key === 'e3')?.feats.some((f) => f.startsWith('r:') || f.startsWith('ro:')));
  // a town that stands for no government is no actor of the layer (Baghdad, a capital, is)
  doc.entities = doc.entities?.map((e) => (e.id === 'e3' ? { ...e, kbId: 'city:basra', role: undefined } : e));
  assert.deepEqual(
    pairInstances(doc, rules, lex, NO_CLUSTERS)
      .map((x) => `${x.sentence}:${x.key}`)
      .sort(),
    ['0:e1', '0:e2'],
  );
});

test('learned events: added for a pair the rules missed, in the original text, never twice', () => {
  const doc = lavrovDoc();
  const m = tinyModel();
  const noRules = learnedEvents(doc, [], pairInstances(doc, [], lex, NO_CLUSTERS), m, lex);
  assert.equal(noRules.length, 1);
  const e = noRules[0];
  assert.equal(e.type, 'ACCUSE');
  assert.equal(e.source?.entity, 'e1');
  assert.equal(e.via, 'model');
  assert.ok(e.score && e.score > 0.8 && e.score < 0.95, String(e.score));
  // the trigger is a word of the sentence outside the names, the lexicon's ACCUSE word first; offsets into the text
  assert.equal(e.trigger, 'وانتقد');
  assert.equal(doc.text.slice(e.start, e.end), e.trigger);
  assert.equal(e.sentence, 0);
  assert.equal(e.location?.name, undefined, 'no place after في that is an entity in this sentence');
  // a rule event of the same type and actor: nothing added
  const rule: Event = {
    type: 'ACCUSE',
    source: { entity: 'e1', name: 'سيرغي لافروف' },
    target: null,
    trigger: 'وانتقد',
    start: 0,
    end: 6,
    sentence: 0,
  };
  assert.equal(learnedEvents(doc, [rule], pairInstances(doc, [rule], lex, NO_CLUSTERS), m, lex).length, 0);
  // a descriptive rule source that contains the name covers the entity too
  const titled: Event = { ...rule, source: { name: 'وزير الخارجية الروسي سيرغي لافروف', country: 'RUS' } };
  assert.equal(learnedEvents(doc, [titled], pairInstances(doc, [titled], lex, NO_CLUSTERS), m, lex).length, 0);
  // below the threshold: nothing
  assert.equal(learnedEvents(doc, [], pairInstances(doc, [], lex, NO_CLUSTERS), { ...m, threshold: 0.95 }, lex).length, 0);
});

test('targets: the chooser takes the most probable other actor of the sentence, or none', () => {
  const doc = lavrovDoc();
  // a chooser that likes places and dislikes the doer's own country
  const target = {
    bias: -1,
    weights: new Map([
      ['tt:LOC', 2],
      ['tsamec', -5],
    ]),
  };
  const m = { ...tinyModel(), target };
  const e = learnedEvents(doc, [], pairInstances(doc, [], lex, NO_CLUSTERS), m, lex)[0];
  assert.equal(e.target?.entity, 'e2');
  assert.equal(e.target?.name, 'الولايات المتحدة');
  // below TARGET_THRESHOLD for every candidate: no target
  const weak = { ...tinyModel(), target: { bias: -3, weights: new Map([['tt:LOC', 2]]) } };
  assert.equal(learnedEvents(doc, [], pairInstances(doc, [], lex, NO_CLUSTERS), weak, lex)[0].target, null);
  const inst = pairInstances(doc, [], lex, NO_CLUSTERS);
  const src = inst.find((x) => x.key === 'e1');
  const us = inst.find((x) => x.key === 'e2');
  assert.ok(src && us);
  const f = targetFeatures(doc, src, us, 'ACCUSE');
  for (const x of ['tt:LOC', 'ACCUSE|tt:LOC', 'tw1:سياسه', 'ts:afternear']) assert.ok(f.includes(x), `${x} in ${f.join(' ')}`);
});

test('targets: the trigger places each candidate; a rule event without a target gets one only at the fill probability', () => {
  const doc = lavrovDoc();
  const inst = pairInstances(doc, [], lex, NO_CLUSTERS);
  const src = inst.find((x) => x.key === 'e1');
  const us = inst.find((x) => x.key === 'e2');
  assert.ok(src && us);
  const k = doc.tokens.findIndex((t) => t.text === 'وانتقد');
  assert.equal(k, 0);
  const f = targetFeatures(doc, src, us, 'ACCUSE', k, 0);
  // four words after the trigger, the first actor after it, the doer between them, no clause break
  for (const x of ['tg:aftermid', 'ACCUSE|tg:aftermid', 'tgr:0', 'tg:srcIn', 'tgw:انتقد|tw1:سياسه'])
    assert.ok(f.includes(x), `${x} in ${f.join(' ')}`);
  assert.ok(!f.some((x) => x.startsWith('tg:brk')), f.join(' '));
  // a candidate before the trigger (here the doer seen from "المنطقة")
  const before = targetFeatures(
    doc,
    us,
    src,
    'ACCUSE',
    doc.tokens.findIndex((t) => t.text === 'المنطقة'),
    -1,
  );
  assert.ok(before.includes('tg:beforemid'), before.join(' '));
  // no trigger known: no trigger feature
  assert.ok(targetFeatures(doc, src, us, 'ACCUSE').includes('tg:none'));
  const same = inst.filter((x) => x.sentence === 0);
  // a chooser that wants the actor right after the trigger
  const target = { bias: -2, weights: new Map([['tg:aftermid', 4]]) };
  const m: PairModel = { ...tinyModel(), target };
  assert.equal(chooseTarget(doc, src, 'ACCUSE', same, m, k)?.entity, 'e2');
  assert.equal(chooseTarget(doc, src, 'ACCUSE', same, m, -1), null);
  // a rule event of Lavrov with no target: filled at the model's fill probability, left alone without one
  const rule: Event = {
    type: 'ACCUSE',
    source: { entity: 'e1', name: 'سيرغي لافروف', country: 'RUS' },
    target: null,
    trigger: 'وانتقد',
    start: doc.tokens[k].start,
    end: doc.tokens[k].end,
    sentence: doc.tokens[k].sentence,
    location: null,
    date: null,
  };
  assert.equal(fillTargets(doc, [rule], inst, m)[0].target, null);
  const filled = fillTargets(doc, [rule], inst, { ...m, target: { ...target, fill: 0.5 } });
  assert.equal(filled[0].target?.entity, 'e2');
  assert.equal(rule.target, null, 'the rule event itself is not changed');
  assert.equal(fillTargets(doc, [rule], inst, { ...m, target: { ...target, fill: 0.99 } })[0].target, null);
  // a rule target the chooser rejects for another actor of the sentence, at the override probability
  const aimed = { ...rule, target: { entity: 'e3', name: 'بغداد', country: 'IRQ' } };
  assert.equal(fillTargets(doc, [aimed], inst, { ...m, target: { ...target, fill: 0.5 } })[0].target?.entity, 'e3');
  assert.equal(fillTargets(doc, [aimed], inst, { ...m, target: { ...target, override: 0.6 } })[0].target?.entity, 'e2');
  assert.equal(fillTargets(doc, [aimed], inst, { ...m, target: { ...target, override: 0.95 } })[0].target?.entity, 'e3');
  // through withPairEvents as the stage runs it
  const all = withPairEvents(doc, [rule], inst, { ...m, threshold: 0.99, target: { ...target, fill: 0.5 } }, lex);
  assert.equal(all.length, 1);
  assert.equal(all[0].target?.entity, 'e2');
});

test('targets: a named place that acts on no one is still a candidate target', () => {
  const text = 'قصف الجيش السوري مدينة درعا أمس.';
  const doc = tokenized(text);
  doc.entities = [ent(doc, 'e1', 'ORG', 'الجيش السوري', 'SYR'), ent(doc, 'e2', 'LOC', 'درعا', 'SYR')];
  doc.entities[0].role = 'MIL';
  const inst = pairInstances(doc, [], lex, NO_CLUSTERS);
  const pool = targetPool(doc, inst).get(0) ?? [];
  const town = pool.find((x) => x.key === 'e2');
  assert.ok(town, pool.map((x) => x.key).join(' '));
  assert.ok(town.feats.includes('ar:noact'));
  assert.ok(!inst.some((x) => x.key === 'e2'), 'a town is no (sentence, actor) pair of its own');
});

test('pair model file: written and read back the same', () => {
  const m = { ...tinyModel(), target: { bias: -1.5, weights: new Map([['tt:LOC', 0.75]]) } };
  const back = parsePairModel(formatPairModel(m));
  assert.equal(back.target?.bias, -1.5);
  assert.equal(back.target?.weights.get('tt:LOC'), 0.75);
  assert.equal(back.target?.fill, undefined);
  const both = parsePairModel(formatPairModel({ ...m, target: { ...m.target, fill: 0.5, override: 0.6 } })).target;
  assert.equal(both?.fill, 0.5);
  assert.equal(both?.override, 0.6);
  assert.equal(both?.weights.get('tt:LOC'), 0.75);
  assert.deepEqual(back.types, m.types);
  assert.deepEqual([...back.bias], [...m.bias]);
  assert.equal(back.threshold, 0.4);
  assert.deepEqual([...(back.weights.get('qc:انتقد') ?? [])], [...(m.weights.get('qc:انتقد') ?? [])]);
  assert.throws(() => parsePairModel('# nothing\nthreshold\t0.5\n'), /types/);
});

test('shipped layer through the pipeline: the critic is the accuser, and the options set its threshold or switch it off', () => {
  const text =
    'روسيا والعراق\nبحث رئيس الوزراء العراقي حيدر العبادي مع وزير الخارجية الروسي سيرغي لافروف في بغداد أمس التعاون بين البلدين. وأكد لافروف أن روسيا تدعم العراق في حربه على الإرهاب، وانتقد الولايات المتحدة لأنها تتدخل في شؤون المنطقة.';
  const stages = ['morph', 'ner', 'entities', 'time', 'quotes', 'events'];
  // the shipped threshold and a stricter one: every learned event reaches it, and a stricter one adds no more
  const learnedAt = (t?: number) =>
    (
      Pipeline.create({ stages, options: t === undefined ? {} : { events: { pairsThreshold: t } } }).run(readArticle(text)).events ?? []
    ).filter((e) => e.via === 'model');
  const shipped = learnedAt();
  const threshold = loadPairModel(modelFile('events-pairs.tsv'))?.threshold ?? 1;
  for (const e of shipped) assert.ok((e.score ?? 0) >= threshold, `${e.type} ${e.score} < ${threshold}`);
  const strict = learnedAt(0.99);
  for (const e of strict) assert.ok((e.score ?? 0) >= 0.99);
  assert.ok(strict.length <= shipped.length);
  const doc = Pipeline.create({ stages, options: { events: { pairsThreshold: 0.4 } } }).run(readArticle(text));
  const evs = doc.events ?? [];
  const learned = evs.filter((e) => e.via === 'model');
  // the critic is the accuser: from the rules once the quote's speaker is Lavrov (the learned speaker choice), else learned
  assert.ok(
    evs.some((e) => e.type === 'ACCUSE' && e.source?.name === 'سيرغي لافروف' && e.trigger === 'وانتقد'),
    evs.map((e) => `${e.type}:${e.source?.name}:${e.trigger}:${e.via ?? ''}`).join(' / '),
  );
  // at a low threshold the layer adds events of its own
  assert.ok(learnedAt(0.05).length > 0);
  for (const e of evs) assert.equal(doc.text.slice(e.start, e.end), e.trigger);
  // sorted by position, and no (type, actor) pair the rules have is repeated
  for (let i = 1; i < evs.length; i++) assert.ok(evs[i - 1].start <= evs[i].start);
  const off = Pipeline.create({ stages, options: { events: { pairs: false } } }).run(readArticle(text));
  assert.equal((off.events ?? []).filter((e) => e.via === 'model').length, 0);
  assert.equal(off.events?.length, evs.length - learned.length);
});

test('training: labels from gold events, and a model that learns them (smoke test on hand-made articles)', () => {
  const pipeline = Pipeline.create({
    stages: ['morph', 'ner', 'entities', 'time', 'quotes', 'events'],
    options: { events: { pairs: false } },
  });
  const texts = [
    'انتقاد\nوانتقد سيرغي لافروف سياسة الولايات المتحدة في سوريا.',
    'انتقاد\nوانتقد جواد ظريف سياسة بريطانيا في العراق.',
    'زيارة\nوزار سيرغي لافروف بغداد أمس.',
  ];
  const golds = [
    { source: 'سيرغي لافروف', code: 'RUS', evidence: 'وانتقد سيرغي لافروف سياسة الولايات المتحدة' },
    { source: 'جواد ظريف', code: 'IRN', evidence: 'وانتقد جواد ظريف سياسة بريطانيا' },
    null,
  ];
  const docs: PairDoc[] = texts.map((t, i) => {
    const doc = pipeline.run(readArticle(t));
    const g = golds[i];
    const ev = g
      ? [
          {
            type: 'ACCUSE',
            source: g.source,
            source_code: g.code,
            target: null,
            target_code: null,
            evidence: [t.indexOf(g.evidence), t.indexOf(g.evidence) + g.evidence.length] as [number, number],
          },
        ]
      : [];
    const gold = goldOf(
      { id: `a${i}`, set: `s${i}`, entities: g ? [{ name: g.source, type: 'PER', mentions: [g.source] }] : [], events: ev },
      doc.text,
    );
    const instances = pairInstances(doc, doc.events ?? [], lex, NO_CLUSTERS);
    return { set: `s${i}`, lex, doc, instances, labels: pairLabels(doc, instances, gold), gold };
  });
  // the critic is labelled ACCUSE in its sentence; the place and the visitor are not
  const lab = (d: PairDoc, name: string): string[] => d.instances.flatMap((x, i) => (x.actor.name === name ? [...d.labels[i]] : []));
  assert.deepEqual(lab(docs[0], 'سيرغي لافروف'), ['ACCUSE']);
  assert.deepEqual(lab(docs[0], 'سوريا'), []);
  assert.deepEqual(lab(docs[2], 'سيرغي لافروف'), []);
  const m = trainPairModel(docs, { epochs: 30, minWeight: 0 });
  const p = (d: PairDoc, name: string): number => {
    const i = d.instances.findIndex((x) => x.actor.name === name);
    return learnedEvents(d.doc, [], [d.instances[i]], { ...m, threshold: 0 }, lex).find((e) => e.type === 'ACCUSE')?.score ?? 0;
  };
  // (the knowledge base names him in full)
  assert.ok(p(docs[1], 'محمد جواد ظريف') > p(docs[2], 'سيرغي لافروف'), `${p(docs[1], 'محمد جواد ظريف')} vs ${p(docs[2], 'سيرغي لافروف')}`);
  assert.ok(p(docs[1], 'محمد جواد ظريف') > 0.5);
  assert.ok(p(docs[0], 'سوريا') < 0.5);
});

const ANT = join(sharedDataDir(), 'ant_news_corpus_subset', 'ant_v2.1_subset.jsonl');

test('stand-off annotations: evidence offsets point into the ANT text, and leaving a set out the layer adds recall', {
  skip: existsSync(ANT) ? false : 'needs ../shared/data/ant_news_corpus_subset (skipped)',
}, async () => {
  const all = readStandoff(dataFile('annotations', 'events-train.jsonl'));
  assert.ok(all.length >= 150, String(all.length));
  const four = all.filter((r) => ['devgold', 'devgold2', 'devgold3', 'devgold4'].includes(r.set));
  const clusters = coarseClusters(loadEmbeddingClusters(modelFile('ner-embclusters.tsv')));
  const docs = await pairDocs(four, ANT, clusters);
  for (const d of docs) for (const v of d.gold.events) assert.ok(v.evidence && d.doc.text.includes(v.evidence));
  const cv = cvPairs(docs);
  assert.equal(cv.rows.length, 4);
  assert.ok(cv.pooled.model.r > cv.pooled.rules.r, JSON.stringify(cv.pooled));
});

test("learned events: the trigger of an actor named in a statement's speaker phrase is the statement's cue, not a heavy word of its title", () => {
  const text = 'واعتبر نائب قائد الحرس الثوري العميد حسين سلامي أن الحزب قوي.';
  const doc = tokenized(text);
  doc.entities = [ent(doc, 'e1', 'ORG', 'الحرس الثوري', 'IRN'), ent(doc, 'e2', 'PER', 'حسين سلامي', 'IRN')];
  doc.quotes = [quote(doc, 'e2', 'نائب قائد الحرس الثوري العميد حسين سلامي', 'واعتبر', 'الحزب قوي')];
  const types = [...PLOVER_TYPES];
  const org = new Float32Array(types.length);
  org[types.indexOf('ACCUSE')] = 6;
  const heavy = new Float32Array(types.length);
  heavy[types.indexOf('ACCUSE')] = 2;
  const m: PairModel = {
    types,
    bias: new Float64Array(types.length).fill(-4),
    weights: new Map([
      ['at:ORG', org],
      ['s:نائب', heavy],
    ]),
    threshold: 0.4,
    header: 'test',
  };
  const ev = learnedEvents(doc, [], pairInstances(doc, [], lex, NO_CLUSTERS), m, lex).filter((e) => e.source?.entity === 'e1');
  assert.equal(ev.length, 1);
  assert.equal(ev[0].trigger, 'واعتبر');
});

/** Hand-set UPOS for the words of a tokenized doc (`X` for the others): the morphology layer the trigger choice reads. */
function withUpos(doc: Doc, upos: Record<string, string>): void {
  doc.words = doc.tokens.flatMap((t, k) =>
    t.kind === 'word' ? [{ token: k, form: t.text, upos: upos[t.text] ?? 'X', start: t.start, end: t.end }] : [],
  );
}

/** A weight vector over the PLOVER types with `x` for `type` only. */
function typeWeight(type: string, x: number): Float32Array {
  const v = new Float32Array(PLOVER_TYPES.length);
  v[PLOVER_TYPES.indexOf(type as (typeof PLOVER_TYPES)[number])] = x;
  return v;
}

/** The sentence-word feature of the token written `w` (`s:` and its clitic-stripped matching form). */
function wordKey(doc: Doc, w: string): string {
  return `s:${stripClitics(doc.tokens.find((t) => t.text === w)?.norm ?? '')}`;
}

test('learned events: with no word of the type, the trigger is the heaviest verb or noun, never a time word or an adjective', () => {
  // "the Yemeni army won great victories yesterday in Taiz": no ASSAULT word; كبيرة and أمس weigh most but are no predicate
  const text = 'وحقق الجيش اليمني انتصارات كبيرة أمس في تعز.';
  const doc = tokenized(text);
  doc.entities = [ent(doc, 'e1', 'ORG', 'الجيش اليمني', 'YEM'), ent(doc, 'e2', 'LOC', 'تعز', 'YEM')];
  withUpos(doc, { وحقق: 'VERB', الجيش: 'NOUN', اليمني: 'ADJ', انتصارات: 'NOUN', كبيرة: 'ADJ', أمس: 'NOUN', في: 'ADP', تعز: 'PROPN' });
  const at = text.indexOf('أمس');
  doc.times = [{ text: 'أمس', start: at, end: at + 3, type: 'DATE', value: '2018-06-01' }];
  for (const t of doc.tokens) assert.ok(!contextFreeTypes(lex, t.norm).includes('ASSAULT'), `${t.text} is no ASSAULT word of the lexicon`);
  const m: PairModel = {
    types: [...PLOVER_TYPES],
    bias: new Float64Array(PLOVER_TYPES.length).fill(-4),
    weights: new Map([
      ['at:ORG', typeWeight('ASSAULT', 6)],
      [wordKey(doc, 'كبيرة'), typeWeight('ASSAULT', 0.9)],
      [wordKey(doc, 'أمس'), typeWeight('ASSAULT', 0.8)],
      [wordKey(doc, 'انتصارات'), typeWeight('ASSAULT', 0.3)],
      [wordKey(doc, 'وحقق'), typeWeight('ASSAULT', 0.2)],
    ]),
    threshold: 0.4,
    header: 'test',
  };
  const assaults = (): Event[] =>
    learnedEvents(doc, [], pairInstances(doc, [], lex, NO_CLUSTERS), m, lex).filter((e) => e.type === 'ASSAULT');
  const ev = assaults();
  assert.equal(ev.length, 1);
  assert.equal(ev[0].trigger, 'انتصارات');
  assert.equal(doc.text.slice(ev[0].start, ev[0].end), 'انتصارات');
  // without the morphology layer, the heaviest word as before
  doc.words = undefined;
  assert.equal(assaults()[0].trigger, 'كبيرة');
});

test("learned events: an actor's statement gives the trigger from what it says when a word there weighs for the type", () => {
  const doc = tokenized('وقال لافروف إن واشنطن تدعم الإرهاب.');
  doc.entities = [ent(doc, 'e1', 'PER', 'لافروف', 'RUS'), { ...ent(doc, 'e2', 'LOC', 'واشنطن', 'USA'), role: 'GOV' }];
  doc.quotes = [quote(doc, 'e1', 'لافروف', 'وقال', 'واشنطن تدعم الإرهاب')];
  withUpos(doc, { وقال: 'VERB', لافروف: 'PROPN', إن: 'SCONJ', واشنطن: 'PROPN', تدعم: 'VERB', الإرهاب: 'NOUN' });
  const weights = new Map([
    ['at:PER', typeWeight('ACCUSE', 6)],
    [wordKey(doc, 'الإرهاب'), typeWeight('ACCUSE', 0.7)],
  ]);
  const m: PairModel = {
    types: [...PLOVER_TYPES],
    bias: new Float64Array(PLOVER_TYPES.length).fill(-4),
    weights,
    threshold: 0.4,
    header: 'test',
  };
  const run = (): Event[] =>
    learnedEvents(doc, [], pairInstances(doc, [], lex, NO_CLUSTERS), m, lex).filter(
      (e) => e.type === 'ACCUSE' && e.source?.entity === 'e1',
    );
  assert.equal(run()[0].trigger, 'الإرهاب');
  // no word of the statement weighs for the type: the cue
  weights.set(wordKey(doc, 'الإرهاب'), typeWeight('ACCUSE', -0.5));
  assert.equal(run()[0].trigger, 'وقال');
});
