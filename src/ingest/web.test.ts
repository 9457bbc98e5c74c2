import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { ReadResult } from '../reader/index.ts';
import { readInputs } from './sources.ts';
import { decodePage, htmlToArticle, htmlToText, parseFeedItems } from './web.ts';

const PARA1 = 'أعلنت الحكومة العراقية اليوم عن خطة جديدة لإعادة إعمار المدن المتضررة من الحرب في محافظة نينوى، بتكلفة تتجاوز مليار دولار.';
const PARA2 = 'وقال المتحدث باسم الحكومة إن الخطة تشمل بناء المدارس والمستشفيات وشبكات المياه والكهرباء خلال ثلاث سنوات.';
const PARA3 = 'ويعيش آلاف النازحين في مخيمات مؤقتة منذ انتهاء العمليات العسكرية ضد تنظيم الدولة الإسلامية في المدينة.';

const PAGE = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>خطة لإعمار الموصل | موقع الأخبار</title>
<meta property="article:published_time" content="2018-05-03T10:00:00Z"><meta property="og:site_name" content="موقع الأخبار"></head>
<body><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/sport">رياضة</a></li><li><a href="/eco">اقتصاد</a></li></ul></nav>
<main><article><h1>خطة لإعمار الموصل</h1><p>${PARA1}</p><p>${PARA2}</p><p>${PARA3}</p></article></main>
<section class="comments" id="comments"><h3>التعليقات</h3><div class="comment">تعليق من قارئ: هذا كلام فارغ ولا أصدقه</div></section>
<footer>جميع الحقوق محفوظة ٢٠١٨ - سياسة الخصوصية - اتصل بنا</footer></body></html>`;

test('HTML page: the article text only, one paragraph per line, metadata kept', () => {
  const a = htmlToArticle(PAGE, { id: 'p1', url: 'https://example.org/p1' });
  const body = a.text.slice(a.spans.body.start, a.spans.body.end);
  assert.ok(body.includes(`${PARA1}\n${PARA2}\n${PARA3}`), body);
  for (const junk of ['الرئيسية', 'تعليق من قارئ', 'جميع الحقوق']) assert.ok(!a.text.includes(junk), `${junk} leaked`);
  assert.equal(a.headline, 'خطة لإعمار الموصل');
  assert.equal(a.url, 'https://example.org/p1');
  assert.equal(a.source, 'موقع الأخبار');
  assert.ok(a.published?.startsWith('2018-05-03'));
});

test('htmlToText separates blocks and drops scripts', () => {
  assert.equal(htmlToText('<p>أ<b>ب</b></p><p>ج<br>د</p><script>x()</script>'), 'أب\nج\nد');
});

test('legacy Windows-1256 pages are decoded by their declared charset', () => {
  const text = 'مرحبا';
  // Windows-1256 bytes of مرحبا.
  const bytes = new Uint8Array([...Buffer.from('<meta charset="windows-1256"><p>'), 0xe3, 0xd1, 0xcd, 0xc8, 0xc7, ...Buffer.from('</p>')]);
  assert.ok(decodePage(bytes, 'x.html').includes(text));
});

const RSS = `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>أخبار تجريبية</title>
<item><title>الخبر الأول</title><link>https://example.org/1</link><pubDate>Wed, 30 May 2018 14:29:21 GMT</pubDate>
<description>&lt;p&gt;${PARA1}&lt;/p&gt;&lt;p&gt;${PARA2}&lt;/p&gt;</description></item>
<item><title>الخبر الثاني</title><link>https://example.org/2</link><description>${PARA3}</description></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>موجز</title>
<entry><title>عنوان أتوم</title><link href="https://example.org/a1"/><id>tag:a1</id><updated>2018-06-01T00:00:00Z</updated>
<content type="html">&lt;p&gt;${PARA2}&lt;/p&gt;</content></entry></feed>`;

test('RSS and Atom items become articles', () => {
  const r = parseFeedItems(RSS);
  assert.equal(r.source, 'أخبار تجريبية');
  assert.equal(r.items.length, 2);
  assert.equal(r.items[0].text, `${PARA1}\n${PARA2}`);
  assert.equal(r.items[0].link, 'https://example.org/1');
  const a = parseFeedItems(ATOM);
  assert.equal(a.items[0].title, 'عنوان أتوم');
  assert.equal(a.items[0].link, 'https://example.org/a1');
  assert.equal(a.items[0].published, '2018-06-01T00:00:00Z');
});

test('readInputs: a directory of pages, feeds and broken files gives articles and named errors', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-web-'));
  try {
    writeFileSync(join(dir, 'page.html'), PAGE);
    writeFileSync(join(dir, 'feed.xml'), RSS);
    writeFileSync(join(dir, 'atom.atom'), ATOM);
    writeFileSync(join(dir, 'broken.xml'), '<rss><channel><item><title>x');
    writeFileSync(join(dir, 'empty.html'), '<html><body><nav>قائمة</nav></body></html>');
    const out: ReadResult[] = [];
    for await (const r of readInputs([dir, join(dir, 'missing.txt')])) out.push(r);
    const ok = out.filter((r) => r.ok);
    const bad = out.filter((r) => !r.ok);
    assert.equal(ok.length, 4, JSON.stringify(out.map((r) => [r.where, r.ok ? r.article.headline : r.error])));
    assert.ok(bad.some((r) => r.where.endsWith('missing.txt')));
    assert.ok(bad.some((r) => r.where.endsWith('empty.html')));
    assert.ok(bad.length >= 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('URLs: a feed fetched over HTTP, its items’ pages fetched only when asked', async () => {
  const { createServer } = await import('node:http');
  const server = createServer((req, res) => {
    if (req.url === '/feed.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(RSS.replaceAll('https://example.org/', `http://127.0.0.1:${(server.address() as { port: number }).port}/p/`));
    } else if (req.url?.startsWith('/p/')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  try {
    const plain: ReadResult[] = [];
    for await (const r of readInputs([`${base}/feed.xml`, `${base}/missing`])) plain.push(r);
    assert.equal(plain.filter((r) => r.ok).length, 2);
    const first = plain[0];
    assert.ok(first.ok && first.article.text.includes(PARA1) && !first.article.text.includes(PARA3));
    assert.ok(plain.some((r) => !r.ok && r.error.includes('404')));
    const fetched: ReadResult[] = [];
    for await (const r of readInputs([`${base}/feed.xml`], { fetchLinks: true })) fetched.push(r);
    assert.equal(fetched.length, 2);
    for (const r of fetched) assert.ok(r.ok && r.article.text.includes(PARA3), 'the full page replaced the feed summary');
  } finally {
    server.close();
  }
});
