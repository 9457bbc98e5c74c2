import assert from 'node:assert/strict';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { hasSharedData } from '../../core/paths.ts';
import { secondOrderTransitions } from '../../learn/constrained.ts';
import { concatTables, WeightTable } from '../../learn/index.ts';
import { Pipeline } from '../../pipeline/index.ts';
import { learnClusters } from './clusters.ts';
import { formatEmbeddingClusters } from './embeddings.ts';
import { entitySpans, scoreNer } from './evaluate.ts';
import {
  documentHistory,
  featureForm,
  historyCodes,
  historyForm,
  keysOf,
  pairKeys,
  phraseKeys,
  posContextKeys,
  positionKeys,
  sentenceFeatures,
  sentenceKeys,
  stackedKeys,
} from './features.ts';
import { NerGazetteer } from './gazetteer.ts';
import { bioLabels, defaultNerPaths, NerTagger, repairBio, trainNer } from './model.ts';
import { EmissionScorer } from './scorer.ts';

test('entity spans read IOB2 the conlleval way', () => {
  assert.deepEqual(entitySpans(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC', 'I-ORG']), [
    { start: 0, end: 2, type: 'PER' },
    { start: 3, end: 4, type: 'LOC' },
    { start: 4, end: 5, type: 'LOC' },
    { start: 5, end: 6, type: 'ORG' },
  ]);
  assert.deepEqual(entitySpans([]), []);
});

test('scoreNer counts exact span and type only', () => {
  const gold = [['B-PER', 'I-PER', 'O', 'B-LOC']];
  const pred = [['B-PER', 'O', 'O', 'B-LOC']];
  const s = scoreNer(gold, pred);
  assert.equal(s.overall.tp, 1);
  assert.equal(s.overall.fp, 1);
  assert.equal(s.overall.fn, 1);
  assert.equal(s.byType.LOC.f1, 1);
  assert.equal(s.byType.PER.f1, 0);
  assert.throws(() => scoreNer(gold, []));
});

test('repairBio turns a stray I- into B-', () => {
  assert.deepEqual(repairBio(['I-PER', 'I-PER', 'O', 'I-LOC', 'B-ORG', 'I-LOC']), ['B-PER', 'I-PER', 'O', 'B-LOC', 'B-ORG', 'B-LOC']);
});

test('bioLabels = repairBio of the labels', () => {
  const labels = ['B-LOC', 'B-MISC', 'B-ORG', 'B-PER', 'I-LOC', 'I-MISC', 'I-ORG', 'I-PER', 'O'];
  let seed = 7;
  for (let k = 0; k < 200; k++) {
    const idx = Int32Array.from({ length: k % 9 }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % labels.length;
    });
    assert.deepEqual(bioLabels(labels, idx), repairBio(Array.from(idx, (l) => labels[l])));
  }
});

test('gazetteer phrase matches take the longest name and allow a proclitic', () => {
  const g = new NerGazetteer();
  g.add('الولايات المتحدة', 'LOC');
  g.add('الولايات المتحدة الأمريكية', 'LOC');
  g.add('مجلس الأمن', 'ORG');
  const m = g.match(['قالت', 'والولايات', 'المتحده', 'الامريكيه', 'ان', 'مجلس', 'الامن']);
  assert.deepEqual(m, [
    { start: 1, end: 4, type: 'LOC' },
    { start: 5, end: 7, type: 'ORG' },
  ]);
  assert.deepEqual(g.match([]), []);
  // Skipping the tokens where no phrase can start gives the same matches.
  const forms = ['قالت', 'والولايات', 'المتحده', 'الامريكيه', 'ان', 'مجلس', 'الامن'];
  assert.deepEqual(
    forms.map((f) => g.canStart(f)),
    [false, true, false, false, false, true, false],
  );
  assert.deepEqual(
    g.match(
      forms,
      forms.map((f) => g.canStart(f)),
    ),
    m,
  );
  const back = NerGazetteer.parse(g.format('t'));
  assert.equal(back.flags('مجلس الامن'), g.flags('مجلس الامن'));
});

test('features: same keys for the same input, bias only when asked, no crash on odd tokens', () => {
  const res = { gaz: new NerGazetteer(), clusters: learnClusters([]) };
  const toks = ['قال', 'بوتين', '2018', '#سوريا', 'abc', '…', ''];
  const a = sentenceKeys(toks, res, false);
  const b = sentenceKeys(toks, res, true);
  assert.equal(a.offsets.length, toks.length + 1);
  assert.equal(b.keys.length - a.keys.length, toks.length);
  assert.deepEqual(sentenceKeys(toks, res, false).keys, a.keys);
  assert.equal(sentenceKeys([], res, true).keys.length, 0);
  // Word dropout leaves out the word's identity keys (form, stripped form) and its two bigrams, nothing else.
  const sf = sentenceFeatures(toks, res);
  const dropped = keysOf(sf, false, Uint8Array.of(0, 1, 0, 0, 0, 0, 0));
  const size = (k: { offsets: Int32Array }, i: number): number => k.offsets[i + 1] - k.offsets[i];
  assert.equal(size(a, 1) - size(dropped, 1), sf.info[1].nLex + 2);
  assert.equal(size(a, 0), size(dropped, 0));
  const kept = new Set(a.keys.subarray(a.offsets[1], a.offsets[2]));
  for (const k of dropped.keys.subarray(dropped.offsets[1], dropped.offsets[2])) assert.ok(kept.has(k));
  // Embedding clusters add the word's two cluster keys and one key per neighbour at ±1; none without them.
  const emb = [new Map([['بوتين', 3]]), new Map([['بوتين', 30]])];
  const withEmb = keysOf(sentenceFeatures(toks, { ...res, emb }), false);
  assert.equal(withEmb.keys.length - a.keys.length, 2 * toks.length + 2 * (toks.length - 1));
  assert.deepEqual(keysOf(sentenceFeatures(toks, { ...res, emb: [] }), false).keys, a.keys);
  assert.equal(featureForm('العام 2018'), 'العام 0');
  assert.equal(featureForm('CNN'), 'cnn');
});

test('a toy tagger learns names from context', () => {
  const tmp = `/tmp/khabar-ner-test-${process.pid}`;
  const paths = { model: `${tmp}.bin`, model2: `${tmp}-2.bin`, gazetteer: `${tmp}-gaz.tsv`, clusters: `${tmp}-none.tsv` };
  const train = [];
  const names = ['كريم', 'سمير', 'هشام', 'وليد', 'ماجد', 'رامي'];
  const cities = ['بغداد', 'دمشق', 'عمان', 'بيروت'];
  for (let i = 0; i < 30; i++) {
    train.push({ tokens: ['قال', names[i % 6], 'في', cities[i % 4], 'اليوم'], tags: ['O', 'B-PER', 'O', 'B-LOC', 'O'] });
  }
  const tagger = trainNer({ train, epochs: 5, paths, rebuildGazetteer: false, save: false, folds: 3, pos: false });
  assert.ok(tagger.stage2);
  assert.deepEqual(tagger.tag(['قال', 'سمير', 'في', 'بيروت', 'اليوم']), ['O', 'B-PER', 'O', 'B-LOC', 'O']);
  assert.deepEqual(tagger.tag([]), []);
  // Averaged seeds and word dropout: still learns, and deterministic.
  const opts = { train, epochs: 3, paths, rebuildGazetteer: false, save: false, folds: 2, pos: false, seeds: 2, wordDropout: 0.3 };
  const a = trainNer(opts);
  const b = trainNer(opts);
  assert.deepEqual(a.tag(['قال', 'سمير', 'في', 'بيروت', 'اليوم']), ['O', 'B-PER', 'O', 'B-LOC', 'O']);
  assert.deepEqual(a.model.table.weights, b.model.table.weights);
  assert.deepEqual(a.stage2?.table.weights, b.stage2?.table.weights);
});

test('second-order and passive-aggressive NER models: meta, save, load, same tags', () => {
  const tmp = `/tmp/khabar-ner-test-o2-${process.pid}`;
  const paths = { model: `${tmp}.bin`, model2: `${tmp}-2.bin`, gazetteer: `${tmp}-gaz.tsv`, clusters: `${tmp}-none.tsv` };
  const names = ['كريم', 'سمير', 'هشام', 'وليد', 'ماجد', 'رامي'];
  const families = ['الأحمد', 'الخطيب', 'منصور'];
  const cities = ['بغداد', 'دمشق', 'عمان', 'بيروت'];
  const train = [];
  for (let i = 0; i < 30; i++) {
    const toks = ['قال', names[i % 6], families[i % 3], 'في', cities[i % 4], 'اليوم'];
    train.push({ tokens: toks, tags: ['O', 'B-PER', 'I-PER', 'O', 'B-LOC', 'O'] });
  }
  const probe = [
    ['قال', 'سمير', 'منصور', 'في', 'بيروت', 'اليوم'],
    ['قال', 'كريم', 'في', 'دمشق'],
    ['بغداد', 'هشام', 'الخطيب', 'الأحمد'],
  ];
  try {
    for (const [order, update] of [
      [[2, 2], 'perceptron'],
      [[1, 2], 'pa'],
    ] as const) {
      const trained = trainNer({ train, epochs: 4, paths, rebuildGazetteer: false, folds: 2, pos: false, seeds: 2, order, update });
      assert.equal(trained.model.meta.order, order[0] === 2 ? 2 : undefined);
      assert.equal(trained.stage2?.meta.order, 2);
      assert.equal(trained.stage2?.meta.update, update === 'pa' ? 'pa' : undefined);
      assert.deepEqual(trained.tag(probe[0]), ['O', 'B-PER', 'I-PER', 'O', 'B-LOC', 'O']);
      const loaded = NerTagger.load(paths);
      assert.equal(loaded.stage2?.meta.order, 2);
      assert.equal(loaded.model.meta.order, trained.model.meta.order);
      // the second-order weights were saved (int16: same tags, not bit-identical weights)
      const L = loaded.stage2?.labels.length ?? 0;
      assert.ok(secondOrderTransitions(loaded.stage2!).some((w) => w !== 0));
      assert.equal(secondOrderTransitions(loaded.stage2!).length, (L + 1) * (L + 1) * L);
      assert.deepEqual(loaded.tagDocument(probe), trained.tagDocument(probe));
    }
  } finally {
    for (const f of [paths.model, paths.model2]) if (existsSync(f)) rmSync(f);
  }
});

test('ner stage: offsets point at the names', { skip: existsSync(defaultNerPaths().model) ? false : 'no models/ner.bin' }, () => {
  const text = 'وقال الرئيس الروسي فلاديمير بوتين في موسكو إن روسيا لن تتراجع.';
  const p = Pipeline.create({ stages: ['ner'] });
  const doc = p.run({ id: 't', headline: '', body: text, text, spans: { body: { start: 0, end: text.length } } });
  const names = doc.names ?? [];
  for (const n of names) assert.equal(text.slice(n.start, n.end), n.text);
  // With the morph layer (POS from doc.words) the same names come out.
  const withMorph = Pipeline.create({ stages: ['morph', 'ner'] }).run({
    id: 't',
    headline: '',
    body: text,
    text,
    spans: { body: { start: 0, end: text.length } },
  });
  assert.ok((withMorph.names ?? []).some((n) => n.type === 'PER' && n.text === 'فلاديمير بوتين'));
  assert.ok(names.some((n) => n.type === 'PER' && n.text === 'فلاديمير بوتين'));
  assert.ok(names.some((n) => n.type === 'LOC' && n.text === 'موسكو'));
  // A hashtag is tagged as the words it spells and gives one name, the hashtag without its #.
  const tagged = 'وصادر المحققون وثائق تخص الممثلة الإباحية، #ستورمي_دانيالز، التي تتهم الرئيس. وأطلق قاض سراح الممثل #زياد_عيتاني.';
  const h = Pipeline.create({ stages: ['morph', 'ner'] }).run({
    id: 'h',
    headline: '',
    body: tagged,
    text: tagged,
    spans: { body: { start: 0, end: tagged.length } },
  });
  const per = (h.names ?? []).filter((n) => n.type === 'PER').map((n) => n.text);
  assert.ok(per.includes('#ستورمي_دانيالز') || per.includes('ستورمي_دانيالز'), JSON.stringify(h.names));
  for (const n of h.names ?? []) assert.equal(tagged.slice(n.start, n.end), n.text);
  // Bad input never crashes.
  for (const t of ['', 'ـــ', 'a'.repeat(5000), 'بوتين'.repeat(2000), '#_ #__ #أ_ب_ج_د_ه_و']) {
    p.run({ id: 'x', headline: '', body: t, text: t, spans: { body: { start: 0, end: t.length } } });
  }
});

test('ANERcorp dev F1 of the shipped model stays above 70', {
  skip: hasSharedData() && existsSync(defaultNerPaths().model) ? false : 'needs ../shared/data and models/ner.bin',
}, async () => {
  const { anercorpSplit } = await import('../../corpora/ner-conll.ts');
  const { NerTagger } = await import('./model.ts');
  const tagger = NerTagger.load();
  const dev = anercorpSplit('dev');
  const s = scoreNer(
    dev.map((x) => x.tags),
    tagger.tagDocument(dev.map((x) => x.tokens)),
  );
  assert.ok(s.overall.f1 > 0.7, `dev F1 ${s.overall.f1}`);
});

/** Emissions from the flat keys (what training sees), for comparison with the scorer's cached sums. */
function flatEmissions(tagger: NerTagger, stage: 1 | 2, tokens: string[], ctx?: { labels: string[]; history: string[] }): Float64Array {
  const model = stage === 1 ? tagger.model : tagger.stage2!;
  const L = model.labels.length;
  let sk = keysOf(sentenceFeatures(tokens, tagger.res), true);
  if (ctx) sk = stackedKeys(sk, ctx);
  const emit = new Float64Array(tokens.length * L);
  for (let i = 0; i < tokens.length; i++)
    for (let j = sk.offsets[i]; j < sk.offsets[i + 1]; j++) model.table.addTo(sk.keys[j], emit, i * L);
  return emit;
}

function assertSameEmissions(tagger: NerTagger, sentences: string[][]): void {
  for (const stage of [1, 2] as const) {
    const model = stage === 1 ? tagger.model : tagger.stage2!;
    const scorer = new EmissionScorer([tagger.model, tagger.stage2!]);
    const L = model.labels.length;
    for (const toks of sentences) {
      const ctx = stage === 2 ? { labels: tagger.tagFirst(toks), history: toks.map((_, i) => ['-', 'O', 'PER', 'LOC'][i % 4]) } : undefined;
      const want = flatEmissions(tagger, stage, toks, ctx);
      const sf = sentenceFeatures(toks, tagger.res);
      const got = scorer.modelEmissions(scorer.emissions(sf), toks.length, stage - 1, ctx ?? null, new Float64Array(toks.length * L));
      for (let k = 0; k < want.length; k++)
        assert.ok(Math.abs(want[k] - got[k]) < 1e-3, `stage ${stage} [${toks.join(' ')}] ${k}: ${got[k]} != ${want[k]}`);
    }
  }
}

test('scorer: cached per-word emission sums equal the flat key sums (toy model)', () => {
  const tmp = `/tmp/khabar-ner-test-s-${process.pid}`;
  const names = ['كريم', 'سمير', 'هشام', 'وليد', 'ماجد', 'رامي'];
  const cities = ['بغداد', 'دمشق', 'عمان', 'بيروت'];
  // Embedding clusters for some of the words (the others are unknown words), so their keys are scored too.
  const embClusters = `${tmp}-emb.tsv`;
  writeFileSync(
    embClusters,
    formatEmbeddingClusters(
      [...names.slice(0, 4), ...cities, 'قال'],
      [Int32Array.of(0, 0, 0, 0, 1, 1, 1, 1, 2), Int32Array.of(0, 1, 2, 3, 4, 5, 6, 7, 8)],
      'test',
    ),
  );
  const paths = { model: `${tmp}.bin`, model2: `${tmp}-2.bin`, gazetteer: `${tmp}-gaz.tsv`, clusters: `${tmp}-none.tsv`, embClusters };
  const train = [];
  for (let i = 0; i < 30; i++) {
    const toks = ['قال', names[i % 6], 'في', cities[i % 4], 'اليوم'];
    const tags = ['O', 'B-PER', 'O', 'B-LOC', 'O'];
    if (i % 3 === 0) {
      toks.push('و', names[(i + 1) % 6]);
      tags.push('O', 'B-PER');
    }
    train.push({ tokens: toks, tags });
  }
  const tagger = trainNer({ train, epochs: 3, paths, rebuildGazetteer: false, save: false, folds: 2, pos: false });
  rmSync(embClusters);
  assert.equal(tagger.res.emb?.length, 2);
  assertSameEmissions(tagger, [
    ['قال', 'سمير', 'في', 'بيروت', 'اليوم'],
    ['سمير'],
    ['في', 'دمشق'],
    ['وقال', 'كريم', 'و', 'رامي', 'من', 'عمان', 'أمس', '2018', '.'],
  ]);
});

test('scorer: same emissions as the flat keys with the shipped model', {
  skip: hasSharedData() && existsSync(defaultNerPaths().model) ? false : 'needs ../shared/data and models/ner.bin',
}, async () => {
  const { anercorpSplit } = await import('../../corpora/ner-conll.ts');
  const tagger = NerTagger.load();
  tagger.morph = null;
  assertSameEmissions(
    tagger,
    anercorpSplit('dev')
      .slice(0, 40)
      .map((s) => s.tokens),
  );
});

test('document history: the other sentences within the window, most frequent entity type', () => {
  const sents = [['بوتين', 'قال'], ['بوتين', 'زار', 'موسكو'], ['قال', 'موسكو'], ['بوتين']];
  const labels = [['B-PER', 'O'], ['B-LOC', 'O', 'B-LOC'], ['O', 'O'], ['B-PER']];
  assert.deepEqual(documentHistory(sents, labels, 15), [['PER', 'O'], ['PER', '-', 'O'], ['O', 'LOC'], ['PER']]);
  // Window 1: sentence 3 sees sentence 2 only.
  assert.deepEqual(documentHistory(sents, labels, 1)[3], ['-']);
  assert.deepEqual(documentHistory(sents, labels, 1)[0], ['LOC', '-']);
  const forms = sents.map((s) => s.map(historyForm));
  assert.deepEqual(documentHistory(sents, labels, 15, forms), documentHistory(sents, labels, 15));
});

test('concatTables puts rows side by side, zeros where a table lacks the key', () => {
  const a = new WeightTable(2, Uint32Array.of(5, 9), Float32Array.of(1, 2, 3, 4));
  const b = new WeightTable(3, Uint32Array.of(9, 11), Float32Array.of(10, 20, 30, 40, 50, 60));
  const c = concatTables([a, b]);
  assert.equal(c.nLabels, 5);
  const row = (k: number): number[] => {
    const s = new Float64Array(5);
    c.addTo(k, s);
    return [...s];
  };
  assert.deepEqual(row(5), [1, 2, 0, 0, 0]);
  assert.deepEqual(row(9), [3, 4, 10, 20, 30]);
  assert.deepEqual(row(11), [0, 0, 40, 50, 60]);
  assert.deepEqual(row(12), [0, 0, 0, 0, 0]);
});

test('document history: the sliding window gives what a direct count over the other sentences gives', () => {
  // Reference: count every other sentence within the window, per word.
  const TYPES = ['O', 'PER', 'LOC', 'ORG', 'MISC'];
  const reference = (forms: string[][], labels: string[][], window: number): string[][] =>
    forms.map((f, si) =>
      f.map((form) => {
        if (!form) return '-';
        const tot = new Int32Array(5);
        let seen = false;
        for (let k = Math.max(0, si - window); k < Math.min(forms.length, si + window + 1); k++) {
          if (k === si) continue;
          forms[k].forEach((g, j) => {
            if (g !== form) return;
            seen = true;
            const l = labels[k][j];
            tot[l === 'O' ? 0 : TYPES.indexOf(l.slice(2))]++;
          });
        }
        if (!seen) return '-';
        let best = 0;
        for (let t = 1; t < 5; t++) if (tot[t] > tot[best] || (best === 0 && tot[t] > 0)) best = t;
        return TYPES[best];
      }),
    );
  const words = ['بوتين', 'موسكو', 'قال', 'الرئيس', 'سوريا', ''];
  const tags = ['O', 'B-PER', 'I-PER', 'B-LOC', 'B-ORG', 'B-MISC'];
  let seed = 3;
  const next = (m: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % m;
  };
  for (const window of [0, 1, 3, 15]) {
    const forms = Array.from({ length: 40 }, () => Array.from({ length: next(6) }, () => words[next(words.length)]));
    const labels = forms.map((f) => f.map(() => tags[next(tags.length)]));
    assert.deepEqual(documentHistory(forms, labels, window, forms), reference(forms, labels, window));
  }
});

test('historyCodes: documentHistory as codes, from the words and first-stage types', () => {
  const res = { gaz: new NerGazetteer(), clusters: learnClusters([]) };
  const words = ['بوتين', 'موسكو', 'وموسكو', 'قال', 'الرئيس', 'سوريا', 'في', '2018'];
  const tags = ['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'B-MISC', 'I-MISC'];
  const TYPE: Record<string, number> = { O: 0, PER: 1, LOC: 2, ORG: 3, MISC: 4 };
  const CODE: Record<string, number> = { '-': 0, O: 1, PER: 2, LOC: 3, ORG: 4, MISC: 5 };
  let seed = 7;
  const next = (m: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % m;
  };
  for (const window of [0, 1, 3, 15]) {
    for (let doc = 0; doc < 3; doc++) {
      const sents = Array.from({ length: 30 }, () => Array.from({ length: next(7) }, () => words[next(words.length)]));
      const labels = sents.map((f) => f.map(() => tags[next(tags.length)]));
      const info = sents.map((s) => sentenceFeatures(s, res).info);
      const types = labels.map((ls) => Uint8Array.from(ls, (l) => TYPE[l === 'O' ? 'O' : l.slice(2)]));
      const want = documentHistory(sents, labels, window).map((row) => row.map((h) => CODE[h]));
      assert.deepEqual(
        historyCodes(info, types, window).map((r) => [...r]),
        want,
      );
    }
  }
});

test('pairKeys + posContextKeys + phraseKeys: the keys of positionKeys', () => {
  const res = { gaz: new NerGazetteer(), clusters: learnClusters([]) };
  const toks = ['قال', 'بوتين', 'في', 'موسكو', '2018', '.'];
  for (const pos of [undefined, ['VERB', 'PROPN', 'ADP', 'PROPN', 'NUM', 'PUNCT']]) {
    const sf = sentenceFeatures(toks, res, pos);
    for (let i = 0; i < toks.length; i++) {
      const want = new Uint32Array(16);
      const n = positionKeys(sf, i, want, 0);
      const got = new Uint32Array(16);
      let m = pairKeys(sf, i, got, 0);
      m = phraseKeys(sf.phrase[i], sf.info[i].hsh, i === 0, got, m);
      if (sf.ph) m = posContextKeys(i > 0 ? sf.ph[i - 1] : null, sf.ph[i], i + 1 < toks.length ? sf.ph[i + 1] : null, got, m);
      assert.deepEqual([...got.subarray(0, m)].sort(), [...want.subarray(0, n)].sort());
    }
  }
});
