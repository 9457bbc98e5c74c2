import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = new URL('..', import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), 'khabar-cli-'));

async function khabar(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const p = run(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/main.ts'), ...args], {
    cwd: ROOT,
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
    env: { ...process.env, KHABAR_BIDI: 'logical' },
  });
  if (input !== undefined) {
    p.child.stdin?.end(input);
  }
  try {
    const { stdout, stderr } = await p;
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string; killed?: boolean };
    if (err.killed) throw new Error('khabar timed out');
    return { code: typeof err.code === 'number' ? err.code : 1, stdout: err.stdout, stderr: err.stderr };
  }
}

test('analyze --json on the sample: one object with the documented fields and exact offsets', async () => {
  const r = await khabar(['analyze', 'samples/wire-story.txt', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, 1);
  const a = JSON.parse(lines[0]);
  assert.equal(a.id, 'wire-story');
  assert.equal(a.article.dateline, 'موسكو (رويترز) -');
  assert.equal(a.article.credit, '(رويترز)');
  assert.ok(a.article.headline.startsWith('العبادي ولافروف'));
  assert.ok(a.sentences.length >= 5);
  const text = readFileSync(join(ROOT, 'samples/wire-story.txt'), 'utf8');
  assert.equal(a.text, text);
  for (const t of a.tokens) assert.equal(text.slice(t.start, t.end), t.text);
  for (const s of a.sentences) assert.ok(s.end > s.start);
});

test('analyze reads JSONL from stdin with ids; a bad line is reported and skipped', async () => {
  const input = [
    JSON.stringify({ id: 'n1', title: '', text: 'قال الرئيس إن الوضع مستقر.' }),
    '{not json',
    JSON.stringify({ id: 'n3', title: 'عنوان', text: 'نص الخبر.' }),
  ].join('\n');
  const r = await khabar(['analyze', '-', '--format', 'jsonl', '--json'], input);
  assert.equal(r.code, 0);
  const ids = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l).id);
  assert.deepEqual(ids, ['n1', 'n3']);
  assert.match(r.stderr, /stdin:2: invalid JSON/);
  assert.match(r.stderr, /2 article\(s\) analysed, 1 failed/);
});

test('human output by default names the parts', async () => {
  const r = await khabar(['analyze', 'samples/wire-story.txt']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /dateline: موسكو \(رويترز\) -/);
  assert.match(r.stdout, /sentences/);
});

test('bad input: empty, binary, invalid UTF-8, missing file: clear errors, no crash', async () => {
  writeFileSync(join(tmp, 'empty.txt'), '');
  writeFileSync(join(tmp, 'binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]));
  writeFileSync(
    join(tmp, 'latin1.txt'),
    Buffer.concat([Buffer.from('عنوان\nنص صحيح ', 'utf8'), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from(' ونص آخر.')]),
  );
  let r = await khabar(['analyze', join(tmp, 'empty.txt'), '--json']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /empty\.txt: empty input/);
  r = await khabar(['analyze', join(tmp, 'binary.txt'), '--json']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /binary\.txt: binary file/);
  r = await khabar(['analyze', join(tmp, 'latin1.txt'), '--json']);
  assert.equal(r.code, 0, r.stderr);
  const a = JSON.parse(r.stdout);
  assert.match(a.warnings.join(' '), /invalid UTF-8/);
  r = await khabar(['analyze', join(tmp, 'missing.txt')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /missing\.txt: no such file/);
  r = await khabar(['analyze', 'samples/wire-story.txt', '--format', 'xml']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /--format must be/);
});

test('bad input: a 50 MB file is refused clearly; a 1 MB line without spaces and bidi-control soup are analysed', async () => {
  const big = join(tmp, 'big.txt');
  writeFileSync(big, 'كلمة '.repeat(5_300_000));
  let r = await khabar(['analyze', big, '--json']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /file too large/);
  writeFileSync(join(tmp, 'nospace.txt'), `عنوان\n${'ب'.repeat(1_000_000)}`);
  r = await khabar(['analyze', join(tmp, 'nospace.txt'), '--json']);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(JSON.parse(r.stdout).tokens.length > 1000);
  const bidi = '\u202bعنوان\u202c\n\u200fقال\u200f \u202eالرئيس\u202c \u2066إن\u2069 \u200eالوضع\u200e مستقر.\u061c';
  writeFileSync(join(tmp, 'bidi.txt'), bidi);
  r = await khabar(['analyze', join(tmp, 'bidi.txt'), '--json']);
  assert.equal(r.code, 0, r.stderr);
  const d = JSON.parse(r.stdout);
  assert.deepEqual(
    d.tokens.map((t: { norm: string }) => t.norm),
    ['عنوان', 'قال', 'الرئيس', 'ان', 'الوضع', 'مستقر', '.'],
  );
});

test('--published dates plain-text articles; a bad date is a clear error', async () => {
  let r = await khabar(['analyze', 'samples/wire-story.txt', '--json', '--stages', 'tokenize', '--published', '2013-06-12']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).article.published, '2013-06-12');
  r = await khabar(['analyze', 'samples/wire-story.txt', '--json', '--published', 'someday']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /not a date: "someday"/);
});
