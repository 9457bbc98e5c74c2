import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { sharedDataDir } from '../../core/paths.ts';
import { evaluateSentences } from '../../stages/tokenize/evaluate.ts';
import { commandGroup } from '../group.ts';

/** `khabar eval sentences`: sentence-splitting F1 on UD Arabic-PADT. */
export function registerSentences(program: Command): void {
  commandGroup(program, 'eval', 'evaluate against gold data')
    .command('sentences')
    .description('sentence-span F1 on UD Arabic-PADT sentences concatenated into paragraphs')
    .option('--split <split>', 'train, dev or test', 'test')
    .option('--gold <file>', 'a PADT-format file (default: the split from KHABAR_DATA)')
    .option('--layout <layout>', 'layout (headline-like sentences on their own line) or runon (no line breaks)', 'layout')
    .option('--paragraph <n>', 'sentences per paragraph', '8')
    .option('--json', 'machine-readable output')
    .action((opts: { split: string; gold?: string; layout: string; paragraph: string; json?: boolean }) => {
      const file = opts.gold ?? join(sharedDataDir(), 'ud_arabic_padt_upos', `ar_padt-ud-${opts.split}.txt`);
      if (!existsSync(file)) throw new Error(`gold file not found: ${file} (set KHABAR_DATA or --gold)`);
      if (opts.layout !== 'layout' && opts.layout !== 'runon') throw new Error('--layout must be layout or runon');
      const r = evaluateSentences(file, opts.layout, Number(opts.paragraph));
      if (opts.json) {
        console.log(JSON.stringify({ file, layout: opts.layout, ...r }));
        return;
      }
      const pct = (x: number): string => (100 * x).toFixed(2);
      console.log(`sentences (${opts.layout}) on ${file}`);
      console.log(`  gold ${r.gold}  predicted ${r.predicted}  correct ${r.correct}`);
      console.log(`  precision ${pct(r.precision)}  recall ${pct(r.recall)}  F1 ${pct(r.f1)}`);
    });
}
