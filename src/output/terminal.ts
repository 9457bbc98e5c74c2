import type { Bidi } from 'bidi-js';
import * as bidiModule from 'bidi-js';
import stringWidth from 'string-width';

/**
 * Right-to-left text for terminals. Most terminals print characters in the
 * order they arrive and do not join Arabic letters, so for them a line is
 * shaped (letters to their contextual presentation forms, lam-alef ligatures)
 * and reordered into visual order with the Unicode bidi algorithm, grapheme by
 * grapheme so diacritics stay on their letters. Terminals that do their own
 * bidi (VTE, Konsole, mlterm) get logical order, as do pipes and files.
 */

export type BidiMode = 'visual' | 'logical';

// bidi-js is CommonJS with a default-exported factory; under NodeNext its default import is the module object.
const bidi = (bidiModule as unknown as { default: () => Bidi }).default();
const segmenter = new Intl.Segmenter('ar', { granularity: 'grapheme' });

/** The mode to use for a stream: `KHABAR_BIDI` wins; pipes get logical; terminals known to do bidi get logical. */
export function bidiModeFor(stream: NodeJS.WriteStream): BidiMode {
  const env = process.env.KHABAR_BIDI;
  if (env === 'visual' || env === 'logical') return env;
  if (!stream.isTTY) return 'logical';
  if (process.env.VTE_VERSION || process.env.KONSOLE_VERSION || process.env.TERM === 'mlterm') return 'logical';
  return 'visual';
}

// Arabic letters and their number of presentation forms in U+FE80..U+FEF4 (1: none, 2: isolated+final, 4: +initial+medial).
const LETTERS: Array<[number, number]> = [
  [0x0621, 1],
  [0x0622, 2],
  [0x0623, 2],
  [0x0624, 2],
  [0x0625, 2],
  [0x0626, 4],
  [0x0627, 2],
  [0x0628, 4],
  [0x0629, 2],
  [0x062a, 4],
  [0x062b, 4],
  [0x062c, 4],
  [0x062d, 4],
  [0x062e, 4],
  [0x062f, 2],
  [0x0630, 2],
  [0x0631, 2],
  [0x0632, 2],
  [0x0633, 4],
  [0x0634, 4],
  [0x0635, 4],
  [0x0636, 4],
  [0x0637, 4],
  [0x0638, 4],
  [0x0639, 4],
  [0x063a, 4],
  [0x0641, 4],
  [0x0642, 4],
  [0x0643, 4],
  [0x0644, 4],
  [0x0645, 4],
  [0x0646, 4],
  [0x0647, 4],
  [0x0648, 2],
  [0x0649, 2],
  [0x064a, 4],
];
const FORM_BASE = new Map<number, { base: number; forms: number }>();
{
  let next = 0xfe80;
  for (const [c, forms] of LETTERS) {
    FORM_BASE.set(c, { base: next, forms });
    next += forms;
  }
}
const LAM_ALEF: Record<number, number> = { 1570: 0xfef5, 1571: 0xfef7, 1573: 0xfef9, 1575: 0xfefb };

const isTransparent = (c: number): boolean => (c >= 0x064b && c <= 0x065f) || c === 0x0670;
const joinsBoth = (c: number): boolean => FORM_BASE.get(c)?.forms === 4 || c === 0x0640;
const joinsPrev = (c: number): boolean => (FORM_BASE.get(c)?.forms ?? 0) >= 2 || c === 0x0640;

/** Contextual shaping of Arabic letters into presentation forms (logical order kept). */
export function shapeArabic(s: string): string {
  let out = '';
  const n = s.length;
  const prevLetter = (i: number): number => {
    for (let k = i - 1; k >= 0; k--) {
      const c = s.charCodeAt(k);
      if (!isTransparent(c)) return c;
    }
    return 0;
  };
  const nextIndex = (i: number): number => {
    for (let k = i + 1; k < n; k++) if (!isTransparent(s.charCodeAt(k))) return k;
    return -1;
  };
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    const info = FORM_BASE.get(c);
    if (!info || info.forms === 1) {
      out += s[i];
      continue;
    }
    const p = prevLetter(i);
    const fromPrev = joinsBoth(p);
    const ni = nextIndex(i);
    const nc = ni >= 0 ? s.charCodeAt(ni) : 0;
    if (c === 0x0644 && LAM_ALEF[nc]) {
      out += String.fromCharCode(LAM_ALEF[nc] + (fromPrev ? 1 : 0));
      // Keep any marks between lam and alef, drop the alef (it is in the ligature).
      out += s.slice(i + 1, ni);
      i = ni;
      continue;
    }
    const toNext = info.forms === 4 && joinsPrev(nc);
    let form = 0; // isolated
    if (info.forms === 4) form = fromPrev && toNext ? 3 : fromPrev ? 1 : toNext ? 2 : 0;
    else form = fromPrev ? 1 : 0;
    out += String.fromCharCode(info.base + form);
  }
  return out;
}

/** One line in visual order (shaped, reordered by grapheme clusters, brackets mirrored). */
export function visualLine(line: string, base: 'rtl' | 'ltr' | 'auto' = 'auto'): string {
  if (!/[\u0590-\u08ff\ufb1d-\ufefc]/.test(line)) return line;
  const shaped = shapeArabic(line);
  const levels = bidi.getEmbeddingLevels(shaped, base === 'auto' ? undefined : base);
  const mirrored = bidi.getMirroredCharactersMap(shaped, levels.levels) as Map<number, string>;
  const order = Array.from({ length: shaped.length }, (_, i) => i);
  for (const [s, e] of bidi.getReorderSegments(shaped, levels) as Array<[number, number]>) {
    const seg = order.slice(s, e + 1).reverse();
    for (let k = 0; k < seg.length; k++) order[s + k] = seg[k];
  }
  // Grapheme cluster of each code unit, so marks travel with their letter.
  const clusterOf = new Int32Array(shaped.length);
  const clusters: string[] = [];
  for (const { index, segment } of segmenter.segment(shaped)) {
    const id = clusters.length;
    let text = segment;
    if (segment.length === 1 && mirrored.has(index)) text = mirrored.get(index) as string;
    clusters.push(text);
    for (let k = 0; k < segment.length; k++) clusterOf[index + k] = id;
  }
  let out = '';
  let last = -1;
  for (const i of order) {
    const c = clusterOf[i];
    if (c !== last) out += clusters[c];
    last = c;
  }
  return out;
}

/** Is the first strong character of the line right-to-left? */
export function isRtl(line: string): boolean {
  for (const ch of line) {
    if (/[\u0590-\u08ff\ufb1d-\ufefc]/.test(ch)) return true;
    if (/\p{L}/u.test(ch)) return false;
  }
  return false;
}

/** Wrap text to a width (in terminal columns) at spaces. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const para of text.split('\n')) {
    let cur = '';
    for (const word of para.split(/ +/)) {
      if (!cur) cur = word;
      else if (stringWidth(`${cur} ${word}`) <= width) cur += ` ${word}`;
      else {
        lines.push(cur);
        cur = word;
      }
    }
    lines.push(cur);
  }
  return lines;
}

/** A printer that writes lines in the right order and alignment for its stream. */
export class Printer {
  readonly mode: BidiMode;
  readonly width: number;
  private buf: string[] = [];

  constructor(private readonly stream: NodeJS.WriteStream = process.stdout) {
    this.mode = bidiModeFor(stream);
    this.width = Math.max(40, Math.min(stream.columns ?? 100, 160));
  }

  /** A paragraph: wrapped; right-aligned and in visual order when RTL and the mode is visual. */
  para(text: string, indent = 0): void {
    const pad = ' '.repeat(indent);
    for (const l of wrap(text, this.width - indent)) {
      if (this.mode === 'visual' && isRtl(l)) {
        const v = visualLine(l, 'rtl');
        this.buf.push(' '.repeat(Math.max(0, this.width - stringWidth(v))) + v);
      } else this.buf.push(pad + (this.mode === 'visual' ? visualLine(l) : l));
    }
  }

  /** A label followed by a value on one line (LTR label, value reordered on its own). */
  field(label: string, value: string): void {
    const v = this.mode === 'visual' ? visualLine(value, 'auto') : value;
    this.buf.push(`${label}: ${v}`);
  }

  line(s = ''): void {
    this.buf.push(this.mode === 'visual' ? visualLine(s) : s);
  }

  flush(): void {
    if (this.buf.length === 0) return;
    this.stream.write(`${this.buf.join('\n')}\n`);
    this.buf = [];
  }
}
