import type { Token, TokenKind } from '../../core/types.ts';
import {
  C_ARABIC,
  C_DIGIT,
  C_IGNORE,
  C_LATIN,
  C_MARK,
  C_NEWLINE,
  C_PUNCT,
  C_SPACE,
  C_SYMBOL,
  CHAR_CLASS,
  digitValue,
} from '../../text/chars.ts';
import { matchForm } from '../../text/normalize.ts';

/** Words longer than this are cut into pieces: no real word is, and a 1 MB line without spaces must not become one token. */
export const MAX_WORD = 64;
const MAX_URL = 2048;

const isWordChar = (k: number): boolean => k === C_ARABIC || k === C_MARK;
const isAlnum = (k: number): boolean => k === C_LATIN || k === C_DIGIT;

/**
 * Scan `text[from, to)` into tokens, appended to `out`. The `sentence` field is
 * set to -1; the sentence splitter fills it.
 */
export function scanTokens(text: string, from = 0, to = text.length, out: Token[] = []): Token[] {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    const k = CHAR_CLASS[c];
    if (k === C_SPACE || k === C_NEWLINE || k === C_IGNORE) {
      i++;
      continue;
    }
    let j = i + 1;
    let kind: TokenKind;
    if (k === C_ARABIC || k === C_MARK) {
      while (j < to && j - i < MAX_WORD) {
        const kj = CHAR_CLASS[text.charCodeAt(j)];
        if (isWordChar(kj)) j++;
        else if (kj === C_IGNORE && j + 1 < to && isWordChar(CHAR_CLASS[text.charCodeAt(j + 1)])) j += 2;
        else break;
      }
      kind = 'word';
    } else if (k === C_DIGIT) {
      [j, kind] = scanNumber(text, i, to);
    } else if (k === C_LATIN) {
      const u = scanUrl(text, i, to);
      if (u > i) {
        j = u;
        kind = 'url';
      } else {
        const e = scanEmail(text, i, to);
        if (e > i) {
          j = e;
          kind = 'email';
        } else {
          j = scanLatin(text, i, to);
          kind = 'latin';
        }
      }
    } else if (c === 0x23 /* # */ || c === 0x40 /* @ */) {
      let e = i + 1;
      while (e < to && e - i < MAX_WORD) {
        const ke = CHAR_CLASS[text.charCodeAt(e)];
        if (ke === C_ARABIC || ke === C_MARK || ke === C_LATIN || ke === C_DIGIT || text.charCodeAt(e) === 0x5f) e++;
        else break;
      }
      if (e > i + 1) {
        j = e;
        kind = c === 0x23 ? 'hashtag' : 'mention';
      } else kind = 'punct';
    } else if (k === C_PUNCT) {
      // Runs of the same mark are one token ("...", "!!", "--"); "؟!" stays two.
      while (j < to && text.charCodeAt(j) === c && j - i < MAX_WORD) j++;
      kind = 'punct';
      if (c === 0x25 /* % */) kind = 'symbol';
    } else if (k === C_SYMBOL) {
      if (c >= 0xd800 && c <= 0xdbff && j < to) j++;
      kind = 'symbol';
    } else {
      kind = 'symbol';
    }
    const t = text.slice(i, j);
    const tok: Token = { text: t, start: i, end: j, kind, norm: kind === 'url' || kind === 'email' ? t : matchForm(t), sentence: -1 };
    if (kind === 'number' || kind === 'percent') tok.value = numberValue(t);
    out.push(tok);
    i = j;
  }
  return out;
}

/** Numbers, decimals with Arabic or Latin separators, percentages, dates (20/2/2014), times (10:30). */
function scanNumber(text: string, i: number, to: number): [number, TokenKind] {
  let j = i;
  const digitsAt = (p: number): number => {
    let q = p;
    while (q < to && CHAR_CLASS[text.charCodeAt(q)] === C_DIGIT && q - p < 32) q++;
    return q - p;
  };
  let n = digitsAt(j);
  j += n;
  // Date: d{1,4} [/-.] d{1,2} [/-.] d{2,4} with the same separator.
  const sep = text.charCodeAt(j);
  if ((sep === 0x2f || sep === 0x2d || sep === 0x2e) && n <= 4) {
    const n2 = digitsAt(j + 1);
    if (n2 >= 1 && n2 <= 2 && text.charCodeAt(j + 1 + n2) === sep) {
      const n3 = digitsAt(j + 2 + n2);
      if ((n3 === 2 || n3 === 4) && (n === 4 ? n3 <= 2 : true)) {
        const e = j + 2 + n2 + n3;
        if (CHAR_CLASS[text.charCodeAt(e)] !== C_DIGIT) return [e, 'date'];
      }
    }
  }
  // Time: hh:mm
  if (sep === 0x3a && n <= 2) {
    const n2 = digitsAt(j + 1);
    if (n2 === 2) return [j + 3, 'time'];
  }
  // Decimal and thousands separators followed by a digit: . , ٫ ٬
  for (;;) {
    const s = text.charCodeAt(j);
    if ((s === 0x2e || s === 0x2c || s === 0x066b || s === 0x066c) && j + 1 < to) {
      n = digitsAt(j + 1);
      if (n === 0) break;
      j += 1 + n;
    } else break;
  }
  const after = text.charCodeAt(j);
  if (after === 0x25 || after === 0x066a) return [j + 1, 'percent'];
  // 5G, 3D, 2nd: digits glued to Latin letters are one Latin token.
  if (j < to && CHAR_CLASS[after] === C_LATIN) return [scanLatin(text, j, to), 'latin'];
  return [j, 'number'];
}

function numberValue(t: string): number | undefined {
  let s = '';
  let sawDecimal = false;
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    const d = digitValue(c);
    if (d >= 0) cur += d;
    else if (c === 0x066b) {
      parts.push(cur, '.');
      cur = '';
      sawDecimal = true;
    } else if (c === 0x066c || c === 0x2c) {
      parts.push(cur, ',');
      cur = '';
    } else if (c === 0x2e) {
      parts.push(cur, '.');
      cur = '';
      sawDecimal = true;
    }
  }
  parts.push(cur);
  // A single ',' followed by other than three digits is a decimal comma (1,5).
  const commas = parts.filter((p) => p === ',').length;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (p === ',') {
      const next = parts[i + 1] ?? '';
      if (!sawDecimal && commas === 1 && next.length !== 3) s += '.';
    } else s += p;
  }
  const v = Number(s);
  return Number.isFinite(v) ? v : undefined;
}

function scanLatin(text: string, i: number, to: number): number {
  let j = i;
  while (j < to && j - i < MAX_WORD) {
    const kj = CHAR_CLASS[text.charCodeAt(j)];
    if (isAlnum(kj)) {
      j++;
      continue;
    }
    const c = text.charCodeAt(j);
    // Internal hyphen, apostrophe or dot between letters: al-Assad, O'Neil, U.S.
    if ((c === 0x2d || c === 0x27 || c === 0x2019 || c === 0x2e) && j + 1 < to && isAlnum(CHAR_CLASS[text.charCodeAt(j + 1)])) {
      if (c === 0x2e && !(j - i === 1 || text.charCodeAt(j - 2) === 0x2e)) break; // dots only in initialisms
      j += 2;
      continue;
    }
    break;
  }
  // Keep the final dot of an initialism (U.S.) when the token is dotted.
  if (text.charCodeAt(j) === 0x2e && j - i >= 3 && text.charCodeAt(j - 2) === 0x2e) j++;
  return j;
}

function startsWithAt(text: string, i: number, s: string): boolean {
  if (i + s.length > text.length) return false;
  for (let k = 0; k < s.length; k++) {
    const a = text.charCodeAt(i + k) | 0x20;
    if (a !== s.charCodeAt(k)) return false;
  }
  return true;
}

function scanUrl(text: string, i: number, to: number): number {
  const c = text.charCodeAt(i) | 0x20;
  if (c !== 0x68 && c !== 0x77) return i; // h or w
  let j = i;
  if (startsWithAt(text, i, 'https://')) j = i + 8;
  else if (startsWithAt(text, i, 'http://')) j = i + 7;
  else if (startsWithAt(text, i, 'www.')) j = i + 4;
  else return i;
  while (j < to && j - i < MAX_URL) {
    const k = CHAR_CLASS[text.charCodeAt(j)];
    if (k === C_SPACE || k === C_NEWLINE) break;
    const ch = text.charCodeAt(j);
    if (ch === 0xab || ch === 0xbb || ch === 0x201c || ch === 0x201d || ch === 0x060c || ch === 0x22) break; // « » “ ” ، "
    j++;
  }
  // Trailing punctuation belongs to the sentence, not the URL.
  while (j > i) {
    const ch = text.charCodeAt(j - 1);
    if (ch === 0x2e || ch === 0x2c || ch === 0x29 || ch === 0x3b || ch === 0x3a || ch === 0x21 || ch === 0x3f || ch === 0x27) j--;
    else break;
  }
  return j;
}

function scanEmail(text: string, i: number, to: number): number {
  let j = i;
  const local = (ch: number): boolean => isAlnum(CHAR_CLASS[ch]) || ch === 0x2e || ch === 0x5f || ch === 0x2d || ch === 0x2b;
  while (j < to && j - i < 128 && local(text.charCodeAt(j))) j++;
  if (text.charCodeAt(j) !== 0x40 || j === i) return i;
  let e = j + 1;
  let dot = -1;
  while (e < to && e - j < 256) {
    const ch = text.charCodeAt(e);
    if (isAlnum(CHAR_CLASS[ch]) || ch === 0x2d) e++;
    else if (ch === 0x2e && e + 1 < to && isAlnum(CHAR_CLASS[text.charCodeAt(e + 1)])) {
      dot = e;
      e++;
    } else break;
  }
  return dot > j + 1 ? e : i;
}

/** Tokenise a string (no sentence assignment). Convenience for callers outside the pipeline. */
export function tokenize(text: string): Token[] {
  return scanTokens(text, 0, text.length, []);
}
