import type { EntityType } from '../core/types.ts';

/** One actor or place of the knowledge base (a row of a `data/kb/*.tsv` file). */
export interface KbEntry {
  /** Stable id: `country:RUS`, `city:moscow-rus`, `per:sergey-lavrov`, `org:un-security-council`... */
  id: string;
  type: EntityType;
  /** Arabic canonical name. */
  name: string;
  nameEn?: string;
  /** Title of the English Wikipedia article about the entry (`data/kb/wikipedia.tsv`), where known. */
  wikipedia?: string;
  /** Arabic variants (spellings, short forms, abbreviations). */
  aliases: string[];
  /** ISO 3166-1 alpha-3 code of the country the actor belongs to (or the place is in). */
  country?: string;
  /** Actor role: GOV, MIL, REB, PTY, IGO, MED, BUS, ... */
  role?: string;
  /** Title phrases the person holds (`وزير الخارجية`, `الرئيس`), without the nationality adjective. */
  titles: string[];
  /** Free tags: `capital` (a national capital: stands for its government), `pop=N` (population). */
  tags: string[];
  /** Which file the entry came from (`countries`, `cities`, `petrarch`, `curated`, `extra`). */
  source: string;
}

/** The columns of a KB TSV file, in order. */
export const KB_COLUMNS = ['id', 'type', 'name', 'nameEn', 'aliases', 'country', 'role', 'titles', 'tags'] as const;
