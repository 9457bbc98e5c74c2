/**
 * Trains the ASSAULT/PROTEST sentence classifiers on our train part of the
 * Arabic event GSR and writes `models/events-gsr.json` (see its model card).
 *
 *   node --import tsx src/stages/events/train-gsr.ts [GSR_DIR]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelFile, sharedDataDir } from '../../core/paths.ts';
import { trainGsr } from '../../eval/gsr.ts';

const dir = process.argv[2] ?? join(sharedDataDir(), 'arabic_event_gsr');
const model = trainGsr(dir);
const out = modelFile('events-gsr.json');
writeFileSync(out, `${JSON.stringify(model)}\n`);
for (const [t, m] of Object.entries(model.models))
  process.stdout.write(`${t}: ${Object.keys(m.weights).length} weights, threshold ${m.threshold}\n`);
process.stdout.write(`-> ${out}\n`);
