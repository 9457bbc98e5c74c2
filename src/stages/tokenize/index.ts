import type { Doc, Sentence, Token, Zone } from '../../core/types.ts';
import type { Stage, StageSpec } from '../../pipeline/index.ts';
import { loadAbbreviations, sentenceStarts } from './sentences.ts';
import { scanTokens } from './tokenizer.ts';

export { tokenize } from './tokenizer.ts';

/**
 * Tokens and sentences for the analysed zones of an article (headline and
 * body; datelines and credits are kept out). Adds `doc.tokens` and `doc.sentences`.
 */
export class Tokenizer implements Stage {
  readonly name = 'tokenize';
  private abbreviations: Set<string> | null = null;

  load(): void {
    this.abbreviations ??= loadAbbreviations();
  }

  process(doc: Doc): void {
    this.load();
    const { spans } = doc.article;
    const zones: Array<[Zone, number, number]> = [];
    if (spans.headline && spans.headline.end > spans.headline.start) zones.push(['headline', spans.headline.start, spans.headline.end]);
    if (spans.body.end > spans.body.start) zones.push(['body', spans.body.start, spans.body.end]);
    const tokens: Token[] = [];
    const sentences: Sentence[] = [];
    for (const [zone, from, to] of zones) {
      const t0 = tokens.length;
      scanTokens(doc.text, from, to, tokens);
      splitInto(doc.text, tokens, t0, tokens.length, zone, sentences, this.abbreviations as Set<string>);
    }
    doc.tokens = tokens;
    doc.sentences = sentences;
  }
}

/** Split tokens[from, to) into sentences of one zone, appending to `out` and setting each token's `sentence`. */
export function splitInto(
  text: string,
  tokens: Token[],
  from: number,
  to: number,
  zone: Zone,
  out: Sentence[],
  abbreviations: Set<string>,
): void {
  const starts = sentenceStarts(text, tokens, from, to, abbreviations);
  for (let s = 0; s < starts.length; s++) {
    const a = starts[s];
    const b = s + 1 < starts.length ? starts[s + 1] : to;
    const idx = out.length;
    for (let k = a; k < b; k++) tokens[k].sentence = idx;
    out.push({ start: tokens[a].start, end: tokens[b - 1].end, zone, tokenStart: a, tokenEnd: b });
  }
}

export const tokenizeStage: StageSpec = {
  name: 'tokenize',
  requires: [],
  create: () => new Tokenizer(),
};
