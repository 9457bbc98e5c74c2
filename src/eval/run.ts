import type { Doc } from '../core/types.ts';
import { goldArticle, readGold } from '../corpora/gold.ts';
import { Pipeline, type PipelineOptions } from '../pipeline/index.ts';
import { type GoldScores, type PredRecord, scoreGold } from './gold.ts';

/** The prediction record the reference scorer reads (the layers of one analysed article). */
export function predRecord(doc: Doc): PredRecord & Record<string, unknown> {
  const rows = (x: unknown[] | undefined): Array<Record<string, unknown>> => (x ?? []) as unknown as Array<Record<string, unknown>>;
  return { id: doc.id, entities: rows(doc.entities), quotes: rows(doc.quotes), events: rows(doc.events), times: doc.times ?? [] };
}

/** Run the pipeline over the gold articles of `dir` and score the result. */
export async function runGold(
  dir: string,
  opts: PipelineOptions = {},
): Promise<{ scores: GoldScores; docs: Doc[]; predictions: Array<PredRecord & Record<string, unknown>> }> {
  const { articles, annotations } = readGold(dir);
  const pipeline = Pipeline.create(opts);
  await pipeline.load();
  const docs = articles.map((r) => pipeline.run(goldArticle(r)));
  const predictions = docs.map(predRecord);
  return { scores: scoreGold(annotations, predictions), docs, predictions };
}
