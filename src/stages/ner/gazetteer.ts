/**
 * The NER gazetteer: name lists turned into features. Built once from the
 * knowledge base (`data/kb`) and Benajiba's ANERgazet lists, and saved with
 * the model (`models/ner-gazetteer.tsv`) so the features a model was trained
 * with stay the same whatever later happens to the KB.
 *
 * File format: a `#` comment header, then `form<TAB>flags` lines; `form` is a
 * name in matching form (words separated by one space), `flags` a comma list
 * of PER, LOC, ORG, MISC (a full name of that type), FIRST (a first name),
 * PERW (a word of a person's name), NAT (a nationality adjective).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliticVariants } from '../../kb/clitics.ts';
import { type KnowledgeBase, nameKey } from '../../kb/index.ts';
import { PhraseSteps } from '../../text/phrase-steps.ts';

export const GAZ_FLAGS = ['PER', 'LOC', 'ORG', 'MISC', 'FIRST', 'PERW', 'NAT'] as const;
export type GazFlag = (typeof GAZ_FLAGS)[number];
const BIT: Record<GazFlag, number> = { PER: 1, LOC: 2, ORG: 4, MISC: 8, FIRST: 16, PERW: 32, NAT: 64 };
const PHRASE_MASK = 1 | 2 | 4 | 8;

/** A phrase match over a token sequence. */
export interface GazMatch {
  start: number;
  /** Exclusive token index. */
  end: number;
  type: 'PER' | 'LOC' | 'ORG' | 'MISC';
}

export class NerGazetteer {
  /** Form -> bit set of flags. */
  readonly forms = new Map<string, number>();
  private readonly prefixes = new Set<string>();
  private maxWords = 1;

  add(form: string, flag: GazFlag): void {
    const key = nameKey(form);
    if (key === '' || key.length < 2) return;
    this.steps.clear();
    this.forms.set(key, (this.forms.get(key) ?? 0) | BIT[flag]);
    if (BIT[flag] & PHRASE_MASK) {
      const words = key.split(' ');
      if (words.length > this.maxWords) this.maxWords = Math.min(words.length, 8);
      for (let k = 1; k < words.length; k++) this.prefixes.add(words.slice(0, k).join(' '));
    }
  }

  /** Phrase prefix + next form -> the longer phrase, its phrase flags and whether it begins a longer phrase (memoised; `add` forgets it all). */
  private readonly steps = new PhraseSteps((key: string) => ({
    flags: (this.forms.get(key) ?? 0) & PHRASE_MASK,
    prefix: this.prefixes.has(key),
  }));

  /** Flags of one word (matching form). */
  flags(form: string): number {
    return this.forms.get(form) ?? 0;
  }

  has(form: string, flag: GazFlag): boolean {
    return ((this.forms.get(form) ?? 0) & BIT[flag]) !== 0;
  }

  /** Whether a phrase match can start at a word of this form: one of its clitic variants is a name or begins one. */
  canStart(form: string): boolean {
    for (const v of cliticVariants(form)) if ((this.forms.get(v.form) ?? 0) & PHRASE_MASK || this.prefixes.has(v.form)) return true;
    return false;
  }

  /**
   * Longest phrase matches over tokens in matching form, left to right, no
   * overlaps; the first token may carry proclitics (و ف ب ل ك). `starts`
   * (optional, per token: `canStart` of its form, e.g. cached) skips the
   * tokens where no match can start.
   */
  match(forms: readonly string[], starts?: ArrayLike<boolean>): GazMatch[] {
    const out: GazMatch[] = [];
    let i = 0;
    while (i < forms.length) {
      if (starts && !starts[i]) {
        i++;
        continue;
      }
      let best: GazMatch | null = null;
      for (const v of cliticVariants(forms[i])) {
        let key = v.form;
        for (let j = i + 1; j <= Math.min(forms.length, i + this.maxWords); j++) {
          let f: number;
          let prefix: boolean;
          if (j > i + 1) {
            // key + ' ' + the next form, memoised (no string built for a phrase seen before).
            const step = this.steps.extend(key, forms[j - 1]);
            key = step.key;
            f = step.value.flags;
            prefix = step.value.prefix;
          } else {
            f = (this.forms.get(key) ?? 0) & PHRASE_MASK;
            prefix = this.prefixes.has(key);
          }
          if (f && (!best || j > best.end)) best = { start: i, end: j, type: f & 1 ? 'PER' : f & 4 ? 'ORG' : f & 2 ? 'LOC' : 'MISC' };
          if (!prefix) break;
        }
      }
      if (best) {
        out.push(best);
        i = best.end;
      } else i++;
    }
    return out;
  }

  format(header: string): string {
    const lines = [`# ${header}`];
    const keys = [...this.forms.keys()].sort();
    for (const k of keys) {
      const bits = this.forms.get(k) ?? 0;
      lines.push(`${k}\t${GAZ_FLAGS.filter((f) => bits & BIT[f]).join(',')}`);
    }
    return `${lines.join('\n')}\n`;
  }

  static parse(text: string): NerGazetteer {
    const g = new NerGazetteer();
    for (const line of text.split('\n')) {
      if (line === '' || line.startsWith('#')) continue;
      const tab = line.indexOf('\t');
      if (tab < 0) continue;
      const form = line.slice(0, tab);
      for (const f of line.slice(tab + 1).split(',')) if (f in BIT) g.add(form, f as GazFlag);
    }
    return g;
  }

  static load(path: string): NerGazetteer {
    return existsSync(path) ? NerGazetteer.parse(readFileSync(path, 'utf8')) : new NerGazetteer();
  }

  /** Build from the KB and (when given) the ANERgazet folder. */
  static build(kb: KnowledgeBase, anergazetDir?: string): NerGazetteer {
    const g = new NerGazetteer();
    for (const e of kb.entries) {
      if (e.source === 'cities' && !e.tags.includes('capital') && !e.tags.some((t) => t.startsWith('pop=') && Number(t.slice(4)) >= 100000))
        continue;
      for (const n of [e.name, ...e.aliases]) {
        g.add(n, e.type);
        if (e.type === 'PER') for (const w of nameKey(n).split(' ')) if (w.length > 2) g.add(w, 'PERW');
      }
    }
    for (const f of kb.firstNames) g.add(f, 'FIRST');
    if (anergazetDir && existsSync(anergazetDir)) {
      const lines = (name: string): string[] =>
        readFileSync(join(anergazetDir, name), 'utf8')
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter((l) => l !== '' && !/^[=*]+$/.test(l));
      for (const l of lines('ANERGazet_Loc.txt')) g.add(l, 'LOC');
      for (const l of lines('ANERGazet_Org.txt')) g.add(l, 'ORG');
      for (const l of lines('ANERGazet_Pers.txt')) g.add(l, 'PERW');
    }
    return g;
  }

  /** Mark nationality adjectives (all generated forms) from the KB's demonym table. */
  addDemonyms(forms: Iterable<string>): void {
    for (const f of forms) this.add(f, 'NAT');
  }
}
