/**
 * Sentence-level ASSAULT and PROTEST detection on the Arabic event GSR
 * (`yes` positive; `easy no`, `difficult no` negative; `ambiguous` never scored,
 * but used for training by majority label; for ASSAULT, evenly split `difficult no`
 * sentences are fitted to their accept share, `gsrTarget`): the training recipe (`fitGsr`,
 * `trainGsr`), nested stratified cross-validation over the whole public half
 * (`cvGsr`), and scores on our held-out fifth of it (`isHeldOut`, `scoreGsr`).
 */
import type { Article } from '../core/types.ts';
import { type GsrSentence, gsrGold, isHeldOut, readGsrDir } from '../corpora/gsr.ts';
import { seededRandom, shuffleInPlace } from '../learn/index.ts';
import { Pipeline } from '../pipeline/index.ts';
import {
  DEFAULT_FEATURES,
  type FeatureOptions,
  type GsrModelFile,
  type LogRegModel,
  predict,
  sentenceFeatures,
  trainLogReg,
} from '../stages/events/classifier.ts';
import { findTriggers } from '../stages/events/extract.ts';
import { loadEventLexicon } from '../stages/events/lexicon.ts';
import { scanTokens, type Tok } from '../stages/time/scan.ts';

export interface BinScore {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  p: number;
  r: number;
  f1: number;
}

export function binScore(pairs: Array<[boolean, boolean]>): BinScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const [g, p] of pairs) {
    if (g && p) tp++;
    else if (!g && p) fp++;
    else if (g && !p) fn++;
    else tn++;
  }
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  const f1 = p + r ? (2 * p * r) / (p + r) : 0;
  const r3 = (x: number): number => Math.round(x * 1000) / 1000;
  return { tp, fp, fn, tn, p: r3(p), r: r3(r), f1: r3(f1) };
}

function toks(text: string): Tok[] {
  const out: Tok[] = [];
  scanTokens(text, 0, text.length, 0, out);
  return out;
}

let rulePipeline: Pipeline | null = null;

/**
 * What the trigger rules find in a sentence: every trigger, with \`source\` set when the events stage
 * also finds an actor (tokenize, time, quotes, events only, so the features do not depend on the entity stages; the
 * learned actor-event layer is off: these are the rules' findings).
 */
export function ruleEvents(text: string): Array<{ type: string; trigger: string; source: unknown }> {
  rulePipeline ??= Pipeline.create({ stages: ['time', 'quotes', 'events'], options: { events: { pairs: false } } });
  const article: Article = { id: 's', headline: '', body: text, text, spans: { body: { start: 0, end: text.length } } };
  const doc = rulePipeline.run(article);
  const withSource = new Set((doc.events ?? []).map((e) => e.start));
  return findTriggers(doc, loadEventLexicon()).map((t) => ({
    type: t.type,
    trigger: t.trigger,
    source: withSource.has(t.start) ? true : null,
  }));
}

export interface GsrItem {
  s: GsrSentence;
  gold: boolean;
  toks: Tok[];
  rules: Array<{ type: string; trigger: string; source: unknown }>;
  feats: string[];
  /** An `ambiguous` sentence labelled by its majority (accept > reject): training only, never scored. */
  weak?: boolean;
}

/**
 * The judged (non-ambiguous) sentences with their tokens, rule triggers and features;
 * with `weak`, also the `ambiguous` ones labelled by majority (for training only).
 */
export function gsrItems(xs: GsrSentence[], features: FeatureOptions = DEFAULT_FEATURES, weak = false): GsrItem[] {
  const lex = loadEventLexicon();
  const out: GsrItem[] = [];
  for (const s of xs) {
    let g = gsrGold(s);
    const isWeak = g === null;
    if (isWeak) {
      if (!weak || s.accept === s.reject) continue;
      g = s.accept > s.reject;
    }
    const tk = toks(s.text);
    const rules = ruleEvents(s.text);
    out.push({ s, gold: g as boolean, toks: tk, rules, feats: sentenceFeatures(tk, lex, features, rules), weak: isWeak });
  }
  return out;
}

/** One setting of the learner (`minWeight`: weights below it are dropped from the model). */
export interface LearnSetting {
  epochs: number;
  lr: number;
  l2: number;
  minWeight?: number;
}

/**
 * The recipe: candidate learner settings; `fitGsr` picks one and the decision
 * threshold by inner stratified cross-validation on the data it is given.
 */
export const GSR_GRID: LearnSetting[] = [
  { epochs: 40, lr: 0.05, l2: 1e-3, minWeight: 0.1 },
  { epochs: 40, lr: 0.05, l2: 3e-3, minWeight: 0.1 },
  { epochs: 40, lr: 0.05, l2: 1e-2, minWeight: 0.1 },
];
/** Decision thresholds tried. */
export const THRESHOLDS = Array.from({ length: 17 }, (_, i) => Math.round((0.1 + i * 0.05) * 100) / 100);

/**
 * Stratified k-fold assignment (fold index per item), deterministic for a seed. Items with
 * the same `keys` value (the same sentence text) share the fold of the first of them.
 */
export function stratifiedFolds(golds: readonly boolean[], k: number, seed: number, keys?: readonly string[]): number[] {
  const rand = seededRandom(seed);
  const fold = new Array<number>(golds.length).fill(0);
  for (const cls of [true, false]) {
    const idx = golds.map((g, i) => (g === cls ? i : -1)).filter((i) => i >= 0);
    shuffleInPlace(idx, rand);
    idx.forEach((i, j) => {
      fold[i] = j % k;
    });
  }
  if (keys) {
    const first = new Map<string, number>();
    keys.forEach((key, i) => {
      const f = first.get(key);
      if (f === undefined) first.set(key, fold[i]);
      else fold[i] = f;
    });
  }
  return fold;
}

/** Best threshold (max F1, ties to the lower one) for scored items. */
export function bestThreshold(scored: ReadonlyArray<[boolean, number]>): { threshold: number; f1: number } {
  let best = { threshold: 0.5, f1: -1 };
  for (const t of THRESHOLDS) {
    const f1 = binScore(scored.map(([g, p]) => [g, p >= t])).f1;
    if (f1 > best.f1) best = { threshold: t, f1 };
  }
  return best;
}

/**
 * A training example; `weak` ones are trained on (with weight `w`) but never scored; `key` groups duplicates;
 * `target`: a soft label the learner fits instead of `y` (`y` is still the label it is scored by).
 */
export type Example = { feats: string[]; y: boolean; w?: number; weak?: boolean; key?: string; target?: number };

/** Weight of the weak (majority-labelled `ambiguous`) examples in training. */
export const GSR_WEAK = { weight: 1 };

/**
 * The soft training target of a judged sentence, or undefined for its hard label: a `difficult no`
 * whose annotators split at least evenly (2/2, 3/3, 4/2: a coin flip that `yes`, which needs
 * unanimity, turned into a no) is fitted to its accept share. Such sentences are still scored as negatives.
 */
export function gsrTarget(s: GsrSentence): number | undefined {
  return s.label === 'difficult no' && s.accept >= s.reject && s.accept > 0 ? s.accept / (s.accept + s.reject) : undefined;
}

/**
 * The types trained with the soft targets of `gsrTarget` (ASSAULT: 87 such sentences, +0.03 pooled F1 on every
 * fold seed; PROTEST: 19, no gain beyond the fold-seed noise, so its split sentences stay hard negatives).
 */
export const GSR_SOFT_TYPES: ReadonlySet<string> = new Set(['ASSAULT']);

/** Training examples of prepared items (`soft`: with the soft targets of `gsrTarget`). */
export function examples(xs: readonly GsrItem[], soft = false): Example[] {
  return xs.map((x) => {
    const target = x.weak || !soft ? undefined : gsrTarget(x.s);
    return {
      feats: x.feats,
      y: x.gold,
      key: x.s.text.trim(),
      ...(x.weak ? { weak: true, w: GSR_WEAK.weight } : {}),
      ...(target === undefined ? {} : { target }),
    };
  });
}

/**
 * Fit one classifier: learner setting and threshold chosen by inner stratified
 * `inner`-fold cross-validation on `data` only, then trained on all of `data`.
 */
export function fitGsr(
  type: string,
  data: readonly Example[],
  grid: readonly LearnSetting[] = GSR_GRID,
  inner = 5,
  seed = 13,
): LogRegModel & { setting: LearnSetting; innerF1: number } {
  const folds = stratifiedFolds(
    data.map((d) => d.y),
    inner,
    seed + 1,
    data.map((d, i) => d.key ?? `#${i}`),
  );
  let best = { setting: grid[0], threshold: 0.5, f1: -1 };
  for (const setting of grid) {
    const scored: Array<[boolean, number]> = [];
    for (let f = 0; f < inner; f++) {
      const m = trainLogReg(
        type,
        data.filter((_, i) => folds[i] !== f),
        { ...setting, seed },
      );
      data.forEach((d, i) => {
        if (folds[i] === f && !d.weak) scored.push([d.y, predict(m, d.feats)]);
      });
    }
    const b = bestThreshold(scored);
    if (b.f1 > best.f1) best = { setting, ...b };
  }
  const m = trainLogReg(type, [...data], { ...best.setting, seed });
  m.threshold = best.threshold;
  return { ...m, setting: best.setting, innerF1: best.f1 };
}

/** Train the ASSAULT and PROTEST models (on the whole public half, or on the part not held out). */
export function trainGsr(dir: string, part: 'all' | 'train' = 'all'): GsrModelFile {
  const data = readGsrDir(dir);
  const models: Record<string, LogRegModel> = {};
  for (const type of ['ASSAULT', 'PROTEST'] as const) {
    const all = gsrItems(data[type], DEFAULT_FEATURES, true);
    // the training part: not held out, and no sentence whose text is also held out
    const heldText = new Set(all.filter((x) => isHeldOut(x.s) && !x.weak).map((x) => x.s.text.trim()));
    const train = part === 'all' ? all : all.filter((x) => !isHeldOut(x.s) && !heldText.has(x.s.text.trim()));
    const { setting, innerF1, ...m } = fitGsr(type, examples(train, GSR_SOFT_TYPES.has(type)));
    models[type] = { ...m, setting, innerF1: Math.round(innerF1 * 1000) / 1000 };
  }
  return {
    version: 1,
    features: DEFAULT_FEATURES,
    description: `Logistic regression sentence classifiers (ASSAULT, PROTEST) trained by khabar on ${part === 'all' ? 'the whole public development half' : 'the non-held-out part'} of arabic_event_gsr`,
    models,
  };
}

export interface CvReport {
  folds: number;
  seed: number;
  types: Record<
    string,
    {
      n: number;
      positives: number;
      /** Pooled out-of-fold predictions over the whole half. */
      pooled: BinScore;
      /** Mean and standard deviation of the per-fold F1. */
      meanF1: number;
      sdF1: number;
      perFold: BinScore[];
      /** The trigger rules alone (no training), same items. */
      rules: BinScore;
      /** Held-out fifth: recipe fitted on the other four fifths. */
      heldout: BinScore;
    }
  >;
}

/**
 * Nested cross-validation over the whole public half: stratified `k` folds
 * (fixed seed); inside each training fold `fitGsr` chooses the learner setting
 * and the threshold by its own inner cross-validation. Also the held-out fifth.
 */
export function cvGsr(dir: string, k = 5, seed = 7, types: string[] = ['ASSAULT', 'PROTEST']): CvReport {
  const data = readGsrDir(dir);
  const report: CvReport = { folds: k, seed, types: {} };
  for (const type of types as Array<'ASSAULT' | 'PROTEST'>) {
    const xs = gsrItems(data[type], DEFAULT_FEATURES, true);
    report.types[type] = cvItems(type, xs, k, seed);
  }
  return report;
}

/**
 * Nested CV of `fitGsr` on prepared items (see `cvGsr`): only judged items are scored; weak
 * items (if any) join the training folds unless their text is among the test fold's.
 */
export function cvItems(type: string, xs: GsrItem[], k = 5, seed = 7, grid: readonly LearnSetting[] = GSR_GRID): CvReport['types'][string] {
  const ex = examples(xs, GSR_SOFT_TYPES.has(type));
  const folds = stratifiedFolds(
    ex.map((d) => d.y && !d.weak),
    k,
    seed,
    ex.map((d, i) => d.key ?? `#${i}`),
  );
  const split = (test: (i: number) => boolean): { train: Example[]; test: Example[] } => {
    const testKeys = new Set(ex.filter((d, i) => test(i) && !d.weak).map((d) => d.key));
    return {
      train: ex.filter((d, i) => !test(i) && !testKeys.has(d.key)),
      test: ex.filter((d, i) => test(i) && !d.weak),
    };
  };
  const pooled: Array<[boolean, boolean]> = [];
  const perFold: BinScore[] = [];
  for (let f = 0; f < k; f++) {
    const { train, test } = split((i) => folds[i] === f);
    const m = fitGsr(type, train, grid);
    const pairs = test.map((d): [boolean, boolean] => [d.y, predict(m, d.feats) >= m.threshold]);
    perFold.push(binScore(pairs));
    pooled.push(...pairs);
  }
  const f1s = perFold.map((b) => b.f1);
  const mean = f1s.reduce((a, b) => a + b, 0) / k;
  const sd = Math.sqrt(f1s.reduce((a, b) => a + (b - mean) ** 2, 0) / k);
  const { train, test } = split((i) => isHeldOut(xs[i].s));
  const m = fitGsr(type, train, grid);
  const heldout = binScore(test.map((d) => [d.y, predict(m, d.feats) >= m.threshold]));
  const judged = xs.filter((x) => !x.weak);
  const r3 = (x: number): number => Math.round(x * 1000) / 1000;
  return {
    n: judged.length,
    positives: judged.filter((x) => x.gold).length,
    pooled: binScore(pooled),
    meanF1: r3(mean),
    sdF1: r3(sd),
    perFold,
    rules: binScore(judged.map((x) => [x.gold, x.rules.some((e) => e.type === type)])),
    heldout,
  };
}

export interface GsrReport {
  split: string;
  /** Where the classifier figures come from: the recipe fitted on the other four fifths, or the given model. */
  classifierFrom: string;
  types: Record<string, { n: number; positives: number; rules: BinScore; events: BinScore; classifier?: BinScore; combined?: BinScore }>;
}

/**
 * Score the pipeline's trigger rules and events, the classifier and their combination on the
 * held-out fifth (classifier: the recipe fitted on the other four fifths, unless `model` is given)
 * or on all judged sentences (`split: 'all'`, with `model`: the shipped model saw them all).
 */
export async function scoreGsr(
  dir: string,
  model: GsrModelFile | null,
  split: 'heldout' | 'all' = 'heldout',
  skip: string[] = [],
  opts: { refit?: boolean } = {},
): Promise<GsrReport> {
  const data = readGsrDir(dir);
  const pipeline = Pipeline.create({ skip });
  await pipeline.load();
  const refit = opts.refit === true && split === 'heldout';
  const models = refit ? trainGsr(dir, 'train') : model;
  const report: GsrReport = {
    split,
    classifierFrom: refit ? 'recipe fitted on the other four fifths' : models ? 'given model' : 'none',
    types: {},
  };
  const lex = loadEventLexicon();
  for (const type of ['ASSAULT', 'PROTEST'] as const) {
    const xs = gsrItems(data[type].filter((s) => split === 'all' || isHeldOut(s)));
    const rules: Array<[boolean, boolean]> = [];
    const evs: Array<[boolean, boolean]> = [];
    const cls: Array<[boolean, boolean]> = [];
    const comb: Array<[boolean, boolean]> = [];
    const m = models?.models[type];
    for (const x of xs) {
      const text = x.s.text;
      const article: Article = { id: x.s.id, headline: '', body: text, text, spans: { body: { start: 0, end: text.length } } };
      const doc = pipeline.run(article);
      const r = findTriggers(doc, lex).some((e) => e.type === type);
      rules.push([x.gold, r]);
      const ev = (doc.events ?? []).some((e) => e.type === type);
      evs.push([x.gold, ev]);
      if (m) {
        const c = predict(m, x.feats) >= m.threshold;
        cls.push([x.gold, c]);
        comb.push([x.gold, c || ev]);
      }
    }
    report.types[type] = {
      n: xs.length,
      positives: xs.filter((x) => x.gold).length,
      rules: binScore(rules),
      events: binScore(evs),
      ...(m ? { classifier: binScore(cls), combined: binScore(comb) } : {}),
    };
  }
  return report;
}
