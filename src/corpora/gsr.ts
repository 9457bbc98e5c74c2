import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One judged sentence of the Arabic event GSR (`arabic_event_gsr/{assault,protest}_gsr.csv`). */
export interface GsrSentence {
  id: string;
  eventType: string;
  /** `yes`, `easy no`, `difficult no` or `ambiguous`. */
  label: string;
  text: string;
  accept: number;
  reject: number;
}

/** Parse RFC 4180 CSV (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else q = false;
      } else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.length > 1 || r[0] !== '');
}

/** Read one GSR CSV file (header `,accept,event_type,id,label,reject,text,total`). */
export function readGsr(path: string): GsrSentence[] {
  const rows = parseCsv(readFileSync(path, 'utf8'));
  const head = rows[0] ?? [];
  const col = (n: string): number => head.indexOf(n);
  const [ia, ie, ii, il, ir, it] = ['accept', 'event_type', 'id', 'label', 'reject', 'text'].map(col);
  return rows.slice(1).map((r) => ({
    id: r[ii] ?? '',
    eventType: r[ie] ?? '',
    label: (r[il] ?? '').trim(),
    text: r[it] ?? '',
    accept: Number(r[ia]) || 0,
    reject: Number(r[ir]) || 0,
  }));
}

/** Both GSR files of a folder (default layout of `shared/data/arabic_event_gsr`). */
export function readGsrDir(dir: string): { ASSAULT: GsrSentence[]; PROTEST: GsrSentence[] } {
  return { ASSAULT: readGsr(join(dir, 'assault_gsr.csv')), PROTEST: readGsr(join(dir, 'protest_gsr.csv')) };
}

/** FNV-1a 32-bit hash of a string. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * Our own train/held-out split of the (public) development half: a sentence is
 * held out when the hash of its id falls in the last fifth. Stable across runs.
 */
export function isHeldOut(s: GsrSentence): boolean {
  return fnv1a(`khabar:${s.id}`) % 5 === 0;
}

/** `yes` is positive, `easy no` and `difficult no` negative, `ambiguous` (and anything else) left out. */
export function gsrGold(s: GsrSentence): boolean | null {
  if (s.label === 'yes') return true;
  if (s.label === 'easy no' || s.label === 'difficult no') return false;
  return null;
}
