import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sharedDataDir } from '../core/paths.ts';
import type { Article } from '../core/types.ts';
import { articleFromRecord } from '../reader/index.ts';
import { analyzeText } from '../search/analyzer.ts';
import { LshIndex, minhash, shingles, similarity } from './minhash.ts';

/** Signature of an article's body, as ingest computes it. */
function sigOf(a: Article): Uint32Array | null {
  const b = a.spans.body;
  const terms = analyzeText(a.text).filter((t) => t.start >= b.start && t.end <= b.end);
  return minhash(shingles(terms, a.text));
}

const PARAS = [
  'أعلنت وزارة الدفاع الروسية اليوم الثلاثاء أن قواتها أسقطت طائرتين مسيرتين قرب قاعدة حميميم الجوية في ريف اللاذقية.',
  'وأضاف البيان أن الطائرتين انطلقتا من منطقة تسيطر عليها فصائل المعارضة المسلحة في ريف إدلب الجنوبي، ولم تقع أي إصابات.',
  'وكانت القاعدة قد تعرضت لهجمات مماثلة خلال الأشهر الماضية، بحسب ما أفاد مسؤولون عسكريون في موسكو ودمشق.',
  'ويأتي هذا التطور في وقت تتواصل فيه المفاوضات بين أنقرة وموسكو بشأن مستقبل المنطقة المنزوعة السلاح في الشمال السوري.',
];

function record(id: string, title: string, paras: string[], credit = ''): Article {
  return articleFromRecord({ id, title, text: paras.join('\n') + (credit ? `\n${credit}` : '') }, id);
}

test('a rewritten copy (reordered paragraphs, new credit, edited headline) is found; another story is not', () => {
  const orig = record('a', 'روسيا تسقط طائرتين مسيرتين قرب حميميم', PARAS, '(رويترز)');
  const copy = record(
    'b',
    'الدفاع الروسية: إسقاط مسيرتين استهدفتا قاعدة حميميم',
    [PARAS[2], PARAS[0], PARAS[1], PARAS[3]],
    'المصدر: وكالات',
  );
  const other = record('c', 'الاقتصاد المصري ينمو', [
    'قال البنك المركزي المصري إن معدل النمو الاقتصادي ارتفع خلال الربع الأخير من العام إلى أعلى مستوى منذ سنوات.',
    'وأوضح البنك في تقريره أن قطاعات السياحة والطاقة والتشييد قادت النمو، بينما تراجع معدل التضخم السنوي.',
    'ويتوقع خبراء أن تواصل الحكومة برنامج الإصلاح الاقتصادي بالتعاون مع صندوق النقد الدولي خلال العام المقبل.',
  ]);
  const [so, sc, sx] = [sigOf(orig), sigOf(copy), sigOf(other)];
  assert.ok(so && sc && sx);
  assert.ok(similarity(so, sc) >= 0.7, `copy similarity ${similarity(so, sc)}`);
  assert.ok(similarity(so, sx) < 0.1, `other similarity ${similarity(so, sx)}`);
  const lsh = new LshIndex();
  lsh.add(1, so);
  assert.equal(lsh.best(sc)?.id, 1);
  assert.equal(lsh.best(sx), null);
});

test('too short a text has no signature (never linked by chance)', () => {
  assert.equal(sigOf(record('s', 'عنوان', ['خبر قصير جدا'])), null);
});

/** Planted copies: reordered paragraphs, changed credit line, edited headline. */
function plant(a: Article, rnd: () => number): Article {
  const title = a.headline;
  const body = a.text.slice(a.spans.body.start, a.spans.body.end);
  const paras = body.split('\n').filter((p) => p.trim());
  // Reorder: rotate and swap.
  const k = paras.length > 1 ? 1 + Math.floor(rnd() * (paras.length - 1)) : 0;
  const reordered = [...paras.slice(k), ...paras.slice(0, k)];
  if (reordered.length > 3) [reordered[1], reordered[2]] = [reordered[2], reordered[1]];
  const credits = ['(رويترز)', 'المصدر: الجزيرة', 'أ ف ب', '(سانا)', 'المصدر: وكالات'];
  const words = title.split(' ');
  const newTitle = rnd() < 0.5 ? `عاجل: ${words.slice(0, Math.max(2, words.length - 2)).join(' ')}` : `${words.slice(1).join(' ')} - تقرير`;
  return articleFromRecord(
    { id: `${a.id}-copy`, title: newTitle, text: `${reordered.join('\n')}\n${credits[Math.floor(rnd() * credits.length)]}` },
    `${a.id}-copy`,
  );
}

const ANT = join(sharedDataDir(), 'ant_news_corpus_subset', 'ant_v2.1_subset.jsonl');

test('planted copies in ANT: >= 95% found, < 1% false links', { skip: existsSync(ANT) ? false : `shared data not found (${ANT})` }, (t) => {
  let seed = 42;
  const rnd = (): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 2 ** 32;
  };
  const lines = readFileSync(ANT, 'utf8').split('\n').filter(Boolean);
  // 2,000 articles spread over the file (every 5th), 500 of them copied.
  const originals: Article[] = [];
  for (let i = 0; i < lines.length && originals.length < 2000; i += 5) originals.push(articleFromRecord(JSON.parse(lines[i]), `l${i}`));
  const lsh = new LshIndex();
  let falseLinks = 0;
  let linkedOriginals = 0;
  const ids = new Map<number, string>();
  originals.forEach((a, i) => {
    const s = sigOf(a);
    if (!s) return;
    const hit = lsh.best(s);
    if (hit) {
      // Links between originals: ANT has a few genuine near-duplicates; count those with low text overlap as false.
      linkedOriginals++;
      if (hit.similarity < 0.8) falseLinks++;
      return;
    }
    lsh.add(i, s);
    ids.set(i, a.id);
  });
  let found = 0;
  let planted = 0;
  for (let i = 0; i < originals.length; i += 4) {
    if (!ids.has(i)) continue;
    const copy = plant(originals[i], rnd);
    const s = sigOf(copy);
    planted++;
    const hit = s ? lsh.best(s) : null;
    if (hit?.id === i) found++;
    else if (hit) falseLinks++;
  }
  const total = originals.length + planted;
  t.diagnostic(
    `planted ${planted}, found ${found} (${((100 * found) / planted).toFixed(1)}%), false links ${falseLinks} of ${total} articles (${((100 * falseLinks) / total).toFixed(2)}%), links among originals ${linkedOriginals}`,
  );
  assert.ok(found / planted >= 0.95, `found ${found}/${planted}`);
  assert.ok(falseLinks / total < 0.01, `false links ${falseLinks}/${total}`);
});
