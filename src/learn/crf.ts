/**
 * A linear-chain CRF trainer for `SequencePerceptron` models (same model, same file format, same transition keys, so
 * decoding is the same first-order Viterbi): the conditional log-likelihood with an L2 penalty, maximised by stochastic
 * gradient descent with the learning-rate schedule of CRFsuite's `l2sgd` (Bottou): η_t = 1 / (λ (t0 + t)), the L2
 * decay applied lazily through one global scale factor, so an update touches only the active features of a sentence.
 * Marginals by forward–backward in log space. Deterministic for a given seed.
 */

import type { KeyedSequence } from './constrained.ts';
import { hashString } from './hash.ts';
import type { TrainOptions } from './perceptron.ts';
import { SequencePerceptron } from './perceptron.ts';
import { seededRandom, shuffleInPlace } from './random.ts';
import { WeightTable } from './weights.ts';

export interface CrfTrainOptions extends TrainOptions {
  /** L2 penalty λ per training sequence, as in CRFsuite (`c2 / N`; default 1e-4). */
  l2?: number;
  /** Initial learning rate η0 (default 0.1); sets t0 = 1 / (λ η0). */
  eta0?: number;
  /** Drop weights whose absolute value is below this when freezing (default 1e-4). */
  prune?: number;
}

/** Same keys as `SequencePerceptron` uses for the transition from label `prev` (`L` = start). */
const transitionKey = (prev: number): number => hashString(`\u0001T${prev}`);

function logSumExp(a: Float64Array, from: number, n: number): number {
  let m = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) if (a[from + i] > m) m = a[from + i];
  if (m === Number.NEGATIVE_INFINITY) return m;
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.exp(a[from + i] - m);
  return m + Math.log(s);
}

/** Growable dense rows of `L` weights per feature key (training only). */
class Rows {
  readonly index = new Map<number, number>();
  w: Float64Array;
  constructor(
    readonly L: number,
    initial = 4096,
  ) {
    this.w = new Float64Array(initial * L);
  }
  row(key: number): number {
    let r = this.index.get(key);
    if (r === undefined) {
      r = this.index.size;
      this.index.set(key, r);
      if ((r + 1) * this.L > this.w.length) {
        const g = new Float64Array(this.w.length * 2);
        g.set(this.w);
        this.w = g;
      }
    }
    return r;
  }
}

/**
 * Trains a CRF over keyed sequences (labels given, indices into them). The returned model's weights are the CRF's
 * log-potentials: Viterbi over them is the most probable labelling.
 */
export function trainCrf(labels: string[], data: KeyedSequence[], opts: CrfTrainOptions = {}): SequencePerceptron {
  const L = labels.length;
  const S = L + 1;
  const lambda = opts.l2 ?? 1e-4;
  const eta0 = opts.eta0 ?? 0.1;
  const t0 = 1 / (lambda * eta0);
  const rows = new Rows(L);
  // feature rows of each sentence, resolved once
  const seqs = data.map((d) => ({ rows: d.keys.map((k) => Int32Array.from(k, (key) => rows.row(key))), gold: d.gold }));
  const tRow = Int32Array.from({ length: S }, (_, p) => rows.row(transitionKey(p)));
  let scale = 1;
  let t = 0;
  const rand = seededRandom(opts.seed ?? 1);
  let emit = new Float64Array(64 * L);
  let alpha = new Float64Array(64 * L);
  let beta = new Float64Array(64 * L);
  const trans = new Float64Array(S * L);
  const tmp = new Float64Array(S);
  const tGrad = new Float64Array(S * L);
  const order = seqs.map((_, i) => i);
  for (let epoch = 1; epoch <= (opts.epochs ?? 10); epoch++) {
    const t1 = performance.now();
    shuffleInPlace(order, rand);
    let loss = 0;
    let total = 0;
    for (const si of order) {
      const { rows: fr, gold } = seqs[si];
      const n = gold.length;
      if (n === 0) continue;
      total += n;
      const eta = 1 / (lambda * (t0 + t));
      t++;
      // lazy L2: every weight shrinks by (1 − ηλ)
      scale *= 1 - eta * lambda;
      if (scale < 1e-9) {
        const w = rows.w;
        for (let k = 0; k < rows.index.size * L; k++) w[k] *= scale;
        scale = 1;
      }
      if (emit.length < n * L) {
        emit = new Float64Array(n * L * 2);
        alpha = new Float64Array(n * L * 2);
        beta = new Float64Array(n * L * 2);
      }
      const w = rows.w;
      emit.fill(0, 0, n * L);
      for (let i = 0; i < n; i++) {
        const r = fr[i];
        const o = i * L;
        for (let j = 0; j < r.length; j++) {
          const b = r[j] * L;
          for (let l = 0; l < L; l++) emit[o + l] += w[b + l];
        }
        for (let l = 0; l < L; l++) emit[o + l] *= scale;
      }
      for (let p = 0; p < S; p++) for (let l = 0; l < L; l++) trans[p * L + l] = w[tRow[p] * L + l] * scale;
      // forward
      for (let l = 0; l < L; l++) alpha[l] = emit[l] + trans[L * L + l];
      for (let i = 1; i < n; i++) {
        for (let l = 0; l < L; l++) {
          for (let p = 0; p < L; p++) tmp[p] = alpha[(i - 1) * L + p] + trans[p * L + l];
          alpha[i * L + l] = logSumExp(tmp, 0, L) + emit[i * L + l];
        }
      }
      const logZ = logSumExp(alpha, (n - 1) * L, L);
      // backward
      for (let l = 0; l < L; l++) beta[(n - 1) * L + l] = 0;
      for (let i = n - 2; i >= 0; i--) {
        for (let p = 0; p < L; p++) {
          for (let l = 0; l < L; l++) tmp[l] = trans[p * L + l] + emit[(i + 1) * L + l] + beta[(i + 1) * L + l];
          beta[i * L + p] = logSumExp(tmp, 0, L);
        }
      }
      // gold score (for the loss)
      let goldScore = 0;
      for (let i = 0; i < n; i++) goldScore += emit[i * L + gold[i]] + trans[(i === 0 ? L : gold[i - 1]) * L + gold[i]];
      loss += logZ - goldScore;
      // gradient step on the emission rows: observed − expected
      const step = eta / scale;
      tGrad.fill(0);
      for (let i = 0; i < n; i++) {
        const o = i * L;
        for (let l = 0; l < L; l++) {
          const m = Math.exp(alpha[o + l] + beta[o + l] - logZ);
          tmp[l] = (l === gold[i] ? 1 : 0) - m;
        }
        const r = fr[i];
        for (let j = 0; j < r.length; j++) {
          const b = r[j] * L;
          for (let l = 0; l < L; l++) w[b + l] += step * tmp[l];
        }
        // transitions: observed − expected edge marginals
        const gp = i === 0 ? L : gold[i - 1];
        tGrad[gp * L + gold[i]] += 1;
        if (i === 0) {
          for (let l = 0; l < L; l++) tGrad[L * L + l] -= Math.exp(alpha[l] + beta[l] - logZ);
        } else {
          for (let p = 0; p < L; p++) {
            const ap = alpha[o - L + p];
            for (let l = 0; l < L; l++) tGrad[p * L + l] -= Math.exp(ap + trans[p * L + l] + emit[o + l] + beta[o + l] - logZ);
          }
        }
      }
      for (let p = 0; p < S; p++) for (let l = 0; l < L; l++) w[tRow[p] * L + l] += step * tGrad[p * L + l];
    }
    // (`errors` carries the epoch's summed negative log-likelihood, rounded: a CRF does not count mistakes)
    opts.onEpoch?.({ epoch, errors: Math.round(loss), total, features: rows.index.size, ms: performance.now() - t1 });
  }
  // freeze: actual weights, small ones pruned (a row with none left is dropped)
  const prune = opts.prune ?? 1e-4;
  const keys: number[] = [];
  const kept: number[] = [];
  const w = rows.w;
  for (const [key, r] of rows.index) {
    let any = false;
    for (let l = 0; l < L; l++) {
      const v = w[r * L + l] * scale;
      if (Math.abs(v) >= prune) any = true;
    }
    if (any) {
      keys.push(key);
      kept.push(r);
    }
  }
  const out = new Float32Array(keys.length * L);
  for (let k = 0; k < kept.length; k++)
    for (let l = 0; l < L; l++) {
      const v = w[kept[k] * L + l] * scale;
      out[k * L + l] = Math.abs(v) >= prune ? v : 0;
    }
  return new SequencePerceptron(labels, new WeightTable(L, Uint32Array.from(keys), out), { learner: 'crf' });
}
