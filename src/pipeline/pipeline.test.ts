import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Doc } from '../core/types.ts';
import { readArticle } from '../reader/index.ts';
import { Pipeline, type Stage } from './index.ts';

test('a pipeline runs its stages in order, loads them once, and records each stage', async () => {
  const calls: string[] = [];
  const stage = (name: string): Stage => ({
    name,
    load: () => {
      calls.push(`load:${name}`);
    },
    process: (doc: Doc) => {
      calls.push(`run:${name}:${doc.id}`);
    },
  });
  const p = new Pipeline([stage('a'), stage('b')]);
  await p.load();
  await p.load();
  const d1 = p.run(readArticle('عنوان\nنص.', { id: 'x' }));
  p.run(readArticle('نص.', { id: 'y' }));
  assert.deepEqual(calls, ['load:a', 'load:b', 'run:a:x', 'run:b:x', 'run:a:y', 'run:b:y']);
  assert.deepEqual(
    d1.stages.map((s) => s.name),
    ['a', 'b'],
  );
});

test('Pipeline.create selects a subset with what it requires, and rejects unknown stages', () => {
  const only = Pipeline.create({ stages: ['tokenize'] });
  assert.deepEqual(
    only.stages.map((s) => s.name),
    ['tokenize'],
  );
  const doc = only.run(readArticle('عنوان الخبر\nقال الوزير إن الوضع مستقر. وأضاف أنه متفائل.'));
  assert.equal(doc.sentences.length, 3);
  assert.throws(() => Pipeline.create({ stages: ['nope'] }), /unknown stage "nope"/);
  assert.throws(() => Pipeline.create({ skip: ['nope'] }), /unknown stage "nope"/);
  const all = Pipeline.create();
  assert.equal(all.stages[0].name, 'tokenize');
  const skipped = Pipeline.create({ skip: all.stages.slice(1).map((s) => s.name) });
  assert.deepEqual(
    skipped.stages.map((s) => s.name),
    ['tokenize'],
  );
});

test('a stage whose load is asynchronous must be loaded before run', async () => {
  const p = new Pipeline([{ name: 'slow', load: async () => {}, process: () => {} }]);
  assert.throws(() => p.run(readArticle('نص.')), /loads asynchronously/);
  await p.load();
  assert.doesNotThrow(() => p.run(readArticle('نص.')));
});
