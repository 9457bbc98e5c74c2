import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { openStore } from '../index.ts';
import { storeContract } from '../testing.ts';
import { SqliteStore } from './index.ts';
import { SQLITE_MIGRATIONS } from './migrations.ts';

test('SQLite store: ingest, idempotency, search, filters, aggregates, exports', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-sqlite-'));
  const store = await openStore(join(dir, 'c.db'));
  try {
    await storeContract(store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('SQLite migrations are versioned and re-running them is a no-op', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-sqlite-'));
  try {
    const s = new SqliteStore(join(dir, 'm.db'));
    assert.equal(await s.migrate(), 2);
    assert.equal(await s.migrate(), 2);
    assert.deepEqual(s.db.prepare('SELECT version FROM schema_version').pluck().all(), [1, 2]);
    assert.equal(s.db.pragma('journal_mode', { simple: true }), 'wal');
    await s.close();
    // a database made before step 2 (events without via/score) is brought up to date, its rows kept
    const old = new SqliteStore(join(dir, 'v1.db'));
    old.db.exec('CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)');
    old.db.exec(SQLITE_MIGRATIONS[0].sql);
    old.db.prepare("INSERT INTO schema_version VALUES (1, 'v1', '2026-01-01')").run();
    old.db.prepare(`INSERT INTO events (article_id, type, trigger, start, "end", sentence) VALUES (1, 'ASSAULT', 'قصفت', 0, 4, 0)`).run();
    assert.equal(await old.migrate(), 2);
    assert.deepEqual(old.db.prepare('SELECT type, via, score FROM events').all(), [{ type: 'ASSAULT', via: null, score: null }]);
    await old.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a second writer taking the same row ids fails loudly instead of dropping articles', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-sqlite-'));
  try {
    const path = join(dir, 'w.db');
    const a = new SqliteStore(path);
    const b = new SqliteStore(path);
    await a.migrate();
    const row = (key: string) => ({
      id: 1,
      key,
      extId: key,
      title: 'عنوان',
      text: 'عنوان\nنص الخبر',
      bodyStart: 6,
      bodyEnd: 13,
      analysis: {},
      entities: [],
      quotes: [],
      events: [],
      times: [],
      titleTerms: 'عنوان',
      bodyTerms: 'نص خبر',
      minhash: null,
      keyterms: '',
      duplicateOf: null,
      similarity: null,
      storyId: null,
    });
    await a.writeBatch([row('k1')], []);
    await b.writeBatch([row('k1')], []); // the same article again: skipped quietly
    await assert.rejects(b.writeBatch([row('k2')], []), /another ingest/);
    assert.equal((await a.stats()).articles, 1);
    await a.close();
    await b.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
