/**
 * A toy tagging task shared by the sequence-learner tests: "صيد" is a NOUN after "هذا" and a VERB after a noun, so
 * only the transitions can tell. (Test data only; nothing in the pipeline imports it.)
 */
import { toKeys } from './perceptron.ts';

export const TOY_SENTS: Array<[string, string][]> = [
  [
    ['هذا', 'DET'],
    ['صيد', 'NOUN'],
  ],
  [
    ['الرجال', 'NOUN'],
    ['صيد', 'VERB'],
  ],
  [
    ['هذا', 'DET'],
    ['قط', 'NOUN'],
    ['نام', 'VERB'],
  ],
  [
    ['الرجال', 'NOUN'],
    ['نام', 'VERB'],
  ],
  [
    ['هذا', 'DET'],
    ['بيت', 'NOUN'],
  ],
  [
    ['القطط', 'NOUN'],
    ['صيد', 'VERB'],
  ],
];
/** Four of them (the learners' own tests: their epochs were set on this set). */
export const TOY_SENTS_4 = TOY_SENTS.filter((_, i) => i !== 3 && i !== 4);
export const TOY_LABELS = ['DET', 'NOUN', 'VERB'];
/** The task on the key path: one `w=` key per word, gold label indices. */
export const toyKeyed = (): Array<{ keys: Uint32Array[]; gold: Int32Array }> =>
  TOY_SENTS_4.map((s) => ({
    keys: s.map(([w]) => toKeys([`w=${w}`])),
    gold: Int32Array.from(s, ([, t]) => TOY_LABELS.indexOf(t)),
  }));
