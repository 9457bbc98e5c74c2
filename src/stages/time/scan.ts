import type { Doc, Sentence } from '../../core/types.ts';
import { matchForm } from '../../text/normalize.ts';

/**
 * A light view of a Doc's words shared by the time, quotes and events stages.
 * It uses the tokenizer's layer when present (`doc.tokens`, `doc.sentences`)
 * and otherwise scans the text itself, so these stages also work (and can be
 * tested) without the tokenize stage.
 */
export interface Tok {
  start: number;
  end: number;
  /** Exact slice of Doc.text. */
  text: string;
  /** Matching form (alef/ya/ta-marbuta folded, no diacritics, ASCII digits). */
  norm: string;
  /** 'w' Arabic or Latin word, 'n' number, 'p' punctuation or symbol. */
  kind: 'w' | 'n' | 'p';
  sentence: number;
}

export interface DocView {
  toks: Tok[];
  sentences: Sentence[];
  /** For each sentence, [first token, end token). */
  sentTok: Array<[number, number]>;
}

const cache = new WeakMap<Doc, DocView>();

function isLetter(c: number): boolean {
  return (
    (c >= 0x0621 && c <= 0x064a) ||
    (c >= 0x0671 && c <= 0x06d3) ||
    c === 0x06d5 ||
    (c >= 0x064b && c <= 0x065f) ||
    c === 0x0670 ||
    c === 0x0640 ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0xc0 && c <= 0x24f) ||
    c === 0x5f // underscore joins hashtag words (#ميليشيا_الحوثي)
  );
}

function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9);
}

function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0x0a ||
    c === 0x0d ||
    c === 0xa0 ||
    c === 0x200f ||
    c === 0x200e ||
    c === 0x200b ||
    c === 0x200c ||
    c === 0x200d ||
    c === 0x3000
  );
}

/** Scan `text[from, to)` into words, numbers and single punctuation marks. */
export function scanTokens(text: string, from: number, to: number, sentence: number, out: Tok[]): void {
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    let kind: Tok['kind'];
    if (isLetter(c)) {
      while (j < to && isLetter(text.charCodeAt(j))) j++;
      kind = 'w';
    } else if (isDigit(c)) {
      // 12, 3,000, 1.5, 20/2/2014 stay one token.
      while (j < to) {
        const d = text.charCodeAt(j);
        if (isDigit(d)) j++;
        else if (
          (d === 0x2c || d === 0x2e || d === 0x2f || d === 0x66b || d === 0x66c || d === 0x2d) &&
          j + 1 < to &&
          isDigit(text.charCodeAt(j + 1))
        )
          j += 2;
        else break;
      }
      kind = 'n';
    } else {
      kind = 'p';
    }
    const t = text.slice(i, j);
    out.push({ start: i, end: j, text: t, norm: kind === 'p' ? t : matchForm(t), kind, sentence });
    i = j;
  }
}

/** Split text into sentences at . ! ? ؟ and line breaks (fallback when the tokenize stage did not run). */
function fallbackSentences(doc: Doc): Sentence[] {
  const text = doc.text;
  const out: Sentence[] = [];
  const a = doc.article;
  const bodyStart = a?.spans?.body?.start ?? 0;
  let s = 0;
  const push = (e: number): void => {
    let st = s;
    while (st < e && isSpace(text.charCodeAt(st))) st++;
    let en = e;
    while (en > st && isSpace(text.charCodeAt(en - 1))) en--;
    if (en > st) out.push({ start: st, end: en, zone: st < bodyStart ? 'headline' : 'body', tokenStart: 0, tokenEnd: 0 });
    s = e;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) push(i + 1);
    else if ((c === 0x2e || c === 0x21 || c === 0x3f || c === 0x61f) && (i + 1 >= text.length || isSpace(text.charCodeAt(i + 1)))) {
      if (c === 0x2e && i > 0 && isDigit(text.charCodeAt(i - 1)) && i + 1 < text.length && isDigit(text.charCodeAt(i + 1))) continue;
      push(i + 1);
    }
  }
  push(text.length);
  return out;
}

function kindOf(k: string): Tok['kind'] {
  if (k === 'word' || k === 'latin' || k === 'hashtag' || k === 'mention') return 'w';
  if (k === 'number' || k === 'percent' || k === 'date' || k === 'time') return 'n';
  return 'p';
}

/** The shared word view of a doc (computed once per doc). */
export function docView(doc: Doc): DocView {
  const hit = cache.get(doc);
  if (hit) return hit;
  const toks: Tok[] = [];
  let sentences: Sentence[];
  const sentTok: Array<[number, number]> = [];
  if (doc.tokens && doc.tokens.length > 0 && doc.sentences && doc.sentences.length > 0) {
    sentences = doc.sentences;
    for (const t of doc.tokens) {
      toks.push({
        start: t.start,
        end: t.end,
        text: t.text,
        norm: t.norm || matchForm(t.text),
        kind: kindOf(t.kind),
        sentence: t.sentence,
      });
    }
    for (const s of sentences) sentTok.push([s.tokenStart, s.tokenEnd]);
  } else {
    sentences = doc.sentences && doc.sentences.length > 0 ? doc.sentences : fallbackSentences(doc);
    for (let k = 0; k < sentences.length; k++) {
      const s = sentences[k];
      const first = toks.length;
      scanTokens(doc.text, s.start, s.end, k, toks);
      sentTok.push([first, toks.length]);
    }
  }
  const v = { toks, sentences, sentTok };
  cache.set(doc, v);
  return v;
}

/** Strip one leading conjunction (و ف) from a matching form when the rest is long enough. */
export function stripConj(norm: string): string {
  const c = norm.charCodeAt(0);
  if ((c === 0x648 || c === 0x641) && norm.length > 3) return norm.slice(1);
  return norm;
}

/** Quotation marks and other punctuation helpers. */
export const OPEN_QUOTES = new Set(['«', '“', '"', '„', '‹', '‘']);
export const CLOSE_FOR: Record<string, string> = { '«': '»', '“': '”', '"': '"', '„': '“', '‹': '›', '‘': '’' };
