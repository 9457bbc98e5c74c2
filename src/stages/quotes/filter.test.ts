import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { hasSharedData, sharedDataDir } from '../../core/paths.ts';
import type { Doc } from '../../core/types.ts';
import type { GoldAnnotation } from '../../corpora/gold.ts';
import { quoteHits } from '../../eval/gold.ts';
import { predRecord } from '../../eval/run.ts';
import { cueKind, filterQuotes, formatQuoteFilter, parseQuoteFilter, type QuoteFilterModel, quoteFeatures, scoreQuotes } from './filter.ts';
import { loadCues } from './lexicon.ts';
import { ruleQuotesDoc } from './test-docs.ts';
import { cvQuoteFilter, quoteDoc, quoteGoldOf, trainQuoteFilter } from './train-filter.ts';

const run = ruleQuotesDoc;

const feats = (doc: Doc): string[][] => quoteFeatures(doc, doc.quotes ?? [], loadCues());

test('cue kinds from the lexicon: say, act, part, attr, a headline colon, unknown', () => {
  const lex = loadCues();
  assert.equal(cueKind('وقال', lex), 'say');
  assert.equal(cueKind('أدان', lex), 'act');
  assert.equal(cueKind('مضيفا', lex), 'part');
  assert.equal(cueKind('بحسب', lex), 'attr');
  assert.equal(cueKind(':', lex), 'colon');
  assert.equal(cueKind('ركض', lex), 'none');
});

test('features of a say cue with أن content and an entity speaker', () => {
  const doc = run('وقال وزير الخارجية سامح شكري إن المفاوضات ستستأنف الأسبوع المقبل في القاهرة.', [['سامح شكري', 'PER']]);
  assert.equal(doc.quotes?.length, 1);
  const f = feats(doc)[0];
  for (const x of ['k=say', 'cs=قال', 'cue=وقال', 'open=an', 'kd=say|i', 'cuepos=before', 'spos=cue<spk<q', 'sent=<=1'])
    assert.ok(f.includes(x), `${x} in ${f.join(' ')}`);
  assert.ok(
    f.some((x) => x.startsWith('spk=ent:PER') || x === 'spk=desc'),
    f.join(' '),
  );
  assert.ok(f.includes('len=<=7'), f.join(' '));
  assert.ok(!f.includes('neg=content'));
});

test('features of an act cue with a nominal object, a direct quote, a carried speaker and negated content', () => {
  const act = run('وأدان الرئيس الهجوم الإرهابي على المسجد.');
  assert.equal(act.quotes?.length, 1, JSON.stringify(act.quotes));
  const fa = feats(act)[0];
  assert.ok(fa.includes('k=act') && fa.includes('open=noun') && fa.includes('spk=desc'), fa.join(' '));
  const direct = run('وقال الوزير «لن نتراجع عن هذا القرار أبدا».');
  const fd = feats(direct)[0];
  assert.ok(fd.includes('kd=say|d') && fd.includes('open=quote') && fd.includes('neg=content'), fd.join(' '));
  const carried = run('وقال المتحدث باسم الجيش إن القوات تقدمت. وأضاف أن العملية مستمرة.');
  assert.equal(carried.quotes?.length, 2);
  const fc = feats(carried)[1];
  assert.ok(fc.includes('spk=carried-desc'), fc.join(' '));
  assert.ok(fc.includes('spkq=<=2'), fc.join(' '));
});

test('the filter keeps the quotes at or above the threshold and drops the others; the model file round-trips', () => {
  const doc = run('وقال الوزير إن الاجتماع سيعقد غدا. وأدان الرئيس الهجوم على المسجد.');
  assert.equal(doc.quotes?.length, 2);
  const m: QuoteFilterModel = { bias: 1, weights: new Map([['k=act', -3]]), threshold: 0.5, header: 'test' };
  const kept = filterQuotes(doc, doc.quotes ?? [], loadCues(), m);
  assert.deepEqual(
    kept.map((q) => q.cue),
    ['وقال'],
  );
  assert.equal(filterQuotes(doc, doc.quotes ?? [], loadCues(), m, 0.01).length, 2);
  const back = parseQuoteFilter(formatQuoteFilter(m));
  assert.equal(back.bias, 1);
  assert.equal(back.threshold, 0.5);
  assert.equal(back.weights.get('k=act'), -3);
  assert.equal(back.header, 'test');
  const p = scoreQuotes(back, feats(doc));
  assert.ok(p[0] > 0.7 && p[1] < 0.2, String(p));
});

test('labels follow the scorer: text covering half of a gold quote and a matching speaker', () => {
  const doc = run('وقال الوزير إن الاجتماع سيعقد غدا في العاصمة. وأدان الرئيس الهجوم على المسجد.');
  const gold: GoldAnnotation = {
    id: doc.id,
    entities: [],
    quotes: [{ speaker: 'الوزير', speaker_mention: 'الوزير', cue: 'قال', text: 'الاجتماع سيعقد غدا في العاصمة', direct: false }],
    events: [],
  } as unknown as GoldAnnotation;
  assert.deepEqual(quoteHits(gold, predRecord(doc)), [true, false]);
  const wrongSpeaker = { ...gold, quotes: [{ ...gold.quotes[0], speaker: 'الرئيس', speaker_mention: 'الرئيس' }] };
  assert.deepEqual(quoteHits(wrongSpeaker, predRecord(doc)), [false, false]);
});

test('training smoke test: hand-made sentences, act cues with nominal objects unlabelled, said-that quotes labelled', () => {
  const lex = loadCues();
  const rows: Array<[string, boolean[]]> = [
    ['وقال الوزير إن الاجتماع سيعقد غدا. وأدان الرئيس الهجوم على المسجد.', [true, false]],
    ['وأكد المتحدث أن القوات انسحبت من المدينة. ورحب الأمين العام بالاتفاق الجديد.', [true, false]],
    ['وقالت الوزارة إن الحدود ستفتح قريبا. وأدانت الحكومة التفجير الانتحاري.', [true, false]],
    ['وأوضح المسؤول أن المساعدات وصلت إلى المخيمات. ورحبت الخارجية بقرار المجلس.', [true, false]],
  ];
  const docs = rows.map(([text, labels], i) => {
    const doc = run(text);
    assert.equal(doc.quotes?.length, labels.length, `${text}: ${JSON.stringify(doc.quotes?.map((q) => q.text))}`);
    const t = quoteGoldOf(
      {
        id: doc.id,
        set: `s${i % 2}`,
        entities: [],
        quotes: (doc.quotes ?? [])
          .filter((_, k) => labels[k])
          .map((q) => ({
            speaker: q.speakerText,
            speaker_mention: q.speakerText,
            cue: q.cue,
            direct: q.direct,
            text: [q.start, q.end] as [number, number],
          })),
      },
      doc.text,
    );
    const d = quoteDoc(`s${i % 2}`, doc, t, lex);
    assert.deepEqual(d.labels, labels);
    return d;
  });
  const m = trainQuoteFilter(docs, { epochs: 30, lr: 0.2, l2: 1e-4 });
  const probe = run('وقال السفير إن المحادثات ستستمر. وأدان الوزير القصف الجوي.');
  const p = scoreQuotes(m, feats(probe));
  assert.equal(p.length, 2);
  assert.ok(p[0] > 0.5 && p[1] < 0.5, String(p));
  const cv = cvQuoteFilter(docs, { epochs: 30, lr: 0.2, l2: 1e-4 });
  assert.equal(cv.rows.length, 2);
  assert.equal(cv.pooled.rules.pred, 8);
  assert.ok(cv.pooled.filtered.p >= cv.pooled.rules.p);
});

const ANT = join(sharedDataDir(), 'ant_news_corpus_subset', 'ant_v2.1_subset.jsonl');
test('the stand-off quote annotations point into the ANT text', {
  skip: hasSharedData() && existsSync(ANT) ? false : 'needs ../shared/data/ant_news_corpus_subset (skipped)',
}, async () => {
  const { readQuoteStandoff } = await import('./train-filter.ts');
  const { readFileSync } = await import('node:fs');
  const { dataFile } = await import('../../core/paths.ts');
  const file = dataFile('annotations', 'quotes-train.jsonl');
  const records = readQuoteStandoff(file);
  // one record per non-empty line, and at least the 23 sets of 12 articles annotated so far
  assert.equal(
    records.length,
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim()).length,
  );
  assert.ok(records.length >= 276, String(records.length));
  const first = records[0];
  const line = readFileSync(ANT, 'utf8')
    .split('\n')
    .find((l) => l.includes(`"${first.id}"`));
  assert.ok(line);
  const r = JSON.parse(line as string);
  const text = `${r.title}\n${r.text}`;
  for (const q of first.quotes) assert.ok(q.text[1] > q.text[0] && q.text[1] <= text.length);
});
