/**
 * An analysis worker: runs the Pipeline and `prepareDoc` on batches of
 * articles sent by the ingest main thread, and answers with prepared records
 * (or an error per article: one bad article never loses the batch).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Article } from '../core/types.ts';
import { Pipeline, type PipelineOptions } from '../pipeline/index.ts';
import { type Prepared, type PrepareOptions, prepareDoc } from './prepare.ts';

export interface WorkerInit {
  pipeline: PipelineOptions;
  prepare: PrepareOptions;
}

export type WorkerResult = { ok: true; rec: Prepared } | { ok: false; where: string; error: string };

export interface WorkerRequest {
  seq: number;
  articles: { article: Article; where: string }[];
}

export interface WorkerResponse {
  seq: number;
  results: WorkerResult[];
}

/** Analyse and prepare one article, catching every error. */
export function processOne(pipeline: Pick<Pipeline, 'run'>, article: Article, where: string, opts: PrepareOptions): WorkerResult {
  try {
    const t0 = performance.now();
    const doc = pipeline.run(article);
    const ms = performance.now() - t0;
    return { ok: true, rec: prepareDoc(doc, ms, opts) };
  } catch (e) {
    return { ok: false, where, error: `analysis failed: ${(e as Error)?.message ?? String(e)}` };
  }
}

if (parentPort && workerData && (workerData as { khabarIngest?: boolean }).khabarIngest) {
  const init = workerData as WorkerInit & { khabarIngest: true };
  const port = parentPort;
  const pipeline = Pipeline.create(init.pipeline);
  pipeline
    .load()
    .then(() => {
      port.on('message', (req: WorkerRequest) => {
        const results = req.articles.map((x) => processOne(pipeline, x.article, x.where, init.prepare));
        port.postMessage({ seq: req.seq, results } satisfies WorkerResponse);
      });
      port.postMessage({ ready: true });
    })
    .catch((e: unknown) => {
      port.postMessage({ fatal: (e as Error)?.message ?? String(e) });
    });
}
