import type { Doc } from '../../core/types.ts';
import type { Stage, StageSpec } from '../../pipeline/index.ts';
import { extractQuotes } from './extract.ts';
import { type CueLexicon, loadCues } from './lexicon.ts';

export { renderQuotes } from './render.ts';

/**
 * Quotes: direct quotes in quotation marks and reported speech introduced by
 * a cue from `data/quotes/cues.tsv`, each with its speaker (an entity from
 * `doc.entities` when one is named there, else the phrase as written).
 */
export const quotesStage: StageSpec = {
  name: 'quotes',
  requires: ['tokenize'],
  create(): Stage {
    let lex: CueLexicon | undefined;
    return {
      name: 'quotes',
      requires: ['tokenize'],
      load() {
        lex = loadCues();
      },
      process(doc: Doc) {
        lex ??= loadCues();
        doc.quotes = extractQuotes(doc, lex);
      },
    };
  },
};
