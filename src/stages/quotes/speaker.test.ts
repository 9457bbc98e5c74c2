import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Doc, Entity } from '../../core/types.ts';
import type { GoldAnnotation } from '../../corpora/gold.ts';
import { speakerJudge } from '../../eval/gold.ts';
import { predRecord } from '../../eval/run.ts';
import { loadCues } from './lexicon.ts';
import {
  candidateProbs,
  chooseCandidate,
  formatSpeakerModel,
  parseSpeakerModel,
  rechooseSpeakers,
  type SpeakerModel,
  speakerCandidates,
} from './speaker.ts';
import { ruleQuotesDoc } from './test-docs.ts';
import { cvSpeakerModel, speakerDoc, speakerGroups, trainSpeakerModel } from './train-speaker.ts';

const run = ruleQuotesDoc;

const model = (weights: Record<string, number>, margin = 0): SpeakerModel => ({
  bias: 0,
  weights: new Map(Object.entries(weights)),
  margin,
  kind: 'logit',
  header: 'test',
});

// "Trump accused Putin of meddling in the elections, saying that Russia is entirely under the Kremlin's control."
const ACCUSE = 'واتهم ترامب بوتين بأنه يتدخل في الانتخابات، قائلا إن روسيا تحت سيطرة الكرملين تماما.';
const ACCUSE_NAMES: Array<[string, Entity['type']]> = [
  ['ترامب', 'PER'],
  ['بوتين', 'PER'],
  ['روسيا', 'LOC'],
];

test('speaker candidates (18th session+1): the rules’ choice first, then the names before the cue in their order, none from the quoted words', () => {
  const doc = run(ACCUSE, ACCUSE_NAMES);
  const q = (doc.quotes ?? []).find((x) => x.text.includes('الكرملين'));
  assert.ok(q, JSON.stringify(doc.quotes));
  const cands = speakerCandidates(doc, [q], loadCues())[0];
  assert.equal(cands[0].rule, true);
  assert.ok(cands[0].feats.includes('rule'));
  const byName = new Map(cands.filter((c) => !c.rule).map((c) => [c.text, c]));
  // روسيا is inside the quoted words: not a candidate
  assert.ok(!byName.has('روسيا'), [...byName.keys()].join(' '));
  // the names the rules did not choose are candidates before the cue, ranked in text order
  const ranks = new Map([
    ['ترامب', 'rank=0'],
    ['بوتين', 'rank=1'],
  ]);
  for (const [name, rank] of ranks) {
    const c = byName.get(name);
    if (!c) {
      // the rules' own choice is merged into the first candidate
      assert.equal(cands[0].entity, doc.entities?.find((e) => e.name === name)?.id);
      continue;
    }
    assert.ok(c.feats.includes('w=beforeCue') && c.feats.includes(rank), `${name}: ${c.feats.join(' ')}`);
    assert.ok(c.feats.includes('t=PER'));
  }
});

test('a cue agrees with its subject in gender: a woman named with أنها is no candidate for a masculine cue', () => {
  // "Trump accused Merkel of being a hostage of Russia, saying that Germany is under Moscow's control."
  const doc = run('واتهم ترامب ميركل بأنها رهينة لروسيا، قائلا إن ألمانيا تحت سيطرة موسكو تماما.', [
    ['ترامب', 'PER'],
    ['ميركل', 'PER'],
  ]);
  const q = (doc.quotes ?? []).find((x) => x.text.includes('ألمانيا'));
  assert.ok(q, JSON.stringify(doc.quotes));
  const names = speakerCandidates(doc, [q], loadCues())[0].map((c) => c.text);
  assert.ok(!names.includes('ميركل'), names.join(' / '));
  // and with a feminine cue she is one
  const fem = run('واتهمت ميركل ترامب بأنه يهدد التجارة، قائلة إن أوروبا لن تخضع.', [
    ['ترامب', 'PER'],
    ['ميركل', 'PER'],
  ]);
  const qf = (fem.quotes ?? []).find((x) => x.text.includes('أوروبا'));
  assert.ok(qf, JSON.stringify(fem.quotes));
  const cf = speakerCandidates(fem, [qf], loadCues())[0];
  assert.ok(
    cf.some((c) => c.entity === fem.entities?.find((e) => e.name === 'ميركل')?.id),
    cf.map((c) => c.text).join(' / '),
  );
  assert.ok(!cf.some((c) => !c.rule && c.text === 'ترامب'), cf.map((c) => c.text).join(' / '));
});

test('the choice: the best candidate replaces the rules’ only when it leads them by the margin', () => {
  assert.equal(chooseCandidate([0.3, 0.6, 0.1], 0), 1);
  assert.equal(chooseCandidate([0.3, 0.6, 0.1], 0.2), 1);
  assert.equal(chooseCandidate([0.3, 0.6, 0.1], 0.4), 0);
  assert.equal(chooseCandidate([0.5], 0), 0);
  const p = candidateProbs(model({ a: 1 }), [
    { entity: null, text: 'x', rule: true, feats: [] },
    { entity: 'e1', text: 'y', rule: false, feats: ['a'] },
  ]);
  assert.ok(Math.abs(p[0] + p[1] - 1) < 1e-9 && p[1] > p[0], String(p));
});

test('rechooseSpeakers: a model that prefers the second name before a participle cue moves the quote to it; a large margin keeps the rules’ speaker', () => {
  const doc = run(ACCUSE, ACCUSE_NAMES);
  const q = (doc.quotes ?? []).find((x) => x.text.includes('الكرملين'));
  assert.ok(q);
  const ruleSpeaker = q.speaker;
  const putin = doc.entities?.find((e) => e.name === 'بوتين')?.id;
  const trump = doc.entities?.find((e) => e.name === 'ترامب')?.id;
  const target = ruleSpeaker === putin ? trump : putin;
  const rank = target === putin ? 'rank=1' : 'rank=0';
  const kept = { ...q };
  rechooseSpeakers(doc, [kept], loadCues(), model({ [rank]: 5 }, 1));
  assert.equal(kept.speaker, ruleSpeaker);
  const moved = { ...q };
  rechooseSpeakers(doc, [moved], loadCues(), model({ [rank]: 5 }));
  assert.equal(moved.speaker, target);
  assert.equal(moved.speakerText, target === putin ? 'بوتين' : 'ترامب');
  assert.equal(doc.text.slice(moved.speakerSpan?.start, moved.speakerSpan?.end), moved.speakerText);
});

test('the speaker model file round-trips, and a bad kind or weight is a clear error', () => {
  const m: SpeakerModel = { ...model({ 'w=beforeCue': 1.25, 'rule|rk=desc': -0.5 }, 0.05), header: 'a header' };
  const back = parseSpeakerModel(formatSpeakerModel(m));
  assert.deepEqual([...back.weights].sort(), [...m.weights].sort());
  assert.equal(back.margin, 0.05);
  assert.equal(back.kind, 'logit');
  assert.equal(back.header, 'a header');
  assert.throws(() => parseSpeakerModel('kind\tsvm\n'), /unknown kind/);
  assert.throws(() => parseSpeakerModel('w=x\tabc\n'), /bad weight/);
});

function goldOf(doc: Doc, speaker: string, text: string): GoldAnnotation {
  return {
    id: doc.id,
    entities: [{ name: speaker, name_en: '', type: 'PER', mentions: [speaker] }],
    quotes: [{ speaker, speaker_mention: speaker, cue: 'قائلا', direct: false, text }],
    events: [],
  } as unknown as GoldAnnotation;
}

test('speakerJudge: right and wrong speakers of a quote that covers a gold quote; null when it covers none', () => {
  const doc = run(ACCUSE, ACCUSE_NAMES);
  const judge = speakerJudge(goldOf(doc, 'ترامب', 'روسيا تحت سيطرة الكرملين تماما'), predRecord(doc));
  assert.equal(judge('إن روسيا تحت سيطرة الكرملين تماما', 'e1', 'ترامب'), true);
  assert.equal(judge('إن روسيا تحت سيطرة الكرملين تماما', 'e2', 'بوتين'), false);
  assert.equal(judge('إن روسيا تحت سيطرة الكرملين تماما', null, 'الرئيس ترامب'), true);
  assert.equal(judge('يتدخل في الانتخابات', 'e1', 'ترامب'), null);
});

test('training and cross-validation on hand-made articles: groups from judged quotes, a model that ranks the gold speaker first', () => {
  const texts: Array<[string, string, string]> = [
    [ACCUSE, 'ترامب', 'روسيا تحت سيطرة الكرملين تماما'],
    ['وانتقد ماكرون جونسون بشدة، مضيفا أن بريطانيا أخطأت في قرارها.', 'ماكرون', 'بريطانيا أخطأت في قرارها'],
    ['والتقى بوتين أردوغان في سوتشي، مؤكدا أن التعاون بين البلدين يتقدم.', 'بوتين', 'التعاون بين البلدين يتقدم'],
    ['وهاجم نتنياهو عباس في خطابه، مشيرا إلى أن المفاوضات متوقفة منذ سنوات.', 'نتنياهو', 'المفاوضات متوقفة منذ سنوات'],
  ];
  const names = [
    ['ترامب', 'بوتين'],
    ['ماكرون', 'جونسون'],
    ['بوتين', 'أردوغان'],
    ['نتنياهو', 'عباس'],
  ];
  const docs = texts.map(([body, speaker, quote], i) => {
    const doc = run(
      body,
      names[i].map((n): [string, Entity['type']] => [n, 'PER']),
    );
    return speakerDoc(`s${i % 2}`, doc, goldOf(doc, speaker, quote));
  });
  const groups = speakerGroups(docs);
  assert.ok(groups.length >= 2, `groups: ${groups.length}`);
  for (const g of groups) assert.ok(g.gold >= 0 && g.gold < g.feats.length);
  const m = trainSpeakerModel(docs, { learner: 'logit', epochs: 30, lr: 0.1 });
  assert.equal(m.kind, 'logit');
  assert.ok(m.weights.size > 0);
  for (const d of docs)
    d.cands.forEach((cs, i) => {
      const right = d.labels[i].indexOf(true);
      if (right < 0 || !d.labels[i].some((l) => l === false)) return;
      const p = candidateProbs(m, cs);
      assert.equal(d.labels[i][chooseCandidate(p, 0)], true, `${d.id}: ${cs.map((c) => c.text).join(' / ')} ${p}`);
    });
  const cv = cvSpeakerModel(docs, { learner: 'logit' }, 2);
  assert.equal(cv.byMargin.length, 9);
  assert.ok(cv.oracle.judged >= groups.length);
  const lr = trainSpeakerModel(docs, { learner: 'logreg' });
  assert.equal(lr.kind, 'logreg');
});
