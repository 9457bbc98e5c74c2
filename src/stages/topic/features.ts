import type { Article } from '../../core/types.ts';
import { analyzeText } from '../../search/analyzer.ts';

/**
 * Topic features of an article: the search analyzer's stems (so spelling and
 * clitic variants share a feature) of the headline (prefixed `h:`) and of the
 * body (prefixed `b:`, once per document), plus body bigrams of stems.
 */
export function topicFeatures(a: Article): string[] {
  const feats = new Set<string>();
  if (a.headline) for (const t of analyzeText(a.headline)) feats.add(`h:${t.term}`);
  const body = analyzeText(a.body);
  for (let i = 0; i < body.length; i++) {
    feats.add(`b:${body[i].term}`);
    if (i + 1 < body.length) feats.add(`bb:${body[i].term}_${body[i + 1].term}`);
  }
  return [...feats];
}
