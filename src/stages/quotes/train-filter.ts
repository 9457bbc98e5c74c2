/**
 * Training and cross-validation of the learned quote filter (`filter.ts`) from khabar's stand-off annotations
 * (`data/annotations/quotes-train.jsonl`: ANT article ids, quote records with the text as character offsets, the names
 * and mention forms of the speakers' entities) joined with the ANT text of `$KHABAR_DATA`. Each annotated article is
 * analysed by the pipeline up to the quotes stage with the filter off; every predicted quote is an example, positive
 * when the scorer counts it as right (`quoteHits` of `src/eval/gold.ts`). `khabar train quotes-filter`.
 */
import type { Doc, Quote } from '../../core/types.ts';
import { type GoldAnnotation, goldArticle, readAntArticles, readJsonl } from '../../corpora/gold.ts';
import { type PredRecord, quoteHits, scoreGold } from '../../eval/gold.ts';
import { predRecord } from '../../eval/run.ts';
import { trainLogReg } from '../../learn/logreg.ts';
import { Pipeline } from '../../pipeline/index.ts';
import { STAGES } from '../index.ts';
import { type QuoteFilterModel, quoteFeatures, scoreQuotes } from './filter.ts';
import { type CueLexicon, loadCues } from './lexicon.ts';

/** One line of `data/annotations/quotes-train.jsonl`. */
export interface QuoteStandoffRecord {
  id: string;
  /** The annotation set (batch) the article belongs to: the unit of cross-validation. */
  set: string;
  entities: Array<{ name: string; type: string; mentions: string[] }>;
  quotes: Array<{
    speaker: string;
    speaker_mention: string;
    cue: string;
    direct: boolean;
    /** Character offsets into `title + "\n" + text`. */
    text: [number, number];
  }>;
}

/** An analysed training article: its rule quotes, their features and labels, its gold annotation. */
export interface QuoteDoc {
  set: string;
  id: string;
  doc: Doc;
  quotes: Quote[];
  feats: string[][];
  labels: boolean[];
  gold: GoldAnnotation;
}

export interface QuoteFilterOptions {
  l2?: number;
  epochs?: number;
  lr?: number;
  threshold?: number;
  minWeight?: number;
}

/** The recipe; the threshold is the one leave-one-set-out chose over sets 1–21 (`README.md` of this folder: not adopted). */
export const QUOTE_FILTER_DEFAULTS: Required<QuoteFilterOptions> = { l2: 3e-3, epochs: 20, lr: 0.05, threshold: 0.15, minWeight: 0.01 };

export function readQuoteStandoff(path: string): QuoteStandoffRecord[] {
  return readJsonl<QuoteStandoffRecord>(path);
}

/** A record's gold annotation (for the scorer): quote texts cut from the text, no events. */
export function quoteGoldOf(r: QuoteStandoffRecord, text: string): GoldAnnotation {
  return {
    id: r.id,
    entities: r.entities.map((e) => ({ name: e.name, name_en: '', type: e.type, mentions: e.mentions })) as GoldAnnotation['entities'],
    quotes: r.quotes.map((q) => ({
      speaker: q.speaker,
      speaker_mention: q.speaker_mention,
      cue: q.cue,
      direct: q.direct,
      text: text.slice(q.text[0], q.text[1]),
    })) as GoldAnnotation['quotes'],
    events: [],
  };
}

/** The pipeline's stages up to the quotes stage, the learned filter and speaker choice off (the rules' quotes). */
export async function quotesPipeline(): Promise<Pipeline> {
  const names = STAGES.map((s) => s.name);
  const p = Pipeline.create({
    stages: names.slice(0, names.indexOf('quotes') + 1),
    options: { quotes: { filter: false, speaker: false } },
  });
  await p.load();
  return p;
}

/** A doc's examples: features and labels of its rule quotes. */
export function quoteDoc(set: string, doc: Doc, gold: GoldAnnotation, lex: CueLexicon): QuoteDoc {
  const quotes = doc.quotes ?? [];
  return { set, id: doc.id, doc, quotes, feats: quoteFeatures(doc, quotes, lex), labels: quoteHits(gold, predRecord(doc)), gold };
}

/**
 * Analyse the annotated articles (ANT text by id from `antPath`) up to the quotes stage with the learned models off, and
 * build an example of each with `build` (its set, the analysis, its gold annotation).
 */
export async function analyseQuoteStandoff<T>(
  records: readonly QuoteStandoffRecord[],
  antPath: string,
  build: (set: string, doc: Doc, gold: GoldAnnotation) => T,
  progress?: (done: number, total: number) => void,
): Promise<T[]> {
  const ant = readAntArticles(
    antPath,
    records.map((r) => r.id),
  );
  const pipeline = await quotesPipeline();
  return records.map((r, i) => {
    const a = ant.get(r.id);
    if (!a) throw new Error(`${r.id}: not in ${antPath}`);
    const doc = pipeline.run(goldArticle(a));
    const d = build(r.set, doc, quoteGoldOf(r, doc.text));
    progress?.(i + 1, records.length);
    return d;
  });
}

/** Analyse the annotated articles with the filter off and build their examples. */
export async function quoteDocs(
  records: readonly QuoteStandoffRecord[],
  antPath: string,
  progress?: (done: number, total: number) => void,
): Promise<QuoteDoc[]> {
  const lex = loadCues();
  return analyseQuoteStandoff(records, antPath, (set, doc, gold) => quoteDoc(set, doc, gold, lex), progress);
}

/** Fit the logistic regression on the examples of `docs`. */
export function trainQuoteFilter(docs: readonly QuoteDoc[], opts: QuoteFilterOptions = {}, header = ''): QuoteFilterModel {
  const o = { ...QUOTE_FILTER_DEFAULTS, ...opts };
  const data = docs.flatMap((d) => d.feats.map((feats, i) => ({ feats, y: d.labels[i] })));
  const m = trainLogReg('quote', data, { epochs: o.epochs, lr: o.lr, l2: o.l2, seed: 13, minWeight: o.minWeight, posWeight: 1 });
  return { bias: m.bias, weights: new Map(Object.entries(m.weights)), threshold: o.threshold, header };
}

/** A doc's predictions with only the quotes whose probability reaches `threshold`. */
export function filteredRecord(d: QuoteDoc, probs: readonly number[], threshold: number): PredRecord {
  const rec = predRecord(d.doc);
  return { ...rec, quotes: d.quotes.filter((_, i) => probs[i] >= threshold) as unknown as Array<Record<string, unknown>> };
}

export interface QuoteCvRow {
  set: string;
  articles: number;
  rules: { p: number; r: number; f1: number; pred: number; gold: number };
  filtered: { p: number; r: number; f1: number; pred: number; gold: number };
}

export const THRESHOLDS = [0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];

/**
 * Leave-one-set-out cross-validation: train on the other sets, score the held-out set's quotes; the threshold is the
 * one of `THRESHOLDS` with the best pooled F1 (reported by threshold too).
 */
export function cvQuoteFilter(
  docs: readonly QuoteDoc[],
  opts: QuoteFilterOptions = {},
): {
  rows: QuoteCvRow[];
  pooled: QuoteCvRow;
  threshold: number;
  byThreshold: Array<{ threshold: number; p: number; r: number; f1: number }>;
} {
  const sets = [...new Set(docs.map((d) => d.set))];
  const probs = new Map<QuoteDoc, number[]>();
  for (const s of sets) {
    const m = trainQuoteFilter(
      docs.filter((d) => d.set !== s),
      opts,
    );
    for (const d of docs) if (d.set === s) probs.set(d, scoreQuotes(m, d.feats));
  }
  const gold = docs.map((d) => d.gold);
  const rules = docs.map((d) => predRecord(d.doc));
  const byThreshold = THRESHOLDS.map((t) => {
    const q = scoreGold(
      gold,
      docs.map((d) => filteredRecord(d, probs.get(d) ?? [], t)),
    ).quotes;
    return { threshold: t, p: q.p, r: q.r, f1: q.f1 };
  });
  const best = opts.threshold ?? byThreshold.reduce((a, b) => (b.f1 > a.f1 ? b : a)).threshold;
  const pick = (x: { p: number; r: number; f1: number; pred: number; gold: number }) => ({
    p: x.p,
    r: x.r,
    f1: x.f1,
    pred: x.pred,
    gold: x.gold,
  });
  const rows: QuoteCvRow[] = sets.map((s) => {
    const test = docs.filter((d) => d.set === s);
    const g = test.map((d) => d.gold);
    return {
      set: s,
      articles: test.length,
      rules: pick(
        scoreGold(
          g,
          test.map((d) => predRecord(d.doc)),
        ).quotes,
      ),
      filtered: pick(
        scoreGold(
          g,
          test.map((d) => filteredRecord(d, probs.get(d) ?? [], best)),
        ).quotes,
      ),
    };
  });
  const pooled: QuoteCvRow = {
    set: 'pooled',
    articles: docs.length,
    rules: pick(scoreGold(gold, rules).quotes),
    filtered: pick(
      scoreGold(
        gold,
        docs.map((d) => filteredRecord(d, probs.get(d) ?? [], best)),
      ).quotes,
    ),
  };
  return { rows, pooled, threshold: best, byThreshold };
}
