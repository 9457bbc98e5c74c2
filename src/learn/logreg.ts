/**
 * Binary logistic regression over string features, trained by SGD with L2 and positive-class weighting. Used by the
 * events stage (the GSR sentence classifier, the learned actor-event layer) and the quotes stage (the quote filter).
 */
import { seededRandom } from './random.ts';

export interface LogRegModel {
  type: string;
  bias: number;
  weights: Record<string, number>;
  /** Decision threshold chosen on the training data. */
  threshold: number;
  /** The learner setting chosen by inner cross-validation, and its inner pooled F1 (informative). */
  setting?: { epochs: number; lr: number; l2: number; minWeight?: number };
  innerF1?: number;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, z))));

/**
 * Train by SGD with L2 and positive-class weighting; returns the model (threshold 0.5).
 * An example with a `target` (a probability, e.g. the annotators' accept share) is fitted
 * to it instead of to `y` (cross-entropy with a soft label; its positive part is weighted
 * like a positive); `y` still decides the class counts behind the positive weight.
 */
export function trainLogReg(
  type: string,
  data: Array<{ feats: string[]; y: boolean; w?: number; target?: number }>,
  opts: {
    epochs?: number;
    lr?: number;
    l2?: number;
    seed?: number;
    maxPosWeight?: number;
    minWeight?: number;
    /** A fixed weight of the positive class (instead of the class ratio capped by `maxPosWeight`). */
    posWeight?: number;
  } = {},
): LogRegModel {
  const epochs = opts.epochs ?? 20;
  const lr0 = opts.lr ?? 0.2;
  const l2 = opts.l2 ?? 1e-4;
  // features as integer ids, weights in a typed array (same updates as a map keyed by name)
  const ids = new Map<string, number>();
  const rows = data.map((d) => {
    const r = new Int32Array(d.feats.length);
    d.feats.forEach((f, i) => {
      let id = ids.get(f);
      if (id === undefined) {
        id = ids.size;
        ids.set(f, id);
      }
      r[i] = id;
    });
    return r;
  });
  const pos = data.filter((d) => d.y).reduce((a, d) => a + (d.w ?? 1), 0);
  const posWeight =
    opts.posWeight !== undefined ? opts.posWeight : pos > 0 ? Math.min(opts.maxPosWeight ?? 5, (data.length - pos) / pos) : 1;
  const w = new Float64Array(ids.size);
  let bias = 0;
  const order = data.map((_, i) => i);
  const rand = seededRandom(opts.seed ?? 13);
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const lr = lr0 / (1 + ep * 0.2);
    for (const idx of order) {
      const y = data[idx].y;
      const r = rows[idx];
      let z = bias;
      for (let k = 0; k < r.length; k++) z += w[r[k]];
      const p = sigmoid(z);
      const t = data[idx].target;
      const g = (t === undefined ? (p - (y ? 1 : 0)) * (y ? posWeight : 1) : posWeight * t * (p - 1) + (1 - t) * p) * (data[idx].w ?? 1);
      bias -= lr * g;
      for (let k = 0; k < r.length; k++) w[r[k]] -= lr * (g + l2 * w[r[k]]);
    }
  }
  const weights: Record<string, number> = {};
  const minWeight = opts.minWeight ?? 0.02;
  for (const [f, id] of ids) if (Math.abs(w[id]) >= minWeight) weights[f] = Math.round(w[id] * 1e3) / 1e3;
  return { type, bias: Math.round(bias * 1e4) / 1e4, weights, threshold: 0.5 };
}
