import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { hasSharedData, modelFile, sharedDataDir } from '../../core/paths.ts';
import { type PadtSentence, parsePadtLine, readPadt } from '../../corpora/ud-words.ts';
import { featureKey, template } from '../../learn/index.ts';
import { Pipeline } from '../../pipeline/index.ts';
import { candidateKey, candidates, partBoundaries } from './clitics.ts';
import { alignToken, evaluateMorph } from './eval.ts';
import { JOINT_DEFAULTS, MorphAnalyzer } from './morph.ts';
import { chooseAlt, type Feats, type RerankModel, trainRerank } from './rerank.ts';
import { unseenContextFeatures } from './segmenter.ts';
import { lightStem } from './stem.ts';
import { ambiguityClasses, Tagger, type TagWord } from './tagger.ts';
import { cleanWord } from './text.ts';
import { goldTagWords, padtFile, trainMorph } from './train.ts';
import { trainSegmenter } from './train-segmenter.ts';

const keys = (w: string) => candidates(w).map(candidateKey);

test('candidates include PADT splits with orthographic restoration', () => {
  assert.ok(keys('للاسلحة').includes('ل+الاسلحة'), 'ل + ال from لل');
  assert.ok(keys('للغة').includes('ل+اللغة'), 'ل + الل from لل');
  assert.ok(keys('حكومته').includes('حكومة+ه'), 'ة from ت before an enclitic');
  assert.ok(keys('عليه').includes('على+ه'), 'ى from ي before an enclitic');
  assert.ok(keys('نقلوه').includes('نقلوا+ه'), 'silent alef of وا');
  assert.ok(keys('وسيكتبونها').includes('و+س+يكتبون+ها'));
  assert.ok(keys('وبه').includes('و+ب+ه'));
  assert.equal(keys('كتاب')[0], 'كتاب', 'the unsplit word comes first');
  assert.ok(!keys('سلك').includes('س+ل+ك'), 'no one-letter stem after a non-conjunction proclitic');
  assert.deepEqual(keys('و'), ['و']);
  assert.deepEqual(keys(''), ['']);
});

test('part boundaries follow the surface spelling', () => {
  assert.deepEqual(partBoundaries('للأسلحة', ['ل', 'الأسلحة']), [0, 1, 7]);
  assert.deepEqual(partBoundaries('وبأنه', ['و', 'ب', 'أن', 'ه']), [0, 1, 2, 4, 5]);
  assert.deepEqual(partBoundaries('لله', ['ل', 'الله']), [0, 1, 3]);
  assert.deepEqual(partBoundaries('نقلوه', ['نقلوا', 'ه']), [0, 4, 5]);
});

test('cleanWord drops diacritics and tatweel and maps offsets back', () => {
  const c = cleanWord('كَتَبـه');
  assert.equal(c.text, 'كتبه');
  assert.deepEqual(Array.from(c.map!), [0, 2, 4, 6, 7]);
  assert.equal(cleanWord('كتب').map, null);
  assert.equal(cleanWord('َ').text, 'َ');
});

test('light stems conflate inflections and spare function words', () => {
  assert.equal(lightStem('المفاوضات', 'NOUN'), 'مفاوض');
  assert.equal(lightStem('مفاوضات', 'NOUN'), 'مفاوض');
  assert.equal(lightStem('الحكومة', 'NOUN'), lightStem('حكومة', 'NOUN'));
  assert.equal(lightStem('اللاعبون', 'NOUN'), lightStem('لاعبين', 'NOUN'));
  assert.equal(lightStem('إليه', 'ADP'), 'اليه');
  assert.equal(lightStem('ان'), 'ان', 'too short to strip');
  assert.equal(lightStem(''), '');
});

test('CoNLL 2018 alignment inside a token: LCS of forms', () => {
  const g = [
    { form: 'ل', upos: 'ADP' },
    { form: 'الأسلحة', upos: 'NOUN' },
  ];
  assert.deepEqual(alignToken(g, [{ form: 'للأسلحة', upos: 'NOUN' }]), { words: 0, upos: 0 });
  assert.deepEqual(
    alignToken(g, [
      { form: 'ل', upos: 'ADP' },
      { form: 'الاسلحة', upos: 'NOUN' },
    ]),
    { words: 1, upos: 1 },
  );
  assert.deepEqual(
    alignToken(g, [
      { form: 'ل', upos: 'PRON' },
      { form: 'الأسلحة', upos: 'NOUN' },
    ]),
    { words: 2, upos: 1 },
  );
  // unsplit on both sides: aligned by span whatever the form
  assert.deepEqual(alignToken([{ form: 'كَتَبَ', upos: 'VERB' }], [{ form: 'كتب', upos: 'VERB' }]), { words: 1, upos: 1 });
});

const word = (form: string): TagWord => ({ form, surface: form, role: 1, part: 0, parts: 1 });
const keysOf = (forms: string[], amb: Record<string, string>): Set<number> =>
  new Set(Tagger.featurize(forms.map(word), new Map(Object.entries(amb)), new Map()).keys);

test('ambiguity classes keep tags of 5 %+ and record tag shares', () => {
  const tags = ['NOUN', 'NOUN', 'NOUN', 'NOUN', 'ADJ'];
  const form = 'عربي';
  const amb = ambiguityClasses([{ words: tags.map(() => word(form)), tags }]);
  assert.equal(amb[form], 'ADJ|NOUN');
  assert.equal(amb['#عربي'], 'n1 NOUN8 ADJ2', 'count bucket of 5 uses, then tenths, most frequent first');
  assert.equal(amb['~عربي'], 'ADJ|NOUN');
  assert.equal(amb['#~عربي'], undefined, 'no shares for folded keys');
});

test('tagger features: shares, related forms, trigrams of unknown forms only', () => {
  const share = template('sh%=');
  const known = keysOf(['عربي'], { عربي: 'ADJ|NOUN', '#عربي': 'n1 NOUN8 ADJ2' });
  assert.ok(known.has(featureKey(share, 'NOUN8')) && known.has(featureKey(share, 'n1')));
  // a known form gets no trigrams; an unknown one does
  const tri = template('tri=');
  assert.ok(!known.has(featureKey(tri, 'عرب')));
  const unknown = keysOf(['بيرلسكوني'], {});
  assert.ok(unknown.has(featureKey(tri, 'بير')) && unknown.has(featureKey(tri, 'كون')));
  // the class of the form with the article toggled is a feature of an unknown form
  const asAdj = keysOf(['مستدام'], { المستدام: 'ADJ' });
  const asNoun = keysOf(['مستدام'], { المستدام: 'NOUN' });
  const none = keysOf(['مستدام'], {});
  assert.ok([...asAdj].some((k) => !asNoun.has(k) && !none.has(k)));
  // nisba: the class of the form without ي
  const nisba = keysOf(['لبناني'], { لبنان: 'X' });
  assert.ok([...nisba].some((k) => !keysOf(['لبناني'], {}).has(k)));
});

const TOY = [
  'وقال و قال الرئيس إن حكومته حكومة ه ستدعم س تدعم المفاوضات .\t_ CCONJ VERB NOUN SCONJ _ NOUN PRON _ AUX VERB NOUN PUNCT',
  'وأكد و أكد الوزير للصحفيين ل الصحفيين أن المفاوضات مستمرة .\t_ CCONJ VERB NOUN _ ADP NOUN SCONJ NOUN ADJ PUNCT',
  'قال الرئيس إن بلاده بلاد ه ستواصل س تواصل العمل .\t VERB NOUN SCONJ _ NOUN PRON _ AUX VERB NOUN PUNCT',
].map(parsePadtLine);

test('training smoke test: a few sentences, two epochs', () => {
  const { analyzer } = trainMorph(TOY, { segEpochs: 2, posEpochs: 3 });
  const words = analyzer.analyze(['وقال', 'الرئيس', 'للصحفيين'].map((text) => ({ text })));
  assert.deepEqual(
    words.map((w) => w.form),
    ['و', 'قال', 'الرئيس', 'ل', 'الصحفيين'],
  );
  assert.equal(words[0].upos, 'CCONJ');
  assert.deepEqual(
    words.map((w) => [w.token, w.start, w.end]),
    [
      [0, 0, 1],
      [0, 1, 4],
      [1, 0, 6],
      [2, 0, 1],
      [2, 1, 8],
    ],
  );
  const scores = evaluateMorph(analyzer, TOY);
  assert.equal(scores.words.f1, 1);
});

test('unseen words are split in context: a name after a title stays whole, و after ثم splits', () => {
  // three-letter stems of letters that are neither proclitics nor enclitics; each used once
  const L = ['د', 'ر', 'ز', 'ج', 'ح', 'خ', 'ط', 'ع', 'غ', 'ق', 'ص', 'ش'];
  const stems: string[] = [];
  for (const a of L) for (const b of L) for (const c of L) if (a !== b && b !== c) stems.push(a + b + c);
  const sents: PadtSentence[] = [];
  for (let i = 0; i < 120; i++) {
    const st = stems[i * 7];
    const whole = i % 2 === 0;
    const prev = whole ? 'السيد' : 'ثم';
    const w = `و${st}`;
    sents.push({
      tokens: [
        { surface: 'وصل', parts: [{ form: 'وصل', upos: 'VERB' }] },
        { surface: prev, parts: [{ form: prev, upos: whole ? 'NOUN' : 'ADV' }] },
        {
          surface: w,
          parts: whole
            ? [{ form: w, upos: 'X' }]
            : [
                { form: 'و', upos: 'CCONJ' },
                { form: st, upos: 'VERB' },
              ],
        },
      ],
    });
  }
  const { segmenter } = trainSegmenter(sents, { epochs: 5 });
  const fresh = `و${stems[stems.length - 3]}`;
  assert.ok(segmenter.isContextual(fresh), 'unseen Arabic words are decided in context');
  assert.ok(!segmenter.isContextual('وصل'), 'unambiguous seen words are not');
  assert.ok(!segmenter.isContextual('abc'), 'non-Arabic words are not');
  assert.deepEqual(segmenter.segmentInContext(['وصل', 'السيد', fresh], 2).forms, [fresh]);
  assert.deepEqual(segmenter.segmentInContext(['وصل', 'ثم', fresh], 2).forms, ['و', fresh.slice(1)]);
  // the analyser routes unseen words through the context (not its per-surface cache)
  const analyzer = new MorphAnalyzer(segmenter, Tagger.train(sents.map(goldTagWords), { epochs: 1 }));
  const forms = (ws: string[]) => analyzer.analyze(ws.map((text) => ({ text }))).map((w) => w.form);
  assert.deepEqual(forms(['وصل', 'السيد', fresh]), ['وصل', 'السيد', fresh]);
  assert.deepEqual(forms(['وصل', 'ثم', fresh]), ['وصل', 'ثم', 'و', fresh.slice(1)]);
  assert.deepEqual(forms(['وصل', 'السيد', fresh]), ['وصل', 'السيد', fresh]);
  // the same with a tatweel: the cleaned word the analyser keeps for contextual tokens maps offsets back each time
  const marked = `و${fresh.slice(1, 2)}ـ${fresh.slice(2)}`;
  for (const prev of ['ثم', 'السيد', 'ثم']) {
    const ws = analyzer.analyze(['وصل', prev, marked].map((text) => ({ text }))).filter((w) => w.token === 2);
    const split = prev === 'ثم';
    assert.deepEqual(
      ws.map((w) => [w.form, w.start, w.end]),
      split
        ? [
            ['و', 0, 1],
            [fresh.slice(1), 1, marked.length],
          ]
        : [[marked, 0, marked.length]],
      prev,
    );
  }
  const a = unseenContextFeatures(['ثم', fresh], 1, { pre: ['و'], stem: fresh.slice(1), enc: '', preLen: 1, encLen: 0, restore: '' });
  assert.deepEqual(a, ['ux:p=ثم|و|'], 'no feature for the sentence end at run time');
  const c = { pre: ['و'], stem: fresh.slice(1), enc: '', preLen: 1, encLen: 0, restore: '' };
  assert.deepEqual(unseenContextFeatures(['ثم', fresh], 1, c, true), ['ux:p=ثم|و|', 'ux:n=</s>|و|'], 'but while training');
  const b = unseenContextFeatures([fresh, 'ثم'], 0, { pre: [], stem: fresh, enc: '', preLen: 0, encLen: 0, restore: '' });
  assert.deepEqual(b, ['ux:p=<s>||', 'ux:n=ثم||']);
});

const haveModels = existsSync(modelFile('morph-seg.bin')) && existsSync(modelFile('morph-pos.bin'));

test('shipped models: segmentation, tags, offsets and odd input', { skip: haveModels ? false : 'needs models/morph-*.bin' }, () => {
  const a = MorphAnalyzer.load(modelFile());
  const words = a.analyze(['وبالأسلحة', 'حكومتهم', 'كتاب', '2024', 'Google', '،'].map((text) => ({ text })));
  const byToken = (t: number) => words.filter((w) => w.token === t).map((w) => w.form);
  assert.deepEqual(byToken(0), ['و', 'ب', 'الأسلحة']);
  assert.deepEqual(byToken(1), ['حكومة', 'هم']);
  assert.deepEqual(byToken(2), ['كتاب']);
  assert.equal(words.find((w) => w.form === '،')?.upos, 'PUNCT');
  assert.equal(words.find((w) => w.form === '2024')?.upos, 'NUM');
  assert.deepEqual(a.analyze([]), []);
  // a headline (no final punctuation): its last word is split like any other
  const head = a.analyze(['اجتماع', 'بين', 'الحكومة', 'والمعارضين'].map((text) => ({ text })));
  assert.deepEqual(
    head.filter((w) => w.token === 3).map((w) => w.form),
    ['و', 'المعارضين'],
  );
  // diacritics and tatweel: offsets still point into the original token
  const d = a.analyze([{ text: 'وَالكتـاب' }]);
  assert.equal(d[0].form, 'و');
  assert.equal(d[d.length - 1].end, 'وَالكتـاب'.length);
  // a huge token without spaces does not hang
  const long = 'ب'.repeat(5000);
  const t0 = performance.now();
  a.analyze([{ text: long }, { text: 'x'.repeat(1000) }]);
  assert.ok(performance.now() - t0 < 2000);
});

test('joint segmentation: off by default; k-best options start with the pipeline choice', {
  skip: haveModels ? false : 'needs models/morph-*.bin',
}, () => {
  const a = MorphAnalyzer.load(modelFile());
  assert.equal(a.joint, null);
  const tokens = ['قال', 'انه', 'التقى', 'وخايمي', 'باليرمو', 'في', 'لكامبوس', 'وصيفا', 'والمعارضين', '.'].map((text) => ({ text }));
  const pipeline = a.analyze(tokens);
  const opts = a.tokenOptions(tokens, 3);
  assert.equal(opts.length, tokens.length);
  opts.forEach((o, ti) => {
    assert.ok(o.length >= 1 && o.length <= 3);
    for (let j = 1; j < o.length; j++) assert.ok(o[j - 1].score >= o[j].score, 'best first');
    const forms = pipeline.filter((w) => w.token === ti).map((w) => w.form);
    assert.deepEqual(o[0].seg.forms, forms, `first option of ${tokens[ti].text} is the pipeline's`);
  });
  assert.ok(
    opts.some((o) => o.length > 1),
    'unseen words have alternatives',
  );
  // the ranker outweighing the tagger gives the pipeline back
  a.joint = { k: 3, margin: Number.POSITIVE_INFINITY, marginSeen: Number.POSITIVE_INFINITY, lambda: 1e9, wordCost: 0, splitsOnly: false };
  assert.deepEqual(a.analyze(tokens), pipeline);
  a.joint = { ...JOINT_DEFAULTS };
  const joint = a.analyze(tokens);
  for (const w of joint) assert.ok(w.start >= 0 && w.end <= tokens[w.token].text.length && w.start <= w.end);
  assert.deepEqual(a.analyze(tokens), joint, 'deterministic');
  assert.deepEqual(MorphAnalyzer.load(modelFile(), { joint: true }).joint, JOINT_DEFAULTS);
});

test('split reranker: off by default; a huge bias gives the pipeline back; rank-1 weights take the alternatives', {
  skip: haveModels ? false : 'needs models/morph-*.bin',
}, () => {
  const a = MorphAnalyzer.load(modelFile());
  assert.equal(a.rerank, null);
  const tokens = ['قال', 'انه', 'التقى', 'وخايمي', 'باليرمو', 'في', 'لكامبوس', 'وصيفا', 'والمعارضين', '.'].map((text) => ({ text }));
  const pipeline = a.analyze(tokens);
  const setting = { k: 3, margin: Number.POSITIVE_INFINITY, marginSeen: Number.POSITIVE_INFINITY, window: 3 };
  const { segs, unsure } = a.rerankTokens(tokens, setting);
  assert.ok(unsure.length > 0, 'unseen words are unsure at an infinite margin');
  for (const t of unsure) {
    assert.deepEqual(t.alts[0].seg, segs[t.ti], 'the first alternative is the pipeline choice');
    assert.ok(t.alts.length >= 2 && t.alts.length <= 3);
    for (const x of t.alts) assert.equal(x.tags.length, x.seg.forms.length);
  }
  const model = (weights: Record<string, number>, bias: number): RerankModel => ({ ...setting, bias, weights });
  a.rerank = null;
  const load = (m: RerankModel) => MorphAnalyzer.load(modelFile(), { rerank: m });
  assert.deepEqual(load(model({ 'r=1': 1 }, 1e9)).analyze(tokens), pipeline, 'a huge bias keeps the pipeline');
  const flipped = load(model({ 'r=1': 100 }, 0));
  const out = flipped.analyze(tokens);
  assert.notDeepEqual(out, pipeline);
  for (const w of out) assert.ok(w.start >= 0 && w.end <= tokens[w.token].text.length && w.start <= w.end);
  for (const t of unsure) {
    const forms = out.filter((w) => w.token === t.ti).map((w) => w.form);
    assert.deepEqual(forms, t.alts[1].seg.forms, `${tokens[t.ti].text} takes its second alternative`);
  }
  assert.deepEqual(flipped.analyze(tokens), out, 'deterministic');
  // the conditional logit learns which alternative is right from a toy feature
  const groups = Array.from({ length: 50 }, (_, i) => {
    const gold = i % 3 === 0 ? 1 : 0;
    const feats: Feats[] = [0, 1].map(
      (j) =>
        [
          [`r=${j}`, 1],
          ['good', j === gold ? 1 : 0],
        ] as Feats,
    );
    return { feats, gold };
  });
  const w = trainRerank(groups, { epochs: 10 });
  assert.ok(w.good > 0);
  for (const g of groups) assert.equal(chooseAlt(g.feats, w, 0), g.gold);
});

test('morph stage fills doc.words with spans inside their tokens', { skip: haveModels ? false : 'needs models/morph-*.bin' }, () => {
  const text = 'وقال الرئيس لوكالة رويترز إن حكومته ستدعم المفاوضات بنسبة 15% مع Google.';
  const doc = Pipeline.create({ stages: ['morph'] }).run({
    id: 't',
    headline: '',
    body: text,
    text,
    spans: { body: { start: 0, end: text.length } },
  });
  const words = doc.words ?? [];
  assert.ok(words.length > doc.tokens.length);
  for (const w of words) {
    const t = doc.tokens[w.token];
    assert.ok(w.start >= t.start && w.end <= t.end && w.start <= w.end, `span of ${w.form} inside its token`);
    assert.ok(w.upos && w.stem !== undefined);
  }
  const forms = words.map((w) => w.form);
  assert.ok(forms.includes('حكومة'));
  assert.equal(doc.text.slice(words[0].start, words[0].end), 'و');
  const empty = Pipeline.create({ stages: ['morph'] }).run({
    id: 'e',
    headline: '',
    body: '',
    text: '',
    spans: { body: { start: 0, end: 0 } },
  });
  assert.deepEqual(empty.words, []);
});

test('PADT dev scores (shipped models)', { skip: hasSharedData() && haveModels ? false : 'needs ../shared/data and models' }, () => {
  const s = evaluateMorph(MorphAnalyzer.load(modelFile()), readPadt(padtFile(sharedDataDir(), 'dev')));
  assert.ok(s.words.f1 > 0.985, `Words F1 ${s.words.f1}`);
  assert.ok(s.upos.f1 > 0.94, `UPOS F1 ${s.upos.f1}`);
});
