/**
 * Reader for the PADT-derived `ITEMS<TAB>TAGS` format of
 * `ud_arabic_padt_upos` (see that folder's README): one sentence per line,
 * items and tags space-separated; a multiword (clitic-bearing) surface token
 * has tag `_` and is immediately followed by its syntactic words, whose count
 * is not written. We recover it by aligning the parts to the surface string:
 * of the candidate counts k ≥ 2 (stopping before the next `_` item), the one
 * whose orthographically joined parts are closest (edit distance) to the
 * surface wins; ties go to the smaller k.
 */
import { readFileSync } from 'node:fs';

export interface PadtPart {
  form: string;
  upos: string;
}

export interface PadtToken {
  /** The surface token as written in the sentence. */
  surface: string;
  /** Its syntactic words; a token that does not split has one part whose form is the surface. */
  parts: PadtPart[];
}

export interface PadtSentence {
  tokens: PadtToken[];
}

/**
 * Folding used only to align parts with surfaces: alef seats to ا, hamza seats
 * (ء ؤ ئ) to ء, ى to ي, ة to ه; harakat, superscript alef and tatweel dropped.
 */
export function foldForAlign(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x064b && c <= 0x0652) || c === 0x0670 || c === 0x0640) continue;
    if (c === 0x0622 || c === 0x0623 || c === 0x0625 || c === 0x0671) out += 'ا';
    else if (c === 0x0649) out += 'ي';
    else if (c === 0x0629) out += 'ه';
    else if (c === 0x0624 || c === 0x0626) out += 'ء';
    else out += s[i];
  }
  return out;
}

/** Stands for a final ى before an enclitic, which the spelling writes ا or ي. */
const WILD = '\u0000';

/**
 * Joins syntactic-word forms (original spelling) as Arabic spelling does, then
 * folds: ل + ال → لل (ل + الل → لل), ة before an enclitic → ت, ى before an
 * enclitic → ا or ي, the silent alef of وا before an enclitic dropped.
 */
export function joinParts(forms: string[]): string {
  let out = '';
  let prevIsLam = false;
  for (let i = 0; i < forms.length; i++) {
    let f = foldForAlign(forms[i]);
    const more = i + 1 < forms.length;
    if (more && f.length > 1) {
      if (forms[i].endsWith('ة')) f = `${f.slice(0, -1)}ت`;
      else if (forms[i].endsWith('ى')) f = `${f.slice(0, -1)}${WILD}`;
      else if (f.length > 2 && f.endsWith('وا')) f = f.slice(0, -1);
      else if (f.endsWith('ن') && (forms[i + 1].startsWith('م') || forms[i + 1].startsWith('ن'))) f = f.slice(0, -1);
    }
    if (prevIsLam && forms[i].startsWith('ال')) f = f.startsWith('الل') ? f.slice(2) : f.slice(1);
    prevIsLam = f === 'ل';
    out += f;
  }
  return out;
}

function editDistance(a: string, b: string): number {
  const n = a.length;
  const m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const ca = a.charCodeAt(i - 1);
      const cb = b.charCodeAt(j - 1);
      const same = ca === cb || (ca === 0 && (cb === 0x0627 || cb === 0x064a));
      const sub = prev[j - 1] + (same ? 0 : 1);
      cur[j] = Math.min(sub, prev[j] + 1, cur[j - 1] + 1);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[m];
}

/** The alignment cost of reading `items[from .. from+k)` as the parts of `surface`. */
export function partsCost(surface: string, forms: string[]): number {
  return editDistance(joinParts(forms), foldForAlign(surface));
}

/** Parses one `ITEMS<TAB>TAGS` line. Throws on a malformed line. */
export function parsePadtLine(line: string): PadtSentence {
  const tab = line.indexOf('\t');
  if (tab < 0) throw new Error('PADT line without a tab');
  const rawItems = line.slice(0, tab).split(' ').filter(Boolean);
  const rawTags = line
    .slice(tab + 1)
    .split(' ')
    .filter(Boolean);
  if (rawItems.length !== rawTags.length) throw new Error(`PADT line: ${rawItems.length} items but ${rawTags.length} tags`);
  // A handful of lines carry a stray item "_" tagged "_" (an extraction artefact): drop it.
  const items: string[] = [];
  const tags: string[] = [];
  for (let j = 0; j < rawItems.length; j++) {
    if (rawItems[j] === '_' && rawTags[j] === '_') continue;
    items.push(rawItems[j]);
    tags.push(rawTags[j]);
  }
  const tokens: PadtToken[] = [];
  let i = 0;
  while (i < items.length) {
    if (tags[i] !== '_') {
      tokens.push({ surface: items[i], parts: [{ form: items[i], upos: tags[i] }] });
      i++;
      continue;
    }
    const surface = items[i];
    let maxK = 0;
    while (i + 1 + maxK < items.length && tags[i + 1 + maxK] !== '_' && maxK < 6) maxK++;
    let bestK = Math.min(2, maxK);
    let bestCost = Number.POSITIVE_INFINITY;
    for (let k = 2; k <= maxK; k++) {
      const c = partsCost(surface, items.slice(i + 1, i + 1 + k));
      if (c < bestCost) {
        bestCost = c;
        bestK = k;
      }
      if (c === 0) break;
    }
    // A few `_` tokens in the data have one part equal to the surface (annotation
    // artefacts, "وزير _ وزير الطاقة"): read them as one part when two fit badly.
    if (maxK >= 2 && bestCost >= 2 && partsCost(surface, [items[i + 1]]) === 0) bestK = 1;
    if (maxK < 2) bestK = maxK; // a `_` with fewer than two parts left: take what is there
    if (bestK === 0) {
      tokens.push({ surface, parts: [{ form: surface, upos: 'X' }] });
      i++;
      continue;
    }
    const parts: PadtPart[] = [];
    for (let k = 1; k <= bestK; k++) parts.push({ form: items[i + k], upos: tags[i + k] });
    tokens.push({ surface, parts });
    i += 1 + bestK;
  }
  return { tokens };
}

/** Reads a PADT-format file (one sentence per line; blank lines ignored). */
export function readPadt(path: string): PadtSentence[] {
  return readPadtText(readFileSync(path, 'utf8'));
}

export function readPadtText(text: string): PadtSentence[] {
  const out: PadtSentence[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') continue;
    out.push(parsePadtLine(line));
  }
  return out;
}
