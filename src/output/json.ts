import type { Doc } from '../core/types.ts';

/**
 * The JSON form of an analysis (documented in docs/analysis-format.md): one
 * object per article. `text` is the original text every offset points into.
 */
export interface Analysis {
  id: string;
  text: string;
  article: Record<string, unknown>;
  sentences: Doc['sentences'];
  tokens: Array<Omit<Doc['tokens'][number], 'sentence'> & { sentence: number }>;
  [layer: string]: unknown;
}

export function toAnalysis(doc: Doc): Analysis {
  const { text: _text, ...article } = doc.article;
  const out: Analysis = {
    id: doc.id,
    text: doc.text,
    article,
    sentences: doc.sentences,
    tokens: doc.tokens,
  };
  const skip = new Set(['id', 'article', 'text', 'sentences', 'tokens', 'stages']);
  for (const [k, v] of Object.entries(doc)) if (!skip.has(k) && v !== undefined) out[k] = v;
  out.stages = doc.stages;
  return out;
}
