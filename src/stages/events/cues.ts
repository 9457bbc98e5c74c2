/**
 * Cue words for sentence-level ASSAULT / PROTEST detection (`data/events/gsr-cues.tsv`):
 * attack, explosion, casualty, protest, chant vocabulary and the words that make a
 * sentence mention an event without reporting one (negation, modality, condemnation,
 * threats, history). Matching is clitic/inflection-aware: a token matches an entry when
 * one of its light stems (`stems`) equals it, or starts with it for entries ending in `*`.
 * The classes become features of the GSR classifier (`classifier.ts`).
 */
import { readFileSync } from 'node:fs';
import { dataFile } from '../../core/paths.ts';
import { matchForm } from '../../text/normalize.ts';
import type { Tok } from '../time/scan.ts';
import { stemsCached } from './lexicon.ts';

export interface CueLexicon {
  /** Whole stem → classes. */
  exact: Map<string, string[]>;
  /** Stem prefixes (entries ending in `*`) with their class. */
  prefix: Array<[string, string]>;
  /** Two-word entries: the stems of both words and the class. */
  multi: Array<{ words: [string, string]; cls: string }>;
}

/** Parse a cue file (`word<TAB>CLASS`, `#` comments, `*` = any continuation). */
export function parseCues(text: string): CueLexicon {
  const lex: CueLexicon = { exact: new Map(), prefix: [], multi: [] };
  for (const raw of text.split('\n')) {
    if (!raw.trim() || raw.startsWith('#')) continue;
    const [word, cls] = raw.split('\t').map((x) => x.trim());
    if (!word || !cls || !/^[A-Z]+$/.test(cls)) continue;
    const ws = word.split(/\s+/).map((w) => matchForm(w));
    if (ws.length === 2) lex.multi.push({ words: [ws[0], ws[1]], cls });
    else if (ws[0].endsWith('*')) lex.prefix.push([ws[0].slice(0, -1), cls]);
    else {
      const l = lex.exact.get(ws[0]) ?? [];
      if (!l.includes(cls)) l.push(cls);
      lex.exact.set(ws[0], l);
    }
  }
  return lex;
}

let cached: CueLexicon | undefined;

/** The shipped cue lexicon (read once). */
export function loadCues(): CueLexicon {
  cached ??= parseCues(readFileSync(dataFile('events', 'gsr-cues.tsv'), 'utf8'));
  return cached;
}

function wordMatches(norm: string, entry: string): boolean {
  return norm === entry || stemsCached(norm).includes(entry);
}

/** The cue classes of one word (matching form). */
export function wordCues(norm: string, lex: CueLexicon): Set<string> {
  const out = new Set<string>();
  for (const st of stemsCached(norm)) {
    for (const c of lex.exact.get(st) ?? []) out.add(c);
    for (const [p, c] of lex.prefix) if (st.length > p.length - 1 && st.startsWith(p)) out.add(c);
  }
  return out;
}

/** Cue classes found in a sentence, with the index (among its words) of each hit and whether a number follows it. */
export function findCues(toks: readonly Tok[], lex: CueLexicon): Array<{ cls: string; word: number; num?: boolean }> {
  const ws = toks.map((t, i) => ({ t, i })).filter((x) => x.t.kind === 'w');
  const words = ws.map((x) => x.t.norm);
  const hits: Array<{ cls: string; word: number; num?: boolean }> = [];
  words.forEach((w, i) => {
    const ti = ws[i].i;
    const num = toks[ti + 1]?.kind === 'n' || (toks[ti + 2]?.kind === 'n' && toks[ti + 1]?.kind === 'w');
    const add = (cls: string): void => {
      hits.push(num ? { cls, word: i, num } : { cls, word: i });
    };
    for (const cls of wordCues(w, lex)) add(cls);
    if (i + 1 < words.length)
      for (const m of lex.multi) if (wordMatches(w, m.words[0]) && wordMatches(words[i + 1], m.words[1])) add(m.cls);
  });
  return hits;
}

/**
 * Features from the cues: each class present (`c:`), present twice or more (`c2:`), present
 * among the first six words (`cf:`, where Arabic news puts the main verb), followed by a number (`cn:`),
 * pairs of classes (`cc:`) and, with `adjacent`, classes within two words of each other (`ca:A>B`).
 */
export function cueFeatures(toks: readonly Tok[], lex: CueLexicon = loadCues(), adjacent = true): string[] {
  const hits = findCues(toks, lex);
  const count = new Map<string, number>();
  const f = new Set<string>();
  for (const h of hits) {
    count.set(h.cls, (count.get(h.cls) ?? 0) + 1);
    if (h.word < 6) f.add(`cf:${h.cls}`);
    if (h.num) f.add(`cn:${h.cls}`);
  }
  // neighbouring cues (a verb and its subject: هتف المتظاهرون, قتل مسلحون)
  if (adjacent)
    for (const a of hits)
      for (const b of hits) if (b.word > a.word && b.word - a.word <= 2 && a.cls !== b.cls) f.add(`ca:${a.cls}>${b.cls}`);
  const classes = [...count.keys()].sort();
  for (const c of classes) {
    f.add(`c:${c}`);
    if ((count.get(c) ?? 0) >= 2) f.add(`c2:${c}`);
  }
  for (let i = 0; i < classes.length; i++) for (let j = i + 1; j < classes.length; j++) f.add(`cc:${classes[i]}&${classes[j]}`);
  if (toks.some((t) => t.text === '?' || t.text === '؟')) f.add('c:QUESTION');
  return [...f];
}
