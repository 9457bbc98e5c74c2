import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { hasSharedData, sharedDataDir } from '../../core/paths.ts';
import { evaluateSentences } from './evaluate.ts';

test('sentence F1 on PADT dev stays above 90 (layout protocol)', {
  skip: hasSharedData() ? false : 'needs ../shared/data (KHABAR_DATA)',
}, () => {
  const r = evaluateSentences(join(sharedDataDir(), 'ud_arabic_padt_upos', 'ar_padt-ud-dev.txt'), 'layout');
  assert.equal(r.gold, 909);
  assert.ok(r.f1 >= 0.9, `F1 ${r.f1}`);
});
