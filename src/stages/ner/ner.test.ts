import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { hasSharedData } from '../../core/paths.ts';
import { Pipeline } from '../../pipeline/index.ts';
import { learnClusters } from './clusters.ts';
import { entitySpans, scoreNer } from './evaluate.ts';
import { featureForm, sentenceKeys } from './features.ts';
import { NerGazetteer } from './gazetteer.ts';
import { defaultNerPaths, repairBio, trainNer } from './model.ts';

test('entity spans read IOB2 the conlleval way', () => {
  assert.deepEqual(entitySpans(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-ORG']), [
    { start: 0, end: 2, type: 'PER' },
    { start: 3, end: 4, type: 'LOC' },
    { start: 4, end: 5, type: 'LOC' },
    { start: 5, end: 6, type: 'ORG' },
  ]);
  assert.deepEqual(entitySpans([]), []);
});

test('scoreNer counts exact span and type only', () => {
  const gold = [['B-PER', 'I-PER', 'O', 'B-LOC']];
  const pred = [['B-PER', 'O', 'O', 'B-LOC']];
  const s = scoreNer(gold, pred);
  assert.equal(s.overall.tp, 1);
  assert.equal(s.overall.fp, 1);
  assert.equal(s.overall.fn, 1);
  assert.equal(s.byType.LOC.f1, 1);
  assert.equal(s.byType.PER.f1, 0);
  assert.throws(() => scoreNer(gold, []));
});

test('repairBio turns a stray I- into B-', () => {
  assert.deepEqual(repairBio(['I-PER', 'I-PER', 'O', 'I-LOC', 'B-ORG', 'I-LOC']), ['B-PER', 'I-PER', 'O', 'B-LOC', 'B-ORG', 'B-LOC']);
});

test('gazetteer phrase matches take the longest name and allow a proclitic', () => {
  const g = new NerGazetteer();
  g.add('الولايات المتحدة', 'LOC');
  g.add('الولايات المتحدة الأمريكية', 'LOC');
  g.add('مجلس الأمن', 'ORG');
  const m = g.match(['قالت', 'والولايات', 'المتحده', 'الامريكيه', 'ان', 'مجلس', 'الامن']);
  assert.deepEqual(m, [
    { start: 1, end: 4, type: 'LOC' },
    { start: 5, end: 7, type: 'ORG' },
  ]);
  assert.deepEqual(g.match([]), []);
  const back = NerGazetteer.parse(g.format('t'));
  assert.equal(back.flags('مجلس الامن'), g.flags('مجلس الامن'));
});

test('features: same keys for the same input, bias only when asked, no crash on odd tokens', () => {
  const res = { gaz: new NerGazetteer(), clusters: learnClusters([]) };
  const toks = ['قال', 'بوتين', '2018', '#سوريا', 'abc', '…', ''];
  const a = sentenceKeys(toks, res, false);
  const b = sentenceKeys(toks, res, true);
  assert.equal(a.offsets.length, toks.length + 1);
  assert.equal(b.keys.length - a.keys.length, toks.length);
  assert.deepEqual(sentenceKeys(toks, res, false).keys, a.keys);
  assert.equal(sentenceKeys([], res, true).keys.length, 0);
  assert.equal(featureForm('العام 2018'), 'العام 0');
  assert.equal(featureForm('CNN'), 'cnn');
});

test('a toy tagger learns names from context', () => {
  const tmp = `/tmp/khabar-ner-test-${process.pid}`;
  const paths = { model: `${tmp}.bin`, model2: `${tmp}-2.bin`, gazetteer: `${tmp}-gaz.tsv`, clusters: `${tmp}-none.tsv` };
  const train = [];
  const names = ['كريم', 'سمير', 'هشام', 'وليد', 'ماجد', 'رامي'];
  const cities = ['بغداد', 'دمشق', 'عمان', 'بيروت'];
  for (let i = 0; i < 30; i++) {
    train.push({ tokens: ['قال', names[i % 6], 'في', cities[i % 4], 'اليوم'], tags: ['O', 'B-PER', 'O', 'B-LOC', 'O'] });
  }
  const tagger = trainNer({ train, epochs: 5, paths, rebuildGazetteer: false, save: false, folds: 3, pos: false });
  assert.ok(tagger.stage2);
  assert.deepEqual(tagger.tag(['قال', 'سمير', 'في', 'بيروت', 'اليوم']), ['O', 'B-PER', 'O', 'B-LOC', 'O']);
  assert.deepEqual(tagger.tag([]), []);
});

test('ner stage: offsets point at the names', { skip: existsSync(defaultNerPaths().model) ? false : 'no models/ner.bin' }, () => {
  const text = 'وقال الرئيس الروسي فلاديمير بوتين في موسكو إن روسيا لن تتراجع.';
  const p = Pipeline.create({ stages: ['ner'] });
  const doc = p.run({ id: 't', headline: '', body: text, text, spans: { body: { start: 0, end: text.length } } });
  const names = doc.names ?? [];
  for (const n of names) assert.equal(text.slice(n.start, n.end), n.text);
  // With the morph layer (POS from doc.words) the same names come out.
  const withMorph = Pipeline.create({ stages: ['morph', 'ner'] }).run({
    id: 't',
    headline: '',
    body: text,
    text,
    spans: { body: { start: 0, end: text.length } },
  });
  assert.ok((withMorph.names ?? []).some((n) => n.type === 'PER' && n.text === 'فلاديمير بوتين'));
  assert.ok(names.some((n) => n.type === 'PER' && n.text === 'فلاديمير بوتين'));
  assert.ok(names.some((n) => n.type === 'LOC' && n.text === 'موسكو'));
  // Bad input never crashes.
  for (const t of ['', 'ـــ', 'a'.repeat(5000), 'بوتين'.repeat(2000)]) {
    p.run({ id: 'x', headline: '', body: t, text: t, spans: { body: { start: 0, end: t.length } } });
  }
});

test('ANERcorp dev F1 of the shipped model stays above 70', {
  skip: hasSharedData() && existsSync(defaultNerPaths().model) ? false : 'needs ../shared/data and models/ner.bin',
}, async () => {
  const { anercorpSplit } = await import('../../corpora/ner-conll.ts');
  const { NerTagger } = await import('./model.ts');
  const tagger = NerTagger.load();
  const dev = anercorpSplit('dev');
  const s = scoreNer(
    dev.map((x) => x.tags),
    tagger.tagDocument(dev.map((x) => x.tokens)),
  );
  assert.ok(s.overall.f1 > 0.7, `dev F1 ${s.overall.f1}`);
});
