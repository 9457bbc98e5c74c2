/**
 * The KB file format: UTF-8 TSV, lines starting with `#` are comments, the
 * first other line is the header `id type name nameEn aliases country role titles tags`.
 * Multi-valued columns (`aliases`, `titles`, `tags`) are joined with `|`.
 * Empty cells are empty strings. See `data/kb/README.md`.
 */
import type { EntityType } from '../core/types.ts';
import { KB_COLUMNS, type KbEntry } from './types.ts';

const TYPES = new Set(['PER', 'LOC', 'ORG', 'MISC']);

function clean(s: string | undefined): string {
  return (s ?? '').replace(/[\t\n\r|]/g, ' ').trim();
}

export function formatKbTsv(entries: KbEntry[], header: string): string {
  const lines = [`# ${header}`, KB_COLUMNS.join('\t')];
  for (const e of entries) {
    lines.push(
      [
        clean(e.id),
        e.type,
        clean(e.name),
        clean(e.nameEn),
        e.aliases.map(clean).join('|'),
        clean(e.country),
        clean(e.role),
        e.titles.map(clean).join('|'),
        e.tags.map(clean).join('|'),
      ].join('\t'),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Parse a KB TSV file; bad lines are reported through `warn` and skipped. */
export function parseKbTsv(text: string, source: string, warn?: (msg: string) => void): KbEntry[] {
  const out: KbEntry[] = [];
  let cols: string[] | null = null;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '' || line.startsWith('#')) continue;
    const f = line.split('\t');
    if (!cols) {
      cols = f.map((c) => c.trim());
      continue;
    }
    const get = (name: string): string => {
      const k = cols?.indexOf(name) ?? -1;
      return k >= 0 ? (f[k] ?? '').trim() : '';
    };
    const type = get('type');
    const name = get('name');
    if (!TYPES.has(type) || name === '') {
      warn?.(`${source}:${i + 1}: needs a type (PER/LOC/ORG/MISC) and a name`);
      continue;
    }
    const list = (s: string): string[] =>
      s
        .split('|')
        .map((x) => x.trim())
        .filter((x) => x !== '');
    const entry: KbEntry = {
      id: get('id') || `${source}:${name}`,
      type: type as EntityType,
      name,
      nameEn: get('nameEn') || undefined,
      aliases: list(get('aliases')),
      country: get('country') || undefined,
      role: get('role') || undefined,
      titles: list(get('titles')),
      tags: list(get('tags')),
      source,
    };
    // (an optional column: a user file may give the English Wikipedia title)
    const wikipedia = get('wikipedia');
    if (wikipedia) entry.wikipedia = wikipedia;
    out.push(entry);
  }
  return out;
}
