/**
 * A long short-term memory layer (Hochreiter & Schmidhuber 1997, with forget
 * gates), run over a whole sequence in one direction, with backpropagation
 * through time; and Adam (Kingma & Ba 2015) for dense and row-sparse
 * parameters. Two layers, one run forwards and one backwards, make the
 * bidirectional encoder of a sequence tagger (Graves & Schmidhuber 2005;
 * Plank et al. 2016).
 *
 * Gate rows are laid out [input, forget, cell, output], H rows each. The input
 * projection `Wx · x` depends only on the input, so a caller whose inputs
 * repeat (a word's features) can compute it once (`projectInput`) and pass it
 * to `forward` instead of the inputs.
 */
import type { Tensor } from './tensor-file.ts';

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** W[row … row + n) · v in four running sums (independent adds: faster in V8). */
function dot4(W: Float64Array, row: number, v: ArrayLike<number>, n: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let d = 0;
  for (; d + 3 < n; d += 4) {
    s0 += W[row + d] * v[d];
    s1 += W[row + d + 1] * v[d + 1];
    s2 += W[row + d + 2] * v[d + 2];
    s3 += W[row + d + 3] * v[d + 3];
  }
  for (; d < n; d++) s0 += W[row + d] * v[d];
  return s0 + s1 + s2 + s3;
}

export class Lstm {
  readonly gWx: Float32Array;
  readonly gWh: Float32Array;
  readonly gb: Float32Array;
  /** Per position of the last forward pass: gate activations (4H), cell (H), tanh(cell) (H), output (H). */
  private act = new Float32Array(0);
  private cell = new Float32Array(0);
  private tcell = new Float32Array(0);
  h = new Float32Array(0);
  private readonly da: Float32Array;
  private readonly dhRec: Float32Array;
  private readonly dcRec: Float32Array;
  private readonly zero: Float32Array;
  /** Float64 copies of Wh and b for decoding (`freeze`); null while training. */
  private frozen: {
    Wx: Float64Array;
    Wh: Float64Array;
    b: Float64Array;
    a: Float64Array;
    c: Float64Array;
    h: Float64Array;
  } | null = null;

  constructor(
    readonly inputs: number,
    readonly hidden: number,
    readonly Wx: Float32Array = new Float32Array(4 * hidden * inputs),
    readonly Wh: Float32Array = new Float32Array(4 * hidden * hidden),
    readonly b: Float32Array = new Float32Array(4 * hidden),
  ) {
    if (Wx.length !== 4 * hidden * inputs || Wh.length !== 4 * hidden * hidden || b.length !== 4 * hidden)
      throw new Error('lstm: weight shapes do not match');
    this.gWx = new Float32Array(Wx.length);
    this.gWh = new Float32Array(Wh.length);
    this.gb = new Float32Array(b.length);
    this.da = new Float32Array(4 * hidden);
    this.dhRec = new Float32Array(hidden);
    this.dcRec = new Float32Array(hidden);
    this.zero = new Float32Array(hidden);
  }

  /** Glorot-uniform weights from `rand`, forget-gate bias 1 (Jozefowicz et al. 2015). */
  init(rand: () => number): this {
    const H = this.hidden;
    const ax = Math.sqrt(6 / (this.inputs + H));
    for (let i = 0; i < this.Wx.length; i++) this.Wx[i] = (rand() * 2 - 1) * ax;
    const ah = Math.sqrt(6 / (2 * H));
    for (let i = 0; i < this.Wh.length; i++) this.Wh[i] = (rand() * 2 - 1) * ah;
    this.b.fill(0);
    this.b.fill(1, H, 2 * H);
    return this;
  }

  /**
   * Takes float64 copies of the weights for decoding (`forward` from projected
   * inputs, `projectInput`, the `…Frozen` steps): about three times faster in
   * V8 than float32 reads. Call again after the weights change.
   */
  freeze(): this {
    const H = this.hidden;
    this.frozen = {
      Wx: Float64Array.from(this.Wx),
      Wh: Float64Array.from(this.Wh),
      b: Float64Array.from(this.b),
      a: new Float64Array(4 * H),
      c: new Float64Array(H),
      h: new Float64Array(H),
    };
    return this;
  }

  /** out[0 .. 4H) += Wx[:, offset .. offset + v.length) · v (a block of the input). */
  projectInput(offset: number, v: ArrayLike<number>, out: Float32Array, at = 0): void {
    const D = this.inputs;
    const n = v.length;
    const G = 4 * this.hidden;
    const f = this.frozen;
    if (f) {
      const W = f.Wx;
      for (let k = 0; k < G; k++) out[at + k] += dot4(W, k * D + offset, v, n);
      return;
    }
    for (let k = 0; k < G; k++) {
      let s = 0;
      const row = k * D + offset;
      for (let d = 0; d < n; d++) s += this.Wx[row + d] * v[d];
      out[at + k] += s;
    }
  }

  /** out[0 .. 4H) += column `index` of Wx (a one-hot input). */
  column(index: number, out: Float32Array, at = 0): void {
    const D = this.inputs;
    const G = 4 * this.hidden;
    for (let k = 0; k < G; k++) out[at + k] += this.Wx[k * D + index];
  }

  private reserve(n: number): void {
    const H = this.hidden;
    if (this.cell.length >= n * H) return;
    const cap = Math.max(n, 2 * (this.cell.length / H) || 64);
    this.act = new Float32Array(cap * 4 * H);
    this.cell = new Float32Array(cap * H);
    this.tcell = new Float32Array(cap * H);
    this.h = new Float32Array(cap * H);
  }

  /**
   * Runs over n positions (backwards when `reverse`), from the inputs `xs`
   * (n × inputs) or, with `projected`, from their input projections
   * (n × 4H, bias not included). Returns the outputs, n × H in position order
   * (a view valid until the next call).
   */
  forward(xs: Float32Array | null, n: number, reverse: boolean, projected: Float32Array | null = null): Float32Array {
    if (projected && this.frozen) return this.forwardFrozen(n, reverse, projected);
    const H = this.hidden;
    const D = this.inputs;
    const G = 4 * H;
    this.reserve(n);
    const { Wx, Wh, b, act, cell, tcell, h } = this;
    for (let s = 0; s < n; s++) {
      const t = reverse ? n - 1 - s : s;
      const p = s === 0 ? -1 : reverse ? t + 1 : t - 1;
      const a = t * G;
      for (let k = 0; k < G; k++) {
        let v = b[k];
        if (projected) v += projected[a + k];
        else if (xs) {
          const row = k * D;
          const x0 = t * D;
          for (let d = 0; d < D; d++) v += Wx[row + d] * xs[x0 + d];
        }
        if (p >= 0) {
          const row = k * H;
          const h0 = p * H;
          for (let u = 0; u < H; u++) v += Wh[row + u] * h[h0 + u];
        }
        act[a + k] = v;
      }
      for (let u = 0; u < H; u++) {
        const i = sigmoid(act[a + u]);
        const f = sigmoid(act[a + H + u]);
        const g = Math.tanh(act[a + 2 * H + u]);
        const o = sigmoid(act[a + 3 * H + u]);
        act[a + u] = i;
        act[a + H + u] = f;
        act[a + 2 * H + u] = g;
        act[a + 3 * H + u] = o;
        const c = i * g + (p >= 0 ? f * cell[p * H + u] : 0);
        const tc = Math.tanh(c);
        cell[t * H + u] = c;
        tcell[t * H + u] = tc;
        h[t * H + u] = o * tc;
      }
    }
    return h.subarray(0, n * H);
  }

  /**
   * One step with the frozen weights: gate pre-activations `pre` (4H, bias
   * and recurrent term included; overwritten) and the previous cell state
   * (null = empty) give the new cell state and output.
   */
  stepFrozen(pre: Float64Array, cPrev: ArrayLike<number> | null, cOut: Float64Array, hOut: Float64Array): void {
    const H = this.hidden;
    for (let u = 0; u < H; u++) {
      const i = 1 / (1 + Math.exp(-pre[u]));
      const g = Math.tanh(pre[2 * H + u]);
      const o = 1 / (1 + Math.exp(-pre[3 * H + u]));
      const c = cPrev ? (1 / (1 + Math.exp(-pre[H + u]))) * cPrev[u] + i * g : i * g;
      cOut[u] = c;
      hOut[u] = o * Math.tanh(c);
    }
  }

  /** out = Wh · h + b with the frozen weights (the next step's pre-activation before its input). */
  recurrentFrozen(h: ArrayLike<number>, out: Float64Array, at = 0): void {
    const H = this.hidden;
    const f = this.frozen;
    if (!f) throw new Error('lstm: freeze() first');
    const { Wh, b } = f;
    for (let k = 0; k < 4 * H; k++) {
      const row = k * H;
      let v = b[k];
      for (let u = 0; u < H; u++) v += Wh[row + u] * h[u];
      out[at + k] = v;
    }
  }

  /** The frozen bias (pre-activation of a first step before its input). */
  get frozenBias(): Float64Array {
    if (!this.frozen) throw new Error('lstm: freeze() first');
    return this.frozen.b;
  }

  /** `forward` from projected inputs with the frozen float64 weights (decoding; no state kept for `backward`). */
  private forwardFrozen(n: number, reverse: boolean, projected: Float32Array): Float32Array {
    const H = this.hidden;
    const G = 4 * H;
    this.reserve(n);
    const f = this.frozen as NonNullable<Lstm['frozen']>;
    const { Wh, b, a, c } = f;
    const hp = f.h;
    const h = this.h;
    c.fill(0);
    hp.fill(0);
    for (let s = 0; s < n; s++) {
      const t = reverse ? n - 1 - s : s;
      const p0 = t * G;
      if (s === 0) for (let k = 0; k < G; k++) a[k] = b[k] + projected[p0 + k];
      else {
        for (let k = 0; k < G; k++) a[k] = b[k] + projected[p0 + k] + dot4(Wh, k * H, hp, H);
      }
      const h0 = t * H;
      for (let u = 0; u < H; u++) {
        const i = 1 / (1 + Math.exp(-a[u]));
        const fg = 1 / (1 + Math.exp(-a[H + u]));
        const g = Math.tanh(a[2 * H + u]);
        const o = 1 / (1 + Math.exp(-a[3 * H + u]));
        const cv = fg * c[u] + i * g;
        c[u] = cv;
        const hv = o * Math.tanh(cv);
        hp[u] = hv;
        h[h0 + u] = hv;
      }
    }
    return h.subarray(0, n * H);
  }

  /**
   * Backpropagation through time after `forward(xs, n, reverse)`: `dh` is the
   * loss gradient with respect to the outputs (n × H). Adds the weight
   * gradients to gWx, gWh, gb and, when `dx` is given, the input gradient of
   * columns `dxFrom` and up to dx (n × inputs).
   */
  backward(xs: Float32Array, n: number, reverse: boolean, dh: Float32Array, dx: Float32Array | null = null, dxFrom = 0): void {
    const H = this.hidden;
    const D = this.inputs;
    const G = 4 * H;
    const { Wx, Wh, act, cell, tcell, h, gWx, gWh, gb, da, dhRec, dcRec } = this;
    dhRec.fill(0);
    dcRec.fill(0);
    for (let s = n - 1; s >= 0; s--) {
      const t = reverse ? n - 1 - s : s;
      const p = s === 0 ? -1 : reverse ? t + 1 : t - 1;
      const a = t * G;
      for (let u = 0; u < H; u++) {
        const i = act[a + u];
        const f = act[a + H + u];
        const g = act[a + 2 * H + u];
        const o = act[a + 3 * H + u];
        const tc = tcell[t * H + u];
        const dht = dh[t * H + u] + dhRec[u];
        const dc = dht * o * (1 - tc * tc) + dcRec[u];
        const cp = p >= 0 ? cell[p * H + u] : 0;
        da[u] = dc * g * i * (1 - i);
        da[H + u] = dc * cp * f * (1 - f);
        da[2 * H + u] = dc * i * (1 - g * g);
        da[3 * H + u] = dht * tc * o * (1 - o);
        dcRec[u] = dc * f;
      }
      const hp = p >= 0 ? h.subarray(p * H, p * H + H) : this.zero;
      dhRec.fill(0);
      const x0 = t * D;
      for (let k = 0; k < G; k++) {
        const g = da[k];
        if (g === 0) continue;
        gb[k] += g;
        const rx = k * D;
        for (let d = 0; d < D; d++) gWx[rx + d] += g * xs[x0 + d];
        if (dx) for (let d = dxFrom; d < D; d++) dx[x0 + d] += Wx[rx + d] * g;
        if (p >= 0) {
          const rh = k * H;
          for (let u = 0; u < H; u++) {
            gWh[rh + u] += g * hp[u];
            dhRec[u] += Wh[rh + u] * g;
          }
        }
      }
    }
  }

  tensors(prefix = ''): Record<string, Tensor> {
    const H = this.hidden;
    return {
      [`${prefix}Wx`]: { shape: [4 * H, this.inputs], data: this.Wx },
      [`${prefix}Wh`]: { shape: [4 * H, H], data: this.Wh },
      [`${prefix}b`]: { shape: [4 * H], data: this.b },
    };
  }

  static fromTensors(t: Record<string, Tensor>, prefix = ''): Lstm {
    const Wx = t[`${prefix}Wx`];
    const Wh = t[`${prefix}Wh`];
    const b = t[`${prefix}b`];
    if (!Wx || !Wh || !b) throw new Error(`lstm: tensors ${prefix}Wx/Wh/b missing`);
    return new Lstm(Wx.shape[1], Wh.shape[1], Wx.data, Wh.data, b.data);
  }
}

/**
 * Adam over dense parameters (each with its gradient array, cleared after the
 * step) and over row-sparse ones (embedding tables: only the rows given are
 * updated, "lazy Adam").
 */
export class Adam {
  private t = 0;
  private readonly state = new Map<Float32Array, { m: Float32Array; v: Float32Array }>();

  constructor(
    public lr = 0.001,
    readonly beta1 = 0.9,
    readonly beta2 = 0.999,
    readonly eps = 1e-8,
  ) {}

  private moments(w: Float32Array): { m: Float32Array; v: Float32Array } {
    let s = this.state.get(w);
    if (!s) {
      s = { m: new Float32Array(w.length), v: new Float32Array(w.length) };
      this.state.set(w, s);
    }
    return s;
  }

  /** Starts a step: the bias corrections of step t + 1. */
  begin(): void {
    this.t++;
  }

  private update(w: Float32Array, g: Float32Array, from: number, to: number, gOffset: number, scale: number): void {
    const { m, v } = this.moments(w);
    const { beta1: b1, beta2: b2, eps } = this;
    const c1 = 1 - b1 ** this.t;
    const c2 = 1 - b2 ** this.t;
    const lr = (this.lr * Math.sqrt(c2)) / c1;
    for (let i = from; i < to; i++) {
      const gi = g[gOffset + i - from] * scale;
      const mi = b1 * m[i] + (1 - b1) * gi;
      const vi = b2 * v[i] + (1 - b2) * gi * gi;
      m[i] = mi;
      v[i] = vi;
      w[i] -= (lr * mi) / (Math.sqrt(vi) + eps);
    }
  }

  /** Dense step of w by g (scaled), then g cleared. */
  dense(w: Float32Array, g: Float32Array, scale = 1): void {
    this.update(w, g, 0, w.length, 0, scale);
    g.fill(0);
  }

  /** Row step: w[row × width …) by grad (width values, scaled). */
  row(w: Float32Array, row: number, width: number, grad: Float32Array, scale = 1): void {
    this.update(w, grad, row * width, row * width + width, 0, scale);
  }
}
