/**
 * A small logistic-regression sentence classifier (is this sentence an
 * ASSAULT / a PROTEST?) over words, light stems and trigger-lexicon hits.
 * Trained on our train part of the Arabic event GSR (`khabar eval gsr` reports
 * the held-out part); the model file is `models/events-gsr.json`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { modelFile } from '../../core/paths.ts';
import { type LogRegModel, sigmoid } from '../../learn/logreg.ts';
import { matchForm } from '../../text/normalize.ts';
import type { Tok } from '../time/scan.ts';
import { cueFeatures } from './cues.ts';
import { contextFreeTypes, type EventLexicon, stems, stripClitics } from './lexicon.ts';

export { type LogRegModel, trainLogReg } from '../../learn/logreg.ts';

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

export function predict(m: LogRegModel, feats: readonly string[]): number {
  let z = m.bias;
  for (const f of feats) z += m.weights[f] ?? 0;
  return sigmoid(z);
}

let cached: GsrModelFile | null | undefined;

/** The shipped model file, or null when there is none. */
export function loadGsrModels(path = modelFile('events-gsr.json')): GsrModelFile | null {
  if (cached !== undefined) return cached;
  cached = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as GsrModelFile) : null;
  return cached;
}
