/**
 * Arabic clitic morphotactics as PADT segments them: proclitics (و ف)(ب ل ك س),
 * a stem (the article ال stays on the stem), an enclitic pronoun. Candidate
 * generation enumerates the splits a surface word allows, with PADT's
 * orthographic restorations (ل + ال from لل, ة from ت, ى from ا/ي, وا from و,
 * ء from ئ/ؤ before an enclitic); a learnt ranker picks one.
 */

/** Conjunction proclitics (first slot). */
export const CONJ = ['و', 'ف'] as const;
/** Preposition / future / emphasis proclitics (second slot). */
export const PREP = ['ب', 'ل', 'ك', 'س'] as const;
/** Enclitics, longest first. */
export const ENCLITICS = ['هما', 'كما', 'ها', 'هم', 'هن', 'كم', 'كن', 'نا', 'ني', 'ما', 'ه', 'ك', 'ي'] as const;

const CONJ_SET = new Set<string>(CONJ);
const PREP_SET = new Set(['ب', 'ل', 'ك']);

/** One way of splitting a surface word. */
export interface Candidate {
  /** Proclitic forms in order ("و", "ب"). */
  pre: string[];
  /** Stem form, restored (PADT orthography). */
  stem: string;
  /** Enclitic form, or "" for none. */
  enc: string;
  /** Surface characters taken by the proclitics (one each). */
  preLen: number;
  /** Surface characters taken by the enclitic. */
  encLen: number;
  /** Which restoration produced the stem: "", "lal" (ل+ال), "lall", "ta", "alef", "ya", "wa", "hamza". */
  restore: string;
}

/** Syntactic-word forms of a candidate, in order. */
export function candidateForms(c: Candidate): string[] {
  const out = c.pre.slice();
  out.push(c.stem);
  if (c.enc) out.push(c.enc);
  return out;
}

export function candidateKey(c: Candidate): string {
  return candidateForms(c).join('+');
}

const MIN_STEM = 1;

function pushStemVariants(out: Candidate[], pre: string[], preLen: number, stem: string, enc: string, encLen: number): void {
  out.push({ pre, stem, enc, preLen, encLen, restore: '' });
  // Egyptian spelling: final ى for ي (وفى = و + في)
  if (!enc && stem.length >= 2 && stem.endsWith('ى')) out.push({ pre, stem: `${stem.slice(0, -1)}ي`, enc, preLen, encLen, restore: 'yeh' });
  if (!enc || stem.length < 2) return;
  const last = stem[stem.length - 1];
  const body = stem.slice(0, -1);
  if (last === 'ت') out.push({ pre, stem: `${body}ة`, enc, preLen, encLen, restore: 'ta' });
  else if (last === 'ا') out.push({ pre, stem: `${body}ى`, enc, preLen, encLen, restore: 'alef' });
  else if (last === 'ي') out.push({ pre, stem: `${body}ى`, enc, preLen, encLen, restore: 'ya' });
  else if (last === 'و' && stem.length > 2) out.push({ pre, stem: `${stem}ا`, enc, preLen, encLen, restore: 'wa' });
  else if (last === 'ئ' || last === 'ؤ') out.push({ pre, stem: `${body}ء`, enc, preLen, encLen, restore: 'hamza' });
}

/**
 * Every candidate split of `w` (a cleaned surface word: no diacritics or
 * tatweel). The first candidate is always the unsplit word.
 */
export function candidates(w: string): Candidate[] {
  const out: Candidate[] = [{ pre: [], stem: w, enc: '', preLen: 0, encLen: 0, restore: '' }];
  const n = w.length;
  if (n < 2) return out;
  const encs: Array<[string, number]> = [['', 0]];
  for (const e of ENCLITICS) if (n - e.length >= 1 && w.endsWith(e)) encs.push([e, e.length]);
  const pres: Array<[string[], number]> = [[[], 0]];
  const c0 = w[0];
  const conj = c0 === 'و' || c0 === 'ف';
  if (conj) pres.push([[c0], 1]);
  for (const [p, len] of pres.slice()) {
    const c = w[len];
    if (c === 'ب' || c === 'ل' || c === 'ك' || c === 'س') pres.push([[...p, c], len + 1]);
  }
  for (const [pre, preLen] of pres) {
    for (const [enc, encLen] of encs) {
      if (preLen === 0 && encLen === 0) continue;
      const stem = w.slice(preLen, n - encLen);
      // a one-letter stem with proclitics is only a preposition carrying a pronoun (وبه = و + ب + ه)
      if (
        stem.length < MIN_STEM ||
        (stem.length === 1 && preLen > 0 && !(encLen > 0 && pre.length === 1 && CONJ_SET.has(pre[0]) && PREP_SET.has(stem)))
      )
        continue;
      // ل + ال spelt لل: the stem gets its article back.
      if (pre.length > 0 && pre[pre.length - 1] === 'ل' && stem[0] === 'ل' && stem.length >= 2) {
        out.push({ pre, stem: `ا${stem}`, enc, preLen, encLen, restore: 'lal' });
        if (stem[1] === 'ل' || stem.length >= 3) out.push({ pre, stem: `ال${stem}`, enc, preLen, encLen, restore: 'lall' });
      }
      pushStemVariants(out, pre, preLen, stem, enc, encLen);
    }
  }
  return out;
}

/** Alef/hamza/ya/ta-marbuta folding used to look stems up regardless of hamza spelling. */
export function foldHamza(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0622 || c === 0x0623 || c === 0x0625 || c === 0x0671) out += 'ا';
    else if (c === 0x0670) continue;
    else out += s[i];
  }
  return out;
}

/**
 * Surface character boundaries of each syntactic word of `surface` for an
 * arbitrary split (from the lexicon): part i covers [b[i], b[i+1]). Lengths
 * follow the spelling rules of `candidates`; a mismatch is absorbed by the last part.
 */
export function partBoundaries(surface: string, forms: string[]): number[] {
  const b = [0];
  let pos = 0;
  let prevLam = false;
  for (let i = 0; i < forms.length; i++) {
    const f = forms[i];
    let len = 0;
    for (let k = 0; k < f.length; k++) if (f.charCodeAt(k) !== 0x0670) len++;
    const more = i + 1 < forms.length;
    if (more && len > 2 && f.endsWith('وا')) len--;
    else if (
      more &&
      (f === 'عن' || f === 'من' || f === 'إن' || f === 'أن') &&
      (forms[i + 1].startsWith('م') || forms[i + 1].startsWith('ن'))
    )
      len--;
    if (prevLam && f.startsWith('ال')) len -= f.startsWith('الل') && !surface.slice(pos).startsWith('لل') ? 2 : 1;
    prevLam = f === 'ل';
    pos = Math.min(surface.length, pos + Math.max(0, len));
    b.push(pos);
  }
  b[b.length - 1] = surface.length;
  // keep boundaries non-decreasing and give every part at least an empty span inside the word
  for (let i = 1; i < b.length; i++) if (b[i] < b[i - 1]) b[i] = b[i - 1];
  return b;
}
