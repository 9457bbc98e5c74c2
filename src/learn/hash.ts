/**
 * Feature hashing: string features become 32-bit keys (FNV-1a). A key is what
 * the weight tables index; a 32-bit key space with a few hundred thousand
 * live features has a negligible collision rate, and a model file stores only
 * the keys it uses, so the file stays small whatever the key space.
 *
 * For hot paths, `featureKey(template, value)` hashes a (template, value)
 * pair without building the concatenated string.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over UTF-16 code units, continuing from `seed`. Never returns 0 (0 marks an empty slot). */
export function hashString(s: string, seed: number = FNV_OFFSET): number {
  return hashSlice(s, 0, s.length, seed);
}

/** The hash of a substring `s[start, end)`, equal to `hashString(s.slice(start, end), seed)`. */
export function hashSlice(s: string, start: number, end: number, seed: number = FNV_OFFSET): number {
  let h = seed >>> 0;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  h ^= h >>> 12;
  h >>>= 0;
  return h === 0 ? 1 : h;
}

/** A template id: the seed for every feature of one kind ("w=", "suf3=", ...). */
export function template(name: string): number {
  // Raw FNV state (not finalised) so that featureKey(template(n), v) === hashString(n + v).
  let h = FNV_OFFSET;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

/** Key of the feature `name + value` where `tpl = template(name)`: same as `hashString(name + value)`. */
export function featureKey(tpl: number, value: string): number {
  return hashString(value, tpl);
}

/** Key of the feature `name + value.slice(start, end)`. */
export function featureKeySlice(tpl: number, value: string, start: number, end: number): number {
  return hashSlice(value, start, end, tpl);
}
