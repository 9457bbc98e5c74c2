/**
 * A window network for UPOS (Collobert et al. 2011; Chen & Manning 2014),
 * combined with the perceptron tagger: its log-probabilities, times a weight
 * tuned on PADT dev, are added to the perceptron's emission scores before
 * Viterbi (a product of experts). It brings what the perceptron's sparse
 * features lack: skip-gram vectors of 58k words learnt from unlabelled news,
 * which place a word unseen in PADT near the words it is used like.
 *
 * Input of position i, for each word of the window i−W … i+W: its pretrained
 * vector (fixed), a learnt 32-dimensional embedding of its form (PADT train
 * forms seen twice; else one per role), its role (proclitic, stem, enclitic)
 * or the sentence edge; learnt embeddings of the word's suffixes 1–4 and
 * prefixes 1–3 and of the two-letter suffix and prefix of the words at ±1; its
 * place in its surface token. One hidden ReLU layer (`src/learn/mlp.ts`),
 * softmax over the tags. Several networks trained from different seeds are
 * averaged (mean log-probability).
 *
 * Decoding caches, per form, each window slot's share of the hidden layer
 * (the first layer is linear in the input), so a position costs a few vector
 * additions and the output layer.
 */
import { readFileSync } from 'node:fs';
import { GenerationalCache } from '../../core/cache.ts';
import { Mlp } from '../../learn/mlp.ts';
import { seededRandom, shuffleInPlace } from '../../learn/random.ts';
import { loadTensorFile, saveTensorFile, type Tensor } from '../../learn/tensor-file.ts';
import { matchForm } from '../../text/normalize.ts';
import { addWeighted, gateMask, LabelMap, vocabulary } from './experts.ts';
import type { TagWord } from './tagger.ts';

export const NEURAL_KIND = 'khabar-pos-window-net';

/**
 * Pretrained word vectors (word2vec text format), rows in file order: as
 * float32 (`data`), or, loaded from a model file, as int8 with a scale per row
 * (`q`, `scales`; `data` empty), a quarter of the memory.
 */
export interface WordVectors {
  words: string[];
  dim: number;
  data: Float32Array;
  q?: Int8Array;
  scales?: Float32Array;
}

/** Row r of the vectors into x at `at`. */
export function copyVector(v: WordVectors, r: number, x: Float32Array, at: number): void {
  const { dim, q, scales } = v;
  if (q && scales) {
    const s = scales[r];
    for (let d = 0; d < dim; d++) x[at + d] = q[r * dim + d] * s;
  } else x.set(v.data.subarray(r * dim, r * dim + dim), at);
}

/** The vectors as float32 (a copy when they are held as int8). */
export function vectorData(v: WordVectors): Float32Array {
  if (!v.q || !v.scales) return v.data;
  const out = new Float32Array(v.words.length * v.dim);
  for (let r = 0; r < v.words.length; r++) copyVector(v, r, out, r * v.dim);
  return out;
}

/** to[at .. at + n) = from[start .. start + n) (a loop: no subarray view to allocate). */
function copyRow(from: Float32Array, start: number, to: Float32Array, at: number, n: number): void {
  for (let d = 0; d < n; d++) to[at + d] = from[start + d];
}

/** Reads a word2vec text file ("count dim" line, then "word v1 … vdim"); rows are scaled to unit length. */
export function readWord2Vec(path: string): WordVectors {
  const lines = readFileSync(path, 'utf8').split('\n');
  const [count, dim] = lines[0].trim().split(/\s+/).map(Number);
  if (!(count > 0 && dim > 0)) throw new Error(`${path}: not a word2vec text file (first line "${lines[0].slice(0, 40)}")`);
  const words: string[] = [];
  const data = new Float32Array(count * dim);
  for (let i = 1; i < lines.length && words.length < count; i++) {
    const parts = lines[i].trim().split(' ');
    if (parts.length !== dim + 1) continue;
    const r = words.length;
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += Number(parts[d + 1]) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dim; d++) data[r * dim + d] = Number(parts[d + 1]) / norm;
    words.push(parts[0]);
  }
  return { words, dim, data: data.subarray(0, words.length * dim) };
}

/** The pretrained vectors stored (int8) in a window-network or BiLSTM model file, so a model can be retrained without the text file. */
export function vectorsFromModel(path: string): WordVectors {
  const f = loadTensorFile(path, new Set(['vectors']));
  const v = f.tensors.vectors;
  const words = (f.meta as { vectorWords?: string[] }).vectorWords;
  if (!v || !words) throw new Error(`${path}: no word vectors in this model file`);
  return { words, dim: v.shape[1], data: v.data, q: v.q, scales: v.scales };
}

export interface NeuralOptions {
  /** Networks averaged (seeds seed … seed + nets − 1). */
  nets?: number;
  hidden?: number;
  /** Window radius. */
  window?: number;
  epochs?: number;
  lr?: number;
  dropout?: number;
  seed?: number;
  onEpoch?: (e: { net: number; epoch: number; loss: number; ms: number }) => void;
}

export const NEURAL_DEFAULTS = { nets: 2, hidden: 100, window: 2, epochs: 4, lr: 0.02, dropout: 0.25, seed: 1 } as const;

const WD = 32; // learnt word embedding
const AD = 16; // learnt affix embedding
const NAFF = 7; // suffixes 1–4, prefixes 1–3 of the word
const NB_AFF = [1, 5]; // suffix 2 and prefix 2 of the words at ±1
const ROLE_UNK = 3; // word ids 0–2: unknown form by role
const AFF_UNK = 8; // affix ids 0–6: unknown affix by kind
const DIGITS = /^[0-9٠-٩.,]+$/;
export const roleOf = (w: TagWord): number => (w.role === 0 ? 0 : w.role === 2 ? 2 : 1);
/** Stem forms whose hidden-layer shares are cached, per generation (`GenerationalCache`). */
const CACHE_FORMS = 16_000;

/** Matching form used to look a word up among the pretrained vectors (as the embeddings' corpus was read). */
export const vectorKey = (form: string): string => {
  const m = matchForm(form).toLowerCase();
  return DIGITS.test(m) ? '0' : m;
};

export function affixes(form: string): string[] {
  const m = matchForm(form);
  return [
    `1${m.slice(-1)}`,
    `2${m.slice(-2)}`,
    `3${m.slice(-3)}`,
    `4${m.slice(-4)}`,
    `a${m.slice(0, 1)}`,
    `b${m.slice(0, 2)}`,
    `c${m.slice(0, 3)}`,
  ];
}

interface Layout {
  window: number;
  dim: number;
  slot: number;
  slots: number;
  aff: number;
  nb: number;
  part: number;
  inputs: number;
}

function layoutOf(window: number, dim: number): Layout {
  const slot = dim + 1 + WD + 4; // vector, has-vector flag, word embedding, role one-hot (3) + edge flag
  const slots = 2 * window + 1;
  const aff = slots * slot;
  const nb = aff + NAFF * AD;
  const part = nb + 2 * NB_AFF.length * AD;
  return { window, dim, slot, slots, aff, nb, part, inputs: part + 8 };
}

/** One network: its learnt embeddings and layers. */
interface Net {
  WE: Float32Array;
  AE: Float32Array;
  mlp: Mlp;
}

/** A form's cached hidden-layer shares (see `NeuralTagger.entry`). */
interface FormShares {
  /** Per block, nets × H values, null until computed. */
  v: Array<Float32Array | null>;
  id: WordIds;
}

/** A word's ids, shared by every network. */
interface WordIds {
  vec: number; // row + 1, 0 = none
  word: number;
  role: number;
  aff: Int32Array;
  part: number;
  parts: number;
}

export class NeuralTagger {
  readonly layout: Layout;
  private readonly vecIndex: Map<string, number>;
  private readonly wordIndex: Map<string, number>;
  private readonly affIndex: Map<string, number>;
  private readonly caches: Array<GenerationalCache<string, FormShares>>;
  private readonly scratch: { block: Float32Array; aff: Float32Array; nb: Float32Array };
  private readonly hidden: number;
  /** Per window slot, the sentence edge's share: nets × H. */
  private readonly edge: Float32Array[];
  private readonly z: Float32Array;
  /** Per network, the 8 columns of W1 for the place-in-token inputs, each H contiguous values (W1 holds them H apart). */
  private readonly partCols: Float32Array[];
  /** One network's log-probabilities of one position (`logProbs`). */
  private readonly lp: Float32Array;
  private readonly labels: LabelMap;

  constructor(
    readonly tags: string[],
    /** The pretrained vectors (also lent to the sentence network, `bilstm.ts`). */
    readonly vectors: WordVectors,
    readonly wordVocab: string[],
    readonly affVocab: string[],
    readonly nets: Net[],
    window: number,
    /** Weight of the mean log-probability added to the perceptron's emissions (tuned on dev). */
    public weight = 1,
    /** The network is consulted where the perceptron's emission margin is below this (tuned on dev; Infinity = everywhere). */
    public gate = Number.POSITIVE_INFINITY,
    readonly meta: Record<string, unknown> = {},
  ) {
    this.layout = layoutOf(window, vectors.dim);
    this.labels = new LabelMap(tags);
    this.vecIndex = new Map(vectors.words.map((w, i) => [w, i + 1]));
    this.wordIndex = new Map(wordVocab.map((w, i) => [w, i + ROLE_UNK + 1]));
    this.affIndex = new Map(affVocab.map((a, i) => [a, i + AFF_UNK]));
    // proclitics and enclitics are a few dozen forms; stems are many
    this.caches = [256, CACHE_FORMS, 256].map((n) => new GenerationalCache<string, FormShares>(n));
    this.scratch = {
      block: new Float32Array(this.layout.slot),
      aff: new Float32Array(NAFF * AD),
      nb: new Float32Array(NB_AFF.length * AD),
    };
    const H = nets[0]?.mlp.hidden ?? 0;
    this.hidden = H;
    this.z = new Float32Array(H);
    this.lp = new Float32Array(tags.length);
    this.partCols = nets.map((n) => {
      const cols = new Float32Array(8 * H);
      for (let c = 0; c < 8; c++) for (let u = 0; u < H; u++) cols[c * H + u] = n.mlp.W1[u * this.layout.inputs + this.layout.part + c];
      return cols;
    });
    // the sentence edge in each slot: its flag column
    this.edge = Array.from({ length: this.layout.slots }, (_, s) => {
      const v = new Float32Array(nets.length * H);
      nets.forEach((n, k) => {
        n.mlp.column(s * this.layout.slot + this.layout.dim + 1 + WD + 3, v.subarray(k * H, (k + 1) * H));
      });
      return v;
    });
  }

  ids(w: TagWord): WordIds {
    const aff = new Int32Array(NAFF);
    affixes(w.form).forEach((a, j) => {
      aff[j] = this.affIndex.get(a) ?? j;
    });
    return {
      vec: this.vecIndex.get(vectorKey(w.form)) ?? 0,
      word: this.wordIndex.get(w.form) ?? roleOf(w),
      role: roleOf(w),
      aff,
      part: Math.min(w.part, 3),
      parts: Math.min(Math.max(w.parts, 1), 4) - 1,
    };
  }

  /** The word's block of a window slot (vector, flag, embedding, role), written into x at `at`. */
  private slotBlock(net: Net, id: WordIds, x: Float32Array, at: number): void {
    const { dim } = this.layout;
    if (id.vec > 0) {
      copyVector(this.vectors, id.vec - 1, x, at);
      x[at + dim] = 1;
    }
    copyRow(net.WE, id.word * WD, x, at + dim + 1, WD);
    x[at + dim + 1 + WD + id.role] = 1;
  }

  /** The full input vector of position i (training, and the reference for the cached decoding). */
  fill(net: Net, ids: readonly WordIds[], i: number, x: Float32Array): void {
    const L = this.layout;
    x.fill(0);
    for (let s = 0; s < L.slots; s++) {
      const j = i + s - L.window;
      const at = s * L.slot;
      if (j < 0 || j >= ids.length) x[at + L.dim + 1 + WD + 3] = 1;
      else this.slotBlock(net, ids[j], x, at);
    }
    for (let k = 0; k < NAFF; k++) x.set(net.AE.subarray(ids[i].aff[k] * AD, ids[i].aff[k] * AD + AD), L.aff + k * AD);
    let at = L.nb;
    for (const dj of [-1, 1]) {
      const j = i + dj;
      for (const k of NB_AFF) {
        if (j >= 0 && j < ids.length) x.set(net.AE.subarray(ids[j].aff[k] * AD, ids[j].aff[k] * AD + AD), at);
        at += AD;
      }
    }
    x[L.part + ids[i].part] = 1;
    x[L.part + 4 + ids[i].parts] = 1;
  }

  /**
   * A form's cached entry: per block (each window slot, its affixes, as the
   * left and as the right neighbour), H values for each network, computed the
   * first time a position needs it (a word next to a scored position needs one
   * or two of them).
   */
  private entry(w: TagWord): FormShares {
    const cache = this.caches[roleOf(w)];
    let e = cache.get(w.form);
    if (e === undefined) {
      e = { v: new Array(this.layout.slots + 3).fill(null), id: this.ids(w) };
      cache.set(w.form, e);
    }
    return e;
  }

  /** Block b of an entry, computed for every network if it was not yet. */
  private ensure(e: FormShares, b: number): Float32Array {
    const have = e.v[b];
    if (have) return have;
    const L = this.layout;
    const H = this.hidden;
    const id = e.id;
    const v = new Float32Array(this.nets.length * H);
    e.v[b] = v;
    // plain loops and offsets, no closures or subarray views: this runs for every new form
    for (let k = 0; k < this.nets.length; k++) {
      const net = this.nets[k];
      if (b < L.slots) {
        const block = this.scratch.block;
        block.fill(0);
        this.slotBlock(net, id, block, 0);
        net.mlp.project(b * L.slot, block, v, k * H);
      } else if (b === L.slots) {
        const aff = this.scratch.aff;
        for (let j = 0; j < NAFF; j++) copyRow(net.AE, id.aff[j] * AD, aff, j * AD, AD);
        net.mlp.project(L.aff, aff, v, k * H);
      } else {
        const nb = this.scratch.nb;
        for (let m = 0; m < NB_AFF.length; m++) copyRow(net.AE, id.aff[NB_AFF[m]] * AD, nb, m * AD, AD);
        // b = slots + 1: this word seen from the word after it; slots + 2: from the word before it
        net.mlp.project(b === L.slots + 1 ? L.nb : L.nb + NB_AFF.length * AD, nb, v, k * H);
      }
    }
    return v;
  }

  /** Mean log-probability of each tag (`tags` order), n × tags.length. */
  logProbs(words: readonly TagWord[], only: Uint8Array | null = null): Float32Array {
    const n = words.length;
    const T = this.tags.length;
    const out = new Float32Array(n * T);
    if (n === 0 || this.nets.length === 0) return out;
    const L = this.layout;
    // shares of the words inside the window of a position to score (all of them without a mask)
    const need = only ? new Uint8Array(n) : null;
    if (only && need) {
      for (let i = 0; i < n; i++) {
        if (!only[i]) continue;
        for (let j = Math.max(0, i - L.window); j <= Math.min(n - 1, i + L.window); j++) need[j] = 1;
      }
    }
    const ent = words.map((w, j) => (need && !need[j] ? null : this.entry(w)));
    const H = this.hidden;
    const tmp = this.lp;
    const win: Float32Array[] = new Array(L.slots);
    const z = this.z;
    const inv = 1 / this.nets.length;
    for (let i = 0; i < n; i++) {
      if (only && !only[i]) continue;
      const w = words[i];
      // the place-in-token one-hots: columns of W1, as rows of partCols
      const c1 = Math.min(w.part, 3) * H;
      const c2 = (4 + Math.min(Math.max(w.parts, 1), 4) - 1) * H;
      const own = this.ensure(ent[i] as FormShares, L.slots);
      const prev = i > 0 ? this.ensure(ent[i - 1] as FormShares, L.slots + 1) : null;
      const next = i + 1 < n ? this.ensure(ent[i + 1] as FormShares, L.slots + 2) : null;
      for (let s = 0; s < L.slots; s++) {
        const j = i + s - L.window;
        win[s] = j >= 0 && j < n ? this.ensure(ent[j] as FormShares, s) : this.edge[s];
      }
      for (let k = 0; k < this.nets.length; k++) {
        const cols = this.partCols[k];
        const o = k * H;
        for (let u = 0; u < H; u++) z[u] = own[o + u] + cols[c1 + u] + cols[c2 + u];
        for (let s = 0; s < L.slots; s++) {
          const v = win[s];
          for (let u = 0; u < H; u++) z[u] += v[o + u];
        }
        if (prev) for (let u = 0; u < H; u++) z[u] += prev[o + u];
        if (next) for (let u = 0; u < H; u++) z[u] += next[o + u];
        this.nets[k].mlp.logProbsFrom(z, tmp, 0);
        for (let t = 0; t < T; t++) out[i * T + t] += tmp[t] * inv;
      }
    }
    return out;
  }

  /**
   * Adds weight × mean log-probability to emission scores laid out n × labels
   * (the perceptron's label order), at the positions where the perceptron's
   * best emission leads the second by less than `gate`: elsewhere the network
   * would not change the tag (measured on dev), and skipping them saves most
   * of its cost.
   */
  addTo(emit: Float64Array, words: readonly TagWord[], labels: readonly string[], weight = this.weight, gate = this.gate): void {
    const n = words.length;
    if (weight === 0 || n === 0) return;
    const only = gateMask(emit, n, labels.length, gate);
    if (only === false) return;
    addWeighted(emit, this.logProbs(words, only), n, this.tags.length, this.labels.of(labels), weight, only);
  }

  save(path: string): void {
    const tensors: Record<string, Tensor> = {
      vectors: { shape: [this.vectors.words.length, this.vectors.dim], data: vectorData(this.vectors) },
    };
    const quant: Record<string, 'i8'> = { vectors: 'i8' };
    this.nets.forEach((net, k) => {
      tensors[`n${k}.WE`] = { shape: [net.WE.length / WD, WD], data: net.WE };
      tensors[`n${k}.AE`] = { shape: [net.AE.length / AD, AD], data: net.AE };
      quant[`n${k}.WE`] = 'i8';
      quant[`n${k}.AE`] = 'i8';
      Object.assign(tensors, net.mlp.tensors(`n${k}.`));
    });
    saveTensorFile(
      path,
      {
        kind: NEURAL_KIND,
        meta: {
          ...this.meta,
          tags: this.tags,
          window: this.layout.window,
          weight: this.weight,
          gate: Number.isFinite(this.gate) ? this.gate : null,
          nets: this.nets.length,
          vectorWords: this.vectors.words,
          wordVocab: this.wordVocab,
          affVocab: this.affVocab,
        },
        tensors,
      },
      quant,
    );
  }

  static load(path: string): NeuralTagger {
    const f = loadTensorFile(path, new Set(['vectors']));
    if (f.kind !== NEURAL_KIND) throw new Error(`${path}: not a neural tagger (${f.kind})`);
    const m = f.meta as {
      tags: string[];
      window: number;
      weight: number;
      gate: number | null;
      nets: number;
      vectorWords: string[];
      wordVocab: string[];
      affVocab: string[];
    };
    const v = f.tensors.vectors;
    const vectors: WordVectors = { words: m.vectorWords, dim: v.shape[1], data: v.data, q: v.q, scales: v.scales };
    const nets: Net[] = Array.from({ length: m.nets }, (_, k) => ({
      WE: f.tensors[`n${k}.WE`].data,
      AE: f.tensors[`n${k}.AE`].data,
      mlp: Mlp.fromTensors(f.tensors, `n${k}.`),
    }));
    const { tags, window, weight, gate, nets: _n, vectorWords: _v, wordVocab, affVocab, ...rest } = m;
    return new NeuralTagger(tags, vectors, wordVocab, affVocab, nets, window, weight, gate ?? Number.POSITIVE_INFINITY, rest);
  }

  /**
   * Trains `nets` networks on gold words and tags (PADT train), each with its
   * own seed, deterministic. The weight is left at 1: tune it on dev.
   */
  static train(sentences: Array<{ words: TagWord[]; tags: string[] }>, vectors: WordVectors, opts: NeuralOptions = {}): NeuralTagger {
    const o = { ...NEURAL_DEFAULTS, ...opts };
    const wordVocab = vocabulary(sentences, (w) => [w.form]);
    const affVocab = vocabulary(sentences, (w) => affixes(w.form));
    const tags = [...new Set(sentences.flatMap((s) => s.tags))].sort();
    const layout = layoutOf(o.window, vectors.dim);
    const nets: Net[] = [];
    const shell = new NeuralTagger(tags, vectors, wordVocab, affVocab, [], o.window);
    const data = sentences.map((s) => ({
      ids: s.words.map((w) => shell.ids(w)),
      gold: Int32Array.from(s.tags, (t) => tags.indexOf(t)),
    }));
    const x = new Float32Array(layout.inputs);
    const perEpoch = data.reduce((a, d) => a + d.gold.length, 0);
    for (let k = 0; k < o.nets; k++) {
      const rand = seededRandom(o.seed + k);
      const net: Net = {
        WE: new Float32Array((wordVocab.length + ROLE_UNK + 1) * WD).map(() => (rand() - 0.5) * 0.1),
        AE: new Float32Array((affVocab.length + AFF_UNK) * AD).map(() => (rand() - 0.5) * 0.1),
        mlp: new Mlp(layout.inputs, o.hidden, tags.length).init(rand),
      };
      const order = data.map((_, i) => i);
      const total = o.epochs * perEpoch;
      let seen = 0;
      for (let epoch = 1; epoch <= o.epochs; epoch++) {
        const t0 = performance.now();
        shuffleInPlace(order, rand);
        let loss = 0;
        for (const si of order) {
          const { ids, gold } = data[si];
          for (let i = 0; i < gold.length; i++) {
            const lr = o.lr * (1 - seen / total) + 1e-4;
            seen++;
            shell.fill(net, ids, i, x);
            const p = net.mlp.forward(x, o.dropout, rand);
            loss -= Math.log(p[gold[i]] + 1e-9);
            net.mlp.backward(x, gold[i], lr);
            updateEmbeddings(net, layout, ids, i, net.mlp.dx, lr);
          }
        }
        o.onEpoch?.({ net: k + 1, epoch, loss: loss / perEpoch, ms: performance.now() - t0 });
      }
      nets.push(net);
    }
    return new NeuralTagger(tags, vectors, wordVocab, affVocab, nets, o.window, 1, Number.POSITIVE_INFINITY, {
      hidden: o.hidden,
      epochs: o.epochs,
      lr: o.lr,
      dropout: o.dropout,
      seed: o.seed,
    });
  }
}

/** SGD on the learnt embeddings of position i's window from the input gradient. */
function updateEmbeddings(net: Net, L: Layout, ids: readonly WordIds[], i: number, dx: Float32Array, lr: number): void {
  for (let s = 0; s < L.slots; s++) {
    const j = i + s - L.window;
    if (j < 0 || j >= ids.length) continue;
    const w = ids[j].word * WD;
    const at = s * L.slot + L.dim + 1;
    for (let d = 0; d < WD; d++) net.WE[w + d] -= lr * dx[at + d];
  }
  for (let k = 0; k < NAFF; k++) {
    const a = ids[i].aff[k] * AD;
    const at = L.aff + k * AD;
    for (let d = 0; d < AD; d++) net.AE[a + d] -= lr * dx[at + d];
  }
  let at = L.nb;
  for (const dj of [-1, 1]) {
    const j = i + dj;
    for (const k of NB_AFF) {
      if (j >= 0 && j < ids.length) {
        const a = ids[j].aff[k] * AD;
        for (let d = 0; d < AD; d++) net.AE[a + d] -= lr * dx[at + d];
      }
      at += AD;
    }
  }
}
