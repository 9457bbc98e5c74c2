/**
 * Converts the UniversalPetrarch Arabic verb dictionary (MIT, Open Event Data
 * Alliance; `shared/data/petrarch_arabic_dictionaries/CAMEO.ar.0.5.txt`) into
 * `data/events/verbs.tsv`: one row per verb lemma or verb pattern with its
 * CAMEO code and the PLOVER type from `shared/data/plover/CAMEO2PLOVER-2021.txt`.
 *
 *   node --import tsx src/stages/events/convert-petrarch.ts [OUT]
 *
 * The PLOVER manual's rule that imposing sanctions, expelling diplomats and
 * leaving a treaty are SANCTION is applied on top of the table (CAMEO 16x, 161-166).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataFile, sharedDataDir } from '../../core/paths.ts';

/** CAMEO code → PLOVER type, from the conversion table (most specific code first, then its prefixes). */
export function readCameoToPlover(path: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const m = /^(\d{2,4}):\s*([A-Z]+)/.exec(line);
    if (m) map.set(m[1], m[2]);
  }
  return map;
}

export function ploverOf(cameo: string, table: Map<string, string>): string | undefined {
  // PLOVER manual: sanctions, expulsions, leaving treaties are SANCTION.
  if (/^16[0-6]/.test(cameo)) return 'SANCTION';
  for (let n = cameo.length; n >= 2; n--) {
    const p = table.get(cameo.slice(0, n));
    if (p) return p;
  }
  return undefined;
}

interface Row {
  pattern: string;
  cameo: string;
  plover: string;
  lemma: string;
  gloss: string;
}

/** Parse the VERB PATTERNS section: blocks `--- lemma [code] ---`, synonym lines, `- * pattern [code]` lines. */
export function convert(text: string, table: Map<string, string>): Row[] {
  const rows: Row[] = [];
  const lines = text.split('\n');
  let inVerbs = false;
  let blockCode = '';
  let blockLemmas: Array<{ lemma: string; code: string; gloss: string }> = [];
  let patternCodes: string[] = [];
  const flush = (): void => {
    // A lemma takes its own code, else the block's, else the block's most frequent pattern code.
    const counts = new Map<string, number>();
    for (const c of patternCodes) counts.set(c, (counts.get(c) ?? 0) + 1);
    const common = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
    for (const l of blockLemmas) {
      const code = l.code || blockCode || common;
      const plover = code ? ploverOf(code, table) : undefined;
      if (plover) rows.push({ pattern: l.lemma, cameo: code, plover, lemma: l.lemma, gloss: l.gloss });
    }
    blockLemmas = [];
    patternCodes = [];
    blockCode = '';
  };
  let head = '';
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '');
    if (line.includes('VERB PATTERNS')) {
      inVerbs = true;
      continue;
    }
    if (!inVerbs) continue;
    const block = /^---\s+(\S+)\s+\[([^\]]*)\]\s+---/.exec(line);
    if (block) {
      flush();
      head = block[1];
      blockCode = /^\d+$/.test(block[2]) ? block[2] : '';
      continue;
    }
    const pat = /^-\s+(.*?)\s*\[(\d+)\]\s*(?:#\s*(.*))?$/.exec(line);
    if (pat) {
      patternCodes.push(pat[2]);
      const plover = ploverOf(pat[2], table);
      if (plover) rows.push({ pattern: `${head} ${pat[1].trim()}`, cameo: pat[2], plover, lemma: head, gloss: (pat[3] ?? '').trim() });
      continue;
    }
    const syn = /^([^\s#\-&+][^\s#]*)\s*(?:\[(\d+)\])?\s*(?:#\s*(.*))?$/.exec(line.trim());
    if (syn && line.trim() && !line.startsWith('#')) blockLemmas.push({ lemma: syn[1], code: syn[2] ?? '', gloss: (syn[3] ?? '').trim() });
  }
  flush();
  return rows;
}

function main(): void {
  const src = join(sharedDataDir(), 'petrarch_arabic_dictionaries', 'CAMEO.ar.0.5.txt');
  const table = readCameoToPlover(join(sharedDataDir(), 'plover', 'CAMEO2PLOVER-2021.txt'));
  const rows = convert(readFileSync(src, 'utf8'), table);
  const out = process.argv[2] ?? dataFile('events', 'verbs.tsv');
  const header = [
    '# Arabic verb lemmas and patterns with CAMEO codes and PLOVER types.',
    '# Converted by src/stages/events/convert-petrarch.ts from UniversalPetrarch (branch arabic) data/dictionaries/arabic/CAMEO.ar.0.5.txt',
    '# (MIT License, Copyright (c) 2016 Open Event Data Alliance), PLOVER types from CAMEO2PLOVER-2021 (PLOVER manual, CC BY-SA 4.0).',
    '# Columns: pattern (lemma, or lemma followed by a Petrarch object pattern; words joined by _ or + are one unit), CAMEO, PLOVER, gloss.',
    '# Petrarch entries are machine translated and noisy: the events stage uses them only as a low-priority fallback (see triggers.tsv).',
    'pattern\tcameo\tplover\tgloss',
  ];
  const seen = new Set<string>();
  const body: string[] = [];
  for (const r of rows) {
    const k = `${r.pattern}\t${r.cameo}`;
    if (seen.has(k)) continue;
    seen.add(k);
    body.push(`${r.pattern.replace(/\t/g, ' ')}\t${r.cameo}\t${r.plover}\t${r.gloss.replace(/\t/g, ' ')}`);
  }
  writeFileSync(out, `${header.join('\n')}\n${body.join('\n')}\n`);
  process.stdout.write(`${body.length} rows -> ${out}\n`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '\u0000')) main();
