/**
 * Clitic segmentation, Farasa-style: a lexicon of the analyses seen in
 * training (surface → most frequent split) and, for unseen words, a ranking
 * perceptron over the candidate splits of `clitics.ts`, scored with features
 * of the proclitics, enclitic, restoration and of how often the stem was seen
 * as a word in training.
 */
import { GenerationalCache } from '../../core/cache.ts';
import type { RankingPerceptron } from '../../learn/index.ts';
import { type Candidate, candidateForms, candidates, foldHamza, partBoundaries } from './clitics.ts';
import { cachedLookup, type Lookup, recordLookup } from './lookup.ts';

/** Counts and lexicons the segmenter reads; stored in the model file's meta. */
export interface SegmenterLexicon {
  /** Surface → analysis seen most often: "" for "does not split", else the forms joined with "+". */
  analyses: Record<string, string>;
  /** Ambiguous seen words → their analyses (most frequent first), chosen in context by the ranker. */
  alternatives?: Record<string, string[]>;
  /** Times each form was seen as a syntactic word (unsplit token or part). */
  formCounts: Record<string, number>;
  /** Times each form was seen as the stem of a multiword token. */
  stemCounts: Record<string, number>;
  /** Hamza-folded stem → its PADT spelling, where they differ ("الاسلحة" → "الأسلحة"). */
  hamza: Record<string, string>;
  /** Counts of words in a large unlabelled news corpus (see `corpus.ts`); may be empty. */
  corpusCounts?: Record<string, number>;
}

/** A segmented surface word: forms and their [start, end) inside the cleaned word. */
export interface Segmentation {
  forms: string[];
  /** Boundaries: part i spans [bounds[i], bounds[i+1]) of the word. */
  bounds: number[];
  /** Role of each part: 0 proclitic, 1 stem, 2 enclitic. */
  roles: number[];
  /** True when the analysis came from the lexicon of seen words. */
  seen: boolean;
}

/** One analysis of a word in context with its ranker score (`Segmenter.optionsInContext`). */
export interface SegmentOption {
  seg: Segmentation;
  score: number;
}

export interface CountSource {
  form(s: string): number;
  stem(s: string): number;
  /** Times the whole surface was seen unsplit. */
  whole(s: string): number;
  /** Times the form occurs in the unlabelled corpus. */
  corpus(s: string): number;
}

const bucket = (n: number): number => (n <= 0 ? 0 : n === 1 ? 1 : n < 4 ? 2 : n < 10 ? 3 : n < 100 ? 4 : 5);
const cbucket = (n: number): number => (n <= 0 ? 0 : n < 10 ? 1 : n < 100 ? 2 : n < 1000 ? 3 : 4);

/** Corpus count of a form, whatever the hamza spelling on alef. */
export function corpusCount(counts: Lookup<number>, s: string): number {
  const a = counts.get(s) ?? 0;
  const f = foldHamza(s);
  return f === s ? a : a + (counts.get(f) ?? 0);
}

/** Applies the hamza map to a candidate's stem (split candidates only). */
const HAMZA_ALEF = new Set(['أ', 'إ', 'آ']);

export function restoreHamza(c: Candidate, hamza: (folded: string) => string | undefined): Candidate {
  if (c.pre.length === 0 && !c.enc) return c;
  const h = hamza(foldHamza(c.stem));
  if (h === undefined || h === c.stem) return c;
  // a hamza seat the writer spelt out is not swapped for another (فإننا = ف + إن + نا, not أن)
  if (h.length === c.stem.length) {
    for (let i = 0; i < h.length; i++) if (h[i] !== c.stem[i] && HAMZA_ALEF.has(h[i]) && HAMZA_ALEF.has(c.stem[i])) return c;
  }
  return { ...c, stem: h, restore: c.restore ? `${c.restore}+hz` : 'hz' };
}

/**
 * Hamza restoration of a split stem: the PADT spelling seen in training
 * (`hamza` map, keyed by the alef-folded stem), else, for a stem whose first
 * alef (initial, or after the article) is bare, the spelling among ا/أ/إ
 * that the unlabelled corpus uses most.
 */
export function hamzaRestorer(hamza: Lookup<string>, corpus: Lookup<number>): (folded: string) => string | undefined {
  return (folded) => {
    const h = hamza.get(folded);
    if (h !== undefined) return h;
    const at = folded.startsWith('ال') ? 2 : 0;
    if (folded[at] !== 'ا' || folded.length - at < 3 || corpus.size === 0) return undefined;
    let best: string | undefined;
    let bv = corpus.get(folded) ?? 0;
    for (const seat of ['أ', 'إ']) {
      const v = folded.slice(0, at) + seat + folded.slice(at + 1);
      const c = corpus.get(v) ?? 0;
      if (c > bv) {
        bv = c;
        best = v;
      }
    }
    return best;
  };
}

/**
 * Ranker features of analysis `a` (rank `k` in training frequency) of the
 * ambiguous seen word `words[i]`, in context. The stem part generalises
 * across surfaces (انه, انها, اننا share the choice between أن and إن).
 */
export function contextFeatures(words: readonly string[], i: number, a: string, k: number): string[] {
  const prev = i > 0 ? words[i - 1] : '<s>';
  const next = i + 1 < words.length ? words[i + 1] : '</s>';
  const parts = a === '' ? [words[i]] : a.split('+');
  let stem = parts[0];
  for (const p of parts) if (p.length > stem.length) stem = p;
  const shape = a === '' ? 'whole' : `${parts.length}`;
  return [
    `ctx:k=${k}`,
    `ctx:a=${a}`,
    `ctx:a=${a}|p=${prev}`,
    `ctx:a=${a}|n=${next}`,
    `ctx:st=${stem}|${shape}|p=${prev}`,
    `ctx:st=${stem}|${shape}|n=${next}`,
    `ctx:st=${stem}|${shape}|p2=${prev.slice(-2)}`,
    `ctx:st=${stem}|${shape}`,
    `ctx:st=${stem}|${shape}|pp=${i > 1 ? words[i - 2] : '<s>'}`,
    `ctx:st=${stem}|${shape}|n2=${next.slice(0, 2)}`,
    `ctx:st=${stem}|${shape}|pn=${prev}|${next}`,
  ];
}

/**
 * Context features of candidate `c` of the unseen word `words[i]`: its
 * clitic pattern with the previous and the next word. `training` adds the
 * sentence end as a next word: PADT's unpunctuated sentence ends are mostly
 * datelines and bylines whose names stay whole, and that feature absorbs
 * them while training; at run time it is left out, since it would leave
 * headline-final words unsplit (والمعارضين, وبرلمانها).
 */
export function unseenContextFeatures(words: readonly string[], i: number, c: Candidate, training = false): string[] {
  const pe = `${c.pre.join('')}|${c.enc}`;
  const f = [`ux:p=${i > 0 ? words[i - 1] : '<s>'}|${pe}`];
  if (i + 1 < words.length) f.push(`ux:n=${words[i + 1]}|${pe}`);
  else if (training) f.push(`ux:n=</s>|${pe}`);
  return f;
}

/** Ranker features of one candidate of surface word `w`. */
export function candidateFeatures(w: string, c: Candidate, counts: CountSource): string[] {
  const pre = c.pre.join('');
  const split = c.pre.length > 0 || c.enc !== '';
  const pe = `${pre}|${c.enc}|${c.restore}`;
  const stem = c.stem;
  const sc = bucket(counts.form(stem));
  const ssc = bucket(counts.stem(stem));
  const f = [
    `pe=${pe}`,
    `sc=${sc}|${pe}`,
    `ssc=${ssc}|${pe}`,
    `scx=${sc}|${ssc}|${split ? 1 : 0}`,
    `wc=${bucket(counts.whole(w))}|${split ? 1 : 0}`,
    `s1=${stem.slice(-1)}|${c.enc}|${c.restore}`,
    `s2=${stem.slice(-2)}|${c.enc}`,
    `s3=${stem.slice(-3)}|${c.enc}`,
    `f1=${stem.slice(0, 1)}|${pre}`,
    `f2=${stem.slice(0, 2)}|${pre}`,
    `len=${Math.min(stem.length, 9)}|${pe}`,
    `w2=${w.slice(-2)}|${c.enc}`,
    `wf2=${w.slice(0, 2)}|${pre}`,
  ];
  const cc = cbucket(counts.corpus(stem));
  const wcc = cbucket(counts.corpus(w));
  f.push(`cc=${cc}|${pe}`, `wcc=${wcc}|${split ? 1 : 0}`, `ccx=${cc}|${wcc}|${split ? 1 : 0}`, `ccs=${cc}|${sc}|${split ? 1 : 0}`);
  if (split) {
    // character trigrams of the stem: transliterated foreign names (left unsplit by PADT) look different
    const padded = `^${stem}$`;
    for (let i = 0; i + 3 <= padded.length; i++) f.push(`tri=${padded.slice(i, i + 3)}|${pre ? 'P' : ''}${c.enc ? 'E' : ''}`);
  }
  if (c.enc) f.push(`encf=${c.enc}|${stem.slice(0, 1)}|${bucket(counts.form(stem))}`);
  if (pre) f.push(`pres=${pre}|${stem.slice(0, 2)}|${sc > 0 ? 1 : 0}`);
  return f;
}

const ROLE_PRE = 0;
const ROLE_STEM = 1;
const ROLE_ENC = 2;
/** Unseen words whose candidates and context-free scores are kept. */
const UNSEEN_CACHE = 20_000;

export class Segmenter {
  readonly ranker: RankingPerceptron;
  readonly lexicon: SegmenterLexicon;
  private readonly analyses: Lookup<string>;
  private readonly alternatives: Lookup<string[]>;
  private readonly forms: Lookup<number>;
  private readonly stems: Lookup<number>;
  private readonly hamza: (folded: string) => string | undefined;
  /** PADT train and corpus counts as the ranker's features read them (also the split reranker's, `rerank.ts`). */
  readonly counts: CountSource;
  private readonly unseen = new GenerationalCache<string, { cands: Candidate[]; scores: Float64Array }>(UNSEEN_CACHE);
  /** Unlabelled-corpus counts (shared with the tagger). */
  readonly corpus: Lookup<number>;

  constructor(ranker: RankingPerceptron, lexicon: SegmenterLexicon) {
    this.ranker = ranker;
    this.lexicon = lexicon;
    this.analyses = recordLookup(lexicon.analyses);
    this.alternatives = recordLookup(lexicon.alternatives);
    this.forms = recordLookup(lexicon.formCounts);
    this.stems = recordLookup(lexicon.stemCounts);
    const corpus = cachedLookup(recordLookup(lexicon.corpusCounts));
    this.corpus = corpus;
    this.hamza = hamzaRestorer(recordLookup(lexicon.hamza), corpus);
    const analyses = this.analyses;
    this.counts = {
      form: (s) => this.forms.get(s) ?? 0,
      stem: (s) => this.stems.get(s) ?? 0,
      whole: (s) => (analyses.get(s) === '' ? (this.forms.get(s) ?? 1) : 0),
      corpus: (s) => corpusCount(corpus, s),
    };
  }

  /** The candidates of an unseen word with their context-free ranker scores (cached, bounded). */
  private scored(w: string): { cands: Candidate[]; scores: Float64Array } {
    let hit = this.unseen.get(w);
    if (hit === undefined) {
      const cands = candidates(w).map((c) => restoreHamza(c, this.hamza));
      const scores = Float64Array.from(cands, (c) => this.ranker.score(candidateFeatures(w, c, this.counts)));
      hit = { cands, scores };
      this.unseen.set(w, hit);
    }
    return hit;
  }

  /**
   * The best candidate for an unseen word, by the ranker; with the sentence
   * (`words`, the word at `i`), the context features count too.
   */
  rank(w: string, words?: readonly string[], i = 0): Candidate {
    const { cands, scores } = this.scored(w);
    let best = cands[0];
    let bv = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < cands.length; k++) {
      let v = scores[k];
      if (words && cands.length > 1) v += this.ranker.score(unseenContextFeatures(words, i, cands[k]));
      if (v > bv) {
        bv = v;
        best = cands[k];
      }
    }
    return best;
  }

  /** True when the word is ambiguous in the lexicon and `segmentInContext` may choose differently. */
  isAmbiguous(w: string): boolean {
    return this.alternatives.get(w) !== undefined;
  }

  /** True when `segmentInContext` may depend on the neighbours: ambiguous seen words and unseen Arabic words. */
  isContextual(w: string): boolean {
    return this.alternatives.get(w) !== undefined || (this.analyses.get(w) === undefined && isArabicWord(w));
  }

  /**
   * Segments `words[i]` (cleaned) in its sentence: an ambiguous seen word
   * chooses among its seen analyses by context, an unseen Arabic word is
   * ranked with context features.
   */
  segmentInContext(words: readonly string[], i: number): Segmentation {
    const w = words[i];
    const alts = this.alternatives.get(w);
    if (!alts) return this.segment(w, words, i);
    let best = alts[0];
    let bv = Number.NEGATIVE_INFINITY;
    alts.forEach((a, k) => {
      const v = this.ranker.score(contextFeatures(words, i, a, k));
      if (v > bv) {
        bv = v;
        best = a;
      }
    });
    return analysisSegmentation(w, best);
  }

  /**
   * The `k` best analyses of `words[i]` (cleaned) in its sentence, best first, with their ranker scores: for
   * an ambiguous seen word its seen analyses, for an unseen Arabic word its candidate splits (context
   * features included); else the one analysis, score 0. The first is `segmentInContext`'s choice.
   */
  optionsInContext(words: readonly string[], i: number, k: number): SegmentOption[] {
    const w = words[i];
    const alts = this.alternatives.get(w);
    if (alts) {
      const scored = alts.map((a, j) => ({ a, v: this.ranker.score(contextFeatures(words, i, a, j)) }));
      // stable: ties keep the lexicon order, as segmentInContext's strict > does
      scored.sort((x, y) => y.v - x.v);
      return scored.slice(0, k).map(({ a, v }) => ({ seg: analysisSegmentation(w, a), score: v }));
    }
    if (this.analyses.get(w) !== undefined || !isArabicWord(w)) return [{ seg: this.segment(w, words, i), score: 0 }];
    const { cands, scores } = this.scored(w);
    const order = Array.from(cands, (_, j) => j);
    const v = Float64Array.from(cands, (c, j) =>
      cands.length > 1 ? scores[j] + this.ranker.score(unseenContextFeatures(words, i, c)) : scores[j],
    );
    order.sort((x, y) => v[y] - v[x] || x - y);
    return order.slice(0, k).map((j) => ({ seg: candidateSegmentation(w, cands[j]), score: v[j] }));
  }

  /** Segments a cleaned surface word (no diacritics or tatweel). */
  segment(w: string, words?: readonly string[], i = 0): Segmentation {
    const known = this.analyses.get(w);
    if (known !== undefined) return analysisSegmentation(w, known);
    if (!isArabicWord(w)) return { forms: [w], bounds: [0, w.length], roles: [ROLE_STEM], seen: false };
    return candidateSegmentation(w, this.rank(w, words, i));
  }
}

/** A lexicon analysis ("" whole, else forms joined with "+") of the seen word `w`. */
function analysisSegmentation(w: string, a: string): Segmentation {
  if (a === '') return { forms: [w], bounds: [0, w.length], roles: [ROLE_STEM], seen: true };
  const forms = a.split('+');
  return { forms, bounds: partBoundaries(w, forms), roles: rolesOf(forms), seen: true };
}

/** The segmentation of the unseen word `w` by candidate `c`. */
function candidateSegmentation(w: string, c: Candidate): Segmentation {
  const forms = candidateForms(c);
  const bounds = [0];
  for (let i = 0; i < c.pre.length; i++) bounds.push(i + 1);
  if (c.enc) bounds.push(w.length - c.encLen);
  bounds.push(w.length);
  const roles = c.pre.map(() => ROLE_PRE);
  roles.push(ROLE_STEM);
  if (c.enc) roles.push(ROLE_ENC);
  return { forms, bounds, roles, seen: false };
}

const PRONOUNS = new Set(['ه', 'ها', 'هم', 'هما', 'هن', 'ك', 'كم', 'كن', 'كما', 'ي', 'نا', 'ني']);
const PROCLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك', 'س']);

/** Roles of the parts of a lexicon analysis: leading one-letter clitics, trailing pronoun, stem(s) between. */
export function rolesOf(forms: string[]): number[] {
  const roles = forms.map(() => ROLE_STEM);
  let i = 0;
  while (i < forms.length - 1 && PROCLITICS.has(forms[i])) roles[i++] = ROLE_PRE;
  if (forms.length > 1 && i < forms.length - 1 && PRONOUNS.has(forms[forms.length - 1])) roles[forms.length - 1] = ROLE_ENC;
  return roles;
}

/** True for a word made of Arabic letters only (the ranker only splits these). */
export function isArabicWord(w: string): boolean {
  if (w.length === 0) return false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (!((c >= 0x0621 && c <= 0x064a) || c === 0x0671 || c === 0x0670)) return false;
  }
  return true;
}
