/**
 * ANERcorp in CoNLL form (one `token tag` per line, blank line between
 * sentences), as distributed with the CAMeL Lab split. Tags are IOB2 with
 * ANERcorp's `PERS` renamed to `PER`. The same reader takes any CoNLL-like file
 * whose first column is the token and whose last column (if any) is the tag.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataDir } from '../core/paths.ts';

export interface TaggedSentence {
  tokens: string[];
  /** One IOB2 tag per token (`O` when the file has no tag column). */
  tags: string[];
}

/** Map a corpus tag to khabar's label set: PERS -> PER, odd spellings to O. */
export function normaliseTag(tag: string): string {
  if (tag === 'O' || tag === '') return 'O';
  const m = /^([BI])-(PERS?|LOC|ORG|MISC)$/i.exec(tag);
  if (!m) return 'O';
  const type = m[2].toUpperCase().startsWith('PER') ? 'PER' : m[2].toUpperCase();
  return `${m[1].toUpperCase()}-${type}`;
}

/** Parse CoNLL text: whitespace-separated columns, first = token, last = tag (when two or more columns). */
export function parseConll(text: string): TaggedSentence[] {
  const out: TaggedSentence[] = [];
  let cur: TaggedSentence = { tokens: [], tags: [] };
  const lines = text.split(/\r?\n/);
  for (const raw of lines) {
    const line = raw.replace(/\u200f/g, '').trim();
    if (line === '') {
      if (cur.tokens.length > 0) out.push(cur);
      cur = { tokens: [], tags: [] };
      continue;
    }
    const cols = line.split(/[\t ]+/);
    cur.tokens.push(cols[0]);
    cur.tags.push(cols.length > 1 ? normaliseTag(cols[cols.length - 1]) : 'O');
  }
  if (cur.tokens.length > 0) out.push(cur);
  return out;
}

export function readConll(path: string): TaggedSentence[] {
  return parseConll(readFileSync(path, 'utf8'));
}

/** Write sentences as `token<TAB>tag` lines with a blank line between sentences. */
export function formatConll(sentences: readonly TaggedSentence[]): string {
  let s = '';
  for (const sent of sentences) {
    for (let i = 0; i < sent.tokens.length; i++) s += `${sent.tokens[i]}\t${sent.tags[i] ?? 'O'}\n`;
    s += '\n';
  }
  return s;
}

/** The ANERcorp CAMeL split: `train` minus its last 10% of sentences, `dev` = that 10%, `test` = the official test file. */
export function anercorpSplit(
  split: 'train' | 'dev' | 'test' | 'train-full',
  dir = join(sharedDataDir(), 'anercorp_camel'),
): TaggedSentence[] {
  if (split === 'test') return readConll(join(dir, 'ANERCorp_CamelLab_test.txt'));
  const train = readConll(join(dir, 'ANERCorp_CamelLab_train.txt'));
  if (split === 'train-full') return train;
  const cut = Math.floor(train.length * 0.9);
  return split === 'train' ? train.slice(0, cut) : train.slice(cut);
}
