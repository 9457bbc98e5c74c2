/**
 * Scoring of segmentation and tagging against PADT, the CoNLL 2018 way with
 * gold surface tokens: inside each surface token the system's and the gold
 * syntactic words are aligned by the longest common subsequence of their
 * forms (for tokens where neither side splits, the single words align by
 * span whatever their form); Words F1 counts aligned words, UPOS F1 aligned
 * words with the same tag.
 */
import type { PadtSentence } from '../../corpora/ud-words.ts';
import type { MorphAnalyzer } from './morph.ts';

export interface MorphScores {
  sentences: number;
  tokens: number;
  goldWords: number;
  systemWords: number;
  words: { precision: number; recall: number; f1: number };
  upos: { precision: number; recall: number; f1: number };
  /** Share of surface tokens whose split (forms) is exactly the gold one. */
  segmentationExact: number;
  /** Syntactic words per second of segment + tag + stem over the whole set (second, warm pass). */
  wordsPerSecond: number;
}

/** Matched (form, form+tag) counts of one token by LCS over forms. */
export function alignToken(
  gold: Array<{ form: string; upos: string }>,
  sys: Array<{ form: string; upos: string }>,
): { words: number; upos: number } {
  if (gold.length === 1 && sys.length === 1) return { words: 1, upos: gold[0].upos === sys[0].upos ? 1 : 0 };
  const n = gold.length;
  const m = sys.length;
  const dp = Array.from({ length: n + 1 }, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i][j] = gold[i].form.toLowerCase() === sys[j].form.toLowerCase() ? 1 + dp[i + 1][j + 1] : Math.max(dp[i + 1][j], dp[i][j + 1]);
    }
  }
  let i = 0;
  let j = 0;
  let words = 0;
  let upos = 0;
  while (i < n && j < m) {
    if (gold[i].form.toLowerCase() === sys[j].form.toLowerCase()) {
      words++;
      if (gold[i].upos === sys[j].upos) upos++;
      i++;
      j++;
    } else if (dp[i + 1][j] >= dp[i][j + 1]) i++;
    else j++;
  }
  return { words, upos };
}

const prf = (correct: number, sys: number, gold: number) => {
  const precision = sys ? correct / sys : 0;
  const recall = gold ? correct / gold : 0;
  return { precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
};

/** Counts of the CoNLL 2018 alignment over sentences: gold and system words, aligned forms and tags, exact tokens. */
export class MorphTally {
  goldWords = 0;
  systemWords = 0;
  wordsOk = 0;
  uposOk = 0;
  tokens = 0;
  exact = 0;

  /** Add one sentence: its gold tokens and the system's words (each with the index of its surface token). */
  add(s: PadtSentence, words: ReadonlyArray<{ form: string; upos: string; token: number }>): void {
    let w = 0;
    s.tokens.forEach((t, ti) => {
      const sys: Array<{ form: string; upos: string }> = [];
      while (w < words.length && words[w].token === ti) sys.push(words[w++]);
      const a = alignToken(t.parts, sys);
      this.goldWords += t.parts.length;
      this.systemWords += sys.length;
      this.wordsOk += a.words;
      this.uposOk += a.upos;
      this.tokens++;
      if (sys.length === t.parts.length && sys.every((x, i) => x.form === t.parts[i].form)) this.exact++;
    });
  }

  /** Words F1, UPOS F1 and the exact-split rate (fractions). */
  get f1(): { words: number; upos: number; exact: number } {
    const F = (c: number): number => (this.goldWords + this.systemWords ? (2 * c) / (this.goldWords + this.systemWords) : 0);
    return { words: F(this.wordsOk), upos: F(this.uposOk), exact: this.tokens ? this.exact / this.tokens : 0 };
  }
}

export function evaluateMorph(analyzer: MorphAnalyzer, sentences: PadtSentence[]): MorphScores {
  // Speed: a second, warm pass (JIT compiled, segmentation cache filled), timed alone.
  const inputs = sentences.map((s) => s.tokens.map((t) => ({ text: t.surface })));
  for (const tokens of inputs) analyzer.analyze(tokens);
  const t0 = performance.now();
  for (const tokens of inputs) analyzer.analyze(tokens);
  const ms = performance.now() - t0;
  const tally = new MorphTally();
  for (const [si, s] of sentences.entries()) tally.add(s, analyzer.analyze(inputs[si]));
  const { goldWords, systemWords, wordsOk, uposOk, tokens, exact } = tally;
  return {
    sentences: sentences.length,
    tokens,
    goldWords,
    systemWords,
    words: prf(wordsOk, systemWords, goldWords),
    upos: prf(uposOk, systemWords, goldWords),
    segmentationExact: tokens ? exact / tokens : 0,
    wordsPerSecond: ms > 0 ? systemWords / (ms / 1000) : 0,
  };
}
