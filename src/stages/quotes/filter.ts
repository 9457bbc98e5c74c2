/**
 * The learned quote filter: a logistic regression over each quote the rules of `extract.ts` found, estimating the
 * probability that the annotators would count it (a gold quote whose text it covers by half and whose speaker it
 * names, the scorer's rule). Quotes below the model's threshold are dropped. Features are read from the quote, the
 * cue lexicon and the layers of the earlier stages (tokens, morph tags, entities): the cue and its kind, how the
 * content opens, its length, verbs and negation, the speaker's kind and how it was found, positions.
 * Model file `models/quotes-filter.tsv` (`khabar train quotes-filter`; card `models/quotes-filter.md`).
 */

import { firstTokenFrom } from '../../core/offsets.ts';
import type { Doc, Quote, Token } from '../../core/types.ts';
import { sigmoid } from '../../learn/logreg.ts';
import { formatWeightsTsv, loadOnce, parseWeightsTsv } from '../../learn/weights-tsv.ts';
import { matchForm } from '../../text/normalize.ts';
import { type CueLexicon, headKey } from './lexicon.ts';

export interface QuoteFilterModel {
  bias: number;
  weights: Map<string, number>;
  /** Quotes whose probability is below it are dropped. */
  threshold: number;
  header: string;
}

const NEG = new Set(['لا', 'لم', 'لن', 'ما', 'ولا', 'ولم', 'ولن', 'ليس', 'ليست', 'غير', 'عدم']);
const AN = new Set(['ان', 'وان', 'بان', 'لان', 'انه', 'انها', 'انهم', 'بانه', 'بانها', 'بانهم', 'انما']);
const PREP = new Set(['الي', 'علي', 'عن', 'من', 'في', 'مع', 'ضد', 'حول', 'بشان', 'تجاه', 'لـ', 'ل']);
const QMARK = /^["«»“”'‘’]$/;

/** Strip a conjunction و/ف (three letters left at least). */
function stripConj(w: string): string {
  const c = w.charCodeAt(0);
  return (c === 0x648 || c === 0x641) && w.length >= 3 ? w.slice(1) : w;
}

function bucket(n: number, edges: readonly number[]): string {
  for (const e of edges) if (n <= e) return `<=${e}`;
  return `>${edges[edges.length - 1]}`;
}

const tokenAt = firstTokenFrom;

/** The kind of a cue as written (`colon` for a headline colon, `none` when the lexicon does not list it). */
export function cueKind(cue: string, lex: CueLexicon): string {
  if (cue.trim() === ':') return 'colon';
  const ws = cue.trim().split(/\s+/).map(matchForm);
  for (const first of [ws[0], stripConj(ws[0])]) {
    const list = lex.byFirst.get(first);
    if (!list) continue;
    const e = list.find((x) => x.rest.length === ws.length - 1 && x.rest.every((r, k) => r === ws[k + 1])) ?? list[0];
    return e.kind;
  }
  // an act verb with its object as a pronoun (وتتهمه): its stem is the cue
  const m = /^(.{3,}?)(ه|ها|هم|هما)$/.exec(stripConj(ws[0]));
  if (m && (lex.byFirst.has(m[1]) || lex.byFirst.has(`${m[1]}ا`))) return 'act';
  return 'none';
}

/** The features of each quote of a doc (same order). */
export function quoteFeatures(doc: Doc, quotes: readonly Quote[], lex: CueLexicon): string[][] {
  const toks = doc.tokens;
  // upos of the first word of each token (the morph stage's tags), VERB when any of its words is a verb
  const upos: Array<string | undefined> = new Array(toks.length);
  const hasVerb = new Uint8Array(toks.length);
  for (const w of doc.words ?? []) {
    if (w.token < 0 || w.token >= toks.length) continue;
    if (w.upos === 'VERB') hasVerb[w.token] = 1;
    if (upos[w.token] === undefined && w.upos !== 'CCONJ' && w.upos !== 'DET') upos[w.token] = w.upos;
  }
  const entById = new Map((doc.entities ?? []).map((e) => [e.id, e]));
  const spkCount = new Map<string, number>();
  for (const q of quotes) {
    const k = q.speaker ?? `t:${q.speakerText}`;
    spkCount.set(k, (spkCount.get(k) ?? 0) + 1);
  }
  const perSentence = new Map<number, number>();
  const sentOf = (pos: number): number => {
    const k = tokenAt(toks, pos);
    return k < toks.length ? toks[k].sentence : (toks[toks.length - 1]?.sentence ?? 0);
  };
  for (const q of quotes) {
    const s = sentOf(q.start);
    perSentence.set(s, (perSentence.get(s) ?? 0) + 1);
  }
  const isWord = (t: Token | undefined): boolean => !!t && t.kind !== 'punct' && t.kind !== 'symbol';
  return quotes.map((q) => {
    const f: string[] = [];
    const add = (x: string): void => {
      f.push(x);
    };
    const kind = cueKind(q.cue, lex);
    const cueWs = q.cue.trim().split(/\s+/).map(matchForm);
    const cueForm = cueWs.join(' ');
    const cueStripped = [stripConj(cueWs[0]), ...cueWs.slice(1)].join(' ');
    const d = q.direct ? 'd' : 'i';
    add(`cue=${cueForm}`);
    add(`cs=${cueStripped}`);
    add(`k=${kind}`);
    add(`kd=${kind}|${d}`);
    add(`csd=${cueStripped}|${d}`);
    // the content's tokens
    const a = tokenAt(toks, q.start);
    let b = a;
    while (b < toks.length && toks[b].end <= q.end) b++;
    const content = toks.slice(a, b).filter(isWord);
    const n = content.length;
    const len = bucket(n, [2, 4, 7, 12, 20, 35]);
    add(`len=${len}`);
    add(`klen=${kind}|${len}`);
    // how the content opens: the token before it (أن/إن, a colon, a quotation mark) or its first word (a preposition)
    let p = a - 1;
    let quoted = false;
    while (p >= 0 && QMARK.test(toks[p].text)) {
      quoted = true;
      p--;
    }
    const prev = p >= 0 ? toks[p] : undefined;
    const prevN = prev ? (isWord(prev) ? stripConj(prev.norm) : prev.text) : '^';
    const fw = content[0] ? content[0].norm : '';
    const fw0 = stripConj(fw);
    let open = 'noun';
    if (AN.has(prevN) || AN.has(prev?.norm ?? '')) open = 'an';
    else if (prevN === ':') open = 'colon';
    else if (quoted || q.direct) open = 'quote';
    else if (PREP.has(fw0) || PREP.has(fw)) open = `prep`;
    else if (/^ب(?!ان)../.test(fw)) open = 'bi';
    else if (upos[a] === 'VERB' || hasVerb[a]) open = 'verb';
    else if (fw0 === 'عدم' || NEG.has(fw)) open = 'neg';
    add(`open=${open}`);
    add(`ko=${kind}|${open}`);
    add(`co=${cueStripped}|${open}`);
    add(`prev=${prevN}`);
    add(`fw=${fw0}`);
    add(`kfw=${kind}|${fw0}`);
    add(`fu=${upos[a] ?? '-'}`);
    add(`kfu=${kind}|${upos[a] ?? '-'}`);
    if (content[1]) add(`fw2=${stripConj(content[1].norm)}`);
    // verbs and negation in the content
    let verbs = 0;
    for (let k = a; k < b; k++) verbs += hasVerb[k];
    add(`verbs=${bucket(verbs, [0, 1, 2])}`);
    add(`kverbs=${kind}|${verbs > 0}`);
    if (content.slice(0, 3).some((t) => NEG.has(t.norm))) add('neg=content');
    // the cue: where it is (before the content, after it, not found nearby) and a negation before it
    let cuePos = 'none';
    let cueTok = -1;
    if (kind !== 'colon') {
      for (let k = a - 1; k >= Math.max(0, a - 40); k--)
        if (toks[k].norm === cueWs[0] || stripConj(toks[k].norm) === stripConj(cueWs[0])) {
          cueTok = k;
          cuePos = 'before';
          break;
        }
      if (cueTok < 0)
        for (let k = b; k < Math.min(toks.length, b + 40); k++)
          if (toks[k].norm === cueWs[0] || stripConj(toks[k].norm) === stripConj(cueWs[0])) {
            cueTok = k;
            cuePos = 'after';
            break;
          }
    } else cuePos = 'colon';
    add(`cuepos=${cuePos}`);
    if (cueTok >= 0 && cuePos === 'before') {
      const gap = a - cueTok;
      add(`gap=${bucket(gap, [1, 2, 3, 5, 8, 15])}`);
      add(`kgap=${kind}|${bucket(gap, [1, 3, 8])}`);
      for (let k = Math.max(0, cueTok - 2); k < cueTok; k++) if (NEG.has(toks[k].norm)) add('neg=cue');
    }
    // the speaker
    const ent = q.speaker ? entById.get(q.speaker) : undefined;
    const spkWs = matchForm(q.speakerText).split(/\s+/).filter(Boolean);
    let spk: string;
    if (!q.speakerSpan) spk = ent ? `carried-ent:${ent.type}` : 'carried-desc';
    else if (ent) spk = `ent:${ent.type}`;
    else spk = 'desc';
    add(`spk=${spk}`);
    add(`kos=${kind}|${open}|${spk}`);
    add(`csspk=${cueStripped}|${spk}`);
    add(`csfu=${cueStripped}|${upos[a] ?? '-'}`);
    for (const t of content.slice(0, 12)) add(`cw=${stripConj(t.norm)}`);
    for (const w of spkWs) add(`sw=${headKey(w)}`);
    add(`kspk=${kind}|${spk}`);
    add(`spn=${bucket(spkWs.length, [1, 2, 3, 5, 8])}`);
    if (spkWs[0]) {
      const h = headKey(spkWs[0]);
      add(`sh=${h}`);
      if (lex.speakerHeads.has(h)) add('shead');
    }
    if (spkWs.length > 1) add(`sl=${headKey(spkWs[spkWs.length - 1])}`);
    if (ent) {
      add(`em=${bucket(ent.mentions.length, [1, 2, 4, 8])}`);
      if (ent.kbId) add('kb');
      if (q.speakerSpan) {
        const exact = ent.mentions.some((m) => m.start === q.speakerSpan?.start && m.end === q.speakerSpan?.end);
        const inside = ent.mentions.some((m) => m.start >= (q.speakerSpan?.start ?? 0) && m.end <= (q.speakerSpan?.end ?? 0));
        add(`smatch=${exact ? 'exact' : inside ? 'inside' : 'loose'}`);
      }
    }
    if (q.speakerSpan) {
      const sa = tokenAt(toks, q.speakerSpan.start);
      let sb = sa;
      while (sb < toks.length && toks[sb].end <= q.speakerSpan.end) sb++;
      let sv = 0;
      for (let k = sa; k < sb; k++) sv += hasVerb[k];
      if (sv) add('spk-verb');
      if (sb > sa) add(`slu=${upos[sb - 1] ?? '-'}`);
      add(`spu=${[...Array(Math.min(4, sb - sa)).keys()].map((k) => upos[sa + k] ?? '-').join('-')}`);
      const where =
        q.speakerSpan.end <= q.start ? (cueTok >= 0 && q.speakerSpan.start > toks[cueTok].start ? 'cue<spk<q' : 'spk<q') : 'q<spk';
      add(`spos=${where}`);
      add(`kspos=${kind}|${where}`);
      if (cueTok >= 0 && cuePos === 'before' && q.speakerSpan.start > toks[cueTok].start)
        add(`sgap=${bucket(tokenAt(toks, q.speakerSpan.start) - cueTok, [1, 2, 4])}`);
    }
    add(`spkq=${bucket(spkCount.get(q.speaker ?? `t:${q.speakerText}`) ?? 1, [1, 2, 4])}`);
    // position: headline, sentence number, sentence start, quotes in the same sentence
    const si = sentOf(q.start);
    const sent = doc.sentences[si];
    add(`sent=${sent?.zone === 'headline' ? 'title' : bucket(si, [1, 2, 4, 8])}`);
    if (sent && a === sent.tokenStart) add('sstart');
    if (sent && b >= sent.tokenEnd - 1) add('send');
    add(`nsent=${bucket(perSentence.get(si) ?? 1, [1, 2, 3])}`);
    let qm = 0;
    for (let k = a; k < b; k++) if (QMARK.test(toks[k].text)) qm++;
    if (qm) add('inner-quotes');
    return f;
  });
}

/** The probability of each quote. */
export function scoreQuotes(m: QuoteFilterModel, feats: readonly string[][]): number[] {
  return feats.map((fs) => {
    let z = m.bias;
    for (const x of fs) z += m.weights.get(x) ?? 0;
    return sigmoid(z);
  });
}

/** The quotes the model keeps (probability at or above its threshold). */
export function filterQuotes(doc: Doc, quotes: Quote[], lex: CueLexicon, m: QuoteFilterModel, threshold = m.threshold): Quote[] {
  if (!quotes.length) return quotes;
  const p = scoreQuotes(m, quoteFeatures(doc, quotes, lex));
  return quotes.filter((_, i) => p[i] >= threshold);
}

export function formatQuoteFilter(m: QuoteFilterModel): string {
  return formatWeightsTsv(
    m.header,
    [
      ['threshold', m.threshold],
      ['bias', m.bias],
    ],
    m.weights,
  );
}

export function parseQuoteFilter(text: string): QuoteFilterModel {
  const t = parseWeightsTsv(text, new Set(['threshold', 'bias']), 'quote filter');
  return {
    bias: Number(t.params.get('bias') ?? 0),
    weights: t.weights,
    threshold: Number(t.params.get('threshold') ?? 0.5),
    header: t.header,
  };
}

/** The model file at `path`, or null when there is none (read once per path). */
export const loadQuoteFilter: (path: string) => QuoteFilterModel | null = loadOnce(parseQuoteFilter);
