import type { StageSpec } from '../pipeline/index.ts';
import { tokenizeStage } from './tokenize/index.ts';

/**
 * Every pipeline stage, in the order the pipeline runs them. A stage lives in
 * its own folder (`src/stages/<name>/index.ts`) and adds one layer to the Doc.
 */
export const STAGES: StageSpec[] = [tokenizeStage];
