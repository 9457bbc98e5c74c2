import type { Doc } from '../../core/types.ts';

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ');
  return one.length > n ? `${one.slice(0, n - 1)}…` : one;
}

/** Human-readable lines for `khabar analyze`: one per quote. */
export function renderQuotes(doc: Doc, width = 100): string[] {
  const out: string[] = [];
  const ents = new Map((doc.entities ?? []).map((e) => [e.id, e]));
  for (const q of doc.quotes ?? []) {
    const ent = q.speaker ? ents.get(q.speaker) : undefined;
    const who = ent ? `${ent.name}${ent.nameEn ? ` (${ent.nameEn})` : ''}` : q.speakerText;
    const text = q.direct ? `«${clip(q.text, width)}»` : clip(q.text, width);
    out.push(`${who} [${q.cue}${q.direct ? ', direct' : ''}] ${text}  @${q.start}-${q.end}`);
  }
  return out;
}
