/**
 * Throughput of the morph stage (clitic segmentation + UPOS tagging + stems)
 * on real news text: ANT articles from KHABAR_DATA, tokenised first (not
 * timed), single thread. Reports surface tokens/s and syntactic words/s, and
 * the model load time.
 * Run alone: node --import tsx bench/morph.ts [--json] [--articles N] [--joint] [--rerank FILE]
 * (`--joint`: joint segmentation and tagging, `MorphAnalyzer.load(dir, { joint: true })`; `--rerank FILE`: the split
 * reranker, `morph-rerank.json`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasSharedData, modelFile, sharedDataDir } from '../src/core/paths.ts';
import { newDoc } from '../src/pipeline/index.ts';
import { articleFromRecord } from '../src/reader/index.ts';
import { MorphAnalyzer } from '../src/stages/morph/morph.ts';
import { Reranker } from '../src/stages/morph/rerank.ts';
import { Tokenizer } from '../src/stages/tokenize/index.ts';
import { articlesArg, report } from './cli.ts';

export function benchMorph(maxArticles = 1000, joint = false, rerank?: string): Record<string, number> | null {
  if (!hasSharedData()) {
    console.log('bench/morph: skipped (needs ../shared/data or KHABAR_DATA)');
    return null;
  }
  const lines = readFileSync(join(sharedDataDir(), 'ant_news_corpus_subset', 'ant_v2.1_subset.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(0, maxArticles);
  const tok = new Tokenizer();
  tok.load();
  const sentences: Array<Array<{ text: string; kind: string }>> = [];
  for (const [i, l] of lines.entries()) {
    const d = newDoc(articleFromRecord(JSON.parse(l), String(i)));
    tok.process(d);
    for (const s of d.sentences) sentences.push(d.tokens.slice(s.tokenStart, s.tokenEnd).map((t) => ({ text: t.text, kind: t.kind })));
  }
  const t0 = performance.now();
  const analyzer = MorphAnalyzer.load(modelFile(), { joint, rerank: rerank ? Reranker.load(rerank).model : false });
  const loadMs = performance.now() - t0;
  const run = (): { ms: number; tokens: number; words: number } => {
    const start = performance.now();
    let tokens = 0;
    let words = 0;
    for (const s of sentences) {
      tokens += s.length;
      words += analyzer.analyze(s as Parameters<MorphAnalyzer['analyze']>[0]).length;
    }
    return { ms: performance.now() - start, tokens, words };
  };
  const heap0 = process.memoryUsage().heapUsed;
  const cold = run(); // first pass: JIT warm-up, every cache empty (as for a stream of new text)
  let best = run();
  for (let rep = 0; rep < 2; rep++) {
    const r = run();
    if (r.ms < best.ms) best = r;
  }
  return {
    articles: lines.length,
    sentences: sentences.length,
    tokens: best.tokens,
    words: best.words,
    tokensPerSecond: Math.round(best.tokens / (best.ms / 1000)),
    wordsPerSecond: Math.round(best.words / (best.ms / 1000)),
    coldWordsPerSecond: Math.round(cold.words / (cold.ms / 1000)),
    heapGrowthMB: Math.round((process.memoryUsage().heapUsed - heap0) / 1e6),
    loadMs: Math.round(loadMs),
    neural: analyzer.tagger.neural ? 1 : 0,
    joint: joint ? 1 : 0,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  report(
    benchMorph(
      articlesArg(1000),
      process.argv.includes('--joint'),
      process.argv.includes('--rerank') ? process.argv[process.argv.indexOf('--rerank') + 1] : undefined,
    ),
    (r) =>
      `morph: ${r.articles} articles, ${r.sentences} sentences, ${r.tokens} tokens → ${r.words} syntactic words\n` +
      `  ${r.tokensPerSecond} tokens/s, ${r.wordsPerSecond} words/s (segment + tag + stem, one thread, warm)\n` +
      `  first pass (caches empty): ${r.coldWordsPerSecond} words/s; heap growth over the passes ${r.heapGrowthMB} MB\n` +
      `  models load in ${r.loadMs} ms${r.neural ? ' (with the UPOS window networks, morph-nn.bin)' : ''}${r.joint ? '; joint segmentation and tagging' : ''}`,
  );
}
