import type { Command } from 'commander';
import { toAnalysis } from '../../output/json.ts';
import { renderDoc } from '../../output/render.ts';
import { Printer } from '../../output/terminal.ts';
import { Pipeline } from '../../pipeline/index.ts';
import { type Format, readArticles } from '../../reader/index.ts';

interface AnalyzeOptions {
  format?: Format;
  json?: boolean;
  stages?: string;
  skip?: string;
  sentences?: boolean;
  published?: string;
}

/** `khabar analyze PATH|-`: analyse articles from a file, a directory or stdin. */
export function registerAnalyze(program: Command): void {
  program
    .command('analyze')
    .description('analyse articles from a file, a directory or stdin (-)')
    .argument('[paths...]', 'files or directories; - or nothing for stdin', ['-'])
    .option('--format <format>', 'input format: txt, json or jsonl (default: detected)')
    .option('--json', 'write one JSON analysis per line (JSONL)')
    .option('--published <date>', 'publication date for articles that give none (resolves أمس, اليوم...)')
    .option('--stages <names>', 'run only these stages (comma-separated), with what they require')
    .option('--skip <names>', 'skip these stages (comma-separated)')
    .option('--no-sentences', 'human output: do not list the sentences')
    .action(async (paths: string[], opts: AnalyzeOptions) => {
      if (opts.format && !['txt', 'json', 'jsonl'].includes(opts.format)) {
        throw new Error(`--format must be txt, json or jsonl, not "${opts.format}"`);
      }
      const pipeline = Pipeline.create({
        stages: opts.stages ? opts.stages.split(',').map((s) => s.trim()) : undefined,
        skip: opts.skip ? opts.skip.split(',').map((s) => s.trim()) : undefined,
      });
      await pipeline.load();
      const printer = opts.json ? null : new Printer(process.stdout);
      let ok = 0;
      let failed = 0;
      for (const path of paths.length ? paths : ['-']) {
        for await (const r of readArticles(path, { format: opts.format, published: opts.published })) {
          if (!r.ok) {
            failed++;
            process.stderr.write(`khabar: ${r.where}: ${r.error}\n`);
            continue;
          }
          let doc: ReturnType<Pipeline['run']>;
          try {
            doc = pipeline.run(r.article);
          } catch (e) {
            failed++;
            process.stderr.write(`khabar: ${r.where}: analysis failed: ${(e as Error).message}\n`);
            continue;
          }
          const warning = r.article.meta?.warning;
          if (typeof warning === 'string') (doc.warnings ??= []).push(warning);
          ok++;
          if (printer) {
            renderDoc(doc, printer, { sentences: opts.sentences });
            printer.flush();
          } else if (!process.stdout.write(`${JSON.stringify(toAnalysis(doc))}\n`)) {
            await new Promise((res) => process.stdout.once('drain', res));
          }
        }
      }
      if (failed > 0) {
        process.stderr.write(`khabar: ${ok} article(s) analysed, ${failed} failed\n`);
        process.exitCode = ok > 0 ? 0 : 1;
        if (ok === 0) process.exitCode = 1;
      }
    });
}
