import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import { createApp } from '../../api/app.ts';
import { Pipeline } from '../../pipeline/index.ts';
import { openStore } from '../../store/index.ts';

/** `khabar serve`: the HTTP API and the web page, on loopback by default. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API (/api/analyze, /api/search, /api/stats) and the web page')
    .option('--port <port>', 'port', '8080')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--db <target>', 'corpus store for search and stats (SQLite path or postgres:// URL)')
    .action(async (opts: { port: string; host: string; db?: string }) => {
      const pipeline = Pipeline.create();
      await pipeline.load();
      const store = opts.db ? await openStore(opts.db, { readonly: false }) : null;
      const app = createApp({ pipeline, store });
      const server = serve({ fetch: app.fetch, port: Number(opts.port), hostname: opts.host }, (info) => {
        process.stderr.write(`khabar: serving on http://${opts.host}:${info.port}/ (Ctrl-C to stop)\n`);
      });
      const stop = async (): Promise<void> => {
        server.close();
        await store?.close();
        process.exit(0);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
}
