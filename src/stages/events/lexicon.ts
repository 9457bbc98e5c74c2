import { existsSync, readFileSync } from 'node:fs';
import { dataFile } from '../../core/paths.ts';
import { matchForm } from '../../text/normalize.ts';

/** One trigger pattern of `data/events/triggers.tsv` (or `verbs.tsv`). */
export interface Trigger {
  type: string;
  cameo: string;
  /** Stems that must follow the anchor within 4 tokens. */
  after: string[];
  /** Stems that must precede the anchor within 4 tokens. */
  before: string[];
  /** Where the pattern comes from: 'khabar' (triggers.tsv) or 'petrarch' (verbs.tsv). */
  source: string;
}

/** Words within `n` words before (or `after`) a trigger that make it no event. */
export interface NotAct {
  after: boolean;
  n: number;
  words: Set<string>;
}

export interface EventLexicon {
  /** Anchor stem → patterns, longest first. */
  triggers: Map<string, Trigger[]>;
  /** Agent noun (matching form, no ال) → role. */
  agents: Map<string, string>;
  /** Type → words near a trigger that make it no event (`not-acts.tsv`: يشكل تهديدا، تدعو للسخرية). */
  notActs: Map<string, NotAct[]>;
  /** The longest agent phrase in words. */
  agentWords: number;
  /** Definite words never read as an agent noun's genitive (quantifiers, time words: السلطات المزيد، الحكومة اليوم). */
  notGenitive: Set<string>;
  /** Agent nouns that are actors only with a nationality adjective right after them (الأمن المصري). */
  needsDemonym: Set<string>;
  /** First words of the agent phrases. */
  agentFirst: Set<string>;
  /** Word forms (matching form) that never trigger (طالبا "a student", حذرين "careful"). */
  blocked: Set<string>;
  /** Words that make a statement an accusation (lines starting with "?" in triggers.tsv). */
  accuseWords: Set<string>;
  /** Light verbs (`light-verbs.txt`): their subject is the source of the verbal noun they take (شن هجوما). */
  lightVerbs: Map<string, LightVerb>;
  /** Verbal nouns among the triggers (`verbal-nouns.tsv`): stem → whether the noun after them is their subject or object. */
  verbalNouns: Map<string, VerbalNoun>;
  /** Trigger stems that are events only with a named addressee (`addressee-verbs.txt`: حذر X من). */
  needsAddressee: Set<string>;
  /** Forms of verbs of receiving (`receive-verbs.txt`: تلقت تهديدات من X — X is the doer). */
  receiveVerbs: Set<string>;
  /** Support words that are AID when what they support is an actor (`material-support.txt`: دعم التحالف). */
  materialSupport: Set<string>;
  /** Labels that make a description an accusation (`pejoratives.txt`: واصفا إياه بالإرهابي). */
  pejoratives: Set<string>;
  /**
   * First words of the person titles and ranks of `data/kb/titles.txt`, and `data/events/apposition-titles.txt`
   * (matching form, no ال: وزير، مدير، لواء، نظير).
   */
  personTitles: Set<string>;
  /** Dual nouns that stand for two actors named before them (`duals.tsv`: الزعيمان → PER), matching forms without ال. */
  duals: Map<string, 'PER' | 'STATE' | 'ANY'>;
}

/**
 * A light verb's entry: the event types it does not pass its subject to, unless one of `unless` (stems) comes between;
 * `via`: prepositions one of which must stand right before the noun it governs (`@في @من`: فشل في، تمكن من), empty for a
 * verb taking the noun as its object.
 */
export interface LightVerb {
  not: Set<string>;
  unless: Set<string>;
  via: Set<string>;
}

/** A verbal noun's entry: whether the noun after it is its doer or its object, and whether the same spelling is also a verb. */
export interface VerbalNoun {
  genitive: 'subject' | 'object';
  /** Also a verb (قتل): the word alone does not make the trigger a noun, its context must (عن قتل، بعد قتل). */
  verb: boolean;
}

/** `verbal-nouns.tsv`: `stem<TAB>subject|object[<TAB>verb]` lines, `#` comments. */
export function parseVerbalNouns(text: string): Map<string, VerbalNoun> {
  const out = new Map<string, VerbalNoun>();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) continue;
    const [stem, gen, verb] = line.split('\t').map((x) => x.trim());
    if (!stem || (gen !== 'subject' && gen !== 'object') || (verb !== undefined && verb !== 'verb'))
      throw new Error(`verbal-nouns.tsv: bad line "${raw}"`);
    out.set(matchForm(stem), { genitive: gen, verb: verb === 'verb' });
  }
  return out;
}

const SUFFIXES = [
  'تهما',
  'تهم',
  'تها',
  'ته',
  'وها',
  'وهم',
  'وه',
  'هما',
  'ون',
  'ين',
  'وا',
  'ان',
  'ات',
  'تا',
  'ها',
  'هم',
  'نا',
  'تم',
  'ت',
  'ه',
  // no bare ي: it would turn nisba adjectives into nouns (الاجتماعي → اجتماع "meeting", الأمني → أمن "security forces")
  'ا',
];
/** A stem then ت and a possessive pronoun: the ت is the ة of a noun. */
const TA_POSSESSIVE = /^(.+)ت(ه|ها|هم|هما|هن|نا|كم)$/;
const PREFIXES = ['وال', 'فال', 'بال', 'كال', 'ال', 'لل', 'وب', 'ول', 'وس', 'ب', 'ل', 'س'];

/**
 * Candidate stems of a word in matching form: the word itself, without a
 * conjunction, article or preposition, without an imperfect prefix, and
 * without one suffix. Used to look triggers and agents up without a morphological analyser.
 */
const stemCache = new Map<string, string[]>();

/** `stems` with a bounded cache (news vocabulary repeats). */
export function stemsCached(w: string): string[] {
  let r = stemCache.get(w);
  if (!r) {
    if (stemCache.size > 200_000) stemCache.clear();
    r = stems(w);
    stemCache.set(w, r);
  }
  return r;
}

export function stems(w: string): string[] {
  const bases: string[] = [w];
  if ((w.charCodeAt(0) === 0x648 || w.charCodeAt(0) === 0x641) && w.length > 3) bases.push(w.slice(1));
  const n0 = bases.length;
  // bases after the article or a preposition other than ل: a noun follows, never an imperfect verb, so no imperfect
  // prefix is taken off them ("باحثون" is researchers, not ب + "أحث")
  const nounOnly = new Set<string>();
  for (let i = 0; i < n0; i++) {
    const b = bases[i];
    for (const p of PREFIXES) {
      // the future prefix س only before an imperfect prefix (سيقوم، ستعقد), not in "سرعتها"
      if (p.endsWith('س') && !/^[يتنا]$/.test(b.charAt(p.length))) continue;
      if (b.startsWith(p) && b.length - p.length >= 3) {
        bases.push(b.slice(p.length));
        if (/[بك]|ال/.test(p)) nounOnly.add(b.slice(p.length));
        break;
      }
    }
  }
  const n1 = bases.length;
  // the imperfect of a verb whose perfect starts with an alef (forms IV, VII, VIII, X: تنتقد، يستهدف، يعتقلون، يطلق)
  // is the perfect without it after the prefix: the alef is restored (tried last; event bug round)
  const alef: string[] = [];
  for (let i = 0; i < n1; i++) {
    const b = bases[i];
    const c = b.charCodeAt(0);
    // ي ت ن ا (imperfect), ا of the verbal noun is kept in the lexicon itself
    if (
      (c === 0x64a || c === 0x62a || c === 0x646 || c === 0x627) &&
      b.length >= 4 &&
      !(nounOnly.has(b) && !bases.slice(0, i).includes(b))
    ) {
      bases.push(b.slice(1));
      // (after ت only forms VII, VIII and X: "توقف" is "it stopped", not "she arrests")
      if (c === 0x64a || c === 0x646 || (c === 0x62a && /^(ن|ست|.ت|ت)/.test(b.slice(1)))) alef.push(`ا${b.slice(1)}`);
    }
  }
  const out = new Set<string>(bases);
  for (const b of bases) {
    for (const s of SUFFIXES) {
      if (b.length - s.length >= 2 && b.endsWith(s)) {
        const st = b.slice(0, b.length - s.length);
        // (after a preposition or the article, not a three-letter stem in ا: "باحثون" is not ب + "أحث" + ون)
        if (st.length === 3 && st.charCodeAt(0) === 0x627 && nounOnly.has(b) && b !== w) continue;
        // (nor a two-letter stem: "بحثا" is discussed or searching, not ب + "حث" + ا, urged; 26th session)
        if (st.length === 2 && nounOnly.has(b) && b !== w) continue;
        out.add(st);
      }
    }
  }
  // a noun in ة with a possessive pronoun spells the ة as ت (مسؤوليته، زيارتها، إدانتهم): the ة form, tried last
  for (const b of bases) {
    const m = TA_POSSESSIVE.exec(b);
    if (m && m[1].length >= 3) out.add(`${m[1]}ه`);
  }
  for (const b of alef) {
    out.add(b);
    for (const s of SUFFIXES) if (b.length - s.length >= 3 && b.endsWith(s)) out.add(b.slice(0, b.length - s.length));
  }
  return [...out];
}

function stemKey(w: string): string {
  return matchForm(w.trim());
}

/** Parse a triggers file (format in `data/events/triggers.tsv`). */
export function parseTriggers(text: string, source = 'khabar', into = new Map<string, Trigger[]>()): Map<string, Trigger[]> {
  for (const raw of text.split('\n')) {
    if (!raw.trim() || raw.startsWith('#')) continue;
    const [pattern, type, cameo] = raw.split('\t');
    if (!pattern || !type || !/^[A-Z]+$/.test(type.trim())) continue;
    const ws = pattern.trim().split(/\s+/);
    const anchor = stemKey(ws[0]);
    if (!anchor) continue;
    const t: Trigger = { type: type.trim(), cameo: (cameo ?? '').trim(), after: [], before: [], source };
    for (const w of ws.slice(1)) {
      if (w.startsWith('<')) t.before.push(stemKey(w.slice(1)));
      else t.after.push(stemKey(w));
    }
    const l = into.get(anchor) ?? [];
    l.push(t);
    l.sort((a, b) => b.after.length + b.before.length - (a.after.length + a.before.length));
    into.set(anchor, l);
  }
  return into;
}

/**
 * Petrarch rows of `verbs.tsv` as triggers: plain lemmas only (Petrarch object
 * patterns need a parse), words joined by + or _ become following words.
 */
export function parsePetrarchVerbs(text: string, into: Map<string, Trigger[]>): void {
  const lines: string[] = [];
  for (const raw of text.split('\n')) {
    if (!raw || raw.startsWith('#') || raw.startsWith('pattern\t')) continue;
    const [pattern, cameo, plover] = raw.split('\t');
    if (!pattern || pattern.includes('*') || !plover) continue;
    const ws = pattern.split(/[+_]/).filter(Boolean);
    if (ws.length === 0 || ws[0].length < 3) continue;
    // keep only anchors not already in the curated list
    if (into.has(stemKey(ws[0]))) continue;
    lines.push(`${ws.join(' ')}\t${plover}\t${cameo}`);
  }
  parseTriggers(lines.join('\n'), 'petrarch', into);
}

export function parseAgents(text: string): {
  agents: Map<string, string>;
  agentWords: number;
  notGenitive: Set<string>;
  needsDemonym: Set<string>;
} {
  const agents = new Map<string, string>();
  const notGenitive = new Set<string>();
  const needsDemonym = new Set<string>();
  let agentWords = 1;
  for (const raw of text.split('\n')) {
    if (!raw.trim() || raw.startsWith('#')) continue;
    if (raw.startsWith('-')) {
      for (const w of raw.slice(1).split(/\s+/)) if (w) notGenitive.add(matchForm(w));
      continue;
    }
    const [noun, role, flag] = raw.split('\t');
    if (!noun || !role) continue;
    const k = noun
      .trim()
      .split(/\s+/)
      .map((w) => matchForm(w))
      .join(' ');
    agents.set(k, role.trim());
    if (flag?.trim() === 'country') needsDemonym.add(k);
    agentWords = Math.max(agentWords, k.split(' ').length);
  }
  return { agents, agentWords, notGenitive, needsDemonym };
}

/** `not-acts.tsv`: type, window (-N: within N words before the trigger, +N: within N words after) and the words. */
export function parseNotActs(text: string): Map<string, NotAct[]> {
  const out = new Map<string, NotAct[]>();
  for (const raw of text.split('\n')) {
    if (!raw.trim() || raw.startsWith('#')) continue;
    const [type, offset, words] = raw.split('\t');
    const m = /^([+-])([1-9])$/.exec(offset?.trim() ?? '');
    if (!type || !words || !m) continue;
    const list = out.get(type.trim()) ?? [];
    out.set(type.trim(), list);
    list.push({
      after: m[1] === '+',
      n: Number(m[2]),
      words: new Set(
        words
          .trim()
          .split(/\s+/)
          .map((w) => matchForm(w)),
      ),
    });
  }
  return out;
}

/** A one-word-per-line list of `data/events/` (`#` comments), in matching form. */
function readWordList(name: string): Set<string> {
  const out = new Set<string>();
  for (const raw of readFileSync(dataFile('events', name), 'utf8').split('\n')) {
    const w = raw.replace(/#.*/, '').trim();
    if (w) out.add(matchForm(w));
  }
  return out;
}

let cached: EventLexicon | undefined;
let cachedPetrarch: EventLexicon | undefined;

/** The event lexicons shipped in `data/events/` (read once). */
export function loadEventLexicon(opts: { petrarch?: boolean } = {}): EventLexicon {
  if (opts.petrarch ? cachedPetrarch : cached) return (opts.petrarch ? cachedPetrarch : cached) as EventLexicon;
  const triggers = parseTriggers(readFileSync(dataFile('events', 'triggers.tsv'), 'utf8'));
  const verbs = dataFile('events', 'verbs.tsv');
  if (opts.petrarch && existsSync(verbs)) parsePetrarchVerbs(readFileSync(verbs, 'utf8'), triggers);
  const { agents, agentWords, notGenitive, needsDemonym } = parseAgents(readFileSync(dataFile('events', 'agents.tsv'), 'utf8'));
  const blocked = new Set<string>();
  const accuseWords = new Set<string>();
  for (const raw of readFileSync(dataFile('events', 'triggers.tsv'), 'utf8').split('\n')) {
    if (raw.startsWith('!')) for (const w of raw.slice(1).split(/\s+/)) if (w) blocked.add(stemKey(w));
    if (raw.startsWith('?')) for (const w of raw.slice(1).split(/\s+/)) if (w) accuseWords.add(stemKey(w));
  }
  const agentFirst = new Set<string>();
  for (const k of agents.keys()) agentFirst.add(k.split(' ')[0]);
  const verbalNouns = parseVerbalNouns(readFileSync(dataFile('events', 'verbal-nouns.tsv'), 'utf8'));
  const lightVerbs = new Map<string, LightVerb>();
  for (const raw of readFileSync(dataFile('events', 'light-verbs.txt'), 'utf8').split('\n')) {
    const [w, ...rest] = raw.replace(/#.*/, '').trim().split(/\s+/);
    if (!w) continue;
    const not = new Set(rest.filter((x) => x.startsWith('!')).map((x) => x.slice(1)));
    const unless = new Set(rest.filter((x) => x.startsWith('+')).map((x) => matchForm(x.slice(1))));
    const via = new Set(rest.filter((x) => x.startsWith('@')).map((x) => matchForm(x.slice(1))));
    lightVerbs.set(matchForm(w), { not, unless, via });
  }
  const needsAddressee = readWordList('addressee-verbs.txt');
  const notActs = parseNotActs(readFileSync(dataFile('events', 'not-acts.tsv'), 'utf8'));
  const receiveVerbs = readWordList('receive-verbs.txt');
  const materialSupport = readWordList('material-support.txt');
  const pejoratives = readWordList('pejoratives.txt');
  const personTitles = new Set<string>();
  for (const raw of readFileSync(dataFile('kb', 'titles.txt'), 'utf8').split('\n')) {
    const w = raw.replace(/#.*/, '').trim().split(/\s+/)[0];
    if (w) personTitles.add(matchForm(w).replace(/^ال(?=..)/, ''));
  }
  for (const w of readWordList('apposition-titles.txt')) personTitles.add(w.replace(/^ال(?=..)/, ''));
  const duals = new Map<string, 'PER' | 'STATE' | 'ANY'>();
  for (const raw of readFileSync(dataFile('events', 'duals.tsv'), 'utf8').split('\n')) {
    const [w, kind] = raw.replace(/#.*/, '').trim().split(/\t+/);
    if (w && (kind === 'PER' || kind === 'STATE' || kind === 'ANY')) duals.set(matchForm(w), kind);
  }
  const lex = {
    duals,
    pejoratives,
    personTitles,
    materialSupport,
    receiveVerbs,
    triggers,
    agents,
    notActs,
    agentWords,
    notGenitive,
    needsDemonym,
    blocked,
    agentFirst,
    accuseWords,
    verbalNouns,
    lightVerbs,
    needsAddressee,
  };
  if (opts.petrarch) cachedPetrarch = lex;
  else cached = lex;
  return lex;
}

/** A word without a leading و/ف (words of 4+ letters) and its article or fused ل/ب/ك + article (what is left keeps 3+ letters). */
export function stripClitics(w: string): string {
  let x = w;
  if ((x.charCodeAt(0) === 0x648 || x.charCodeAt(0) === 0x641) && x.length > 3) x = x.slice(1);
  for (const p of ['بال', 'كال', 'لل', 'ال'])
    if (x.startsWith(p) && x.length > 4) {
      x = x.slice(p.length);
      break;
    }
  return x;
}

/** The PLOVER types the lexicon gives a word (matching form) through its context-free trigger entries. */
export function contextFreeTypes(lex: EventLexicon, norm: string): string[] {
  const out = new Set<string>();
  for (const st of stemsCached(norm)) for (const x of lex.triggers.get(st) ?? []) if (!x.after.length && !x.before.length) out.add(x.type);
  return [...out];
}
