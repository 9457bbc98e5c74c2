/**
 * khabar — Arabic news analysis. The library entry:
 *
 *   import { analyze, normalize, tokenize, readArticle } from 'khabar';
 *   const doc = analyze('بغداد (رويترز) - ...');
 */
import type { Article, Doc } from './core/types.ts';
import { Pipeline, type PipelineOptions } from './pipeline/index.ts';
import { articleFromRecord, readArticle } from './reader/index.ts';

export type * from './core/types.ts';
export { type Analysis, toAnalysis } from './output/json.ts';
export { Pipeline, type PipelineOptions, type Stage, type StageSpec } from './pipeline/index.ts';
export { articleFromRecord, type Format, parseDate, type ReadResult, readArticle, readArticles } from './reader/index.ts';
export { STAGES } from './stages/index.ts';
export { tokenize } from './stages/tokenize/index.ts';
export { matchForm, type Normalized, type NormalizeOptions, normalize, toOriginalSpan } from './text/normalize.ts';

let defaultPipeline: Pipeline | null = null;

/**
 * Analyse one article with every stage (or the given pipeline). The input is a
 * plain-text wire story, an `Article`, or a JSON record `{id, title, text, ...}`.
 */
export function analyze(input: string | Article | Record<string, unknown>, pipeline?: Pipeline | PipelineOptions): Doc {
  let p: Pipeline;
  if (pipeline instanceof Pipeline) p = pipeline;
  else if (pipeline) p = Pipeline.create(pipeline);
  else p = defaultPipeline ??= Pipeline.create();
  const article: Article =
    typeof input === 'string'
      ? readArticle(input)
      : 'spans' in input && 'text' in input
        ? (input as Article)
        : articleFromRecord(input, 'article');
  return p.run(article);
}
