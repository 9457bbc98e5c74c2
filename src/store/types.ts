/**
 * The corpus store: one interface, two back ends (SQLite embedded, PostgreSQL
 * server). Ingest prepares `StoredArticle` records (analysis done, terms and
 * signatures computed, duplicate/story links decided) and writes them in
 * batches, one transaction each, so a crash never leaves half an article.
 */
import type { Entity, Event, Quote, TimeExpr } from '../core/types.ts';

/** One article ready to be written, with every layer that exists. */
export interface StoredArticle {
  /** Row id, allocated by the single writer (ingest) so links can point to rows of the same batch. */
  id: number;
  /** Idempotency key: `url:<url>` or `sha1:<hash of the text>`. */
  key: string;
  extId: string;
  url?: string;
  source?: string;
  published?: string;
  /** `YYYY-MM-DD` from `published` where it parses. */
  pubDate?: string;
  title: string;
  text: string;
  bodyStart: number;
  bodyEnd: number;
  topic?: string;
  meta?: Record<string, unknown>;
  /** The analysis (Doc layers) as a JSON-able object. */
  analysis: Record<string, unknown>;
  entities: Entity[];
  quotes: Quote[];
  events: Event[];
  times: TimeExpr[];
  /** Analysed terms of the headline and of the whole text (space-separated, see `src/search/analyzer.ts`). */
  titleTerms: string;
  bodyTerms: string;
  /** MinHash signature of the body shingles. */
  minhash: Uint32Array | null;
  /** Most characteristic terms (story clustering), space-separated. */
  keyterms: string;
  /** Row id of the first copy when this is a near-duplicate. */
  duplicateOf: number | null;
  similarity: number | null;
  storyId: number | null;
}

/** A story (cluster of articles about one event) as persisted. */
export interface StoryRow {
  id: number;
  firstPublished: string | null;
  lastPublished: string | null;
  size: number;
  label: string;
  /** Centroid: term → weight. */
  centroid: Record<string, number>;
}

export interface SearchFilters {
  entity?: string;
  source?: string;
  /** Inclusive `YYYY-MM-DD` bounds. */
  from?: string;
  to?: string;
  topic?: string;
  eventType?: string;
  /** Include near-duplicates (linked copies); default false. */
  includeDuplicates?: boolean;
}

export interface SearchRequest extends SearchFilters {
  /** FTS5 MATCH expression (SQLite) — built from the parsed query. */
  fts: string;
  /** tsquery string (PostgreSQL, `simple` config) — built from the same parsed query. */
  tsquery: string;
  /** False when the query has no terms (filters only). */
  hasTerms: boolean;
  limit: number;
  offset: number;
}

export interface SearchRow {
  id: string;
  title: string;
  source: string | null;
  published: string | null;
  text: string;
  bodyStart: number;
  score: number;
}

export interface Stats {
  articles: number;
  entities: number;
  quotes: number;
  events: number;
  duplicates: number;
  stories: number;
}

export interface AggregateFilters {
  /** Restrict to articles matching a search query (FTS expression / tsquery). */
  fts?: string;
  tsquery?: string;
  from?: string;
  to?: string;
  source?: string;
  limit?: number;
}

/** Filters of `topEntities`: one entity type, and only entities without a knowledge-base entry (`unlinked`). */
export interface EntityFilters extends AggregateFilters {
  type?: string;
  unlinked?: boolean;
}

/** Filters of `eventsBetween`: one actor or two (either direction), the period, and whether learned events count. */
export interface EventFilters extends AggregateFilters {
  a: string;
  b?: string;
  period: 'day' | 'month' | 'year';
  /** Only the trigger rules' events (leave out those of the learned actor-event layer, `via = 'model'`). */
  rulesOnly?: boolean;
}

export interface EntityCount {
  name: string;
  type: string;
  kbId: string | null;
  articles: number;
  mentions: number;
}

export interface SpeakerQuotes {
  speaker: string;
  kbId: string | null;
  quotes: number;
  examples: { article: string; text: string; published: string | null }[];
}

export interface EventPeriodCount {
  period: string;
  type: string;
  source: string;
  target: string;
  count: number;
}

export interface PairCount {
  a: string;
  b: string;
  articles: number;
}

export type ExportWhat = 'analyses' | 'entities' | 'quotes' | 'events';

/** What ingest needs to resume dedup and clustering state. */
export interface DedupRecord {
  id: number;
  minhash: Uint32Array;
  pubDate: string | null;
  storyId: number | null;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Apply pending migrations; returns the schema version. */
  migrate(): Promise<number>;
  /** Which of these keys are already stored. */
  existingKeys(keys: string[]): Promise<Set<string>>;
  /** Highest article and story row ids (0 when empty). */
  maxIds(): Promise<{ article: number; story: number }>;
  /** Signatures of first copies (not duplicates), for the LSH index. */
  dedupRecords(): Promise<DedupRecord[]>;
  /** Stories, for incremental clustering. */
  stories(): Promise<StoryRow[]>;
  /** Write articles and updated stories in one transaction. */
  writeBatch(articles: StoredArticle[], stories: StoryRow[]): Promise<void>;
  search(req: SearchRequest): Promise<{ total: number; rows: SearchRow[] }>;
  stats(): Promise<Stats>;
  /** Entities by number of articles; `unlinked`: only those without a knowledge-base entry (candidates for `data/kb`). */
  topEntities(f: EntityFilters): Promise<EntityCount[]>;
  quotesBySpeaker(f: AggregateFilters & { speaker?: string }): Promise<SpeakerQuotes[]>;
  eventsBetween(f: EventFilters): Promise<EventPeriodCount[]>;
  cooccurrence(f: AggregateFilters & { entity?: string }): Promise<PairCount[]>;
  /** Refresh planner statistics and index structures after a bulk ingest. */
  optimize(): Promise<void>;
  /** Rows for export, streamed. */
  exportRows(what: ExportWhat): AsyncIterable<Record<string, unknown>>;
  close(): Promise<void>;
}
