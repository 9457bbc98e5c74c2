import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { hasSharedData, sharedDataDir } from '../core/paths.ts';
import { parsePadtLine, partsCost, readPadt, readPadtText } from './ud-words.ts';

const forms = (line: string) =>
  parsePadtLine(line).tokens.map((t) => `${t.surface}=${t.parts.map((p) => `${p.form}/${p.upos}`).join('+')}`);

test('multiword tokens are aligned to their parts, with restored letters', () => {
  assert.deepEqual(forms('للاسلحة ل الأسلحة حكومته حكومة ه .\t_ ADP NOUN _ NOUN PRON PUNCT'), [
    'للاسلحة=ل/ADP+الأسلحة/NOUN',
    'حكومته=حكومة/NOUN+ه/PRON',
    '.=./PUNCT',
  ]);
  // three parts, and a two-part token followed by a one-letter word
  assert.deepEqual(forms('وبانه و ب أن ه بيته بيت ه و\t_ CCONJ ADP SCONJ PRON _ NOUN PRON CCONJ'), [
    'وبانه=و/CCONJ+ب/ADP+أن/SCONJ+ه/PRON',
    'بيته=بيت/NOUN+ه/PRON',
    'و=و/CCONJ',
  ]);
  // ى before an enclitic, the silent alef of وا, ل + الل
  assert.deepEqual(forms('عليه على ه نقلوه نقلوا ه لله ل الله\t_ ADP PRON _ VERB PRON _ ADP NOUN'), [
    'عليه=على/ADP+ه/PRON',
    'نقلوه=نقلوا/VERB+ه/PRON',
    'لله=ل/ADP+الله/NOUN',
  ]);
});

test('alignment cost is 0 for regular joins and positive otherwise', () => {
  assert.equal(partsCost('للأسلحة', ['ل', 'الأسلحة']), 0);
  assert.equal(partsCost('لالمانيا', ['ل', 'ألمانيا']), 0);
  assert.ok(partsCost('كتابه', ['كتاب']) > 0);
});

test('bad input: stray "_" items, blank lines, mismatched lengths', () => {
  assert.deepEqual(forms('، _ تايلاند\tPUNCT _ X'), ['،=،/PUNCT', 'تايلاند=تايلاند/X']);
  assert.equal(readPadtText('\n\n').length, 0);
  assert.throws(() => parsePadtLine('a b\tX'));
  assert.throws(() => parsePadtLine('no tab here'));
});

test('PADT dev has the published word count', { skip: hasSharedData() ? false : 'needs ../shared/data' }, () => {
  const sents = readPadt(join(sharedDataDir(), 'ud_arabic_padt_upos', 'ar_padt-ud-dev.txt'));
  assert.equal(sents.length, 909);
  let words = 0;
  for (const s of sents) for (const t of s.tokens) words += t.parts.length;
  assert.equal(words, 30240);
});
