/**
 * NER training sentences from khabar's own entity annotations of news articles
 * (`data/annotations/entities-train.jsonl`: per article the entities with their
 * type and every surface form, `../shared/gold/GUIDELINES.md`; no text), joined
 * with the article text of the ANT corpus. The articles are tokenised by the
 * pipeline's own tokenize stage, so the training tokens are the ones the NER
 * stage sees at run time (hashtags as the words they spell), and every
 * occurrence of a mention is labelled BIO where it starts at a token start (or
 * after one or two proclitic letters, `لسورية`) and ends at a token end; longer
 * mentions first, so a name inside a larger name keeps the larger one's label.
 */
import { readFileSync } from 'node:fs';
import type { Article, Doc, Token } from '../../core/types.ts';
import type { TaggedSentence } from '../../corpora/ner-conll.ts';
import { newDoc } from '../../pipeline/index.ts';
import { tokenizeStage } from '../tokenize/index.ts';

export interface AnnotatedEntity {
  name: string;
  type: string;
  mentions: string[];
  optional?: boolean;
}

export interface EntityAnnotation {
  id: string;
  set?: string;
  entities: AnnotatedEntity[];
}

/** What counts as a labelled name: `optional` ORG records (الجيش الإسرائيلي) are labelled ORG unless `optional: 'skip'`. */
export interface NewsSentenceOptions {
  optional?: 'label' | 'skip';
  /** Longest sentence (tokens) handed to the tagger as one unit; the NER stage uses the same cut. */
  maxSentence?: number;
}

const TYPES = new Set(['PER', 'LOC', 'ORG', 'MISC']);
const PROCLITIC = new Set(['و', 'ف', 'ب', 'ل', 'ك']);

export function readEntityAnnotations(file: string): EntityAnnotation[] {
  const out: EntityAnnotation[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) if (line.trim()) out.push(JSON.parse(line) as EntityAnnotation);
  return out;
}

interface Piece {
  start: number;
  end: number;
  text: string;
}

/** The words the NER stage tags for the tokens [a, b): a hashtag as the words it spells. */
function pieces(tokens: readonly Token[], a: number, b: number): Piece[] {
  const out: Piece[] = [];
  for (let k = a; k < b; k++) {
    const t = tokens[k];
    if (t.kind === 'hashtag' && t.text.length > 1) {
      let at = t.start + 1;
      for (const part of t.text.slice(1).split('_')) {
        if (part) out.push({ start: at, end: at + part.length, text: part });
        at += part.length + 1;
      }
    } else out.push({ start: t.start, end: t.end, text: t.text });
  }
  return out;
}

/** Tokenise one article (`title + "\n" + text`, the annotated string) with the pipeline's tokenizer. */
export function tokenizeArticle(id: string, title: string, text: string): Doc {
  const full = `${title}\n${text}`;
  const article: Article = {
    id,
    headline: title,
    body: text,
    text: full,
    spans: { headline: { start: 0, end: title.length }, body: { start: title.length + 1, end: full.length } },
  };
  // (a plain headline + body, not the gold reader's: its dateline handling would change the shipped model's training data)
  const doc = newDoc(article);
  tokenizeStage.create({}).process(doc);
  return doc;
}

/** Character ranges [start, end) of every labelled mention occurrence with its type, longest mentions first. */
function occurrences(text: string, entities: readonly AnnotatedEntity[], opts: NewsSentenceOptions): Array<[number, number, string]> {
  /** A surface form to look for; `afterLam`: found only right after a ل (ل + ال written لل: للصين holds لصين). */
  const forms: Array<{ form: string; type: string; afterLam: boolean }> = [];
  for (const e of entities) {
    if (!TYPES.has(e.type)) continue;
    if (e.optional && opts.optional === 'skip') continue;
    for (const m of new Set([...(e.mentions ?? []), e.name])) {
      const form = m?.trim() ?? '';
      if (form.length < 2) continue;
      forms.push({ form, type: e.type, afterLam: false });
      if (form.startsWith('ال') && form.length > 3) forms.push({ form: form.slice(1), type: e.type, afterLam: true });
    }
  }
  // longest first (the full form before its لل variant), so a name inside a larger name keeps the larger one's label
  forms.sort((x, y) => y.form.length + Number(y.afterLam) - (x.form.length + Number(x.afterLam)));
  const out: Array<[number, number, string]> = [];
  for (const { form, type, afterLam } of forms) {
    for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
      if (afterLam && !(at > 0 && text[at - 1] === 'ل')) continue;
      out.push([at, at + form.length, type]);
    }
  }
  return out;
}

/**
 * BIO-tagged sentences of one annotated article. Returns the sentences and how many mention occurrences could not be
 * aligned with token edges (they are left unlabelled).
 */
export function articleSentences(
  doc: Doc,
  entities: readonly AnnotatedEntity[],
  opts: NewsSentenceOptions = {},
): { sentences: TaggedSentence[]; unaligned: number } {
  const max = opts.maxSentence ?? 256;
  const text = doc.text;
  const occ = occurrences(text, entities, opts);
  const sentences: TaggedSentence[] = [];
  let unaligned = 0;
  const all: Piece[][] = [];
  for (const s of doc.sentences)
    for (let a = s.tokenStart; a < s.tokenEnd; a += max) all.push(pieces(doc.tokens, a, Math.min(s.tokenEnd, a + max)));
  // piece lookup by character: sentence index and piece index of the piece holding each character
  const holder = new Int32Array(text.length).fill(-1);
  const where: Array<[number, number]> = [];
  for (let si = 0; si < all.length; si++)
    for (let pi = 0; pi < all[si].length; pi++) {
      const p = all[si][pi];
      for (let c = p.start; c < p.end; c++) holder[c] = where.length;
      where.push([si, pi]);
    }
  const tags = all.map((ps) => ps.map(() => 'O'));
  for (const [s, e, type] of occ) {
    const h1 = holder[s];
    const h2 = holder[e - 1];
    if (h1 < 0 || h2 < 0) {
      unaligned++;
      continue;
    }
    const [si, pi] = where[h1];
    const [sj, pj] = where[h2];
    const first = all[si][pi];
    const last = all[sj][pj];
    const lead = text.slice(first.start, s);
    const okStart = lead.length <= 3 && [...lead].every((c) => PROCLITIC.has(c));
    if (si !== sj || !okStart || last.end !== e) {
      unaligned++;
      continue;
    }
    let free = true;
    for (let k = pi; k <= pj; k++) if (tags[si][k] !== 'O') free = false;
    if (!free) continue; // inside a longer mention already labelled
    tags[si][pi] = `B-${type}`;
    for (let k = pi + 1; k <= pj; k++) tags[si][k] = `I-${type}`;
  }
  for (let si = 0; si < all.length; si++) if (all[si].length > 0) sentences.push({ tokens: all[si].map((p) => p.text), tags: tags[si] });
  return { sentences, unaligned };
}

/** Training sentences of every annotated article whose text `texts` has (id -> title and text). */
export function newsSentences(
  annotations: readonly EntityAnnotation[],
  texts: ReadonlyMap<string, { title?: string; text?: string }>,
  opts: NewsSentenceOptions = {},
): { sentences: TaggedSentence[]; articles: number; missing: number; unaligned: number; names: number } {
  const sentences: TaggedSentence[] = [];
  let articles = 0;
  let missing = 0;
  let unaligned = 0;
  let names = 0;
  for (const a of annotations) {
    const r = texts.get(a.id);
    if (!r) {
      missing++;
      continue;
    }
    articles++;
    const doc = tokenizeArticle(a.id, r.title ?? '', r.text ?? '');
    const got = articleSentences(doc, a.entities, opts);
    unaligned += got.unaligned;
    for (const s of got.sentences) {
      sentences.push(s);
      for (const t of s.tags) if (t.startsWith('B-')) names++;
    }
  }
  return { sentences, articles, missing, unaligned, names };
}
