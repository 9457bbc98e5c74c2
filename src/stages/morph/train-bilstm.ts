/** `khabar train morph-lstm`: trains the sentence network on PADT train and tunes its weight, gate and reach on PADT dev. */
import { readPadt } from '../../corpora/ud-words.ts';
import { type BiLstmOptions, BiLstmTagger } from './bilstm.ts';
import { evaluateMorph, type MorphScores } from './eval.ts';
import type { MorphAnalyzer } from './morph.ts';
import type { WordVectors } from './neural.ts';
import { goldTagWords, padtFile } from './train.ts';

/** Weights tried on dev (0 = without the network). */
export const BILSTM_WEIGHTS = [0, 4, 8, 12, 16] as const;
/** Emission margins (perceptron + window networks) below which the network is consulted. */
export const BILSTM_GATES = [20, 40, 60, 120] as const;
/**
 * Words each direction runs around a consulted word. Reach 1 needs no matrix
 * product at decoding (cached first steps); reach 3 gave the same dev UPOS at
 * a third of the speed (README), so it is not tried.
 */
export const BILSTM_REACHES = [1] as const;
/** Dev UPOS F1 (as a fraction) within which settings count as equal (about the seed noise). */
export const BILSTM_TOLERANCE = 0.0003;

export interface BiLstmTrainResult {
  model: BiLstmTagger;
  dev: Array<{ weight: number; gate: number; reach: number; scores: MorphScores }>;
  seconds: number;
}

/**
 * Trains the network on PADT train, attaches it to `analyzer`'s tagger (which
 * keeps its window networks) and keeps, among the settings within 0.03 points
 * of the best dev UPOS F1, the narrowest gate, then the shortest reach, then
 * the smallest weight (the cheapest to run).
 */
export function trainBiLstm(
  analyzer: MorphAnalyzer,
  dataDir: string,
  vectors: WordVectors,
  opts: BiLstmOptions & {
    weights?: readonly number[];
    gates?: readonly number[];
    reaches?: readonly number[];
    /** An already trained network: only its weight, gate and reach are tuned. */
    network?: BiLstmTagger;
  } = {},
): BiLstmTrainResult {
  const t0 = performance.now();
  const model = opts.network ?? BiLstmTagger.train(readPadt(padtFile(dataDir, 'train')).map(goldTagWords), vectors, opts);
  const seconds = (performance.now() - t0) / 1000;
  const devSet = readPadt(padtFile(dataDir, 'dev'));
  analyzer.tagger.sentence = model;
  const dev: BiLstmTrainResult['dev'] = [];
  for (const weight of opts.weights ?? BILSTM_WEIGHTS) {
    for (const gate of weight === 0 ? [0] : (opts.gates ?? BILSTM_GATES)) {
      for (const reach of weight === 0 ? [0] : (opts.reaches ?? BILSTM_REACHES)) {
        Object.assign(model, { weight, gate, reach });
        dev.push({ weight, gate, reach, scores: evaluateMorph(analyzer, devSet) });
      }
    }
  }
  const top = Math.max(...dev.map((d) => d.scores.upos.f1));
  const best = dev
    .filter((d) => d.scores.upos.f1 >= top - BILSTM_TOLERANCE)
    .sort((a, b) => a.gate - b.gate || a.reach - b.reach || a.weight - b.weight)[0];
  Object.assign(model, { weight: best.weight, gate: best.gate, reach: best.reach });
  return { model, dev, seconds };
}
