import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sharedDataDir, sharedGoldDir } from '../core/paths.ts';
import { STAGES } from '../stages/index.ts';
import { scoreGsr } from './gsr.ts';
import { runGold } from './run.ts';
import { scoreTimeML } from './timeml.ts';

const hasGold = existsSync(join(sharedGoldDir(), 'annotations.jsonl'));
const hasGsr = existsSync(join(sharedDataDir(), 'arabic_event_gsr', 'assault_gsr.csv'));
const hasTimeML = existsSync(join(sharedDataDir(), 'arabic_timeml_dahmri', 'Corpus_test'));

// Floors well below the measured figures (docs/analysis-format.md, the report): they catch a broken stage, not a small regression.
test('gold articles: quotes and events without the entity stages stay above a floor', {
  skip: hasGold ? false : 'needs ../shared/gold',
}, async () => {
  const { scores, docs } = await runGold(sharedGoldDir(), { stages: ['time', 'quotes', 'events'] });
  assert.equal(scores.missing, 0);
  assert.ok(scores.quotes.f1 > 70, `quotes F1 ${scores.quotes.f1}`);
  assert.ok(scores.events.f1 > 40, `events F1 ${scores.events.f1}`);
  for (const d of docs) for (const q of d.quotes ?? []) assert.equal(d.text.slice(q.start, q.end), q.text);
});

test('TimeML: relaxed F1 above a floor', { skip: hasTimeML ? false : 'needs ../shared/data/arabic_timeml_dahmri' }, () => {
  const s = scoreTimeML(join(sharedDataDir(), 'arabic_timeml_dahmri', 'Corpus_test'));
  assert.equal(s.docs, 48);
  assert.ok(s.relaxed.f1 > 75, `relaxed F1 ${s.relaxed.f1}`);
});

test('GSR: held-out split is stable and the rule detector finds most ASSAULT sentences', {
  skip: hasGsr ? false : 'needs ../shared/data/arabic_event_gsr',
}, async () => {
  const skip = STAGES.map((x) => x.name).filter((n) => ['morph', 'ner', 'entities'].includes(n));
  const r = await scoreGsr(join(sharedDataDir(), 'arabic_event_gsr'), null, 'heldout', skip);
  assert.equal(r.types.ASSAULT.n, 323);
  assert.equal(r.types.ASSAULT.positives, 51);
  assert.ok(r.types.ASSAULT.rules.r > 0.7);
});
