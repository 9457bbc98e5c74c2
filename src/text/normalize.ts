/**
 * Arabic text normalisation with an offset map back to the original text.
 *
 * Levels are options of one function, not separate functions:
 *  - always: Unicode NFC (Arabic hamza/madda compositions), Arabic presentation
 *    forms to their letters (NFKC of those blocks only), tatweel, zero-width
 *    and bidi control characters removed;
 *  - `diacritics`: harakat, tanween, shadda, sukun, superscript alef and
 *    Quranic marks removed (default on);
 *  - `digits`: Arabic-Indic and Persian digits, ٫ ٬ ٪ to ASCII (default on);
 *  - `matching`: the form used for lookup and search: alef forms (أ إ آ ٱ) to
 *    ا, ى to ي, ة to ه, Persian ی ک to ي ك, and runs of three or more of the same
 *    letter (وجيييه) shortened to one (default off: the display text keeps them).
 */

export interface NormalizeOptions {
  diacritics?: boolean;
  digits?: boolean;
  matching?: boolean;
}

export interface Normalized {
  /** The normalised text. */
  text: string;
  /**
   * `offsets[i]` is the original offset of normalised character i;
   * `offsets[text.length]` is the original length. Strictly non-decreasing.
   */
  offsets: Int32Array;
}

const KEEP = 0;
const DROP = 0xffff;

// Tables: one Uint16Array per option combination, entry = KEEP, DROP or replacement code unit.
const tables = new Map<number, Uint16Array>();

function isDiacritic(c: number): boolean {
  return (
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    (c >= 0x06d6 && c <= 0x06dc) ||
    (c >= 0x06df && c <= 0x06e8) ||
    (c >= 0x06ea && c <= 0x06ed) ||
    (c >= 0x08d3 && c <= 0x08ff)
  );
}

/** Characters that carry no text: tatweel, zero-width, bidi controls, BOM, soft hyphen. */
export function isIgnorable(c: number): boolean {
  return (
    c === 0x0640 || // tatweel
    c === 0x00ad || // soft hyphen
    c === 0x061c || // Arabic letter mark
    (c >= 0x200b && c <= 0x200f) || // ZWSP, ZWNJ, ZWJ, LRM, RLM
    (c >= 0x202a && c <= 0x202e) || // LRE RLE PDF LRO RLO
    (c >= 0x2066 && c <= 0x2069) || // LRI RLI FSI PDI
    c === 0x2060 || // word joiner
    c === 0xfeff // BOM / ZWNBSP
  );
}

function tableFor(opts: Required<NormalizeOptions>): Uint16Array {
  const key = (opts.diacritics ? 1 : 0) | (opts.digits ? 2 : 0) | (opts.matching ? 4 : 0);
  let t = tables.get(key);
  if (t) return t;
  t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    if (isIgnorable(c)) t[c] = DROP;
    else if (opts.diacritics && isDiacritic(c)) t[c] = DROP;
  }
  if (opts.digits) {
    for (let i = 0; i < 10; i++) {
      t[0x0660 + i] = 0x30 + i;
      t[0x06f0 + i] = 0x30 + i;
    }
    t[0x066b] = 0x2e; // ٫ decimal separator
    t[0x066c] = 0x2c; // ٬ thousands separator
    t[0x066a] = 0x25; // ٪
  }
  if (opts.matching) {
    for (const c of [0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673]) t[c] = 0x0627; // alef forms
    t[0x0649] = 0x064a; // ى → ي
    t[0x0629] = 0x0647; // ة → ه
    t[0x06cc] = 0x064a; // Persian yeh
    t[0x06a9] = 0x0643; // keheh
    t[0x06c0] = 0x0647; // heh with yeh above
  }
  tables.set(key, t);
  return t;
}

function resolve(o: NormalizeOptions | undefined): Required<NormalizeOptions> {
  return { diacritics: o?.diacritics ?? true, digits: o?.digits ?? true, matching: o?.matching ?? false };
}

/** Arabic presentation forms and combining hamza/madda need NFKC/NFC; everything else is left alone. */
function needsCompose(c: number): boolean {
  return (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc) || (c >= 0x0653 && c <= 0x0655);
}

function isArabicLetter(c: number): boolean {
  return (c >= 0x0621 && c <= 0x064a) || (c >= 0x0671 && c <= 0x06d3) || c === 0x06d5;
}

/**
 * Normalise text and keep, for every output character, the offset of the
 * original character it came from.
 */
export function normalize(text: string, options?: NormalizeOptions): Normalized {
  const opts = resolve(options);
  const table = tableFor(opts);
  const n = text.length;
  let cap = n + 16;
  let buf = new Uint16Array(cap);
  let offsets = new Int32Array(cap + 1);
  let len = 0;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    if (len + 20 >= cap) {
      // Only presentation forms expand (ﷺ gives 18 letters): grow before any write could overflow.
      cap = cap * 2 + 32;
      const b2 = new Uint16Array(cap);
      b2.set(buf.subarray(0, len));
      buf = b2;
      const o2 = new Int32Array(cap + 1);
      o2.set(offsets.subarray(0, len));
      offsets = o2;
    }
    if (needsCompose(c)) {
      if (c >= 0x0653 && c <= 0x0655) {
        // Combining madda/hamza: compose with the previous kept letter where NFC can.
        if (len > 0) {
          const composed = (String.fromCharCode(buf[len - 1]) + String.fromCharCode(c)).normalize('NFC');
          if (composed.length === 1) {
            const m = table[composed.charCodeAt(0)];
            buf[len - 1] = m === KEEP ? composed.charCodeAt(0) : m === DROP ? buf[len - 1] : m;
            continue;
          }
        }
        if (opts.diacritics) continue;
        buf[len] = c;
        offsets[len++] = i;
        continue;
      }
      // Presentation form: NFKC gives one or more letters, all mapped to this offset.
      const k = String.fromCharCode(c).normalize('NFKC');
      for (let j = 0; j < k.length; j++) {
        const kc = k.charCodeAt(j);
        if (kc === 0x20) continue;
        const m = table[kc];
        if (m === DROP) continue;
        buf[len] = m === KEEP ? kc : m;
        offsets[len++] = i;
      }
      continue;
    }
    const m = table[c];
    if (m === DROP) continue;
    if (m !== KEEP) c = m;
    buf[len] = c;
    offsets[len++] = i;
  }
  if (opts.matching) len = shortenRuns(buf, offsets, len);
  offsets[len] = n;
  return { text: decode(buf, len), offsets: offsets.subarray(0, len + 1) };
}

/** Shorten runs of three or more identical Arabic letters (وجيييه) to one, in place; returns the new length. */
function shortenRuns(buf: Uint16Array, offsets: Int32Array | null, len: number): number {
  let w = 0;
  let r = 0;
  while (r < len) {
    const c = buf[r];
    let e = r + 1;
    while (e < len && buf[e] === c) e++;
    const keep = e - r >= 3 && isArabicLetter(c) ? 1 : e - r;
    for (let k = 0; k < keep; k++) {
      buf[w] = c;
      if (offsets) offsets[w] = offsets[r + k];
      w++;
    }
    r = e;
  }
  return w;
}

const utf16 = new TextDecoder('utf-16le');

/** UTF-16 code units to a string (a lone surrogate becomes U+FFFD: one unit for one, so offsets hold). */
function decode(buf: Uint16Array, len: number): string {
  return utf16.decode(buf.subarray(0, len));
}

const MATCH = { diacritics: true, digits: true, matching: true };

const scratch = new Uint16Array(256);

/**
 * The matching form of a short string (a token or a query word): what lookups
 * and search compare. Returns the input itself when nothing changes; short
 * strings are folded in a reused buffer without building an offset map.
 */
export function matchForm(s: string): string {
  const t = tableFor(MATCH);
  const n = s.length;
  let i = 0;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (t[c] !== KEEP || needsCompose(c) || (i >= 2 && c === s.charCodeAt(i - 1) && c === s.charCodeAt(i - 2))) break;
  }
  if (i === n) return s;
  if (n > scratch.length) return normalize(s, MATCH).text;
  let len = 0;
  for (let j = 0; j < n; j++) {
    const c = s.charCodeAt(j);
    if (needsCompose(c)) return normalize(s, MATCH).text; // rare: presentation forms, combining hamza
    const m = t[c];
    if (m === DROP) continue;
    scratch[len++] = m === KEEP ? c : m;
  }
  len = shortenRuns(scratch, null, len);
  return String.fromCharCode.apply(null, scratch.subarray(0, len) as unknown as number[]);
}

/** Map a normalised [start, end) range back to the original text. */
export function toOriginalSpan(n: Normalized, start: number, end: number): { start: number; end: number } {
  const s = n.offsets[start];
  // The end is the original position just after the last normalised character.
  const e = end > start ? nextOriginal(n, end - 1) : s;
  return { start: s, end: e };
}

function nextOriginal(n: Normalized, i: number): number {
  const o = n.offsets[i];
  // Everything up to the next kept character's origin belongs to character i (dropped marks, tatweel).
  const next = n.offsets[i + 1];
  return next > o ? next : o + 1;
}
