import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GoldAnnotation } from '../corpora/gold.ts';
import { goldArticle, isoDate } from '../corpora/gold.ts';
import { parseCsv } from '../corpora/gsr.ts';
import { keys, norm, scoreGold, words } from './gold.ts';
import { binScore } from './gsr.ts';
import { parseTimeML } from './timeml.ts';

test('matching form and keys follow arnorm.py', () => {
  assert.equal(norm(' أَحْمَد  '), 'احمد');
  assert.equal(norm('مؤتمر الرئاسة'), 'موتمر الرياسه');
  assert.deepEqual([...keys('للجيش')].sort(), ['الجيش', 'اللجيش', 'للجيش']);
  assert.deepEqual([...keys('والعراق')].sort(), ['العراق', 'والعراق']);
  assert.deepEqual(words('قال، إن «الأمر»'), ['قال،', 'ان', 'الامر']);
});

const gold: GoldAnnotation[] = [
  {
    id: 'a',
    entities: [
      { name: 'سيرغي لافروف', type: 'PER', name_en: 'Sergey Lavrov', mentions: ['سيرغي لافروف', 'لافروف'] },
      { name: 'الحكومة العراقية', type: 'ORG', mentions: ['الحكومة العراقية'], optional: true },
    ],
    quotes: [{ speaker: 'سيرغي لافروف', speaker_mention: 'لافروف', cue: 'وأكد', text: 'موسكو لن تتدخل في الشأن العراقي', direct: false }],
    events: [
      { type: 'CONSULT', source: 'سيرغي لافروف', source_code: 'RUS', target: null },
      { type: 'CONSULT', source: 'سيرغي لافروف', source_code: 'RUS', target: 'x' },
    ],
  },
];

test('scores entities, quotes and (type, source) pairs like score_gold.py', () => {
  const s = scoreGold(gold, [
    {
      id: 'a',
      entities: [
        { id: 'e1', type: 'PER', name: 'لافروف', nameEn: 'Sergey Lavrov', mentions: [{ text: 'لافروف' }] },
        { id: 'e2', type: 'ORG', name: 'الحكومة العراقية', mentions: [] },
        { id: 'e3', type: 'LOC', name: 'موسكو', mentions: [] },
      ],
      quotes: [
        { speaker: 'e1', speakerText: 'وزير الخارجية', text: 'موسكو لن تتدخل' },
        { speaker: null, speakerText: 'مصدر', text: 'موسكو لن تتدخل في الشأن العراقي' },
      ],
      events: [
        { type: 'CONSULT', source: { entity: 'e1', name: 'لافروف' } },
        { type: 'CONSULT', source: { name: 'وزارة الخارجية', country: 'RUS' } },
        { type: 'ASSAULT', source: { name: 'x' } },
      ],
    },
  ]);
  assert.deepEqual(s.entities, { p: 50, r: 100, f1: 66.7, pred: 2, gold: 1 }); // optional ORG is neither hit nor false alarm
  assert.equal(s.linking_acc, 100);
  // same figures as score_gold.py on these records. The gold quote is found by the first prediction (3 of 6 words = 0.5, same speaker); the second has the wrong speaker
  assert.deepEqual(s.quotes, { p: 50, r: 100, f1: 66.7, pred: 2, gold: 1 });
  // gold pairs collapse to one; predictions: (CONSULT,e1) and (CONSULT,وزارة الخارجية via RUS) match, ASSAULT does not
  assert.deepEqual(s.events, { p: 66.7, r: 100, f1: 80, pred: 3, gold: 1 });
  assert.equal(s.eventsByType?.ASSAULT.pred, 1);
  assert.equal(scoreGold(gold, []).missing, 1);
});

test('gold articles: annotated text is title + newline + text; RFC 2822 dates', () => {
  const a = goldArticle({ id: 'x', title: 'عنوان', text: 'نص المقال', time: 'Fri, 23 Mar 2018 19:17:12 GMT' });
  assert.equal(a.text, 'عنوان\nنص المقال');
  assert.equal(a.text.slice(a.spans.body.start, a.spans.body.end), 'نص المقال');
  assert.equal(a.published, '2018-03-23');
  assert.equal(isoDate('Mon, 16 Apr 2018 23:05:00 -0500'), '2018-04-16');
});

test('CSV with quoted commas, quotes and newlines; binary scores', () => {
  assert.deepEqual(parseCsv('a,b\n1,"x, ""y""\nz"\n'), [
    ['a', 'b'],
    ['1', 'x, "y"\nz'],
  ]);
  assert.deepEqual(
    binScore([
      [true, true],
      [false, true],
      [true, false],
      [false, false],
    ]),
    { tp: 1, fp: 1, fn: 1, tn: 1, p: 0.5, r: 0.5, f1: 0.5 },
  );
});

test('TimeML: text without tags, TIMEX3 spans and values', () => {
  const { text, timexes } = parseTimeML(
    '<?xml version="1.0"?>\n<TimeML>وصل <TIMEX3 tid="t1" type="DATE" value="2015-12-22">الثلاثاء</TIMEX3> &amp; غادر</TimeML>',
  );
  assert.equal(text, 'وصل الثلاثاء & غادر');
  assert.equal(timexes[0].text, 'الثلاثاء');
  assert.equal(text.slice(timexes[0].start, timexes[0].end), 'الثلاثاء');
  assert.equal(timexes[0].value, '2015-12-22');
});
