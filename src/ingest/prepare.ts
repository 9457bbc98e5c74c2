/**
 * Turning an analysed Doc into what the store writes: the analysis as JSON,
 * the layers as rows, the full-text term strings, the MinHash signature and the
 * term frequencies for story clustering. Runs inside the analysis workers.
 */
import { createHash } from 'node:crypto';
import type { Article, Doc } from '../core/types.ts';
import { minhash, shingles } from '../dedup/minhash.ts';
import { toAnalysis } from '../output/json.ts';
import { analyzeText } from '../search/analyzer.ts';
import { pubDate } from '../store/common.ts';
import type { StoredArticle } from '../store/types.ts';

/** The idempotency key of an article: its URL when it has one, else a hash of its text. */
export function articleKey(a: Article): string {
  if (a.url?.trim()) return `url:${a.url.trim()}`;
  return `sha1:${createHash('sha1').update(a.text).digest('hex')}`;
}

/** A prepared article: everything but the ids and links the writer decides. */
export type Prepared = Omit<StoredArticle, 'id' | 'duplicateOf' | 'similarity' | 'storyId' | 'keyterms'> & {
  /** Term frequencies of the body (story clustering). */
  tf: [string, number][];
  /** Entity keys (story clustering). */
  entityKeys: string[];
  analysisMs: number;
  prepareMs: number;
};

export interface PrepareOptions {
  /** Keep tokens and words in the stored analysis JSON (large; they can be recomputed). Default false. */
  keepTokens?: boolean;
}

/** Prepare a Doc for storage. */
export function prepareDoc(doc: Doc, analysisMs: number, opts: PrepareOptions = {}): Prepared {
  const t0 = performance.now();
  const a = doc.article;
  const analysis = toAnalysis(doc) as Record<string, unknown>;
  delete analysis.text; // stored once, in its own column
  // The article's parts are slices of the text at its spans: stored once too (restored on export).
  const art = analysis.article as Record<string, unknown> | undefined;
  if (art && typeof art === 'object') {
    analysis.article = { ...art };
    for (const k of ['headline', 'body', 'dateline', 'credit']) delete (analysis.article as Record<string, unknown>)[k];
  }
  if (!opts.keepTokens) {
    delete analysis.tokens;
    delete analysis.words;
  }
  const head = a.spans.headline;
  const body = a.spans.body;
  const terms = analyzeText(doc.text);
  const titleTerms: string[] = [];
  const bodyTerms: string[] = [];
  const bodyOnly = [];
  const tf = new Map<string, number>();
  for (const t of terms) {
    if (head && t.start >= head.start && t.end <= head.end) titleTerms.push(t.term);
    else bodyTerms.push(t.term);
    if (t.start >= body.start && t.end <= body.end) {
      bodyOnly.push(t);
      tf.set(t.term, (tf.get(t.term) ?? 0) + 1);
    }
  }
  const sig = minhash(shingles(bodyOnly, doc.text));
  const entities = doc.entities ?? [];
  const category = a.meta && typeof a.meta.category === 'string' ? a.meta.category : undefined;
  const rec: Prepared = {
    key: articleKey(a),
    extId: a.id,
    url: a.url,
    source: a.source,
    published: a.published,
    pubDate: pubDate(a.published),
    title: head ? doc.text.slice(head.start, head.end) : a.headline,
    text: doc.text,
    bodyStart: body.start,
    bodyEnd: body.end,
    topic: doc.topic?.label ?? category,
    meta: a.meta,
    analysis,
    entities,
    quotes: doc.quotes ?? [],
    events: doc.events ?? [],
    times: doc.times ?? [],
    titleTerms: titleTerms.join(' '),
    bodyTerms: bodyTerms.join(' '),
    minhash: sig,
    tf: [...tf],
    entityKeys: entities.map((e) => e.kbId ?? `${e.type}:${e.name}`),
    analysisMs,
    prepareMs: 0,
  };
  rec.prepareMs = performance.now() - t0;
  return rec;
}
