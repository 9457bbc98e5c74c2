import { modelFile } from '../../core/paths.ts';
import type { Doc, Word } from '../../core/types.ts';
import type { Stage, StageSpec } from '../../pipeline/index.ts';
import { MorphAnalyzer } from './morph.ts';

export { MorphAnalyzer, type MorphWord } from './morph.ts';
export { lightStem } from './stem.ts';

/**
 * Morphology: clitic segmentation of every Arabic word token into syntactic
 * words (PADT style), their UPOS and a light stem. Adds `doc.words`, in token
 * order; word spans are the part of the token's span each word comes from.
 * Options: `modelDir` (default `models/`); `joint: true` for joint segmentation and tagging (off by default,
 * see the README's "Joint segmentation").
 */
export const morphStage: StageSpec = {
  name: 'morph',
  requires: ['tokenize'],
  create(options?: Record<string, unknown>): Stage {
    const dir = typeof options?.modelDir === 'string' ? options.modelDir : modelFile();
    const joint = options?.joint === true;
    let analyzer: MorphAnalyzer | undefined;
    return {
      name: 'morph',
      requires: ['tokenize'],
      load() {
        analyzer ??= MorphAnalyzer.load(dir, { joint });
      },
      process(doc: Doc) {
        analyzer ??= MorphAnalyzer.load(dir, { joint });
        const words: Word[] = [];
        for (const s of doc.sentences) {
          const tokens = doc.tokens.slice(s.tokenStart, s.tokenEnd);
          for (const w of analyzer.analyze(tokens)) {
            const ti = s.tokenStart + w.token;
            const t = doc.tokens[ti];
            words.push({ token: ti, form: w.form, start: t.start + w.start, end: t.start + w.end, upos: w.upos, stem: w.stem });
          }
        }
        doc.words = words;
      },
    };
  },
};
