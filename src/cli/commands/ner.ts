import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { dataFile, modelFile, sharedDataDir } from '../../core/paths.ts';
import { readAntArticles } from '../../corpora/gold.ts';
import { anercorpSplit, formatConll, readConll, type TaggedSentence } from '../../corpora/ner-conll.ts';
import { buildKb } from '../../kb/build.ts';
import { KnowledgeBase, nameKey } from '../../kb/index.ts';
import { Pipeline } from '../../pipeline/index.ts';
import { antTexts, formatClusters, learnClusters } from '../../stages/ner/clusters.ts';
import { formatEmbeddingClusters, kmeansDense, learnEmbeddings } from '../../stages/ner/embeddings.ts';
import { formatScore, type NerScore, scoreNer } from '../../stages/ner/evaluate.ts';
import { defaultNerPaths, NerTagger, newsNerPaths, trainNer } from '../../stages/ner/model.ts';
import { newsSentences, readEntityAnnotations } from '../../stages/ner/news.ts';
import { commandGroup } from '../group.ts';

function readStdin(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch {
    return '';
  }
}

/** Tag a CoNLL file's sentences as one running document (the second stage looks at nearby sentences). */
function tagAll(tagger: NerTagger, sentences: readonly TaggedSentence[]): string[][] {
  return tagger.tagDocument(sentences.map((s) => s.tokens));
}

function scoreJson(s: NerScore): Record<string, unknown> {
  const r = (x: { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number }) => ({
    precision: Math.round(x.precision * 10000) / 100,
    recall: Math.round(x.recall * 10000) / 100,
    f1: Math.round(x.f1 * 10000) / 100,
    gold: x.tp + x.fn,
    pred: x.tp + x.fp,
  });
  return {
    tokens: s.tokens,
    accuracy: Math.round(s.accuracy * 10000) / 100,
    overall: r(s.overall),
    byType: Object.fromEntries(Object.entries(s.byType).map(([k, v]) => [k, r(v)])),
  };
}

/** `khabar ner`, `khabar eval ner`, `khabar train ner`, `khabar train ner-clusters`, `khabar train ner-embeddings`, `khabar kb build|lookup`. */
export function registerNer(program: Command): void {
  program
    .command('ner')
    .description('named entities: tag a CoNLL token file, or list the entities of a text')
    .argument('[text...]', 'Arabic text (default: stdin) when --conll is not given')
    .option('--conll <file>', 'one token per line (first column), blank line between sentences; writes token<TAB>tag lines')
    .option('--json', 'JSON output (entities of the text)')
    .action((words: string[], opts: { conll?: string; json?: boolean }) => {
      if (opts.conll) {
        const sentences = opts.conll === '-' ? readConll('/dev/stdin') : readConll(opts.conll);
        const tagger = NerTagger.load();
        const tags = tagAll(tagger, sentences);
        const out = sentences.map((s, i) => ({ tokens: s.tokens, tags: tags[i] }));
        process.stdout.write(formatConll(out));
        return;
      }
      const text = words.length > 0 ? words.join(' ') : readStdin();
      const pipeline = Pipeline.create({ stages: ['entities'] });
      const doc = pipeline.run({ id: 'text', headline: '', body: text, text, spans: { body: { start: 0, end: text.length } } });
      const entities = doc.entities ?? [];
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(entities)}\n`);
        return;
      }
      for (const e of entities) {
        const info = [e.nameEn, e.country, e.role, e.kbId].filter(Boolean).join(', ');
        const mentions = e.mentions.map((m) => `${m.text}@${m.start}${m.via && m.via !== 'ner' ? `(${m.via})` : ''}`).join('; ');
        process.stdout.write(`${e.id}\t${e.type}\t${e.name}${info ? ` [${info}]` : ''}\n\t${mentions}\n`);
      }
    });

  commandGroup(program, 'eval', 'measure a component against gold data')
    .command('ner')
    .description('CoNLL entity-level precision, recall and F1 (exact span and type) of the NER tagger')
    .option('--gold <file>', 'gold CoNLL file (token ... tag); default: the ANERcorp split given by --split')
    .option('--split <name>', 'ANERcorp CAMeL split: dev (last 10% of train) or test', 'dev')
    .option('--pred <file>', 'write the predicted tags (token<TAB>tag) here')
    .option('--models <dir>', 'model folder (ner.bin, ner-stage2.bin and their gazetteer and cluster files)', modelFile())
    .option('--json', 'machine-readable output')
    .action((opts: { gold?: string; split: string; pred?: string; models: string; json?: boolean }) => {
      if (!opts.gold && !['dev', 'test', 'train'].includes(opts.split)) throw new Error('--split must be dev, test or train');
      const gold = opts.gold ? readConll(opts.gold) : anercorpSplit(opts.split as 'dev' | 'test' | 'train');
      const tagger = NerTagger.load(defaultNerPaths(opts.models));
      const t0 = performance.now();
      const pred = tagAll(tagger, gold);
      const ms = performance.now() - t0;
      if (opts.pred) writeFileSync(opts.pred, formatConll(gold.map((s, i) => ({ tokens: s.tokens, tags: pred[i] }))));
      const score = scoreNer(
        gold.map((s) => s.tags),
        pred,
      );
      const wps = Math.round(score.tokens / (ms / 1000));
      if (opts.json)
        process.stdout.write(
          `${JSON.stringify({ data: opts.gold ?? `anercorp:${opts.split}`, ...scoreJson(score), tokensPerSecond: wps })}\n`,
        );
      else
        process.stdout.write(`${opts.gold ?? `ANERcorp ${opts.split}`}: ${gold.length} sentences, ${wps} tokens/s\n${formatScore(score)}`);
    });

  const train = commandGroup(program, 'train', 'train a model from the shared data');
  train
    .command('ner')
    .description('train the NER tagger on ANERcorp (CAMeL split) and write models/ner.bin + models/ner-gazetteer.tsv')
    .option('--epochs <n>', 'perceptron epochs', '12')
    .option('--full', 'train on all of the train split (default: keep the last 10% as dev)')
    .option('--min-count <n>', 'drop features seen fewer times in training', '1')
    .option('--seeds <n>', 'average the perceptrons of this many shuffling seeds per stage (default 3)')
    .option('--word-dropout <share>', 'share of training tokens trained without their word-identity features (default 0)')
    .option('--keep-gazetteer', 'use the gazetteer file already in the model folder (default: rebuild it from data/kb and ANERgazet)')
    .option('--o-penalty <n>', 'O handicap stored with the second stage (default 20)')
    .option('--order <n>', 'transition order: 1 or 2 for both stages, or "1,2" (stage 1, stage 2) (default 1)')
    .option(
      '--update <rule>',
      'learner: perceptron (default), pa (passive-aggressive) or crf (a linear-chain CRF; give --o-penalty on its scale, about 1)',
    )
    .option('--crf-l2 <x>', 'L2 penalty of the crf learner, per sentence (default 1e-4)')
    .option('--out <dir>', 'model folder', modelFile())
    .option(
      '--dev-tenth <n>',
      'hold out this tenth (1-10) of the train split as dev instead of the last one (a second opinion on a change)',
    )
    .option('--json', 'machine-readable output')
    .action(
      (opts: {
        epochs: string;
        full?: boolean;
        devTenth?: string;
        out: string;
        json?: boolean;
        minCount: string;
        oPenalty?: string;
        keepGazetteer?: boolean;
        seeds?: string;
        wordDropout?: string;
        order?: string;
        update?: string;
        crfL2?: string;
      }) => {
        const orders = (opts.order ?? '1').split(',').map(Number);
        if (orders.length === 1) orders.push(orders[0]);
        if (orders.length !== 2 || orders.some((o) => o !== 1 && o !== 2))
          throw new Error('--order must be 1, 2 or "1,2" (stage 1, stage 2)');
        const update = opts.update ?? 'perceptron';
        if (update !== 'perceptron' && update !== 'pa' && update !== 'crf') throw new Error('--update must be perceptron, pa or crf');
        let data = anercorpSplit(opts.full ? 'train-full' : 'train');
        let dev = anercorpSplit('dev');
        const tenth = opts.devTenth === undefined ? 10 : Number(opts.devTenth);
        if (!Number.isInteger(tenth) || tenth < 1 || tenth > 10) throw new Error('--dev-tenth must be 1..10');
        if (tenth !== 10) {
          if (opts.full) throw new Error('--dev-tenth and --full do not go together');
          const all = anercorpSplit('train-full');
          const a = Math.floor((all.length * (tenth - 1)) / 10);
          const b = Math.floor((all.length * tenth) / 10);
          data = [...all.slice(0, a), ...all.slice(b)];
          dev = all.slice(a, b);
        }
        const t0 = performance.now();
        const tagger = trainNer({
          train: data,
          epochs: Number(opts.epochs),
          minFeatureCount: Number(opts.minCount),
          rebuildGazetteer: !opts.keepGazetteer,
          seeds: opts.seeds === undefined ? undefined : Number(opts.seeds),
          wordDropout: opts.wordDropout === undefined ? undefined : Number(opts.wordDropout),
          oPenalty: opts.oPenalty === undefined ? undefined : Number(opts.oPenalty),
          order: orders as [1 | 2, 1 | 2],
          update,
          crfL2: opts.crfL2 === undefined ? undefined : Number(opts.crfL2),
          paths: defaultNerPaths(opts.out),
          log: (m) => process.stderr.write(`${m}\n`),
        });
        const seconds = Math.round((performance.now() - t0) / 100) / 10;
        const score = scoreNer(
          dev.map((s) => s.tags),
          tagAll(tagger, dev),
        );
        const note = opts.full ? ' (dev is inside the training data: not a held-out figure)' : '';
        if (opts.json)
          process.stdout.write(`${JSON.stringify({ seconds, sentences: data.length, dev: scoreJson(score), devHeldOut: !opts.full })}\n`);
        else
          process.stdout.write(
            `trained on ${data.length} sentences in ${seconds} s; written to ${opts.out}\ndev${tenth !== 10 ? ` (tenth ${tenth} of the train split, ${dev.length} sentences)` : ''}${note}:\n${formatScore(score)}`,
          );
      },
    );

  train
    .command('ner-news')
    .description(
      "train the pipeline's NER on ANERcorp plus khabar's own entity annotations of news articles (data/annotations/entities-train.jsonl, text from the ANT corpus) and write models/ner-news.bin",
    )
    .option('--annotations <file>', 'entity annotations (stand-off JSONL)', dataFile('annotations', 'entities-train.jsonl'))
    .option('--exclude-sets <list>', 'leave these annotation sets out (comma-separated set names)')
    .option('--dev-sets <list>', 'hold these annotation sets out and score the model on them (token-level CoNLL entity F1)')
    .option('--epochs <n>', 'perceptron epochs', '12')
    .option('--seeds <n>', 'average the perceptrons of this many shuffling seeds per stage (default 3)')
    .option('--news-copies <n>', 'how many times the news sentences are repeated in the training data', '3')
    .option('--optional <mode>', 'optional ORG records (الجيش الإسرائيلي): label (as ORG) or skip (left unlabelled)', 'label')
    .option('--no-anercorp', 'train on the news annotations only')
    .option('--o-penalty <n>', 'O handicap stored with the second stage (default 20)')
    .option('--out <dir>', 'model folder (the gazetteer and cluster files are read from it)', modelFile())
    .option('--json', 'machine-readable output')
    .action(
      (opts: {
        annotations: string;
        excludeSets?: string;
        devSets?: string;
        epochs: string;
        seeds?: string;
        newsCopies: string;
        optional: string;
        anercorp: boolean;
        oPenalty?: string;
        out: string;
        json?: boolean;
      }) => {
        if (opts.optional !== 'label' && opts.optional !== 'skip') throw new Error('--optional must be label or skip');
        const list = (x?: string): Set<string> =>
          new Set(
            (x ?? '')
              .split(',')
              .map((v) => v.trim())
              .filter(Boolean),
          );
        const exclude = list(opts.excludeSets);
        const devSets = list(opts.devSets);
        const records = readEntityAnnotations(opts.annotations);
        const ant = readAntArticles(
          join(sharedDataDir(), 'ant_news_corpus_subset', 'ant_v2.1_subset.jsonl'),
          records.map((r) => r.id),
        );
        const sentenceOpts = { optional: opts.optional as 'label' | 'skip' };
        const trainRecs = records.filter((r) => !exclude.has(r.set ?? '') && !devSets.has(r.set ?? ''));
        const devRecs = records.filter((r) => devSets.has(r.set ?? ''));
        const news = newsSentences(trainRecs, ant, sentenceOpts);
        const dev = newsSentences(devRecs, ant, sentenceOpts);
        if (news.missing + dev.missing > 0)
          process.stderr.write(`${news.missing + dev.missing} annotated articles are not in the ANT corpus file: left out\n`);
        const copies = Number(opts.newsCopies);
        if (!Number.isInteger(copies) || copies < 1) throw new Error('--news-copies must be a positive integer');
        const data: TaggedSentence[] = opts.anercorp ? anercorpSplit('train-full') : [];
        const anerCount = data.length;
        for (let c = 0; c < copies; c++) data.push(...news.sentences);
        process.stderr.write(
          `training on ${anerCount} ANERcorp sentences + ${news.sentences.length} news sentences × ${copies} (${news.articles} articles, ${news.names} names, ${news.unaligned} mention occurrences not on token edges)\n`,
        );
        const t0 = performance.now();
        const tagger = trainNer({
          train: data,
          epochs: Number(opts.epochs),
          rebuildGazetteer: false,
          seeds: opts.seeds === undefined ? undefined : Number(opts.seeds),
          oPenalty: opts.oPenalty === undefined ? undefined : Number(opts.oPenalty),
          paths: newsNerPaths(opts.out),
          log: (m) => process.stderr.write(`${m}\n`),
        });
        const seconds = Math.round((performance.now() - t0) / 100) / 10;
        const score =
          dev.sentences.length > 0
            ? scoreNer(
                dev.sentences.map((s) => s.tags),
                tagAll(tagger, dev.sentences),
              )
            : null;
        if (opts.json)
          process.stdout.write(
            `${JSON.stringify({ seconds, anercorp: anerCount, news: news.sentences.length, articles: news.articles, dev: score ? scoreJson(score) : null })}\n`,
          );
        else
          process.stdout.write(
            `trained on ${anerCount} ANERcorp + ${news.sentences.length} news sentences (${news.articles} articles) in ${seconds} s; written to ${newsNerPaths(opts.out).model}\n${score ? `dev (sets ${[...devSets].join(', ')}: ${dev.articles} articles, ${dev.sentences.length} sentences):\n${formatScore(score)}` : ''}`,
          );
      },
    );

  train
    .command('ner-clusters')
    .description('learn the word clusters used by the NER from the ANT news text (+ ANERcorp train tokens)')
    .option('--out <file>', 'cluster file', join(modelFile(), 'ner-clusters.tsv'))
    .option('--fine <n>', 'fine clusters', '800')
    .option('--min-count <n>', 'words seen fewer times are not clustered', '3')
    .action((opts: { out: string; fine: string; minCount: string }) => {
      const ant = join(sharedDataDir(), 'ant_news_corpus_subset', 'ant_v2.1_subset.jsonl');
      function* texts(): Generator<string> {
        yield* antTexts(ant);
        for (const s of anercorpSplit('train-full')) yield s.tokens.join(' ');
      }
      const t0 = performance.now();
      const c = learnClusters(texts(), {
        fine: Number(opts.fine),
        minCount: Number(opts.minCount),
        log: (m) => process.stderr.write(`${Math.round((performance.now() - t0) / 1000)} s ${m}\n`),
      });
      writeFileSync(
        opts.out,
        formatClusters(
          c,
          `NER word clusters (khabar train ner-clusters --fine ${opts.fine} --min-count ${opts.minCount}), learnt from the ANT corpus v2.1 subset (train split; citation licence, see models/ner.md) and ANERcorp train tokens. Columns: word coarse mid fine sub.`,
        ),
      );
      process.stdout.write(`${c.fine.size} words clustered in ${Math.round((performance.now() - t0) / 1000)} s; written to ${opts.out}\n`);
    });

  train
    .command('ner-embeddings')
    .description(
      'learn word embeddings (skip-gram, negative sampling) from the ANT news text (+ ANERcorp train tokens) and cluster them for the NER',
    )
    .option('--out <file>', 'embedding-cluster file', join(modelFile(), 'ner-embclusters.tsv'))
    .option('--dim <n>', 'vector size', '100')
    .option('--epochs <n>', 'passes over the text', '5')
    .option('--window <n>', 'largest context distance', '5')
    .option('--min-count <n>', 'words seen fewer times get no vector', '3')
    .option('--k <list>', 'k-means cluster counts, comma-separated', '256,1024')
    .option('--vectors <file>', 'also write the vectors (word2vec text format)')
    .action((opts: { out: string; dim: string; epochs: string; window: string; minCount: string; k: string; vectors?: string }) => {
      const ant = join(sharedDataDir(), 'ant_news_corpus_subset', 'ant_v2.1_subset.jsonl');
      function* texts(): Generator<string> {
        yield* antTexts(ant);
        for (const s of anercorpSplit('train-full')) yield s.tokens.join(' ');
      }
      const t0 = performance.now();
      const log = (m: string): void => {
        process.stderr.write(`${Math.round((performance.now() - t0) / 1000)} s ${m}\n`);
      };
      const emb = learnEmbeddings(texts(), {
        dim: Number(opts.dim),
        epochs: Number(opts.epochs),
        window: Number(opts.window),
        minCount: Number(opts.minCount),
        log,
      });
      if (opts.vectors) {
        const lines = [`${emb.words.length} ${emb.dim}`];
        for (let r = 0; r < emb.words.length; r++)
          lines.push(`${emb.words[r]} ${Array.from(emb.vectors.subarray(r * emb.dim, (r + 1) * emb.dim), (v) => v.toFixed(5)).join(' ')}`);
        writeFileSync(opts.vectors, `${lines.join('\n')}\n`);
      }
      const ks = opts.k.split(',').map(Number);
      const levels = ks.map((k, i) => kmeansDense(emb.vectors, emb.dim, k, 20, 11 + i, log));
      writeFileSync(
        opts.out,
        formatEmbeddingClusters(
          emb.words,
          levels,
          `NER embedding clusters (khabar train ner-embeddings --dim ${opts.dim} --epochs ${opts.epochs} --window ${opts.window} --min-count ${opts.minCount} --k ${opts.k}): skip-gram vectors learnt from the ANT corpus v2.1 subset (train split; citation licence, see models/ner.md) and ANERcorp train tokens, k-means clusters. Columns: word ${ks.map((k) => `k${k}`).join(' ')}.`,
        ),
      );
      process.stdout.write(`${emb.words.length} words in ${Math.round((performance.now() - t0) / 1000)} s; written to ${opts.out}\n`);
    });

  const kb = program.command('kb').description('the knowledge base of actors and places (data/kb)');
  kb.command('build')
    .description('rebuild data/kb/{countries,cities,petrarch}.tsv and first-names.txt from the shared data')
    .option('--data <dir>', 'shared data folder', sharedDataDir())
    .option('--out <dir>', 'output folder', dataFile('kb'))
    .action((opts: { data: string; out: string }) => {
      const r = buildKb(opts.data, opts.out);
      for (const f of r.files) process.stdout.write(`${f.path}\t${f.entries} entries\n`);
    });
  kb.command('lookup')
    .description('KB entries for a name (any spelling the KB knows), and the country of a nationality adjective')
    .argument('<name...>', 'Arabic name')
    .option('--json', 'machine-readable output')
    .action((words: string[], opts: { json?: boolean }) => {
      const k = KnowledgeBase.default();
      const key = nameKey(words.join(' '));
      const entries = k.lookup(key);
      const demonym = k.demonym(key);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ key, entries, demonym: demonym ?? null })}\n`);
        return;
      }
      if (demonym) process.stdout.write(`nationality adjective of ${demonym}\n`);
      for (const e of entries) {
        process.stdout.write(`${e.id}\t${e.type}\t${e.name}\t${e.nameEn ?? ''}\t${e.country ?? ''}\t${e.role ?? ''}\t${e.source}\n`);
      }
      if (entries.length === 0 && !demonym) process.stdout.write('not in the KB\n');
    });
}
