import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GenerationalCache } from './cache.ts';

test('a generational cache keeps the keys in use and drops the ones not seen for a generation', () => {
  const c = new GenerationalCache<string, number>(3);
  c.set('a', 1);
  c.set('b', 2);
  c.set('c', 3);
  c.set('d', 4); // young full: a, b, c become the old generation
  assert.equal(c.get('a'), 1); // found in the old generation, moved to the young one
  c.set('e', 5); // young now holds d, a, e
  c.set('f', 6); // full again: b and c (not used) are dropped
  assert.equal(c.get('a'), 1);
  assert.equal(c.get('b'), undefined);
  assert.equal(c.get('c'), undefined);
  assert.equal(c.get('f'), 6);
  assert.ok(c.size <= 6);
  // null is a value, not a miss
  const n = new GenerationalCache<string, null>(2);
  n.set('x', null);
  assert.equal(n.get('x'), null);
});
