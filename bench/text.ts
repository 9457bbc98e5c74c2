/**
 * Throughput of normalise + tokenise + sentence split on real news text (the
 * ANT articles in KHABAR_DATA), single thread, in words per second.
 * Run alone: node --import tsx bench/text.ts [--json]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasSharedData, sharedDataDir } from '../src/core/paths.ts';
import { newDoc } from '../src/pipeline/index.ts';
import { articleFromRecord } from '../src/reader/index.ts';
import { Tokenizer } from '../src/stages/tokenize/index.ts';
import { normalize } from '../src/text/normalize.ts';

export function benchText(): Record<string, number> | null {
  if (!hasSharedData()) {
    console.log('bench/text: skipped (needs ../shared/data or KHABAR_DATA)');
    return null;
  }
  const lines = readFileSync(join(sharedDataDir(), 'ant_news_corpus_subset', 'ant_v2.1_subset.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean);
  const articles = lines.map((l, i) => articleFromRecord(JSON.parse(l), String(i)));
  const words = articles.reduce((n, a) => n + a.text.split(/\s+/).filter(Boolean).length, 0);
  const chars = articles.reduce((n, a) => n + a.text.length, 0);
  const tok = new Tokenizer();
  tok.load();
  // Warm up the JIT, then take the best of three passes over the whole corpus.
  for (let i = 0; i < 300; i++) tok.process(newDoc(articles[i]));
  let best = Number.POSITIVE_INFINITY;
  let bestNorm = Number.POSITIVE_INFINITY;
  let tokens = 0;
  for (let rep = 0; rep < 3; rep++) {
    let t0 = performance.now();
    for (const a of articles) normalize(a.text, { matching: true });
    bestNorm = Math.min(bestNorm, performance.now() - t0);
    t0 = performance.now();
    tokens = 0;
    for (const a of articles) {
      normalize(a.text, { matching: true });
      const d = newDoc(a);
      tok.process(d);
      tokens += d.tokens.length;
    }
    best = Math.min(best, performance.now() - t0);
  }
  return {
    articles: articles.length,
    words,
    chars,
    tokens,
    seconds: best / 1000,
    wordsPerSecond: Math.round(words / (best / 1000)),
    normalizeWordsPerSecond: Math.round(words / (bestNorm / 1000)),
    mbPerSecond: Math.round((chars * 2) / 1e6 / (best / 1000)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = benchText();
  if (r) {
    if (process.argv.includes('--json')) console.log(JSON.stringify(r));
    else
      console.log(
        `text: normalise + tokenise + split ${r.articles} ANT articles (${r.words.toLocaleString('en')} words) in ${r.seconds.toFixed(2)} s: ` +
          `${r.wordsPerSecond.toLocaleString('en')} words/s (normalise alone ${r.normalizeWordsPerSecond.toLocaleString('en')} words/s), single thread`,
      );
  }
}
