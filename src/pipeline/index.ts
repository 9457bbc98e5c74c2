import type { Article, Doc } from '../core/types.ts';
import { STAGES } from '../stages/index.ts';

/**
 * A pipeline stage adds one layer to a Doc. Resources (lexicons, models) are
 * loaded once by `load()` and reused for every document.
 */
export interface Stage {
  /** Unique name, used to select stages ("tokenize", "morph", "ner", ...). */
  readonly name: string;
  /** Names of the stages whose layers this stage reads. */
  readonly requires?: readonly string[];
  /** Load resources once. Called by the pipeline before the first document. */
  load?(): void | Promise<void>;
  /** Add the stage's layer(s) to the doc, in place. */
  process(doc: Doc): void;
}

/** A stage as the pipeline knows it before it is built. */
export interface StageSpec {
  name: string;
  /** Names of the stages whose layers this stage reads. */
  requires: readonly string[];
  create(options?: Record<string, unknown>): Stage;
}

export interface PipelineOptions {
  /** Run only these stages (and the ones they require), in pipeline order. Default: all. */
  stages?: string[];
  /** Skip these stages. */
  skip?: string[];
  /** Per-stage options, by stage name. */
  options?: Record<string, Record<string, unknown>>;
}

/** Creates an empty Doc for an article; stages fill the layers. */
export function newDoc(article: Article): Doc {
  return { id: article.id, article, text: article.text, sentences: [], tokens: [], stages: [] };
}

/** Runs registered stages in order over articles. */
export class Pipeline {
  readonly stages: Stage[];
  private loaded = false;

  constructor(stages: Stage[]) {
    this.stages = stages;
  }

  /** Build a pipeline from the known stages (`src/stages/index.ts`), in their order. */
  static create(opts: PipelineOptions = {}): Pipeline {
    const byName = new Map(STAGES.map((s) => [s.name, s]));
    const names = STAGES.map((s) => s.name);
    let wanted: Set<string>;
    if (opts.stages && opts.stages.length > 0) {
      wanted = new Set();
      const add = (n: string): void => {
        const spec = byName.get(n);
        if (!spec) throw new Error(`unknown stage "${n}" (known: ${names.join(', ')})`);
        if (wanted.has(n)) return;
        wanted.add(n);
        for (const r of spec.requires) add(r);
      };
      for (const n of opts.stages) add(n);
    } else {
      wanted = new Set(names);
    }
    for (const n of opts.skip ?? []) {
      if (!byName.has(n)) throw new Error(`unknown stage "${n}" (known: ${names.join(', ')})`);
      wanted.delete(n);
    }
    return new Pipeline(STAGES.filter((s) => wanted.has(s.name)).map((s) => s.create(opts.options?.[s.name])));
  }

  /** Load every stage's resources (idempotent). */
  async load(): Promise<void> {
    if (this.loaded) return;
    for (const s of this.stages) await s.load?.();
    this.loaded = true;
  }

  /** Load synchronously where stages allow it (stages whose load returns a promise must use `load()`). */
  loadSync(): void {
    if (this.loaded) return;
    for (const s of this.stages) {
      const r = s.load?.();
      if (r && typeof (r as Promise<void>).then === 'function') {
        throw new Error(`stage "${s.name}" loads asynchronously: call await pipeline.load() first`);
      }
    }
    this.loaded = true;
  }

  /** Analyse one article. */
  run(article: Article): Doc {
    this.loadSync();
    const doc = newDoc(article);
    for (const s of this.stages) {
      const t0 = performance.now();
      s.process(doc);
      doc.stages.push({ name: s.name, ms: Math.round((performance.now() - t0) * 1000) / 1000 });
    }
    return doc;
  }
}
