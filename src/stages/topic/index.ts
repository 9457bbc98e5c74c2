import { existsSync } from 'node:fs';
import { modelFile } from '../../core/paths.ts';
import type { Doc } from '../../core/types.ts';
import { MulticlassPerceptron } from '../../learn/index.ts';
import type { Stage, StageSpec } from '../../pipeline/index.ts';
import { topicFeatures } from './features.ts';

export const TOPIC_MODEL = 'topic.bin';

/**
 * The article's topic: one of the news sections the model was trained on
 * (ANT: culture, economy, internationalNews, middleEast, sport, technology),
 * with a confidence in [0, 1] (softmax over the perceptron's scores).
 */
export class TopicClassifier implements Stage {
  readonly name = 'topic';
  readonly requires = ['tokenize'];
  private model: MulticlassPerceptron | null = null;

  constructor(private readonly path = modelFile(TOPIC_MODEL)) {}

  load(): void {
    if (this.model || !existsSync(this.path)) return;
    this.model = MulticlassPerceptron.load(this.path);
  }

  process(doc: Doc): void {
    this.load();
    if (!this.model || doc.tokens.length === 0) return;
    const scores = this.model.scores(topicFeatures(doc.article));
    let best = 0;
    for (let i = 1; i < scores.length; i++) if (scores[i] > scores[best]) best = i;
    // Softmax with a temperature fitted to the perceptron's score scale (the model's meta), else 1.
    const temp = Number(this.model.meta.temperature ?? 1) || 1;
    let z = 0;
    for (let i = 0; i < scores.length; i++) z += Math.exp((scores[i] - scores[best]) / temp);
    doc.topic = { label: this.model.labels[best], score: Math.round((1 / z) * 1000) / 1000 };
  }
}

export const topicStage: StageSpec = {
  name: 'topic',
  requires: ['tokenize'],
  create: (options) => new TopicClassifier(typeof options?.model === 'string' ? options.model : undefined),
};
