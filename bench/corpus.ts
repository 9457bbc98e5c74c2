/**
 * Corpus benchmark: ingest ANT articles into a fresh SQLite store (all pipeline
 * stages that exist, worker threads), then time searches; optionally replicate
 * the corpus to a larger size and time searches again.
 *
 *   node --import tsx bench/corpus.ts [--n 2000] [--workers 2] [--skip ner] [--replicate 100000] [--db /tmp/x.db | postgres://…] [--search-only]
 *     [--compare OTHER_TARGET]   (with --search-only: do both stores match the same articles for every query?)
 *
 * Needs /work/shared/data (KHABAR_DATA). Prints a JSON summary on stdout.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sharedDataDir } from '../src/core/paths.ts';
import { ingest } from '../src/ingest/index.ts';
import { analyzeText } from '../src/search/analyzer.ts';
import { searchCorpus } from '../src/search/index.ts';
import { isPostgresUrl, openStore } from '../src/store/index.ts';
import { SqliteStore } from '../src/store/sqlite/index.ts';
import type { Store } from '../src/store/types.ts';

const { values: args } = parseArgs({
  options: {
    n: { type: 'string' },
    workers: { type: 'string', default: '2' },
    replicate: { type: 'string' },
    db: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'search-only': { type: 'boolean', default: false },
    compare: { type: 'string' },
    skip: { type: 'string' },
  },
});

const QUERIES = [
  'سوريا',
  'ترامب',
  'النفط',
  'إيران',
  'السعودية',
  'مصر',
  'القدس',
  'الاقتصاد',
  'هاتف',
  'آبل',
  'فيسبوك',
  'اللاجئين',
  'الانتخابات',
  'البنك المركزي',
  'كأس العالم',
  'كرة القدم',
  'رئيس الوزراء',
  'الأمم المتحدة',
  'أسعار النفط',
  'الذكاء الاصطناعي',
  'وزير الخارجية',
  'مجلس الأمن',
  'الحكومة اللبنانية',
  'كوريا الشمالية',
  '"الأمم المتحدة"',
  'الرئيس الأمريكي ترامب',
  'أسعار الذهب اليوم',
  'منتخب مصر',
  'ريال مدريد برشلونة',
  'الهجوم الكيماوي دوما',
  'قمة سنغافورة',
  'العقوبات على إيران',
  'الحرب في اليمن',
  'محمد صلاح ليفربول',
  'الدوري الإنجليزي',
  'البيت الأبيض',
  '"كأس العالم"',
  'بوتين',
  'تركيا الليرة',
  'شركة جوجل',
];

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function timeSearches(store: Store, rounds = 3): Promise<{ median: number; p95: number; max: number; queries: number }> {
  const times: number[] = [];
  for (const q of QUERIES) await searchCorpus(store, q, { limit: 10 }); // warm the page cache
  for (let r = 0; r < rounds; r++) {
    for (const q of QUERIES) {
      const t = performance.now();
      await searchCorpus(store, q, { limit: 10 });
      times.push(performance.now() - t);
    }
  }
  return {
    median: +pct(times, 50).toFixed(2),
    p95: +pct(times, 95).toFixed(2),
    max: +Math.max(...times).toFixed(2),
    queries: times.length,
  };
}

/** Copy the stored articles (re-analysing their terms) until the corpus has `target` rows. */
function replicate(store: SqliteStore, target: number): number {
  const db = store.db;
  const base = db.prepare('SELECT * FROM articles WHERE duplicate_of IS NULL ORDER BY id').all() as Record<string, unknown>[];
  const texts = db.prepare('SELECT * FROM article_texts WHERE id = ?');
  let count = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  let nextId = (db.prepare('SELECT max(id) FROM articles').pluck().get() as number) + 1;
  const cols = Object.keys(base[0]);
  const ins = db.prepare(`INSERT INTO articles (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
  const insText = db.prepare('INSERT INTO article_texts (id, text, analysis, meta) VALUES (?, ?, ?, ?)');
  const fts = db.prepare('INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)');
  const docs = base.map((r) => {
    const t = texts.get(r.id) as { text: string; analysis: string; meta: string | null };
    const titleLen = String(r.title).length;
    const terms = analyzeText(t.text);
    return {
      t,
      title: terms
        .filter((x) => x.end <= titleLen)
        .map((x) => x.term)
        .join(' '),
      body: terms
        .filter((x) => x.end > titleLen)
        .map((x) => x.term)
        .join(' '),
    };
  });
  let round = 1;
  while (count < target) {
    db.transaction(() => {
      for (let i = 0; i < base.length && count < target; i++) {
        const r: Record<string, unknown> = {
          ...base[i],
          id: nextId,
          key: `${base[i].key}#r${round}`,
          ext_id: `${base[i].ext_id}#r${round}`,
        };
        ins.run(...cols.map((c) => r[c] as never));
        insText.run(nextId, docs[i].t.text, docs[i].t.analysis, docs[i].t.meta);
        fts.run(nextId, docs[i].title, docs[i].body);
        nextId++;
        count++;
      }
    })();
    round++;
  }
  return count;
}

/** Do two stores (e.g. SQLite and PostgreSQL holding the same articles) match the same articles for every query? */
async function compareStores(
  a: Store,
  b: Store,
): Promise<{ queries: number; sameResultSets: number; meanTop10Overlap: number; differing: string[] }> {
  let same = 0;
  let overlap = 0;
  const differing: string[] = [];
  for (const q of QUERIES) {
    const x = await searchCorpus(a, q, { limit: 1000 });
    const y = await searchCorpus(b, q, { limit: 1000 });
    const ids = (r: typeof x): string =>
      r.results
        .map((h) => h.id)
        .sort()
        .join('\n');
    // Result lists are capped at 1000: beyond that only the totals can be compared.
    if (x.total === y.total && (x.total > 1000 || ids(x) === ids(y))) same++;
    else differing.push(q);
    const top = new Set(x.results.slice(0, 10).map((h) => h.id));
    overlap += y.results.slice(0, 10).filter((h) => top.has(h.id)).length / Math.max(1, Math.min(10, x.results.length));
  }
  return { queries: QUERIES.length, sameResultSets: same, meanTop10Overlap: +(overlap / QUERIES.length).toFixed(3), differing };
}

async function main(): Promise<void> {
  const file = join(sharedDataDir(), 'ant_news_corpus_subset', 'ant_v2.1_subset.jsonl');
  if (!existsSync(file)) {
    console.error(`bench/corpus: ${file} not found (set KHABAR_DATA)`);
    process.exit(2);
  }
  const dir = args.db ? null : mkdtempSync(join(tmpdir(), 'khabar-bench-'));
  const dbPath = args.db ?? join(dir!, 'corpus.db');
  // The temporary corpus goes away even when the run fails.
  if (dir && !args.keep) process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  const out: Record<string, unknown> = { db: dbPath };
  let store: Store = isPostgresUrl(dbPath) ? await openStore(dbPath) : new SqliteStore(dbPath);
  await store.migrate();
  if (!args['search-only']) {
    const n = args.n ? Number(args.n) : undefined;
    const t0 = performance.now();
    const s = await ingest([file], store, {
      workers: Number(args.workers),
      limit: n,
      pipeline: { skip: args.skip ? args.skip.split(',') : undefined },
    });
    const wall = (performance.now() - t0) / 1000;
    const overhead = s.prepareMs + s.dedupMs + s.storeMs;
    out.ingest = {
      articles: s.stored,
      skipped: s.skipped,
      failed: s.failed,
      duplicates: s.duplicates,
      stories: s.newStories,
      wallSeconds: +wall.toFixed(2),
      articlesPerSecond: +(s.stored / wall).toFixed(1),
      analysisMs: Math.round(s.analysisMs),
      analysisMsPerArticle: +(s.analysisMs / Math.max(1, s.stored)).toFixed(2),
      prepareMs: Math.round(s.prepareMs),
      dedupMs: Math.round(s.dedupMs),
      storeMs: Math.round(s.storeMs),
      overheadMsPerArticle: +(overhead / Math.max(1, s.stored)).toFixed(2),
      overheadShareOfAnalysis: +(overhead / Math.max(1, s.analysisMs)).toFixed(3),
      failuresByReason: s.failuresByReason,
    };
    console.error(JSON.stringify(out.ingest));
  }
  if (args.compare) {
    const other = await openStore(args.compare);
    out.compare = await compareStores(store, other);
    await other.close();
    console.error(`compare: ${JSON.stringify(out.compare)}`);
  }
  out.stats = await store.stats();
  out.search = await timeSearches(store);
  console.error(`search on ${(out.stats as { articles: number }).articles} articles: ${JSON.stringify(out.search)}`);
  if (args.replicate && store instanceof SqliteStore) {
    const t = performance.now();
    const n = replicate(store, Number(args.replicate));
    out.replicated = { articles: n, seconds: +((performance.now() - t) / 1000).toFixed(1) };
    await store.close();
    store = new SqliteStore(dbPath);
    out.searchReplicated = await timeSearches(store);
    console.error(`search on ${n} articles: ${JSON.stringify(out.searchReplicated)}`);
  }
  await store.close();
  console.log(JSON.stringify(out, null, 2));
}

await main();
