/**
 * Opening a store from a target: a `postgres://` (or `postgresql://`) URL, or
 * a SQLite file path (default `KHABAR_DB`, else `./khabar.db`).
 */

import { SqliteStore } from './sqlite/index.ts';
import type { Store } from './types.ts';

export type { Store } from './types.ts';

/** The default target: `KHABAR_DB` or `./khabar.db`. */
export function defaultTarget(): string {
  return process.env.KHABAR_DB || './khabar.db';
}

export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** Open (and migrate) the store at a target. */
export async function openStore(target: string = defaultTarget(), opts: { readonly?: boolean } = {}): Promise<Store> {
  let store: Store;
  if (isPostgresUrl(target)) {
    const { PostgresStore } = await import('./postgres/index.ts');
    store = new PostgresStore(target);
  } else {
    store = new SqliteStore(target, opts);
  }
  if (!opts.readonly) await store.migrate();
  return store;
}
