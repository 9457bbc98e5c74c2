/**
 * Web inputs: HTML pages (main-article extraction with @mozilla/readability on
 * a linkedom DOM, so menus, comments and footers are left out) and RSS/Atom
 * feeds (feedsmith; every item becomes an article, its linked page is fetched
 * only when asked).
 */
import { Readability } from '@mozilla/readability';
import { parseFeed } from 'feedsmith';
import { parseHTML } from 'linkedom';
import type { Article } from '../core/types.ts';
import { articleFromRecord, decodeText } from '../reader/index.ts';

const BLOCK = new Set([
  'P',
  'DIV',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'TR',
  'BR',
  'SECTION',
  'ARTICLE',
  'FIGCAPTION',
  'UL',
  'OL',
  'TABLE',
  'HEADER',
  'FOOTER',
]);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Text of an HTML fragment with one line per block element (not `textContent`, which glues paragraphs). */
export function htmlToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const parts: string[] = [];
  let line = '';
  const flush = (): void => {
    const t = line.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim();
    if (t) parts.push(t);
    line = '';
  };
  const walk = (n: DomNode): void => {
    if (n.nodeType === 3) {
      line += n.textContent ?? '';
      return;
    }
    if (n.nodeType !== 1) return;
    const name = n.nodeName.toUpperCase();
    if (name === 'SCRIPT' || name === 'STYLE' || name === 'NOSCRIPT') return;
    const block = BLOCK.has(name);
    if (block) flush();
    for (let i = 0; i < n.childNodes.length; i++) walk(n.childNodes[i]);
    if (block) flush();
  };
  walk(document.body as unknown as DomNode);
  flush();
  return parts.join('\n');
}

/** The charset a page declares in a `<meta>` tag, if any. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : undefined;
}

/** Decode page bytes: the declared charset (windows-1256 for legacy Arabic pages), else UTF-8 detection. */
export function decodePage(bytes: Uint8Array, where: string, contentType?: string | null): string {
  const fromHeader = contentType ? /charset=([\w-]+)/i.exec(contentType)?.[1]?.toLowerCase() : undefined;
  const cs = fromHeader ?? declaredCharset(bytes);
  if (cs && cs !== 'utf-8' && cs !== 'utf8') {
    try {
      return new TextDecoder(cs === 'cp1256' ? 'windows-1256' : cs).decode(bytes);
    } catch {
      // unknown label: fall through
    }
  }
  return decodeText(bytes, where).text;
}

/** An article from an HTML page (main content only). Throws when no article content is found. */
export function htmlToArticle(html: string, opts: { id: string; url?: string; source?: string; published?: string }): Article {
  const { document } = parseHTML(html);
  const meta = (sel: string): string | undefined => {
    const el = document.querySelector(sel) as { getAttribute(n: string): string | null } | null;
    return el?.getAttribute('content') ?? undefined;
  };
  const published =
    opts.published ??
    meta('meta[property="article:published_time"]') ??
    meta('meta[name="date"]') ??
    meta('meta[itemprop="datePublished"]');
  const canonical = (document.querySelector('link[rel="canonical"]') as { getAttribute(n: string): string | null } | null)?.getAttribute(
    'href',
  );
  const parsed = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 100 }).parse();
  if (!parsed?.content) throw new Error('no article content found in the page');
  const body = htmlToText(parsed.content);
  if (body.replace(/\s+/g, '').length < 40) throw new Error('no article text found in the page (menus and boilerplate only)');
  const siteName = parsed.siteName ?? meta('meta[property="og:site_name"]');
  let title = (parsed.title ?? '').trim();
  // "Headline | Site" → "Headline".
  const parts = title.split(/\s+[|–—-]\s+/);
  if (parts.length > 1 && siteName && parts[parts.length - 1].trim() === siteName.trim()) title = parts.slice(0, -1).join(' - ');
  return articleFromRecord(
    {
      id: opts.id,
      title,
      text: body,
      url: opts.url ?? canonical ?? undefined,
      source: opts.source ?? siteName,
      published,
      ...(parsed.byline ? { byline: parsed.byline } : {}),
    },
    opts.id,
  );
}

/** True when a text looks like an RSS/Atom/RDF feed. */
export function looksLikeFeed(text: string): boolean {
  const head = text.slice(0, 2000);
  return /<rss[\s>]|<feed[\s>]|<rdf:RDF[\s>]/i.test(head);
}

export interface FeedItem {
  title: string;
  link?: string;
  published?: string;
  /** Item text (content or description), as plain text. */
  text: string;
  id?: string;
}

function val(x: unknown): string | undefined {
  if (typeof x === 'string') return x;
  if (x && typeof x === 'object' && 'value' in x && typeof (x as { value: unknown }).value === 'string')
    return (x as { value: string }).value;
  return undefined;
}

/** The items of an RSS, Atom or RDF feed, with the feed's title as the source. */
export function parseFeedItems(xml: string): { source?: string; items: FeedItem[] } {
  const parsed = parseFeed(xml) as { format: string; feed: Record<string, unknown> };
  const feed = parsed.feed;
  const source = val(feed.title);
  const raw = ((feed.items ?? feed.entries ?? []) as Record<string, unknown>[]) || [];
  const items: FeedItem[] = [];
  for (const it of raw) {
    const content = it.content as Record<string, unknown> | string | undefined;
    const html =
      (content && typeof content === 'object' && typeof content.encoded === 'string' ? content.encoded : undefined) ??
      val(content) ??
      val(it.description) ??
      val(it.summary) ??
      '';
    let link = typeof it.link === 'string' ? it.link : undefined;
    if (!link && Array.isArray(it.links)) {
      const l = (it.links as { href?: string; rel?: string }[]).find((x) => !x.rel || x.rel === 'alternate');
      link = l?.href;
    }
    const guid = it.guid as unknown;
    items.push({
      title: (val(it.title) ?? '').trim(),
      link,
      published: val(it.pubDate) ?? val(it.published) ?? val(it.updated) ?? (it.dc as { date?: string } | undefined)?.date,
      text: html ? htmlToText(html) : '',
      id: val(guid) ?? val(it.id),
    });
  }
  return { source, items };
}

/** Fetch a URL as bytes with a timeout; throws on HTTP errors. */
export async function fetchBytes(url: string, timeoutMs = 20_000): Promise<{ bytes: Uint8Array; contentType: string | null }> {
  const ctl = new AbortController();
  const t = setTimeout(() => ctl.abort(), timeoutMs);
  try {
    const res = await fetch(url, {
      signal: ctl.signal,
      headers: { 'user-agent': 'khabar/0.1 (+https://github.com/khabar)' },
      redirect: 'follow',
    });
    if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
    return { bytes: new Uint8Array(await res.arrayBuffer()), contentType: res.headers.get('content-type') };
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw new Error(`timed out after ${timeoutMs / 1000} s`);
    throw e;
  } finally {
    clearTimeout(t);
  }
}
