/**
 * A conditional logit (a softmax over each group's alternatives), trained by SGD: the ranking learner of the morph
 * stage's k-best reranker and of the quotes stage's speaker choice.
 */
import { seededRandom } from './random.ts';

/** Sparse features of one alternative: (name, value) pairs. */
export type Feats = Array<[string, number]>;

export interface RerankTrainOptions {
  epochs?: number;
  lr?: number;
  l2?: number;
  seed?: number;
}

/**
 * Conditional logit by SGD: for each group (a set of alternatives, `gold` the right one: a token's segmentations in the morph reranker, a quote's speaker candidates), raises the gold's
 * softmax probability; L2 on the weights touched. Returns the weights (rounded, zeros dropped).
 */
export function trainRerank(groups: Array<{ feats: Feats[]; gold: number }>, opts: RerankTrainOptions = {}): Record<string, number> {
  const epochs = opts.epochs ?? 20;
  const lr0 = opts.lr ?? 0.1;
  const l2 = opts.l2 ?? 1e-4;
  const ids = new Map<string, number>();
  const rows = groups.map((g) =>
    g.feats.map((f) => {
      const idx = new Int32Array(f.length);
      const val = new Float64Array(f.length);
      f.forEach(([k, v], i) => {
        let id = ids.get(k);
        if (id === undefined) ids.set(k, (id = ids.size));
        idx[i] = id;
        val[i] = v;
      });
      return { idx, val };
    }),
  );
  const w = new Float64Array(ids.size);
  const rand = seededRandom(opts.seed ?? 1);
  const order = groups.map((_, i) => i);
  const p = new Float64Array(64);
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const lr = lr0 / (1 + ep * 0.2);
    for (const gi of order) {
      const alts = rows[gi];
      const gold = groups[gi].gold;
      let max = Number.NEGATIVE_INFINITY;
      for (let j = 0; j < alts.length; j++) {
        let s = 0;
        const { idx, val } = alts[j];
        for (let k = 0; k < idx.length; k++) s += w[idx[k]] * val[k];
        p[j] = s;
        if (s > max) max = s;
      }
      let z = 0;
      for (let j = 0; j < alts.length; j++) z += p[j] = Math.exp(p[j] - max);
      for (let j = 0; j < alts.length; j++) {
        const g = p[j] / z - (j === gold ? 1 : 0);
        const { idx, val } = alts[j];
        for (let k = 0; k < idx.length; k++) w[idx[k]] -= lr * (g * val[k] + l2 * w[idx[k]]);
      }
    }
  }
  const out: Record<string, number> = {};
  for (const [k, id] of [...ids].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const v = Math.round(w[id] * 1e4) / 1e4;
    if (v !== 0) out[k] = v;
  }
  return out;
}
