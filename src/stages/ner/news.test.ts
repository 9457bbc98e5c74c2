import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { NerStage } from './index.ts';
import { defaultNerPaths, newsNerPaths } from './model.ts';
import { articleSentences, newsSentences, tokenizeArticle } from './news.ts';

const tagged = (s: { tokens: string[]; tags: string[] }): string =>
  s.tokens.map((t, i) => (s.tags[i] === 'O' ? t : `${t}/${s.tags[i]}`)).join(' ');

test('news NER data: mentions labelled on token edges, with proclitics and لل', () => {
  const doc = tokenizeArticle(
    'a1',
    'لافروف يزور بغداد',
    'بحث وزير الخارجية الروسي سيرغي لافروف مع نظيره العراقي في بغداد، وقال إن موسكو تدعم للعراق. والتقى الجيش الروسي وفدا من الأمم المتحدة وللأمم المتحدة مكتب.',
  );
  const { sentences, unaligned } = articleSentences(doc, [
    { name: 'سيرغي لافروف', type: 'PER', mentions: ['سيرغي لافروف', 'لافروف'] },
    { name: 'بغداد', type: 'LOC', mentions: ['بغداد'] },
    { name: 'موسكو', type: 'LOC', mentions: ['موسكو'] },
    { name: 'العراق', type: 'LOC', mentions: ['العراق'] },
    { name: 'الجيش الروسي', type: 'ORG', mentions: ['الجيش الروسي'], optional: true },
    { name: 'الأمم المتحدة', type: 'ORG', mentions: ['الأمم المتحدة'] },
  ]);
  const text = sentences.map(tagged).join(' | ');
  assert.match(text, /^لافروف\/B-PER يزور بغداد\/B-LOC/);
  // the longer mention wins over the shorter one inside it
  assert.match(text, /سيرغي\/B-PER لافروف\/I-PER/);
  // a proclitic letter before the name: the whole token is labelled (as ANERcorp does)
  assert.match(text, /للعراق\/B-LOC/);
  // ل + ال written لل, and و before it
  assert.match(text, /وللأمم\/B-ORG المتحدة\/I-ORG/);
  assert.match(text, /الجيش\/B-ORG الروسي\/I-ORG/);
  // "الروسي" inside "الجيش الروسي" and nothing else: the nationality adjective stays O elsewhere
  assert.match(text, /وزير الخارجية الروسي سيرغي/);
  // "العراق" inside the adjective "العراقي" does not end on a token edge: not labelled, counted
  assert.equal(unaligned, 1);
  assert.match(text, /نظيره العراقي في/);
});

test('news NER data: optional records can be left unlabelled; a mention inside a word is not a name', () => {
  const doc = tokenizeArticle('', '', 'قال الجيش الإسرائيلي إن الإسرائيليين عادوا إلى إسرائيل.');
  const ents = [
    { name: 'الجيش الإسرائيلي', type: 'ORG', mentions: ['الجيش الإسرائيلي'], optional: true },
    { name: 'إسرائيل', type: 'LOC', mentions: ['إسرائيل'] },
  ];
  const skip = articleSentences(doc, ents, { optional: 'skip' });
  assert.deepEqual(skip.sentences.map(tagged), ['قال الجيش الإسرائيلي إن الإسرائيليين عادوا إلى إسرائيل/B-LOC .']);
  // "إسرائيل" inside "الإسرائيلي"/"الإسرائيليين" does not end on a token edge: counted as unaligned, not labelled
  assert.ok(skip.unaligned >= 1);
  const label = articleSentences(doc, ents);
  assert.match(label.sentences.map(tagged).join(' '), /الجيش\/B-ORG الإسرائيلي\/I-ORG إن/);
});

test('news NER data: hashtags are tagged as the words they spell; missing texts are counted', () => {
  const got = newsSentences(
    [
      { id: 'x', entities: [{ name: 'ستورمي دانيالز', type: 'PER', mentions: ['ستورمي_دانيالز', 'دانيالز'] }] },
      { id: 'gone', entities: [] },
    ],
    new Map([['x', { title: 'عنوان', text: 'تحدثت #ستورمي_دانيالز أمس، وقالت دانيالز إنها ستعود.' }]]),
  );
  assert.equal(got.articles, 1);
  assert.equal(got.missing, 1);
  const all = got.sentences.map(tagged).join(' | ');
  // the hashtag is split into the words it spells, labelled as one name
  assert.match(all, /تحدثت ستورمي\/B-PER دانيالز\/I-PER أمس/);
  assert.match(all, /وقالت دانيالز\/B-PER إنها/);
});

test('ner stage: the news model by default when it is there, the ANERcorp one on request', () => {
  const anercorp = new NerStage({ model: 'anercorp' });
  anercorp.load();
  if (!existsSync(defaultNerPaths().model)) return; // a checkout without models: nothing to choose between
  assert.equal(anercorp.loadedFrom, defaultNerPaths().model);
  const auto = new NerStage();
  auto.load();
  assert.equal(auto.loadedFrom, existsSync(newsNerPaths().model) ? newsNerPaths().model : defaultNerPaths().model);
  assert.throws(() => new NerStage({ model: 'wojood' }), /model must be "news" or "anercorp"/);
  // both find the names of a plain sentence
  for (const stage of [auto, anercorp]) {
    const names = stage.tag('قال وزير الخارجية الروسي سيرغي لافروف في موسكو'.split(' '));
    assert.deepEqual(names.slice(4, 6), ['B-PER', 'I-PER']);
    assert.equal(names[7], 'B-LOC');
  }
});
