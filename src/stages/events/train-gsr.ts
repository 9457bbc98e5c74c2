/**
 * Trains the ASSAULT/PROTEST sentence classifiers on the whole public half of the
 * Arabic event GSR (the recipe measured by `khabar eval gsr`: nested cross-validation)
 * and writes `models/events-gsr.json` (see its model card). Deterministic.
 *
 *   node --import tsx src/stages/events/train-gsr.ts [GSR_DIR]
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelFile, sharedDataDir } from '../../core/paths.ts';
import { trainGsr } from '../../eval/gsr.ts';

const dir = process.argv[2] ?? join(sharedDataDir(), 'arabic_event_gsr');
const model = trainGsr(dir, 'all');
const out = modelFile('events-gsr.json');
writeFileSync(out, `${JSON.stringify(model)}\n`);
for (const [t, m] of Object.entries(model.models))
  process.stdout.write(
    `${t}: ${Object.keys(m.weights).length} weights, threshold ${m.threshold}, setting ${JSON.stringify(m.setting)}, inner-CV F1 ${m.innerF1}\n`,
  );
process.stdout.write(`-> ${out}\n`);
