/**
 * Throughput of the NER tagger and of the entities stage (linking +
 * coreference) on real news text: ANT articles from KHABAR_DATA, tokenised
 * first (not timed), single thread, warm. The morph stage runs before (timed
 * separately: NER reads its POS tags from `doc.words`, as in the pipeline).
 * Reports tokens/s for morph, the tagger, the entities stage, and the share
 * NER + entities add to the time of morph (segment + tag), plus load times.
 * Run alone: node --import tsx bench/ner.ts [--json] [--articles N]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasSharedData, sharedDataDir } from '../src/core/paths.ts';
import type { Doc } from '../src/core/types.ts';
import { newDoc } from '../src/pipeline/index.ts';
import { articleFromRecord } from '../src/reader/index.ts';
import { EntitiesStage } from '../src/stages/entities/index.ts';
import { morphStage } from '../src/stages/morph/index.ts';
import { NerStage } from '../src/stages/ner/index.ts';
import { Tokenizer } from '../src/stages/tokenize/index.ts';
import { articlesArg, report } from './cli.ts';

export function benchNer(maxArticles = 1000): Record<string, number> | null {
  if (!hasSharedData()) {
    console.log('bench/ner: skipped (needs ../shared/data or KHABAR_DATA)');
    return null;
  }
  const lines = readFileSync(join(sharedDataDir(), 'ant_news_corpus_subset', 'ant_v2.1_subset.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(0, maxArticles);
  const tok = new Tokenizer();
  tok.load();
  const docs: Doc[] = [];
  let tokens = 0;
  for (const [i, l] of lines.entries()) {
    const d = newDoc(articleFromRecord(JSON.parse(l), String(i)));
    tok.process(d);
    docs.push(d);
    for (const s of d.sentences) tokens += s.tokenEnd - s.tokenStart;
  }
  let t0 = performance.now();
  const ner = new NerStage();
  ner.load();
  const nerLoadMs = performance.now() - t0;
  t0 = performance.now();
  const ents = new EntitiesStage();
  ents.load();
  const kbLoadMs = performance.now() - t0;
  const morph = morphStage.create();
  morph.load?.();
  const run = (): { ner: number; ents: number; morph: number; entities: number } => {
    let nerMs = 0;
    let entMs = 0;
    let morphMs = 0;
    let entities = 0;
    for (const d of docs) {
      const m = performance.now();
      morph.process(d);
      morphMs += performance.now() - m;
      const a = performance.now();
      ner.process(d);
      const b = performance.now();
      ents.process(d);
      entMs += performance.now() - b;
      nerMs += b - a;
      entities += d.entities?.length ?? 0;
    }
    return { ner: nerMs, ents: entMs, morph: morphMs, entities };
  };
  run(); // warm-up
  let best = run();
  for (let rep = 0; rep < 2; rep++) {
    const r = run();
    if (r.ner + r.ents < best.ner + best.ents) best = r;
  }
  return {
    articles: docs.length,
    tokens,
    entities: best.entities,
    morphTokensPerSecond: Math.round(tokens / (best.morph / 1000)),
    nerTokensPerSecond: Math.round(tokens / (best.ner / 1000)),
    /** Time of the NER tagger as a percentage of the morph stage's time (segment + tag): issue #4's measure. */
    nerAddedToMorphPercent: Math.round((100 * best.ner) / best.morph),
    /** Time of NER + entities (linking, coreference) as a percentage of the morph stage's time. */
    addedToMorphPercent: Math.round((100 * (best.ner + best.ents)) / best.morph),
    entitiesTokensPerSecond: Math.round(tokens / (best.ents / 1000)),
    totalTokensPerSecond: Math.round(tokens / ((best.ner + best.ents) / 1000)),
    nerLoadMs: Math.round(nerLoadMs),
    kbLoadMs: Math.round(kbLoadMs),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  report(
    benchNer(articlesArg(1000)),
    (r) =>
      `ner: ${r.articles} articles, ${r.tokens} tokens, ${r.entities} entities\n` +
      `  morph (segment + tag) ${r.morphTokensPerSecond} tokens/s; NER tagger ${r.nerTokensPerSecond} tokens/s; entities (link + coref) ${r.entitiesTokensPerSecond} tokens/s; NER + entities ${r.totalTokensPerSecond} tokens/s (one thread, warm)\n` +
      `  the NER tagger adds ${r.nerAddedToMorphPercent}% to the time of segment + tag; NER + entities (linking, coreference) add ${r.addedToMorphPercent}%\n` +
      `  NER model loads in ${r.nerLoadMs} ms, KB in ${r.kbLoadMs} ms`,
  );
}
