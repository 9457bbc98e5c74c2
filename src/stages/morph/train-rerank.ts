/**
 * `khabar train morph-rerank`: the split reranker (`rerank.ts`) trained on PADT train with jackknifing. Train is
 * split into 5 folds; for each, a segmenter and a perceptron tagger are trained on the other four, and the unsure
 * tokens of the held-out fold get their alternatives and features from them, as unseen text would. The candidate
 * set (k, margins), the window, L2 and the bias of the pipeline's choice are chosen on PADT dev with the shipped
 * models (features from the perceptron alone; the final tags from the full tagger).
 */
import type { PadtSentence } from '../../corpora/ud-words.ts';
import { MorphTally } from './eval.ts';
import { MorphAnalyzer, type MorphWord } from './morph.ts';
import { chooseAlt, type Feats, keptAlts, type RerankModel, type RerankToken, rerankFeatures, trainRerank } from './rerank.ts';
import type { Segmentation } from './segmenter.ts';
import { Tagger } from './tagger.ts';
import { goldTagWords } from './train.ts';
import { trainSegmenter } from './train-segmenter.ts';

/** The widest candidate set extracted; settings filter it. */
export const WIDE = { k: 3, margin: 40, marginSeen: 40 } as const;

/** One unsure token of a PADT sentence with its features and the gold alternative (−1: none). */
export interface RerankExample {
  si: number;
  ti: number;
  seen: boolean;
  /** Segmenter score of each alternative (best first) and the gap to the second best. */
  scores: number[];
  gap: number;
  feats: Feats[];
  gold: number;
  /** The alternatives' segmentations (dev only, to re-tag). */
  segs?: Segmentation[];
}

const sameForms = (forms: readonly string[], gold: ReadonlyArray<{ form: string }>): boolean =>
  forms.length === gold.length && forms.every((f, i) => f === gold[i].form);

/** Unsure tokens of `sentences` under the analyser (widest set), per window. */
export function rerankExamples(
  analyzer: MorphAnalyzer,
  sentences: PadtSentence[],
  windows: readonly number[],
  keepSegs = false,
): { examples: RerankExample[][]; base: Segmentation[][] } {
  const examples: RerankExample[][] = windows.map(() => []);
  const base: Segmentation[][] = [];
  sentences.forEach((s, si) => {
    const tokens = s.tokens.map((t) => ({ text: t.surface }));
    windows.forEach((window, wi) => {
      const { segs, unsure } = analyzer.rerankTokens(tokens, { ...WIDE, window });
      if (wi === 0) base.push(segs);
      for (const t of unsure) examples[wi].push(example(analyzer, si, t, s, keepSegs));
    });
  });
  return { examples, base };
}

function example(analyzer: MorphAnalyzer, si: number, t: RerankToken, s: PadtSentence, keepSegs: boolean): RerankExample {
  const parts = s.tokens[t.ti].parts;
  return {
    si,
    ti: t.ti,
    seen: t.seen,
    scores: t.alts.map((a) => a.score),
    gap: t.gap,
    feats: rerankFeatures(t, analyzer.segmenter.counts, (f) => analyzer.tagger.classOf(f)),
    gold: t.alts.findIndex((a) => sameForms(a.forms, parts)),
    segs: keepSegs ? t.alts.map((a) => a.seg) : undefined,
  };
}

export interface JackknifeOptions {
  folds?: number;
  windows: readonly number[];
  corpus?: Map<string, number>;
  clusters?: Map<string, string>;
  segEpochs?: number;
  posEpochs?: number;
  seed?: number;
  log?: (m: string) => void;
}

/** Training examples of every train sentence, from models trained on the other folds (per window). */
export function jackknifeExamples(train: PadtSentence[], o: JackknifeOptions): RerankExample[][] {
  const folds = o.folds ?? 5;
  const log = o.log ?? (() => {});
  const out: RerankExample[][] = o.windows.map(() => []);
  for (let f = 0; f < folds; f++) {
    const t0 = performance.now();
    const rest = train.filter((_, i) => i % folds !== f);
    const held = train.filter((_, i) => i % folds === f);
    const { segmenter } = trainSegmenter(rest, { epochs: o.segEpochs ?? 8, seed: o.seed ?? 1, corpus: o.corpus });
    const tagger = Tagger.train(rest.map(goldTagWords), {
      epochs: o.posEpochs ?? 12,
      seed: o.seed ?? 1,
      corpus: o.corpus,
      clusters: o.clusters,
    });
    tagger.corpus = segmenter.corpus;
    const analyzer = new MorphAnalyzer(segmenter, tagger);
    const { examples } = rerankExamples(analyzer, held, o.windows);
    examples.forEach((e, wi) => {
      for (const x of e) out[wi].push({ ...x, si: x.si * folds + f });
    });
    log(`fold ${f + 1}/${folds}: ${examples[0].length} unsure tokens, ${Math.round((performance.now() - t0) / 1000)} s`);
  }
  return out;
}

export interface RerankSetting {
  k: number;
  margin: number;
  marginSeen: number;
  window: number;
  l2: number;
  epochs: number;
  bias: number;
}

/** Groups of the examples under a setting's candidate set (the features of the kept alternatives). */
function kept(e: RerankExample, s: Pick<RerankSetting, 'k' | 'margin' | 'marginSeen'>): number {
  const t = { seen: e.seen, alts: e.scores.map((score) => ({ score })) } as unknown as RerankToken;
  return keptAlts(t, s);
}

/** Trains the weights for a setting on (jackknifed) examples: tokens whose gold split is among the kept alternatives. */
export function fitRerank(examples: readonly RerankExample[], s: RerankSetting, seed = 1): RerankModel {
  const groups: Array<{ feats: Feats[]; gold: number }> = [];
  for (const e of examples) {
    const n = kept(e, s);
    if (n < 2 || e.gold < 0 || e.gold >= n) continue;
    groups.push({ feats: e.feats.slice(0, n), gold: e.gold });
  }
  const weights = trainRerank(groups, { epochs: s.epochs, l2: s.l2, seed });
  return { k: s.k, margin: s.margin, marginSeen: s.marginSeen, window: s.window, bias: s.bias, weights, meta: { groups: groups.length } };
}

/** Picks (alternative index per example) of a model on examples. */
export function rerankPicks(examples: readonly RerankExample[], m: RerankModel): number[] {
  const w = new Map(Object.entries(m.weights));
  return examples.map((e) => {
    const n = kept(e, m);
    return n < 2 ? 0 : chooseAlt(e.feats.slice(0, n), w, m.bias);
  });
}

/** UPOS and Words F1 with the picks applied (full tagger), re-tagging only the sentences that change. */
export function scorePicks(
  analyzer: MorphAnalyzer,
  sentences: PadtSentence[],
  base: Segmentation[][],
  baseWords: MorphWord[][],
  examples: readonly RerankExample[],
  picks: readonly number[],
): { words: number; upos: number; exact: number; changed: number; fixed: number; broken: number } {
  const bySentence = new Map<number, Array<[number, Segmentation]>>();
  let changed = 0;
  let fixed = 0;
  let broken = 0;
  examples.forEach((e, i) => {
    if (picks[i] === 0) return;
    changed++;
    if (e.gold === picks[i]) fixed++;
    else if (e.gold === 0) broken++;
    let l = bySentence.get(e.si);
    if (!l) bySentence.set(e.si, (l = []));
    l.push([e.ti, e.segs![picks[i]]]);
  });
  const tally = new MorphTally();
  sentences.forEach((s, si) => {
    let words = baseWords[si];
    const ch = bySentence.get(si);
    if (ch) {
      const segs = base[si].slice();
      for (const [ti, seg] of ch) segs[ti] = seg;
      words = analyzer.analyzeSegmented(
        s.tokens.map((t) => ({ text: t.surface })),
        segs,
      ).words;
    }
    tally.add(s, words);
  });
  return { ...tally.f1, changed, fixed, broken };
}

/** The setting chosen on PADT dev (README, "A reranker of the k-best splits"). */
export const RERANK_DEFAULTS: Readonly<RerankSetting> = { k: 3, margin: 10, marginSeen: 0, window: 2, l2: 1e-3, epochs: 20, bias: 0.5 };

/** Jackknifed examples from PADT train, then the weights for a setting (default `RERANK_DEFAULTS`). */
export function trainReranker(
  train: PadtSentence[],
  o: Omit<JackknifeOptions, 'windows'> & { setting?: RerankSetting } = {},
): { model: RerankModel; examples: number; seconds: number } {
  const t0 = performance.now();
  const s = o.setting ?? RERANK_DEFAULTS;
  const [examples] = jackknifeExamples(train, { ...o, windows: [s.window] });
  const model = fitRerank(examples, s, o.seed ?? 1);
  model.meta = { ...model.meta, trained: new Date().toISOString().slice(0, 10), l2: s.l2, epochs: s.epochs };
  return { model, examples: examples.length, seconds: (performance.now() - t0) / 1000 };
}
