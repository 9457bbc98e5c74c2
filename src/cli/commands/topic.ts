import type { Command } from 'commander';
import { sharedDataDir } from '../../core/paths.ts';
import { buildDocFreq } from '../../stages/summary/train.ts';
import { trainTopic, writeTopicCard } from '../../stages/topic/train.ts';
import { commandGroup } from '../group.ts';

/** `khabar train topic`: rebuild models/topic.bin and its card from the ANT corpus. */
export function registerTopic(program: Command): void {
  commandGroup(program, 'train', 'rebuild a model from KHABAR_DATA')
    .command('topic')
    .description('train the topic classifier on the ANT corpus (writes models/topic.bin and models/topic.md)')
    .option('--json', 'print the report as JSON')
    .action((opts: { json?: boolean }) => {
      const r = trainTopic(sharedDataDir(), { log: (s) => process.stderr.write(`${s}\n`) });
      writeTopicCard(r);
      if (opts.json) console.log(JSON.stringify(r));
      else
        console.log(
          `topic: dev accuracy ${(100 * r.dev.accuracy).toFixed(2)}, test accuracy ${(100 * r.test.accuracy).toFixed(2)} (macro F1 ${(100 * r.test.macroF1).toFixed(2)}); wrote models/topic.bin and models/topic.md`,
        );
    });
}

/** `khabar train keywords`: rebuild the document-frequency table used by keywords and summaries. */
export function registerKeywords(program: Command): void {
  commandGroup(program, 'train', 'rebuild a model from KHABAR_DATA')
    .command('keywords')
    .description('count stem document frequencies over the ANT corpus (writes models/keywords-df.tsv)')
    .action(() => {
      const r = buildDocFreq(sharedDataDir());
      console.log(`keywords: ${r.terms} stems from ${r.docs} articles; wrote models/keywords-df.tsv`);
    });
}
