import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { dataFile, modelFile } from '../../core/paths.ts';
import { formatQuoteFilter } from '../../stages/quotes/filter.ts';
import { formatSpeakerModel } from '../../stages/quotes/speaker.ts';
import { cvQuoteFilter, QUOTE_FILTER_DEFAULTS, quoteDocs, readQuoteStandoff, trainQuoteFilter } from '../../stages/quotes/train-filter.ts';
import { cvSpeakerModel, SPEAKER_DEFAULTS, speakerDocs, trainSpeakerModel } from '../../stages/quotes/train-speaker.ts';
import { analyseAnnotated } from '../annotated.ts';
import { commandGroup } from '../group.ts';

interface Opts {
  annotations: string;
  out: string;
  cv?: boolean;
  threshold?: string;
  l2: string;
  json?: boolean;
  progress?: boolean;
}

/** `khabar train quotes-filter`: the learned filter over the rule quotes. */
export function registerQuotes(program: Command): void {
  commandGroup(program, 'train', 'train models from the shared data')
    .command('quotes-filter')
    .description(
      'train the learned quote filter of the quotes stage on khabar’s stand-off annotations of ANT articles (text from KHABAR_DATA); --cv: leave-one-set-out cross-validation instead (chooses the threshold)',
    )
    .option('--annotations <file>', 'stand-off annotation file', dataFile('annotations', 'quotes-train.jsonl'))
    .option('--out <file>', 'model file', modelFile('quotes-filter.tsv'))
    .option('--cv', 'score the recipe by leaving out one annotation set at a time (writes no model)')
    .option('--threshold <p>', `probability below which a quote is dropped (default ${QUOTE_FILTER_DEFAULTS.threshold}; with --cv: chosen)`)
    .option('--l2 <x>', 'L2 regularisation', String(QUOTE_FILTER_DEFAULTS.l2))
    .option('--no-progress', 'no progress bar')
    .option('--json', 'print the cross-validation as JSON')
    .action(async (o: Opts) => {
      const records = readQuoteStandoff(o.annotations);
      const docs = await analyseAnnotated(records.length, o.progress, (ant, done) => quoteDocs(records, ant, done));
      const opts = { l2: Number(o.l2), ...(o.threshold !== undefined ? { threshold: Number(o.threshold) } : {}) };
      if (o.cv) {
        const cv = cvQuoteFilter(docs, opts);
        if (o.json) {
          process.stdout.write(`${JSON.stringify(cv)}\n`);
          return;
        }
        const line = (r: (typeof cv.rows)[number]): string =>
          `${r.set.padEnd(10)} ${String(r.articles).padStart(3)}  rules P ${r.rules.p} R ${r.rules.r} F1 ${r.rules.f1} (${r.rules.pred} / ${r.rules.gold})  ->  filtered P ${r.filtered.p} R ${r.filtered.r} F1 ${r.filtered.f1} (${r.filtered.pred})`;
        process.stdout.write(`${[...cv.rows, cv.pooled].map(line).join('\n')}\n\nthreshold ${cv.threshold}; pooled by threshold:\n`);
        for (const t of cv.byThreshold) process.stdout.write(`  ${String(t.threshold).padEnd(5)} P ${t.p} R ${t.r} F1 ${t.f1}\n`);
        return;
      }
      const n = docs.reduce((a, d) => a + d.quotes.length, 0);
      const pos = docs.reduce((a, d) => a + d.labels.filter(Boolean).length, 0);
      const m = trainQuoteFilter(
        docs,
        opts,
        `quotes-filter: logistic regression over the rule quotes (khabar train quotes-filter --threshold ${opts.threshold ?? QUOTE_FILTER_DEFAULTS.threshold} --l2 ${opts.l2}), trained on ${records.length} ANT articles annotated for khabar (data/annotations/quotes-train.jsonl), ${n} quotes (${pos} right). See models/quotes-filter.md.`,
      );
      writeFileSync(o.out, formatQuoteFilter(m));
      process.stdout.write(`${m.weights.size} features, ${n} quotes (${pos} right) from ${records.length} articles -> ${o.out}\n`);
    });

  commandGroup(program, 'train', 'train models from the shared data')
    .command('quotes-speaker')
    .description(
      'train the learned speaker choice of the quotes stage on khabar’s stand-off annotations of ANT articles (text from KHABAR_DATA); --cv: cross-validation over five groups of annotation sets instead (scores each margin)',
    )
    .option('--annotations <file>', 'stand-off annotation file', dataFile('annotations', 'quotes-train.jsonl'))
    .option('--out <file>', 'model file', modelFile('quotes-speaker.tsv'))
    .option('--cv', 'score the recipe by cross-validation over groups of annotation sets (writes no model)')
    .option('--folds <n>', 'cross-validation groups', '5')
    .option('--margin <p>', 'probability by which a candidate must beat the rules’ speaker', String(SPEAKER_DEFAULTS.margin))
    .option('--l2 <x>', 'L2 regularisation', String(SPEAKER_DEFAULTS.l2))
    .option('--learner <kind>', 'logreg (each candidate alone) or logit (softmax over a quote’s candidates)', SPEAKER_DEFAULTS.learner)
    .option('--no-progress', 'no progress bar')
    .option('--json', 'print the cross-validation as JSON')
    .action(async (o: Opts & { margin: string; folds: string; learner: string }) => {
      if (o.learner !== 'logreg' && o.learner !== 'logit') throw new Error(`--learner: logreg or logit, not ${o.learner}`);
      const learner: 'logreg' | 'logit' = o.learner;
      const records = readQuoteStandoff(o.annotations);
      const docs = await analyseAnnotated(records.length, o.progress, (ant, done) => speakerDocs(records, ant, done));
      const opts = { l2: Number(o.l2), margin: Number(o.margin), learner };
      if (o.cv) {
        const cv = cvSpeakerModel(docs, opts, Number(o.folds));
        if (o.json) {
          process.stdout.write(`${JSON.stringify(cv)}\n`);
          return;
        }
        const r = cv.rules;
        const lines = [`rules                P ${r.p} R ${r.r} F1 ${r.f1} (${r.pred} / ${r.gold})`];
        for (const m of cv.byMargin)
          lines.push(
            `margin ${String(m.margin).padEnd(5)} changed ${String(m.changed).padStart(5)}  P ${m.quotes.p} R ${m.quotes.r} F1 ${m.quotes.f1}`,
          );
        const x = cv.oracle;
        lines.push(
          `judged quotes ${x.judged}: rules' speaker right ${x.rulesRight}, model's first choice right ${x.modelTopRight}, some candidate right ${x.anyRight}`,
        );
        process.stdout.write(`${lines.join('\n')}\n`);
        return;
      }
      const m = trainSpeakerModel(
        docs,
        opts,
        `quotes-speaker: logistic regression over speaker candidates (khabar train quotes-speaker --margin ${opts.margin} --l2 ${opts.l2}), trained on ${records.length} ANT articles annotated for khabar (data/annotations/quotes-train.jsonl). See models/quotes-speaker.md.`,
      );
      writeFileSync(o.out, formatSpeakerModel(m));
      process.stdout.write(`${m.weights.size} features from ${records.length} articles -> ${o.out}\n`);
    });
}
