import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Article } from '../core/types.ts';
import { articleFromRecord, decodeText, parseDate, type ReadResult, readArticle, readArticles } from './index.ts';

function parts(a: Article): Record<string, string | undefined> {
  return { headline: a.headline, dateline: a.dateline, body: a.body, credit: a.credit, agency: a.agency, place: a.datelinePlace };
}

test('dateline forms: place-agency, place (agency) -, place - agency:', () => {
  const a = readArticle('عنوان\nدمشق-سانا\nأكد الوزير أن الوضع مستقر.\nالبعث ميديا -سانا');
  assert.deepEqual(parts(a), {
    headline: 'عنوان',
    dateline: 'دمشق-سانا',
    body: 'أكد الوزير أن الوضع مستقر.',
    credit: 'البعث ميديا -سانا',
    agency: 'سانا',
    place: 'دمشق',
  });
  const b = readArticle('عنوان\nبغداد (رويترز) - قال مسؤول إن الهجوم وقع أمس.\n(رويترز)');
  assert.equal(b.dateline, 'بغداد (رويترز) -');
  assert.equal(b.body, 'قال مسؤول إن الهجوم وقع أمس.');
  assert.equal(b.credit, '(رويترز)');
  const c = readArticle('عنوان\nالقاهرة - أ ف ب: أعلنت الحكومة المصرية اليوم خطة جديدة.');
  assert.equal(c.dateline, 'القاهرة - أ ف ب:');
  assert.equal(c.agency, 'أ ف ب');
  assert.equal(c.body, 'أعلنت الحكومة المصرية اليوم خطة جديدة.');
});

test('a trailing parenthesised credit and an "المصدر:" line are credits', () => {
  const a = readArticle('عنوان\nوقال الوزير إن المحادثات ستستأنف. (أ.ف.ب)');
  assert.equal(a.credit, '(أ.ف.ب)');
  assert.equal(a.body, 'وقال الوزير إن المحادثات ستستأنف.');
  const b = readArticle('عنوان\nنص الخبر.\nالمصدر: الجزيرة');
  assert.equal(b.credit, 'المصدر: الجزيرة');
  assert.equal(b.agency, 'الجزيرة');
});

test('no false dateline: a headline attribution or ordinary sentence stays in the body', () => {
  const a = readArticle('عنوان\nقرقاش: لن نتراجع عن موقفنا.');
  assert.equal(a.dateline, undefined);
  assert.equal(a.body, 'قرقاش: لن نتراجع عن موقفنا.');
  const b = readArticle('عنوان\nأعلنت الحكومة الأردنية اليوم أن الاجتماع سيعقد في عمان - الأسبوع المقبل.');
  assert.equal(b.dateline, undefined);
});

test('every part is an exact slice of the original text', () => {
  const text = '  عنوان الخبر  \n\nبيروت (أ ف ب) - نص الخبر الأول.\n\nنص ثان.\n(أ ف ب)\n';
  const a = readArticle(text);
  for (const k of ['headline', 'dateline', 'body', 'credit'] as const) {
    const span = a.spans[k];
    assert.ok(span, k);
    assert.equal(text.slice(span.start, span.end).trim(), (a[k] as string).trim(), k);
  }
  assert.equal(a.headline, 'عنوان الخبر');
});

test('a single line is a body without headline', () => {
  const a = readArticle('قال الرئيس إن البلاد بخير.');
  assert.equal(a.headline, '');
  assert.equal(a.body, 'قال الرئيس إن البلاد بخير.');
});

test('JSON records: title + "\\n" + text, metadata, publication date', () => {
  const a = articleFromRecord(
    {
      id: 'x1',
      title: 'العنوان',
      text: 'بغداد (رويترز) - النص.',
      url: 'http://e.com/1',
      source: 'BBC Arabic',
      time: 'Sun, 18 Feb 2018 17:21:49 GMT',
      category: 'middleEast',
    },
    'f',
  );
  assert.equal(a.text, 'العنوان\nبغداد (رويترز) - النص.');
  assert.equal(a.id, 'x1');
  assert.equal(a.published, '2018-02-18T17:21:49Z');
  assert.equal(a.dateline, 'بغداد (رويترز) -');
  assert.deepEqual(a.meta, { category: 'middleEast' });
  const single = articleFromRecord({ id: 's', title: '', text: 'جملة واحدة.' }, 'f');
  assert.equal(single.text, 'جملة واحدة.');
  assert.throws(() => articleFromRecord({ id: 'e', title: ' ', text: '' }, 'f'), /no title and no text/);
});

test('dates in feed formats parse to ISO', () => {
  assert.equal(parseDate('2013-06-12'), '2013-06-12');
  assert.equal(parseDate('Sun, 18 Mar 2018 10:00:00 +0300'), '2018-03-18T07:00:00Z');
  assert.equal(parseDate('not a date'), undefined);
});

test('decoding: UTF-8 with BOM, Windows-1256, binary refused, invalid UTF-8 replaced with a warning', () => {
  assert.equal(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0xd9, 0x85]), 'f').text, 'م');
  const cp1256 = new Uint8Array([0xc7, 0xe1, 0xd3, 0xe1, 0xc7, 0xe3, 0x20, 0xda, 0xe1, 0xed, 0xdf, 0xe3]); // السلام عليكم
  const d = decodeText(cp1256, 'f');
  assert.equal(d.text, 'السلام عليكم');
  assert.match(d.warning ?? '', /Windows-1256/);
  assert.throws(() => decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1]), 'f'), /binary/);
  const bad = decodeText(new Uint8Array([0xd9, 0x85, 0x20, 0x61, 0x62, 0x63, 0x20, 0xff, 0x20, 0x61, 0x62, 0x63, 0x64, 0x65]), 'f');
  assert.match(bad.warning ?? '', /invalid UTF-8/);
});

async function collect(path: string, format?: 'txt' | 'json' | 'jsonl'): Promise<ReadResult[]> {
  const out: ReadResult[] = [];
  for await (const r of readArticles(path, { format })) out.push(r);
  return out;
}

test('directories, JSONL with a bad line, empty and missing files', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-reader-'));
  writeFileSync(join(dir, 'a.txt'), 'عنوان\nنص.');
  writeFileSync(
    join(dir, 'b.jsonl'),
    `${JSON.stringify({ id: '1', title: 'ع', text: 'ن' })}\n{bad json\n\n${JSON.stringify({ id: '3', title: 'ع3', text: 'ن3' })}\n`,
  );
  writeFileSync(join(dir, 'c.txt'), '   \n');
  const rs = await collect(dir);
  assert.deepEqual(
    rs.map((r) => (r.ok ? `ok:${r.article.id}` : `err:${r.where.split('/').pop()}`)),
    ['ok:a', 'ok:1', 'err:b.jsonl:2', 'ok:3', 'err:c.txt'],
  );
  const missing = await collect(join(dir, 'nope.txt'));
  assert.equal(missing[0].ok, false);
});

test('dateline variants: dates, glosses, en dashes, parenthesised agencies, place alone', () => {
  const cases: Array<[string, string | undefined, string | undefined]> = [
    ['بيروت، 12 حزيران 2013 (أ ف ب) - قال مسؤول', 'بيروت، 12 حزيران 2013 (أ ف ب) -', 'أ ف ب'],
    ['واشنطن - قال الرئيس الأمريكي', 'واشنطن -', undefined],
    ['عمان - بترا - أعلن', 'عمان - بترا -', 'بترا'],
    ['نيويورك (الأمم المتحدة) - أ ف ب: قال', 'نيويورك (الأمم المتحدة) - أ ف ب:', 'أ ف ب'],
    ['غزة – (الأناضول): قال', 'غزة – (الأناضول):', 'الأناضول'],
    ['القدس المحتلة - وكالات: قتل', 'القدس المحتلة - وكالات:', 'وكالات'],
    ['دبي، الإمارات العربية المتحدة (CNN)-- قال', 'دبي، الإمارات العربية المتحدة (CNN)--', 'سي إن إن'],
    ['كتب محمد علي: قال', undefined, undefined],
    ['أعلنت وزارة الصحة - في بيان - أن', undefined, undefined],
  ];
  for (const [body, dateline, agency] of cases) {
    const a = readArticle(`عنوان\n${body}`);
    assert.equal(a.dateline, dateline, body);
    assert.equal(a.agency, agency, body);
  }
});
