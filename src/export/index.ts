/**
 * Exports of a corpus: JSONL of analyses, CSV of entities, quotes and events
 * (RFC 4180 quoting, optional UTF-8 BOM for Excel), and event records in the
 * PLOVER JSON layout (one record per line).
 */
import type { ExportWhat, Store } from '../store/types.ts';

export type ExportFormat = 'jsonl' | 'csv' | 'plover';

/** Column order of each CSV export. */
export const CSV_COLUMNS: Record<Exclude<ExportWhat, 'analyses'>, string[]> = {
  entities: ['article', 'local_id', 'name', 'type', 'kb_id', 'name_en', 'country', 'mentions'],
  quotes: ['article', 'published', 'speaker', 'speaker_kb_id', 'speaker_text', 'cue', 'text', 'direct', 'start', 'end'],
  events: [
    'article',
    'published',
    'type',
    'source_name',
    'source_country',
    'source_role',
    'source_kb_id',
    'target_name',
    'target_country',
    'target_role',
    'target_kb_id',
    'trigger',
    'location',
    'location_country',
    'date',
    'sentence',
    'start',
    'end',
    'text',
    'via',
    'score',
    'url',
    'outlet',
  ],
};

/** One CSV field, quoted when it holds a comma, quote, line break or edge spaces. */
export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csvLine(values: unknown[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** An event row as a PLOVER JSON record. */
export function toPlover(r: Record<string, unknown>, n: number): Record<string, unknown> {
  const ent = (side: 'source' | 'target'): Record<string, unknown>[] => {
    const name = r[`${side}_name`];
    const code = r[`${side}_country`];
    if (!name && !code) return [];
    const o: Record<string, unknown> = {};
    if (code) o.code = code;
    if (r[`${side}_role`]) o.sector = r[`${side}_role`];
    if (name) o.entity_text = name;
    if (r[`${side}_kb_id`]) o.identifier_id = r[`${side}_kb_id`];
    return [o];
  };
  const rec: Record<string, unknown> = {
    id: `${r.article}-${n}`,
    date: (r.date as string | null)?.match(/^\d{4}-\d{2}-\d{2}/)?.[0] ?? r.pub_date ?? null,
    actor: ent('source'),
    recipient: ent('target'),
    event: [r.type],
    event_text: [r.trigger],
    text: r.text,
    cite_info: {
      article: r.article,
      url: r.url ?? null,
      publication: r.outlet ?? null,
      published: r.published ?? null,
      start: r.start,
      end: r.end,
    },
    coder: r.via === 'model' ? 'khabar (learned layer)' : 'khabar',
    coded_date: new Date().toISOString().slice(0, 10),
  };
  if (r.location) rec.event_loc = { name: r.location, ...(r.location_country ? { country: r.location_country } : {}) };
  return rec;
}

/** The stored analysis with the text and the article's parts (slices of the text at their spans) put back. */
export function restoreAnalysis(analysis: Record<string, unknown>, text: string): Record<string, unknown> {
  const article = analysis.article as { spans?: Record<string, { start: number; end: number } | undefined> } | undefined;
  if (!article?.spans) return { ...analysis, text };
  const parts: Record<string, string> = {};
  for (const k of ['headline', 'dateline', 'body', 'credit']) {
    const sp = article.spans[k];
    if (sp) parts[k] = text.slice(sp.start, sp.end);
  }
  if (parts.headline === undefined) parts.headline = '';
  return { ...analysis, text, article: { ...article, ...parts } };
}

/** Write an export to a sink (a function taking text chunks, which may return a promise for back-pressure). */
export async function exportCorpus(
  store: Store,
  what: ExportWhat,
  format: ExportFormat,
  write: (chunk: string) => void | Promise<void>,
  opts: { bom?: boolean } = {},
): Promise<number> {
  if (format === 'plover' && what !== 'events') throw new Error('--format plover exports events only (use --what events)');
  if (format === 'csv' && what === 'analyses') throw new Error('analyses are nested: export them as jsonl');
  let n = 0;
  if (format === 'csv') {
    const cols = CSV_COLUMNS[what as Exclude<ExportWhat, 'analyses'>];
    await write(`${opts.bom ? '\ufeff' : ''}${csvLine(cols)}`);
    for await (const r of store.exportRows(what)) {
      await write(csvLine(cols.map((c) => r[c])));
      n++;
    }
    return n;
  }
  const perArticle = new Map<string, number>();
  for await (const r of store.exportRows(what)) {
    let out: Record<string, unknown> = r;
    if (format === 'plover') {
      const k = String(r.article);
      const i = (perArticle.get(k) ?? 0) + 1;
      perArticle.set(k, i);
      out = toPlover(r, i);
    } else if (what === 'analyses' && r.analysis && typeof r.analysis === 'object') {
      // The analysis JSON with the original text restored in its place.
      const { analysis, text, ...rest } = r;
      out = { ...rest, analysis: restoreAnalysis(analysis as Record<string, unknown>, String(text)) };
    }
    await write(`${JSON.stringify(out)}\n`);
    n++;
  }
  return n;
}
