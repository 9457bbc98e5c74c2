/**
 * A name lexicon mined from unlabelled news (pattern bootstrapping in the
 * spirit of Riloff & Jones 1999, one round, no learnt patterns): names are
 * read where the context says "a name comes here" —
 *
 *   [title or head]  [up to 3 definite words]  NAME (1-4 words)  [end word or punctuation]
 *
 * e.g. `المدرب الفرنسي زين الدين زيدان ،`, `وقال الرئيس دونالد ترامب إن`,
 * `شركة أرامكو السعودية` (a nationality adjective also ends a name). The
 * contexts are in `data/ner/name-patterns.txt`. A candidate is kept when it
 * was read often enough, in enough articles, and none of its words is a
 * common word of the corpus (see `selectNames`). The kept names become
 * gazetteer flags (`MPER`, `MORG` full names, `MPERW` words of a person's
 * name): `models/ner-lexicon.tsv`, built by `khabar train ner-lexicon`.
 */
import { readFileSync } from 'node:fs';
import { cliticVariants } from '../../kb/clitics.ts';
import { nameKey } from '../../kb/index.ts';
import { matchForm } from '../../text/normalize.ts';

export interface NamePatterns {
  /** Phrases (matching form, words joined by one space) before a person's name. */
  person: Set<string>;
  /** Phrases before an organisation's name. */
  org: Set<string>;
  /** Words that may follow a name. */
  end: Set<string>;
  /** Words never the first word of a name. */
  stop: Set<string>;
  /** Nationality adjectives (with and without ال): they end a name, and one may stand between a title and a name. */
  nationality: Set<string>;
  /** Most words in a `person` or `org` phrase. */
  maxTrigger: number;
}

/** Parse the sections of `name-patterns.txt` (`[person]`, `[org]`, `[end]`, `[stop]`); `stopWords` and `nationality` are added as given. */
export function parseNamePatterns(text: string, stopWords: Iterable<string> = [], nationality: Iterable<string> = []): NamePatterns {
  const out: NamePatterns = { person: new Set(), org: new Set(), end: new Set(), stop: new Set(), nationality: new Set(), maxTrigger: 1 };
  let section: Set<string> | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const m = /^\[(\w+)\]$/.exec(line);
    if (m) {
      const s = m[1] as 'person' | 'org' | 'end' | 'stop';
      if (!['person', 'org', 'end', 'stop'].includes(s)) throw new Error(`name patterns: unknown section [${m[1]}]`);
      section = out[s];
      continue;
    }
    if (!section) throw new Error(`name patterns: "${line}" outside a section`);
    const key = nameKey(line);
    section.add(key);
    if (section === out.person || section === out.org) out.maxTrigger = Math.max(out.maxTrigger, key.split(' ').length);
  }
  for (const w of stopWords) {
    const k = nameKey(w);
    if (k !== '' && !k.includes(' ')) out.stop.add(k);
  }
  for (const w of nationality) out.nationality.add(nameKey(w));
  return out;
}

function isLetter(c: number): boolean {
  return (
    (c >= 0x0621 && c <= 0x064a) ||
    (c >= 0x064b && c <= 0x0652) ||
    (c >= 0x0671 && c <= 0x06d3) ||
    c === 0x0640 ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a)
  );
}

function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9);
}

/**
 * Tokens of a text in matching form: runs of letters (Latin lower-cased),
 * runs of digits as `0`, every other non-space character as itself, and a line
 * break as `\n`.
 */
export function nameTokens(text: string): string[] {
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isLetter(c)) {
      let j = i + 1;
      while (j < n && isLetter(text.charCodeAt(j))) j++;
      out.push(matchForm(text.slice(i, j)).toLowerCase());
      i = j;
    } else if (isDigit(c)) {
      let j = i + 1;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      out.push('0');
      i = j;
    } else {
      if (c === 0x0a) out.push('\n');
      else if (c !== 0x20 && c !== 0x09 && c !== 0x0d && c !== 0xa0 && c !== 0x200f && c !== 0x200e) out.push(text[i]);
      i++;
    }
  }
  return out;
}

function isWord(t: string): boolean {
  return t.length > 0 && isLetter(t.charCodeAt(0));
}

/** Whether a token is definite: ال, or a proclitic (و ف ب ل ك) and ال, or لل. */
export function isDefinite(t: string): boolean {
  if (t.length < 4) return false;
  if (t.startsWith('ال') || t.startsWith('لل')) return true;
  let s = t;
  if (s[0] === 'و' || s[0] === 'ف') s = s.slice(1);
  if (s.startsWith('ال') || s.startsWith('لل')) return s.length >= 4;
  if ((s[0] === 'ب' || s[0] === 'ك' || s[0] === 'ل') && s.startsWith('ال', 1)) return s.length >= 5;
  return false;
}

export type NameKind = 'PER' | 'ORG';

/** One name read in context: its words (matching form) and the kind of context. */
export interface NameSighting {
  kind: NameKind;
  words: string[];
}

/**
 * The trigger phrase (of `set`) starting at token i, the first word
 * clitic-stripped: the index after it (negated, minus one, when the phrase is
 * indefinite: `وزير` needs a definite word after it, `وزير الخارجية`, since
 * `لاعب ليفربول` names a team, not the player), or null.
 */
function triggerAt(tokens: readonly string[], i: number, set: Set<string>, maxWords: number): { end: number; definite: boolean } | null {
  for (const v of cliticVariants(tokens[i])) {
    let key = v.form;
    let best = set.has(key) ? i + 1 : -1;
    let definite = isDefinite(key);
    for (let j = i + 1; j < Math.min(tokens.length, i + maxWords); j++) {
      key = `${key} ${tokens[j]}`;
      if (set.has(key)) {
        best = j + 1;
        definite = isDefinite(v.form) || isDefinite(tokens[j]);
      }
    }
    if (best >= 0) return { end: best, definite };
  }
  return null;
}

/** Whether a token may end a name: punctuation, a line break, an end word (conjunction و/ف stripped) or a nationality adjective. */
function endsName(t: string | undefined, p: NamePatterns): boolean {
  if (t === undefined) return true;
  if (!isWord(t)) return t !== '0' && t !== '-';
  if (p.end.has(t) || p.nationality.has(t)) return true;
  if ((t[0] === 'و' || t[0] === 'ف') && t.length > 2 && p.end.has(t.slice(1))) return true;
  return false;
}

/** Most words of a mined name. */
export const MAX_NAME_WORDS = 4;

/**
 * The names a text shows in the contexts of `p`, left to right. A trigger
 * phrase, then at most three definite words (at least one after an indefinite
 * trigger), then 1-4 name words whose first is not definite and not a stop,
 * end, trigger or nationality word (nor one under a clitic), then a word that
 * ends a name. Names are read as written (a clitic on the first word stays).
 */
export function sightings(tokens: readonly string[], p: NamePatterns): NameSighting[] {
  const out: NameSighting[] = [];
  const n = tokens.length;
  const listed = (t: string): boolean => p.stop.has(t) || p.end.has(t) || p.nationality.has(t) || p.person.has(t) || p.org.has(t);
  const bad = (t: string): boolean => !isWord(t) || t.length < 2 || listed(t);
  // The first word of a name: not definite, and no listed word under a clitic (لشركة).
  const badFirst = (t: string): boolean => {
    if (bad(t) || isDefinite(t)) return true;
    for (const v of cliticVariants(t)) if (listed(v.form)) return true;
    return false;
  };
  for (let i = 0; i < n; i++) {
    if (!isWord(tokens[i])) continue;
    let kind: NameKind = 'PER';
    let t = triggerAt(tokens, i, p.person, p.maxTrigger);
    if (!t) {
      t = triggerAt(tokens, i, p.org, p.maxTrigger);
      kind = 'ORG';
    }
    if (!t) continue;
    let j = t.end;
    // A person's title may go on with definite words (الأمريكي، السابق، للشؤون الخارجية); an organisation's head is
    // in construct state, its name right after it (شركة آبل).
    let skipped = 0;
    while (kind === 'PER' && j < n && skipped < 3 && isWord(tokens[j]) && isDefinite(tokens[j])) {
      j++;
      skipped++;
    }
    if (j >= n || (kind === 'PER' && !t.definite && skipped === 0) || badFirst(tokens[j])) continue;
    let k = j + 1;
    while (k < n && k - j < MAX_NAME_WORDS && !endsName(tokens[k], p) && isWord(tokens[k]) && !bad(tokens[k])) k++;
    if (!endsName(tokens[k], p)) continue;
    out.push({ kind, words: tokens.slice(j, k) as string[] });
    i = k - 1;
  }
  return out;
}

/** A mined name and how it was seen. */
export interface NameCandidate {
  kind: NameKind;
  /** Words joined by one space (matching form). */
  name: string;
  /** Sightings, and articles with a sighting. */
  count: number;
  docs: number;
}

/** Counts over a corpus: the sightings per name, and every word's frequency (for the common-word filter). */
export interface NameCounts {
  candidates: Map<string, NameCandidate>;
  freq: Map<string, number>;
  tokens: number;
}

/** Count the sightings of names and the word frequencies over texts (one string per article). */
export function countNames(texts: Iterable<string>, p: NamePatterns): NameCounts {
  const candidates = new Map<string, NameCandidate>();
  const freq = new Map<string, number>();
  let total = 0;
  for (const text of texts) {
    const tokens = nameTokens(text);
    for (const t of tokens) {
      if (!isWord(t)) continue;
      total++;
      freq.set(t, (freq.get(t) ?? 0) + 1);
    }
    const seen = new Set<string>();
    for (const s of sightings(tokens, p)) {
      const name = s.words.join(' ');
      const key = `${s.kind}\t${name}`;
      let c = candidates.get(key);
      if (!c) {
        c = { kind: s.kind, name, count: 0, docs: 0 };
        candidates.set(key, c);
      }
      c.count++;
      if (!seen.has(key)) {
        seen.add(key);
        c.docs++;
      }
    }
  }
  return { candidates, freq, tokens: total };
}

export interface SelectOptions {
  /** Fewest sightings of a name (default 2). */
  minCount?: number;
  /** Fewest articles with a sighting (default 2). */
  minDocs?: number;
  /** A one-word name needs this many sightings (default 3)... */
  minCountSingle?: number;
  /** ... and this share of the word's corpus count in sighted names, unless it is a word of a kept longer name (default 0.1). */
  minShareSingle?: number;
  /**
   * A word is common when ال + the word is seen at least this share of the
   * word's own count (default 0.25; at least 3 times): adjectives and nouns
   * take the article, names mostly do not.
   */
  maxDefiniteShare?: number;
  /**
   * A word is common when its sightings in names are fewer than this share of
   * its corpus count (default 0.03; words seen fewer than 50 times are not tested).
   */
  minNameShare?: number;
}

const PROCLITICS = 'وفبلك';

/**
 * The candidates that pass the filters, best first (most sightings). A name
 * is dropped when it was seen too rarely, when one of its words is common
 * (`maxDefiniteShare`, `minNameShare`; or a clitic + a word seen more often
 * without it, `لارسنال`; or a clitic + ال, `بالانسحاب`), or when a shorter
 * name it begins with was seen at least twice as often (`دونالد ترامب الانسحاب`).
 */
export function selectNames(counts: NameCounts, opts: SelectOptions = {}): NameCandidate[] {
  const minCount = opts.minCount ?? 2;
  const minDocs = opts.minDocs ?? 2;
  const minSingle = opts.minCountSingle ?? 3;
  const minShareSingle = opts.minShareSingle ?? 0.1;
  const maxDef = opts.maxDefiniteShare ?? 0.25;
  const minShare = opts.minNameShare ?? 0.03;
  const freq = (w: string): number => counts.freq.get(w) ?? 0;
  // How often each word is seen inside a sighted name (any kind).
  const inNames = new Map<string, number>();
  for (const c of counts.candidates.values()) for (const w of c.name.split(' ')) inNames.set(w, (inNames.get(w) ?? 0) + c.count);
  const common = (w: string): boolean => {
    const f = freq(w);
    if (!w.startsWith('ال')) {
      const d = freq(`ال${w}`);
      if (d >= 3 && d >= maxDef * f) return true;
      if (w.length >= 4 && PROCLITICS.includes(w[0])) {
        if (isDefinite(w)) return true;
        if (freq(w.slice(1)) > f) return true;
      }
    }
    return f >= 50 && (inNames.get(w) ?? 0) < minShare * f;
  };
  const kept: NameCandidate[] = [];
  for (const c of counts.candidates.values()) {
    const words = c.name.split(' ');
    if (c.count < (words.length === 1 ? minSingle : minCount) || c.docs < minDocs) continue;
    if (words.some(common)) continue;
    let shadowed = false;
    for (let k = 1; k < words.length && !shadowed; k++) {
      const prefix = counts.candidates.get(`${c.kind}\t${words.slice(0, k).join(' ')}`);
      if (prefix && prefix.count >= 2 * c.count) shadowed = true;
    }
    if (!shadowed) kept.push(c);
  }
  // One-word names: a word of a kept longer name, or one seen mostly in names.
  const inLonger = new Set<string>();
  for (const c of kept) if (c.name.includes(' ')) for (const w of c.name.split(' ')) inLonger.add(w);
  const out = kept.filter(
    (c) => c.name.includes(' ') || inLonger.has(c.name) || (inNames.get(c.name) ?? 0) >= minShareSingle * freq(c.name),
  );
  out.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.kind < b.kind ? -1 : 1));
  return out;
}

/**
 * The lexicon file: a `#` header, then `form<TAB>flags` (as `ner-gazetteer.tsv`):
 * `MPER`/`MORG` for a mined full name, `MPERW` for each word (3+ letters) of a
 * mined person's name. A name mined as both kinds keeps the kind seen more often.
 */
export function formatLexicon(names: readonly NameCandidate[], header: string): string {
  const flags = new Map<string, Set<string>>();
  const add = (form: string, flag: string): void => {
    let s = flags.get(form);
    if (!s) {
      s = new Set();
      flags.set(form, s);
    }
    s.add(flag);
  };
  const best = new Map<string, NameCandidate>();
  for (const c of names) {
    const b = best.get(c.name);
    if (!b || c.count > b.count) best.set(c.name, c);
  }
  for (const c of best.values()) {
    add(c.name, c.kind === 'PER' ? 'MPER' : 'MORG');
    if (c.kind === 'PER') for (const w of c.name.split(' ')) if (w.length > 2) add(w, 'MPERW');
  }
  const lines = [`# ${header.replace(/\n/g, ' ')}`];
  for (const f of [...flags.keys()].sort()) lines.push(`${f}\t${[...(flags.get(f) ?? [])].sort().join(',')}`);
  return `${lines.join('\n')}\n`;
}

/** Stop words of a one-word-per-line list (e.g. the shared `stopwords_mohataher/list.txt`); [] when absent. */
export function readWordList(path: string): string[] {
  try {
    return readFileSync(path, 'utf8')
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('#'));
  } catch {
    return [];
  }
}
