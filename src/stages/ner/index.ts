/**
 * Stage `ner`: tags every analysed sentence with the trained BIO tagger and
 * adds `doc.names` (whole-token spans typed PER, LOC, ORG or MISC). Linking and
 * grouping into entities is the `entities` stage's job.
 */
import { existsSync } from 'node:fs';
import type { Doc, EntityType, NameSpan } from '../../core/types.ts';
import type { Stage, StageSpec } from '../../pipeline/index.ts';
import { defaultNerPaths, NerTagger, newsNerPaths } from './model.ts';

export { NerTagger, trainNer } from './model.ts';

/** Sentences longer than this are tagged in windows (keeps memory flat on text without punctuation). */
const MAX_SENTENCE = 256;

/** Token k is a hyphen written between two Arabic letters with no space on either side ("اوي-يونغ"). */
function hyphenJoins(doc: Doc, k: number): boolean {
  const t = doc.tokens[k];
  const p = doc.tokens[k - 1];
  const n = doc.tokens[k + 1];
  if (!t || !p || !n || t.text !== '-' || p.end !== t.start || t.end !== n.start) return false;
  const arabic = /[\u0621-\u064A]/;
  return arabic.test(doc.text[t.start - 1] ?? '') && arabic.test(doc.text[t.end] ?? '');
}

/** Name spans of one tag sequence over tokens [from, from + tags.length). */
function spansOf(doc: Doc, tags: readonly string[], from: number, out: NameSpan[]): void {
  let i = 0;
  while (i < tags.length) {
    const t = tags[i];
    if (t === 'O' || t.length < 3) {
      i++;
      continue;
    }
    const type = t.slice(2) as EntityType;
    let j = i + 1;
    while (j < tags.length && tags[j] === `I-${type}`) j++;
    // "تشونغ اوي-يونغ": a hyphen between Arabic letters with no space joins the parts of one name
    while (j + 1 < tags.length && (tags[j + 1] === `B-${type}` || tags[j + 1] === `I-${type}`) && hyphenJoins(doc, from + j)) {
      j += 2;
      while (j < tags.length && tags[j] === `I-${type}`) j++;
    }
    const a = doc.tokens[from + i];
    const b = doc.tokens[from + j - 1];
    out.push({ start: a.start, end: b.end, text: doc.text.slice(a.start, b.end), type, tokenStart: from + i, tokenEnd: from + j });
    i = j;
  }
}

/** POS signature -> UPOS -> the signature with it appended (`NOUN` + `ADJ` -> `NOUN+ADJ`): one string per signature, not per token. */
const joined = new Map<string, Map<string, string>>();

function joinPos(sig: string, upos: string): string {
  let next = joined.get(sig);
  if (next === undefined) {
    if (joined.size >= 10_000) joined.clear();
    next = new Map();
    joined.set(sig, next);
  }
  let out = next.get(upos);
  if (out === undefined) {
    out = `${sig}+${upos}`;
    next.set(upos, out);
  }
  return out;
}

export class NerStage implements Stage {
  readonly name = 'ner';
  readonly requires = ['tokenize'] as const;
  private tagger: NerTagger | null = null;
  private missing = false;
  private readonly modelDir?: string;

  /** Overrides the second stage's O handicap (model default 20, chosen on ANERcorp dev; 0 = most precise). */
  private readonly oPenalty?: number;

  /** The weights file loaded (after `load()`; undefined when there is none). */
  loadedFrom?: string;

  /** Which model: `news` (ANERcorp + khabar's news annotations, the default when `ner-news.bin` exists) or `anercorp`. */
  private readonly model?: 'news' | 'anercorp';

  constructor(options?: Record<string, unknown>) {
    this.modelDir = typeof options?.modelDir === 'string' ? options.modelDir : undefined;
    this.oPenalty = typeof options?.oPenalty === 'number' ? options.oPenalty : undefined;
    const model = options?.model;
    if (model !== undefined && model !== 'news' && model !== 'anercorp')
      throw new Error(`ner: model must be "news" or "anercorp", not ${String(model)}`);
    this.model = model;
  }

  load(): void {
    if (this.tagger || this.missing) return;
    // the news model when it is there (and not turned off), else the ANERcorp one
    const news = newsNerPaths(this.modelDir);
    const paths = this.model !== 'anercorp' && existsSync(news.model) ? news : defaultNerPaths(this.modelDir);
    if (this.model === 'news' && paths !== news) throw new Error(`ner: no news model at ${news.model} (run khabar train ner-news)`);
    if (!existsSync(paths.model)) {
      this.missing = true;
      return;
    }
    this.tagger = NerTagger.load(paths);
    this.loadedFrom = paths.model;
    if (this.oPenalty !== undefined) this.tagger.stage2Penalty = this.oPenalty;
  }

  /** Tags for a list of token strings (one sentence). */
  tag(tokens: readonly string[]): string[] {
    this.load();
    return this.tagger ? this.tagger.tag(tokens) : tokens.map(() => 'O');
  }

  process(doc: Doc): void {
    this.load();
    const names: NameSpan[] = [];
    doc.names = names;
    if (!this.tagger) {
      (doc.warnings ??= []).push('ner: no model in models/ner.bin (run khabar train ner); names come from the gazetteer only');
      return;
    }
    // A hashtag is tagged as the words it spells (#سوريا -> سوريا; #ستورمي_دانيالز -> ستورمي دانيالز as two words):
    // `owner` maps each tagged word back to its token.
    const windows: { from: number; to: number; words: string[]; owner: number[] }[] = [];
    for (const s of doc.sentences) {
      for (let a = s.tokenStart; a < s.tokenEnd; a += MAX_SENTENCE) {
        const b = Math.min(s.tokenEnd, a + MAX_SENTENCE);
        const words: string[] = [];
        const owner: number[] = [];
        for (let k = a; k < b; k++) {
          const t = doc.tokens[k];
          if (t.kind === 'hashtag' && t.text.length > 1) {
            for (const part of t.text.slice(1).split('_')) {
              if (!part) continue;
              words.push(part);
              owner.push(k);
            }
          } else {
            words.push(t.text);
            owner.push(k);
          }
        }
        windows.push({ from: a, to: b, words, owner });
      }
    }
    // POS features from the morph layer when it ran (else the tagger analyses the tokens itself, if it can).
    let pos: string[][] | undefined;
    if (doc.words && doc.words.length > 0) {
      const sig: string[] = new Array(doc.tokens.length).fill('');
      for (const w of doc.words) if (w.upos) sig[w.token] = sig[w.token] ? joinPos(sig[w.token], w.upos) : w.upos;
      pos = windows.map((w) => w.owner.map((k) => sig[k]));
    }
    const tags = this.tagger.tagDocument(
      windows.map((w) => w.words),
      pos,
    );
    for (let i = 0; i < windows.length; i++) {
      const w = windows[i];
      let perToken = tags[i];
      if (w.words.length !== w.to - w.from) {
        // back to one tag per token: a hashtag takes the type of its first tagged word, as a name of its own
        perToken = new Array(w.to - w.from).fill('O');
        for (let q = 0; q < w.owner.length; q++) {
          const k = w.owner[q] - w.from;
          const first = q === 0 || w.owner[q - 1] !== w.owner[q];
          const hashtag = doc.tokens[w.owner[q]].kind === 'hashtag';
          if (!hashtag) perToken[k] = tags[i][q];
          else if (perToken[k] === 'O' && tags[i][q] !== 'O') perToken[k] = `B-${tags[i][q].slice(2)}`;
          else if (first) perToken[k] = 'O';
        }
      }
      spansOf(doc, perToken, w.from, names);
    }
  }
}

export const nerStage: StageSpec = {
  name: 'ner',
  requires: ['tokenize'],
  create: (options) => new NerStage(options),
};
