/**
 * Linking and in-document coreference.
 *
 *  1. Mentions: the NER names, with attached proclitics cut off (لسورية -> سورية),
 *     plus precise gazetteer matches the tagger missed (countries, capitals and
 *     curated names; multi-word or explicitly safe forms only).
 *  2. Linking: each mention to a KB entry by matching form (spelling variants
 *     are aliases; عُمان/عمان, سوريا/سورية fold by matching form or alias), a
 *     known surname to the one KB person who carries it.
 *  3. Grouping: same KB entry; same name; a surname or a short form after a
 *     full name (لافروف <- سيرغي لافروف, وزارة العدل <- وزارة العدل الأمريكية).
 *  4. Titles: a title phrase apposed to a name (وزير الخارجية الروسي سيرغي لافروف)
 *     ties later uses of the same phrase to that person; a title phrase with a
 *     nationality (وزير الخارجية الروسي) also resolves to the KB holder of that
 *     title when that person is named in the article.
 */
import type { Doc, Entity, EntityType, Mention, Token } from '../../core/types.ts';
import { cliticVariants } from '../../kb/clitics.ts';
import { type KbEntry, type KnowledgeBase, nameKey } from '../../kb/index.ts';
import { normalize } from '../../text/normalize.ts';

/** Title phrases (matching form, split in words), longest first. */
export type TitleList = readonly string[][];

export function parseTitles(text: string): string[][] {
  const out: string[][] = [];
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    out.push(nameKey(t).split(' '));
  }
  return out.sort((a, b) => b.length - a.length);
}

interface Cand {
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
  type: EntityType;
  /** Matching form of the mention (words joined by one space). */
  key: string;
  words: string[];
  entry?: KbEntry;
  via: string;
}

interface Group {
  type: EntityType;
  entry?: KbEntry;
  cands: Cand[];
  /** Longest mention words (for surname matching). */
  words: string[];
  country?: string;
  role?: string;
  extra: Mention[];
}

/** Countries whose names put the family name first (a later bare family name refers back to the full name). */
const FAMILY_FIRST = new Set(['CHN', 'KOR', 'PRK', 'VNM', 'TWN', 'HKG', 'MNG', 'KHM', 'HUN']);

/** Words before an institution name that make it part of a title (وزير الخارجية الروسي). */
const TITLE_LEADS = new Set([
  'وزير',
  'وزيره',
  'ووزير',
  'نائب',
  'مساعد',
  'وكيل',
  'المتحدث',
  'المتحدثه',
  'الناطق',
  'باسم',
  'قائد',
  'رئيس',
  'مدير',
  'سفير',
]);

const MATCH_OPTS = { diacritics: true, digits: true, matching: true };
const ORG_ROLES: [string, string][] = [
  ['وزاره', 'GOV'],
  ['حكومه', 'GOV'],
  ['رئاسه', 'GOV'],
  ['مجلس', 'GOV'],
  ['جيش', 'MIL'],
  ['الجيش', 'MIL'],
  ['قوات', 'MIL'],
  ['حزب', 'PTY'],
  ['حركه', 'PTY'],
  ['جبهه', 'REB'],
  ['وكاله', 'MED'],
  ['صحيفه', 'MED'],
  ['شركه', 'BUS'],
  ['بنك', 'BUS'],
  ['منظمه', 'NGO'],
];

/** Original offset of the `skip`-th matching-form character of a token. */
function skipOffset(tok: Token, skip: number): number {
  if (skip === 0) return tok.start;
  if (tok.norm.length === tok.text.length && tok.text === tok.norm) return tok.start + skip;
  const n = normalize(tok.text, MATCH_OPTS);
  return tok.start + (n.offsets[Math.min(skip, n.offsets.length - 1)] ?? 0);
}

function isWordTok(t: Token): boolean {
  return t.kind === 'word' || t.kind === 'latin' || t.kind === 'hashtag';
}

/** The lookup form of a token (a hashtag without its #) and how many leading characters that drops. */
function lookupForm(t: Token): { form: string; skip: number } {
  if (t.kind === 'hashtag' && t.norm.startsWith('#')) return { form: t.norm.slice(1).replace(/_/g, ' '), skip: 1 };
  return { form: t.norm, skip: 0 };
}

/** Word lists the resolver reads from `data/kb/` (see the files' headers). */
export interface ResolverLists {
  titles: TitleList;
  /** Generic nouns that are never a name alone (matching form). */
  generic: Set<string>;
  /** Heads written before organisation names (matching form, split in words), longest first. */
  orgHeads: string[][];
  /** Institution heads that name an organisation when followed by a nationality (`data/kb/org-patterns.txt`). */
  orgPatterns?: { head: string[]; role?: string }[];
  /** Descriptive adjectives cut from the end of a mention (`data/kb/trailing.txt`). */
  trailing?: Set<string>;
}

/** Parse `org-patterns.txt`: `head<TAB>role` lines. */
export function parseOrgPatterns(text: string): { head: string[]; role?: string }[] {
  const out: { head: string[]; role?: string }[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [h, r] = line.split('\t');
    out.push({ head: nameKey(h).split(' '), role: r?.trim() || undefined });
  }
  return out.sort((a, b) => b.head.length - a.head.length);
}

/** Parse a one-item-per-line list (`#` comments) into matching forms. */
export function parseList(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t !== '' && !t.startsWith('#')) out.push(nameKey(t));
  }
  return out;
}

export class EntityResolver {
  readonly kb: KnowledgeBase;
  readonly titles: TitleList;
  private readonly generic: Set<string>;
  private readonly orgHeads: string[][];
  private readonly orgPatterns: { head: string[]; role?: string }[];
  private readonly trailing: Set<string>;

  constructor(kb: KnowledgeBase, lists: ResolverLists) {
    this.kb = kb;
    this.titles = lists.titles;
    this.generic = lists.generic;
    this.orgHeads = lists.orgHeads;
    this.orgPatterns = lists.orgPatterns ?? [];
    this.trailing = lists.trailing ?? new Set();
    for (const t of this.titles) {
      const list = this.titlesByFirst.get(t[0]) ?? [];
      list.push(t);
      this.titlesByFirst.set(t[0], list);
    }
  }

  /** Titles by their first word, longest first. */
  private readonly titlesByFirst = new Map<string, string[][]>();

  /** Best KB entry for a mention key and NER type, or undefined. */
  link(key: string, type: EntityType | null): KbEntry | undefined {
    const list = this.kb.lookup(key);
    if (list.length > 0) {
      if (!type) return list[0];
      const same = list.find((e) => e.type === type);
      if (same) return same;
      // The KB's type wins for well-known names (a ministry tagged LOC, a country tagged ORG).
      const trusted = list.find((e) => e.source !== 'cities' && e.source !== 'petrarch' && type !== 'PER' && e.type !== 'PER');
      if (trusted) return trusted;
      // A place the tagger took for a person (بيونغ يانغ): only a country or a curated multi-word place.
      const place = list.find(
        (e) => e.type === 'LOC' && (e.source === 'countries' || ((e.source === 'curated' || e.source === 'extra') && key.includes(' '))),
      );
      if (type === 'PER' && place) return place;
      return undefined;
    }
    if (type === 'PER') {
      const words = key.split(' ');
      if (words.length >= 2) {
        // A known person under another spelling of the first name: the surname decides when only one KB person has it.
        const last = words[words.length - 1];
        const people = this.kb.lookup(last).filter((e) => e.type === 'PER');
        if (people.length === 1 && nameKey(people[0].name).split(' ').pop() === last) {
          // Only when the first names look alike (سيرجي/سيرغي), not a namesake (تركي المالكي is not نوري المالكي).
          const firsts = [people[0].name, ...people[0].aliases]
            .map((n) => nameKey(n).split(' '))
            .filter((w) => w.length >= 2)
            .map((w) => w[0]);
          if (firsts.some((f) => similarWord(f, words[0]))) return people[0];
        }
      }
    }
    return undefined;
  }

  /** A candidate from tokens [a, b) whose first token may carry proclitics. */
  private candidate(doc: Doc, a: number, b: number, type: EntityType | null, via: string): Cand | null {
    const toks = doc.tokens;
    const rest: string[] = [];
    for (let k = a + 1; k < b; k++) rest.push(lookupForm(toks[k]).form);
    const restKey = rest.join(' ');
    const first = toks[a];
    const lf = lookupForm(first);
    const variants = cliticVariants(lf.form).map((v) => ({ ...v, skip: v.skip + lf.skip }));
    let chosen = variants[0];
    let entry: KbEntry | undefined;
    for (const v of variants) {
      const key = restKey ? `${v.form} ${restKey}` : v.form;
      const e = this.link(key, type);
      if (e) {
        chosen = v;
        entry = e;
        break;
      }
    }
    if (!entry && variants.length > 1) {
      // Unknown name: cut a conjunction/preposition when what follows is clearly a word of its own.
      for (const v of variants.slice(1)) {
        if (v.form.startsWith('ال') || this.kb.firstNames.has(v.form)) {
          chosen = v;
          break;
        }
      }
    }
    let words = [chosen.form, ...rest];
    let key = words.join(' ');
    if (!entry && b - a === 1 && variants.some((v) => this.generic.has(v.form) || this.kb.demonym(v.form))) return null;
    if (!entry && (this.generic.has(key) || this.kb.demonym(key) || /^[0-9.,%]+$/.test(key))) return null;
    let start = skipOffset(first, chosen.skip);
    let end = toks[b - 1].end;
    if (!entry && type === 'PER') {
      // A rank or title the tagger took into the name (كولونيل جوش ثيل -> جوش ثيل).
      while (words.length > 1 && this.titlesByFirst.get(words[0])?.some((t) => t.length === 1)) {
        words = words.slice(1);
        a++;
        start = toks[a].start;
      }
    }
    if (!entry && words.length > 1 && this.trailing.has(words[words.length - 1])) {
      // تنظيم داعش الإرهابي -> تنظيم داعش: a descriptive adjective after the name.
      const shorter = words.slice(0, -1);
      const e = this.link(shorter.join(' '), type);
      if (e || shorter.length >= 2) {
        words = shorter;
        b--;
        end = toks[b - 1].end;
        if (e) entry = e;
      }
    }
    if (!entry && type !== 'PER' && words.length > 2) {
      // مجلس الأمن الدولي المقرر -> مجلس الأمن الدولي: the longest known name at the start of the span, when there is one.
      // A nationality adjective among the cut words names another body (الصليب الأحمر الإندونيسي is not the ICRC): stop there.
      for (let n = words.length - 1; n >= 2; n--) {
        if (this.kb.demonym(words[n])) break;
        const e = this.link(words.slice(0, n).join(' '), type);
        if (e) {
          entry = e;
          b -= words.length - n;
          words = words.slice(0, n);
          end = toks[b - 1].end;
          break;
        }
      }
    }
    key = words.join(' ');
    if (!entry && words.length < rest.length + 1) entry = this.link(key, type);
    if (end <= start) return null;
    let tokenStart = a;
    const finalType = entry?.type ?? type ?? 'MISC';
    if ((finalType === 'ORG' || (entry?.id.startsWith('country:') ?? false)) && chosen.skip === 0) {
      // وكالة أنباء رويترز: a generic head right before the name belongs to it.
      const sent = doc.sentences[first.sentence];
      for (const head of this.orgHeads) {
        const h0 = a - head.length;
        if (h0 < (sent?.tokenStart ?? 0)) continue;
        let ok = true;
        for (let k = 0; k < head.length; k++) {
          const f =
            k === 0
              ? cliticVariants(toks[h0].norm).find((v) => v.form === head[0])
              : toks[h0 + k].norm === head[k]
                ? { skip: 0 }
                : undefined;
          if (!f) {
            ok = false;
            break;
          }
        }
        // A linked name keeps its bare form unless the longer phrase is itself a KB name (or دولة + a country).
        if (
          ok &&
          entry &&
          !this.kb.lookup([...head, ...words].join(' ')).includes(entry) &&
          !(head[0] === 'دوله' && entry.id.startsWith('country:'))
        )
          ok = false;
        if (ok && lf.skip > 0) ok = false;
        if (ok) {
          const v = cliticVariants(toks[h0].norm).find((x) => x.form === head[0]);
          start = skipOffset(toks[h0], v?.skip ?? 0);
          tokenStart = h0;
          words.unshift(...head);
          entry ??= this.link(words.join(' '), type);
          break;
        }
      }
    }
    return { start, end, tokenStart, tokenEnd: b, type: finalType, key: words.join(' '), words, entry, via };
  }

  /** Gazetteer matches over tokens not covered by NER names. */
  private gazetteerMatches(doc: Doc, covered: Uint8Array, multiwordCities = false): Cand[] {
    const out: Cand[] = [];
    const toks = doc.tokens;
    const max = Math.min(this.kb.maxWords, 8);
    for (const s of doc.sentences) {
      let i = s.tokenStart;
      while (i < s.tokenEnd) {
        if (covered[i] || !isWordTok(toks[i])) {
          i++;
          continue;
        }
        let best: { end: number; entry: KbEntry; skip: number } | null = null;
        const lf = lookupForm(toks[i]);
        for (const v of cliticVariants(lf.form)) {
          let key = v.form;
          for (let j = i + 1; j <= Math.min(s.tokenEnd, i + max); j++) {
            if (j > i + 1) {
              if (covered[j - 1] || !isWordTok(toks[j - 1])) break;
              key = `${key} ${toks[j - 1].norm}`;
            }
            const e = this.kb.lookup(key)[0];
            if (
              e &&
              (!best || j > best.end) &&
              (this.safeAuto(e, key, j - i) || (multiwordCities && j - i >= 2 && e.source === 'cities'))
            ) {
              best = { end: j, entry: e, skip: v.skip };
            }
            if (!this.kb.isPrefix(key)) break;
          }
        }
        if (best) {
          const c = this.candidate(doc, i, best.end, best.entry.type, 'gazetteer');
          if (c) {
            c.entry ??= best.entry;
            c.type = c.entry.type;
            out.push(c);
          }
          i = best.end;
        } else i++;
      }
    }
    return out;
  }

  /** Institution + nationality phrases (وزارة الخارجية الروسية): ORG candidates with a country and role. */
  private institutionMatches(doc: Doc): Cand[] {
    const out: Cand[] = [];
    if (this.orgPatterns.length === 0) return out;
    const toks = doc.tokens;
    for (const s of doc.sentences) {
      let i = s.tokenStart;
      while (i < s.tokenEnd) {
        let found: Cand | null = null;
        const variants = cliticVariants(toks[i].norm);
        for (const p of this.orgPatterns) {
          const v = variants.find((x) => x.form === p.head[0]);
          if (!v || i + p.head.length >= s.tokenEnd) continue;
          // وزير الخارجية القطري is a title, not the ministry.
          if (i > s.tokenStart && TITLE_LEADS.has(toks[i - 1].norm)) continue;
          let ok = true;
          for (let k = 1; k < p.head.length; k++) if (toks[i + k].norm !== p.head[k]) ok = false;
          if (!ok) continue;
          // Up to three qualifying words (الخاصة, الجوي), then the nationality (one or two words: الكوري الجنوبي).
          let j = i + p.head.length;
          let country: string | undefined;
          for (let q = 0; q < 4 && j < s.tokenEnd; q++) {
            const f = toks[j].norm;
            const c = this.kb.demonym(f);
            // The adjective agrees with the head or the word before it (singular ي / feminine يه).
            const fem = (w: string): boolean => w.endsWith('ه') || w === 'قوات' || w === 'القوات' || w === 'السلطات';
            const agrees = (w: string): boolean => (f.endsWith('يه') ? fem(w) : f.endsWith('ي') ? !fem(w) : false);
            if (c && (agrees(p.head[p.head.length - 1]) || agrees(toks[j - 1].norm))) {
              country = c;
              j++;
              const next = j < s.tokenEnd ? toks[j].norm : '';
              if (next === 'الجنوبي' || next === 'الجنوبيه' || next === 'الشمالي' || next === 'الشماليه') j++;
              break;
            }
            if (!f.startsWith('ال') || this.generic.has(f)) break;
            j++;
          }
          if (!country) continue;
          const start = skipOffset(toks[i], v.skip);
          const words: string[] = [v.form];
          for (let k = i + 1; k < j; k++) words.push(toks[k].norm);
          found = { start, end: toks[j - 1].end, tokenStart: i, tokenEnd: j, type: 'ORG', key: words.join(' '), words, via: 'pattern' };
          found.entry = this.link(found.key, 'ORG');
          if (!found.entry) (found as Cand & { country?: string; role?: string }).country = country;
          (found as Cand & { role?: string }).role = p.role;
          break;
        }
        if (found) {
          out.push(found);
          i = found.tokenEnd;
        } else i++;
      }
    }
    return out;
  }

  /** Whether a KB form is precise enough to be taken without the tagger. */
  private safeAuto(e: KbEntry, key: string, nWords: number): boolean {
    if (key.length < 3) return false;
    if (e.tags.includes('noauto')) return false;
    if (e.source === 'countries' || (e.source === 'curated' && e.id.startsWith('country:'))) return !e.tags.includes('ambiguous');
    if (e.tags.includes('capital')) return key.length >= 4;
    if (e.source === 'curated' || e.source === 'extra') return nWords >= 2 || e.tags.includes('auto') || /^[A-Z]{3,}$/.test(key);
    return false;
  }

  /** Title phrase ending right before token `a` (same sentence): its token start, base title and nationality. */
  private titleBefore(doc: Doc, a: number, sentStart: number): { start: number; key: string; base: string; country?: string } | null {
    for (let t = Math.max(sentStart, a - 6); t < a; t++) {
      const m = this.titleAt(doc, t, a);
      if (m && m.end === a) return { start: t, key: m.key, base: m.base, country: m.country };
    }
    return null;
  }

  /** Longest title phrase starting at token t (before `limit`): title words, then at most 3 qualifying words ending with a nationality. */
  titleAt(doc: Doc, t: number, limit: number): { end: number; key: string; base: string; country?: string } | null {
    const toks = doc.tokens;
    const f0 = toks[t].norm;
    const cands =
      this.titlesByFirst.get(f0) ?? (f0.length > 1 && (f0[0] === 'و' || f0[0] === 'ف') ? this.titlesByFirst.get(f0.slice(1)) : undefined);
    if (!cands) return null;
    for (const title of cands) {
      if (t + title.length > limit) continue;
      let ok = true;
      for (let k = 0; k < title.length; k++) {
        const f = toks[t + k].norm;
        // The first title word may carry و/ف (وقال وزير...): compare the bare form too.
        if (f !== title[k] && !(k === 0 && (f === `و${title[k]}` || f === `ف${title[k]}`))) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      let end = t + title.length;
      let country: string | undefined;
      for (let k = end; k < Math.min(limit, end + 3); k++) {
        const c = this.kb.demonym(toks[k].norm);
        if (c) {
          country = c;
          end = k + 1;
          break;
        }
        if (!toks[k].norm.startsWith('ال') && !toks[k].norm.startsWith('لل')) break;
      }
      const words: string[] = [];
      for (let k = t; k < end; k++) words.push(k === t ? title[0] : toks[k].norm);
      return { end, key: words.join(' '), base: title.join(' '), country };
    }
    return null;
  }

  resolve(doc: Doc): Entity[] {
    const toks = doc.tokens;
    const covered = new Uint8Array(toks.length);
    const cands: Cand[] = [];
    for (const [a, b, type] of cleanNameSpans(doc)) {
      const c = this.candidate(doc, a, b, type, 'ner');
      if (!c) continue;
      for (let k = a; k < b; k++) covered[k] = 1;
      cands.push(c);
    }
    // Multi-word KB names override the tagger's pieces inside them (قوات سوريا الديمقراطية, not سوريا).
    const none = new Uint8Array(toks.length);
    for (const g of this.gazetteerMatches(doc, none, true)) {
      if (g.tokenEnd - g.tokenStart < 2 || !g.entry || g.entry.source === 'petrarch') continue;
      const inside = cands.filter((c) => c.tokenStart < g.tokenEnd && c.tokenEnd > g.tokenStart);
      if (inside.length === 0) continue;
      // A multi-word city (خميس مشيط) only replaces place-name pieces.
      if (g.entry.source === 'cities' && inside.some((c) => c.type !== 'LOC')) continue;
      const within = inside.every((c) => c.tokenStart >= g.tokenStart && c.tokenEnd <= g.tokenEnd);
      const same = inside.length === 1 && inside[0].tokenStart === g.tokenStart && inside[0].tokenEnd === g.tokenEnd;
      if (!within || same) continue;
      for (const c of inside) cands.splice(cands.indexOf(c), 1);
      for (let k = g.tokenStart; k < g.tokenEnd; k++) covered[k] = 1;
      cands.push(g);
    }
    for (const p of this.institutionMatches(doc)) {
      const inside = cands.filter((c) => c.tokenStart < p.tokenEnd && c.tokenEnd > p.tokenStart);
      // Taken where nothing overlaps, or over the tagger's pieces inside it (التلفزيون [السوري]).
      if (
        !inside.every(
          (c) => c.tokenStart >= p.tokenStart && c.tokenEnd <= p.tokenEnd && !(c.tokenStart === p.tokenStart && c.tokenEnd === p.tokenEnd),
        )
      ) {
        continue;
      }
      if (inside.some((c) => c.entry && c.type !== 'LOC')) continue;
      for (const c of inside) cands.splice(cands.indexOf(c), 1);
      for (let k = p.tokenStart; k < p.tokenEnd; k++) covered[k] = 1;
      cands.push(p);
    }
    for (const c of this.gazetteerMatches(doc, covered)) cands.push(c);
    cands.sort((x, y) => x.start - y.start);

    // A proclitic the first pass kept (لشبه الجزيرة الكورية) is cut when the article also has the bare name.
    const keys = new Set(cands.map((c) => c.key));
    for (const c of cands) {
      if (c.entry || c.start !== toks[c.tokenStart].start) continue;
      const lf = lookupForm(toks[c.tokenStart]);
      for (const v of cliticVariants(lf.form).slice(1)) {
        const key = [v.form, ...c.words.slice(1)].join(' ');
        if (v.skip > 0 && keys.has(key)) {
          c.start = skipOffset(toks[c.tokenStart], v.skip + lf.skip);
          c.words = [v.form, ...c.words.slice(1)];
          c.key = key;
          break;
        }
      }
    }

    // A one-word alias of a person marked `fullname` (المالكي, الأسد) links only when the article also names them in full.
    const named = new Set<string>();
    for (const c of cands) if (c.entry && c.words.length > 1) named.add(c.entry.id);
    for (const c of cands) {
      if (c.entry && c.type === 'PER' && c.words.length === 1 && c.entry.tags.includes('fullname') && !named.has(c.entry.id))
        c.entry = undefined;
    }

    // Grouping.
    const groups: Group[] = [];
    const byKb = new Map<string, Group>();
    const byKey = new Map<string, Group>();
    for (const c of cands) {
      let g: Group | undefined;
      if (c.type === 'PER' && c.words.length === 1) {
        // A surname refers to the person already named in the article before any KB namesake (المالكي after تركي المالكي).
        const local = this.shortFormOf(c, groups);
        if (local && (!c.entry || local.entry !== c.entry)) {
          c.entry = local.entry;
          g = local;
        }
      }
      if (!g && c.entry) g = byKb.get(c.entry.id);
      g ??= byKey.get(`${c.type}|${c.key}`);
      if (!g && !c.entry) g = this.shortFormOf(c, groups);
      if (!g) {
        const pc = c as Cand & { country?: string; role?: string };
        g = { type: c.type, entry: c.entry, cands: [], words: c.words, extra: [], country: pc.country, role: pc.role };
        groups.push(g);
      }
      g.cands.push(c);
      if (c.words.length > g.words.length) g.words = c.words;
      if (c.entry) byKb.set(c.entry.id, g);
      byKey.set(`${c.type}|${c.key}`, g);
    }
    this.mergeShortFirst(groups);
    this.attachTitles(doc, groups);
    return this.output(
      doc,
      groups.filter((g) => g.cands.length > 0),
    );
  }

  /** An earlier group this mention is a short form of: a PER surname/part of a full name, an ORG name prefix. */
  private shortFormOf(c: Cand, groups: Group[]): Group | undefined {
    for (let k = groups.length - 1; k >= 0; k--) {
      const g = groups[k];
      if (g.type !== c.type || g.words.length <= c.words.length) continue;
      if (c.type === 'PER') {
        // لافروف after سيرغي لافروف; عبد المهدي after عادل عبد المهدي.
        const tail = g.words.slice(g.words.length - c.words.length).join(' ');
        if (tail === c.key) return g;
        // Family name first (مون جاي إن -> مون, شي جين بينغ -> شي).
        if (c.words.length === 1 && g.words[0] === c.key && FAMILY_FIRST.has(g.entry?.country ?? '')) return g;
        if (c.words.length === 1 && g.words.slice(1).includes(c.key) && c.key.length > 3) return g;
      } else if (c.type === 'ORG') {
        if (g.words.slice(0, c.words.length).join(' ') === c.key && c.words.length >= 2) return g;
      }
    }
    return undefined;
  }

  /** A surname seen before the full name (الأسد ... بشار الأسد): fold the earlier short group into the later full one. */
  private mergeShortFirst(groups: Group[]): void {
    for (const g of groups) {
      if (g.type !== 'PER' || g.entry || g.cands.length === 0 || g.words.length !== 1) continue;
      const target = groups.find(
        (h) =>
          h !== g &&
          h.type === 'PER' &&
          h.cands.length > 0 &&
          h.words.length > 1 &&
          (h.words[h.words.length - 1] === g.words[0] || (h.words[0] === g.words[0] && FAMILY_FIRST.has(h.entry?.country ?? ''))),
      );
      if (target) {
        target.cands.push(...g.cands);
        g.cands = [];
      }
    }
  }

  private attachTitles(doc: Doc, groups: Group[]): void {
    const toks = doc.tokens;
    const groupOf = new Map<Cand, Group>();
    for (const g of groups) for (const c of g.cands) groupOf.set(c, g);
    const startsAt = new Map<number, Cand>();
    for (const g of groups) for (const c of g.cands) startsAt.set(c.tokenStart, c);
    // Apposition: title phrase right before a person's name.
    const byPhrase = new Map<string, Group | null>();
    const apposed = new Set<number>();
    for (const g of groups) {
      if (g.type !== 'PER') continue;
      for (const c of g.cands) {
        const sent = toks[c.tokenStart].sentence;
        const t = this.titleBefore(doc, c.tokenStart, doc.sentences[sent]?.tokenStart ?? 0);
        if (!t) continue;
        for (let k = t.start; k < c.tokenStart; k++) apposed.add(k);
        const prev = byPhrase.get(t.key);
        byPhrase.set(t.key, prev === undefined || prev === g ? g : null);
        if (t.country) {
          g.country ??= t.country;
          g.role ??= 'GOV';
        }
      }
    }
    // Title phrases elsewhere.
    for (const s of doc.sentences) {
      for (let t = s.tokenStart; t < s.tokenEnd; t++) {
        if (apposed.has(t) || startsAt.has(t)) continue;
        const m = this.titleAt(doc, t, s.tokenEnd);
        if (!m) continue;
        const next = startsAt.get(m.end);
        if (next && groupOf.get(next)?.type === 'PER') continue; // apposed to a name: handled above
        let g = byPhrase.get(m.key) ?? undefined;
        if (!g && m.country) {
          const holders = this.kb.holders(m.base, m.country);
          const present = groups.filter((h) => h.entry && holders.includes(h.entry) && h.cands.length > 0);
          if (present.length === 1) g = present[0];
        }
        if (!g || m.end - t < 2) continue; // a bare one-word title (الرئيس) is too vague without a nationality
        const first = toks[t];
        const lead =
          first.norm.startsWith('و') || first.norm.startsWith('ف')
            ? first.norm.length > 1 && this.titles.some((x) => x[0] === first.norm.slice(1))
              ? 1
              : 0
            : 0;
        const start = skipOffset(first, lead);
        const end = toks[m.end - 1].end;
        g.extra.push({ text: doc.text.slice(start, end), start, end, via: 'title' });
        t = m.end - 1;
      }
    }
  }

  private output(doc: Doc, groups: Group[]): Entity[] {
    const ents: { first: number; e: Entity }[] = [];
    for (const g of groups) {
      const mentions: Mention[] = [];
      const seen = new Set<string>();
      for (const c of [...g.cands].sort((a, b) => a.start - b.start)) {
        const k = `${c.start}:${c.end}`;
        if (seen.has(k)) continue;
        seen.add(k);
        mentions.push({
          text: doc.text.slice(c.start, c.end),
          start: c.start,
          end: c.end,
          via: c.entry && c.via === 'ner' ? 'ner' : c.via,
        });
      }
      for (const m of g.extra) {
        const k = `${m.start}:${m.end}`;
        if (!seen.has(k)) {
          seen.add(k);
          mentions.push(m);
        }
      }
      mentions.sort((a, b) => a.start - b.start);
      const e = g.entry;
      const type = e?.type ?? majorityType(g);
      let name = e?.name;
      if (!name) {
        let best = g.cands[0];
        for (const c of g.cands) if (c.words.length > best.words.length) best = c;
        name = doc.text.slice(best.start, best.end);
      }
      let country = e?.country ?? g.country;
      let role = e?.role ?? g.role;
      if (!e && type === 'ORG') {
        const last = g.words[g.words.length - 1];
        country ??= this.kb.demonym(last);
        role ??= ORG_ROLES.find(([w]) => g.words[0] === w)?.[1];
      }
      if (e?.tags.includes('capital') && !role) role = 'GOV';
      if (e?.type === 'LOC' && e.source !== 'cities' && !e.tags.includes('capital')) role = undefined;
      const ent: Entity = { id: '', type, name, mentions };
      if (e?.nameEn) ent.nameEn = e.nameEn;
      if (e) ent.kbId = e.id;
      if (country) ent.country = country;
      if (role) ent.role = role;
      ents.push({ first: mentions[0]?.start ?? 0, e: ent });
    }
    ents.sort((a, b) => a.first - b.first);
    return ents.map((x, i) => {
      x.e.id = `e${i + 1}`;
      return x.e;
    });
  }
}

/** Two spellings of one name word: same first two letters and at most two edits apart. */
export function similarWord(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.slice(0, 2) !== b.slice(0, 2) || Math.abs(a.length - b.length) > 2) return false;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length] <= 2;
}

function majorityType(g: Group): EntityType {
  const n = new Map<EntityType, number>();
  for (const c of g.cands) n.set(c.type, (n.get(c.type) ?? 0) + 1);
  let best: EntityType = g.type;
  let bv = 0;
  for (const [t, v] of n) {
    if (v > bv) {
      bv = v;
      best = t;
    }
  }
  return best;
}

/**
 * The tagger's name spans, corrected with the morph layer where it ran: verbs
 * at either end are cut off ("ولافروف يبحثان" → "ولافروف"), and a person span is
 * split before a token that starts with the conjunction و/ف ("العبادي ولافروف" →
 * two names).
 */
function cleanNameSpans(doc: Doc): Array<[number, number, EntityType]> {
  const out: Array<[number, number, EntityType]> = [];
  const tags = new Map<number, string[]>();
  for (const w of doc.words ?? []) {
    const t = tags.get(w.token);
    if (t) t.push(w.upos ?? '');
    else tags.set(w.token, [w.upos ?? '']);
  }
  const isVerb = (k: number): boolean => {
    const t = tags.get(k);
    return t !== undefined && t.length > 0 && t.every((u) => u === 'VERB' || u === 'AUX' || u === 'CCONJ');
  };
  const startsWithConj = (k: number): boolean => tags.get(k)?.[0] === 'CCONJ' && (tags.get(k)?.length ?? 0) > 1;
  for (const n of doc.names ?? []) {
    let a = n.tokenStart;
    let b = n.tokenEnd;
    if (tags.size > 0 && b - a > 1) {
      while (b - a > 1 && isVerb(b - 1)) b--;
      while (b - a > 1 && isVerb(a)) a++;
    }
    if (b <= a) continue;
    if (n.type === 'PER' && tags.size > 0) {
      let s = a;
      for (let k = a + 1; k < b; k++) {
        if (startsWithConj(k)) {
          out.push([s, k, n.type]);
          s = k;
        }
      }
      out.push([s, b, n.type]);
    } else out.push([a, b, n.type]);
  }
  return out;
}
