/**
 * Ingest: read inputs, skip what is already stored, analyse in parallel on
 * worker threads, link near-duplicates and assign stories in input order, and
 * write each batch in one transaction.
 *
 * Idempotent and resumable: an article's key (URL or text hash) is unique in
 * the store and checked before analysis; a batch is written atomically with
 * the story updates it causes, and row ids are allocated from the stored
 * maximum at start, so a crash or Ctrl-C at any point loses nothing that was
 * committed and doubles nothing on the next run.
 */
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Article, Doc } from '../core/types.ts';
import { LshIndex } from '../dedup/minhash.ts';
import { StoryClusterer } from '../dedup/stories.ts';
import { Pipeline, type PipelineOptions } from '../pipeline/index.ts';
import type { ReadResult } from '../reader/index.ts';
import type { Store, StoredArticle } from '../store/types.ts';
import { articleKey, type PrepareOptions } from './prepare.ts';
import { readInputs, type SourceOptions } from './sources.ts';
import { processOne, type WorkerRequest, type WorkerResponse, type WorkerResult } from './worker.ts';

export interface IngestOptions extends SourceOptions, PrepareOptions {
  /** Analysis worker threads; 0 analyses in the main thread. Default: number of cores. */
  workers?: number;
  /** Articles per batch (one transaction each). Default 32. */
  batchSize?: number;
  pipeline?: PipelineOptions;
  /** Stop after this many new articles. */
  limit?: number;
  /** Stop reading new input when aborted; what is in flight is still written. */
  signal?: AbortSignal;
  onProgress?: (p: IngestProgress) => void;
  /** Story window in days (default 3). */
  storyWindowDays?: number;
  /** Abandon a batch (its articles reported as failed, the worker replaced) after this long; default 60 s + 5 s per article. */
  batchTimeoutMs?: number;
  /** Analyse with this function instead of the Pipeline (main thread only; for tests and embedding). */
  runDoc?: (article: Article) => Doc;
}

export interface IngestProgress {
  /** Inputs read (stored + skipped + failed). */
  read: number;
  stored: number;
  skipped: number;
  failed: number;
}

export interface IngestSummary extends IngestProgress {
  duplicates: number;
  newStories: number;
  seconds: number;
  articlesPerSecond: number;
  /** Summed time of the analysis pipeline (all workers), ms. */
  analysisMs: number;
  /** Summed time turning docs into rows, terms and signatures (workers), ms. */
  prepareMs: number;
  /** Main thread: duplicate linking and story clustering, ms. */
  dedupMs: number;
  /** Main thread: writing batches (transactions, full-text index), ms. */
  storeMs: number;
  failures: { where: string; error: string }[];
  failuresByReason: Record<string, number>;
  aborted: boolean;
}

const MAX_LISTED_FAILURES = 200;

interface Analyser {
  submit(req: WorkerRequest): Promise<WorkerResponse>;
  close(): Promise<void>;
}

/** In-process analysis (workers = 0). */
async function inlineAnalyser(opts: IngestOptions): Promise<Analyser> {
  let p: Pick<Pipeline, 'run'>;
  if (opts.runDoc) p = { run: opts.runDoc };
  else {
    const pipeline = Pipeline.create(opts.pipeline);
    await pipeline.load();
    p = pipeline;
  }
  return {
    submit: async (req) => ({ seq: req.seq, results: req.articles.map((x) => processOne(p, x.article, x.where, opts)) }),
    close: async () => {},
  };
}

/** A pool of worker threads running the pipeline. */
async function workerPool(n: number, opts: IngestOptions): Promise<Analyser> {
  const url = new URL('./worker.ts', import.meta.url);
  interface Pending {
    req: WorkerRequest;
    resolve: (r: WorkerResponse) => void;
    timer: NodeJS.Timeout;
  }
  interface Slot {
    w: Worker;
    pending: Map<number, Pending>;
    /** Why the slot's worker could not be replaced: a replacement that fails to load is not replaced again. */
    dead?: string;
  }
  const slots: Slot[] = [];
  let closed = false;
  const batchTimeout = (req: WorkerRequest): number => opts.batchTimeoutMs ?? 60_000 + 5_000 * req.articles.length;

  const failAll = (req: WorkerRequest, why: string): WorkerResponse => ({
    seq: req.seq,
    results: req.articles.map((a) => ({ ok: false, where: a.where, error: why })),
  });
  /** Fail every batch a worker holds (it crashed or hung) and replace the worker — unless `dead`: then the slot is retired. */
  const recycle = (slot: Slot, why: string, dead = false): void => {
    const pending = [...slot.pending.values()];
    slot.pending.clear();
    void slot.w.terminate();
    for (const p of pending) {
      clearTimeout(p.timer);
      p.resolve(failAll(p.req, why));
    }
    if (dead) slot.dead = why;
    else if (!closed) slot.w = spawn(slot).w;
  };

  const spawn = (slot: Slot | null): { w: Worker; ready: Promise<void> } => {
    // tsx's loader is registered inside the worker (execArgv --import does not reach worker entry points on Node 20).
    const boot = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
    const w = new Worker(boot, {
      eval: true,
      workerData: { khabarIngest: true, pipeline: opts.pipeline ?? {}, prepare: { keepTokens: opts.keepTokens } },
    });
    // A replacement worker that dies before it is ready (the pipeline no longer loads) retires its slot instead of being
    // replaced again, so a broken installation fails the remaining batches at once rather than respawning forever.
    let isReady = false;
    const ready = new Promise<void>((resolve, reject) => {
      w.on('message', (m: WorkerResponse | { ready: true } | { fatal: string }) => {
        if ('ready' in m) {
          isReady = true;
          return resolve();
        }
        const s = slot ?? slots.find((x) => x.w === w);
        if ('fatal' in m) {
          const why = `worker failed to load the pipeline: ${m.fatal}`;
          reject(new Error(why));
          if (s && s.w === w && !closed) recycle(s, `analysis worker could not be restarted: ${m.fatal}`, true);
          return;
        }
        const p = s?.pending.get(m.seq);
        if (!s || !p) return;
        s.pending.delete(m.seq);
        clearTimeout(p.timer);
        p.resolve(m);
      });
      w.on('error', (e) => {
        reject(e);
        const s = slot ?? slots.find((x) => x.w === w);
        if (s && s.w === w && !closed) recycle(s, `analysis worker crashed: ${e.message}`, !isReady);
      });
      w.on('exit', (code) => {
        reject(new Error(`analysis worker exited with code ${code}`));
        const s = slot ?? slots.find((x) => x.w === w);
        // (an exit the pool did not ask for, even with code 0, leaves its batches unanswered: fail them now)
        if (s && s.w === w && !closed) recycle(s, `analysis worker exited with code ${code}`, !isReady);
      });
    });
    ready.catch(() => {});
    return { w, ready };
  };

  const started = Array.from({ length: n }, () => spawn(null));
  for (const st of started) slots.push({ w: st.w, pending: new Map() });
  try {
    await Promise.all(started.map((st) => st.ready));
  } catch (e) {
    // no half-started pool left behind: its threads would keep the process alive
    closed = true;
    await Promise.all(started.map((st) => st.w.terminate()));
    throw e;
  }
  return {
    submit: (req) =>
      new Promise<WorkerResponse>((resolve) => {
        const live = slots.filter((x) => !x.dead);
        if (live.length === 0) return resolve(failAll(req, slots[0]?.dead ?? 'no analysis worker'));
        const slot = live.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
        const timer = setTimeout(
          () => recycle(slot, `analysis timed out after ${Math.round(batchTimeout(req) / 1000)} s (batch abandoned)`),
          batchTimeout(req),
        );
        slot.pending.set(req.seq, { req, resolve, timer });
        slot.w.postMessage(req);
      }),
    close: async () => {
      closed = true;
      for (const s of slots) for (const p of s.pending.values()) clearTimeout(p.timer);
      await Promise.all(slots.map((s) => s.w.terminate()));
    },
  };
}

function reasonOf(error: string): string {
  return error
    .replace(/^analysis failed: /, 'analysis failed: ')
    .replace(/\d+/g, 'N')
    .slice(0, 80);
}

/** Ingest inputs into a store; returns what happened. */
export async function ingest(inputs: string[] | AsyncIterable<ReadResult>, store: Store, opts: IngestOptions = {}): Promise<IngestSummary> {
  const t0 = performance.now();
  const nWorkers = opts.workers ?? Math.max(1, cpus().length);
  const batchSize = Math.max(1, opts.batchSize ?? 32);
  const summary: IngestSummary = {
    read: 0,
    stored: 0,
    skipped: 0,
    failed: 0,
    duplicates: 0,
    newStories: 0,
    seconds: 0,
    articlesPerSecond: 0,
    analysisMs: 0,
    prepareMs: 0,
    dedupMs: 0,
    storeMs: 0,
    failures: [],
    failuresByReason: {},
    aborted: false,
  };
  const fail = (where: string, error: string): void => {
    summary.failed++;
    summary.read++;
    if (summary.failures.length < MAX_LISTED_FAILURES) summary.failures.push({ where, error });
    const r = reasonOf(error);
    summary.failuresByReason[r] = (summary.failuresByReason[r] ?? 0) + 1;
  };
  const progress = (): void =>
    opts.onProgress?.({ read: summary.read, stored: summary.stored, skipped: summary.skipped, failed: summary.failed });

  // Resume dedup and story state from the store.
  const ids = await store.maxIds();
  let nextId = ids.article + 1;
  const lsh = new LshIndex();
  const storyOf = new Map<number, number | null>();
  for (const r of await store.dedupRecords()) {
    lsh.add(r.id, r.minhash);
    storyOf.set(r.id, r.storyId);
  }
  const stories = new StoryClusterer(await store.stories(), ids.story, { windowDays: opts.storyWindowDays });
  const storiesBefore = stories.count;

  const analyser = nWorkers > 0 && !opts.runDoc ? await workerPool(nWorkers, opts) : await inlineAnalyser(opts);
  const seen = new Set<string>();
  const inflight: Promise<WorkerResponse>[] = [];
  const maxInflight = Math.max(2, nWorkers * 2);
  let seq = 0;
  let newCount = 0;

  const commit = async (res: WorkerResponse): Promise<void> => {
    const td = performance.now();
    const rows: StoredArticle[] = [];
    for (const r of res.results as WorkerResult[]) {
      if (!r.ok) {
        fail(r.where, r.error);
        continue;
      }
      const p = r.rec;
      summary.analysisMs += p.analysisMs;
      summary.prepareMs += p.prepareMs;
      const id = nextId++;
      let duplicateOf: number | null = null;
      let similarity: number | null = null;
      let storyId: number | null = null;
      let keyterms = '';
      const dup = p.minhash ? lsh.best(p.minhash) : null;
      if (dup) {
        duplicateOf = dup.id;
        similarity = dup.similarity;
        storyId = storyOf.get(dup.id) ?? null;
        stories.addDuplicate(storyId);
        summary.duplicates++;
      } else {
        const vec = stories.vector(p.tf, p.entityKeys);
        keyterms = [...vec.keys()].join(' ');
        storyId = stories.assign(vec, p.pubDate, p.title);
        if (p.minhash) lsh.add(id, p.minhash);
        storyOf.set(id, storyId);
      }
      const { tf: _tf, entityKeys: _ek, analysisMs: _a, prepareMs: _p, ...base } = p;
      rows.push({ ...base, id, duplicateOf, similarity, storyId, keyterms });
    }
    const ts = performance.now();
    summary.dedupMs += ts - td;
    await store.writeBatch(rows, stories.takeDirty());
    summary.storeMs += performance.now() - ts;
    summary.stored += rows.length;
    summary.read += rows.length;
    progress();
  };

  const dispatch = async (batch: { article: Article; where: string; key: string }[]): Promise<void> => {
    if (batch.length === 0) return;
    const existing = await store.existingKeys(batch.map((b) => b.key));
    const fresh = batch.filter((b) => !existing.has(b.key));
    summary.skipped += batch.length - fresh.length;
    summary.read += batch.length - fresh.length;
    if (fresh.length === 0) {
      progress();
      return;
    }
    inflight.push(analyser.submit({ seq: seq++, articles: fresh.map((b) => ({ article: b.article, where: b.where })) }));
    while (inflight.length >= maxInflight) await commit(await inflight.shift()!);
  };

  let batch: { article: Article; where: string; key: string }[] = [];
  const source = Array.isArray(inputs) ? readInputs(inputs, opts) : inputs;
  try {
    for await (const r of source) {
      if (opts.signal?.aborted) {
        summary.aborted = true;
        break;
      }
      if (!r.ok) {
        fail(r.where, r.error);
        progress();
        continue;
      }
      const key = articleKey(r.article);
      if (seen.has(key)) {
        summary.skipped++;
        summary.read++;
        continue;
      }
      seen.add(key);
      if (opts.limit !== undefined && newCount >= opts.limit) break;
      newCount++;
      batch.push({ article: r.article, where: r.where, key });
      if (batch.length >= batchSize) {
        const b = batch;
        batch = [];
        await dispatch(b);
      }
    }
    await dispatch(batch);
    while (inflight.length > 0) await commit(await inflight.shift()!);
  } finally {
    await analyser.close();
  }
  if (summary.stored > 0) await store.optimize();
  summary.newStories = stories.count - storiesBefore;
  summary.seconds = (performance.now() - t0) / 1000;
  summary.articlesPerSecond = summary.stored / Math.max(summary.seconds, 1e-9);
  return summary;
}
