/**
 * `npm run bench`: every benchmark in bench/, one after another, each in its own
 * process (so one's memory and JIT state do not colour the next). Throughput on
 * real text from KHABAR_DATA; a benchmark whose data is missing says so and is skipped.
 * `npm run bench -- text morph` runs only those.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ALL = ['text', 'morph', 'ner', 'events', 'corpus'];
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : ALL;
let failed = 0;
for (const name of names) {
  const file = join(here, `${name}.ts`);
  if (!existsSync(file)) {
    console.log(`${name}: no benchmark (bench/${name}.ts missing)`);
    continue;
  }
  const r = spawnSync(process.execPath, ['--import', 'tsx', file, ...process.argv.slice(2).filter((a) => a.startsWith('-'))], {
    stdio: 'inherit',
  });
  if (r.status !== 0) {
    failed++;
    console.log(`${name}: benchmark failed (exit ${r.status})`);
  }
}
process.exitCode = failed ? 1 : 0;
