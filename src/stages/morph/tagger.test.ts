import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { modelFile } from '../../core/paths.ts';
import { MODEL_FILES, MorphAnalyzer } from './morph.ts';
import { Tagger, type TagWord } from './tagger.ts';

const hasModels = existsSync(modelFile(MODEL_FILES.tagger));

/** Tags by the plain route: every key of every position summed, then Viterbi. */
function tagPlain(tagger: Tagger, words: TagWord[]): string[] {
  const t = tagger as unknown as { amb: never; corpus: never; clusters: never };
  const { keys, offsets } = Tagger.featurize(words, t.amb, t.corpus, t.clusters);
  return Array.from(tagger.model.predictKeys(keys, offsets, words.length), (i) => tagger.model.labels[i]);
}

test("cached tagging (form-only sums per form) gives the plain route's tags", {
  skip: !hasModels && 'models/morph-pos.bin missing',
}, () => {
  const morph = MorphAnalyzer.load(modelFile('.'));
  const sentences = [
    'وأكد وزير الخارجية الروسي سيرغي لافروف أن بلاده ستواصل دعمها للحكومة السورية',
    'قتل 18 شخصا وأصيب عشرات آخرون بجروح في انفجار سيارتين مفخختين في بغداد أمس',
    'تظاهر آلاف الإسرائيليين مساء أمس في تل أبيب احتجاجا على حملة اليمين المتطرف',
    'وبالأسلحة وللأسلحة حكومته كتبوها فسيكتبونها',
  ];
  let words = 0;
  for (let round = 0; round < 2; round++) {
    // the second round reads every form from the cache
    for (const s of sentences) {
      const analysed = morph.analyze(s.split(' ').map((text) => ({ text, kind: 'word' })));
      const surfaces = s.split(' ');
      const tw: TagWord[] = analysed.map((w, i) => {
        const first = analysed.findIndex((x) => x.token === w.token);
        const parts = analysed.filter((x) => x.token === w.token).length;
        const part = i - first;
        // proclitics before the longest part, enclitics after it
        const stem = analysed.slice(first, first + parts).reduce((b, x, j, a) => (x.form.length > a[b].form.length ? j : b), 0);
        const role = part < stem ? 0 : part > stem ? 2 : 1;
        return { form: w.form, surface: surfaces[w.token], role, part, parts };
      });
      assert.deepEqual(morph.tagger.tag(tw), tagPlain(morph.tagger, tw));
      words += tw.length;
    }
  }
  assert.ok(words > 50);
});
