import { modelFile } from '../../core/paths.ts';
import type { Doc } from '../../core/types.ts';
import { KnowledgeBase } from '../../kb/index.ts';
import type { Stage, StageSpec } from '../../pipeline/index.ts';
import { loadEmbeddingClusters } from '../ner/embeddings.ts';
import { DEFAULT_FEATURES, loadGsrModels, predict, sentenceFeatures } from './classifier.ts';
import { type EventOptions, extractEvents } from './extract.ts';
import { type EventLexicon, loadEventLexicon } from './lexicon.ts';
import { coarseClusters, dropOwnStateTargets, loadPairModel, type PairModel, pairInstances, withPairEvents } from './pairs.ts';

export { renderEvents } from './render.ts';

/**
 * PLOVER events: trigger patterns from `data/events/triggers.tsv` (and, with
 * the option `petrarch: true`, the converted UniversalPetrarch verbs of
 * `data/events/verbs.tsv`), source and target actors from `doc.entities`,
 * agent phrases (`data/events/agents.tsv`) and the knowledge base; dates from
 * `doc.times`, the speaker of a quote when the event is stated in it.
 * Options: `petrarch: true` adds the converted Petrarch verbs; `gsrGate: p`
 * drops ASSAULT/PROTEST triggers in sentences whose GSR-classifier
 * probability is below p (`models/events-gsr.json`). Then the learned
 * actor-event layer (`pairs.ts`, `models/events-pairs.tsv`) adds the events
 * of (actor, type) pairs the rules missed; `pairs: false` switches it off,
 * `pairsThreshold: p` adds its events from probability p (default: the model's, 0.5 since the sixteenth session).
 */
export const eventsStage: StageSpec = {
  name: 'events',
  requires: ['tokenize'],
  create(options?: Record<string, unknown>): Stage {
    let lex: EventLexicon | undefined;
    const opts: EventOptions = {};
    let pairModel: PairModel | null = null;
    let clusters: ReadonlyMap<string, number> = new Map();
    const load = (): void => {
      if (lex) return;
      lex = loadEventLexicon({ petrarch: options?.petrarch === true });
      // optional: drop ASSAULT/PROTEST triggers in sentences the GSR classifier finds unlikely
      if (typeof options?.personForce === 'boolean') opts.personForce = options.personForce;
      const gate = typeof options?.gsrGate === 'number' ? (options.gsrGate as number) : 0;
      const models = gate > 0 ? loadGsrModels() : null;
      if (models) {
        const l = lex;
        opts.minProb = gate;
        opts.classify = (toks, type, trigs) => {
          const m = models.models[type];
          return m ? predict(m, sentenceFeatures(toks, l, DEFAULT_FEATURES, trigs)) : 1;
        };
      }
      if (options?.pairs !== false) {
        pairModel = loadPairModel(typeof options?.pairsModel === 'string' ? options.pairsModel : modelFile('events-pairs.tsv'));
        // `pairsThreshold`: the probability at which the layer adds an event, instead of the model's (recall for precision)
        if (pairModel && typeof options?.pairsThreshold === 'number') pairModel = { ...pairModel, threshold: options.pairsThreshold };
        if (pairModel) clusters = coarseClusters(loadEmbeddingClusters(modelFile('ner-embclusters.tsv')));
      }
      try {
        opts.kb = KnowledgeBase.default();
      } catch {
        opts.kb = null; // no KB: entity and agent actors only
      }
    };
    return {
      name: 'events',
      requires: ['tokenize'],
      load,
      process(doc: Doc) {
        load();
        const events = extractEvents(doc, lex as EventLexicon, opts);
        doc.events = pairModel
          ? withPairEvents(doc, events, pairInstances(doc, events, lex as EventLexicon, clusters), pairModel, lex as EventLexicon)
          : dropOwnStateTargets(doc, events);
      },
    };
  },
};
