import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelFile } from '../../core/paths.ts';
import { analyzeText } from '../../search/analyzer.ts';
import { DF_FILE } from './index.ts';

/**
 * Document frequencies of the search analyzer's stems over the ANT news
 * articles (title + text), for keyword and summary weighting. Stems in fewer
 * than `minDf` documents are left out (they get the maximum idf anyway).
 */
export function buildDocFreq(dataDir: string, opts: { minDf?: number; out?: string } = {}): { docs: number; terms: number } {
  const file = join(dataDir, 'ant_news_corpus_subset', 'ant_v2.1_subset.jsonl');
  const df = new Map<string, number>();
  let docs = 0;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { title?: string; text?: string };
    docs++;
    const seen = new Set<string>();
    for (const t of analyzeText(`${r.title ?? ''}\n${r.text ?? ''}`)) seen.add(t.term);
    for (const t of seen) df.set(t, (df.get(t) ?? 0) + 1);
  }
  const min = opts.minDf ?? 3;
  const rows = [...df].filter(([, n]) => n >= min).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const header =
    '# Document frequencies of search-analyzer stems over the ANT v2.1 subset (10,950 news articles, 2018).\n# Built by `khabar train keywords`; licence: derived statistics of the ANT corpus (Citation Licence, see models/keywords.md).\n';
  writeFileSync(opts.out ?? modelFile(DF_FILE), `${header}#N\t${docs}\n${rows.map(([t, n]) => `${t}\t${n}`).join('\n')}\n`);
  return { docs, terms: rows.length };
}
