/** Shared command-line handling of the benchmark scripts: `--articles N`, `--json`. */

/** The value of `--articles N`, or the default. */
export function articlesArg(def: number): number {
  const i = process.argv.indexOf('--articles');
  return i > 0 ? Number(process.argv[i + 1]) : def;
}

/** Print a benchmark result: JSON with `--json`, else the human lines. Nothing when the benchmark was skipped. */
export function report<T>(r: T | null, human: (r: T) => string): void {
  if (!r) return;
  console.log(process.argv.includes('--json') ? JSON.stringify(r) : human(r));
}
