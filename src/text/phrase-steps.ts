/**
 * Memo for phrase scans over a lexicon of multi-word names: the phrase one
 * word longer than a known prefix (`prefix + ' ' + word`) and what the
 * lexicon says about it, computed once per (prefix, word) instead of building
 * and hashing a new string at every step of every scan. Bounded: cleared when
 * it holds `limit` steps; `clear()` when the lexicon changes.
 */
export class PhraseSteps<T> {
  private readonly steps = new Map<string, Map<string, { key: string; value: T }>>();
  private count = 0;

  /** `about(phrase)` answers the lexicon's questions about a phrase (called once per new step). */
  constructor(
    private readonly about: (phrase: string) => T,
    private readonly limit = 100_000,
  ) {}

  /** The phrase `prefix + ' ' + word` and what the lexicon says about it. */
  extend(prefix: string, word: string): { key: string; value: T } {
    let next = this.steps.get(prefix);
    if (next === undefined) {
      if (this.count >= this.limit) this.clear();
      next = new Map();
      this.steps.set(prefix, next);
    }
    let step = next.get(word);
    if (step === undefined) {
      const key = `${prefix} ${word}`;
      step = { key, value: this.about(key) };
      next.set(word, step);
      this.count++;
    }
    return step;
  }

  clear(): void {
    if (this.count === 0 && this.steps.size === 0) return;
    this.steps.clear();
    this.count = 0;
  }
}
