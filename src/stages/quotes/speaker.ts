/**
 * The learned speaker choice: for each quote the rules of `extract.ts` found, the candidates for its speaker (the
 * rules' own choice, every person, organisation or place named in the quote's sentence or the two before it, outside
 * any quoted words, and the speaker of the previous quote) are scored by a conditional logit over where each stands
 * with respect to the cue and the content, its type, and what the rules chose; the quote takes the best candidate when
 * it beats the rules' choice by the model's margin. Trained on khabar's stand-off quote annotations
 * (`khabar train quotes-speaker`, `train-speaker.ts`); model file `models/quotes-speaker.tsv`, card
 * `models/quotes-speaker.md`. Without the file the rules' speakers stand.
 */
import { firstTokenFrom, tokenContaining } from '../../core/offsets.ts';
import type { Doc, Entity, Mention, Quote, Span } from '../../core/types.ts';
import { sigmoid } from '../../learn/logreg.ts';
import { formatWeightsTsv, loadOnce, parseWeightsTsv } from '../../learn/weights-tsv.ts';
import { matchForm } from '../../text/normalize.ts';
import { cueGender } from './extract.ts';
import { cueKind } from './filter.ts';
import type { CueLexicon } from './lexicon.ts';

export interface SpeakerModel {
  bias: number;
  weights: Map<string, number>;
  /** A candidate replaces the rules' speaker when its probability exceeds the rules' by this much. */
  margin: number;
  /** `logreg`: each candidate's probability on its own; `logit`: a softmax over the quote's candidates. */
  kind: 'logreg' | 'logit';
  header: string;
}

/** One candidate speaker of a quote. */
export interface SpeakerCandidate {
  /** Entity id, or null for the rules' descriptive phrase. */
  entity: string | null;
  /** The phrase as written (the rules' phrase, or the candidate's mention nearest the cue). */
  text: string;
  span?: Span;
  /** The rules' own choice. */
  rule: boolean;
  feats: string[];
}

const PREP = new Set(['في', 'من', 'الي', 'علي', 'عن', 'مع', 'ضد', 'بين', 'لدي', 'حول', 'بشان', 'تجاه', 'بحق', 'عبر', 'ل', 'لـ']);
const TYPES = new Set(['PER', 'ORG', 'LOC']);

function bucket(n: number, edges: readonly number[]): string {
  for (const e of edges) if (n <= e) return `${e}`;
  return `>${edges[edges.length - 1]}`;
}

/** Index of the sentence holding `pos`. */
const sentenceAt = (doc: Doc, pos: number): number => tokenContaining(doc.sentences, pos);

/** Index of the first token starting at or after `pos`. */
const tokenAt = (doc: Doc, pos: number): number => firstTokenFrom(doc.tokens, pos);

/** Where the quote's cue is: its last occurrence before the content (within 300 characters), else the first after it. */
function cueSpan(doc: Doc, q: Quote): Span | null {
  const cue = q.cue.trim();
  if (!cue) return null;
  const before = doc.text.lastIndexOf(cue, q.start - cue.length);
  if (before >= 0 && before >= q.start - 300) return { start: before, end: before + cue.length };
  const after = doc.text.indexOf(cue, q.end);
  if (after >= 0 && after <= q.end + 200) return { start: after, end: after + cue.length };
  return null;
}

/** The rules' speaker kind: an entity's type, a phrase, or carried over (no span). */
function ruleKind(q: Quote, byId: Map<string, Entity>): string {
  if (q.speaker !== null) return `ent-${byId.get(q.speaker)?.type ?? '?'}`;
  return q.speakerSpan ? 'desc' : 'carried';
}

/** The candidates of each quote, with their features (the quotes' order). */
export function speakerCandidates(doc: Doc, quotes: readonly Quote[], lex: CueLexicon): SpeakerCandidate[][] {
  const ents = (doc.entities ?? []).filter((e) => TYPES.has(e.type));
  const byId = new Map((doc.entities ?? []).map((e) => [e.id, e]));
  const counts = new Map(ents.map((e) => [e.id, e.mentions.length]));
  const topPer = ents
    .filter((e) => e.type === 'PER')
    .reduce<Entity | null>((a, e) => (!a || e.mentions.length > a.mentions.length ? e : a), null);
  const headlineEnd = doc.sentences.find((s) => s.zone !== 'headline')?.start ?? 0;
  // tokens holding a verb (from the morph stage's UPOS, when it ran)
  const verb = new Uint8Array(doc.tokens.length);
  for (const w of doc.words ?? []) if (w.upos === 'VERB' || w.upos === 'AUX') verb[w.token] = 1;
  const afterVerb = (start: number): string => {
    const ti = tokenAt(doc, start);
    if (ti > 0 && verb[ti - 1]) return 'v1';
    if (ti > 1 && verb[ti - 2]) return 'v2';
    return 'v0';
  };
  // a name inside quoted words (this quote's or another's) is spoken about, not speaking
  const spans = quotes.map((x) => [x.start, x.end]).sort((a, b) => a[0] - b[0]);
  const inQuoted = (m: Span): boolean => {
    for (const [a, b] of spans) {
      if (a > m.start) break;
      if (m.end <= b) return true;
    }
    return false;
  };
  // a person's grammatical gender from the document: a verb right before a mention (قالت، تقول: feminine; قال، يقول:
  // masculine; the mention may be the object, so this counts once) and أنه/أنها right after one (twice); '?' when the
  // evidence is absent or split
  const genderOf = new Map<string, string>();
  for (const e of ents) {
    if (e.type !== 'PER') continue;
    let fem = 0;
    let masc = 0;
    for (const m of e.mentions) {
      const ti = tokenAt(doc, m.start);
      if (ti > 0 && verb[ti - 1]) {
        const v = doc.tokens[ti - 1].norm.replace(/^[وف]/, '');
        if (v.length >= 3 && (v.endsWith('ت') || (v.startsWith('ت') && v.length >= 4))) fem++;
        else masc++;
      }
      const ni = tokenAt(doc, m.end);
      for (let k = ni; k < Math.min(ni + 2, doc.tokens.length); k++) {
        const w = doc.tokens[k].norm.replace(/^[وفبل]/, '');
        if (w === 'انه') masc += 2;
        else if (w === 'انها') fem += 2;
      }
    }
    genderOf.set(e.id, fem > masc ? 'f' : masc > fem ? 'm' : '?');
  }
  const out: SpeakerCandidate[][] = [];
  let prevSpeaker: string | null = null;
  for (const q of quotes) {
    const cue = cueSpan(doc, q);
    const anchor = cue ? cue.start : q.start;
    const cueAfter = cue !== null && cue.start >= q.end;
    const si = sentenceAt(doc, anchor);
    const from = doc.sentences[Math.max(0, si - 2)]?.start ?? 0;
    const to = doc.sentences[si]?.end ?? doc.text.length;
    const kind = ruleKind(q, byId);
    const ck = cueKind(q.cue, lex);
    const g = cueGender(matchForm(q.cue.trim().split(/\s+/)[0] ?? ''), lex) ?? 'x';
    const cn = matchForm(q.cue.trim().split(/\s+/).pop() ?? '').replace(/^[وف]/, '');
    // the word before the cue (الذي نفى: the noun before the relative pronoun speaks)
    const cti = cue ? tokenAt(doc, cue.start) : -1;
    const cpw = cti > 0 ? doc.tokens[cti - 1].norm : '';
    const part = /^(م\S{3,}|قائل|لافت|داعي|واصف|محذر)[اه]$/.test(cn) ? 'part' : 'fin';
    const ruleWords = matchForm(q.speakerText).trim().split(/\s+/).filter(Boolean);
    const rw1 = ruleWords[0] ?? '';
    const rlast = ruleWords[ruleWords.length - 1] ?? '';
    const ruleCtx = [`rk=${kind}`, `rk=${kind}|ck=${ck}`, `rw1=${rw1}`, `rk=${kind}|${part}`];
    const cands: SpeakerCandidate[] = [];
    // the rules' choice
    const ruleF = [
      'rule',
      `rule|rk=${kind}`,
      `rule|rk=${kind}|ck=${ck}`,
      `rule|w1=${rw1}`,
      `rule|wl=${rlast}`,
      `rule|n=${bucket(ruleWords.length, [1, 2, 3, 5])}`,
      `rule|g=${g}|rk=${kind}`,
      `rule|${part}|rk=${kind}`,
    ];
    if (q.speakerSpan) {
      const rs = sentenceAt(doc, q.speakerSpan.start);
      ruleF.push(`rule|sd=${bucket(si - rs, [-1, 0, 1, 2])}`);
      if (cue) ruleF.push(`rule|cd=${bucket(Math.abs(tokenAt(doc, q.speakerSpan.start) - tokenAt(doc, cue.end)), [0, 1, 3, 8])}`);
      const av = afterVerb(q.speakerSpan.start);
      ruleF.push(`rule|${av}`, `rule|${av}|${part}`);
      const rt = tokenAt(doc, q.speakerSpan.start);
      const rpn = rt > 0 ? doc.tokens[rt - 1].norm : '';
      ruleF.push(`rule|pw=${rpn}`, `rule|pw=${rpn}|${part}`);
      ruleF.push(`rule|cpw=${cpw}`);
    }
    if (q.speaker !== null && q.speaker === prevSpeaker) ruleF.push(`rule|prev|rk=${kind}`);
    // an entity the rules reached from a phrase that is none of its mentions (a head noun or a title: وذكرت الوكالة)
    if (q.speaker !== null) {
      const sp = byId.get(q.speaker);
      const asWritten = sp?.mentions.some((m) => m.text === q.speakerText) ?? false;
      ruleF.push(`rule|asWritten=${asWritten}`, `rule|asWritten=${asWritten}|w1=${rw1}`);
    }
    const ruleCand: SpeakerCandidate = { entity: q.speaker, text: q.speakerText, span: q.speakerSpan, rule: true, feats: ruleF };
    cands.push(ruleCand);
    let rulePos: Span | undefined = q.speakerSpan;
    // named candidates near the quote
    for (const e of ents) {
      let best: Mention | null = null;
      let bestDist = Number.POSITIVE_INFINITY;
      for (const m of e.mentions) {
        if (m.start < from || m.start >= to) continue;
        if (inQuoted(m)) continue;
        const d = Math.abs(m.start - anchor);
        if (d < bestDist) {
          bestDist = d;
          best = m;
        }
      }
      const isPrev = e.id === prevSpeaker;
      if (!best && !isPrev) continue;
      // a cue agrees with its subject in gender: a person of the other gender is no candidate (unless the rules chose them)
      const pg = e.type === 'PER' ? (genderOf.get(e.id) ?? '?') : '?';
      if (q.speaker !== e.id && pg !== '?' && g !== 'x' && pg !== g) continue;
      const f: string[] = ['ent', `t=${e.type}`, `t=${e.type}|g=${g}`, `t=${e.type}|ck=${ck}`];
      for (const r of ruleCtx) f.push(`ent|${r}`, `ent|t=${e.type}|${r}`);
      f.push(`n=${bucket(counts.get(e.id) ?? 0, [1, 2, 4, 8])}|t=${e.type}`);
      if (e.type === 'PER') f.push(`gag=${g}|${pg}`);
      if (e === topPer) f.push('topPer');
      if (isPrev) f.push('prev', `prev|rk=${kind}`);
      if (best) {
        const ms = sentenceAt(doc, best.start);
        let where: string;
        if (ms < si) where = `s-${si - ms}`;
        else if (best.end <= q.start && (!cue || cueAfter || best.start >= cue.end)) where = 'afterCue';
        else if (best.end <= q.start) where = 'beforeCue';
        else where = cueAfter && cue && best.start >= cue.end ? 'afterPostCue' : 'afterContent';
        const ti = tokenAt(doc, best.start);
        const ct = cue ? tokenAt(doc, where === 'beforeCue' ? cue.start : cue.end) : tokenAt(doc, q.start);
        const dist = where === 'beforeCue' ? ct - tokenAt(doc, best.end) : ti - ct;
        const av = afterVerb(best.start);
        f.push(
          `w=${where}`,
          `w=${where}|t=${e.type}`,
          `w=${where}|d=${bucket(dist, [0, 1, 2, 4, 8, 16])}`,
          `w=${where}|rk=${kind}`,
          `w=${where}|${part}`,
          `w=${where}|${av}`,
          `w=${where}|${av}|${part}`,
          `w=${where}|${av}|rk=${kind}`,
        );
        const prevTok = ti > 0 ? doc.tokens[ti - 1] : null;
        const pn = prevTok ? prevTok.norm : '';
        const nt = tokenAt(doc, best.end);
        const nn = nt < doc.tokens.length ? doc.tokens[nt].norm : '';
        f.push(`pw=${pn}`, `pw=${pn}|${part}`, `cue=${cn}|w=${where}`, `nw=${nn}|w=${where}`, `cpw=${cpw}|w=${where}`);
        const mn = matchForm(best.text);
        if (PREP.has(pn) || /^[لب](?!ل)/.test(mn) || /^لل/.test(mn)) f.push(`prep|w=${where}`);
        if (prevTok && /^["«“]$/.test(prevTok.text)) f.push('afterQuoteMark');
        if (best.start < headlineEnd) f.push('headline');
        if (q.speakerSpan && best.start < q.speakerSpan.end && best.end > q.speakerSpan.start)
          f.push('inRuleSpan', `inRuleSpan|rk=${kind}`);
      } else f.push('w=none');
      if (q.speaker === e.id) {
        // the rules chose this entity: one candidate (placed, for the order below, at the rules' span or this mention)
        ruleCand.feats.push(...f.map((x) => `r+${x}`));
        rulePos = q.speakerSpan ?? (best ? { start: best.start, end: best.end } : undefined);
        continue;
      }
      cands.push({
        entity: e.id,
        text: best ? best.text : e.name,
        span: best ? { start: best.start, end: best.end } : undefined,
        rule: false,
        feats: f,
      });
    }
    // where each named candidate stands with respect to the rules' choice
    for (const c of cands) {
      if (c.rule || !c.span) continue;
      let rel = 'norule';
      if (rulePos) {
        const cs = sentenceAt(doc, c.span.start);
        const rs = sentenceAt(doc, rulePos.start);
        rel = cs !== rs ? (cs < rs ? 'prevSent' : 'laterSent') : c.span.start < rulePos.start ? 'before' : 'after';
      }
      c.feats.push(`rel=${rel}`, `rel=${rel}|${part}`, `rel=${rel}|rk=${kind}`, `rel=${rel}|t=${byId.get(c.entity ?? '')?.type}`);
    }
    // order of the candidates (the rules' one included) in the cue's sentence before the cue: the first is usually the subject
    const sStart = doc.sentences[si]?.start ?? 0;
    const pos = (c: SpeakerCandidate): Span | undefined => (c.rule ? rulePos : c.span);
    const before = cands
      .filter((c) => {
        const p = pos(c);
        return p !== undefined && p.start >= sStart && p.end <= anchor;
      })
      .sort((a, b) => (pos(a)?.start ?? 0) - (pos(b)?.start ?? 0));
    before.forEach((c, r) => {
      const k = Math.min(r, 2);
      if (c.rule) c.feats.push(`rule|rank=${k}`, `rule|rank=${k}|${part}`);
      else c.feats.push(`rank=${k}`, `rank=${k}|${part}`, `rank=${k}|rk=${kind}`);
    });
    out.push(cands);
    prevSpeaker = q.speaker;
  }
  return out;
}

export function candidateScore(m: SpeakerModel, feats: readonly string[]): number {
  let z = m.bias;
  for (const f of feats) z += m.weights.get(f) ?? 0;
  return sigmoid(z);
}

/** The probabilities of a quote's candidates under the model. */
export function candidateProbs(m: SpeakerModel, cands: readonly SpeakerCandidate[]): number[] {
  if (m.kind === 'logreg') return cands.map((c) => candidateScore(m, c.feats));
  const z = cands.map((c) => {
    let v = 0;
    for (const f of c.feats) v += m.weights.get(f) ?? 0;
    return v;
  });
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/** The index of the candidate to use: the best one when it beats the rules' by `margin`, else the rules' (index 0). */
export function chooseCandidate(probs: readonly number[], margin: number): number {
  let best = 0;
  for (let i = 1; i < probs.length; i++) if (probs[i] > probs[best]) best = i;
  return best !== 0 && probs[best] - probs[0] > margin ? best : 0;
}

/** Apply a choice to a quote: the candidate's entity and phrase. */
export function applyCandidate(q: Quote, c: SpeakerCandidate): void {
  if (c.rule) return;
  q.speaker = c.entity;
  q.speakerText = c.text;
  if (c.span) q.speakerSpan = c.span;
  else delete q.speakerSpan;
}

/** Re-choose the speakers of `quotes` in place with the model. */
export function rechooseSpeakers(doc: Doc, quotes: Quote[], lex: CueLexicon, m: SpeakerModel, margin = m.margin): void {
  const all = speakerCandidates(doc, quotes, lex);
  quotes.forEach((q, i) => {
    const cands = all[i];
    if (cands.length < 2) return;
    const k = chooseCandidate(candidateProbs(m, cands), margin);
    applyCandidate(q, cands[k]);
  });
}

export function formatSpeakerModel(m: SpeakerModel): string {
  return formatWeightsTsv(
    m.header,
    [
      ['kind', m.kind],
      ['margin', m.margin],
      ['bias', m.bias],
    ],
    m.weights,
  );
}

export function parseSpeakerModel(text: string): SpeakerModel {
  const t = parseWeightsTsv(text, new Set(['kind', 'margin', 'bias']), 'speaker model');
  const kind = t.params.get('kind') ?? 'logreg';
  if (kind !== 'logreg' && kind !== 'logit') throw new Error(`speaker model: unknown kind "${kind}"`);
  return {
    bias: Number(t.params.get('bias') ?? 0),
    weights: t.weights,
    margin: Number(t.params.get('margin') ?? 0),
    kind,
    header: t.header,
  };
}

/** The model file at `path`, or null when there is none (read once per path). */
export const loadSpeakerModel: (path: string) => SpeakerModel | null = loadOnce(parseSpeakerModel);
