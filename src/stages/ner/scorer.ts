/**
 * Emission scores of the NER sequence models without building feature keys.
 *
 * Most NER features are about one word at a fixed offset from the position
 * (the word's own keys, and `neighbourKeys` of the words at ±1, ±2). Their
 * summed weights are the same wherever the word occurs, so they are looked up
 * once per (word, offset) and cached; a position's emission is then five
 * cached vectors plus the few keys that depend on several words
 * (`positionKeys`, and the stacked keys of the second stage). The models'
 * tables are put side by side (`concatTables`), so the two stages cost one
 * lookup per key. Same scores as summing the weights of `keysOf(...)`, up to
 * float rounding (the per-word sums are kept as float32); most word-pair keys
 * of new text are absent from the table, and a bit set answers that without
 * touching it.
 */
import { BIAS_KEY, concatTables, type SequencePerceptron, type WeightTable } from '../../learn/index.ts';
import {
  MAX_NEIGHBOUR_KEYS,
  MAX_POSITION_KEYS,
  NEIGHBOUR_OFFSETS,
  neighbourKeys,
  positionKeys,
  type SentenceFeatures,
  STACK_CONTEXTS,
  type StackedContext,
  stackIndex,
  stackKeysOf,
  type WordInfo,
} from './features.ts';

/** Slots of a word's cached vector: 0 = its own keys + bias, then one per offset of `NEIGHBOUR_OFFSETS`. */
const SLOTS = NEIGHBOUR_OFFSETS.length + 1;
/** Words the arena holds at most before it starts over (about 23 MB with two 9-label models). */
const MAX_WORDS = 1 << 16;

let scorers = 0;

export class EmissionScorer {
  /** Marks the words whose cached sums this scorer holds (a number, so words do not keep old scorers alive). */
  private readonly id = ++scorers;
  readonly models: readonly SequencePerceptron[];
  /** Column of each model's labels in a row of the joint table. */
  readonly columns: readonly number[];
  /** Labels of all models together. */
  readonly width: number;
  private readonly table: WeightTable;
  /**
   * Per word: SLOTS × width summed weights, in one arena (no object per word;
   * neighbouring words' sums are read together). When it is full, it starts
   * over (a new epoch invalidates every word's offset).
   */
  private arena: Float32Array;
  private used = 0;
  private epoch = 1;
  /** Offsets of the words whose own slot another scorer holds. */
  private others = new WeakMap<WordInfo, number>();
  /** Per offset of `NEIGHBOUR_OFFSETS`: the weights of the padding neighbour (beyond the sentence edge). */
  private readonly pad: Float64Array;
  private readonly scratch = new Uint32Array(MAX_NEIGHBOUR_KEYS + MAX_POSITION_KEYS + 8);
  /** One word's sums while they are computed. */
  private readonly sums: Float64Array;
  /** Per model: the summed stacked-key weights of every `stackIndex` (NaN = not yet computed). */
  private readonly stackSums: (Float64Array | null)[] = [];
  /** Arena offsets of the words of the sentence being scored. */
  private at = new Int32Array(256);
  /**
   * One bit per (high bits of a) key the table holds: most word-pair keys of
   * new text are absent, and this small bit set (fits in a core's cache) says
   * so without touching the table.
   */
  private readonly present: Int32Array;
  private readonly presentShift: number;

  /** `models` are scored together (e.g. both stages of the tagger, which share their base features). */
  constructor(models: readonly SequencePerceptron[]) {
    if (models.length === 0) throw new Error('EmissionScorer: no model');
    this.models = models;
    const cols: number[] = [];
    let w = 0;
    for (const m of models) {
      cols.push(w);
      w += m.labels.length;
    }
    this.columns = cols;
    this.width = w;
    this.table = models.length === 1 ? models[0].table : concatTables(models.map((m) => m.table));
    let bits = 1 << 16;
    while (bits < this.table.keys.length * 16 && bits < 1 << 24) bits <<= 1;
    this.presentShift = 32 - Math.log2(bits);
    this.present = new Int32Array(bits >>> 5);
    for (const k of this.table.keys) {
      const b = k >>> this.presentShift;
      this.present[b >>> 5] |= 1 << (b & 31);
    }
    this.arena = new Float32Array(1024 * SLOTS * w);
    this.sums = new Float64Array(SLOTS * w);
    this.pad = new Float64Array(NEIGHBOUR_OFFSETS.length * w);
    NEIGHBOUR_OFFSETS.forEach((rel, k) => {
      const n = neighbourKeys(null, rel, this.scratch, 0);
      for (let j = 0; j < n; j++) this.table.addTo(this.scratch[j], this.pad, k * w);
    });
  }

  /** Room in the arena for `words` more words: grows up to `MAX_WORDS`, then starts over. */
  private reserve(words: number): void {
    const size = SLOTS * this.width;
    if ((this.used + words) * size <= this.arena.length) return;
    if (this.arena.length < MAX_WORDS * size) {
      const grown = new Float32Array(Math.max(this.arena.length * 2, (this.used + words) * size));
      grown.set(this.arena);
      this.arena = grown;
      return;
    }
    this.used = 0;
    this.epoch++;
    this.others = new WeakMap();
    if (words * size > this.arena.length) this.arena = new Float32Array(words * size);
  }

  /** Arena offset of a word's sums (computed on first use in the epoch). */
  private wordOffset(w: WordInfo): number {
    if (w.vecOwner === this.id) {
      if (w.vecEpoch === this.epoch) return w.vecAt;
    } else if (w.vecOwner !== 0) {
      const at = this.others.get(w);
      if (at !== undefined) return at;
    }
    const W = this.width;
    const table = this.table;
    const at = this.used * SLOTS * W;
    this.used++;
    const v = this.sums;
    v.fill(0);
    for (let j = 0; j < w.own.length; j++) table.addTo(w.own[j], v, 0);
    table.addTo(BIAS_KEY, v, 0);
    for (let k = 0; k < NEIGHBOUR_OFFSETS.length; k++) {
      const n = neighbourKeys(w, NEIGHBOUR_OFFSETS[k], this.scratch, 0);
      for (let j = 0; j < n; j++) table.addTo(this.scratch[j], v, (k + 1) * W);
    }
    this.arena.set(v, at);
    // The word's own slot when free or stale (the usual case: one tagger), else the side table.
    if (w.vecOwner === 0 || w.vecOwner === this.id) {
      w.vecOwner = this.id;
      w.vecEpoch = this.epoch;
      w.vecAt = at;
    } else this.others.set(w, at);
    return at;
  }

  /** Base emission scores of a sentence for all models, n × width (row i: each model's labels at its column). */
  emissions(sf: SentenceFeatures, out: Float64Array = new Float64Array(sf.n * this.width)): Float64Array {
    const { n, info } = sf;
    const W = this.width;
    const table = this.table;
    const scratch = this.scratch;
    const pad = this.pad;
    const weights = table.weights;
    const present = this.present;
    const shift = this.presentShift;
    this.reserve(n);
    const at = this.at.length >= n ? this.at : (this.at = new Int32Array(n * 2));
    for (let i = 0; i < n; i++) at[i] = this.wordOffset(info[i]);
    const arena = this.arena;
    for (let i = 0; i < n; i++) {
      const base = i * W;
      if (i >= 2 && i + 2 < n) {
        // Inside the sentence: the five sums in one pass (NEIGHBOUR_OFFSETS = -2, -1, +1, +2).
        const a0 = at[i];
        const a1 = at[i - 2] + W;
        const a2 = at[i - 1] + 2 * W;
        const a3 = at[i + 1] + 3 * W;
        const a4 = at[i + 2] + 4 * W;
        for (let l = 0; l < W; l++) out[base + l] = arena[a0 + l] + arena[a1 + l] + arena[a2 + l] + arena[a3 + l] + arena[a4 + l];
      } else {
        const own = at[i];
        for (let l = 0; l < W; l++) out[base + l] = arena[own + l];
        for (let k = 0; k < NEIGHBOUR_OFFSETS.length; k++) {
          const j = i + NEIGHBOUR_OFFSETS[k];
          if (j >= 0 && j < n) {
            const off = at[j] + (k + 1) * W;
            for (let l = 0; l < W; l++) out[base + l] += arena[off + l];
          } else {
            const off = k * W;
            for (let l = 0; l < W; l++) out[base + l] += pad[off + l];
          }
        }
      }
      const len = positionKeys(sf, i, scratch, 0);
      for (let j = 0; j < len; j++) {
        const key = scratch[j];
        const b = key >>> shift;
        if ((present[b >>> 5] & (1 << (b & 31))) === 0) continue;
        // Inline of table.addTo, monomorphic (Float64Array out).
        const r = table.rowOf(key);
        if (r < 0) continue;
        const from = r * W;
        for (let l = 0; l < W; l++) out[base + l] += weights[from + l];
      }
    }
    return out;
  }

  /**
   * The emission scores (n × L) of model `m` from the joint `all`, plus the
   * second-stage keys of `stack` when given (looked up in that model's table).
   */
  modelEmissions(all: Float64Array, n: number, m: number, stack: StackedContext | null, out: Float64Array): Float64Array {
    const model = this.models[m];
    const L = model.labels.length;
    const W = this.width;
    const col = this.columns[m];
    for (let i = 0; i < n; i++) for (let l = 0; l < L; l++) out[i * L + l] = all[i * W + col + l];
    if (stack) {
      // The weights of each of the few stacked contexts, summed once (lazily).
      let sums = this.stackSums[m];
      if (!sums) {
        sums = new Float64Array(STACK_CONTEXTS * L).fill(Number.NaN);
        this.stackSums[m] = sums;
      }
      const scratch = this.scratch;
      for (let i = 0; i < n; i++) {
        const c = stackIndex(stack, i, n) * L;
        if (Number.isNaN(sums[c])) {
          sums.fill(0, c, c + L);
          const len = stackKeysOf(c / L, scratch, 0);
          for (let j = 0; j < len; j++) model.table.addTo(scratch[j], sums, c);
        }
        for (let l = 0; l < L; l++) out[i * L + l] += sums[c + l];
      }
    }
    return out;
  }
}
