import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const run = promisify(execFile);
const khabar = (...args: string[]) => run(process.execPath, ['--import', 'tsx', MAIN, ...args], { maxBuffer: 1 << 24 });

const ROWS = [
  {
    id: 'n1',
    title: 'الحكومة السورية تعلن هدنة',
    text: 'أعلنت الحكومة السورية هدنة إنسانية في الغوطة الشرقية لمدة خمس ساعات يوميا.\nورحبت الأمم المتحدة بالقرار.',
    url: 'https://example.org/n1',
    source: 'Outlet A',
    time: '2018-03-01',
  },
  {
    id: 'n2',
    title: 'أسعار الذهب ترتفع',
    text: 'ارتفعت أسعار الذهب في الأسواق العالمية مع تراجع الدولار، وسجلت الأوقية أعلى مستوى في شهرين.',
    url: 'https://example.org/n2',
    source: 'Outlet B',
    time: '2018-03-02',
  },
];

test('CLI: ingest, then search --json, stats --json and export print the documented shapes', { timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-cli-'));
  try {
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, `${ROWS.map((r) => JSON.stringify(r)).join('\n')}\n`);
    const db = join(dir, 'c.db');
    const ing = await khabar('ingest', input, '--db', db, '--workers', '0', '--stages', 'tokenize', '--no-progress', '--json');
    const summary = JSON.parse(ing.stdout);
    assert.equal(summary.stored, 2);
    const s = JSON.parse((await khabar('search', 'سوريا', '--db', db, '--json')).stdout);
    assert.deepEqual(Object.keys(s), ['total', 'results']);
    assert.equal(s.total, 1);
    assert.deepEqual(Object.keys(s.results[0]), ['id', 'title', 'source', 'published', 'snippet', 'score']);
    assert.equal(s.results[0].id, 'n1');
    assert.ok(s.results[0].snippet.includes('<mark>السورية</mark>'));
    const st = JSON.parse((await khabar('stats', '--db', db, '--json')).stdout);
    assert.deepEqual(Object.keys(st), ['articles', 'entities', 'quotes', 'events', 'duplicates', 'stories']);
    assert.equal(st.articles, 2);
    const human = (await khabar('search', 'الذهب', '--db', db)).stdout;
    assert.ok(human.startsWith('1 article(s)'), human);
    const out = join(dir, 'a.jsonl');
    await khabar('export', '--db', db, '--format', 'jsonl', '--what', 'analyses', '--out', out);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    assert.equal(lines.length, 2);
    assert.equal(JSON.parse(lines[0]).analysis.text.startsWith('الحكومة السورية'), true);
    await assert.rejects(khabar('search', 'x', '--db', join(dir, 'none.db')), /no corpus at/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
