/**
 * Light stemming of a syntactic word (after clitic segmentation), in the
 * spirit of Larkey et al.'s Light10, tuned by measurement (see README.md):
 * the matching form (diacritics removed, alef forms → ا, ى → ي, ة → ه), then
 * the article ال removed (word of 4+ letters) and one suffix stripped, longest
 * first: ات ون ين (keeping 3+ letters), ه (ta marbuta), ا (accusative alef)
 * (keeping 2+ letters). ية/ي and ان are NOT stripped: on WikiNews lemmas they
 * merged nisba adjectives with their nouns (عربية/عرب) and names with
 * unrelated words (لبنان/لبن) more often than they helped. Function words
 * (ADP, PRON, CCONJ, SCONJ, DET, PART, AUX, PUNCT, NUM, SYM, INTJ) keep their
 * matching form.
 */
import { matchForm } from '../../text/normalize.ts';

const SUFFIXES = ['ات', 'ون', 'ين', 'ه', 'ا'] as const;
const CLOSED = new Set(['ADP', 'PRON', 'CCONJ', 'SCONJ', 'DET', 'PART', 'AUX', 'PUNCT', 'NUM', 'SYM', 'INTJ']);

/** The light stem of a syntactic-word form; `upos` (optional) protects function words. */
export function lightStem(form: string, upos?: string): string {
  let s = matchForm(form);
  if (upos && CLOSED.has(upos)) return s;
  if (s.length >= 4 && s.startsWith('ال')) s = s.slice(2);
  else if (s.length >= 4 && s.startsWith('لل')) s = s.slice(2);
  for (const suf of SUFFIXES) {
    if (!s.endsWith(suf)) continue;
    const min = suf.length === 2 ? 3 : 2;
    if (s.length - suf.length >= min) s = s.slice(0, s.length - suf.length);
    break;
  }
  return s;
}
