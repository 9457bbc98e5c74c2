import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelFile } from '../../core/paths.ts';
import { MulticlassPerceptron } from '../../learn/index.ts';
import { articleFromRecord } from '../../reader/index.ts';
import { topicFeatures } from './features.ts';
import { TOPIC_MODEL } from './index.ts';

export interface TopicReport {
  trainDocs: number;
  devDocs: number;
  testDocs: number;
  dev: { accuracy: number; macroF1: number };
  test: { accuracy: number; macroF1: number; perLabel: Record<string, { precision: number; recall: number; f1: number; n: number }> };
  epochs: number;
  features: number;
}

interface Item {
  features: string[];
  label: string;
  split: string;
  id: string;
}

/** Dev split: a deterministic tenth of the train split (by id hash), for choosing the number of epochs. */
function isDev(id: string): boolean {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) % 10 === 3;
}

function score(model: MulticlassPerceptron, items: Item[]): TopicReport['test'] {
  const labels = model.labels;
  const tp: Record<string, number> = {};
  const fp: Record<string, number> = {};
  const fn: Record<string, number> = {};
  const n: Record<string, number> = {};
  let correct = 0;
  for (const it of items) {
    const p = model.predict(it.features);
    n[it.label] = (n[it.label] ?? 0) + 1;
    if (p === it.label) {
      correct++;
      tp[p] = (tp[p] ?? 0) + 1;
    } else {
      fp[p] = (fp[p] ?? 0) + 1;
      fn[it.label] = (fn[it.label] ?? 0) + 1;
    }
  }
  const perLabel: TopicReport['test']['perLabel'] = {};
  let sum = 0;
  for (const l of labels) {
    const precision = (tp[l] ?? 0) / Math.max(1, (tp[l] ?? 0) + (fp[l] ?? 0));
    const recall = (tp[l] ?? 0) / Math.max(1, (tp[l] ?? 0) + (fn[l] ?? 0));
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    perLabel[l] = { precision, recall, f1, n: n[l] ?? 0 };
    sum += f1;
  }
  return { accuracy: correct / Math.max(1, items.length), macroF1: sum / labels.length, perLabel };
}

/**
 * Train the topic model on the ANT subset's `train` split (a tenth held out as
 * dev to choose the epochs), report dev and `test` figures, and write
 * `models/topic.bin`. Deterministic (seeded).
 */
export function trainTopic(dataDir: string, opts: { out?: string; log?: (s: string) => void } = {}): TopicReport {
  const log = opts.log ?? (() => {});
  const file = join(dataDir, 'ant_news_corpus_subset', 'ant_v2.1_subset.jsonl');
  const items: Item[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line) as Record<string, string>;
    const a = articleFromRecord(rec, rec.id);
    items.push({ features: topicFeatures(a), label: rec.category, split: rec.split, id: rec.id });
  }
  const train = items.filter((i) => i.split === 'train' && !isDev(i.id));
  const dev = items.filter((i) => i.split === 'train' && isDev(i.id));
  const test = items.filter((i) => i.split === 'test');
  log(`topic: ${train.length} train, ${dev.length} dev, ${test.length} test articles`);
  // Choose the number of epochs on dev.
  let bestEpochs = 1;
  let bestDev = -1;
  for (const epochs of [2, 4, 6, 10]) {
    const m = MulticlassPerceptron.train(train, { epochs, seed: 1, minFeatureCount: 2 });
    const d = score(m, dev).accuracy;
    log(`topic: ${epochs} epochs: dev accuracy ${(100 * d).toFixed(2)}`);
    if (d > bestDev) {
      bestDev = d;
      bestEpochs = epochs;
    }
  }
  const model = MulticlassPerceptron.train(train, { epochs: bestEpochs, seed: 1, minFeatureCount: 2 });
  const devScore = score(model, dev);
  const testScore = score(model, test);
  // Temperature for the confidence: the median winning margin on dev maps to ~0.75.
  const margins: number[] = [];
  for (const it of dev) {
    const s = [...model.scores(it.features)].sort((a, b) => b - a);
    margins.push(s[0] - s[1]);
  }
  margins.sort((a, b) => a - b);
  const median = margins[Math.floor(margins.length / 2)] || 1;
  model.meta = { trainedOn: 'ANT v2.1 subset, train split minus dev tenth', epochs: bestEpochs, temperature: median / Math.log(3) };
  model.save(opts.out ?? modelFile(TOPIC_MODEL), 'i16');
  return {
    trainDocs: train.length,
    devDocs: dev.length,
    testDocs: test.length,
    dev: { accuracy: devScore.accuracy, macroF1: devScore.macroF1 },
    test: testScore,
    epochs: bestEpochs,
    features: model.table.keys.length,
  };
}

/** Write the model card with the measured figures. */
export function writeTopicCard(r: TopicReport, path = modelFile('topic.md')): void {
  const pct = (x: number): string => (100 * x).toFixed(2);
  const rows = Object.entries(r.test.perLabel)
    .map(([l, s]) => `| ${l} | ${s.n} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} |`)
    .join('\n');
  writeFileSync(
    path,
    `# Model card: topic (\`models/topic.bin\`)

Classifies an article into one of the ANT corpus's news sections: culture, economy, internationalNews, middleEast, sport, technology. Used by the \`topic\` stage (\`doc.topic = {label, score}\`).

- **Model**: averaged multiclass perceptron (\`src/learn\`), features = light stems of the headline and the body (the search analyzer's terms, \`src/search/analyzer.ts\`) and body stem bigrams, features seen fewer than 2 times dropped; ${r.epochs} epochs (chosen on dev); weights quantised to int16; ${r.features.toLocaleString('en')} features.
- **Training data**: ANT Corpus v2.1 subset (\`ant_news_corpus_subset\`, BBC Arabic, CNN Arabic, Al Arabiya, France 24 Arabic, Sky News Arabia, 2018): its \`train\` split, of which a deterministic tenth (FNV hash of the id) is held out as dev. ${r.trainDocs} train, ${r.devDocs} dev, ${r.testDocs} test articles.
- **Licence**: the model is derived from the ANT corpus, released under its "Citation Licence" (cite Chouigui, Ben Khiroun and Elayeb, *An Arabic Multi-source News Corpus*, AJSE 46(8), 2021, and *ANT Corpus*, AICCSA 2017); the article texts belong to the outlets. The model stores only hashed feature weights, no text.
- **Caveats**: labels are outlet sections, not annotated topics; source and label are confounded (technology is half Sky News); internationalNews vs middleEast is the hardest pair. Politics is spread over internationalNews/middleEast.
- **Date**: ${new Date().toISOString().slice(0, 10)}

## Metrics

| split | articles | accuracy | macro F1 |
|---|---:|---:|---:|
| dev | ${r.devDocs} | ${pct(r.dev.accuracy)} | ${pct(r.dev.macroF1)} |
| test | ${r.testDocs} | ${pct(r.test.accuracy)} | ${pct(r.test.macroF1)} |

Test, per label:

| label | n | precision | recall | F1 |
|---|---:|---:|---:|---:|
${rows}

## Rebuild

\`\`\`sh
./bin/khabar.js train topic      # reads KHABAR_DATA (default ../shared/data), writes models/topic.bin and this card
\`\`\`
`,
  );
}
