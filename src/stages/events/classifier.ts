/**
 * A small logistic-regression sentence classifier (is this sentence an
 * ASSAULT / a PROTEST?) over words, light stems and trigger-lexicon hits.
 * Trained on our train part of the Arabic event GSR (`khabar eval gsr` reports
 * the held-out part); the model file is `models/events-gsr.json`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { modelFile } from '../../core/paths.ts';
import { seededRandom } from '../../learn/index.ts';
import { matchForm } from '../../text/normalize.ts';
import type { Tok } from '../time/scan.ts';
import { cueFeatures } from './cues.ts';
import { contextFreeTypes, type EventLexicon, stems, stripClitics } from './lexicon.ts';

export interface LogRegModel {
  type: string;
  bias: number;
  weights: Record<string, number>;
  /** Decision threshold chosen on the training data. */
  threshold: number;
  /** The learner setting chosen by inner cross-validation, and its inner pooled F1 (informative). */
  setting?: { epochs: number; lr: number; l2: number; minWeight?: number };
  innerF1?: number;
}

export interface GsrModelFile {
  version: 1;
  description: string;
  /** The feature options the models were trained with (`DEFAULT_FEATURES` when missing). */
  features?: FeatureOptions;
  models: Record<string, LogRegModel>;
}

export interface FeatureOptions {
  bigrams: boolean;
  stems: boolean;
  /** Prefixes of the clitic-stripped words (3 and 4 letters): a cheap stand-in for roots. */
  prefixes?: boolean;
  /** Cue-word classes of `data/events/gsr-cues.tsv` (`cues.ts`). */
  cues?: boolean;
  /** With `cues`: also pairs of cue classes within two words (`ca:`); default true. */
  adjacent?: boolean;
  /** The first two clitic-stripped words (Arabic news opens with the main verb). */
  first?: boolean;
  /** Character 3-grams of the clitic-stripped words (robust to inflection). */
  chars?: boolean;
  /** Leave out the plain word forms (`w:`, keep the clitic-stripped `s:`). */
  noWords?: boolean;
  /** `false`: no word, stem or bigram features at all (cues, rules and lexicon types only). */
  lexical?: boolean;
}
/**
 * The features of the shipped model (chosen by cross-validation over the public half, see the model card):
 * cue classes, clitic-stripped words and their bigrams, trigger-rule hits and trigger-lexicon types.
 */
export const DEFAULT_FEATURES: FeatureOptions = { bigrams: true, stems: false, cues: true, noWords: true, adjacent: false };

/** Features of a sentence: words, clitic-stripped words, trigger types of the lexicon. */
export function sentenceFeatures(
  toks: readonly Tok[],
  lex: EventLexicon | null,
  opts: FeatureOptions = DEFAULT_FEATURES,
  ruleEvents: ReadonlyArray<{ type: string; trigger: string; source: unknown }> = [],
): string[] {
  const f = new Set<string>();
  // what the trigger rules found in the sentence
  for (const e of ruleEvents) {
    f.add(`r:${e.type}`);
    f.add(`rt:${e.type}:${stripClitics(matchForm(e.trigger))}`);
    if (e.source) f.add(`rs:${e.type}`);
  }
  if (opts.cues) for (const x of cueFeatures(toks, undefined, opts.adjacent !== false)) f.add(x);
  let prev = '';
  let nw = 0;
  for (const t of toks) {
    if (t.kind === 'n') {
      prev = '#';
      continue;
    }
    if (t.kind !== 'w') {
      prev = '';
      continue;
    }
    if (opts.lexical === false) {
      nw++;
      if (lex) for (const x of contextFreeTypes(lex, t.norm)) f.add(`t:${x}`);
      continue;
    }
    if (!opts.noWords) f.add(`w:${t.norm}`);
    const s = stripClitics(t.norm);
    f.add(`s:${s}`);
    if (opts.first && nw < 2) f.add(`f:${s}`);
    nw++;
    if (opts.chars) {
      const padded = `<${s}>`;
      for (let i = 0; i + 3 <= padded.length; i++) f.add(`c3:${padded.slice(i, i + 3)}`);
    }
    if (opts.bigrams && prev) f.add(`b:${prev}_${s}`);
    prev = s;
    if (opts.stems) for (const st of stems(t.norm)) if (st.length >= 3) f.add(`st:${st}`);
    if (opts.prefixes && s.length >= 4) {
      f.add(`p3:${s.slice(0, 3)}`);
      f.add(`p4:${s.slice(0, 4)}`);
    }
    if (lex) for (const x of contextFreeTypes(lex, t.norm)) f.add(`t:${x}`);
  }
  return [...f];
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, z))));

export function predict(m: LogRegModel, feats: readonly string[]): number {
  let z = m.bias;
  for (const f of feats) z += m.weights[f] ?? 0;
  return sigmoid(z);
}

/**
 * Train by SGD with L2 and positive-class weighting; returns the model (threshold 0.5).
 * An example with a `target` (a probability, e.g. the annotators' accept share) is fitted
 * to it instead of to `y` (cross-entropy with a soft label; its positive part is weighted
 * like a positive); `y` still decides the class counts behind the positive weight.
 */
export function trainLogReg(
  type: string,
  data: Array<{ feats: string[]; y: boolean; w?: number; target?: number }>,
  opts: { epochs?: number; lr?: number; l2?: number; seed?: number; maxPosWeight?: number; minWeight?: number } = {},
): LogRegModel {
  const epochs = opts.epochs ?? 20;
  const lr0 = opts.lr ?? 0.2;
  const l2 = opts.l2 ?? 1e-4;
  // features as integer ids, weights in a typed array (same updates as a map keyed by name)
  const ids = new Map<string, number>();
  const rows = data.map((d) => {
    const r = new Int32Array(d.feats.length);
    d.feats.forEach((f, i) => {
      let id = ids.get(f);
      if (id === undefined) {
        id = ids.size;
        ids.set(f, id);
      }
      r[i] = id;
    });
    return r;
  });
  const pos = data.filter((d) => d.y).reduce((a, d) => a + (d.w ?? 1), 0);
  const posWeight = pos > 0 ? Math.min(opts.maxPosWeight ?? 5, (data.length - pos) / pos) : 1;
  const w = new Float64Array(ids.size);
  let bias = 0;
  const order = data.map((_, i) => i);
  const rand = seededRandom(opts.seed ?? 13);
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const lr = lr0 / (1 + ep * 0.2);
    for (const idx of order) {
      const y = data[idx].y;
      const r = rows[idx];
      let z = bias;
      for (let k = 0; k < r.length; k++) z += w[r[k]];
      const p = sigmoid(z);
      const t = data[idx].target;
      const g = (t === undefined ? (p - (y ? 1 : 0)) * (y ? posWeight : 1) : posWeight * t * (p - 1) + (1 - t) * p) * (data[idx].w ?? 1);
      bias -= lr * g;
      for (let k = 0; k < r.length; k++) w[r[k]] -= lr * (g + l2 * w[r[k]]);
    }
  }
  const weights: Record<string, number> = {};
  const minWeight = opts.minWeight ?? 0.02;
  for (const [f, id] of ids) if (Math.abs(w[id]) >= minWeight) weights[f] = Math.round(w[id] * 1e3) / 1e3;
  return { type, bias: Math.round(bias * 1e4) / 1e4, weights, threshold: 0.5 };
}

let cached: GsrModelFile | null | undefined;

/** The shipped model file, or null when there is none. */
export function loadGsrModels(path = modelFile('events-gsr.json')): GsrModelFile | null {
  if (cached !== undefined) return cached;
  cached = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as GsrModelFile) : null;
  return cached;
}
