import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { sharedDataDir } from '../../core/paths.ts';
import { readGsrDir } from '../../corpora/gsr.ts';
import { bestThreshold, cvItems, fitGsr, type GsrItem, gsrItems, stratifiedFolds } from '../../eval/gsr.ts';
import { scanTokens, type Tok } from '../time/scan.ts';
import { predict, sentenceFeatures } from './classifier.ts';
import { cueFeatures, findCues, loadCues, parseCues, wordCues } from './cues.ts';

function toks(text: string): Tok[] {
  const out: Tok[] = [];
  scanTokens(text, 0, text.length, 0, out);
  return out;
}
const classes = (text: string): Set<string> => new Set(findCues(toks(text), loadCues()).map((h) => h.cls));

test('cues: protest vocabulary with clitics and inflection', () => {
  const c = classes('وتظاهر آلاف المتظاهرين أمس أمام السفارة ورددوا هتافات');
  for (const k of ['PROTEST', 'PROTESTER', 'RECENT', 'CHANT']) assert.ok(c.has(k), `missing ${k} in ${[...c]}`);
  assert.ok(!c.has('BLAST'));
  assert.ok(wordCues('والمتظاهرون', loadCues()).has('PROTESTER'), 'prefix entry متظاهر* through و+ال');
  assert.ok(wordCues('للمعتصمين', loadCues()).has('PROTESTER'));
});

test('cues: attack vocabulary, two-word entries, negation and modality', () => {
  const c = classes('قتل خمسة أشخاص في انفجار سيارة مفخخة');
  for (const k of ['CASUALTY', 'BLAST']) assert.ok(c.has(k), `missing ${k}`);
  assert.ok(classes('مسلحون أطلقوا النار على الحافلة').has('ATTACK'), 'اطلق النار across two words');
  assert.ok(classes('لم يسفر الحادث عن إصابات').has('NEG'));
  assert.ok(classes('هل سوف يتظاهرون غدا؟').has('MODAL'));
  assert.ok(!classes('ذهب الطالب إلى المدرسة صباحا').has('PROTEST'));
  const f = cueFeatures(toks('انفجرت عبوة ناسفة وقتل جندي'));
  assert.ok(f.includes('c2:BLAST'), 'two explosion words');
  assert.ok(f.includes('cf:BLAST'), 'explosion among the first words');
  assert.ok(f.includes('cc:ARMED&BLAST') || f.includes('cc:BLAST&CASUALTY'));
  assert.ok(cueFeatures(toks('لماذا؟')).includes('c:QUESTION'));
});

test('cues: parser handles comments, prefixes and pairs', () => {
  const lex = parseCues('# comment\nتظاهر\tPROTEST\nمتظاهر*\tPROTESTER\nقطع الطريق\tPROTEST\nbad line\nx\tlower\n');
  assert.deepEqual(lex.exact.get('تظاهر'), ['PROTEST']);
  assert.deepEqual(lex.prefix, [['متظاهر', 'PROTESTER']]);
  assert.equal(lex.multi.length, 1);
  assert.equal(lex.exact.size, 1);
});

test('classifier features include the cue classes', () => {
  const f = sentenceFeatures(toks('تظاهر المئات أمس'), null, { bigrams: true, stems: false, cues: true, noWords: true });
  assert.ok(f.includes('c:PROTEST'));
  assert.ok(f.includes('s:تظاهر'));
  assert.ok(!f.some((x) => x.startsWith('w:')), 'noWords drops the plain forms');
});

test('stratified folds: balanced positives, duplicates share a fold, deterministic', () => {
  const golds = Array.from({ length: 100 }, (_, i) => i % 10 === 0);
  const f = stratifiedFolds(golds, 5, 3);
  for (let k = 0; k < 5; k++) assert.equal(golds.filter((g, i) => g && f[i] === k).length, 2);
  assert.deepEqual(stratifiedFolds(golds, 5, 3), f);
  const keys = golds.map((_, i) => (i === 7 || i === 93 ? 'same' : String(i)));
  const g = stratifiedFolds(golds, 5, 3, keys);
  assert.equal(g[7], g[93]);
});

test('threshold and nested fit on a separable toy problem', () => {
  assert.equal(
    bestThreshold([
      [true, 0.9],
      [true, 0.7],
      [false, 0.6],
      [false, 0.1],
    ]).threshold,
    0.65,
  );
  const data = Array.from({ length: 80 }, (_, i) => ({
    feats: [i % 4 === 0 ? 'c:PROTEST' : 'c:OTHER', `id:${i % 7}`],
    y: i % 4 === 0,
  }));
  const m = fitGsr('PROTEST', data, [{ epochs: 20, lr: 0.1, l2: 1e-3 }], 4);
  assert.ok(predict(m, ['c:PROTEST']) >= m.threshold);
  assert.ok(predict(m, ['c:OTHER']) < m.threshold);
  assert.equal(m.innerF1, 1);
});

const gsrDir = join(sharedDataDir(), 'arabic_event_gsr');
test('GSR: nested CV of PROTEST beats the trigger rules', {
  skip: existsSync(join(gsrDir, 'protest_gsr.csv')) ? false : 'needs ../shared/data/arabic_event_gsr (skipped)',
}, () => {
  const xs: GsrItem[] = gsrItems(readGsrDir(gsrDir).PROTEST, undefined, true);
  const r = cvItems('PROTEST', xs, 5, 7, [{ epochs: 40, lr: 0.05, l2: 3e-3 }]);
  assert.equal(r.positives, 40);
  assert.ok(r.pooled.f1 > r.rules.f1 + 0.1, `classifier ${r.pooled.f1} vs rules ${r.rules.f1}`);
});
