import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';

const MAIN = fileURLToPath(new URL('../cli/main.ts', import.meta.url));
const WORDS = (
  'الحكومة البرلمان الوزير الرئيس المدينة القرية الجيش الشرطة المحكمة الشركة السوق النفط الغاز الماء الكهرباء المدرسة الجامعة الطلاب ' +
  'المستشفى الأطباء المرضى الطريق الجسر المطار الميناء السفينة الطائرة القطار الحدود اللاجئين المساعدات الأمطار الفيضانات الزلزال ' +
  'الانتخابات الأحزاب المعارضة الاتفاق المفاوضات القمة السفير الوفد الاجتماع المؤتمر التقرير البيان الصحفيين الإعلام الموسيقى ' +
  'المهرجان الفيلم المسرح الكتاب الرواية الشاعر الفريق المباراة الملعب البطولة المدرب اللاعب الهدف الأسعار التضخم البنك العملة ' +
  'أعلن قال أكد أوضح نفى طالب رفض وافق زار استقبل افتتح أغلق ارتفع انخفض وصل غادر بدأ انتهى'
).split(' ');

function corpus(n: number): string {
  let seed = 7;
  const rnd = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const words = Array.from({ length: 90 }, () => WORDS[Math.floor(rnd() * WORDS.length)]);
    const text = `${words.slice(0, 30).join(' ')}.\n${words.slice(30, 60).join(' ')}.\n${words.slice(60).join(' ')} (رقم ${i}).`;
    lines.push(
      JSON.stringify({
        id: `k${i}`,
        title: `خبر رقم ${i} عن ${words[0]}`,
        text,
        url: `https://example.org/k${i}`,
        source: 'Test',
        time: '2018-05-01',
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}

function stored(db: string): number {
  try {
    const c = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return c.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    } finally {
      c.close();
    }
  } catch {
    return 0; // not created yet
  }
}

/** Run the CLI; with `killAt`, SIGKILL it once `count()` reaches that many articles (a random point mid-ingest). */
function run(
  args: string[],
  count: () => Promise<number>,
  killAt?: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    let busy = false;
    const poll =
      killAt === undefined
        ? null
        : setInterval(() => {
            if (busy) return;
            busy = true;
            count()
              .then((n) => {
                if (n >= killAt) child.kill('SIGKILL');
              })
              .catch(() => {})
              .finally(() => {
                busy = false;
              });
          }, 5);
    child.on('exit', (code, signal) => {
      if (poll) clearInterval(poll);
      resolve({ code, signal, stderr });
    });
  });
}

/** Kill the ingest four times at random points, then let it finish; returns the counts after each kill. */
async function killAndResume(
  t: { diagnostic(s: string): void },
  args: string[],
  count: () => Promise<number>,
  n: number,
): Promise<number[]> {
  const counts: number[] = [];
  for (let k = 0; k < 4; k++) {
    const before = await count();
    const killAt = before + 1 + Math.floor(Math.random() * ((n - before) / 3));
    const r = await run(args, count, killAt);
    counts.push(await count());
    t.diagnostic(`run ${k + 1}: kill once ${killAt} stored (${r.signal ?? `exit ${r.code}`}), ${counts[k]} stored`);
  }
  const last = await run(args, count);
  assert.equal(last.code, 0, last.stderr);
  // Counts grow monotonically: a kill never loses committed batches.
  for (let k = 1; k < counts.length; k++) assert.ok(counts[k] >= counts[k - 1]);
  return counts;
}

const N = 400;

test('ingest killed at random points: after a restart every article is stored exactly once', { timeout: 180_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-kill-'));
  try {
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, corpus(N));
    const db = join(dir, 'c.db');
    const args = ['ingest', input, '--db', db, '--workers', '1', '--batch', '8', '--no-progress', '--stages', 'tokenize'];
    await killAndResume(t, args, async () => stored(db), N);
    const c = new Database(db, { readonly: true });
    const q = (sql: string): number => c.prepare(sql).pluck().get() as number;
    assert.equal(q('SELECT count(*) FROM articles'), N);
    assert.equal(q('SELECT count(DISTINCT key) FROM articles'), N);
    assert.equal(q('SELECT count(DISTINCT ext_id) FROM articles'), N);
    assert.equal(q('SELECT count(*) FROM article_texts'), N);
    assert.equal(q("SELECT count(*) FROM fts WHERE fts MATCH 'رقم'"), N, 'every article indexed once');
    assert.equal(q('SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL'), 0, 'no false near-duplicates among distinct articles');
    assert.equal(q('SELECT count(*) FROM articles WHERE story_id NOT IN (SELECT id FROM stories)'), 0, 'every story link resolves');
    c.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const PG = process.env.KHABAR_TEST_PG;

test('PostgreSQL ingest killed at random points: every article exactly once', {
  timeout: 240_000,
  skip: PG ? false : 'KHABAR_TEST_PG is not set (start a server with: eval "$(scripts/postgres-test.sh)")',
}, async (t) => {
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS khabar_kill');
  await admin.query('CREATE DATABASE khabar_kill');
  await admin.end();
  const u = new URL(PG!);
  u.pathname = '/khabar_kill';
  const target = u.toString();
  const dir = mkdtempSync(join(tmpdir(), 'khabar-kill-'));
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  try {
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, corpus(N));
    const count = async (): Promise<number> => {
      try {
        return Number((await client.query('SELECT count(*) AS n FROM articles')).rows[0].n);
      } catch {
        return 0; // not migrated yet
      }
    };
    const args = ['ingest', input, '--db', target, '--workers', '1', '--batch', '8', '--no-progress', '--stages', 'tokenize'];
    await killAndResume(t, args, count, N);
    const q = async (sql: string): Promise<number> => Number((await client.query(sql)).rows[0].n);
    assert.equal(await q('SELECT count(*) AS n FROM articles'), N);
    assert.equal(await q('SELECT count(DISTINCT key) AS n FROM articles'), N);
    assert.equal(await q("SELECT count(*) AS n FROM articles WHERE tsv @@ to_tsquery('simple', 'رقم')"), N);
    assert.equal(await q('SELECT count(*) AS n FROM articles WHERE story_id NOT IN (SELECT id FROM stories)'), 0);
  } finally {
    await client.end();
    rmSync(dir, { recursive: true, force: true });
  }
});
