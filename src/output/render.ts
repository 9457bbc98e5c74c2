import type { Doc } from '../core/types.ts';
import type { Printer } from './terminal.ts';

/**
 * A renderer prints one layer of a Doc for people. Stages that add a layer
 * register their renderer here, in reading order.
 */
export type LayerRenderer = (doc: Doc, out: Printer) => void;

const renderers: Array<{ name: string; render: LayerRenderer }> = [];

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
  if (doc.topic) out.field('topic', `${doc.topic.label}${doc.topic.score !== undefined ? ` (${doc.topic.score})` : ''}`);
  if (doc.keywords?.length) out.field('keywords', doc.keywords.map((k) => k.text).join('، '));
  if (doc.summary?.length) {
    out.line('summary:');
    for (const i of doc.summary) out.para(doc.text.slice(doc.sentences[i].start, doc.sentences[i].end), 2);
  }
  for (const r of renderers) {
    out.line();
    r.render(doc, out);
  }
  for (const w of doc.warnings ?? []) out.line(`warning: ${w}`);
  out.line();
}
