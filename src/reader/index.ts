import { createReadStream, readdirSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Article, Span } from '../core/types.ts';
import { findCredit, findDateline } from './wire.ts';

export { findAgency, findCredit, findDateline } from './wire.ts';

export type Format = 'txt' | 'json' | 'jsonl';

/** A reader error that names where it happened. */
export class ReadError extends Error {
  constructor(
    readonly where: string,
    message: string,
  ) {
    super(`${where}: ${message}`);
  }
}

export interface ReadOptions {
  /** Id for the article (default "article"). */
  id?: string;
  url?: string;
  source?: string;
  /** Publication date (any format `Date` parses, or ISO). */
  published?: string;
  meta?: Record<string, unknown>;
}

/** Largest single article accepted, in characters (a 50 MB "article" is a mistake, not a story). */
export const MAX_ARTICLE_CHARS = 5_000_000;

/** Parse a date in the formats news feeds use into ISO 8601 (date-time in UTC), or undefined. */
export function parseDate(s: unknown): string | undefined {
  if (typeof s !== 'string' && typeof s !== 'number') return undefined;
  const str = String(s).trim();
  if (!str) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(str)) return str;
  const t = Date.parse(str);
  if (Number.isNaN(t)) return undefined;
  return new Date(t).toISOString().replace('.000Z', 'Z');
}

/**
 * Read a plain-text wire story: the headline on the first line, a dateline at
 * the start of the body, a credit at the end. All parts keep their offsets
 * into `text`, which is kept exactly as given.
 */
export function readArticle(text: string, opts: ReadOptions = {}): Article {
  if (text.length > MAX_ARTICLE_CHARS) {
    throw new Error(`article too large (${text.length} characters, limit ${MAX_ARTICLE_CHARS}): split it into articles or use JSONL`);
  }
  // Headline: first non-empty line, when there is more than one line of content.
  let p = 0;
  while (p < text.length && /\s/.test(text[p])) p++;
  let nl = text.indexOf('\n', p);
  let headline: Span | undefined;
  let bodyStart = p;
  if (nl >= 0) {
    let rest = nl + 1;
    while (rest < text.length && /\s/.test(text[rest])) rest++;
    if (rest < text.length) {
      let he = nl;
      while (he > p && /\s/.test(text[he - 1])) he--;
      headline = { start: p, end: he };
      bodyStart = rest;
    }
  } else nl = text.length;
  return assemble(text, headline, bodyStart, text.length, opts);
}

/** Build an Article from a text, its headline span and the range of its body (dateline and credit found inside). */
function assemble(text: string, headline: Span | undefined, bodyFrom: number, bodyTo: number, opts: ReadOptions): Article {
  let from = bodyFrom;
  let to = bodyTo;
  const dl = findDateline(text, from, to);
  if (dl) {
    from = dl.span.end;
    while (from < to && /\s/.test(text[from])) from++;
  }
  const cr = findCredit(text, from, to);
  if (cr) to = cr.span.start;
  while (to > from && /\s/.test(text[to - 1])) to--;
  const body: Span = { start: from, end: to };
  const article: Article = {
    id: opts.id ?? 'article',
    headline: headline ? text.slice(headline.start, headline.end) : '',
    body: text.slice(body.start, body.end),
    text,
    spans: { body },
  };
  if (headline) article.spans.headline = headline;
  if (dl) {
    article.spans.dateline = dl.span;
    article.dateline = text.slice(dl.span.start, dl.span.end).trim();
    if (dl.place) article.datelinePlace = dl.place;
    if (dl.agency) article.agency = dl.agency;
  }
  if (cr) {
    article.spans.credit = cr.span;
    article.credit = text.slice(cr.span.start, cr.span.end);
    if (cr.agency && !article.agency) article.agency = cr.agency;
  }
  if (opts.url) article.url = opts.url;
  if (opts.source) article.source = opts.source;
  const published = parseDate(opts.published);
  if (published) article.published = published;
  if (opts.meta && Object.keys(opts.meta).length > 0) article.meta = opts.meta;
  return article;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/**
 * An Article from a JSON record `{id, title, text, url, source, time}` (the ANT
 * layout; `headline`/`body`/`content`/`published`/`date` are accepted too).
 * The analysed text is `title + "\n" + text`, so offsets match annotations made on that form.
 */
export function articleFromRecord(rec: unknown, fallbackId: string): Article {
  if (!rec || typeof rec !== 'object' || Array.isArray(rec)) throw new Error('not a JSON object');
  const r = rec as Record<string, unknown>;
  const title = str(r.title) ?? str(r.headline) ?? '';
  const bodyText = str(r.text) ?? str(r.body) ?? str(r.content) ?? '';
  if (!title.trim() && !bodyText.trim()) throw new Error('record has no title and no text');
  const text = title ? `${title}\n${bodyText}` : bodyText;
  if (text.length > MAX_ARTICLE_CHARS) throw new Error(`article too large (${text.length} characters, limit ${MAX_ARTICLE_CHARS})`);
  const known = new Set(['id', 'title', 'headline', 'text', 'body', 'content', 'url', 'link', 'source', 'time', 'published', 'date']);
  const meta: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) if (!known.has(k)) meta[k] = v;
  const opts: ReadOptions = {
    id: str(r.id) ?? fallbackId,
    url: str(r.url) ?? str(r.link),
    source: str(r.source),
    published: str(r.published) ?? str(r.time) ?? str(r.date),
    meta,
  };
  const headline: Span | undefined = title ? { start: 0, end: title.length } : undefined;
  const bodyFrom = title ? title.length + 1 : 0;
  return assemble(text, headline, bodyFrom, text.length, opts);
}

/** One item from a batch read: an article, or an error that names its input. */
export type ReadResult = { ok: true; article: Article; where: string } | { ok: false; error: string; where: string };

/**
 * Decode bytes as text: UTF-8 (BOM stripped); legacy Windows-1256 when the bytes
 * are not UTF-8 but look like it; otherwise UTF-8 with replacement characters
 * and a warning. Binary data (NUL bytes) is refused.
 */
export function decodeText(bytes: Uint8Array, where: string): { text: string; warning?: string } {
  const head = bytes.subarray(0, Math.min(bytes.length, 8192));
  if (head.includes(0)) throw new ReadError(where, 'binary file (contains NUL bytes), not text');
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch {
    // Mostly valid UTF-8 with a few bad bytes, or a legacy Arabic code page?
    const text = new TextDecoder('utf-8').decode(bytes);
    let bad = 0;
    let arabic = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0xfffd) bad++;
      else if (c >= 0x0600 && c <= 0x06ff) arabic++;
    }
    if (bad > arabic) return { text: new TextDecoder('windows-1256').decode(bytes), warning: 'not UTF-8: decoded as Windows-1256' };
    return { text, warning: `invalid UTF-8: ${bad} invalid byte sequence(s) replaced with U+FFFD` };
  }
}

/** Guess the format of a text from its name and first non-space character. */
export function detectFormat(name: string, text: string): Format {
  const ext = extname(name).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return 'json';
  if (ext === '.txt' || ext === '.text') return 'txt';
  const t = text.trimStart();
  if (t.startsWith('[')) return 'json';
  if (t.startsWith('{')) {
    const firstLine = t.slice(0, t.indexOf('\n') < 0 ? t.length : t.indexOf('\n')).trim();
    try {
      JSON.parse(firstLine);
      return t.includes('\n{') ? 'jsonl' : 'json';
    } catch {
      return 'json';
    }
  }
  return 'txt';
}

/** Articles from one already-decoded text of a given format. */
export function* articlesFromText(text: string, format: Format, name: string): Generator<ReadResult> {
  const base = basename(name).replace(/\.[^.]+$/, '') || name;
  if (format === 'txt') {
    try {
      yield { ok: true, article: readArticle(text, { id: base }), where: name };
    } catch (e) {
      yield { ok: false, error: (e as Error).message, where: name };
    }
    return;
  }
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (e) {
      yield { ok: false, error: `invalid JSON: ${(e as Error).message}`, where: name };
      return;
    }
    const items = Array.isArray(data) ? data : [data];
    for (let i = 0; i < items.length; i++) {
      const where = items.length > 1 ? `${name}[${i}]` : name;
      try {
        yield { ok: true, article: articleFromRecord(items[i], items.length > 1 ? `${base}-${i + 1}` : base), where };
      } catch (e) {
        yield { ok: false, error: (e as Error).message, where };
      }
    }
    return;
  }
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const r = jsonlLine(lines[i], name, i + 1, base);
    if (r) yield r;
  }
}

function jsonlLine(line: string, name: string, lineNo: number, base: string): ReadResult | null {
  if (!line.trim()) return null;
  const where = `${name}:${lineNo}`;
  try {
    return { ok: true, article: articleFromRecord(JSON.parse(line), `${base}-${lineNo}`), where };
  } catch (e) {
    const msg = e instanceof SyntaxError ? `invalid JSON: ${e.message}` : (e as Error).message;
    return { ok: false, error: msg, where };
  }
}

const TEXT_EXT = new Set(['.txt', '.text', '.json', '.jsonl', '.ndjson', '']);

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (e.isFile() && TEXT_EXT.has(extname(e.name).toLowerCase())) out.push(p);
  }
  return out;
}

/**
 * Articles from a file, a directory (recursively: .txt .json .jsonl files) or
 * standard input ("-"). JSONL is streamed line by line, so files of any size work;
 * a bad record is reported as an error result and the rest are read.
 * `published` is the publication date of articles that do not give one.
 */
export async function* readArticles(path: string, opts: { format?: Format; published?: string } = {}): AsyncGenerator<ReadResult> {
  const published = parseDate(opts.published);
  if (opts.published && !published) throw new Error(`not a date: "${opts.published}"`);
  for await (const r of readArticlesFrom(path, opts.format)) {
    // A publication date given by the caller applies to articles that carry none.
    if (published && r.ok && !r.article.published) r.article.published = published;
    yield r;
  }
}

async function* readArticlesFrom(path: string, format?: Format): AsyncGenerator<ReadResult> {
  const opts = { format };
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    yield* fromBytes(new Uint8Array(Buffer.concat(chunks)), 'stdin', opts.format);
    return;
  }
  let st: ReturnType<typeof statSync>;
  try {
    st = statSync(path);
  } catch (e) {
    yield {
      ok: false,
      error: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or directory' : (e as Error).message,
      where: path,
    };
    return;
  }
  if (st.isDirectory()) {
    for (const f of listFiles(path)) yield* readFile(f, opts.format);
    return;
  }
  yield* readFile(path, opts.format);
}

async function* readFile(path: string, format?: Format): AsyncGenerator<ReadResult> {
  const fmt = format ?? (await sniff(path));
  if (fmt === 'jsonl') {
    // Stream: a JSONL file can be far larger than one article.
    const rl = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Number.POSITIVE_INFINITY });
    const base = basename(path).replace(/\.[^.]+$/, '');
    let n = 0;
    try {
      for await (const line of rl) {
        n++;
        const r = jsonlLine(n === 1 && line.charCodeAt(0) === 0xfeff ? line.slice(1) : line, path, n, base);
        if (r) yield r;
      }
    } catch (e) {
      yield { ok: false, error: (e as Error).message, where: path };
    }
    return;
  }
  let bytes: Uint8Array;
  try {
    const size = statSync(path).size;
    if (size > MAX_ARTICLE_CHARS * 4) {
      yield {
        ok: false,
        error: `file too large for one ${fmt} document (${(size / 1e6).toFixed(1)} MB); use JSONL (one article per line) for large collections`,
        where: path,
      };
      return;
    }
    const fh = await open(path, 'r');
    try {
      bytes = new Uint8Array(await fh.readFile());
    } finally {
      await fh.close();
    }
  } catch (e) {
    yield { ok: false, error: (e as Error).message, where: path };
    return;
  }
  yield* fromBytes(bytes, path, fmt);
}

function* fromBytes(bytes: Uint8Array, where: string, format?: Format): Generator<ReadResult> {
  let decoded: { text: string; warning?: string };
  try {
    decoded = decodeText(bytes, where);
  } catch (e) {
    yield { ok: false, error: e instanceof ReadError ? e.message.slice(where.length + 2) : (e as Error).message, where };
    return;
  }
  if (!decoded.text.trim()) {
    yield { ok: false, error: 'empty input: no text to analyse', where };
    return;
  }
  const fmt = format ?? detectFormat(where, decoded.text);
  for (const r of articlesFromText(decoded.text, fmt, where)) {
    if (r.ok && decoded.warning) r.article.meta = { ...r.article.meta, warning: decoded.warning };
    yield r;
  }
}

async function sniff(path: string): Promise<Format> {
  const ext = extname(path).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return 'json';
  if (ext === '.txt') return 'txt';
  try {
    const fh = await open(path, 'r');
    try {
      const buf = new Uint8Array(4096);
      const { bytesRead } = await fh.read(buf, 0, 4096, 0);
      return detectFormat(path, new TextDecoder().decode(buf.subarray(0, bytesRead)));
    } finally {
      await fh.close();
    }
  } catch {
    return 'txt';
  }
}
