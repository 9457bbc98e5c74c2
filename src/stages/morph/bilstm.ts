/**
 * A bidirectional LSTM over the syntactic words of a sentence (Plank et al.
 * 2016), added like the window networks (`neural.ts`) to the perceptron's
 * emission scores: its log-probabilities times a weight tuned on PADT dev.
 * Where the window networks see ±2 words, it sees the whole sentence.
 *
 * Input of a word: its pretrained skip-gram vector (fixed), a "has a vector"
 * flag, a learnt 32-dimensional embedding of its form, its role (proclitic,
 * stem, enclitic), learnt embeddings of its suffixes 1–4 and prefixes 1–3, its
 * place in its surface token. Two LSTM layers (`src/learn/lstm.ts`), one per
 * direction; softmax over the tags of the two outputs. Adam, dropout on the
 * inputs and on the outputs, deterministic (seeded).
 *
 * Decoding caches each form's input projection (both directions), so a word
 * costs the two recurrences and the output layer.
 */
import { GenerationalCache } from '../../core/cache.ts';
import { hashString } from '../../learn/hash.ts';
import { Adam, Lstm } from '../../learn/lstm.ts';
import { seededRandom, shuffleInPlace } from '../../learn/random.ts';
import { loadTensorFile, saveTensorFile } from '../../learn/tensor-file.ts';
import { addWeighted, gateMask, LabelMap, vocabulary } from './experts.ts';
import { affixes, copyVector, roleOf, vectorData, vectorKey, type WordVectors } from './neural.ts';
import type { TagWord } from './tagger.ts';

export const BILSTM_KIND = 'khabar-pos-bilstm';

const WD = 32;
const AD = 16;
const NAFF = 7;
const ROLE_UNK = 3;
const AFF_UNK = 7;
const CACHE_FORMS = 32_000;

export interface BiLstmOptions {
  hidden?: number;
  epochs?: number;
  lr?: number;
  /** Dropout on the inputs and on the LSTM outputs. */
  dropIn?: number;
  dropOut?: number;
  /** A training word's form embedding is replaced by its role's unknown one with this probability. */
  wordDrop?: number;
  seed?: number;
  clip?: number;
  onEpoch?: (e: { epoch: number; loss: number; ms: number; model: BiLstmTagger }) => void;
}

export const BILSTM_DEFAULTS = {
  hidden: 32,
  epochs: 4,
  lr: 0.002,
  dropIn: 0.2,
  dropOut: 0.3,
  wordDrop: 0.05,
  seed: 1,
  clip: 5,
} as const;

/** Count, dimension and a hash of the words of a set of vectors: what a file that shares them records. */
export function vectorsSignature(v: WordVectors): string {
  let h = hashString(String(v.dim));
  for (const w of v.words) h = hashString(w, h);
  return `${v.words.length}x${v.dim}:${(h >>> 0).toString(16)}`;
}

/** A form's cached input projection and, per place in the token, its first step (`firstStep`). */
interface FormEntry {
  p: Float32Array;
  first: Array<Float32Array | null>;
}

interface Ids {
  vec: number;
  word: number;
  role: number;
  aff: Int32Array;
}

interface Layout {
  dim: number;
  we: number;
  role: number;
  aff: number;
  part: number;
  inputs: number;
}

function layoutOf(dim: number): Layout {
  const we = dim + 1;
  const role = we + WD;
  const aff = role + 3;
  const part = aff + NAFF * AD;
  return { dim, we, role, aff, part, inputs: part + 8 };
}

export class BiLstmTagger {
  readonly layout: Layout;
  private readonly vecIndex: Map<string, number>;
  private readonly wordIndex: Map<string, number>;
  private readonly affIndex: Map<string, number>;
  /** Input projections by role (proclitics and enclitics are a few dozen forms, stems many), keyed by form. */
  private readonly caches = [256, CACHE_FORMS, 256].map((n) => new GenerationalCache<string, FormEntry>(n));
  private readonly block: Float32Array;
  private readonly labels: LabelMap;
  /** Per place in the token (part 0–3 × parts 1–4), its two input columns in both directions (8H). */
  private places: Float32Array[];
  private readonly pre: Float64Array;
  private readonly hTmp: Float64Array;
  private readonly cTmp: Float64Array;
  private readonly hf: Float64Array;
  private readonly hb: Float64Array;
  private readonly rec: Float64Array;

  constructor(
    readonly tags: string[],
    readonly vectors: WordVectors,
    readonly wordVocab: string[],
    readonly affVocab: string[],
    readonly WE: Float32Array,
    readonly AE: Float32Array,
    readonly fw: Lstm,
    readonly bw: Lstm,
    readonly Wo: Float32Array,
    readonly bo: Float32Array,
    public weight = 1,
    /** Consulted for a sentence where some word's perceptron emission margin is below this (Infinity = always). */
    public gate = Number.POSITIVE_INFINITY,
    /** Words each direction runs before (after) a consulted word (Infinity = the whole sentence). */
    public reach = Number.POSITIVE_INFINITY,
    readonly meta: Record<string, unknown> = {},
  ) {
    this.layout = layoutOf(vectors.dim);
    this.labels = new LabelMap(tags);
    this.vecIndex = new Map(vectors.words.map((w, i) => [w, i + 1]));
    this.wordIndex = new Map(wordVocab.map((w, i) => [w, i + ROLE_UNK]));
    this.affIndex = new Map(affVocab.map((a, i) => [a, i + AFF_UNK]));
    this.block = new Float32Array(this.layout.part);
    this.places = this.placeColumns();
    const H = fw.hidden;
    this.pre = new Float64Array(4 * H);
    this.hTmp = new Float64Array(H);
    this.cTmp = new Float64Array(H);
    this.hf = new Float64Array(H);
    this.hb = new Float64Array(H);
    this.rec = new Float64Array(4 * H);
    fw.freeze();
    bw.freeze();
  }

  private placeColumns(): Float32Array[] {
    const G = 4 * this.hidden;
    const L = this.layout;
    return Array.from({ length: 16 }, (_, c) => {
      const v = new Float32Array(2 * G);
      for (const col of [L.part + (c >> 2), L.part + 4 + (c & 3)]) {
        this.fw.column(col, v, 0);
        this.bw.column(col, v, G);
      }
      return v;
    });
  }

  get hidden(): number {
    return this.fw.hidden;
  }

  ids(w: TagWord): Ids {
    const aff = new Int32Array(NAFF);
    affixes(w.form).forEach((a, j) => {
      aff[j] = this.affIndex.get(a) ?? j;
    });
    const role = roleOf(w);
    return { vec: this.vecIndex.get(vectorKey(w.form)) ?? 0, word: this.wordIndex.get(w.form) ?? role, role, aff };
  }

  /** The form-dependent part of a word's input (everything but its place in the token) into x at `at`. */
  private fillForm(id: Ids, word: number, x: Float32Array, at: number): void {
    const L = this.layout;
    if (id.vec > 0) {
      copyVector(this.vectors, id.vec - 1, x, at);
      x[at + L.dim] = 1;
    }
    x.set(this.WE.subarray(word * WD, word * WD + WD), at + L.we);
    x[at + L.role + id.role] = 1;
    for (let k = 0; k < NAFF; k++) x.set(this.AE.subarray(id.aff[k] * AD, id.aff[k] * AD + AD), at + L.aff + k * AD);
  }

  private entry(w: TagWord): FormEntry {
    const cache = this.caches[roleOf(w)];
    const have = cache.get(w.form);
    if (have) return have;
    const G = 4 * this.hidden;
    const p = new Float32Array(2 * G);
    const x = this.block;
    x.fill(0);
    const id = this.ids(w);
    this.fillForm(id, id.word, x, 0);
    this.fw.projectInput(0, x, p, 0);
    this.bw.projectInput(0, x, p, G);
    const e: FormEntry = { p, first: new Array(16).fill(null) };
    cache.set(w.form, e);
    return e;
  }

  /** Input projection of a form for both directions (8H, no bias), cached. */
  private projection(w: TagWord): Float32Array {
    return this.entry(w).p;
  }

  /**
   * A word's first step from an empty state, in both directions, as the next
   * step needs it: Wh · h + b (4H) and the cell state (H), per direction;
   * cached per form and place in the token.
   */
  private firstStep(w: TagWord): Float32Array {
    const e = this.entry(w);
    const place = Math.min(w.part, 3) * 4 + Math.min(Math.max(w.parts, 1), 4) - 1;
    const have = e.first[place];
    if (have) return have;
    const H = this.hidden;
    const G = 4 * H;
    const q = this.places[place];
    const v = new Float32Array(2 * (G + H));
    const { pre, hTmp: h, cTmp: c, rec } = this;
    for (const [d, lstm] of [this.fw, this.bw].entries()) {
      const b = lstm.frozenBias;
      for (let k = 0; k < G; k++) pre[k] = b[k] + e.p[d * G + k] + q[d * G + k];
      lstm.stepFrozen(pre, null, c, h);
      lstm.recurrentFrozen(h, rec, 0);
      v.set(rec, d * (G + H));
      v.set(c, d * (G + H) + G);
    }
    e.first[place] = v;
    return v;
  }

  /**
   * Log-probabilities at the marked words with exactly one word of context on
   * each side (reach 1): each direction's previous step comes from the
   * neighbour's cached first step, so no matrix product is left to do.
   */
  private logProbsReach1(words: readonly TagWord[], only: Uint8Array, out: Float32Array): void {
    const n = words.length;
    const T = this.tags.length;
    const H = this.hidden;
    const G = 4 * H;
    const { pre, hf, hb, cTmp } = this;
    for (let i = 0; i < n; i++) {
      if (!only[i]) continue;
      const w = words[i];
      const p = this.projection(w);
      const q = this.places[Math.min(w.part, 3) * 4 + Math.min(Math.max(w.parts, 1), 4) - 1];
      for (const [d, lstm] of [this.fw, this.bw].entries()) {
        const j = d === 0 ? i - 1 : i + 1;
        const prev = j >= 0 && j < n ? this.firstStep(words[j]) : null;
        const o = d * (G + H);
        if (prev) for (let k = 0; k < G; k++) pre[k] = prev[o + k] + p[d * G + k] + q[d * G + k];
        else {
          const b = lstm.frozenBias;
          for (let k = 0; k < G; k++) pre[k] = b[k] + p[d * G + k] + q[d * G + k];
        }
        lstm.stepFrozen(pre, prev ? prev.subarray(o + G, o + G + H) : null, cTmp, d === 0 ? hf : hb);
      }
      this.output(hf, hb, 0, out, i * T);
    }
  }

  /**
   * Log-probability of each tag (`tags` order) at each word, n × tags.length.
   * With `only`, just at the marked words, and with a finite `reach`, each
   * direction runs only over the `reach` words before (after) a marked word,
   * from an empty state (overlapping stretches are run once): an
   * approximation measured on dev (README), and most of the saving.
   */
  logProbs(words: readonly TagWord[], only: Uint8Array | null = null, reach = Number.POSITIVE_INFINITY): Float32Array {
    const n = words.length;
    const T = this.tags.length;
    const out = new Float32Array(n * T);
    if (n === 0) return out;
    if (only && reach === 1) {
      this.logProbsReach1(words, only, out);
      return out;
    }
    const H = this.hidden;
    const G = 4 * H;
    // stretches of each direction: [from, to] in position order
    const spans = (dir: 1 | -1): Array<[number, number]> => {
      if (!only || !Number.isFinite(reach)) return [[0, n - 1]];
      const res: Array<[number, number]> = [];
      for (let i = 0; i < n; i++) {
        if (!only[i]) continue;
        const a = dir === 1 ? Math.max(0, i - reach) : i;
        const b = dir === 1 ? i : Math.min(n - 1, i + reach);
        const last = res[res.length - 1];
        if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
        else res.push([a, b]);
      }
      return res;
    };
    const fwSpans = spans(1);
    const bwSpans = spans(-1);
    const need = new Uint8Array(n);
    for (const [a, b] of [...fwSpans, ...bwSpans]) need.fill(1, a, b + 1);
    const pf = new Float32Array(n * G);
    const pb = new Float32Array(n * G);
    for (let i = 0; i < n; i++) {
      if (!need[i]) continue;
      const w = words[i];
      const p = this.projection(w);
      // the form's projection plus the columns of its place in the token (precomputed per place)
      const q = this.places[Math.min(w.part, 3) * 4 + Math.min(Math.max(w.parts, 1), 4) - 1];
      const o = i * G;
      for (let k = 0; k < G; k++) {
        pf[o + k] = p[k] + q[k];
        pb[o + k] = p[G + k] + q[G + k];
      }
    }
    const hf = new Float32Array(n * H);
    const hb = new Float32Array(n * H);
    for (const [lstm, list, proj, h, rev] of [
      [this.fw, fwSpans, pf, hf, false],
      [this.bw, bwSpans, pb, hb, true],
    ] as const) {
      for (const [a, b] of list) h.set(lstm.forward(null, b - a + 1, rev, proj.subarray(a * G, (b + 1) * G)), a * H);
    }
    for (let i = 0; i < n; i++) if (!only || only[i]) this.output(hf, hb, i, out, i * T);
    return out;
  }

  /** Log-softmax of the output layer at word i into out at `at`. */
  private output(hf: ArrayLike<number>, hb: ArrayLike<number>, i: number, out: Float32Array, at: number): void {
    const H = this.hidden;
    const T = this.tags.length;
    const { Wo, bo } = this;
    let max = Number.NEGATIVE_INFINITY;
    for (let t = 0; t < T; t++) {
      let s = bo[t];
      const row = t * 2 * H;
      for (let u = 0; u < H; u++) s += Wo[row + u] * hf[i * H + u] + Wo[row + H + u] * hb[i * H + u];
      out[at + t] = s;
      if (s > max) max = s;
    }
    let z = 0;
    for (let t = 0; t < T; t++) z += Math.exp(out[at + t] - max);
    const log = max + Math.log(z);
    for (let t = 0; t < T; t++) out[at + t] -= log;
  }

  /**
   * Adds weight × log-probability to emission scores laid out n × labels (the
   * perceptron's label order) at the words whose best score in `margins`
   * (default: `emit` itself) leads the second by less than `gate`; the
   * recurrences run `reach` words around them.
   */
  addTo(
    emit: Float64Array,
    words: readonly TagWord[],
    labels: readonly string[],
    weight = this.weight,
    gate = this.gate,
    margins: Float64Array = emit,
    reach = this.reach,
  ): void {
    const n = words.length;
    if (weight === 0 || n === 0) return;
    const only = gateMask(margins, n, labels.length, gate);
    if (only === false) return;
    addWeighted(emit, this.logProbs(words, only, reach), n, this.tags.length, this.labels.of(labels), weight, only);
  }

  /**
   * Writes the model. With `shareVectors`, the pretrained vectors are left
   * out (the window networks' file holds the same ones; 6 MB): the file then
   * records their count and a hash, and `load` needs them passed.
   */
  save(path: string, opts: { shareVectors?: boolean } = {}): void {
    const own = !opts.shareVectors;
    saveTensorFile(
      path,
      {
        kind: BILSTM_KIND,
        meta: {
          ...this.meta,
          tags: this.tags,
          weight: this.weight,
          gate: Number.isFinite(this.gate) ? this.gate : null,
          reach: Number.isFinite(this.reach) ? this.reach : null,
          ...(own ? { vectorWords: this.vectors.words } : { sharedVectors: vectorsSignature(this.vectors) }),
          wordVocab: this.wordVocab,
          affVocab: this.affVocab,
        },
        tensors: {
          ...(own ? { vectors: { shape: [this.vectors.words.length, this.vectors.dim], data: vectorData(this.vectors) } } : {}),
          WE: { shape: [this.WE.length / WD, WD], data: this.WE },
          AE: { shape: [this.AE.length / AD, AD], data: this.AE },
          ...this.fw.tensors('fw.'),
          ...this.bw.tensors('bw.'),
          Wo: { shape: [this.tags.length, 2 * this.hidden], data: this.Wo },
          bo: { shape: [this.tags.length], data: this.bo },
        },
      },
      { vectors: 'i8', WE: 'i8', AE: 'i8' },
    );
  }

  /** Loads a model; `shared`: the vectors of a file saved with `shareVectors` (the window networks'). */
  static load(path: string, shared: WordVectors | null = null): BiLstmTagger {
    const f = loadTensorFile(path, new Set(['vectors']));
    if (f.kind !== BILSTM_KIND) throw new Error(`${path}: not a BiLSTM tagger (${f.kind})`);
    const m = f.meta as {
      tags: string[];
      weight: number;
      gate: number | null;
      reach?: number | null;
      vectorWords?: string[];
      sharedVectors?: string;
      wordVocab: string[];
      affVocab: string[];
    };
    const t = f.tensors;
    const v = t.vectors;
    let vectors: WordVectors;
    if (v && m.vectorWords) vectors = { words: m.vectorWords, dim: v.shape[1], data: v.data, q: v.q, scales: v.scales };
    else {
      if (!shared) throw new Error(`${path}: its word vectors are kept in the window networks' file (morph-nn.bin), which was not loaded`);
      if (vectorsSignature(shared) !== m.sharedVectors)
        throw new Error(`${path}: the given word vectors are not the ones it was trained with (${m.sharedVectors})`);
      vectors = shared;
    }
    const { tags, weight, gate, reach, vectorWords: _v, sharedVectors: _s, wordVocab, affVocab, ...rest } = m;
    return new BiLstmTagger(
      tags,
      vectors,
      wordVocab,
      affVocab,
      t.WE.data,
      t.AE.data,
      Lstm.fromTensors(t, 'fw.'),
      Lstm.fromTensors(t, 'bw.'),
      t.Wo.data,
      t.bo.data,
      weight,
      gate ?? Number.POSITIVE_INFINITY,
      reach ?? Number.POSITIVE_INFINITY,
      rest,
    );
  }

  /** Trains on gold words and tags (PADT train); deterministic. The weight is left at 1: tune it on dev. */
  static train(sentences: Array<{ words: TagWord[]; tags: string[] }>, vectors: WordVectors, opts: BiLstmOptions = {}): BiLstmTagger {
    const o = { ...BILSTM_DEFAULTS, ...opts };
    const wordVocab = vocabulary(sentences, (w) => [w.form]);
    const affVocab = vocabulary(sentences, (w) => affixes(w.form));
    const tags = [...new Set(sentences.flatMap((s) => s.tags))].sort();
    const T = tags.length;
    const rand = seededRandom(o.seed);
    const L = layoutOf(vectors.dim);
    const D = L.inputs;
    const H = o.hidden;
    const WE = new Float32Array((wordVocab.length + ROLE_UNK) * WD).map(() => (rand() - 0.5) * 0.1);
    const AE = new Float32Array((affVocab.length + AFF_UNK) * AD).map(() => (rand() - 0.5) * 0.1);
    const fw = new Lstm(D, H).init(rand);
    const bw = new Lstm(D, H).init(rand);
    const ao = Math.sqrt(6 / (2 * H + T));
    const Wo = new Float32Array(T * 2 * H).map(() => (rand() * 2 - 1) * ao);
    const bo = new Float32Array(T);
    const model = new BiLstmTagger(
      tags,
      vectors,
      wordVocab,
      affVocab,
      WE,
      AE,
      fw,
      bw,
      Wo,
      bo,
      1,
      Number.POSITIVE_INFINITY,
      Number.POSITIVE_INFINITY,
      {
        hidden: H,
        epochs: o.epochs,
        lr: o.lr,
        dropIn: o.dropIn,
        dropOut: o.dropOut,
        wordDrop: o.wordDrop,
        seed: o.seed,
      },
    );
    const data = sentences.map((s) => ({
      ids: s.words.map((w) => model.ids(w)),
      words: s.words,
      gold: Int32Array.from(s.tags, (t) => tags.indexOf(t)),
    }));
    const adam = new Adam(o.lr);
    const gWo = new Float32Array(Wo.length);
    const gbo = new Float32Array(T);
    const maxN = Math.max(1, ...data.map((d) => d.gold.length));
    const xs = new Float32Array(maxN * D);
    const inMask = new Float32Array(maxN * D);
    const dx = new Float32Array(maxN * D);
    const hcat = new Float32Array(maxN * 2 * H);
    const outMask = new Float32Array(maxN * 2 * H);
    const dhf = new Float32Array(maxN * H);
    const dhb = new Float32Array(maxN * H);
    const p = new Float32Array(T);
    const rowGrads = new Map<number, Float32Array>();
    const order = data.map((_, i) => i);
    const keepIn = 1 - o.dropIn;
    const keepOut = 1 - o.dropOut;
    for (let epoch = 1; epoch <= o.epochs; epoch++) {
      const t0 = performance.now();
      shuffleInPlace(order, rand);
      let loss = 0;
      let words = 0;
      for (const si of order) {
        const { ids, words: ws, gold } = data[si];
        const n = gold.length;
        xs.fill(0, 0, n * D);
        const wordIds = new Int32Array(n);
        for (let i = 0; i < n; i++) {
          const id = ids[i];
          wordIds[i] = o.wordDrop > 0 && id.word >= ROLE_UNK && rand() < o.wordDrop ? id.role : id.word;
          model.fillForm(id, wordIds[i], xs, i * D);
          xs[i * D + L.part + Math.min(ws[i].part, 3)] = 1;
          xs[i * D + L.part + 4 + Math.min(Math.max(ws[i].parts, 1), 4) - 1] = 1;
        }
        for (let k = 0; k < n * D; k++) {
          const m = rand() < keepIn ? 1 / keepIn : 0;
          inMask[k] = m;
          xs[k] *= m;
        }
        const hf = fw.forward(xs, n, false);
        const hb = bw.forward(xs, n, true);
        for (let i = 0; i < n; i++) {
          for (let u = 0; u < H; u++) {
            const mf = rand() < keepOut ? 1 / keepOut : 0;
            const mb = rand() < keepOut ? 1 / keepOut : 0;
            outMask[i * 2 * H + u] = mf;
            outMask[i * 2 * H + H + u] = mb;
            hcat[i * 2 * H + u] = hf[i * H + u] * mf;
            hcat[i * 2 * H + H + u] = hb[i * H + u] * mb;
          }
        }
        dhf.fill(0, 0, n * H);
        dhb.fill(0, 0, n * H);
        for (let i = 0; i < n; i++) {
          let max = Number.NEGATIVE_INFINITY;
          const hc = i * 2 * H;
          for (let t = 0; t < T; t++) {
            let s = bo[t];
            const row = t * 2 * H;
            for (let u = 0; u < 2 * H; u++) s += Wo[row + u] * hcat[hc + u];
            p[t] = s;
            if (s > max) max = s;
          }
          let z = 0;
          for (let t = 0; t < T; t++) {
            p[t] = Math.exp(p[t] - max);
            z += p[t];
          }
          for (let t = 0; t < T; t++) p[t] /= z;
          loss -= Math.log(p[gold[i]] + 1e-9);
          for (let t = 0; t < T; t++) {
            const g = p[t] - (t === gold[i] ? 1 : 0);
            gbo[t] += g;
            const row = t * 2 * H;
            for (let u = 0; u < H; u++) {
              gWo[row + u] += g * hcat[hc + u];
              gWo[row + H + u] += g * hcat[hc + H + u];
              dhf[i * H + u] += g * Wo[row + u] * outMask[hc + u];
              dhb[i * H + u] += g * Wo[row + H + u] * outMask[hc + H + u];
            }
          }
        }
        words += n;
        dx.fill(0, 0, n * D);
        fw.backward(xs, n, false, dhf, dx, L.we);
        bw.backward(xs, n, true, dhb, dx, L.we);
        // clip the global norm of the dense gradients
        let norm = 0;
        for (const g of [fw.gWx, fw.gWh, fw.gb, bw.gWx, bw.gWh, bw.gb, gWo, gbo]) for (let k = 0; k < g.length; k++) norm += g[k] * g[k];
        norm = Math.sqrt(norm);
        const scale = norm > o.clip ? o.clip / norm : 1;
        adam.begin();
        adam.dense(fw.Wx, fw.gWx, scale);
        adam.dense(fw.Wh, fw.gWh, scale);
        adam.dense(fw.b, fw.gb, scale);
        adam.dense(bw.Wx, bw.gWx, scale);
        adam.dense(bw.Wh, bw.gWh, scale);
        adam.dense(bw.b, bw.gb, scale);
        adam.dense(Wo, gWo, scale);
        adam.dense(bo, gbo, scale);
        // the learnt embeddings: gradients of their input columns, through the input dropout
        rowGrads.clear();
        const acc = (key: number, width: number, from: number): void => {
          let g = rowGrads.get(key);
          if (!g) {
            g = new Float32Array(width);
            rowGrads.set(key, g);
          }
          for (let d = 0; d < width; d++) g[d] += dx[from + d] * inMask[from + d];
        };
        for (let i = 0; i < n; i++) {
          acc(wordIds[i], WD, i * D + L.we);
          for (let k = 0; k < NAFF; k++) acc(-1 - ids[i].aff[k], AD, i * D + L.aff + k * AD);
        }
        for (const [key, g] of rowGrads) {
          if (key >= 0) adam.row(WE, key, WD, g, scale);
          else adam.row(AE, -1 - key, AD, g, scale);
        }
      }
      for (const c of model.caches) c.clear();
      model.places = model.placeColumns();
      fw.freeze();
      bw.freeze();
      o.onEpoch?.({ epoch, loss: loss / Math.max(1, words), ms: performance.now() - t0, model });
    }
    return model;
  }
}
