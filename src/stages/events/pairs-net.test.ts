import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatPairModel, type PairModel, PLOVER_TYPES, pairProbs, parsePairModel } from './pairs.ts';
import { netFeatureWeights, netProbs, trainPairNet } from './pairs-net.ts';

/** Toy data: `a` means ACCUSE, `b` means ASSAULT, `a`+`c` means both; noise features everywhere. */
function toy(): Array<{ feats: string[]; labels: Set<string> }> {
  const out: Array<{ feats: string[]; labels: Set<string> }> = [];
  for (let i = 0; i < 300; i++) {
    const k = i % 4;
    const feats = [`n:${i % 7}`, `m:${i % 5}`, ...(k === 0 ? ['a'] : k === 1 ? ['b'] : k === 2 ? ['a', 'c'] : [])];
    const labels = new Set<string>(k === 0 ? ['ACCUSE'] : k === 1 ? ['ASSAULT'] : k === 2 ? ['ACCUSE', 'ASSAULT'] : []);
    out.push({ feats, labels });
  }
  return out;
}

test('the shared network learns a multi-label toy task, deterministically', () => {
  const types: string[] = [...PLOVER_TYPES];
  const net = trainPairNet(toy(), types, { hidden: 8, epochs: 20, dropout: 0 });
  const again = trainPairNet(toy(), types, { hidden: 8, epochs: 20, dropout: 0 });
  assert.deepEqual([...net.W2], [...again.W2]);
  const p = (f: string[], t: string) => netProbs(net, f)[types.indexOf(t)];
  assert.ok(p(['a', 'n:1'], 'ACCUSE') > 0.5);
  assert.ok(p(['a', 'n:1'], 'ASSAULT') < 0.5);
  assert.ok(p(['a', 'c', 'n:1'], 'ASSAULT') > 0.5);
  assert.ok(p(['n:1'], 'AGREE') < 0.5);
  assert.ok((netFeatureWeights(net, 'a') as Float32Array)[types.indexOf('ACCUSE')] > 0);
});

test('a network model survives its file format; a logistic-regression file still reads', () => {
  const types: string[] = [...PLOVER_TYPES];
  const net = trainPairNet(
    toy().map((x) => ({ ...x, feats: [...x.feats, 's:word'] })),
    types,
    { hidden: 8, epochs: 5 },
  );
  const m: PairModel = { types, bias: new Float64Array(types.length), weights: new Map(), threshold: 0.6, header: 'net', net };
  const back = parsePairModel(formatPairModel(m));
  assert.ok(back.net);
  for (const f of [['a'], ['b', 'n:2'], ['a', 'c']]) {
    const x = pairProbs(m, f);
    const y = pairProbs(back, f);
    for (let i = 0; i < x.length; i++) assert.ok(Math.abs(x[i] - y[i]) < 2e-3);
  }
  assert.ok(back.weights.has('s:word'));
  const lr = parsePairModel(`# lr\nthreshold\t0.6\ntypes\t${types.join(' ')}\nbias\t${types.map(() => '-1').join(' ')}\nqc:x\t8:2\n`);
  assert.equal(lr.net, undefined);
  assert.ok(pairProbs(lr, ['qc:x'])[8] > 0.7);
});
