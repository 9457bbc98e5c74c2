/**
 * Time-expression detection scored on TimeML documents (TIMEX3 tags), e.g.
 * `shared/data/arabic_timeml_dahmri/Corpus_test/*.tml`: strict (same span)
 * and relaxed (overlapping span) precision/recall/F1, type accuracy on the
 * relaxed matches, and value accuracy on matches whose text names a year.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../core/types.ts';
import { Pipeline } from '../pipeline/index.ts';

export interface Timex {
  start: number;
  end: number;
  type: string;
  value?: string;
  text: string;
}

/** Text and TIMEX3 spans of a TimeML document (tags removed, entities decoded). */
export function parseTimeML(xml: string): { text: string; timexes: Timex[] } {
  const bodyStart = xml.indexOf('<TimeML>');
  const bodyEnd = xml.lastIndexOf('</TimeML>');
  let s = xml.slice(bodyStart >= 0 ? bodyStart + 8 : 0, bodyEnd >= 0 ? bodyEnd : xml.length);
  s = s.replace(/^\uFEFF/, '');
  let text = '';
  const timexes: Timex[] = [];
  const re = /<(\/?)([A-Za-z0-9]+)([^>]*)>/g;
  let last = 0;
  let open: { start: number; type: string; value?: string } | null = null;
  const decode = (x: string): string =>
    x
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&')
      .replace(/\uFEFF/g, '');
  for (let m = re.exec(s); m; m = re.exec(s)) {
    text += decode(s.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[2] !== 'TIMEX3') continue;
    if (m[1] === '/') {
      if (open)
        timexes.push({
          start: open.start,
          end: text.length,
          type: open.type,
          value: open.value,
          text: text.slice(open.start, text.length),
        });
      open = null;
    } else {
      const type = /type="([^"]*)"/.exec(m[3])?.[1] ?? 'DATE';
      const value = /value="([^"]*)"/.exec(m[3])?.[1];
      open = { start: text.length, type, value };
    }
  }
  text += decode(s.slice(last));
  return { text, timexes };
}

export interface TimeScores {
  docs: number;
  gold: number;
  pred: number;
  strict: { p: number; r: number; f1: number };
  relaxed: { p: number; r: number; f1: number };
  typeAccuracy: number;
  valueAccuracyExplicit: { correct: number; total: number; acc: number };
}

const r1 = (x: number): number => Math.round(x * 1000) / 10;
function prf(tpP: number, nP: number, tpG: number, nG: number): { p: number; r: number; f1: number } {
  const p = nP ? tpP / nP : 0;
  const r = nG ? tpG / nG : 0;
  return { p: r1(p), r: r1(r), f1: p + r ? r1((2 * p * r) / (p + r)) : 0 };
}

/** Score the time stage on every `.tml` file of a folder (identical files counted once). */
export function scoreTimeML(dir: string): TimeScores {
  const pipeline = Pipeline.create({ stages: ['time'] });
  pipeline.loadSync();
  const seen = new Set<string>();
  let gold = 0;
  let pred = 0;
  let strictP = 0;
  let strictG = 0;
  let relP = 0;
  let relG = 0;
  let typeOk = 0;
  let valOk = 0;
  let valN = 0;
  let docs = 0;
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.tml'))
    .sort()) {
    const xml = readFileSync(join(dir, f), 'utf8');
    if (seen.has(xml)) continue;
    seen.add(xml);
    docs++;
    const { text, timexes } = parseTimeML(xml);
    const article: Article = { id: f, headline: '', body: text, text, spans: { body: { start: 0, end: text.length } } };
    const doc = pipeline.run(article);
    const ps = doc.times ?? [];
    gold += timexes.length;
    pred += ps.length;
    for (const g of timexes) {
      if (ps.some((p) => p.start === g.start && p.end === g.end)) strictG++;
      const m = ps.find((p) => p.start < g.end && p.end > g.start);
      if (m) {
        relG++;
        if (m.type === g.type) typeOk++;
        if (/\d{4}/.test(g.text.replace(/[٠-٩]/g, (c) => String(c.charCodeAt(0) - 0x660))) && g.value) {
          valN++;
          if (m.value && (m.value === g.value || m.value.startsWith(g.value))) valOk++;
        }
      }
    }
    for (const p of ps) {
      if (timexes.some((g) => p.start === g.start && p.end === g.end)) strictP++;
      if (timexes.some((g) => p.start < g.end && p.end > g.start)) relP++;
    }
  }
  return {
    docs,
    gold,
    pred,
    strict: prf(strictP, pred, strictG, gold),
    relaxed: prf(relP, pred, relG, gold),
    typeAccuracy: relG ? r1(typeOk / relG) : 0,
    valueAccuracyExplicit: { correct: valOk, total: valN, acc: valN ? r1(valOk / valN) : 0 },
  };
}
