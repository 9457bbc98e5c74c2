import { GenerationalCache } from '../../core/cache.ts';

/**
 * Read-only string-keyed tables. Model headers hold lexicons as JSON objects;
 * wrapping the parsed object (instead of copying it into a Map) keeps model
 * loading fast. A `Map` satisfies the same interface (used while training).
 */
export interface Lookup<V> {
  get(key: string): V | undefined;
  /** Number of entries, or any positive number for a non-empty table. */
  readonly size: number;
}

/** A lookup over a plain object from JSON (own properties only). */
export function recordLookup<V>(rec: Record<string, V> | undefined): Lookup<V> {
  // Without a prototype, `obj[key]` sees own properties only ("constructor" is a miss).
  const obj: Record<string, V> = Object.setPrototypeOf(rec ?? {}, null);
  // Counting the keys of a large object costs as much as copying it: report
  // "non-empty" for any object (an empty one only yields misses).
  return { get: (key) => obj[key], size: rec ? 1 : 0 };
}

/**
 * A bounded Map cache in front of a lookup: property lookups with dynamic
 * string keys on large JSON objects are slow; Map lookups of hot keys are not.
 */
export function cachedLookup<V>(inner: Lookup<V>, limit = 100_000): Lookup<V> {
  const cache = new GenerationalCache<string, V | null>(limit);
  return {
    size: inner.size,
    get(key: string): V | undefined {
      let v = cache.get(key);
      if (v === undefined) {
        v = inner.get(key) ?? null;
        cache.set(key, v);
      }
      return v ?? undefined;
    },
  };
}
