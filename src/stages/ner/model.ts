/**
 * The NER tagger: a structured averaged perceptron (first-order Viterbi, see
 * `src/learn`; second-order when a stage was trained with `order: 2`, meta
 * `order`) over BIO labels, with the features of `features.ts`.
 *
 * Model files (all under `models/`): `ner.bin` and `ner-stage2.bin` (weights),
 * `ner-gazetteer.tsv`, `ner-clusters.tsv`, `ner-embclusters.tsv`. Rebuild:
 * `khabar train ner-clusters`, `khabar train ner-embeddings`, `khabar train ner`
 * (see `models/ner.md`).
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { modelFile, sharedDataDir } from '../../core/paths.ts';
import type { TaggedSentence } from '../../corpora/ner-conll.ts';
import { KnowledgeBase } from '../../kb/index.ts';
import { secondOrderTransitions, trainConstrained, viterbi2 } from '../../learn/constrained.ts';
import { trainCrf } from '../../learn/crf.ts';
import { averageSequenceModels, backtrace, SequencePerceptron, seededRandom, viterbi } from '../../learn/index.ts';
import { MorphAnalyzer } from '../morph/morph.ts';
import { type Clusters, loadClusters } from './clusters.ts';
import { loadEmbeddingClusters } from './embeddings.ts';
import {
  documentHistory,
  FEATURES_VERSION,
  historyCodes,
  keysOf,
  LABEL_CODE,
  type NerResources,
  type SentenceFeatures,
  type StackedContext,
  sentenceFeatures,
  stackedKeys,
} from './features.ts';
import { NerGazetteer } from './gazetteer.ts';
import { EmissionScorer } from './scorer.ts';

export interface NerPaths {
  model: string;
  /** Second-stage (stacked) model; absent = single stage. */
  model2: string;
  gazetteer: string;
  clusters: string;
  /** Clusters of word embeddings (`khabar train ner-embeddings`); absent = none. */
  embClusters?: string;
}

export function defaultNerPaths(dir = modelFile()): NerPaths {
  return {
    model: join(dir, 'ner.bin'),
    model2: join(dir, 'ner-stage2.bin'),
    gazetteer: join(dir, 'ner-gazetteer.tsv'),
    clusters: join(dir, 'ner-clusters.tsv'),
    embClusters: join(dir, 'ner-embclusters.tsv'),
  };
}

/**
 * The news model (`khabar train ner-news`): ANERcorp and khabar's own entity annotations of 2018 news
 * (`data/annotations/entities-train.jsonl`), in `ner-news.bin` / `ner-news-stage2.bin`; same gazetteer and cluster files.
 */
export function newsNerPaths(dir = modelFile()): NerPaths {
  return { ...defaultNerPaths(dir), model: join(dir, 'ner-news.bin'), model2: join(dir, 'ner-news-stage2.bin') };
}

/** Turn a label sequence into valid IOB2: an I-X that does not continue an X becomes B-X. */
export function repairBio(tags: string[]): string[] {
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    if (t.startsWith('I-')) {
      const prev = i > 0 ? tags[i - 1] : 'O';
      if (prev === 'O' || prev.slice(2) !== t.slice(2)) tags[i] = `B-${t.slice(2)}`;
    }
  }
  return tags;
}

/** The morph analyser from `dir` or, failing that, the repository's `models/`; null when neither has it. */
function loadMorph(dir: string): MorphAnalyzer | null {
  for (const d of [dir, modelFile()]) {
    try {
      return MorphAnalyzer.load(d);
    } catch {
      // try the next folder
    }
  }
  return null;
}

/** Per token, the UPOS of its syntactic words joined with + (`CCONJ+PROPN`): the POS feature. */
export function posSignatures(morph: MorphAnalyzer, tokens: readonly string[]): string[] {
  const out: string[] = tokens.map(() => '');
  for (const w of morph.analyze(tokens.map((text) => ({ text })))) out[w.token] = out[w.token] ? `${out[w.token]}+${w.upos}` : w.upos;
  return out;
}

/** Per label of a model: entity type id (-1 for O), whether it is an I- label, and the B- label of its type. */
interface LabelInfo {
  type: Int32Array;
  inside: Uint8Array;
  begin: string[];
}
const labelInfos = new WeakMap<readonly string[], LabelInfo>();

function labelInfo(labels: readonly string[]): LabelInfo {
  let li = labelInfos.get(labels);
  if (li) return li;
  const types: string[] = [];
  const type = Int32Array.from(labels, (l) => {
    if (l.length < 3 || l[1] !== '-') return -1;
    const t = l.slice(2);
    if (!types.includes(t)) types.push(t);
    return types.indexOf(t);
  });
  li = { type, inside: Uint8Array.from(labels, (l) => (l.startsWith('I-') ? 1 : 0)), begin: labels.map((l) => `B-${l.slice(2)}`) };
  labelInfos.set(labels, li);
  return li;
}

/** The labels of label indices `idx[0 .. n)`, repaired to valid IOB2: same as `repairBio(idx.map((l) => labels[l]))`. */
export function bioLabels(labels: readonly string[], idx: Int32Array, n = idx.length): string[] {
  const { type, inside, begin } = labelInfo(labels);
  const out: string[] = new Array(n);
  let prev = -1;
  for (let i = 0; i < n; i++) {
    const l = idx[i];
    out[i] = inside[l] && type[l] !== prev ? begin[l] : labels[l];
    prev = type[l];
  }
  return out;
}

/** Viterbi's tables and best path, reused from sentence to sentence (grown when needed). */
let vDelta = new Float64Array(16 * 256);
let vBack = new Int32Array(16 * 256);
let vPath = new Int32Array(256);

/**
 * Best label path over emission scores `emit` (n × L) and (L+1)×L
 * transitions, in the shared `vPath` (valid until the next call): the same
 * computation, step for step, as `viterbi` of `src/learn`, without allocating.
 */
function viterbiPath(emit: Float64Array, trans: Float64Array, n: number, L: number): Int32Array {
  if (vPath.length < n) vPath = new Int32Array(2 * n);
  if (n === 0) return vPath;
  if (L !== 9) {
    viterbi(emit, trans, n, L, vPath);
    return vPath;
  }
  if (vDelta.length < n * L) {
    vDelta = new Float64Array(2 * n * L);
    vBack = new Int32Array(2 * n * L);
  }
  for (let l = 0; l < L; l++) vDelta[l] = emit[l] + trans[L * L + l];
  viterbi9(emit, transposed(trans, L), n, vDelta, vBack);
  backtrace(vDelta, vBack, n, L, vPath);
  return vPath;
}

const transposedOf = new WeakMap<Float64Array, Float64Array>();

/** The transition weights label by label (`t[l * L + p]` = weight of p -> l), computed once per table. */
function transposed(trans: Float64Array, L: number): Float64Array {
  let t = transposedOf.get(trans);
  if (!t) {
    t = new Float64Array(L * L);
    for (let p = 0; p < L; p++) for (let l = 0; l < L; l++) t[l * L + p] = trans[p * L + l];
    transposedOf.set(trans, t);
  }
  return t;
}

/**
 * The Viterbi recursion of `viterbiPath` for 9 labels (the BIO labels of four
 * types), unrolled: the previous position's scores stay in locals. Same sums,
 * same comparisons in the same order (the first best wins a tie), so the same
 * path. (The generic loop starts from -Infinity and takes p = 0 at once when
 * the score is finite, as emission and transition weights always are.)
 */
function viterbi9(emit: Float64Array, tt: Float64Array, n: number, delta: Float64Array, back: Int32Array): void {
  let d0 = delta[0];
  let d1 = delta[1];
  let d2 = delta[2];
  let d3 = delta[3];
  let d4 = delta[4];
  let d5 = delta[5];
  let d6 = delta[6];
  let d7 = delta[7];
  let d8 = delta[8];
  for (let i = 1; i < n; i++) {
    const base = i * 9;
    for (let l = 0; l < 9; l++) {
      const t = l * 9;
      let bv = d0 + tt[t];
      let best = 0;
      let v = d1 + tt[t + 1];
      if (v > bv) {
        bv = v;
        best = 1;
      }
      v = d2 + tt[t + 2];
      if (v > bv) {
        bv = v;
        best = 2;
      }
      v = d3 + tt[t + 3];
      if (v > bv) {
        bv = v;
        best = 3;
      }
      v = d4 + tt[t + 4];
      if (v > bv) {
        bv = v;
        best = 4;
      }
      v = d5 + tt[t + 5];
      if (v > bv) {
        bv = v;
        best = 5;
      }
      v = d6 + tt[t + 6];
      if (v > bv) {
        bv = v;
        best = 6;
      }
      v = d7 + tt[t + 7];
      if (v > bv) {
        bv = v;
        best = 7;
      }
      v = d8 + tt[t + 8];
      if (v > bv) {
        bv = v;
        best = 8;
      }
      delta[base + l] = bv + emit[base + l];
      back[base + l] = best;
    }
    d0 = delta[base];
    d1 = delta[base + 1];
    d2 = delta[base + 2];
    d3 = delta[base + 3];
    d4 = delta[base + 4];
    d5 = delta[base + 5];
    d6 = delta[base + 6];
    d7 = delta[base + 7];
    d8 = delta[base + 8];
  }
}

/** Viterbi over emission scores `emit` (n × L, O handicapped by `oPenalty` in place); valid IOB2 labels (as `repairBio`). */
function decode(model: SequencePerceptron, emit: Float64Array, n: number, oPenalty: number): string[] {
  return bioLabels(model.labels, decodePath(model, emit, n, oPenalty), n);
}

const secondOrderOf = new WeakMap<SequencePerceptron, Float64Array | null>();

/** The second-order transition weights of a model trained with `order: 2` (meta), else null; read once per model. */
function secondOrder(model: SequencePerceptron): Float64Array | null {
  let t = secondOrderOf.get(model);
  if (t === undefined) {
    t = model.meta.order === 2 ? secondOrderTransitions(model) : null;
    secondOrderOf.set(model, t);
  }
  return t;
}

/** `decode`'s label indices (before the IOB2 repair), in the shared `vPath`: first- or second-order Viterbi as trained. */
function decodePath(model: SequencePerceptron, emit: Float64Array, n: number, oPenalty: number): Int32Array {
  const L = model.labels.length;
  const o = model.labelIndex('O');
  if (oPenalty !== 0 && o >= 0) for (let i = 0; i < n; i++) emit[i * L + o] -= oPenalty;
  const trans2 = secondOrder(model);
  if (!trans2) return viterbiPath(emit, model.transitions, n, L);
  if (vPath.length < n) vPath = new Int32Array(2 * n);
  // exact (no beam): 9 labels
  viterbi2(emit, model.transitions, trans2, n, L, vPath);
  return vPath;
}

/** `documentHistory`'s type of a label: 0 = O (or unknown), 1-4 = PER, LOC, ORG, MISC. */
const HIST_TYPE: Record<string, number> = { PER: 1, LOC: 2, ORG: 3, MISC: 4 };

interface StackCodes {
  /** Per label index: stack code as is, stack code of its B- form, history type. */
  code: Uint8Array;
  beginCode: Uint8Array;
  histType: Uint8Array;
}
const stackCodes = new WeakMap<readonly string[], StackCodes>();

function stackCodesOf(labels: readonly string[]): StackCodes {
  let sc = stackCodes.get(labels);
  if (sc) return sc;
  sc = {
    code: Uint8Array.from(labels, (l) => LABEL_CODE[l] ?? 0),
    beginCode: Uint8Array.from(labels, (l) => LABEL_CODE[`B-${l.slice(2)}`] ?? 0),
    histType: Uint8Array.from(labels, (l) => (l === 'O' ? 0 : (HIST_TYPE[l.slice(2)] ?? 0))),
  };
  stackCodes.set(labels, sc);
  return sc;
}

/**
 * The first stage's output as the second stage reads it: the `stackIndex`
 * label codes of the repaired (IOB2) labels of path `idx`, and their
 * `documentHistory` types.
 */
function firstStageCodes(labels: readonly string[], idx: Int32Array, n: number): { codes: Uint8Array; types: Uint8Array } {
  const { type, inside } = labelInfo(labels);
  const { code, beginCode, histType } = stackCodesOf(labels);
  const codes = new Uint8Array(n);
  const types = new Uint8Array(n);
  let prev = -1;
  for (let i = 0; i < n; i++) {
    const l = idx[i];
    // As `bioLabels`: an I- label that does not continue its type becomes B-.
    codes[i] = inside[l] && type[l] !== prev ? beginCode[l] : code[l];
    types[i] = histType[l];
    prev = type[l];
  }
  return { codes, types };
}

export class NerTagger {
  readonly model: SequencePerceptron;
  /** The stacked second stage (document history + first-stage labels as features), when trained. */
  readonly stage2: SequencePerceptron | null;
  readonly res: NerResources;
  /** Subtracted from the O label's score at every position (from the model's meta `oPenalty`; 0 by default). */
  oPenalty: number;

  /** O handicap for the second stage (its model's meta `oPenalty`; 0 by default). */
  stage2Penalty: number;
  /** The morphological analyser that gives the POS features (when the model was trained with them and `models/morph-*.bin` exist). */
  morph: MorphAnalyzer | null;

  /** Scores both stages' base features together (one lookup per key). */
  readonly scorer: EmissionScorer;

  constructor(model: SequencePerceptron, res: NerResources, stage2: SequencePerceptron | null = null, morph: MorphAnalyzer | null = null) {
    this.model = model;
    this.scorer = new EmissionScorer(stage2 ? [model, stage2] : [model]);
    this.stage2 = stage2;
    this.res = res;
    this.morph = morph;
    this.oPenalty = typeof model.meta.oPenalty === 'number' ? model.meta.oPenalty : 0;
    this.stage2Penalty = typeof stage2?.meta.oPenalty === 'number' ? stage2.meta.oPenalty : 0;
  }

  /** POS signatures of sentences from the analyser (null when there is none). */
  posOf(sentences: readonly (readonly string[])[]): (string[] | undefined)[] | null {
    const morph = this.morph;
    if (!morph) return null;
    return sentences.map((s) => posSignatures(morph, s));
  }

  static load(paths: NerPaths = defaultNerPaths()): NerTagger {
    const model = SequencePerceptron.load(paths.model);
    const version = model.meta.features;
    if (version !== FEATURES_VERSION)
      throw new Error(
        `NER model ${paths.model} has features "${String(version)}", code expects "${FEATURES_VERSION}": retrain with khabar train ner`,
      );
    const stage2 = existsSync(paths.model2) ? SequencePerceptron.load(paths.model2) : null;
    // No morph models: the tagger runs on tokens alone (it was trained to).
    const morph = model.meta.pos ? loadMorph(dirname(paths.model)) : null;
    const emb = paths.embClusters ? loadEmbeddingClusters(paths.embClusters) : [];
    // A model trained with embedding clusters is much worse without them: say so rather than tag badly.
    const levels = typeof model.meta.embLevels === 'number' ? model.meta.embLevels : 0;
    if (levels > emb.length)
      throw new Error(
        `NER model ${paths.model} was trained with ${levels} levels of embedding clusters; ${paths.embClusters ?? 'no file'} has ${emb.length}`,
      );
    return new NerTagger(model, { gaz: NerGazetteer.load(paths.gazetteer), clusters: loadClusters(paths.clusters), emb }, stage2, morph);
  }

  /** First-stage tags of one sentence. */
  tagFirst(tokens: readonly string[], pos?: readonly string[]): string[] {
    const n = tokens.length;
    if (n === 0) return [];
    const sf = sentenceFeatures(tokens, this.res, pos ?? (this.morph ? posSignatures(this.morph, tokens) : undefined));
    const emit = this.scorer.modelEmissions(this.scorer.emissions(sf), n, 0, null, new Float64Array(n * this.model.labels.length));
    return decode(this.model, emit, n, this.oPenalty);
  }

  /**
   * BIO tags for the sentences of one document, in order. With a second stage,
   * what the first stage said about the same word in nearby sentences is used.
   */
  tagDocument(sentences: readonly (readonly string[])[], pos?: readonly (readonly string[] | undefined)[]): string[][] {
    const tags = pos ?? this.posOf(sentences);
    const scorer = this.scorer;
    const count = sentences.length;
    const base: SentenceFeatures[] = new Array(count);
    const joint: Float64Array[] = new Array(count);
    for (let i = 0; i < count; i++) {
      base[i] = sentenceFeatures(sentences[i], this.res, tags?.[i]);
      joint[i] = scorer.emissions(base[i]);
    }
    const model = this.model;
    const L1 = model.labels.length;
    const stage2 = this.stage2;
    if (!stage2) {
      const first: string[][] = new Array(count);
      for (let i = 0; i < count; i++) {
        const n = base[i].n;
        first[i] = n === 0 ? [] : decode(model, scorer.modelEmissions(joint[i], n, 0, null, new Float64Array(n * L1)), n, this.oPenalty);
      }
      return first;
    }
    // The second stage reads the first's labels as codes (stackIndex) and types (documentHistory): no label strings.
    const codes: Uint8Array[] = new Array(count);
    const types: Uint8Array[] = new Array(count);
    let width = 0;
    for (let i = 0; i < count; i++) {
      const n = base[i].n;
      if (n > width) width = n;
      if (n === 0) {
        codes[i] = types[i] = new Uint8Array(0);
        continue;
      }
      const path = decodePath(model, scorer.modelEmissions(joint[i], n, 0, null, new Float64Array(n * L1)), n, this.oPenalty);
      const fc = firstStageCodes(model.labels, path, n);
      codes[i] = fc.codes;
      types[i] = fc.types;
    }
    const history = historyCodes(
      base.map((b) => b.info),
      types,
    );
    const L2 = stage2.labels.length;
    const stack = new Int32Array(width);
    const out: string[][] = new Array(count);
    for (let i = 0; i < count; i++) {
      const n = base[i].n;
      if (n === 0) {
        out[i] = [];
        continue;
      }
      const c = codes[i];
      const h = history[i];
      // stackIndex: ((label * 10 + previous label) * 10 + next label) * 6 + history, 9 = sentence edge.
      for (let k = 0; k < n; k++) stack[k] = ((c[k] * 10 + (k > 0 ? c[k - 1] : 9)) * 10 + (k + 1 < n ? c[k + 1] : 9)) * 6 + h[k];
      const emit = scorer.stackedEmissions(joint[i], n, 1, stack, new Float64Array(n * L2));
      out[i] = decode(stage2, emit, n, this.stage2Penalty);
    }
    return out;
  }

  /** BIO tags (PER, LOC, ORG, MISC) for one sentence on its own (POS from the analyser when available). */
  tag(tokens: readonly string[]): string[] {
    return this.tagDocument([tokens])[0];
  }
}

/**
 * The second stage is precise but cautious (dev: P 81, R 71); subtracting this
 * from the O score trades some precision for recall. Chosen on held-out train
 * folds, never on test: dev (last tenth) 0/10/20/40 -> F1 76.0/77.2/77.8/76.8,
 * fifth tenth 0/10/20/30 -> 67.7/67.3/67.3/65.8; 20 has the best mean.
 */
export const DEFAULT_STAGE2_O_PENALTY = 20;

/** Word dropout share at training (see `TrainNerOptions.wordDropout`): off; on dev 0.2 gave 77.73 (1 seed), 0.15 gave 78.11 (3 seeds). */
export const DEFAULT_WORD_DROPOUT = 0;

/** Perceptrons averaged per stage (see `TrainNerOptions.seeds`): dev F1 1 seed 78.09, 3 seeds 79.06, 5 seeds 78.82. */
export const DEFAULT_SEEDS = 3;

export interface TrainNerOptions {
  train: TaggedSentence[];
  epochs?: number;
  minFeatureCount?: number;
  /** Where to write the model files (default `models/`). */
  paths?: NerPaths;
  /** Rebuild the gazetteer file from the KB and ANERgazet (default true). */
  rebuildGazetteer?: boolean;
  clusters?: Clusters;
  log?: (msg: string) => void;
  /** Write the model files (default true). */
  save?: boolean;
  /** Folds for the stacked second stage (default 5; 1 = single stage). */
  folds?: number;
  /** Use POS features from the morph models (default true when they exist). */
  pos?: boolean;
  /** O handicap stored with the second stage (default `DEFAULT_STAGE2_O_PENALTY`). */
  oPenalty?: number;
  /** Models (shuffling seeds 1..N) averaged per stage (default `DEFAULT_SEEDS`). */
  seeds?: number;
  /** Share of training tokens trained without their identity keys (default `DEFAULT_WORD_DROPOUT`). */
  wordDropout?: number;
  /**
   * Transition order of each stage, [stage 1, stage 2] (default [1, 1]): 2 adds weights of the
   * label two back (`trainConstrained`, `order: 2`), stored as `order: 2` in the model's meta and
   * decoded by second-order Viterbi.
   */
  order?: readonly [1 | 2, 1 | 2];
  /**
   * Learner of both stages: 'perceptron' (default, ±1), 'pa' (passive-aggressive, PA-I; `trainConstrained`) or 'crf'
   * (a linear-chain CRF by SGD, `trainCrf`; `crfL2` its L2 penalty).
   */
  update?: 'perceptron' | 'pa' | 'crf';
  /** L2 penalty of the CRF learner (per sequence, default 1e-4). */
  crfL2?: number;
}

/** Train the tagger; writes the model files unless `save` is false. */
export function trainNer(opts: TrainNerOptions): NerTagger {
  const paths = opts.paths ?? defaultNerPaths();
  const log = opts.log ?? (() => {});
  let gaz: NerGazetteer;
  if (opts.rebuildGazetteer ?? true) {
    const kb = KnowledgeBase.load();
    gaz = NerGazetteer.build(kb, join(sharedDataDir(), 'anergazet'));
    gaz.addDemonyms(kb.demonymForms());
    if (opts.save ?? true) {
      writeFileSync(
        paths.gazetteer,
        gaz.format(
          'NER gazetteer: data/kb (see data/kb/README.md for licences) + ANERgazet (Benajiba 2007, no licence stated; research use). Flags: PER LOC ORG MISC FIRST PERW NAT.',
        ),
      );
    }
  } else gaz = NerGazetteer.load(paths.gazetteer);
  const clusters = opts.clusters ?? loadClusters(paths.clusters);
  const emb = paths.embClusters ? loadEmbeddingClusters(paths.embClusters) : [];
  const res: NerResources = { gaz, clusters, emb };
  log(
    `gazetteer ${gaz.forms.size} forms, clusters ${clusters.fine.size} words, embedding clusters ${emb.length} levels over ${emb[0]?.size ?? 0} words`,
  );
  const epochs = opts.epochs ?? 12;
  // POS features from the morph analyser, left out of every fifth sentence so the tagger also works without them.
  const morph = (opts.pos ?? true) ? loadMorph(dirname(paths.model)) : null;
  const posByText = new Map<readonly string[], string[] | undefined>();
  for (let i = 0; i < opts.train.length; i++) {
    posByText.set(opts.train[i].tokens, morph && i % 5 !== 4 ? posSignatures(morph, opts.train[i].tokens) : undefined);
  }
  log(morph ? 'POS features from models/morph-*.bin' : 'no morph models: training without POS features');
  // Word dropout: a fixed (seeded) share of training tokens lose their identity keys, so the model learns names from context too.
  const dropout = opts.wordDropout ?? DEFAULT_WORD_DROPOUT;
  const dropByText = new Map<readonly string[], Uint8Array | undefined>();
  if (dropout > 0) {
    const rand = seededRandom(7);
    for (const s of opts.train)
      dropByText.set(
        s.tokens,
        Uint8Array.from(s.tokens, () => (rand() < dropout ? 1 : 0)),
      );
  }
  const update = opts.update ?? 'perceptron';
  const [order1, order2] = opts.order ?? [1, 1];
  const trainStage = (
    data: readonly TaggedSentence[],
    stacked: StackedContext[] | undefined,
    tag: string,
    order: 1 | 2,
  ): SequencePerceptron => {
    const examples = data.map((s, si) => {
      const base = keysOf(sentenceFeatures(s.tokens, res, posByText.get(s.tokens)), false, dropByText.get(s.tokens));
      const { keys, offsets } = stacked ? stackedKeys(base, stacked[si]) : base;
      const features: Uint32Array[] = [];
      for (let i = 0; i < s.tokens.length; i++) features.push(keys.subarray(offsets[i], offsets[i + 1]));
      return { features, labels: s.tags };
    });
    const seeds = opts.seeds ?? DEFAULT_SEEDS;
    if (!Number.isInteger(seeds) || seeds < 1) throw new Error(`trainNer: seeds must be a positive integer, not ${seeds}`);
    const plain = order === 1 && update === 'perceptron';
    if (!plain && (opts.minFeatureCount ?? 1) > 1) throw new Error('trainNer: --min-count > 1 needs order 1 and the perceptron update');
    // trainConstrained's input: same labels (sorted) and keys as SequencePerceptron.train sees
    const labels = plain ? [] : [...new Set(data.flatMap((s) => s.tags))].sort();
    const keyed = plain ? [] : examples.map((e) => ({ keys: e.features, gold: Int32Array.from(e.labels, (l) => labels.indexOf(l)) }));
    const models: SequencePerceptron[] = [];
    for (let seed = 1; seed <= seeds; seed++) {
      const onEpoch = (e: { epoch: number; errors: number; total: number; features: number; ms: number }): void =>
        log(
          `${tag}${seeds > 1 ? `seed ${seed} ` : ''}epoch ${e.epoch}: ${e.errors}/${e.total} token errors, ${e.features} features, ${(e.ms / 1000).toFixed(1)} s`,
        );
      if (plain) {
        models.push(SequencePerceptron.train(examples, { epochs, seed, minFeatureCount: opts.minFeatureCount ?? 1, onEpoch }));
        continue;
      }
      if (update === 'crf') {
        // (the CRF reports its log-loss over the epoch where the perceptrons count errors)
        const onCrfEpoch = (e: { epoch: number; errors: number; total: number; features: number; ms: number }): void =>
          log(
            `${tag}${seeds > 1 ? `seed ${seed} ` : ''}epoch ${e.epoch}: log-loss ${e.errors} over ${e.total} tokens, ${e.features} features, ${(e.ms / 1000).toFixed(1)} s`,
          );
        models.push(trainCrf(labels, keyed, { epochs, seed, l2: opts.crfL2, onEpoch: onCrfEpoch }));
        continue;
      }
      let meanStep = 1;
      const m = trainConstrained(labels, keyed, { epochs, seed, order, update, onEpoch, onSteps: (s) => (meanStep = s) });
      // PA steps are mostly far below 1: divided by their mean, the weights are on the perceptron's
      // scale, so the O handicap means about the same
      if (meanStep > 0 && meanStep !== 1) for (let k = 0; k < m.table.weights.length; k++) m.table.weights[k] /= meanStep;
      if (update === 'pa') log(`${tag}${seeds > 1 ? `seed ${seed} ` : ''}mean PA step ${meanStep.toPrecision(3)}: weights divided by it`);
      models.push(m);
    }
    // The mean of the models trained on different shuffles (same labels, sorted): a steadier model.
    const model = averageSequenceModels(models);
    // how to decode it (the fold models of stacking are decoded too)
    model.meta = { ...(order === 2 ? { order } : {}), ...(update === 'pa' ? { update } : {}) };
    return model;
  };
  const model = trainStage(opts.train, undefined, 'stage 1 ', order1);
  model.meta = {
    ...model.meta,
    features: FEATURES_VERSION,
    pos: morph !== null,
    trainedOn: `${opts.train.length} sentences`,
    date: new Date().toISOString().slice(0, 10),
    embLevels: emb.length,
  };
  let stage2: SequencePerceptron | null = null;
  const folds = opts.folds ?? 5;
  if (folds > 1) {
    // Stacking: first-stage labels for every training sentence from models that did not see it.
    const labels: string[][] = new Array(opts.train.length);
    for (let f = 0; f < folds; f++) {
      const a = Math.floor((opts.train.length * f) / folds);
      const b = Math.floor((opts.train.length * (f + 1)) / folds);
      const m = trainStage([...opts.train.slice(0, a), ...opts.train.slice(b)], undefined, `fold ${f + 1}/${folds} `, order1);
      const t = new NerTagger(m, res);
      for (let i = a; i < b; i++) labels[i] = t.tagFirst(opts.train[i].tokens, posByText.get(opts.train[i].tokens));
    }
    const history = documentHistory(
      opts.train.map((s) => s.tokens),
      labels,
    );
    stage2 = trainStage(
      opts.train,
      labels.map((l, i) => ({ labels: l, history: history[i] })),
      'stage 2 ',
      order2,
    );
    stage2.meta = { ...stage2.meta, features: FEATURES_VERSION, stage: 2, folds, oPenalty: opts.oPenalty ?? DEFAULT_STAGE2_O_PENALTY };
  }
  if (opts.save ?? true) {
    model.save(paths.model, 'i16');
    if (stage2) stage2.save(paths.model2, 'i16');
    else if (existsSync(paths.model2)) rmSync(paths.model2);
  }
  return new NerTagger(model, res, stage2, morph);
}
