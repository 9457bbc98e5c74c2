/**
 * A small text format for sparse linear models (the quote filter, the speaker choice): a `# header` line, named
 * parameters (`name<TAB>value`), then one `feature<TAB>weight` line per non-zero weight, sorted by feature. Readable,
 * diffable, and loaded once per path.
 */
import { existsSync, readFileSync } from 'node:fs';

export interface WeightsTsv {
  header: string;
  /** The named parameters, as written (`threshold`, `margin`, `kind`, `bias` …). */
  params: Map<string, string>;
  weights: Map<string, number>;
}

/** Write a model: the header, the parameters in the order given, the non-zero weights sorted by feature. */
export function formatWeightsTsv(
  header: string,
  params: ReadonlyArray<readonly [string, string | number]>,
  weights: ReadonlyMap<string, number>,
): string {
  const lines = [`# ${header.replace(/\n/g, ' ')}`, ...params.map(([k, v]) => `${k}\t${v}`)];
  for (const [f, w] of [...weights].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))) if (w !== 0) lines.push(`${f}\t${w}`);
  return `${lines.join('\n')}\n`;
}

/** Read a model; the lines whose name is in `paramNames` are parameters, the others weights (a clear error for a bad one). */
export function parseWeightsTsv(text: string, paramNames: ReadonlySet<string>, what = 'model'): WeightsTsv {
  const out: WeightsTsv = { header: '', params: new Map(), weights: new Map() };
  for (const line of text.split('\n')) {
    if (!line) continue;
    if (line.startsWith('# ')) {
      out.header = line.slice(2);
      continue;
    }
    const tab = line.lastIndexOf('\t');
    if (tab < 0) continue;
    const k = line.slice(0, tab);
    const v = line.slice(tab + 1);
    if (paramNames.has(k)) {
      out.params.set(k, v);
      continue;
    }
    const w = Number(v);
    if (!Number.isFinite(w)) throw new Error(`${what}: bad weight in line "${line.slice(0, 60)}"`);
    out.weights.set(k, w);
  }
  return out;
}

/** A loader that reads and parses the file at a path once (null when there is no file). */
export function loadOnce<T>(parse: (text: string) => T): (path: string) => T | null {
  let cached: { path: string; value: T | null } | undefined;
  return (path) => {
    if (cached?.path === path) return cached.value;
    const value = existsSync(path) ? parse(readFileSync(path, 'utf8')) : null;
    cached = { path, value };
    return value;
  };
}
