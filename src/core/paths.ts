import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (where `models/` and `data/` live), whatever the working directory. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A file under the repository's `data/` folder (lexicons, patterns, gazetteers). */
export function dataFile(...parts: string[]): string {
  return join(ROOT, 'data', ...parts);
}

/** A file under the repository's `models/` folder. */
export function modelFile(...parts: string[]): string {
  return join(ROOT, 'models', ...parts);
}

/** The shared public datasets: `KHABAR_DATA`, default `../shared/data` relative to the repository. */
export function sharedDataDir(): string {
  return process.env.KHABAR_DATA ? resolve(process.env.KHABAR_DATA) : resolve(ROOT, '..', 'shared', 'data');
}

/** The shared gold articles: `KHABAR_GOLD`, default `../shared/gold`. */
export function sharedGoldDir(): string {
  return process.env.KHABAR_GOLD ? resolve(process.env.KHABAR_GOLD) : resolve(ROOT, '..', 'shared', 'gold');
}

/** True when the shared datasets are present (tests that need them skip otherwise). */
export function hasSharedData(): boolean {
  return existsSync(sharedDataDir());
}
