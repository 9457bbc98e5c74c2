/**
 * Averaged perceptrons over hashed string features:
 *  - `MulticlassPerceptron`: one label per instance;
 *  - `SequencePerceptron`: one label per position, structured training with
 *    first-order Viterbi decoding (Collins 2002), for taggers (POS, BIO NER);
 *  - `RankingPerceptron`: picks the best of a list of candidates (one weight
 *    vector), for candidate-ranking tasks such as clitic segmentation.
 *
 * Features are given per instance/position either as strings (hashed here)
 * or as precomputed 32-bit keys (`hash.ts`), which is the fast path.
 * Training is deterministic for a given seed. Every model saves to and loads
 * from the compact binary format of `model-file.ts`.
 */
import { hashString } from './hash.ts';
import { loadModelFile, type ModelFile, type Quantisation, saveModelFile } from './model-file.ts';
import { seededRandom, shuffleInPlace } from './random.ts';
import { mergeTables, TrainWeights, type WeightTable } from './weights.ts';

/** Features of one instance or position: strings, or keys from `hash.ts`. */
export type FeatureList = readonly string[] | ArrayLike<number>;

export interface TrainOptions {
  /** Passes over the data (default 10). */
  epochs?: number;
  /** Shuffling seed (default 1). */
  seed?: number;
  /** Drop features seen fewer times than this in the training data (default 1: keep all). */
  minFeatureCount?: number;
  /** Called after each epoch with the training error count of that epoch (mistakes before the update). */
  onEpoch?: (info: { epoch: number; errors: number; total: number; features: number; ms: number }) => void;
}

const BIAS = hashString('\u0001bias');

/**
 * Hashes string features to keys and appends the bias key. Key arrays pass
 * through unchanged (no bias added): callers on the key path add `BIAS_KEY`
 * themselves if they want one.
 */
export function toKeys(features: FeatureList, bias = true): Uint32Array {
  const n = features.length;
  if (n > 0 && typeof (features as ArrayLike<unknown>)[0] !== 'string') return Uint32Array.from(features as ArrayLike<number>);
  const out = new Uint32Array(bias ? n + 1 : n);
  for (let i = 0; i < n; i++) out[i] = hashString((features as readonly string[])[i]);
  if (bias) out[n] = BIAS;
  return out;
}

function filterKeys(keys: Uint32Array, counts: Map<number, number> | null, min: number): Uint32Array {
  if (!counts || min <= 1) return keys;
  let n = 0;
  for (let i = 0; i < keys.length; i++) if (keys[i] === BIAS || (counts.get(keys[i]) ?? 0) >= min) n++;
  if (n === keys.length) return keys;
  const out = new Uint32Array(n);
  let j = 0;
  for (let i = 0; i < keys.length; i++) if (keys[i] === BIAS || (counts.get(keys[i]) ?? 0) >= min) out[j++] = keys[i];
  return out;
}

function countKeys(all: Iterable<Uint32Array>): Map<number, number> {
  const counts = new Map<number, number>();
  for (const keys of all) for (let i = 0; i < keys.length; i++) counts.set(keys[i], (counts.get(keys[i]) ?? 0) + 1);
  return counts;
}

function argmax(scores: ArrayLike<number>, offset: number, n: number): number {
  let best = 0;
  let bv = scores[offset];
  for (let l = 1; l < n; l++) {
    if (scores[offset + l] > bv) {
      bv = scores[offset + l];
      best = l;
    }
  }
  return best;
}

function labelIndexer(labels: string[]): Map<string, number> {
  return new Map(labels.map((l, i) => [l, i]));
}

// ---------------------------------------------------------------- multiclass

export interface ClassExample {
  features: FeatureList;
  label: string;
}

export class MulticlassPerceptron {
  readonly labels: string[];
  readonly table: WeightTable;
  meta: Record<string, unknown>;
  private readonly scratch: Float64Array;

  constructor(labels: string[], table: WeightTable, meta: Record<string, unknown> = {}) {
    this.labels = labels;
    this.table = table;
    this.meta = meta;
    this.scratch = new Float64Array(labels.length);
  }

  static train(examples: ClassExample[], opts: TrainOptions = {}): MulticlassPerceptron {
    const labels = [...new Set(examples.map((e) => e.label))].sort();
    const index = labelIndexer(labels);
    const L = labels.length;
    let data = examples.map((e) => ({ keys: toKeys(e.features), gold: index.get(e.label)! }));
    const min = opts.minFeatureCount ?? 1;
    if (min > 1) {
      const counts = countKeys(data.map((d) => d.keys));
      data = data.map((d) => ({ keys: filterKeys(d.keys, counts, min), gold: d.gold }));
    }
    const w = new TrainWeights(L);
    const scores = new Float64Array(L);
    const rand = seededRandom(opts.seed ?? 1);
    let t = 0;
    for (let epoch = 1; epoch <= (opts.epochs ?? 10); epoch++) {
      const t0 = performance.now();
      shuffleInPlace(data, rand);
      let errors = 0;
      for (const d of data) {
        t++;
        scores.fill(0);
        for (let i = 0; i < d.keys.length; i++) w.addTo(d.keys[i], scores);
        const guess = argmax(scores, 0, L);
        if (guess !== d.gold) {
          errors++;
          for (let i = 0; i < d.keys.length; i++) {
            w.update(d.keys[i], d.gold, 1, t);
            w.update(d.keys[i], guess, -1, t);
          }
        }
      }
      opts.onEpoch?.({ epoch, errors, total: data.length, features: w.size, ms: performance.now() - t0 });
    }
    return new MulticlassPerceptron(labels, w.freeze(t));
  }

  /** Scores of every label (index = position in `labels`); the array is reused between calls. */
  scores(features: FeatureList): Float64Array {
    const keys = toKeys(features);
    const s = this.scratch;
    s.fill(0);
    for (let i = 0; i < keys.length; i++) this.table.addTo(keys[i], s);
    return s;
  }

  predict(features: FeatureList): string {
    return this.labels[argmax(this.scores(features), 0, this.labels.length)];
  }

  save(path: string, quant: Quantisation = 'f32'): void {
    saveModelFile(path, { kind: 'multiclass', labels: this.labels, table: this.table, meta: this.meta }, quant);
  }

  static load(path: string): MulticlassPerceptron {
    const m = loadModelFile(path);
    if (m.kind !== 'multiclass') throw new Error(`${path}: a ${m.kind} model, not multiclass`);
    return new MulticlassPerceptron(m.labels, m.table, m.meta);
  }
}

// ---------------------------------------------------------------- sequence

export interface SequenceExample {
  /** Features per position. */
  features: readonly FeatureList[];
  /** Gold label per position (same length). */
  labels: readonly string[];
}

/** Feature key of the transition from label `prev` (index; `L` = sentence start). */
function transitionKey(prev: number): number {
  return hashString(`\u0001T${prev}`);
}

/**
 * First-order Viterbi. `emit` is n×L, `trans` is (L+1)×L (row L = start).
 * Writes the best path into `out`.
 */
/**
 * The current (training) scores of one sequence: `emit` (n × L) gets each position's summed key weights and
 * `trans` ((L + 1) × L) the transition weights of `tkeys` (one key per previous label, the last = sentence start).
 */
export function scoreSequence(
  w: TrainWeights,
  keys: readonly Uint32Array[],
  tkeys: readonly number[],
  n: number,
  L: number,
  emit: Float64Array,
  trans: Float64Array,
): void {
  emit.fill(0, 0, n * L);
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    for (let j = 0; j < k.length; j++) w.addTo(k[j], emit, i * L);
  }
  trans.fill(0);
  for (let p = 0; p < tkeys.length; p++) w.addTo(tkeys[p], trans, p * L);
}

export function viterbi(emit: ArrayLike<number>, trans: ArrayLike<number>, n: number, L: number, out: Int32Array): void {
  if (n === 0) return;
  const delta = new Float64Array(n * L);
  const back = new Int32Array(n * L);
  for (let l = 0; l < L; l++) delta[l] = emit[l] + trans[L * L + l];
  for (let i = 1; i < n; i++) {
    const base = i * L;
    const prevBase = base - L;
    for (let l = 0; l < L; l++) {
      let best = 0;
      let bv = Number.NEGATIVE_INFINITY;
      for (let p = 0; p < L; p++) {
        const v = delta[prevBase + p] + trans[p * L + l];
        if (v > bv) {
          bv = v;
          best = p;
        }
      }
      delta[base + l] = bv + emit[base + l];
      back[base + l] = best;
    }
  }
  backtrace(delta, back, n, L, out);
}

/** The best path from Viterbi's scores `delta` and back-pointers `back` (n×L), into `out`. */
export function backtrace(delta: Float64Array, back: Int32Array, n: number, L: number, out: Int32Array): void {
  let last = argmax(delta, (n - 1) * L, L);
  for (let i = n - 1; i >= 0; i--) {
    out[i] = last;
    last = back[i * L + last];
  }
}

export class SequencePerceptron {
  readonly labels: string[];
  readonly table: WeightTable;
  meta: Record<string, unknown>;
  /** (L+1)×L transition weights, row L = sentence start. */
  readonly transitions: Float64Array;
  private readonly index: Map<string, number>;

  constructor(labels: string[], table: WeightTable, meta: Record<string, unknown> = {}) {
    this.labels = labels;
    this.table = table;
    this.meta = meta;
    this.index = labelIndexer(labels);
    const L = labels.length;
    this.transitions = new Float64Array((L + 1) * L);
    for (let p = 0; p <= L; p++) table.addTo(transitionKey(p), this.transitions, p * L);
  }

  labelIndex(label: string): number {
    return this.index.get(label) ?? -1;
  }

  static train(examples: SequenceExample[], opts: TrainOptions = {}): SequencePerceptron {
    const labels = [...new Set(examples.flatMap((e) => e.labels))].sort();
    const index = labelIndexer(labels);
    const L = labels.length;
    let data = examples.map((e) => {
      if (e.features.length !== e.labels.length) throw new Error('SequencePerceptron.train: features and labels differ in length');
      return { keys: e.features.map((f) => toKeys(f)), gold: Int32Array.from(e.labels, (l) => index.get(l)!) };
    });
    const min = opts.minFeatureCount ?? 1;
    if (min > 1) {
      const counts = countKeys(data.flatMap((d) => d.keys));
      data = data.map((d) => ({ keys: d.keys.map((k) => filterKeys(k, counts, min)), gold: d.gold }));
    }
    const tkeys = Array.from({ length: L + 1 }, (_, p) => transitionKey(p));
    const w = new TrainWeights(L);
    const rand = seededRandom(opts.seed ?? 1);
    const trans = new Float64Array((L + 1) * L);
    let emit = new Float64Array(64 * L);
    let pred = new Int32Array(64);
    let t = 0;
    for (let epoch = 1; epoch <= (opts.epochs ?? 10); epoch++) {
      const t0 = performance.now();
      shuffleInPlace(data, rand);
      let errors = 0;
      let total = 0;
      for (const d of data) {
        const n = d.gold.length;
        if (n === 0) continue;
        t++;
        total += n;
        if (emit.length < n * L) emit = new Float64Array(n * L * 2);
        if (pred.length < n) pred = new Int32Array(n * 2);
        scoreSequence(w, d.keys, tkeys, n, L, emit, trans);
        viterbi(emit, trans, n, L, pred);
        for (let i = 0; i < n; i++) {
          const g = d.gold[i];
          const y = pred[i];
          if (g !== y) {
            errors++;
            const k = d.keys[i];
            for (let j = 0; j < k.length; j++) {
              w.update(k[j], g, 1, t);
              w.update(k[j], y, -1, t);
            }
          }
          const gp = i === 0 ? L : d.gold[i - 1];
          const yp = i === 0 ? L : pred[i - 1];
          if (gp !== yp || g !== y) {
            w.update(tkeys[gp], g, 1, t);
            w.update(tkeys[yp], y, -1, t);
          }
        }
      }
      opts.onEpoch?.({ epoch, errors, total, features: w.size, ms: performance.now() - t0 });
    }
    return new SequencePerceptron(labels, w.freeze(t));
  }

  /**
   * Fast path: features of all positions as one key array, position i owning
   * `keys[offsets[i] .. offsets[i+1])` (no bias added: include one if you
   * trained with string features, see `toKeys`). Returns label indices.
   */
  predictKeys(keys: Uint32Array, offsets: ArrayLike<number>, n: number, out = new Int32Array(n)): Int32Array {
    const L = this.labels.length;
    const emit = new Float64Array(n * L);
    const table = this.table;
    for (let i = 0; i < n; i++) {
      for (let j = offsets[i]; j < offsets[i + 1]; j++) table.addTo(keys[j], emit, i * L);
    }
    viterbi(emit, this.transitions, n, L, out);
    return out;
  }

  /** Labels of a sequence, given the features of each position. */
  predict(features: readonly FeatureList[]): string[] {
    const n = features.length;
    const per = features.map((f) => toKeys(f));
    const offsets = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i] + per[i].length;
    const keys = new Uint32Array(offsets[n]);
    for (let i = 0; i < n; i++) keys.set(per[i], offsets[i]);
    return Array.from(this.predictKeys(keys, offsets, n), (l) => this.labels[l]);
  }

  save(path: string, quant: Quantisation = 'f32'): void {
    saveModelFile(path, this.toModelFile(), quant);
  }

  toModelFile(): ModelFile {
    return { kind: 'sequence', labels: this.labels, table: this.table, meta: this.meta };
  }

  static fromModelFile(m: ModelFile): SequencePerceptron {
    if (m.kind !== 'sequence') throw new Error(`a ${m.kind} model, not sequence`);
    return new SequencePerceptron(m.labels, m.table, m.meta);
  }

  static load(path: string): SequencePerceptron {
    return SequencePerceptron.fromModelFile(loadModelFile(path));
  }
}

/** The bias key that `toKeys` appends (for callers using the key fast path). */
export const BIAS_KEY = BIAS;

// ---------------------------------------------------------------- ranking

export interface RankExample {
  /** Features of each candidate. */
  candidates: readonly FeatureList[];
  /** Index of the correct candidate. */
  gold: number;
}

export class RankingPerceptron {
  readonly table: WeightTable;
  meta: Record<string, unknown>;

  constructor(table: WeightTable, meta: Record<string, unknown> = {}) {
    this.table = table;
    this.meta = meta;
  }

  static train(examples: RankExample[], opts: TrainOptions = {}): RankingPerceptron {
    let data = examples
      .filter((e) => e.candidates.length > 1 && e.gold >= 0 && e.gold < e.candidates.length)
      .map((e) => ({ cands: e.candidates.map((c) => toKeys(c, false)), gold: e.gold }));
    const min = opts.minFeatureCount ?? 1;
    if (min > 1) {
      const counts = countKeys(data.flatMap((d) => d.cands));
      data = data.map((d) => ({ cands: d.cands.map((k) => filterKeys(k, counts, min)), gold: d.gold }));
    }
    const w = new TrainWeights(1);
    const rand = seededRandom(opts.seed ?? 1);
    const s = new Float64Array(1);
    let t = 0;
    for (let epoch = 1; epoch <= (opts.epochs ?? 10); epoch++) {
      const t0 = performance.now();
      shuffleInPlace(data, rand);
      let errors = 0;
      for (const d of data) {
        t++;
        let best = 0;
        let bv = Number.NEGATIVE_INFINITY;
        for (let c = 0; c < d.cands.length; c++) {
          s[0] = 0;
          const k = d.cands[c];
          for (let j = 0; j < k.length; j++) w.addTo(k[j], s);
          if (s[0] > bv) {
            bv = s[0];
            best = c;
          }
        }
        if (best !== d.gold) {
          errors++;
          for (const k of d.cands[d.gold]) w.update(k, 0, 1, t);
          for (const k of d.cands[best]) w.update(k, 0, -1, t);
        }
      }
      opts.onEpoch?.({ epoch, errors, total: data.length, features: w.size, ms: performance.now() - t0 });
    }
    return new RankingPerceptron(w.freeze(t));
  }

  /** Score of one candidate (keys fast path: no hashing). */
  scoreKeys(keys: ArrayLike<number>): number {
    let s = 0;
    for (let j = 0; j < keys.length; j++) s += this.table.get(keys[j], 0);
    return s;
  }

  score(features: FeatureList): number {
    return this.scoreKeys(toKeys(features, false));
  }

  /** Index of the best candidate (the first one on ties); -1 for none. */
  best(candidates: readonly FeatureList[]): number {
    let best = -1;
    let bv = Number.NEGATIVE_INFINITY;
    candidates.forEach((c, i) => {
      const v = this.score(c);
      if (v > bv) {
        bv = v;
        best = i;
      }
    });
    return best;
  }

  toModelFile(): ModelFile {
    return { kind: 'ranker', labels: ['score'], table: this.table, meta: this.meta };
  }

  save(path: string, quant: Quantisation = 'f32'): void {
    saveModelFile(path, this.toModelFile(), quant);
  }

  static fromModelFile(m: ModelFile): RankingPerceptron {
    if (m.kind !== 'ranker') throw new Error(`a ${m.kind} model, not ranker`);
    return new RankingPerceptron(m.table, m.meta);
  }

  static load(path: string): RankingPerceptron {
    return RankingPerceptron.fromModelFile(loadModelFile(path));
  }
}

/**
 * The mean of sequence models over the same labels, e.g. trained on different
 * shuffles (seeds 1..N): a steadier model. Its features are the union of
 * theirs, each weight the sum over the models divided by their number (a
 * model without the feature counts as 0), transitions included; the meta is
 * left empty. One model is returned as it is.
 */
export function averageSequenceModels(models: readonly SequencePerceptron[]): SequencePerceptron {
  if (models.length === 0) throw new Error('averageSequenceModels: no model');
  if (models.length === 1) return models[0];
  const labels = models[0].labels;
  for (const m of models)
    if (m.labels.length !== labels.length || m.labels.some((l, i) => l !== labels[i]))
      throw new Error('averageSequenceModels: the models have different labels');
  const merged = mergeTables(models.map((m) => m.table));
  for (let k = 0; k < merged.weights.length; k++) merged.weights[k] /= models.length;
  return new SequencePerceptron(labels, merged);
}
