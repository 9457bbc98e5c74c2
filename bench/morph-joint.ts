/**
 * Joint segmentation + tagging experiment (README, "Joint segmentation"): error analysis of the segmentation
 * on a PADT file (default dev), the oracle of the k-best analyses, and a grid of `JointOptions`.
 *   node --import tsx bench/morph-joint.ts [--gold FILE] [--oracle] [--grid] [--set k,margin,marginSeen,lambda,wordCost,splitsOnly(0|1)] [--dump]
 */

import { modelFile } from '../src/core/paths.ts';
import { readPadt } from '../src/corpora/ud-words.ts';
import { alignToken, evaluateMorph, MorphTally } from '../src/stages/morph/eval.ts';
import { type JointOptions, MorphAnalyzer, type MorphWord } from '../src/stages/morph/morph.ts';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const gold = arg('--gold') ?? `${process.env.KHABAR_DATA}/ud_arabic_padt_upos/ar_padt-ud-dev.txt`;
const sentences = readPadt(gold);
const analyzer = MorphAnalyzer.load(modelFile());
const inputs = sentences.map((s) => s.tokens.map((t) => ({ text: t.surface })));
const f = (x: number): string => (100 * x).toFixed(2);

/** UPOS and Words F1 of per-sentence outputs. */
function score(outs: MorphWord[][]): { words: number; upos: number; exact: number } {
  const tally = new MorphTally();
  for (const [si, s] of sentences.entries()) tally.add(s, outs[si]);
  return tally.f1;
}

if (args.includes('--oracle')) {
  const K = 3;
  let wrong = 0;
  let contextual = 0;
  let wrongContextual = 0;
  const inK = [0, 0, 0, 0];
  const wrongKinds = new Map<string, number>();
  const margins: Array<{ m: number; rank: number; seen: boolean }> = [];
  const oracle: MorphWord[][][] = [[], [], [], []];
  const base: MorphWord[][] = [];
  sentences.forEach((s, si) => {
    const opts = analyzer.tokenOptions(inputs[si], K);
    const first = opts.map((o) => o[0].seg);
    base.push(analyzer.analyzeSegmented(inputs[si], first).words);
    const chosen: number[] = opts.map(() => 0);
    s.tokens.forEach((t, ti) => {
      const o = opts[ti];
      const ok = (j: number) => o[j].seg.forms.length === t.parts.length && o[j].seg.forms.every((x, i) => x === t.parts[i].form);
      if (o.length > 1 || o[0].score !== 0) contextual++;
      if (ok(0)) return;
      wrong++;
      const kind = o.length === 1 ? 'not contextual (lexicon / non-Arabic)' : o[0].seg.seen ? 'ambiguous seen' : 'unseen';
      wrongKinds.set(kind, (wrongKinds.get(kind) ?? 0) + 1);
      if (o.length > 1) wrongContextual++;
      const r = o.findIndex((_, j) => ok(j));
      if (r > 0) {
        chosen[ti] = r;
        margins.push({ m: o[0].score - o[r].score, rank: r, seen: o[0].seg.seen });
        for (let k = r + 1; k <= K; k++) inK[k]++;
      }
    });
    for (let k = 2; k <= K; k++) {
      const segs = opts.map((o, ti) => o[chosen[ti] < k ? chosen[ti] : 0].seg);
      oracle[k][si] = analyzer.analyzeSegmented(inputs[si], segs).words;
    }
  });
  const b = score(base);
  console.log(`tokens ${inputs.flat().length}, contextual (unseen Arabic or ambiguous seen) ${contextual}`);
  console.log(`mis-segmented tokens ${wrong}: ${[...wrongKinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  console.log(`gold among top-2: ${inK[2]}, among top-3: ${inK[3]} (of ${wrongContextual} wrong contextual tokens)`);
  console.log(`pipeline: Words F1 ${f(b.words)} UPOS F1 ${f(b.upos)} exact ${f(b.exact)}`);
  for (let k = 2; k <= K; k++) {
    const o = score(oracle[k]);
    console.log(`oracle top-${k}: Words F1 ${f(o.words)} (+${f(o.words - b.words)}) UPOS F1 ${f(o.upos)} (+${f(o.upos - b.upos)})`);
  }
  margins.sort((x, y) => x.m - y.m);
  console.log('ranker margin best − gold (rank, seen):', margins.map((x) => `${x.m.toFixed(1)}${x.seen ? 's' : 'u'}${x.rank}`).join(' '));
  // gold segmentation, all tokens (the tagger's ceiling)
  const goldOut = sentences.map((s, si) => {
    const segs = s.tokens.map((t) => {
      const forms = t.parts.map((p) => p.form);
      const bounds = forms.map((_, i) => i);
      bounds.push(t.surface.length);
      return { forms, bounds, roles: forms.map((_, i) => (forms.length > 1 && i === 0 ? 0 : 1)), seen: true };
    });
    return analyzer.analyzeSegmented(inputs[si], segs).words;
  });
  const gs = score(goldOut);
  console.log(`gold segmentation (roles approximate): UPOS F1 ${f(gs.upos)}`);
}

const run = (j: JointOptions | null): void => {
  analyzer.joint = j;
  const outs = inputs.map((t) => analyzer.analyze(t));
  const s = score(outs);
  console.log(
    `${j ? `k=${j.k} margin=${j.margin} seen=${j.marginSeen} lambda=${j.lambda} wordCost=${j.wordCost} splitsOnly=${j.splitsOnly}` : 'pipeline'}\tWords ${f(s.words)}\tUPOS ${f(s.upos)}\texact ${f(s.exact)}`,
  );
};

if (args.includes('--grid')) {
  run(null);
  for (const splitsOnly of [true, false])
    for (const k of [2, 3])
      for (const lambda of [2, 4, 8])
        for (const wordCost of [80, 100, 120, 140])
          for (const margin of [10, 20]) for (const marginSeen of [0, 10]) run({ k, margin, marginSeen, lambda, wordCost, splitsOnly });
}
const set = arg('--set');
if (set) {
  const [k, margin, marginSeen, lambda, wordCost, splits] = set.split(',').map(Number);
  const j: JointOptions = { k, margin, marginSeen, lambda, wordCost, splitsOnly: splits === 1 };
  run(null);
  run(j);
  // tokens whose split the joint choice changed: right before / after
  const splitOk = (words: MorphWord[], si: number, ti: number): boolean => {
    const sys = words.filter((w) => w.token === ti);
    const parts = sentences[si].tokens[ti].parts;
    return sys.length === parts.length && sys.every((x, i) => x.form === parts[i].form);
  };
  let fixed = 0;
  let broken = 0;
  let other = 0;
  inputs.forEach((t, si) => {
    analyzer.joint = null;
    const a = analyzer.analyze(t);
    analyzer.joint = j;
    const b = analyzer.analyze(t);
    t.forEach((_, ti) => {
      const fa = a
        .filter((w) => w.token === ti)
        .map((w) => w.form)
        .join('+');
      const fb = b
        .filter((w) => w.token === ti)
        .map((w) => w.form)
        .join('+');
      if (fa === fb) return;
      const oa = splitOk(a, si, ti);
      const ob = splitOk(b, si, ti);
      if (!oa && ob) fixed++;
      else if (oa && !ob) broken++;
      else other++;
      if (args.includes('--show')) console.log(`${oa ? '+' : '-'}${ob ? '+' : '-'} ${t[ti].text}\t${fa}\t${fb}`);
    });
  });
  console.log(`changed splits: ${fixed} fixed, ${broken} broken, ${other} wrong either way`);
  analyzer.joint = j;
  const e = evaluateMorph(analyzer, sentences);
  console.log(`evaluateMorph: Words F1 ${f(e.words.f1)} UPOS F1 ${f(e.upos.f1)} exact ${f(e.segmentationExact)}`);
}

if (args.includes('--dump')) {
  // per unsure token (k alternatives within margin 40): tagger score deltas, ranker deltas, word-count deltas, which is gold
  const lines: string[] = ['si\tti\tj\tseen\tdtag\tdseg\tdn\tgold0\tgoldj\tuposgain\tsurface\tbest\talt'];
  sentences.forEach((s, si) => {
    const opts = analyzer.tokenOptions(inputs[si], 3);
    const segs = opts.map((o) => o[0].seg);
    const base = analyzer.analyzeSegmented(inputs[si], segs);
    const uposOk = (words: MorphWord[], ti: number): number => {
      const sys = words.filter((w) => w.token === ti);
      return alignToken(s.tokens[ti].parts, sys).upos;
    };
    opts.forEach((o, ti) => {
      if (o.length < 2) return;
      const t = s.tokens[ti];
      const ok = (j: number) => o[j].seg.forms.length === t.parts.length && o[j].seg.forms.every((x, i) => x === t.parts[i].form);
      for (let j = 1; j < o.length; j++) {
        if (o[0].score - o[j].score >= 40) continue;
        const alt = segs.slice();
        alt[ti] = o[j].seg;
        const r = analyzer.analyzeSegmented(inputs[si], alt);
        lines.push(
          [
            si,
            ti,
            j,
            o[0].seg.seen ? 1 : 0,
            (r.score - base.score).toFixed(2),
            (o[j].score - o[0].score).toFixed(2),
            o[j].seg.forms.length - o[0].seg.forms.length,
            ok(0) ? 1 : 0,
            ok(j) ? 1 : 0,
            uposOk(r.words, ti) - uposOk(base.words, ti),
            t.surface,
            o[0].seg.forms.join('+'),
            o[j].seg.forms.join('+'),
          ].join('\t'),
        );
      }
    });
  });
  console.log(lines.join('\n'));
}
