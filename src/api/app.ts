import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { ROOT } from '../core/paths.ts';
import type { Article } from '../core/types.ts';
import { toAnalysis } from '../output/json.ts';
import { Pipeline } from '../pipeline/index.ts';
import { articleFromRecord, MAX_ARTICLE_CHARS, readArticle } from '../reader/index.ts';
import { searchCorpus } from '../search/index.ts';
import type { Store } from '../store/types.ts';

export interface AppOptions {
  pipeline?: Pipeline;
  /** A corpus store for /api/search and /api/stats; without one those answer 503. */
  store?: Store | null;
}

/** The web page ships as source (no build step); found from the repository root so a compiled `dist/` serves it too. */
const UI_FILE = join(ROOT, 'src', 'api', 'ui', 'index.html');

/**
 * The HTTP API (Hono): analyse an article, search and count a corpus, and the
 * right-to-left web page at `/`. Errors are JSON `{error}` with a 4xx/5xx status.
 */
export function createApp(opts: AppOptions = {}): Hono {
  const pipeline = opts.pipeline ?? Pipeline.create();
  const store = opts.store ?? null;
  const app = new Hono();
  let ui: string | null = null;

  app.onError((err, c) => c.json({ error: err.message }, 500));
  app.notFound((c) => c.json({ error: `no route for ${c.req.method} ${c.req.path}` }, 404));

  app.get('/', (c) => {
    ui ??= readFileSync(UI_FILE, 'utf8');
    return c.html(ui);
  });

  app.get('/api/health', (c) => c.json({ ok: true, stages: pipeline.stages.map((s) => s.name), store: store !== null }));

  /** Body: text/plain (a wire story) or JSON `{title, text, id?, url?, source?, time?}` / `{text}`. */
  app.post('/api/analyze', async (c) => {
    const type = c.req.header('content-type') ?? '';
    const raw = await c.req.text();
    if (raw.length > MAX_ARTICLE_CHARS) return c.json({ error: `article too large (limit ${MAX_ARTICLE_CHARS} characters)` }, 413);
    let article: Article;
    try {
      if (type.includes('application/json')) {
        let rec: unknown;
        try {
          rec = JSON.parse(raw);
        } catch {
          return c.json({ error: 'invalid JSON body' }, 400);
        }
        article = articleFromRecord(rec, 'article');
      } else {
        if (!raw.trim()) return c.json({ error: 'empty body: send the article text' }, 400);
        article = readArticle(raw, { id: c.req.query('id') ?? 'article', published: c.req.query('published') });
      }
    } catch (e) {
      return c.json({ error: (e as Error).message }, 400);
    }
    await pipeline.load();
    return c.json(toAnalysis(pipeline.run(article)));
  });

  app.get('/api/search', async (c) => {
    if (!store) return c.json({ error: 'no corpus store: start the server with --db' }, 503);
    const q = c.req.query();
    const num = (v: string | undefined, d: number): number => (v && /^\d+$/.test(v) ? Number(v) : d);
    const res = await searchCorpus(store, q.q ?? '', {
      limit: Math.min(num(q.limit, 10), 100),
      offset: num(q.offset, 0),
      source: q.source,
      entity: q.entity,
      from: q.from,
      to: q.to,
      topic: q.topic,
      eventType: q.eventType,
    });
    return c.json(res);
  });

  app.get('/api/stats', async (c) => {
    if (!store) return c.json({ error: 'no corpus store: start the server with --db' }, 503);
    return c.json(await store.stats());
  });

  return app;
}
