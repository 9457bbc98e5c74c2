import type { Doc } from '../core/types.ts';
import { renderEvents } from '../stages/events/render.ts';
import { renderQuotes } from '../stages/quotes/render.ts';
import { renderTimes } from '../stages/time/render.ts';
import type { Printer } from './terminal.ts';

/**
 * A renderer prints one layer of a Doc for people. Stages that add a layer
 * register their renderer here, in reading order.
 */
export type LayerRenderer = (doc: Doc, out: Printer) => void;

/** Entities, one line each: canonical name, English name and country, type, how many mentions. */
function renderEntities(doc: Doc): string[] {
  return (doc.entities ?? []).map((e) => {
    const forms = [...new Set(e.mentions.map((m) => m.text))].filter((f) => f !== e.name);
    const en = [e.nameEn, e.country].filter(Boolean).join(', ');
    return `${e.type} ${e.name}${en ? ` (${en})` : ''} ×${e.mentions.length}${forms.length ? ` = ${forms.join('، ')}` : ''}`;
  });
}

/** A layer printed as a titled list of lines, when the doc has it. */
function listRenderer(title: string, layer: keyof Doc, lines: (doc: Doc) => string[]): LayerRenderer {
  return (doc, out) => {
    const items = doc[layer];
    if (!Array.isArray(items) || items.length === 0) return;
    out.line(`${title} (${items.length}):`);
    for (const l of lines(doc)) out.para(l, 2);
  };
}

const renderers: Array<{ name: string; render: LayerRenderer }> = [
  { name: 'entities', render: listRenderer('entities', 'entities', renderEntities) },
  { name: 'times', render: listRenderer('times', 'times', renderTimes) },
  { name: 'quotes', render: listRenderer('quotes', 'quotes', (d) => renderQuotes(d)) },
  { name: 'events', render: listRenderer('events', 'events', renderEvents) },
];

export function registerRenderer(name: string, render: LayerRenderer): void {
  const i = renderers.findIndex((r) => r.name === name);
  if (i >= 0) renderers[i] = { name, render };
  else renderers.push({ name, render });
}

/** Print an analysis for people: the article's parts, its sentences, then every layer that has a renderer. */
export function renderDoc(doc: Doc, out: Printer, opts: { sentences?: boolean } = {}): void {
  const a = doc.article;
  out.line(`━━ ${doc.id} ${'━'.repeat(Math.max(0, Math.min(60, out.width - doc.id.length - 4)))}`);
  if (a.headline) out.para(a.headline);
  const meta: string[] = [];
  if (a.dateline) meta.push(`dateline: ${a.dateline}`);
  if (a.credit) meta.push(`credit: ${a.credit}`);
  if (a.agency) meta.push(`agency: ${a.agency}`);
  if (a.source) meta.push(`source: ${a.source}`);
  if (a.published) meta.push(`published: ${a.published}`);
  for (const m of meta) {
    const [k, ...rest] = m.split(': ');
    out.field(k, rest.join(': '));
  }
  const words = doc.tokens.filter((t) => t.kind !== 'punct' && t.kind !== 'symbol').length;
  out.line(`${doc.sentences.length} sentences, ${doc.tokens.length} tokens (${words} words)`);
  if (opts.sentences !== false) {
    out.line();
    doc.sentences.forEach((s, i) => {
      if (s.zone === 'headline') return;
      out.line(`[${i + 1}]`);
      out.para(doc.text.slice(s.start, s.end), 2);
    });
  }
  out.line();
  if (doc.topic) out.field('topic', `${doc.topic.label}${doc.topic.score !== undefined ? ` (${doc.topic.score})` : ''}`);
  if (doc.keywords?.length) out.field('keywords', doc.keywords.map((k) => k.text).join('، '));
  if (doc.summary?.length) {
    out.line('summary:');
    for (const i of doc.summary) out.para(doc.text.slice(doc.sentences[i].start, doc.sentences[i].end), 2);
  }
  for (const r of renderers) r.render(doc, out);
  for (const w of doc.warnings ?? []) out.line(`warning: ${w}`);
  out.line();
}
