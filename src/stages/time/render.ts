import type { Doc } from '../../core/types.ts';

/** Human-readable lines for `khabar analyze`: one per time expression. */
export function renderTimes(doc: Doc): string[] {
  return (doc.times ?? []).map((t) => `${t.type.padEnd(8)} ${t.text} → ${t.value ?? '?'}  @${t.start}-${t.end}`);
}
