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
import { type EventLexicon, stems } from './lexicon.ts';

export interface LogRegModel {
  type: string;
  bias: number;
  weights: Record<string, number>;
  /** Decision threshold chosen on the training data. */
  threshold: number;
}

export interface GsrModelFile {
  version: 1;
  description: string;
  models: Record<string, LogRegModel>;
}

function stripClitics(w: string): string {
  let x = w;
  if (/^[وف]/.test(x) && x.length > 3) x = x.slice(1);
  if (/^(بال|كال|لل|ال)/.test(x) && x.length > 4) x = x.replace(/^(بال|كال|لل|ال)/, '');
  return x;
}

export interface FeatureOptions {
  bigrams: boolean;
  stems: boolean;
  /** Prefixes of the clitic-stripped words (3 and 4 letters): a cheap stand-in for roots. */
  prefixes?: boolean;
}
export const DEFAULT_FEATURES: FeatureOptions = { bigrams: true, stems: true };

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
  let prev = '';
  for (const t of toks) {
    if (t.kind === 'n') {
      prev = '#';
      continue;
    }
    if (t.kind !== 'w') {
      prev = '';
      continue;
    }
    f.add(`w:${t.norm}`);
    const s = stripClitics(t.norm);
    f.add(`s:${s}`);
    if (opts.bigrams && prev) f.add(`b:${prev}_${s}`);
    prev = s;
    if (opts.stems) for (const st of stems(t.norm)) if (st.length >= 3) f.add(`st:${st}`);
    if (opts.prefixes && s.length >= 4) {
      f.add(`p3:${s.slice(0, 3)}`);
      f.add(`p4:${s.slice(0, 4)}`);
    }
    if (lex) {
      for (const st of stems(t.norm)) {
        const tr = lex.triggers.get(st);
        if (tr) for (const x of tr) if (x.after.length === 0 && x.before.length === 0) f.add(`t:${x.type}`);
      }
    }
  }
  return [...f];
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, z))));

export function predict(m: LogRegModel, feats: readonly string[]): number {
  let z = m.bias;
  for (const f of feats) z += m.weights[f] ?? 0;
  return sigmoid(z);
}

/** Train by SGD with L2 and positive-class weighting; returns the model (threshold 0.5). */
export function trainLogReg(
  type: string,
  data: Array<{ feats: string[]; y: boolean }>,
  opts: { epochs?: number; lr?: number; l2?: number; seed?: number } = {},
): LogRegModel {
  const epochs = opts.epochs ?? 20;
  const lr0 = opts.lr ?? 0.2;
  const l2 = opts.l2 ?? 1e-4;
  const w = new Map<string, number>();
  let bias = 0;
  const pos = data.filter((d) => d.y).length;
  const posWeight = pos > 0 ? Math.min(5, (data.length - pos) / pos) : 1;
  const order = data.map((_, i) => i);
  const rand = seededRandom(opts.seed ?? 13);
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const lr = lr0 / (1 + ep * 0.2);
    for (const idx of order) {
      const d = data[idx];
      let z = bias;
      for (const f of d.feats) z += w.get(f) ?? 0;
      const p = sigmoid(z);
      const g = (p - (d.y ? 1 : 0)) * (d.y ? posWeight : 1);
      bias -= lr * g;
      for (const f of d.feats) {
        const cur = w.get(f) ?? 0;
        w.set(f, cur - lr * (g + l2 * cur));
      }
    }
  }
  const weights: Record<string, number> = {};
  for (const [f, v] of w) if (Math.abs(v) >= 0.02) weights[f] = Math.round(v * 1e3) / 1e3;
  return { type, bias: Math.round(bias * 1e4) / 1e4, weights, threshold: 0.5 };
}

let cached: GsrModelFile | null | undefined;

/** The shipped model file, or null when there is none. */
export function loadGsrModels(path = modelFile('events-gsr.json')): GsrModelFile | null {
  if (cached !== undefined) return cached;
  cached = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as GsrModelFile) : null;
  return cached;
}
