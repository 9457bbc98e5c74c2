import { existsSync, readFileSync } from 'node:fs';
import { dataFile, modelFile } from '../../core/paths.ts';
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
/** Longest keyword phrase, in words. */
const MAX_PHRASE = 4;

interface Candidate extends Keyword {
  terms: string[];
}

/** Whether the term sequence `a` occurs inside `b` (contiguously). */
function within(a: readonly string[], b: readonly string[]): boolean {
  if (a.length > b.length) return false;
  for (let i = 0; i + a.length <= b.length; i++) {
    let k = 0;
    while (k < a.length && a[k] === b[i + k]) k++;
    if (k === a.length) return true;
  }
  return false;
}

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
  /** Index terms of `data/summary/non-keywords.txt`. */
  private never: Set<string> | null = null;

  constructor(private readonly path = modelFile(DF_FILE)) {}

  load(): void {
    this.freq ??= loadDocFreq(this.path);
    this.never ??= loadNonKeywords();
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
    // With the morph stage's words, keywords come from nominal tokens only (no verbs or particles), keyed and shown
    // by the token's first nominal word, so clitics go (لميثاق → ميثاق, بروعة → روعة, وروحهم → روح).
    let nominal: Map<number, { term: string; form: string; start: number }> | null = null;
    if (doc.words && doc.words.length > 0) {
      nominal = new Map();
      for (const w of doc.words) {
        if (!w.upos || !NOMINAL.has(w.upos)) continue;
        const at = doc.tokens[w.token].start;
        if (nominal.has(at)) continue;
        const term = analyzeText(w.form)[0]?.term;
        if (term) nominal.set(at, { term, form: w.form, start: w.start });
      }
      for (const terms of sentTerms) {
        for (const t of terms) {
          const n = nominal.get(t.start);
          if (n) t.term = n.term;
        }
      }
    }
    const tf = new Map<string, number>();
    const surfaces = new Map<string, Map<string, number>>();
    sentTerms.forEach((terms, si) => {
      const w = doc.sentences[si].zone === 'headline' ? 2 : 1;
      for (const t of terms) {
        if (t.term.length < 2 || /^\d+$/.test(t.term) || (this.never as Set<string>).has(t.term)) continue;
        const morph = nominal?.get(t.start);
        if (nominal && !morph) continue;
        tf.set(t.term, (tf.get(t.term) ?? 0) + w);
        const form = morph ? morph.form : displayForm(doc.text.slice(t.start, t.end));
        let m = surfaces.get(t.term);
        if (!m) surfaces.set(t.term, (m = new Map()));
        m.set(form, (m.get(form) ?? 0) + 1);
      }
    });
    const weight = new Map<string, number>();
    for (const [term, f] of tf) weight.set(term, (1 + Math.log(f)) * this.idf(term));
    // Two- and three-word keywords: runs of adjacent stems seen together at least twice.
    const phrases = new Map<string, { n: number; terms: string[]; text: string }>();
    for (const terms of sentTerms) {
      for (let i = 0; i + 1 < terms.length; i++) {
        if (!weight.has(terms[i].term)) continue;
        for (let len = 2; len <= MAX_PHRASE && i + len <= terms.length; len++) {
          const last = terms[i + len - 1];
          if (!weight.has(last.term) || last.start - terms[i + len - 2].end > 2) break;
          const run = terms.slice(i, i + len);
          const key = run.map((t) => t.term).join(' ');
          const p = phrases.get(key);
          if (p) p.n++;
          else {
            // The first word without its clitics (ميثاق الأمم for لميثاق الأمم; without the morph layer, clitics before
            // the article are removed), the others as written (قانون لتمويل المدارس, روح لاعبيه).
            const first = nominal?.get(run[0].start)?.form ?? displayForm(doc.text.slice(run[0].start, run[0].end));
            const rest = run.slice(1).map((t) => doc.text.slice(t.start, t.end));
            phrases.set(key, { n: 1, terms: run.map((t) => t.term), text: [first, ...rest].join(' ') });
          }
        }
      }
    }
    const cands: Candidate[] = [];
    for (const [term, w] of weight) cands.push({ text: bestForm(surfaces.get(term) as Map<string, number>), score: w, terms: [term] });
    for (const p of phrases.values()) {
      if (p.n < 2) continue;
      const mean = p.terms.reduce((sum, t) => sum + (weight.get(t) ?? 0), 0) / p.terms.length;
      cands.push({ text: p.text, score: mean * 0.75 * (1 + Math.log(p.n)), terms: p.terms });
    }
    cands.sort((x, y) => y.score - x.score || (x.text < y.text ? -1 : 1));
    // Best first. Single words always count; a phrase inside a better phrase is left out, and a phrase gives way
    // to a longer one that contains it (مكافحة تمويل, تمويل الإرهاب → مكافحة تمويل الإرهاب when the three recur together).
    let chosen: Candidate[] = [];
    const seen = new Set<string>();
    for (const c of cands) {
      if (chosen.length >= MAX_KEYWORDS) break;
      if (seen.has(c.text)) continue;
      if (c.terms.length > 1 && chosen.some((k) => k.terms.length > 1 && within(c.terms, k.terms))) continue;
      seen.add(c.text);
      if (c.terms.length > 1) chosen = chosen.filter((k) => k.terms.length === 1 || !within(k.terms, c.terms));
      chosen.push(c);
    }
    const keywords: Keyword[] = chosen.map((c) => ({ text: c.text, score: Math.round(c.score * 1000) / 1000 }));
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

/** The index terms of the words that are never keywords (`data/summary/non-keywords.txt`). */
export function loadNonKeywords(path = dataFile('summary', 'non-keywords.txt')): Set<string> {
  const out = new Set<string>();
  if (!existsSync(path)) return out;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const w = line.replace(/#.*/, '').trim();
    if (w) for (const t of analyzeText(w)) out.add(t.term);
  }
  return out;
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
