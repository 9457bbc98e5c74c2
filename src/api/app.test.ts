import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Pipeline } from '../pipeline/index.ts';
import { createApp } from './app.ts';

const app = createApp({ pipeline: Pipeline.create({ stages: ['tokenize'] }) });

// biome-ignore lint/suspicious/noExplicitAny: JSON bodies are checked field by field below.
const json = async (res: Response): Promise<any> => res.json();

test('POST /api/analyze takes a plain-text wire story', async () => {
  const res = await app.request('/api/analyze', {
    method: 'POST',
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: 'عنوان الخبر\nدمشق-سانا\nأكد الوزير أن الوضع مستقر. وأضاف أنه متفائل.',
  });
  assert.equal(res.status, 200);
  const a = await json(res);
  assert.equal(a.article.dateline, 'دمشق-سانا');
  assert.equal(a.sentences.length, 3);
  for (const t of a.tokens) assert.equal(a.text.slice(t.start, t.end), t.text);
});

test('POST /api/analyze takes a JSON record and keeps its id', async () => {
  const res = await app.request('/api/analyze', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: 'x7', title: '', text: 'قال الرئيس إن البلاد بخير.' }),
  });
  assert.equal(res.status, 200);
  assert.equal((await json(res)).id, 'x7');
});

test('bad requests get JSON errors, not crashes', async () => {
  let res = await app.request('/api/analyze', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' });
  assert.equal(res.status, 400);
  assert.match((await json(res)).error, /invalid JSON/);
  res = await app.request('/api/analyze', { method: 'POST', body: '  ' });
  assert.equal(res.status, 400);
  res = await app.request('/api/search?q=سوريا');
  assert.equal(res.status, 503);
  res = await app.request('/api/nope');
  assert.equal(res.status, 404);
});

test('the web page is served right-to-left', async () => {
  const res = await app.request('/');
  assert.equal(res.status, 200);
  const html = await res.text();
  assert.match(html, /<html lang="ar" dir="rtl">/);
});

test('GET /api/search and /api/stats answer from a corpus store', async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { openStore } = await import('../store/index.ts');
  const { ingest } = await import('../ingest/index.ts');
  const { articleFromRecord } = await import('../reader/index.ts');
  const store = await openStore(join(mkdtempSync(join(tmpdir(), 'khabar-api-')), 'k.db'));
  try {
    const tokenizeOnly = Pipeline.create({ stages: ['tokenize'] });
    async function* records() {
      yield {
        ok: true as const,
        where: 'a',
        article: articleFromRecord({ id: 'a1', title: 'سورية والأسلحة', text: 'وصلت شحنة وبالأسلحة إلى سوريا أمس.' }, 'a1'),
      };
      yield { ok: true as const, where: 'b', article: articleFromRecord({ id: 'b1', title: 'الطقس', text: 'الجو مشمس في عمان.' }, 'b1') };
    }
    await ingest(records(), store, { workers: 0, runDoc: (a) => tokenizeOnly.run(a) });
    const api = createApp({ pipeline: tokenizeOnly, store });
    let res = await api.request(`/api/search?q=${encodeURIComponent('الأسلحة')}`);
    assert.equal(res.status, 200);
    const body = await json(res);
    assert.equal(body.total, 1);
    assert.equal(body.results[0].id, 'a1');
    assert.match(body.results[0].snippet, /<mark>/);
    res = await api.request('/api/stats');
    assert.equal((await json(res)).articles, 2);
  } finally {
    await store.close();
  }
});
