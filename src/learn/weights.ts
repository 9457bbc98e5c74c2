/**
 * Weight storage for linear models over hashed features.
 *
 * `TrainWeights` grows while training and keeps what averaging needs (running
 * totals and last-update timestamps, the lazy averaging trick), so an update
 * costs O(1) whatever the number of instances. `freeze()` turns it into a
 * `WeightTable`: the averaged weights, compact and read-only, with an
 * open-addressing index from feature key to row.
 */

/** Read-only averaged weights: one row of `nLabels` floats per feature key. */
export class WeightTable {
  readonly nLabels: number;
  /** Feature key of each row. */
  readonly keys: Uint32Array;
  /** Row-major weights, `keys.length * nLabels`. */
  readonly weights: Float32Array;
  /** Open addressing, interleaved [key, row] pairs: one cache line per probe. */
  private readonly slots: Uint32Array;
  private readonly mask: number;

  constructor(nLabels: number, keys: Uint32Array, weights: Float32Array) {
    if (weights.length !== keys.length * nLabels) throw new Error('WeightTable: weights size does not match keys × labels');
    this.nLabels = nLabels;
    this.keys = keys;
    this.weights = weights;
    let cap = 16;
    while (cap < keys.length * 2) cap <<= 1;
    this.mask = cap - 1;
    const slots = new Uint32Array(cap * 2);
    for (let r = 0; r < keys.length; r++) {
      const k = keys[r];
      let s = k & this.mask;
      while (slots[2 * s] !== 0 && slots[2 * s] !== k) s = (s + 1) & this.mask;
      slots[2 * s] = k;
      slots[2 * s + 1] = r;
    }
    this.slots = slots;
  }

  /** Row of a feature key, or -1 when the feature has no weights. */
  rowOf(key: number): number {
    const mask = this.mask;
    const slots = this.slots;
    let s = key & mask;
    for (;;) {
      const k = slots[2 * s];
      if (k === key) return slots[2 * s + 1];
      if (k === 0) return -1;
      s = (s + 1) & mask;
    }
  }

  /** Adds the weights of `key` to `scores[offset .. offset + nLabels)`; returns false for an unknown key. */
  addTo(key: number, scores: Float32Array | Float64Array, offset = 0): boolean {
    const r = this.rowOf(key);
    if (r < 0) return false;
    const L = this.nLabels;
    const w = this.weights;
    const base = r * L;
    for (let l = 0; l < L; l++) scores[offset + l] += w[base + l];
    return true;
  }

  /** Weight of one (feature, label) pair; 0 when absent. */
  get(key: number, label: number): number {
    const r = this.rowOf(key);
    return r < 0 ? 0 : this.weights[r * this.nLabels + label];
  }
}

/** Growable weights with averaging state, for training only. */
export class TrainWeights {
  readonly nLabels: number;
  private rows = new Map<number, number>();
  private keyList: number[] = [];
  w: Float64Array;
  private totals: Float64Array;
  private stamps: Float64Array;

  constructor(nLabels: number, initialRows = 1024) {
    this.nLabels = nLabels;
    this.w = new Float64Array(initialRows * nLabels);
    this.totals = new Float64Array(initialRows * nLabels);
    this.stamps = new Float64Array(initialRows * nLabels);
  }

  get size(): number {
    return this.keyList.length;
  }

  /** Row of a key, or -1. */
  rowOf(key: number): number {
    return this.rows.get(key) ?? -1;
  }

  /** Row of a key, created (all zeros) when missing. */
  ensureRow(key: number): number {
    let r = this.rows.get(key);
    if (r !== undefined) return r;
    r = this.keyList.length;
    this.rows.set(key, r);
    this.keyList.push(key);
    const need = (r + 1) * this.nLabels;
    if (need > this.w.length) {
      const cap = Math.max(need, this.w.length * 2);
      const grow = (a: Float64Array): Float64Array => {
        const b = new Float64Array(cap);
        b.set(a);
        return b;
      };
      this.w = grow(this.w);
      this.totals = grow(this.totals);
      this.stamps = grow(this.stamps);
    }
    return r;
  }

  /** Adds the current (not averaged) weights of `key` to `scores`. */
  addTo(key: number, scores: Float64Array, offset = 0): void {
    const r = this.rows.get(key);
    if (r === undefined) return;
    const L = this.nLabels;
    const base = r * L;
    for (let l = 0; l < L; l++) scores[offset + l] += this.w[base + l];
  }

  /** w[key, label] += delta at time `t` (number of instances seen so far). */
  update(key: number, label: number, delta: number, t: number): void {
    const i = this.ensureRow(key) * this.nLabels + label;
    this.totals[i] += (t - this.stamps[i]) * this.w[i];
    this.stamps[i] = t;
    this.w[i] += delta;
  }

  /**
   * The averaged weights at time `t`, as a compact table. Weights with
   * |w| < `epsilon` become 0 and rows left all-zero are dropped.
   */
  freeze(t: number, epsilon = 1e-6): WeightTable {
    const L = this.nLabels;
    const n = this.keyList.length;
    const avg = new Float32Array(n * L);
    const keep: number[] = [];
    for (let r = 0; r < n; r++) {
      let any = false;
      for (let l = 0; l < L; l++) {
        const i = r * L + l;
        const total = this.totals[i] + (t - this.stamps[i]) * this.w[i];
        const v = t > 0 ? total / t : this.w[i];
        if (Math.abs(v) >= epsilon) {
          avg[i] = v;
          any = true;
        }
      }
      if (any) keep.push(r);
    }
    const keys = new Uint32Array(keep.length);
    const weights = new Float32Array(keep.length * L);
    keep.forEach((r, j) => {
      keys[j] = this.keyList[r];
      weights.set(avg.subarray(r * L, r * L + L), j * L);
    });
    return new WeightTable(L, keys, weights);
  }
}

/**
 * One table holding the rows of several (same label count). Use it to ship
 * models trained separately over disjoint feature sets as one; a key present
 * in several tables gets the sum of its rows.
 */
export function mergeTables(tables: WeightTable[]): WeightTable {
  if (tables.length === 0) throw new Error('mergeTables: no table');
  const L = tables[0].nLabels;
  const rows = new Map<number, Float32Array>();
  for (const t of tables) {
    if (t.nLabels !== L) throw new Error('mergeTables: label counts differ');
    for (let r = 0; r < t.keys.length; r++) {
      const k = t.keys[r];
      const w = t.weights.subarray(r * L, r * L + L);
      const have = rows.get(k);
      if (have) for (let l = 0; l < L; l++) have[l] += w[l];
      else rows.set(k, Float32Array.from(w));
    }
  }
  const keys = new Uint32Array(rows.size);
  const weights = new Float32Array(rows.size * L);
  let j = 0;
  for (const [k, w] of rows) {
    keys[j] = k;
    weights.set(w, j * L);
    j++;
  }
  return new WeightTable(L, keys, weights);
}

/**
 * One table whose rows put the rows of several tables side by side (label
 * counts add up; a key missing from a table gets zeros there): several models
 * over the same features then cost one lookup per key.
 */
export function concatTables(tables: readonly WeightTable[]): WeightTable {
  if (tables.length === 0) throw new Error('concatTables: no table');
  const width = tables.reduce((a, t) => a + t.nLabels, 0);
  const rowOf = new Map<number, number>();
  for (const t of tables) for (let r = 0; r < t.keys.length; r++) if (!rowOf.has(t.keys[r])) rowOf.set(t.keys[r], rowOf.size);
  const keys = new Uint32Array(rowOf.size);
  for (const [k, r] of rowOf) keys[r] = k;
  const weights = new Float32Array(rowOf.size * width);
  let col = 0;
  for (const t of tables) {
    const L = t.nLabels;
    for (let r = 0; r < t.keys.length; r++) {
      const to = rowOf.get(t.keys[r])! * width + col;
      for (let l = 0; l < L; l++) weights[to + l] = t.weights[r * L + l];
    }
    col += L;
  }
  return new WeightTable(width, keys, weights);
}
