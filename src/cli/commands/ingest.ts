import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { type IngestSummary, ingest } from '../../ingest/index.ts';
import { estimateTotal } from '../../ingest/sources.ts';
import type { Format } from '../../reader/index.ts';
import { defaultTarget, isPostgresUrl, openStore } from '../../store/index.ts';

interface IngestCliOptions {
  db?: string;
  format?: Format;
  workers?: string;
  batch?: string;
  limit?: string;
  stages?: string;
  skip?: string;
  fetchLinks?: boolean;
  keepTokens?: boolean;
  json?: boolean;
  progress?: boolean;
}

function list(s: string | undefined): string[] | undefined {
  return s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : undefined;
}

function intOption(name: string, v: string | undefined, min: number): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer >= ${min}, not "${v}"`);
  return n;
}

function printSummary(s: IngestSummary, target: string): void {
  const w = (x: string): boolean => process.stdout.write(`${x}\n`);
  w(
    `${s.aborted ? 'interrupted: ' : ''}${s.stored} stored, ${s.skipped} already there, ${s.failed} failed, ${s.duplicates} near-duplicates, ${s.newStories} new stories → ${target}`,
  );
  w(
    `${s.seconds.toFixed(1)} s, ${s.articlesPerSecond.toFixed(1)} articles/s (analysis ${(s.analysisMs / 1000).toFixed(1)} s of CPU, store ${(s.storeMs / 1000).toFixed(1)} s, dedup ${(s.dedupMs / 1000).toFixed(1)} s, terms+signatures ${(s.prepareMs / 1000).toFixed(1)} s)`,
  );
  const reasons = Object.entries(s.failuresByReason).sort((a, b) => b[1] - a[1]);
  if (reasons.length) {
    w('failures by reason:');
    for (const [r, n] of reasons) w(`  ${String(n).padStart(6)}  ${r}`);
    for (const f of s.failures.slice(0, 10)) w(`  e.g. ${f.where}: ${f.error}`);
  }
}

/** `khabar ingest PATH|URL… --db TARGET`: analyse and store articles, idempotently and resumably. */
export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('analyse articles (files, directories, JSON/JSONL, HTML pages, RSS/Atom feeds, URLs) and store them')
    .argument('<inputs...>', 'files, directories, URLs, or - for stdin')
    .option('--db <target>', 'SQLite file or postgres:// URL (default: KHABAR_DB or ./khabar.db)')
    .option('--format <format>', 'text input format: txt, json or jsonl (default: detected)')
    .option('--workers <n>', 'analysis worker threads (0 = main thread; default: number of cores)')
    .option('--batch <n>', 'articles per transaction (default 32)')
    .option('--limit <n>', 'stop after this many new articles')
    .option('--stages <names>', 'run only these stages (comma-separated)')
    .option('--skip <names>', 'skip these stages (comma-separated)')
    .option('--fetch-links', 'for feeds: fetch each item’s page and extract the article from it')
    .option('--keep-tokens', 'also store tokens and words in the analysis JSON (large)')
    .option('--no-progress', 'no progress bar')
    .option('--json', 'print the summary as JSON')
    .action(async (inputs: string[], o: IngestCliOptions) => {
      if (o.format && !['txt', 'json', 'jsonl'].includes(o.format))
        throw new Error(`--format must be txt, json or jsonl, not "${o.format}"`);
      const target = o.db ?? defaultTarget();
      const workers = intOption('--workers', o.workers, 0) ?? Math.max(1, cpus().length);
      const store = await openStore(target);
      const total = estimateTotal(inputs);
      const showBar = o.progress !== false;
      const bar = showBar
        ? new cliProgress.SingleBar(
            {
              format: total
                ? 'ingest |{bar}| {value}/{total} | {rate} art/s | ETA {eta_formatted} | {stored} stored {skipped} skipped {failed} failed'
                : 'ingest {value} | {rate} art/s | {stored} stored {skipped} skipped {failed} failed',
              stream: process.stderr,
              noTTYOutput: !process.stderr.isTTY,
              notTTYSchedule: 5000,
              etaBuffer: 200,
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          )
        : null;
      const start = performance.now();
      bar?.start(total ?? 0, 0, { rate: '0.0', stored: 0, skipped: 0, failed: 0 });
      const ctl = new AbortController();
      let interrupts = 0;
      const onSigint = (): void => {
        interrupts++;
        if (interrupts > 1) process.exit(130); // committed batches are safe: every batch is one transaction
        process.stderr.write('\nkhabar: stopping after the batches in flight (Ctrl-C again to quit now)\n');
        ctl.abort();
      };
      process.on('SIGINT', onSigint);
      process.on('SIGTERM', onSigint);
      let summary: IngestSummary;
      try {
        summary = await ingest(inputs, store, {
          workers,
          batchSize: intOption('--batch', o.batch, 1),
          limit: intOption('--limit', o.limit, 0),
          format: o.format,
          fetchLinks: o.fetchLinks,
          keepTokens: o.keepTokens,
          pipeline: { stages: list(o.stages), skip: list(o.skip) },
          signal: ctl.signal,
          onProgress: (p) => {
            const secs = (performance.now() - start) / 1000;
            bar?.update(p.read, {
              rate: (p.stored / Math.max(secs, 1e-3)).toFixed(1),
              stored: p.stored,
              skipped: p.skipped,
              failed: p.failed,
            });
          },
        });
      } finally {
        bar?.stop();
        process.off('SIGINT', onSigint);
        process.off('SIGTERM', onSigint);
        await store.close();
      }
      if (o.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
      else printSummary(summary, isPostgresUrl(target) ? target.replace(/:[^:@/]*@/, ':***@') : target);
      if (summary.stored === 0 && summary.failed > 0) process.exitCode = 1;
      if (summary.aborted) process.exitCode = 130;
    });
}

/** Open an existing store for reading commands (a missing SQLite file is an error, not a new empty corpus). */
export async function openExistingStore(db: string | undefined) {
  const target = db ?? defaultTarget();
  if (!isPostgresUrl(target) && !existsSync(target))
    throw new Error(`no corpus at ${target} (create one with: khabar ingest FILES --db ${target})`);
  return openStore(target);
}
