import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Adam, Lstm } from './lstm.ts';
import { seededRandom } from './random.ts';

/** loss = Σ_t Σ_u c[t,u] · h[t,u] for fixed coefficients c: its gradient with respect to h is c. */
function setup(reverse: boolean) {
  const rand = seededRandom(5);
  const D = 4;
  const H = 3;
  const n = 5;
  const m = new Lstm(D, H).init(rand);
  const xs = Float32Array.from({ length: n * D }, () => rand() * 2 - 1);
  const c = Float32Array.from({ length: n * H }, () => rand() * 2 - 1);
  const loss = (): number => {
    const h = m.forward(xs, n, reverse);
    let s = 0;
    for (let k = 0; k < n * H; k++) s += c[k] * h[k];
    return s;
  };
  return { m, xs, c, n, D, loss };
}

for (const reverse of [false, true]) {
  test(`lstm (${reverse ? 'backwards' : 'forwards'}): weight and input gradients match finite differences`, () => {
    const { m, xs, c, n, D, loss } = setup(reverse);
    loss();
    const dx = new Float32Array(n * D);
    m.backward(xs, n, reverse, c, dx, 0);
    const eps = 1e-2;
    const check = (arr: Float32Array, k: number, analytic: number, what: string): void => {
      const keep = arr[k];
      arr[k] = keep + eps;
      const up = loss();
      arr[k] = keep - eps;
      const down = loss();
      arr[k] = keep;
      const numeric = (up - down) / (2 * eps);
      assert.ok(Math.abs(numeric - analytic) < 2e-3 + 0.02 * Math.abs(numeric), `${what}[${k}]: ${analytic} vs ${numeric}`);
    };
    for (let k = 0; k < m.Wx.length; k += 5) check(m.Wx, k, m.gWx[k], 'Wx');
    for (let k = 0; k < m.Wh.length; k += 3) check(m.Wh, k, m.gWh[k], 'Wh');
    for (let k = 0; k < m.b.length; k++) check(m.b, k, m.gb[k], 'b');
    for (let k = 0; k < xs.length; k++) check(xs, k, dx[k], 'x');
  });
}

test('lstm: projected inputs, frozen or not, give the same outputs as the inputs', () => {
  const { m, xs, n, D } = setup(false);
  const h = Float32Array.from(m.forward(xs, n, true));
  const G = 4 * m.hidden;
  const p = new Float32Array(n * G);
  for (let t = 0; t < n; t++) m.projectInput(0, xs.subarray(t * D, t * D + D), p, t * G);
  const h2 = Float32Array.from(m.forward(null, n, true, p));
  for (let k = 0; k < h.length; k++) assert.ok(Math.abs(h[k] - h2[k]) < 1e-5);
  // the float64 decoding copy gives the same outputs
  const h3 = m.freeze().forward(null, n, true, p);
  for (let k = 0; k < h.length; k++) assert.ok(Math.abs(h[k] - h3[k]) < 1e-5);
});

test('lstm + Adam: learns to output the sign of the first input of a sequence at its last step', () => {
  const rand = seededRandom(9);
  const m = new Lstm(1, 4).init(rand);
  const adam = new Adam(0.02);
  const n = 6;
  const xs = new Float32Array(n);
  const dh = new Float32Array(n * 4);
  const run = (train: boolean): number => {
    let right = 0;
    for (let it = 0; it < 400; it++) {
      for (let t = 0; t < n; t++) xs[t] = rand() * 2 - 1;
      const y = xs[0] > 0 ? 1 : -1;
      const h = m.forward(xs, n, false);
      const out = h[(n - 1) * 4];
      if (Math.sign(out) === y) right++;
      if (!train) continue;
      dh.fill(0);
      dh[(n - 1) * 4] = out - y * 0.9; // squared error against ±0.9
      m.backward(xs, n, false, dh);
      adam.begin();
      adam.dense(m.Wx, m.gWx);
      adam.dense(m.Wh, m.gWh);
      adam.dense(m.b, m.gb);
    }
    return right / 400;
  };
  for (let e = 0; e < 5; e++) run(true);
  assert.ok(run(false) > 0.95, 'remembers the first input over six steps');
});

test('lstm: bad shapes and missing tensors are errors', () => {
  assert.throws(() => new Lstm(3, 2, new Float32Array(5)), /shapes/);
  assert.throws(() => Lstm.fromTensors({}, 'fw.'), /missing/);
});
