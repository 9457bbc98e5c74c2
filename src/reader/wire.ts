import { readFileSync } from 'node:fs';
import { dataFile } from '../core/paths.ts';
import type { Span } from '../core/types.ts';
import { matchForm } from '../text/normalize.ts';

/**
 * Recognises the parts of a wire story inside a body of text: a dateline at its
 * start (`دمشق-سانا`, `بغداد (رويترز) -`, `القاهرة - أ ف ب:`) and a source credit
 * at its end (`(رويترز)`, `البعث ميديا -سانا`, `المصدر: الجزيرة`).
 * Agencies and cue words come from `data/reader/`.
 */

export interface Agency {
  canonical: string;
  english: string;
}

interface Lexicon {
  /** Agency variants keyed by their squeezed matching form (no spaces or dots). */
  agencies: Map<string, Agency>;
  /** Longest variant length in words, for the scan. */
  maxWords: number;
  creditCues: Set<string>;
}

let lexicon: Lexicon | null = null;

function readTsv(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t').map((x) => x.trim()));
}

/** Matching form with spaces, dots and hyphens removed: "أ.ف.ب" = "أ ف ب" = "افب". */
function squeeze(s: string): string {
  return matchForm(s).replace(/[\s.\u00a0-]+/g, '');
}

function loadLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const agencies = new Map<string, Agency>();
  let maxWords = 1;
  for (const [variant, canonical, english] of readTsv(dataFile('reader', 'agencies.tsv'))) {
    agencies.set(squeeze(variant), { canonical: canonical ?? variant, english: english ?? '' });
    maxWords = Math.max(maxWords, variant.split(/\s+/).length);
  }
  const creditCues = new Set(readTsv(dataFile('reader', 'credit-cues.tsv')).map((r) => matchForm(r[0])));
  lexicon = { agencies, maxWords, creditCues };
  return lexicon;
}

/** The agency named by a short string ("(رويترز)", "أ.ف.ب", "سانا"), if any. */
export function findAgency(s: string): Agency | undefined {
  const key = squeeze(s.replace(/[()[\]]/g, ''));
  if (!key || key.length > 40) return undefined;
  return loadLexicon().agencies.get(key);
}

export interface Dateline {
  span: Span;
  place?: string;
  agency?: string;
}

const DASHES = '-–—';
const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\u00a0';

/**
 * A dateline at text[from...]: a place (one to four words, optionally a date
 * after a comma), then an agency in parentheses or after a dash, ending with a
 * dash or colon; or a place alone followed by a spaced dash. Only the first
 * line's first 160 characters are examined, so this is cheap on any input.
 */
export function findDateline(text: string, from: number, to: number): Dateline | undefined {
  let lineEnd = text.indexOf('\n', from);
  if (lineEnd < 0 || lineEnd > to) lineEnd = to;
  const limit = Math.min(lineEnd, from + 160);
  let p = from;
  while (p < limit && isSpace(text[p])) p++;
  const start = p;
  // Place: up to the first dash, parenthesis, colon or comma.
  let q = p;
  while (q < limit && !DASHES.includes(text[q]) && text[q] !== '(' && text[q] !== ':' && text[q] !== '،' && text[q] !== ',') q++;
  if (q >= limit) return undefined;
  const place = text.slice(p, q).trim();
  const placeWords = place ? place.split(/\s+/).length : 0;
  if (placeWords === 0 || placeWords > 4 || /[.!?؟«»"]/.test(place)) return undefined;
  // Optional date after a comma: "بيروت، 12 حزيران 2013 (أ ف ب) -".
  if (text[q] === '،' || text[q] === ',') {
    let r = q + 1;
    while (r < limit && text[r] !== '(' && !DASHES.includes(text[r])) r++;
    if (r - q > 40 || r >= limit) return undefined;
    q = r;
  }
  let agency: string | undefined;
  let end = -1;
  if (text[q] === '(') {
    const close = text.indexOf(')', q);
    if (close < 0 || close > limit) return undefined;
    const a = findAgency(text.slice(q + 1, close));
    if (!a) {
      // A parenthesised gloss of the place ("نيويورك (الأمم المتحدة) - أ ف ب:"): skip it, then expect a dash.
      if (close - q > 40) return undefined;
      let r = close + 1;
      while (r < limit && isSpace(text[r])) r++;
      if (r >= limit || !DASHES.includes(text[r])) return undefined;
      return datelineAfterDash(text, start, place, placeWords, r, limit);
    }
    agency = a.canonical;
    end = close + 1;
    let r = end;
    while (r < limit && isSpace(text[r])) r++;
    if (r < limit && (DASHES.includes(text[r]) || text[r] === ':')) end = r + 1;
    // "(CNN)--": a run of dashes
    while (end < limit && DASHES.includes(text[end]) && DASHES.includes(text[end - 1])) end++;
  } else if (DASHES.includes(text[q])) {
    return datelineAfterDash(text, start, place, placeWords, q, limit);
  } else if (text[q] === ':') {
    return undefined; // "قرقاش: ..." is a headline attribution, not a dateline
  }
  if (end < 0) return undefined;
  return { span: { start, end }, place: place || undefined, agency };
}

/** The rest of a dateline from the dash at `q`: an agency after it ("دمشق-سانا", "القاهرة - أ ف ب:"), or a place alone ("واشنطن - "). */
function datelineAfterDash(text: string, start: number, place: string, placeWords: number, q: number, limit: number): Dateline | undefined {
  let agency: string | undefined;
  let end = -1;
  // "دمشق-سانا" / "القاهرة - أ ف ب:" / "واشنطن - " (place alone).
  let r = q + 1;
  while (r < limit && isSpace(text[r])) r++;
  // Try agency words after the dash, longest first.
  const words: Array<[number, number]> = [];
  let w = r;
  while (w < limit && words.length < loadLexicon().maxWords + 2) {
    let e = w;
    while (e < limit && !isSpace(text[e]) && !DASHES.includes(text[e]) && text[e] !== ':' && text[e] !== '،' && text[e] !== ',') e++;
    if (e === w) break;
    words.push([w, e]);
    w = e;
    while (w < limit && isSpace(text[w])) w++;
    if (text[w] === ':' || DASHES.includes(text[w]) || text[w] === '،' || text[w] === ',') break;
  }
  for (let n = words.length; n >= 1; n--) {
    const a = findAgency(text.slice(r, words[n - 1][1]));
    if (a) {
      agency = a.canonical;
      end = words[n - 1][1];
      let s = end;
      while (s < limit && isSpace(text[s])) s++;
      if (s < limit && (text[s] === ':' || DASHES.includes(text[s]))) end = s + 1;
      break;
    }
  }
  if (!agency) {
    // Place alone: needs a spaced dash ("واشنطن - ") and a short place, to avoid cutting hyphenated text.
    if (!(q > start && isSpace(text[q - 1]) && isSpace(text[q + 1] ?? '')) || placeWords > 2) return undefined;
    end = q + 1;
  }
  return { span: { start, end }, place: place || undefined, agency };
}

export interface Credit {
  span: Span;
  agency?: string;
}

/**
 * A credit at the end of text[from, to): the last line when it is a credit
 * line, or a trailing parenthesised agency/sign-off at the end of the last paragraph.
 */
export function findCredit(text: string, from: number, to: number): Credit | undefined {
  let e = to;
  while (e > from && /\s/.test(text[e - 1])) e--;
  if (e <= from) return undefined;
  let s = text.lastIndexOf('\n', e - 1) + 1;
  if (s < from) s = from;
  while (s < e && /\s/.test(text[s])) s++;
  const line = text.slice(s, e);
  const lex = loadLexicon();
  // A whole last line that is a credit (short, not a sentence).
  if (s > from && line.length <= 80) {
    const bare = line.replace(/^[([]+|[)\].]+$/g, '').trim();
    const a = findAgency(bare);
    if (a) return { span: { start: s, end: e }, agency: a.canonical };
    // "البعث ميديا -سانا", "المصدر: الجزيرة"
    const dash = Math.max(bare.lastIndexOf('-'), bare.lastIndexOf('–'), bare.lastIndexOf('/'));
    if (dash > 0) {
      const tail = findAgency(bare.slice(dash + 1));
      if (tail) return { span: { start: s, end: e }, agency: tail.canonical };
    }
    const colon = bare.indexOf(':');
    const head = matchForm((colon > 0 ? bare.slice(0, colon) : bare.split(/\s+/)[0]).trim());
    if (colon > 0 && lex.creditCues.has(head)) {
      return { span: { start: s, end: e }, agency: findAgency(bare.slice(colon + 1))?.canonical ?? bare.slice(colon + 1).trim() };
    }
  }
  // A trailing parenthesis at the end of the last paragraph: "... المقبل. (رويترز)".
  if (text[e - 1] === ')') {
    const open = text.lastIndexOf('(', e - 1);
    if (open >= s && e - open <= 120) {
      const inner = text.slice(open + 1, e - 1);
      const a = findAgency(inner);
      const first = matchForm(inner.trim().split(/\s+/)[0] ?? '');
      if (a || lex.creditCues.has(first)) {
        let st = open;
        while (st > from && isSpace(text[st - 1])) st--;
        return { span: { start: open, end: e }, agency: a?.canonical };
      }
    }
  }
  return undefined;
}
