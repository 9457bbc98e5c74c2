/**
 * The knowledge base of actors and places: loads the TSV files of `data/kb/`
 * (see its README) and indexes every name and alias by matching form.
 *
 *   const kb = KnowledgeBase.default();
 *   kb.lookup('سوريه')            // [country:SYR]
 *   kb.demonym('الروسية')         // 'RUS'
 *   kb.holders('وزير الخارجيه', 'RUS') // [per:sergey-lavrov]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dataFile } from '../core/paths.ts';
import type { EntityType } from '../core/types.ts';
import { matchForm } from '../text/normalize.ts';
import { tsvRows } from '../text/tsv.ts';
import { parseKbTsv } from './tsv.ts';
import type { KbEntry } from './types.ts';

export type { KbEntry } from './types.ts';

/**
 * The KB files loaded by default, in priority order (an earlier file wins a shared name). `petrarch-en.tsv` (English
 * names of petrarch.tsv people) comes right before `petrarch.tsv`, so each petrarch row merges into its English row
 * and fills its country and role.
 */
export const KB_FILES = ['curated.tsv', 'curated-news.tsv', 'countries.tsv', 'petrarch-en.tsv', 'petrarch.tsv', 'cities.tsv'] as const;

/**
 * The source name of a KB file's entries: `curated-news.tsv` is hand-curated too, so its source is `curated`;
 * `petrarch-en.tsv` only names petrarch.tsv people in English, so its entries stay `petrarch`.
 */
export function kbSource(file: string): string {
  const base = file.replace(/\.tsv$/, '');
  if (base === 'curated-news') return 'curated';
  if (base === 'petrarch-en') return 'petrarch';
  return base;
}

export interface KbOptions {
  /** Folder of the KB files (default `data/kb`). */
  dir?: string;
  /** Extra user KB files (same format), loaded first so they win; default: env `KHABAR_KB_EXTRA` (paths separated by `:`). */
  extra?: string[];
  /** Problems found while loading. */
  warn?: (msg: string) => void;
}

const SOURCE_RANK: Record<string, number> = { extra: 0, curated: 1, countries: 2, petrarch: 3, cities: 4 };

/**
 * Name words in matching form grouped into the units an English spelling renders: عبد with the word after it
 * (`عبد الله` = Abdullah, `عبد الرحمن` = Abdel Rahman), every other word alone.
 */
function nameUnits(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i] === 'عبد' && i + 1 < words.length) {
      out.push(`عبد ${words[i + 1]}`);
      i++;
    } else out.push(words[i]);
  }
  return out;
}

/** The matching form of a multi-word name: words in matching form joined by one space. */
export function nameKey(s: string): string {
  return matchForm(s)
    .replace(/[\s\u00a0_-]+/g, ' ')
    .trim();
}

/**
 * Letters that transliterations of foreign names write in several ways, folded to one (g: غ ج ق, t: ط ث, s/z: ص ز ذ ظ,
 * d: ض, v: ڤ, p: پ), and letters such spellings add or leave out (the long vowels ا و ي, ه, hamza seats).
 */
const VARIANT_FOLD: Record<string, string> = { ج: 'غ', ق: 'غ', ط: 'ت', ث: 'ت', ص: 'س', ز: 'س', ذ: 'س', ظ: 'س', ض: 'د', ڤ: 'ف', پ: 'ب' };
const VARIANT_DROP = new Set(['ا', 'و', 'ي', 'ه', 'ء', 'ئ', 'ؤ']);

/**
 * A spelling-variant key of a name in matching form (`nameKey`), for transliterated names that no spelling list can
 * cover (دونيتسك / دونتسك, جاويش / جاووش, ماكغورك / مكجورك): each word folded (`VARIANT_FOLD`), vowels and
 * doubled letters dropped after the name's first letter, the words joined (بيونغ يانغ / بيونغيانغ). Words of
 * `keep` (Arabic first names: محمد / محمود, سعيد / سعد are different names) and words of up to two letters stay as
 * they are. Empty when the folded name has fewer than `min` letters.
 */
export function variantKey(key: string, keep: ReadonlySet<string> = new Set(), min = 4): string {
  let out = '';
  let letters = 0;
  for (const w of key.split(/[ .]+/)) {
    if (w === '') continue;
    if (w.length <= 2 || keep.has(w)) {
      out += `${w}|`;
      letters += w.length;
      continue;
    }
    let prev = '';
    for (let i = 0; i < w.length; i++) {
      const c = VARIANT_FOLD[w[i]] ?? w[i];
      // the name's first letter stays, whatever it is; a later word's initial vowel goes (بيونغ يانغ / بيونغيانغ)
      if ((out !== '' || i > 0) && (VARIANT_DROP.has(c) || c === prev)) continue;
      out += c;
      prev = c;
      letters++;
    }
  }
  return letters >= min ? out : '';
}

/** A name in matching form with its spaces removed and the letters transliterations confuse folded (`VARIANT_FOLD`). */
export function variantSpelling(key: string): string {
  let out = '';
  for (const c of key) if (c !== ' ') out += VARIANT_FOLD[c] ?? c;
  return out;
}

/** Levenshtein distance of two short strings. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** The `pop=` tag of an entry (0 when none). */
export function population(e: KbEntry): number {
  for (const t of e.tags) if (t.startsWith('pop=')) return Number(t.slice(4)) || 0;
  return 0;
}

export class KnowledgeBase {
  readonly entries: KbEntry[] = [];
  readonly byId = new Map<string, KbEntry>();
  /** Matching form of a name or alias -> entries, best first. */
  private readonly byForm = new Map<string, KbEntry[]>();
  /** Every proper prefix (in words) of an indexed form, for longest-match scanning. */
  private readonly prefixes = new Set<string>();
  /** The first word of every indexed form (a one-word form itself): a token not here starts no name. */
  private readonly starts = new Set<string>();
  private readonly demonyms = new Map<string, string>();
  private readonly titleHolders = new Map<string, KbEntry[]>();
  /** First names in matching form. */
  readonly firstNames = new Set<string>();
  /** `variantKey` of every indexed form -> those forms (built on first use, after the first names are loaded). */
  private byVariant: Map<string, string[]> | null = null;
  /** The most words in any indexed form. */
  maxWords = 1;

  private static cached: KnowledgeBase | null = null;

  /** The KB from `data/kb` plus `KHABAR_KB_EXTRA`, loaded once per process. */
  static default(): KnowledgeBase {
    if (!KnowledgeBase.cached) KnowledgeBase.cached = KnowledgeBase.load();
    return KnowledgeBase.cached;
  }

  static load(opts: KbOptions = {}): KnowledgeBase {
    const kb = new KnowledgeBase();
    const dir = opts.dir;
    const file = (name: string): string => (dir ? `${dir}/${name}` : dataFile('kb', name));
    const extra = opts.extra ?? (process.env.KHABAR_KB_EXTRA ? process.env.KHABAR_KB_EXTRA.split(':').filter((p) => p !== '') : []);
    const lists: KbEntry[][] = [];
    for (const p of extra) {
      if (!existsSync(p)) {
        opts.warn?.(`KB file not found: ${p}`);
        continue;
      }
      lists.push(parseKbTsv(readFileSync(p, 'utf8'), 'extra', opts.warn));
    }
    for (const name of KB_FILES) {
      const p = file(name);
      if (!existsSync(p)) continue;
      lists.push(parseKbTsv(readFileSync(p, 'utf8'), kbSource(name), opts.warn));
    }
    for (const list of lists) for (const e of list) kb.add(e);
    const wiki = file('wikipedia.tsv');
    if (existsSync(wiki)) kb.loadWikipedia(readFileSync(wiki, 'utf8'));
    kb.index();
    const names = file('first-names.txt');
    if (existsSync(names)) {
      for (const line of readFileSync(names, 'utf8').split('\n')) {
        const w = line.trim();
        if (w && !w.startsWith('#')) kb.firstNames.add(matchForm(w));
      }
    }
    const dem = file('demonyms.tsv');
    if (existsSync(dem)) kb.loadDemonyms(readFileSync(dem, 'utf8'));
    return kb;
  }

  /**
   * `id<TAB>English Wikipedia title` lines (`#` comments): the title of each known entry's article. Ids the KB does
   * not have are skipped; an entry that already has a title (a user file's) keeps it.
   */
  loadWikipedia(tsv: string): void {
    for (const line of tsv.split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const tab = line.indexOf('\t');
      const title = tab > 0 ? line.slice(tab + 1).trim() : '';
      const e = title ? this.byId.get(line.slice(0, tab)) : undefined;
      if (e) e.wikipedia ??= title;
    }
  }

  /** Build a KB from entries (tests, user code). */
  static fromEntries(entries: KbEntry[], demonyms = ''): KnowledgeBase {
    const kb = new KnowledgeBase();
    for (const e of entries) kb.add(e);
    kb.index();
    if (demonyms) kb.loadDemonyms(demonyms);
    return kb;
  }

  /** Add an entry; an entry whose id is already known merges into it (first values win, lists are joined). */
  private add(e: KbEntry): void {
    const old = this.byId.get(e.id);
    if (!old) {
      const copy = { ...e, aliases: [...e.aliases], titles: [...e.titles], tags: [...e.tags] };
      this.byId.set(e.id, copy);
      this.entries.push(copy);
      return;
    }
    // (a row tagged `closed` keeps its own names: a later source's label is not added, e.g. a mislabelled city)
    if (!old.tags.includes('closed'))
      for (const a of [e.name, ...e.aliases]) if (a !== old.name && !old.aliases.includes(a)) old.aliases.push(a);
    for (const t of e.titles) if (!old.titles.includes(t)) old.titles.push(t);
    for (const t of e.tags) if (!old.tags.includes(t)) old.tags.push(t);
    old.nameEn ??= e.nameEn;
    old.wikipedia ??= e.wikipedia;
    old.country ??= e.country;
    old.role ??= e.role;
  }

  private index(): void {
    for (const e of this.entries) {
      const keys = new Set<string>();
      for (const n of [e.name, ...e.aliases]) {
        const key = nameKey(n);
        if (key === '') continue;
        keys.add(key);
        // عبد الله / عبدالله, أبو الغيط / أبوالغيط: both spellings are common.
        keys.add(key.replace(/(^| )(عبد|ابو) (?=ال)/g, '$1$2'));
        keys.add(key.replace(/(^| )(عبد|ابو)(?=ال)/g, '$1$2 '));
        // ستوكهولم / استوكهولم, سكوتلندا / اسكتلندا: a foreign initial cluster is written with or without a
        // prothetic alef (names of five letters or more; without it only for places: اسلام is no سلام; 17th session)
        if (/^[سش][^اويهء ]/.test(key) && key.length >= 5) keys.add(`ا${key}`);
        else if (e.type === 'LOC' && /^ا[سش][^اويهء ]/.test(key) && key.length >= 6) keys.add(key.slice(1));
      }
      for (const key of keys) {
        let list = this.byForm.get(key);
        if (!list) {
          list = [];
          this.byForm.set(key, list);
        }
        if (!list.includes(e)) list.push(e);
        const words = key.split(' ');
        this.starts.add(words[0]);
        this.maxWords = Math.max(this.maxWords, words.length);
        for (let k = 1; k < words.length; k++) this.prefixes.add(words.slice(0, k).join(' '));
      }
      if (e.type === 'PER') {
        for (const t of e.titles) {
          const key = `${nameKey(t)}|${e.country ?? ''}`;
          const list = this.titleHolders.get(key) ?? [];
          list.push(e);
          this.titleHolders.set(key, list);
        }
      }
    }
    const rank = (e: KbEntry): number => SOURCE_RANK[e.source] ?? 5;
    for (const list of this.byForm.values()) {
      if (list.length > 1)
        list.sort(
          (a, b) =>
            rank(a) - rank(b) ||
            (a.tags.includes('capital') ? -1 : 0) - (b.tags.includes('capital') ? -1 : 0) ||
            population(b) - population(a),
        );
    }
  }

  private loadDemonyms(text: string): void {
    for (const [nisba, iso, forms] of tsvRows(text, { header: true })) {
      if (!nisba || !iso) continue;
      const base = nameKey(nisba);
      const add = (f: string): void => {
        this.demonyms.set(f, iso);
        this.demonyms.set(`ال${f}`, iso);
      };
      // Regular forms: the suffix attaches to the last word.
      for (const suf of ['', 'ه', 'ون', 'ين', 'ان', 'تان', 'تين', 'ات']) add(base + suf);
      // A compound agrees and takes ال on every word: كوري شمالي -> الكوري الشمالي, الكورية الشمالية.
      const words = base.split(' ');
      if (words.length > 1) {
        for (const suf of ['', 'ه', 'ون', 'ين']) {
          this.demonyms.set(words.map((w) => w + suf).join(' '), iso);
          this.demonyms.set(words.map((w) => `ال${w}${suf}`).join(' '), iso);
        }
      }
      // a variant nisba takes the regular forms too (أميركي → الأميركية، الأميركيون); plurals are listed as they are
      for (const f of (forms ?? '').split('|')) {
        if (!f.trim()) continue;
        const v = nameKey(f);
        if (v.endsWith('ي') && !v.includes(' ')) for (const suf of ['', 'ه', 'ون', 'ين', 'ان', 'تان', 'تين', 'ات']) add(v + suf);
        else add(v);
      }
    }
  }

  /** Entries whose name or an alias has this matching form (multi-word: single spaces), best first. */
  lookup(form: string): readonly KbEntry[] {
    return this.byForm.get(form) ?? [];
  }

  /**
   * The indexed form (matching form) of which `form` is a spelling variant (see `variantKey`), when the indexed forms
   * with that variant key all name the same entries (several entries may share a form: `lookup` orders them) and the
   * key has at least `min` letters (at least 4); undefined otherwise.
   */
  variantOf(form: string, min = 4): string | undefined {
    if (!this.byVariant) {
      const byVariant = new Map<string, string[]>();
      for (const key of this.byForm.keys()) {
        const k = variantKey(key, this.firstNames);
        if (k === '') continue;
        const list = byVariant.get(k);
        if (!list) byVariant.set(k, [key]);
        else list.push(key);
      }
      this.byVariant = byVariant;
    }
    const k = variantKey(form, this.firstNames, min);
    const list = k === '' ? undefined : this.byVariant.get(k);
    if (!list) return undefined;
    // several forms under the key are one name when they are spellings of the same entries (مولود/مولودو جاويش أوغلو)
    const same = (a: readonly KbEntry[], b: readonly KbEntry[]): boolean => a.length === b.length && a.every((e) => b.includes(e));
    const first = this.lookup(list[0]);
    return list.every((f) => same(this.lookup(f), first)) ? list[0] : undefined;
  }

  /** True when `form` is the first words of some longer indexed name. */
  isPrefix(form: string): boolean {
    return this.prefixes.has(form);
  }

  /** True when some indexed name starts with the word `form` (or is that one word): `lookup(form)` or `isPrefix(form)`. */
  startsName(form: string): boolean {
    return this.starts.has(form);
  }

  /** The country (ISO3) of a nationality adjective or demonym in matching form (`الروسيه` -> RUS; two words: `الكوري الجنوبي` -> KOR). */
  /** Arabic name word (matching form) -> its usual English spelling, learnt from the KB's people (built on first use). */
  private parts: Map<string, string> | null = null;

  /**
   * An English rendering of a person's name that has no KB entry, from the English spellings the KB's people give the
   * same words: "فتحي حماد" -> "Fathi Hammad" when both words occur, aligned one to one, in names of the KB
   * (محمود عباس = Mahmoud Abbas, ...). Each word takes its most frequent spelling (ties: the first seen). Undefined
   * unless every word is known: no letter-by-letter guessing.
   */
  englishFromParts(name: string): string | undefined {
    if (!this.parts) {
      const counts = new Map<string, Map<string, number>>();
      const add = (a: string, en: string): void => {
        let m = counts.get(a);
        if (!m) counts.set(a, (m = new Map()));
        m.set(en, (m.get(en) ?? 0) + 1);
      };
      const good = (w: string): boolean => /^[A-Z][a-z'-]|^(al|bin|ibn|bint|el|abu|abd)-?/.test(w);
      for (const e of this.entries) {
        if (e.type !== 'PER' || !e.nameEn) continue;
        const ar = nameKey(e.name).split(' ');
        // ("Joaan bin Hamad Al Thani": a family name the Arabic leaves out; "John F. Kennedy": an initial it leaves out)
        const en = e.nameEn
          .replace(/\s+Al Thani$/, '')
          .replace(/\s+[A-Z]\.(?=\s)/g, '')
          .split(/\s+/);
        const units = nameUnits(ar);
        if (units.length === en.length && units.length >= 2) {
          // عبد الله = Abdullah, عبد العزيز = Abdulaziz: one English word for the two Arabic ones
          units.forEach((u, i) => {
            if (good(en[i])) add(u, en[i]);
          });
        } else if (ar.length === en.length && ar.length >= 2) {
          // عبد الرحمن = Abdel Rahman: the unit takes both English words
          let i = 0;
          for (const u of units) {
            const n = u.split(' ').length;
            const words = en.slice(i, i + n);
            if (words.every(good)) add(u, words.join(' '));
            i += n;
          }
        }
      }
      this.parts = new Map();
      for (const [a, m] of counts) {
        let best = '';
        let n = 0;
        for (const [e, k] of m) if (k > n) [best, n] = [e, k];
        this.parts.set(a, best);
      }
    }
    const units = nameUnits(nameKey(name).split(' ').filter(Boolean));
    if (units.length < 2) return undefined;
    const out: string[] = [];
    for (const u of units) {
      const e = this.parts.get(u);
      if (!e) return undefined;
      out.push(e);
    }
    return out.join(' ');
  }

  demonym(form: string): string | undefined {
    return this.demonyms.get(form);
  }

  /** Every nationality-adjective form the KB knows (matching form). */
  demonymForms(): IterableIterator<string> {
    return this.demonyms.keys();
  }

  /** People of the KB who hold `title` (matching form, no nationality) for `country`. */
  holders(title: string, country: string | undefined): readonly KbEntry[] {
    return this.titleHolders.get(`${title}|${country ?? ''}`) ?? [];
  }

  /** Every title (matching form) the KB knows, longest first. */
  titles(): string[] {
    const out = new Set<string>();
    for (const k of this.titleHolders.keys()) out.add(k.slice(0, k.indexOf('|')));
    return [...out].sort((a, b) => b.length - a.length);
  }

  /** The English nationality adjective of a country (ISO3 -> `Qatari`), from the `demonymEn=` tag of its entry. */
  adjectiveEn(iso: string): string | undefined {
    const tags = this.byId.get(`country:${iso}`)?.tags;
    if (!tags) return undefined;
    for (const t of tags) if (t.startsWith('demonymEn=')) return t.slice(10);
    return undefined;
  }

  /** Entries of one type having this form. */
  lookupType(form: string, type: EntityType): KbEntry | undefined {
    return this.lookup(form).find((e) => e.type === type);
  }
}
