/**
 * A bounded memo in two generations: a key found only in the old generation moves to the new one, and when the new
 * one is full the old one is dropped. Frequent keys so stay cached however many rare ones pass, where a single map
 * cleared when full makes every key of a large corpus start over (1,000 ANT articles hold 56k distinct forms).
 * Holds at most 2 × `limit` entries. Values may be anything but `undefined`.
 */
export class GenerationalCache<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    const v = this.young.get(key);
    if (v !== undefined) return v;
    const o = this.old.get(key);
    if (o !== undefined) this.set(key, o);
    return o;
  }

  set(key: K, value: V): void {
    if (this.young.size >= this.limit) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }

  /** Entries held (both generations). */
  get size(): number {
    return this.young.size + this.old.size;
  }
}
