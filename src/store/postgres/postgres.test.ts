import assert from 'node:assert/strict';
import { test } from 'node:test';
import pg from 'pg';
import { searchCorpus } from '../../search/index.ts';
import { openStore } from '../index.ts';
import { SqliteStore } from '../sqlite/index.ts';
import { ingestTestCorpus, storeContract } from '../testing.ts';

const URL = process.env.KHABAR_TEST_PG;
const skip = URL ? false : 'KHABAR_TEST_PG is not set (start a server with: eval "$(scripts/postgres-test.sh)")';

/** A fresh schema-less database for one test. */
async function freshDb(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: URL });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const u = new globalThis.URL(URL!);
  u.pathname = `/${name}`;
  return u.toString();
}

test('PostgreSQL store: the same behaviour as SQLite', { skip }, async () => {
  const store = await openStore(await freshDb('khabar_contract'));
  try {
    await storeContract(store);
    const versions = await (store as unknown as { pool: pg.Pool }).pool.query('SELECT version FROM schema_version');
    assert.deepEqual(
      versions.rows.map((r) => r.version),
      [1, 2, 3],
    );
  } finally {
    await store.close();
  }
});

test('PostgreSQL and SQLite return the same articles for the same queries', { skip }, async () => {
  const pgStore = await openStore(await freshDb('khabar_same'));
  const lite = new SqliteStore(':memory:');
  await lite.migrate();
  try {
    await ingestTestCorpus(pgStore);
    await ingestTestCorpus(lite);
    for (const q of ['سوريا', 'روسية', '"طائرات روسية"', 'الأمم المتحدة', 'التضخم', 'والمعارضة', 'مصر']) {
      const a = await searchCorpus(pgStore, q, { limit: 50 });
      const b = await searchCorpus(lite, q, { limit: 50 });
      assert.equal(a.total, b.total, q);
      assert.deepEqual(a.results.map((x) => x.id).sort(), b.results.map((x) => x.id).sort(), q);
      // Same ranking: PostgreSQL computes FTS5's BM25 (exact for words; phrases by their rarest word).
      if (!q.startsWith('"')) {
        assert.deepEqual(
          a.results.map((x) => x.id),
          b.results.map((x) => x.id),
          `order of ${q}`,
        );
        for (const [i, x] of a.results.entries()) {
          const y = b.results[i].score;
          assert.ok(Math.abs(x.score - y) < 1e-4 * Math.max(1, Math.abs(x.score)), `${q}: ${x.score} vs ${y}`);
        }
      }
    }
  } finally {
    await pgStore.close();
    await lite.close();
  }
});
