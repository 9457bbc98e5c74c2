import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { sharedDataDir, sharedGoldDir } from '../../core/paths.ts';
import type { GoldScores, PRF } from '../../eval/gold.ts';
import { type BinScore, cvGsr, scoreGsr } from '../../eval/gsr.ts';
import { runGold } from '../../eval/run.ts';
import { scoreTimeML } from '../../eval/timeml.ts';
import { loadGsrModels } from '../../stages/events/classifier.ts';
import { commandGroup } from '../group.ts';

interface GoldOpts {
  gold?: string;
  json?: boolean;
  pred?: string;
  skip?: string;
  /** `--no-learned`: false (events from the trigger rules only). */
  learned?: boolean;
  /** `--options JSON`: per-stage options, by stage name (`{"ner":{"model":"anercorp"}}`). */
  options?: string;
}

/** The per-stage options of `--options` and `--no-learned`, merged. */
function stageOptions(opts: GoldOpts): Record<string, Record<string, unknown>> | undefined {
  let out: Record<string, Record<string, unknown>> = {};
  if (opts.options) {
    const parsed: unknown = JSON.parse(opts.options);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
      throw new Error('--options must be a JSON object of stage options, e.g. {"ner":{"model":"anercorp"}}');
    out = parsed as Record<string, Record<string, unknown>>;
  }
  if (opts.learned === false) out.events = { ...(out.events ?? {}), pairs: false };
  return Object.keys(out).length > 0 ? out : undefined;
}

function line(name: string, s: PRF): string {
  return `${name.padEnd(10)} P ${s.p.toFixed(1).padStart(5)}  R ${s.r.toFixed(1).padStart(5)}  F1 ${s.f1.toFixed(1).padStart(5)}   (pred ${s.pred}, gold ${s.gold})`;
}

async function gold(part: 'quotes' | 'entities' | 'events', opts: GoldOpts): Promise<void> {
  const dir = opts.gold ?? sharedGoldDir();
  const t0 = performance.now();
  const { scores, predictions } = await runGold(dir, {
    skip: opts.skip ? opts.skip.split(',').map((s) => s.trim()) : undefined,
    options: stageOptions(opts),
  });
  const seconds = Math.round((performance.now() - t0) / 10) / 100;
  if (opts.pred) writeFileSync(opts.pred, `${predictions.map((p) => JSON.stringify(p)).join('\n')}\n`);
  const pick = (s: GoldScores): Record<string, unknown> => {
    if (part === 'entities') return { entities: s.entities, linking_acc: s.linking_acc };
    if (part === 'quotes') return { quotes: s.quotes };
    return { events: s.events, eventsByType: s.eventsByType };
  };
  if (opts.json) {
    process.stdout.write(
      `${JSON.stringify({ gold: dir, articles: scores.articles, missing: scores.missing, seconds, ...pick(scores) })}\n`,
    );
    return;
  }
  const out: string[] = [`${scores.articles} gold articles from ${dir} (${seconds}s)`];
  if (part === 'entities') {
    out.push(line('entities', scores.entities));
    out.push(`linking accuracy ${scores.linking_acc.toFixed(1)}`);
  } else if (part === 'quotes') out.push(line('quotes', scores.quotes));
  else {
    out.push(line('events', scores.events));
    out.push('by type (type, source) pairs:');
    for (const [t, s] of Object.entries(scores.eventsByType ?? {})) out.push(`  ${line(t, s)}`);
  }
  if (opts.pred) out.push(`predictions written to ${opts.pred} (score them with gold/scoring/score_gold.py)`);
  process.stdout.write(`${out.join('\n')}\n`);
}

function bin(name: string, s: BinScore | undefined): string {
  if (!s) return `${name.padEnd(11)} (no model)`;
  return `${name.padEnd(11)} P ${s.p.toFixed(3)}  R ${s.r.toFixed(3)}  F1 ${s.f1.toFixed(3)}   (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
}

/** `khabar eval quotes|entities|events --gold DIR`, `khabar eval gsr`, `khabar eval time`. */
export function registerEvalGold(program: Command): void {
  const group = commandGroup(program, 'eval', 'evaluate against gold data');
  for (const part of ['quotes', 'entities', 'events'] as const) {
    group
      .command(part)
      .description(`score the pipeline's ${part} on the gold articles (rules of gold/scoring/score_gold.py)`)
      .option('--gold <dir>', 'folder with articles.jsonl and annotations.jsonl (default: shared gold)')
      .option('--pred <file>', 'also write the predictions (JSONL) for the reference scorer')
      .option('--skip <stages>', 'skip these stages (comma-separated)')
      .option('--no-learned', 'events from the trigger rules only (no learned actor-event layer)')
      .option('--options <json>', 'per-stage options as JSON, e.g. \'{"ner":{"model":"anercorp"}}\'')
      .option('--json', 'machine-readable output')
      .action((opts: GoldOpts) => gold(part, opts));
  }
  group
    .command('gsr')
    .description(
      'sentence-level ASSAULT and PROTEST detection on the Arabic event GSR: nested cross-validation over the public half, and its held-out fifth',
    )
    .option('--data <dir>', 'the arabic_event_gsr folder (default: shared data)')
    .option('--all', 'score the shipped model on every judged sentence (it was trained on them: not a test figure)')
    .option('--no-cv', 'skip the cross-validation (faster)')
    .option('--seeds <list>', 'repeat the cross-validation with these fold seeds (comma-separated; default 7)')
    .option('--skip <stages>', 'skip these stages (comma-separated)')
    .option('--json', 'machine-readable output')
    .action(async (opts: { data?: string; all?: boolean; cv?: boolean; json?: boolean; skip?: string; seeds?: string }) => {
      const dir = opts.data ?? join(sharedDataDir(), 'arabic_event_gsr');
      const skip = opts.skip ? opts.skip.split(',').map((x) => x.trim()) : [];
      const seeds = opts.seeds ? opts.seeds.split(',').map((x) => Number(x.trim())) : [7];
      const cvs = opts.cv !== false && !opts.all ? seeds.map((seed) => cvGsr(dir, 5, seed)) : [];
      const cv = cvs[0] ?? null;
      const report = opts.all
        ? await scoreGsr(dir, loadGsrModels(), 'all', skip)
        : await scoreGsr(dir, null, 'heldout', skip, { refit: true });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ data: dir, cv, ...(cvs.length > 1 ? { cvRepeats: cvs } : {}), ...report })}\n`);
        return;
      }
      const out = [`Arabic event GSR (${dir})`];
      if (cv) {
        out.push(
          `Cross-validation over the whole public half (${cv.folds} stratified folds, seed ${cv.seed}; learner setting and threshold chosen inside each training fold):`,
        );
        for (const [t, r] of Object.entries(cv.types)) {
          out.push(`${t}: ${r.n} sentences, ${r.positives} positive`);
          out.push(`  ${bin('classifier', r.pooled)}   pooled out-of-fold; per-fold F1 ${r.meanF1.toFixed(3)} ± ${r.sdF1.toFixed(3)}`);
          out.push(`  ${bin('triggers', r.rules)}`);
          if (cvs.length > 1) {
            const f1s = cvs.map((c) => c.types[t].pooled.f1);
            const mean = f1s.reduce((a, b) => a + b, 0) / f1s.length;
            out.push(`  pooled F1 by fold seed (${seeds.join(', ')}): ${f1s.map((x) => x.toFixed(3)).join(', ')}; mean ${mean.toFixed(3)}`);
          }
        }
      }
      out.push(
        report.split === 'all'
          ? 'All judged sentences, shipped model (trained on these sentences: not a test figure):'
          : 'Held-out fifth (classifier: the recipe fitted on the other four fifths):',
      );
      for (const [t, r] of Object.entries(report.types)) {
        out.push(`${t}: ${r.n} sentences, ${r.positives} positive`);
        out.push(`  ${bin('triggers', r.rules)}`);
        out.push(`  ${bin('events', r.events)}`);
        out.push(`  ${bin('classifier', r.classifier)}`);
        out.push(`  ${bin('cls|events', r.combined)}`);
      }
      process.stdout.write(`${out.join('\n')}\n`);
    });
  group
    .command('time')
    .description('time-expression detection on TimeML documents (TIMEX3)')
    .option('--data <dir>', 'folder of .tml files (default: shared arabic_timeml_dahmri/Corpus_test)')
    .option('--json', 'machine-readable output')
    .action((opts: { data?: string; json?: boolean }) => {
      const dir = opts.data ?? join(sharedDataDir(), 'arabic_timeml_dahmri', 'Corpus_test');
      const s = scoreTimeML(dir);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify({ data: dir, ...s })}\n`);
        return;
      }
      const f = (x: { p: number; r: number; f1: number }): string => `P ${x.p.toFixed(1)}  R ${x.r.toFixed(1)}  F1 ${x.f1.toFixed(1)}`;
      process.stdout.write(
        `${[
          `${s.docs} documents, ${s.gold} TIMEX3, ${s.pred} predicted (${dir})`,
          `strict  ${f(s.strict)}`,
          `relaxed ${f(s.relaxed)}`,
          `type accuracy (relaxed matches) ${s.typeAccuracy.toFixed(1)}`,
          `value accuracy (expressions naming a year) ${s.valueAccuracyExplicit.correct}/${s.valueAccuracyExplicit.total}`,
        ].join('\n')}\n`,
      );
    });
}
