/**
 * Conflation quality of light stems against gold lemmas (WikiNews lemma/POS
 * set in the shared data): over distinct surface words of content POS, a
 * pair of words should share a key exactly when they share a lemma. Reports
 * pairwise precision/recall/F1 for three keys: the surface word (matching
 * form), the segmented stem word (matching form), and its light stem.
 */
import { readFileSync } from 'node:fs';
import { matchForm } from '../../text/normalize.ts';
import type { MorphAnalyzer } from './morph.ts';

export const WIKINEWS_FILE = 'wikinews_lemma_pos/wikinews_lemma_pos.csv';

const CONTENT = new Set(['noun', 'verb', 'adj', 'noun_prop', 'adj_comp', 'noun_num', 'adj_num', 'noun_quant']);

/** Splits one CSV line (double-quoted fields, "" escapes). */
export function csvFields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let v = '';
      i++;
      while (i < line.length) {
        if (line[i] === '"' && line[i + 1] === '"') {
          v += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else v += line[i++];
      }
      out.push(v);
      i++; // comma
    } else {
      const j = line.indexOf(',', i);
      const end = j < 0 ? line.length : j;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

export interface Conflation {
  precision: number;
  recall: number;
  f1: number;
  /** Distinct keys over the distinct words. */
  classes: number;
}

export interface StemScores {
  words: number;
  types: number;
  lemmas: number;
  surface: Conflation;
  segmented: Conflation;
  lightStem: Conflation;
}

function conflation(items: Array<{ gold: string; key: string }>): Conflation {
  const pairs = (m: Map<string, number>): number => {
    let s = 0;
    for (const n of m.values()) s += (n * (n - 1)) / 2;
    return s;
  };
  const byKey = new Map<string, number>();
  const byGold = new Map<string, number>();
  const byBoth = new Map<string, number>();
  for (const { gold, key } of items) {
    byKey.set(key, (byKey.get(key) ?? 0) + 1);
    byGold.set(gold, (byGold.get(gold) ?? 0) + 1);
    const b = `${key}\u0000${gold}`;
    byBoth.set(b, (byBoth.get(b) ?? 0) + 1);
  }
  const both = pairs(byBoth);
  const sys = pairs(byKey);
  const gold = pairs(byGold);
  const precision = sys ? both / sys : 1;
  const recall = gold ? both / gold : 1;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0, classes: byKey.size };
}

export function evaluateStems(analyzer: MorphAnalyzer, csvPath: string): StemScores {
  const sentences = new Map<string, Array<{ word: string; lemma: string; pos: string }>>();
  const lines = readFileSync(csvPath, 'utf8').split('\n');
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    if (!line) continue;
    const f = csvFields(line);
    if (f.length < 5) continue;
    let s = sentences.get(f[0]);
    if (!s) sentences.set(f[0], (s = []));
    s.push({ word: f[2], lemma: f[3], pos: f[4] });
  }
  const types = new Map<string, { gold: string; seg: string; stem: string }>();
  let words = 0;
  for (const s of sentences.values()) {
    const analysed = analyzer.analyze(s.map((w) => ({ text: w.word })));
    s.forEach((w, ti) => {
      if (!CONTENT.has(w.pos)) return;
      words++;
      const surface = matchForm(w.word);
      if (types.has(surface)) return;
      // the stem word of the token: its longest syntactic word
      let best: (typeof analysed)[number] | undefined;
      for (const a of analysed) if (a.token === ti && (!best || a.form.length > best.form.length)) best = a;
      types.set(surface, { gold: matchForm(w.lemma), seg: matchForm(best?.form ?? w.word), stem: best?.stem ?? surface });
    });
  }
  const items = [...types].map(([surface, t]) => ({ surface, ...t }));
  return {
    words,
    types: items.length,
    lemmas: new Set(items.map((t) => t.gold)).size,
    surface: conflation(items.map((t) => ({ gold: t.gold, key: t.surface }))),
    segmented: conflation(items.map((t) => ({ gold: t.gold, key: t.seg }))),
    lightStem: conflation(items.map((t) => ({ gold: t.gold, key: t.stem }))),
  };
}
