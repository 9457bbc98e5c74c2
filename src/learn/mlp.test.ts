import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Mlp } from './mlp.ts';
import { seededRandom } from './random.ts';
import { decodeTensors, encodeTensors } from './tensor-file.ts';

test('mlp: learns XOR (not linearly separable) from a seeded start, deterministically', () => {
  const data: Array<[number[], number]> = [
    [[0, 0], 0],
    [[0, 1], 1],
    [[1, 0], 1],
    [[1, 1], 0],
  ];
  const run = (): Mlp => {
    const rand = seededRandom(3);
    const m = new Mlp(2, 8, 2).init(rand);
    for (let epoch = 0; epoch < 2000; epoch++) {
      for (const [x, y] of data) {
        const v = Float32Array.from(x);
        m.forward(v);
        m.backward(v, y, 0.1);
      }
    }
    return m;
  };
  const m = run();
  for (const [x, y] of data) assert.ok(m.forward(Float32Array.from(x))[y] > 0.9, `XOR ${x} → ${y}`);
  assert.deepEqual(run().W1, m.W1);
});

test('mlp: input gradient matches finite differences', () => {
  const m = new Mlp(5, 4, 3).init(seededRandom(7));
  const x = Float32Array.from([0.3, -0.2, 0.5, 0.1, -0.4]);
  const loss = (v: Float32Array): number => -Math.log(m.forward(v)[2]);
  const W1 = Float32Array.from(m.W1);
  m.forward(x);
  m.backward(x, 2, 0); // lr 0: gradient only
  assert.deepEqual(m.W1, W1);
  const dx = Float32Array.from(m.dx);
  for (let d = 0; d < 5; d++) {
    const a = Float32Array.from(x);
    const b = Float32Array.from(x);
    a[d] += 1e-3;
    b[d] -= 1e-3;
    assert.ok(Math.abs((loss(a) - loss(b)) / 2e-3 - dx[d]) < 1e-3, `dx[${d}]`);
  }
});

test('mlp: summed block projections give the same log-probabilities as the full forward pass', () => {
  const m = new Mlp(6, 5, 4).init(seededRandom(11));
  const x = Float32Array.from([0.2, -0.7, 1, 0, 0.4, 0]);
  const p = Float32Array.from(m.forward(x));
  const z = new Float32Array(5);
  m.project(0, x.subarray(0, 3), z);
  m.project(3, x.subarray(3, 4), z);
  m.column(4, z);
  for (let u = 0; u < 5; u++) z[u] += m.W1[u * 6 + 4] * (x[4] - 1); // column() added x[4] = 1
  const lp = new Float32Array(4);
  m.logProbsFrom(z, lp, 0);
  for (let t = 0; t < 4; t++) assert.ok(Math.abs(Math.exp(lp[t]) - p[t]) < 1e-5);
});

test('mlp: project and log-probabilities equal the plain row-by-row sums bit for bit (rows in blocks, zeros skipped)', () => {
  // 11 hidden units and 11 labels: the eight-at-a-time loops and their remainders
  const rand = seededRandom(5);
  const m = new Mlp(12, 11, 11).init(rand);
  for (let i = 0; i < m.b2.length; i++) m.b2[i] = rand() - 0.5;
  const v = Float32Array.from({ length: 9 }, (_, d) => (d % 3 === 1 ? 0 : rand() * 2 - 1));
  const z = new Float32Array(13).fill(0.25);
  m.project(2, v, z, 2);
  for (let u = 0; u < 11; u++) {
    let s = 0;
    for (let d = 0; d < 9; d++) s += m.W1[u * 12 + 2 + d] * v[d];
    assert.equal(z[2 + u], Math.fround(0.25 + s), `unit ${u}`);
  }
  assert.deepEqual([z[0], z[1]], [0.25, 0.25]);
  // log-probabilities against the plain computation (max of the unrounded scores)
  const zz = Float32Array.from({ length: 11 }, (_, u) => (u % 2 ? -1 : 0.3 * u));
  const lp = new Float32Array(11);
  m.logProbsFrom(zz, lp, 0);
  const h = Float32Array.from(zz, (x, u) => Math.max(0, x + m.b1[u]));
  const out = new Float32Array(11);
  let max = Number.NEGATIVE_INFINITY;
  for (let t = 0; t < 11; t++) {
    let s = m.b2[t];
    for (let u = 0; u < 11; u++) s += m.W2[t * 11 + u] * h[u];
    out[t] = s;
    if (s > max) max = s;
  }
  let sum = 0;
  for (let t = 0; t < 11; t++) sum += Math.exp(out[t] - max);
  for (let t = 0; t < 11; t++) assert.equal(lp[t], Math.fround(out[t] - (max + Math.log(sum))), `label ${t}`);
});

test('tensor file: f32 round trip is exact, int8 within a row scale step; bad bytes are refused', () => {
  const W = { shape: [2, 3], data: Float32Array.from([0.5, -1, 0.25, 100, -50, 3]) };
  const b = { shape: [3], data: Float32Array.from([1, 2, 3]) };
  const buf = encodeTensors({ kind: 'k', meta: { a: 1 }, tensors: { W, b } }, { W: 'i8' });
  const back = decodeTensors(buf);
  assert.equal(back.kind, 'k');
  assert.deepEqual(back.meta, { a: 1 });
  assert.deepEqual(back.tensors.b.data, b.data);
  assert.deepEqual(back.tensors.W.shape, [2, 3]);
  W.data.forEach((v, i) => {
    const step = i < 3 ? 1 / 127 : 100 / 127;
    assert.ok(Math.abs(back.tensors.W.data[i] - v) <= step * 0.51, `W[${i}]`);
  });
  // kept as int8: the same values once dequantised, a quarter of the memory
  const kept = decodeTensors(buf, new Set(['W'])).tensors.W;
  assert.equal(kept.data.length, 0);
  assert.equal(kept.q?.length, 6);
  for (let i = 0; i < 6; i++)
    assert.equal(Math.fround((kept.q?.[i] ?? 0) * (kept.scales?.[Math.floor(i / 3)] ?? 0)), back.tensors.W.data[i]);
  assert.throws(() => decodeTensors(Buffer.from('KHBM0000000000')), /bad magic/);
  assert.throws(() => decodeTensors(buf.subarray(0, buf.length - 8)), /truncated/);
  assert.throws(() => encodeTensors({ kind: 'k', meta: {}, tensors: { b: { shape: [4], data: b.data } } }), /3 values/);
});
