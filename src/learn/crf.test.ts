import assert from 'node:assert/strict';
import { test } from 'node:test';
import { trainCrf } from './crf.ts';
import { TOY_LABELS as LABELS, toyKeyed } from './fixture.ts';
import { SequencePerceptron, toKeys } from './perceptron.ts';

const data = toyKeyed();

test('trainCrf learns a task that needs the transitions, as a SequencePerceptron', () => {
  const m = trainCrf(LABELS, data, { epochs: 30, l2: 1e-3 });
  assert.ok(m instanceof SequencePerceptron);
  assert.deepEqual(m.predict([['w=هذا'], ['w=صيد']]), ['DET', 'NOUN']);
  assert.deepEqual(m.predict([['w=الرجال'], ['w=صيد']]), ['NOUN', 'VERB']);
  assert.deepEqual(m.predict([['w=القطط'], ['w=صيد']]), ['NOUN', 'VERB']);
});

test('trainCrf: the loss falls epoch by epoch, training is deterministic, and a stronger L2 gives smaller weights', () => {
  const losses: number[] = [];
  const a = trainCrf(LABELS, data, { epochs: 8, l2: 1e-3, onEpoch: (e) => losses.push(e.errors) });
  for (let i = 1; i < losses.length; i++) assert.ok(losses[i] <= losses[i - 1], losses.join(' '));
  const b = trainCrf(LABELS, data, { epochs: 8, l2: 1e-3 });
  assert.deepEqual(Array.from(a.table.weights), Array.from(b.table.weights));
  const norm = (m: SequencePerceptron): number => Array.from(m.table.weights).reduce((s, w) => s + w * w, 0);
  const strong = trainCrf(LABELS, data, { epochs: 8, l2: 1e-1 });
  assert.ok(norm(strong) < norm(a), `${norm(strong)} < ${norm(a)}`);
});

test('trainCrf: probabilities are calibrated on an ambiguous word (weights near the log-odds of the data)', () => {
  // "x" is A three times out of four: the model's emission difference A − B tends to log 3 when L2 is weak
  const seqs = [0, 0, 0, 1].map((g) => ({ keys: [toKeys(['w=x'])], gold: Int32Array.of(g) }));
  const m = trainCrf(['A', 'B'], seqs, { epochs: 3000, l2: 1e-4, eta0: 0.02 });
  const e = new Float64Array(2);
  for (const k of toKeys(['w=x'])) m.table.addTo(k, e);
  const t = m.transitions; // start row
  const diff = e[0] + t[2 * 2 + 0] - (e[1] + t[2 * 2 + 1]);
  assert.ok(Math.abs(diff - Math.log(3)) < 0.1, `A − B = ${diff}, log 3 = ${Math.log(3)}`);
});
