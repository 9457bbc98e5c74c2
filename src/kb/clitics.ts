/**
 * Light proclitic stripping for lookups: the conjunctions و ف, the
 * prepositions ب ل ك, and ل+ال written لل. Works on matching forms (see
 * `matchForm`); a variant records how many leading characters it dropped so a
 * mention can start after the clitic.
 */

export interface CliticVariant {
  /** The form to look up. */
  form: string;
  /** Leading characters of the original (matching-form) token not part of `form`. */
  skip: number;
  /** True when `form` is not a plain suffix of the token (لل → ال restored an alef). */
  restored: boolean;
}

const WAW = 'و';
const FA = 'ف';
const BA = 'ب';
const LAM = 'ل';
const KAF = 'ك';

/**
 * The lookup variants of a token in matching form, the token itself first.
 * `minRest` is the shortest remainder allowed after stripping (default 2).
 */
export function cliticVariants(w: string, minRest = 2): CliticVariant[] {
  // No inner closures: this runs for every token of every article (NER features, linking).
  const out: CliticVariant[] = [{ form: w, skip: 0, restored: false }];
  if (w.length - 1 >= minRest && (w[0] === WAW || w[0] === FA)) {
    const rest = w.slice(1);
    out.push({ form: rest, skip: 1, restored: false });
    addPrep(out, rest, 1, minRest);
  }
  addPrep(out, w, 0, minRest);
  return out;
}

/** The variant of `s` without a leading preposition ب ل ك (or لل → ال), `skip` characters already dropped before `s`. */
function addPrep(out: CliticVariant[], s: string, skip: number, minRest: number): void {
  if (s.length - 1 < minRest) return;
  const c = s[0];
  if (c === LAM && s[1] === LAM && s.length - 1 >= minRest + 1) {
    // لل+X = ل + الX: the mention starts at the second lam; the lookup form restores the alef.
    out.push({ form: `ا${s.slice(1)}`, skip: skip + 1, restored: true });
    return;
  }
  if (c === BA || c === LAM || c === KAF) out.push({ form: s.slice(1), skip: skip + 1, restored: false });
}

/** The token without its proclitics (the longest strip that leaves at least `minRest` letters); for features. */
export function stripClitics(w: string, minRest = 3): string {
  const v = cliticVariants(w, minRest);
  return v[v.length - 1].form;
}
