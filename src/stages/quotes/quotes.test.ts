import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Article, Doc, Entity } from '../../core/types.ts';
import { newDoc } from '../../pipeline/index.ts';
import { tokenizeStage } from '../tokenize/index.ts';
import { quotesStage } from './index.ts';
import { renderQuotes } from './render.ts';

function article(body: string, headline = ''): Article {
  const text = headline ? `${headline}\n${body}` : body;
  const hs = headline ? { headline: { start: 0, end: headline.length } } : {};
  return { id: 't', headline, body, text, spans: { ...hs, body: { start: headline ? headline.length + 1 : 0, end: text.length } } };
}

function run(body: string, headline = '', entities?: (doc: Doc) => Entity[]): Doc {
  const doc = newDoc(article(body, headline));
  tokenizeStage.create().process(doc);
  if (entities) doc.entities = entities(doc);
  const q = quotesStage.create();
  q.load?.();
  q.process(doc);
  return doc;
}

function mention(doc: Doc, s: string): { text: string; start: number; end: number } {
  const start = doc.text.indexOf(s);
  assert.ok(start >= 0, s);
  return { text: s, start, end: start + s.length };
}

test('reported speech after a cue with its clitic, content after إن, offsets exact', () => {
  const doc = run('وقالت وزارة الخارجية إن الاجتماع سيعقد غدا.');
  assert.equal(doc.quotes?.length, 1);
  const q = doc.quotes![0];
  assert.equal(q.cue, 'وقالت');
  assert.equal(q.speakerText, 'وزارة الخارجية');
  assert.equal(q.text, 'الاجتماع سيعقد غدا');
  assert.equal(doc.text.slice(q.start, q.end), q.text);
  assert.equal(q.direct, false);
});

test('direct quote in guillemets is direct, without the marks', () => {
  const doc = run('وقال الوزير «لن نتراجع عن هذا القرار أبدا».');
  const q = doc.quotes![0];
  assert.equal(q.direct, true);
  assert.equal(q.text, 'لن نتراجع عن هذا القرار أبدا');
  assert.equal(q.speakerText, 'الوزير');
});

test('a pronoun subject (وأضاف أن) carries the previous speaker over', () => {
  const doc = run('وقال المتحدث باسم الجيش إن القوات تقدمت. وأضاف أن العملية مستمرة.');
  assert.equal(doc.quotes?.length, 2);
  assert.equal(doc.quotes![1].speakerText, 'المتحدث باسم الجيش');
  assert.equal(doc.quotes![1].text, 'العملية مستمرة');
});

test('the speaker resolves to an entity from doc.entities', () => {
  const doc = run('وأكد لافروف أن موسكو لن تتدخل.', '', (d) => [
    { id: 'e1', type: 'PER', name: 'سيرغي لافروف', mentions: [mention(d, 'لافروف')] },
  ]);
  assert.equal(doc.quotes![0].speaker, 'e1');
  assert.match(renderQuotes(doc)[0], /سيرغي لافروف/);
});

test('attribution phrase: content before بحسب, speaker after it', () => {
  const doc = run('قتل عشرة أشخاص في الهجوم، بحسب مصدر أمني.');
  const q = doc.quotes![0];
  assert.equal(q.speakerText, 'مصدر أمني');
  assert.equal(q.text, 'قتل عشرة أشخاص في الهجوم');
});

test('headline attribution with a colon', () => {
  const doc = run('وقال في بيان إن المفاوضات مستمرة.', 'قرقاش: لا تعايش مع الميليشيات');
  const q = doc.quotes!.find((x) => x.cue === ':');
  assert.ok(q);
  assert.equal(q.speakerText, 'قرقاش');
  assert.equal(q.text, 'لا تعايش مع الميليشيات');
});

test('scare quotes without a cue are not quotes', () => {
  const doc = run('وتواجه شركة "معهد مبنى" الإيرانية اتهاما بسرقة "مواد الملكية الفكرية والبيانات القيمة".');
  assert.equal(doc.quotes?.length, 0);
});

test('bad input does not crash: empty, no spaces, unbalanced marks, huge', () => {
  assert.deepEqual(run('').quotes, []);
  run('قالإنهلايوجد"');
  run('وقال «الوزير إن');
  const big = 'وقال الوزير "إن الأمر '.repeat(3000);
  const t0 = performance.now();
  run(big);
  assert.ok(performance.now() - t0 < 5000);
});

test('a title phrase resolves to the person named after the same title elsewhere', () => {
  const body = 'اتهم وزير الخارجية القطري الشيخ محمد بن عبدالرحمن الدول الأربع بالتصعيد. وقال وزير الخارجية القطري إن الحوار ممكن.';
  const doc = run(body, '', (d) => [{ id: 'e1', type: 'PER', name: 'محمد بن عبدالرحمن', mentions: [mention(d, 'محمد بن عبدالرحمن')] }]);
  const q = doc.quotes!.find((x) => x.cue === 'وقال');
  assert.ok(q);
  assert.equal(q.speaker, 'e1');
  assert.equal(q.text, 'الحوار ممكن');
});

test('an accusation with one noun phrase before بـ: the object, the subject carried over', () => {
  const doc = run('وقال المتحدث باسم التحالف إن القوات تقدمت. واتهم النظام الإيراني بدعم الميليشيات.');
  const q = doc.quotes!.find((x) => x.cue === 'واتهم');
  assert.ok(q);
  assert.equal(q.speakerText, 'المتحدث باسم التحالف');
  assert.equal(q.speakerSpan, undefined);
  assert.equal(q.text, 'النظام الإيراني بدعم الميليشيات');
});

test('a statement speaks for its issuer, and relays name the original speaker', () => {
  const doc = run('وقال بيان للجيش الإسرائيلي إن الطائرات عادت. وأضاف البيان أن الضربة نجحت. ونقل مراسلنا عن شهود عيان أن الشاحنات غادرت.');
  assert.deepEqual(
    doc.quotes!.map((q) => q.speakerText),
    ['الجيش الإسرائيلي', 'الجيش الإسرائيلي', 'شهود عيان'],
  );
});

test('a direct quotation with two sentences after a cue gives each span once', () => {
  const doc = run('من جهته، قال العبادي إن بلاده تقدّر الموقف، وأضاف: «نحن بحاجة إلى الدعم. المعركة لم تنته بعد».', 'عنوان');
  const spans = (doc.quotes ?? []).map((q) => `${q.start}:${q.end}`);
  assert.equal(new Set(spans).size, spans.length, spans.join(' '));
  assert.ok((doc.quotes ?? []).some((q) => q.direct && q.text.includes('المعركة لم تنته بعد')));
});
