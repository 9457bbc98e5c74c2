import { createWriteStream, type WriteStream } from 'node:fs';
import type { Command } from 'commander';
import { type ExportFormat, exportCorpus } from '../../export/index.ts';
import type { ExportWhat } from '../../store/types.ts';
import { openExistingStore } from './ingest.ts';

interface ExportCliOptions {
  db?: string;
  format: string;
  what?: string;
  out?: string;
  bom?: boolean;
}

/** `khabar export`: JSONL analyses, CSV entities/quotes/events, PLOVER event records. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('export the corpus: --format jsonl|csv|plover --what analyses|entities|quotes|events')
    .option('--db <target>', 'SQLite file or postgres:// URL (default: KHABAR_DB or ./khabar.db)')
    .option('--format <format>', 'jsonl, csv or plover', 'jsonl')
    .option('--what <what>', 'analyses, entities, quotes or events (default: analyses; events for plover)')
    .option('--out <file>', 'output file (default: stdout)')
    .option('--bom', 'CSV: start with a UTF-8 byte-order mark (for Excel)')
    .action(async (o: ExportCliOptions) => {
      const format = o.format as ExportFormat;
      if (!['jsonl', 'csv', 'plover'].includes(format)) throw new Error(`--format must be jsonl, csv or plover, not "${o.format}"`);
      const what = (o.what ?? (format === 'plover' ? 'events' : format === 'csv' ? 'entities' : 'analyses')) as ExportWhat;
      if (!['analyses', 'entities', 'quotes', 'events'].includes(what))
        throw new Error(`--what must be analyses, entities, quotes or events, not "${o.what}"`);
      const store = await openExistingStore(o.db);
      const stream: WriteStream | NodeJS.WriteStream = o.out ? createWriteStream(o.out) : process.stdout;
      if (!o.out) {
        // `khabar export | head`: a closed pipe ends the export quietly.
        process.stdout.on('error', (e: NodeJS.ErrnoException) => {
          if (e.code === 'EPIPE') process.exit(0);
          throw e;
        });
      }
      const write = (chunk: string): void | Promise<void> => {
        if (!stream.write(chunk)) return new Promise((res) => stream.once('drain', () => res()));
      };
      try {
        const n = await exportCorpus(store, what, format, write, { bom: o.bom });
        if (o.out) {
          await new Promise<void>((res, rej) => (stream as WriteStream).end((e?: Error | null) => (e ? rej(e) : res())));
          process.stderr.write(`${n} ${what} record(s) → ${o.out}\n`);
        }
      } finally {
        await store.close();
      }
    });
}
