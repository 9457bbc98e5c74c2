import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenContaining } from './offsets.ts';

test('tokenContaining: the token holding an offset, the one before a gap, 0 before the first', () => {
  // "قال الوزير" with tokens at 0–3 and 4–10
  const toks = [{ start: 0 }, { start: 4 }];
  assert.equal(tokenContaining(toks, 0), 0);
  assert.equal(tokenContaining(toks, 2), 0);
  assert.equal(tokenContaining(toks, 3), 0); // the space belongs to the token before it
  assert.equal(tokenContaining(toks, 4), 1);
  assert.equal(tokenContaining(toks, 99), 1);
  assert.equal(tokenContaining([{ start: 5 }], 2), 0);
  assert.equal(tokenContaining([], 2), 0);
});
