/**
 * NER features: the same function feeds training and prediction, so a model
 * always sees what it was trained on. Features are hashed keys (see
 * `src/learn`): the word and its clitic-stripped form, affixes, shape, the
 * words and clusters at ±2, the embedding clusters of the word (two levels)
 * and of its neighbours at ±1 (first level), gazetteer flags of the word and
 * its neighbours, and the gazetteer phrase (B-/I-type) covering the word.
 */
import { GenerationalCache } from '../../core/cache.ts';
import { stripClitics } from '../../kb/clitics.ts';
import { BIAS_KEY, featureKey, hashString, template } from '../../learn/index.ts';
import { matchForm } from '../../text/normalize.ts';
import type { Clusters } from './clusters.ts';
import type { EmbeddingClusters } from './embeddings.ts';
import { GAZ_FLAGS, type NerGazetteer } from './gazetteer.ts';

/** Bumped whenever the feature set changes; stored in the model and checked at load. */
export const FEATURES_VERSION = 'ner-f7';

export interface NerResources {
  gaz: NerGazetteer;
  clusters: Clusters;
  /** Clusters of word embeddings (`embeddings.ts`), smallest k first; absent or empty = no such features. */
  emb?: EmbeddingClusters;
}

const T = (n: string): number => template(n);
const TPL = {
  w: T('w='),
  s: T('s='),
  p2: T('p2='),
  p3: T('p3='),
  x1: T('x1='),
  x2: T('x2='),
  x3: T('x3='),
  x4: T('x4='),
  sx2: T('sx2='),
  sx3: T('sx3='),
  sp3: T('sp3='),
  sh: T('sh='),
  len: T('len='),
  wm1: T('w-1='),
  wp1: T('w+1='),
  wm2: T('w-2='),
  wp2: T('w+2='),
  sm1: T('s-1='),
  sp1: T('s+1='),
  bgl: T('w-1|w='),
  bgr: T('w|w+1='),
  cf: T('cf='),
  cc: T('cc='),
  scf: T('scf='),
  scc: T('scc='),
  cfm1: T('cf-1='),
  cfp1: T('cf+1='),
  ccm1: T('cc-1='),
  ccp1: T('cc+1='),
  ccm2: T('cc-2='),
  ccp2: T('cc+2='),
  g: T('g='),
  gm1: T('g-1='),
  gp1: T('g+1='),
  gm2: T('g-2='),
  gp2: T('g+2='),
  gp: T('gp='),
  gpsh: T('gp|sh='),
  first: T('first='),
  ccw: T('cc|w-1='),
  pos: T('pos='),
  posm1: T('pos-1='),
  posp1: T('pos+1='),
  posw: T('pos|s-1='),
  l1: T('l1='),
  l1m1: T('l1-1='),
  l1p1: T('l1+1='),
  hist: T('hist='),
  histl1: T('hist|l1='),
  cm: T('cm='),
  cs: T('cs='),
  cmm1: T('cm-1='),
  cmp1: T('cm+1='),
  e1: T('e1='),
  e2: T('e2='),
  e1m1: T('e1-1='),
  e1p1: T('e1+1='),
};

/** The matching form used for features: digits collapsed, Latin lower-cased. */
export function featureForm(token: string): string {
  const f = matchForm(token);
  let digits = false;
  let upper = false;
  for (let i = 0; i < f.length; i++) {
    const c = f.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digits = true;
    else if (c >= 0x41 && c <= 0x5a) upper = true;
  }
  if (!digits && !upper) return f;
  return (digits ? f.replace(/[0-9]+/g, '0') : f).toLowerCase();
}

function shape(token: string): string {
  let ar = false;
  let lat = false;
  let dig = false;
  let other = false;
  let cap = false;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 0x0600 && c <= 0x06ff) {
      if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9)) dig = true;
      else ar = true;
    } else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) {
      lat = true;
      if (i === 0 && c <= 0x5a) cap = true;
    } else if (c >= 0x30 && c <= 0x39) dig = true;
    else other = true;
  }
  if (ar && !lat && !dig && !other) return 'A';
  if (lat && !ar && !dig && !other) return cap ? 'Lc' : 'L';
  if (dig && !ar && !lat && !other) return 'D';
  if (!ar && !lat && !dig) return token.length === 1 ? token : 'P';
  return `${ar ? 'A' : ''}${lat ? 'L' : ''}${dig ? 'D' : ''}${other ? 'P' : ''}`;
}

/**
 * Second-stage context (stacking): the first-stage labels of the sentence, and
 * for each token what the first stage said about the same word elsewhere in the
 * document (`PER`, `LOC`, `ORG`, `MISC`: most frequent entity type; `O`: seen,
 * never an entity; `-`: not seen).
 */
export interface StackedContext {
  labels: readonly string[];
  history: readonly string[];
}

/** The form used to match a word across sentences (clitic-stripped), or '' for words too short to be telling. */
export function historyForm(token: string): string {
  const s = stripClitics(featureForm(token));
  return s.length >= 3 && !/^[0-9]/.test(s) ? s : '';
}

/**
 * Document history for every sentence: what the labels of the *other*
 * sentences within `window` sentences say about each word form.
 */
export function documentHistory(
  sentences: readonly (readonly string[])[],
  labels: readonly (readonly string[])[],
  window = 15,
  historyForms?: readonly (readonly string[])[],
): string[][] {
  const forms = historyForms ?? sentences.map((toks) => toks.map(historyForm));
  const TYPES = ['O', 'PER', 'LOC', 'ORG', 'MISC'];
  const typeOf = (l: string): number => (l === 'O' ? 0 : Math.max(0, TYPES.indexOf(l.slice(2))));
  // Counts of [O, PER, LOC, ORG, MISC] per form over the sentences in the window (sliding).
  const counts = new Map<string, Int32Array>();
  const add = (k: number, sign: number): void => {
    const f = forms[k];
    for (let i = 0; i < f.length; i++) {
      if (!f[i]) continue;
      let c = counts.get(f[i]);
      if (!c) {
        c = new Int32Array(5);
        counts.set(f[i], c);
      }
      c[typeOf(labels[k][i])] += sign;
    }
  };
  const out: string[][] = new Array(forms.length);
  let hi = 0;
  for (let si = 0; si < forms.length; si++) {
    for (; hi < Math.min(forms.length, si + window + 1); hi++) add(hi, 1);
    if (si - window - 1 >= 0) add(si - window - 1, -1);
    // The other sentences only: this one's counts out while its words are looked up.
    add(si, -1);
    const f = forms[si];
    const row: string[] = new Array(f.length);
    for (let i = 0; i < f.length; i++) {
      const form = f[i];
      if (!form) {
        row[i] = '-';
        continue;
      }
      const c = counts.get(form)!;
      let seen = false;
      for (let t = 0; t < 5; t++) if (c[t] > 0) seen = true;
      if (!seen) {
        row[i] = '-';
        continue;
      }
      let best = 0;
      for (let t = 1; t < 5; t++) if (c[t] > c[best] || (best === 0 && c[t] > 0)) best = t;
      row[i] = TYPES[best];
    }
    out[si] = row;
    add(si, 1);
  }
  return out;
}

/** History forms (`WordInfo.h`) as numbers 1, 2, ... (0 = ''), so a document's history counts live in a typed array. */
const histIds = new Map<string, number>();
/** Bumped when `histIds` starts over (full): a word's `hid` is valid only in its generation. */
let histGen = 1;
const HIST_IDS_MAX = 1 << 18;
/** Counts of [O, PER, LOC, ORG, MISC] per history id, all zero between calls of `historyCodes`. */
let histCounts = new Int32Array(5 * 4096);

function historyId(w: WordInfo): number {
  if (w.hgen === histGen) return w.hid;
  let id = 0;
  if (w.h !== '') {
    id = histIds.get(w.h) ?? 0;
    if (id === 0) {
      id = histIds.size + 1;
      histIds.set(w.h, id);
    }
  }
  w.hid = id;
  w.hgen = histGen;
  return id;
}

/** Adds `sign` to the counts of one sentence's forms (ids) with their first-stage types. */
function histAdd(c: Int32Array, ids: Int32Array, types: Uint8Array, sign: number): void {
  for (let i = 0; i < ids.length; i++) if (ids[i] !== 0) c[5 * ids[i] + types[i]] += sign;
}

/**
 * `documentHistory` over words (`WordInfo.h` as the forms) and first-stage
 * entity types (0 = O, 1-4 = PER, LOC, ORG, MISC, as `documentHistory` reads
 * the labels), as history codes (`-` 0, O 1, PER 2, LOC 3, ORG 4, MISC 5): the
 * same answers without a string per token (the tagger's hot path).
 */
export function historyCodes(info: readonly (readonly WordInfo[])[], types: readonly Uint8Array[], window = 15): Uint8Array[] {
  // Start the interner over only here, between documents: the ids of one call share a generation.
  if (histIds.size >= HIST_IDS_MAX) {
    histIds.clear();
    histGen++;
  }
  const ids: Int32Array[] = new Array(info.length);
  for (let k = 0; k < info.length; k++) {
    const ws = info[k];
    const a = new Int32Array(ws.length);
    for (let i = 0; i < ws.length; i++) a[i] = historyId(ws[i]);
    ids[k] = a;
  }
  if (histCounts.length < 5 * (histIds.size + 1)) histCounts = new Int32Array(Math.max(5 * (histIds.size + 1), 2 * histCounts.length));
  const c = histCounts;
  const out: Uint8Array[] = new Array(info.length);
  let hi = 0;
  try {
    for (let si = 0; si < ids.length; si++) {
      for (; hi < Math.min(ids.length, si + window + 1); hi++) histAdd(c, ids[hi], types[hi], 1);
      if (si - window - 1 >= 0) histAdd(c, ids[si - window - 1], types[si - window - 1], -1);
      histAdd(c, ids[si], types[si], -1);
      const f = ids[si];
      const row = new Uint8Array(f.length);
      for (let i = 0; i < f.length; i++) {
        const id = f[i];
        if (id === 0) continue;
        const o = 5 * id;
        if (c[o] <= 0 && c[o + 1] <= 0 && c[o + 2] <= 0 && c[o + 3] <= 0 && c[o + 4] <= 0) continue;
        let best = 0;
        for (let t = 1; t < 5; t++) if (c[o + t] > c[o + best] || (best === 0 && c[o + t] > 0)) best = t;
        row[i] = best + 1;
      }
      out[si] = row;
      histAdd(c, ids[si], types[si], 1);
    }
  } finally {
    // Back to all zeros, whatever happened (the counts are shared by every call).
    for (const a of ids) for (let i = 0; i < a.length; i++) if (a[i] !== 0) c.fill(0, 5 * a[i], 5 * a[i] + 5);
  }
  return out;
}

/** 32-bit mix of two values (murmur3 finaliser): numeric feature keys for context features without building strings. */
function mix(a: number, b: number): number {
  let h = Math.imul((a ^ Math.imul(b, 0x9e3779b1)) >>> 0, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** What the features need to know about one word, computed once per distinct token string. */
/** Feature keys of a sentence; each position's keys start with its word-level keys (`info[i].own`), which a tagger may score once per word and cache. */
export interface SentenceKeys {
  keys: Uint32Array;
  offsets: Int32Array;
  /** The words' cached information (its `own` keys open each position's range). */
  info?: readonly WordInfo[];
}

export interface WordInfo {
  /** The feature form. */
  f: string;
  /** Hash of the feature form and of the clitic-stripped form. */
  hf: number;
  hs: number;
  /** Cluster ids + 1 (0 = unknown). */
  cf: number;
  cc: number;
  cm: number;
  /** Embedding-cluster ids + 1 of the first two levels (0 = unknown word; -1 = no embedding clusters). */
  e1: number;
  e2: number;
  /** Gazetteer flags of the word or its stripped form. */
  flags: number;
  /** Hash of the shape, and its small number (`shapeId`; -1 = none). */
  hsh: number;
  shp: number;
  /** `historyForm` of the token. */
  h: string;
  /** How many of `own`'s first keys name the word itself (form, stripped form): left out by word dropout. */
  nLex: number;
  /** Whether a gazetteer phrase can start at this word (`NerGazetteer.canStart`). */
  gs: boolean;
  /** Number of `h` in the history interner (`historyId`) and the interner generation it belongs to (0 = none yet). */
  hid: number;
  hgen: number;
  /** Where a scorer keeps this word's weight sums (`scorer.ts`): the scorer's id (0 = none), its arena epoch and the offset. */
  vecOwner: number;
  vecEpoch: number;
  vecAt: number;
  /** The word's own feature keys (form, affixes, shape, clusters, gazetteer flags). */
  own: Uint32Array;
}

const PAD_HASH = hashString('<s>');
const PAD_END_HASH = hashString('</s>');
/** Words per generation of the word cache (two generations: `GenerationalCache`). */
const CACHE_MAX = 50_000;
type WordCache = GenerationalCache<string, WordInfo>;
const infoCache = new WeakMap<NerResources, WordCache>();

function wordCache(res: NerResources): WordCache {
  let cache = infoCache.get(res);
  if (!cache) {
    cache = new GenerationalCache(CACHE_MAX);
    infoCache.set(res, cache);
  }
  return cache;
}

function wordInfo(token: string, res: NerResources, cache: WordCache): WordInfo {
  const hit = cache.get(token);
  if (hit) return hit;
  const f = featureForm(token);
  const st = stripClitics(f);
  const sh = shape(token);
  const c = res.clusters;
  const get = (m: Map<string, number>): number => {
    const v = m.get(f) ?? m.get(st);
    return v === undefined ? 0 : v + 1;
  };
  const cf = get(c.fine);
  const cc = get(c.coarse);
  const cm = get(c.mid);
  const cs = get(c.sub);
  const flags = res.gaz.flags(f) | (st !== f ? res.gaz.flags(st) : 0);
  const own: number[] = [];
  const fk = (tpl: number, v: string): void => {
    own.push(featureKey(tpl, v));
  };
  const L = f.length;
  fk(TPL.w, f);
  if (st !== f) fk(TPL.s, st);
  if (L > 2) fk(TPL.p2, f.slice(0, 2));
  if (L > 3) fk(TPL.p3, f.slice(0, 3));
  fk(TPL.x1, f.slice(-1));
  if (L > 2) fk(TPL.x2, f.slice(-2));
  if (L > 3) fk(TPL.x3, f.slice(-3));
  if (L > 4) fk(TPL.x4, f.slice(-4));
  if (st.length > 2) fk(TPL.sx2, st.slice(-2));
  if (st.length > 3) {
    fk(TPL.sx3, st.slice(-3));
    fk(TPL.sp3, st.slice(0, 3));
  }
  fk(TPL.sh, sh);
  own.push(mix(TPL.len, Math.min(L, 10)));
  own.push(mix(TPL.cf, cf), mix(TPL.cc, cc), mix(TPL.cm, cm), mix(TPL.cs, cs));
  if (st !== f) {
    const sf = c.fine.get(st);
    const sc = c.coarse.get(st);
    own.push(mix(TPL.scf, sf === undefined ? 0 : sf + 1), mix(TPL.scc, sc === undefined ? 0 : sc + 1));
  }
  const emb = res.emb ?? [];
  const embId = (level: number): number => {
    const m = emb[level];
    if (!m) return -1;
    const v = m.get(f) ?? m.get(st);
    return v === undefined ? 0 : v + 1;
  };
  const e1 = embId(0);
  const e2 = embId(1);
  if (e1 >= 0) own.push(mix(TPL.e1, e1));
  if (e2 >= 0) own.push(mix(TPL.e2, e2));
  if (flags === 0) own.push(mix(TPL.g, 0));
  else for (let b = 0; b < GAZ_FLAGS.length; b++) if (flags & (1 << b)) own.push(mix(TPL.g, b + 1));
  const h = st.length >= 3 && !/^[0-9]/.test(st) ? st : '';
  const hsh = hashString(sh);
  const info: WordInfo = {
    f,
    hf: hashString(f),
    hs: hashString(st),
    cf,
    cc,
    cm,
    e1,
    e2,
    flags,
    hsh,
    shp: shapeId(hsh),
    h,
    nLex: st !== f ? 2 : 1,
    gs: res.gaz.canStart(f),
    hid: 0,
    hgen: 0,
    vecOwner: 0,
    vecEpoch: 0,
    vecAt: 0,
    own: Uint32Array.from(own),
  };
  cache.set(token, info);
  return info;
}

/** Small codes of the BIO labels (O 0, B-PER 1, I-PER 2, ... I-MISC 8): gazetteer phrases and stacked first-stage labels. */
export const LABEL_CODE: Record<string, number> = {
  O: 0,
  'B-PER': 1,
  'I-PER': 2,
  'B-LOC': 3,
  'I-LOC': 4,
  'B-ORG': 5,
  'I-ORG': 6,
  'B-MISC': 7,
  'I-MISC': 8,
};

/** Number of gazetteer phrase codes (`SentenceFeatures.phrase` < this). */
export const PHRASE_CODES = 9;

/**
 * Keys about the word at relative offset `rel` (-2, -1, +1, +2) from a
 * position: its form, stripped form, clusters and gazetteer flags (`w` null =
 * beyond the sentence edge). They depend on that one word only, so a tagger
 * may score them once per (word, offset) and cache the sum (`scorer.ts`).
 * Appends to `out` from `len`; returns the new length.
 */
export function neighbourKeys(w: WordInfo | null, rel: number, out: Uint32Array, len: number): number {
  const flagKeys = (tpl: number, bits: number): void => {
    if (bits === 0) {
      out[len++] = mix(tpl, 0);
      return;
    }
    for (let b = 0; b < GAZ_FLAGS.length; b++) if (bits & (1 << b)) out[len++] = mix(tpl, b + 1);
  };
  const before = rel < 0;
  const padH = before ? PAD_HASH : PAD_END_HASH;
  const padC = before ? 0xfffff : 0xffffe;
  if (rel === -1 || rel === 1) {
    out[len++] = mix(before ? TPL.wm1 : TPL.wp1, w ? w.hf : padH);
    out[len++] = mix(before ? TPL.sm1 : TPL.sp1, w ? w.hs : padH);
    out[len++] = mix(before ? TPL.cfm1 : TPL.cfp1, w ? w.cf : padC);
    out[len++] = mix(before ? TPL.ccm1 : TPL.ccp1, w ? w.cc : padC);
    out[len++] = mix(before ? TPL.cmm1 : TPL.cmp1, w ? w.cm : padC);
    if (w && w.e1 >= 0) out[len++] = mix(before ? TPL.e1m1 : TPL.e1p1, w.e1);
    flagKeys(before ? TPL.gm1 : TPL.gp1, w ? w.flags : 0);
  } else if (rel === -2 || rel === 2) {
    out[len++] = mix(before ? TPL.wm2 : TPL.wp2, w ? w.hf : padH);
    out[len++] = mix(before ? TPL.ccm2 : TPL.ccp2, w ? w.cc : padC);
    flagKeys(before ? TPL.gm2 : TPL.gp2, w ? w.flags : 0);
  } else throw new Error(`neighbourKeys: offset ${rel}`);
  return len;
}

/** Most keys one `neighbourKeys` call can add (6 + one per flag). */
export const MAX_NEIGHBOUR_KEYS = 6 + GAZ_FLAGS.length;

/** What the features of a sentence are computed from (shared by both stages). */
export interface SentenceFeatures {
  n: number;
  info: WordInfo[];
  /** Gazetteer phrase code per position (0 = none, else B-/I- type). */
  phrase: Int32Array;
  /** Hash of the POS signature per position, or null without POS. */
  ph: Uint32Array | null;
}

/** `hashString` of POS signatures (a few hundred distinct strings), memoised. */
const posHashes = new Map<string, number>();

function posHash(p: string): number {
  let h = posHashes.get(p);
  if (h === undefined) {
    if (posHashes.size >= 10_000) posHashes.clear();
    h = hashString(p);
    posHashes.set(p, h);
  }
  return h;
}

export function sentenceFeatures(tokens: readonly string[], res: NerResources, pos?: readonly string[]): SentenceFeatures {
  const n = tokens.length;
  let ph: Uint32Array | null = null;
  if (pos && pos.length === n) {
    ph = new Uint32Array(n);
    for (let i = 0; i < n; i++) ph[i] = posHash(pos[i]);
  }
  const info: WordInfo[] = new Array(n);
  const forms: string[] = new Array(n);
  const starts: boolean[] = new Array(n);
  let any = false;
  const cache = wordCache(res);
  for (let i = 0; i < n; i++) {
    const w = wordInfo(tokens[i], res, cache);
    info[i] = w;
    forms[i] = w.f;
    starts[i] = w.gs;
    if (w.gs) any = true;
  }
  const phrase = new Int32Array(n);
  if (any)
    for (const m of res.gaz.match(forms, starts)) {
      phrase[m.start] = LABEL_CODE[`B-${m.type}`];
      for (let k = m.start + 1; k < m.end; k++) phrase[k] = LABEL_CODE[`I-${m.type}`];
    }
  return { n, info, phrase, ph };
}

/**
 * The keys of position i that depend on more than one word (bigrams, POS,
 * gazetteer phrase, sentence start); at most `MAX_POSITION_KEYS`.
 */
export function positionKeys(sf: SentenceFeatures, i: number, out: Uint32Array, len: number): number {
  const { n, info, phrase, ph } = sf;
  len = pairKeys(sf, i, out, len);
  len = phraseKeys(phrase[i], info[i].hsh, i === 0, out, len);
  if (ph) len = posContextKeys(i > 0 ? ph[i - 1] : null, ph[i], i + 1 < n ? ph[i + 1] : null, out, len);
  return len;
}

export const MAX_POSITION_KEYS = 10;

/*
 * The three parts of `positionKeys`, kept apart for a scorer that sums the
 * weights of the parts over small sets once (`scorer.ts`).
 */

/** The keys of `positionKeys` that pair the word with a neighbour's word: bigrams, cluster|previous word, POS|previous stripped word. */
export function pairKeys(sf: SentenceFeatures, i: number, out: Uint32Array, len: number): number {
  const { n, info, ph } = sf;
  const w = info[i];
  const hm1 = i > 0 ? info[i - 1].hf : PAD_HASH;
  const hp1 = i + 1 < n ? info[i + 1].hf : PAD_END_HASH;
  out[len++] = mix(mix(TPL.bgl, hm1), w.hf);
  out[len++] = mix(mix(TPL.bgr, w.hf), hp1);
  out[len++] = mix(mix(TPL.ccw, w.cc), hm1);
  if (ph) out[len++] = mix(mix(TPL.posw, ph[i]), i > 0 ? info[i - 1].hs : PAD_HASH);
  return len;
}

/** The POS keys of `positionKeys` from the POS hashes of the position and its neighbours (`null` = sentence edge). */
export function posContextKeys(before: number | null, at: number, after: number | null, out: Uint32Array, len: number): number {
  out[len++] = mix(TPL.pos, at);
  out[len++] = mix(TPL.posm1, before ?? PAD_HASH);
  out[len++] = mix(TPL.posp1, after ?? PAD_END_HASH);
  return len;
}

/** The keys of `positionKeys` from the gazetteer phrase code, the shape hash and whether the position opens the sentence. */
export function phraseKeys(phrase: number, hsh: number, first: boolean, out: Uint32Array, len: number): number {
  out[len++] = mix(TPL.gp, phrase);
  out[len++] = mix(mix(TPL.gpsh, phrase), hsh);
  if (first) out[len++] = TPL.first;
  return len;
}

/** Distinct shapes (`WordInfo.hsh`) that get a small number (`WordInfo.shp`). */
export const MAX_SHAPE_IDS = 64;
const shapeIds = new Map<number, number>();

/** A small number for a shape hash (the same for the process's lifetime), or -1 once `MAX_SHAPE_IDS` shapes have one. */
function shapeId(hsh: number): number {
  let id = shapeIds.get(hsh);
  if (id === undefined) {
    if (shapeIds.size >= MAX_SHAPE_IDS) return -1;
    id = shapeIds.size;
    shapeIds.set(hsh, id);
  }
  return id;
}

/** The relative offsets whose words' keys `neighbourKeys` gives. */
export const NEIGHBOUR_OFFSETS = [-2, -1, 1, 2] as const;

/**
 * Feature keys for one sentence of tokens (original strings). Position i owns
 * `keys[offsets[i] .. offsets[i+1])`: the word's own keys, its neighbours'
 * keys (`neighbourKeys`), the position keys (`positionKeys`), and the bias key
 * when `bias` is true.
 */
export function sentenceKeys(tokens: readonly string[], res: NerResources, bias: boolean, pos?: readonly string[]): SentenceKeys {
  return keysOf(sentenceFeatures(tokens, res, pos), bias);
}

/** The flat keys of a sentence's features (training; `scorer.ts` decodes without them). */
export function keysOf(sf: SentenceFeatures, bias: boolean, dropWord?: ArrayLike<number>): SentenceKeys {
  const { n, info } = sf;
  let size = 0;
  for (let i = 0; i < n; i++) size += info[i].own.length + 4 * MAX_NEIGHBOUR_KEYS + MAX_POSITION_KEYS + 1;
  const keys = new Uint32Array(size);
  const offsets = new Int32Array(n + 1);
  let len = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = len;
    const w = info[i];
    // Word dropout (training only): the word's identity keys (form, stripped form, bigrams) left out.
    const drop = dropWord ? dropWord[i] === 1 : false;
    const own = drop ? w.own.subarray(w.nLex) : w.own;
    keys.set(own, len);
    len += own.length;
    for (const rel of NEIGHBOUR_OFFSETS) {
      const j = i + rel;
      len = neighbourKeys(j >= 0 && j < n ? info[j] : null, rel, keys, len);
    }
    const p0 = len;
    len = positionKeys(sf, i, keys, len);
    if (drop) {
      // positionKeys opens with the two word bigrams.
      keys.copyWithin(p0, p0 + 2, len);
      len -= 2;
    }
    if (bias) keys[len++] = BIAS_KEY;
  }
  offsets[n] = len;
  return { keys: keys.subarray(0, len), offsets, info };
}

const HIST_CODE: Record<string, number> = { '-': 0, O: 1, PER: 2, LOC: 3, ORG: 4, MISC: 5 };

/** Number of distinct second-stage contexts of a position (`stackIndex` < this). */
export const STACK_CONTEXTS = 9 * 10 * 10 * 6;

/**
 * The second-stage context of position i as one number: its first-stage
 * label, the labels before and after it (9 = sentence edge) and its document
 * history code. Its keys are `stackKeysOf(index)`.
 */
export function stackIndex(ctx: StackedContext, i: number, n: number): number {
  const l1 = ctx.labels;
  const li = LABEL_CODE[l1[i]] ?? 0;
  const lm = i > 0 ? (LABEL_CODE[l1[i - 1]] ?? 0) : 9;
  const lp = i + 1 < n ? (LABEL_CODE[l1[i + 1]] ?? 0) : 9;
  const h = HIST_CODE[ctx.history[i]] ?? 0;
  return ((li * 10 + lm) * 10 + lp) * 6 + h;
}

/** The second-stage keys (5) of a `stackIndex`. */
export function stackKeysOf(index: number, out: Uint32Array, len: number): number {
  const h = index % 6;
  const lp = Math.floor(index / 6) % 10;
  const lm = Math.floor(index / 60) % 10;
  const li = Math.floor(index / 600);
  out[len++] = mix(TPL.l1, li);
  out[len++] = mix(TPL.l1m1, lm === 9 ? 99 : lm);
  out[len++] = mix(TPL.l1p1, lp === 9 ? 98 : lp);
  out[len++] = mix(TPL.hist, h);
  out[len++] = mix(mix(TPL.histl1, h), li);
  return len;
}

/** The second-stage (stacked) keys of position i (5 keys). */
export function stackKeys(ctx: StackedContext, i: number, n: number, out: Uint32Array, len: number): number {
  return stackKeysOf(stackIndex(ctx, i, n), out, len);
}

/** Append the second-stage (stacked) features to every position's keys. */
export function stackedKeys(base: SentenceKeys, ctx: StackedContext): SentenceKeys {
  const n = base.offsets.length - 1;
  const EXTRA = 5;
  const keys = new Uint32Array(base.keys.length + n * EXTRA);
  const offsets = new Int32Array(n + 1);
  let len = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = len;
    keys.set(base.keys.subarray(base.offsets[i], base.offsets[i + 1]), len);
    len += base.offsets[i + 1] - base.offsets[i];
    len = stackKeys(ctx, i, n, keys, len);
  }
  offsets[n] = len;
  return { keys: keys.subarray(0, len), offsets, info: base.info };
}
