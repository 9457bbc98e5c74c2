/**
 * Corpus search: the query goes through the same analyzer as the documents,
 * the store ranks (BM25: SQLite FTS5's own, and the same formula computed in PostgreSQL), and snippets are
 * cut from the ORIGINAL text with offsets.
 */
import type { SearchFilters, Store } from '../store/types.ts';
import { type ParsedQuery, parseQuery, toFts5, toTsQuery } from './analyzer.ts';
import { makeSnippet, type SnippetOptions } from './snippet.ts';

export { analyzeText, lightStem, type ParsedQuery, parseQuery, type Term, termString } from './analyzer.ts';
export { findHits, makeSnippet } from './snippet.ts';

export interface SearchResult {
  id: string;
  title: string;
  source: string | null;
  published: string | null;
  snippet: string;
  score: number;
}

export interface SearchResponse {
  total: number;
  results: SearchResult[];
}

export interface SearchOptions extends SearchFilters {
  limit?: number;
  offset?: number;
  snippet?: SnippetOptions;
}

/** The store's query forms of a user query. */
export function queryForms(query: string): { parsed: ParsedQuery; fts: string; tsquery: string; hasTerms: boolean } {
  const parsed = parseQuery(query);
  return { parsed, fts: toFts5(parsed), tsquery: toTsQuery(parsed), hasTerms: parsed.clauses.length > 0 };
}

/** Search a store. An empty query (or one of stop words only) lists articles by the filters alone. */
export async function searchCorpus(store: Store, query: string, opts: SearchOptions = {}): Promise<SearchResponse> {
  const q = queryForms(query);
  const { total, rows } = await store.search({
    ...opts,
    fts: q.fts,
    tsquery: q.tsquery,
    hasTerms: q.hasTerms,
    limit: Math.max(0, Math.min(opts.limit ?? 10, 1000)),
    offset: Math.max(0, opts.offset ?? 0),
  });
  return {
    total,
    results: rows.map((r) => ({
      id: r.id,
      title: r.title,
      source: r.source ?? null,
      published: r.published ?? null,
      snippet: makeSnippet(r.text, q.parsed, { ...opts.snippet, from: r.bodyStart }),
      score: Number(Number(r.score).toPrecision(6)),
    })),
  };
}
