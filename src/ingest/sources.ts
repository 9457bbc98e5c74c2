/**
 * Ingest inputs: files, directories (recursively), standard input, HTML pages
 * and RSS/Atom feeds from files or URLs. Every input yields articles or error
 * records that name where they happened; nothing throws out of here.
 */
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Format, ReadResult } from '../reader/index.ts';
import { articleFromRecord, readArticles } from '../reader/index.ts';
import { decodePage, fetchBytes, htmlToArticle, looksLikeFeed, parseFeedItems } from './web.ts';

export interface SourceOptions {
  /** Force a text format for files (txt, json, jsonl). */
  format?: Format;
  /** Fetch the page each feed item links to and extract the article from it. */
  fetchLinks?: boolean;
}

const TEXT_EXT = new Set(['.txt', '.text', '.json', '.jsonl', '.ndjson']);
const HTML_EXT = new Set(['.html', '.htm', '.xhtml']);
const FEED_EXT = new Set(['.xml', '.rss', '.atom', '.rdf']);

export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...listFiles(p));
    else if (e.isFile()) {
      const x = extname(e.name).toLowerCase();
      if (TEXT_EXT.has(x) || HTML_EXT.has(x) || FEED_EXT.has(x)) out.push(p);
    }
  }
  return out;
}

/** Articles from a page or feed already decoded. */
async function* fromMarkup(text: string, where: string, opts: SourceOptions, url?: string): AsyncGenerator<ReadResult> {
  if (looksLikeFeed(text)) {
    yield* fromFeed(text, where, opts);
    return;
  }
  try {
    const id = url ?? basename(where).replace(/\.[^.]+$/, '');
    yield { ok: true, article: htmlToArticle(text, { id, url }), where };
  } catch (e) {
    yield { ok: false, error: (e as Error).message, where };
  }
}

async function* fromFeed(xml: string, where: string, opts: SourceOptions): AsyncGenerator<ReadResult> {
  let feed: ReturnType<typeof parseFeedItems>;
  try {
    feed = parseFeedItems(xml);
  } catch (e) {
    yield { ok: false, error: `invalid feed: ${(e as Error).message}`, where };
    return;
  }
  for (let i = 0; i < feed.items.length; i++) {
    const it = feed.items[i];
    const w = `${where}#${i + 1}`;
    const id = it.id ?? it.link ?? `${basename(where)}-${i + 1}`;
    if (opts.fetchLinks && it.link) {
      try {
        const page = await fetchBytes(it.link);
        const html = decodePage(page.bytes, it.link, page.contentType);
        yield {
          ok: true,
          article: htmlToArticle(html, { id, url: it.link, source: feed.source, published: it.published }),
          where: it.link,
        };
        continue;
      } catch (e) {
        if (!it.text && !it.title) {
          yield { ok: false, error: `linked page: ${(e as Error).message}`, where: it.link };
          continue;
        }
        // Fall back to the item's own text.
      }
    }
    try {
      yield {
        ok: true,
        article: articleFromRecord({ id, title: it.title, text: it.text, url: it.link, source: feed.source, published: it.published }, id),
        where: w,
      };
    } catch (e) {
      yield { ok: false, error: (e as Error).message, where: w };
    }
  }
}

async function* fromFile(path: string, opts: SourceOptions): AsyncGenerator<ReadResult> {
  const x = extname(path).toLowerCase();
  if (!opts.format && (HTML_EXT.has(x) || FEED_EXT.has(x))) {
    let text: string;
    try {
      text = decodePage(new Uint8Array(readFileSync(path)), path);
    } catch (e) {
      yield { ok: false, error: (e as Error).message, where: path };
      return;
    }
    yield* fromMarkup(text, path, opts);
    return;
  }
  if (!opts.format && !TEXT_EXT.has(x)) {
    // Unknown extension: sniff markup.
    try {
      const head = readFileSync(path, { encoding: 'latin1' }).slice(0, 2000).trimStart();
      if (head.startsWith('<')) {
        yield* fromMarkup(decodePage(new Uint8Array(readFileSync(path)), path), path, opts);
        return;
      }
    } catch {
      // readArticles reports the error
    }
  }
  yield* readArticles(path, { format: opts.format });
}

/** Every article (or error) from a list of inputs, in order. */
export async function* readInputs(inputs: string[], opts: SourceOptions = {}): AsyncGenerator<ReadResult> {
  for (const input of inputs) {
    if (isUrl(input)) {
      try {
        const page = await fetchBytes(input);
        yield* fromMarkup(decodePage(page.bytes, input, page.contentType), input, opts, input);
      } catch (e) {
        yield { ok: false, error: `fetch failed: ${(e as Error).message}`, where: input };
      }
      continue;
    }
    if (input === '-') {
      yield* readArticles('-', { format: opts.format });
      continue;
    }
    let isDir = false;
    try {
      isDir = statSync(input).isDirectory();
    } catch {
      yield { ok: false, error: 'no such file or directory', where: input };
      continue;
    }
    if (isDir) {
      for (const f of listFiles(input)) yield* fromFile(f, opts);
    } else {
      yield* fromFile(input, opts);
    }
  }
}

/** Lines in a file, read in chunks (a JSONL file can be larger than memory). */
function countLines(path: string): number {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let lines = 0;
    let last = 10;
    for (;;) {
      const got = readSync(fd, buf, 0, buf.length, null);
      if (got <= 0) break;
      for (let i = 0; i < got; i++) if (buf[i] === 10) lines++;
      last = buf[got - 1];
    }
    return last === 10 ? lines : lines + 1;
  } finally {
    closeSync(fd);
  }
}

/** A quick estimate of how many articles the inputs hold (for the progress bar's ETA), or undefined. */
export function estimateTotal(inputs: string[]): number | undefined {
  let n = 0;
  const count = (p: string): boolean => {
    const x = extname(p).toLowerCase();
    if (x === '.jsonl' || x === '.ndjson') {
      n += countLines(p);
      return true;
    }
    if (TEXT_EXT.has(x) && x !== '.json') {
      n++;
      return true;
    }
    if (HTML_EXT.has(x)) {
      n++;
      return true;
    }
    return false;
  };
  try {
    for (const input of inputs) {
      if (isUrl(input) || input === '-') return undefined;
      const st = statSync(input);
      if (st.isDirectory()) {
        for (const f of listFiles(input)) if (!count(f)) return undefined;
      } else if (!count(input)) return undefined;
    }
  } catch {
    return undefined;
  }
  return n;
}
