/**
 * Incremental story clustering: each new article joins the most similar story
 * active within a sliding time window (default ±3 days), or starts a new one.
 * Similarity is the cosine between the article's TF-IDF vector (analysed terms,
 * IDF from the documents seen so far) plus its entities and the story centroid.
 */
import type { StoryRow } from '../store/types.ts';

export interface StoryOptions {
  /** Days either side of a story's time span in which an article can join it. */
  windowDays?: number;
  /** Minimum cosine similarity to join a story. */
  threshold?: number;
  /** Terms kept in an article vector / story centroid. */
  docTerms?: number;
  centroidTerms?: number;
}

interface Story {
  row: StoryRow;
  norm: number;
  firstDay: number | null;
  lastDay: number | null;
  /** Terms and weeks already in the postings (so an update only posts what is new). */
  postedTerms: Set<string>;
  postedWeeks: Set<string>;
  /** The centroid as a Map (fast lookups); `row.centroid` is refreshed from it when persisted. */
  cmap: Map<string, number>;
}

const DAY = 86_400_000;
/** Centroid terms a story is findable by. */
const POSTED_TERMS = 24;

function dayNumber(d: string | null | undefined): number | null {
  if (!d) return null;
  const t = Date.parse(d.slice(0, 10));
  return Number.isNaN(t) ? null : Math.floor(t / DAY);
}

function norm(v: Record<string, number>): number {
  let s = 0;
  for (const k in v) s += v[k] * v[k];
  return Math.sqrt(s);
}

/** The n largest entries, largest first (ties by term, so results do not depend on insertion order). */
function topN(v: Map<string, number>, n: number): Map<string, number> {
  const entries = [...v];
  entries.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return new Map(entries.length > n ? entries.slice(0, n) : entries);
}

function mapNorm(v: Map<string, number>): number {
  let s = 0;
  for (const x of v.values()) s += x * x;
  return Math.sqrt(s);
}

function isNumber(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

export class StoryClusterer {
  private stories = new Map<number, Story>();
  private postings = new Map<string, Set<number>>();
  private df = new Map<string, number>();
  private docs = 0;
  private nextId: number;
  private readonly windowDays: number;
  private readonly threshold: number;
  private readonly docTerms: number;
  private readonly centroidTerms: number;
  /** Stories changed since the last `takeDirty()`. */
  private dirty = new Set<number>();

  constructor(existing: StoryRow[], maxId: number, opts: StoryOptions = {}) {
    this.windowDays = opts.windowDays ?? 3;
    this.threshold = opts.threshold ?? 0.25;
    this.docTerms = opts.docTerms ?? 30;
    this.centroidTerms = opts.centroidTerms ?? 60;
    this.nextId = maxId + 1;
    for (const row of existing) {
      this.put(row);
      // Seed document frequencies from persisted centroids (an approximation after a restart).
      for (const t in row.centroid) this.df.set(t, (this.df.get(t) ?? 0) + row.size);
      this.docs += row.size;
    }
  }

  /**
   * Postings are keyed by term and week, and a story is posted under every week
   * its window touches, so a lookup only meets stories active around the
   * article's date (the cost does not grow with the corpus). Undated stories
   * and articles use the week key "x".
   */
  private weeks(firstDay: number | null, lastDay: number | null): string[] {
    if (firstDay === null || lastDay === null) return ['x'];
    const out: string[] = [];
    for (let w = Math.floor((firstDay - this.windowDays) / 7); w <= Math.floor((lastDay + this.windowDays) / 7); w++) out.push(String(w));
    return out;
  }

  private postPairs(id: number, terms: Iterable<string>, weeks: Iterable<string>): void {
    const ws = [...weeks];
    for (const t of terms) {
      for (const w of ws) {
        const k = `${t}|${w}`;
        let p = this.postings.get(k);
        if (!p) this.postings.set(k, (p = new Set()));
        p.add(id);
      }
    }
  }

  /** Post the story's current terms × weeks that are not posted yet. */
  private post(s: Story): void {
    const weeks = this.weeks(s.firstDay, s.lastDay);
    const newWeeks = weeks.filter((w) => !s.postedWeeks.has(w));
    // Only the story's strongest terms are posted (candidates); the cosine uses the whole centroid.
    const newTerms = [...s.cmap.keys()].slice(0, POSTED_TERMS).filter((t) => !s.postedTerms.has(t));
    if (newTerms.length) this.postPairs(s.row.id, newTerms, [...s.postedWeeks, ...newWeeks]);
    if (newWeeks.length) this.postPairs(s.row.id, s.postedTerms, newWeeks);
    for (const t of newTerms) s.postedTerms.add(t);
    for (const w of newWeeks) s.postedWeeks.add(w);
  }

  private put(row: StoryRow): void {
    const s: Story = {
      row,
      norm: norm(row.centroid),
      firstDay: dayNumber(row.firstPublished),
      lastDay: dayNumber(row.lastPublished),
      postedTerms: new Set(),
      postedWeeks: new Set(),
      cmap: new Map(Object.entries(row.centroid)),
    };
    this.stories.set(row.id, s);
    this.post(s);
  }

  /** TF-IDF vector of an article (top terms, largest first, unit length), updating document frequencies. */
  vector(termCounts: Iterable<[string, number]>, entities: string[]): Map<string, number> {
    const tf = new Map<string, number>();
    for (const [t, n] of termCounts) if (t.length > 1 && !isNumber(t)) tf.set(t, (tf.get(t) ?? 0) + n);
    for (const e of entities) tf.set(`@${e}`, (tf.get(`@${e}`) ?? 0) + 2);
    this.docs++;
    const logN = Math.log(this.docs + 1);
    const w = new Map<string, number>();
    for (const [t, n] of tf) {
      const df = (this.df.get(t) ?? 0) + 1;
      this.df.set(t, df);
      w.set(t, (1 + Math.log(n)) * (logN - Math.log(df + 0.5)));
    }
    const v = topN(w, this.docTerms);
    const nv = mapNorm(v) || 1;
    for (const [k, x] of v) v.set(k, x / nv);
    return v;
  }

  /** Assign an article (already vectorised) to a story; returns the story id. */
  assign(vec: Map<string, number>, pubDate: string | null | undefined, label: string): number {
    const day = dayNumber(pubDate);
    const cand = new Set<number>();
    const week = day === null ? 'x' : String(Math.floor(day / 7));
    let n = 0;
    for (const k of vec.keys()) {
      if (n++ >= 12) break;
      const p = this.postings.get(`${k}|${week}`);
      if (p) for (const id of p) cand.add(id);
    }
    let best: Story | null = null;
    let bestSim = this.threshold;
    for (const id of cand) {
      const s = this.stories.get(id)!;
      if (day !== null && s.firstDay !== null && s.lastDay !== null) {
        if (day < s.firstDay - this.windowDays || day > s.lastDay + this.windowDays) continue;
      }
      let dot = 0;
      for (const [k, x] of vec) {
        const c = s.cmap.get(k);
        if (c !== undefined) dot += x * c;
      }
      const sim = dot / (s.norm || 1);
      if (sim > bestSim || (sim === bestSim && best && id < best.row.id)) {
        bestSim = sim;
        best = s;
      }
    }
    const date = pubDate ?? null;
    if (!best) {
      const row: StoryRow = {
        id: this.nextId++,
        firstPublished: date,
        lastPublished: date,
        size: 1,
        label,
        centroid: Object.fromEntries(vec),
      };
      this.put(row);
      this.dirty.add(row.id);
      return row.id;
    }
    const row = best.row;
    const sum = new Map(best.cmap);
    for (const [k, x] of vec) sum.set(k, (sum.get(k) ?? 0) + x);
    best.cmap = topN(sum, this.centroidTerms);
    row.size++;
    if (date && (!row.firstPublished || date < row.firstPublished)) row.firstPublished = date;
    if (date && (!row.lastPublished || date > row.lastPublished)) row.lastPublished = date;
    best.norm = mapNorm(best.cmap);
    best.firstDay = dayNumber(row.firstPublished);
    best.lastDay = dayNumber(row.lastPublished);
    this.post(best);
    this.dirty.add(row.id);
    return row.id;
  }

  /** Count a duplicate in its first copy's story. */
  addDuplicate(storyId: number | null): void {
    if (storyId === null) return;
    const s = this.stories.get(storyId);
    if (!s) return;
    s.row.size++;
    this.dirty.add(storyId);
  }

  /** Story rows changed since the last call (to persist with the batch). */
  takeDirty(): StoryRow[] {
    const out = [...this.dirty].map((id) => {
      const s = this.stories.get(id)!;
      s.row.centroid = Object.fromEntries(s.cmap);
      return { ...s.row, centroid: { ...s.row.centroid } };
    });
    this.dirty.clear();
    return out;
  }

  /** Undo-free checkpoint: callers persist `takeDirty()` with the same transaction as the articles. */
  get count(): number {
    return this.stories.size;
  }
}
