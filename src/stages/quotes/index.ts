import { modelFile } from '../../core/paths.ts';
import type { Doc } from '../../core/types.ts';
import type { Stage, StageSpec } from '../../pipeline/index.ts';
import { extractQuotes } from './extract.ts';
import { type CueLexicon, loadCues } from './lexicon.ts';
import { loadSpeakerModel, rechooseSpeakers, type SpeakerModel } from './speaker.ts';

export { renderQuotes } from './render.ts';

/**
 * Quotes: direct quotes in quotation marks and reported speech introduced by
 * a cue from `data/quotes/cues.tsv`, each with its speaker (an entity from
 * `doc.entities` when one is named there, else the phrase as written), the
 * speaker re-chosen by the learned model `models/quotes-speaker.tsv` when the
 * file is there (option `speaker: false` keeps the rules' choice; `speakerModel`
 * names another file).
 */
export const quotesStage: StageSpec = {
  name: 'quotes',
  requires: ['tokenize'],
  create(options?: Record<string, unknown>): Stage {
    let lex: CueLexicon | undefined;
    let model: SpeakerModel | null | undefined;
    const useModel = options?.speaker !== false;
    const path = typeof options?.speakerModel === 'string' ? options.speakerModel : modelFile('quotes-speaker.tsv');
    return {
      name: 'quotes',
      requires: ['tokenize'],
      load() {
        lex = loadCues();
        model = useModel ? loadSpeakerModel(path) : null;
      },
      process(doc: Doc) {
        lex ??= loadCues();
        if (model === undefined) model = useModel ? loadSpeakerModel(path) : null;
        const quotes = extractQuotes(doc, lex);
        if (model && quotes.length > 0) rechooseSpeakers(doc, quotes, lex, model);
        doc.quotes = quotes;
      },
    };
  },
};
