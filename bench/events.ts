/**
 * Throughput of the whole pipeline up to and including the events stage
 * (tokenize, morph, ner, entities, time, quotes, events: whatever is
 * registered before `events`) on real news text (ANT articles in KHABAR_DATA),
 * single thread, in words per second; plus the share of the time, quotes and
 * events stages alone.
 * Run alone: node --import tsx bench/events.ts [--json] [--articles N] [--skip stage,stage]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasSharedData, sharedDataDir } from '../src/core/paths.ts';
import { Pipeline } from '../src/pipeline/index.ts';
import { articleFromRecord } from '../src/reader/index.ts';
import { STAGES } from '../src/stages/index.ts';
import { articlesArg, report } from './cli.ts';

export async function benchEvents(n: number, skip: string[] = []): Promise<Record<string, unknown> | null> {
  if (!hasSharedData()) {
    console.log('bench/events: skipped (needs ../shared/data or KHABAR_DATA)');
    return null;
  }
  const lines = readFileSync(join(sharedDataDir(), 'ant_news_corpus_subset', 'ant_v2.1_subset.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .slice(0, n);
  const articles = lines.map((l, i) => articleFromRecord(JSON.parse(l), String(i)));
  const words = articles.reduce((k, a) => k + a.text.split(/\s+/).filter(Boolean).length, 0);
  const names = STAGES.map((s) => s.name);
  const upTo = names.indexOf('events');
  const stages = names.slice(0, upTo + 1).filter((s) => !skip.includes(s));
  const pipeline = Pipeline.create({ stages });
  await pipeline.load();
  for (let i = 0; i < Math.min(200, articles.length); i++) pipeline.run(articles[i]);
  const perStage = new Map<string, number>();
  let events = 0;
  let quotes = 0;
  let times = 0;
  const t0 = performance.now();
  for (const a of articles) {
    const d = pipeline.run(a);
    events += d.events?.length ?? 0;
    quotes += d.quotes?.length ?? 0;
    times += d.times?.length ?? 0;
    for (const s of d.stages) perStage.set(s.name, (perStage.get(s.name) ?? 0) + s.ms);
  }
  const seconds = (performance.now() - t0) / 1000;
  const mine = ['time', 'quotes', 'events'].reduce((k, s) => k + (perStage.get(s) ?? 0), 0) / 1000;
  return {
    articles: articles.length,
    words,
    stages,
    seconds: Math.round(seconds * 100) / 100,
    wordsPerSecond: Math.round(words / seconds),
    timeQuotesEventsWordsPerSecond: Math.round(words / mine),
    msPerStage: Object.fromEntries([...perStage].map(([k, v]) => [k, Math.round(v)])),
    events,
    quotes,
    times,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sk = process.argv.indexOf('--skip');
  report(
    await benchEvents(articlesArg(3000), sk > 0 ? process.argv[sk + 1].split(',') : []),
    (r) =>
      `events: pipeline ${(r.stages as string[]).join(' → ')} on ${r.articles} ANT articles (${(r.words as number).toLocaleString('en')} words) in ${r.seconds} s: ` +
      `${(r.wordsPerSecond as number).toLocaleString('en')} words/s single thread; time+quotes+events alone ${(r.timeQuotesEventsWordsPerSecond as number).toLocaleString('en')} words/s; ` +
      `${r.times} times, ${r.quotes} quotes, ${r.events} events; ms per stage ${JSON.stringify(r.msPerStage)}`,
  );
}
