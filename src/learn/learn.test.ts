import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { TOY_SENTS } from './fixture.ts';
import { featureKey, hashString, template } from './hash.ts';
import { decodeModel, encodeModel } from './model-file.ts';
import { averageSequenceModels, MulticlassPerceptron, RankingPerceptron, SequencePerceptron, toKeys } from './perceptron.ts';
import { seededRandom, shuffleInPlace } from './random.ts';
import { WeightTable } from './weights.ts';

const SENTS = TOY_SENTS;
const feats = (words: string[]) => words.map((w) => [`w=${w}`]);
const examples = SENTS.map((s) => ({ features: feats(s.map((x) => x[0])), labels: s.map((x) => x[1]) }));

test('featureKey(template(n), v) equals hashString(n + v) and is never 0', () => {
  assert.equal(featureKey(template('w='), 'كتاب'), hashString('w=كتاب'));
  assert.notEqual(hashString(''), 0);
  assert.notEqual(hashString('a'), hashString('b'));
});

test('seeded shuffling is deterministic and a permutation', () => {
  const a = shuffleInPlace([1, 2, 3, 4, 5, 6, 7, 8], seededRandom(42));
  const b = shuffleInPlace([1, 2, 3, 4, 5, 6, 7, 8], seededRandom(42));
  assert.deepEqual(a, b);
  assert.deepEqual([...a].sort(), [1, 2, 3, 4, 5, 6, 7, 8]);
});

test('sequence perceptron learns a toy tagging task that needs transitions', () => {
  const m = SequencePerceptron.train(examples, { epochs: 10, seed: 3 });
  assert.deepEqual(m.predict(feats(['هذا', 'صيد'])), ['DET', 'NOUN']);
  assert.deepEqual(m.predict(feats(['الرجال', 'صيد'])), ['NOUN', 'VERB']);
  assert.deepEqual(m.predict(feats(['القطط', 'صيد'])), ['NOUN', 'VERB']);
  assert.deepEqual(m.predict([]), []);
});

test('sequence model survives save/load (f32 exact, i16 same predictions)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-learn-'));
  try {
    const m = SequencePerceptron.train(examples, { epochs: 10, seed: 3 });
    m.meta = { note: 'toy' };
    const p = join(dir, 'toy.bin');
    m.save(p);
    const back = SequencePerceptron.load(p);
    assert.deepEqual(back.labels, m.labels);
    assert.deepEqual(back.meta, { note: 'toy' });
    assert.deepEqual(Array.from(back.table.weights), Array.from(m.table.weights));
    m.save(join(dir, 'toy16.bin'), 'i16');
    const q = SequencePerceptron.load(join(dir, 'toy16.bin'));
    assert.ok(statSync(join(dir, 'toy16.bin')).size < statSync(p).size);
    for (const s of [
      ['هذا', 'صيد'],
      ['الرجال', 'صيد'],
      ['هذا', 'قط', 'نام'],
    ])
      assert.deepEqual(q.predict(feats(s)), m.predict(feats(s)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('training is deterministic for a seed', () => {
  const a = SequencePerceptron.train(examples, { epochs: 5, seed: 7 });
  const b = SequencePerceptron.train(examples, { epochs: 5, seed: 7 });
  assert.deepEqual(Array.from(a.table.weights), Array.from(b.table.weights));
});

test('averaging sequence models: mean weights over the union of features; one model is itself', () => {
  const labels = ['A', 'B'];
  // key 1 in both, key 2 only in the first, key 3 only in the second
  const a = new SequencePerceptron(labels, new WeightTable(2, Uint32Array.of(1, 2), Float32Array.of(2, -4, 6, 0)));
  const b = new SequencePerceptron(labels, new WeightTable(2, Uint32Array.of(3, 1), Float32Array.of(8, 2, 0, 4)));
  const m = averageSequenceModels([a, b]);
  assert.deepEqual(m.labels, labels);
  const row = (key: number): number[] => {
    const out = new Float64Array(2);
    m.table.addTo(key, out, 0);
    return Array.from(out);
  };
  assert.deepEqual(row(1), [1, 0]);
  assert.deepEqual(row(2), [3, 0]);
  assert.deepEqual(row(3), [4, 1]);
  assert.equal(m.table.keys.length, 3);
  assert.deepEqual(Array.from(a.table.weights), [2, -4, 6, 0], 'inputs untouched');
  assert.equal(averageSequenceModels([a]), a);
  assert.throws(() => averageSequenceModels([]));
  assert.throws(() => averageSequenceModels([a, new SequencePerceptron(['A', 'C'], b.table)]));
  // trained models: the mean of a model with itself is that model
  const t = SequencePerceptron.train(examples, { epochs: 5, seed: 2 });
  const tt = averageSequenceModels([t, t]);
  for (const s of [
    ['هذا', 'صيد'],
    ['الرجال', 'صيد'],
    ['القطط', 'صيد'],
  ])
    assert.deepEqual(tt.predict(feats(s)), t.predict(feats(s)));
  for (let r = 0; r < t.table.keys.length; r++) {
    const x = new Float64Array(2 * 3);
    t.table.addTo(t.table.keys[r], x, 0);
    tt.table.addTo(t.table.keys[r], x, 3);
    for (let l = 0; l < 3; l++) assert.ok(Math.abs(x[l] - x[3 + l]) < 1e-5);
  }
});

test('multiclass perceptron learns suffix → class and round-trips', () => {
  const data = [
    { features: ['suf=ات', 'len=5'], label: 'PL' },
    { features: ['suf=ون', 'len=6'], label: 'PL' },
    { features: ['suf=ة', 'len=5'], label: 'SG' },
    { features: ['suf=ب', 'len=4'], label: 'SG' },
    { features: ['suf=ين', 'len=5'], label: 'PL' },
  ];
  const m = MulticlassPerceptron.train(data, { epochs: 8 });
  assert.equal(m.predict(['suf=ات', 'len=9']), 'PL');
  assert.equal(m.predict(['suf=ة', 'len=9']), 'SG');
  const back = decodeModel(encodeModel({ kind: 'multiclass', labels: m.labels, table: m.table, meta: {} }));
  assert.deepEqual(Array.from(back.table.keys), Array.from(m.table.keys));
});

test('ranking perceptron picks the candidate with the right feature', () => {
  const groups = [
    { candidates: [['split=no'], ['split=yes', 'stem-known']], gold: 1 },
    { candidates: [['split=no', 'whole-known'], ['split=yes']], gold: 0 },
    { candidates: [['split=yes', 'stem-known'], ['split=no']], gold: 0 },
    { candidates: [['split=yes'], ['split=no', 'whole-known']], gold: 1 },
  ];
  const r = RankingPerceptron.train(groups, { epochs: 10 });
  assert.equal(r.best([['split=no'], ['split=yes', 'stem-known']]), 1);
  assert.equal(r.best([['split=yes'], ['split=no', 'whole-known']]), 1);
  assert.equal(r.best([]), -1);
});

test('toKeys hashes strings and appends the bias key', () => {
  const k = toKeys(['a', 'b']);
  assert.equal(k.length, 3);
  assert.equal(k[0], hashString('a'));
  assert.equal(toKeys([5, 6]).join(','), '5,6');
});
