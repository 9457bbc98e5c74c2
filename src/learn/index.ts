/** The learning core: hashed features, averaged perceptrons, compact model files. See README.md. */
export { featureKey, featureKeySlice, hashSlice, hashString, template } from './hash.ts';
export { type Feats, type RerankTrainOptions, trainRerank } from './logit.ts';
export { type LogRegModel, sigmoid, trainLogReg } from './logreg.ts';
export { decodeModel, encodeModel, loadModelFile, type ModelFile, type Quantisation, saveModelFile } from './model-file.ts';
export {
  averageSequenceModels,
  BIAS_KEY,
  backtrace,
  type ClassExample,
  type FeatureList,
  MulticlassPerceptron,
  type RankExample,
  RankingPerceptron,
  type SequenceExample,
  SequencePerceptron,
  type TrainOptions,
  toKeys,
  viterbi,
} from './perceptron.ts';
export { seededRandom, shuffleInPlace } from './random.ts';
export { concatTables, mergeTables, TrainWeights, WeightTable } from './weights.ts';
