import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasSharedData } from '../core/paths.ts';
import { anercorpSplit, formatConll, normaliseTag, parseConll } from './ner-conll.ts';

test('normaliseTag maps PERS to PER and odd tags to O', () => {
  assert.equal(normaliseTag('B-PERS'), 'B-PER');
  assert.equal(normaliseTag('I-PER'), 'I-PER');
  assert.equal(normaliseTag('b-misc'), 'B-MISC');
  assert.equal(normaliseTag('B-PRG'), 'O');
  assert.equal(normaliseTag('O'), 'O');
});

test('parseConll reads sentences and round-trips through formatConll', () => {
  const text = 'أعلن O\nسيرغي B-PERS\nلافروف I-PERS\n\n\nفي O\nموسكو B-LOC\n';
  const s = parseConll(text);
  assert.equal(s.length, 2);
  assert.deepEqual(s[0].tokens, ['أعلن', 'سيرغي', 'لافروف']);
  assert.deepEqual(s[0].tags, ['O', 'B-PER', 'I-PER']);
  assert.deepEqual(s[1].tags, ['O', 'B-LOC']);
  assert.deepEqual(parseConll(formatConll(s)), s);
});

test('parseConll takes untagged token files', () => {
  const s = parseConll('قال\nترامب\n');
  assert.deepEqual(s, [{ tokens: ['قال', 'ترامب'], tags: ['O', 'O'] }]);
});

test('CAMeL split sizes', { skip: hasSharedData() ? false : 'needs ../shared/data' }, () => {
  const train = anercorpSplit('train-full');
  const test = anercorpSplit('test');
  assert.equal(
    train.reduce((n, s) => n + s.tokens.length, 0),
    125102,
  );
  assert.equal(
    test.reduce((n, s) => n + s.tokens.length, 0),
    25008,
  );
  assert.equal(anercorpSplit('train').length + anercorpSplit('dev').length, train.length);
});
