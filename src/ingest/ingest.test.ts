import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { searchCorpus } from '../search/index.ts';
import { SqliteStore } from '../store/sqlite/index.ts';
import { ingest } from './index.ts';

const ARTICLES = [
  {
    id: 'a1',
    title: 'افتتاح معرض الكتاب في الرياض',
    text: 'افتتح وزير الثقافة السعودي معرض الرياض الدولي للكتاب بمشاركة أكثر من خمسمئة دار نشر من ثلاثين دولة.\nويستمر المعرض عشرة أيام.',
    url: 'https://example.org/a1',
  },
  {
    id: 'a2',
    title: 'ارتفاع أسعار النفط',
    text: 'ارتفعت أسعار النفط في الأسواق العالمية بعد قرار منظمة أوبك خفض الإنتاج، وسجل خام برنت أعلى مستوى له منذ عامين.',
    url: 'https://example.org/a2',
  },
  { id: 'a3', title: 'بلا رابط', text: 'خبر قصير بلا رابط عن الطقس في عمان: أمطار غزيرة متوقعة غدا على معظم مناطق المملكة.' },
];

function writeInput(dir: string): string {
  const lines = ARTICLES.map((a) => JSON.stringify(a));
  lines.splice(1, 0, '{"id": "broken", "title": ', '{"id": "empty"}');
  lines.push(JSON.stringify(ARTICLES[0])); // the same article again
  const p = join(dir, 'in.jsonl');
  writeFileSync(p, `${lines.join('\n')}\n`);
  return p;
}

test('ingest with a worker thread: stores, skips repeats, reports failures by reason', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-ingest-'));
  const store = new SqliteStore(join(dir, 'c.db'));
  await store.migrate();
  try {
    const input = writeInput(dir);
    const s = await ingest([input], store, { workers: 1, batchSize: 2, pipeline: { stages: ['tokenize'] } });
    assert.equal(s.stored, 3);
    assert.equal(s.failed, 2);
    assert.equal(s.skipped, 1);
    assert.equal(s.read, 6);
    assert.ok(s.failures.some((f) => f.where.endsWith('in.jsonl:2') && f.error.startsWith('invalid JSON')));
    assert.ok(Object.keys(s.failuresByReason).length >= 1);
    const again = await ingest([input], store, { workers: 1, pipeline: { stages: ['tokenize'] } });
    assert.equal(again.stored, 0);
    assert.equal(again.skipped, 4);
    assert.equal((await store.stats()).articles, 3);
    const r = await searchCorpus(store, 'النفط');
    assert.deepEqual(
      r.results.map((x) => x.id),
      ['a2'],
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a batch that takes too long is abandoned and reported, never hangs the ingest', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-ingest-'));
  const store = new SqliteStore(join(dir, 'c.db'));
  await store.migrate();
  try {
    // 120 articles in batches of 60: a batch takes far longer than the 0 ms allowed.
    const input = join(dir, 'many.jsonl');
    const body = ARTICLES.map((a) => a.text).join('\n');
    writeFileSync(
      input,
      Array.from({ length: 120 }, (_, i) =>
        JSON.stringify({ id: `m${i}`, title: `خبر ${i}`, text: `${body}\n(${i})`, url: `https://example.org/m${i}` }),
      ).join('\n'),
    );
    const s = await ingest([input], store, { workers: 1, batchSize: 60, batchTimeoutMs: 0, pipeline: { stages: ['tokenize'] } });
    assert.equal(s.stored + s.failed, 120);
    assert.ok(s.failed >= 60, `failed ${s.failed}`);
    assert.ok(s.failures.some((f) => f.error.startsWith('analysis timed out')));
    // Nothing half-written: what failed is simply not there, and a second run stores it.
    const again = await ingest([input], store, { workers: 1, pipeline: { stages: ['tokenize'] } });
    assert.equal(again.stored + s.stored, 120);
    assert.equal((await store.stats()).articles, 120);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('workers that cannot load the pipeline: a clear error, no thread left running', { timeout: 30_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-ingest-'));
  const store = new SqliteStore(join(dir, 'c.db'));
  await store.migrate();
  try {
    const input = writeInput(dir);
    await assert.rejects(ingest([input], store, { workers: 2, pipeline: { stages: ['no-such-stage'] } }), /unknown stage "no-such-stage"/);
    assert.equal((await store.stats()).articles, 0);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
