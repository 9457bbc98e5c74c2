/**
 * Word embeddings learnt from unlabelled news (skip-gram with negative
 * sampling, Mikolov et al. 2013), grouped by k-means into clusters that the
 * NER uses as features next to the context clusters of `clusters.ts` (Guo et
 * al. 2014: clusters of embeddings add to Brown-style clusters).
 *
 * One thread, seeded: the same corpus and options give the same file.
 *
 * File format (`models/ner-embclusters.tsv`): a `#` header, then
 * `word<TAB>c1<TAB>c2...` (word in matching form, one cluster number per
 * k-means level, smallest k first).
 */
import { readFileSync } from 'node:fs';
import { seededRandom } from '../../learn/index.ts';
import { encodeCorpus } from './clusters.ts';

export interface EmbeddingOptions {
  /** Words seen fewer times get no vector (default 3). */
  minCount?: number;
  dim?: number;
  /** Largest distance of a context word (a window of 1..window is drawn per word; default 5). */
  window?: number;
  /** Negative samples per context word (default 5). */
  negative?: number;
  epochs?: number;
  /** Subsampling threshold of frequent words (default 1e-4). */
  sample?: number;
  /** Starting learning rate, decreasing linearly to 1e-4 of it (default 0.025). */
  alpha?: number;
  seed?: number;
  log?: (msg: string) => void;
}

export interface Embeddings {
  words: string[];
  dim: number;
  /** words.length × dim, row-major. */
  vectors: Float32Array;
}

/** Skip-gram with negative sampling over texts (an iterable of documents); sentence punctuation bounds the windows. */
export function learnEmbeddings(texts: Iterable<string>, opts: EmbeddingOptions = {}): Embeddings {
  const minCount = opts.minCount ?? 3;
  const dim = opts.dim ?? 100;
  const window = opts.window ?? 5;
  const negative = opts.negative ?? 5;
  const epochs = opts.epochs ?? 5;
  const sample = opts.sample ?? 1e-4;
  const alpha0 = opts.alpha ?? 0.025;
  const rand = seededRandom(opts.seed ?? 1);
  const log = opts.log;

  // The corpus as word numbers (-1 = break), then the vocabulary: words seen minCount times, most frequent first.
  const { ids, counts, seq, len } = encodeCorpus(texts);
  const all = [...ids.keys()];
  const order = all.map((_, i) => i).filter((i) => counts[i] >= minCount);
  order.sort((a, b) => counts[b] - counts[a] || (all[a] < all[b] ? -1 : 1));
  const remap = new Int32Array(all.length).fill(-1);
  order.forEach((id, k) => {
    remap[id] = k;
  });
  const V = order.length;
  const freq = Float64Array.from(order, (id) => counts[id]);
  let kept = 0;
  for (let i = 0; i < len; i++) {
    const id = seq[i] < 0 ? -1 : remap[seq[i]];
    if (id < 0 && seq[i] >= 0) continue; // rare word: dropped, as word2vec does
    if (id < 0 && kept > 0 && seq[kept - 1] === -1) continue;
    seq[kept++] = id;
  }
  const corpus = seq.subarray(0, kept);
  let total = 0;
  for (let k = 0; k < V; k++) total += freq[k];
  log?.(`${len} tokens, ${V} words with a vector, ${total} of their tokens`);

  // Negative sampling table: unigram counts ^ 0.75.
  const TABLE = 1e7;
  const table = new Int32Array(TABLE);
  {
    let norm = 0;
    for (let k = 0; k < V; k++) norm += freq[k] ** 0.75;
    let k = 0;
    let cum = freq[0] ** 0.75 / norm;
    for (let t = 0; t < TABLE; t++) {
      table[t] = k;
      if (t / TABLE > cum && k < V - 1) {
        k++;
        cum += freq[k] ** 0.75 / norm;
      }
    }
  }
  // Keep probability of each word (frequent words subsampled).
  const keep = Float64Array.from(freq, (f) => {
    if (sample <= 0) return 1;
    const r = sample * total;
    return Math.min(1, (Math.sqrt(f / r) + 1) * (r / f));
  });

  const syn0 = new Float32Array(V * dim);
  const syn1 = new Float32Array(V * dim);
  for (let i = 0; i < syn0.length; i++) syn0[i] = (rand() - 0.5) / dim;
  const grad = new Float32Array(dim);
  const dim4 = dim - (dim % 4);
  const sent = new Int32Array(10_000);
  const totalWork = epochs * total;
  let done = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const t0 = performance.now();
    let loss = 0;
    let pairs = 0;
    let i = 0;
    while (i < corpus.length) {
      // One sentence (up to a break), subsampled.
      let n = 0;
      for (; i < corpus.length && corpus[i] !== -1; i++) {
        const w = corpus[i];
        done++;
        if (keep[w] < 1 && rand() > keep[w]) continue;
        if (n < sent.length) sent[n++] = w;
      }
      i++;
      const alpha = Math.max(alpha0 * 1e-4, alpha0 * (1 - done / (totalWork + 1)));
      for (let p = 0; p < n; p++) {
        const b = 1 + Math.floor(rand() * window);
        const center = sent[p];
        for (let q = Math.max(0, p - b); q <= Math.min(n - 1, p + b); q++) {
          if (q === p) continue;
          // As word2vec: the context word's input vector predicts the centre word (and negatives).
          const l1 = sent[q] * dim;
          grad.fill(0);
          for (let d = 0; d <= negative; d++) {
            let target: number;
            let label: number;
            if (d === 0) {
              target = center;
              label = 1;
            } else {
              target = table[Math.floor(rand() * TABLE)];
              if (target === center) continue;
              label = 0;
            }
            const l2 = target * dim;
            // Dot product in four running sums (independent adds: about 1.5x faster in V8).
            let f0 = 0;
            let f1 = 0;
            let f2 = 0;
            let f3 = 0;
            let c = 0;
            for (; c < dim4; c += 4) {
              f0 += syn0[l1 + c] * syn1[l2 + c];
              f1 += syn0[l1 + c + 1] * syn1[l2 + c + 1];
              f2 += syn0[l1 + c + 2] * syn1[l2 + c + 2];
              f3 += syn0[l1 + c + 3] * syn1[l2 + c + 3];
            }
            for (; c < dim; c++) f0 += syn0[l1 + c] * syn1[l2 + c];
            const f = f0 + f1 + f2 + f3;
            const sig = f > 10 ? 1 : f < -10 ? 0 : 1 / (1 + Math.exp(-f));
            const g = (label - sig) * alpha;
            if (label === 1) loss -= Math.log(Math.max(sig, 1e-7));
            for (let c = 0; c < dim; c++) {
              const v = syn1[l2 + c];
              grad[c] += g * v;
              syn1[l2 + c] = v + g * syn0[l1 + c];
            }
          }
          for (let c = 0; c < dim; c++) syn0[l1 + c] += grad[c];
          pairs++;
        }
      }
    }
    log?.(
      `epoch ${epoch + 1}/${epochs}: ${pairs} pairs, mean -log p(centre) ${(loss / Math.max(1, pairs)).toFixed(4)}, ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
  }
  return { words: order.map((id) => all[id]), dim, vectors: syn0 };
}

/**
 * Spherical k-means over the rows of `vectors` (made unit length), seeded;
 * starts from k rows drawn among the most frequent half (rows are in
 * frequency order). Returns each row's cluster.
 */
export function kmeansDense(
  vectors: Float32Array,
  dim: number,
  k: number,
  iterations: number,
  seed: number,
  log?: (m: string) => void,
): Int32Array {
  const n = vectors.length / dim;
  const x = new Float32Array(vectors);
  for (let r = 0; r < n; r++) {
    let s = 0;
    for (let c = 0; c < dim; c++) s += x[r * dim + c] ** 2;
    const norm = Math.sqrt(s) || 1;
    for (let c = 0; c < dim; c++) x[r * dim + c] /= norm;
  }
  const kk = Math.min(k, n);
  const cent = new Float32Array(kk * dim);
  const rand = seededRandom(seed);
  const chosen = new Set<number>();
  const pool = Math.max(kk, Math.floor(n / 2));
  while (chosen.size < kk) chosen.add(Math.floor(rand() * pool) % n);
  let q = 0;
  for (const r of chosen) cent.set(x.subarray(r * dim, (r + 1) * dim), q++ * dim);
  const assign = new Int32Array(n).fill(-1);
  const sums = new Float64Array(kk * dim);
  const dim2 = dim - (dim % 2);
  for (let it = 0; it < iterations; it++) {
    let changed = 0;
    for (let r = 0; r < n; r++) {
      const o = r * dim;
      let best = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < kk; c++) {
        const oc = c * dim;
        let s0 = 0;
        let s1 = 0;
        let d = 0;
        for (; d < dim2; d += 2) {
          s0 += x[o + d] * cent[oc + d];
          s1 += x[o + d + 1] * cent[oc + d + 1];
        }
        for (; d < dim; d++) s0 += x[o + d] * cent[oc + d];
        const s = s0 + s1;
        if (s > bestScore) {
          bestScore = s;
          best = c;
        }
      }
      if (assign[r] !== best) changed++;
      assign[r] = best;
    }
    sums.fill(0);
    for (let r = 0; r < n; r++) {
      const o = r * dim;
      const oc = assign[r] * dim;
      for (let d = 0; d < dim; d++) sums[oc + d] += x[o + d];
    }
    for (let c = 0; c < kk; c++) {
      let s = 0;
      for (let d = 0; d < dim; d++) s += sums[c * dim + d] ** 2;
      // An empty cluster keeps its centroid.
      if (s === 0) continue;
      const norm = Math.sqrt(s);
      for (let d = 0; d < dim; d++) cent[c * dim + d] = sums[c * dim + d] / norm;
    }
    log?.(`k-means k=${k} iteration ${it + 1}/${iterations}: ${changed} changed`);
    if (changed < n / 1000) break;
  }
  return assign;
}

/** Clusters of embeddings: per level (smallest k first), word -> cluster. */
export type EmbeddingClusters = Map<string, number>[];

/** Serialise: `word<TAB>c1<TAB>c2...` per word, in the embeddings' (frequency) order. */
export function formatEmbeddingClusters(words: readonly string[], levels: readonly Int32Array[], header: string): string {
  const lines = [`# ${header.replace(/\n/g, ' ')}`];
  for (let r = 0; r < words.length; r++) lines.push([words[r], ...levels.map((a) => a[r])].join('\t'));
  return `${lines.join('\n')}\n`;
}

/** Read an embedding-cluster file; an absent file gives no levels. */
export function loadEmbeddingClusters(path: string): EmbeddingClusters {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return [];
  }
  const out: EmbeddingClusters = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const f = line.split('\t');
    for (let k = 1; k < f.length; k++) {
      if (!out[k - 1]) out[k - 1] = new Map();
      out[k - 1].set(f[0], Number(f[k]));
    }
  }
  return out;
}
