/**
 * A second trainer for `SequencePerceptron` models (same model, same file
 * format, same transition keys): first-order Viterbi restricted to allowed
 * labels per position (a tag dictionary), and either the plain perceptron
 * update or a passive-aggressive (PA-I) update whose step depends on the
 * margin and the number of wrong positions. `SequencePerceptron.train` is
 * left as it is.
 */
import { hashString } from './hash.ts';
import { SequencePerceptron, scoreSequence, type TrainOptions, viterbi } from './perceptron.ts';
import { seededRandom, shuffleInPlace } from './random.ts';
import { TrainWeights } from './weights.ts';

/** A training sequence on the key path: keys of each position, gold label indices, allowed labels. */
export interface KeyedSequence {
  keys: readonly Uint32Array[];
  gold: Int32Array;
  /** Per position: a 0/1 mask over labels (1 = allowed), or null for no restriction. */
  allowed?: ReadonlyArray<Uint8Array | null>;
}

export interface ConstrainedTrainOptions extends TrainOptions {
  /** 'perceptron' (default: ±1) or 'pa' (passive-aggressive, PA-I). */
  update?: 'perceptron' | 'pa';
  /** PA-I aggressiveness cap (default 1). */
  C?: number;
  /** 1 (default) or 2: also weights of the previous two labels (`secondOrderKey`), decoded by `viterbi2`. */
  order?: 1 | 2;
  /** Called once at the end with the mean step of all updates (1 for the perceptron; PA steps are smaller, so are its weights). */
  onSteps?: (meanStep: number) => void;
}

/** Same keys as `SequencePerceptron` uses for the transition from label `prev` (`L` = start). */
const transitionKey = (prev: number): number => hashString(`\u0001T${prev}`);

/** Key of the transition from labels (`prev2`, `prev`) (`L` = before the start). */
export const secondOrderKey = (prev2: number, prev: number): number => hashString(`\u0001T2:${prev2}:${prev}`);

/** Second-order transition weights of a model: (L+1)²×L, row `pp·(L+1)+p`. */
export function secondOrderTransitions(model: SequencePerceptron): Float64Array {
  const L = model.labels.length;
  const out = new Float64Array((L + 1) * (L + 1) * L);
  for (let pp = 0; pp <= L; pp++) for (let p = 0; p <= L; p++) model.table.addTo(secondOrderKey(pp, p), out, (pp * (L + 1) + p) * L);
  return out;
}

/**
 * Second-order Viterbi: score = Σ emit[i, y_i] + trans[y_{i−1}, y_i] +
 * trans2[y_{i−2}, y_{i−1}, y_i], with `L` standing for the labels before the
 * start. `trans` is (L+1)×L as in `viterbi`, `trans2` (L+1)²×L.
 */
export function viterbi2(
  emit: ArrayLike<number>,
  trans: ArrayLike<number>,
  trans2: ArrayLike<number>,
  n: number,
  L: number,
  out: Int32Array,
): void {
  if (n === 0) return;
  const S = L + 1; // previous label incl. start
  // delta[i][p*L + l]: best score of a path ending in (p, l) at i
  const delta = new Float64Array(n * S * L).fill(Number.NEGATIVE_INFINITY);
  const back = new Int32Array(n * S * L);
  for (let l = 0; l < L; l++) delta[L * L + l] = emit[l] + trans[L * L + l] + trans2[(L * S + L) * L + l];
  const bestV = new Float64Array(L);
  const bestP = new Int32Array(L);
  for (let i = 1; i < n; i++) {
    const base = i * S * L;
    const prevBase = base - S * L;
    for (let p = 0; p < L; p++) {
      if (emit[(i - 1) * L + p] === Number.NEGATIVE_INFINITY) {
        // label p was excluded at i − 1: no path goes through it
        delta.fill(Number.NEGATIVE_INFINITY, base + p * L, base + p * L + L);
        continue;
      }
      bestV.fill(Number.NEGATIVE_INFINITY);
      bestP.fill(0);
      for (let pp = 0; pp < S; pp++) {
        const d = delta[prevBase + pp * L + p];
        if (d === Number.NEGATIVE_INFINITY) continue;
        const row = (pp * S + p) * L;
        for (let l = 0; l < L; l++) {
          const v = d + trans2[row + l];
          if (v > bestV[l]) {
            bestV[l] = v;
            bestP[l] = pp;
          }
        }
      }
      for (let l = 0; l < L; l++) {
        delta[base + p * L + l] = bestV[l] + emit[i * L + l] + trans[p * L + l];
        back[base + p * L + l] = bestP[l];
      }
    }
  }
  const last = (n - 1) * S * L;
  let bs = 0;
  let bv = Number.NEGATIVE_INFINITY;
  for (let s = 0; s < S * L; s++) {
    if (delta[last + s] > bv) {
      bv = delta[last + s];
      bs = s;
    }
  }
  let p = Math.floor(bs / L);
  let l = bs % L;
  for (let i = n - 1; i >= 0; i--) {
    out[i] = l;
    const pp = back[i * S * L + p * L + l];
    l = p;
    p = pp;
  }
}

/** Keeps the `k` best-scoring labels of each position (ties kept), setting the others to −∞ (beam for `viterbi2`). */
export function keepTopLabels(emit: Float64Array, n: number, L: number, k: number): void {
  if (k >= L) return;
  const row = new Float64Array(L);
  for (let i = 0; i < n; i++) {
    for (let l = 0; l < L; l++) row[l] = emit[i * L + l];
    row.sort();
    const cut = row[L - k];
    for (let l = 0; l < L; l++) if (emit[i * L + l] < cut) emit[i * L + l] = Number.NEGATIVE_INFINITY;
  }
}

/** Sets disallowed labels of each position to −∞ in an n×L score array. */
export function maskEmissions(emit: Float64Array, allowed: ReadonlyArray<Uint8Array | null>, n: number, L: number): void {
  for (let i = 0; i < n; i++) {
    const m = allowed[i];
    if (!m) continue;
    for (let l = 0; l < L; l++) if (m[l] === 0) emit[i * L + l] = Number.NEGATIVE_INFINITY;
  }
}

/** Trains a `SequencePerceptron` with label constraints and a choice of update. Labels must be given (sorted order kept). */
export function trainConstrained(labels: string[], data: KeyedSequence[], opts: ConstrainedTrainOptions = {}): SequencePerceptron {
  const L = labels.length;
  const pa = opts.update === 'pa';
  const C = opts.C ?? 1;
  const tkeys = Array.from({ length: L + 1 }, (_, p) => transitionKey(p));
  const w = new TrainWeights(L);
  const rand = seededRandom(opts.seed ?? 1);
  const trans = new Float64Array((L + 1) * L);
  const second = opts.order === 2;
  const S = L + 1;
  const t2keys = second ? Array.from({ length: S * S }, (_, r) => secondOrderKey(Math.floor(r / S), r % S)) : [];
  const trans2 = new Float64Array(second ? S * S * L : 0);
  const order = data.slice();
  let emit = new Float64Array(64 * L);
  let pred = new Int32Array(64);
  let t = 0;
  let steps = 0;
  let updates = 0;
  for (let epoch = 1; epoch <= (opts.epochs ?? 10); epoch++) {
    const t0 = performance.now();
    shuffleInPlace(order, rand);
    let errors = 0;
    let total = 0;
    for (const d of order) {
      const n = d.gold.length;
      if (n === 0) continue;
      t++;
      total += n;
      if (emit.length < n * L) emit = new Float64Array(n * L * 2);
      if (pred.length < n) pred = new Int32Array(n * 2);
      scoreSequence(w, d.keys, tkeys, n, L, emit, trans);
      if (second) {
        trans2.fill(0);
        for (let r = 0; r < S * S; r++) w.addTo(t2keys[r], trans2, r * L);
      }
      // scores before masking, for the PA margin
      let wrong = 0;
      let margin = 0;
      let norm = 0;
      if (pa) {
        for (let i = 0; i < n; i++) margin -= emit[i * L + d.gold[i]];
      }
      if (d.allowed) maskEmissions(emit, d.allowed, n, L);
      if (second) viterbi2(emit, trans, trans2, n, L, pred);
      else viterbi(emit, trans, n, L, pred);
      for (let i = 0; i < n; i++) {
        if (d.gold[i] !== pred[i]) wrong++;
      }
      errors += wrong;
      if (wrong === 0) continue;
      let step = 1;
      if (pa) {
        // margin = score(pred) − score(gold) (≥ 0 unless gold is masked out); loss = margin + √wrong
        for (let i = 0; i < n; i++) {
          const g = d.gold[i];
          const y = pred[i];
          const gp = i === 0 ? L : d.gold[i - 1];
          const yp = i === 0 ? L : pred[i - 1];
          margin -= trans[gp * L + g];
          margin += trans[yp * L + y];
          if (g !== y) {
            margin += emit[i * L + y];
            norm += 2 * d.keys[i].length;
          } else margin += emit[i * L + y];
          if (gp !== yp || g !== y) norm += 2;
          if (second) {
            const gpp = i < 2 ? L : d.gold[i - 2];
            const ypp = i < 2 ? L : pred[i - 2];
            margin += trans2[(ypp * S + yp) * L + y] - trans2[(gpp * S + gp) * L + g];
            if (gpp !== ypp || gp !== yp || g !== y) norm += 2;
          }
        }
        const loss = Math.max(0, margin) + Math.sqrt(wrong);
        step = Math.min(C, loss / Math.max(norm, 1));
      }
      steps += step;
      updates++;
      for (let i = 0; i < n; i++) {
        const g = d.gold[i];
        const y = pred[i];
        if (g !== y) {
          const k = d.keys[i];
          for (let j = 0; j < k.length; j++) {
            w.update(k[j], g, step, t);
            w.update(k[j], y, -step, t);
          }
        }
        const gp = i === 0 ? L : d.gold[i - 1];
        const yp = i === 0 ? L : pred[i - 1];
        if (gp !== yp || g !== y) {
          w.update(tkeys[gp], g, step, t);
          w.update(tkeys[yp], y, -step, t);
        }
        if (second) {
          const gpp = i < 2 ? L : d.gold[i - 2];
          const ypp = i < 2 ? L : pred[i - 2];
          if (gpp !== ypp || gp !== yp || g !== y) {
            w.update(t2keys[gpp * S + gp], g, step, t);
            w.update(t2keys[ypp * S + yp], y, -step, t);
          }
        }
      }
    }
    opts.onEpoch?.({ epoch, errors, total, features: w.size, ms: performance.now() - t0 });
  }
  opts.onSteps?.(updates === 0 ? 1 : steps / updates);
  return new SequencePerceptron(labels, w.freeze(t));
}
