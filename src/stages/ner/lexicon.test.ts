import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NerGazetteer } from './gazetteer.ts';
import { countNames, formatLexicon, isDefinite, nameTokens, parseNamePatterns, selectNames, sightings } from './lexicon.ts';

const PATTERNS = `# test patterns
[person]
المدرب
لاعب
وزير
الرئيس
[org]
شركة
[end]
قال
إن
في
[stop]
مباراة
`;

const patterns = () => parseNamePatterns(PATTERNS, ['هذا', 'بن صالح'], ['الفرنسي', 'الأمريكي', 'الأمريكية', 'المصري']);

test('name patterns: sections in matching form, the longest trigger, stop words of one word only', () => {
  const p = patterns();
  assert.ok(p.person.has('المدرب') && p.person.has('وزير'));
  assert.ok(p.org.has('شركه'));
  assert.ok(p.end.has('ان') && p.stop.has('مباراه') && p.stop.has('هذا'));
  assert.ok(!p.stop.has('بن صالح'));
  assert.ok(p.nationality.has('الامريكي'));
  assert.equal(p.maxTrigger, 1);
  assert.throws(() => parseNamePatterns('[people]\nx'));
  assert.throws(() => parseNamePatterns('المدرب'));
});

test('name tokens: matching form, digits as 0, punctuation kept', () => {
  assert.deepEqual(nameTokens('قال أحمد، في 2018: "نعم"'), ['قال', 'احمد', '،', 'في', '0', ':', '"', 'نعم', '"']);
  assert.ok(isDefinite('الفرنسي') && isDefinite('والفرنسي') && isDefinite('للشؤون') && isDefinite('بالمدرب'));
  assert.ok(!isDefinite('زيدان') && !isDefinite('الم') && !isDefinite('بلال'));
});

test('sightings: a name between a title and an end word or punctuation', () => {
  const p = patterns();
  const read = (text: string) => sightings(nameTokens(text), p).map((s) => `${s.kind}:${s.words.join(' ')}`);
  assert.deepEqual(read('وقال المدرب الفرنسي زين الدين زيدان إن فريقه جاهز'), ['PER:زين الدين زيدان']);
  assert.deepEqual(read('وزير الخارجية الأمريكي مايك بومبيو، في الرياض'), ['PER:مايك بومبيو']);
  // An indefinite title needs its definite complement: "لاعب ليفربول" names a team.
  assert.deepEqual(read('وسجل لاعب ليفربول محمد صلاح هدفا'), []);
  // No end word after four words, a definite first word, a stop word: nothing.
  assert.deepEqual(read('الرئيس محمد أحمد علي حسن خالد قال'), []);
  assert.deepEqual(read('الرئيس الجديد قال'), []);
  assert.deepEqual(read('المدرب مباراة في'), []);
  // Organisations: right after the head; a nationality adjective ends the name.
  assert.deepEqual(read('أعلنت شركة آبل الأمريكية'), ['ORG:ابل']);
  assert.deepEqual(read(''), []);
});

test('countNames + selectNames: frequent enough, in enough articles, no common word; formatLexicon gives gazetteer flags', () => {
  const p = patterns();
  const texts = [
    'قال المدرب الفرنسي هيرفي رينار إن الفريق جاهز. وقال الرئيس ماكرون، في باريس',
    'المدرب الفرنسي هيرفي رينار في الرباط. الرئيس ماكرون في باريس',
    'الرئيس ماكرون، في بروكسل. المدرب هيرفي رينار الجديد',
    // كبير is common: seen with ال more often than without.
    'الرئيس كبير في السن. الرئيس كبير في السن. الرئيس كبير في السن. الكبير الكبير الكبير الكبير',
  ];
  const counts = countNames(texts, p);
  const per = (name: string) => counts.candidates.get(`PER\t${name}`);
  assert.equal(per('هيرفي رينار')?.count, 2);
  assert.equal(per('هيرفي رينار')?.docs, 2);
  assert.equal(per('ماكرون')?.count, 3);
  assert.equal(per('كبير')?.count, 3);
  const kept = selectNames(counts).map((c) => c.name);
  assert.deepEqual(kept, ['ماكرون', 'هيرفي رينار']);
  assert.deepEqual(
    selectNames(counts, { minCount: 3 }).map((c) => c.name),
    ['ماكرون'],
  );
  const g = NerGazetteer.parse(formatLexicon(selectNames(counts), 'test'));
  assert.ok(g.has('هيرفي رينار', 'MPER') && g.has('رينار', 'MPERW') && g.has('ماكرون', 'MPER'));
  assert.ok(!g.has('رينار', 'PER'));
  // Mined phrases match as phrases of their own (mined), after a known name of the same span.
  assert.deepEqual(g.match(['قال', 'هيرفي', 'رينار']), [{ start: 1, end: 3, type: 'PER', mined: true }]);
  const known = new NerGazetteer();
  known.add('هيرفي رينار', 'PER');
  known.merge(g);
  assert.deepEqual(known.match(['قال', 'هيرفي', 'رينار']), [{ start: 1, end: 3, type: 'PER' }]);
});
