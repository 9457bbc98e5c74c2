/**
 * The morphological analyser: clitic segmentation, UPOS tagging and light
 * stems for a sentence of surface tokens. Used by the `morph` stage, the
 * `khabar segment` command and the evaluation.
 */

import { existsSync } from 'node:fs';
import { GenerationalCache } from '../../core/cache.ts';
import type { TokenKind } from '../../core/types.ts';
import { RankingPerceptron, SequencePerceptron } from '../../learn/index.ts';
import { BiLstmTagger } from './bilstm.ts';
import { NeuralTagger } from './neural.ts';
import { Reranker, type RerankModel, type RerankToken } from './rerank.ts';
import { type Segmentation, Segmenter, type SegmenterLexicon, type SegmentOption } from './segmenter.ts';
import { lightStem } from './stem.ts';
import { Tagger, type TagWord } from './tagger.ts';
import { type CleanWord, cleanWord } from './text.ts';

export interface MorphInputToken {
  text: string;
  /** Token kind from the tokenizer; only `word` tokens (or tokens without a kind) are segmented. */
  kind?: TokenKind;
}

export interface MorphWord {
  /** Index of the input token. */
  token: number;
  form: string;
  /** [start, end) inside the token's text. */
  start: number;
  end: number;
  upos: string;
  stem: string;
}

/** UPOS forced by token kind (the tokenizer knows better than the tagger). */
const KIND_UPOS: Partial<Record<TokenKind, string>> = {
  punct: 'PUNCT',
  number: 'NUM',
  percent: 'NUM',
  date: 'NUM',
  time: 'NUM',
  latin: 'X',
  url: 'X',
  email: 'X',
  hashtag: 'X',
  mention: 'X',
  symbol: 'SYM',
};

export const MODEL_FILES = {
  segmenter: 'morph-seg.bin',
  tagger: 'morph-pos.bin',
  neural: 'morph-nn.bin',
  sentence: 'morph-lstm.bin',
  rerank: 'morph-rerank.json',
} as const;

const CACHE_LIMIT = 50_000;

/**
 * Joint segmentation and tagging (off by default): a token whose segmenter is unsure keeps its `k` best
 * analyses, those within `margin` (ranker score) of the best — `marginSeen` for ambiguous seen words — and,
 * token by token from the left, the analysis whose sentence tagging scores best wins: the tagger's best path
 * score, minus `wordCost` per syntactic word (each word adds its emission, so a path over more words scores
 * higher), plus `lambda` × the ranker score (relative to the best analysis). See README, "Joint segmentation".
 */
export interface JointOptions {
  k: number;
  /** Unseen words: alternatives whose ranker score is within this of the best. */
  margin: number;
  /** Ambiguous seen words (lexicon alternatives): the same margin. */
  marginSeen: number;
  lambda: number;
  wordCost: number;
  /** Only alternatives with more syntactic words than the best (a clitic the segmenter left attached). */
  splitsOnly: boolean;
}

/** The setting tuned on PADT dev (README, "Joint segmentation"): `load(dir, { joint: true })`. */
export const JOINT_DEFAULTS: Readonly<JointOptions> = { k: 3, margin: 10, marginSeen: 0, lambda: 4, wordCost: 120, splitsOnly: false };

export class MorphAnalyzer {
  readonly segmenter: Segmenter;
  readonly tagger: Tagger;
  private cache = new GenerationalCache<string, Segmentation>(CACHE_LIMIT);
  /**
   * Surface tokens whose segmentation depends on the sentence (`Segmenter.isContextual`: unseen Arabic words,
   * ambiguous seen ones), which `cache` cannot hold, with their cleaned word: a repeated one skips the cleaning
   * and the lexicon look-ups that found it contextual.
   */
  private contextual = new GenerationalCache<string, CleanWord>(CACHE_LIMIT);
  /** Joint segmentation and tagging; null (the default) = pipeline. */
  joint: JointOptions | null = null;
  /** Reranker of the k best splits of unsure tokens (`rerank.ts`); null (the default) = pipeline. Wins over `joint`. */
  rerank: Reranker | null = null;

  constructor(segmenter: Segmenter, tagger: Tagger) {
    this.segmenter = segmenter;
    this.tagger = tagger;
  }

  /**
   * Loads `morph-seg.bin` and `morph-pos.bin` from a models folder, and the
   * window networks `morph-nn.bin` and the sentence network `morph-lstm.bin`
   * when they are there and `neural` is not false. `joint`: joint segmentation and tagging (`JointOptions`;
   * true = `JOINT_DEFAULTS`), off by default. `rerank`: the split reranker (true = `morph-rerank.json` of the folder),
   * off by default.
   */
  static load(
    dir: string,
    opts: { neural?: boolean; sentence?: boolean; joint?: boolean | JointOptions; rerank?: boolean | RerankModel } = {},
  ): MorphAnalyzer {
    const seg = `${dir}/${MODEL_FILES.segmenter}`;
    const pos = `${dir}/${MODEL_FILES.tagger}`;
    if (!existsSync(seg) || !existsSync(pos)) throw new Error(`morph models missing in ${dir} (run: khabar train morph)`);
    const ranker = RankingPerceptron.load(seg);
    const segmenter = new Segmenter(ranker, ranker.meta.lexicon as SegmenterLexicon);
    const tagger = new Tagger(SequencePerceptron.load(pos), segmenter.corpus);
    const nn = `${dir}/${MODEL_FILES.neural}`;
    if (opts.neural !== false && existsSync(nn)) tagger.neural = NeuralTagger.load(nn);
    const lstm = `${dir}/${MODEL_FILES.sentence}`;
    if (opts.neural !== false && opts.sentence !== false && existsSync(lstm))
      tagger.sentence = BiLstmTagger.load(lstm, tagger.neural?.vectors ?? null);
    const analyzer = new MorphAnalyzer(segmenter, tagger);
    if (opts.joint) analyzer.joint = opts.joint === true ? { ...JOINT_DEFAULTS } : opts.joint;
    if (opts.rerank) {
      const file = `${dir}/${MODEL_FILES.rerank}`;
      if (opts.rerank === true && !existsSync(file)) throw new Error(`${file} missing (run: khabar train morph-rerank)`);
      analyzer.rerank = opts.rerank === true ? Reranker.load(file) : new Reranker(opts.rerank);
    }
    return analyzer;
  }

  /** Segmentation of one surface token, bounds in the token's original text. */
  segmentToken(text: string): Segmentation {
    const hit = this.cache.get(text);
    if (hit) return hit;
    const clean = cleanWord(text);
    const out = this.restoreOffsets(text, clean.map, this.segmenter.segment(clean.text));
    this.cache.set(text, out);
    return out;
  }

  /** Segmentation of token `ti` of a sentence: ambiguous seen words are decided in context. */
  private segmentAt(tokens: readonly MorphInputToken[], ti: number, cleaned: () => string[]): Segmentation {
    const text = tokens[ti].text;
    const hit = this.cache.get(text);
    if (hit) return hit; // only words whose analysis ignores context are cached
    let clean = this.contextual.get(text);
    if (clean === undefined) {
      clean = cleanWord(text);
      if (!this.segmenter.isContextual(clean.text)) return this.segmentToken(text);
      this.contextual.set(text, clean);
    }
    const seg = this.segmenter.segmentInContext(cleaned(), ti);
    return this.restoreOffsets(text, clean.map, seg);
  }

  private restoreOffsets(text: string, map: Int32Array | null, seg: Segmentation): Segmentation {
    let out = seg;
    if (seg.forms.length === 1 && seg.forms[0] !== text) out = { ...seg, forms: [text] };
    if (map) {
      out = { ...out, bounds: out.bounds.map((b) => map[Math.min(b, map.length - 1)]) };
      out.bounds[out.bounds.length - 1] = text.length;
    }
    return out;
  }

  /** The segmentation of each token of the sentence (the pipeline's choice). */
  private segments(tokens: readonly MorphInputToken[], cleaned: () => string[]): Segmentation[] {
    const segs: Segmentation[] = new Array(tokens.length);
    for (let ti = 0; ti < tokens.length; ti++) {
      const tok = tokens[ti];
      const segment = tok.kind === undefined || tok.kind === 'word';
      segs[ti] = segment
        ? this.segmentAt(tokens, ti, cleaned)
        : { forms: [tok.text], bounds: [0, tok.text.length], roles: [1], seen: false };
    }
    return segs;
  }

  private cleanedOf(tokens: readonly MorphInputToken[]): () => string[] {
    let cleanedWords: string[] | null = null;
    return () => {
      cleanedWords ??= tokens.map((t) => cleanWord(t.text).text);
      return cleanedWords;
    };
  }

  /**
   * The `k` best analyses of each token, best first, with their ranker scores (`Segmenter.optionsInContext`);
   * tokens whose analysis ignores the context have one, score 0.
   */
  tokenOptions(tokens: readonly MorphInputToken[], k: number): SegmentOption[][] {
    const cleaned = this.cleanedOf(tokens);
    const segs = this.segments(tokens, cleaned);
    return segs.map((seg, ti) => {
      const { text, kind } = tokens[ti];
      const clean = kind === undefined || kind === 'word' ? this.contextual.get(text) : undefined;
      if (clean === undefined || this.cache.get(text) !== undefined) return [{ seg, score: 0 }];
      return this.segmenter
        .optionsInContext(cleaned(), ti, k)
        .map((o) => ({ seg: this.restoreOffsets(text, clean.map, o.seg), score: o.score }));
    });
  }

  /** Tags and stems a sentence of surface tokens segmented as `segs`; `score` is the tagger's best path score. */
  analyzeSegmented(tokens: readonly MorphInputToken[], segs: readonly Segmentation[]): { words: MorphWord[]; score: number } {
    const words: TagWord[] = [];
    const spans: Array<[number, number, number]> = [];
    for (let ti = 0; ti < tokens.length; ti++) {
      const tok = tokens[ti];
      const seg = segs[ti];
      const n = seg.forms.length;
      for (let i = 0; i < n; i++) {
        words.push({ form: seg.forms[i], surface: tok.text, role: seg.roles[i], part: i, parts: n });
        spans.push([ti, seg.bounds[i], seg.bounds[i + 1]]);
      }
    }
    const { tags, score } = this.tagger.tagScored(words);
    const out: MorphWord[] = new Array(words.length);
    for (let i = 0; i < words.length; i++) {
      const [ti, start, end] = spans[i];
      const kind = tokens[ti].kind;
      const upos = (kind && KIND_UPOS[kind]) || tags[i];
      out[i] = { token: ti, form: words[i].form, start, end, upos, stem: lightStem(words[i].form, upos) };
    }
    return { words: out, score };
  }

  /** Segments, tags and stems a sentence of surface tokens. */
  analyze(tokens: readonly MorphInputToken[]): MorphWord[] {
    if (this.rerank) return this.analyzeReranked(tokens, this.rerank);
    if (this.joint) return this.analyzeJoint(tokens, this.joint);
    return this.analyzeSegmented(tokens, this.segments(tokens, this.cleanedOf(tokens))).words;
  }

  /** `analyze` with joint segmentation and tagging (`JointOptions`). */
  private analyzeJoint(tokens: readonly MorphInputToken[], o: JointOptions): MorphWord[] {
    const cleaned = this.cleanedOf(tokens);
    const segs = this.segments(tokens, cleaned);
    let unsure: Array<{ ti: number; opts: SegmentOption[] }> | null = null;
    for (let ti = 0; ti < tokens.length; ti++) {
      const { text, kind } = tokens[ti];
      if (kind !== undefined && kind !== 'word') continue;
      const clean = this.contextual.get(text);
      if (clean === undefined || this.cache.get(text) !== undefined) continue;
      const opts = this.segmenter.optionsInContext(cleaned(), ti, o.k);
      if (opts.length < 2) continue;
      const margin = opts[0].seg.seen ? o.marginSeen : o.margin;
      const n0 = opts[0].seg.forms.length;
      const kept = opts.filter((x, j) => j === 0 || (opts[0].score - x.score < margin && (!o.splitsOnly || x.seg.forms.length > n0)));
      if (kept.length < 2) continue;
      (unsure ??= []).push({
        ti,
        opts: kept.map((x) => ({ seg: this.restoreOffsets(text, clean.map, x.seg), score: x.score - opts[0].score })),
      });
    }
    let best = this.analyzeSegmented(tokens, segs);
    if (unsure === null) return best.words;
    // ranker score (relative to each token's best) of the analyses chosen so far
    let penalty = 0;
    let bestTotal = best.score - o.wordCost * best.words.length;
    for (const { ti, opts } of unsure) {
      let pick = 0;
      for (let j = 1; j < opts.length; j++) {
        segs[ti] = opts[j].seg;
        const r = this.analyzeSegmented(tokens, segs);
        const total = r.score - o.wordCost * r.words.length + o.lambda * (penalty + opts[j].score);
        if (total > bestTotal) {
          bestTotal = total;
          best = r;
          pick = j;
        }
      }
      segs[ti] = opts[pick].seg;
      penalty += opts[pick].score;
    }
    return best.words;
  }

  /** `analyze` with the split reranker: each unsure token independently takes the alternative it prefers. */
  private analyzeReranked(tokens: readonly MorphInputToken[], r: Reranker): MorphWord[] {
    const { segs, unsure } = this.rerankTokens(tokens, r.model);
    const classOf = (form: string) => this.tagger.classOf(form);
    for (const t of unsure) segs[t.ti] = t.alts[r.choose(t, this.segmenter.counts, classOf)].seg;
    return this.analyzeSegmented(tokens, segs).words;
  }

  /**
   * The pipeline's segmentation of a sentence and its unsure tokens for the reranker: contextual tokens (unseen
   * Arabic words, ambiguous seen ones) with an alternative among the segmenter's `k` best within `margin`
   * (`marginSeen` for ambiguous seen words) of the best; each alternative is tagged by the perceptron alone over
   * `window` tokens on either side (the other tokens as the pipeline splits them).
   */
  rerankTokens(
    tokens: readonly MorphInputToken[],
    o: Pick<RerankModel, 'k' | 'margin' | 'marginSeen' | 'window'>,
  ): { segs: Segmentation[]; unsure: RerankToken[] } {
    const cleaned = this.cleanedOf(tokens);
    const segs = this.segments(tokens, cleaned);
    const unsure: RerankToken[] = [];
    for (let ti = 0; ti < tokens.length; ti++) {
      const { text, kind } = tokens[ti];
      if (kind !== undefined && kind !== 'word') continue;
      const clean = this.contextual.get(text);
      if (clean === undefined || this.cache.get(text) !== undefined) continue;
      const opts = this.segmenter.optionsInContext(cleaned(), ti, Math.max(2, o.k));
      if (opts.length < 2) continue;
      const seen = opts[0].seg.seen;
      const margin = seen ? o.marginSeen : o.margin;
      let n = 1;
      while (n < opts.length && n < o.k && opts[0].score - opts[n].score < margin) n++;
      if (n < 2) continue;
      unsure.push({
        ti,
        word: cleaned()[ti],
        seen,
        gap: opts[0].score - opts[1].score,
        alts: opts.slice(0, n).map((x) => ({
          forms: x.seg.forms,
          roles: x.seg.roles,
          seg: this.restoreOffsets(text, clean.map, x.seg),
          score: x.score,
          tagScore: 0,
          windowWords: 0,
          tags: [],
          prevTag: '',
          nextTag: '',
        })),
      });
    }
    for (const t of unsure) {
      const lo = Math.max(0, t.ti - o.window);
      const hi = Math.min(tokens.length, t.ti + o.window + 1);
      for (const a of t.alts) {
        const words: TagWord[] = [];
        let at = 0;
        for (let ti = lo; ti < hi; ti++) {
          const seg = ti === t.ti ? a.seg : segs[ti];
          if (ti === t.ti) at = words.length;
          const n = seg.forms.length;
          for (let i = 0; i < n; i++) words.push({ form: seg.forms[i], surface: tokens[ti].text, role: seg.roles[i], part: i, parts: n });
        }
        const r = this.tagger.tagScored(words, true);
        a.tagScore = r.score;
        a.windowWords = words.length;
        a.tags = r.tags.slice(at, at + a.seg.forms.length);
        a.prevTag = at > 0 ? r.tags[at - 1] : '<s>';
        a.nextTag = at + a.seg.forms.length < r.tags.length ? r.tags[at + a.seg.forms.length] : '</s>';
      }
    }
    return { segs, unsure };
  }
}
