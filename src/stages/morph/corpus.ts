/**
 * Word counts from a large unlabelled news corpus (the ANT corpus subset in
 * the shared data). The segmenter uses them to tell whether a candidate stem
 * is a word on its own (Farasa's idea); the tagger to tell whether a form
 * ever takes the article (common nouns do, foreign names do not). Only
 * counts of frequent-enough forms are kept in the model, never text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS_FILE = join('ant_news_corpus_subset', 'ant_v2.1_subset.jsonl');
/** Forms seen fewer times are not kept. */
export const CORPUS_MIN_COUNT = 2;

const WORD = /[\u0621-\u063a\u0641-\u064a\u0671]+/g;
const MARKS = /[\u064b-\u065f\u0670\u0640]/g;

/** Counts Arabic-letter runs (diacritics and tatweel removed) in the title/abstract/text of a JSONL corpus. */
export function countCorpusWords(dataDir: string, minCount = 3): Map<string, number> {
  const path = join(dataDir, CORPUS_FILE);
  const counts = new Map<string, number>();
  if (!existsSync(path)) return counts;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let rec: Record<string, unknown>;
    try {
      rec = JSON.parse(line) as Record<string, unknown>;
    } catch {
      continue;
    }
    for (const field of ['title', 'abstract', 'text']) {
      const v = rec[field];
      if (typeof v !== 'string') continue;
      for (const m of v.replace(MARKS, '').matchAll(WORD)) counts.set(m[0], (counts.get(m[0]) ?? 0) + 1);
    }
  }
  for (const [k, v] of counts) if (v < minCount) counts.delete(k);
  return counts;
}
