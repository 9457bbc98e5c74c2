/**
 * A multi-task alternative to the learned layer's 16 independent logistic regressions (an experiment, see
 * `models/events-pairs.md`): one hidden layer over the sparse (sentence, actor) features shared by the types. Each
 * feature string has a learnt embedding; an instance's hidden pre-activation is the sum of its features' embeddings plus
 * a bias (a bag of features, like fastText), then ReLU, then one sigmoid output per type (multi-label binary
 * cross-entropy, the positives of a type weighted by its negative/positive ratio capped at `maxPosWeight`, as
 * `trainLogReg` does). Trained by AdaGrad one example at a time, seeded and deterministic.
 */
import { seededRandom, shuffleInPlace } from '../../learn/random.ts';

export interface PairNet {
  hidden: number;
  /** Feature → embedding (length `hidden`). */
  emb: Map<string, Float32Array>;
  b1: Float32Array;
  /** types × hidden, row-major. */
  W2: Float32Array;
  b2: Float32Array;
}

export interface PairNetOptions {
  hidden?: number;
  epochs?: number;
  lr?: number;
  /** L2 on the embeddings of an example's features and on the output weights, applied at each update. */
  l2?: number;
  /** Dropout on the hidden layer during training (inverted: no rescaling at inference). */
  dropout?: number;
  maxPosWeight?: number;
  seed?: number;
  /** Features seen in fewer training examples are left out. */
  minCount?: number;
}

export const PAIR_NET_DEFAULTS: Required<PairNetOptions> = {
  hidden: 64,
  epochs: 6,
  lr: 0.05,
  l2: 1e-5,
  dropout: 0.2,
  maxPosWeight: 5,
  seed: 13,
  minCount: 1,
};

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, z))));

/** The network's probability of each type for an instance. */
export function netProbs(net: PairNet, feats: readonly string[]): Float64Array {
  const H = net.hidden;
  const h = Float64Array.from(net.b1);
  for (const f of feats) {
    const e = net.emb.get(f);
    if (e) for (let u = 0; u < H; u++) h[u] += e[u];
  }
  const T = net.b2.length;
  const out = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let z = net.b2[t];
    const o = t * H;
    for (let u = 0; u < H; u++) if (h[u] > 0) z += net.W2[o + u] * h[u];
    out[t] = sigmoid(z);
  }
  return out;
}

/**
 * Per-type weight of one feature on its own (the change of the output logit when it is added to an empty instance):
 * what the layer's trigger choice reads where a logistic regression would give its weight.
 */
export function netFeatureWeights(net: PairNet, f: string): Float32Array | undefined {
  const e = net.emb.get(f);
  if (!e) return undefined;
  const H = net.hidden;
  const T = net.b2.length;
  const w = new Float32Array(T);
  for (let t = 0; t < T; t++) {
    let z = 0;
    const o = t * H;
    for (let u = 0; u < H; u++) z += net.W2[o + u] * (Math.max(0, net.b1[u] + e[u]) - Math.max(0, net.b1[u]));
    w[t] = z;
  }
  return w;
}

/** Train on examples with their label sets (type names of `types`). */
export function trainPairNet(
  data: ReadonlyArray<{ feats: readonly string[]; labels: ReadonlySet<string> }>,
  types: readonly string[],
  opts: PairNetOptions = {},
): PairNet {
  const o = { ...PAIR_NET_DEFAULTS, ...opts };
  const H = o.hidden;
  const T = types.length;
  const rand = seededRandom(o.seed);
  // feature ids, in order of first occurrence (deterministic)
  const count = new Map<string, number>();
  for (const d of data) for (const f of d.feats) count.set(f, (count.get(f) ?? 0) + 1);
  const ids = new Map<string, number>();
  for (const [f, n] of count) if (n >= o.minCount) ids.set(f, ids.size);
  const rows = data.map((d) => Int32Array.from(d.feats.map((f) => ids.get(f) ?? -1).filter((i) => i >= 0)));
  const ys = data.map((d) => Uint8Array.from(types.map((t) => (d.labels.has(t) ? 1 : 0))));
  const posW = new Float64Array(T);
  const prior = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let pos = 0;
    for (const y of ys) pos += y[t];
    const neg = data.length - pos;
    posW[t] = pos > 0 ? Math.min(o.maxPosWeight, neg / pos) : 1;
    // the weighted prior's logit
    prior[t] = pos > 0 && neg > 0 ? Math.log((pos * posW[t]) / neg) : -4;
  }
  const V = ids.size;
  const E = new Float32Array(V * H);
  const a1 = 0.1;
  for (let i = 0; i < E.length; i++) E[i] = (rand() * 2 - 1) * a1;
  const b1 = new Float32Array(H).fill(0.1);
  const W2 = new Float32Array(T * H);
  const a2 = Math.sqrt(6 / (H + T));
  for (let i = 0; i < W2.length; i++) W2[i] = (rand() * 2 - 1) * a2;
  const b2 = Float32Array.from(prior);
  // AdaGrad accumulators
  const gE = new Float32Array(V * H);
  const gb1 = new Float32Array(H);
  const gW2 = new Float32Array(T * H);
  const gb2 = new Float32Array(T);
  const eps = 1e-6;
  const h = new Float64Array(H);
  const a = new Float64Array(H);
  const mask = new Float64Array(H);
  const dh = new Float64Array(H);
  const g = new Float64Array(T);
  const order = data.map((_, i) => i);
  for (let ep = 0; ep < o.epochs; ep++) {
    shuffleInPlace(order, rand);
    for (const idx of order) {
      const r = rows[idx];
      const y = ys[idx];
      for (let u = 0; u < H; u++) h[u] = b1[u];
      for (let k = 0; k < r.length; k++) {
        const off = r[k] * H;
        for (let u = 0; u < H; u++) h[u] += E[off + u];
      }
      for (let u = 0; u < H; u++) {
        mask[u] = o.dropout > 0 ? (rand() < o.dropout ? 0 : 1 / (1 - o.dropout)) : 1;
        a[u] = h[u] > 0 ? h[u] * mask[u] : 0;
      }
      dh.fill(0);
      for (let t = 0; t < T; t++) {
        const off = t * H;
        let z = b2[t];
        for (let u = 0; u < H; u++) z += W2[off + u] * a[u];
        const p = sigmoid(z);
        g[t] = y[t] ? (p - 1) * posW[t] : p;
        for (let u = 0; u < H; u++) dh[u] += g[t] * W2[off + u];
      }
      // output layer
      for (let t = 0; t < T; t++) {
        const off = t * H;
        const gt = g[t];
        gb2[t] += gt * gt;
        b2[t] -= (o.lr * gt) / (Math.sqrt(gb2[t]) + eps);
        for (let u = 0; u < H; u++) {
          if (a[u] === 0) continue;
          const gw = gt * a[u] + o.l2 * W2[off + u];
          gW2[off + u] += gw * gw;
          W2[off + u] -= (o.lr * gw) / (Math.sqrt(gW2[off + u]) + eps);
        }
      }
      // through the ReLU and the dropout mask
      for (let u = 0; u < H; u++) dh[u] = h[u] > 0 ? dh[u] * mask[u] : 0;
      for (let u = 0; u < H; u++) {
        const gu = dh[u];
        if (gu === 0) continue;
        gb1[u] += gu * gu;
        b1[u] -= (o.lr * gu) / (Math.sqrt(gb1[u]) + eps);
      }
      for (let k = 0; k < r.length; k++) {
        const off = r[k] * H;
        for (let u = 0; u < H; u++) {
          const gu = dh[u] + o.l2 * E[off + u];
          if (gu === 0) continue;
          gE[off + u] += gu * gu;
          E[off + u] -= (o.lr * gu) / (Math.sqrt(gE[off + u]) + eps);
        }
      }
    }
  }
  const emb = new Map<string, Float32Array>();
  for (const [f, i] of ids) emb.set(f, E.slice(i * H, (i + 1) * H));
  return { hidden: H, emb, b1, W2, b2 };
}
