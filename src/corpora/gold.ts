import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../core/types.ts';
import { articleFromRecord } from '../reader/index.ts';

/** One record of the gold `articles.jsonl` (ANT corpus fields). */
export interface GoldArticleRecord {
  id: string;
  source?: string;
  url?: string;
  time?: string;
  title: string;
  abstract?: string;
  text: string;
}

export interface GoldEntity {
  name: string;
  name_en?: string;
  type: string;
  mentions: string[];
  optional?: boolean;
}

export interface GoldQuote {
  speaker: string;
  speaker_mention?: string;
  cue?: string;
  text: string;
  direct?: boolean;
}

export interface GoldEvent {
  type: string;
  source: string | null;
  source_code?: string | null;
  target?: string | null;
  target_code?: string | null;
  evidence?: string;
}

/** One record of the gold `annotations.jsonl`. */
export interface GoldAnnotation {
  id: string;
  entities: GoldEntity[];
  quotes: GoldQuote[];
  events: GoldEvent[];
}

/** Read a JSONL file into records, skipping blank and unparsable lines. */
export function readJsonl<T>(path: string): T[] {
  const out: T[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as T);
    } catch {
      // a broken line is skipped, not fatal
    }
  }
  return out;
}

/** RFC 2822 or ISO date string to an ISO 8601 date (`2018-03-23`), or undefined. */
export function isoDate(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(s);
  if (iso) return iso[1];
  const t = Date.parse(s);
  if (Number.isNaN(t)) return undefined;
  // The calendar date as written (before any time-zone shift): "Mon, 16 Apr 2018 19:05:00 +0000".
  const m = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{4})/.exec(s);
  if (m) {
    const mon = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(m[2].toLowerCase());
    if (mon >= 0) return `${m[3]}-${String(mon + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  }
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * The Article for a gold record: the annotated text is `title + "\n" + text`
 * (the abstract is not annotated), so that is `Article.text`.
 */
export function goldArticle(r: GoldArticleRecord): Article {
  const title = r.title ?? '';
  const body = r.text ?? '';
  const text = `${title}\n${body}`;
  // Read as `khabar analyze` reads a JSONL record (dateline and source credit found and kept apart), so that the scores
  // measure what users get; the text, and so every offset, is the annotated `title + "\n" + text`.
  if (title) {
    const a = articleFromRecord({ id: r.id, url: r.url, source: r.source, title, text: body }, r.id);
    if (a.text === text) {
      const published = isoDate(r.time);
      if (published) a.published = published;
      else delete a.published;
      a.meta = r.abstract ? { abstract: r.abstract } : undefined;
      return a;
    }
  }
  return {
    id: r.id,
    url: r.url,
    source: r.source,
    published: isoDate(r.time),
    headline: title,
    body,
    text,
    spans: { headline: { start: 0, end: title.length }, body: { start: title.length + 1, end: text.length } },
    meta: r.abstract ? { abstract: r.abstract } : undefined,
  };
}

/** Gold articles and annotations from a folder holding `articles.jsonl` and `annotations.jsonl`. */
export function readGold(dir: string): { articles: GoldArticleRecord[]; annotations: GoldAnnotation[] } {
  return {
    articles: readJsonl<GoldArticleRecord>(join(dir, 'articles.jsonl')),
    annotations: readJsonl<GoldAnnotation>(join(dir, 'annotations.jsonl')),
  };
}

/**
 * The ANT articles with the given ids from the corpus JSONL at `antPath` (one article per line), keyed by id; the
 * stand-off annotation files of `data/annotations/` hold ids and offsets only and are joined with the text this way.
 */
export function readAntArticles(antPath: string, ids: Iterable<string>): Map<string, GoldArticleRecord> {
  const wanted = new Set(ids);
  const ant = new Map<string, GoldArticleRecord>();
  for (const line of readFileSync(antPath, 'utf8').split('\n')) {
    if (!line) continue;
    const m = /"id":\s*"([^"]+)"/.exec(line);
    if (m && wanted.has(m[1])) ant.set(m[1], JSON.parse(line));
  }
  return ant;
}
