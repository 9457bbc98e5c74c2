import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText, lightStem, parseQuery, termString, toFts5, toTsQuery } from './analyzer.ts';
import { makeSnippet } from './snippet.ts';

const terms = (s: string): string[] => analyzeText(s).map((t) => t.term);

test('spelling variants and clitics meet in one term', () => {
  assert.deepEqual(terms('سوريا'), terms('سورية'));
  assert.deepEqual(terms('الأسلحة'), terms('وبالأسلحة'));
  assert.deepEqual(terms('الأسلحة'), terms('للأسلحة'));
  assert.deepEqual(terms('إسرائيل'), terms('اسرائيل'));
  assert.deepEqual(terms('مُسْتَشْفَى'), terms('مستشفي'));
  assert.deepEqual(terms('الحكومـــة'), terms('الحكومة'));
  assert.deepEqual(terms('٢٠١٨'), ['2018']);
  // Different words stay apart.
  assert.notDeepEqual(terms('سوريا'), terms('روسيا'));
});

test('light stem keeps short words whole', () => {
  assert.equal(lightStem('من'), 'من');
  assert.equal(lightStem('وزير'), 'وزير');
  assert.equal(lightStem('ووزير'), 'وزير');
  assert.equal(lightStem('وقال'), 'قال');
  assert.equal(lightStem('Reuters'), 'reuters');
});

test('stop words are dropped, offsets point into the original text', () => {
  const text = 'قالَ وزيرُ الخارجيّة في دمشق';
  const t = analyzeText(text);
  assert.deepEqual(
    t.map((x) => text.slice(x.start, x.end)),
    ['قالَ', 'وزيرُ', 'الخارجيّة', 'دمشق'],
  );
});

test('queries: words are ANDed, quotes make phrases, both back ends get the same terms', () => {
  const q = parseQuery('«الأمم المتحدة» سوريا');
  assert.equal(q.clauses.length, 2);
  assert.deepEqual(q.clauses[0], terms('الأمم المتحدة'));
  assert.equal(toFts5(q), `"${terms('الأمم المتحدة').join(' ')}" AND "${terms('سوريا')[0]}"`);
  assert.equal(toTsQuery(q), `('${terms('الأمم')[0]}' <-> '${terms('المتحدة')[0]}') & '${terms('سوريا')[0]}'`);
  assert.equal(parseQuery('في من').clauses.length, 0);
  assert.equal(termString('وبالأسلحة الثقيلة'), `${terms('الأسلحة')[0]} ${terms('الثقيلة')[0]}`);
});

test('odd input never throws', () => {
  for (const s of ['', '   ', '"', '«', '\u0000\uFFFD', 'ـــ', '\u200f\u200e']) {
    assert.ok(Array.isArray(analyzeText(s)));
    assert.ok(parseQuery(s).clauses.length >= 0);
  }
});

test('snippets come from the original text with hits marked', () => {
  const text = 'عنوان\nوقال مسؤولٌ إنّ القوات السوريّة دخلت المدينة، وأكدت سورية ذلك.';
  const s = makeSnippet(text, parseQuery('سوريا'), { open: '[', close: ']' });
  assert.ok(s.includes('[السوريّة]'), s);
  assert.ok(s.includes('[سورية]'), s);
  assert.ok(s.includes('مسؤولٌ'), 'diacritics of the original are kept');
  const p = makeSnippet(text, parseQuery('"القوات السورية"'), { open: '[', close: ']' });
  assert.ok(p.includes('[القوات السوريّة]'), p);
});

test('snippets never split a surrogate pair and stay fast on giant texts', () => {
  const text = `${'😀'.repeat(200)} سورية ${'😀'.repeat(200)}`;
  const s = makeSnippet(text, parseQuery('سوريا'), { open: '[', close: ']', length: 41 });
  assert.ok(s.includes('[سورية]'), s);
  assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s), 'no lone surrogate');
  const big = `عنوان\n${'كلمة '.repeat(1_000_000)}سورية`;
  const t = performance.now();
  makeSnippet(big, parseQuery('سوريا'));
  assert.ok(performance.now() - t < 1000);
});
