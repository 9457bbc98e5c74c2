import type { Command } from 'commander';
import { queryForms } from '../../search/index.ts';
import type { AggregateFilters, Store } from '../../store/types.ts';
import { openExistingStore } from './ingest.ts';

interface CommonOptions {
  db?: string;
  json?: boolean;
  query?: string;
  from?: string;
  to?: string;
  source?: string;
  limit?: string;
}

function filters(o: CommonOptions): AggregateFilters {
  const f: AggregateFilters = { from: o.from, to: o.to, source: o.source };
  if (o.limit !== undefined) {
    const n = Number(o.limit);
    if (!Number.isInteger(n) || n < 1) throw new Error(`--limit must be a positive integer, not "${o.limit}"`);
    f.limit = n;
  }
  if (o.query) {
    const q = queryForms(o.query);
    if (q.hasTerms) {
      f.fts = q.fts;
      f.tsquery = q.tsquery;
    }
  }
  return f;
}

function common(cmd: Command): Command {
  return cmd
    .option('--db <target>', 'SQLite file or postgres:// URL (default: KHABAR_DB or ./khabar.db)')
    .option('--query <text>', 'only articles matching this search query')
    .option('--from <date>', 'published on or after (YYYY-MM-DD)')
    .option('--to <date>', 'published on or before (YYYY-MM-DD)')
    .option('--source <name>', 'only this outlet')
    .option('--limit <n>', 'rows to show')
    .option('--json', 'print JSON');
}

async function run<T>(o: CommonOptions, f: (s: Store) => Promise<T>, human: (r: T) => string[]): Promise<void> {
  const store = await openExistingStore(o.db);
  try {
    const r = await f(store);
    process.stdout.write(o.json ? `${JSON.stringify(r)}\n` : `${human(r).join('\n')}\n`);
  } finally {
    await store.close();
  }
}

/** `khabar aggregate entities|quotes|events|cooccurrence`: counts over the corpus (near-duplicates counted once). */
export function registerAggregate(program: Command): void {
  const agg = program.command('aggregate').description('aggregates: top entities, quotes by speaker, events between actors, co-occurrence');
  common(agg.command('entities').description('top entities (by number of articles) for a query or period'))
    .option('--type <type>', 'PER, LOC, ORG or MISC')
    .option('--unlinked', 'only entities without a knowledge-base entry: candidates for data/kb rows (see data/kb/README.md)')
    .action((o: CommonOptions & { type?: string; unlinked?: boolean }) =>
      run(
        o,
        (s) => s.topEntities({ ...filters(o), type: o.type, unlinked: o.unlinked }),
        (r) =>
          r.map((e) => `${String(e.articles).padStart(6)}  ${e.name} (${e.type}${e.kbId ? `, ${e.kbId}` : ''}) ${e.mentions} mentions`),
      ),
    );
  common(agg.command('quotes').description('quotes by speaker (top speakers, or one speaker’s quotes)'))
    .option('--speaker <name>', 'only this speaker')
    .action((o: CommonOptions & { speaker?: string }) =>
      run(
        o,
        (s) => s.quotesBySpeaker({ ...filters(o), speaker: o.speaker }),
        (r) =>
          r.flatMap((q) => [
            `${String(q.quotes).padStart(6)}  ${q.speaker}`,
            ...q.examples.map((x) => `        «${x.text.slice(0, 120)}» (${x.article})`),
          ]),
      ),
    );
  common(agg.command('events').description('events between two actors (or involving one) over time'))
    .requiredOption('--a <actor>', 'first actor: entity name, English name, KB id or country code')
    .option('--b <actor>', 'second actor (either direction)')
    .option('--period <p>', 'day, month or year', 'month')
    .option('--no-learned', 'only the trigger rules’ events (leave out those the learned layer added)')
    .action((o: CommonOptions & { a: string; b?: string; period: string; learned?: boolean }) => {
      if (!['day', 'month', 'year'].includes(o.period)) throw new Error(`--period must be day, month or year, not "${o.period}"`);
      return run(
        o,
        (s) =>
          s.eventsBetween({ ...filters(o), a: o.a, b: o.b, period: o.period as 'day' | 'month' | 'year', rulesOnly: o.learned === false }),
        (r) => (r.length ? r.map((e) => `${e.period || '?'}  ${e.type.padEnd(10)} ${e.source} → ${e.target}  ×${e.count}`) : ['no events']),
      );
    });
  common(agg.command('cooccurrence').description('entities mentioned in the same articles'))
    .option('--entity <name>', 'entities co-occurring with this one')
    .action((o: CommonOptions & { entity?: string }) =>
      run(
        o,
        (s) => s.cooccurrence({ ...filters(o), entity: o.entity }),
        (r) => r.map((p) => `${String(p.articles).padStart(6)}  ${p.a} — ${p.b}`),
      ),
    );
}
