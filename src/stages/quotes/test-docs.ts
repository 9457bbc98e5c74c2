/** Hand-made documents for the quote stage's tests: tokenized text, entities named by hand, the rules' quotes. */
import type { Article, Doc, Entity } from '../../core/types.ts';
import { newDoc } from '../../pipeline/index.ts';
import { tokenizeStage } from '../tokenize/index.ts';
import { extractQuotes } from './extract.ts';
import { loadCues } from './lexicon.ts';

function article(body: string, headline = ''): Article {
  const text = headline ? `${headline}\n${body}` : body;
  const hs = headline ? { headline: { start: 0, end: headline.length } } : {};
  return { id: 't', headline, body, text, spans: { ...hs, body: { start: headline ? headline.length + 1 : 0, end: text.length } } };
}

/** Tokenize, add hand-made entities (every occurrence of each name), extract the rule quotes. */
export function ruleQuotesDoc(body: string, names: Array<[string, Entity['type']]> = [], headline = ''): Doc {
  const doc = newDoc(article(body, headline));
  doc.id = `t${body.length}`;
  tokenizeStage.create().process(doc);
  doc.entities = names.map(([name, type], i) => {
    const mentions: Entity['mentions'] = [];
    for (let k = doc.text.indexOf(name); k >= 0; k = doc.text.indexOf(name, k + 1))
      mentions.push({ text: name, start: k, end: k + name.length });
    return { id: `e${i + 1}`, type, name, mentions };
  });
  doc.quotes = extractQuotes(doc, loadCues());
  return doc;
}
