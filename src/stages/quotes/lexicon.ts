import { readFileSync } from 'node:fs';
import { dataFile } from '../../core/paths.ts';
import { matchForm } from '../../text/normalize.ts';

export type CueKind = 'say' | 'act' | 'part' | 'attr' | 'need' | 'nonspeaker' | 'none';

export interface CueEntry {
  kind: CueKind;
  /** Matching forms of the words after the first (phrase cues). */
  rest: string[];
  /** For `need` cues: the preposition that must follow (matching form). */
  prep?: string;
  /** Prepositions that open the content when there is no أن/إن ("ب" = a word with fused بـ). */
  preps?: string[];
  /** Intransitive with its preposition (تعهد بـ، ندد بـ): the noun phrase before it is the subject, not an object. */
  intr?: boolean;
  /** One noun phrase between the cue and بأن is its object (اتهمه بأنه، وصفه بأنه): the subject is carried over. */
  objAn?: boolean;
  /** Also means "convict" (أدان): a charge word after it in the sentence makes it a verdict, not a statement. */
  judicial?: boolean;
  /** A verbal noun of saying in construct with its speaker ("قبيل إعلان رئيس المجلس الأوروبي أن"): a cue only when أن
   * follows its speaker phrase, and also after a preposition ("بعد تأكيد الوزير أن"). */
  noun?: boolean;
  /** Flag `written`: the first word matches only as written in the lexicon, final ى and hamza included, after و/ف and
   * without diacritics (رأى the verb, not رأي "opinion" nor the name راي). */
  written?: string;
  /** Set on a match whose verb carries its object as a pronoun (وتتهمه): after الذي/التي that pronoun is the noun before. */
  pronObj?: boolean;
}

export interface CueLexicon {
  /** First word (matching form, no conjunction) to entries, longest phrase first. */
  byFirst: Map<string, CueEntry[]>;
  /** Words with a fused بـ that never open a cue's content ("المتحدث باسم الحكومة"; matching forms): kind `noopen`. */
  nonOpeners: Set<string>;
  /** Charge words (بتهمة، بجريمة; matching forms): after a judicial cue they make it a verdict. */
  charges: Set<string>;
  /** Words that are never speakers after an attribution phrase (matching forms). */
  nonSpeakers: Set<string>;
  /** Head nouns that open a speaker phrase (matching forms without ال). */
  speakerHeads: Set<string>;
  /** Relational heads (أسرة، محامي، نجل، أنصار): in construct with a name they name someone else (`data/quotes/relational.txt`; keys as `headKey`). */
  relational: Set<string>;
  /** Documents that speak for their issuer (البيان، الخطاب; matching forms): `data/quotes/statements.txt`. */
  statements: Set<string>;
  /** Bodies that pass laws (برلمان، مجلس): with أقر they approve, not admit: `data/quotes/legislatures.txt`. */
  legislatures: Set<string>;
  /** Adverbs of time and "also" between a verb and its subject (matching forms): `data/quotes/adverbs.txt`. */
  adverbs: Set<string>;
  /** Openers of a narrator clause after a comma, one or two words (matching forms): `data/quotes/clause-ends.txt`. */
  clauseEnds: Set<string>;
  /** Of those, the ones that end the content only before a past verb or a noun (كما). */
  clauseEndsPast: Set<string>;
  /** Stance nouns (معارضة، رفض، تمسك; matching forms, final ة as ه): with a possessive pronoun they open a say cue's content (`data/quotes/stances.txt`). */
  stances: Set<string>;
  /** Words that may be the subject of اعتبر with a pronoun object without being speaker heads (البعض، الجميع; matching forms): `data/quotes/opinion-holders.txt`. */
  opinionHolders: Set<string>;
  /** Heads of a quantity (العديد، عدد، بعض; matching forms) whose من stays in a speaker phrase (`data/quotes/quantities.txt`). */
  quantities: Set<string>;
  /** Titles that name a person (the first words of `data/kb/titles.txt`, keys as `headKey`: وزير، مبعوث، متحدث), unlike
   * institutional heads (منظمة، تحالف) of `speakerHeads`. */
  personTitles: Set<string>;
}

/** Strip و and ال from a matching form: the key of `speakerHeads`. */
export function headKey(norm: string): string {
  let w = norm;
  if (w.startsWith('وال') && w.length > 4) w = w.slice(1);
  if (w.startsWith('ال') && w.length > 3) w = w.slice(2);
  return w;
}

/** Whether a word (matching form) is a relational head of `lex` (أسرة، محامي، نجل، أنصار), with or without و/ف and ال. */
export function isRelational(lex: CueLexicon, norm: string): boolean {
  return lex.relational.has(headKey(norm)) || (/^[وف]../.test(norm) && lex.relational.has(headKey(norm.slice(1))));
}

/** Parse `data/quotes/cues.tsv` (format in its header). */
export function parseCues(
  text: string,
  heads = '',
  statementList = '',
  adverbList = '',
  clauseEndList = '',
  relationalList = '',
  stanceList = '',
  quantityList = '',
  personTitleList = '',
  opinionList = '',
  legislatureList = '',
): CueLexicon {
  const byFirst = new Map<string, CueEntry[]>();
  const nonSpeakers = new Set<string>();
  const nonOpeners = new Set<string>();
  const charges = new Set<string>();
  const speakerHeads = new Set<string>();
  for (const raw of heads.split('\n')) {
    const line = raw.trim();
    if (line && !line.startsWith('#')) {
      const h = headKey(matchForm(line.split('\t')[0]));
      speakerHeads.add(h);
      // the dual ("الوزيران"، "مسؤولين"), for a feminine head also in construct ("شركتا كامبريدج أناليتيكا وفيسبوك"; a
      // masculine وزيرا/مسؤولا is as often the accusative: "اختير رئيسا")
      if (h.length > 2 && !/(ون|ين|ان|ات|و)$/.test(h)) {
        const fem = h.endsWith('ه');
        const stem = fem ? `${h.slice(0, -1)}ت` : h;
        for (const x of fem ? ['ان', 'ين', 'ا'] : ['ان', 'ين']) speakerHeads.add(stem + x);
      }
    }
  }
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [form, kind, extra, flags] = line.split('\t');
    if (!form || !kind) continue;
    const ws = form.trim().split(/\s+/).map(matchForm);
    if (kind.trim() === 'noopen') {
      nonOpeners.add(ws[0]);
      continue;
    }
    if (kind.trim() === 'nonspeaker') {
      nonSpeakers.add(ws[0]);
      continue;
    }
    if (kind.trim() === 'charge') {
      charges.add(ws[0]);
      continue;
    }
    const e: CueEntry = { kind: kind.trim() as CueKind, rest: ws.slice(1) };
    if (e.kind === 'need' && extra) e.prep = matchForm(extra.trim());
    else if (extra)
      e.preps = extra
        .split(',')
        .map((x) => matchForm(x.trim()))
        .filter(Boolean);
    const fl = (flags ?? '').split(',').map((x) => x.trim());
    if (fl.includes('intr')) e.intr = true;
    if (fl.includes('objan')) e.objAn = true;
    if (fl.includes('judicial')) e.judicial = true;
    if (fl.includes('noun')) e.noun = true;
    if (fl.includes('written'))
      e.written = form
        .trim()
        .split(/\s+/)[0]
        .replace(/[\u064B-\u0652\u0640]/g, '');
    const l = byFirst.get(ws[0]) ?? [];
    l.push(e);
    l.sort((a, b) => b.rest.length - a.rest.length);
    byFirst.set(ws[0], l);
  }
  const statements = wordSet(statementList);
  const adverbs = wordSet(adverbList);
  const clauseEnds = new Set<string>();
  const clauseEndsPast = new Set<string>();
  for (const raw of clauseEndList.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [form, flag] = line.split('\t');
    const key = form.trim().split(/\s+/).map(matchForm).join(' ');
    clauseEnds.add(key);
    if (flag?.trim() === 'past') clauseEndsPast.add(key);
  }
  const relational = new Set<string>();
  for (const raw of relationalList.split('\n')) {
    const line = raw.trim();
    if (line && !line.startsWith('#')) relational.add(headKey(matchForm(line)));
  }
  const stances = wordSet(stanceList);
  const quantities = wordSet(quantityList);
  const personTitles = new Set<string>();
  for (const raw of personTitleList.split('\n')) {
    const line = raw.trim();
    if (line && !line.startsWith('#')) personTitles.add(headKey(matchForm(line.split(/\s+/)[0])));
  }
  return {
    byFirst,
    nonSpeakers,
    nonOpeners,
    charges,
    speakerHeads,
    relational,
    statements,
    adverbs,
    clauseEnds,
    clauseEndsPast,
    stances,
    quantities,
    personTitles,
    opinionHolders: wordSet(opinionList),
    legislatures: wordSet(legislatureList),
  };
}

/** One word per line (`#` comments), in matching form. */
function wordSet(list: string): Set<string> {
  const out = new Set<string>();
  for (const raw of list.split('\n')) {
    const line = raw.trim();
    if (line && !line.startsWith('#')) out.add(matchForm(line));
  }
  return out;
}

/** A head of a quantity of `lex.quantities` (العديد، عدد), with or without و/ف. */
export function isQuantity(lex: CueLexicon, norm: string): boolean {
  return lex.quantities.has(norm) || (/^[وف]../.test(norm) && lex.quantities.has(norm.slice(1)));
}

/**
 * A stance noun with a possessive pronoun ("معارضتها"، "رفضه"، "تأييدهم"; matching form, with or without و): the noun
 * of `lex.stances` with ه/ها/هم/هما/هن after it, a final ة written ت.
 */
export function isStance(lex: CueLexicon, norm: string): boolean {
  const m = /^(.{2,}?)(ه|ها|هم|هما|هن)$/.exec(norm.startsWith('و') && norm.length > 4 ? norm.slice(1) : norm);
  if (!m) return false;
  const stem = m[1];
  return lex.stances.has(stem) || (stem.endsWith('ت') && lex.stances.has(`${stem.slice(0, -1)}ه`));
}

let cached: CueLexicon | undefined;

/** The cue lexicon shipped in `data/quotes/cues.tsv` (read once). */
export function loadCues(): CueLexicon {
  cached ??= parseCues(
    readFileSync(dataFile('quotes', 'cues.tsv'), 'utf8'),
    readFileSync(dataFile('quotes', 'speakers.tsv'), 'utf8'),
    readFileSync(dataFile('quotes', 'statements.txt'), 'utf8'),
    readFileSync(dataFile('quotes', 'adverbs.txt'), 'utf8'),
    readFileSync(dataFile('quotes', 'clause-ends.txt'), 'utf8'),
    readFileSync(dataFile('quotes', 'relational.txt'), 'utf8'),
    readFileSync(dataFile('quotes', 'stances.txt'), 'utf8'),
    readFileSync(dataFile('quotes', 'quantities.txt'), 'utf8'),
    readFileSync(dataFile('kb', 'titles.txt'), 'utf8'),
    readFileSync(dataFile('quotes', 'opinion-holders.txt'), 'utf8'),
    readFileSync(dataFile('quotes', 'legislatures.txt'), 'utf8'),
  );
  return cached;
}

/** A perfect of form VII/VIII with a damma on its second letter (اتُّهم، انتُقد): a passive, whose subject does not act. */
export const PASSIVE_VIII = /^[وف]?[اإ]\p{L}\u064F/u;
