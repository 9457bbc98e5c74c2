import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Pipeline } from '../../pipeline/index.ts';
import { readArticle } from '../../reader/index.ts';
import { analyzeText } from '../../search/analyzer.ts';
import { loadNonKeywords } from './index.ts';

const pipeline = Pipeline.create({ stages: ['summary'] });

const story = `الحكومة اللبنانية تقر خطة للكهرباء
أقرت الحكومة اللبنانية اليوم خطة لإصلاح قطاع الكهرباء بكلفة مليار دولار.
وقال وزير الطاقة إن خطة الكهرباء ستنهي انقطاع التيار خلال ثلاث سنوات.
وأضاف أن الخطة تشمل بناء محطات جديدة لإنتاج الكهرباء في الشمال والجنوب.
وكان الطقس مشمسا في بيروت.
ورحب البنك الدولي بخطة الكهرباء ووصفها بأنها خطوة مهمة.`;

test('keywords are the article’s salient words in a written form, best first', () => {
  const doc = pipeline.run(readArticle(story));
  const kws = (doc.keywords ?? []).map((k) => k.text);
  assert.ok(kws.length > 0 && kws.length <= 10);
  assert.ok(kws.slice(0, 3).includes('الكهرباء'), kws.join(', '));
  const scores = (doc.keywords ?? []).map((k) => k.score);
  assert.deepEqual(
    scores,
    [...scores].sort((a, b) => b - a),
  );
  // Clitics before the article are not shown: بخطة/للكهرباء are shown as written only without و/ب/ل + ال.
  assert.ok(!kws.some((k) => /^(وال|بال|لل)/.test(k)), kws.join(', '));
});

test('the summary picks body sentences in text order and leaves out the irrelevant one', () => {
  const doc = pipeline.run(readArticle(story));
  const s = doc.summary ?? [];
  assert.ok(s.length >= 1 && s.length <= 3);
  assert.deepEqual(
    s,
    [...s].sort((a, b) => a - b),
  );
  for (const i of s) assert.equal(doc.sentences[i].zone, 'body');
  const chosen = s.map((i) => doc.text.slice(doc.sentences[i].start, doc.sentences[i].end));
  assert.ok(!chosen.some((c) => c.includes('الطقس')));
  assert.ok(chosen[0].startsWith('أقرت الحكومة'));
});

test('an empty body gives no summary and no crash', () => {
  const doc = pipeline.run(readArticle('عنوان فقط'));
  assert.deepEqual(doc.summary ?? [], []);
});

test('with the morph layer, keywords lose their clitics, recurring runs become phrases and discourse words never show', () => {
  const withMorph = Pipeline.create({ stages: ['morph', 'summary'] });
  const text = `البرلمان يقر خطة لدعم التعليم
أقر البرلمان أمس قانونا لتمويل المدارس الحكومية في الأرياف.
وقال رئيس اللجنة إن تمويل المدارس الحكومية ضروري لتحسين التعليم.
ولعل تمويل المدارس الحكومية سيحتاج إلى ضرائب جديدة على الشركات.
ورحبت نقابة المعلمين بالقانون ودعت إلى زيادة رواتب المعلمين.`;
  const kws = (withMorph.run(readArticle(text)).keywords ?? []).map((k) => k.text);
  assert.ok(kws.includes('تمويل المدارس الحكومية'), kws.join('، '));
  // A phrase inside it is not repeated on its own.
  assert.ok(!kws.includes('المدارس الحكومية') && !kws.includes('تمويل المدارس'), kws.join('، '));
  assert.ok(!kws.some((k) => /^(ل|و|ب)(تمويل|المعلمين|القانون)/.test(k)), kws.join('، '));
  assert.ok(!kws.some((k) => k.includes('لعل')), kws.join('، '));
});

test('the non-keyword list is read as index terms, clitics and spelling variants included', () => {
  const never = loadNonKeywords();
  assert.ok(never.has(analyzeText('ولعل')[0]?.term ?? '?') || never.has(analyzeText('لعل')[0]?.term ?? '?'));
  assert.ok(never.has(analyzeText('وربما')[0]?.term ?? '?'));
  assert.ok(!never.has(analyzeText('الحكومة')[0]?.term ?? '?'));
});
