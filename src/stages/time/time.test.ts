import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Doc } from '../../core/types.ts';
import { newDoc } from '../../pipeline/index.ts';
import { tokenizeStage } from '../tokenize/index.ts';
import { hijriToGregorian } from './extract.ts';
import { timeStage } from './index.ts';
import { docView } from './scan.ts';

function run(text: string, published?: string, tokenize = true): Doc {
  const doc = newDoc({ id: 't', headline: '', body: text, text, published, spans: { body: { start: 0, end: text.length } } });
  if (tokenize) tokenizeStage.create().process(doc);
  timeStage.create().process(doc);
  return doc;
}

const values = (doc: Doc): Record<string, string | undefined> => Object.fromEntries((doc.times ?? []).map((t) => [t.text, t.value]));

test('relative days and units resolve against the publication date', () => {
  const v = values(run('قال أمس إن الوفد يصل غدا، بعد زيارة الأسبوع الماضي، والمؤتمر أواسط الشهر القادم.', '2013-06-12'));
  assert.equal(v.أمس, '2013-06-11');
  assert.equal(v.غدا, '2013-06-13');
  assert.equal(v['الأسبوع الماضي'], '2013-W23');
  assert.equal(v['أواسط الشهر القادم'], '2013-07');
});

test('Gregorian, Levantine and combined month names, years, numeric dates', () => {
  const v = values(run('في 11 يونيو/حزيران 2013 ثم في كانون الثاني 2012 وعام 2010 و2009م و20/2/2014.', '2013-06-12'));
  assert.equal(v['11 يونيو/حزيران 2013'], '2013-06-11');
  assert.equal(v['كانون الثاني 2012'], '2012-01');
  assert.equal(v['عام 2010'], '2010');
  assert.equal(v['2009م'], '2009');
  assert.equal(v['20/2/2014'], '2014-02-20');
});

test('weekdays, منذ, durations and sets', () => {
  const doc = run('وصل يوم الأربعاء الماضي منذ ثلاثة أيام، وبقي خلال يومين، ويزور المدينة يوميا.', '2013-06-12');
  const v = values(doc);
  assert.equal(v['يوم الأربعاء الماضي'], '2013-06-05');
  // TIMEX3 leaves the preposition out of the span; منذ still makes it a date
  assert.equal(v['ثلاثة أيام'], '2013-06-09');
  assert.equal(v.يومين, 'P2D');
  assert.equal(v.يوميا, 'P1D');
  assert.equal(doc.times!.find((t) => t.text === 'يوميا')?.type, 'SET');
  for (const t of doc.times!) assert.equal(doc.text.slice(t.start, t.end), t.text);
});

test('without a publication date, relative expressions keep TIMEX3 references', () => {
  const v = values(run('الشهر الماضي وفي مايو 2012'));
  assert.equal(v['الشهر الماضي'], 'PAST_REF');
  assert.equal(v['مايو 2012'], '2012-05');
});

test('Hijri dates convert to Gregorian', () => {
  const d = hijriToGregorian(1434, 9, 1);
  assert.equal(d.toISOString().slice(0, 7), '2013-07');
  const v = values(run('في رمضان 1434 هـ', '2013-06-12'));
  assert.equal(v['رمضان 1434 هـ'], '2013-07');
});

test('works without the tokenize stage and on bad input', () => {
  const doc = run('غدا', '2013-06-12', false);
  assert.equal(docView(doc).toks.length, 1);
  assert.equal(doc.times![0].value, '2013-06-13');
  assert.deepEqual(run('').times, []);
  run('١١/١٣/٢٠١٣ 99:99 32 يناير 0000م عام');
});

test('decades, seasons, centuries, hours, month + modifier, bare years after a preposition', () => {
  const v = values(run('في الستينيات وصيفا في القرن العشرين عند الساعة التاسعة في نوفمبر الماضي ومنذ 1949 وهذا العام', '2013-06-12'));
  assert.equal(v.الستينيات, '196');
  assert.equal(v.صيفا, '2013-SU');
  assert.equal(v['القرن العشرين'], '19');
  assert.equal(v['الساعة التاسعة'], '2013-06-12T09:00');
  assert.equal(v['نوفمبر الماضي'], '2012-11');
  assert.equal(v['1949'], '1949');
  assert.equal(v['هذا العام'], '2013');
});

test('آب inside another word (باب) is not a month', () => {
  assert.equal(run('فتح باب الحوار', '2013-06-12').times?.length, 0);
});

test('compound numbers, كل + dual, day-month + modifier, أمس + weekday', () => {
  const doc = run('قبل خمسة وتسعين عاما، كل عامين، في 22 مارس الماضي، أمس الجمعة، أقل من عشر سنوات', '2015-04-12');
  const v = values(doc);
  assert.equal(v['خمسة وتسعين عاما'], 'P95Y');
  assert.equal(v['كل عامين'], 'P2Y');
  assert.equal(doc.times!.find((t) => t.text === 'كل عامين')?.type, 'SET');
  assert.equal(v['22 مارس الماضي'], '2015-03-22');
  assert.equal(v['أمس الجمعة'], '2015-04-11');
  assert.equal(v['أقل من عشر سنوات'], 'P10Y');
});

test('a plural unit with no number is an unspecified count; a singular one is one', () => {
  const doc = run('تتواصل المحادثات منذ أشهر، ويعيش في المنفى منذ عقود، وسافر لمدة شهر، وتحدث عن أيام الحرب.', '2013-06-12');
  const v = values(doc);
  assert.equal(v.أشهر, 'PXM');
  assert.equal(v.عقود, 'PXDE');
  assert.equal(v.شهر, 'P1M');
  // Without منذ/خلال/لمدة before it, a plural unit is not a time expression.
  assert.equal(v.أيام, undefined);
});

test('a definite unit is no count of one: "الساعة 05,55" is a time of day (AFP writes a comma)', () => {
  const doc = run('وأقلعت الطائرة الساعة 05,55 بالتوقيت المحلي، وانتظر الركاب ساعة كاملة.', '2018-07-27');
  const t = (doc.times ?? []).map((x) => `${x.text}|${x.type}|${x.value}`);
  assert.ok(t.includes('الساعة 05,55|TIME|2018-07-27T05:55'), t.join(' / '));
  assert.ok(t.includes('ساعة|DURATION|PT1H'), t.join(' / '));
  assert.ok(!t.some((x) => x.startsWith('الساعة|DURATION')), t.join(' / '));
  // a percentage with a comma is no time
  assert.equal(run('وارتفع المؤشر 5,55 في المئة.').times?.length ?? 0, 0);
});
