/**
 * The NER tagger: a structured averaged perceptron (first-order Viterbi, see
 * `src/learn`) over BIO labels, with the features of `features.ts`.
 *
 * Model files (all under `models/`): `ner.bin` (weights), `ner-gazetteer.tsv`,
 * `ner-clusters.tsv`. Rebuild: `khabar train ner` (see `models/ner.md`).
 */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { modelFile, sharedDataDir } from '../../core/paths.ts';
import type { TaggedSentence } from '../../corpora/ner-conll.ts';
import { KnowledgeBase } from '../../kb/index.ts';
import { SequencePerceptron, viterbi } from '../../learn/index.ts';
import { MorphAnalyzer } from '../morph/morph.ts';
import { type Clusters, loadClusters } from './clusters.ts';
import {
  documentHistory,
  FEATURES_VERSION,
  type NerResources,
  type SentenceKeys,
  type StackedContext,
  sentenceKeys,
  stackedKeys,
  type WordInfo,
} from './features.ts';
import { NerGazetteer } from './gazetteer.ts';

export interface NerPaths {
  model: string;
  /** Second-stage (stacked) model; absent = single stage. */
  model2: string;
  gazetteer: string;
  clusters: string;
}

export function defaultNerPaths(dir = modelFile()): NerPaths {
  return {
    model: join(dir, 'ner.bin'),
    model2: join(dir, 'ner-stage2.bin'),
    gazetteer: join(dir, 'ner-gazetteer.tsv'),
    clusters: join(dir, 'ner-clusters.tsv'),
  };
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

/** Decode one sentence with a sequence model over precomputed keys, O handicapped by `oPenalty`. */
/** Per model: the summed emission scores of a word's own keys (word-level features are the same wherever the word occurs). */
const ownScores = new WeakMap<SequencePerceptron, WeakMap<WordInfo, Float64Array>>();

function decode(model: SequencePerceptron, sk: SentenceKeys, n: number, oPenalty: number): string[] {
  const { keys, offsets, info } = sk;
  const labels = model.labels;
  const L = labels.length;
  const emit = new Float64Array(n * L);
  const table = model.table;
  let cache = ownScores.get(model);
  if (!cache) {
    cache = new WeakMap();
    ownScores.set(model, cache);
  }
  for (let i = 0; i < n; i++) {
    let from = offsets[i];
    const w = info?.[i];
    if (w) {
      let own = cache.get(w);
      if (!own) {
        own = new Float64Array(L);
        for (let j = 0; j < w.own.length; j++) table.addTo(w.own[j], own, 0);
        cache.set(w, own);
      }
      for (let l = 0; l < L; l++) emit[i * L + l] = own[l];
      from += w.own.length;
    }
    for (let j = from; j < offsets[i + 1]; j++) table.addTo(keys[j], emit, i * L);
  }
  const o = model.labelIndex('O');
  if (oPenalty !== 0 && o >= 0) for (let i = 0; i < n; i++) emit[i * L + o] -= oPenalty;
  const idx = new Int32Array(n);
  viterbi(emit, model.transitions, n, L, idx);
  const out: string[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = labels[idx[i]];
  return repairBio(out);
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

  constructor(model: SequencePerceptron, res: NerResources, stage2: SequencePerceptron | null = null, morph: MorphAnalyzer | null = null) {
    this.model = model;
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
    return new NerTagger(model, { gaz: NerGazetteer.load(paths.gazetteer), clusters: loadClusters(paths.clusters) }, stage2, morph);
  }

  /** First-stage tags of one sentence. */
  tagFirst(tokens: readonly string[], pos?: readonly string[]): string[] {
    const n = tokens.length;
    if (n === 0) return [];
    return decode(
      this.model,
      sentenceKeys(tokens, this.res, true, pos ?? (this.morph ? posSignatures(this.morph, tokens) : undefined)),
      n,
      this.oPenalty,
    );
  }

  /**
   * BIO tags for the sentences of one document, in order. With a second stage,
   * what the first stage said about the same word in nearby sentences is used.
   */
  tagDocument(sentences: readonly (readonly string[])[], pos?: readonly (readonly string[] | undefined)[]): string[][] {
    const tags = pos ?? this.posOf(sentences);
    const base = sentences.map((s, i) => sentenceKeys(s, this.res, true, tags?.[i]));
    const first = base.map((b, i) => (sentences[i].length === 0 ? [] : decode(this.model, b, sentences[i].length, this.oPenalty)));
    const stage2 = this.stage2;
    if (!stage2) return first;
    const history = documentHistory(sentences, first);
    return sentences.map((toks, i) => {
      if (toks.length === 0) return [];
      return decode(stage2, stackedKeys(base[i], { labels: first[i], history: history[i] }), toks.length, this.stage2Penalty);
    });
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
  const res: NerResources = { gaz, clusters };
  log(`gazetteer ${gaz.forms.size} forms, clusters ${clusters.fine.size} words`);
  const epochs = opts.epochs ?? 12;
  // POS features from the morph analyser, left out of every fifth sentence so the tagger also works without them.
  const morph = (opts.pos ?? true) ? loadMorph(dirname(paths.model)) : null;
  const posByText = new Map<readonly string[], string[] | undefined>();
  for (let i = 0; i < opts.train.length; i++) {
    posByText.set(opts.train[i].tokens, morph && i % 5 !== 4 ? posSignatures(morph, opts.train[i].tokens) : undefined);
  }
  log(morph ? 'POS features from models/morph-*.bin' : 'no morph models: training without POS features');
  const trainStage = (data: readonly TaggedSentence[], stacked?: StackedContext[], tag = ''): SequencePerceptron => {
    const examples = data.map((s, si) => {
      const base = sentenceKeys(s.tokens, res, false, posByText.get(s.tokens));
      const { keys, offsets } = stacked ? stackedKeys(base, stacked[si]) : base;
      const features: Uint32Array[] = [];
      for (let i = 0; i < s.tokens.length; i++) features.push(keys.subarray(offsets[i], offsets[i + 1]));
      return { features, labels: s.tags };
    });
    return SequencePerceptron.train(examples, {
      epochs,
      seed: 1,
      minFeatureCount: opts.minFeatureCount ?? 1,
      onEpoch: (e) =>
        log(`${tag}epoch ${e.epoch}: ${e.errors}/${e.total} token errors, ${e.features} features, ${(e.ms / 1000).toFixed(1)} s`),
    });
  };
  const model = trainStage(opts.train, undefined, 'stage 1 ');
  model.meta = {
    features: FEATURES_VERSION,
    pos: morph !== null,
    trainedOn: `${opts.train.length} sentences`,
    date: new Date().toISOString().slice(0, 10),
  };
  let stage2: SequencePerceptron | null = null;
  const folds = opts.folds ?? 5;
  if (folds > 1) {
    // Stacking: first-stage labels for every training sentence from models that did not see it.
    const labels: string[][] = new Array(opts.train.length);
    for (let f = 0; f < folds; f++) {
      const a = Math.floor((opts.train.length * f) / folds);
      const b = Math.floor((opts.train.length * (f + 1)) / folds);
      const m = trainStage([...opts.train.slice(0, a), ...opts.train.slice(b)], undefined, `fold ${f + 1}/${folds} `);
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
    );
    stage2.meta = { features: FEATURES_VERSION, stage: 2, folds, oPenalty: opts.oPenalty ?? DEFAULT_STAGE2_O_PENALTY };
  }
  if (opts.save ?? true) {
    model.save(paths.model, 'i16');
    if (stage2) stage2.save(paths.model2, 'i16');
    else if (existsSync(paths.model2)) rmSync(paths.model2);
  }
  return new NerTagger(model, res, stage2, morph);
}
