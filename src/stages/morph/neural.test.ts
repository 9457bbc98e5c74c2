import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { modelFile } from '../../core/paths.ts';
import { MODEL_FILES, MorphAnalyzer } from './morph.ts';
import { NeuralTagger, type WordVectors } from './neural.ts';
import type { TagWord } from './tagger.ts';

const word = (form: string, role = 1): TagWord => ({ form, surface: form, role, part: 0, parts: 1 });
const sentence = (text: string): { words: TagWord[]; tags: string[] } => {
  const pairs = text.split(' ').map((x) => x.split('/'));
  return { words: pairs.map(([f]) => word(f)), tags: pairs.map(([, t]) => t) };
};

// Tiny hand-made vectors: verbs near each other, nouns near each other.
const VECTORS: WordVectors = (() => {
  const rows: Array<[string, number[]]> = [
    ['ذهب', [1, 0, 0]],
    ['عاد', [0.95, 0, 0.05]],
    ['سافر', [0.9, 0.1, 0]],
    ['رجل', [0, 1, 0]],
    ['كتاب', [0.05, 0.95, 0]],
    ['في', [0, 0, 1]],
    ['الصباح', [0, 0.9, 0.1]],
  ];
  const data = new Float32Array(rows.length * 3);
  rows.forEach(([, v], i) => {
    const n = Math.hypot(...v);
    v.forEach((x, d) => {
      data[i * 3 + d] = x / n;
    });
  });
  return { words: rows.map(([w]) => w), dim: 3, data };
})();

// verbs and nouns in both orders, so that the position alone says nothing
const TRAIN = [
  ...Array.from({ length: 8 }, () => sentence('ذهب/VERB رجل/NOUN في/ADP الصباح/NOUN')),
  ...Array.from({ length: 8 }, () => sentence('رجل/NOUN عاد/VERB في/ADP الصباح/NOUN')),
];

test('window network: learns a toy task; words unseen in training are tagged by their pretrained vectors', () => {
  const nt = NeuralTagger.train(TRAIN, VECTORS, { nets: 1, hidden: 16, epochs: 30, lr: 0.05, dropout: 0 });
  const tagsOf = (s: string): string[] => {
    const lp = nt.logProbs(s.split(' ').map((f) => word(f)));
    const T = nt.tags.length;
    return Array.from({ length: lp.length / T }, (_, i) => {
      let b = 0;
      for (let t = 1; t < T; t++) if (lp[i * T + t] > lp[i * T + b]) b = t;
      return nt.tags[b];
    });
  };
  assert.deepEqual(tagsOf('ذهب رجل في الصباح'), ['VERB', 'NOUN', 'ADP', 'NOUN']);
  // سافر and كتاب never occur in training, and كتاب ends like ذهب: only their vectors tell them apart
  assert.deepEqual(tagsOf('سافر كتاب في الصباح'), ['VERB', 'NOUN', 'ADP', 'NOUN']);
  assert.deepEqual(tagsOf('كتاب سافر في الصباح'), ['NOUN', 'VERB', 'ADP', 'NOUN']);
});

test('window network: cached decoding = full forward pass; file round trip; deterministic training', () => {
  const a = NeuralTagger.train(TRAIN, VECTORS, { nets: 2, hidden: 8, epochs: 3 });
  const b = NeuralTagger.train(TRAIN, VECTORS, { nets: 2, hidden: 8, epochs: 3 });
  const words = 'في الصباح عاد كتاب'.split(' ').map((f) => word(f));
  const lp = a.logProbs(words);
  assert.deepEqual(b.logProbs(words), lp);
  // reference: the full input vector of each position through each network
  const T = a.tags.length;
  const ids = words.map((w) => a.ids(w));
  const ref = new Float32Array(lp.length);
  const x = new Float32Array(a.layout.inputs);
  for (const net of a.nets) {
    for (let i = 0; i < words.length; i++) {
      a.fill(net, ids, i, x);
      const p = net.mlp.forward(x);
      for (let t = 0; t < T; t++) ref[i * T + t] += Math.log(p[t] + 1e-7) / a.nets.length;
    }
  }
  for (const [i, v] of lp.entries()) assert.ok(Math.abs(v - ref[i]) < 1e-4, `position ${i}: ${v} vs ${ref[i]}`);
  // a second call reads every form from the cache
  assert.deepEqual(a.logProbs(words), lp);
  const dir = mkdtempSync(join(tmpdir(), 'khabar-nn-'));
  try {
    a.weight = 7;
    a.save(join(dir, 'nn.bin'));
    const c = NeuralTagger.load(join(dir, 'nn.bin'));
    assert.equal(c.weight, 7);
    assert.deepEqual(c.tags, a.tags);
    const lc = c.logProbs(words); // int8 embeddings: close, not equal
    for (const [i, v] of lc.entries()) assert.ok(Math.abs(v - lp[i]) < 0.1, `position ${i}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.equal(a.logProbs([]).length, 0);
});

const hasNeural = existsSync(modelFile(MODEL_FILES.neural));

test("shipped window networks: loaded with the morph models, and they change the tagger's scores", {
  skip: !hasNeural && 'models/morph-nn.bin missing',
}, () => {
  const withNN = MorphAnalyzer.load(modelFile('.'));
  const without = MorphAnalyzer.load(modelFile('.'), { neural: false });
  assert.ok(withNN.tagger.neural && withNN.tagger.neural.weight > 0);
  assert.equal(without.tagger.neural, null);
  const text = 'وأكد وزير الخارجية الروسي سيرغي لافروف أن بلاده ستواصل دعمها للحكومة السورية';
  const a = withNN.analyze(text.split(' ').map((t) => ({ text: t })));
  const b = without.analyze(text.split(' ').map((t) => ({ text: t })));
  assert.deepEqual(
    a.map((w) => w.form),
    b.map((w) => w.form),
  );
  const upos = new Map(a.map((w) => [w.form, w.upos]));
  assert.equal(upos.get('وزير'), 'NOUN');
  assert.equal(upos.get('أن'), 'SCONJ');
  assert.equal(upos.get('الروسي'), 'ADJ');
  // everywhere: the network's mean log-probabilities of every tag, finite and summing to 1 in probability
  const nn = withNN.tagger.neural;
  const lp = nn.logProbs(a.map((w) => ({ form: w.form, surface: text.split(' ')[w.token], role: 1, part: 0, parts: 1 })));
  assert.equal(lp.length, a.length * nn.tags.length);
  assert.ok(lp.every((v) => Number.isFinite(v) && v <= 0));
  // two networks averaged in log space: the probabilities of a word sum to at most 1
  const T = nn.tags.length;
  for (let i = 0; i < a.length; i++) {
    let p = 0;
    for (let t = 0; t < T; t++) p += Math.exp(lp[i * T + t]);
    assert.ok(p > 0.5 && p <= 1.0001, `word ${i}: ${p}`);
  }
  // the gate: with an empty margin nothing is added, with an infinite one every position changes
  const emit = new Float64Array(a.length * withNN.tagger.model.labels.length);
  nn.addTo(
    emit,
    a.map((w) => ({ form: w.form, surface: '', role: 1, part: 0, parts: 1 })),
    withNN.tagger.model.labels,
    1,
    0,
  );
  assert.ok(emit.every((v) => v === 0));
  nn.addTo(
    emit,
    a.map((w) => ({ form: w.form, surface: '', role: 1, part: 0, parts: 1 })),
    withNN.tagger.model.labels,
    1,
    Number.POSITIVE_INFINITY,
  );
  assert.ok(emit.every((v) => v < 0));
});
