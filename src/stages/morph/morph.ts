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
import { type Segmentation, Segmenter, type SegmenterLexicon } from './segmenter.ts';
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
} as const;

const CACHE_LIMIT = 50_000;

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

  constructor(segmenter: Segmenter, tagger: Tagger) {
    this.segmenter = segmenter;
    this.tagger = tagger;
  }

  /**
   * Loads `morph-seg.bin` and `morph-pos.bin` from a models folder, and the
   * window networks `morph-nn.bin` and the sentence network `morph-lstm.bin`
   * when they are there and `neural` is not false.
   */
  static load(dir: string, opts: { neural?: boolean; sentence?: boolean } = {}): MorphAnalyzer {
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
    return new MorphAnalyzer(segmenter, tagger);
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

  /** Segments, tags and stems a sentence of surface tokens. */
  analyze(tokens: readonly MorphInputToken[]): MorphWord[] {
    const words: TagWord[] = [];
    const spans: Array<[number, number, number]> = [];
    let cleanedWords: string[] | null = null;
    const cleaned = (): string[] => {
      cleanedWords ??= tokens.map((t) => cleanWord(t.text).text);
      return cleanedWords;
    };
    for (let ti = 0; ti < tokens.length; ti++) {
      const tok = tokens[ti];
      const segment = tok.kind === undefined || tok.kind === 'word';
      const seg: Segmentation = segment
        ? this.segmentAt(tokens, ti, cleaned)
        : { forms: [tok.text], bounds: [0, tok.text.length], roles: [1], seen: false };
      const n = seg.forms.length;
      for (let i = 0; i < n; i++) {
        words.push({ form: seg.forms[i], surface: tok.text, role: seg.roles[i], part: i, parts: n });
        spans.push([ti, seg.bounds[i], seg.bounds[i + 1]]);
      }
    }
    const tags = this.tagger.tag(words);
    const out: MorphWord[] = new Array(words.length);
    for (let i = 0; i < words.length; i++) {
      const [ti, start, end] = spans[i];
      const kind = tokens[ti].kind;
      const upos = (kind && KIND_UPOS[kind]) || tags[i];
      out[i] = { token: ti, form: words[i].form, start, end, upos, stem: lightStem(words[i].form, upos) };
    }
    return out;
  }
}
