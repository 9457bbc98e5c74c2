import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PhraseSteps } from './phrase-steps.ts';

test('phrase steps: one lexicon question per (prefix, word), bounded, forgotten on clear', () => {
  const names = new Set(['مجلس الأمن', 'مجلس الأمن الدولي']);
  let asked = 0;
  const steps = new PhraseSteps((phrase: string) => {
    asked++;
    return names.has(phrase);
  }, 3);
  const a = steps.extend('مجلس', 'الأمن');
  assert.deepEqual(a, { key: 'مجلس الأمن', value: true });
  assert.equal(steps.extend('مجلس', 'الأمن'), a, 'the same step object, not asked again');
  assert.equal(asked, 1);
  assert.deepEqual(steps.extend('مجلس الأمن', 'الدولي'), { key: 'مجلس الأمن الدولي', value: true });
  assert.equal(steps.extend('مجلس', 'النواب').value, false);
  assert.equal(asked, 3);
  // full (3 steps): the next new prefix starts over
  steps.extend('وزير', 'الخارجية');
  steps.extend('مجلس', 'الأمن');
  assert.equal(asked, 5, 'cleared when full, so asked again');
  steps.clear();
  steps.extend('وزير', 'الخارجية');
  assert.equal(asked, 6);
});
