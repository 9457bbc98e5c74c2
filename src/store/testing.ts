/**
 * A small hand-made corpus and the behaviour every store back end must show
 * (used by the SQLite and PostgreSQL tests, so both give the same results).
 */
import assert from 'node:assert/strict';
import type { Article, Doc, Entity, Event, Quote } from '../core/types.ts';
import { exportCorpus } from '../export/index.ts';
import { ingest } from '../ingest/index.ts';
import { newDoc } from '../pipeline/index.ts';
import type { ReadResult } from '../reader/index.ts';
import { articleFromRecord } from '../reader/index.ts';
import { searchCorpus } from '../search/index.ts';
import type { Store } from './types.ts';

const SYRIA_PARAS = [
  'قصفت طائرات روسية مواقع لفصائل المعارضة في ريف إدلب الجنوبي فجر اليوم، وفق ما أفاد المرصد السوري لحقوق الإنسان.',
  'وقال الرئيس السوري بشار الأسد في كلمة متلفزة إن الجيش سيواصل عملياته حتى استعادة كامل الأراضي السورية من الجماعات المسلحة.',
  'وتشهد المنطقة تصعيدا عسكريا منذ أسابيع رغم اتفاق خفض التصعيد الذي رعته روسيا وتركيا وإيران في أستانا العام الماضي.',
  'ودعت الأمم المتحدة جميع الأطراف إلى حماية المدنيين والسماح بوصول المساعدات الإنسانية إلى المناطق المحاصرة دون عوائق.',
];

interface Spec {
  rec: Record<string, unknown>;
  entities?: { id: string; type: Entity['type']; name: string; kbId?: string; country?: string; surface: string[] }[];
  quotes?: { speaker: string | null; speakerText: string; quote: string }[];
  events?: { type: string; source: string; target: string; trigger: string; via?: 'model'; score?: number }[];
}

function spanOf(text: string, s: string, from = 0): { start: number; end: number } {
  const i = text.indexOf(s, from);
  if (i < 0) throw new Error(`"${s}" not in text`);
  return { start: i, end: i + s.length };
}

/** Build the Doc a pipeline would produce, with hand-made layers. */
function docFor(spec: Spec): (a: Article) => Doc {
  return (a) => {
    const doc = newDoc(a);
    const text = a.text;
    if (spec.entities) {
      doc.entities = spec.entities.map((e) => ({
        id: e.id,
        type: e.type,
        name: e.name,
        kbId: e.kbId,
        country: e.country,
        mentions: e.surface.map((s) => ({ ...spanOf(text, s), text: s, via: 'test' })),
      }));
    }
    if (spec.quotes) {
      doc.quotes = spec.quotes.map(
        (q): Quote => ({
          ...spanOf(text, q.quote),
          speaker: q.speaker,
          speakerText: q.speakerText,
          cue: 'قال',
          text: q.quote,
          direct: false,
        }),
      );
    }
    if (spec.events) {
      doc.events = spec.events.map(
        (e): Event => ({
          ...spanOf(text, e.trigger),
          type: e.type,
          source: { entity: e.source, name: undefined },
          target: { entity: e.target },
          trigger: e.trigger,
          sentence: 0,
          date: null,
          ...(e.via ? { via: e.via, score: e.score } : {}),
        }),
      );
    }
    return doc;
  };
}

export const CORPUS: Spec[] = [
  {
    rec: {
      id: 'sy1',
      title: 'غارات روسية على ريف إدلب',
      text: `${SYRIA_PARAS.join('\n')}\n(رويترز)`,
      url: 'https://example.org/sy1',
      source: 'Outlet A',
      time: '2018-05-01T08:00:00Z',
    },
    entities: [
      { id: 'e1', type: 'LOC', name: 'سوريا', kbId: 'Q858', country: 'SYR', surface: ['السورية'] },
      { id: 'e2', type: 'PER', name: 'بشار الأسد', kbId: 'Q44329', country: 'SYR', surface: ['بشار الأسد'] },
      { id: 'e3', type: 'LOC', name: 'روسيا', kbId: 'Q159', country: 'RUS', surface: ['روسيا', 'روسية'] },
      { id: 'e4', type: 'ORG', name: 'المعارضة السورية', surface: ['فصائل المعارضة'] },
    ],
    quotes: [{ speaker: 'e2', speakerText: 'الرئيس السوري بشار الأسد', quote: 'الجيش سيواصل عملياته حتى استعادة كامل الأراضي السورية' }],
    events: [{ type: 'ASSAULT', source: 'e3', target: 'e4', trigger: 'قصفت' }],
  },
  {
    // A wire copy: paragraphs reordered, credit and headline changed.
    rec: {
      id: 'sy1-copy',
      title: 'عاجل: طائرات روسية تقصف إدلب',
      text: `${[SYRIA_PARAS[1], SYRIA_PARAS[0], SYRIA_PARAS[3], SYRIA_PARAS[2]].join('\n')}\nالمصدر: وكالات`,
      url: 'https://example.net/copy',
      source: 'Outlet B',
      time: '2018-05-01T10:00:00Z',
    },
    entities: [{ id: 'e1', type: 'LOC', name: 'سوريا', kbId: 'Q858', surface: ['السورية'] }],
  },
  {
    rec: {
      id: 'eg1',
      title: 'نمو الاقتصاد المصري',
      text:
        'قال محافظ البنك المركزي المصري إن معدل النمو الاقتصادي ارتفع خلال الربع الأخير، وإن "التضخم يتراجع بثبات".\n' +
        'وأوضح البنك في تقريره أن قطاعات السياحة والطاقة قادت النمو في مصر، بينما تراجعت أسعار الفائدة.',
      source: 'Outlet B',
      time: 'Tue, 15 May 2018 09:00:00 GMT',
    },
    entities: [
      { id: 'e1', type: 'LOC', name: 'مصر', kbId: 'Q79', country: 'EGY', surface: ['مصر'] },
      { id: 'e2', type: 'PER', name: 'محافظ البنك المركزي', surface: ['محافظ البنك المركزي'] },
    ],
    quotes: [{ speaker: 'e2', speakerText: 'محافظ البنك المركزي المصري', quote: 'التضخم يتراجع بثبات' }],
  },
  {
    rec: {
      id: 'sy2',
      title: 'مفاوضات جديدة بشأن سورية',
      text:
        'تستضيف جنيف الأسبوع المقبل جولة جديدة من المفاوضات بين الحكومة السورية والمعارضة برعاية الأمم المتحدة.\n' +
        'وقال المبعوث الأممي إن روسيا تدعم المسار السياسي، وإن "الحل العسكري لن ينهي الأزمة".\n' +
        'وقصفت طائرات روسية مواقع للمعارضة مساء أمس قرب حماة.',
      url: 'https://example.org/sy2',
      source: 'Outlet A',
      time: '2018-06-20',
    },
    entities: [
      { id: 'e1', type: 'LOC', name: 'سوريا', kbId: 'Q858', surface: ['السورية'] },
      { id: 'e2', type: 'LOC', name: 'روسيا', kbId: 'Q159', surface: ['روسيا'] },
      { id: 'e3', type: 'ORG', name: 'المعارضة السورية', surface: ['والمعارضة'] },
    ],
    events: [{ type: 'ASSAULT', source: 'e2', target: 'e3', trigger: 'وقصفت', via: 'model', score: 0.625 }],
  },
];

async function* readCorpus(specs: Spec[]): AsyncGenerator<ReadResult> {
  for (const s of specs) yield { ok: true, article: articleFromRecord(s.rec, String(s.rec.id)), where: String(s.rec.id) };
  yield { ok: false, error: 'invalid JSON: Unexpected token', where: 'bad.jsonl:9' };
}

/** Ingest the hand-made corpus (layers from the specs, not from the pipeline). */
export async function ingestTestCorpus(store: Store) {
  const byId = new Map(CORPUS.map((s) => [String(s.rec.id), s]));
  return ingest(readCorpus(CORPUS), store, { workers: 0, batchSize: 2, runDoc: (a) => docFor(byId.get(a.id)!)(a) });
}

/** What every back end must do with the test corpus. */
export async function storeContract(store: Store): Promise<void> {
  const first = await ingestTestCorpus(store);
  assert.equal(first.stored, 4);
  assert.equal(first.failed, 1);
  assert.equal(first.duplicates, 1);
  const stats = await store.stats();
  assert.deepEqual(stats, { articles: 4, entities: 6, quotes: 2, events: 2, duplicates: 1, stories: stats.stories });
  assert.ok(stats.stories >= 2 && stats.stories <= 3, `stories ${stats.stories}`);

  // Idempotent: the same input again stores nothing.
  const again = await ingestTestCorpus(store);
  assert.equal(again.stored, 0);
  assert.equal(again.skipped, 4);
  assert.deepEqual(await store.stats(), stats);

  // Arabic-aware search: سوريا finds سورية/السورية; the wire copy is not counted twice.
  const r = await searchCorpus(store, 'سوريا', { limit: 10 });
  assert.equal(r.total, 2);
  assert.deepEqual(r.results.map((x) => x.id).sort(), ['sy1', 'sy2']);
  for (const x of r.results) {
    assert.ok(x.snippet.includes('<mark>'), x.snippet);
    assert.ok(x.score > 0);
  }
  assert.equal((await searchCorpus(store, 'سوريا', { includeDuplicates: true })).total, 3);
  // Clitics: وبالأسلحة-style prefixes on both sides.
  assert.equal((await searchCorpus(store, 'والمفاوضات')).total, 1);
  // Phrase vs words.
  assert.equal((await searchCorpus(store, '"طائرات روسية"')).total, 2);
  assert.equal((await searchCorpus(store, '"روسية طائرات"')).total, 0);
  // Filters.
  assert.deepEqual(
    (await searchCorpus(store, 'سوريا', { entity: 'بشار الأسد' })).results.map((x) => x.id),
    ['sy1'],
  );
  assert.deepEqual(
    (await searchCorpus(store, 'سوريا', { entity: 'Q44329' })).results.map((x) => x.id),
    ['sy1'],
  );
  assert.deepEqual(
    (await searchCorpus(store, 'سوريا', { from: '2018-06-01' })).results.map((x) => x.id),
    ['sy2'],
  );
  assert.deepEqual(
    (await searchCorpus(store, 'سوريا', { to: '2018-05-31' })).results.map((x) => x.id),
    ['sy1'],
  );
  assert.deepEqual(
    (await searchCorpus(store, '', { source: 'outlet b' })).results.map((x) => x.id),
    ['eg1'],
  );
  assert.equal((await searchCorpus(store, '', { eventType: 'assault' })).total, 2);
  assert.equal((await searchCorpus(store, 'الاقتصاد', { eventType: 'ASSAULT' })).total, 0);
  assert.equal((await searchCorpus(store, 'كلمةغيرموجودة')).total, 0);
  // Snippets keep the original text.
  const eg = await searchCorpus(store, 'التضخم', { snippet: { open: '[', close: ']' } });
  assert.ok(eg.results[0].snippet.includes('"[التضخم] يتراجع بثبات"'), eg.results[0].snippet);

  // Aggregates: near-duplicates are not counted twice.
  const top = await store.topEntities({ limit: 3 });
  assert.deepEqual(
    top.map((e) => [e.name, e.articles, e.mentions]),
    [
      ['روسيا', 2, 3],
      ['المعارضة السورية', 2, 2],
      ['سوريا', 2, 2],
    ],
  );
  assert.deepEqual(
    (await store.topEntities({ type: 'per', fts: 'x', tsquery: "'x'" })).map((e) => e.name),
    [],
  );
  // entities the knowledge base lacks, most frequent first (candidates for data/kb)
  const unlinked = await store.topEntities({ unlinked: true, limit: 5 });
  assert.equal(unlinked[0]?.name, 'المعارضة السورية');
  assert.ok(
    unlinked.every((e) => e.kbId === null),
    JSON.stringify(unlinked),
  );
  const q = await store.quotesBySpeaker({ speaker: 'بشار الأسد' });
  assert.equal(q.length, 1);
  assert.equal(q[0].quotes, 1);
  assert.equal(q[0].examples[0].article, 'sy1');
  const ev = await store.eventsBetween({ a: 'روسيا', b: 'المعارضة السورية', period: 'month' });
  assert.deepEqual(
    ev.map((e) => [e.period, e.type, e.count]),
    [
      ['2018-05', 'ASSAULT', 1],
      ['2018-06', 'ASSAULT', 1],
    ],
  );
  assert.equal((await store.eventsBetween({ a: 'RUS', period: 'year' }))[0]?.count, 1);
  // the second article's event was added by the learned layer: left out when only the rules' events are asked for
  assert.deepEqual(
    (await store.eventsBetween({ a: 'روسيا', b: 'المعارضة السورية', period: 'month', rulesOnly: true })).map((e) => e.period),
    ['2018-05'],
  );
  const co = await store.cooccurrence({ entity: 'سوريا', limit: 5 });
  assert.deepEqual(
    co.slice(0, 2).map((c) => [c.a, c.b, c.articles]),
    [
      ['سوريا', 'المعارضة السورية', 2],
      ['سوريا', 'روسيا', 2],
    ],
  );

  // Exports.
  const chunks: string[] = [];
  assert.equal(await exportCorpus(store, 'analyses', 'jsonl', (c) => void chunks.push(c)), 4);
  const first0 = JSON.parse(chunks[0]);
  assert.equal(first0.analysis.article.headline, 'غارات روسية على ريف إدلب');
  assert.ok(first0.analysis.article.body.startsWith('قصفت طائرات روسية'));
  assert.equal(first0.analysis.text.slice(first0.analysis.quotes[0].start, first0.analysis.quotes[0].end), first0.analysis.quotes[0].text);
  chunks.length = 0;
  assert.equal(await exportCorpus(store, 'quotes', 'csv', (c) => void chunks.push(c), { bom: true }), 2);
  assert.ok(chunks[0].startsWith('\ufeffarticle,'));
  assert.equal(chunks.join('').split('\r\n').length, 4, 'header, two rows, final line break');
  chunks.length = 0;
  assert.equal(await exportCorpus(store, 'events', 'plover', (c) => void chunks.push(c)), 2);
  const pl = JSON.parse(chunks[0]);
  assert.deepEqual(pl.event, ['ASSAULT']);
  assert.equal(pl.actor[0].entity_text, 'روسيا');
  assert.equal(pl.recipient[0].entity_text, 'المعارضة السورية');
  assert.equal(pl.date, '2018-05-01');
  assert.equal(pl.event_text[0], 'قصفت');
  assert.equal(pl.coder, 'khabar');
  assert.equal(JSON.parse(chunks[1]).coder, 'khabar (learned layer)');
  // events found by the learned layer keep how they were found, and its probability
  chunks.length = 0;
  assert.equal(await exportCorpus(store, 'events', 'csv', (c) => void chunks.push(c)), 2);
  const [head, r1, r2] = chunks
    .join('')
    .split('\r\n')
    .map((l) => l.split(','));
  const col = (row: string[], name: string): string => row[head.indexOf(name)];
  assert.deepEqual([col(r1, 'via'), col(r1, 'score')], ['', '']);
  assert.deepEqual([col(r2, 'via'), col(r2, 'score')], ['model', '0.625']);
}
