/**
 * CoNLL entity-level scoring (as conlleval): an entity counts when its span
 * and its type are exactly right. Tags are IOB2; an `I-X` that does not
 * continue an `X` starts a new entity (conlleval's reading).
 */

export interface EntitySpan {
  start: number;
  /** Exclusive. */
  end: number;
  type: string;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export interface NerScore {
  overall: PRF;
  byType: Record<string, PRF>;
  tokens: number;
  /** Token accuracy. */
  accuracy: number;
}

/** Entity spans of one tag sequence. */
export function entitySpans(tags: readonly string[]): EntitySpan[] {
  const out: EntitySpan[] = [];
  let cur: EntitySpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const t = tags[i];
    const type = t.length > 2 && (t[0] === 'B' || t[0] === 'I') && t[1] === '-' ? t.slice(2) : '';
    const begins = type !== '' && (t[0] === 'B' || !cur || cur.type !== type);
    if (cur && (type === '' || begins)) {
      cur.end = i;
      out.push(cur);
      cur = null;
    }
    if (begins) cur = { start: i, end: i + 1, type };
  }
  if (cur) {
    cur.end = tags.length;
    out.push(cur);
  }
  return out;
}

function prf(tp: number, fp: number, fn: number): PRF {
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, tp, fp, fn };
}

/** Score predicted tag sequences against gold ones (same sentences, same lengths). */
export function scoreNer(gold: readonly (readonly string[])[], pred: readonly (readonly string[])[]): NerScore {
  if (gold.length !== pred.length) throw new Error(`scoreNer: ${gold.length} gold sentences but ${pred.length} predicted`);
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const get = (t: string) => {
    let c = counts.get(t);
    if (!c) {
      c = { tp: 0, fp: 0, fn: 0 };
      counts.set(t, c);
    }
    return c;
  };
  let tokens = 0;
  let correct = 0;
  for (let s = 0; s < gold.length; s++) {
    const g = gold[s];
    const p = pred[s];
    if (g.length !== p.length) throw new Error(`scoreNer: sentence ${s + 1} has ${g.length} gold tags but ${p.length} predicted`);
    tokens += g.length;
    for (let i = 0; i < g.length; i++) if (g[i] === p[i]) correct++;
    const gs = entitySpans(g);
    const ps = entitySpans(p);
    const key = (e: EntitySpan): string => `${e.start}:${e.end}:${e.type}`;
    const gset = new Set(gs.map(key));
    const pset = new Set(ps.map(key));
    for (const e of ps) {
      if (gset.has(key(e))) get(e.type).tp++;
      else get(e.type).fp++;
    }
    for (const e of gs) if (!pset.has(key(e))) get(e.type).fn++;
  }
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const byType: Record<string, PRF> = {};
  for (const t of [...counts.keys()].sort()) {
    const c = counts.get(t)!;
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
    byType[t] = prf(c.tp, c.fp, c.fn);
  }
  return { overall: prf(tp, fp, fn), byType, tokens, accuracy: tokens === 0 ? 0 : correct / tokens };
}

/** A conlleval-like text table. */
export function formatScore(s: NerScore): string {
  const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);
  const row = (name: string, r: PRF): string =>
    `${name.padEnd(8)} ${pct(r.precision)} ${pct(r.recall)} ${pct(r.f1)} ${String(r.tp + r.fn).padStart(6)} ${String(r.tp + r.fp).padStart(6)}`;
  const lines = [
    `tokens ${s.tokens}, token accuracy ${(100 * s.accuracy).toFixed(2)}%`,
    `${'type'.padEnd(8)}   prec    rec     F1   gold   pred`,
  ];
  lines.push(row('overall', s.overall));
  for (const [t, r] of Object.entries(s.byType)) lines.push(row(t, r));
  return `${lines.join('\n')}\n`;
}
