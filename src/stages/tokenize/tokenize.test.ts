import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Article, Token } from '../../core/types.ts';
import { newDoc } from '../../pipeline/index.ts';
import { readArticle } from '../../reader/index.ts';
import { Tokenizer, tokenize } from './index.ts';
import { MAX_WORD } from './tokenizer.ts';

const kinds = (ts: Token[]): string[] => ts.map((t) => `${t.kind}:${t.text}`);

function sentencesOf(text: string): string[] {
  const doc = newDoc(readArticle(text));
  new Tokenizer().process(doc);
  return doc.sentences.map((s) => doc.text.slice(s.start, s.end));
}

test('Arabic punctuation, quotes and words', () => {
  assert.deepEqual(kinds(tokenize('قال: «نعم»، وأضاف؛ لماذا؟')), [
    'word:قال',
    'punct::',
    'punct:«',
    'word:نعم',
    'punct:»',
    'punct:،',
    'word:وأضاف',
    'punct:؛',
    'word:لماذا',
    'punct:؟',
  ]);
});

test('numbers with Arabic separators, percentages, dates and times', () => {
  const ts = tokenize('بلغ ٤٫٥٪ و3,000 دولار و1.25 في 20/2/2014 الساعة 10:30 و١٢٬٥٠٠');
  assert.deepEqual(
    ts.filter((t) => t.kind !== 'word').map((t) => [t.kind, t.text, t.value]),
    [
      ['percent', '٤٫٥٪', 4.5],
      ['number', '3,000', 3000],
      ['number', '1.25', 1.25],
      ['date', '20/2/2014', undefined],
      ['time', '10:30', undefined],
      ['number', '١٢٬٥٠٠', 12500],
    ],
  );
});

test('URLs, e-mails, hashtags and mentions', () => {
  const ts = tokenize('راجع https://example.com/ar/news?id=5. أو news@example.org #سوريا @khabar_ar');
  assert.deepEqual(
    ts.filter((t) => t.kind !== 'word' && t.kind !== 'punct').map((t) => `${t.kind}:${t.text}`),
    ['url:https://example.com/ar/news?id=5', 'email:news@example.org', 'hashtag:#سوريا', 'mention:@khabar_ar'],
  );
});

test('diacritics, tatweel and bidi controls stay inside the word; norm is the matching form', () => {
  const ts = tokenize('الرئيـــسُ\u200f أعلن');
  assert.equal(ts.length, 2);
  assert.equal(ts[0].text, 'الرئيـــسُ');
  assert.equal(ts[0].norm, 'الرئيس');
  assert.equal(ts[1].norm, 'اعلن');
});

test('mixed scripts split at script changes; Latin keeps initialisms and hyphens', () => {
  assert.deepEqual(kinds(tokenize('شركةApple وU.S. وal-Assad')), [
    'word:شركة',
    'latin:Apple',
    'word:و',
    'latin:U.S.',
    'word:و',
    'latin:al-Assad',
  ]);
});

test('offsets point into the original text', () => {
  const text = 'في ٢٠١٤، قال «الوزير»: سنعمل.';
  for (const t of tokenize(text)) assert.equal(text.slice(t.start, t.end), t.text);
});

test('a megabyte without spaces is cut into bounded tokens, quickly', () => {
  const text = 'ب'.repeat(1_000_000);
  const t0 = performance.now();
  const ts = tokenize(text);
  assert.ok(performance.now() - t0 < 2000);
  assert.equal(ts.length, Math.ceil(1_000_000 / MAX_WORD));
  assert.ok(ts.every((t) => t.end - t.start <= MAX_WORD));
});

test('sentences end at . ! ? ؟ and line breaks', () => {
  assert.deepEqual(sentencesOf('عنوان الخبر\nقال الوزير إن الوضع مستقر. هل هذا صحيح؟ نعم!'), [
    'عنوان الخبر',
    'قال الوزير إن الوضع مستقر.',
    'هل هذا صحيح؟',
    'نعم!',
  ]);
});

test('no boundary after abbreviations or inside numbers', () => {
  assert.deepEqual(sentencesOf('خبر\nقال د. محمد إن النمو بلغ 3.5 في المئة. وانتهى الأمر.'), [
    'خبر',
    'قال د. محمد إن النمو بلغ 3.5 في المئة.',
    'وانتهى الأمر.',
  ]);
});

test('the era mark after a year can end a sentence', () => {
  assert.deepEqual(sentencesOf('خبر\nولد عام 1950م. وتوفي بعد ذلك.'), ['خبر', 'ولد عام 1950م.', 'وتوفي بعد ذلك.']);
});

test('a quotation that continues is not split; the closing mark stays with its sentence', () => {
  assert.deepEqual(sentencesOf('خبر\nوأضاف: «الوضع مستقر. لن نتراجع». ثم غادر.'), ['خبر', 'وأضاف: «الوضع مستقر. لن نتراجع».', 'ثم غادر.']);
  assert.deepEqual(sentencesOf('خبر\nقال: «انتهى الأمر.» وغادر القاعة.'), ['خبر', 'قال: «انتهى الأمر.»', 'وغادر القاعة.']);
  // a closing mark that ends the line: the line break still ends the sentence
  assert.deepEqual(sentencesOf('خبر\nوقال: "على لندن الاعتذار."\nتأتي هذه التصريحات بعد ذلك.'), [
    'خبر',
    'وقال: "على لندن الاعتذار."',
    'تأتي هذه التصريحات بعد ذلك.',
  ]);
});

test('an unbalanced quotation mark does not swallow the text', () => {
  assert.deepEqual(sentencesOf('خبر\nقال: «بدأ الأمر. وانتهى. ثم عاد.'), ['خبر', 'قال: «بدأ الأمر.', 'وانتهى.', 'ثم عاد.']);
});

test('sentences and tokens cover headline and body but not dateline or credit', () => {
  const a: Article = readArticle('عنوان\nدمشق-سانا\nنص الخبر هنا.\nالبعث ميديا -سانا');
  const doc = newDoc(a);
  new Tokenizer().process(doc);
  assert.deepEqual(
    doc.sentences.map((s) => s.zone),
    ['headline', 'body'],
  );
  assert.ok(doc.tokens.every((t) => t.sentence >= 0 && t.text !== 'سانا'));
});

test('empty and whitespace-only input gives no tokens', () => {
  assert.deepEqual(tokenize(''), []);
  assert.deepEqual(tokenize(' \n\t\u200f '), []);
});

test('a dot glued inside an acronym written with dots is not a sentence end; a glued full stop after a long word is', () => {
  const text = 'وقالت شبكة إن.بي.سي إن الخبر صحيح.وأضاف المذيع أن التحقيق مستمر.';
  const doc = newDoc({ id: 't', headline: '', body: text, text, spans: { body: { start: 0, end: text.length } } });
  new Tokenizer().process(doc);
  assert.deepEqual(
    doc.sentences.map((s) => text.slice(s.start, s.end)),
    ['وقالت شبكة إن.بي.سي إن الخبر صحيح.', 'وأضاف المذيع أن التحقيق مستمر.'],
  );
});

test('26th session: the last dot of initials before a name is no sentence end ("إليم دي.اس. بوبليت")', () => {
  assert.deepEqual(sentencesOf('خبر\nوقالت إليم دي.اس. بوبليت إن سعي روسيا مقلق. وانتهى الأمر.'), [
    'خبر',
    'وقالت إليم دي.اس. بوبليت إن سعي روسيا مقلق.',
    'وانتهى الأمر.',
  ]);
});
