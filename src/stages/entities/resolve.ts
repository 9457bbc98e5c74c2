/**
 * Linking and in-document coreference.
 *
 *  1. Mentions: the NER names, with attached proclitics cut off (لسورية -> سورية),
 *     plus precise gazetteer matches the tagger missed (countries, capitals and
 *     curated names; multi-word or explicitly safe forms only), and, one
 *     sense per discourse, the bare family name of a person the article
 *     names in full where the tagger missed it (كير after سلفا كير).
 *  2. Linking: each mention to a KB entry by matching form (spelling variants
 *     are aliases; عُمان/عمان, سوريا/سورية fold by matching form or alias), a
 *     known surname to the one KB person who carries it; failing that, another
 *     transliteration of a KB name (دونتسك/دونيتسك, جاووش/جاويش: `variantKey`,
 *     same type, one KB form under the key). Generic nouns never
 *     link (البلد is not Valletta); a curated entry beats a Petrarch "person" of
 *     the same name; a `fullname` person's one-word alias needs the full name or
 *     the family name in the article (إيفانكا ... ابنة ترامب); a gazetteer city
 *     needs its country in the article, else a namesake there, else (small
 *     cities) no link (تيما in a Syrian article is not Tema, Ghana).
 *  3. Grouping: same KB entry; same name; a surname or a short form after a
 *     full name (لافروف <- سيرغي لافروف, وزارة العدل <- وزارة العدل الأمريكية),
 *     except that a one-word alias the KB gives to a person stays theirs
 *     (ترامب after ميلانيا ترامب is Donald Trump).
 *  4. English names: an unlinked institution + nationality adjective gets one
 *     (وزارة الخارجية القطرية -> Qatari Ministry of Foreign Affairs, `institutions-en.tsv`).
 *  5. Titles: a title phrase apposed to a name (وزير الخارجية الروسي سيرغي لافروف)
 *     ties later uses of the same phrase to that person; a title phrase with a
 *     nationality (وزير الخارجية الروسي) also resolves to the KB holder of that
 *     title when that person is named in the article.
 *
 * Speed: each token form's clitic variants and KB flags are computed once
 * (`FormInfo`, memoised per form and per token of the article), so the scans
 * over every token (gazetteer, institutions, titles) build no strings for
 * tokens that cannot start a name.
 */
import { GenerationalCache } from '../../core/cache.ts';
import type { Doc, Entity, EntityType, Mention, Span, Token } from '../../core/types.ts';
import { type CliticVariant, cliticVariants } from '../../kb/clitics.ts';
import { editDistance, type KbEntry, type KnowledgeBase, nameKey, population, variantSpelling } from '../../kb/index.ts';
import { normalize } from '../../text/normalize.ts';
import { PhraseSteps } from '../../text/phrase-steps.ts';
import { tsvRows } from '../../text/tsv.ts';

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

/** Titles of people who serve abroad: "في X" after them is where they serve, not their country. */
const ENVOYS = /^(ال)?(سفير|سفيره|مبعوث|مبعوثه|مراسل|مراسله|ممثل|ممثله|مندوب|مندوبه|قنصل|ملحق|موفد|منسق)$/;

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
  /** For unlinked pattern matches: the country, role and English name the pattern gives. */
  country?: string;
  role?: string;
  nameEn?: string;
}

/** One sense of a generic word of `contextual.tsv`: the KB entry and the entries whose presence selects it. */
export interface ContextualSense {
  id: string;
  cues: string[];
}

/** Parse `contextual.tsv` (form, KB id, cue ids separated by |) into matching form -> senses. */
export function parseContextual(text: string): Map<string, ContextualSense[]> {
  const out = new Map<string, ContextualSense[]>();
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [form, id, cues] = line.split('\t');
    if (!form || !id) continue;
    const key = nameKey(form);
    const list = out.get(key) ?? [];
    list.push({
      id: id.trim(),
      cues: (cues ?? '')
        .split('|')
        .map((x) => x.trim())
        .filter(Boolean),
    });
    out.set(key, list);
  }
  return out;
}

interface Group {
  type: EntityType;
  entry?: KbEntry;
  cands: Cand[];
  /** Longest mention words (for surname matching). */
  words: string[];
  country?: string;
  role?: string;
  nameEn?: string;
  extra: Mention[];
}

/** Cities at least this populous are linked by name alone (see `placeCities`). */
const BIG_CITY = 1_000_000;

/** Sound plurals and duals of adjectives and participles: nisba plurals (سياسيون), م- participles (مجرمون), duals in -تان. */
const PLURAL_ADJ = /^(?:.{3,}ي(?:ون|ين)|م[^اوي].{2,}(?:ون|ين)|.{3,}تان)$/;
/** Particles inside Portuguese, Spanish and French names (ماريا دو روزاريو، لولا دا سيلفا). */
const ROMANCE_PARTICLES = new Set(['دا', 'دو', 'دي', 'دوس', 'داس', 'ديل']);
/** "Saint" before a place name (سانت بطرسبورغ، سان فرانسيسكو، سانتا كروز), matching form. */
const SAINT = new Set(['سانت', 'سان', 'سانتا', 'سانتو', 'ساو']);
/** Name particles that never identify a family alone (matching form). */
const NAME_PARTICLES = new Set(['بن', 'ابن', 'بنت', 'ال', 'ابو', 'ام', 'عبد', 'ولد', 'دي', 'دو', 'فون', 'فان', 'لا', 'لو']);

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

/** What the resolver needs to know about a token form, computed once per form (see `EntityResolver.info`). */
interface FormInfo {
  /** `cliticVariants(form)` (read-only: shared). */
  variants: readonly CliticVariant[];
  /** Bit k set when variant k starts some KB name (`kb.startsName`). */
  startMask: number;
  /** Some variant is the first word of an institution pattern. */
  pattern: boolean;
  /** Some variant is a one-word organisation head. */
  headSingle: boolean;
  /** Title phrases starting with this form (or with it after a conjunction و/ف), longest first. */
  titles: string[][] | undefined;
  /** The country of the first variant that is a nationality adjective (والسورية -> SYR). */
  nat: string | undefined;
  /** Some variant is a facility head (مطار). */
  facility: boolean;
  /** By variant: the best KB entry of the variant as a one-word name when it may be taken without the tagger (`safeAuto`). */
  oneSafe: (KbEntry | undefined)[];
  /** Bit k set when variant k is the first word of a longer KB name (`kb.isPrefix`). */
  prefixMask: number;
}

/** Form cache size per generation (the forms of a few thousand articles; `GenerationalCache`). */
const INFO_MAX = 50_000;

/** Feminine heads (or words before the adjective) that take a feminine nationality adjective. */
function isFem(w: string): boolean {
  return w.endsWith('ه') || w === 'قوات' || w === 'القوات' || w === 'السلطات';
}

/** Whether the nationality adjective `adj` agrees with the word `w` (singular ي / feminine يه). */
function agrees(adj: string, w: string): boolean {
  return adj.endsWith('يه') ? isFem(w) : adj.endsWith('ي') ? !isFem(w) : false;
}

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
  /** Function words cut from the start of a mention (`data/kb/leading.txt`). */
  leading?: Set<string>;
  /** Words introducing a person's other name, where a person mention is cut (`data/kb/alias-markers.txt`). */
  aliasMarkers?: Set<string>;
  /** Words at which a KB name ends its mention, the rest of the alias only telling which entry (`data/kb/mention-cuts.txt`). */
  mentionCuts?: Set<string>;
  /** Generic words that name one KB entry when the article's other names tell which (`data/kb/contextual.tsv`). */
  contextual?: Map<string, ContextualSense[]>;
  /** Heads that make a body of the person named after them (`data/kb/person-heads.txt`): نظام الأسد، إدارة ترامب. */
  personHeads?: Set<string>;
  /** Institution phrase (matching form) -> English name with `{adj}` (`data/kb/institutions-en.tsv`). */
  institutionsEn?: Map<string, string>;
  /** Facility heads (matching form) named after a place (`data/kb/facilities.tsv`). */
  facilities?: Map<string, Facility>;
  /** Adjectives that end an organisation facility's name (`data/kb/facility-adjectives.txt`): مستشفى الغردقة العام. */
  facilityAdjectives?: Set<string>;
  /** Heads that open an organisation's name when definite words follow (`data/kb/org-names.txt`, `parseOrgNames`). */
  orgNames?: { heads: Map<string, EntityType>; stops: Set<string> };
}

/**
 * `org-names.txt`: heads, one per line, with the type of the names they open after a TAB (ORG when none: "قانون MISC"
 * opens a law's name); lines starting with "-" list words that never continue a name.
 */
export function parseOrgNames(text: string): { heads: Map<string, EntityType>; stops: Set<string> } {
  const heads = new Map<string, EntityType>();
  const stops = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    if (t.startsWith('-')) {
      for (const w of t.slice(1).split(/\s+/)) if (w) stops.add(nameKey(w));
    } else {
      const [head, type] = t.split('\t').map((x) => x.trim());
      heads.set(nameKey(head), type === 'MISC' || type === 'LOC' || type === 'PER' ? type : 'ORG');
    }
  }
  return { heads, stops };
}

/** A facility head: `مطار` + a place -> `{name} Airport`. */
export interface Facility {
  type: EntityType;
  en: string;
  /** When `الدولي` follows the place. */
  enIntl: string;
}

/** Parse `facilities.tsv`: `head<TAB>type<TAB>english<TAB>english_international` lines after a header. */
export function parseFacilities(text: string): Map<string, Facility> {
  const out = new Map<string, Facility>();
  for (const row of tsvRows(text, { header: true })) {
    const [head, type, en, intl] = row.map((x) => x?.trim() ?? '');
    if (!head || !en || !['PER', 'LOC', 'ORG', 'MISC'].includes(type)) continue;
    out.set(nameKey(head), { type: type as EntityType, en, enIntl: intl || en });
  }
  return out;
}

/** Parse `institutions-en.tsv`: `phrase<TAB>english` lines after a header. */
export function parseInstitutionsEn(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [phrase, en] of tsvRows(text, { header: true })) if (phrase?.trim() && en?.trim()) out.set(nameKey(phrase), en.trim());
  return out;
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

/** Whether the morph layer splits token `k` of the doc into the conjunction و and more words. */
function conjSplit(doc: Doc, k: number): boolean {
  return procliticLength(doc, k) > 0 && doc.tokens[k].norm.startsWith('و');
}

/** The `norm` forms of tokens [a, b), joined by spaces. */
function joinNorms(toks: readonly Token[], a: number, b: number): string {
  const out: string[] = [];
  for (let k = a; k < b; k++) out.push(toks[k].norm);
  return out.join(' ');
}

const procliticTokens = new WeakMap<Doc, Uint8Array>();

/**
 * How many letters of token `k` the morph stage splits off as one-letter conjunctions and prepositions (و ف ب ل; not ك, which foreign names begin with: كونراد)
 * before a word of another kind (`وبيت` -> 1, `ولمعهد` -> 2); 0 when it splits none or the token has no such word.
 */
function procliticLength(doc: Doc, k: number): number {
  let m = procliticTokens.get(doc);
  if (!m) {
    m = new Uint8Array(doc.tokens.length);
    const ws = doc.words ?? [];
    let i = 0;
    while (i < ws.length) {
      const t = ws[i].token;
      let j = i;
      let n = 0;
      while (j < ws.length && ws[j].token === t && (ws[j].upos === 'CCONJ' || ws[j].upos === 'ADP') && /^[وفبل]$/.test(ws[j].form)) {
        n++;
        j++;
      }
      // (only when a word of the token follows the clitics)
      if (n > 0 && j < ws.length && ws[j].token === t && t >= 0 && t < m.length) m[t] = n;
      while (j < ws.length && ws[j].token === t) j++;
      i = Math.max(j, i + 1);
    }
    procliticTokens.set(doc, m);
  }
  return m[k];
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
  private readonly leading: Set<string>;
  private readonly aliasMarkers: Set<string>;
  private readonly mentionCuts: Set<string>;
  private readonly contextual: Map<string, ContextualSense[]>;
  private readonly personHeads: Set<string>;
  private readonly institutionsEn: Map<string, string>;
  private readonly facilities: Map<string, Facility>;
  private readonly facilityAdjectives: Set<string>;
  private readonly orgNames: { heads: Map<string, EntityType>; stops: Set<string> };

  constructor(kb: KnowledgeBase, lists: ResolverLists) {
    this.kb = kb;
    this.titles = lists.titles;
    this.generic = lists.generic;
    this.orgHeads = lists.orgHeads;
    this.orgPatterns = lists.orgPatterns ?? [];
    this.trailing = lists.trailing ?? new Set();
    this.leading = lists.leading ?? new Set();
    this.aliasMarkers = lists.aliasMarkers ?? new Set();
    this.mentionCuts = lists.mentionCuts ?? new Set();
    this.contextual = lists.contextual ?? new Map();
    this.personHeads = lists.personHeads ?? new Set();
    this.institutionsEn = lists.institutionsEn ?? new Map();
    this.facilities = lists.facilities ?? new Map();
    this.facilityAdjectives = lists.facilityAdjectives ?? new Set();
    this.orgNames = lists.orgNames ?? { heads: new Map(), stops: new Set() };
    for (const t of this.titles) {
      const list = this.titlesByFirst.get(t[0]) ?? [];
      list.push(t);
      this.titlesByFirst.set(t[0], list);
    }
    // وقال وزير...: the first title word with و/ف, used only when the whole token is not itself a title start.
    for (const [first, list] of this.titlesByFirst) {
      for (const c of ['و', 'ف']) if (!this.titlesByFirst.has(c + first)) this.titlesByConj.set(c + first, list);
    }
    for (const h of this.orgHeads) {
      if (h.length === 1) this.orgHeadSingles.add(h[0]);
      else this.orgHeadLasts.add(h[h.length - 1]);
    }
    for (const p of this.orgPatterns) this.patternFirsts.add(p.head[0]);
  }

  /** Titles by their first word written with the conjunction و/ف. */
  private readonly titlesByConj = new Map<string, string[][]>();
  /** One-word organisation heads, and the last words of longer ones. */
  private readonly orgHeadSingles = new Set<string>();
  private readonly orgHeadLasts = new Set<string>();
  /** First words of the institution patterns. */
  private readonly patternFirsts = new Set<string>();

  /** Token form -> its clitic variants and KB flags. */
  private readonly infos = new GenerationalCache<string, FormInfo>(INFO_MAX);
  /** The `FormInfo` of each token's `norm` in the article being resolved (filled lazily). */
  private tokInfo: (FormInfo | undefined)[] = [];
  /** The tokens `tokInfo` belongs to. */
  private tokOf: Token[] | null = null;

  /** The `FormInfo` of a form (memoised). */
  private info(form: string): FormInfo {
    let x = this.infos.get(form);
    if (x === undefined) {
      const variants = cliticVariants(form);
      let startMask = 0;
      let pattern = false;
      let headSingle = false;
      let nat: string | undefined;
      let facility = false;
      const oneSafe: (KbEntry | undefined)[] = [];
      let prefixMask = 0;
      for (let k = 0; k < variants.length; k++) {
        const f = variants[k].form;
        nat ??= this.kb.demonym(f);
        if (this.facilities.has(f)) facility = true;
        const e = this.kb.lookup(f)[0];
        // A name that is also a common noun (tag `common`: حماس "enthusiasm") is not taken after ب without the
        // tagger: بحماس is "enthusiastically" far more often than "with Hamas".
        const afterBa = variants[k].skip > 0 && form[variants[k].skip - 1] === 'ب';
        oneSafe.push(e && this.safeAuto(e, f, 1) && !(afterBa && e.tags.includes('common')) ? e : undefined);
        if (this.kb.isPrefix(f)) prefixMask |= 1 << k;
        if (this.kb.startsName(f)) startMask |= 1 << k;
        if (this.patternFirsts.has(f)) pattern = true;
        if (this.orgHeadSingles.has(f)) headSingle = true;
      }
      const titles = this.titlesByFirst.get(form) ?? this.titlesByConj.get(form);
      x = { variants, startMask, pattern, headSingle, titles, nat, facility, oneSafe, prefixMask };
      this.infos.set(form, x);
    }
    return x;
  }

  /** KB name prefix + next word -> the longer phrase and its KB answers (memoised phrase scan). */
  private readonly steps = new PhraseSteps((key: string) => ({ first: this.kb.lookup(key)[0], prefix: this.kb.isPrefix(key) }));

  /** The `FormInfo` of token `i`'s norm in the current article. */
  private tok(toks: Token[], i: number): FormInfo {
    if (toks !== this.tokOf) {
      this.tokOf = toks;
      this.tokInfo = new Array(toks.length);
    }
    let x = this.tokInfo[i];
    if (x === undefined) {
      x = this.info(toks[i].norm);
      this.tokInfo[i] = x;
    }
    return x;
  }

  /** Clitic variants of a form (memoised, read-only). */
  private variantsOf(form: string): readonly CliticVariant[] {
    return this.info(form).variants;
  }

  /** The nationality adjective at token `k` (two words first: الكوري الجنوبي), before `limit`: its country and length. */
  private demonymAt(toks: Token[], k: number, limit: number): { iso: string; n: number } | undefined {
    if (k + 1 < limit && toks[k + 1].norm.startsWith('ال')) {
      const two = this.kb.demonym(`${toks[k].norm} ${toks[k + 1].norm}`);
      if (two) return { iso: two, n: 2 };
    }
    const one = this.kb.demonym(toks[k].norm);
    return one ? { iso: one, n: 1 } : undefined;
  }

  /** Whether tokens [a, b) are all generic nouns or organisation heads (تنظيم, حركة), proclitics allowed. */
  private headWordsOnly(toks: Token[], a: number, b: number): boolean {
    for (let k = a; k < b; k++) {
      if (toks[k].kind !== 'word') return false;
      if (!this.tok(toks, k).variants.some((v) => this.generic.has(v.form) || this.orgHeadSingles.has(v.form))) return false;
    }
    return true;
  }

  /** Whether an organisation head could end right before token `i` (a candidate at `i` could grow to the left). */
  private headMayPrecede(toks: Token[], i: number, sentStart: number): boolean {
    if (i <= sentStart) return false;
    return this.orgHeadLasts.has(toks[i - 1].norm) || this.tok(toks, i - 1).headSingle;
  }

  /** Titles by their first word, longest first. */
  private readonly titlesByFirst = new Map<string, string[][]>();

  /** Best KB entry for a mention key and NER type, or undefined. */
  link(key: string, type: EntityType | null): KbEntry | undefined {
    // A generic noun (البلد, المدينة) names nothing alone, whatever gazetteer label it matches (Valletta, Mdina).
    if (this.generic.has(key)) return undefined;
    const list = this.kb.lookup(key);
    if (list.length > 0) {
      if (!type) return list[0];
      const same = list.find((e) => e.type === type);
      // The Petrarch dictionary lists some bodies as people (فوكس نيوز): a curated entry of the name wins over it.
      if (same?.source === 'petrarch' && (list[0].source === 'curated' || list[0].source === 'extra')) return list[0];
      if (same) return same;
      // The KB's type wins for well-known names (a ministry tagged LOC, a country tagged ORG).
      const trusted = list.find((e) => e.source !== 'cities' && e.source !== 'petrarch' && type !== 'PER' && e.type !== 'PER');
      if (trusted) return trusted;
      // A place the tagger took for a person (بيونغ يانغ): only a country or a curated multi-word place.
      const place = list.find(
        (e) => e.type === 'LOC' && (e.source === 'countries' || ((e.source === 'curated' || e.source === 'extra') && key.includes(' '))),
      );
      if (type === 'PER' && place) return place;
      // A news agency, a channel or a company the tagger took for a person (بلومبرغ، رويترز): a curated organisation
      // whose name no KB person or first name shares.
      // (also any curated organisation in several words whose first word is no first name: "شين بيت")
      const multi = key.includes(' ') && !this.kb.firstNames.has(key.split(' ')[0]);
      const org = list.find(
        (e) => e.type === 'ORG' && (e.role === 'MED' || e.role === 'BUS' || multi) && (e.source === 'curated' || e.source === 'extra'),
      );
      if (type === 'PER' && org && !this.kb.firstNames.has(key)) return org;
      return undefined;
    }
    if (type === 'PER') {
      const words = key.split(' ');
      if (words.length >= 2) {
        // The family name with or without its article (فيصل مقداد / فيصل المقداد), and a kunya left out (محمد الجولاني /
        // أبو محمد الجولاني): the one KB person under that other form (14th session)
        const last0 = words[words.length - 1];
        const other = last0.startsWith('ال') && last0.length >= 5 ? last0.slice(2) : last0.length >= 3 ? `ال${last0}` : '';
        const alts = [other ? [...words.slice(0, -1), other].join(' ') : '', this.kb.firstNames.has(words[0]) ? `ابو ${key}` : ''];
        for (const alt of alts) {
          if (!alt) continue;
          const people = this.kb.lookup(alt).filter((e) => e.type === 'PER');
          if (people.length === 1) return people[0];
        }
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

  /**
   * Another transliteration of a known foreign name (دونتسك for دونيتسك, مكجورك for ماكغورك), for a mention no
   * spelling links: an entry of the tagger's type under the one KB form that has the mention's variant key
   * (`variantKey`) of at least `min` letters.
   */
  private linkVariant(key: string, type: EntityType | null, min = 4): KbEntry | undefined {
    if (!type || this.generic.has(key)) return undefined;
    // (a definite nisba adjective is no other spelling of a place: الشرقية is not الشارقة; 14th session)
    if (!key.includes(' ') && /^ال.{2,}(ي|يه)$/.test(key)) return undefined;
    const form = this.kb.variantOf(key, min);
    if (form === undefined) return undefined;
    // (the two spellings must stay close, letter for letter, once the letters transliterations confuse are folded:
    // جوناثان is not جون هاتون, بيت حنينا is not بيت حانون, though their skeletons agree; 16th session)
    const a = variantSpelling(key);
    const b = variantSpelling(form);
    if (editDistance(a, b) > Math.max(1, Math.floor(Math.min(a.length, b.length) / 4))) return undefined;
    // (a country is written its own few ways, all listed: another spelling of one is another place — المغار is not
    // المجر; 18th session)
    return this.kb.lookup(form).find((e) => e.type === type && !e.id.startsWith('country:'));
  }

  /** A candidate from tokens [a, b) whose first token may carry proclitics. */
  private candidate(doc: Doc, a: number, b: number, type: EntityType | null, via: string): Cand | null {
    const toks = doc.tokens;
    // تنظيم #داعش: a known name written as a hashtag after generic head words is the mention by itself (the span
    // cannot hold the # inside); a name in several words (سعد #الحريري) keeps them all.
    if (
      b - a >= 2 &&
      toks[b - 1].kind === 'hashtag' &&
      this.headWordsOnly(toks, a, b - 1) &&
      this.link(lookupForm(toks[b - 1]).form, type)
    ) {
      return this.candidate(doc, b - 1, b, type, via);
    }
    const rest: string[] = [];
    for (let k = a + 1; k < b; k++) rest.push(lookupForm(toks[k]).form);
    const restKey = rest.join(' ');
    const first = toks[a];
    const lf = lookupForm(first);
    const variants = lf.skip === 0 ? this.tok(toks, a).variants : this.variantsOf(lf.form).map((v) => ({ ...v, skip: v.skip + lf.skip }));
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
    if (!entry) {
      for (const v of variants) {
        // a proclitic cut off a foreign name's first letters (برشتينا is no ب + رشتينا) needs a longer match
        const e = this.linkVariant(restKey ? `${v.form} ${restKey}` : v.form, type, v.skip > 0 ? 5 : 4);
        if (e) {
          chosen = v;
          entry = e;
          break;
        }
      }
    }
    if (!entry && variants.length > 1) {
      // Unknown name: cut a conjunction/preposition when what follows is clearly a word of its own.
      for (const v of variants.slice(1)) {
        // بالعراق -> العراق, but not بالو -> الو: the article needs a stem of two letters or more after it.
        // (and وأبراهام -> أبراهام: no name begins with و before a hamza on alef)
        if (
          (v.form.startsWith('ال') && v.form.length >= 4) ||
          this.kb.firstNames.has(v.form) ||
          (v.skip === 1 && /^[وف][أإآ]/.test(doc.text.slice(first.start, first.start + 2)) && v.form.length >= 4) ||
          // (and وعبد الله، وعبدالفتاح سعيد، وبن سلمان -> عبد الله، عبدالفتاح سعيد، بن سلمان: a compound name's first part)
          (v.skip === 1 && /^(عبد|ابو|بن)/.test(v.form) && b - a > 1) ||
          // (and a second person in a list: "نرمين حسين، وسامح سعودي" — unless the word with و is a first name: وليد)
          (v.skip === 1 &&
            type === 'PER' &&
            b - a > 1 &&
            v.form.length >= 3 &&
            !this.kb.firstNames.has(toks[a].norm) &&
            a > 0 &&
            (toks[a - 1].text === '،' || toks[a - 1].text === ',') &&
            (doc.names ?? []).some((n) => n.type === 'PER' && n.tokenEnd === a - 1)) ||
          // (and a foreign name the morph stage splits as و + name: "وكارلوس"، "وراديو مونتي كارلو" — not a first name
          // that starts with و: وليد، وائل)
          (v.skip === 1 && v.form.length >= 4 && /^و/.test(toks[a].norm) && !this.kb.firstNames.has(toks[a].norm) && conjSplit(doc, a)) ||
          // (and the head noun of an organisation's or a place's name in several words, when the morph stage splits off
          // the same proclitics: "لمعهد الشرق الأوسط"، "بدار الأوبرا المصرية"، "وبيت الفقيه" -> معهد الشرق الأوسط …)
          (type !== 'PER' && b - a > 1 && v.form.length >= 3 && procliticLength(doc, a) === v.skip)
        ) {
          chosen = v;
          break;
        }
      }
    }
    let words = [chosen.form, ...rest];
    let key = words.join(' ');
    // a nationality adjective, also in the accusative or the plural (إيرانيا، سوريون), is no name of its own
    const adjective = (f: string): boolean =>
      this.kb.demonym(f) !== undefined ||
      (f.length > 4 && f.endsWith('ا') && this.kb.demonym(f.slice(0, -1)) !== undefined) ||
      (f.length > 5 && /(ون|ين)$/.test(f) && this.kb.demonym(f.slice(0, -2)) !== undefined);
    if (!entry && b - a === 1 && variants.some((v) => this.generic.has(v.form) || adjective(v.form))) return null;
    if (!entry && (this.generic.has(key) || this.kb.demonym(key) || /^[0-9.,%]+$/.test(key))) return null;
    let start = skipOffset(first, chosen.skip);
    let end = toks[b - 1].end;
    // A function word the tagger took into the name ("بأن مادسن" -> مادسن).
    while (!entry && words.length > 1 && (this.leading.has(words[0]) || this.leading.has(toks[a].norm))) {
      words = words.slice(1);
      a++;
      start = toks[a].start;
    }
    if (!entry && type === 'PER') {
      // A person's other name introduced by المكنى/الملقب (إبراهيم القيز المكنى أبو مالك -> إبراهيم القيز; المكنى أبو زيد -> أبو زيد).
      while (words.length > 1 && this.aliasMarkers.has(words[0])) {
        words = words.slice(1);
        a++;
        start = toks[a].start;
      }
      const cut = words.findIndex((w, i) => i > 0 && this.aliasMarkers.has(w));
      if (cut > 0) {
        b -= words.length - cut;
        words = words.slice(0, cut);
        end = toks[b - 1].end;
      }
      // A rank or title the tagger took into the name (كولونيل جوش ثيل -> جوش ثيل).
      while (words.length > 1 && this.titlesByFirst.get(words[0])?.some((t) => t.length === 1)) {
        words = words.slice(1);
        a++;
        start = toks[a].start;
      }
    }
    if (!entry && type === 'PER') {
      // A title the tagger took in after the name (راج شاه المتحدث باسم البيت الأبيض -> راج شاه), not the second word of
      // a family name (آل الشيخ; 21st session).
      while (
        words.length > 1 &&
        b - 1 > a &&
        words[words.length - 2] !== 'ال' &&
        this.titlesByFirst.get(words[words.length - 1])?.some((t) => t.length === 1)
      ) {
        words = words.slice(0, -1);
        b--;
        end = toks[b - 1].end;
      }
      // Plural and dual adjectives or participles the tagger took for a name (سياسيون، مصممتان، مجرمون محتملون).
      if (words.every((w) => PLURAL_ADJ.test(w) && !this.kb.firstNames.has(w) && this.kb.lookup(w).length === 0)) return null;
    }
    // (an unknown name never runs through إلى: "وأرسلت وزارة العدل إلى الصحف" -> وزارة العدل; 18th session)
    const to = entry ? -1 : words.findIndex((w, x) => x > 0 && w === 'الي');
    if (to > 0) {
      b -= words.length - to;
      words = words.slice(0, to);
      end = toks[b - 1].end;
      if (words.length === 1 && this.generic.has(words[0])) return null;
      entry = this.link(words.join(' '), type);
    }
    if (!entry && words.length > 1 && this.trailing.has(words[words.length - 1])) {
      // تنظيم داعش الإرهابي -> تنظيم داعش: a descriptive adjective after the name.
      const last = words[words.length - 1];
      const shorter = words.slice(0, -1);
      const e = this.link(shorter.join(' '), type);
      // (a function word is never part of a name: "وزارة العدل إلى"، "المنظمة أنه" -> a generic noun alone is none; 18th session)
      const fn = !(last.startsWith('ال') && last.length > 3);
      if (fn && !e && shorter.length === 1 && this.generic.has(shorter[0])) return null;
      // a person's first name alone is still a name (محمد البالغ من العمر -> محمد)
      if (e || fn || shorter.length >= 2 || (type === 'PER' && this.kb.firstNames.has(shorter[0]))) {
        words = shorter;
        b--;
        end = toks[b - 1].end;
        if (e) entry = e;
      }
    }
    if (!entry && type !== 'PER' && words.length > 2) {
      // مجلس الأمن الدولي المقرر -> مجلس الأمن الدولي: the longest known name at the start of the span, when there is one.
      // A nationality adjective among the cut words names another body (الصليب الأحمر الإندونيسي is not the ICRC): stop there.
      // (with the first word's proclitic cut when that names it: "وبيونغ يانغ أبرمتا" -> بيونغ يانغ)
      const firsts: Array<{ form: string; skip: number; v?: (typeof variants)[number] }> =
        toks[a] === first ? variants.map((v) => ({ form: v.form, skip: v.skip, v })) : [{ form: words[0], skip: -1 }];
      for (let n = words.length - 1; n >= 2 && !entry; n--) {
        if (this.kb.demonym(words[n])) break;
        for (const v of firsts) {
          const e = this.link([v.form, ...words.slice(1, n)].join(' '), type);
          if (e) {
            entry = e;
            b -= words.length - n;
            words = [v.form, ...words.slice(1, n)];
            end = toks[b - 1].end;
            if (v.v && v.v !== chosen) {
              chosen = v.v;
              start = skipOffset(first, v.skip);
            }
            break;
          }
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
            k === 0 ? this.tok(toks, h0).variants.find((v) => v.form === head[0]) : toks[h0 + k].norm === head[k] ? { skip: 0 } : undefined;
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
          const v = this.tok(toks, h0).variants.find((x) => x.form === head[0]);
          start = skipOffset(toks[h0], v?.skip ?? 0);
          tokenStart = h0;
          words.unshift(...head);
          entry ??= this.link(words.join(' '), type);
          break;
        }
      }
    }
    // (a hashtag is one token of several words, "#إحسان_إقبال": its words count one by one, so "إقبال" is its surname)
    const split = words.some((w) => w.includes(' ')) ? words.flatMap((w) => w.split(' ')) : words;
    return { start, end, tokenStart, tokenEnd: b, type: finalType, key: words.join(' '), words: split, entry, via };
  }

  /**
   * Gazetteer matches over tokens not covered by NER names. With `multiwordCities`
   * (the pass whose matches only matter when they span two tokens or more), a
   * one-token match is not turned into a candidate unless an organisation head
   * before it could make it longer.
   */
  private gazetteerMatches(doc: Doc, covered: Uint8Array, multiwordCities = false, noMatch?: Uint8Array): Cand[] {
    const out: Cand[] = [];
    const toks = doc.tokens;
    const max = Math.min(this.kb.maxWords, 8);
    for (const s of doc.sentences) {
      let i = s.tokenStart;
      while (i < s.tokenEnd) {
        // noMatch: no name starts here even without the tagger's spans (an earlier, wider pass found none).
        if (covered[i] || !isWordTok(toks[i]) || (!multiwordCities && noMatch?.[i] === 1)) {
          i++;
          continue;
        }
        // A hashtag's form may hold several words: only a plain word can be ruled out by its first word.
        const t = toks[i];
        const plain = !(t.kind === 'hashtag' && t.norm.startsWith('#'));
        const ti = plain ? this.tok(toks, i) : this.info(lookupForm(t).form);
        if (plain && ti.startMask === 0) {
          i++;
          continue;
        }
        let best: { end: number; entry: KbEntry; skip: number } | null = null;
        for (let n = 0; n < ti.variants.length; n++) {
          const v = ti.variants[n];
          let key = v.form;
          let j0 = i + 1;
          if (plain) {
            // The one-word name and whether a longer one may follow come with the form (no lookup).
            const bit = 1 << n;
            if ((ti.startMask & bit) === 0) continue;
            const e1 = ti.oneSafe[n];
            if (e1 && !best) best = { end: i + 1, entry: e1, skip: v.skip };
            if ((ti.prefixMask & bit) === 0) continue;
            j0 = i + 2;
          }
          for (let j = j0; j <= Math.min(s.tokenEnd, i + max); j++) {
            let e: KbEntry | undefined;
            let prefix: boolean;
            if (j > i + 1) {
              // (a number may continue a name: رؤية 2030، كأس العالم 2018)
              if (covered[j - 1] || !(isWordTok(toks[j - 1]) || toks[j - 1].kind === 'number')) break;
              // key + ' ' + the next word, with its KB answers (memoised: no string built for a phrase seen before).
              const step = this.steps.extend(key, toks[j - 1].norm);
              key = step.key;
              e = step.value.first;
              prefix = step.value.prefix;
            } else {
              e = this.kb.lookup(key)[0];
              prefix = this.kb.isPrefix(key);
            }
            if (
              e &&
              (!best || j > best.end) &&
              (this.safeAuto(e, key, j - i) || (multiwordCities && j - i >= 2 && e.source === 'cities'))
            ) {
              best = { end: j, entry: e, skip: v.skip };
            }
            if (!prefix) break;
          }
        }
        if (best && multiwordCities && best.end - i === 1 && !this.headMayPrecede(toks, i, s.tokenStart)) {
          i = best.end;
        } else if (best) {
          const c = this.candidate(doc, i, best.end, best.entry.type, 'gazetteer');
          if (c) {
            c.entry ??= best.entry;
            c.type = c.entry.type;
            out.push(c);
          }
          i = best.end;
        } else {
          if (multiwordCities && noMatch) noMatch[i] = 1;
          i++;
        }
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
        const ti = this.tok(toks, i);
        if (!ti.pattern) {
          i++;
          continue;
        }
        const variants = ti.variants;
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
            const nat = this.demonymAt(toks, j, s.tokenEnd);
            // The adjective agrees with the head (its first or last word: وكالة الأنباء التونسية) or the word before it
            // (singular ي / feminine يه).
            if (nat && (agrees(f, p.head[p.head.length - 1]) || agrees(f, p.head[0]) || agrees(f, toks[j - 1].norm))) {
              country = nat.iso;
              j += nat.n;
              const next = j < s.tokenEnd ? toks[j].norm : '';
              if (nat.n === 1 && (next === 'الجنوبي' || next === 'الجنوبيه' || next === 'الشمالي' || next === 'الشماليه')) j++;
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

  /** Facilities named after a KB place (مطار دمشق الدولي, لميناء الحديدة): unlinked candidates with an English name. */
  private facilityMatches(doc: Doc): Cand[] {
    const out: Cand[] = [];
    if (this.facilities.size === 0) return out;
    const toks = doc.tokens;
    let hints: Set<string> | undefined;
    for (const s of doc.sentences) {
      for (let i = s.tokenStart; i < s.tokenEnd - 1; i++) {
        const ti = this.tok(toks, i);
        if (!ti.facility) continue;
        const v = ti.variants.find((x) => this.facilities.has(x.form));
        const f = v && this.facilities.get(v.form);
        if (!v || !f) continue;
        // The longest KB place (up to three words) right after the head.
        let place: KbEntry | undefined;
        let j = i + 1;
        for (let n = Math.min(3, s.tokenEnd - i - 1); n >= 1 && !place; n--) {
          const words: string[] = [];
          for (let k = i + 1; k <= i + n; k++) words.push(toks[k].norm);
          // (a generic noun is no place: "شرطة المدينة" is the town's police, not Imdina's)
          const key = words.join(' ');
          const places = this.generic.has(key) ? [] : this.kb.lookup(key).filter((e) => e.type === 'LOC' && e.nameEn !== undefined);
          // (a namesake in a country the article speaks of: "مطار ليون" after "الشرطة الفرنسية" is Lyon's, not León's)
          if (places.length > 1) {
            hints ??= this.countryHints(toks);
            const h = hints;
            place = places.find((e) => e.country !== undefined && h.has(e.country)) ?? places[0];
          } else place = places[0];
          if (place) j = i + 1 + n;
        }
        // (or a name the tagger found right after the head, unknown to the knowledge base: "مستشفى زوارة"، "شرطة ويست
        // ميدلاندز"; an organisation head only, 18th session)
        // (also when it is longer than the place found: "جامعة جورج تاون" is not George's)
        const tagged =
          f.type === 'ORG'
            ? (doc.names ?? []).find(
                (n) =>
                  n.tokenStart === i + 1 &&
                  // (not "مستشفى بالغوطة": a preposition makes the place where it stands)
                  n.start === toks[i + 1].start &&
                  lookupForm(toks[i + 1]).skip === 0 &&
                  !/^([وفبك]ال|لل|[وف][بلك]ال)/.test(toks[i + 1].norm) &&
                  n.tokenEnd <= s.tokenEnd &&
                  n.tokenEnd - n.tokenStart <= 3 &&
                  n.type !== 'ORG' &&
                  (!place?.nameEn || n.tokenEnd > j),
              )
            : undefined;
        if (tagged) {
          place = undefined;
          const key = toks
            .slice(tagged.tokenStart, tagged.tokenEnd)
            .map((t) => t.norm)
            .join(' ');
          if (this.kb.lookup(key).length > 0 || this.generic.has(key)) continue;
          j = tagged.tokenEnd;
        } else if (!place?.nameEn) continue;
        const intl = j < s.tokenEnd && toks[j].norm === 'الدولي';
        if (intl) j++;
        // (a descriptive adjective of the facility: مستشفى الغردقة العام، محكمة بريستول الملكية)
        else if (j < s.tokenEnd && f.type === 'ORG' && this.facilityAdjectives.has(toks[j].norm)) j++;
        const words = [v.form];
        for (let k = i + 1; k < j; k++) words.push(toks[k].norm);
        // The facility itself may be a KB entry (مطار هيثرو), or the "place" the KB entry of the facility under a short
        // alias (هيثرو for مطار هيثرو): then it links, and its English name is not built (not "Heathrow Airport Airport").
        const own =
          this.kb.lookup(words.join(' ')).find((e) => e.type === f.type) ??
          (place && place.type === f.type && nameKey(place.name).startsWith(`${v.form} `) ? place : undefined);
        out.push({
          start: skipOffset(toks[i], v.skip),
          end: toks[j - 1].end,
          tokenStart: i,
          tokenEnd: j,
          type: f.type,
          key: words.join(' '),
          words,
          via: 'pattern',
          ...(own
            ? { entry: own }
            : place?.nameEn
              ? { country: place.country, nameEn: (intl ? f.enIntl : f.en).replace('{name}', place.nameEn) }
              : {}),
        });
        i = j - 1;
      }
    }
    return out;
  }

  /**
   * Resolutions by number (القرار 2402، قرار مجلس الأمن الدولي رقم 1701): unlinked MISC candidates, named in English as
   * Security Council resolutions (a three- or four-digit resolution in the news is one).
   */
  private resolutionMatches(doc: Doc): Cand[] {
    const out: Cand[] = [];
    const toks = doc.tokens;
    for (const s of doc.sentences) {
      for (let i = s.tokenStart; i < s.tokenEnd - 1; i++) {
        const v = this.tok(toks, i).variants.find((x) => x.form === 'القرار' || x.form === 'قرار');
        if (!v) continue;
        let j = i + 1;
        if (j + 1 < s.tokenEnd && toks[j].norm === 'مجلس' && toks[j + 1].norm === 'الامن') {
          j += 2;
          if (j < s.tokenEnd && toks[j].norm === 'الدولي') j++;
        }
        if (j < s.tokenEnd && toks[j].norm === 'رقم') j++;
        const num = toks[j];
        if (j >= s.tokenEnd || num.kind !== 'number' || !/^[0-9\u0660-\u0669]{3,4}$/.test(num.text)) continue;
        const digits = num.text.replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - 0x660));
        const words = [v.form];
        for (let k = i + 1; k <= j; k++) words.push(toks[k].norm);
        out.push({
          start: skipOffset(toks[i], v.skip),
          end: num.end,
          tokenStart: i,
          tokenEnd: j + 1,
          type: 'MISC',
          key: words.join(' '),
          words,
          via: 'pattern',
          nameEn: `UN Security Council Resolution ${digits}`,
        });
        i = j;
      }
    }
    return out;
  }

  /**
   * Organisation names the tagger missed: a head (مجلس، حزب، المفوضية...) and the definite words that follow it
   * (مجلس النواب، حزب الحياة الحرة الكردستاني، المفوضية العليا المستقلة للانتخابات). Unlinked candidates.
   */
  private namedOrgMatches(doc: Doc): Cand[] {
    const out: Cand[] = [];
    const { heads, stops } = this.orgNames;
    if (heads.size === 0) return out;
    const toks = doc.tokens;
    for (const s of doc.sentences) {
      for (let i = s.tokenStart; i < s.tokenEnd - 1; i++) {
        if (toks[i].kind !== 'word') continue;
        const v = this.tok(toks, i).variants.find((x) => heads.has(x.form));
        if (!v) continue;
        // وزير الخارجية is a title; a head after a title word belongs to it
        if (i > s.tokenStart && TITLE_LEADS.has(toks[i - 1].norm)) continue;
        let j = i + 1;
        while (j < s.tokenEnd && j - i <= 6) {
          const t = toks[j];
          if (t.kind !== 'word' || !/^(ال|وال|لل)/.test(t.norm) || stops.has(t.norm) || this.generic.has(t.norm)) break;
          // (a nationality adjective ends the name unless an adjective or a longer known name follows: "دعت وزارة الشؤون
          // الدينية التونسية الأئمة" has its object after it, "الجيش الكوري الجنوبي" goes on; 23rd session)
          if (j > i + 1 && this.kb.demonym(toks[j - 1].norm) && !/(ي|يه)$/.test(t.norm)) {
            const longer = [v.form];
            for (let k = i + 1; k <= j; k++) longer.push(toks[k].norm);
            if (!this.kb.isPrefix(longer.join(' ')) && this.kb.lookup(longer.join(' ')).length === 0) break;
          }
          // (a second body joined by و ends the name: "منظمة الخوذ البيضاء والمرصد السوري لحقوق الإنسان"; 16th session)
          if (j > i + 1 && t.norm.startsWith('وال')) {
            const bare = t.norm.slice(1);
            if (heads.has(bare) || this.kb.isPrefix(bare) || this.kb.lookup(bare).length > 0) break;
          }
          j++;
        }
        // (nor a descriptive adjective at its end: "مجلس الشيوخ السابق"، "حزب ميريتس اليساري")
        while (j - 1 > i + 1 && this.trailing.has(toks[j - 1].norm)) j--;
        if (j - i - 1 < (v.form.startsWith('ال') ? 2 : 1)) continue;
        const words = [v.form];
        for (let k = i + 1; k < j; k++) words.push(toks[k].norm);
        // a generic head before a name (وكالة الأنباء سانا، صحيفة الحياة) is not a name of its own
        if (this.orgHeads.some((h) => h.length === words.length && h.every((w, x) => w === words[x]))) continue;
        const key = words.join(' ');
        const c: Cand = {
          start: skipOffset(toks[i], v.skip),
          end: toks[j - 1].end,
          tokenStart: i,
          tokenEnd: j,
          type: heads.get(v.form) ?? 'ORG',
          key,
          words,
          via: 'pattern',
        };
        c.entry = this.link(key, c.type);
        // a generic head before a known name is part of its mention ("منظمة الخوذ البيضاء"; 16th session)
        if (!c.entry && words.length > 2 && this.orgHeads.some((h) => h.length === 1 && h[0] === words[0]))
          c.entry = this.link(words.slice(1).join(' '), c.type);
        // a nationality adjective at the end gives the country (حزب العمال البريطاني)
        if (!c.entry) c.country = this.kb.demonym(words[words.length - 1]);
        out.push(c);
        i = j - 1;
      }
    }
    return out;
  }

  /** Whether a KB form is precise enough to be taken without the tagger. */
  private safeAuto(e: KbEntry, key: string, nWords: number): boolean {
    if (key.length < 3 || this.generic.has(key)) return false;
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
      // "رئيس الوزراء السريلانكي، رانيل ويكرمسينغه"، "وزير العدل، جيف سيشنز": a comma between a title with its
      // nationality, or a title of two words or more, and the name
      if ((m?.country || m?.base.includes(' ')) && m.end === a - 1 && doc.tokens[a - 1].text === '،')
        return { start: t, key: m.key, base: m.base, country: m.country };
      // "مندوب إيران الدائم في الأمم المتحدة غلام علي خوشرو": after the country, qualifiers and where the office is
      if (m?.country && this.officeTail(doc.tokens, m.end, a)) return { start: t, key: m.key, base: m.base, country: m.country };
    }
    return null;
  }

  /** Whether tokens [k, a) are definite qualifiers, then "في/لدى" and one to three words (الدائم في الأمم المتحدة). */
  private officeTail(toks: Doc['tokens'], k: number, a: number): boolean {
    while (k < a && toks[k].kind === 'word' && toks[k].norm.startsWith('ال')) k++;
    if (k < a && /^(في|لدي)$/.test(toks[k].norm)) {
      const rest = a - k - 1;
      if (rest < 1 || rest > 3) return false;
      for (let q = k + 1; q < a; q++) if (toks[q].kind !== 'word' && toks[q].kind !== 'latin') return false;
      return true;
    }
    // (without a place of office the name is the title's own: "العاهل الأردني الملك عبد الله" is read as two titles)
    return false;
  }

  /** A country's name (one or two words) at token k, before `limit`. */
  private countryNameAt(toks: Doc['tokens'], k: number, limit: number): { iso: string; n: number } | null {
    for (let n = Math.min(2, limit - k); n >= 1; n--) {
      const words: string[] = [];
      for (let q = k; q < k + n; q++) words.push(toks[q].norm);
      const c = this.kb
        .lookup(words.join(' '))
        .find((e) => e.type === 'LOC' && (e.source === 'countries' || e.id.startsWith('country:')) && e.country);
      if (c?.country) return { iso: c.country, n };
    }
    return null;
  }

  /** Longest title phrase starting at token t (before `limit`): title words, then at most 3 qualifying words ending with a nationality. */
  titleAt(doc: Doc, t: number, limit: number): { end: number; key: string; base: string; country?: string } | null {
    const toks = doc.tokens;
    const cands = this.tok(toks, t).titles;
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
        const nat = this.demonymAt(toks, k, limit);
        if (nat) {
          country = nat.iso;
          end = k + nat.n;
          break;
        }
        // "مرشح المعارضة في مالي"، "زعيم المعارضة في فنزويلا": the country the office is in (not for envoys, who
        // serve in another country than their own)
        if (toks[k].norm === 'في' && k + 1 < limit && !ENVOYS.test(title[0])) {
          const c = this.kb
            .lookup(toks[k + 1].norm)
            .find((e) => e.type === 'LOC' && (e.source === 'countries' || e.id.startsWith('country:')) && e.country);
          if (c) {
            country = c.country;
            end = k + 2;
          }
          break;
        }
        // "مندوب إيران الدائم"، "وزير خارجية العراق"، "سفير الولايات المتحدة": a country named as the title's genitive
        if (k === end) {
          const c = this.countryNameAt(toks, k, limit);
          if (c) {
            country = c.iso;
            end = k + c.n;
            break;
          }
        }
        if (!toks[k].norm.startsWith('ال') && !toks[k].norm.startsWith('لل')) break;
      }
      // "رئيس شرطة العاصمة كوالالمبور"، "محافظ البصرة": a place named in the genitive chain of the title (a few words,
      // no preposition) gives its country (not for envoys: "سفير في باريس" serves there; their genitive country is
      // found above)
      if (!country && !ENVOYS.test(title[0])) {
        for (let k = end; k < Math.min(limit, end + 4); k++) {
          const w = toks[k];
          if (w.kind !== 'word' || /^(في|الي|من|لدي|عن|مع|علي|و|او)$/.test(w.norm)) break;
          const place = this.kb
            .lookup(w.norm)
            .find(
              (e) => e.type === 'LOC' && e.country && (e.source === 'cities' || e.id.startsWith('country:') || e.id.startsWith('city:')),
            );
          if (place?.country) {
            country = place.country;
            end = k + 1;
            break;
          }
        }
      }
      const words: string[] = [];
      for (let k = t; k < end; k++) words.push(k === t ? title[0] : toks[k].norm);
      return { end, key: words.join(' '), base: title.join(' '), country };
    }
    return null;
  }

  resolve(doc: Doc): Entity[] {
    const toks = doc.tokens;
    this.tokOf = toks;
    this.tokInfo = new Array(toks.length);
    const covered = new Uint8Array(toks.length);
    const cands: Cand[] = [];
    // a person span that starts or ends with a one-word title ("الكوميدي باتون أوزوالت" tagged whole): the title is not the name
    const isTitle = (k: number): boolean => this.info(toks[k].norm).titles?.some((t) => t.length === 1 && t[0] === toks[k].norm) === true;
    // per token, the UPOS of its first word that is not a proclitic (when the morph stage ran)
    const content: (string | undefined)[] = new Array(toks.length);
    for (const w of doc.words ?? [])
      if (w.token >= 0 && w.token < toks.length && content[w.token] === undefined && w.upos !== 'CCONJ' && w.upos !== 'ADP')
        content[w.token] = w.upos;
    // (a token that is one function word, "على"، "في", keeps its tag: it is no name; a split token whose name part the
    // tagger took for a conjunction, "ونتياهو", stays open)
    const parts = new Uint8Array(toks.length);
    for (const w of doc.words ?? []) if (w.token >= 0 && w.token < toks.length && parts[w.token] < 255) parts[w.token]++;
    for (const w of doc.words ?? [])
      if (w.token >= 0 && w.token < toks.length && content[w.token] === undefined && parts[w.token] === 1) content[w.token] = w.upos;
    // a span the knowledge base or the first-name list knows (لندن، فيكتوريا، تريزا ماي) is a name of its own
    const known = (a: number, b: number): boolean => {
      if (b - a === 1) return this.tok(toks, a).variants.some((v) => this.kb.lookup(v.form).length > 0 || this.kb.firstNames.has(v.form));
      const key = toks
        .slice(a, b)
        .map((t) => t.norm)
        .join(' ');
      return this.kb.lookup(key).length > 0;
    };
    for (const [a, b, type] of this.splitPlaceLists(toks, cleanNameSpans(doc, isTitle, known))) {
      const c = this.candidate(doc, a, b, type, 'ner');
      if (!c) continue;
      // a lone indefinite adjective the tagger took for a name ("هجوم كيماوي"، "خطاب ترحيبي"، "جنونية"), unknown to
      // the knowledge base and to the first-name lists, is no name
      if (b - a === 1 && !c.entry && content[a] === 'ADJ' && !/^[وفبل]?ال/.test(toks[a].norm) && !this.kb.firstNames.has(c.key)) continue;
      // nor a lone verb with a verb's dual or plural ending ("جد وجدة صينيان يعيشان في مدينة شيان"; 13th session; a
      // bare imperfect may be a first name the tagger calls a verb: يزيد)
      if (
        b - a === 1 &&
        !c.entry &&
        content[a] === 'VERB' &&
        /^[وف]?[يتن].{2,}(ان|ون|وا)$/.test(toks[a].norm) &&
        !this.kb.firstNames.has(c.key)
      )
        continue;
      for (let k = a; k < b; k++) covered[k] = 1;
      cands.push(c);
    }
    // Multi-word KB names override the tagger's pieces inside them (قوات سوريا الديمقراطية, not سوريا).
    const none = new Uint8Array(toks.length);
    const noMatch = new Uint8Array(toks.length);
    /** Multi-word KB names wherever they stand, to keep a shorter institution phrase from cutting one (16th session). */
    const multi: Cand[] = [];
    for (const g of this.gazetteerMatches(doc, none, true, noMatch)) {
      if (g.tokenEnd - g.tokenStart < 2 || !g.entry || g.entry.source === 'petrarch') continue;
      multi.push(g);
      const inside = cands.filter((c) => c.tokenStart < g.tokenEnd && c.tokenEnd > g.tokenStart);
      if (inside.length === 0) continue;
      // A multi-word city (خميس مشيط) only replaces place-name pieces.
      if (g.entry.source === 'cities' && inside.some((c) => c.type !== 'LOC')) continue;
      const same = inside.length === 1 && inside[0].tokenStart === g.tokenStart && inside[0].tokenEnd === g.tokenEnd;
      if (same) continue;
      // Pieces inside the name give way; so does an unlinked tagger span that crosses its edge (ومهندس [الاتفاق]
      // النووي): its bounds are wrong. A span holding the whole name, or a linked one, stays (a city never crosses).
      const ok = inside.every(
        (c) =>
          (c.tokenStart >= g.tokenStart && c.tokenEnd <= g.tokenEnd) ||
          (!c.entry && g.entry?.source !== 'cities' && !(c.tokenStart <= g.tokenStart && c.tokenEnd >= g.tokenEnd)),
      );
      if (!ok) continue;
      for (const c of inside) cands.splice(cands.indexOf(c), 1);
      for (let k = g.tokenStart; k < g.tokenEnd; k++) covered[k] = 1;
      cands.push(g);
    }
    for (const p of this.institutionMatches(doc)) {
      // "الجيش السوري الحر": a longer KB name starting with the phrase is that name, not the institution
      if (multi.some((g) => g.tokenStart === p.tokenStart && g.tokenEnd > p.tokenEnd && g.entry?.source !== 'cities')) continue;
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
    for (const p of this.facilityMatches(doc)) {
      // Taken over the tagger's pieces inside it (مطار [دمشق] الدولي) or its own span, unless a linked non-place is there.
      const inside = cands.filter((c) => c.tokenStart < p.tokenEnd && c.tokenEnd > p.tokenStart);
      if (!inside.every((c) => c.tokenStart >= p.tokenStart && c.tokenEnd <= p.tokenEnd && (!c.entry || c.type === 'LOC'))) continue;
      for (const c of inside) cands.splice(cands.indexOf(c), 1);
      for (let k = p.tokenStart; k < p.tokenEnd; k++) covered[k] = 1;
      cands.push(p);
    }
    for (const p of this.resolutionMatches(doc)) {
      // A numbered resolution takes over the pieces inside it (مجلس الأمن stays an entity only outside it).
      const inside = cands.filter((c) => c.tokenStart < p.tokenEnd && c.tokenEnd > p.tokenStart);
      if (!inside.every((c) => c.tokenStart >= p.tokenStart && c.tokenEnd <= p.tokenEnd)) continue;
      for (const c of inside) cands.splice(cands.indexOf(c), 1);
      for (let k = p.tokenStart; k < p.tokenEnd; k++) covered[k] = 1;
      cands.push(p);
    }
    for (const p of this.namedOrgMatches(doc)) {
      // Only where the tagger found nothing it could link: its unlinked pieces inside the name give way to it.
      const inside = cands.filter((c) => c.tokenStart < p.tokenEnd && c.tokenEnd > p.tokenStart);
      if (!inside.every((c) => c.tokenStart >= p.tokenStart && c.tokenEnd <= p.tokenEnd && !c.entry && c.via !== 'pattern')) continue;
      for (const c of inside) cands.splice(cands.indexOf(c), 1);
      for (let k = p.tokenStart; k < p.tokenEnd; k++) covered[k] = 1;
      cands.push(p);
    }
    for (const c of this.gazetteerMatches(doc, covered, false, noMatch)) cands.push(c);
    this.propagateSurnames(doc, cands, content);
    this.cutMentions(doc, cands);
    this.contextualMentions(doc, cands);
    this.personBodies(doc, cands);
    cands.sort((x, y) => x.start - y.start);

    // A proclitic the first pass kept (لشبه الجزيرة الكورية) is cut when the article also has the bare name.
    const keys = new Set(cands.map((c) => c.key));
    for (const c of cands) {
      if (c.entry || c.start !== toks[c.tokenStart].start) continue;
      const lf = lookupForm(toks[c.tokenStart]);
      const vs = this.variantsOf(lf.form);
      for (let n = 1; n < vs.length; n++) {
        const v = vs[n];
        const key = [v.form, ...c.words.slice(1)].join(' ');
        if (v.skip > 0 && keys.has(key)) {
          c.start = skipOffset(toks[c.tokenStart], v.skip + lf.skip);
          c.words = [v.form, ...c.words.slice(1)];
          c.key = key;
          break;
        }
      }
    }

    // A one-word alias of a person marked `fullname` (المالكي, الأسد) links only when the article also names them in
    // full, or, for a given name (إيفانكا, يوليا), when the article also has their family name (ابنة ترامب, سكريبال وابنته يوليا).
    const named = new Set<string>();
    for (const c of cands) if (c.entry && c.words.length > 1) named.add(c.entry.id);
    let forms: Set<string> | null = null;
    for (const c of cands) {
      if (
        c.entry &&
        c.type === 'PER' &&
        c.words.length === 1 &&
        c.entry.tags.includes('fullname') &&
        !named.has(c.entry.id) &&
        c.via !== 'head'
      ) {
        forms ??= this.docForms(toks);
        if (!this.familyNamed(c.entry, c.key, forms)) c.entry = undefined;
      }
    }

    this.surnameTypes(cands);
    this.placeCities(toks, cands);

    // Grouping.
    const groups: Group[] = [];
    const byKb = new Map<string, Group>();
    const byKey = new Map<string, Group>();
    for (const c of cands) {
      let g: Group | undefined;
      if (c.type === 'PER' && c.words.length === 1 && c.via !== 'head') {
        // A surname refers to the person already named in the article before any KB namesake (المالكي after تركي المالكي),
        // unless the KB gives that one word to a person of its own and the local name is another KB person: ترامب after
        // ميلانيا ترامب is still Donald Trump (a `fullname` alias, المالكي, always gives way).
        const local = this.shortFormOf(c, groups);
        const kbOwn = c.entry !== undefined && local?.entry !== undefined && !c.entry.tags.includes('fullname');
        if (local && (!c.entry || local.entry !== c.entry) && !kbOwn) {
          c.entry = local.entry;
          g = local;
        }
      }
      if (!g && c.type === 'ORG' && c.entry && c.words.length >= 2) {
        // A shortened name refers to the organisation already named in the article before any KB namesake: حزب العمال
        // after حزب العمال الكردستاني is the PKK, not the British Labour Party.
        const local = this.shortFormOf(c, groups);
        if (local && local.entry !== c.entry && local.words.length > c.words.length) {
          c.entry = local.entry;
          g = local;
        }
      }
      if (!g && c.entry) g = byKb.get(c.entry.id);
      g ??= byKey.get(`${c.type}|${c.key}`);
      if (!g && !c.entry) g = this.shortFormOf(c, groups);
      if (!g) {
        g = { type: c.type, entry: c.entry, cands: [], words: c.words, extra: [], country: c.country, role: c.role, nameEn: c.nameEn };
        groups.push(g);
      }
      g.cands.push(c);
      if (c.words.length > g.words.length) g.words = c.words;
      if (c.entry) byKb.set(c.entry.id, g);
      byKey.set(`${c.type}|${c.key}`, g);
    }
    this.mergeShortFirst(groups);
    this.attachTitles(doc, groups);
    return this.withDateline(
      doc,
      this.output(
        doc,
        groups.filter((g) => g.cands.length > 0),
      ),
    );
  }

  /**
   * The places and the agency of the dateline and of the source credit ("دبي، الإمارات العربية المتحدة (CNN)--"،
   * "دمشق-سانا"، "(رويترز)"), which the tokenizer keeps out of the analysed text: each known place (country or city)
   * or news agency is a mention of its entity, added to the one the article already has or as an entity of its own.
   */
  private withDateline(doc: Doc, ents: Entity[]): Entity[] {
    const spans = [doc.article.spans.dateline, doc.article.spans.credit].filter((x): x is Span => !!x && x.end > x.start);
    if (spans.length === 0) return ents;
    const byKb = new Map<string, Entity>();
    for (const e of ents) if (e.kbId) byKb.set(e.kbId, e);
    let added = false;
    for (const sp of spans) {
      const words = [...doc.text.slice(sp.start, sp.end).matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
        start: sp.start + (m.index ?? 0),
        end: sp.start + (m.index ?? 0) + m[0].length,
      }));
      for (let i = 0; i < words.length; ) {
        let hit: { e: KbEntry; start: number; end: number; n: number } | null = null;
        for (let n = Math.min(4, words.length - i); n >= 1 && !hit; n--) {
          const start = words[i].start;
          const end = words[i + n - 1].end;
          const phrase = doc.text.slice(start, end);
          // the words of a name are separated by spaces only
          if (n > 1 && /[^\p{L}\p{N}\s]/u.test(phrase)) continue;
          const e = this.kb
            .lookup(nameKey(phrase))
            .find(
              (x) =>
                (x.type === 'LOC' && (x.source === 'countries' || x.source === 'cities' || /^(country|city):/.test(x.id))) ||
                (x.type === 'ORG' && x.role === 'MED'),
            );
          if (e) hit = { e, start, end, n };
        }
        if (!hit) {
          i++;
          continue;
        }
        i += hit.n;
        const mention: Mention = { text: doc.text.slice(hit.start, hit.end), start: hit.start, end: hit.end, via: 'dateline' };
        const have = byKb.get(hit.e.id);
        if (have) {
          if (!have.mentions.some((m) => m.start === mention.start)) have.mentions.unshift(mention);
          continue;
        }
        const ent: Entity = { id: '', type: hit.e.type, name: hit.e.name, kbId: hit.e.id, mentions: [mention] };
        if (hit.e.nameEn) ent.nameEn = hit.e.nameEn;
        if (hit.e.country) ent.country = hit.e.country;
        if (hit.e.type === 'ORG' && hit.e.role) ent.role = hit.e.role;
        byKb.set(hit.e.id, ent);
        ents.push(ent);
        added = true;
      }
    }
    for (const e of ents) e.mentions.sort((a, b) => a.start - b.start);
    if (!added) return ents;
    // ids in order of first mention, as the other entities have them
    const order = ents.map((e) => ({ e, first: e.mentions[0]?.start ?? 0, id: e.id }));
    order.sort((a, b) => a.first - b.first);
    return order.map((x, i) => {
      x.e.id = `e${i + 1}`;
      return x.e;
    });
  }

  /**
   * Places listed with و that the tagger took as one name ("الولايات المتحدة وفرنسا"): split before a word that is
   * و + a country of the knowledge base, unless the whole span is a name the knowledge base knows (البوسنة والهرسك).
   */
  private splitPlaceLists(toks: Token[], spans: Array<[number, number, EntityType]>): Array<[number, number, EntityType]> {
    const out: Array<[number, number, EntityType]> = [];
    for (const sp of spans) {
      const [a, b, type] = sp;
      if (type === 'ORG' && b - a >= 3 && !this.kb.lookup(nameKey(joinNorms(toks, a, b))).length) {
        // "القوات الحكومية والحشد الشعبي": an organisation the knowledge base knows, after و, ends the span before it
        // (the rest of the span from و on is exactly that name; 21st session)
        let cut = -1;
        for (let k = a + 1; k < b && cut < 0; k++) {
          const n = toks[k].norm;
          if (
            n.length > 3 &&
            n.startsWith('و') &&
            this.kb.lookup(nameKey([n.slice(1), joinNorms(toks, k + 1, b)].join(' ').trim())).some((e) => e.type === 'ORG')
          )
            cut = k;
        }
        if (cut > 0) {
          out.push([a, cut, type], [cut, b, type]);
          continue;
        }
      }
      if (
        type !== 'LOC' ||
        b - a < 2 ||
        this.kb.lookup(
          nameKey(
            toks
              .slice(a, b)
              .map((t) => t.norm)
              .join(' '),
          ),
        ).length > 0
      ) {
        out.push(sp);
        continue;
      }
      let s = a;
      for (let k = a + 1; k < b; k++) {
        const n = toks[k].norm;
        if (
          n.length > 3 &&
          n.startsWith('و') &&
          this.kb.lookup(n.slice(1)).some(
            (e) =>
              e.type === 'LOC' &&
              (e.source === 'countries' ||
                e.id.startsWith('country:') ||
                // (or any place when the words before it are a place too: "فرجينيا وماريلاند"، "زملكا وعين ترما"; 18th session)
                this.kb
                  .lookup(
                    nameKey(
                      toks
                        .slice(s, k)
                        .map((t) => t.norm)
                        .join(' '),
                    ),
                  )
                  .some((p) => p.type === 'LOC')),
          )
        ) {
          out.push([s, k, type]);
          s = k;
        }
      }
      out.push([s, b, type]);
    }
    return out;
  }

  /**
   * A body named after a person ("نظام الأسد"، "إدارة ترامب"; heads of `person-heads.txt`): the words after the head are
   * also a mention of that person when they name one of the knowledge base, the one-word alias of a `fullname` person
   * included (the head says who is meant) (21st session).
   */
  private personBodies(doc: Doc, cands: Cand[]): void {
    if (this.personHeads.size === 0) return;
    const toks = doc.tokens;
    for (const c of [...cands]) {
      if (c.type !== 'ORG' || c.words.length < 2 || c.words.length !== c.tokenEnd - c.tokenStart || !this.personHeads.has(c.words[0]))
        continue;
      const a = c.tokenStart + 1;
      if (cands.some((x) => x !== c && x.tokenStart < c.tokenEnd && x.tokenEnd > a)) continue;
      const key = c.words.slice(1).join(' ');
      const person = this.kb.lookup(key).find((e) => e.type === 'PER');
      if (!person) continue;
      cands.push({
        start: toks[a].start,
        end: c.end,
        tokenStart: a,
        tokenEnd: c.tokenEnd,
        type: 'PER',
        key,
        words: c.words.slice(1),
        entry: person,
        via: 'head',
      });
    }
  }

  /**
   * A generic word of `contextual.tsv` standing alone ("التحالف"، "وشن التحالف غارات") is the entry the article's other
   * names point to: the entry itself named in the article, or else the one sense whose cue entries (a country, a
   * group, a city) the article names while it names no cue of another sense (21st session).
   */
  private contextualMentions(doc: Doc, cands: Cand[]): void {
    if (this.contextual.size === 0) return;
    const toks = doc.tokens;
    const ids = new Set<string>();
    for (const c of cands) if (c.entry) ids.add(c.entry.id);
    const taken = new Uint8Array(toks.length);
    for (const c of cands) for (let k = c.tokenStart; k < c.tokenEnd; k++) taken[k] = 1;
    const choice = new Map<string, KbEntry | null>();
    const pick = (form: string, senses: ContextualSense[]): KbEntry | null => {
      let r = choice.get(form);
      if (r !== undefined) return r;
      const named = senses.filter((x) => ids.has(x.id));
      const cued = senses.filter((x) => x.cues.some((q) => ids.has(q)));
      const one = named.length === 1 ? named[0] : named.length === 0 && cued.length === 1 ? cued[0] : undefined;
      r = one ? (this.kb.byId.get(one.id) ?? null) : null;
      choice.set(form, r);
      return r;
    };
    for (let k = 0; k < toks.length; k++) {
      if (taken[k] || toks[k].kind !== 'word') continue;
      const v = this.tok(toks, k).variants.find((x) => this.contextual.has(x.form));
      if (!v) continue;
      // (not the head of another name: "التحالف الوطني"، "التحالف المدني"; a relative clause may follow)
      const next = toks[k + 1];
      if (next && next.kind === 'word' && next.norm.startsWith('ال') && !/^(الذي|التي|الذين)$/.test(next.norm)) continue;
      // (nor an alliance between two parties: "التحالف بين ائتلاف النصر وتحالف سائرون")
      if (next && /^(بين|بينهما|بينهم|مع)$/.test(next.norm)) continue;
      const entry = pick(v.form, this.contextual.get(v.form) as ContextualSense[]);
      if (!entry) continue;
      cands.push({
        start: skipOffset(toks[k], v.skip),
        end: toks[k].end,
        tokenStart: k,
        tokenEnd: k + 1,
        type: entry.type,
        key: v.form,
        words: [v.form],
        entry,
        via: 'context',
      });
    }
  }

  /**
   * A linked name whose alias runs through a word of `mention-cuts.txt` ends its mention there, and what follows the
   * word is a name of its own when it links: "التحالف بقيادة السعودية" is the coalition's "التحالف" and Saudi Arabia's
   * "السعودية" (18th session).
   */
  private cutMentions(doc: Doc, cands: Cand[]): void {
    if (this.mentionCuts.size === 0) return;
    const toks = doc.tokens;
    for (let n = cands.length - 1; n >= 0; n--) {
      const c = cands[n];
      if (!c.entry || c.words.length !== c.tokenEnd - c.tokenStart) continue;
      let k = c.tokenStart + 1;
      while (k < c.tokenEnd - 1 && !this.mentionCuts.has(toks[k].norm)) k++;
      if (k >= c.tokenEnd - 1) continue;
      const tail = this.candidate(doc, k + 1, c.tokenEnd, null, c.via);
      c.words = c.words.slice(0, k - c.tokenStart);
      c.key = c.words.join(' ');
      c.tokenEnd = k;
      c.end = toks[k - 1].end;
      if (tail?.entry) cands.push(tail);
    }
  }

  /**
   * A person's surname decides the type of the other names it closes: "سومايلا سيسيه" that the tagger took for a
   * place, in an article that also names "سيسيه" as a person, is that person; "كيتا" linked to a small town of the
   * gazetteer, in an article that names "إبراهيم أبو بكر كيتا", is his surname. Names the knowledge base knows as
   * something else than a town are left alone.
   */
  private surnameTypes(cands: Cand[]): void {
    const perLast = new Set<string>();
    const perOne = new Set<string>();
    for (const c of cands) {
      // (a person named after the head of a body, "نظام الأسد", does not make the body a person)
      if (c.type !== 'PER' || c.via === 'head') continue;
      if (c.words.length === 1) perOne.add(c.key);
      else perLast.add(c.words[c.words.length - 1]);
    }
    if (perLast.size === 0 && perOne.size === 0) return;
    const town = (e: KbEntry | undefined): boolean => !e || (e.source === 'cities' && !e.tags.includes('capital'));
    for (const c of cands) {
      if (c.type === 'PER' || c.via !== 'ner' || !town(c.entry)) continue;
      const last = c.words[c.words.length - 1];
      if (c.words.length === 1 ? perLast.has(c.key) : c.type !== 'MISC' && !c.entry && perOne.has(last)) {
        c.type = 'PER';
        c.entry = undefined;
      }
    }
  }

  /**
   * A city of the gazetteer (not a capital) that the tagger named, in a country the article does not speak of
   * (no country, capital, person or body of it linked, no nationality adjective of it written), gives way to
   * a namesake in a country the article speaks of (ليون: Lyon next to فرنسا, not León, Mexico); a city
   * under a million people with no such namesake is not linked (تيما in a Syrian article is not Tema, Ghana).
   */
  private placeCities(toks: Token[], cands: Cand[]): void {
    let ctx: Set<string> | null = null;
    for (const c of cands) {
      const e = c.entry;
      // A capital gives way only to a namesake in a country the article names while it never names the capital's own
      // (طرابلس in an article about لبنان is Tripoli, Lebanon; 27th session).
      if (e?.type === 'LOC' && e.country && e.tags.includes('capital') && c.via === 'ner') {
        const own = e.country;
        const others = this.kb
          .lookup(c.key)
          .filter((x) => x.type === 'LOC' && x.source === 'cities' && x.country !== undefined && x.country !== own);
        if (others.length) {
          const here = this.contextCountries(
            toks,
            cands.filter((x) => x.key !== c.key),
          );
          if (!here.has(own)) {
            const namesake = others.find((x) => here.has(x.country as string));
            if (namesake) c.entry = namesake;
          }
        }
        continue;
      }
      // A city the source gives no country (Hebron, Suva) has nothing to check.
      if (e?.source !== 'cities' || c.via !== 'ner' || e.tags.includes('capital') || !e.country) continue;
      ctx ??= this.contextCountries(toks, cands);
      if (ctx.has(e.country)) continue;
      const here = ctx;
      const namesake = this.kb
        .lookup(c.key)
        .find((x) => x.type === 'LOC' && x.source === 'cities' && x.country !== undefined && here.has(x.country));
      if (namesake) c.entry = namesake;
      else if (population(e) < BIG_CITY) c.entry = undefined;
    }
  }

  /** The countries an article speaks of: of its linked entries other than gazetteer cities (capitals count), of its institution phrases, of its nationality adjectives. */
  private contextCountries(toks: Token[], cands: Cand[]): Set<string> {
    const out = new Set<string>();
    for (const c of cands) {
      const e = c.entry;
      const country = e
        ? e.source !== 'cities' || e.tags.includes('capital')
          ? e.country
          : undefined
        : (c as Cand & { country?: string }).country;
      if (country) out.add(country);
    }
    for (let i = 0; i < toks.length; i++) {
      if (toks[i].kind !== 'word') continue;
      const iso = this.tok(toks, i).nat;
      if (iso) out.add(iso);
    }
    return out;
  }

  /** Every word form of the article, also without its proclitics (وترامب -> ترامب). */
  private docForms(toks: Token[]): Set<string> {
    const out = new Set<string>();
    for (let i = 0; i < toks.length; i++) {
      if (toks[i].kind !== 'word') continue;
      for (const v of this.tok(toks, i).variants) out.add(v.form);
    }
    return out;
  }

  /**
   * Whether the article has a family-name word of person `e` other than the mention `key`: a word of
   * their full name (or a multi-word alias) that is not a first name, a particle or `key` itself.
   */
  private familyNamed(e: KbEntry, key: string, forms: Set<string>): boolean {
    for (const n of [e.name, ...e.aliases]) {
      const words = nameKey(n).split(' ');
      if (words.length < 2) continue;
      for (const w of words) {
        if (w === key || w.length <= 2 || NAME_PARTICLES.has(w) || this.kb.firstNames.has(w)) continue;
        if (forms.has(w)) return true;
      }
    }
    return false;
  }

  /**
   * One sense per discourse: the family name of a person the article names in full, where the tagger missed it alone
   * ("مع اتهام كير نائبه" after "سلفا كير"), is a mention of that person. Not where the morph stage reads an adjective,
   * a verb or a particle, nor a generic word or a title.
   */
  private propagateSurnames(doc: Doc, cands: Cand[], content: (string | undefined)[]): void {
    const toks = doc.tokens;
    const last = new Set<string>();
    for (const c of cands) {
      if (c.type !== 'PER' || c.words.length < 2) continue;
      const w = c.words[c.words.length - 1];
      // (not the second half of a compound name: عبد الله، نصر الله، نور الدين, whose last word is common)
      if (/^(عبد|نصر|نور|سيف|جاد|عطا|فتح|ضيف|جار|خير|حسب|بن|ابن|ابو|ام|بنت|ال)$/.test(c.words[c.words.length - 2])) continue;
      if (w.length >= 3 && !this.generic.has(w) && !this.info(w).titles && !/^(الله|الدين|الرحمن|الرحيم)$/.test(w)) last.add(w);
    }
    if (last.size === 0) return;
    const covered = new Uint8Array(toks.length);
    for (const c of cands) for (let k = c.tokenStart; k < c.tokenEnd; k++) covered[k] = 1;
    for (let k = 0; k < toks.length; k++) {
      if (covered[k] || toks[k].kind !== 'word') continue;
      const pos = content[k];
      if (pos !== undefined && pos !== 'NOUN' && pos !== 'PROPN' && pos !== 'X') continue;
      const v = this.variantsOf(toks[k].norm).find((x) => last.has(x.form) && !x.restored);
      if (!v) continue;
      const c = this.candidate(doc, k, k + 1, 'PER', 'surname');
      if (c?.type !== 'PER') continue;
      // (a proclitic is cut: "لكير" is لـ + كير)
      if (c.key !== v.form) {
        c.start = skipOffset(toks[k], v.skip);
        c.words = [v.form];
        c.key = v.form;
      }
      cands.push(c);
    }
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
        // A given name alone after the full name (سيمون after سيمون فاي, مارينا after مارينا ويلر) when one person of the
        // article has it.
        if (
          c.words.length === 1 &&
          g.words[0] === c.key &&
          c.key.length > 2 &&
          groups.filter((h) => h.type === 'PER' && h.words.length > 1 && h.words[0] === c.key).length === 1
        )
          return g;
      } else if (c.type === 'ORG') {
        if (g.words.slice(0, c.words.length).join(' ') === c.key && c.words.length >= 2) return g;
      }
    }
    return undefined;
  }

  /** A surname seen before the full name (الأسد ... بشار الأسد): fold the earlier short group into the later full one. */
  private mergeShortFirst(groups: Group[]): void {
    for (const g of groups) {
      // (also a short form of two words or more: "بن سلمان" ... "محمد بن سلمان")
      if (g.type !== 'PER' || g.entry || g.cands.length === 0 || g.words.length > 3) continue;
      const n = g.words.length;
      const target = groups.find(
        (h) =>
          h !== g &&
          h.type === 'PER' &&
          h.cands.length > 0 &&
          h.words.length > n &&
          (h.words.slice(h.words.length - n).join(' ') === g.words.join(' ') ||
            (n === 1 && h.words[0] === g.words[0] && FAMILY_FIRST.has(h.entry?.country ?? ''))),
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
    // "مازلان لازيم، رئيس شرطة العاصمة كوالالمبور": a title after the name and a comma gives its country too
    for (const g of groups) {
      if (g.type !== 'PER' || g.country || g.entry) continue;
      for (const c of g.cands) {
        if (c.tokenEnd + 1 >= toks.length || toks[c.tokenEnd].text !== '،') continue;
        const sent = toks[c.tokenStart].sentence;
        const end = doc.sentences[sent]?.tokenEnd ?? toks.length;
        const m = this.titleAt(doc, c.tokenEnd + 1, end);
        if (m?.country) {
          g.country = m.country;
          break;
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
      const seen = new Set<number>();
      for (const c of [...g.cands].sort((a, b) => a.start - b.start)) {
        const k = c.start * 0x4000000 + c.end;
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
        const k = m.start * 0x4000000 + m.end;
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
        // a hashtag's words are joined by "_" (زياد_عيتاني): the name has spaces, its mentions keep the text
        name = doc.text.slice(best.start, best.end).replace(/_/g, ' ');
        // "للمجلس الوطني الفلسطيني": the mention starts at the article's lam (ل + ال); the name gets its alef back
        if (/^ل/.test(name) && !/^ال/.test(name) && best.key.startsWith('ال') && !best.key.startsWith('ل')) name = `ا${name}`;
      }
      let country = e?.country ?? g.country;
      let role = e?.role ?? g.role;
      let nameEn = e?.nameEn ?? g.nameEn;
      if (!e && type === 'ORG') {
        const w = g.words;
        // The nationality adjective at the end (one word, or two: الكوري الجنوبي).
        let natWords = 1;
        let nat = w.length >= 3 ? this.kb.demonym(`${w[w.length - 2]} ${w[w.length - 1]}`) : undefined;
        if (nat) natWords = 2;
        else nat = this.kb.demonym(w[w.length - 1]);
        country ??= nat;
        // "صحيفة واشنطن تايمز الأميركية": a nationality adjective (singular) right after a mention
        if (!country)
          for (const c of g.cands) {
            const f = c.tokenEnd < doc.tokens.length ? doc.tokens[c.tokenEnd].norm : '';
            const after = /(ي|يه)$/.test(f) ? this.kb.demonym(f) : undefined;
            if (after) {
              country = after;
              break;
            }
          }
        role ??= ORG_ROLES.find(([h]) => w[0] === h)?.[1];
        // وزارة الخارجية القطرية -> Qatari Ministry of Foreign Affairs (institution phrase + nationality adjective).
        if (nat && w.length > natWords) {
          const template = this.institutionsEn.get(w.slice(0, -natWords).join(' '));
          const adj = template ? this.kb.adjectiveEn(nat) : undefined;
          if (template && adj) nameEn = template.replace('{adj}', adj);
        }
        // وزارة الصحة -> Ministry of Health: the institution phrase alone, with no country said, in its generic English
        if (!nat && !e && !nameEn) {
          const template = this.institutionsEn.get(w.join(' '));
          if (template) nameEn = template.replace('{adj} ', '').replace('{adj}', '').trim();
        }
      }
      // a person with no KB entry: the English spellings the KB gives the same name words (فتحي حماد -> Fathi Hammad)
      let nameEnFromParts = false;
      if (!e && type === 'PER' && !nameEn) {
        nameEn = this.kb.englishFromParts(name);
        nameEnFromParts = nameEn !== undefined;
      }
      // a capital, or a seat of government that stands for one (تل أبيب، رام الله), acts for its government
      const seat = !!e && (e.tags.includes('capital') || e.tags.includes('seat'));
      if (seat && !role) role = 'GOV';
      if (e?.type === 'LOC' && e.source !== 'cities' && !seat) role = undefined;
      const ent: Entity = { id: '', type, name, mentions };
      if (nameEn) ent.nameEn = nameEn;
      if (nameEnFromParts) ent.nameEnFrom = 'parts';
      if (e) ent.kbId = e.id;
      if (country) ent.country = country;
      if (role) ent.role = role;
      ents.push({ first: mentions[0]?.start ?? 0, e: ent });
    }
    this.focusInstitutions(
      ents.map((x) => x.e),
      doc,
    );
    this.homographPlaces(
      ents.map((x) => x.e),
      doc,
    );
    ents.sort((a, b) => a.first - b.first);
    return ents.map((x, i) => {
      x.e.id = `e${i + 1}`;
      return x.e;
    });
  }

  /**
   * A country and a capital written alike (عُمان / عمّان) are told apart by the article: a place linked to one whose
   * every mention is also the other's name goes to the other when the article names the other's country (its places
   * and nationality adjectives) at least twice and more often than its own (18th session: "عمان" in a Jordanian story).
   */
  private homographPlaces(ents: Entity[], doc: Doc): void {
    const alts = new Map<Entity, KbEntry>();
    for (const e of ents) {
      if (e.type !== 'LOC' || !e.kbId || !e.country) continue;
      let alt: KbEntry | undefined;
      for (const m of e.mentions) {
        const other = this.kb
          .lookup(nameKey(m.text))
          .find(
            (x) =>
              x.type === 'LOC' &&
              x.id !== e.kbId &&
              !!x.country &&
              x.country !== e.country &&
              (x.tags.includes('capital') || x.id.startsWith('country:')),
          );
        if (!other || (alt && alt !== other)) {
          alt = undefined;
          break;
        }
        alt = other;
      }
      if (alt) alts.set(e, alt);
    }
    if (alts.size === 0) return;
    const counts = this.countryCounts(ents, doc.tokens, (e) => alts.has(e));
    for (const [e, alt] of alts) {
      const mine = counts.get(e.country ?? '') ?? 0;
      const theirs = counts.get(alt.country ?? '') ?? 0;
      if (theirs < 2 || theirs <= mine) continue;
      e.kbId = alt.id;
      e.name = alt.name;
      e.country = alt.country;
      if (alt.nameEn) e.nameEn = alt.nameEn;
      else delete e.nameEn;
      if (alt.role) e.role = alt.role;
      else delete e.role;
    }
  }

  /**
   * How often an article names each country: the mentions of its places (entities with a country, but not those `skip`
   * leaves out) and its nationality adjectives, also after و/ف (الإيطالية، والعراقي).
   */
  private countryCounts(ents: Entity[], tokens: Token[], skip?: (e: Entity) => boolean): Map<string, number> {
    const counts = new Map<string, number>();
    for (const e of ents)
      if (e.type === 'LOC' && e.country && !skip?.(e)) counts.set(e.country, (counts.get(e.country) ?? 0) + e.mentions.length);
    for (const t of tokens) {
      if (t.norm.length < 4) continue;
      const c = this.tokenDemonym(t.norm);
      if (c) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
    return counts;
  }

  /** The country of a nationality adjective, also after و/ف (الإيطالية، والعراقي). */
  private tokenDemonym(norm: string): string | undefined {
    return this.kb.demonym(norm) ?? (/^[وف]/.test(norm) ? this.kb.demonym(norm.slice(1)) : undefined);
  }

  /** Countries a text names, by a country name or a nationality adjective (also after و/ف), from its tokens alone. */
  private countryHints(tokens: Token[]): Set<string> {
    const out = new Set<string>();
    for (const t of tokens) {
      if (t.norm.length < 3) continue;
      const d = this.tokenDemonym(t.norm);
      if (d) out.add(d);
      const bare = /^[وف]/.test(t.norm) && t.norm.length > 4 ? t.norm.slice(1) : t.norm;
      for (const e of this.kb.lookup(bare)) if (e.type === 'LOC' && e.source === 'countries' && e.country) out.add(e.country);
    }
    return out;
  }

  /** Nationality-adjective forms with ال by country (matching forms), built on first need. */
  private natForms: Map<string, string[]> | undefined;

  /**
   * Bare institutions ("مجلس النواب"، "مجلس الشيوخ"، "وزارة التجارة") belong to the article's focus country: the
   * country whose places are named most (at least twice, strictly more than any other). Such an organisation with no
   * KB entry and no nationality of its own takes the KB entry of the phrase with that country's adjective when there is
   * one ("مجلس النواب" in an Iraqi story is "مجلس النواب العراقي", the Council of Representatives of Iraq), else the
   * country and its English adjective ("Italian Senate"); one linked only through a bare alias to a country the article
   * never names ("مجلس الشيوخ" as the US Senate in an Italian story) is re-read the same way (15th session).
   */
  private focusInstitutions(ents: Entity[], doc: Doc): void {
    // (only when some organisation is a bare institution phrase: the counts below read every token)
    if (!ents.some((e) => e.type === 'ORG' && e.mentions.some((m) => this.institutionsEn.has(bareKey(m.text))))) return;
    const tokens = doc.tokens;
    // a country place starting at each offset, for "مجلس الشيوخ في باراغواي"
    const placeAt = new Map<number, string>();
    for (const e of ents) if (e.type === 'LOC' && e.country) for (const m of e.mentions) placeAt.set(m.start, e.country);
    const counts = this.countryCounts(ents, tokens);
    let focus: string | undefined;
    let best = 0;
    let second = 0;
    for (const [c, n] of counts) {
      if (n > best) {
        second = best;
        best = n;
        focus = c;
      } else if (n > second) second = n;
    }
    if (!focus || best < 2 || best === second) focus = undefined;
    for (const e of ents) {
      if (e.type !== 'ORG') continue;
      // the country the text gives right after the phrase ("عضو مجلس الشيوخ السابق في باراغواي") beats the focus
      let local: string | undefined;
      for (const m of e.mentions) {
        const after = /^\s+(?:\S+\s+)?في\s+/.exec(doc.text.slice(m.end, m.end + 24));
        local ??= after ? placeAt.get(m.end + after[0].length) : undefined;
      }
      const here = local ?? focus;
      if (!here) continue;
      const bare = (m: Mention): string => bareKey(m.text);
      const key = e.kbId ? bare(e.mentions[0]) : nameKey(e.name);
      if (!this.institutionsEn.has(key)) continue;
      // every mention is the bare phrase
      if (!e.mentions.every((m) => bare(m) === key)) continue;
      const generic = !e.kbId && !e.country;
      // (a country named at most a third as often as the focus, "نيويورك" once in an Italian story)
      const foreign = !!e.kbId && !!e.country && e.country !== here && (local !== undefined || (counts.get(e.country) ?? 0) * 3 <= best);
      if (!generic && !foreign) continue;
      const hit = this.natFormsOf(here)
        .map((adj) => this.kb.lookupType(`${key} ${adj}`, 'ORG'))
        .find((x) => x !== undefined);
      if (hit) {
        e.kbId = hit.id;
        if (hit.nameEn) e.nameEn = hit.nameEn;
        else delete e.nameEn;
        e.country = hit.country ?? here;
        if (hit.role) e.role = hit.role;
        continue;
      }
      const adj = this.kb.adjectiveEn(here);
      const template = this.institutionsEn.get(key);
      if (!adj || !template) continue;
      if (e.kbId) {
        e.name = e.mentions[0].text.replace(/^[وف]?(?=ال)/, '');
        delete e.kbId;
        delete e.role;
      }
      e.nameEn = template.replace('{adj}', adj);
      e.country = here;
    }
  }

  private natFormsOf(iso: string): string[] {
    if (!this.natForms) {
      this.natForms = new Map();
      for (const f of this.kb.demonymForms()) {
        if (!f.startsWith('ال')) continue;
        const c = this.kb.demonym(f);
        if (!c) continue;
        const l = this.natForms.get(c) ?? [];
        l.push(f);
        this.natForms.set(c, l);
      }
    }
    return this.natForms.get(iso) ?? [];
  }
}

/** The name key of a mention without a leading conjunction or preposition before its article (ولمجلس النواب -> مجلس النواب). */
function bareKey(text: string): string {
  return nameKey(text).replace(/^(و|ف)?(ب|ل)?(?=ال)/, '');
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
function cleanNameSpans(
  doc: Doc,
  isTitle?: (k: number) => boolean,
  known?: (a: number, b: number) => boolean,
): Array<[number, number, EntityType]> {
  const out: Array<[number, number, EntityType]> = [];
  const n = doc.tokens.length;
  // Per token: how many morph words, whether all are VERB/AUX/CCONJ, whether the first is CCONJ.
  const count = new Uint16Array(n);
  const verbal = new Uint8Array(n).fill(1);
  const firstConj = new Uint8Array(n);
  let tagged = false;
  for (const w of doc.words ?? []) {
    const k = w.token;
    if (k < 0 || k >= n) continue;
    tagged = true;
    const u = w.upos ?? '';
    if (count[k] === 0 && u === 'CCONJ') firstConj[k] = 1;
    count[k]++;
    if (u !== 'VERB' && u !== 'AUX' && u !== 'CCONJ') verbal[k] = 0;
  }
  const isVerb = (k: number): boolean => count[k] > 0 && verbal[k] === 1;
  const startsWithConj = (k: number): boolean => firstConj[k] === 1 && count[k] > 1;
  for (const nm of doc.names ?? []) {
    let a = nm.tokenStart;
    let b = nm.tokenEnd;
    if (tagged && b - a > 1) {
      while (b - a > 1 && isVerb(b - 1)) b--;
      while (b - a > 1 && isVerb(a)) a++;
    }
    if (b <= a) continue;
    if (nm.type === 'PER' && isTitle) {
      while (b - a > 1 && isTitle(a)) a++;
      // ... or ends with one ("حفظ الله الملك" + "محمد السادس"): the title belongs to the next name
      // (unless it is the second word of a family name: "آل الشيخ"; 21st session)
      while (b - a > 1 && isTitle(b - 1) && !/^[وف]?ال$/.test(doc.tokens[b - 2].norm)) b--;
    }
    if (nm.type === 'PER' && tagged) {
      let s = a;
      for (let k = a + 1; k < b; k++) {
        if (startsWithConj(k)) {
          out.push([s, k, nm.type]);
          s = k;
        }
      }
      out.push([s, b, nm.type]);
    } else out.push([a, b, nm.type]);
  }
  return mergeSplitNames(doc, out, known);
}

/**
 * Names the tagger cut in two: at the dots of an acronym written with dots ("سي.بي.اس" tagged سي / بي / اس:
 * spans separated only by a dot glued to both are merged, the first span's type), and at a particle of a
 * Romance name ("ماريا دو" + "روزاريو": a person span ending in, or followed by, دو/دا/دي and the next span), and
 * between two touching spans of one type that no list knows (`known`), the second with no conjunction, preposition or
 * article glued to it ("ثام" + "لوانغ").
 */
export function mergeSplitNames(
  doc: Doc,
  spans: Array<[number, number, EntityType]>,
  known?: (a: number, b: number) => boolean,
): Array<[number, number, EntityType]> {
  const toks = doc.tokens;
  const sorted = [...spans].sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number, EntityType]> = [];
  // tokens whose first morph word is a conjunction or a preposition (وإسرائيل، بمصر، للشام)
  let clitic: Uint8Array | null = null;
  if (doc.words?.length) {
    clitic = new Uint8Array(toks.length);
    const count = new Uint16Array(toks.length);
    for (const w of doc.words) if (w.token >= 0 && w.token < toks.length) count[w.token]++;
    const seen = new Uint8Array(toks.length);
    for (const w of doc.words) {
      const k = w.token;
      if (k < 0 || k >= toks.length || seen[k]) continue;
      seen[k] = 1;
      if (count[k] > 1 && (w.upos === 'CCONJ' || w.upos === 'ADP')) clitic[k] = 1;
    }
  }
  for (const sp of sorted) {
    const prev = out[out.length - 1];
    const dot = prev ? toks[prev[1]] : undefined;
    // "لوس" + "أنجلس", "ثام" + "لوانغ", "نورث" + "كارولينا": two spans of one type touching, the second with no
    // conjunction or preposition glued to it, are one name the tagger cut (16th session)
    // (only names no list knows: "وتتهم السعودية إيران" is a doer and the one accused)
    if (
      clitic &&
      known &&
      prev &&
      sp[0] === prev[1] &&
      prev[2] === sp[2] &&
      sp[1] - prev[0] <= 4 &&
      clitic[sp[0]] === 0 &&
      // (nor a definite word: "الإمارات" + "العربية المتحدة" is left to the knowledge base)
      !/^([وف]|ال)/.test(toks[sp[0]].norm) &&
      !known(prev[0], prev[1]) &&
      !known(sp[0], sp[1])
    ) {
      prev[1] = sp[1];
      continue;
    }
    // "ماريا دو" + "روزاريو", "لولا" + "دا" + "سيلفا": a person's name goes on over a particle of Romance names.
    if (prev && prev[2] === 'PER' && sp[0] === prev[1] && ROMANCE_PARTICLES.has(toks[prev[1] - 1].norm)) {
      prev[1] = sp[1];
      continue;
    }
    if (prev && prev[2] === 'PER' && sp[0] === prev[1] + 1 && ROMANCE_PARTICLES.has(toks[prev[1]].norm) && toks[prev[1]].kind === 'word') {
      prev[1] = sp[1];
      continue;
    }
    // "سانت" + "بطرسبورغ", "سان" + "فرانسيسكو": a place named after a saint, cut after the particle
    if (prev && prev[2] === 'LOC' && sp[2] === 'LOC' && sp[0] === prev[1] && prev[1] - prev[0] === 1 && SAINT.has(toks[prev[0]].norm)) {
      prev[1] = sp[1];
      continue;
    }
    if (
      prev &&
      dot &&
      sp[0] === prev[1] + 1 &&
      dot.text === '.' &&
      toks[prev[1] - 1].end === dot.start &&
      dot.end === toks[sp[0]].start &&
      toks[prev[1] - 1].text.length <= 3 &&
      toks[sp[0]].text.length <= 3
    ) {
      prev[1] = sp[1];
      continue;
    }
    const cur: [number, number, EntityType] = [sp[0], sp[1], sp[2]];
    // "إف" + "-35", "ميغ" + "-31": a model name goes on over a glued hyphen and number
    const h = toks[cur[1]];
    const num = toks[cur[1] + 1];
    if (cur[2] !== 'LOC' && h && num && h.text === '-' && num.kind === 'number' && toks[cur[1] - 1].end === h.start && h.end === num.start)
      cur[1] += 2;
    out.push(cur);
  }
  return out;
}
