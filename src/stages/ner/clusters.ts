/**
 * Word clusters learnt from unlabelled news text, used as NER features.
 *
 * A cheap alternative to Brown clustering: every frequent word is described by
 * the words that appear one and two positions to its left and right (positive
 * PMI over the most frequent context words, top entries kept), and these
 * vectors are grouped by spherical k-means into `fine` clusters; the fine
 * centroids are then grouped again into `mid` and `coarse` clusters, and every fine cluster
 * is split into 4 `sub` clusters: four levels, like Brown-cluster prefixes.
 *
 * File format (`models/ner-clusters.tsv`): a header line starting with `#`,
 * then one line per word: `word<TAB>coarse<TAB>mid<TAB>fine<TAB>sub` (word in
 * matching form, cluster numbers in decimal).
 */
import { readFileSync } from 'node:fs';
import { seededRandom } from '../../learn/index.ts';
import { matchForm } from '../../text/normalize.ts';

export interface ClusterOptions {
  /** Words seen fewer times are not clustered. */
  minCount?: number;
  /** At most this many words are clustered (the most frequent). */
  maxWords?: number;
  /** Number of context words (the most frequent) on each side. */
  contexts?: number;
  /** Context entries kept per word (highest PPMI). */
  keep?: number;
  fine?: number;
  mid?: number;
  coarse?: number;
  iterations?: number;
  /** Progress messages. */
  log?: (msg: string) => void;
}

export interface Clusters {
  coarse: Map<string, number>;
  mid: Map<string, number>;
  fine: Map<string, number>;
  /** Sub-clusters of the fine clusters: fine * SUB + k. */
  sub: Map<string, number>;
}

/** Sub-clusters per fine cluster. */
const SUB = 4;

function isWordChar(c: number): boolean {
  return (
    (c >= 0x0621 && c <= 0x064a) ||
    (c >= 0x064b && c <= 0x0652) ||
    (c >= 0x0660 && c <= 0x0669) ||
    (c >= 0x0671 && c <= 0x06d3) ||
    (c >= 0x06f0 && c <= 0x06f9) ||
    c === 0x0640 ||
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a)
  );
}

/** Split text into word tokens (runs of letters and digits) in matching form, calling `f` for each; `f('')` marks a break. */
export function forEachWord(text: string, f: (w: string) => void): void {
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (!isWordChar(c)) {
      // Sentence punctuation breaks the context window.
      if (c === 0x2e || c === 0x061f || c === 0x21 || c === 0x3f || c === 0x0a || c === 0x061b) f('');
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && isWordChar(text.charCodeAt(j))) j++;
    const w = matchForm(text.slice(i, j));
    f(/^[0-9]+$/.test(w) ? '0' : w.toLowerCase());
    i = j;
  }
}

/** Spherical k-means over sparse unit vectors; returns the assignment and the dense centroids. */
function kmeans(
  idx: Int32Array[],
  val: Float32Array[],
  dim: number,
  k: number,
  iterations: number,
  seed: number,
  log?: (m: string) => void,
): { assign: Int32Array; centroids: Float32Array } {
  const n = idx.length;
  const cent = new Float32Array(k * dim);
  const rand = seededRandom(seed); // seeded, so cluster files are reproducible
  // Initialise from k distinct words drawn among the frequent half.
  const chosen = new Set<number>();
  const pool = Math.max(k, Math.floor(n / 2));
  while (chosen.size < Math.min(k, n)) chosen.add(Math.floor(rand() * pool) % n);
  let c = 0;
  for (const w of chosen) {
    const ix = idx[w];
    const vx = val[w];
    for (let j = 0; j < ix.length; j++) cent[c * dim + ix[j]] = vx[j];
    c++;
  }
  const assign = new Int32Array(n).fill(-1);
  for (let it = 0; it < iterations; it++) {
    let changed = 0;
    for (let w = 0; w < n; w++) {
      const ix = idx[w];
      const vx = val[w];
      let best = 0;
      let bestScore = -1;
      for (let q = 0; q < k; q++) {
        const base = q * dim;
        let s = 0;
        for (let j = 0; j < ix.length; j++) s += cent[base + ix[j]] * vx[j];
        if (s > bestScore) {
          bestScore = s;
          best = q;
        }
      }
      if (assign[w] !== best) changed++;
      assign[w] = best;
    }
    cent.fill(0);
    for (let w = 0; w < n; w++) {
      const base = assign[w] * dim;
      const ix = idx[w];
      const vx = val[w];
      for (let j = 0; j < ix.length; j++) cent[base + ix[j]] += vx[j];
    }
    for (let q = 0; q < k; q++) {
      let norm = 0;
      for (let d = 0; d < dim; d++) norm += cent[q * dim + d] ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dim; d++) cent[q * dim + d] /= norm;
    }
    log?.(`k-means k=${k} iteration ${it + 1}/${iterations}: ${changed} changed`);
    if (changed < n / 1000) break;
  }
  return { assign, centroids: cent };
}

/** A corpus as word numbers in order of first appearance (-1 between texts and sentences), with each word's count. */
export function encodeCorpus(texts: Iterable<string>): { ids: Map<string, number>; counts: number[]; seq: Int32Array; len: number } {
  const ids = new Map<string, number>();
  const counts: number[] = [];
  let seq = new Int32Array(1 << 20);
  let len = 0;
  const push = (id: number): void => {
    if (len >= seq.length) {
      const s2 = new Int32Array(seq.length * 2);
      s2.set(seq);
      seq = s2;
    }
    seq[len++] = id;
  };
  for (const text of texts) {
    forEachWord(text, (w) => {
      if (w === '') {
        if (len > 0 && seq[len - 1] !== -1) push(-1);
        return;
      }
      let id = ids.get(w);
      if (id === undefined) {
        id = counts.length;
        ids.set(w, id);
        counts.push(0);
      }
      counts[id]++;
      push(id);
    });
    if (len > 0 && seq[len - 1] !== -1) push(-1);
  }
  return { ids, counts, seq, len };
}

/** Learn clusters from texts (an iterable of documents). */
export function learnClusters(texts: Iterable<string>, opts: ClusterOptions = {}): Clusters {
  const minCount = opts.minCount ?? 4;
  const maxWords = opts.maxWords ?? 80000;
  const nCtx = opts.contexts ?? 1500;
  const keep = opts.keep ?? 60;
  const fineK = opts.fine ?? 512;
  const coarseK = opts.coarse ?? 64;
  const iterations = opts.iterations ?? 10;
  const log = opts.log;

  // Pass 1: vocabulary, and the corpus as integer ids (-1 = break).
  const { ids, counts: freq, seq, len } = encodeCorpus(texts);
  const words = [...ids.keys()];
  const order = words.map((_, i) => i).sort((a, b) => freq[b] - freq[a]);
  log?.(`${len} tokens, ${words.length} word types`);
  const ctxIndex = new Int32Array(words.length).fill(-1);
  for (let r = 0; r < Math.min(nCtx, order.length); r++) ctxIndex[order[r]] = r;
  const target = new Int32Array(words.length).fill(-1);
  const targets: number[] = [];
  for (const id of order) {
    if (freq[id] < minCount || targets.length >= maxWords) break;
    target[id] = targets.length;
    targets.push(id);
  }
  const dim = 4 * nCtx + 2; // left, right, second left, second right contexts, left break, right break
  log?.(`clustering ${targets.length} words over ${dim} context features`);

  // Pass 2: co-occurrence counts.
  const counts: Map<number, number>[] = targets.map(() => new Map());
  const ctxTotals = new Float64Array(dim);
  const bump = (m: Map<number, number>, f: number): void => {
    m.set(f, (m.get(f) ?? 0) + 1);
    ctxTotals[f]++;
  };
  for (let i = 0; i < len; i++) {
    const t = seq[i] < 0 ? -1 : target[seq[i]];
    if (t < 0) continue;
    const m = counts[t];
    const l = i > 0 ? seq[i - 1] : -1;
    const r = i + 1 < len ? seq[i + 1] : -1;
    if (l < 0) bump(m, 4 * nCtx);
    else if (ctxIndex[l] >= 0) bump(m, ctxIndex[l]);
    if (r < 0) bump(m, 4 * nCtx + 1);
    else if (ctxIndex[r] >= 0) bump(m, nCtx + ctxIndex[r]);
    // Second words on each side, within the same sentence.
    if (l >= 0 && i > 1 && seq[i - 2] >= 0 && ctxIndex[seq[i - 2]] >= 0) bump(m, 2 * nCtx + ctxIndex[seq[i - 2]]);
    if (r >= 0 && i + 2 < len && seq[i + 2] >= 0 && ctxIndex[seq[i + 2]] >= 0) bump(m, 3 * nCtx + ctxIndex[seq[i + 2]]);
  }

  // PPMI vectors with context-distribution smoothing (counts^0.75), top entries, unit length.
  let smoothTotal = 0;
  for (let f = 0; f < dim; f++) smoothTotal += ctxTotals[f] ** 0.75;
  const idx: Int32Array[] = [];
  const val: Float32Array[] = [];
  for (let t = 0; t < targets.length; t++) {
    const m = counts[t];
    let wTotal = 0;
    for (const v of m.values()) wTotal += v;
    const entries: [number, number][] = [];
    for (const [f, v] of m) {
      const pmi = Math.log(v / wTotal / (ctxTotals[f] ** 0.75 / smoothTotal));
      if (pmi > 0) entries.push([f, pmi]);
    }
    entries.sort((a, b) => b[1] - a[1]);
    const top = entries.slice(0, keep);
    let norm = 0;
    for (const [, v] of top) norm += v * v;
    norm = Math.sqrt(norm) || 1;
    idx.push(Int32Array.from(top.map((e) => e[0])));
    val.push(Float32Array.from(top.map((e) => e[1] / norm)));
  }
  counts.length = 0;

  const fine = kmeans(idx, val, dim, fineK, iterations, 1, log);
  // Coarse level: cluster the fine centroids.
  const cIdx: Int32Array[] = [];
  const cVal: Float32Array[] = [];
  for (let q = 0; q < fineK; q++) {
    const ix: number[] = [];
    const vx: number[] = [];
    for (let d = 0; d < dim; d++) {
      const v = fine.centroids[q * dim + d];
      if (v !== 0) {
        ix.push(d);
        vx.push(v);
      }
    }
    cIdx.push(Int32Array.from(ix));
    cVal.push(Float32Array.from(vx));
  }
  const coarse = kmeans(cIdx, cVal, dim, coarseK, 20, 2);
  const mid = kmeans(cIdx, cVal, dim, opts.mid ?? 200, 20, 3);
  // Finest level: split every fine cluster in SUB parts (k-means inside the cluster).
  const subAssign = new Int32Array(targets.length);
  const members: number[][] = Array.from({ length: fineK }, () => []);
  for (let t = 0; t < targets.length; t++) members[fine.assign[t]].push(t);
  for (let q = 0; q < fineK; q++) {
    const m = members[q];
    if (m.length <= SUB) {
      m.forEach((t, k) => {
        subAssign[t] = q * SUB + k;
      });
      continue;
    }
    const r = kmeans(
      m.map((t) => idx[t]),
      m.map((t) => val[t]),
      dim,
      SUB,
      8,
      q + 10,
    );
    m.forEach((t, k) => {
      subAssign[t] = q * SUB + r.assign[k];
    });
  }
  const out: Clusters = { coarse: new Map(), mid: new Map(), fine: new Map(), sub: new Map() };
  for (let t = 0; t < targets.length; t++) {
    const w = words[targets[t]];
    out.fine.set(w, fine.assign[t]);
    out.coarse.set(w, coarse.assign[fine.assign[t]]);
    out.mid.set(w, mid.assign[fine.assign[t]]);
    out.sub.set(w, subAssign[t]);
  }
  return out;
}

/** Serialise clusters in the TSV format described above. */
export function formatClusters(c: Clusters, header: string): string {
  const lines = [`# ${header.replace(/\n/g, ' ')}`];
  for (const [w, f] of c.fine) lines.push(`${w}\t${c.coarse.get(w) ?? 0}\t${c.mid.get(w) ?? 0}\t${f}\t${c.sub.get(w) ?? 0}`);
  return `${lines.join('\n')}\n`;
}

/** Read a cluster file; an absent file gives empty maps. */
export function loadClusters(path: string): Clusters {
  const out: Clusters = { coarse: new Map(), mid: new Map(), fine: new Map(), sub: new Map() };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return out;
  }
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const f = line.split('\t');
    if (f.length < 3) continue;
    const w = f[0];
    out.coarse.set(w, Number(f[1]));
    if (f.length >= 5) {
      out.mid.set(w, Number(f[2]));
      out.fine.set(w, Number(f[3]));
      out.sub.set(w, Number(f[4]));
    } else out.fine.set(w, Number(f[2]));
  }
  return out;
}

/** Titles and bodies of the ANT news corpus subset (train split only), one string per article. */
export function* antTexts(path: string): Generator<string> {
  const text = readFileSync(path, 'utf8');
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (line.trim() === '') continue;
    const rec = JSON.parse(line) as { title?: string; text?: string; split?: string };
    if (rec.split === 'test') continue;
    yield `${rec.title ?? ''}\n${rec.text ?? ''}`;
  }
}
