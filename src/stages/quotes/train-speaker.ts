/**
 * Training and cross-validation of the learned speaker choice (`speaker.ts`) from khabar's stand-off quote annotations
 * (`data/annotations/quotes-train.jsonl`) joined with the ANT text of `$KHABAR_DATA`. Each article is analysed up to the
 * quotes stage with the model off; each rule quote whose text covers a gold quote gives its candidates as examples,
 * positive when the scorer would count that speaker as right (`speakerJudge` of `src/eval/gold.ts`), when at least one
 * candidate is right and one wrong (the others teach nothing about the choice). `khabar train quotes-speaker [--cv]`.
 */
import type { Doc, Quote } from '../../core/types.ts';
import type { GoldAnnotation } from '../../corpora/gold.ts';
import { type GoldScores, type PredRecord, scoreGold, speakerJudge } from '../../eval/gold.ts';
import { predRecord } from '../../eval/run.ts';
import { type Feats, trainRerank } from '../../learn/logit.ts';
import { trainLogReg } from '../../learn/logreg.ts';
import { loadCues } from './lexicon.ts';
import { applyCandidate, candidateProbs, chooseCandidate, type SpeakerCandidate, type SpeakerModel, speakerCandidates } from './speaker.ts';
import { analyseQuoteStandoff, type QuoteStandoffRecord } from './train-filter.ts';

export interface SpeakerDoc {
  set: string;
  id: string;
  doc: Doc;
  quotes: Quote[];
  cands: SpeakerCandidate[][];
  /** Per quote and candidate: right, wrong, or null when the quote covers no gold quote. */
  labels: Array<Array<boolean | null>>;
  gold: GoldAnnotation;
}

export interface SpeakerOptions {
  l2?: number;
  epochs?: number;
  lr?: number;
  margin?: number;
  learner?: 'logreg' | 'logit';
}

export const SPEAKER_DEFAULTS: Required<SpeakerOptions> = { l2: 1e-3, epochs: 20, lr: 0.05, margin: 0.1, learner: 'logreg' };

export const MARGINS = [0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 1];

/** A doc's candidates and labels. */
export function speakerDoc(set: string, doc: Doc, gold: GoldAnnotation): SpeakerDoc {
  const quotes = doc.quotes ?? [];
  const cands = speakerCandidates(doc, quotes, loadCues());
  const judge = speakerJudge(gold, predRecord(doc));
  const labels = quotes.map((q, i) => cands[i].map((c) => judge(q.text, c.entity, c.text)));
  return { set, id: doc.id, doc, quotes, cands, labels, gold };
}

/** Analyse the annotated articles (ANT text by id from `antPath`) and build their candidates. */
export async function speakerDocs(
  records: readonly QuoteStandoffRecord[],
  antPath: string,
  progress?: (done: number, total: number) => void,
): Promise<SpeakerDoc[]> {
  return analyseQuoteStandoff(records, antPath, speakerDoc, progress);
}

/** The training examples of `docs`: the candidates of quotes with a right and a wrong candidate. */
export function speakerExamples(docs: readonly SpeakerDoc[]): Array<{ feats: string[]; y: boolean }> {
  const out: Array<{ feats: string[]; y: boolean }> = [];
  for (const d of docs)
    d.cands.forEach((cs, i) => {
      const ls = d.labels[i];
      if (!ls.some((l) => l === true) || !ls.some((l) => l === false)) return;
      cs.forEach((c, k) => {
        out.push({ feats: c.feats, y: ls[k] === true });
      });
    });
  return out;
}

/** The conditional-logit groups of `docs`: a quote's candidates, the right one the rules' when it is right, else the first right. */
export function speakerGroups(docs: readonly SpeakerDoc[]): Array<{ feats: Feats[]; gold: number }> {
  const out: Array<{ feats: Feats[]; gold: number }> = [];
  for (const d of docs)
    d.cands.forEach((cs, i) => {
      const ls = d.labels[i];
      const gold = ls.indexOf(true);
      if (gold < 0 || !ls.some((l) => l === false) || cs.length > 64) return;
      out.push({ feats: cs.map((c) => c.feats.map((f): [string, number] => [f, 1])), gold });
    });
  return out;
}

export function trainSpeakerModel(docs: readonly SpeakerDoc[], opts: SpeakerOptions = {}, header = ''): SpeakerModel {
  const o = { ...SPEAKER_DEFAULTS, ...opts };
  if (o.learner === 'logit') {
    const w = trainRerank(speakerGroups(docs), { epochs: o.epochs, lr: o.lr, l2: o.l2, seed: 13 });
    return { bias: 0, weights: new Map(Object.entries(w)), margin: o.margin, kind: 'logit', header };
  }
  const m = trainLogReg('speaker', speakerExamples(docs), {
    epochs: o.epochs,
    lr: o.lr,
    l2: o.l2,
    seed: 13,
    minWeight: 0.01,
    posWeight: 1,
  });
  return { bias: m.bias, weights: new Map(Object.entries(m.weights)), margin: o.margin, kind: 'logreg', header };
}

/** A doc's predictions with each quote's speaker chosen from the candidates' probabilities at `margin`. */
export function chosenRecord(d: SpeakerDoc, probs: readonly (readonly number[])[], margin: number): PredRecord {
  const quotes = d.quotes.map((q, i) => {
    const c = { ...q };
    const k = probs[i] ? chooseCandidate(probs[i], margin) : 0;
    applyCandidate(c, d.cands[i][k]);
    return c;
  });
  return { ...predRecord(d.doc), quotes: quotes as unknown as Array<Record<string, unknown>> };
}

type Q = GoldScores['quotes'];

export interface SpeakerCv {
  rules: Q;
  byMargin: Array<{ margin: number; quotes: Q; changed: number }>;
  /** Of the quotes that cover a gold quote and have a right candidate: how often the rules' / the model's first choice is right. */
  oracle: { judged: number; rulesRight: number; modelTopRight: number; anyRight: number };
}

/** Cross-validation over `folds` groups of annotation sets (set i in group i mod folds, in order of first appearance). */
export function cvSpeakerModel(docs: readonly SpeakerDoc[], opts: SpeakerOptions = {}, folds = 5): SpeakerCv {
  const sets = [...new Set(docs.map((d) => d.set))];
  const group = new Map(sets.map((s, i) => [s, i % folds]));
  const probs = new Map<SpeakerDoc, number[][]>();
  for (let f = 0; f < folds; f++) {
    const m = trainSpeakerModel(
      docs.filter((d) => group.get(d.set) !== f),
      opts,
    );
    for (const d of docs)
      if (group.get(d.set) === f)
        probs.set(
          d,
          d.cands.map((cs) => candidateProbs(m, cs)),
        );
  }
  const gold = docs.map((d) => d.gold);
  const rules = scoreGold(
    gold,
    docs.map((d) => predRecord(d.doc)),
  ).quotes;
  const byMargin = MARGINS.map((margin) => {
    let changed = 0;
    for (const d of docs) for (const p of probs.get(d) ?? []) if (chooseCandidate(p, margin) !== 0) changed++;
    return {
      margin,
      changed,
      quotes: scoreGold(
        gold,
        docs.map((d) => chosenRecord(d, probs.get(d) ?? [], margin)),
      ).quotes,
    };
  });
  const oracle = { judged: 0, rulesRight: 0, modelTopRight: 0, anyRight: 0 };
  for (const d of docs)
    d.labels.forEach((ls, i) => {
      if (ls[0] === null) return;
      oracle.judged++;
      if (ls[0]) oracle.rulesRight++;
      if (ls.some((l) => l === true)) oracle.anyRight++;
      const p = probs.get(d)?.[i] ?? [];
      if (ls[chooseCandidate(p, 0)] === true) oracle.modelTopRight++;
    });
  return { rules, byMargin, oracle };
}
