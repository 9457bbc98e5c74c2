import { existsSync, readFileSync } from 'node:fs';
import { modelFile } from '../../core/paths.ts';
import type { Doc, Keyword } from '../../core/types.ts';
import type { Stage, StageSpec } from '../../pipeline/index.ts';
import { analyzeText, type Term } from '../../search/analyzer.ts';

export const DF_FILE = 'keywords-df.tsv';

/** Document frequencies of stems over a news corpus: `N<TAB>count` then `stem<TAB>df` lines. */
export interface DocFreq {
  n: number;
  df: Map<string, number>;
}

export function loadDocFreq(path = modelFile(DF_FILE)): DocFreq {
  const df = new Map<string, number>();
  let n = 1;
  if (!existsSync(path)) return { n, df };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const k = line.slice(0, tab);
    const v = Number(line.slice(tab + 1));
    if (k === '#N') n = v;
    else df.set(k, v);
  }
  return { n, df };
}

const MAX_KEYWORDS = 10;
const NOMINAL = new Set(['NOUN', 'PROPN', 'X', 'ADJ']);
const MAX_SUMMARY = 3;

/**
 * Keywords and an extractive summary. Keywords: the article's stems (search
 * analyzer) weighted by tf-idf against news-corpus document frequencies, the
 * headline counting double, shown in their most frequent written form (clitics
 * و/ف/ب/ل stripped); adjacent pairs that recur become two-word keywords.
 * Summary: up to three body sentences with the highest tf-idf weight per
 * √length, the lead sentence favoured, kept in text order.
 */
export class Summarizer implements Stage {
  readonly name = 'summary';
  readonly requires = ['tokenize'];
  private freq: DocFreq | null = null;

  constructor(private readonly path = modelFile(DF_FILE)) {}

  load(): void {
    this.freq ??= loadDocFreq(this.path);
  }

  private idf(term: string): number {
    const f = this.freq as DocFreq;
    return Math.log((f.n + 1) / ((f.df.get(term) ?? 0) + 1));
  }

  process(doc: Doc): void {
    this.load();
    if (doc.sentences.length === 0) return;
    // Terms per sentence, with their surface forms.
    const sentTerms: Term[][] = doc.sentences.map((s) =>
      analyzeText(doc.text.slice(s.start, s.end)).map((t) => ({ ...t, start: t.start + s.start, end: t.end + s.start })),
    );
    // With POS from the morph stage, keywords come from nominal tokens only (no verbs or particles).
    let nominal: Set<number> | null = null;
    if (doc.words && doc.words.length > 0) {
      nominal = new Set();
      for (const w of doc.words) if (w.upos && NOMINAL.has(w.upos)) nominal.add(doc.tokens[w.token].start);
    }
    const tf = new Map<string, number>();
    const surfaces = new Map<string, Map<string, number>>();
    sentTerms.forEach((terms, si) => {
      const w = doc.sentences[si].zone === 'headline' ? 2 : 1;
      for (const t of terms) {
        if (t.term.length < 2 || /^\d+$/.test(t.term)) continue;
        if (nominal && !nominal.has(t.start)) continue;
        tf.set(t.term, (tf.get(t.term) ?? 0) + w);
        const form = displayForm(doc.text.slice(t.start, t.end));
        let m = surfaces.get(t.term);
        if (!m) surfaces.set(t.term, (m = new Map()));
        m.set(form, (m.get(form) ?? 0) + 1);
      }
    });
    const weight = new Map<string, number>();
    for (const [term, f] of tf) weight.set(term, (1 + Math.log(f)) * this.idf(term));
    // Two-word keywords: adjacent stems seen together at least twice.
    const pairs = new Map<string, { n: number; text: string }>();
    for (const terms of sentTerms) {
      for (let i = 0; i + 1 < terms.length; i++) {
        const a = terms[i];
        const b = terms[i + 1];
        if (!weight.has(a.term) || !weight.has(b.term) || b.start - a.end > 2) continue;
        const key = `${a.term} ${b.term}`;
        const p = pairs.get(key);
        if (p) p.n++;
        else pairs.set(key, { n: 1, text: `${displayForm(doc.text.slice(a.start, a.end))} ${doc.text.slice(b.start, b.end)}` });
      }
    }
    const cands: Keyword[] = [];
    for (const [term, w] of weight) cands.push({ text: bestForm(surfaces.get(term) as Map<string, number>), score: w });
    for (const [key, p] of pairs) {
      if (p.n < 2) continue;
      const [a, b] = key.split(' ');
      cands.push({ text: p.text, score: (((weight.get(a) ?? 0) + (weight.get(b) ?? 0)) * 0.75 * (1 + Math.log(p.n))) / 2 });
    }
    cands.sort((x, y) => y.score - x.score || (x.text < y.text ? -1 : 1));
    const keywords: Keyword[] = [];
    const seen = new Set<string>();
    for (const c of cands) {
      if (keywords.length >= MAX_KEYWORDS) break;
      if (seen.has(c.text)) continue;
      seen.add(c.text);
      keywords.push({ text: c.text, score: Math.round(c.score * 1000) / 1000 });
    }
    doc.keywords = keywords;
    // Summary sentences.
    const scored: Array<{ i: number; s: number }> = [];
    let bodyRank = 0;
    doc.sentences.forEach((s, i) => {
      if (s.zone !== 'body') return;
      const n = s.tokenEnd - s.tokenStart;
      bodyRank++;
      if (n < 5) return;
      let sum = 0;
      const uniq = new Set<string>();
      for (const t of sentTerms[i]) if (!uniq.has(t.term)) uniq.add(t.term) && (sum += weight.get(t.term) ?? 0);
      const lead = bodyRank === 1 ? 1.5 : bodyRank === 2 ? 1.15 : 1;
      scored.push({ i, s: (sum / Math.sqrt(n)) * lead });
    });
    const k = Math.min(MAX_SUMMARY, Math.max(1, Math.round(scored.length / 4)));
    doc.summary = scored
      .sort((a, b) => b.s - a.s || a.i - b.i)
      .slice(0, k)
      .map((x) => x.i)
      .sort((a, b) => a - b);
  }
}

/** A written form for display: clitics before the article removed (وبالأسلحة → الأسلحة, للأسلحة → الأسلحة); other words as written. */
function displayForm(w: string): string {
  const m = /^(?:[وف]?[بلك]?)(ال.{2,})$/.exec(w);
  if (m) return m[1];
  if (/^[وف]?لل.{2,}$/.test(w)) return `ال${w.slice(w.indexOf('لل') + 2)}`;
  return w;
}

function bestForm(forms: Map<string, number>): string {
  let best = '';
  let bestN = -1;
  for (const [f, n] of forms) if (n > bestN || (n === bestN && f.length < best.length)) [best, bestN] = [f, n];
  return best;
}

export const summaryStage: StageSpec = {
  name: 'summary',
  requires: ['tokenize'],
  create: (options) => new Summarizer(typeof options?.df === 'string' ? options.df : undefined),
};
