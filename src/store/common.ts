/** Helpers shared by the store back ends. */
import type { Actor, Entity } from '../core/types.ts';
import { termString } from '../search/analyzer.ts';
import { matchForm } from '../text/normalize.ts';

/** The global key of an entity: its knowledge-base id, else type + matching form of the name. */
export function entityKey(e: Entity): string {
  return e.kbId ? `kb:${e.kbId}` : `${e.type}:${matchForm(e.name)}`;
}

/** Columns of a global entity row. */
export function entityColumns(e: Entity): {
  ekey: string;
  type: string;
  name: string;
  match: string;
  terms: string;
  nameEn: string | null;
  kbId: string | null;
  country: string | null;
  role: string | null;
} {
  return {
    ekey: entityKey(e),
    type: e.type,
    name: e.name,
    match: matchForm(e.name),
    terms: termString(e.name),
    nameEn: e.nameEn ?? null,
    kbId: e.kbId ?? null,
    country: e.country ?? null,
    role: e.role ?? null,
  };
}

/** How a user names an entity in a filter: the forms compared with `entities.match/terms/kb_id/name_en`. */
export function entityQueryForms(s: string): { match: string; terms: string; raw: string } {
  return { match: matchForm(s.trim()), terms: termString(s), raw: s.trim() };
}

/** Name of an event actor (entity name when linked). */
export function actorName(a: Actor | null, ents: Map<string, Entity>): string | null {
  if (!a) return null;
  if (a.entity && ents.has(a.entity)) return ents.get(a.entity)!.name;
  return a.name ?? a.country ?? null;
}

/** Country of an event actor (its own, else its linked entity's). */
export function actorCountry(a: Actor | null, ents: Map<string, Entity>): string | null {
  if (!a) return null;
  return a.country ?? (a.entity ? ents.get(a.entity)?.country : undefined) ?? null;
}

/** `YYYY-MM-DD` of a publication time in ISO 8601 or RFC 2822 form, or undefined. */
export function pubDate(published: string | undefined): string | undefined {
  if (!published) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published.trim());
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  const t = Date.parse(published);
  if (Number.isNaN(t)) return undefined;
  return new Date(t).toISOString().slice(0, 10);
}

/** Minhash signature as bytes and back (little-endian Uint32). */
export function sigToBytes(sig: Uint32Array | null): Buffer | null {
  if (!sig) return null;
  return Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength);
}

export function bytesToSig(b: Uint8Array | null): Uint32Array | null {
  if (!b || b.byteLength % 4 !== 0) return null;
  const copy = new Uint8Array(b.byteLength);
  copy.set(b);
  return new Uint32Array(copy.buffer);
}

/** Period key of a `YYYY-MM-DD` date. */
export function periodLength(p: 'day' | 'month' | 'year'): number {
  return p === 'day' ? 10 : p === 'month' ? 7 : 4;
}

/** Stories last updated this many days before the newest story are not reloaded when ingest resumes. */
export const STORY_RELOAD_DAYS = 60;

/** The `last_published` from which stories are reloaded (everything when no dates are known). */
export function storyCutoff(maxLast: string | null): string {
  if (!maxLast) return '';
  const t = Date.parse(maxLast.slice(0, 10));
  if (Number.isNaN(t)) return '';
  return new Date(t - STORY_RELOAD_DAYS * 86_400_000).toISOString().slice(0, 10);
}
