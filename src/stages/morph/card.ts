/** The model card `models/morph.md`: its metrics section is rewritten by `khabar train morph`. */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MorphScores } from './eval.ts';
import { MODEL_FILES } from './morph.ts';
import type { StemScores } from './stem-eval.ts';

const START = '<!-- metrics:start -->';
const END = '<!-- metrics:end -->';

const pct = (x: number): string => (100 * x).toFixed(2);

export interface CardFacts {
  dev: MorphScores;
  test: MorphScores;
  date: string;
  trainSeconds: number;
  loadMs: number;
  epochs: { segmenter: number; tagger: number };
  /** Tagger perceptrons averaged (1 when absent). */
  posSeeds?: number;
  coverage: number;
  /** Stem conflation on WikiNews lemmas, when that set is available. */
  stems?: StemScores;
}

export function metricsSection(f: CardFacts, modelDir: string): string {
  const size = (name: string): string => {
    const p = join(modelDir, name);
    return existsSync(p) ? `${(statSync(p).size / 1e6).toFixed(2)} MB` : '?';
  };
  const row = (name: string, s: MorphScores) =>
    `| ${name} | ${s.sentences} | ${s.goldWords} | ${pct(s.words.f1)} | ${pct(s.upos.f1)} | ${pct(s.segmentationExact)} |`;
  return [
    START,
    `Trained ${f.date} in ${f.trainSeconds.toFixed(0)} s (one core; segmenter ${f.epochs.segmenter} epochs, tagger ${f.epochs.tagger} epochs${(f.posSeeds ?? 1) > 1 ? `, mean of ${f.posSeeds} perceptrons on shuffles 1–${f.posSeeds}` : ''}).`,
    'Scored on gold surface tokens, CoNLL 2018 style (words aligned by LCS of forms inside each surface token):',
    '',
    '| split | sentences | gold words | Words F1 | UPOS F1 | token split exact |',
    '|---|---:|---:|---:|---:|---:|',
    row('dev', f.dev),
    row('test', f.test),
    '',
    `Candidate generator oracle coverage on train (Arabic tokens whose gold split is among the candidates): ${pct(f.coverage)} %.`,
    ...(f.stems
      ? [
          `Light stems vs WikiNews gold lemmas (${f.stems.types} distinct content words, pairwise conflation): precision ${pct(f.stems.lightStem.precision)}, recall ${pct(f.stems.lightStem.recall)}, F1 ${pct(f.stems.lightStem.f1)} (segmented words unstemmed: F1 ${pct(f.stems.segmented.f1)}).`,
        ]
      : []),
    `Files: \`${MODEL_FILES.segmenter}\` ${size(MODEL_FILES.segmenter)}, \`${MODEL_FILES.tagger}\` ${size(MODEL_FILES.tagger)}; both load in ${f.loadMs.toFixed(0)} ms.`,
    END,
  ].join('\n');
}

/** Replaces the metrics section of the card (or appends one). */
export function updateCard(path: string, section: string): void {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '# morph\n';
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  const next =
    a >= 0 && b > a ? text.slice(0, a) + section + text.slice(b + END.length) : `${text.trimEnd()}\n\n## Metrics\n\n${section}\n`;
  writeFileSync(path, next);
}
