import type { Token } from '../../core/types.ts';
import { readPadt } from '../../corpora/ud-words.ts';
import { loadAbbreviations, sentenceStarts } from './sentences.ts';
import { scanTokens } from './tokenizer.ts';

/**
 * Sentence splitting on PADT: the gold sentences (surface tokens joined by
 * spaces, as the treebank writes them) are concatenated into paragraphs and
 * the splitter must recover the boundaries. Scored as sentence-span F1 (a
 * predicted sentence counts when both its start and end match a gold
 * sentence), the CoNLL 2018 "Sentences" metric.
 *
 * Two layouts:
 *  - `layout`: as news text is laid out: a sentence that ends without a stop
 *    (a headline, a byline, a dateline such as "برلين ترفض ...") stands on
 *    its own line; the others run on, joined by a space, in paragraphs of up
 *    to `paragraph` sentences;
 *  - `runon`: no line breaks at all inside blocks of `paragraph` sentences,
 *    the hardest case (headlines can then only be found by chance).
 */
export interface SentenceScore {
  gold: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Ends with a stop, possibly followed by closing quotes or brackets. */
const FINAL = /[.!?؟…](?:\s*["»”)\]])*$/;

export interface Block {
  text: string;
  /** Gold sentence spans as "start:end" character offsets. */
  gold: Set<string>;
  /** Gold sentence start offsets. */
  goldStarts: Set<number>;
}

/** PADT sentences laid out as paragraphs of text with their gold spans. */
export function padtBlocks(path: string, layout: 'layout' | 'runon', paragraph = 8): Block[] {
  const sents = readPadt(path).map((s) => s.tokens.map((t) => t.surface).join(' '));
  const blocks: Block[] = [];
  for (let b = 0; b < sents.length; b += paragraph) {
    const block = sents.slice(b, b + paragraph);
    let text = '';
    const gold = new Set<string>();
    const goldStarts = new Set<number>();
    block.forEach((s, i) => {
      const start = text.length;
      text += s;
      gold.add(`${start}:${text.length}`);
      goldStarts.add(start);
      if (i < block.length - 1) text += layout === 'layout' && !FINAL.test(s) ? '\n' : ' ';
    });
    blocks.push({ text, gold, goldStarts });
  }
  return blocks;
}

export function evaluateSentences(path: string, layout: 'layout' | 'runon', paragraph = 8): SentenceScore {
  const abbreviations = loadAbbreviations();
  let gold = 0;
  let predicted = 0;
  let correct = 0;
  for (const { text, gold: goldSpans } of padtBlocks(path, layout, paragraph)) {
    const tokens: Token[] = scanTokens(text, 0, text.length, []);
    const starts = sentenceStarts(text, tokens, 0, tokens.length, abbreviations);
    gold += goldSpans.size;
    predicted += starts.length;
    for (let k = 0; k < starts.length; k++) {
      const s = tokens[starts[k]].start;
      const e = tokens[(k + 1 < starts.length ? starts[k + 1] : tokens.length) - 1].end;
      if (goldSpans.has(`${s}:${e}`)) correct++;
    }
  }
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { gold, predicted, correct, precision, recall, f1 };
}
