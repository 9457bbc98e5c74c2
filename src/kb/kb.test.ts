import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchForm } from '../text/normalize.ts';
import { cliticVariants, stripClitics } from './clitics.ts';
import { KB_FILES, KnowledgeBase, kbSource, nameKey, population, variantKey } from './index.ts';
import { formatKbTsv, parseKbTsv } from './tsv.ts';
import type { KbEntry } from './types.ts';

const lavrov: KbEntry = {
  id: 'per:lavrov',
  type: 'PER',
  name: 'سيرغي لافروف',
  nameEn: 'Sergey Lavrov',
  aliases: ['لافروف', 'سيرجي لافروف'],
  country: 'RUS',
  role: 'GOV',
  titles: ['وزير الخارجية'],
  tags: [],
  source: 'curated',
};
const syria: KbEntry = {
  id: 'country:SYR',
  type: 'LOC',
  name: 'سوريا',
  nameEn: 'Syria',
  aliases: ['سورية'],
  country: 'SYR',
  titles: [],
  tags: [],
  source: 'countries',
};

test('clitic variants of a token', () => {
  assert.deepEqual(
    cliticVariants('والعراق').map((v) => [v.form, v.skip]),
    [
      ['والعراق', 0],
      ['العراق', 1],
    ],
  );
  assert.deepEqual(
    cliticVariants('لسوريه').map((v) => [v.form, v.skip]),
    [
      ['لسوريه', 0],
      ['سوريه', 1],
    ],
  );
  // لل = ل + ال: the lookup form restores the alef, the mention starts after the first lam.
  assert.deepEqual(cliticVariants('للولايات')[1], { form: 'الولايات', skip: 1, restored: true });
  assert.equal(stripClitics('وبالعراق'), 'العراق');
  assert.equal(stripClitics('في'), 'في');
});

test('TSV round trip keeps every field', () => {
  const text = formatKbTsv([lavrov], 'test');
  const back = parseKbTsv(text, 'curated');
  assert.deepEqual(back, [lavrov]);
  const warnings: string[] = [];
  assert.deepEqual(
    parseKbTsv('id\ttype\tname\nx\tBAD\tاسم\n', 'x', (m) => warnings.push(m)),
    [],
  );
  assert.equal(warnings.length, 1);
});

test('lookup by matching form, aliases, demonyms and title holders', () => {
  const kb = KnowledgeBase.fromEntries([lavrov, syria], 'nisba\tcountry\tforms\nروسي\tRUS\tروس\n');
  assert.deepEqual(
    kb.lookup(nameKey('سوريّة')).map((e) => e.id),
    ['country:SYR'],
  );
  assert.deepEqual(
    kb.lookup(nameKey('سيرجي  لافروف')).map((e) => e.id),
    ['per:lavrov'],
  );
  assert.equal(kb.lookup('موسكو').length, 0);
  assert.ok(kb.isPrefix('سيرجي'));
  // startsName: a one-word name or the first word of a longer one (the gazetteer's cheap first test).
  assert.ok(kb.startsName('سيرجي') && kb.startsName('لافروف') && kb.startsName('سوريه'));
  assert.ok(!kb.startsName('موسكو') && !kb.startsName('سيرجي لافروف'));
  assert.equal(kb.demonym(matchForm('الروسية')), 'RUS');
  assert.equal(kb.demonym('الروس'), 'RUS');
  assert.equal(kb.demonym('روسيا'), undefined);
  assert.deepEqual(
    kb.holders(nameKey('وزير الخارجية'), 'RUS').map((e) => e.id),
    ['per:lavrov'],
  );
  assert.equal(kb.holders(nameKey('وزير الخارجية'), 'USA').length, 0);
  // a variant nisba takes the regular forms too; a listed plural does not
  const kb2 = KnowledgeBase.fromEntries([], 'nisba\tcountry\tforms\nأمريكي\tUSA\tأميركي|أمريكان\n');
  assert.equal(kb2.demonym(matchForm('الأميركية')), 'USA');
  assert.equal(kb2.demonym(matchForm('الأميركيون')), 'USA');
  assert.equal(kb2.demonym(matchForm('الأمريكان')), 'USA');
  assert.equal(kb2.demonym(matchForm('الأمريكانه')), undefined);
});

test('an entry with a known id merges into it', () => {
  const extra: KbEntry = { ...syria, name: 'الجمهورية العربية السورية', aliases: [], nameEn: undefined, source: 'extra' };
  const kb = KnowledgeBase.fromEntries([syria, extra]);
  assert.equal(kb.entries.length, 1);
  assert.equal(kb.lookup(nameKey('الجمهورية العربية السورية'))[0].nameEn, 'Syria');
});

test('Wikipedia titles: a user column wins, the titles file fills the rest and skips unknown ids', () => {
  const rows = parseKbTsv('id\ttype\tname\tnameEn\twikipedia\nper:x\tPER\tسين\tX\tX (politician)\norg:y\tORG\tصاد\tY\t\n', 'extra');
  assert.equal(rows[0].wikipedia, 'X (politician)');
  assert.equal(rows[1].wikipedia, undefined);
  const kb = KnowledgeBase.fromEntries(rows);
  kb.loadWikipedia('# comment\nper:x\tAnother title\norg:y\tY Organisation\norg:none\tNobody\norg:y\n');
  assert.equal(kb.byId.get('per:x')?.wikipedia, 'X (politician)');
  assert.equal(kb.byId.get('org:y')?.wikipedia, 'Y Organisation');
  assert.equal(kb.byId.has('org:none'), false);
});

test('the shipped KB loads and knows the basics', () => {
  const kb = KnowledgeBase.load();
  assert.equal(kb.lookup(nameKey('موسكو'))[0]?.country, 'RUS');
  assert.equal(kb.lookup(nameKey('سورية'))[0]?.id, 'country:SYR');
  assert.equal(kb.lookup(nameKey('الولايات المتحدة الأمريكية'))[0]?.id, 'country:USA');
  assert.equal(kb.lookup(nameKey('مجلس الأمن الدولي'))[0]?.role, 'IGO');
  assert.equal(kb.demonym(matchForm('العراقي')), 'IRQ');
  assert.ok(kb.firstNames.size > 100);
  // Country spellings the mledoze source gets wrong (المسكيك, صيربيا) are curated variants.
  assert.equal(kb.lookup(nameKey('المكسيك'))[0]?.id, 'country:MEX');
  assert.equal(kb.lookup(nameKey('صربيا'))[0]?.id, 'country:SRB');
  // and other common spellings of country names (كوت ديفوار is ساحل العاج)
  assert.equal(kb.lookup(nameKey('كوت ديفوار'))[0]?.id, 'country:CIV');
  assert.equal(kb.lookup(nameKey('الفيليبين'))[0]?.id, 'country:PHL');
  // regions and landmarks of the news, and their other spellings
  assert.equal(kb.lookup(nameKey('مرتفعات الجولان'))[0]?.id, 'loc:golan');
  assert.equal(kb.lookup(nameKey('الوطن العربي'))[0]?.nameEn, 'Arab world');
  // currencies with their country, and names that continue with a number
  assert.equal(kb.lookup(nameKey('الليرة التركية'))[0]?.country, 'TUR');
  // (a World Cup with its year is that tournament, since the twenty-first session)
  assert.equal(kb.lookup(nameKey('كأس العالم 2018'))[0]?.id, 'misc:2018-fifa-world-cup');
  assert.equal(kb.lookup(nameKey('كأس العالم'))[0]?.id, 'misc:world-cup');
  // Saudi regions: the منطقة prefix is cut from city labels (منطقة نجران -> نجران).
  assert.equal(kb.lookup(nameKey('نجران'))[0]?.nameEn, 'Najran');
  // English nationality adjectives of countries, and acronyms of organisations in their English names.
  assert.equal(kb.adjectiveEn('QAT'), 'Qatari');
  assert.equal(kb.adjectiveEn('XXX'), undefined);
  assert.equal(kb.lookup(nameKey('حزب العمال الكردستاني'))[0]?.nameEn, "Kurdistan Workers' Party (PKK)");
});

test('the news-curated KB file loads with the curated source and adds entries and spellings', () => {
  const kb = KnowledgeBase.load();
  // A new entry of curated-news.tsv, looked up by its name and by an alias.
  const mukwege = kb.lookup(nameKey('دينيس ماكفيغا'))[0];
  assert.equal(mukwege?.id, 'per:denis-mukwege');
  assert.equal(mukwege?.nameEn, 'Denis Mukwege');
  assert.equal(mukwege?.country, 'COD');
  assert.equal(mukwege?.source, 'curated');
  assert.equal(kb.lookup(nameKey('دنيس موكويجي'))[0]?.id, 'per:denis-mukwege');
  assert.equal(kb.lookup(nameKey('منظمة الدول الأمريكية'))[0]?.nameEn, 'Organization of American States (OAS)');
  // A row with an existing id only adds a spelling: the entry keeps its curated.tsv name and English name.
  const tillerson = kb.lookup(nameKey('ريكس تليرسون'))[0];
  assert.equal(tillerson?.id, 'per:rex-tillerson');
  assert.equal(tillerson?.name, 'ريكس تيلرسون');
  assert.equal(tillerson?.nameEn, 'Rex Tillerson');
  // A club sharing its city's name is a second entry; the city stays.
  assert.deepEqual(
    kb.lookup(nameKey('ليفربول')).map((e) => e.id),
    ['org:liverpool-fc', 'city:liverpool-gbr'],
  );
});

test('KB file source names', () => {
  assert.equal(kbSource('curated-news.tsv'), 'curated');
  assert.equal(kbSource('petrarch.tsv'), 'petrarch');
  assert.equal(kbSource('petrarch-en.tsv'), 'petrarch');
  assert.equal(KB_FILES.indexOf('curated-news.tsv'), KB_FILES.indexOf('curated.tsv') + 1);
  assert.equal(KB_FILES.indexOf('petrarch-en.tsv'), KB_FILES.indexOf('petrarch.tsv') - 1);
});

test('petrarch-en.tsv gives Petrarch people their English name; petrarch.tsv still gives country and role', () => {
  const kb = KnowledgeBase.default();
  const zawahiri = kb.lookup(nameKey('أيمن الظواهري')).find((e) => e.id.startsWith('petrarch:'));
  assert.match(zawahiri?.nameEn ?? '', /Zawahiri/);
  assert.equal(zawahiri?.source, 'petrarch');
  const gorbachev = kb.lookup(nameKey('ميخائيل غورباتشوف'))[0];
  assert.equal(gorbachev?.id, 'petrarch:ميخائيل_غورباتشوف');
  assert.equal(gorbachev?.nameEn, 'Mikhail Gorbachev');
  assert.equal(gorbachev?.country, 'RUS');
  assert.equal(gorbachev?.role, 'GOV');
  // a curated row of another id keeps its rank over the Petrarch namesake
  assert.equal(kb.lookup(nameKey('نوري المالكي'))[0]?.id, 'per:nouri-al-maliki');
});

test('first-level subdivisions: a curated state wins over a cities.tsv label it shares (كاليفورنيا is not Cali)', () => {
  const kb = KnowledgeBase.default();
  const california = kb.lookup(nameKey('كاليفورنيا'))[0];
  assert.equal(california?.id, 'loc:us-california');
  assert.equal(california?.country, 'USA');
  assert.equal(kb.lookup(nameKey('ولاية كاليفورنيا'))[0]?.id, 'loc:us-california');
  assert.equal(kb.lookup(nameKey('ساوث كارولينا'))[0]?.id, 'loc:us-south-carolina');
  assert.equal(kb.lookup(nameKey('أوريجون'))[0]?.id, 'loc:us-oregon');
  assert.equal(kb.lookup(nameKey('أستراليا الغربية'))[0]?.country, 'AUS');
  assert.equal(kb.lookup(nameKey('أيرلندا الشمالية'))[0]?.id, 'loc:gb-northern-ireland');
  // a state named like its city or a country is only its ولاية form
  assert.equal(kb.lookup(nameKey('نيويورك'))[0]?.id, 'city:new-york-usa');
  assert.equal(kb.lookup(nameKey('جورجيا'))[0]?.id, 'country:GEO');
  assert.equal(kb.lookup(nameKey('ولاية جورجيا'))[0]?.id, 'loc:us-georgia');
});

test('population of an entry', () => {
  assert.equal(population({ ...syria, tags: ['capital', 'pop=1234'] }), 1234);
  assert.equal(population(syria), 0);
});

test('spelling variants of transliterated names share a variant key; Arabic first names and short names do not', () => {
  const first = new Set(['محمد', 'محمود']);
  const k = (s: string): string => variantKey(nameKey(s), first);
  assert.equal(k('دونتسك'), k('دونيتسك'));
  assert.equal(k('مولود جاووش أوغلو'), k('مولود جاويش أوغلو'));
  assert.equal(k('بريت مكجورك'), k('بريت ماكغورك'));
  assert.equal(k('بيونغ يانغ'), k('بيونغيانغ'));
  // first names are kept whole: محمد عباس is not محمود عباس
  assert.notEqual(k('محمد عباس'), k('محمود عباس'));
  // fewer than four letters once folded: no key at all
  assert.equal(k('ماناغوا'), '');
  const kb = KnowledgeBase.fromEntries([
    { ...syria, id: 'city:donetsk-ukr', name: 'دونيتسك', nameEn: 'Donetsk', aliases: [], country: 'UKR' },
    { ...syria, id: 'city:other', name: 'دونيتسك', nameEn: 'Aleksandrovka', aliases: [], country: 'KGZ' },
    { ...syria, id: 'loc:a', name: 'كارامبا', aliases: [] },
    { ...syria, id: 'loc:b', name: 'كرمبا', aliases: [] },
  ]);
  // several entries under one KB form: the form is returned, lookup orders its entries
  assert.equal(kb.variantOf(nameKey('دونتسك')), 'دونيتسك');
  // two different KB forms share the key: no variant
  assert.equal(kb.variantOf(nameKey('كرامبا')), undefined);
  assert.equal(kb.variantOf(nameKey('دونتسك'), 6), undefined);
});

/** A curated KB person with an English name, for the englishFromParts tests. */
const per = (id: string, name: string, nameEn: string): KbEntry => ({
  id,
  type: 'PER',
  name,
  nameEn,
  aliases: [],
  titles: [],
  tags: [],
  source: 'curated',
});

test('englishFromParts: an unknown person gets the English spellings the KB gives the same name words, only when all are known', () => {
  const kb = KnowledgeBase.fromEntries([
    per('per:a', 'محمود عباس', 'Mahmoud Abbas'),
    per('per:b', 'فتحي الشقاقي', 'Fathi Shaqaqi'),
    per('per:c', 'محمود الزهار', 'Mahmoud al-Zahar'),
    per('per:d', 'محمود درويش', 'Mahmoud Darwish'),
    per('per:e', 'محمود جبريل', 'Mahmud Jibril'),
    per('per:f', 'جون ف. كينيدي', 'John F. Kennedy'),
    lavrov,
  ]);
  // the most frequent spelling of each word, the article's "al-" kept
  assert.equal(kb.englishFromParts('محمود الزهار'), 'Mahmoud al-Zahar');
  assert.equal(kb.englishFromParts('فتحي عباس'), 'Fathi Abbas');
  assert.equal(kb.englishFromParts('سيرجي عباس'), undefined, 'a word no KB name has');
  assert.equal(kb.englishFromParts('عباس'), undefined, 'one word is no full name');
  // names whose word counts differ are not aligned (كينيدي is not "F.")
  assert.equal(kb.englishFromParts('فتحي كينيدي'), undefined);
});

test('englishFromParts: عبد and the word after it are one name part (Abdullah, Abdel Rahman), never two', () => {
  const kb = KnowledgeBase.fromEntries([
    per('per:a', 'عبد الله غول', 'Abdullah Gül'),
    per('per:b', 'عبد الرحمن السديس', 'Abdul Rahman Al-Sudais'),
    per('per:c', 'فتح الله غولن', 'Fethullah Gülen'),
    per('per:d', 'محمود عباس', 'Mahmoud Abbas'),
  ]);
  assert.equal(kb.englishFromParts('عبد الله عباس'), 'Abdullah Abbas');
  assert.equal(kb.englishFromParts('محمود عبد الرحمن'), 'Mahmoud Abdul Rahman');
  assert.equal(kb.englishFromParts('عبد الله'), undefined, 'one name part is no full name');
  assert.equal(kb.englishFromParts('عبد الله السديس'), 'Abdullah Al-Sudais');
  // an unknown عبد compound is not spelt from its words
  assert.equal(kb.englishFromParts('عبد الكريم عباس'), undefined);
});

test('17th session: a foreign initial cluster with or without the prothetic alef (ستوكهولم / استوكهولم)', () => {
  const kb = KnowledgeBase.fromEntries([
    { ...syria, id: 'city:stockholm-swe', name: 'ستوكهولم', nameEn: 'Stockholm', aliases: [], country: 'SWE' },
    { ...syria, id: 'city:istanbul-tur', name: 'إسطنبول', nameEn: 'Istanbul', aliases: [], country: 'TUR' },
    { ...syria, id: 'per:salam', type: 'PER', name: 'سلام', nameEn: 'Salam', aliases: [], country: undefined },
  ]);
  assert.equal(kb.lookup(nameKey('استوكهولم'))[0]?.id, 'city:stockholm-swe');
  assert.equal(kb.lookup(nameKey('سطنبول'))[0]?.id, 'city:istanbul-tur');
  // (short names and the words of people keep their spelling: اسلام is no سلام)
  assert.equal(kb.lookup(nameKey('اسلام')).length, 0);
});

test("18th session: a curated row tagged closed keeps a later source's label out of its aliases", () => {
  const e = (source: string, name: string, tags: string[] = []): KbEntry => ({
    id: 'city:nawa-syr',
    type: 'LOC',
    name,
    aliases: [],
    titles: [],
    tags,
    source,
  });
  const open = KnowledgeBase.fromEntries([e('curated', 'نوى'), e('cities', 'الشرق الأوسط وشمال إفريقيا')]);
  assert.equal(open.lookup(nameKey('الشرق الأوسط وشمال إفريقيا')).length, 1);
  const closed = KnowledgeBase.fromEntries([e('curated', 'نوى', ['closed']), e('cities', 'الشرق الأوسط وشمال إفريقيا')]);
  assert.equal(closed.lookup(nameKey('الشرق الأوسط وشمال إفريقيا')).length, 0);
  assert.equal(closed.lookup(nameKey('نوى'))[0]?.id, 'city:nawa-syr');
});
