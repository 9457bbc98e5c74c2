import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Pipeline } from '../../pipeline/index.ts';
import { readArticle } from '../../reader/index.ts';

const pipeline = Pipeline.create({ stages: ['topic'] });

function topicOf(text: string): { label: string; score?: number } | undefined {
  return pipeline.run(readArticle(text)).topic;
}

test('the committed topic model tells sport, economy and technology apart', () => {
  assert.equal(
    topicOf(
      'ريال مدريد يفوز على برشلونة\nفاز فريق ريال مدريد على برشلونة بهدفين مقابل هدف في مباراة الدوري الإسباني لكرة القدم، وسجل المهاجم الهدف الثاني في الدقيقة الأخيرة.',
    )?.label,
    'sport',
  );
  assert.equal(
    topicOf(
      'ارتفاع أسعار النفط\nارتفعت أسعار النفط في الأسواق العالمية اليوم وسط توقعات بخفض الإنتاج، وصعد خام برنت إلى 70 دولارا للبرميل، فيما تراجعت البورصات والأسهم.',
    )?.label,
    'economy',
  );
  assert.equal(
    topicOf(
      'هاتف ذكي جديد\nكشفت شركة آبل عن هاتفها الذكي الجديد بكاميرا متطورة وتطبيقات للذكاء الاصطناعي، وقالت إن نظام التشغيل الجديد يحمي بيانات المستخدمين على الإنترنت.',
    )?.label,
    'technology',
  );
});

test('topic confidence is a probability; an empty article gets no topic', () => {
  const t = topicOf('عنوان\nقال المتحدث إن الاجتماع سيعقد غدا في العاصمة.');
  assert.ok(t && typeof t.score === 'number' && t.score > 0 && t.score <= 1);
  assert.equal(topicOf('   '), undefined);
});
