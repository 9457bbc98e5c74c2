/**
 * NER features: the same function feeds training and prediction, so a model
 * always sees what it was trained on. Features are hashed keys (see
 * `src/learn`): the word and its clitic-stripped form, affixes, shape, the
 * words and clusters at ±2, gazetteer flags of the word and its neighbours, and
 * the gazetteer phrase (B-/I-type) covering the word.
 */
import { stripClitics } from '../../kb/clitics.ts';
import { BIAS_KEY, featureKey, hashString, template } from '../../learn/index.ts';
import { matchForm } from '../../text/normalize.ts';
import type { Clusters } from './clusters.ts';
import { GAZ_FLAGS, type NerGazetteer } from './gazetteer.ts';

/** Bumped whenever the feature set changes; stored in the model and checked at load. */
export const FEATURES_VERSION = 'ner-f6';

export interface NerResources {
  gaz: NerGazetteer;
  clusters: Clusters;
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
): string[][] {
  const forms = sentences.map((toks) => toks.map(historyForm));
  // Per sentence: form -> counts of [O, PER, LOC, ORG, MISC].
  const TYPES = ['O', 'PER', 'LOC', 'ORG', 'MISC'];
  const per: Map<string, Int32Array>[] = forms.map((f, si) => {
    const m = new Map<string, Int32Array>();
    for (let i = 0; i < f.length; i++) {
      if (!f[i]) continue;
      const l = labels[si][i];
      const t = l === 'O' ? 0 : Math.max(0, TYPES.indexOf(l.slice(2)));
      let c = m.get(f[i]);
      if (!c) {
        c = new Int32Array(5);
        m.set(f[i], c);
      }
      c[t]++;
    }
    return m;
  });
  return forms.map((f, si) => {
    const lo = Math.max(0, si - window);
    const hi = Math.min(forms.length, si + window + 1);
    return f.map((form) => {
      if (!form) return '-';
      const tot = new Int32Array(5);
      let seen = false;
      for (let k = lo; k < hi; k++) {
        if (k === si) continue;
        const c = per[k].get(form);
        if (!c) continue;
        seen = true;
        for (let t = 0; t < 5; t++) tot[t] += c[t];
      }
      if (!seen) return '-';
      let best = 0;
      for (let t = 1; t < 5; t++) if (tot[t] > tot[best] || (best === 0 && tot[t] > 0)) best = t;
      return TYPES[best];
    });
  });
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
  /** Gazetteer flags of the word or its stripped form. */
  flags: number;
  /** Hash of the shape. */
  hsh: number;
  /** The word's own feature keys (form, affixes, shape, clusters, gazetteer flags). */
  own: Uint32Array;
}

const PAD_HASH = hashString('<s>');
const PAD_END_HASH = hashString('</s>');
const CACHE_MAX = 50_000;
const infoCache = new WeakMap<NerResources, Map<string, WordInfo>>();

function wordInfo(token: string, res: NerResources): WordInfo {
  let cache = infoCache.get(res);
  if (!cache) {
    cache = new Map();
    infoCache.set(res, cache);
  }
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
  if (flags === 0) own.push(mix(TPL.g, 0));
  else for (let b = 0; b < GAZ_FLAGS.length; b++) if (flags & (1 << b)) own.push(mix(TPL.g, b + 1));
  const info: WordInfo = { f, hf: hashString(f), hs: hashString(st), cf, cc, cm, flags, hsh: hashString(sh), own: Uint32Array.from(own) };
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(token, info);
  return info;
}

const PHRASE_CODE: Record<string, number> = {
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
const LABEL_CODE = PHRASE_CODE;

/**
 * Feature keys for one sentence of tokens (original strings). Position i owns
 * `keys[offsets[i] .. offsets[i+1])`; the bias key is included when `bias` is true
 * (prediction), left out for training (the trainer appends it).
 */
export function sentenceKeys(tokens: readonly string[], res: NerResources, bias: boolean, pos?: readonly string[]): SentenceKeys {
  const n = tokens.length;
  const ph = pos && pos.length === n ? pos.map((p) => hashString(p)) : null;
  const info: WordInfo[] = new Array(n);
  const forms: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    info[i] = wordInfo(tokens[i], res);
    forms[i] = info[i].f;
  }
  const phrase = new Int32Array(n);
  for (const m of res.gaz.match(forms)) {
    phrase[m.start] = PHRASE_CODE[`B-${m.type}`];
    for (let k = m.start + 1; k < m.end; k++) phrase[k] = PHRASE_CODE[`I-${m.type}`];
  }
  let size = 0;
  // Per position at most: 17 context keys, 4 × 7 neighbour flags, 2 phrase keys, start, 4 POS keys, bias.
  for (let i = 0; i < n; i++) size += info[i].own.length + 64;
  const keys = new Uint32Array(size);
  const offsets = new Int32Array(n + 1);
  let len = 0;
  const flagKeys = (tpl: number, bits: number): void => {
    if (bits === 0) {
      keys[len++] = mix(tpl, 0);
      return;
    }
    for (let b = 0; b < GAZ_FLAGS.length; b++) if (bits & (1 << b)) keys[len++] = mix(tpl, b + 1);
  };
  for (let i = 0; i < n; i++) {
    offsets[i] = len;
    const w = info[i];
    keys.set(w.own, len);
    len += w.own.length;
    const hm1 = i > 0 ? info[i - 1].hf : PAD_HASH;
    const hp1 = i + 1 < n ? info[i + 1].hf : PAD_END_HASH;
    keys[len++] = mix(TPL.wm1, hm1);
    keys[len++] = mix(TPL.wp1, hp1);
    keys[len++] = mix(TPL.wm2, i > 1 ? info[i - 2].hf : PAD_HASH);
    keys[len++] = mix(TPL.wp2, i + 2 < n ? info[i + 2].hf : PAD_END_HASH);
    keys[len++] = mix(TPL.sm1, i > 0 ? info[i - 1].hs : PAD_HASH);
    keys[len++] = mix(TPL.sp1, i + 1 < n ? info[i + 1].hs : PAD_END_HASH);
    keys[len++] = mix(mix(TPL.bgl, hm1), w.hf);
    keys[len++] = mix(mix(TPL.bgr, w.hf), hp1);
    keys[len++] = mix(TPL.cfm1, i > 0 ? info[i - 1].cf : 0xfffff);
    keys[len++] = mix(TPL.cfp1, i + 1 < n ? info[i + 1].cf : 0xffffe);
    keys[len++] = mix(TPL.ccm1, i > 0 ? info[i - 1].cc : 0xfffff);
    keys[len++] = mix(TPL.ccp1, i + 1 < n ? info[i + 1].cc : 0xffffe);
    keys[len++] = mix(TPL.ccm2, i > 1 ? info[i - 2].cc : 0xfffff);
    keys[len++] = mix(TPL.ccp2, i + 2 < n ? info[i + 2].cc : 0xffffe);
    keys[len++] = mix(TPL.cmm1, i > 0 ? info[i - 1].cm : 0xfffff);
    keys[len++] = mix(TPL.cmp1, i + 1 < n ? info[i + 1].cm : 0xffffe);
    keys[len++] = mix(mix(TPL.ccw, w.cc), hm1);
    flagKeys(TPL.gm1, i > 0 ? info[i - 1].flags : 0);
    flagKeys(TPL.gp1, i + 1 < n ? info[i + 1].flags : 0);
    flagKeys(TPL.gm2, i > 1 ? info[i - 2].flags : 0);
    flagKeys(TPL.gp2, i + 2 < n ? info[i + 2].flags : 0);
    keys[len++] = mix(TPL.gp, phrase[i]);
    keys[len++] = mix(mix(TPL.gpsh, phrase[i]), w.hsh);
    if (i === 0) keys[len++] = TPL.first;
    if (ph) {
      keys[len++] = mix(TPL.pos, ph[i]);
      keys[len++] = mix(TPL.posm1, i > 0 ? ph[i - 1] : PAD_HASH);
      keys[len++] = mix(TPL.posp1, i + 1 < n ? ph[i + 1] : PAD_END_HASH);
      keys[len++] = mix(mix(TPL.posw, ph[i]), i > 0 ? info[i - 1].hs : PAD_HASH);
    }
    if (bias) keys[len++] = BIAS_KEY;
  }
  offsets[n] = len;
  return { keys: keys.subarray(0, len), offsets, info };
}

const HIST_CODE: Record<string, number> = { '-': 0, O: 1, PER: 2, LOC: 3, ORG: 4, MISC: 5 };

/** Append the second-stage (stacked) features to every position's keys. */
export function stackedKeys(base: SentenceKeys, ctx: StackedContext): SentenceKeys {
  const n = base.offsets.length - 1;
  const EXTRA = 5;
  const keys = new Uint32Array(base.keys.length + n * EXTRA);
  const offsets = new Int32Array(n + 1);
  const l1 = ctx.labels;
  let len = 0;
  for (let i = 0; i < n; i++) {
    offsets[i] = len;
    keys.set(base.keys.subarray(base.offsets[i], base.offsets[i + 1]), len);
    len += base.offsets[i + 1] - base.offsets[i];
    const li = LABEL_CODE[l1[i]] ?? 0;
    const h = HIST_CODE[ctx.history[i]] ?? 0;
    keys[len++] = mix(TPL.l1, li);
    keys[len++] = mix(TPL.l1m1, i > 0 ? (LABEL_CODE[l1[i - 1]] ?? 0) : 99);
    keys[len++] = mix(TPL.l1p1, i + 1 < n ? (LABEL_CODE[l1[i + 1]] ?? 0) : 98);
    keys[len++] = mix(TPL.hist, h);
    keys[len++] = mix(mix(TPL.histl1, h), li);
  }
  offsets[n] = len;
  return { keys: keys.subarray(0, len), offsets, info: base.info };
}
