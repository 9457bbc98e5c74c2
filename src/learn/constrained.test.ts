import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maskEmissions, secondOrderTransitions, trainConstrained, viterbi2 } from './constrained.ts';
import { TOY_LABELS as LABELS, TOY_SENTS_4 as SENTS, toyKeyed } from './fixture.ts';
import { SequencePerceptron, toKeys, viterbi } from './perceptron.ts';
import { seededRandom } from './random.ts';

const data = toyKeyed();

for (const update of ['perceptron', 'pa'] as const) {
  test(`trainConstrained (${update}) learns a task that needs the transitions, as a SequencePerceptron`, () => {
    const m = trainConstrained(LABELS, data, { epochs: 10, update });
    assert.ok(m instanceof SequencePerceptron);
    assert.deepEqual(m.predict([['w=هذا'], ['w=صيد']]), ['DET', 'NOUN']);
    assert.deepEqual(m.predict([['w=الرجال'], ['w=صيد']]), ['NOUN', 'VERB']);
    assert.deepEqual(m.predict([['w=القطط'], ['w=صيد']]), ['NOUN', 'VERB']);
  });
}

test('the perceptron update of trainConstrained equals SequencePerceptron.train without constraints', () => {
  const a = trainConstrained(LABELS, data, { epochs: 5, seed: 3 });
  const b = SequencePerceptron.train(
    SENTS.map((s) => ({ features: s.map(([w]) => [`w=${w}`]), labels: s.map(([, t]) => t) })),
    { epochs: 5, seed: 3 },
  );
  assert.deepEqual(Array.from(a.transitions), Array.from(b.transitions));
  for (const w of ['هذا', 'صيد', 'قط', 'نام']) {
    const k = toKeys([`w=${w}`])[0];
    assert.deepEqual(
      LABELS.map((_, l) => a.table.get(k, l)),
      LABELS.map((_, l) => b.table.get(k, l)),
    );
  }
});

test('maskEmissions keeps Viterbi inside the allowed labels, in training too', () => {
  const emit = Float64Array.from([5, 1, 0, 0, 3, 1]); // 2 positions × 3 labels
  const trans = new Float64Array(4 * 3);
  maskEmissions(emit, [Uint8Array.from([0, 1, 1]), null], 2, 3);
  const out = new Int32Array(2);
  viterbi(emit, trans, 2, 3, out);
  assert.deepEqual(Array.from(out), [1, 1]);
  // "صيد" only ever allowed VERB: even after "هذا" the model says VERB
  const onlyVerb = Uint8Array.from([0, 0, 1]);
  const constrained = data.map((d, i) => ({ ...d, allowed: SENTS[i].map(([w]) => (w === 'صيد' ? onlyVerb : null)) }));
  const m = trainConstrained(LABELS, constrained, { epochs: 5 });
  // the gold NOUN is unreachable in sentence 1; the other tags are still learnt
  assert.deepEqual(m.predict([['w=هذا'], ['w=قط'], ['w=نام']]), ['DET', 'NOUN', 'VERB']);
});

test('viterbi2 finds the best path under second-order scores (brute force)', () => {
  const rand = seededRandom(7);
  for (let round = 0; round < 30; round++) {
    const L = 2 + (round % 3);
    const n = 1 + (round % 4);
    const emit = Float64Array.from({ length: n * L }, () => rand() * 4 - 2);
    const trans = Float64Array.from({ length: (L + 1) * L }, () => rand() * 4 - 2);
    const trans2 = Float64Array.from({ length: (L + 1) * (L + 1) * L }, () => rand() * 4 - 2);
    const score = (y: number[]): number => {
      let s = 0;
      for (let i = 0; i < n; i++) {
        const p = i > 0 ? y[i - 1] : L;
        const pp = i > 1 ? y[i - 2] : L;
        s += emit[i * L + y[i]] + trans[p * L + y[i]] + trans2[(pp * (L + 1) + p) * L + y[i]];
      }
      return s;
    };
    let best = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < L ** n; c++) {
      const y = Array.from({ length: n }, (_, i) => Math.floor(c / L ** i) % L);
      best = Math.max(best, score(y));
    }
    const out = new Int32Array(n);
    viterbi2(emit, trans, trans2, n, L, out);
    assert.ok(Math.abs(score(Array.from(out)) - best) < 1e-9, `round ${round}`);
  }
});

test('order 2: a label that depends on the label two back is learnt and decoded', () => {
  // "ثم" after "قال X" is ADV, after "في X" is CCONJ: only the label two back tells them apart
  const L2 = ['ADP', 'ADV', 'CCONJ', 'NOUN', 'VERB'];
  const sents: Array<[string, string][]> = [];
  for (const x of ['زيد', 'عمرو', 'بكر', 'خالد']) {
    sents.push([
      ['قال', 'VERB'],
      [x, 'NOUN'],
      ['ثم', 'ADV'],
    ]);
    sents.push([
      ['في', 'ADP'],
      [x, 'NOUN'],
      ['ثم', 'CCONJ'],
    ]);
  }
  const d2 = sents.map((s) => ({ keys: s.map(([w]) => toKeys([`w=${w}`])), gold: Int32Array.from(s, ([, t]) => L2.indexOf(t)) }));
  const m = trainConstrained(L2, d2, { epochs: 10, order: 2 });
  const t2 = secondOrderTransitions(m);
  const tag = (ws: string[]): string[] => {
    const keys = ws.map((w) => toKeys([`w=${w}`]));
    const emit = new Float64Array(ws.length * L2.length);
    keys.forEach((k, i) => {
      for (const key of k) m.table.addTo(key, emit, i * L2.length);
    });
    const out = new Int32Array(ws.length);
    viterbi2(emit, m.transitions, t2, ws.length, L2.length, out);
    return Array.from(out, (l) => L2[l]);
  };
  assert.deepEqual(tag(['قال', 'زيد', 'ثم']), ['VERB', 'NOUN', 'ADV']);
  assert.deepEqual(tag(['في', 'زيد', 'ثم']), ['ADP', 'NOUN', 'CCONJ']);
});
