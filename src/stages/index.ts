import type { StageSpec } from '../pipeline/index.ts';
import { entitiesStage } from './entities/index.ts';
import { eventsStage } from './events/index.ts';
import { morphStage } from './morph/index.ts';
import { nerStage } from './ner/index.ts';
import { quotesStage } from './quotes/index.ts';
import { summaryStage } from './summary/index.ts';
import { timeStage } from './time/index.ts';
import { tokenizeStage } from './tokenize/index.ts';
import { topicStage } from './topic/index.ts';

/**
 * Every pipeline stage, in the order the pipeline runs them. A stage lives in
 * its own folder (`src/stages/<name>/index.ts`) and adds one layer to the Doc.
 */
export const STAGES: StageSpec[] = [
  tokenizeStage,
  morphStage,
  nerStage,
  entitiesStage,
  timeStage,
  quotesStage,
  eventsStage,
  topicStage,
  summaryStage,
];
