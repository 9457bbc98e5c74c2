/** Training of the segmenter (lexicon + candidate ranker) from PADT sentences. */
import type { PadtSentence } from '../../corpora/ud-words.ts';
import { mergeTables, type RankExample, RankingPerceptron, type TrainOptions } from '../../learn/index.ts';
import { candidateKey, candidates, foldHamza } from './clitics.ts';
import {
  type CountSource,
  candidateFeatures,
  contextFeatures,
  corpusCount,
  hamzaRestorer,
  restoreHamza,
  Segmenter,
  type SegmenterLexicon,
  unseenContextFeatures,
} from './segmenter.ts';
import { cleanWord } from './text.ts';

interface Counts {
  forms: Map<string, number>;
  stems: Map<string, number>;
  whole: Map<string, number>;
}

const inc = (m: Map<string, number>, k: string, by = 1): void => {
  m.set(k, (m.get(k) ?? 0) + by);
};

function countSentences(sents: PadtSentence[]): Counts {
  const c: Counts = { forms: new Map(), stems: new Map(), whole: new Map() };
  for (const s of sents) {
    for (const t of s.tokens) {
      const surface = cleanWord(t.surface).text;
      if (t.parts.length === 1) {
        inc(c.forms, t.parts[0].form);
        inc(c.whole, surface);
      } else {
        for (const p of t.parts) inc(c.forms, p.form);
        for (const p of t.parts) if (p.form.length >= 2 && p.upos !== 'PRON') inc(c.stems, p.form);
      }
    }
  }
  return c;
}

/** The lexicon of seen analyses, form counts and the hamza map. */
export function buildLexicon(sents: PadtSentence[], corpus: Map<string, number> = new Map()): SegmenterLexicon {
  const byWord = new Map<string, Map<string, number>>();
  const hamzaVotes = new Map<string, Map<string, number>>();
  for (const s of sents) {
    for (const t of s.tokens) {
      const surface = cleanWord(t.surface).text;
      const key = t.parts.length === 1 && t.parts[0].form === t.surface ? '' : t.parts.map((p) => p.form).join('+');
      let m = byWord.get(surface);
      if (!m) byWord.set(surface, (m = new Map()));
      inc(m, key);
      if (t.parts.length === 1 && /[أإآ]/.test(t.parts[0].form)) {
        const f = t.parts[0].form;
        let v = hamzaVotes.get(foldHamza(f));
        if (!v) hamzaVotes.set(foldHamza(f), (v = new Map()));
        inc(v, f);
      } else if (t.parts.length > 1) {
        for (const p of t.parts) {
          if (p.form.length < 2) continue;
          let v = hamzaVotes.get(foldHamza(p.form));
          if (!v) hamzaVotes.set(foldHamza(p.form), (v = new Map()));
          inc(v, p.form);
        }
      }
    }
  }
  const analyses: Record<string, string> = {};
  const alternatives: Record<string, string[]> = {};
  for (const [w, m] of [...byWord].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    analyses[w] = best(m);
    // ambiguous words (a second analysis with 2+ uses): context decides (انه = أن + ه or إن + ه)
    const ranked = [...m].filter(([, c]) => c >= 2).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    if (ranked.length > 1) alternatives[w] = ranked.map(([k]) => k);
  }
  const hamza: Record<string, string> = {};
  for (const [k, v] of [...hamzaVotes].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const b = best(v);
    if (b !== k) hamza[k] = b;
  }
  const c = countSentences(sents);
  return {
    analyses,
    alternatives,
    formCounts: sortedRecord(c.forms),
    stemCounts: sortedRecord(c.stems),
    hamza,
    corpusCounts: sortedRecord(corpus),
  };
}

function best(m: Map<string, number>): string {
  let b = '';
  let bv = -1;
  for (const [k, v] of m) if (v > bv || (v === bv && k < b)) [b, bv] = [k, v];
  return b;
}

function sortedRecord(m: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of [...m.keys()].sort()) out[k] = m.get(k)!;
  return out;
}

function minus(all: Counts, part: Counts, corpus: Map<string, number>): CountSource {
  const get = (a: Map<string, number>, b: Map<string, number>, k: string) => (a.get(k) ?? 0) - (b.get(k) ?? 0);
  return {
    form: (s) => get(all.forms, part.forms, s),
    stem: (s) => get(all.stems, part.stems, s),
    whole: (s) => get(all.whole, part.whole, s),
    corpus: (s) => corpusCount(corpus, s),
  };
}

export interface SegmenterTrainOptions extends TrainOptions {
  /** Folds for jackknifed counts (default 5): a token's features use counts from the other folds, as an unseen word would. */
  folds?: number;
  /** Word counts of an unlabelled corpus (`corpus.ts`). */
  corpus?: Map<string, number>;
}

/** Trains the segmenter; returns it with the oracle coverage of the candidate generator. */
export function trainSegmenter(sents: PadtSentence[], opts: SegmenterTrainOptions = {}): { segmenter: Segmenter; coverage: number } {
  const corpus = opts.corpus ?? new Map<string, number>();
  const lexicon = buildLexicon(sents, corpus);
  const hamza = hamzaRestorer(new Map(Object.entries(lexicon.hamza)), corpus);
  const folds = opts.folds ?? 5;
  const all = countSentences(sents);
  const examples: RankExample[] = [];
  let total = 0;
  let covered = 0;
  for (let f = 0; f < folds; f++) {
    const inFold = sents.filter((_, i) => i % folds === f);
    const counts = minus(all, countSentences(inFold), corpus);
    for (const s of inFold) {
      const words = s.tokens.map((t) => cleanWord(t.surface).text);
      for (const [ti, t] of s.tokens.entries()) {
        const w = words[ti];
        if (!/^[\u0621-\u064a]+$/.test(w)) continue;
        total++;
        const gold = t.parts.length === 1 ? t.parts[0].form : t.parts.map((p) => p.form).join('+');
        const cands = candidates(w).map((c) => restoreHamza(c, hamza));
        const g = cands.findIndex((c) => candidateKey(c) === gold);
        if (g < 0) continue;
        covered++;
        // context features (the neighbouring words) only where there is a choice, as at run time
        const ctx = cands.length > 1;
        examples.push({
          candidates: cands.map((c) =>
            ctx ? [...candidateFeatures(w, c, counts), ...unseenContextFeatures(words, ti, c, true)] : candidateFeatures(w, c, counts),
          ),
          gold: g,
        });
      }
    }
  }
  const unseen = RankingPerceptron.train(examples, { epochs: opts.epochs ?? 8, seed: opts.seed ?? 1, onEpoch: opts.onEpoch });
  // ambiguous seen words: choose among their training analyses by context (a
  // separate ranker over disjoint "ctx:" features, merged into the same table)
  const contextExamples: RankExample[] = [];
  const alternatives = lexicon.alternatives ?? {};
  for (const s of sents) {
    const words = s.tokens.map((t) => cleanWord(t.surface).text);
    s.tokens.forEach((t, i) => {
      const alts = Object.hasOwn(alternatives, words[i]) ? alternatives[words[i]] : undefined;
      if (!alts) return;
      const gold = t.parts.length === 1 && t.parts[0].form === t.surface ? '' : t.parts.map((p) => p.form).join('+');
      const g = alts.indexOf(gold);
      if (g >= 0) contextExamples.push({ candidates: alts.map((a, k) => contextFeatures(words, i, a, k)), gold: g });
    });
  }
  const context = RankingPerceptron.train(contextExamples, { epochs: opts.epochs ?? 8, seed: opts.seed ?? 1 });
  const ranker = new RankingPerceptron(mergeTables([unseen.table, context.table]));
  return { segmenter: new Segmenter(ranker, lexicon), coverage: total ? covered / total : 0 };
}
