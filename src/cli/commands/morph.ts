import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { hasSharedData, modelFile, sharedDataDir } from '../../core/paths.ts';
import { readPadt } from '../../corpora/ud-words.ts';
import { BILSTM_DEFAULTS, BiLstmTagger, vectorsSignature } from '../../stages/morph/bilstm.ts';
import { metricsSection, updateCard } from '../../stages/morph/card.ts';
import { CORPUS_FILE, CORPUS_MIN_COUNT, countCorpusWords } from '../../stages/morph/corpus.ts';
import { evaluateMorph, type MorphScores } from '../../stages/morph/eval.ts';
import { MODEL_FILES, MorphAnalyzer } from '../../stages/morph/morph.ts';
import { NEURAL_DEFAULTS, NeuralTagger, readWord2Vec, vectorsFromModel } from '../../stages/morph/neural.ts';
import { Reranker } from '../../stages/morph/rerank.ts';
import { evaluateStems, WIKINEWS_FILE } from '../../stages/morph/stem-eval.ts';
import { readClusters } from '../../stages/morph/tagger.ts';
import { DEFAULT_EPOCHS, DEFAULT_POS_SEEDS, padtFile, saveMorph, trainMorph } from '../../stages/morph/train.ts';
import { trainBiLstm } from '../../stages/morph/train-bilstm.ts';
import { trainNeural } from '../../stages/morph/train-neural.ts';
import { RERANK_DEFAULTS, trainReranker } from '../../stages/morph/train-rerank.ts';
import { commandGroup } from '../group.ts';

const pct = (x: number): string => (100 * x).toFixed(2);

function printScores(name: string, s: MorphScores): void {
  process.stdout.write(
    `${name}: ${s.sentences} sentences, ${s.tokens} tokens, ${s.goldWords} gold words, ${s.systemWords} system words\n` +
      `  Words F1 ${pct(s.words.f1)}  (P ${pct(s.words.precision)}, R ${pct(s.words.recall)})\n` +
      `  UPOS  F1 ${pct(s.upos.f1)}  (P ${pct(s.upos.precision)}, R ${pct(s.upos.recall)})\n` +
      `  token split exact ${pct(s.segmentationExact)} %\n` +
      `  speed ${Math.round(s.wordsPerSecond)} words/s\n`,
  );
}

/**
 * After a network was written: reloads the analyser from the models folder
 * (timing the load), scores PADT dev and test, prints the figures or JSON.
 */
function reportNetwork(
  opts: { out: string; test: boolean; json?: boolean },
  dataDir: string,
  file: string,
  setting: string,
  trainSeconds: number,
  extra: Record<string, unknown>,
): void {
  const l0 = performance.now();
  const loaded = MorphAnalyzer.load(opts.out);
  const loadMs = performance.now() - l0;
  const dev = evaluateMorph(loaded, readPadt(padtFile(dataDir, 'dev')));
  const test = opts.test ? evaluateMorph(loaded, readPadt(padtFile(dataDir, 'test'))) : null;
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ file, ...extra, trainSeconds, loadMs, dev, test })}\n`);
    return;
  }
  process.stdout.write(
    `wrote ${file} (${setting}; trained in ${Math.round(trainSeconds)} s; analyser loads in ${Math.round(loadMs)} ms)\n`,
  );
  printScores('dev', dev);
  if (test) printScores('test', test);
}

/** `khabar segment`, `khabar eval morph`, `khabar train morph`. */
export function registerMorph(program: Command): void {
  program
    .command('segment')
    .description('clitic segmentation and UPOS: one sentence of space-separated tokens per stdin line → ITEMS<TAB>TAGS (PADT format)')
    .option('--models <dir>', 'folder with morph-seg.bin and morph-pos.bin', modelFile())
    .action(async (opts: { models: string }) => {
      const analyzer = MorphAnalyzer.load(opts.models);
      const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
      for await (const raw of rl) {
        const line = raw.includes('\t') ? raw.slice(0, raw.indexOf('\t')) : raw;
        const tokens = line.split(/\s+/).filter(Boolean);
        const words = analyzer.analyze(tokens.map((text) => ({ text })));
        const items: string[] = [];
        const tags: string[] = [];
        let w = 0;
        tokens.forEach((tok, ti) => {
          const start = w;
          while (w < words.length && words[w].token === ti) w++;
          if (w - start > 1) {
            items.push(tok);
            tags.push('_');
          }
          for (let k = start; k < w; k++) {
            items.push(w - start > 1 ? words[k].form : tok);
            tags.push(words[k].upos);
          }
        });
        if (!process.stdout.write(`${items.join(' ')}\t${tags.join(' ')}\n`)) await new Promise((r) => process.stdout.once('drain', r));
      }
    });

  commandGroup(program, 'eval', 'evaluate against gold data')
    .command('morph')
    .description('Words F1 / UPOS F1 (CoNLL 2018 alignment) and token split exact match on a PADT-format file')
    .option('--gold <file>', 'PADT-format file (ITEMS<TAB>TAGS); default: PADT dev from KHABAR_DATA')
    .option('--models <dir>', 'folder with morph-seg.bin and morph-pos.bin', modelFile())
    .option('--no-networks', 'the perceptron alone: ignore morph-nn.bin and morph-lstm.bin')
    .option('--joint', 'joint segmentation and tagging (n-best segmentations of unsure tokens rescored by the tagger)')
    .option('--rerank [file]', 'the split reranker (default: morph-rerank.json of the models folder)')
    .option('--json', 'machine-readable output')
    .action((opts: { gold?: string; models: string; networks: boolean; joint?: boolean; rerank?: boolean | string; json?: boolean }) => {
      const gold = opts.gold ?? padtFile(sharedDataDir(), 'dev');
      const t0 = performance.now();
      const rerank = typeof opts.rerank === 'string' ? Reranker.load(opts.rerank).model : opts.rerank === true;
      const analyzer = MorphAnalyzer.load(opts.models, { neural: opts.networks, joint: opts.joint === true, rerank });
      const loadMs = performance.now() - t0;
      const scores = evaluateMorph(analyzer, readPadt(gold));
      if (opts.json) process.stdout.write(`${JSON.stringify({ gold, loadMs, ...scores })}\n`);
      else printScores(gold, scores);
    });

  commandGroup(program, 'eval', 'evaluate against gold data')
    .command('stems')
    .description('conflation of light stems vs gold lemmas (WikiNews lemma/POS set): pairwise precision/recall over distinct content words')
    .option('--gold <file>', 'WikiNews CSV; default: from KHABAR_DATA')
    .option('--models <dir>', 'folder with morph-seg.bin and morph-pos.bin', modelFile())
    .option('--json', 'machine-readable output')
    .action((opts: { gold?: string; models: string; json?: boolean }) => {
      const gold = opts.gold ?? join(sharedDataDir(), WIKINEWS_FILE);
      const s = evaluateStems(MorphAnalyzer.load(opts.models), gold);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ gold, ...s })}\n`);
        return;
      }
      process.stdout.write(`${gold}: ${s.words} content words, ${s.types} distinct, ${s.lemmas} gold lemmas\n`);
      for (const [name, c] of [
        ['segmented stem word', s.segmented],
        ['light stem', s.lightStem],
      ] as const) {
        process.stdout.write(`  ${name.padEnd(20)} P ${pct(c.precision)}  R ${pct(c.recall)}  F1 ${pct(c.f1)}  (${c.classes} classes)\n`);
      }
    });

  commandGroup(program, 'train', 'train models from the shared data')
    .command('morph-nn')
    .description(
      'train the UPOS window networks on PADT train over pretrained word vectors, tune their weight on dev, score test, write models/morph-nn.bin',
    )
    .option('--vectors <file>', 'word vectors, word2vec text format (khabar train ner-embeddings --out /tmp/x.tsv --vectors FILE)')
    .option('--out <dir>', 'models folder (its morph-seg.bin and morph-pos.bin are used; morph-nn.bin is written there)', modelFile())
    .option('--network <file>', 'tune and score this already trained morph-nn.bin (against --out’s perceptron) instead of training one')
    .option('--nets <n>', 'networks averaged', String(NEURAL_DEFAULTS.nets))
    .option('--hidden <n>', 'hidden units', String(NEURAL_DEFAULTS.hidden))
    .option('--window <n>', 'window radius', String(NEURAL_DEFAULTS.window))
    .option('--epochs <n>', 'passes over PADT train', String(NEURAL_DEFAULTS.epochs))
    .option('--seed <n>', 'seed of the first network', String(NEURAL_DEFAULTS.seed))
    .option('--no-test', 'do not score PADT test')
    .option('--json', 'print the scores as JSON')
    .action(
      (opts: {
        vectors?: string;
        network?: string;
        out: string;
        nets: string;
        hidden: string;
        window: string;
        epochs: string;
        seed: string;
        test: boolean;
        json?: boolean;
      }) => {
        if (!hasSharedData()) throw new Error(`shared data not found at ${sharedDataDir()} (set KHABAR_DATA)`);
        const dataDir = sharedDataDir();
        const log = (m: string) => process.stderr.write(`${m}\n`);
        if (!opts.vectors && !opts.network) throw new Error('train morph-nn needs --vectors FILE (or --network FILE)');
        const network = opts.network ? NeuralTagger.load(opts.network) : undefined;
        const vectors = opts.vectors && !network ? readWord2Vec(opts.vectors) : { words: [], dim: 0, data: new Float32Array(0) };
        if (network) log(`tuning the networks of ${opts.network}`);
        else log(`${vectors.words.length} vectors of ${vectors.dim} dimensions from ${opts.vectors}`);
        const analyzer = MorphAnalyzer.load(opts.out, { neural: false });
        const r = trainNeural(analyzer, dataDir, vectors, {
          network,
          nets: Number(opts.nets),
          hidden: Number(opts.hidden),
          window: Number(opts.window),
          epochs: Number(opts.epochs),
          seed: Number(opts.seed),
          onEpoch: (e) => log(`network ${e.net} epoch ${e.epoch}: loss ${e.loss.toFixed(4)}, ${Math.round(e.ms / 1000)} s`),
        });
        for (const d of r.dev)
          log(`dev, weight ${d.weight}, gate ${d.gate}: Words F1 ${pct(d.scores.words.f1)}, UPOS F1 ${pct(d.scores.upos.f1)}`);
        log(`chosen weight ${r.weight}, gate ${r.gate}`);
        const file = join(opts.out, MODEL_FILES.neural);
        if (!network) {
          r.neural.meta.trained = new Date().toISOString().slice(0, 10);
          r.neural.meta.vectors = basename(opts.vectors ?? '');
        }
        r.neural.save(file);
        reportNetwork(opts, dataDir, file, `weight ${r.weight}, gate ${r.gate}`, r.seconds, { weight: r.weight, devByWeight: r.dev });
      },
    );

  commandGroup(program, 'train', 'train models from the shared data')
    .command('morph-lstm')
    .description(
      'train the UPOS sentence network (BiLSTM) on PADT train, tune its weight, gate and reach on dev, score test, write models/morph-lstm.bin',
    )
    .option('--vectors <file>', 'word vectors, word2vec text format (default: the vectors stored in the models folder’s morph-nn.bin)')
    .option('--out <dir>', 'models folder (its morph-seg/pos/nn.bin are used; morph-lstm.bin is written there)', modelFile())
    .option('--hidden <n>', 'LSTM units per direction', String(BILSTM_DEFAULTS.hidden))
    .option('--epochs <n>', 'passes over PADT train', String(BILSTM_DEFAULTS.epochs))
    .option('--seed <n>', 'seed', String(BILSTM_DEFAULTS.seed))
    .option('--network <file>', 'tune and score this already trained network instead of training one')
    .option('--no-test', 'do not score PADT test')
    .option('--json', 'print the scores as JSON')
    .action(
      (opts: {
        vectors?: string;
        out: string;
        hidden: string;
        epochs: string;
        seed: string;
        network?: string;
        test: boolean;
        json?: boolean;
      }) => {
        if (!hasSharedData()) throw new Error(`shared data not found at ${sharedDataDir()} (set KHABAR_DATA)`);
        const dataDir = sharedDataDir();
        const log = (m: string) => process.stderr.write(`${m}\n`);
        const source = opts.vectors ?? join(opts.out, MODEL_FILES.neural);
        const network = opts.network ? BiLstmTagger.load(opts.network) : undefined;
        const vectors = network
          ? { words: [], dim: 0, data: new Float32Array(0) }
          : opts.vectors
            ? readWord2Vec(opts.vectors)
            : vectorsFromModel(source);
        if (!network) log(`${vectors.words.length} vectors of ${vectors.dim} dimensions from ${source}`);
        const analyzer = MorphAnalyzer.load(opts.out, { sentence: false });
        const r = trainBiLstm(analyzer, dataDir, vectors, {
          hidden: Number(opts.hidden),
          epochs: Number(opts.epochs),
          seed: Number(opts.seed),
          network,
          onEpoch: (e) => log(`epoch ${e.epoch}: loss ${e.loss.toFixed(4)}, ${Math.round(e.ms / 1000)} s`),
        });
        for (const d of r.dev)
          log(
            `dev, weight ${d.weight}, gate ${d.gate}, reach ${d.reach}: Words F1 ${pct(d.scores.words.f1)}, UPOS F1 ${pct(d.scores.upos.f1)}`,
          );
        const m = r.model;
        log(`chosen weight ${m.weight}, gate ${m.gate}, reach ${m.reach}`);
        const file = join(opts.out, MODEL_FILES.sentence);
        m.meta.trained ??= new Date().toISOString().slice(0, 10);
        m.meta.vectors ??= basename(source);
        // the vectors are the window networks' own: kept once, in morph-nn.bin
        const shared = analyzer.tagger.neural?.vectors;
        m.save(file, { shareVectors: !opts.vectors && !!shared && vectorsSignature(shared) === vectorsSignature(m.vectors) });
        reportNetwork(opts, dataDir, file, `weight ${m.weight}, gate ${m.gate}, reach ${m.reach}`, r.seconds, {
          weight: m.weight,
          gate: m.gate,
          reach: m.reach,
          devGrid: r.dev,
        });
      },
    );

  commandGroup(program, 'train', 'train models from the shared data')
    .command('morph-rerank')
    .description(
      'train the split reranker on PADT train (5-fold jackknife: segmenter and tagger retrained per fold), write morph-rerank.json, score dev',
    )
    .option('--out <dir>', 'models folder (its morph-*.bin are used; morph-rerank.json is written there)', modelFile())
    .option('--test', 'also score PADT test')
    .action((opts: { out: string; test?: boolean }) => {
      if (!hasSharedData()) throw new Error(`shared data not found at ${sharedDataDir()} (set KHABAR_DATA)`);
      const dataDir = sharedDataDir();
      const log = (m: string) => process.stderr.write(`${m}\n`);
      const corpus = countCorpusWords(dataDir, CORPUS_MIN_COUNT);
      const clusterFile = modelFile('ner-clusters.tsv');
      const clusters = existsSync(clusterFile) ? readClusters(readFileSync(clusterFile, 'utf8')) : undefined;
      const r = trainReranker(readPadt(padtFile(dataDir, 'train')), { corpus, clusters, log, setting: RERANK_DEFAULTS });
      const file = join(opts.out, MODEL_FILES.rerank);
      new Reranker(r.model).save(file);
      log(
        `wrote ${file}: ${Object.keys(r.model.weights).length} weights from ${r.examples} unsure train tokens, ${Math.round(r.seconds)} s`,
      );
      const analyzer = MorphAnalyzer.load(opts.out, { rerank: true });
      printScores('dev', evaluateMorph(analyzer, readPadt(padtFile(dataDir, 'dev'))));
      if (opts.test) printScores('test', evaluateMorph(analyzer, readPadt(padtFile(dataDir, 'test'))));
    });

  commandGroup(program, 'train', 'train models from the shared data')
    .command('morph')
    .description(
      'train the clitic segmenter and UPOS tagger on PADT train (KHABAR_DATA), score dev and test, write models/morph-*.bin and the card',
    )
    .option('--out <dir>', 'where to write the models', modelFile())
    .option('--seg-epochs <n>', 'segmenter epochs', String(DEFAULT_EPOCHS.segmenter))
    .option('--pos-epochs <n>', 'tagger epochs', String(DEFAULT_EPOCHS.tagger))
    .option('--seed <n>', 'shuffling seed', '1')
    .option('--pos-seeds <n>', 'tagger perceptrons averaged (trained on shuffles seed..seed+N-1)', String(DEFAULT_POS_SEEDS))
    .option('--no-test', 'do not score PADT test (nor update models/morph.md)')
    .option('--no-card', 'do not update models/morph.md')
    .option('--no-clusters', 'do not use the word clusters of models/ner-clusters.tsv as tagger features')
    .option('--json', 'print the scores as JSON')
    .action(
      (opts: {
        out: string;
        segEpochs: string;
        posEpochs: string;
        seed: string;
        posSeeds: string;
        test: boolean;
        card: boolean;
        clusters: boolean;
        json?: boolean;
      }) => {
        if (!hasSharedData()) throw new Error(`shared data not found at ${sharedDataDir()} (set KHABAR_DATA)`);
        const dataDir = sharedDataDir();
        const log = (m: string) => process.stderr.write(`${m}\n`);
        const t0 = performance.now();
        const epochs = { segmenter: Number(opts.segEpochs), tagger: Number(opts.posEpochs) };
        log(`counting words of ${join(dataDir, CORPUS_FILE)}`);
        const corpus = countCorpusWords(dataDir, CORPUS_MIN_COUNT);
        const clusterFile = opts.clusters === false ? null : modelFile('ner-clusters.tsv');
        const clusters = clusterFile && existsSync(clusterFile) ? readClusters(readFileSync(clusterFile, 'utf8')) : undefined;
        log(
          clusters
            ? `${clusters.size} word clusters from ${clusterFile}`
            : 'no word clusters (models/ner-clusters.tsv absent or --no-clusters)',
        );
        log(`${corpus.size} corpus forms; reading ${padtFile(dataDir, 'train')}`);
        const r = trainMorph(readPadt(padtFile(dataDir, 'train')), {
          segEpochs: epochs.segmenter,
          posEpochs: epochs.tagger,
          seed: Number(opts.seed),
          posSeeds: Number(opts.posSeeds),
          log,
          corpus,
          clusters,
        });
        const trainSeconds = (performance.now() - t0) / 1000;
        const date = new Date().toISOString().slice(0, 10);
        const posSeeds = Number(opts.posSeeds);
        saveMorph(r.analyzer, opts.out, {
          trained: date,
          epochs,
          ...(posSeeds > 1 ? { posSeeds } : {}),
          clusterWords: clusters ? clusters.size : 0,
        });
        const l0 = performance.now();
        const loaded = MorphAnalyzer.load(opts.out);
        const loadMs = performance.now() - l0;
        log(opts.test ? 'scoring dev and test' : 'scoring dev');
        const dev = evaluateMorph(loaded, readPadt(padtFile(dataDir, 'dev')));
        const test = opts.test ? evaluateMorph(loaded, readPadt(padtFile(dataDir, 'test'))) : undefined;
        const wikinews = join(dataDir, WIKINEWS_FILE);
        const stems = test && existsSync(wikinews) ? evaluateStems(loaded, wikinews) : undefined;
        if (opts.card && test)
          updateCard(
            modelFile('morph.md'),
            metricsSection({ dev, test, date, trainSeconds, loadMs, epochs, posSeeds, coverage: r.coverage, stems }, opts.out),
          );
        if (opts.json) process.stdout.write(`${JSON.stringify({ trainSeconds, loadMs, coverage: r.coverage, dev, test })}\n`);
        else {
          process.stdout.write(`trained in ${trainSeconds.toFixed(1)} s; models in ${opts.out}; load ${loadMs.toFixed(0)} ms\n`);
          printScores('dev', dev);
          if (test) printScores('test', test);
        }
      },
    );
}
