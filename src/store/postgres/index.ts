/**
 * The server store: PostgreSQL through `pg`. Same tables and the same
 * pre-analysed term strings as SQLite; full text with a GIN-indexed tsvector in
 * the `simple` configuration (no stemming, no stop words: the analyzer did it),
 * so both back ends match the same articles for the same query.
 */
import pg from 'pg';
import type { Entity } from '../../core/types.ts';
import { matchForm } from '../../text/normalize.ts';
import {
  actorCountry,
  actorName,
  bytesToSig,
  entityColumns,
  entityKey,
  entityQueryForms,
  periodLength,
  sigToBytes,
  storyCutoff,
} from '../common.ts';
import type {
  AggregateFilters,
  DedupRecord,
  EntityCount,
  EntityFilters,
  EventFilters,
  EventPeriodCount,
  ExportWhat,
  PairCount,
  SearchRequest,
  SearchRow,
  SpeakerQuotes,
  Stats,
  Store,
  StoredArticle,
  StoryRow,
} from '../types.ts';
import { POSTGRES_MIGRATIONS } from './migrations.ts';

/** PostgreSQL text cannot hold NUL: replace it (same length, offsets kept). */
function clean(s: string): string;
function clean(s: string | null | undefined): string | null;
function clean(s: string | null | undefined): string | null {
  if (s === null || s === undefined) return null;
  return s.includes('\u0000') ? s.replaceAll('\u0000', '\ufffd') : s;
}

/** The clauses of a tsquery built by `toTsQuery`: `'a' & ('b' <-> 'c')` → [[a], [b, c]]. */
function parseTsClauses(tsquery: string): string[][] {
  return tsquery
    .split(' & ')
    .map((c) => [...c.matchAll(/'([^']*)'/g)].map((m) => m[1]))
    .filter((c) => c.length > 0);
}

/** A tsvector holds at most 1 MB: index the first 300,000 characters of terms of a giant article. */
function capTerms(s: string): string {
  if (s.length <= 300_000) return s;
  const cut = s.lastIndexOf(' ', 300_000);
  return s.slice(0, cut > 0 ? cut : 300_000);
}

/**
 * Term frequencies per column (`{term: [inTitle, inBody]}`) and the length in
 * terms of an article's pre-analysed term strings: what BM25 needs, as FTS5 keeps it.
 */
function termCounts(title: string, body: string): { json: string; length: number } {
  const tf = new Map<string, [number, number]>();
  let length = 0;
  for (const [col, s] of [
    [0, title],
    [1, body],
  ] as const) {
    for (const t of s.split(' ')) {
      if (!t) continue;
      length++;
      let c = tf.get(t);
      if (!c) tf.set(t, (c = [0, 0]));
      c[col]++;
    }
  }
  return { json: cleanJson(Object.fromEntries(tf)), length };
}

function cleanJson(v: unknown): string {
  return JSON.stringify(v).replaceAll('\\u0000', '\\ufffd');
}

/** Collects positional parameters: `p(x)` returns `$n`. */
class Params {
  readonly values: unknown[] = [];
  p(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

type Filters = AggregateFilters & { entity?: string; topic?: string; eventType?: string; includeDuplicates?: boolean };

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly pool: pg.Pool;
  private entityIds = new Map<string, number>();

  constructor(url: string) {
    this.pool = new pg.Pool({ connectionString: url, max: 4 });
    this.pool.on('error', () => {
      // idle client errors are reported on the next query
    });
  }

  private async q<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return (await this.pool.query(sql, params)).rows as T[];
  }

  async migrate(): Promise<number> {
    const c = await this.pool.connect();
    try {
      await c.query('SELECT pg_advisory_lock(727274)');
      await c.query(
        'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)',
      );
      const cur = Number((await c.query('SELECT coalesce(max(version), 0) AS v FROM schema_version')).rows[0].v);
      for (const m of POSTGRES_MIGRATIONS) {
        if (m.version <= cur) continue;
        await c.query('BEGIN');
        try {
          await c.query(m.sql);
          await c.query('INSERT INTO schema_version (version, description, applied_at) VALUES ($1, $2, now())', [m.version, m.description]);
          await c.query('COMMIT');
        } catch (e) {
          await c.query('ROLLBACK');
          throw e;
        }
      }
    } finally {
      await c.query('SELECT pg_advisory_unlock(727274)').catch(() => {});
      c.release();
    }
    return POSTGRES_MIGRATIONS[POSTGRES_MIGRATIONS.length - 1].version;
  }

  async existingKeys(keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.q<{ key: string }>('SELECT key FROM articles WHERE key = ANY($1::text[])', [keys.map((k) => clean(k))]);
    return new Set(rows.map((r) => r.key));
  }

  async maxIds(): Promise<{ article: number; story: number }> {
    const [r] = await this.q<{ a: string; s: string }>(
      'SELECT (SELECT coalesce(max(id), 0) FROM articles) AS a, (SELECT coalesce(max(id), 0) FROM stories) AS s',
    );
    return { article: Number(r.a), story: Number(r.s) };
  }

  async dedupRecords(): Promise<DedupRecord[]> {
    const rows = await this.q<{ id: string; minhash: Buffer; pub_date: string | null; story_id: string | null }>(
      'SELECT a.id, t.minhash, a.pub_date, a.story_id FROM articles a JOIN article_texts t ON t.id = a.id WHERE a.duplicate_of IS NULL AND t.minhash IS NOT NULL ORDER BY a.id',
    );
    const out: DedupRecord[] = [];
    for (const r of rows) {
      const sig = bytesToSig(r.minhash);
      if (sig) out.push({ id: Number(r.id), minhash: sig, pubDate: r.pub_date, storyId: r.story_id === null ? null : Number(r.story_id) });
    }
    return out;
  }

  async stories(): Promise<StoryRow[]> {
    const rows = await this.q<{
      id: string;
      first_published: string | null;
      last_published: string | null;
      size: number;
      label: string;
      centroid: Record<string, number>;
    }>(`SELECT * FROM stories WHERE last_published IS NULL OR last_published >= $1 ORDER BY id`, [
      storyCutoff((await this.q<{ m: string | null }>('SELECT max(last_published) AS m FROM stories'))[0].m),
    ]);
    return rows.map((r) => ({
      id: Number(r.id),
      firstPublished: r.first_published,
      lastPublished: r.last_published,
      size: r.size,
      label: r.label,
      centroid: r.centroid,
    }));
  }

  async writeBatch(articles: StoredArticle[], stories: StoryRow[]): Promise<void> {
    this.statCache.clear();
    const c = await this.pool.connect();
    const cachedBefore = new Map(this.entityIds);
    try {
      await c.query('BEGIN');
      // 1. Articles (ON CONFLICT: an article already stored is skipped with all its layers).
      const inserted = new Set<number>();
      if (articles.length > 0) {
        const col = <T>(f: (a: StoredArticle) => T): T[] => articles.map(f);
        const r = await c.query(
          `INSERT INTO articles (id, key, ext_id, url, source, published, pub_date, title, body_start, body_end, topic,
            duplicate_of, similarity, story_id, keyterms, ingested_at, tsv, doc_len, tf)
           SELECT id, key, ext_id, url, source, published, pub_date, title, body_start, body_end, topic,
             duplicate_of, similarity, story_id, keyterms, now(),
             setweight(to_tsvector('simple', tt), 'A') || setweight(to_tsvector('simple', bt), 'D'), doc_len, tf
           FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[],
             $10::int[], $11::text[], $12::bigint[], $13::real[], $14::bigint[], $15::text[], $16::text[], $17::text[], $18::int[], $19::jsonb[])
             AS u(id, key, ext_id, url, source, published, pub_date, title, body_start, body_end, topic,
               duplicate_of, similarity, story_id, keyterms, tt, bt, doc_len, tf)
           ON CONFLICT (key) DO NOTHING RETURNING id`,
          [
            col((a) => a.id),
            col((a) => clean(a.key)),
            col((a) => clean(a.extId)),
            col((a) => clean(a.url)),
            col((a) => clean(a.source)),
            col((a) => clean(a.published)),
            col((a) => a.pubDate ?? null),
            col((a) => clean(a.title)),
            col((a) => a.bodyStart),
            col((a) => a.bodyEnd),
            col((a) => clean(a.topic)),
            col((a) => a.duplicateOf),
            col((a) => a.similarity),
            col((a) => a.storyId),
            col((a) => a.keyterms),
            col((a) => capTerms(a.titleTerms)),
            col((a) => capTerms(a.bodyTerms)),
            col((a) => termCounts(capTerms(a.titleTerms), capTerms(a.bodyTerms)).length),
            col((a) => termCounts(capTerms(a.titleTerms), capTerms(a.bodyTerms)).json),
          ],
        );
        for (const row of r.rows as { id: string }[]) inserted.add(Number(row.id));
        const fresh = articles.filter((a) => inserted.has(a.id));
        if (fresh.length > 0) {
          const fcol = <T>(f: (a: StoredArticle) => T): T[] => fresh.map(f);
          await c.query(
            `INSERT INTO article_texts (id, text, analysis, meta, minhash)
             SELECT id, text, analysis::jsonb, meta::jsonb, decode(minhash, 'hex') FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[])
               AS u(id, text, analysis, meta, minhash)`,
            [
              fcol((a) => a.id),
              fcol((a) => clean(a.text)),
              fcol((a) => cleanJson(a.analysis)),
              fcol((a) => (a.meta ? cleanJson(a.meta) : null)),
              fcol((a) => sigToBytes(a.minhash)?.toString('hex') ?? null),
            ],
          );
        }
      }
      const kept = articles.filter((a) => inserted.has(a.id));
      // 2. Entities: bulk upsert of the ones not cached.
      const fresh = new Map<string, Entity>();
      for (const a of kept) for (const e of a.entities) if (!this.entityIds.has(entityKey(e))) fresh.set(entityKey(e), e);
      if (fresh.size > 0) {
        const cols = [...fresh.values()].map(entityColumns);
        const rows = await c.query(
          `INSERT INTO entities (ekey, type, name, match, terms, name_en, kb_id, country, role)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
           ON CONFLICT (ekey) DO UPDATE SET name_en = coalesce(entities.name_en, excluded.name_en) RETURNING id, ekey`,
          [
            cols.map((x) => clean(x.ekey)),
            cols.map((x) => x.type),
            cols.map((x) => clean(x.name)),
            cols.map((x) => clean(x.match)),
            cols.map((x) => clean(x.terms)),
            cols.map((x) => clean(x.nameEn)),
            cols.map((x) => clean(x.kbId)),
            cols.map((x) => x.country),
            cols.map((x) => x.role),
          ],
        );
        for (const r of rows.rows as { id: string; ekey: string }[]) this.entityIds.set(r.ekey, Number(r.id));
      }
      // 3. Layers, one bulk insert per table.
      const ae: unknown[][] = [[], [], [], []];
      const mn: unknown[][] = [[], [], [], [], [], []];
      const qt: unknown[][] = [[], [], [], [], [], [], [], []];
      const ev: unknown[][] = Array.from({ length: 21 }, () => []);
      const tm: unknown[][] = [[], [], [], [], [], []];
      const push = (cols: unknown[][], vals: unknown[]): void => {
        for (let i = 0; i < vals.length; i++) cols[i].push(vals[i]);
      };
      for (const a of kept) {
        const local = new Map<string, number>();
        const byLocal = new Map<string, Entity>();
        for (const e of a.entities) {
          const gid = this.entityIds.get(entityKey(e)) ?? this.entityIds.get(clean(entityKey(e)))!;
          if (local.has(e.id)) continue;
          local.set(e.id, gid);
          byLocal.set(e.id, e);
          push(ae, [a.id, e.id, gid, e.mentions.length]);
          for (const m of e.mentions) push(mn, [a.id, gid, m.start, m.end, clean(m.text), m.via ?? null]);
        }
        for (const q of a.quotes) {
          push(qt, [
            a.id,
            q.speaker ? (local.get(q.speaker) ?? null) : null,
            clean(q.speakerText),
            clean(q.cue),
            q.start,
            q.end,
            clean(q.text),
            q.direct,
          ]);
        }
        for (const e of a.events) {
          const s = actorName(e.source, byLocal);
          const t = actorName(e.target, byLocal);
          push(ev, [
            a.id,
            e.type,
            e.source?.entity ? (local.get(e.source.entity) ?? null) : null,
            clean(s),
            s ? matchForm(s) : null,
            actorCountry(e.source, byLocal),
            e.source?.role ?? null,
            e.target?.entity ? (local.get(e.target.entity) ?? null) : null,
            clean(t),
            t ? matchForm(t) : null,
            actorCountry(e.target, byLocal),
            e.target?.role ?? null,
            clean(e.trigger),
            e.start,
            e.end,
            e.sentence,
            clean(e.location?.name),
            e.location?.country ?? null,
            e.date ?? null,
            e.via ?? null,
            e.score ?? null,
          ]);
        }
        for (const t of a.times) push(tm, [a.id, t.start, t.end, clean(t.text), t.value ?? null, t.type]);
      }
      if (ae[0].length) {
        await c.query(
          'INSERT INTO article_entities SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::int[]) ON CONFLICT DO NOTHING',
          ae,
        );
      }
      if (mn[0].length) {
        await c.query(
          'INSERT INTO mentions SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::int[], $4::int[], $5::text[], $6::text[])',
          mn,
        );
      }
      if (qt[0].length) {
        await c.query(
          `INSERT INTO quotes (article_id, speaker_entity_id, speaker_text, cue, start, "end", text, direct)
           SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::bool[])`,
          qt,
        );
      }
      if (ev[0].length) {
        await c.query(
          `INSERT INTO events (article_id, type, source_entity_id, source_name, source_match, source_country, source_role, target_entity_id,
            target_name, target_match, target_country, target_role, trigger, start, "end", sentence, location, location_country, date, via, score)
           SELECT * FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::text[],
             $10::text[], $11::text[], $12::text[], $13::text[], $14::int[], $15::int[], $16::int[], $17::text[], $18::text[], $19::text[],
             $20::text[], $21::real[])`,
          ev,
        );
      }
      if (tm[0].length) {
        await c.query('INSERT INTO times SELECT * FROM unnest($1::bigint[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[])', tm);
      }
      for (const s of stories) {
        await c.query(
          `INSERT INTO stories (id, first_published, last_published, size, label, centroid) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (id) DO UPDATE SET first_published = excluded.first_published, last_published = excluded.last_published,
           size = excluded.size, label = excluded.label, centroid = excluded.centroid`,
          [s.id, s.firstPublished, s.lastPublished, s.size, clean(s.label), cleanJson(s.centroid)],
        );
      }
      await c.query('COMMIT');
    } catch (e) {
      this.entityIds = cachedBefore;
      await c.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      c.release();
    }
  }

  private entityMatch(p: Params, name: string): string {
    const f = entityQueryForms(name);
    return `SELECT id FROM entities WHERE match = ${p.p(f.match)} OR terms = ${p.p(f.terms)} OR kb_id = ${p.p(f.raw)} OR lower(name_en) = lower(${p.p(f.raw)})`;
  }

  private filters(f: Filters, p: Params): string[] {
    const w: string[] = [];
    if (!f.includeDuplicates) w.push('a.duplicate_of IS NULL');
    if (f.source) w.push(`lower(a.source) = lower(${p.p(f.source)})`);
    if (f.from) w.push(`a.pub_date >= ${p.p(f.from.slice(0, 10))}`);
    if (f.to) w.push(`a.pub_date <= ${p.p(f.to.slice(0, 10))}`);
    if (f.topic) w.push(`lower(a.topic) = lower(${p.p(f.topic)})`);
    if (f.eventType) w.push(`EXISTS (SELECT 1 FROM events ev WHERE ev.article_id = a.id AND ev.type = ${p.p(f.eventType.toUpperCase())})`);
    if (f.entity)
      w.push(`a.id IN (SELECT ae.article_id FROM article_entities ae WHERE ae.entity_id IN (${this.entityMatch(p, f.entity)}))`);
    if (f.tsquery) w.push(`a.tsv @@ to_tsquery('simple', ${p.p(f.tsquery)})`);
    return w;
  }

  async search(req: SearchRequest): Promise<{ total: number; rows: SearchRow[] }> {
    const p = new Params();
    const w = this.filters({ ...req, tsquery: req.hasTerms ? req.tsquery : undefined }, p);
    const where = w.length ? `WHERE ${w.join(' AND ')}` : '';
    const countValues = [...p.values];
    const score = req.hasTerms ? await this.bm25(req, p) : '0';
    const order = req.hasTerms ? 'score DESC, a.id' : 'a.pub_date DESC NULLS LAST, a.id';
    // One pass over the matches: the total comes from a window count computed before the LIMIT.
    const rows = await this.q<SearchRow & { total: number }>(
      `SELECT r.id, r.title, r.source, r.published, t.text, r."bodyStart", r.score, r.total FROM (
         SELECT a.id AS aid, a.ext_id AS id, a.title, a.source, a.published, a.pub_date, a.body_start AS "bodyStart", ${score}::float8 AS score,
           (count(*) OVER ())::int AS total
         FROM articles a ${where} ORDER BY ${order} LIMIT ${p.p(req.limit)} OFFSET ${p.p(req.offset)}
       ) r JOIN article_texts t ON t.id = r.aid ORDER BY ${req.hasTerms ? 'r.score DESC, r.aid' : 'r.pub_date DESC NULLS LAST, r.aid'}`,
      p.values,
    );
    let total = rows[0]?.total;
    if (total === undefined) {
      // No row on this page (limit 0 or past the end): count separately.
      total = (await this.q<{ n: number }>(`SELECT count(*)::int AS n FROM articles a ${where}`, countValues))[0].n;
    }
    return { total, rows: rows.map(({ total: _t, ...r }) => r) };
  }

  /**
   * The score SQLite's FTS5 gives with \`bm25(fts, 2.0, 1.0)\` (k1 1.2, b 0.75, title
   * weight 2, IDF floored at 1e-6), over the articles FTS5 would rank together
   * (near-duplicates apart), so both back ends order results alike. A phrase's
   * frequency is that of its rarest word (FTS5 counts the phrase itself).
   */
  private async bm25(req: SearchRequest, p: Params): Promise<string> {
    const dup = req.includeDuplicates === true;
    const where = `duplicate_of IS ${dup ? 'NOT NULL' : 'NULL'}`;
    const st = await this.cached(`stats:${dup}`, async () => {
      const [r] = await this.q<{ n: number; tokens: number }>(
        `SELECT count(*)::int AS n, coalesce(sum(doc_len), 0)::float8 AS tokens FROM articles WHERE ${where}`,
      );
      return r;
    });
    const n = st.n;
    const avgdl = n > 0 && st.tokens > 0 ? st.tokens / n : 1;
    const clauses = parseTsClauses(req.tsquery);
    const parts: string[] = [];
    for (const terms of clauses) {
      const clause = terms.length === 1 ? `'${terms[0]}'` : terms.map((t) => `'${t}'`).join(' <-> ');
      const h = await this.cached(`hits:${dup}:${clause}`, async () => {
        const [r] = await this.q<{ hits: number }>(
          `SELECT count(*)::int AS hits FROM articles WHERE ${where} AND tsv @@ to_tsquery('simple', $1)`,
          [clause],
        );
        return r;
      });
      let idf = Math.log((n - h.hits + 0.5) / (h.hits + 0.5));
      if (!(idf > 0)) idf = 1e-6;
      const freqs = terms.map((t) => {
        const k = p.p(t);
        return `(2.0 * coalesce((a.tf -> ${k} ->> 0)::float8, 0) + coalesce((a.tf -> ${k} ->> 1)::float8, 0))`;
      });
      const f = freqs.length === 1 ? freqs[0] : `LEAST(${freqs.join(', ')})`;
      parts.push(`${idf} * ((${f}) * 2.2) / ((${f}) + 1.2 * (0.25 + 0.75 * a.doc_len / ${avgdl}))`);
    }
    return parts.length ? `(${parts.join(' + ')})` : '0';
  }

  /** Corpus statistics for ranking (article count, lengths, term document counts), kept until this store writes or for 60 s. */
  private statCache = new Map<string, { at: number; value: unknown }>();

  private async cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.statCache.get(key);
    if (hit && Date.now() - hit.at < 60_000) return hit.value as T;
    const value = await compute();
    if (this.statCache.size > 10_000) this.statCache.clear();
    this.statCache.set(key, { at: Date.now(), value });
    return value;
  }

  async stats(): Promise<Stats> {
    const [r] = await this.q<Stats>(
      `SELECT (SELECT count(*)::int FROM articles) AS articles, (SELECT count(*)::int FROM entities) AS entities,
        (SELECT count(*)::int FROM quotes) AS quotes, (SELECT count(*)::int FROM events) AS events,
        (SELECT count(*)::int FROM articles WHERE duplicate_of IS NOT NULL) AS duplicates, (SELECT count(*)::int FROM stories) AS stories`,
    );
    return r;
  }

  async topEntities(f: EntityFilters): Promise<EntityCount[]> {
    const p = new Params();
    const w = this.filters(f, p);
    if (f.type) w.push(`e.type = ${p.p(f.type.toUpperCase())}`);
    if (f.unlinked) w.push('e.kb_id IS NULL');
    return this.q<EntityCount>(
      `SELECT e.name, e.type, e.kb_id AS "kbId", count(DISTINCT a.id)::int AS articles, sum(ae.mentions)::int AS mentions
       FROM article_entities ae JOIN articles a ON a.id = ae.article_id JOIN entities e ON e.id = ae.entity_id
       ${w.length ? `WHERE ${w.join(' AND ')}` : ''} GROUP BY e.id ORDER BY articles DESC, mentions DESC, e.name COLLATE "C" LIMIT ${p.p(f.limit ?? 20)}`,
      p.values,
    );
  }

  async quotesBySpeaker(f: AggregateFilters & { speaker?: string }): Promise<SpeakerQuotes[]> {
    const p = new Params();
    const w = this.filters(f, p);
    if (f.speaker) w.push(`(q.speaker_entity_id IN (${this.entityMatch(p, f.speaker)}) OR q.speaker_text = ${p.p(f.speaker.trim())})`);
    const where = w.length ? `WHERE ${w.join(' AND ')}` : '';
    const g = "coalesce(CAST(e.id AS TEXT), 't:' || q.speaker_text)";
    const groups = await this.q<{ speaker: string; kbId: string | null; quotes: number; g: string }>(
      `SELECT min(coalesce(e.name, q.speaker_text)) AS speaker, min(e.kb_id) AS "kbId", count(*)::int AS quotes, ${g} AS g
       FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_entity_id ${where}
       GROUP BY ${g} ORDER BY quotes DESC, min(coalesce(e.name, q.speaker_text)) COLLATE "C" LIMIT ${p.p(f.limit ?? 20)}`,
      p.values,
    );
    const out: SpeakerQuotes[] = [];
    for (const x of groups) {
      const p2 = new Params();
      const w2 = this.filters(f, p2);
      w2.push(`${g} = ${p2.p(x.g)}`);
      const examples = await this.q<SpeakerQuotes['examples'][number]>(
        `SELECT a.ext_id AS article, q.text, a.published FROM quotes q JOIN articles a ON a.id = q.article_id
         LEFT JOIN entities e ON e.id = q.speaker_entity_id WHERE ${w2.join(' AND ')} ORDER BY a.pub_date DESC NULLS LAST LIMIT 3`,
        p2.values,
      );
      out.push({ speaker: x.speaker, kbId: x.kbId, quotes: x.quotes, examples });
    }
    return out;
  }

  private actor(p: Params, side: 'source' | 'target', name: string): string {
    const f = entityQueryForms(name);
    return `(ev.${side}_entity_id IN (${this.entityMatch(p, name)}) OR ev.${side}_match = ${p.p(f.match)} OR ev.${side}_country = ${p.p(f.raw.toUpperCase())})`;
  }

  async eventsBetween(f: EventFilters): Promise<EventPeriodCount[]> {
    const p = new Params();
    const w = this.filters(f, p);
    if (f.rulesOnly) w.push('ev.via IS NULL');
    if (f.b) {
      w.push(
        `((${this.actor(p, 'source', f.a)} AND ${this.actor(p, 'target', f.b)}) OR (${this.actor(p, 'source', f.b)} AND ${this.actor(p, 'target', f.a)}))`,
      );
    } else {
      w.push(`(${this.actor(p, 'source', f.a)} OR ${this.actor(p, 'target', f.a)})`);
    }
    const len = periodLength(f.period);
    return this.q<EventPeriodCount>(
      `SELECT substr(coalesce(ev.date, a.pub_date, ''), 1, ${len}) AS period, ev.type, coalesce(ev.source_name, '') AS source,
        coalesce(ev.target_name, '') AS target, count(*)::int AS count
       FROM events ev JOIN articles a ON a.id = ev.article_id WHERE ${w.join(' AND ')}
       GROUP BY 1, 2, 3, 4 ORDER BY period, count DESC, coalesce(ev.source_name, '') COLLATE "C", coalesce(ev.target_name, '') COLLATE "C" LIMIT ${p.p(f.limit ?? 1000)}`,
      p.values,
    );
  }

  async cooccurrence(f: AggregateFilters & { entity?: string }): Promise<PairCount[]> {
    const p = new Params();
    const w = this.filters(f, p);
    if (f.entity) w.push(`x.entity_id IN (${this.entityMatch(p, f.entity)})`);
    else w.push('x.entity_id < y.entity_id');
    return this.q<PairCount>(
      `SELECT ex.name AS a, ey.name AS b, count(DISTINCT a.id)::int AS articles
       FROM article_entities x JOIN article_entities y ON y.article_id = x.article_id AND y.entity_id <> x.entity_id
       JOIN articles a ON a.id = x.article_id JOIN entities ex ON ex.id = x.entity_id JOIN entities ey ON ey.id = y.entity_id
       WHERE ${w.join(' AND ')} GROUP BY ex.id, ey.id ORDER BY articles DESC, ex.name COLLATE "C", ey.name COLLATE "C" LIMIT ${p.p(f.limit ?? 20)}`,
      p.values,
    );
  }

  async *exportRows(what: ExportWhat): AsyncIterable<Record<string, unknown>> {
    const sql: Record<ExportWhat, string> = {
      analyses: `SELECT a.ext_id AS id, a.key, a.url, a.source, a.published, a.title, a.topic, t.text, t.analysis, d.ext_id AS duplicate_of,
        a.similarity, a.story_id::int AS story_id FROM articles a JOIN article_texts t ON t.id = a.id LEFT JOIN articles d ON d.id = a.duplicate_of WHERE a.id > $1 AND a.id <= $2 ORDER BY a.id`,
      entities: `SELECT a.ext_id AS article, ae.local_id, e.name, e.type, e.kb_id, e.name_en, e.country, ae.mentions
        FROM article_entities ae JOIN articles a ON a.id = ae.article_id JOIN entities e ON e.id = ae.entity_id
        WHERE a.id > $1 AND a.id <= $2 ORDER BY a.id, ae.local_id`,
      quotes: `SELECT a.ext_id AS article, a.published, coalesce(e.name, q.speaker_text) AS speaker, e.kb_id AS speaker_kb_id, q.speaker_text, q.cue,
        q.text, q.direct, q.start, q."end" FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_entity_id
        WHERE a.id > $1 AND a.id <= $2 ORDER BY q.id`,
      events: `SELECT a.ext_id AS article, a.url, a.source AS outlet, a.published, a.pub_date, ev.type, ev.source_name, ev.source_country, ev.source_role,
        es.kb_id AS source_kb_id, ev.target_name, ev.target_country, ev.target_role, et.kb_id AS target_kb_id, ev.trigger, ev.location,
        ev.location_country, ev.date, ev.sentence, ev.start, ev."end", ev.via, ev.score, t.text AS _text
        FROM events ev JOIN articles a ON a.id = ev.article_id JOIN article_texts t ON t.id = a.id LEFT JOIN entities es ON es.id = ev.source_entity_id
        LEFT JOIN entities et ON et.id = ev.target_entity_id WHERE a.id > $1 AND a.id <= $2 ORDER BY ev.id`,
    };
    const { article: max } = await this.maxIds();
    const PAGE = 500;
    for (let lo = 0; lo < max; lo += PAGE) {
      for (const r of await this.q(sql[what], [lo, lo + PAGE])) {
        if (what === 'events') {
          r.text = String(r._text).slice(Number(r.start), Number(r.end));
          delete r._text;
        }
        yield r;
      }
    }
  }

  async optimize(): Promise<void> {
    // Freshly inserted rows wait in the GIN pending list and the planner has no statistics yet: both slow searches down.
    await this.q("SELECT gin_clean_pending_list('articles_tsv'::regclass)");
    await this.q('ANALYZE');
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
