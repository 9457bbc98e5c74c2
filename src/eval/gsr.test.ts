import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GsrSentence } from '../corpora/gsr.ts';
import { predict, trainLogReg } from '../stages/events/classifier.ts';
import { examples, GSR_SOFT_TYPES, type GsrItem, gsrTarget } from './gsr.ts';

const sentence = (label: string, accept: number, reject: number): GsrSentence => ({
  id: `${label}-${accept}-${reject}`,
  eventType: 'ASSAULT',
  label,
  text: `جملة ${label} ${accept} ${reject}`,
  accept,
  reject,
});

test('soft targets: only evenly split `difficult no` sentences, at their accept share', () => {
  assert.equal(gsrTarget(sentence('difficult no', 2, 2)), 0.5);
  assert.equal(gsrTarget(sentence('difficult no', 4, 2)), 4 / 6);
  assert.equal(gsrTarget(sentence('difficult no', 1, 2)), undefined);
  assert.equal(gsrTarget(sentence('difficult no', 0, 0)), undefined);
  assert.equal(gsrTarget(sentence('yes', 3, 0)), undefined);
  assert.equal(gsrTarget(sentence('easy no', 0, 3)), undefined);
  assert.equal(gsrTarget(sentence('ambiguous', 2, 2)), undefined);
  assert.ok(GSR_SOFT_TYPES.has('ASSAULT'));
});

test('examples carry the soft target only when asked, and never for weak items', () => {
  const item = (s: GsrSentence, gold: boolean, weak = false): GsrItem => ({ s, gold, toks: [], rules: [], feats: ['x'], weak });
  const xs = [
    item(sentence('difficult no', 2, 2), false),
    item(sentence('yes', 3, 0), true),
    item(sentence('difficult no', 2, 2), false, true),
  ];
  assert.deepEqual(
    examples(xs, true).map((e) => e.target),
    [0.5, undefined, undefined],
  );
  assert.ok(examples(xs).every((e) => e.target === undefined));
  assert.equal(examples(xs, true)[0].y, false);
  assert.equal(examples(xs, true)[2].weak, true);
});

test('a soft target pulls the prediction towards it; hard labels train as before', () => {
  const data = (target?: number) => [
    ...Array.from({ length: 20 }, () => ({ feats: ['a'], y: true })),
    ...Array.from({ length: 20 }, () => ({ feats: ['b'], y: false })),
    ...Array.from({ length: 20 }, () => ({ feats: ['c'], y: false, ...(target === undefined ? {} : { target }) })),
  ];
  const opts = { epochs: 30, lr: 0.1, l2: 1e-3, maxPosWeight: 1, minWeight: 0 };
  const hard = trainLogReg('ASSAULT', data(), opts);
  const soft = trainLogReg('ASSAULT', data(0.5), opts);
  assert.ok(predict(hard, ['c']) < 0.2);
  assert.ok(Math.abs(predict(soft, ['c']) - 0.5) < 0.15, `soft ${predict(soft, ['c'])}`);
  assert.ok(predict(soft, ['a']) > 0.8 && predict(soft, ['b']) < 0.2);
  // an explicit target of 1 or 0 is the hard label
  const same = data().map((d) => ({ ...d, target: d.y ? 1 : 0 }));
  assert.deepEqual(trainLogReg('ASSAULT', same, opts).weights, hard.weights);
});
