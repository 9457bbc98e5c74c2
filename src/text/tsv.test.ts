import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tsvRows } from './tsv.ts';

test('tsvRows skips comments, blank lines and the header, and splits on tabs', () => {
  const text = '# a comment\nhead\ten\n\nوزارة\tministry\r\n# another\nمطار\tairport\tإضافي\n';
  assert.deepEqual(tsvRows(text, { header: true }), [
    ['وزارة', 'ministry'],
    ['مطار', 'airport', 'إضافي'],
  ]);
  assert.deepEqual(tsvRows('a\tb\n', {}), [['a', 'b']]);
  assert.deepEqual(tsvRows(''), []);
});
