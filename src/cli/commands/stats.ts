import type { Command } from 'commander';
import { openExistingStore } from './ingest.ts';

/** `khabar stats`: counts of what the corpus holds. */
export function registerStats(program: Command): void {
  program
    .command('stats')
    .description('counts of articles, entities, quotes, events, near-duplicates and stories in the corpus')
    .option('--db <target>', 'SQLite file or postgres:// URL (default: KHABAR_DB or ./khabar.db)')
    .option('--json', 'print {articles, entities, quotes, events, duplicates, stories}')
    .action(async (o: { db?: string; json?: boolean }) => {
      const store = await openExistingStore(o.db);
      try {
        const s = await store.stats();
        const out = {
          articles: s.articles,
          entities: s.entities,
          quotes: s.quotes,
          events: s.events,
          duplicates: s.duplicates,
          stories: s.stories,
        };
        if (o.json) process.stdout.write(`${JSON.stringify(out)}\n`);
        else
          process.stdout.write(
            `${Object.entries(out)
              .map(([k, v]) => `${k.padEnd(11)} ${v}`)
              .join('\n')}\n`,
          );
      } finally {
        await store.close();
      }
    });
}
