/** `khabar train morph`: trains the segmenter and the tagger on PADT train and scores dev and test. */
import { join } from 'node:path';
import { type PadtSentence, readPadt } from '../../corpora/ud-words.ts';
import { evaluateMorph, type MorphScores } from './eval.ts';
import { MODEL_FILES, MorphAnalyzer } from './morph.ts';
import { rolesOf } from './segmenter.ts';
import { Tagger, type TagWord } from './tagger.ts';
import { trainSegmenter } from './train-segmenter.ts';

export const PADT_DIR = 'ud_arabic_padt_upos';
export const padtFile = (dataDir: string, split: 'train' | 'dev' | 'test'): string => join(dataDir, PADT_DIR, `ar_padt-ud-${split}.txt`);

/** Gold syntactic words of a PADT sentence, as the tagger sees them. */
export function goldTagWords(s: PadtSentence): { words: TagWord[]; tags: string[] } {
  const words: TagWord[] = [];
  const tags: string[] = [];
  for (const t of s.tokens) {
    const roles = rolesOf(t.parts.map((p) => p.form));
    t.parts.forEach((p, i) => {
      words.push({ form: p.form, surface: t.surface, role: roles[i], part: i, parts: t.parts.length });
      tags.push(p.upos);
    });
  }
  return { words, tags };
}

export interface MorphTrainOptions {
  segEpochs?: number;
  posEpochs?: number;
  seed?: number;
  log?: (msg: string) => void;
  /** Unlabelled-corpus word counts (`corpus.ts`). */
  corpus?: Map<string, number>;
  /** Word clusters for the tagger (`readClusters`). */
  clusters?: Map<string, string>;
  /** Tagger learner (default `DEFAULT_TAGGER`): transition order and update rule. */
  posOrder?: 1 | 2;
  posUpdate?: 'perceptron' | 'pa';
  /** Tagger perceptrons averaged, trained on shuffles seed..seed+N−1 (default `DEFAULT_POS_SEEDS`). */
  posSeeds?: number;
}

export interface MorphTrainResult {
  analyzer: MorphAnalyzer;
  coverage: number;
  seconds: { segmenter: number; tagger: number };
}

export const DEFAULT_EPOCHS = { segmenter: 8, tagger: 12 } as const;
/** Tagger perceptrons averaged (`Tagger.train` option `seeds`; see README, "Averaged seeds"). */
export const DEFAULT_POS_SEEDS = 1;
/** Tagger learner: first- or second-order transitions, perceptron or passive-aggressive updates (see README). */
export const DEFAULT_TAGGER = { order: 1, update: 'perceptron' } as const satisfies { order: 1 | 2; update: 'perceptron' | 'pa' };

export function trainMorph(train: PadtSentence[], opts: MorphTrainOptions = {}): MorphTrainResult {
  const log = opts.log ?? (() => {});
  const seed = opts.seed ?? 1;
  let t0 = performance.now();
  const { segmenter, coverage } = trainSegmenter(train, {
    epochs: opts.segEpochs ?? DEFAULT_EPOCHS.segmenter,
    seed,
    corpus: opts.corpus,
    onEpoch: (e) =>
      log(`segmenter epoch ${e.epoch}: ${e.errors}/${e.total} ranking errors, ${e.features} features, ${Math.round(e.ms)} ms`),
  });
  const segSeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const posEpochs = opts.posEpochs ?? DEFAULT_EPOCHS.tagger;
  const posSeeds = opts.posSeeds ?? DEFAULT_POS_SEEDS;
  let epochsDone = 0;
  const tagger = Tagger.train(train.map(goldTagWords), {
    epochs: posEpochs,
    seed,
    seeds: posSeeds,
    corpus: opts.corpus,
    clusters: opts.clusters,
    order: opts.posOrder ?? DEFAULT_TAGGER.order,
    update: opts.posUpdate ?? DEFAULT_TAGGER.update,
    onEpoch: (e) => {
      const model = posSeeds > 1 ? `seed ${seed + Math.floor(epochsDone++ / posEpochs)} ` : '';
      log(`tagger ${model}epoch ${e.epoch}: ${e.errors}/${e.total} tag errors, ${e.features} features, ${Math.round(e.ms)} ms`);
    },
  });
  const tagSeconds = (performance.now() - t0) / 1000;
  return { analyzer: new MorphAnalyzer(segmenter, tagger), coverage, seconds: { segmenter: segSeconds, tagger: tagSeconds } };
}

/** Writes the two model files. */
export function saveMorph(analyzer: MorphAnalyzer, dir: string, meta: Record<string, unknown> = {}): void {
  const ranker = analyzer.segmenter.ranker;
  ranker.meta = { ...meta, lexicon: analyzer.segmenter.lexicon };
  ranker.save(join(dir, MODEL_FILES.segmenter), 'f32');
  const model = analyzer.tagger.model;
  model.meta = { ...model.meta, ...meta };
  model.save(join(dir, MODEL_FILES.tagger), 'i16');
}

export function scoreSplits(analyzer: MorphAnalyzer, dataDir: string): { dev: MorphScores; test: MorphScores } {
  return {
    dev: evaluateMorph(analyzer, readPadt(padtFile(dataDir, 'dev'))),
    test: evaluateMorph(analyzer, readPadt(padtFile(dataDir, 'test'))),
  };
}
