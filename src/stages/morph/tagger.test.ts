import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { modelFile } from '../../core/paths.ts';
import { MODEL_FILES, MorphAnalyzer } from './morph.ts';
import { allowedTags, ambiguityClasses, Tagger, type TagWord } from './tagger.ts';

const hasModels = existsSync(modelFile(MODEL_FILES.tagger));

/** Tags by the plain route: every key of every position summed, then Viterbi. */
function tagPlain(tagger: Tagger, words: TagWord[]): string[] {
  const t = tagger as unknown as { amb: never; corpus: never; clusters: never };
  const { keys, offsets } = Tagger.featurize(words, t.amb, t.corpus, t.clusters);
  const L = tagger.model.labels.length;
  const emit = new Float64Array(words.length * L);
  for (let i = 0; i < words.length; i++) {
    for (let j = offsets[i]; j < offsets[i + 1]; j++) tagger.model.table.addTo(keys[j], emit, i * L);
  }
  tagger.neural?.addTo(emit, words, tagger.model.labels);
  return Array.from(tagger.decode(emit, tagger.allowed(words), words.length), (i) => tagger.model.labels[i]);
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

const word = (form: string): TagWord => ({ form, surface: form, role: 1, part: 0, parts: 1 });
const sentence = (text: string): { words: TagWord[]; tags: string[] } => {
  const pairs = text.split(' ').map((x) => x.split('/'));
  return { words: pairs.map(([f]) => word(f)), tags: pairs.map(([, t]) => t) };
};
const TOY = [
  ...Array.from({ length: 6 }, () => sentence('ذهب/VERB الرجل/NOUN في/ADP الصباح/NOUN')),
  ...Array.from({ length: 6 }, () => sentence('في/ADP البيت/NOUN ذهب/NOUN كثير/ADJ')),
  sentence('سأل/VERB عن/ADP الطريق/NOUN'),
];

test('tag dictionary: forms seen often enough may only take their training tags', () => {
  const amb = new Map(Object.entries(ambiguityClasses(TOY)));
  const labels = ['ADJ', 'ADP', 'NOUN', 'VERB'];
  // في: 12 uses (count bucket 2), only ADP
  assert.deepEqual(Array.from(allowedTags('في', amb, labels, 2) ?? []), [0, 1, 0, 0]);
  // ذهب: 12 uses, VERB and NOUN
  assert.deepEqual(Array.from(allowedTags('ذهب', amb, labels, 2) ?? []), [0, 0, 1, 1]);
  // عن: once (bucket 1): unrestricted at threshold 2, restricted at 1; no dictionary at 0; unseen forms free
  assert.equal(allowedTags('عن', amb, labels, 2), null);
  assert.deepEqual(Array.from(allowedTags('عن', amb, labels, 1) ?? []), [0, 1, 0, 0]);
  assert.equal(allowedTags('في', amb, labels, 0), null);
  assert.equal(allowedTags('كتب', amb, labels, 1), null);
});

for (const opts of [{ tagDict: 1 }, { order: 2 as const }, { update: 'pa' as const, order: 2 as const, tagDict: 1 }]) {
  test(`tagger trained with ${JSON.stringify(opts)}: cached route = plain route, settings kept in the model`, () => {
    const tagger = Tagger.train(TOY, { epochs: 5, folds: 2, ...opts });
    assert.equal(tagger.dictBucket, opts.tagDict ?? 0);
    assert.equal(tagger.model.meta.order, opts.order);
    for (const s of ['ذهب الرجل في البيت', 'في الصباح ذهب كثير', 'سأل عن كتب جديدة', 'في']) {
      const words = s.split(' ').map(word);
      for (let round = 0; round < 2; round++) assert.deepEqual(tagger.tag(words), tagPlain(tagger, words));
    }
    assert.deepEqual(tagger.tag('ذهب الرجل في الصباح'.split(' ').map(word)), ['VERB', 'NOUN', 'ADP', 'NOUN']);
  });
}

for (const opts of [{}, { order: 2 as const, update: 'pa' as const }]) {
  test(`tagger seeds (${JSON.stringify(opts)}): 1 is the plain model, 3 the mean of the models of seeds 1–3`, () => {
    const weights = (t: Tagger): number[] => {
      const L = t.model.labels.length;
      const keys = [...t.model.table.keys].sort((a, b) => a - b);
      return keys.flatMap((k) => {
        const row = new Float64Array(L);
        t.model.table.addTo(k, row, 0);
        return Array.from(row);
      });
    };
    const plain = Tagger.train(TOY, { epochs: 3, folds: 2, ...opts });
    assert.deepEqual(weights(Tagger.train(TOY, { epochs: 3, folds: 2, seeds: 1, ...opts })), weights(plain));
    const single = [1, 2, 3].map((seed) => Tagger.train(TOY, { epochs: 3, folds: 2, seed, ...opts }));
    const mean = Tagger.train(TOY, { epochs: 3, folds: 2, seeds: 3, ...opts });
    assert.deepEqual(mean.model.labels, plain.model.labels);
    assert.equal(mean.model.meta.order, opts.order);
    const L = mean.model.labels.length;
    const keys = new Set(single.flatMap((t) => [...t.model.table.keys]));
    assert.equal(mean.model.table.keys.length, keys.size);
    for (const k of keys) {
      const want = new Float64Array(L);
      for (const t of single) t.model.table.addTo(k, want, 0);
      const got = new Float64Array(L);
      mean.model.table.addTo(k, got, 0);
      for (let l = 0; l < L; l++) assert.ok(Math.abs(got[l] - want[l] / 3) < 1e-5, `key ${k} label ${l}: ${got[l]} vs ${want[l] / 3}`);
    }
    assert.deepEqual(mean.tag('ذهب الرجل في الصباح'.split(' ').map(word)), ['VERB', 'NOUN', 'ADP', 'NOUN']);
  });
}
