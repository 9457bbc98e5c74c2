import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeText } from '../search/analyzer.ts';
import { StoryClusterer } from './stories.ts';

function tf(text: string): [string, number][] {
  const m = new Map<string, number>();
  for (const t of analyzeText(text)) m.set(t.term, (m.get(t.term) ?? 0) + 1);
  return [...m];
}

const QUAKE1 = 'ضرب زلزال بقوة ست درجات جنوب إيران وأسفر عن مقتل عشرة أشخاص وإصابة العشرات في محافظة كرمان بحسب الهلال الأحمر الإيراني';
const QUAKE2 = 'ارتفع عدد قتلى الزلزال الذي ضرب محافظة كرمان جنوب إيران إلى خمسة عشر شخصا وأعلن الهلال الأحمر الإيراني إرسال فرق إنقاذ';
const FOOTBALL = 'فاز فريق ليفربول على روما في ذهاب نصف نهائي دوري أبطال أوروبا بخمسة أهداف مقابل هدفين وسجل محمد صلاح هدفين';

test('articles about one event join one story; other events and far-apart dates start new ones', () => {
  const c = new StoryClusterer([], 0);
  for (const filler of ['انخفضت أسعار النفط في الأسواق العالمية', 'افتتح معرض الكتاب في القاهرة بمشاركة دور نشر عربية']) {
    c.vector(tf(filler), []);
  }
  const s1 = c.assign(c.vector(tf(QUAKE1), ['Q794']), '2018-05-01', 'زلزال');
  const s2 = c.assign(c.vector(tf(QUAKE2), ['Q794']), '2018-05-02', 'زلزال');
  const s3 = c.assign(c.vector(tf(FOOTBALL), ['Q1130849']), '2018-05-02', 'ليفربول');
  const s4 = c.assign(c.vector(tf(QUAKE2), ['Q794']), '2018-09-20', 'زلزال');
  assert.equal(s1, s2);
  assert.notEqual(s3, s1);
  assert.notEqual(s4, s1, 'outside the 3-day window');
  const dirty = c.takeDirty();
  assert.equal(dirty.find((s) => s.id === s1)?.size, 2);
  assert.equal(c.takeDirty().length, 0);
  // Restart from persisted rows: the story is found again.
  const c2 = new StoryClusterer(dirty, Math.max(...dirty.map((s) => s.id)));
  assert.equal(c2.assign(c2.vector(tf(QUAKE1), ['Q794']), '2018-05-03', 'زلزال'), s1);
});
