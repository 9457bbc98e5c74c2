import type { Actor, Doc } from '../../core/types.ts';

function actor(a: Actor | null): string {
  if (!a) return '—';
  const tags = [a.country, a.role].filter(Boolean).join('/');
  return `${a.name ?? a.entity ?? '?'}${tags ? ` [${tags}]` : ''}`;
}

/** Human-readable lines for `khabar analyze`: one per event. */
export function renderEvents(doc: Doc): string[] {
  return (doc.events ?? []).map((e) => {
    const extra = [e.location?.name ? `in ${e.location.name}` : '', e.date ? `on ${e.date}` : ''].filter(Boolean).join(' ');
    const learned = e.via === 'model' ? `  (learned, p ${e.score})` : '';
    return `${e.type.padEnd(9)} ${actor(e.source)} → ${actor(e.target)}  «${e.trigger}» s${e.sentence}${extra ? ` ${extra}` : ''}  @${e.start}-${e.end}${learned}`;
  });
}
