import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../src/learn/random.ts';
import { Pipeline } from '../src/pipeline/index.ts';
import { readArticle } from '../src/reader/index.ts';

/**
 * Random soup of Arabic letters, marks, clitic-bearing words, cue verbs, names,
 * quotation marks, digits, emoji, bidi controls, lone surrogates and NUL, run
 * through every stage: nothing may throw, and every offset must point at its text.
 */
test('the whole pipeline survives random mixed-script input with exact offsets', async () => {
  const p = Pipeline.create();
  await p.load();
  const pieces = [
    ...'ابتةىيأإآولكمنهـَُّ  \n.،؟«»"():-٢3%٫@#aZ',
    '😀',
    '\u200f',
    '\u202e',
    '\ufeff',
    '\ud800',
    '\u0000',
    'ﻻ',
    'ﷺ',
    'قال',
    'وأكد',
    'إن',
    'أمس',
    'الرئيس',
    'بشار الأسد',
    'دمشق',
    '(رويترز)',
    'حزيران 2013',
    'الشهر القادم',
    'هجوم',
    'قتل',
  ];
  let seed = 42;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let k = 0; k < 400; k++) {
    let s = '';
    const len = Math.floor(rand() * 160);
    for (let i = 0; i < len; i++) s += pieces[Math.floor(rand() * pieces.length)] + (rand() < 0.5 ? ' ' : '');
    const d = p.run(readArticle(s, { id: `r${k}`, published: '2013-06-12' }));
    const at = (x: { start: number; end: number; text: string }): void =>
      assert.equal(d.text.slice(x.start, x.end), x.text, JSON.stringify(s));
    d.tokens.forEach(at);
    for (const e of d.entities ?? []) e.mentions.forEach(at);
    (d.quotes ?? []).forEach(at);
    (d.times ?? []).forEach(at);
    for (const w of d.words ?? []) assert.ok(w.start >= d.tokens[w.token].start && w.end <= d.tokens[w.token].end && w.start <= w.end);
    for (const ev of d.events ?? []) assert.equal(d.text.slice(ev.start, ev.end), ev.trigger);
  }
});

/**
 * Short texts of cue words, names, clitics and punctuation in random order (1–8 pieces): the edges of the quote and
 * event rules (a cue at the start or end of the text, a comma or a colon last, an opener with nothing after it).
 */
test('the whole pipeline survives short random sequences of cues, names and punctuation', async () => {
  const p = Pipeline.create();
  await p.load();
  const pieces = [
    'قال',
    'قالت',
    'ونقلت',
    'نقل',
    'إن',
    'أن',
    ':',
    '«',
    '»',
    '"',
    '،',
    '.',
    'وأضاف',
    'الرئيس',
    'ترامب',
    'اتهم',
    'بـ',
    'مضيفا',
    'بحسب',
    'وفقا',
    'ل',
    'في',
    'أمس',
    'الأحد',
    'صورا',
    'العديد',
    'من',
    'هدد',
    'واشنطن',
    'موسكو',
    'معارضتها',
    'إلى',
    '(',
    ')',
    '؟',
    'التي',
    'الذي',
    'عملية',
    'التمثال',
    'بيان',
  ];
  const rand = seededRandom(7);
  for (let k = 0; k < 3000; k++) {
    const n = 1 + Math.floor(rand() * 8);
    const s = Array.from({ length: n }, () => pieces[Math.floor(rand() * pieces.length)]).join(rand() < 0.2 ? '' : ' ');
    const d = p.run(readArticle(s));
    for (const q of d.quotes ?? []) assert.equal(d.text.slice(q.start, q.end), q.text, JSON.stringify(s));
  }
});
