import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { sharedDataDir } from '../core/paths.ts';

/**
 * Analyse the articles of a stand-off annotation file (`data/annotations/`) for training: `analyse` gets the path of
 * the ANT corpus that holds their text (a clear error when it is missing) and a progress callback, drawn as a bar on
 * stderr unless `progress` is false.
 */
export async function analyseAnnotated<T>(
  articles: number,
  progress: boolean | undefined,
  analyse: (antPath: string, done: (n: number) => void) => Promise<T>,
): Promise<T> {
  const ant = join(sharedDataDir(), 'ant_news_corpus_subset', 'ant_v2.1_subset.jsonl');
  if (!existsSync(ant)) throw new Error(`the annotated articles' text comes from the ANT corpus: ${ant} not found (set KHABAR_DATA)`);
  const bar =
    progress !== false
      ? new cliProgress.SingleBar(
          { format: 'analysing {bar} {value}/{total} articles', stream: process.stderr },
          cliProgress.Presets.shades_classic,
        )
      : null;
  bar?.start(articles, 0);
  try {
    return await analyse(ant, (n) => bar?.update(n));
  } finally {
    bar?.stop();
  }
}
