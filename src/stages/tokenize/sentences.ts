import { readFileSync } from 'node:fs';
import { dataFile } from '../../core/paths.ts';
import type { Token } from '../../core/types.ts';
import { matchForm } from '../../text/normalize.ts';

/** Abbreviations (matching form, no final dot) after which "." does not end a sentence. */
export function loadAbbreviations(path = dataFile('text', 'abbreviations.tsv')): Set<string> {
  const set = new Set<string>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const abbr = line.split('\t')[0].trim();
    if (abbr) {
      set.add(matchForm(abbr));
      set.add(abbr.toLowerCase());
    }
  }
  return set;
}

const TERMINAL = new Set(['.', '!', '?', '؟', '۔']);
const CLOSERS = new Set(['»', '«', '”', '’', ')', ']', '}', '›', '"', "'"]);
/** The mark a closer pairs with; « and » pair both ways (some papers write »quote«). */
const PARTNER: Record<string, string> = { '»': '«', '«': '»', '”': '“', '’': '‘', ')': '(', ']': '[', '}': '{', '›': '‹' };
const OPEN_TO_CLOSE: Record<string, string> = { '«': '»', '“': '”', '‹': '›' };
/** A quotation longer than this (characters) may hold sentence boundaries. */
const MAX_QUOTE_SPAN = 400;

/** A stop that ends a sentence: . ! ? ؟ and runs of them, but not an ellipsis ("..." "…"), which Arabic news uses mid-sentence. */
function isTerminal(t: Token): boolean {
  if (t.kind !== 'punct' || t.text === '...' || t.text === '..') return false;
  for (let i = 0; i < t.text.length; i++) if (!TERMINAL.has(t.text[i])) return false;
  return true;
}

function hasNewline(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d || c === 0x2029 || c === 0x2028) return true;
  }
  return false;
}

/**
 * Sentence boundaries over `tokens[from, to)`: returns the token indices at
 * which a new sentence starts (always including `from` when the range is not empty).
 * Boundaries: line breaks; . ! ? ؟ … (with the closing quotes and brackets
 * that follow) — not after abbreviations (د. م. Dr.), not inside a balanced
 * quotation that closes later in the same paragraph.
 */
export function sentenceStarts(text: string, tokens: Token[], from: number, to: number, abbreviations: Set<string>): number[] {
  const starts: number[] = [];
  if (from >= to) return starts;
  starts.push(from);
  // Spans of balanced quotations within one paragraph: no boundary inside them.
  const inQuote = quotedRanges(text, tokens, from, to);
  for (let i = from + 1; i < to; i++) {
    const prev = tokens[i - 1];
    const tok = tokens[i];
    if (hasNewline(text, prev.end, tok.start)) {
      if (starts[starts.length - 1] !== i) starts.push(i);
      continue;
    }
    if (!isTerminal(prev)) continue;
    // A spaced ellipsis ". . ." (tokenised text) is not a stop either.
    if (prev.text === '.' && (tok.text === '.' || (i >= 2 && tokens[i - 2].text === '.'))) continue;
    if (inQuote[i - 1 - from]) continue;
    if (prev.text === '.' && i >= 2 && isAbbreviation(tokens, i - 2, abbreviations)) continue;
    if (prev.text === '.' && i >= 2 && isDottedAcronym(tokens, i - 1)) continue;
    // the final dot of initials ("وقالت إليم دي.اس. بوبليت"): X.Y. before a word
    if (prev.text === '.' && i >= 4 && tokens[i - 2].end === prev.start && isDottedAcronym(tokens, i - 3) && tok.kind === 'word') continue;
    // Closing quotes and brackets right after the stop belong to this sentence.
    let b = i;
    while (
      b < to &&
      CLOSERS.has(tokens[b].text) &&
      !hasNewline(text, tokens[b - 1].end, tokens[b].start) &&
      closes(tokens, b, starts[starts.length - 1])
    )
      b++;
    if (b < to && hasNewline(text, tokens[b - 1].end, tokens[b].start)) {
      // the closer ends the line ('..."' then a new paragraph): the line break is the boundary
      if (starts[starts.length - 1] !== b) starts.push(b);
    } else if (b < to) {
      // A terminal mark followed by more terminal marks ("!؟") stays together.
      if (isTerminal(tokens[b])) continue;
      if (starts[starts.length - 1] !== b) starts.push(b);
    }
    i = b;
  }
  return starts;
}

/** Whether the closer at index b closes something opened earlier in the sentence that starts at `from`. */
function closes(tokens: Token[], b: number, from: number): boolean {
  const t = tokens[b].text;
  let n = 0;
  if (t === '"' || t === "'") {
    for (let k = from; k < b; k++) if (tokens[k].text === t) n++;
    return n % 2 === 1;
  }
  const p = PARTNER[t];
  for (let k = from; k < b; k++) {
    if (tokens[k].text === p) n++;
    else if (tokens[k].text === t) n--;
  }
  return n > 0;
}

/**
 * A dot glued between short letter groups is inside an acronym written with dots
 * ("سي.بي.اس"، "إف.بي.آي"): no space on either side and a group of at most three letters on each side.
 */
function isDottedAcronym(tokens: Token[], d: number): boolean {
  const w = tokens[d - 1];
  const n = tokens[d + 1];
  if (!w || !n || w.end !== tokens[d].start || tokens[d].end !== n.start) return false;
  const short = (t: Token): boolean => (t.kind === 'word' || t.kind === 'latin') && t.text.length <= 3;
  return short(w) && short(n);
}

function isAbbreviation(tokens: Token[], k: number, abbreviations: Set<string>): boolean {
  const w = tokens[k];
  const dot = tokens[k + 1];
  const spaced = w.end !== dot.start;
  if (w.kind === 'word') {
    const n = w.norm;
    // A single letter before a dot is an abbreviation (د. م. أ.), also when tokenised text spaces it ("د .").
    if (n.length === 1) {
      // "2014م." ends a sentence: م/هـ after a number is the era mark.
      if ((n === 'م' || n === 'ه') && k > 0 && tokens[k - 1].kind === 'number') return false;
      return true;
    }
    return !spaced && abbreviations.has(n);
  }
  if (spaced) return false;
  if (w.kind === 'latin') return w.text.length === 1 || abbreviations.has(w.text.toLowerCase()) || abbreviations.has(w.text);
  return false;
}

/** For each token in [from, to): true when it lies inside a balanced quotation that closes in the same paragraph. */
function quotedRanges(text: string, tokens: Token[], from: number, to: number): Uint8Array {
  const inside = new Uint8Array(to - from);
  const stack: { close: string; at: number }[] = [];
  let straightOpen = -1;
  let reversed: boolean | null = null;
  for (let i = from; i < to; i++) {
    if (i > from && hasNewline(text, tokens[i - 1].end, tokens[i].start)) {
      stack.length = 0;
      straightOpen = -1;
      reversed = null;
    }
    if (tokens[i].kind !== 'punct') continue;
    const t = tokens[i].text;
    // The first guillemet of a paragraph tells its convention: «quote» or »quote«.
    if (reversed === null && (t === '«' || t === '»')) reversed = t === '»';
    const close = reversed && (t === '«' || t === '»') ? (t === '»' ? '«' : undefined) : OPEN_TO_CLOSE[t];
    if (close) {
      stack.push({ close, at: i });
      continue;
    }
    if (t === '"') {
      if (straightOpen < 0) straightOpen = i;
      else {
        mark(inside, tokens, straightOpen, i, from);
        straightOpen = -1;
      }
      continue;
    }
    for (let s = stack.length - 1; s >= 0; s--) {
      if (stack[s].close === t) {
        mark(inside, tokens, stack[s].at, i, from);
        stack.length = s;
        break;
      }
    }
  }
  return inside;
}

function mark(inside: Uint8Array, tokens: Token[], open: number, close: number, from: number): void {
  if (tokens[close].end - tokens[open].start > MAX_QUOTE_SPAN) return;
  // A stop inside the quotation does not end the sentence while the quotation goes on;
  // a stop right before the closing mark does (the closer is then absorbed).
  for (let k = open; k < close - 1; k++) inside[k - from] = 1;
}
