/**
 * The search analyzer: turns text into index terms with offsets into the
 * original text. The SAME function analyses documents and queries, so that a
 * query word matches every spelling and clitic form of it:
 *
 *  1. matching form (`normalize(..., {matching: true})`): diacritics, tatweel,
 *     alef forms, ى/ي, ة/ه, digits, elongation folded;
 *  2. word = a run of letters/digits (anything else separates words);
 *  3. light stemming in the style of Larkey's light10 (what Lucene's Arabic
 *     analyzer does): strip و, then one of the definite-article prefixes
 *     (وال بال كال فال لل ال), then common suffixes, always keeping a stem of at
 *     least two or three letters. So الأسلحة and وبالأسلحة both give اسلح, and
 *     سوريا and سورية both give سور.
 *
 * Stop words are dropped from both sides (positions are not kept for them), so
 * phrase queries still match consistently.
 */
import { readFileSync } from 'node:fs';
import { dataFile } from '../core/paths.ts';
import { normalize } from '../text/normalize.ts';

export interface Term {
  /** The index term. */
  term: string;
  /** Original-text offsets of the surface word, half-open. */
  start: number;
  end: number;
}

/** The analyzer's language data (`data/search/`): affixes, و-initial words, stop words. */
function lines(file: string): string[] {
  return readFileSync(dataFile('search', file), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}
const AFFIXES = lines('affixes.tsv').map((l) => l.split('\t'));
/** Definite-article prefixes, longest first. */
const ARTICLES = AFFIXES.filter(([k]) => k === 'article')
  .map(([, a]) => a)
  .sort((x, y) => y.length - x.length);
/** Suffixes, tried in file order, each at most once. */
const SUFFIXES = AFFIXES.filter(([k]) => k === 'suffix').map(([, a]) => a);
/** Frequent words whose first letter و belongs to the word: not stripped as the conjunction. */
const WAW_WORDS = lines('waw-initial.txt');

function wawIsRoot(w: string): boolean {
  for (const p of WAW_WORDS) if (w.startsWith(p)) return true;
  return false;
}

/** Very frequent function words (matching form, before stemming). */
const STOP = new Set(lines('stopwords.txt'));

function isWordChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) || // 0-9
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || // Latin-1/Extended letters
    (c >= 0x0621 && c <= 0x064a) ||
    (c >= 0x0671 && c <= 0x06d3) ||
    c === 0x06d5
  );
}

function isArabic(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 0x0621 && c <= 0x06d5;
}

/** Light stem of one word already in matching form. */
export function lightStem(w: string): string {
  if (!isArabic(w)) return w.toLowerCase();
  if (w.length > 3 && w.charCodeAt(0) === 0x0648 /* و */ && (!wawIsRoot(w) || wawIsRoot(w.slice(1)))) w = w.slice(1);
  for (const p of ARTICLES) {
    if (w.length - p.length >= 2 && w.startsWith(p)) {
      w = w.slice(p.length);
      break;
    }
  }
  for (const s of SUFFIXES) {
    if (w.length - s.length >= 3 && w.endsWith(s)) w = w.slice(0, -s.length);
  }
  return w;
}

/** True for a stop word (matching form). */
export function isStopWord(w: string): boolean {
  if (STOP.has(w)) return true;
  return w.charCodeAt(0) < 0x0600 && STOP.has(w.toLowerCase());
}

/** Analyse text into terms with original offsets (documents and queries alike). */
export function analyzeText(text: string): Term[] {
  const n = normalize(text, { diacritics: true, digits: true, matching: true });
  const t = n.text;
  const out: Term[] = [];
  let i = 0;
  const len = t.length;
  while (i < len) {
    while (i < len && !isWordChar(t.charCodeAt(i))) i++;
    if (i >= len) break;
    const s = i;
    while (i < len && isWordChar(t.charCodeAt(i))) i++;
    const word = t.slice(s, i);
    if (isStopWord(word)) continue;
    const term = lightStem(word);
    if (term.length === 0) continue;
    const start = n.offsets[s];
    const end = i < len ? n.offsets[i] : n.offsets[len];
    out.push({ term, start, end: Math.max(end, start + 1) });
  }
  return out;
}

/** The terms of a text joined by spaces: what the full-text index stores. */
export function termString(text: string): string {
  const terms = analyzeText(text);
  let s = '';
  for (let i = 0; i < terms.length; i++) s += (i ? ' ' : '') + terms[i].term;
  return s;
}

/** A parsed query: groups of terms; a group of more than one term is a phrase. */
export interface ParsedQuery {
  /** Each clause is a sequence of terms that must appear adjacent (a single term is a one-word clause). */
  clauses: string[][];
}

/** Parse a user query: words are ANDed; text in double quotes ("..." or «...» or “...”) is a phrase. */
export function parseQuery(q: string): ParsedQuery {
  const clauses: string[][] = [];
  const re = /["«“”»]([^"«“”»]*)["«“”»]?|([^"«“”»]+)/g;
  for (const m of q.matchAll(re)) {
    if (m[1] !== undefined) {
      const terms = analyzeText(m[1]).map((t) => t.term);
      if (terms.length > 0) clauses.push(terms);
    } else if (m[2] !== undefined) {
      for (const t of analyzeText(m[2])) clauses.push([t.term]);
    }
  }
  // Remove repeated one-word clauses.
  const seen = new Set<string>();
  return {
    clauses: clauses.filter((c) => {
      const k = c.join(' ');
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    }),
  };
}

/** The query as an SQLite FTS5 MATCH expression (terms are letters/digits only, quoted anyway). */
export function toFts5(q: ParsedQuery): string {
  return q.clauses.map((c) => `"${c.join(' ')}"`).join(' AND ');
}

/** The query as a PostgreSQL tsquery string for the `simple` configuration. */
export function toTsQuery(q: ParsedQuery): string {
  return q.clauses.map((c) => (c.length === 1 ? `'${c[0]}'` : `(${c.map((t) => `'${t}'`).join(' <-> ')})`)).join(' & ');
}
