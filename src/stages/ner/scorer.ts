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
 *
 * The position keys over small sets (gazetteer phrase × shape × sentence
 * start; the POS before, at and after the word) are summed once per context
 * and cached too, so only the word-pair keys are looked up per position. That
 * adds the weights in another order than `keysOf`, which changes nothing with
 * the shipped i16 models: their weights are multiples of one power of two
 * (per model) well within float64's precision, so every sum is exact whatever
 * the order (identical tags and entities over 1,000 ANT articles).
 */
import { BIAS_KEY, concatTables, type SequencePerceptron, type WeightTable } from '../../learn/index.ts';
import {
  MAX_NEIGHBOUR_KEYS,
  MAX_POSITION_KEYS,
  MAX_SHAPE_IDS,
  NEIGHBOUR_OFFSETS,
  neighbourKeys,
  PHRASE_CODES,
  pairKeys,
  phraseKeys,
  posContextKeys,
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
/** Most keys `pairKeys` gives a position. */
const MAX_PAIR_KEYS = 4;
/** Distinct POS signatures numbered for the POS context sums (beyond: keys looked up one by one). */
const MAX_POS_IDS = 1024;
/** Context sums kept at most before they start over (about 9 MB with two 9-label models). */
const MAX_CONTEXTS = 1 << 16;

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
  /**
   * Summed weights of the position keys over small sets (`phraseKeys`,
   * `posContextKeys`), one row of `width` per context met so far: the
   * phrase/shape contexts by number (`phraseAt`, -1 = not yet), the POS
   * contexts by their three POS numbers (`posAt`).
   */
  private ctxSums: Float64Array;
  private ctxUsed = 0;
  private readonly phraseAt = new Int32Array(MAX_SHAPE_IDS * PHRASE_CODES * 2).fill(-1);
  private readonly posAt = new Map<number, number>();
  /** POS signature hash -> small number (`posId`), and those of the sentence being scored. */
  private readonly posIds = new Map<number, number>();
  private pid = new Int32Array(256);
  /** The word-pair keys of the sentence being scored, and the row offset (position × width) of each. */
  private pairKeys = new Uint32Array(MAX_PAIR_KEYS * 256);
  private pairAt = new Int32Array(MAX_PAIR_KEYS * 256);
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
    this.ctxSums = new Float64Array(1024 * w);
    this.sums = new Float64Array(SLOTS * w);
    this.pad = new Float64Array(NEIGHBOUR_OFFSETS.length * w);
    NEIGHBOUR_OFFSETS.forEach((rel, k) => {
      const n = neighbourKeys(null, rel, this.scratch, 0);
      for (let j = 0; j < n; j++) this.table.addTo(this.scratch[j], this.pad, k * w);
    });
  }

  /** Small number of a POS signature hash (1 .. MAX_POS_IDS - 1), or -1 when they are all taken. */
  private posId(h: number): number {
    let id = this.posIds.get(h);
    if (id === undefined) {
      if (this.posIds.size >= MAX_POS_IDS - 1) return -1;
      id = this.posIds.size + 1;
      this.posIds.set(h, id);
    }
    return id;
  }

  /** Room in `ctxSums` for `count` more context sums; when it would pass `MAX_CONTEXTS`, every cached context sum is dropped. */
  private reserveContexts(count: number): void {
    const W = this.width;
    if ((this.ctxUsed + count) * W <= this.ctxSums.length) return;
    if (this.ctxUsed + count > MAX_CONTEXTS) {
      this.ctxUsed = 0;
      this.phraseAt.fill(-1);
      this.posAt.clear();
      if (count * W <= this.ctxSums.length) return;
    }
    const grown = new Float64Array(Math.max(this.ctxSums.length * 2, (this.ctxUsed + count) * W));
    grown.set(this.ctxSums.subarray(0, this.ctxUsed * W));
    this.ctxSums = grown;
  }

  /** Sums the weights of `scratch[0 .. len)` into a new context slot (room reserved); returns its offset. */
  private contextSum(len: number): number {
    const W = this.width;
    const off = this.ctxUsed * W;
    this.ctxUsed++;
    const sums = this.ctxSums;
    sums.fill(0, off, off + W);
    for (let j = 0; j < len; j++) this.table.addTo(this.scratch[j], sums, off);
    return off;
  }

  /** Adds the weights of `scratch[0 .. len)` to `out` from `base`. */
  private addKeys(len: number, out: Float64Array, base: number): void {
    for (let j = 0; j < len; j++) this.table.addTo(this.scratch[j], out, base);
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
    const { phrase, ph } = sf;
    // Small numbers of the POS signatures (1, 2, ...; 0 = sentence edge; -1 = too many to number).
    let pid: Int32Array | null = null;
    if (ph) {
      pid = this.pid.length >= n ? this.pid : (this.pid = new Int32Array(n * 2));
      for (let i = 0; i < n; i++) pid[i] = this.posId(ph[i]);
      // Room for this sentence's new contexts (at most one per position and two sums each).
      this.reserveContexts(2 * n);
    } else this.reserveContexts(n);
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
      // The keys over small sets (gazetteer phrase × shape × first; POS before, at and after): summed once per context.
      const w = info[i];
      const sums = this.ctxSums;
      if (w.shp >= 0) {
        const c = (w.shp * PHRASE_CODES + phrase[i]) * 2 + (i === 0 ? 1 : 0);
        let off = this.phraseAt[c];
        if (off < 0) off = this.phraseAt[c] = this.contextSum(phraseKeys(phrase[i], w.hsh, i === 0, scratch, 0));
        for (let l = 0; l < W; l++) out[base + l] += sums[off + l];
      } else this.addKeys(phraseKeys(phrase[i], w.hsh, i === 0, scratch, 0), out, base);
      if (ph && pid) {
        const a = i > 0 ? pid[i - 1] : 0;
        const c = i + 1 < n ? pid[i + 1] : 0;
        let off = -1;
        if (a >= 0 && pid[i] >= 0 && c >= 0) {
          const ctx = (a * MAX_POS_IDS + pid[i]) * MAX_POS_IDS + c;
          off = this.posAt.get(ctx) ?? -1;
          if (off < 0) {
            off = this.contextSum(posContextKeys(i > 0 ? ph[i - 1] : null, ph[i], i + 1 < n ? ph[i + 1] : null, scratch, 0));
            this.posAt.set(ctx, off);
          }
        }
        if (off >= 0) for (let l = 0; l < W; l++) out[base + l] += sums[off + l];
        else this.addKeys(posContextKeys(i > 0 ? ph[i - 1] : null, ph[i], i + 1 < n ? ph[i + 1] : null, scratch, 0), out, base);
      }
    }
    // The word-pair keys of the whole sentence (sparse: most are absent, the bit set says so), then the bit set, then
    // the table, each in a loop of its own: the loads are independent, so their cache misses overlap.
    if (this.pairKeys.length < MAX_PAIR_KEYS * n) {
      this.pairKeys = new Uint32Array(2 * MAX_PAIR_KEYS * n);
      this.pairAt = new Int32Array(2 * MAX_PAIR_KEYS * n);
    }
    const keys = this.pairKeys;
    const where = this.pairAt;
    let m = 0;
    for (let i = 0; i < n; i++) {
      const len = pairKeys(sf, i, keys, m);
      for (let j = m; j < len; j++) where[j] = i * W;
      m = len;
    }
    let kept = 0;
    for (let j = 0; j < m; j++) {
      const key = keys[j];
      const b = key >>> shift;
      keys[kept] = key;
      where[kept] = where[j];
      kept += (present[b >>> 5] >>> (b & 31)) & 1;
    }
    for (let j = 0; j < kept; j++) {
      // Inline of table.addTo, monomorphic (Float64Array out).
      const r = table.rowOf(keys[j]);
      if (r < 0) continue;
      const from = r * W;
      const base = where[j];
      for (let l = 0; l < W; l++) out[base + l] += weights[from + l];
    }
    return out;
  }

  /** Model `m`'s summed stacked-context weights (one row of its labels per `stackIndex`; NaN = not yet summed). */
  private stackSumsOf(m: number): Float64Array {
    let sums = this.stackSums[m];
    if (!sums) {
      sums = new Float64Array(STACK_CONTEXTS * this.models[m].labels.length).fill(Number.NaN);
      this.stackSums[m] = sums;
    }
    return sums;
  }

  /** The offset in `sums` of stacked context `index`, its weights summed on first use. */
  private stackSum(m: number, sums: Float64Array, index: number): number {
    const model = this.models[m];
    const L = model.labels.length;
    const c = index * L;
    if (Number.isNaN(sums[c])) {
      sums.fill(0, c, c + L);
      const len = stackKeysOf(index, this.scratch, 0);
      for (let k = 0; k < len; k++) model.table.addTo(this.scratch[k], sums, c);
    }
    return c;
  }

  /**
   * `modelEmissions` with the second-stage contexts given as their
   * `stackIndex` per position (`stack[0 .. n)`).
   */
  stackedEmissions(all: Float64Array, n: number, m: number, stack: Int32Array, out: Float64Array): Float64Array {
    const model = this.models[m];
    const L = model.labels.length;
    const W = this.width;
    const col = this.columns[m];
    const sums = this.stackSumsOf(m);
    for (let i = 0; i < n; i++) {
      const c = this.stackSum(m, sums, stack[i]);
      const from = i * W + col;
      const to = i * L;
      // As modelEmissions: the base score, then the stacked sum.
      for (let l = 0; l < L; l++) out[to + l] = all[from + l] + sums[c + l];
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
      const sums = this.stackSumsOf(m);
      for (let i = 0; i < n; i++) {
        const c = this.stackSum(m, sums, stackIndex(stack, i, n));
        for (let l = 0; l < L; l++) out[i * L + l] += sums[c + l];
      }
    }
    return out;
  }
}
