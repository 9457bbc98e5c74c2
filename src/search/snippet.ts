/**
 * Highlighted snippets built from the ORIGINAL text with offsets: the text is
 * re-analysed (same analyzer as the index), query clauses are located as term
 * sequences, and the best window is cut from the original string.
 */
import { analyzeText, type ParsedQuery } from './analyzer.ts';

export interface SnippetOptions {
  /** Marker before a hit (default `<mark>`). */
  open?: string;
  /** Marker after a hit (default `</mark>`). */
  close?: string;
  /** Approximate length of the snippet in characters (default 200). */
  length?: number;
  /** Only look for hits from this offset on (e.g. the body start). */
  from?: number;
}

const MAX_SCAN = 100_000;

/** Original [start, end) ranges of every clause occurrence in the text. */
export function findHits(text: string, q: ParsedQuery, from = 0): { start: number; end: number; clause: number }[] {
  // A giant article is only scanned near its start: a snippet must stay cheap.
  const terms = analyzeText(text.length > MAX_SCAN ? text.slice(0, from + MAX_SCAN) : text);
  const hits: { start: number; end: number; clause: number }[] = [];
  for (let i = 0; i < terms.length; i++) {
    if (terms[i].start < from) continue;
    for (let c = 0; c < q.clauses.length; c++) {
      const cl = q.clauses[c];
      if (i + cl.length > terms.length) continue;
      let ok = true;
      for (let k = 0; k < cl.length; k++) {
        if (terms[i + k].term !== cl[k]) {
          ok = false;
          break;
        }
      }
      if (ok) hits.push({ start: terms[i].start, end: terms[i + cl.length - 1].end, clause: c });
    }
  }
  return hits;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\t' || c === '\r';
}

/** The best window of the text around the query's hits, hits wrapped in markers, whitespace collapsed. */
export function makeSnippet(text: string, q: ParsedQuery, opts: SnippetOptions = {}): string {
  const open = opts.open ?? '<mark>';
  const close = opts.close ?? '</mark>';
  const size = opts.length ?? 200;
  const from = opts.from ?? 0;
  let hits = findHits(text, q, from);
  if (hits.length === 0 && from > 0) hits = findHits(text, q, 0);
  let start: number;
  if (hits.length === 0) {
    start = from;
  } else {
    // Window start at a hit maximising the number of distinct clauses covered.
    let best = 0;
    let bestScore = -1;
    for (let i = 0; i < hits.length; i++) {
      const seen = new Set<number>();
      let n = 0;
      for (let j = i; j < hits.length && hits[j].end - hits[i].start <= size; j++) {
        seen.add(hits[j].clause);
        n++;
      }
      const score = seen.size * 100 + n;
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    start = Math.max(from > hits[best].start ? 0 : from, hits[best].start - Math.floor(size / 5));
  }
  let end = Math.min(text.length, start + size);
  // Snap to word boundaries in the original text.
  for (let g = 0; g < 30 && start > 0 && !isSpace(text[start - 1]); g++) start--;
  for (let g = 0; g < 30 && end < text.length && !isSpace(text[end]); g++) end++;
  // Never split a surrogate pair.
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++;
  let out = start > 0 ? '… ' : '';
  let pos = start;
  for (const h of hits) {
    if (h.start < pos || h.end > end) continue;
    out += text.slice(pos, h.start) + open + text.slice(h.start, h.end) + close;
    pos = h.end;
  }
  out += text.slice(pos, end);
  if (end < text.length) out += ' …';
  return out.replace(/\s+/g, ' ').trim();
}
