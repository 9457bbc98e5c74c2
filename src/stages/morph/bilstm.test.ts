import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { modelFile } from '../../core/paths.ts';
import { BiLstmTagger } from './bilstm.ts';
import { MODEL_FILES, MorphAnalyzer } from './morph.ts';
import type { WordVectors } from './neural.ts';
import type { TagWord } from './tagger.ts';

const word = (form: string, role = 1): TagWord => ({ form, surface: form, role, part: 0, parts: 1 });
const sentence = (text: string): { words: TagWord[]; tags: string[] } => {
  const pairs = text.split(' ').map((x) => x.split('/'));
  return { words: pairs.map(([f]) => word(f)), tags: pairs.map(([, t]) => t) };
};
const VECTORS: WordVectors = { words: ['في'], dim: 2, data: Float32Array.from([1, 0]) };

const argmax = (m: BiLstmTagger, lp: Float32Array): string[] => {
  const T = m.tags.length;
  return Array.from({ length: lp.length / T }, (_, i) => {
    let b = 0;
    for (let t = 1; t < T; t++) if (lp[i * T + t] > lp[i * T + b]) b = t;
    return m.tags[b];
  });
};

// The last word's tag is decided by the first word, four words away: beyond a ±2 window.
const TRAIN = [
  ...Array.from({ length: 10 }, () => sentence('قال/VERB في/ADP في/ADP في/ADP مثلا/X')),
  ...Array.from({ length: 10 }, () => sentence('رجل/NOUN في/ADP في/ADP في/ADP مثلا/ADV')),
];

test('sentence network: uses context beyond a window (the first word decides the last tag)', () => {
  const m = BiLstmTagger.train(TRAIN, VECTORS, { hidden: 8, epochs: 30, lr: 0.01, dropIn: 0, dropOut: 0, wordDrop: 0 });
  const tags = (s: string): string[] => argmax(m, m.logProbs(s.split(' ').map((f) => word(f))));
  assert.deepEqual(tags('قال في في في مثلا'), ['VERB', 'ADP', 'ADP', 'ADP', 'X']);
  assert.deepEqual(tags('رجل في في في مثلا'), ['NOUN', 'ADP', 'ADP', 'ADP', 'ADV']);
});

test('sentence network: deterministic; reach covering the sentence = whole sentence; file round trip', () => {
  const opts = { hidden: 6, epochs: 2 };
  const a = BiLstmTagger.train(TRAIN, VECTORS, opts);
  const b = BiLstmTagger.train(TRAIN, VECTORS, opts);
  const words = 'رجل في قال في مثلا'.split(' ').map((f) => word(f));
  const lp = a.logProbs(words);
  assert.deepEqual(b.logProbs(words), lp);
  assert.ok(lp.every((v) => Number.isFinite(v) && v <= 0));
  const only = Uint8Array.from([0, 1, 0, 0, 1]);
  const part = a.logProbs(words, only, 10);
  const T = a.tags.length;
  for (let i = 0; i < words.length; i++) {
    for (let t = 0; t < T; t++) {
      if (only[i]) assert.ok(Math.abs(part[i * T + t] - lp[i * T + t]) < 1e-5, `word ${i}`);
      else assert.equal(part[i * T + t], 0);
    }
  }
  // a short reach runs from an empty state: the scores change, but stay log-probabilities
  const near = a.logProbs(words, only, 2);
  assert.ok(near.some((v, k) => Math.abs(v - lp[k]) > 1e-6));
  // reach 1 (cached first steps) = the whole network run over the word and its two neighbours
  const one = a.logProbs(words, only, 1);
  for (const i of [1, 4]) {
    const ref = a.logProbs(words.slice(i - 1, i + 2));
    for (let t = 0; t < T; t++) assert.ok(Math.abs(one[i * T + t] - ref[T + t]) < 1e-5, `reach 1, word ${i}`);
  }
  assert.deepEqual(a.logProbs(words, only, 1), one); // from the caches
  const dir = mkdtempSync(join(tmpdir(), 'khabar-lstm-'));
  try {
    Object.assign(a, { weight: 5, gate: 30, reach: 4 });
    a.save(join(dir, 'lstm.bin'));
    const c = BiLstmTagger.load(join(dir, 'lstm.bin'));
    assert.deepEqual([c.weight, c.gate, c.reach], [5, 30, 4]);
    const lc = c.logProbs(words); // int8 embeddings: close, not equal
    for (const [k, v] of lc.entries()) assert.ok(Math.abs(v - lp[k]) < 0.1, `value ${k}`);
    // vectors left to another file: needed at load, and only the same ones
    a.save(join(dir, 'shared.bin'), { shareVectors: true });
    assert.throws(() => BiLstmTagger.load(join(dir, 'shared.bin')), /window networks/);
    assert.throws(() => BiLstmTagger.load(join(dir, 'shared.bin'), { ...VECTORS, words: ['من'] }), /not the ones/);
    assert.deepEqual(BiLstmTagger.load(join(dir, 'shared.bin'), VECTORS).logProbs(words), lc);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(a.logProbs([]).length, 0);
});

test('sentence network: the gate reads the given margins; nothing is added where they are wide', () => {
  const m = BiLstmTagger.train(TRAIN, VECTORS, { hidden: 4, epochs: 1 });
  const labels = ['ADP', 'NOUN'];
  const words = 'رجل في'.split(' ').map((f) => word(f));
  const emit = new Float64Array(4);
  const wide = Float64Array.from([0, 100, 0, 100]);
  m.addTo(emit, words, labels, 1, 10, wide);
  assert.ok(emit.every((v) => v === 0));
  const narrow = Float64Array.from([0, 100, 0, 1]);
  m.addTo(emit, words, labels, 1, 10, narrow);
  assert.deepEqual([emit[0], emit[1]], [0, 0]);
  assert.ok(emit[2] < 0 && emit[3] < 0);
});

const hasModels = existsSync(modelFile(MODEL_FILES.neural)) && existsSync(modelFile(MODEL_FILES.tagger));

test("a sentence network next to the morph models is loaded with the window networks' vectors; { sentence: false } skips it", {
  skip: !hasModels && 'models/morph-*.bin missing',
}, () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-lstm-models-'));
  try {
    for (const f of [MODEL_FILES.segmenter, MODEL_FILES.tagger, MODEL_FILES.neural]) copyFileSync(modelFile(f), join(dir, f));
    const base = MorphAnalyzer.load(dir);
    assert.equal(base.tagger.sentence, null);
    const vectors = base.tagger.neural?.vectors;
    assert.ok(vectors);
    const net = BiLstmTagger.train(TRAIN, vectors, { hidden: 4, epochs: 1 });
    Object.assign(net, { weight: 50, gate: Number.POSITIVE_INFINITY, reach: 1 });
    net.save(join(dir, MODEL_FILES.sentence), { shareVectors: true });
    const a = MorphAnalyzer.load(dir);
    assert.ok(a.tagger.sentence);
    assert.equal(a.tagger.sentence.weight, 50);
    assert.equal(MorphAnalyzer.load(dir, { sentence: false }).tagger.sentence, null);
    // with a heavy weight the toy network (trained on four tags) changes the tags of a real sentence
    const tokens = 'وقال المتحدث باسم الحكومة إن القوات انسحبت من المدينة أمس'.split(' ').map((t) => ({ text: t }));
    const withNet = a.analyze(tokens).map((w) => w.upos);
    const without = base.analyze(tokens).map((w) => w.upos);
    assert.equal(withNet.length, without.length);
    assert.notDeepEqual(withNet, without);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
