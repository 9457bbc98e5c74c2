/**
 * The learned actor-event layer: for every (sentence, actor) pair of a document — an entity mentioned in the
 * sentence, the speaker of a statement made there, a descriptive actor the trigger rules found there — one
 * logistic-regression classifier per PLOVER type says whether the sentence reports an event of that type done by
 * that actor. It reads what the rules and the other stages found (rule events of the actor and of others, the
 * statement's cue and words, trigger-lexicon types near the actor, embedding clusters of its neighbours) and adds
 * the events the rules missed; it never removes a rule event. Trained on khabar's own annotations of ANT articles
 * (`data/annotations/`, `src/stages/events/train-pairs.ts`); the model file is `models/events-pairs.tsv` (see its
 * model card `models/events-pairs.md`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { tokenContaining } from '../../core/offsets.ts';
import type { Actor, Doc, Entity, Event, Quote } from '../../core/types.ts';
import { matchForm } from '../../text/normalize.ts';
import type { EmbeddingClusters } from '../ner/embeddings.ts';
import { canAct, ownStateTarget } from './extract.ts';
import { contextFreeTypes, type EventLexicon, stripClitics as strip } from './lexicon.ts';
import { netFeatureWeights, netProbs, type PairNet } from './pairs-net.ts';

export const PLOVER_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;

/** One (sentence, actor) pair and its features. */
export interface PairInstance {
  sentence: number;
  /** Entity id, or `d:` + the matching form of a descriptive actor's name. */
  key: string;
  actor: Actor;
  /** Token indices of the actor's mentions in the sentence. */
  positions: number[];
  feats: string[];
}

/** One classifier per type over string features (sparse logistic regression). */
export interface PairModel {
  types: string[];
  bias: Float64Array;
  /** Feature → weights, one per type (absent features weigh 0). */
  weights: Map<string, Float32Array>;
  /** An event is added when its probability reaches this. */
  threshold: number;
  header: string;
  /** The target chooser: a logistic regression over (event, other actor of the sentence); absent = targets null. */
  /**
   * The target chooser. `fill`: the probability at which it also gives a target to a rule event the rules left
   * without one; `override`: the probability at which another actor of the sentence replaces the target the rules
   * gave (absent: it never does either).
   */
  target?: { bias: number; weights: Map<string, number>; fill?: number; override?: number };
  /**
   * Experimental learners (`train events-pairs --learner`): a shared one-hidden-layer network instead of the per-type
   * weights (which then hold only the features' stand-alone weights, for the trigger choice), or models whose
   * probabilities are averaged (a bag). Absent in the shipped model.
   */
  net?: PairNet;
  members?: PairModel[];
}

/** A candidate target is taken when its probability reaches this (and beats the other candidates). */
export const TARGET_THRESHOLD = 0.4;

/** Words that open a new clause between a trigger and a later actor: that actor is no longer its object. */
const CLAUSE_BREAK = /^(و|ف)?(الذي|التي|الذين|اللذين|اللتين|حيث|بينما|فيما|بعد|قبل|عندما|حين|لكن|إن|ان|أن|إذ|كما|ما)$/;

/**
 * Features of `cand` as the target of an event of `type` done by `src` (both actors of the same sentence): its entity
 * type, the word before it (a preposition: على، ضد، مع), a fused ل/ب, its side and distance from the doer, whether the
 * rules made it a target or a doer in the sentence, a shared country, whether it is a speaker; and, given the event's
 * trigger token `trig`, its side and distance from the trigger, whether it is the first actor after it, whether a
 * clause break or the doer stands between them; its role with the type.
 */
export function targetFeatures(doc: Doc, src: PairInstance, cand: PairInstance, type: string, trig = -1, rank = -1): string[] {
  const toks = doc.tokens;
  const f = new Set<string>();
  const e = cand.actor.entity ? entityById(doc).get(cand.actor.entity) : undefined;
  const et = e?.type ?? 'DESC';
  f.add(`tt:${et}`);
  f.add(`${type}|tt:${et}`);
  const pos = nearest(cand.positions, trig);
  if (pos !== undefined) {
    const p1 = toks[pos - 1];
    const w1 = p1 && p1.sentence === cand.sentence ? (p1.kind === 'word' ? strip(p1.norm) : p1.norm) : '^';
    f.add(`tw1:${w1}`);
    f.add(`${type}|tw1:${w1}`);
    const c0 = toks[pos].norm[0];
    if (c0 === 'ل' || c0 === 'ب') f.add(`tcl:${c0}`);
    const sp = src.positions[0];
    if (sp !== undefined) {
      const d = pos - sp;
      f.add(`ts:${d > 0 ? 'after' : 'before'}${Math.abs(d) <= 3 ? 'near' : Math.abs(d) <= 8 ? 'mid' : 'far'}`);
    }
    if (trig >= 0) {
      const d = pos - trig;
      const side = `${d > 0 ? 'after' : 'before'}${Math.abs(d) <= 1 ? 'adj' : Math.abs(d) <= 3 ? 'near' : Math.abs(d) <= 8 ? 'mid' : 'far'}`;
      f.add(`tg:${side}`);
      f.add(`${type}|tg:${side}`);
      f.add(`tg:${side}|tw1:${w1}`);
      if (rank >= 0) f.add(`tgr:${Math.min(rank, 2)}`);
      const tw = toks[trig].kind === 'word' ? strip(toks[trig].norm) : '';
      f.add(`tgw:${tw}|tw1:${w1}`);
      f.add(`tgw:${tw}|${side}`);
      if (rank >= 0) f.add(`${type}|tgr:${Math.min(rank, 2)}`);
      let brk = false;
      let srcIn = false;
      const [a, b] = d > 0 ? [trig + 1, pos] : [pos + 1, trig];
      for (let k = a; k < b; k++) {
        const t = toks[k];
        if (t.text === '،' || t.text === ',' || t.text === ':' || t.text === '.' || (t.kind === 'word' && CLAUSE_BREAK.test(t.norm)))
          brk = true;
        if (src.positions.includes(k)) srcIn = true;
      }
      if (brk) f.add(`tg:brk${d > 0 ? 'A' : 'B'}`);
      if (srcIn) f.add('tg:srcIn');
    } else f.add('tg:none');
  } else f.add('tnopos');
  if (cand.feats.some((x) => x.startsWith('rt:'))) f.add('trt');
  if (cand.feats.includes(`rt:${type}`)) f.add('trtT');
  if (cand.feats.some((x) => x.startsWith('r:'))) f.add('trs');
  if (cand.actor.country && cand.actor.country === src.actor.country) f.add('tsamec');
  if (cand.feats.includes('ar:q')) f.add('tq');
  // (civilians are shot at, governments accused: the candidate's role with the type)
  if (cand.actor.role) f.add(`${type}|trole:${cand.actor.role}`);
  if (cand.feats.includes('ar:noact')) {
    f.add('tnoact');
    f.add(`${type}|tnoact|tt:${et}`);
  }
  return [...f];
}

const byIdCache = new WeakMap<Doc, { entities: Doc['entities']; map: Map<string, Entity> }>();
/** The doc's entities by id (cached while its entity array is the same). */
function entityById(doc: Doc): Map<string, Entity> {
  const c = byIdCache.get(doc);
  if (c && c.entities === doc.entities) return c.map;
  const map = new Map((doc.entities ?? []).map((x) => [x.id, x]));
  byIdCache.set(doc, { entities: doc.entities, map });
  return map;
}

/** The position in `ps` nearest to `k` (the first one when `k` < 0). */
function nearest(ps: readonly number[], k: number): number | undefined {
  if (k < 0 || ps.length < 2) return ps[0];
  let best = ps[0];
  for (const p of ps) if (Math.abs(p - k) < Math.abs(best - k)) best = p;
  return best;
}

/** Rank of each candidate among the others by order after the trigger (0 = the first after it; -1 before it or no trigger). */
function ranksAfter(cands: readonly PairInstance[], trig: number): Map<PairInstance, number> {
  const r = new Map<PairInstance, number>();
  if (trig < 0) return r;
  const after = cands
    .map((c) => ({ c, p: nearest(c.positions, trig) }))
    .filter((x): x is { c: PairInstance; p: number } => x.p !== undefined && x.p > trig)
    .sort((a, b) => a.p - b.p);
  for (let i = 0; i < after.length; i++) r.set(after[i].c, i);
  return r;
}

/**
 * The target of an event of `type` by `src` with trigger token `trig` (-1: none known): the most probable other actor of
 * its sentence when that probability reaches `threshold`, or null.
 */
export function chooseTarget(
  doc: Doc,
  src: PairInstance,
  type: string,
  sameSentence: readonly PairInstance[],
  m: PairModel,
  trig = -1,
  threshold = TARGET_THRESHOLD,
): Actor | null {
  if (!m.target) return null;
  let best: Actor | null = null;
  let bp = threshold;
  for (const { c, rank } of targetCandidates(doc, src, sameSentence, trig)) {
    let z = m.target.bias;
    for (const f of targetFeatures(doc, src, c, type, trig, rank)) z += m.target.weights.get(f) ?? 0;
    const p = sigmoid(z);
    if (p >= bp) {
      bp = p;
      best = c.actor;
    }
  }
  return best;
}

/** Candidates of `src`'s sentence, as `targetExamples` and `chooseTarget` see them, with their rank after `trig`. */
export function targetCandidates(
  doc: Doc,
  src: PairInstance,
  sameSentence: readonly PairInstance[],
  trig: number,
): Array<{ c: PairInstance; rank: number }> {
  const cands = sameSentence.filter((c) => c.key !== src.key && !ownStateTarget(doc, src.actor, c.actor));
  const ranks = ranksAfter(cands, trig);
  return cands.map((c) => ({ c, rank: ranks.get(c) ?? -1 }));
}

/**
 * The candidate targets of each sentence: its (sentence, actor) pairs, and the entities named there that are no such
 * pair (a town, a facility: "مطار الحديدة"), which may be acted on though they do not act (feature `ar:noact`).
 */
export function targetPool(doc: Doc, instances: readonly PairInstance[]): Map<number, PairInstance[]> {
  const out = new Map<number, PairInstance[]>();
  for (const x of instances) {
    let l = out.get(x.sentence);
    if (!l) out.set(x.sentence, (l = []));
    l.push(x);
  }
  const toks = doc.tokens;
  if (!toks.length) return out;
  const extra = new Map<string, PairInstance>();
  for (const e of doc.entities ?? []) {
    if (e.type === 'MISC') continue;
    for (const m of e.mentions) {
      const tok = tokenAt(toks, m.start);
      const si = toks[tok].sentence;
      if (out.get(si)?.some((x) => x.key === e.id)) continue;
      const k = `${si}\u0000${e.id}`;
      const have = extra.get(k);
      if (have) have.positions.push(tok);
      else extra.set(k, { sentence: si, key: e.id, actor: entityActor(e), positions: [tok], feats: ['ar:noact'] });
    }
  }
  for (const x of extra.values()) {
    let l = out.get(x.sentence);
    if (!l) out.set(x.sentence, (l = []));
    l.push(x);
  }
  return out;
}

/**
 * The rule events with their targets revised by the chooser: one the rules left without a target gets the actor of its
 * sentence the chooser finds at the model's `fill` probability; one whose target the chooser rejects for another
 * actor at the `override` probability gets that actor. Returns new event objects for the changed ones.
 */
export function fillTargets(
  doc: Doc,
  events: readonly Event[],
  instances: readonly PairInstance[],
  m: PairModel,
  pool?: ReadonlyMap<number, PairInstance[]>,
): Event[] {
  const fill = m.target?.fill;
  const override = m.target?.override;
  if ((fill === undefined && override === undefined) || !doc.tokens.length) return [...events];
  const bySentence = pool ?? targetPool(doc, instances);
  return events.map((e) => {
    if (!e.source || e.via === 'model') return e;
    const p = e.target ? override : fill;
    if (p === undefined) return e;
    const same = bySentence.get(e.sentence);
    const k = actorKey(e.source);
    const src = same?.find((x) => x.key === k);
    if (!same || !src) return e;
    const target = chooseTarget(doc, src, e.type, same, m, tokenAt(doc.tokens, e.start), p);
    return target && actorKey(target) !== actorKey(e.target) ? { ...e, target } : e;
  });
}

/**
 * The events of a document: the rule events (their targets revised by `fillTargets`), the learned ones, in text order; a
 * state acting on itself is a misread target, so the event stays without it, and an event that then repeats another
 * (same type, source and trigger, no target) goes.
 */
export function withPairEvents(
  doc: Doc,
  ruleEvents: readonly Event[],
  instances: readonly PairInstance[],
  m: PairModel,
  lex: EventLexicon,
): Event[] {
  const pool = targetPool(doc, instances);
  const events = fillTargets(doc, ruleEvents, instances, m, pool);
  const added = learnedEvents(doc, ruleEvents, instances, m, lex, pool);
  if (added.length) {
    events.push(...added);
    events.sort((a, b) => a.start - b.start);
  }
  return dropOwnStateTargets(doc, events);
}

/** `events` without their own-state targets (see `withPairEvents`), deduplicated. */
export function dropOwnStateTargets(doc: Doc, events: readonly Event[]): Event[] {
  const kept = new Set<string>();
  const out: Event[] = [];
  for (let e of events) {
    if (e.target && ownStateTarget(doc, e.source, e.target)) e = { ...e, target: null };
    if (!e.target) {
      const k = `${e.type}\u0000${e.source?.entity ?? e.source?.name ?? ''}\u0000${e.start}`;
      if (kept.has(k)) continue;
      kept.add(k);
    }
    out.push(e);
  }
  return out;
}

/** PLOVER types the trigger lexicon gives a word without context conditions. */
function lexTypes(lex: EventLexicon, norm: string, cache: Map<string, string[]>): string[] {
  let r = cache.get(norm);
  if (!r) {
    r = contextFreeTypes(lex, norm);
    if (cache.size > 100_000) cache.clear();
    cache.set(norm, r);
  }
  return r;
}
const typeCache = new WeakMap<EventLexicon, Map<string, string[]>>();
function typeCacheOf(lex: EventLexicon): Map<string, string[]> {
  let c = typeCache.get(lex);
  if (!c) {
    c = new Map();
    typeCache.set(lex, c);
  }
  return c;
}

const tokenAt = tokenContaining;

export function actorKey(a: Actor | null | undefined): string {
  if (!a) return '';
  return a.entity ?? `d:${matchForm(a.name ?? '')}`;
}

function entityActor(e: Entity): Actor {
  const a: Actor = { entity: e.id, name: e.name };
  if (e.country) a.country = e.country;
  if (e.role) a.role = e.role;
  return a;
}

/**
 * The (sentence, actor) pairs of a document with their features, given the rule events. `emb`: word → embedding
 * cluster (the coarsest level of `models/ner-embclusters.tsv`), may be empty.
 */
export function pairInstances(doc: Doc, ruleEvents: readonly Event[], lex: EventLexicon, emb: ReadonlyMap<string, number>): PairInstance[] {
  const toks = doc.tokens;
  const out: PairInstance[] = [];
  if (!toks.length) return out;
  const cache = typeCacheOf(lex);
  const types = (n: string): string[] => lexTypes(lex, n, cache);
  const tokAt = (off: number): number => tokenAt(toks, off);
  const entities = doc.entities ?? [];
  const byId = new Map(entities.map((e) => [e.id, e]));
  const quotes = doc.quotes ?? [];
  // entity mentions by sentence
  const mentionsIn = new Map<number, Array<{ e: Entity; tok: number; via: string }>>();
  for (const e of entities)
    for (const m of e.mentions) {
      const tok = tokAt(m.start);
      const si = toks[tok].sentence;
      let l = mentionsIn.get(si);
      if (!l) mentionsIn.set(si, (l = []));
      l.push({ e, tok, via: m.via ?? '' });
    }
  const eventsIn = new Map<number, Event[]>();
  // per actor: how many rule events of each type it has in the whole document
  const docTypes = new Map<string, Map<string, number>>();
  for (const ev of ruleEvents) {
    let l = eventsIn.get(ev.sentence);
    if (!l) eventsIn.set(ev.sentence, (l = []));
    l.push(ev);
    const k = actorKey(ev.source);
    let c = docTypes.get(k);
    if (!c) docTypes.set(k, (c = new Map()));
    c.set(ev.type, (c.get(ev.type) ?? 0) + 1);
  }
  const saidIn = new Map<number, Quote[]>();
  for (const q of quotes) {
    const si = toks[tokAt((q.speakerSpan ?? q).start)].sentence;
    let l = saidIn.get(si);
    if (!l) saidIn.set(si, (l = []));
    l.push(q);
  }
  doc.sentences.forEach((s, si) => {
    const actors = new Map<string, { actor: Actor; pos: number[]; how: Set<string> }>();
    const add = (key: string, actor: Actor, pos: number, how: string): void => {
      let a = actors.get(key);
      if (!a) actors.set(key, (a = { actor, pos: [], how: new Set() }));
      if (pos >= 0) a.pos.push(pos);
      a.how.add(how);
    };
    const evs = eventsIn.get(si) ?? [];
    for (const m of mentionsIn.get(si) ?? [])
      if (m.tok >= s.tokenStart && m.tok < s.tokenEnd && canAct(m.e)) add(m.e.id, entityActor(m.e), m.tok, `m:${m.via}`);
    const said = (saidIn.get(si) ?? []).filter((q) => {
      const sp = q.speakerSpan ?? q;
      return sp.start >= s.start && sp.start < s.end;
    });
    for (const q of said) {
      const e = q.speaker ? byId.get(q.speaker) : undefined;
      if (e) add(e.id, entityActor(e), -1, 'q');
      else if (q.speakerText)
        add(`d:${matchForm(q.speakerText)}`, { name: q.speakerText }, q.speakerSpan ? tokAt(q.speakerSpan.start) : -1, 'q');
    }
    for (const ev of evs) if (ev.source && !ev.source.entity) add(actorKey(ev.source), ev.source, tokAt(ev.start), 'ev');
    if (!actors.size) return;
    // sentence-level features, shared by its actors
    const shared: string[] = [];
    const sTypes = new Set<string>();
    for (let k = s.tokenStart; k < s.tokenEnd; k++) {
      const t = toks[k];
      if (t.kind !== 'word') continue;
      shared.push(`s:${strip(t.norm)}`);
      for (const x of types(t.norm)) sTypes.add(x);
    }
    for (const x of sTypes) shared.push(`t:${x}`);
    if (si === 0) shared.push('headline');
    for (const [key, a] of actors) {
      const f = new Set<string>(shared);
      for (const h of a.how) f.add(`ar:${h}`);
      const e = a.actor.entity ? byId.get(a.actor.entity) : undefined;
      f.add(`at:${e?.type ?? 'DESC'}`);
      if (a.actor.role) f.add(`rl:${a.actor.role}`);
      for (const pos of a.pos) {
        for (let d = -4; d <= 3; d++) {
          const k = pos + d;
          if (d === 0 || k < s.tokenStart || k >= s.tokenEnd) continue;
          const t = toks[k];
          if (t.kind !== 'word') {
            if (d === -1) f.add(`p1:${t.norm}`);
            continue;
          }
          const st = strip(t.norm);
          const side = d < 0 ? 'L' : 'R';
          f.add(`${side}:${st}`);
          const ty = types(t.norm);
          if (d === -1 || d === -2) {
            f.add(`p${-d}:${st}`);
            for (const x of ty) f.add(`pt:${x}`);
          }
          for (const x of ty) f.add(`${side}t:${x}`);
          const c = emb.get(t.norm) ?? emb.get(st);
          if (c !== undefined) f.add(`${side}e:${c}`);
        }
        if (pos - s.tokenStart < 2) f.add('early');
      }
      const here = new Map<string, number>();
      for (const ev of evs) {
        const mine = actorKey(ev.source) === key;
        f.add(mine ? `r:${ev.type}` : `ro:${ev.type}`);
        if (mine) here.set(ev.type, (here.get(ev.type) ?? 0) + 1);
        if (ev.target && actorKey(ev.target) === key) f.add(`rt:${ev.type}`);
      }
      for (const [t, n] of docTypes.get(key) ?? []) if (n > (here.get(t) ?? 0)) f.add(`dr:${t}`);
      for (const q of said) {
        const e2 = q.speaker ? byId.get(q.speaker) : undefined;
        if ((e2 ? e2.id : `d:${matchForm(q.speakerText)}`) !== key) continue;
        f.add('q');
        f.add(`qc:${strip(matchForm(q.cue).split(/\s+/)[0] ?? '')}`);
        for (const w of matchForm(q.text).match(/[\p{L}\p{N}_]+/gu) ?? []) {
          f.add(`qw:${strip(w)}`);
          for (const x of types(w)) f.add(`qt:${x}`);
        }
      }
      out.push({ sentence: si, key, actor: a.actor, positions: a.pos, feats: [...f] });
    }
  });
  return out;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, z))));

/** Probabilities of each type for an instance. */
export function pairProbs(m: PairModel, feats: readonly string[]): Float64Array {
  if (m.members?.length) {
    const z = new Float64Array(m.types.length);
    for (const x of m.members) {
      const p = pairProbs(x, feats);
      for (let i = 0; i < z.length; i++) z[i] += p[i] / m.members.length;
    }
    return z;
  }
  if (m.net) return netProbs(m.net, feats);
  const z = Float64Array.from(m.bias);
  for (const f of feats) {
    const w = m.weights.get(f);
    if (w) for (let i = 0; i < z.length; i++) z[i] += w[i];
  }
  for (let i = 0; i < z.length; i++) z[i] = sigmoid(z[i]);
  return z;
}

/**
 * The trigger of a learned event of type index `type` by `inst`: a word of its sentence outside every name (`names`:
 * the entity mentions there). A word the trigger lexicon gives this type comes first (the heaviest for the type if
 * several). Else, when the actor makes a statement there, the verb or noun of what it says that weighs most for the
 * type, or the statement's cue; else the verb, noun or participle (the morphology layer's UPOS) outside time
 * expressions that weighs most; else the heaviest word. -1 when the sentence has no such word.
 */
export function learnedTrigger(
  doc: Doc,
  inst: PairInstance,
  type: number,
  m: Pick<PairModel, 'types' | 'weights'>,
  lex: EventLexicon,
  names: ReadonlyArray<{ start: number; end: number }>,
): number {
  const toks = doc.tokens;
  const s = doc.sentences[inst.sentence];
  let tk = -1;
  let tw = Number.NEGATIVE_INFINITY;
  let of = 0;
  // (next, the cue of a statement the actor makes in the sentence: "اعتبر نائب القائد ... أن", not "نائب")
  const cues = new Set<number>();
  const said: Array<{ start: number; end: number }> = [];
  for (const q of doc.quotes ?? []) {
    const sp = q.speakerSpan;
    const speaks =
      (inst.actor.entity ? q.speaker === inst.actor.entity : q.speakerText === inst.actor.name) ||
      // (or named in the speaker's phrase: "نائب القائد العام للحرس الثوري الإيراني العميد حسين سلامي")
      (!!sp && inst.positions.some((p) => toks[p].start >= sp.start && toks[p].end <= sp.end));
    if (q.cue === ':' || !speaks) continue;
    for (let k = s.tokenStart; k < s.tokenEnd; k++)
      if (toks[k].text === q.cue && toks[k].end <= q.start) {
        cues.add(k);
        said.push(q);
      }
  }
  for (let k = s.tokenStart; k < s.tokenEnd; k++) {
    if (toks[k].kind !== 'word' || names.some((x) => toks[k].start < x.end && toks[k].end > x.start)) continue;
    const ofType = lexTypes(lex, toks[k].norm, typeCacheOf(lex)).includes(m.types[type]) ? 100 : cues.has(k) ? 50 : 0;
    const w = ofType + (m.weights.get(`s:${strip(toks[k].norm)}`)?.[type] ?? 0);
    if (w > tw) {
      tw = w;
      tk = k;
      of = ofType;
    }
  }
  if (of === 100) return tk;
  // No word of the type: the heaviest verb, noun or participle outside time expressions ("حقق الجيش اليمني انتصارات
  // كبيرة" is not كبيرة, "أمس" is no trigger), inside what the actor says there when it speaks (else the cue); else the
  // heaviest word.
  const inSaid = of === 50;
  const pos = predicateTokens(doc);
  const times = (doc.times ?? []).filter((t) => t.start < s.end && t.end > s.start);
  let vk = -1;
  let vw = Number.NEGATIVE_INFINITY;
  for (let k = s.tokenStart; k < s.tokenEnd; k++) {
    if (!pos.has(k) || names.some((x) => toks[k].start < x.end && toks[k].end > x.start)) continue;
    if (inSaid && !said.some((q) => toks[k].start >= q.start && toks[k].end <= q.end)) continue;
    if (times.some((x) => toks[k].start < x.end && toks[k].end > x.start)) continue;
    const w = m.weights.get(`s:${strip(toks[k].norm)}`)?.[type] ?? 0;
    if (w > vw && (!inSaid || w > 0)) {
      vw = w;
      vk = k;
    }
  }
  return vk >= 0 ? vk : tk;
}

// (an adjective in مـ is mostly a participle, which can state an act: "قوات الشرعية المدعومة من القوات الإماراتية")
const PARTICIPLE = /^(ال)?م/;
const predicateCache = new WeakMap<Doc, { words: Doc['words']; set: Set<number> }>();
/** The tokens of the doc that hold a verb, a noun or a participle (UPOS of the morphology layer). */
function predicateTokens(doc: Doc): Set<number> {
  const c = predicateCache.get(doc);
  if (c && c.words === doc.words) return c.set;
  const set = new Set<number>();
  for (const w of doc.words ?? [])
    if (w.upos === 'VERB' || w.upos === 'NOUN' || (w.upos === 'ADJ' && PARTICIPLE.test(w.form))) set.add(w.token);
  predicateCache.set(doc, { words: doc.words, set });
  return set;
}

/**
 * The events the model adds to the rule events: for each actor and type it predicts (probability ≥ the model's
 * threshold) that the rules did not already give that actor anywhere in the document, one event in the sentence
 * where it is most probable. Its trigger is chosen by `learnedTrigger`, its target by the chooser, its place a
 * location named after في in the sentence, its date the sentence's first date (not a duration or a frequency).
 */
export function learnedEvents(
  doc: Doc,
  ruleEvents: readonly Event[],
  instances: readonly PairInstance[],
  m: PairModel,
  lex: EventLexicon,
  pool?: ReadonlyMap<number, PairInstance[]>,
): Event[] {
  // (type, actor) pairs the rules gave; a descriptive source that contains an entity's name (رئيس الوزراء العراقي حيدر
  // العبادي) covers that entity too
  const have = new Set<string>();
  for (const e of ruleEvents) {
    have.add(`${e.type}\u0000${actorKey(e.source)}`);
    if (e.source && !e.source.entity && e.source.name) {
      const name = e.source.name;
      for (const ent of doc.entities ?? []) if (ent.mentions.some((m) => name.includes(m.text))) have.add(`${e.type}\u0000${ent.id}`);
    }
  }
  const best = new Map<string, { inst: PairInstance; type: number; p: number }>();
  for (const inst of instances) {
    const pr = pairProbs(m, inst.feats);
    for (let i = 0; i < pr.length; i++) {
      if (pr[i] < m.threshold) continue;
      const k = `${m.types[i]}\u0000${inst.key}`;
      if (have.has(k)) continue;
      const b = best.get(k);
      if (!b || b.p < pr[i]) best.set(k, { inst, type: i, p: pr[i] });
    }
  }
  const out: Event[] = [];
  const toks = doc.tokens;
  if (!toks.length || !best.size) return out;
  // names, places and time expressions by sentence
  const bySentence = <T extends { start: number }>(xs: readonly T[]): Map<number, T[]> => {
    const out = new Map<number, T[]>();
    for (const x of xs) {
      const si = toks[tokenAt(toks, x.start)].sentence;
      let l = out.get(si);
      if (!l) out.set(si, (l = []));
      l.push(x);
    }
    return out;
  };
  const mentionsIn = bySentence((doc.entities ?? []).flatMap((e) => e.mentions.map((x) => ({ ...x, e }))));
  const instancesIn = pool ?? targetPool(doc, instances);
  const timesIn = bySentence(doc.times ?? []);
  for (const { inst, type, p } of best.values()) {
    const s = doc.sentences[inst.sentence];
    const names = mentionsIn.get(inst.sentence) ?? [];
    const tk = learnedTrigger(doc, inst, type, m, lex, names);
    if (tk < 0) continue;
    let location: Event['location'] = null;
    for (const x of names) {
      const e = x.e;
      if (e.type !== 'LOC' || e.id === inst.actor.entity || x.end > s.end || x.start < s.start) continue;
      if (/(^|\s)في\s+$/.test(doc.text.slice(Math.max(s.start, x.start - 4), x.start))) {
        location = { name: e.name, entity: e.id, ...(e.country ? { country: e.country } : {}) };
        break;
      }
    }
    // a date, as the rules take it: a duration (خلال 72 ساعة) or a frequency is no date
    const time = (timesIn.get(inst.sentence) ?? []).find((t) => t.type === 'DATE' && t.start >= s.start && t.end <= s.end && t.value);
    out.push({
      type: m.types[type],
      source: inst.actor,
      target: chooseTarget(doc, inst, m.types[type], instancesIn.get(inst.sentence) ?? [], m, tk),
      trigger: toks[tk].text,
      start: toks[tk].start,
      end: toks[tk].end,
      sentence: inst.sentence,
      location,
      date: time?.value ?? null,
      via: 'model',
      score: Math.round(p * 1000) / 1000,
    });
  }
  return out;
}

/**
 * Serialise a model: a `#` header, `threshold`, `types`, `bias`, the target chooser (`target-bias`, then `~feature<TAB>w`),
 * then `feature<TAB>i:w i:w …` (type index, weight).
 */
export function formatPairModel(m: PairModel): string {
  const lines = [
    `# ${m.header.replace(/\n/g, ' ')}`,
    `threshold\t${m.threshold}`,
    `types\t${m.types.join(' ')}`,
    `bias\t${[...m.bias].map((b) => b.toFixed(4)).join(' ')}`,
  ];
  if (m.target) {
    lines.push(`target-bias\t${m.target.bias.toFixed(4)}`);
    if (m.target.fill !== undefined) lines.push(`target-fill\t${m.target.fill}`);
    if (m.target.override !== undefined) lines.push(`target-override\t${m.target.override}`);
    for (const [f, w] of [...m.target.weights].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)))
      if (w !== 0) lines.push(`~${f}\t${Math.round(w * 1000) / 1000}`);
  }
  if (m.members?.length) throw new Error('events-pairs model: a bag of models has no file format');
  if (m.net) {
    // the network: its sizes, biases and output weights, then each feature's embedding (`@feature<TAB>v v …`); the
    // per-type weights of the sentence words (the trigger choice) are recomputed when it is read
    const r = (x: number): string => String(Math.round(x * 1e4) / 1e4);
    lines.push(`net-hidden\t${m.net.hidden}`, `net-b1\t${[...m.net.b1].map(r).join(' ')}`);
    lines.push(`net-b2\t${[...m.net.b2].map(r).join(' ')}`, `net-w2\t${[...m.net.W2].map(r).join(' ')}`);
    for (const [f, e] of [...m.net.emb].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)))
      lines.push(`@${f}\t${[...e].map((x) => String(Math.round(x * 1e3) / 1e3)).join(' ')}`);
    return `${lines.join('\n')}\n`;
  }
  for (const [f, w] of [...m.weights].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const parts: string[] = [];
    w.forEach((x, i) => {
      if (x !== 0) parts.push(`${i}:${Math.round(x * 1000) / 1000}`);
    });
    if (parts.length) lines.push(`${f}\t${parts.join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

export function parsePairModel(text: string): PairModel {
  let header = '';
  let threshold = 0.5;
  let types: string[] = [];
  let bias = new Float64Array(0);
  const weights = new Map<string, Float32Array>();
  let target: PairModel['target'];
  let net: PairNet | undefined;
  const vec = (v: string): Float32Array => Float32Array.from(v.split(' ').map(Number));
  for (const line of text.split('\n')) {
    if (!line) continue;
    if (line.startsWith('#')) {
      header ||= line.slice(1).trim();
      continue;
    }
    const tab = line.indexOf('\t');
    const k = line.slice(0, tab);
    const v = line.slice(tab + 1);
    if (k === 'threshold') threshold = Number(v);
    else if (k.startsWith('@')) net?.emb.set(k.slice(1), vec(v));
    else if (k === 'net-hidden')
      net = { hidden: Number(v), emb: new Map(), b1: new Float32Array(0), W2: new Float32Array(0), b2: new Float32Array(0) };
    else if (k === 'net-b1' && net) net.b1 = vec(v);
    else if (k === 'net-b2' && net) net.b2 = vec(v);
    else if (k === 'net-w2' && net) net.W2 = vec(v);
    else if (k === 'target-bias') target = { ...target, bias: Number(v), weights: target?.weights ?? new Map() };
    else if (k === 'target-fill') target = { ...target, bias: target?.bias ?? 0, weights: target?.weights ?? new Map(), fill: Number(v) };
    else if (k === 'target-override')
      target = { ...target, bias: target?.bias ?? 0, weights: target?.weights ?? new Map(), override: Number(v) };
    else if (k.startsWith('~')) {
      target ??= { bias: 0, weights: new Map() };
      target.weights.set(k.slice(1), Number(v));
    } else if (k === 'types') types = v.split(' ');
    else if (k === 'bias') bias = Float64Array.from(v.split(' ').map(Number));
    else {
      const w = new Float32Array(types.length);
      for (const p of v.split(' ')) {
        const c = p.indexOf(':');
        w[Number(p.slice(0, c))] = Number(p.slice(c + 1));
      }
      weights.set(k, w);
    }
  }
  if (!types.length || bias.length !== types.length) throw new Error('events-pairs model: missing or inconsistent "types"/"bias" lines');
  if (net) {
    if (net.b1.length !== net.hidden || net.b2.length !== types.length || net.W2.length !== types.length * net.hidden)
      throw new Error('events-pairs model: inconsistent "net-" lines');
    for (const f of net.emb.keys()) if (f.startsWith('s:')) weights.set(f, netFeatureWeights(net, f) as Float32Array);
  }
  return { types, bias, weights, threshold, header, ...(target ? { target } : {}), ...(net ? { net } : {}) };
}

let cached: { path: string; model: PairModel | null } | undefined;

/** The shipped model (`models/events-pairs.tsv`), or null when the file is absent. */
export function loadPairModel(path: string): PairModel | null {
  if (cached?.path === path) return cached.model;
  const model = existsSync(path) ? parsePairModel(readFileSync(path, 'utf8')) : null;
  cached = { path, model };
  return model;
}

/** The coarsest embedding-cluster level as word → cluster (empty without the file). */
export function coarseClusters(levels: EmbeddingClusters): ReadonlyMap<string, number> {
  return levels[0] ?? new Map();
}
