/**
 * UPOS tagging of syntactic words: a sequence perceptron (first-order
 * Viterbi) over lexical features of each word and its neighbours, its role
 * inside the surface token (proclitic, stem, enclitic), the surface token
 * itself, an ambiguity class (the tags the word had in training) with the
 * shares of its most frequent tags, the classes of related forms (article,
 * feminine and nisba endings toggled), and character trigrams of forms the
 * training data never showed.
 */

import { GenerationalCache } from '../../core/cache.ts';
import {
  type ConstrainedTrainOptions,
  type KeyedSequence,
  keepTopLabels,
  maskEmissions,
  secondOrderTransitions,
  trainConstrained,
  viterbi2,
} from '../../learn/constrained.ts';
import {
  averageSequenceModels,
  BIAS_KEY,
  featureKey,
  featureKeySlice,
  hashString,
  type SequenceExample,
  SequencePerceptron,
  template,
  viterbi,
} from '../../learn/index.ts';
import { matchForm } from '../../text/normalize.ts';
import type { BiLstmTagger } from './bilstm.ts';
import { cachedLookup, type Lookup, recordLookup } from './lookup.ts';
import type { NeuralTagger } from './neural.ts';
/** A syntactic word as the tagger sees it. */
export interface TagWord {
  form: string;
  /** The surface token it belongs to. */
  surface: string;
  /** 0 proclitic, 1 stem, 2 enclitic. */
  role: number;
  /** Index of the part inside its token, and the token's number of parts. */
  part: number;
  parts: number;
}

const T = {
  w: template('w='),
  wf: template('wf='),
  p1: template('p1='),
  p2: template('p2='),
  p3: template('p3='),
  s1: template('s1='),
  s2: template('s2='),
  s3: template('s3='),
  s4: template('s4='),
  shape: template('sh='),
  role: template('r='),
  roleS2: template('rs2='),
  tok: template('tok='),
  prevW: template('w-1='),
  nextW: template('w+1='),
  prev2W: template('w-2='),
  next2W: template('w+2='),
  prevS2: template('s2-1='),
  nextS2: template('s2+1='),
  prevNext: template('w-1w+1='),
  bigram: template('w-1w='),
  amb: template('amb='),
  ambPrev: template('amb-1='),
  ambNext: template('amb+1='),
  prefix: template('pre='),
  len: template('len='),
  cc: template('cc='),
  p4: template('p4='),
  def: template('def='),
  nextP2: template('p2+1='),
  cl: template('cl='),
  clPrev: template('cl-1='),
  clNext: template('cl+1='),
  al: template('al='),
  alr: template('alr='),
  nextBigram: template('ww+1='),
  ambPrev2: template('amb-2='),
  ambNext2: template('amb+2='),
  ambS3: template('ambs3='),
  ambDef: template('ambdef='),
  ambFem: template('ambfem='),
  ambNis: template('ambnis='),
  share: template('sh%='),
  tri: template('tri='),
};

/** Upper bound of the keys `featurize` writes per position. */
const MAX_FEATURES = 64;
/** Character trigrams of an unknown form: at most this many, from its start. */
const MAX_TRIGRAMS = 8;

const LEN = Array.from({ length: 11 }, (_, i) => String(i));
const ROLE = ['P', 'S', 'E'];
const PART = Array.from({ length: 10 }, (_, i) => String(i));

/** Seed for the second half of a two-part feature (no string built). */
const pairSeed = (tpl: number, a: string): number => hashString(a, tpl) ^ 0x9e3779b9;
/** Key of the two-part feature (tpl, a, b). */
const pair = (tpl: number, a: string, b: string): number => hashString(b, pairSeed(tpl, a));

const NO_CLUSTER = '-';
const NO_CLUSTERS = new Map<string, string>();

/** Reads a word-cluster TSV (`word<TAB>id<TAB>id...`, coarse to fine; `#` lines are comments). */
export function readClusters(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const f = line.split('\t');
    if (f.length >= 2) out.set(f[0], f.slice(1, 3).join(' '));
  }
  return out;
}

const cbucket = (n: number): number => (n <= 0 ? 0 : n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : 4);

/** Corpus features of a form: how frequent it is and whether it takes the article. */
function corpusFeatures(form: string, corpus: Lookup<number>): [string, string, string] {
  const c = corpus.get(form) ?? 0;
  const hasAl = form.startsWith('ال') && form.length > 3;
  const other = hasAl ? (corpus.get(form.slice(2)) ?? 0) : (corpus.get(`ال${form}`) ?? 0);
  const ratio = c + other === 0 ? 'none' : String(Math.round((4 * other) / (c + other)));
  return [String(cbucket(c)), `${hasAl ? 1 : 0}|${cbucket(other)}`, `${hasAl ? 1 : 0}|${ratio}`];
}

/** Shape class of a form: digits, Latin, punctuation, Arabic, mixed. */
export function shapeOf(form: string): string {
  let d = 0;
  let a = 0;
  let l = 0;
  let p = 0;
  for (let i = 0; i < form.length; i++) {
    const c = form.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9)) d++;
    else if (c >= 0x0600 && c <= 0x06ff) a++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) l++;
    else p++;
  }
  if (d && !a && !l) return p ? 'D.' : 'D';
  if (l && !a) return 'L';
  if (a && !d && !l && !p) return 'A';
  if (!a && !d && !l) return 'P';
  return 'M';
}

/** Labels per word kept for second-order Viterbi (by emission score; measured on dev, see README). */
const SECOND_ORDER_BEAM = 4;

/** Forms whose form-only weight sums a tagger keeps (per role) before starting over. */
const FORM_CACHE = 50_000;

interface CachedForm {
  amb: string;
  cluster: string;
  sums: Float64Array;
  /** Labels the tag dictionary allows (1) for this form, or null (any). */
  allowed: Uint8Array | null;
}

/**
 * Tag dictionary: a form seen often enough in training (count bucket ≥
 * `minBucket`: 2 = 10+ times, 3 = 100+) may only take the tags of its
 * ambiguity class (≥ 5 % of its uses). Null: no restriction.
 */
export function allowedTags(form: string, amb: Lookup<string>, labels: readonly string[], minBucket: number): Uint8Array | null {
  if (minBucket <= 0) return null;
  const info = amb.get(`#${form}`);
  if (!info?.startsWith('n') || Number(info[1]) < minBucket) return null;
  const cls = amb.get(form);
  if (!cls) return null;
  const m = new Uint8Array(labels.length);
  let any = false;
  for (const t of cls.split('|')) {
    const l = labels.indexOf(t);
    if (l >= 0) {
      m[l] = 1;
      any = true;
    }
  }
  return any ? m : null;
}

/** What the neighbours' features read of each word of the sentence. */
interface SentenceContext {
  /** Ambiguity class of each word ('?' unseen). */
  ambs: string[];
  /** Word cluster ids of each word ("coarse fine"), empty without clusters. */
  cls: string[];
}

const lookAmb = (amb: Lookup<string>, form: string, fold: string): string => amb.get(form) ?? amb.get(`~${fold}`) ?? '?';

/** Ambiguity class and cluster of a form (folded forms: surfaces spell hamza and final letters inconsistently). */
function formFacts(form: string, amb: Lookup<string>, clusters: Lookup<string>): { amb: string; cluster: string } {
  const folded = matchForm(form);
  return {
    amb: lookAmb(amb, form, folded),
    cluster: clusters.size > 0 ? (clusters.get(folded) ?? NO_CLUSTER) : NO_CLUSTER,
  };
}

function sentenceContext(words: readonly TagWord[], facts: (w: TagWord) => { amb: string; cluster: string }): SentenceContext {
  const ambs: string[] = new Array(words.length);
  const cls: string[] = new Array(words.length);
  for (let i = 0; i < words.length; i++) {
    const f = facts(words[i]);
    ambs[i] = f.amb;
    cls[i] = f.cluster;
  }
  return { ambs, cls };
}

const coarse = (c: string): string => {
  const sp = c.indexOf(' ');
  return sp < 0 ? c : c.slice(0, sp);
};

/**
 * Keys that depend only on the word's form and role (plus the model's
 * lexicons): written at `keys[k..]`, returns the new end.
 */
function localKeys(
  w: TagWord,
  a: string,
  cluster: string,
  amb: Lookup<string>,
  corpus: Lookup<number>,
  withClusters: boolean,
  keys: Uint32Array,
  k: number,
): number {
  const f = w.form;
  const L = f.length;
  keys[k++] = BIAS_KEY;
  keys[k++] = featureKey(T.w, f);
  keys[k++] = featureKey(T.wf, matchForm(f));
  keys[k++] = featureKeySlice(T.p1, f, 0, Math.min(1, L));
  keys[k++] = featureKeySlice(T.p2, f, 0, Math.min(2, L));
  keys[k++] = featureKeySlice(T.p3, f, 0, Math.min(3, L));
  keys[k++] = featureKeySlice(T.s1, f, Math.max(0, L - 1), L);
  keys[k++] = featureKeySlice(T.s2, f, Math.max(0, L - 2), L);
  keys[k++] = featureKeySlice(T.s3, f, Math.max(0, L - 3), L);
  keys[k++] = featureKeySlice(T.s4, f, Math.max(0, L - 4), L);
  keys[k++] = featureKey(T.shape, shapeOf(f));
  keys[k++] = hashString(LEN[Math.min(L, 10)], T.len);
  keys[k++] = featureKeySlice(pairSeed(T.roleS2, ROLE[w.role]), f, Math.max(0, L - 2), L);
  keys[k++] = featureKeySlice(T.p4, f, 0, Math.min(4, L));
  keys[k++] = featureKey(T.amb, a);
  keys[k++] = featureKeySlice(pairSeed(T.ambS3, a), f, Math.max(0, L - 3), L);
  if (w.role === 1) {
    // classes of related forms: article toggled, feminine ة toggled, nisba ending removed
    const related = (x: string): string => lookAmb(amb, x, matchForm(x));
    keys[k++] = pair(T.ambDef, a, related(f.startsWith('ال') && L > 3 ? f.slice(2) : `ال${f}`));
    keys[k++] = pair(T.ambFem, a, related(f.endsWith('ة') ? f.slice(0, -1) : `${f}ة`));
    if (L > 4 && f.endsWith('ي')) keys[k++] = pair(T.ambNis, a, related(f.slice(0, -1)));
    else if (L > 4 && f.endsWith('ية')) keys[k++] = pair(T.ambNis, a, related(f.slice(0, -2)));
  }
  if (a === '?' && L >= 3) {
    // unknown form: character trigrams (transliterated names look different from Arabic patterns)
    for (let j = 0; j + 3 <= L && j < MAX_TRIGRAMS; j++) keys[k++] = featureKeySlice(T.tri, f, j, j + 3);
  }
  const shares = amb.get(`#${f}`);
  if (shares) {
    let from = 0;
    for (let j = 0; j <= shares.length; j++) {
      if (j === shares.length || shares.charCodeAt(j) === 32) {
        keys[k++] = featureKeySlice(T.share, shares, from, j);
        from = j + 1;
      }
    }
  }
  if (withClusters) {
    keys[k++] = pair(T.cl, '0', coarse(cluster));
    keys[k++] = pair(T.cl, '1', cluster);
  }
  if (corpus.size > 0 && w.role === 1) {
    const [cc, al, alr] = corpusFeatures(f, corpus);
    keys[k++] = featureKey(T.cc, cc);
    keys[k++] = featureKey(T.al, al);
    keys[k++] = pair(T.alr, alr, a);
  }
  return k;
}

/** Keys of position i that depend on its neighbours or its place in the surface token. */
function contextKeys(
  words: readonly TagWord[],
  i: number,
  ctx: SentenceContext,
  withClusters: boolean,
  keys: Uint32Array,
  k: number,
): number {
  const n = words.length;
  const w = words[i];
  const f = w.form;
  const L = f.length;
  const a = ctx.ambs[i];
  const ambOf = (j: number): string => (j < 0 ? '<s>' : j >= n ? '</s>' : ctx.ambs[j]);
  const formOf = (j: number): string => (j < 0 ? '<s>' : j >= n ? '</s>' : words[j].form);
  keys[k++] = pair(T.role, ROLE[w.role], PART[Math.min(w.part, 9)] + PART[Math.min(w.parts, 9)]);
  keys[k++] = w.parts > 1 ? pair(T.tok, w.surface, PART[Math.min(w.part, 9)]) : featureKey(T.tok, w.surface);
  keys[k++] = featureKey(T.prefix, w.part > 0 ? words[i - w.part].form : '-');
  const pf = formOf(i - 1);
  const nf = formOf(i + 1);
  keys[k++] = featureKey(T.prevW, pf);
  keys[k++] = featureKey(T.nextW, nf);
  keys[k++] = featureKey(T.prev2W, formOf(i - 2));
  keys[k++] = featureKey(T.next2W, formOf(i + 2));
  keys[k++] = featureKeySlice(T.prevS2, pf, Math.max(0, pf.length - 2), pf.length);
  keys[k++] = featureKeySlice(T.nextS2, nf, Math.max(0, nf.length - 2), nf.length);
  keys[k++] = pair(T.prevNext, pf, nf);
  keys[k++] = pair(T.bigram, pf, f);
  const defPrev = pf.startsWith('ال') ? 'D' : 'N';
  const defCur = f.startsWith('ال') ? 'D' : 'N';
  keys[k++] = featureKeySlice(pairSeed(T.def, defPrev + defCur), f, Math.max(0, L - 1), L);
  keys[k++] = featureKeySlice(pairSeed(T.nextP2, f.slice(Math.max(0, L - 1))), nf, 0, Math.min(2, nf.length));
  keys[k++] = pair(T.ambPrev, ambOf(i - 1), a);
  keys[k++] = pair(T.ambNext, a, ambOf(i + 1));
  keys[k++] = pair(T.nextBigram, f, nf);
  keys[k++] = pair(T.ambPrev2, ambOf(i - 2), a);
  keys[k++] = pair(T.ambNext2, a, ambOf(i + 2));
  if (withClusters) {
    const c = ctx.cls[i];
    const cp = i > 0 ? ctx.cls[i - 1] : NO_CLUSTER;
    const cn = i + 1 < n ? ctx.cls[i + 1] : NO_CLUSTER;
    keys[k++] = pair(T.clPrev, coarse(cp), coarse(c));
    keys[k++] = pair(T.clNext, coarse(c), coarse(cn));
  }
  return k;
}

export class Tagger {
  readonly model: SequencePerceptron;
  /** Form → tags seen in training ("ADJ|NOUN"); "#" + form → count bucket and tag shares ("n2 NOUN8 ADJ2"). */
  private readonly amb: Lookup<string>;
  /** Unlabelled-corpus word counts (shared with the segmenter; may be empty). */
  corpus: Lookup<number>;
  /** Word clusters (matching form → "coarse fine" ids), stored in the model. */
  private readonly clusters: Lookup<string>;
  /** Per role (proclitic, stem, enclitic): form → its facts and form-only weight sums. */
  private readonly cache: Array<GenerationalCache<string, CachedForm>> = [
    new GenerationalCache(FORM_CACHE),
    new GenerationalCache(FORM_CACHE),
    new GenerationalCache(FORM_CACHE),
  ];
  private readonly scratch = new Uint32Array(MAX_FEATURES);
  /** Offsets of the weight rows of the keys in `scratch` (`addRows`). */
  private readonly rows = new Int32Array(MAX_FEATURES);
  /** Tag dictionary threshold (`allowedTags`), from the model's meta; 0 = none. */
  readonly dictBucket: number;
  /** Second-order transition weights when the model was trained with `order: 2`. */
  private readonly trans2: Float64Array | null;
  /** Second-order decoding considers only this many best-scoring labels per word (speed). */
  beam = SECOND_ORDER_BEAM;
  /** Window network whose weighted log-probabilities are added to the emissions (`neural.ts`); null = perceptron alone. */
  neural: NeuralTagger | null = null;
  /** Sentence network (`bilstm.ts`), added the same way; null = none. */
  sentence: BiLstmTagger | null = null;

  constructor(model: SequencePerceptron, corpus: Lookup<number> = new Map()) {
    this.model = model;
    this.dictBucket = typeof model.meta.tagDict === 'number' ? model.meta.tagDict : 0;
    this.trans2 = model.meta.order === 2 ? secondOrderTransitions(model) : null;
    this.corpus = corpus;
    this.clusters = cachedLookup(recordLookup(model.meta.clusters as Record<string, string> | undefined));
    this.amb = cachedLookup(recordLookup(model.meta.ambiguity as Record<string, string> | undefined));
  }

  /** Ambiguity class of a form in training ("ADJ|NOUN"; "?" unseen), by its folded spelling if need be. */
  classOf(form: string): string {
    return lookAmb(this.amb, form, matchForm(form));
  }

  /** Feature keys of every word: position i owns keys[offsets[i] .. offsets[i+1]). */
  static featurize(
    words: readonly TagWord[],
    amb: Lookup<string>,
    corpus: Lookup<number>,
    clusters: Lookup<string> = NO_CLUSTERS,
  ): { keys: Uint32Array; offsets: Int32Array } {
    const n = words.length;
    const keys = new Uint32Array(n * MAX_FEATURES);
    const offsets = new Int32Array(n + 1);
    const ctx = sentenceContext(words, (w) => formFacts(w.form, amb, clusters));
    let k = 0;
    for (let i = 0; i < n; i++) {
      k = localKeys(words[i], ctx.ambs[i], ctx.cls[i], amb, corpus, clusters.size > 0, keys, k);
      k = contextKeys(words, i, ctx, clusters.size > 0, keys, k);
      offsets[i + 1] = k;
    }
    return { keys: keys.subarray(0, k), offsets };
  }

  /**
   * The form's facts and the summed weights of its form-only keys
   * (`localKeys`), per role: the same wherever the form occurs, so computed
   * once and cached (bounded).
   */
  private facts(w: TagWord): CachedForm {
    const cache = this.cache[w.role] ?? this.cache[1];
    let c = cache.get(w.form);
    if (c === undefined) {
      const { amb, cluster } = formFacts(w.form, this.amb, this.clusters);
      const L = this.model.labels.length;
      const sums = new Float64Array(L);
      this.addRows(localKeys(w, amb, cluster, this.amb, this.corpus, this.clusters.size > 0, this.scratch, 0), sums, 0);
      c = { amb, cluster, sums, allowed: allowedTags(w.form, this.amb, this.model.labels, this.dictBucket) };
      cache.set(w.form, c);
    }
    return c;
  }

  /**
   * out[at ..] += the weight rows of the keys `scratch[0 .. k)`, in key order: the same sums as `table.addTo` key by
   * key, faster. Every key's row is found first (the probes of the large table are independent, so their cache
   * misses overlap instead of waiting on one another), then the rows are summed label by label in a register.
   */
  private addRows(k: number, out: Float64Array, at: number): void {
    const { table } = this.model;
    const { weights, nLabels: W } = table;
    const keys = this.scratch;
    const rows = this.rows;
    let m = 0;
    for (let j = 0; j < k; j++) {
      const r = table.rowOf(keys[j]);
      if (r >= 0) rows[m++] = r * W;
    }
    for (let l = 0; l < W; l++) {
      let s = out[at + l];
      for (let j = 0; j < m; j++) s += weights[rows[j] + l];
      out[at + l] = s;
    }
  }

  /**
   * Best label path over n×L emission scores (overwritten): the tag
   * dictionary's masks, then first- or second-order Viterbi as trained.
   */
  decode(emit: Float64Array, allowed: ReadonlyArray<Uint8Array | null>, n: number): Int32Array {
    const L = this.model.labels.length;
    if (this.dictBucket > 0) maskEmissions(emit, allowed, n, L);
    const ids = new Int32Array(n);
    if (this.trans2) {
      keepTopLabels(emit, n, L, this.beam);
      viterbi2(emit, this.model.transitions, this.trans2, n, L, ids);
    } else viterbi(emit, this.model.transitions, n, L, ids);
    return ids;
  }

  /** Tag dictionary masks of the words (all null without a dictionary). */
  allowed(words: readonly TagWord[]): Array<Uint8Array | null> {
    return words.map((w) => allowedTags(w.form, this.amb, this.model.labels, this.dictBucket));
  }

  /** UPOS of each word. */
  tag(words: readonly TagWord[]): string[] {
    return this.tagScored(words).tags;
  }

  /**
   * UPOS of each word and the score of that best path (emissions, with the networks' shares, plus
   * transitions): what the joint segmentation compares between the analyses of a token (`MorphAnalyzer`).
   * `plain`: the perceptron alone (the networks' shares left out), as the split reranker's features (`rerank.ts`).
   */
  tagScored(words: readonly TagWord[], plain = false): { tags: string[]; score: number } {
    const n = words.length;
    if (n === 0) return { tags: [], score: 0 };
    const L = this.model.labels.length;
    const facts = words.map((w) => this.facts(w));
    const ctx: SentenceContext = { ambs: facts.map((f) => f.amb), cls: facts.map((f) => f.cluster) };
    const emit = new Float64Array(n * L);
    const scratch = this.scratch;
    const withClusters = this.clusters.size > 0;
    for (let i = 0; i < n; i++) {
      emit.set(facts[i].sums, i * L);
      this.addRows(contextKeys(words, i, ctx, withClusters, scratch, 0), emit, i * L);
    }
    if (!plain) {
      this.neural?.addTo(emit, words, this.model.labels);
      // gated on the margins the window networks leave
      this.sentence?.addTo(emit, words, this.model.labels);
    }
    const ids = this.decode(
      emit,
      facts.map((f) => f.allowed),
      n,
    );
    const labels = this.model.labels;
    const trans = this.model.transitions;
    const out: string[] = new Array(n);
    let score = 0;
    for (let i = 0; i < n; i++) {
      out[i] = labels[ids[i]];
      score += emit[i * L + ids[i]] + trans[(i === 0 ? L : ids[i - 1]) * L + ids[i]];
    }
    return { tags: out, score };
  }

  /**
   * Trains on gold words and tags. The ambiguity classes the model stores come
   * from all the data; during training each sentence sees classes built from
   * the other folds (jackknifing), as unseen text would.
   */
  static train(
    sentences: Array<{ words: TagWord[]; tags: string[] }>,
    opts: ConstrainedTrainOptions & {
      folds?: number;
      corpus?: Lookup<number>;
      clusters?: Map<string, string>;
      /** Tag dictionary threshold (`allowedTags`; 0 = none, the default). */
      tagDict?: number;
      /** Perceptrons trained on different shuffles (seeds `seed`..`seed`+N−1) and averaged (default 1: one model). */
      seeds?: number;
    } = {},
  ): Tagger {
    const corpus = opts.corpus ?? new Map<string, number>();
    const clusters = opts.clusters ?? NO_CLUSTERS;
    const folds = opts.folds ?? 10;
    const ambiguity = ambiguityClasses(sentences);
    const foldAmb = Array.from(
      { length: folds },
      (_, f) => new Map(Object.entries(ambiguityClasses(sentences.filter((_, i) => i % folds !== f)))),
    );
    const tagDict = opts.tagDict ?? 0;
    const seeds = opts.seeds ?? 1;
    if (!Number.isInteger(seeds) || seeds < 1) throw new Error(`Tagger.train: seeds must be a positive integer, not ${seeds}`);
    const seed0 = opts.seed ?? 1;
    const models: SequencePerceptron[] = [];
    if (tagDict <= 0 && (opts.update ?? 'perceptron') === 'perceptron' && (opts.order ?? 1) === 1) {
      const examples: SequenceExample[] = sentences.map((s, i) => {
        const { keys, offsets } = Tagger.featurize(s.words, foldAmb[i % folds], corpus, clusters);
        const features = s.words.map((_, j) => keys.subarray(offsets[j], offsets[j + 1]));
        return { features, labels: s.tags };
      });
      for (let k = 0; k < seeds; k++) models.push(SequencePerceptron.train(examples, { ...opts, seed: seed0 + k }));
    } else {
      // same labels and key order as SequencePerceptron.train
      const labels = [...new Set(sentences.flatMap((s) => s.tags))].sort();
      const index = new Map(labels.map((l, i) => [l, i]));
      const data: KeyedSequence[] = sentences.map((s, i) => {
        const fa = foldAmb[i % folds];
        const { keys, offsets } = Tagger.featurize(s.words, fa, corpus, clusters);
        return {
          keys: s.words.map((_, j) => keys.slice(offsets[j], offsets[j + 1])),
          gold: Int32Array.from(s.tags, (t) => index.get(t)!),
          allowed: tagDict > 0 ? s.words.map((w) => allowedTags(w.form, fa, labels, tagDict)) : undefined,
        };
      });
      for (let k = 0; k < seeds; k++) models.push(trainConstrained(labels, data, { ...opts, seed: seed0 + k }));
    }
    // several shuffles (seeds seed..seed+N-1): their mean (see README, "Averaged seeds")
    const model = averageSequenceModels(models);
    if (tagDict > 0) model.meta = { ...model.meta, tagDict };
    if (opts.order === 2) model.meta = { ...model.meta, order: 2 };
    // only the clusters of forms the tagger can meet often enough to matter: corpus words
    const clusterMeta: Record<string, string> = {};
    for (const [w, ids] of [...clusters].sort((a, b) => (a[0] < b[0] ? -1 : 1))) clusterMeta[w] = ids;
    model.meta = { ...model.meta, ambiguity, clusters: clusterMeta };
    return new Tagger(model, corpus);
  }
}

/**
 * Form → the tags making up at least 5% of its uses, sorted and joined with
 * "|"; "~" + folded form → the same over all spellings; "#" + form → its
 * count bucket and its (up to) three most frequent tags with their shares in
 * tenths ("n2 NOUN8 ADJ2").
 */
export function ambiguityClasses(sentences: Array<{ words: TagWord[]; tags: string[] }>): Record<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const s of sentences) {
    s.words.forEach((w, i) => {
      let m = counts.get(w.form);
      if (!m) counts.set(w.form, (m = new Map()));
      m.set(s.tags[i], (m.get(s.tags[i]) ?? 0) + 1);
    });
  }
  // folded forms too, under "~" + folded form, for forms spelled differently
  for (const [form, m] of [...counts]) {
    const key = `~${matchForm(form)}`;
    let f = counts.get(key);
    if (!f) counts.set(key, (f = new Map()));
    for (const [t, c] of m) f.set(t, (f.get(t) ?? 0) + c);
  }
  const out: Record<string, string> = {};
  for (const form of [...counts.keys()].sort()) {
    const m = counts.get(form)!;
    let total = 0;
    for (const c of m.values()) total += c;
    if (!form.startsWith('~')) {
      const top = [...m].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, 3);
      out[`#${form}`] = [`n${cbucket(total)}`, ...top.map(([t, c]) => `${t}${Math.round((10 * c) / total)}`)].join(' ');
    }
    out[form] = [...m]
      .filter(([, c]) => c / total >= 0.05)
      .map(([t]) => t)
      .sort()
      .join('|');
  }
  return out;
}
