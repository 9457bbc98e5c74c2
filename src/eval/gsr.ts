/**
 * Sentence-level ASSAULT and PROTEST detection on the Arabic event GSR
 * (`yes` positive; `easy no`, `difficult no` negative; `ambiguous` left out),
 * on our held-out fifth of the public development half (`isHeldOut`).
 */
import type { Article } from '../core/types.ts';
import { type GsrSentence, gsrGold, isHeldOut, readGsrDir } from '../corpora/gsr.ts';
import { Pipeline } from '../pipeline/index.ts';
import {
  DEFAULT_FEATURES,
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

interface Item {
  s: GsrSentence;
  gold: boolean;
  feats: string[];
}

let rulePipeline: Pipeline | null = null;

/**
 * What the trigger rules find in a sentence: every trigger, with \`source\` set when the events stage
 * also finds an actor (tokenize, time, quotes, events only, so the features do not depend on the entity stages).
 */
export function ruleEvents(text: string): Array<{ type: string; trigger: string; source: unknown }> {
  rulePipeline ??= Pipeline.create({ stages: ['time', 'quotes', 'events'] });
  const article: Article = { id: 's', headline: '', body: text, text, spans: { body: { start: 0, end: text.length } } };
  const doc = rulePipeline.run(article);
  const withSource = new Set((doc.events ?? []).map((e) => e.start));
  return findTriggers(doc, loadEventLexicon()).map((t) => ({
    type: t.type,
    trigger: t.trigger,
    source: withSource.has(t.start) ? true : null,
  }));
}

function items(xs: GsrSentence[]): Item[] {
  const lex = loadEventLexicon();
  const out: Item[] = [];
  for (const s of xs) {
    const g = gsrGold(s);
    if (g === null) continue;
    out.push({ s, gold: g, feats: sentenceFeatures(toks(s.text), lex, DEFAULT_FEATURES, ruleEvents(s.text)) });
  }
  return out;
}

/** Training settings, chosen by 5-fold cross-validation on the training part (not the held-out fifth). */
export const GSR_TRAINING = { epochs: 40, l2: 1e-3, lr: 0.05 };

/** Pick the threshold maximising F1 over 5-fold cross-validation on the training items. */
function cvThreshold(type: string, train: Item[]): number {
  const scored: Array<[boolean, number]> = [];
  for (let f = 0; f < 5; f++) {
    const tr = train.filter((_, i) => i % 5 !== f).map((x) => ({ feats: x.feats, y: x.gold }));
    const m = trainLogReg(type, tr, GSR_TRAINING);
    train.forEach((x, i) => {
      if (i % 5 === f) scored.push([x.gold, predict(m, x.feats)]);
    });
  }
  let best = 0.5;
  let bestF = -1;
  for (let t = 0.1; t <= 0.9; t += 0.05) {
    const f1 = binScore(scored.map(([g, p]) => [g, p >= t])).f1;
    if (f1 > bestF) {
      bestF = f1;
      best = Math.round(t * 100) / 100;
    }
  }
  return best;
}

/** Train the ASSAULT and PROTEST models on the training part (not the held-out fifth). */
export function trainGsr(dir: string): GsrModelFile {
  const data = readGsrDir(dir);
  const models: Record<string, LogRegModel> = {};
  for (const type of ['ASSAULT', 'PROTEST'] as const) {
    const train = items(data[type].filter((s) => !isHeldOut(s)));
    const m = trainLogReg(
      type,
      train.map((x) => ({ feats: x.feats, y: x.gold })),
      GSR_TRAINING,
    );
    m.threshold = cvThreshold(type, train);
    models[type] = m;
  }
  return {
    version: 1,
    description:
      'Logistic regression sentence classifiers (ASSAULT, PROTEST) trained by khabar on the non-held-out part of arabic_event_gsr',
    models,
  };
}

export interface GsrReport {
  split: string;
  types: Record<string, { n: number; positives: number; rules: BinScore; events: BinScore; classifier?: BinScore; combined?: BinScore }>;
}

/** Score the pipeline's events (rules), the classifier and their combination on the held-out part (or all). */
export async function scoreGsr(
  dir: string,
  model: GsrModelFile | null,
  split: 'heldout' | 'all' = 'heldout',
  skip: string[] = [],
): Promise<GsrReport> {
  const data = readGsrDir(dir);
  const pipeline = Pipeline.create({ skip });
  await pipeline.load();
  const report: GsrReport = { split, types: {} };
  const lex = loadEventLexicon();
  for (const type of ['ASSAULT', 'PROTEST'] as const) {
    const xs = items(data[type].filter((s) => split === 'all' || isHeldOut(s)));
    const rules: Array<[boolean, boolean]> = [];
    const evs: Array<[boolean, boolean]> = [];
    const cls: Array<[boolean, boolean]> = [];
    const comb: Array<[boolean, boolean]> = [];
    const m = model?.models[type];
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
        const pr = predict(m, x.feats);
        comb.push([x.gold, pr >= m.threshold || ev]);
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
