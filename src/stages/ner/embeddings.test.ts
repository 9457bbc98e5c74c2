import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { formatEmbeddingClusters, kmeansDense, learnEmbeddings, loadEmbeddingClusters } from './embeddings.ts';

/** A toy corpus: names and cities in the same frames, so each group shares its contexts. */
function corpus(): string[] {
  const names = ['كريم', 'سمير', 'هشام', 'وليد'];
  const cities = ['بغداد', 'دمشق', 'بيروت', 'عمان'];
  const out: string[] = [];
  for (let i = 0; i < 400; i++) {
    const n = names[i % 4];
    const c = cities[(i * 7) % 4];
    out.push(`قال ${n} إنه سافر إلى ${c} أمس. وصل ${n} إلى مطار ${c} الدولي.`);
  }
  return out;
}

test('embeddings: seeded (same vectors twice), words of the same frames end up closer', () => {
  const opts = { dim: 16, epochs: 3, minCount: 2, window: 2, sample: 0, seed: 3 };
  const a = learnEmbeddings(corpus(), opts);
  const b = learnEmbeddings(corpus(), opts);
  assert.deepEqual(a.words, b.words);
  assert.deepEqual(a.vectors, b.vectors);
  assert.equal(a.vectors.length, a.words.length * 16);
  const vec = (w: string): Float32Array => {
    const r = a.words.indexOf(w);
    assert.ok(r >= 0, w);
    return a.vectors.subarray(r * 16, (r + 1) * 16);
  };
  const cos = (x: Float32Array, y: Float32Array): number => {
    let d = 0;
    let nx = 0;
    let ny = 0;
    for (let i = 0; i < x.length; i++) {
      d += x[i] * y[i];
      nx += x[i] * x[i];
      ny += y[i] * y[i];
    }
    return d / Math.sqrt(nx * ny);
  };
  assert.ok(cos(vec('كريم'), vec('سمير')) > cos(vec('كريم'), vec('دمشق')));
  assert.ok(cos(vec('بغداد'), vec('بيروت')) > cos(vec('بغداد'), vec('هشام')));
  // Nothing to learn from: no words.
  assert.equal(learnEmbeddings([], opts).words.length, 0);
});

test('kmeansDense: two obvious groups; the cluster file reads back', () => {
  const v = Float32Array.from([1, 0.1, 0.9, 0, 1, -0.1, 0, 1, 0.1, 0.9, -0.1, 1]);
  const a = kmeansDense(v, 2, 2, 10, 1);
  assert.equal(a[0], a[1]);
  assert.equal(a[1], a[2]);
  assert.equal(a[3], a[4]);
  assert.equal(a[4], a[5]);
  assert.notEqual(a[0], a[3]);
  assert.deepEqual(kmeansDense(v, 2, 2, 10, 1), a);
  const path = `/tmp/khabar-embclusters-test-${process.pid}.tsv`;
  writeFileSync(path, formatEmbeddingClusters(['كريم', 'سمير'], [Int32Array.of(0, 1), Int32Array.of(5, 7)], 'test'));
  const back = loadEmbeddingClusters(path);
  rmSync(path);
  assert.equal(back.length, 2);
  assert.equal(back[0].get('سمير'), 1);
  assert.equal(back[1].get('كريم'), 5);
  assert.deepEqual(loadEmbeddingClusters('/nonexistent/file.tsv'), []);
});
