/**
 * Near-duplicate detection: MinHash signatures over word 3-shingles of the
 * analysed body terms (matching form + light stem), with LSH banding to find
 * candidates and the signature agreement as the Jaccard estimate.
 *
 * Shingles never cross a paragraph break, so a copy with reordered paragraphs
 * keeps almost all its shingles; the headline and credit are not shingled, so an
 * edited headline or a changed credit line does not hide a wire copy.
 */
import type { Term } from '../search/analyzer.ts';

export const NUM_HASHES = 128;
export const BANDS = 32;
export const ROWS = NUM_HASHES / BANDS;
/** Estimated Jaccard similarity from which two articles are near-duplicates. */
export const DUPLICATE_THRESHOLD = 0.6;
/** Below this many shingles a text is too short to compare reliably (no signature). */
export const MIN_SHINGLES = 8;

/** Hash family h_i(x) = A_i * fmix(x) + B_i (mod 2^32), A_i odd: one multiply per hash on a well-mixed input. */
const MUL = new Int32Array(NUM_HASHES);
const ADD = new Int32Array(NUM_HASHES);
{
  let x = 0x9e3779b9;
  for (let i = 0; i < NUM_HASHES; i++) {
    x = fmix32((x + 0x6d2b79f5) >>> 0);
    MUL[i] = x | 1;
    x = fmix32((x + 0x6d2b79f5) >>> 0);
    ADD[i] = x;
  }
}

/** MurmurHash3's finaliser: a good 32-bit mixer. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over a string's UTF-16 code units. */
export function fnv1a(s: string, h = 0x811c9dc5): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Shingle hashes of terms (in text order). `text` is the original text the
 * terms' offsets point into; a newline between two terms is a paragraph break.
 */
export function shingles(terms: Term[], text: string, size = 3): Set<number> {
  const out = new Set<number>();
  let para: string[] = [];
  const flush = (): void => {
    if (para.length === 0) return;
    if (para.length < size) out.add(fnv1a(para.join(' ')));
    else for (let i = 0; i + size <= para.length; i++) out.add(fnv1a(para.slice(i, i + size).join(' ')));
    para = [];
  };
  for (let i = 0; i < terms.length; i++) {
    if (i > 0 && text.slice(terms[i - 1].end, terms[i].start).includes('\n')) flush();
    para.push(terms[i].term);
  }
  flush();
  return out;
}

/** MinHash signature of a shingle set, or null when the set is too small to compare. */
export function minhash(sh: Set<number>): Uint32Array | null {
  if (sh.size < MIN_SHINGLES) return null;
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  for (const x0 of sh) {
    const x = fmix32(x0);
    for (let i = 0; i < NUM_HASHES; i++) {
      const v = (Math.imul(x, MUL[i]) + ADD[i]) >>> 0;
      if (v < sig[i]) sig[i] = v;
    }
  }
  return sig;
}

/** Fraction of equal signature positions: an estimate of the Jaccard similarity. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let eq = 0;
  for (let i = 0; i < NUM_HASHES; i++) if (a[i] === b[i]) eq++;
  return eq / NUM_HASHES;
}

function bandKey(sig: Uint32Array, band: number): number {
  let h = fmix32(band + 1);
  for (let r = 0; r < ROWS; r++) h = fmix32((h ^ sig[band * ROWS + r]) >>> 0);
  return h;
}

/** An in-memory LSH index over signatures of first copies. */
export class LshIndex {
  private buckets = new Map<number, number[]>();
  private sigs = new Map<number, Uint32Array>();

  get size(): number {
    return this.sigs.size;
  }

  add(id: number, sig: Uint32Array): void {
    this.sigs.set(id, sig);
    for (let b = 0; b < BANDS; b++) {
      const k = bandKey(sig, b);
      const list = this.buckets.get(k);
      if (list) list.push(id);
      else this.buckets.set(k, [id]);
    }
  }

  /** The most similar indexed signature at or above the threshold, or null. */
  best(sig: Uint32Array, threshold = DUPLICATE_THRESHOLD): { id: number; similarity: number } | null {
    const seen = new Set<number>();
    let best: { id: number; similarity: number } | null = null;
    for (let b = 0; b < BANDS; b++) {
      const list = this.buckets.get(bandKey(sig, b));
      if (!list) continue;
      for (const id of list) {
        if (seen.has(id)) continue;
        seen.add(id);
        const s = similarity(sig, this.sigs.get(id)!);
        if (s >= threshold && (!best || s > best.similarity || (s === best.similarity && id < best.id))) best = { id, similarity: s };
      }
    }
    return best;
  }
}
