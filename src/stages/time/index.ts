import type { Doc } from '../../core/types.ts';
import type { Stage, StageSpec } from '../../pipeline/index.ts';
import { extractTimes, loadTimeLexicon, type TimeLexicon } from './extract.ts';

export { renderTimes } from './render.ts';

/**
 * Time expressions: dates (Gregorian, Levantine and Hijri month names, numeric
 * dates, years), weekdays, relative expressions (أمس، الأسبوع الماضي، منذ ثلاثة
 * أيام), durations and sets, resolved to TIMEX3-like values against
 * `doc.article.published` when the article has a publication date.
 */
export const timeStage: StageSpec = {
  name: 'time',
  requires: ['tokenize'],
  create(): Stage {
    let lex: TimeLexicon | undefined;
    return {
      name: 'time',
      requires: ['tokenize'],
      load() {
        lex = loadTimeLexicon();
      },
      process(doc: Doc) {
        lex ??= loadTimeLexicon();
        doc.times = extractTimes(doc, lex);
      },
    };
  },
};
