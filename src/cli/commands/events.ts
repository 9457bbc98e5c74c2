import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { dataFile, modelFile } from '../../core/paths.ts';
import { coarseClusters, formatPairModel } from '../../stages/events/pairs.ts';
import { PAIR_NET_DEFAULTS, type PairNetOptions } from '../../stages/events/pairs-net.ts';
import {
  cvPairs,
  cvPairVariants,
  cvTargets,
  PAIR_DEFAULTS,
  type PairExperimentOptions,
  type PairLearner,
  pairDocs,
  readStandoff,
  trainPairModel,
} from '../../stages/events/train-pairs.ts';
import { loadEmbeddingClusters } from '../../stages/ner/embeddings.ts';
import { analyseAnnotated } from '../annotated.ts';
import { commandGroup } from '../group.ts';

interface Opts {
  annotations: string;
  out: string;
  cv?: boolean;
  cvTargets?: string;
  fills: string;
  overrides: string;
  override: string;
  fill: string;
  threshold: string;
  l2: string;
  json?: boolean;
  progress?: boolean;
  learner?: string;
  thresholds?: string;
  hidden?: string;
  netEpochs?: string;
  netLr?: string;
  dropout?: string;
  netSeed?: string;
  netSeeds?: string;
  minCount?: string;
  netL2?: string;
  bagSeeds?: string;
  conj?: boolean;
  viaFile?: boolean;
}

/** `khabar train events-pairs`: the learned actor-event layer of the events stage. */
export function registerEvents(program: Command): void {
  commandGroup(program, 'train', 'train models from the shared data')
    .command('events-pairs')
    .description(
      'train the learned actor-event layer of the events stage on khabar’s stand-off annotations of ANT articles (text from KHABAR_DATA); --cv: leave-one-set-out cross-validation instead',
    )
    .option('--annotations <file>', 'stand-off annotation file', dataFile('annotations', 'events-train.jsonl'))
    .option('--out <file>', 'model file', modelFile('events-pairs.tsv'))
    .option('--cv', 'score the recipe by leaving out one annotation set at a time (writes no model)')
    .option('--threshold <p>', 'probability at which an event is added', String(PAIR_DEFAULTS.threshold))
    .option('--l2 <x>', 'L2 regularisation', String(PAIR_DEFAULTS.l2))
    .option(
      '--learner <names>',
      'experimental learners of the type classifiers, comma-separated (logreg, bag, mlp, mix, mlpbag); with --cv they are scored side by side',
    )
    .option('--thresholds <list>', 'with --cv: score each learner at these adding thresholds (comma-separated)')
    .option('--hidden <n>', 'mlp: hidden units')
    .option('--net-epochs <n>', 'mlp: epochs')
    .option('--net-lr <x>', 'mlp: AdaGrad learning rate')
    .option('--dropout <x>', 'mlp: dropout on the hidden layer')
    .option('--net-seed <n>', 'mlp: seed of the initial weights, the shuffles and the dropout')
    .option('--net-seeds <list>', 'mlpbag: seeds of its networks (default 13,14,15)')
    .option('--min-count <n>', 'mlp: leave out features seen in fewer training examples')
    .option('--net-l2 <x>', 'mlp: L2 on the embeddings and output weights')
    .option('--bag-seeds <list>', 'bag: shuffle seeds of its logistic regressions (default 13,14,15)')
    .option('--via-file', 'with --cv: score each model as read back from its file text')
    .option('--conj', 'add conjunction features (the actor’s rule-event types × the sentence’s trigger-lexicon types)')
    .option(
      '--cv-targets <folds>',
      'score the target chooser by cross-validation over this many groups of annotation sets (writes no model)',
    )
    .option('--fills <list>', 'with --cv-targets: fill thresholds to score side by side (comma-separated; negative: no filling)', '-1,0.5')
    .option(
      '--overrides <list>',
      'with --cv-targets: override thresholds to score side by side (comma-separated; negative: none)',
      '-1,0.6',
    )
    .option(
      '--fill <p>',
      'probability at which the target chooser fills the target a rule event lacks (negative: never)',
      String(PAIR_DEFAULTS.fill),
    )
    .option(
      '--override <p>',
      'probability at which the target chooser replaces the target of a rule event (negative: never)',
      String(PAIR_DEFAULTS.override),
    )
    .option('--no-progress', 'no progress bar')
    .option('--json', 'print the cross-validation as JSON')
    .action(async (o: Opts) => {
      const records = readStandoff(o.annotations);
      const emb = coarseClusters(loadEmbeddingClusters(modelFile('ner-embclusters.tsv')));
      const docs = await analyseAnnotated(records.length, o.progress, (ant, done) => pairDocs(records, ant, emb, done));
      const opts = { threshold: Number(o.threshold), l2: Number(o.l2), fill: Number(o.fill), override: Number(o.override) };
      const list = (v: string | undefined): string[] =>
        v
          ? v
              .split(',')
              .map((x) => x.trim())
              .filter(Boolean)
          : [];
      const learners = list(o.learner) as PairLearner[];
      for (const l of learners) if (!['logreg', 'bag', 'mlp', 'mix', 'mlpbag'].includes(l)) throw new Error(`unknown learner ${l}`);
      const net: PairNetOptions = {
        ...(o.hidden ? { hidden: Number(o.hidden) } : {}),
        ...(o.netEpochs ? { epochs: Number(o.netEpochs) } : {}),
        ...(o.netLr ? { lr: Number(o.netLr) } : {}),
        ...(o.dropout ? { dropout: Number(o.dropout) } : {}),
        ...(o.netSeed ? { seed: Number(o.netSeed) } : {}),
        ...(o.netL2 ? { l2: Number(o.netL2) } : {}),
        ...(o.minCount ? { minCount: Number(o.minCount) } : {}),
      };
      const x: PairExperimentOptions = {
        net,
        ...(o.bagSeeds ? { bagSeeds: list(o.bagSeeds).map(Number) } : {}),
        ...(o.netSeeds ? { netSeeds: list(o.netSeeds).map(Number) } : {}),
        ...(o.conj ? { conj: true } : {}),
        ...(o.viaFile ? { viaFile: true } : {}),
      };
      if (o.cvTargets) {
        const rows = cvTargets(docs, Number(o.cvTargets), list(o.fills).map(Number), list(o.overrides).map(Number), opts, (g, sec) => {
          if (o.progress !== false) process.stderr.write(`fold ${g + 1} ${sec.toFixed(1)} s\n`);
        });
        if (o.json) {
          process.stdout.write(`${JSON.stringify(rows)}\n`);
          return;
        }
        const pc = (a: number, b: number): string => (b ? ((100 * a) / b).toFixed(1) : '-');
        for (const r of rows)
          process.stdout.write(
            `fill ${String(r.fill).padEnd(5)} override ${String(r.override).padEnd(5)} rule events: ${pc(r.rules.right, r.rules.n)} % right of ${r.rules.n} matched (${r.rules.none} null, ${pc(r.rules.right - (r.rules.rightNone ?? 0), r.rules.n - r.rules.none)} % of the others right); ${r.changed} targets given or replaced, ${r.changedRight} right; learned events ${pc(r.model.right, r.model.n)} % right of ${r.model.n} (${r.model.none} null, ${pc(r.model.right - (r.model.rightNone ?? 0), r.model.n - r.model.none)} % of the others right)\n`,
          );
        return;
      }
      if (o.cv && (learners.length || o.thresholds || o.conj)) {
        const ths = o.thresholds ? list(o.thresholds).map(Number) : [opts.threshold];
        const cv = cvPairVariants(docs, learners.length ? learners : ['logreg'], ths, opts, x, (s, sec) => {
          if (o.progress !== false) process.stderr.write(`${s} ${sec.toFixed(1)} s\n`);
        });
        if (o.json) {
          process.stdout.write(`${JSON.stringify(cv)}\n`);
          return;
        }
        const f = (m: { p: number; r: number; f1: number }): string => `P ${m.p} R ${m.r} F1 ${m.f1}`;
        process.stdout.write(`rules alone: ${f(cv.rules)}\n`);
        for (const v of cv.variants)
          process.stdout.write(
            `${v.learner.padEnd(7)} ${String(v.threshold).padEnd(4)} ${f(v.pooled)}  (mean over sets ${v.meanF1.toFixed(2)})\n`,
          );
        return;
      }
      if (o.cv) {
        const cv = cvPairs(docs, opts);
        if (o.json) {
          process.stdout.write(`${JSON.stringify(cv)}\n`);
          return;
        }
        const line = (r: (typeof cv.rows)[number]): string =>
          `${r.set.padEnd(10)} ${String(r.articles).padStart(3)}  rules P ${r.rules.p} R ${r.rules.r} F1 ${r.rules.f1}  ->  with the layer P ${r.model.p} R ${r.model.r} F1 ${r.model.f1}`;
        process.stdout.write(`${[...cv.rows, cv.pooled].map(line).join('\n')}\n\n`);
        const tg = (x: { n: number; right: number; none: number }): string =>
          `${x.n ? ((100 * x.right) / x.n).toFixed(1) : '-'} % right of ${x.n} (${x.none} null)`;
        process.stdout.write(
          `targets of the events that match a gold event: rule events ${tg(cv.targets.rules)}; learned events ${tg(cv.targets.model)}\n\npooled by type (F1, pred / gold):\n`,
        );
        for (const [t, x] of Object.entries(cv.byType))
          process.stdout.write(
            `  ${t.padEnd(10)} rules ${String(x.rules.f1).padStart(5)} (${x.rules.pred} / ${x.rules.gold})  ->  with the layer ${String(x.model.f1).padStart(5)} (${x.model.pred} / ${x.model.gold})\n`,
          );
        return;
      }
      if (learners.length > 1 || learners.some((l) => l !== 'logreg' && l !== 'mlp') || o.conj)
        throw new Error('only --learner logreg or mlp has a model file format (bags and --conj: use them with --cv)');
      const n = docs.reduce((a, d) => a + d.instances.length, 0);
      const mlp = learners[0] === 'mlp';
      const m = trainPairModel(
        docs,
        opts,
        mlp
          ? `events-pairs: one shared hidden layer (bag of feature embeddings, ${x.net?.hidden ?? PAIR_NET_DEFAULTS.hidden} units) with one sigmoid output per PLOVER type over (sentence, actor) pairs (khabar train events-pairs --learner mlp --threshold ${opts.threshold}), trained on ${records.length} ANT articles annotated for khabar (data/annotations/events-train.jsonl), ${n} pairs. See models/events-pairs.md.`
          : `events-pairs: one logistic regression per PLOVER type over (sentence, actor) pairs (khabar train events-pairs --threshold ${opts.threshold} --l2 ${opts.l2}), trained on ${records.length} ANT articles annotated for khabar (data/annotations/events-train.jsonl), ${n} pairs. See models/events-pairs.md.`,
        mlp ? { ...x, learner: 'mlp' } : {},
      );
      writeFileSync(o.out, formatPairModel(m));
      process.stdout.write(`${m.net ? m.net.emb.size : m.weights.size} features, ${n} pairs from ${records.length} articles -> ${o.out}\n`);
    });
}
