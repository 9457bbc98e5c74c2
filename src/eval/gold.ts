/**
 * Scores analyses against the gold articles with the rules of the reference
 * scorer `gold/scoring/score_gold.py` (re-implemented faithfully: the same
 * matching form, the same word overlap, the same speaker and source rules,
 * the same rounding), plus a per-type breakdown of events.
 */
import type { GoldAnnotation } from '../corpora/gold.ts';

/** A prediction record as `khabar analyze --format jsonl --json` writes it (only the fields the scorer reads). */
export interface PredRecord {
  id?: string;
  article?: { id?: string };
  entities?: Array<Record<string, unknown>> | null;
  quotes?: Array<Record<string, unknown>> | null;
  events?: Array<Record<string, unknown>> | null;
}

export interface PRF {
  p: number;
  r: number;
  f1: number;
  pred: number;
  gold: number;
}

export interface GoldScores {
  articles: number;
  missing: number;
  entities: PRF;
  linking_acc: number;
  quotes: PRF;
  events: PRF;
  /** Not in the Python scorer: events by PLOVER type. */
  eventsByType?: Record<string, PRF>;
}

const DIAC = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
const MAP: Record<string, string> = { أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ى: 'ي', ة: 'ه', ؤ: 'و', ئ: 'ي' };
const MAP_RE = /[أإآٱىةؤئ]/g;

/** arnorm.norm: no diacritics/tatweel, one alef, ya, ha; trimmed. */
export function norm(s: unknown): string {
  if (typeof s !== 'string' || !s) return '';
  return s
    .replace(DIAC, '')
    .replace(MAP_RE, (c) => MAP[c])
    .replace(/^[\s\u001c-\u001f\u0085]+|[\s\u001c-\u001f\u0085]+$/gu, '');
}

const WORD_RE = /[\p{L}\p{N}_\u0600-\u06ff]+/gu;

/** arnorm.words: runs of word characters (Python's \w plus the Arabic block) of the matching form. */
export function words(s: unknown): string[] {
  return norm(s).match(WORD_RE) ?? [];
}

/** arnorm.keys: matching forms of a name, also without a fused preposition or conjunction. */
export function keys(s: unknown): Set<string> {
  const n = norm(s);
  const out = new Set<string>();
  if (n) out.add(n);
  if (n.startsWith('لل')) out.add(`ال${n.slice(2)}`);
  for (const p of ['وال', 'فال', 'بال', 'كال']) if (n.startsWith(p)) out.add(n.slice(1));
  if (n.slice(0, 1) === 'ل' && n.length > 3 && !n.startsWith('ال')) out.add(`ال${n.slice(1)}`);
  return out;
}

/** All strings inside a value (actor fields may be strings, objects or lists). */
function strings(x: unknown): string[] {
  if (x === null || x === undefined) return [];
  if (typeof x === 'string') return [x];
  if (Array.isArray(x)) return x.flatMap(strings);
  if (typeof x === 'object') return Object.values(x as Record<string, unknown>).flatMap(strings);
  return [];
}

/** Python's round(x, 1) (half to even on exact ties). */
function round1(x: number): number {
  const y = x * 10;
  const f = Math.floor(y);
  const d = y - f;
  if (d === 0.5) return (f % 2 === 0 ? f : f + 1) / 10;
  return Math.round(y) / 10;
}

function prf(tpP: number, nP: number, tpG: number, nG: number): PRF {
  const p = nP ? tpP / nP : 0;
  const r = nG ? tpG / nG : 0;
  return { p: round1(100 * p), r: round1(100 * r), f1: p + r ? round1((200 * p * r) / (p + r)) : 0, pred: nP, gold: nG };
}

function union(into: Set<string>, from: Iterable<string>): Set<string> {
  for (const x of from) into.add(x);
  return into;
}

function intersects(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

function entForms(e: Record<string, unknown>): Set<string> {
  const f = new Set<string>();
  const ms = Array.isArray(e.mentions) ? (e.mentions as unknown[]) : [];
  for (const m of [...ms, e.name]) {
    const s = m && typeof m === 'object' ? (m as Record<string, unknown>).text : m;
    union(f, keys(s));
  }
  return f;
}

function overlap(a: unknown, b: unknown): number {
  const wa = words(a);
  const wb = new Set(words(b));
  if (wa.length === 0) return 0;
  let n = 0;
  for (const w of wa) if (wb.has(w)) n++;
  return n / wa.length;
}

function spkMatch(gf: Set<string>, pf: Set<string>): boolean {
  if (intersects(gf, pf)) return true;
  const gw = new Set<string>();
  for (const s of gf) for (const w of s.split(/\s+/)) if (w) gw.add(w);
  for (const s of pf) for (const w of s.split(/\s+/)) if (w && w !== 'ال' && gw.has(w)) return true;
  return false;
}

/** Score predictions against gold annotations (records keyed by article id). */
export function scoreGold(gold: GoldAnnotation[], predictions: PredRecord[]): GoldScores {
  const pred = new Map<string | undefined, PredRecord>();
  for (const d of predictions) pred.set(d.id || d.article?.id, d);
  const E = [0, 0, 0, 0];
  const L = [0, 0];
  const Q = [0, 0, 0, 0];
  const V = [0, 0, 0, 0];
  const byType = new Map<string, number[]>();
  const tv = (t: string): number[] => {
    let x = byType.get(t);
    if (!x) byType.set(t, (x = [0, 0, 0, 0]));
    return x;
  };
  let missing = 0;
  for (const g of gold) {
    let p = pred.get(g.id);
    if (!p) {
      missing++;
      p = {};
    }
    const pents = (p.entities ?? []) as Array<Record<string, unknown>>;
    const pentById = new Map<unknown, Record<string, unknown>>();
    for (const e of pents) pentById.set(e.id, e);
    const gforms = g.entities.map((ge) => {
      const f = new Set<string>();
      for (const m of [...ge.mentions, ge.name]) union(f, keys(m));
      return { ge, gf: f };
    });
    const req = gforms.filter((x) => !x.ge.optional);
    const opt = gforms.filter((x) => x.ge.optional);
    const pentForms = pents.map((pe) => entForms(pe));
    // entities
    E[3] += req.length;
    for (const { ge, gf } of req) {
      const hit = pents.filter((pe, i) => pe.type === ge.type && intersects(pentForms[i], gf));
      if (hit.length > 0) {
        E[2]++;
        L[1]++;
        const en = (ge.name_en ?? '').toLowerCase();
        if (en && hit.some((pe) => strings({ nameEn: pe.nameEn, kbId: pe.kbId }).join(' ').toLowerCase().replace(/_/g, ' ').includes(en)))
          L[0]++;
      }
    }
    pents.forEach((pe, i) => {
      const pf = pentForms[i];
      if (req.some(({ ge, gf }) => pe.type === ge.type && intersects(pf, gf))) {
        E[0]++;
        E[1]++;
      } else if (!opt.some(({ gf }) => intersects(pf, gf))) E[1]++;
    });
    // quotes
    const speakerFormsGold = (q: GoldQuote2): Set<string> => {
      const f = new Set([norm(q.speaker), norm(q.speaker_mention)]);
      for (const { ge, gf } of gforms) if (ge.name === q.speaker) union(f, gf);
      f.delete('');
      return f;
    };
    const speakerFormsPred = (q: Record<string, unknown>): Set<string> => {
      const f = new Set([norm(q.speakerText)]);
      const sp = q.speaker;
      if (typeof sp === 'string' && pentById.has(sp)) union(f, entForms(pentById.get(sp)!));
      else if (sp !== null && sp !== undefined) for (const s of strings(sp)) f.add(norm(s));
      f.delete('');
      return f;
    };
    const pq = (p.quotes ?? []) as Array<Record<string, unknown>>;
    Q[3] += g.quotes.length;
    Q[1] += pq.length;
    const pqForms = pq.map(speakerFormsPred);
    const gqForms = g.quotes.map(speakerFormsGold);
    g.quotes.forEach((gq, gi) => {
      if (pq.some((q, i) => overlap(gq.text, q.text ?? '') >= 0.5 && spkMatch(gqForms[gi], pqForms[i]))) Q[2]++;
    });
    pq.forEach((q, i) => {
      if (g.quotes.some((gq, gi) => overlap(q.text ?? '', gq.text) >= 0.5 && spkMatch(gqForms[gi], pqForms[i]))) Q[0]++;
    });
    // events: (type, source) pairs
    const pv = (p.events ?? []) as Array<Record<string, unknown>>;
    const srcFormsPred = (ev: Record<string, unknown>): Set<string> => {
      const s = ev.source;
      const f = new Set<string>();
      if (typeof s === 'string' && pentById.has(s)) union(f, entForms(pentById.get(s)!));
      for (const x of strings(s)) {
        f.add(norm(x));
        if (pentById.has(x)) union(f, entForms(pentById.get(x)!));
      }
      f.delete('');
      return f;
    };
    const srcFormsGold = (ev: GoldAnnotation['events'][number]): Set<string> => {
      const f = new Set([norm(ev.source), norm(ev.source_code)]);
      for (const { ge, gf } of gforms) if (ge.name === ev.source) union(f, gf);
      f.delete('');
      return f;
    };
    const gpairs = new Map<string, { t: string; gf: Set<string> }>();
    for (const ev of g.events) {
      const gf = srcFormsGold(ev);
      gpairs.set(`${ev.type}\u0000${[...gf].sort().join('\u0001')}`, { t: ev.type, gf });
    }
    const pkey = (ev: Record<string, unknown>): string => {
      const src = ev.source;
      let k: unknown;
      if (src && typeof src === 'object' && !Array.isArray(src)) {
        const o = src as Record<string, unknown>;
        k = o.entity || o.id || norm(o.name) || o.country || o.code;
      } else k = typeof src === 'string' ? src : null;
      return `${String(ev.type)}\u0000${JSON.stringify(k ?? null)}`;
    };
    const pkeys = new Map<string, Array<Record<string, unknown>>>();
    for (const ev of pv) {
      const k = pkey(ev);
      const l = pkeys.get(k);
      if (l) l.push(ev);
      else pkeys.set(k, [ev]);
    }
    const pvForms = new Map<Record<string, unknown>, Set<string>>();
    for (const ev of pv) pvForms.set(ev, srcFormsPred(ev));
    V[3] += gpairs.size;
    V[1] += pkeys.size;
    for (const { t, gf } of gpairs.values()) {
      tv(t)[3]++;
      if (pv.some((ev) => ev.type === t && intersects(pvForms.get(ev)!, gf))) {
        V[2]++;
        tv(t)[2]++;
      }
    }
    for (const evs of pkeys.values()) {
      const t0 = String(evs[0].type);
      tv(t0)[1]++;
      if (evs.some((ev) => [...gpairs.values()].some(({ t, gf }) => ev.type === t && intersects(pvForms.get(ev)!, gf)))) {
        V[0]++;
        tv(t0)[0]++;
      }
    }
  }
  const eventsByType: Record<string, PRF> = {};
  for (const t of [...byType.keys()].sort()) {
    const x = byType.get(t)!;
    eventsByType[t] = prf(x[0], x[1], x[2], x[3]);
  }
  return {
    articles: gold.length,
    missing,
    entities: prf(E[0], E[1], E[2], E[3]),
    linking_acc: L[1] ? round1((100 * L[0]) / L[1]) : 0,
    quotes: prf(Q[0], Q[1], Q[2], Q[3]),
    events: prf(V[0], V[1], V[2], V[3]),
    eventsByType,
  };
}

type GoldQuote2 = GoldAnnotation['quotes'][number];

/**
 * For each predicted quote of one article, whether the scorer counts it as right (it covers at least half of the
 * words of a gold quote's text and its speaker matches that quote's): the labels of the learned quote filter.
 */
export function quoteHits(g: GoldAnnotation, p: PredRecord): boolean[] {
  const pents = (p.entities ?? []) as Array<Record<string, unknown>>;
  const pentById = new Map<unknown, Record<string, unknown>>();
  for (const e of pents) pentById.set(e.id, e);
  const gq = g.quotes.map((q) => {
    const f = new Set([norm(q.speaker), norm(q.speaker_mention)]);
    for (const ge of g.entities) if (ge.name === q.speaker) for (const m of [...ge.mentions, ge.name]) union(f, keys(m));
    f.delete('');
    return { text: q.text, f };
  });
  return ((p.quotes ?? []) as Array<Record<string, unknown>>).map((q) => {
    const f = new Set([norm(q.speakerText)]);
    const sp = q.speaker;
    if (typeof sp === 'string' && pentById.has(sp)) union(f, entForms(pentById.get(sp)!));
    else if (sp !== null && sp !== undefined) for (const s of strings(sp)) f.add(norm(s));
    f.delete('');
    return gq.some((x) => overlap(q.text ?? '', x.text) >= 0.5 && spkMatch(x.f, f));
  });
}

/**
 * A judge of speaker choices for one article: given a predicted quote's text and a candidate speaker (an entity id of
 * `p`'s entities, or null, and the phrase as written), whether the scorer would count that speaker as right for a gold
 * quote the text covers by half; null when the text covers no gold quote (the choice cannot be judged). The labels of
 * the learned speaker choice (`src/stages/quotes/speaker.ts`).
 */
export function speakerJudge(
  g: GoldAnnotation,
  p: PredRecord,
): (text: string, speaker: string | null, speakerText: string) => boolean | null {
  const pentById = new Map<unknown, Record<string, unknown>>();
  for (const e of (p.entities ?? []) as Array<Record<string, unknown>>) pentById.set(e.id, e);
  const formsById = new Map<string, Set<string>>();
  const gq = g.quotes.map((q) => {
    const f = new Set([norm(q.speaker), norm(q.speaker_mention)]);
    for (const ge of g.entities) if (ge.name === q.speaker) for (const m of [...ge.mentions, ge.name]) union(f, keys(m));
    f.delete('');
    return { text: q.text, f };
  });
  return (text, speaker, speakerText) => {
    const hit = gq.filter((x) => overlap(text, x.text) >= 0.5);
    if (hit.length === 0) return null;
    const f = new Set([norm(speakerText)]);
    if (speaker !== null && pentById.has(speaker)) {
      let ef = formsById.get(speaker);
      if (!ef) formsById.set(speaker, (ef = entForms(pentById.get(speaker)!)));
      union(f, ef);
    }
    f.delete('');
    return hit.some((x) => spkMatch(x.f, f));
  };
}
