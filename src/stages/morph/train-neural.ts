/** `khabar train morph-nn`: trains the window networks on PADT train and tunes their weight on PADT dev. */
import { readPadt } from '../../corpora/ud-words.ts';
import { evaluateMorph, type MorphScores } from './eval.ts';
import type { MorphAnalyzer } from './morph.ts';
import { type NeuralOptions, NeuralTagger, type WordVectors } from './neural.ts';
import { goldTagWords, padtFile } from './train.ts';

/** Weights tried on dev (0 = the perceptron alone). */
export const NEURAL_WEIGHTS = [0, 8, 12, 16, 20, 24, 32] as const;
/** Dev UPOS F1 (as a fraction) within which settings count as equal: about the seed-to-seed noise (README). */
export const NEURAL_TOLERANCE = 0.0003;
/** Emission margins below which the network is consulted, tried on dev (Infinity = everywhere). */
export const NEURAL_GATES = [10, 20, 30, 50, Number.POSITIVE_INFINITY] as const;

export interface NeuralTrainResult {
  neural: NeuralTagger;
  /** Dev scores per weight and gate tried. */
  dev: Array<{ weight: number; gate: number; scores: MorphScores }>;
  weight: number;
  gate: number;
  seconds: number;
}

/**
 * Trains the networks on PADT train, attaches them to `analyzer`'s tagger and
 * keeps a weight and gate: among the settings whose dev UPOS F1 is within
 * 0.03 points of the best, the narrowest gate, then the smallest weight.
 * The networks do not depend on the perceptron (only the weight and gate do), so
 * tuning the saved networks against a new perceptron (`network`) gives what a
 * full retraining would, training being deterministic.
 */
export function trainNeural(
  analyzer: MorphAnalyzer,
  dataDir: string,
  vectors: WordVectors,
  opts: NeuralOptions & {
    weights?: readonly number[];
    gates?: readonly number[];
    /** Tune this already trained network (e.g. against a new `morph-pos.bin`) instead of training one; `vectors` unused. */
    network?: NeuralTagger;
  } = {},
): NeuralTrainResult {
  const t0 = performance.now();
  const neural = opts.network ?? NeuralTagger.train(readPadt(padtFile(dataDir, 'train')).map(goldTagWords), vectors, opts);
  const seconds = (performance.now() - t0) / 1000;
  const devSet = readPadt(padtFile(dataDir, 'dev'));
  analyzer.tagger.neural = neural;
  const dev: NeuralTrainResult['dev'] = [];
  for (const weight of opts.weights ?? NEURAL_WEIGHTS) {
    for (const gate of weight === 0 ? [Number.POSITIVE_INFINITY] : (opts.gates ?? NEURAL_GATES)) {
      neural.weight = weight;
      neural.gate = gate;
      dev.push({ weight, gate, scores: evaluateMorph(analyzer, devSet) });
    }
  }
  // the narrowest gate (the cheapest to run), then the smallest weight, among the settings within NEURAL_TOLERANCE of the best
  const top = Math.max(...dev.map((d) => d.scores.upos.f1));
  const best = dev.filter((d) => d.scores.upos.f1 >= top - NEURAL_TOLERANCE).sort((a, b) => a.gate - b.gate || a.weight - b.weight)[0];
  neural.weight = best.weight;
  neural.gate = best.gate;
  return { neural, dev, weight: best.weight, gate: best.gate, seconds };
}
