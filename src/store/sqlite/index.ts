/**
 * The embedded store: one SQLite file in WAL mode (better-sqlite3 12).
 * Full text: an FTS5 contentless table over the pre-analysed term strings
 * (unicode61 cannot fold Arabic and better-sqlite3 cannot register a custom
 * tokenizer, so the analyzer runs in JavaScript and FTS5 only splits on spaces).
 */
import Database from 'better-sqlite3';
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
import { SQLITE_MIGRATIONS } from './migrations.ts';

type Params = (string | number | null | Buffer)[];

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly db: Database.Database;
  private entityIds = new Map<string, number>();
  private st: ReturnType<SqliteStore['statements']> | null = null;
  private upsertEntity: Database.Statement | null = null;

  constructor(path: string, opts: { readonly?: boolean } = {}) {
    this.db = new Database(path, { readonly: opts.readonly ?? false });
    if (!opts.readonly) {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      // Fewer, larger checkpoints during bulk ingest: pages rewritten by several batches are copied once.
      this.db.pragma('wal_autocheckpoint = 8000');
    }
    this.db.pragma('mmap_size = 268435456');
    this.db.pragma('busy_timeout = 10000');
    this.db.pragma('cache_size = -65536');
  }

  async migrate(): Promise<number> {
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const current = (this.db.prepare('SELECT max(version) AS v FROM schema_version').get() as { v: number | null }).v ?? 0;
    for (const m of SQLITE_MIGRATIONS) {
      if (m.version <= current) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db
          .prepare('INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)')
          .run(m.version, m.description, new Date().toISOString());
      })();
    }
    return SQLITE_MIGRATIONS[SQLITE_MIGRATIONS.length - 1].version;
  }

  async existingKeys(keys: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    const st = this.db.prepare('SELECT 1 FROM articles WHERE key = ?').pluck();
    for (const k of keys) if (st.get(k)) out.add(k);
    return out;
  }

  async maxIds(): Promise<{ article: number; story: number }> {
    const a = this.db.prepare('SELECT coalesce(max(id), 0) FROM articles').pluck().get() as number;
    const s = this.db.prepare('SELECT coalesce(max(id), 0) FROM stories').pluck().get() as number;
    return { article: a, story: s };
  }

  async dedupRecords(): Promise<DedupRecord[]> {
    const rows = this.db
      .prepare(
        'SELECT a.id, s.minhash, a.pub_date AS pubDate, a.story_id AS storyId FROM articles a JOIN signatures s ON s.id = a.id WHERE a.duplicate_of IS NULL ORDER BY a.id',
      )
      .all() as { id: number; minhash: Buffer; pubDate: string | null; storyId: number | null }[];
    const out: DedupRecord[] = [];
    for (const r of rows) {
      const sig = bytesToSig(r.minhash);
      if (sig) out.push({ id: r.id, minhash: sig, pubDate: r.pubDate, storyId: r.storyId });
    }
    return out;
  }

  async stories(): Promise<StoryRow[]> {
    // Stories that ended long before the newest one cannot take new articles from a chronological feed: not loaded.
    const cutoff = this.db.prepare('SELECT max(last_published) FROM stories').pluck().get() as string | null;
    const rows = this.db
      .prepare('SELECT * FROM stories WHERE last_published IS NULL OR last_published >= ? ORDER BY id')
      .all(storyCutoff(cutoff)) as {
      id: number;
      first_published: string | null;
      last_published: string | null;
      size: number;
      label: string;
      centroid: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      firstPublished: r.first_published,
      lastPublished: r.last_published,
      size: r.size,
      label: r.label,
      centroid: JSON.parse(r.centroid) as Record<string, number>,
    }));
  }

  private entityId(e: Entity): number {
    const key = entityKey(e);
    const cached = this.entityIds.get(key);
    if (cached !== undefined) return cached;
    const c = entityColumns(e);
    this.upsertEntity ??= this.db.prepare(
      `INSERT INTO entities (ekey, type, name, match, terms, name_en, kb_id, country, role) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(ekey) DO UPDATE SET name_en = coalesce(entities.name_en, excluded.name_en), country = coalesce(entities.country, excluded.country)
         RETURNING id`,
    );
    const row = this.upsertEntity.get(c.ekey, c.type, c.name, c.match, c.terms, c.nameEn, c.kbId, c.country, c.role) as { id: number };
    this.entityIds.set(key, row.id);
    return row.id;
  }

  private statements() {
    const db = this.db;
    const insArticle = db.prepare(
      `INSERT OR IGNORE INTO articles (id, key, ext_id, url, source, published, pub_date, title, body_start, body_end, topic,
        duplicate_of, similarity, story_id, keyterms, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insText = db.prepare('INSERT INTO article_texts (id, text, analysis, meta) VALUES (?, ?, ?, ?)');
    const insSig = db.prepare('INSERT INTO signatures (id, minhash) VALUES (?, ?)');
    const insFtsDup = db.prepare('INSERT INTO fts_dup (rowid, title, body) VALUES (?, ?, ?)');
    const insFts = db.prepare('INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)');
    const insAE = db.prepare('INSERT OR IGNORE INTO article_entities (article_id, local_id, entity_id, mentions) VALUES (?, ?, ?, ?)');
    const insMention = db.prepare('INSERT INTO mentions (article_id, entity_id, start, "end", text, via) VALUES (?, ?, ?, ?, ?, ?)');
    const insQuote = db.prepare(
      'INSERT INTO quotes (article_id, speaker_entity_id, speaker_text, cue, start, "end", text, direct) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insEvent = db.prepare(
      `INSERT INTO events (article_id, type, source_entity_id, source_name, source_match, source_country, source_role, target_entity_id, target_name,
        target_match, target_country, target_role, trigger, start, "end", sentence, location, location_country, date, via, score)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const insTime = db.prepare('INSERT INTO times (article_id, start, "end", text, value, type) VALUES (?, ?, ?, ?, ?, ?)');
    const upStory = db.prepare(
      `INSERT INTO stories (id, first_published, last_published, size, label, centroid) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET first_published = excluded.first_published, last_published = excluded.last_published,
       size = excluded.size, label = excluded.label, centroid = excluded.centroid`,
    );
    return { insArticle, insFts, insAE, insMention, insQuote, insEvent, insTime, upStory, insText, insSig, insFtsDup };
  }

  async writeBatch(articles: StoredArticle[], stories: StoryRow[]): Promise<void> {
    const db = this.db;
    this.st ??= this.statements();
    const { insArticle, insFts, insAE, insMention, insQuote, insEvent, insTime, upStory, insText, insSig, insFtsDup } = this.st;
    const now = new Date().toISOString();
    const cachedBefore = new Map(this.entityIds);
    try {
      db.transaction(() => {
        for (const a of articles) {
          const r = insArticle.run(
            a.id,
            a.key,
            a.extId,
            a.url ?? null,
            a.source ?? null,
            a.published ?? null,
            a.pubDate ?? null,
            a.title,
            a.bodyStart,
            a.bodyEnd,
            a.topic ?? null,
            a.duplicateOf,
            a.similarity,
            a.storyId,
            a.keyterms,
            now,
          );
          if (r.changes === 0) {
            // Already stored (same key): nothing doubled. A row id taken by another article means a second writer.
            if (db.prepare('SELECT 1 FROM articles WHERE key = ?').get(a.key)) continue;
            throw new Error(`article row id ${a.id} is already taken: is another ingest writing to this store? (run one ingest at a time)`);
          }
          insText.run(a.id, a.text, JSON.stringify(a.analysis), a.meta ? JSON.stringify(a.meta) : null);
          if (a.minhash) insSig.run(a.id, sigToBytes(a.minhash));
          (a.duplicateOf === null ? insFts : insFtsDup).run(a.id, a.titleTerms, a.bodyTerms);
          const local = new Map<string, number>();
          const byLocal = new Map<string, Entity>();
          for (const e of a.entities) {
            const gid = this.entityId(e);
            local.set(e.id, gid);
            byLocal.set(e.id, e);
            insAE.run(a.id, e.id, gid, e.mentions.length);
            for (const m of e.mentions) insMention.run(a.id, gid, m.start, m.end, m.text, m.via ?? null);
          }
          for (const q of a.quotes) {
            insQuote.run(
              a.id,
              q.speaker ? (local.get(q.speaker) ?? null) : null,
              q.speakerText,
              q.cue,
              q.start,
              q.end,
              q.text,
              q.direct ? 1 : 0,
            );
          }
          for (const ev of a.events) {
            const sName = actorName(ev.source, byLocal);
            const tName = actorName(ev.target, byLocal);
            insEvent.run(
              a.id,
              ev.type,
              ev.source?.entity ? (local.get(ev.source.entity) ?? null) : null,
              sName,
              sName ? matchForm(sName) : null,
              actorCountry(ev.source, byLocal),
              ev.source?.role ?? null,
              ev.target?.entity ? (local.get(ev.target.entity) ?? null) : null,
              tName,
              tName ? matchForm(tName) : null,
              actorCountry(ev.target, byLocal),
              ev.target?.role ?? null,
              ev.trigger,
              ev.start,
              ev.end,
              ev.sentence,
              ev.location?.name ?? null,
              ev.location?.country ?? null,
              ev.date ?? null,
              ev.via ?? null,
              ev.score ?? null,
            );
          }
          for (const t of a.times) insTime.run(a.id, t.start, t.end, t.text, t.value ?? null, t.type);
        }
        for (const s of stories) {
          upStory.run(s.id, s.firstPublished, s.lastPublished, s.size, s.label, JSON.stringify(s.centroid));
        }
      })();
    } catch (err) {
      this.entityIds = cachedBefore; // ids of rolled-back entity rows are not valid
      throw err;
    }
  }

  /** SQL condition + params restricting `a` (articles) by the shared filters. */
  private filterSql(
    f: SearchRequest | (AggregateFilters & { entity?: string; topic?: string; eventType?: string; includeDuplicates?: boolean }),
  ) {
    const where: string[] = [];
    const params: Params = [];
    if (!f.includeDuplicates) where.push('a.duplicate_of IS NULL');
    if (f.source) {
      where.push('a.source = ? COLLATE NOCASE');
      params.push(f.source);
    }
    if (f.from) {
      where.push('a.pub_date >= ?');
      params.push(f.from.slice(0, 10));
    }
    if (f.to) {
      where.push('a.pub_date <= ?');
      params.push(f.to.slice(0, 10));
    }
    if (f.topic) {
      where.push('a.topic = ? COLLATE NOCASE');
      params.push(f.topic);
    }
    if (f.eventType) {
      where.push('EXISTS (SELECT 1 FROM events ev WHERE ev.article_id = a.id AND ev.type = ?)');
      params.push(f.eventType.toUpperCase());
    }
    if (f.entity) {
      const q = entityQueryForms(f.entity);
      where.push(`a.id IN (SELECT ae.article_id FROM article_entities ae WHERE ae.entity_id IN (${this.entityMatchSql()}))`);
      params.push(q.match, q.terms, q.raw, q.raw);
    }
    return { where, params };
  }

  private entityMatchSql(): string {
    return 'SELECT id FROM entities WHERE match = ? OR terms = ? OR kb_id = ? OR name_en = ? COLLATE NOCASE';
  }

  async search(req: SearchRequest): Promise<{ total: number; rows: SearchRow[] }> {
    const one = <T>(sql: string, ...p: unknown[]): T =>
      this.db
        .prepare(sql)
        .pluck()
        .get(...p) as T;
    let total: number;
    let hits: { id: number; s: number }[];
    if (!req.hasTerms) {
      const { where, params } = this.filterSql(req);
      const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
      total = one<number>(`SELECT count(*) FROM articles a ${w}`, ...params);
      hits = this.db
        .prepare(`SELECT a.id AS id, 0 AS s FROM articles a ${w} ORDER BY a.pub_date DESC, a.id LIMIT ? OFFSET ?`)
        .all(...params, req.limit, req.offset) as typeof hits;
    } else {
      // Near-duplicates are indexed apart (fts_dup): which tables are searched decides whether they count.
      const { where, params } = this.filterSql({ ...req, includeDuplicates: true });
      const dup = req.includeDuplicates === true;
      const ids = dup
        ? 'SELECT rowid AS id FROM fts WHERE fts MATCH ? UNION ALL SELECT rowid FROM fts_dup WHERE fts_dup MATCH ?'
        : 'SELECT rowid AS id FROM fts WHERE fts MATCH ?';
      const ranked = dup
        ? 'SELECT rowid AS id, bm25(fts, 2.0, 1.0) AS s FROM fts WHERE fts MATCH ? UNION ALL SELECT rowid, bm25(fts_dup, 2.0, 1.0) FROM fts_dup WHERE fts_dup MATCH ?'
        : 'SELECT rowid AS id, bm25(fts, 2.0, 1.0) AS s FROM fts WHERE fts MATCH ?';
      const mp = dup ? [req.fts, req.fts] : [req.fts];
      if (where.length === 0) {
        // No filter: rank inside the full-text index, no join at all.
        total =
          one<number>('SELECT count(*) FROM fts WHERE fts MATCH ?', req.fts) +
          (dup ? one<number>('SELECT count(*) FROM fts_dup WHERE fts_dup MATCH ?', req.fts) : 0);
        hits = this.db
          .prepare(`SELECT id, s FROM (${ranked}) ORDER BY s, id LIMIT ? OFFSET ?`)
          .all(...mp, req.limit, req.offset) as typeof hits;
      } else {
        const w = where.join(' AND ');
        total = one<number>(`SELECT count(*) FROM (${ids}) r JOIN articles a ON a.id = r.id WHERE ${w}`, ...mp, ...params);
        hits = this.db
          .prepare(
            `SELECT r.id AS id, r.s AS s FROM (${ranked}) r JOIN articles a ON a.id = r.id WHERE ${w} ORDER BY r.s, r.id LIMIT ? OFFSET ?`,
          )
          .all(...mp, ...params, req.limit, req.offset) as typeof hits;
      }
    }
    const get = this.db.prepare(
      `SELECT a.ext_id AS id, a.title AS title, a.source AS source, a.published AS published, t.text AS text, a.body_start AS bodyStart
       FROM articles a JOIN article_texts t ON t.id = a.id WHERE a.id = ?`,
    );
    const rows = hits.map((h) => ({ ...(get.get(h.id) as Omit<SearchRow, 'score'>), score: -h.s }));
    return { total, rows };
  }

  async stats(): Promise<Stats> {
    const n = (sql: string): number => this.db.prepare(sql).pluck().get() as number;
    return {
      articles: n('SELECT count(*) FROM articles'),
      entities: n('SELECT count(*) FROM entities'),
      quotes: n('SELECT count(*) FROM quotes'),
      events: n('SELECT count(*) FROM events'),
      duplicates: n('SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL'),
      stories: n('SELECT count(*) FROM stories'),
    };
  }

  private aggWhere(f: AggregateFilters): { where: string[]; params: Params } {
    const { where, params } = this.filterSql(f);
    if (f.fts) {
      where.push('a.id IN (SELECT rowid FROM fts WHERE fts MATCH ?)');
      params.push(f.fts);
    }
    return { where, params };
  }

  async topEntities(f: EntityFilters): Promise<EntityCount[]> {
    const { where, params } = this.aggWhere(f);
    if (f.type) {
      where.push('e.type = ?');
      params.push(f.type.toUpperCase());
    }
    if (f.unlinked) where.push('e.kb_id IS NULL');
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    return this.db
      .prepare(
        `SELECT e.name AS name, e.type AS type, e.kb_id AS kbId, count(DISTINCT a.id) AS articles, sum(ae.mentions) AS mentions
         FROM article_entities ae JOIN articles a ON a.id = ae.article_id JOIN entities e ON e.id = ae.entity_id ${w}
         GROUP BY e.id ORDER BY articles DESC, mentions DESC, e.name LIMIT ?`,
      )
      .all(...params, f.limit ?? 20) as EntityCount[];
  }

  async quotesBySpeaker(f: AggregateFilters & { speaker?: string }): Promise<SpeakerQuotes[]> {
    const { where, params } = this.aggWhere(f);
    if (f.speaker) {
      const q = entityQueryForms(f.speaker);
      where.push(`(q.speaker_entity_id IN (${this.entityMatchSql()}) OR q.speaker_text = ?)`);
      params.push(q.match, q.terms, q.raw, q.raw, q.raw);
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const groups = this.db
      .prepare(
        `SELECT coalesce(e.name, q.speaker_text) AS speaker, e.kb_id AS kbId, count(*) AS quotes, coalesce(CAST(e.id AS TEXT), 't:' || q.speaker_text) AS g
         FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_entity_id ${w}
         GROUP BY g ORDER BY quotes DESC, speaker LIMIT ?`,
      )
      .all(...params, f.limit ?? 20) as { speaker: string; kbId: string | null; quotes: number; g: string }[];
    const ex = this.db.prepare(
      `SELECT a.ext_id AS article, q.text AS text, a.published AS published FROM quotes q JOIN articles a ON a.id = q.article_id
       LEFT JOIN entities e ON e.id = q.speaker_entity_id ${w ? `${w} AND` : 'WHERE'} coalesce(CAST(e.id AS TEXT), 't:' || q.speaker_text) = ?
       ORDER BY a.pub_date DESC LIMIT 3`,
    );
    return groups.map((g) => ({
      speaker: g.speaker,
      kbId: g.kbId,
      quotes: g.quotes,
      examples: ex.all(...params, g.g) as SpeakerQuotes['examples'],
    }));
  }

  private actorSql(side: 'source' | 'target', name: string): { sql: string; params: Params } {
    const q = entityQueryForms(name);
    return {
      sql: `(ev.${side}_entity_id IN (${this.entityMatchSql()}) OR ev.${side}_match = ? OR ev.${side}_country = ?)`,
      params: [q.match, q.terms, q.raw, q.raw, q.match, q.raw.toUpperCase()],
    };
  }

  async eventsBetween(f: EventFilters): Promise<EventPeriodCount[]> {
    const { where, params } = this.aggWhere(f);
    if (f.rulesOnly) where.push('ev.via IS NULL');
    const sa = this.actorSql('source', f.a);
    const ta = this.actorSql('target', f.a);
    if (f.b) {
      const sb = this.actorSql('source', f.b);
      const tb = this.actorSql('target', f.b);
      where.push(`((${sa.sql} AND ${tb.sql}) OR (${sb.sql} AND ${ta.sql}))`);
      params.push(...sa.params, ...tb.params, ...sb.params, ...ta.params);
    } else {
      where.push(`(${sa.sql} OR ${ta.sql})`);
      params.push(...sa.params, ...ta.params);
    }
    const len = periodLength(f.period);
    return this.db
      .prepare(
        `SELECT substr(coalesce(ev.date, a.pub_date, ''), 1, ${len}) AS period, ev.type AS type, coalesce(ev.source_name, '') AS source,
         coalesce(ev.target_name, '') AS target, count(*) AS count
         FROM events ev JOIN articles a ON a.id = ev.article_id WHERE ${where.join(' AND ')}
         GROUP BY period, ev.type, source, target ORDER BY period, count DESC, source, target LIMIT ?`,
      )
      .all(...params, f.limit ?? 1000) as EventPeriodCount[];
  }

  async cooccurrence(f: AggregateFilters & { entity?: string }): Promise<PairCount[]> {
    const { where, params } = this.aggWhere(f);
    if (f.entity) {
      const q = entityQueryForms(f.entity);
      where.push(`x.entity_id IN (${this.entityMatchSql()})`);
      params.push(q.match, q.terms, q.raw, q.raw);
    } else {
      where.push('x.entity_id < y.entity_id');
    }
    return this.db
      .prepare(
        `SELECT ex.name AS a, ey.name AS b, count(DISTINCT a.id) AS articles
         FROM article_entities x JOIN article_entities y ON y.article_id = x.article_id AND y.entity_id <> x.entity_id
         JOIN articles a ON a.id = x.article_id JOIN entities ex ON ex.id = x.entity_id JOIN entities ey ON ey.id = y.entity_id
         WHERE ${where.join(' AND ')} GROUP BY x.entity_id, y.entity_id ORDER BY articles DESC, a, b LIMIT ?`,
      )
      .all(...params, f.limit ?? 20) as PairCount[];
  }

  async *exportRows(what: ExportWhat): AsyncIterable<Record<string, unknown>> {
    const sql: Record<ExportWhat, string> = {
      analyses: `SELECT a.ext_id AS id, a.key, a.url, a.source, a.published, a.title, a.topic, t.text, t.analysis, d.ext_id AS duplicate_of, a.similarity, a.story_id
        FROM articles a JOIN article_texts t ON t.id = a.id LEFT JOIN articles d ON d.id = a.duplicate_of ORDER BY a.id`,
      entities: `SELECT a.ext_id AS article, ae.local_id, e.name, e.type, e.kb_id, e.name_en, e.country, ae.mentions
        FROM article_entities ae JOIN articles a ON a.id = ae.article_id JOIN entities e ON e.id = ae.entity_id ORDER BY a.id, ae.local_id`,
      quotes: `SELECT a.ext_id AS article, a.published, coalesce(e.name, q.speaker_text) AS speaker, e.kb_id AS speaker_kb_id, q.speaker_text, q.cue,
        q.text, q.direct, q.start, q."end" FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN entities e ON e.id = q.speaker_entity_id ORDER BY q.id`,
      events: `SELECT a.ext_id AS article, a.url, a.source AS outlet, a.published, a.pub_date, ev.type, ev.source_name, ev.source_country, ev.source_role,
        es.kb_id AS source_kb_id, ev.target_name, ev.target_country, ev.target_role, et.kb_id AS target_kb_id, ev.trigger, ev.location,
        ev.location_country, ev.date, ev.sentence, ev.start, ev."end", ev.via, ev.score, t.text AS _text
        FROM events ev JOIN articles a ON a.id = ev.article_id JOIN article_texts t ON t.id = a.id LEFT JOIN entities es ON es.id = ev.source_entity_id
        LEFT JOIN entities et ON et.id = ev.target_entity_id ORDER BY ev.id`,
    };
    for (const row of this.db.prepare(sql[what]).iterate()) {
      const r = row as Record<string, unknown>;
      if (what === 'analyses' && typeof r.analysis === 'string') r.analysis = JSON.parse(r.analysis);
      if (what === 'quotes') r.direct = r.direct === 1;
      if (what === 'events') {
        r.text = String(r._text).slice(Number(r.start), Number(r.end));
        delete r._text;
      }
      yield r;
    }
  }

  async optimize(): Promise<void> {
    this.db.pragma('optimize');
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
