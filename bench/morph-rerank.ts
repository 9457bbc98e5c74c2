/**
 * The split reranker (README, "A reranker of the k-best splits"): jackknifed training examples from PADT train,
 * oracle coverage of candidate sets on dev, and a dev grid of settings.
 *   node --import tsx bench/morph-rerank.ts --build /tmp/rerank-train.json      # 5 folds: segmenter + tagger per fold
 *   node --import tsx bench/morph-rerank.ts --oracle
 *   node --import tsx bench/morph-rerank.ts --grid /tmp/rerank-train.json [--quick]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { modelFile, sharedDataDir } from '../src/core/paths.ts';
import { readPadt } from '../src/corpora/ud-words.ts';
import { CORPUS_MIN_COUNT, countCorpusWords } from '../src/stages/morph/corpus.ts';
import { MorphAnalyzer } from '../src/stages/morph/morph.ts';
import { keptAlts, type RerankToken } from '../src/stages/morph/rerank.ts';
import { readClusters } from '../src/stages/morph/tagger.ts';
import { padtFile } from '../src/stages/morph/train.ts';
import {
  fitRerank,
  jackknifeExamples,
  type RerankExample,
  type RerankSetting,
  rerankExamples,
  rerankPicks,
  scorePicks,
} from '../src/stages/morph/train-rerank.ts';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const WINDOWS = [2, 4, 1000];
const f2 = (x: number): string => (100 * x).toFixed(2);
const dataDir = sharedDataDir();

const build = arg('--build');
if (build) {
  const corpus = countCorpusWords(dataDir, CORPUS_MIN_COUNT);
  const cf = modelFile('ner-clusters.tsv');
  const clusters = existsSync(cf) ? readClusters(readFileSync(cf, 'utf8')) : undefined;
  const train = readPadt(padtFile(dataDir, 'train'));
  const t0 = performance.now();
  const ex = jackknifeExamples(train, { windows: WINDOWS, corpus, clusters, log: (m) => console.error(m) });
  writeFileSync(build, JSON.stringify({ windows: WINDOWS, examples: ex }));
  console.error(`wrote ${build} in ${Math.round((performance.now() - t0) / 1000)} s`);
}

const dev = readPadt(arg('--gold') ?? padtFile(dataDir, 'dev'));
const analyzer = MorphAnalyzer.load(modelFile());
const needDev = args.includes('--oracle') || arg('--grid');
if (needDev) {
  const t0 = performance.now();
  const { examples, base } = rerankExamples(analyzer, dev, WINDOWS, true);
  console.error(`dev examples ${examples[0].length} in ${Math.round(performance.now() - t0)} ms`);
  const baseWords = dev.map(
    (s, si) =>
      analyzer.analyzeSegmented(
        s.tokens.map((t) => ({ text: t.surface })),
        base[si],
      ).words,
  );
  const oracle = (e: RerankExample[], s: Pick<RerankSetting, 'k' | 'margin' | 'marginSeen'>) => {
    const picks = e.map((x) => {
      const n = keptAlts({ seen: x.seen, alts: x.scores.map((score) => ({ score })) } as unknown as RerankToken, s);
      return x.gold > 0 && x.gold < n ? x.gold : 0;
    });
    const unsure = e.filter(
      (x) => keptAlts({ seen: x.seen, alts: x.scores.map((score) => ({ score })) } as unknown as RerankToken, s) > 1,
    ).length;
    return { r: scorePicks(analyzer, dev, base, baseWords, e, picks), unsure };
  };
  const p0 = scorePicks(
    analyzer,
    dev,
    base,
    baseWords,
    examples[0],
    examples[0].map(() => 0),
  );
  console.log(`pipeline: Words ${f2(p0.words)} UPOS ${f2(p0.upos)} exact ${f2(p0.exact)}`);
  if (args.includes('--oracle')) {
    for (const k of [2, 3])
      for (const margin of [5, 10, 15, 20, 30, 40])
        for (const marginSeen of [0, 10, 40]) {
          const { r, unsure } = oracle(examples[0], { k, margin, marginSeen });
          console.log(
            `oracle k=${k} margin=${margin} seen=${marginSeen}: unsure ${unsure}, gold reachable ${r.fixed}, Words ${f2(r.words)} UPOS ${f2(r.upos)}`,
          );
        }
  }
  const gridFile = arg('--grid');
  if (gridFile) {
    const data = JSON.parse(readFileSync(gridFile, 'utf8')) as { windows: number[]; examples: RerankExample[][] };
    const quick = args.includes('--quick');
    const drop = arg('--drop');
    if (drop) {
      const re = new RegExp(drop);
      for (const e of [...data.examples.flat(), ...examples.flat()]) e.feats = e.feats.map((f) => f.filter(([k]) => !re.test(k)));
    }
    const stats = (e: RerankExample[], name: string) => {
      const s = { k: 2, margin: 10, marginSeen: 0 };
      const u = e.filter((x) => keptAlts({ seen: x.seen, alts: x.scores.map((score) => ({ score })) } as unknown as RerankToken, s) > 1);
      const g = [0, 0, 0, 0];
      for (const x of u) g[x.gold + 1]++;
      console.log(`${name}: unsure (k2 m10) ${u.length}: gold none ${g[0]}, rank0 ${g[1]}, rank1 ${g[2]}`);
    };
    stats(data.examples[0], 'train (jackknifed)');
    stats(examples[0], 'dev');
    if (args.includes('--cv')) {
      // cross-validation on the jackknifed train examples (less noisy than dev): net tokens fixed per setting
      for (const [wi, window] of data.windows.entries()) {
        if (arg('--window') && Number(arg('--window')) !== window) continue;
        for (const [k, margin] of [
          [2, 10],
          [2, 20],
          [3, 10],
          [3, 20],
        ]) {
          const set = { k, margin, marginSeen: 0, window, l2: Number(arg('--l2') ?? 1e-3), epochs: Number(arg('--epochs') ?? 20), bias: 0 };
          const res = [0, 0.5, 1].map(() => ({ fixed: 0, broken: 0 }));
          for (let f = 0; f < 5; f++) {
            const tm = arg('--train-margin') ? Number(arg('--train-margin')) : margin;
            const m = {
              ...fitRerank(
                data.examples[wi].filter((e) => e.si % 5 !== f),
                { ...set, margin: tm },
              ),
              margin,
            };
            const held = data.examples[wi].filter((e) => e.si % 5 === f);
            [0, 0.5, 1].forEach((bias, bi) => {
              rerankPicks(held, { ...m, bias }).forEach((p, i) => {
                if (p === 0) return;
                if (held[i].gold === p) res[bi].fixed++;
                else if (held[i].gold === 0) res[bi].broken++;
              });
            });
          }
          const devM = {
            ...fitRerank(data.examples[wi], { ...set, margin: arg('--train-margin') ? Number(arg('--train-margin')) : margin }),
            margin,
          };
          const devEx = examples[WINDOWS.indexOf(window)];
          const d = [0, 0.5, 1].map((bias) => scorePicks(analyzer, dev, base, baseWords, devEx, rerankPicks(devEx, { ...devM, bias })));
          console.log(
            `cv window=${window} k=${k} margin=${margin}: ${res.map((r, bi) => `b${[0, 0.5, 1][bi]} net ${r.fixed - r.broken} (+${r.fixed}/-${r.broken})`).join('  ')} | dev UPOS ${d.map((x) => f2(x.upos)).join(' / ')} net ${d.map((x) => x.fixed - x.broken).join('/')}`,
          );
        }
      }
      process.exit(0);
    }
    const l2s = (arg('--l2') ?? (quick ? '0.0001' : '0.0001,0.001')).split(',').map(Number);
    const epochs = Number(arg('--epochs') ?? 20);
    const rows: string[] = [];
    for (const [wi, window] of data.windows.entries()) {
      if (arg('--window') && Number(arg('--window')) !== window) continue;
      const trainEx = data.examples[wi];
      const devEx = examples[WINDOWS.indexOf(window)];
      for (const k of [2, 3])
        for (const margin of quick ? [10, 20] : [5, 10, 20, 40])
          for (const marginSeen of quick ? [0] : [0, 10])
            for (const l2 of l2s) {
              const m = fitRerank(trainEx, { k, margin, marginSeen, window, l2, epochs, bias: 0 });
              for (const bias of [0, 0.5, 1, 2]) {
                const r = scorePicks(analyzer, dev, base, baseWords, devEx, rerankPicks(devEx, { ...m, bias }));
                const line = `window=${window} k=${k} margin=${margin} seen=${marginSeen} l2=${l2} bias=${bias} groups=${m.meta?.groups}\tWords ${f2(r.words)}\tUPOS ${f2(r.upos)}\texact ${f2(r.exact)}\tchanged ${r.changed} fixed ${r.fixed} broken ${r.broken}`;
                console.log(line);
                rows.push(line);
              }
            }
    }
  }
}
