/** Offsets into a document's text and the tokens that hold them. */

/**
 * Index of the token that holds character offset `off`: the last token starting at or before it (binary search; tokens
 * are in text order). 0 for an offset before the first token.
 */
export function tokenContaining(tokens: ReadonlyArray<{ start: number }>, off: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo < hi) {
    const m = (lo + hi + 1) >> 1;
    if (tokens[m].start <= off) lo = m;
    else hi = m - 1;
  }
  return lo;
}

/** Index of the first token starting at or after character offset `off` (binary search); `tokens.length` when none does. */
export function firstTokenFrom(tokens: ReadonlyArray<{ start: number }>, off: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (tokens[m].start < off) lo = m + 1;
    else hi = m;
  }
  return lo;
}
