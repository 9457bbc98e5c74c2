import type { Command } from 'commander';
import { searchCorpus } from '../../search/index.ts';
import { openExistingStore } from './ingest.ts';

interface SearchCliOptions {
  db?: string;
  json?: boolean;
  entity?: string;
  source?: string;
  from?: string;
  to?: string;
  topic?: string;
  eventType?: string;
  limit?: string;
  offset?: string;
  duplicates?: boolean;
}

function dateOption(name: string, v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) throw new Error(`${name} must be a date YYYY-MM-DD (or YYYY-MM, YYYY), not "${v}"`);
  return v;
}

/** `--to 2018-05` means up to the end of May. */
function endOf(v: string | undefined): string | undefined {
  if (!v) return v;
  return v.length === 4 ? `${v}-12-31` : v.length === 7 ? `${v}-31` : v;
}

/** `khabar search QUERY`: Arabic-aware ranked full-text search with snippets from the original text. */
export function registerSearch(program: Command): void {
  program
    .command('search')
    .description('search the corpus (words are ANDed, "quoted words" are phrases; Arabic spelling and clitics folded)')
    .argument('[query...]', 'query words')
    .option('--db <target>', 'SQLite file or postgres:// URL (default: KHABAR_DB or ./khabar.db)')
    .option('--entity <name>', 'only articles mentioning this entity (name, English name or KB id)')
    .option('--source <name>', 'only this outlet')
    .option('--from <date>', 'published on or after (YYYY-MM-DD)')
    .option('--to <date>', 'published on or before (YYYY-MM-DD)')
    .option('--topic <label>', 'only this topic')
    .option('--event-type <type>', 'only articles with an event of this PLOVER type')
    .option('--limit <n>', 'results to show (default 10)')
    .option('--offset <n>', 'results to skip (default 0)')
    .option('--duplicates', 'include near-duplicate copies')
    .option('--json', 'print {total, results:[{id,title,source,published,snippet,score}]}')
    .action(async (words: string[], o: SearchCliOptions) => {
      const limit = o.limit === undefined ? 10 : Number(o.limit);
      const offset = o.offset === undefined ? 0 : Number(o.offset);
      if (!Number.isInteger(limit) || limit < 0) throw new Error(`--limit must be a non-negative integer, not "${o.limit}"`);
      if (!Number.isInteger(offset) || offset < 0) throw new Error(`--offset must be a non-negative integer, not "${o.offset}"`);
      const store = await openExistingStore(o.db);
      const color = !o.json && process.stdout.isTTY;
      try {
        const res = await searchCorpus(store, words.join(' '), {
          entity: o.entity,
          source: o.source,
          from: dateOption('--from', o.from),
          to: endOf(dateOption('--to', o.to)),
          topic: o.topic,
          eventType: o.eventType,
          includeDuplicates: o.duplicates,
          limit,
          offset,
          snippet: o.json ? undefined : { open: color ? '\x1b[1;33m' : '[', close: color ? '\x1b[0m' : ']' },
        });
        if (o.json) {
          process.stdout.write(`${JSON.stringify(res)}\n`);
          return;
        }
        const out: string[] = [`${res.total} article(s)`];
        res.results.forEach((r, i) => {
          out.push('');
          out.push(`${offset + i + 1}. ${r.title}  (${[r.source, r.published, r.id].filter(Boolean).join(' · ')})  score ${r.score}`);
          out.push(`   ${r.snippet}`);
        });
        process.stdout.write(`${out.join('\n')}\n`);
      } finally {
        await store.close();
      }
    });
}
