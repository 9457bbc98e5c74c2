/**
 * Reranker of the segmenter's k best splits of an unsure token (README, "A reranker of the k-best splits"): a
 * conditional logit (softmax over the token's alternatives) over a few dozen features of each alternative — the
 * segmenter's score and rank, the perceptron tagger's path score over a window of tokens around it, the tags it
 * gives the alternative's words, the clitic pattern, PADT and corpus counts of the stem, word edges. Trained on
 * PADT train with 5-fold jackknifing (segmenter and tagger retrained on the other folds; `train-rerank.ts`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { type Feats, type RerankTrainOptions, trainRerank } from '../../learn/logit.ts';
import type { CountSource, Segmentation } from './segmenter.ts';

/** Features of one alternative: name → value (indicators have value 1). */
export type { Feats, RerankTrainOptions };
export { trainRerank };

/** One alternative analysis of an unsure token, with what the features read. */
export interface RerankAlt {
  /** Forms of the cleaned word (before offsets are restored) and roles (0 proclitic, 1 stem, 2 enclitic). */
  forms: string[];
  roles: number[];
  /** The segmentation to use (offsets in the token's text). */
  seg: Segmentation;
  /** Segmenter (ranker) score. */
  score: number;
  /** Perceptron tagger's best path score over the window, with this alternative in place. */
  tagScore: number;
  /** Syntactic words in the window. */
  windowWords: number;
  /** The tags of this token's words on that path, and of the words before and after it. */
  tags: string[];
  prevTag: string;
  nextTag: string;
}

/** An unsure token: its alternatives best first (the first is the pipeline's), the gap to the segmenter's second. */
export interface RerankToken {
  ti: number;
  /** The cleaned surface word. */
  word: string;
  /** True for an ambiguous seen word (lexicon alternatives), false for an unseen one. */
  seen: boolean;
  /** Ranker score of the best minus the second best (before any margin filter). */
  gap: number;
  alts: RerankAlt[];
}

/** The stored reranker: the candidate set it was trained for, and its weights. */
export interface RerankModel {
  /** Alternatives per token (the segmenter's k best). */
  k: number;
  /** Alternatives kept within this of the best segmenter score (unseen words). */
  margin: number;
  /** The same for ambiguous seen words (0: never). */
  marginSeen: number;
  /** Tokens on each side tagged with each alternative. */
  window: number;
  /** Added to the pipeline's choice (rank 0): above 0 keeps it more often. */
  bias: number;
  weights: Record<string, number>;
  meta?: Record<string, unknown>;
}

const bucket = (n: number): number => (n <= 0 ? 0 : n === 1 ? 1 : n < 4 ? 2 : n < 10 ? 3 : n < 100 ? 4 : 5);
const cbucket = (n: number): number => (n <= 0 ? 0 : n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : 4);

/** The stem of an analysis: its longest stem-role form. */
function stemOf(a: RerankAlt): string {
  let s = '';
  a.forms.forEach((f, i) => {
    if (a.roles[i] === 1 && f.length > s.length) s = f;
  });
  return s || a.forms[0];
}

/** Clitic pattern: proclitics | enclitic. */
function patternOf(a: RerankAlt): string {
  let pre = '';
  let enc = '';
  a.forms.forEach((f, i) => {
    if (a.roles[i] === 0) pre += f;
    else if (a.roles[i] === 2) enc = f;
  });
  return `${pre}|${enc}`;
}

/** Features of each alternative of an unsure token (`counts`: the segmenter's PADT and corpus counts). */
export function rerankFeatures(t: RerankToken, counts: CountSource, classOf: (form: string) => string): Feats[] {
  const b = t.alts[0];
  const w = t.word;
  const wcc = cbucket(counts.corpus(w));
  const wlen = Math.min(w.length, 10);
  const seen = t.seen ? 's' : 'u';
  return t.alts.map((a, j) => {
    const n = a.forms.length;
    const dn = n - b.forms.length;
    const dtag = (a.tagScore - b.tagScore) / 100;
    const pat = patternOf(a);
    const stem = stemOf(a);
    const tags = a.tags.join('+');
    const stemTag = a.tags[a.forms.indexOf(stem)] ?? '?';
    const sc = counts.form(stem);
    const cs = counts.corpus(stem);
    const f: Feats = [
      [`r=${j}`, 1],
      [`r=${j}|${seen}`, 1],
      [`dseg|${seen}`, (a.score - b.score) / 10],
      ['dtag', dtag],
      [`dtag|dn=${dn}`, dtag],
      ['dtagpw', (a.tagScore / a.windowWords - b.tagScore / b.windowWords) / 10],
      ['dn', dn],
      [`dn=${dn}|${seen}`, 1],
      [`pat=${pat}`, 1],
      [`pat=${pat}|${seen}`, 1],
      [`tags=${tags}`, 1],
      [`tags=${tags}|pat=${pat}`, 1],
      [`stag=${stemTag}|n=${n}`, 1],
      [`sc=${bucket(sc)}|n=${n}`, 1],
      [`ssc=${bucket(counts.stem(stem))}|n=${n}`, 1],
      [`cc=${cbucket(cs)}|n=${n}`, 1],
      [`cc=${cbucket(cs)}|wcc=${wcc}|n=${n}`, 1],
      [`sc=${bucket(sc)}|stag=${stemTag}`, 1],
      [`len=${wlen}|n=${n}`, 1],
      [`slen=${Math.min(stem.length, 10)}|pat=${pat}`, 1],
      [`last=${w.slice(-1)}|pat=${pat}`, 1],
      [`first=${w.slice(0, 1)}|pat=${pat}`, 1],
      [`slast=${stem.slice(-1)}|n=${n}`, 1],
      [`sfirst2=${stem.slice(0, 2)}|n=${n}`, 1],
      [`amb=${classOf(stem)}|n=${n}`, 1],
      [`amb=${classOf(stem)}|stag=${stemTag}`, 1],
      [`wamb=${classOf(w)}|n=${n}`, 1],
      [`ptag=${a.prevTag}|pat=${pat}`, 1],
      [`ntag=${a.nextTag}|pat=${pat}`, 1],
      [`ptag=${a.prevTag}|tags=${tags}`, 1],
      [`dtag|pat=${pat}`, dtag],
      [`dseg|dn=${dn}`, (a.score - b.score) / 10],
    ];
    // how much more often the corpus writes the stem than the whole word (log ratio), for splits
    if (n > 1) f.push(['lratio', Math.log((cs + 1) / (counts.corpus(w) + 1)) / 5]);
    if (j === 0) {
      f.push(['gap', Math.min(t.gap, 40) / 10], [`gap=${Math.min(Math.floor(t.gap / 2), 10)}|${seen}`, 1]);
    }
    return f;
  });
}

/** Score of one alternative. */
export function scoreFeats(f: Feats, weights: Record<string, number> | Map<string, number>): number {
  let s = 0;
  if (weights instanceof Map) {
    for (const [k, v] of f) s += (weights.get(k) ?? 0) * v;
  } else {
    for (const [k, v] of f) if (Object.hasOwn(weights, k)) s += weights[k] * v;
  }
  return s;
}

/** The alternative chosen: the best score, rank 0 getting `bias` on top. */
export function chooseAlt(feats: Feats[], weights: Record<string, number> | Map<string, number>, bias: number): number {
  let best = 0;
  let bv = scoreFeats(feats[0], weights) + bias;
  for (let j = 1; j < feats.length; j++) {
    const v = scoreFeats(feats[j], weights);
    if (v > bv) {
      bv = v;
      best = j;
    }
  }
  return best;
}

/** Alternatives of `t` kept by the candidate set (`k` best, within the margin of the best). */
export function keptAlts(t: RerankToken, m: Pick<RerankModel, 'k' | 'margin' | 'marginSeen'>): number {
  const margin = t.seen ? m.marginSeen : m.margin;
  let n = 1;
  while (n < t.alts.length && n < m.k && t.alts[0].score - t.alts[n].score < margin) n++;
  return n;
}

/** A loaded reranker: its model and weights in a map. */
export class Reranker {
  readonly model: RerankModel;
  readonly weights: Map<string, number>;

  constructor(model: RerankModel) {
    this.model = model;
    this.weights = new Map(Object.entries(model.weights));
  }

  static load(file: string): Reranker {
    return new Reranker(JSON.parse(readFileSync(file, 'utf8')) as RerankModel);
  }

  save(file: string): void {
    writeFileSync(file, `${JSON.stringify(this.model, null, 1)}\n`);
  }

  /** Index of the alternative chosen for an unsure token. */
  choose(t: RerankToken, counts: CountSource, classOf: (form: string) => string): number {
    return chooseAlt(rerankFeatures(t, counts, classOf), this.weights, this.model.bias);
  }
}
