import type { Command } from 'commander';
import { registerAggregate } from './aggregate.ts';
import { registerAnalyze } from './analyze.ts';
import { registerEvalGold } from './evalgold.ts';
import { registerEvents } from './events.ts';
import { registerExport } from './export.ts';
import { registerIngest } from './ingest.ts';
import { registerMorph } from './morph.ts';
import { registerNer } from './ner.ts';
import { registerQuotes } from './quotes.ts';
import { registerSearch } from './search.ts';
import { registerSentences } from './sentences.ts';
import { registerServe } from './serve.ts';
import { registerStats } from './stats.ts';
import { registerKeywords, registerTopic } from './topic.ts';

/** Every CLI command registers itself on the program; one line per command file. */
export const COMMANDS: Array<(program: Command) => void> = [
  registerAnalyze,
  registerIngest,
  registerSearch,
  registerStats,
  registerExport,
  registerAggregate,
  registerSentences,
  registerMorph,
  registerNer,
  registerEvalGold,
  registerEvents,
  registerQuotes,
  registerTopic,
  registerKeywords,
  registerServe,
];
