import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchForm, normalize, toOriginalSpan } from './normalize.ts';

test('removes tatweel, zero-width and bidi controls, keeps offsets', () => {
  const src = 'الســـلام\u200f عليكم\u202b';
  const n = normalize(src);
  assert.equal(n.text, 'السلام عليكم');
  assert.equal(n.offsets.length, n.text.length + 1);
  // Every normalised character maps back to the same character in the original.
  for (let i = 0; i < n.text.length; i++) assert.equal(src[n.offsets[i]], n.text[i]);
  assert.equal(n.offsets[n.text.length], src.length);
});

test('diacritics are optional', () => {
  const src = 'مُحَمَّدٌ';
  assert.equal(normalize(src).text, 'محمد');
  assert.equal(normalize(src, { diacritics: false }).text, src);
});

test('matching form folds alef forms, ya, ta marbuta; display form keeps them', () => {
  assert.equal(normalize('أحمد إلى آخر المدرسة مستشفى', { matching: true }).text, 'احمد الي اخر المدرسه مستشفي');
  assert.equal(normalize('أحمد إلى المدرسة').text, 'أحمد إلى المدرسة');
  assert.equal(matchForm('سورية'), matchForm('سوريه'));
  assert.notEqual(matchForm('سورية'), matchForm('سوريا')); // the stemmer/search layer handles ية/يا, not the normaliser
});

test('Arabic-Indic and Persian digits become ASCII digits', () => {
  assert.equal(normalize('عام ٢٠١٣ و۱۳۹۲ بنسبة ٤٫٥٪').text, 'عام 2013 و1392 بنسبة 4.5%');
});

test('elongated words match their short form in matching mode only', () => {
  assert.equal(matchForm('وجيييه'), 'وجيه');
  assert.equal(matchForm('جمييييل'), 'جميل');
  assert.equal(normalize('وجيييه').text, 'وجيييه');
  // Doubled letters are real spelling and are kept.
  assert.equal(matchForm('ممكن'), 'ممكن');
});

test('NFC: combining hamza and madda compose with their letter', () => {
  const decomposed = 'ا\u0654حمد'; // alef + combining hamza above
  assert.equal(normalize(decomposed).text, 'أحمد');
  assert.equal(normalize(decomposed, { matching: true }).text, 'احمد');
});

test('presentation forms read as letters', () => {
  assert.equal(normalize('\ufefb\ufe8e').text, 'لاا'); // lam-alef ligature, alef final
});

test('toOriginalSpan maps a normalised range back, covering dropped marks', () => {
  const src = 'قالَ الـرئيسُ';
  const n = normalize(src);
  const i = n.text.indexOf('الرئيس');
  const span = toOriginalSpan(n, i, i + 'الرئيس'.length);
  assert.equal(src.slice(span.start, span.end), 'الـرئيسُ');
});

test('matchForm returns the same string when nothing changes (no allocation on the hot path)', () => {
  const s = 'الحكومه';
  assert.equal(matchForm(s), s);
  assert.equal(matchForm(''), '');
});

test('matchForm agrees with normalize(matching) on mixed random text', () => {
  const alphabet = 'ابتةىيأإآٱوؤئءلكمنهـًٌٍَُِّْ \u200f\u202b٠١٢3a\ufefbﻻ';
  let seed = 7;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let k = 0; k < 500; k++) {
    let s = '';
    const n = 1 + Math.floor(rand() * 12);
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
    const full = normalize(s, { matching: true });
    assert.equal(matchForm(s), full.text, JSON.stringify(s));
    for (let i = 0; i + 1 < full.offsets.length; i++) assert.ok(full.offsets[i] <= full.offsets[i + 1]);
  }
});
