/**
 * Stage `entities`: links the NER names (and precise gazetteer matches) to the
 * knowledge base and groups every mention of one real-world entity
 * (in-document coreference). Fills `doc.entities`. See `resolve.ts`.
 */
import { readFileSync } from 'node:fs';
import { dataFile } from '../../core/paths.ts';
import type { Doc } from '../../core/types.ts';
import { KnowledgeBase } from '../../kb/index.ts';
import type { Stage, StageSpec } from '../../pipeline/index.ts';
import {
  EntityResolver,
  parseContextual,
  parseFacilities,
  parseInstitutionsEn,
  parseList,
  parseOrgNames,
  parseOrgPatterns,
  parseTitles,
} from './resolve.ts';

export { EntityResolver, parseFacilities, parseInstitutionsEn, parseList, parseTitles } from './resolve.ts';

export class EntitiesStage implements Stage {
  readonly name = 'entities';
  readonly requires = ['tokenize', 'ner'];
  private resolver: EntityResolver | null = null;
  private kb: KnowledgeBase | null = null;
  private readonly extra?: string[];

  constructor(options?: Record<string, unknown>) {
    const extra = options?.kbExtra;
    if (Array.isArray(extra)) this.extra = extra.map(String);
    else if (typeof extra === 'string') this.extra = [extra];
  }

  load(): void {
    if (this.resolver) return;
    const kb = this.extra ? KnowledgeBase.load({ extra: this.extra }) : KnowledgeBase.default();
    this.kb = kb;
    const read = (name: string): string => readFileSync(dataFile('kb', name), 'utf8');
    this.resolver = new EntityResolver(kb, {
      titles: parseTitles(read('titles.txt')),
      generic: new Set(parseList(read('generic.txt'))),
      orgHeads: parseList(read('org-heads.txt'))
        .map((h) => h.split(' '))
        .sort((a, b) => b.length - a.length),
      orgPatterns: parseOrgPatterns(read('org-patterns.txt')),
      trailing: new Set(parseList(read('trailing.txt'))),
      leading: new Set(parseList(read('leading.txt'))),
      aliasMarkers: new Set(parseList(read('alias-markers.txt'))),
      mentionCuts: new Set(parseList(read('mention-cuts.txt'))),
      contextual: parseContextual(read('contextual.tsv')),
      personHeads: new Set(parseList(read('person-heads.txt'))),
      institutionsEn: parseInstitutionsEn(read('institutions-en.tsv')),
      facilities: parseFacilities(read('facilities.tsv')),
      facilityAdjectives: new Set(parseList(read('facility-adjectives.txt'))),
      orgNames: parseOrgNames(read('org-names.txt')),
    });
  }

  process(doc: Doc): void {
    this.load();
    doc.entities = (this.resolver as EntityResolver).resolve(doc);
    // the English Wikipedia article of each linked entity, where the KB knows its title
    for (const e of doc.entities) {
      const title = e.kbId ? this.kb?.byId.get(e.kbId)?.wikipedia : undefined;
      if (title) e.wikipedia = title;
    }
  }
}

export const entitiesStage: StageSpec = {
  name: 'entities',
  requires: ['tokenize', 'ner'],
  create: (options) => new EntitiesStage(options),
};
