/**
 * What the networks added to the perceptron tagger share (`neural.ts`,
 * `bilstm.ts`): the gate on emission margins, adding weighted
 * log-probabilities in the perceptron's label order, and their vocabularies.
 */
import type { TagWord } from './tagger.ts';

/**
 * The positions whose best score (n × L, in `scores`) leads the second by less
 * than `gate`: null when the gate is infinite (every position), false when no
 * position passes.
 */
export function gateMask(scores: Float64Array, n: number, L: number, gate: number): Uint8Array | null | false {
  if (!Number.isFinite(gate)) return null;
  const only = new Uint8Array(n);
  let any = false;
  for (let i = 0; i < n; i++) {
    let best = Number.NEGATIVE_INFINITY;
    let second = Number.NEGATIVE_INFINITY;
    for (let l = 0; l < L; l++) {
      const v = scores[i * L + l];
      if (v > best) {
        second = best;
        best = v;
      } else if (v > second) second = v;
    }
    if (best - second < gate) {
      only[i] = 1;
      any = true;
    }
  }
  return any ? only : false;
}

/** Maps a network's tag order to the perceptron's labels (−1: a label the network lacks), cached per labels array. */
export class LabelMap {
  private mapFor: readonly string[] | null = null;
  private map = new Int32Array(0);

  constructor(private readonly tags: readonly string[]) {}

  of(labels: readonly string[]): Int32Array {
    if (this.mapFor !== labels) {
      this.mapFor = labels;
      this.map = Int32Array.from(labels, (l) => this.tags.indexOf(l));
    }
    return this.map;
  }
}

/** emit (n × labels) += weight × lp (n × T, the network's order via `map`) at the positions of `only` (null: all). */
export function addWeighted(
  emit: Float64Array,
  lp: Float32Array,
  n: number,
  T: number,
  map: Int32Array,
  weight: number,
  only: Uint8Array | null,
): void {
  const Lb = map.length;
  for (let i = 0; i < n; i++) {
    if (only && !only[i]) continue;
    for (let l = 0; l < Lb; l++) emit[i * Lb + l] += map[l] < 0 ? weight * Math.log(1e-7) : weight * lp[i * T + map[l]];
  }
}

/** Keys seen at least twice in the training words, sorted (learnt embedding vocabularies). */
export function vocabulary(sentences: ReadonlyArray<{ words: TagWord[] }>, keysOf: (w: TagWord) => string[]): string[] {
  const c = new Map<string, number>();
  for (const s of sentences) for (const w of s.words) for (const k of keysOf(w)) c.set(k, (c.get(k) ?? 0) + 1);
  return [...c]
    .filter(([, n]) => n >= 2)
    .map(([k]) => k)
    .sort();
}
