import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Doc, Entity } from '../../core/types.ts';
import { newDoc, Pipeline } from '../../pipeline/index.ts';
import { readArticle } from '../../reader/index.ts';
import { scanTokens, type Tok } from '../time/scan.ts';
import { tokenizeStage } from '../tokenize/index.ts';
import { predict, sentenceFeatures, trainLogReg } from './classifier.ts';
import { canAct, ownStateTarget } from './extract.ts';
import { eventsStage } from './index.ts';
import { loadEventLexicon, parseTriggers, stems } from './lexicon.ts';
import { renderEvents } from './render.ts';

/** These tests are about the trigger rules: the learned layer (`pairs.test.ts`) is switched off. */
const RULES_ONLY = { events: { pairs: false } };

function run(text: string, entities?: (doc: Doc) => Entity[]): Doc {
  const doc = newDoc({ id: 't', headline: '', body: text, text, spans: { body: { start: 0, end: text.length } } });
  tokenizeStage.create().process(doc);
  if (entities) doc.entities = entities(doc);
  const s = eventsStage.create({ pairs: false });
  s.load?.();
  s.process(doc);
  return doc;
}

let fullPipeline: Pipeline | undefined;
/**
 * The events of a text through the whole pipeline, as "TYPE:source:country>target:trigger" (one pipeline for all tests;
 * `pipeline`: another one).
 */
function fullEvents(text: string, pipeline?: Pipeline): string[] {
  fullPipeline ??= Pipeline.create({ stages: ['morph', 'ner', 'entities', 'time', 'quotes', 'events'], options: RULES_ONLY });
  return ((pipeline ?? fullPipeline).run(readArticle(text)).events ?? []).map(
    (e) => `${e.type}:${e.source?.name ?? ''}:${e.source?.country ?? ''}>${e.target?.name ?? ''}:${e.trigger}`,
  );
}

/** Capitals and towns of these tests; any other place given a country is that country (as the entities stage links them). */
const CAPITALS = new Set(['طهران', 'واشنطن', 'موسكو', 'لندن', 'بغداد', 'أوتاوا', 'هلسنكي']);
const TOWNS = new Set(['تعز', 'غزنة']);

function ent(doc: Doc, id: string, type: Entity['type'], name: string, country?: string): Entity {
  const mentions = [];
  for (let i = doc.text.indexOf(name); i >= 0; i = doc.text.indexOf(name, i + 1))
    mentions.push({ text: name, start: i, end: i + name.length });
  const e: Entity = { id, type, name, country, mentions };
  if (type === 'LOC' && country && CAPITALS.has(name)) e.role = 'GOV';
  else if (type === 'LOC' && country && !TOWNS.has(name)) e.kbId = `country:${country}`;
  return e;
}

test('stems strip clitics and affixes', () => {
  assert.ok(stems('وفرضت').includes('فرض'));
  assert.ok(stems('والاحتجاجات').includes('احتجاجات'));
  assert.ok(stems('يهاجمون').includes('هاجم'));
});

test('trigger patterns with following and preceding words', () => {
  const m = parseTriggers('فرض عقوبات\tSANCTION\t163\nفرض <العقوبات\tSANCTION\t163\n# comment\nbad line');
  assert.equal(m.get('فرض')?.length, 2);
  assert.deepEqual(m.get('فرض')?.[0].after, ['عقوبات']);
});

test('SANCTION with an entity source (VSO) and target', () => {
  const doc = run('فرضت الولايات المتحدة عقوبات على إيران.', (d) => [
    ent(d, 'e1', 'LOC', 'الولايات المتحدة', 'USA'),
    ent(d, 'e2', 'LOC', 'إيران', 'IRN'),
  ]);
  const ev = doc.events!.find((e) => e.type === 'SANCTION');
  assert.ok(ev);
  assert.equal(ev.source?.entity, 'e1');
  assert.equal(ev.source?.country, 'USA');
  assert.equal(ev.target?.entity, 'e2');
  assert.equal(doc.text.slice(ev.start, ev.end), ev.trigger);
  assert.match(renderEvents(doc)[0], /SANCTION/);
});

test('a descriptive actor gets its role and country from a nationality adjective', () => {
  const doc = run('وقصف الجيش الإسرائيلي مواقع في سوريا.');
  const ev = doc.events!.find((e) => e.type === 'ASSAULT');
  assert.ok(ev);
  assert.equal(ev.source?.role, 'MIL');
  assert.equal(ev.source?.country, 'ISR');
});

test('protest by protesters, with no entity layer', () => {
  const doc = run('وتظاهر آلاف المحتجين أمام البرلمان.');
  assert.ok(doc.events!.some((e) => e.type === 'PROTEST'));
});

test('no trigger, no event; bad input does not crash', () => {
  assert.deepEqual(run('الطقس جميل اليوم في المدينة.').events, []);
  assert.deepEqual(run('').events, []);
  run('هجومهجومهجوم'.repeat(2000));
  // no punctuation: one huge "sentence" must not make the stage quadratic
  const t0 = performance.now();
  run('هاجم الجيش الإسرائيلي مواقع قوات الأمن '.repeat(3000));
  assert.ok(performance.now() - t0 < 5000);
});

test('the logistic-regression classifier learns a separable toy problem', () => {
  const lex = loadEventLexicon();
  const feats = (s: string): string[] => {
    const t: Tok[] = [];
    scanTokens(s, 0, s.length, 0, t);
    return sentenceFeatures(t, lex);
  };
  const data = [
    { feats: feats('انفجار سيارة مفخخة يقتل عشرة'), y: true },
    { feats: feats('هجوم انتحاري يقتل جنودا'), y: true },
    { feats: feats('ارتفاع أسعار النفط في الأسواق'), y: false },
    { feats: feats('افتتاح معرض للكتاب في المدينة'), y: false },
  ];
  const m = trainLogReg('ASSAULT', data, { epochs: 30 });
  assert.ok(predict(m, feats('انفجار سيارة مفخخة')) > 0.5);
  assert.ok(predict(m, feats('أسعار النفط')) < 0.5);
});

test('coordinated sources give one event each; nisba forms the KB lacks still give a country', () => {
  const doc = run('فرضت السعودية والإمارات والبحرين حصارا على قطر. وقاتلت قوات أميركية وأفغانية مسلحي التنظيم.');
  const sanction = doc.events!.filter((e) => e.type === 'SANCTION').map((e) => e.source?.country);
  assert.deepEqual(sanction, ['SAU', 'ARE', 'BHR']);
  assert.ok(doc.events!.filter((e) => e.type === 'SANCTION').every((e) => e.target?.country === 'QAT'));
  const assault = doc.events!.filter((e) => e.type === 'ASSAULT').map((e) => e.source?.country);
  assert.deepEqual(assault, ['USA', 'AFG']);
});

test('a passive verb or a verbal noun takes no subject from before it', () => {
  const doc = run('وقال المسؤول إن آلاف المدنيين قُتلوا في المدينة.');
  assert.ok(!doc.events!.some((e) => e.type === 'ASSAULT' && e.source?.name?.includes('المدنيين')));
});

test('after a verbal noun the genitive is the attacker, and a person there is the victim', () => {
  const doc = run('وأدان المالكي استهداف الحوثيين لمطار أبها. وأدانت لندن محاولة اغتيال سكريبال.', (d) => [
    ent(d, 'e1', 'PER', 'المالكي', 'SAU'),
    ent(d, 'e2', 'ORG', 'الحوثيين', 'YEM'),
    ent(d, 'e3', 'LOC', 'لندن', 'GBR'),
    ent(d, 'e4', 'PER', 'سكريبال', 'RUS'),
  ]);
  const assault = doc.events!.filter((e) => e.type === 'ASSAULT');
  assert.deepEqual(
    assault.map((e) => e.source?.entity),
    ['e2'],
  );
  assert.ok(doc.events!.some((e) => e.type === 'ACCUSE' && e.source?.entity === 'e1'));
});

test('the noun after an object-taking verbal noun is not its doer, unless the object follows with لـ', () => {
  const boycott = run('ودعت النقابة إلى مقاطعة شركة أوبر بعد الإضراب.', (d) => [ent(d, 'e1', 'ORG', 'شركة أوبر')]);
  assert.ok(!(boycott.events ?? []).some((e) => e.source?.entity === 'e1'), JSON.stringify(boycott.events));
  const strike = run('وأدان المتحدث استهداف الحوثيين لمطار أبها بطائرة مسيرة.', (d) => [
    ent(d, 'e1', 'ORG', 'الحوثيين'),
    ent(d, 'e2', 'LOC', 'مطار أبها'),
  ]);
  const assault = (strike.events ?? []).find((e) => e.type === 'ASSAULT');
  assert.equal(assault?.source?.entity, 'e1', JSON.stringify(strike.events));
  assert.equal(assault?.target?.entity, 'e2');
});

test("a title inside the quote speaker's phrase is the speaker, not the target; a bare name there may be the object", () => {
  const text = 'دعا وزير الخارجية البحريني، خالد بن أحمد، إلى الحوار. واتهم ترامب الصين بتقويض المفاوضات.';
  const doc = newDoc({ id: 't', headline: '', body: text, text, spans: { body: { start: 0, end: text.length } } });
  tokenizeStage.create().process(doc);
  doc.entities = [ent(doc, 'e1', 'PER', 'خالد بن أحمد'), ent(doc, 'e2', 'PER', 'ترامب'), ent(doc, 'e3', 'LOC', 'الصين', 'CHN')];
  const span = (a: string, b: string) => ({ start: text.indexOf(a), end: text.indexOf(b) + b.length });
  doc.quotes = [
    {
      speaker: 'e1',
      speakerText: 'وزير الخارجية البحريني، خالد بن أحمد',
      cue: 'دعا',
      text: 'الحوار',
      start: text.indexOf('الحوار'),
      end: text.indexOf('الحوار') + 6,
      direct: false,
      speakerSpan: span('وزير', 'أحمد'),
    },
    {
      speaker: 'e2',
      speakerText: 'ترامب الصين',
      cue: 'واتهم',
      text: 'بتقويض المفاوضات',
      start: text.indexOf('بتقويض'),
      end: text.length - 1,
      direct: false,
      speakerSpan: span('ترامب', 'الصين'),
    },
  ];
  const s = eventsStage.create({ pairs: false });
  s.load?.();
  s.process(doc);
  const request = (doc.events ?? []).find((e) => e.type === 'REQUEST');
  assert.equal(request?.source?.entity, 'e1', JSON.stringify(doc.events));
  assert.notEqual(request?.target?.name, 'وزير الخارجية البحريني');
  const accuse = (doc.events ?? []).find((e) => e.type === 'ACCUSE');
  assert.equal(accuse?.source?.entity, 'e2', JSON.stringify(doc.events));
  assert.equal(accuse?.target?.entity, 'e3');
});

test('a quantifier or time word after an agent noun is not part of the actor', () => {
  const doc = run('ونشرت السلطات المزيد من قوات الأمن في المدينة. وأعلنت الحكومة اليوم فرض عقوبات على الشركة.');
  const names = (doc.events ?? []).map((e) => e.source?.name);
  assert.ok(names.includes('السلطات') && names.includes('الحكومة'), JSON.stringify(doc.events));
});

test('a light verb gives its subject to the verbal noun it takes (شن هجوما، عقدت اجتماعا، أصدر اعتذارا)', () => {
  const doc = run(
    'وشنّ عناصر من طالبان هجوما على مدينة غزنة. وعقدت الجامعة العربية اجتماعا طارئا. وأصدر الرئيس عباس اعتذارا رسميا.',
    (d) => [
      ent(d, 'e1', 'ORG', 'طالبان', 'AFG'),
      ent(d, 'e2', 'LOC', 'غزنة', 'AFG'),
      ent(d, 'e3', 'ORG', 'الجامعة العربية'),
      ent(d, 'e4', 'PER', 'عباس', 'PSE'),
    ],
  );
  const by = (t: string) => (doc.events ?? []).find((e) => e.type === t)?.source?.entity;
  assert.equal(by('ASSAULT'), 'e1', JSON.stringify(doc.events));
  assert.equal(by('CONSULT'), 'e3');
  assert.equal(by('SUPPORT'), 'e4');
});

test('after a verb a plural in -ين is the object; a city after a meeting noun is the venue; a nisba adjective is no trigger', () => {
  const doc = run('وقتلت الشرطة المتظاهرين في الساحة. وبدأت قمة هلسنكي أمس. ونشر موقع التواصل الاجتماعي صورا.', (d) => [
    ent(d, 'e1', 'LOC', 'هلسنكي', 'FIN'),
  ]);
  const assault = (doc.events ?? []).find((e) => e.type === 'ASSAULT');
  assert.notEqual(assault?.source?.name, 'المتظاهرين', JSON.stringify(doc.events));
  assert.ok(!(doc.events ?? []).some((e) => e.type === 'CONSULT'), JSON.stringify(doc.events));
});

test('a blockade of a country is SANCTION, the siege of a city COERCE; الأمن needs a nationality to be an actor', () => {
  const doc = run('وفرضت الحكومة حصارا على مدينة تعز. وحذر من تهديد أمن المملكة والأمن الإقليمي.', (d) => [
    ent(d, 'e1', 'LOC', 'تعز', 'YEM'),
  ]);
  const siege = (doc.events ?? []).find((e) => e.trigger === 'وفرضت' || e.trigger === 'حصارا');
  assert.equal(siege?.type, 'COERCE', JSON.stringify(doc.events));
  assert.ok(!(doc.events ?? []).some((e) => e.source?.name?.includes('أمن')), JSON.stringify(doc.events));
});

test('a title phrase that is no actor of its own gives the source to the name after it', () => {
  const doc = run('ورفض المندوب الروسي لدى الأمم المتحدة، فاسيلي نيبينزيا، الاتهامات البريطانية.', (d) => [
    ent(d, 'e1', 'PER', 'فاسيلي نيبينزيا', 'RUS'),
    ent(d, 'e2', 'ORG', 'الأمم المتحدة'),
  ]);
  const reject = (doc.events ?? []).find((e) => e.type === 'REJECT');
  assert.equal(reject?.source?.entity, 'e1', JSON.stringify(doc.events));
});

test('meetings between two actors, imperfect meeting verbs, military support as AID, exports are no seizure', () => {
  const doc = run(
    'وجرت مباحثات بين مصر والسودان في القاهرة. ويلتقي الرئيس الروسي نظيره التركي غدا. وتقدمت القوات بدعم جوي أمريكي. وارتفعت صادرات إيران.',
    (d) => [ent(d, 'e1', 'LOC', 'مصر', 'EGY'), ent(d, 'e2', 'LOC', 'السودان', 'SDN'), ent(d, 'e3', 'LOC', 'إيران', 'IRN')],
  );
  const consult = (doc.events ?? []).filter((e) => e.type === 'CONSULT');
  assert.ok(consult.some((e) => e.source?.entity === 'e1') && consult.some((e) => e.source?.entity === 'e2'), JSON.stringify(doc.events));
  // a meeting to come ("غدا") is an agreement to meet
  assert.ok(
    (doc.events ?? []).some((e) => e.trigger === 'ويلتقي' && e.type === 'AGREE'),
    JSON.stringify(doc.events),
  );
  const aid = (doc.events ?? []).find((e) => e.type === 'AID');
  assert.equal(aid?.source?.country, 'USA', JSON.stringify(doc.events));
  assert.ok(!(doc.events ?? []).some((e) => e.type === 'COERCE'), JSON.stringify(doc.events));
});

test('an actor phrase stops at a relative pronoun and at a second nationality after other words', () => {
  const doc = run('ويدعم التحالف الذي تقوده السعودية الحكومة اليمنية. وتقصف المقاتلات الروسية المعارضة المسلحة السورية منذ سنوات.');
  const names = (doc.events ?? []).map((e) => e.source?.name ?? '');
  assert.ok(!names.some((n) => n.includes('الذي')), JSON.stringify(doc.events));
  const assault = (doc.events ?? []).find((e) => e.type === 'ASSAULT');
  assert.equal(assault?.source?.name, 'المقاتلات الروسية', JSON.stringify(doc.events));
  assert.equal(assault?.source?.country, 'RUS');
});

test('blame idioms are accusations: أنحى باللائمة على، ألقى باللوم على', () => {
  const doc = run('وأنحت الحكومات الغربية باللائمة على الجيش السوري. وألقت الحكومة باللوم على المعارضة.');
  const accuse = (doc.events ?? []).filter((e) => e.type === 'ACCUSE').map((e) => e.source?.name);
  assert.deepEqual(accuse, ['الحكومات الغربية', 'الحكومة'], JSON.stringify(doc.events));
});

test('after an agent and its nationality, an organisation is the next phrase, a person the title holder', () => {
  const doc = run('وتقصف المقاتلات الروسية المعارضة المسلحة السورية منذ سنوات. وأصدر الرئيس الفلسطيني محمود عباس اعتذارا.', (d) => [
    ent(d, 'e1', 'ORG', 'المعارضة المسلحة السورية', 'SYR'),
    ent(d, 'e2', 'PER', 'محمود عباس', 'PSE'),
  ]);
  const assault = (doc.events ?? []).find((e) => e.type === 'ASSAULT');
  assert.equal(assault?.source?.name, 'المقاتلات الروسية', JSON.stringify(doc.events));
  assert.equal(assault?.source?.country, 'RUS');
  assert.equal((doc.events ?? []).find((e) => e.type === 'SUPPORT')?.source?.entity, 'e2', JSON.stringify(doc.events));
});

test('announcing a killing: the army did it, the police only report it, a group claiming it did it', () => {
  // the whole pipeline: the army's and the police's statements come from the quotes stage
  const full = Pipeline.create({ stages: ['morph', 'ner', 'entities', 'time', 'quotes', 'events'], options: RULES_ONLY });
  const doc = full.run(
    readArticle('الجيش يعلن مقتل مسلحين\nوأعلن الجيش المصري مقتل 30 مسلحا في سيناء. وأعلنت الشرطة مقتل رجل في المدينة.'),
  );
  const assault = (doc.events ?? []).filter((e) => e.type === 'ASSAULT');
  assert.ok(
    assault.some((e) => e.source?.role === 'MIL' && e.source?.country === 'EGY'),
    JSON.stringify(doc.events),
  );
  assert.ok(!assault.some((e) => e.source?.role === 'COP'), JSON.stringify(doc.events));
  const claim = run('وأعلن تنظيم داعش مسؤوليته عن الهجوم. واشترط الرئيس أن تلتزم الحركة بالهدنة.', (d) => [
    ent(d, 'e1', 'ORG', 'تنظيم داعش'),
  ]);
  assert.ok(
    (claim.events ?? []).some((e) => e.type === 'ASSAULT' && e.source?.entity === 'e1'),
    JSON.stringify(claim.events),
  );
  assert.ok(
    (claim.events ?? []).some((e) => e.type === 'REQUEST' && e.trigger === 'واشترط'),
    JSON.stringify(claim.events),
  );
});

test('invasion, seizing territory, raids and signed agreements; control as a state is no event', () => {
  const doc = run('وسيطرت القوات الحكومية على المدينة. ووقعت الحكومة اتفاقا مع المعارضة. وتخضع المدينة لسيطرة الجيش منذ عام.');
  const types = (doc.events ?? []).map((e) => `${e.type}:${e.trigger}`);
  // (seizing territory by force is ASSAULT, as every annotated set codes it, since round 7; CAMEO2PLOVER's COERCE is not used)
  assert.ok(types.includes('ASSAULT:وسيطرت'), types.join(' '));
  assert.ok(types.includes('AGREE:ووقعت'), types.join(' '));
  assert.ok(!types.some((t) => t.endsWith('لسيطرة')), types.join(' '));
});

test('a place name that begins with ب is no location by that letter; after في or a fused بـ it is', () => {
  const doc = run('ودعت الحكومة بغداد إلى الحوار. وقصف الجيش مواقع المسلحين ببغداد.', (d) => {
    const e = ent(d, 'e1', 'LOC', 'بغداد', 'IRQ');
    e.kbId = 'city:baghdad';
    return [e];
  });
  const request = (doc.events ?? []).find((e) => e.type === 'REQUEST');
  assert.equal(request?.location ?? null, null, JSON.stringify(doc.events));
  const assault = (doc.events ?? []).find((e) => e.type === 'ASSAULT');
  assert.equal(assault?.location?.name, 'بغداد', JSON.stringify(doc.events));
});

test('a relative clause verb takes the noun before the relative pronoun; a pluperfect كان X ... قد takes X', () => {
  const doc = run(
    'وتحد العقوبات من نفوذ إيران التي تمنح نحو 700 مليون دولار للحزب. وكان حزب العمال أبرز أحزاب المعارضة قد دعم التعديل. والميناء الذي تستخدمه الميليشيات لمهاجمة السفن.',
    (d) => [{ ...ent(d, 'e1', 'LOC', 'إيران', 'IRN'), kbId: 'country:IRN' }, ent(d, 'e2', 'ORG', 'حزب العمال', 'GBR')],
  );
  const by = (t: string) => (doc.events ?? []).find((e) => e.type === t)?.source?.entity;
  assert.equal(by('AID'), 'e1', JSON.stringify(doc.events));
  assert.equal(by('SUPPORT'), 'e2', JSON.stringify(doc.events));
  // agreement: التي + a masculine verb is not its subject
  const d2 = run('وزارت الوفود المدينة التي يحاصر الجيش أحياءها منذ أشهر.', (d) => [ent(d, 'e1', 'LOC', 'المدينة')]);
  assert.ok(!(d2.events ?? []).some((e) => e.source?.entity === 'e1'), JSON.stringify(d2.events));
});

test('release and resignation are RETREAT (PLOVER), withdrawing from a treaty SANCTION, granting a right is no aid', () => {
  const doc = run(
    'وأفرجت السلطات الإيرانية عن ثلاثة صحفيين. واستقال وزير الخارجية البريطاني. وانسحبت الولايات المتحدة من معاهدة الصداقة مع إيران. ومنحت فرنسا البرلمان حق التصويت.',
    (d) => [ent(d, 'e1', 'LOC', 'الولايات المتحدة', 'USA'), ent(d, 'e2', 'LOC', 'فرنسا', 'FRA'), ent(d, 'e3', 'LOC', 'إيران', 'IRN')],
  );
  const types = (doc.events ?? []).map((e) => `${e.type}:${e.trigger}`);
  assert.ok(types.includes('RETREAT:وأفرجت'), types.join(' '));
  assert.ok(types.includes('RETREAT:واستقال'), types.join(' '));
  assert.ok(types.includes('SANCTION:وانسحبت'), types.join(' '));
  assert.ok(!types.some((t) => t.startsWith('AID')), types.join(' '));
});

test('a warning is a threat only to a named addressee; threats received come from the actor after من', () => {
  const doc = run('وحذر نائب الرئيس مايك بنس تركيا من اختبار صبر واشنطن. وحذر لافروف من محاولات تقسيم سوريا.', (d) => [
    ent(d, 'e1', 'PER', 'مايك بنس', 'USA'),
    ent(d, 'e2', 'LOC', 'تركيا', 'TUR'),
    ent(d, 'e3', 'PER', 'لافروف', 'RUS'),
    ent(d, 'e4', 'LOC', 'سوريا', 'SYR'),
  ]);
  const threats = (doc.events ?? []).filter((e) => e.type === 'THREATEN');
  assert.deepEqual(
    threats.map((e) => e.source?.entity),
    ['e1'],
    JSON.stringify(doc.events),
  );
  const got = run('وقالت زوجته إنها تلقت تهديدات من الحكومة الصينية. وتلقت الأسرة تهديدات بالقتل.', (d) => [
    ent(d, 'e1', 'ORG', 'الحكومة الصينية', 'CHN'),
  ]);
  const t2 = (got.events ?? []).filter((e) => e.type === 'THREATEN');
  assert.deepEqual(
    t2.map((e) => e.source?.entity),
    ['e1'],
    JSON.stringify(got.events),
  );
});

test('with the morph stage: a possessive on a verbal noun is the clause subject; بـ/للاشتباه adverbials; قام به', () => {
  const full = Pipeline.create({ stages: ['morph', 'ner', 'entities', 'time', 'quotes', 'events'], options: RULES_ONLY });
  const doc = full.run(
    readArticle(
      'تركيا تطرد المقاتلين\nوطردت تركيا المقاتلين الأكراد من عفرين بعد شهرين من حصارها للمدينة. وردت روسيا على بريطانيا بطرد 23 دبلوماسيا. وأوقفت السلطات اللبنانية الضابطة للاشتباه بتورطها في القضية. وأدانت الجامعة العربية اعتداء قامت به القوات الإسرائيلية على المتظاهرين.',
    ),
  );
  const has = (type: string, country: string) => (doc.events ?? []).some((e) => e.type === type && e.source?.country === country);
  const all = JSON.stringify((doc.events ?? []).map((e) => [e.type, e.trigger, e.source?.name, e.source?.country]));
  assert.ok(has('COERCE', 'TUR'), all);
  assert.ok(has('SANCTION', 'RUS'), all);
  assert.ok(has('ACCUSE', 'LBN'), all);
  assert.ok(has('ASSAULT', 'ISR'), all);
  // a purpose with لـ is not done: no ASSAULT by North Korea
  const purpose = full.run(readArticle('كوريا\nوقال الرئيس إن كوريا الشمالية تحتاج لتدمير أسلحتها النووية.'));
  assert.ok(!(purpose.events ?? []).some((e) => e.type === 'ASSAULT'), JSON.stringify(purpose.events));
});

test('support of an actor is AID, of a proposal SUPPORT; with the support of X, X supplies it', () => {
  const doc = run(
    'وجدد الدعم الروسي لبشار الأسد العلاقات بين البلدين. وأكد مجلس الجامعة العربية دعم الطلب الذي قدمته فلسطين. وتقدمت القوات بمساندة من التحالف العربي.',
    (d) => [
      { ...ent(d, 'e1', 'PER', 'بشار الأسد', 'SYR') },
      ent(d, 'e2', 'ORG', 'مجلس الجامعة العربية'),
      ent(d, 'e3', 'ORG', 'التحالف العربي'),
      { ...ent(d, 'e4', 'LOC', 'فلسطين', 'PSE'), kbId: 'country:PSE' },
    ],
  );
  const t = (doc.events ?? []).map((e) => `${e.type}:${e.trigger}:${e.source?.entity ?? e.source?.country}`);
  assert.ok(t.includes('AID:الدعم:RUS'), t.join(' '));
  assert.ok(t.includes('SUPPORT:دعم:e2'), t.join(' '));
  assert.ok(t.includes('AID:بمساندة:e3'), t.join(' '));
});

test('statement forms: imperfect and participle accusations, condemnation, consultations, denials, dispersal', () => {
  const doc = run(
    'وفيما يتهم حزب المحافظين الحكومة بالفشل. وتحدث اليماني متهما الحوثيين بإفشال المشاورات. ودان غوتيريش الهجوم. وأجرى غريفيث مشاورات مع الوفد الحكومي. وقالت الصين إن المزاعم لا أساس لها من الصحة. وفضت قوات الأمن الإيرانية الجموع.',
    (d) => [
      ent(d, 'e1', 'LOC', 'الصين', 'CHN'),
      ent(d, 'e2', 'ORG', 'حزب المحافظين', 'GBR'),
      ent(d, 'e3', 'PER', 'اليماني', 'YEM'),
      ent(d, 'e4', 'PER', 'غوتيريش'),
      ent(d, 'e5', 'PER', 'غريفيث'),
    ],
  );
  const types = new Set((doc.events ?? []).map((e) => `${e.type}:${e.trigger}`));
  for (const x of ['ACCUSE:يتهم', 'ACCUSE:متهما', 'ACCUSE:ودان', 'CONSULT:مشاورات', 'COERCE:وفضت'])
    assert.ok(types.has(x), `${x} in ${[...types].join(' ')}`);
});

test('with the morph stage: names starting with ب/ل are subjects; an indefinite noun before a verb is its subject', () => {
  const full = Pipeline.create({ stages: ['morph', 'ner', 'entities', 'time', 'quotes', 'events'], options: RULES_ONLY });
  const doc = full.run(
    readArticle(
      'بريطانيا وروسيا\nوأجبرت بريطانيا الشريف حسين على التنازل عن العرش. وقصفت ليبيا مواقع المسلحين. وأثارت الحادثة ضجة بين روسيا وبريطانيا، ودول أخرى دعمت بريطانيا بموقفها. وكانت السلطات اللبنانية قد أوقفت الضابطة سوزان الحاج للاشتباه بتورطها في القضية.',
    ),
  );
  const ev = (doc.events ?? []).map((e) => `${e.type}:${e.trigger}:${e.source?.country ?? e.source?.name}`);
  assert.ok(ev.includes('COERCE:وأجبرت:GBR'), ev.join(' '));
  assert.ok(ev.includes('ASSAULT:وقصفت:LBY'), ev.join(' '));
  // دعمت's subject is "دول أخرى", not Britain, which is its object
  assert.ok(!ev.some((x) => x.startsWith('SUPPORT:دعمت:GBR')), ev.join(' '));
  // the charge is brought by the authorities that held her, not by her
  assert.ok(
    ev.some((x) => x.startsWith('ACCUSE:للاشتباه:LBN')),
    ev.join(' '),
  );
  assert.ok(!ev.some((x) => x.startsWith('ACCUSE:للاشتباه:سوزان')), ev.join(' '));
});

test('a future meeting is an agreement to meet; sponsoring talks is CONSULT; a verb after a relative pronoun keeps its object', () => {
  const full = Pipeline.create({ stages: ['morph', 'ner', 'entities', 'time', 'quotes', 'events'], options: RULES_ONLY });
  const doc = full.run(
    readArticle(
      'قمة\nوسيلتقي الرئيس الأمريكي دونالد ترامب الزعيم الكوري الشمالي كيم جونغ أون في سنغافورة. ورعت موسكو وطهران وهما الدولتان اللتان تساندان دمشق عملية أستانة. ويدعم التحالف الذي تقوده السعودية الحكومة اليمنية ضد الحوثيين.',
    ),
  );
  const ev = (doc.events ?? []).map((e) => `${e.type}:${e.trigger}:${e.source?.country ?? e.source?.name}`);
  assert.ok(
    ev.some((x) => x.startsWith('AGREE:وسيلتقي:USA')),
    ev.join(' '),
  );
  assert.ok(!ev.some((x) => x.startsWith('CONSULT:وسيلتقي')), ev.join(' '));
  assert.ok(
    ev.some((x) => x.startsWith('CONSULT:ورعت:RUS')),
    ev.join(' '),
  );
  // Damascus is what the two states support, not a supporter
  assert.ok(!ev.some((x) => x.includes(':تساندان:SYR')), ev.join(' '));
  assert.ok(
    ev.some((x) => x.startsWith('AID:ويدعم')),
    ev.join(' '),
  );
});

test('the subject of a relative clause giving the noun is its doer; imperfect light verbs with ت', () => {
  const doc = run(
    'وانتقد الوزير الدعم العسكري الذي يقدمه حزب الله لجبهة البوليساريو. وتبدأ ميلانيا ترامب زيارة إلى مصر. والتقى الوفد بأعضاء عملية الدعم الحازم التي يقودها حلف شمال الأطلسي.',
    (d) => [
      { ...ent(d, 'e1', 'ORG', 'حزب الله', 'LBN') },
      ent(d, 'e2', 'ORG', 'جبهة البوليساريو'),
      ent(d, 'e3', 'PER', 'ميلانيا ترامب', 'USA'),
      { ...ent(d, 'e4', 'LOC', 'مصر', 'EGY'), kbId: 'country:EGY' },
      ent(d, 'e5', 'ORG', 'حلف شمال الأطلسي'),
    ],
  );
  const ev = (doc.events ?? []).map((e) => `${e.type}:${e.trigger}:${e.source?.entity}`);
  assert.ok(ev.includes('AID:الدعم:e1'), ev.join(' '));
  assert.ok(ev.includes('CONSULT:زيارة:e3'), ev.join(' '));
  // يقود (lead) does not give the noun: NATO does not "support" here
  assert.ok(!ev.some((x) => x.endsWith(':e5') && x.includes('الدعم')), ev.join(' '));
});

test("with the morph stage: leaving an organisation is SANCTION; a second verb with و shares the first verb's subject", () => {
  const full = Pipeline.create({ stages: ['morph', 'ner', 'entities', 'time', 'quotes', 'events'], options: RULES_ONLY });
  const doc = full.run(
    readArticle('الفلبين\nأعلنت الفلبين انسحابها من المحكمة الجنائية الدولية. وقال روحاني إن أميركا احتلت العراق ودمرت أفغانستان.'),
  );
  const ev = (doc.events ?? []).map((e) => `${e.type}:${e.trigger}:${e.source?.country}`);
  assert.ok(ev.includes('SANCTION:انسحابها:PHL'), ev.join(' '));
  assert.ok(ev.includes('ASSAULT:ودمرت:USA'), ev.join(' '));
  assert.ok(!ev.includes('ASSAULT:ودمرت:IRQ'), ev.join(' '));
});

test('protesters in a protest pattern are its source; a planned summit is AGREE; investigations and executions', () => {
  const doc = run(
    'واحتشد المتظاهرون في ساحة جورج. وتحدثت الصحف عن القمة المرتقبة بين ترامب وفلاديمير بوتين. وفتحت المحكمة الجنائية الدولية تحقيقا في الحملة. وأعدمت الحكومة تسعة سجناء.',
    (d) => [
      ent(d, 'e1', 'PER', 'ترامب', 'USA'),
      ent(d, 'e2', 'PER', 'فلاديمير بوتين', 'RUS'),
      ent(d, 'e3', 'ORG', 'المحكمة الجنائية الدولية'),
    ],
  );
  const ev = (doc.events ?? []).map((e) => `${e.type}:${e.trigger}:${e.source?.entity ?? e.source?.name}`);
  assert.ok(ev.includes('PROTEST:واحتشد:المتظاهرون'), ev.join(' '));
  assert.ok(
    ev.some((x) => x.startsWith('AGREE:القمة')),
    ev.join(' '),
  );
  assert.ok(!ev.some((x) => x.startsWith('CONSULT:القمة')), ev.join(' '));
  assert.ok(ev.includes('ACCUSE:وفتحت:e3'), ev.join(' '));
  assert.ok(
    ev.some((x) => x.startsWith('ASSAULT:وأعدمت')),
    ev.join(' '),
  );
});

test('the noun after a manner participle is its object, not its doer', () => {
  const doc = run('ودعا اليماني المبعوث الدولي إلى الحزم، متهما المتمردين الحوثيين بإفشال المشاورات.', (d) => [
    ent(d, 'e1', 'PER', 'اليماني', 'YEM'),
    ent(d, 'e2', 'ORG', 'الحوثيين', 'YEM'),
  ]);
  const acc = (doc.events ?? []).filter((e) => e.type === 'ACCUSE');
  assert.ok(acc.length > 0 && acc.every((e) => e.source?.entity === 'e1'), JSON.stringify(doc.events));
});

test('with the morph stage: a possessive pronoun agrees with its actor; a war on terrorism is no attack', () => {
  const full = Pipeline.create({ stages: ['morph', 'ner', 'entities', 'time', 'quotes', 'events'], options: RULES_ONLY });
  const doc = full.run(
    readArticle(
      'موسكو\nوأكد لافروف أن روسيا ستواصل دعم العراق في حربه على الإرهاب. وطردت تركيا المقاتلين الأكراد من عفرين بعد شهرين من شنها هجوما على المدينة.',
    ),
  );
  const ev = (doc.events ?? []).map((e) => `${e.type}:${e.trigger}:${e.source?.country ?? e.source?.name}`);
  assert.ok(!ev.some((x) => x.includes(':حربه:')), ev.join(' '));
  assert.ok(
    ev.some((x) => x.startsWith('ASSAULT:') && x.endsWith(':TUR')),
    ev.join(' '),
  );
});

test('a place that stands for no state is no doer: the shelled town, the protests of a city are its people', () => {
  // (the rules once made the town the attacker: "ASSAULT حمورية")
  const shelled = fullEvents('وقال أحمد خنصور أحد سكان الغوطة الشرقية لبي بي سي إن مدينة حمورية تتعرض لقصف جوي ومدفعي مستمر.');
  assert.ok(!shelled.some((e) => /^[A-Z]+:(حمورية|الغوطة الشرقية):/.test(e)), shelled.join(' '));
  const doc = run('خرجت مظاهرات البصرة أمس.', (d) => [{ ...ent(d, 'e1', 'LOC', 'البصرة', 'IRQ'), kbId: 'city:al-basrah-irq' }]);
  const protest = doc.events?.find((e) => e.type === 'PROTEST');
  assert.ok(protest, JSON.stringify(doc.events));
  assert.deepEqual(protest.source, { name: 'مظاهرات', role: 'CVL', country: 'IRQ' });
  assert.equal(protest.location?.entity, 'e1');
  // a country, a capital and a seat of government do act
  assert.ok(canAct({ id: 'e1', type: 'LOC', name: 'روسيا', kbId: 'country:RUS', mentions: [] }));
  assert.ok(canAct({ id: 'e1', type: 'LOC', name: 'تل أبيب', kbId: 'city:tel-aviv-isr', role: 'GOV', mentions: [] }));
  assert.ok(!canAct({ id: 'e1', type: 'LOC', name: 'البصرة', kbId: 'city:al-basrah-irq', country: 'IRQ', mentions: [] }));
  assert.ok(canAct({ id: 'e1', type: 'ORG', name: 'حماس', mentions: [] }));
});

test('a named person is no doer of a rule event of force: the victim of an unvowelled passive (اعتقلت نازانين)', () => {
  const text = 'اعتقلت نازانين زاغاري راتكليف في طهران عام 2016 بتهمة التجسس.';
  const kept = Pipeline.create({
    stages: ['morph', 'ner', 'entities', 'time', 'quotes', 'events'],
    options: { events: { pairs: false, personForce: true } },
  });
  // (the rules read her as the one arresting; the option keeps such events)
  assert.ok(
    fullEvents(text, kept).some((e) => e.startsWith('COERCE:نازانين')),
    fullEvents(text, kept).join(' '),
  );
  assert.ok(!fullEvents(text).some((e) => e.startsWith('COERCE:نازانين')), fullEvents(text).join(' '));
});

test('a verbal noun names its doer after من; a request or a possessive pronoun does not', () => {
  const doc = run('وقال إن مصر تواجه هجمات شرسة من تنظيمات إرهابية. ورفضت واشنطن مناشدات رفيعة المستوى من الاتحاد الأوروبي.', (d) => [
    ent(d, 'e1', 'LOC', 'مصر', 'EGY'),
    ent(d, 'e2', 'LOC', 'واشنطن', 'USA'),
    ent(d, 'e3', 'ORG', 'الاتحاد الأوروبي', 'IGO'),
  ]);
  const ev = (doc.events ?? []).map((e) => `${e.type}:${e.source?.entity ?? e.source?.name}`);
  assert.ok(ev.includes('ASSAULT:تنظيمات إرهابية'), ev.join(' '));
  assert.ok(ev.includes('REQUEST:e3'), ev.join(' '));
  // "طلبنا بسيط من قطر": the possessive pronoun is the doer; Qatar is asked, not asking
  const d2 = fullEvents('وقال الجبير إن طلبنا بسيط من قطر.');
  assert.ok(!d2.some((e) => e.split(':')[1] === 'قطر'), d2.join(' '));
});

test('what is asked for is not done; a decision of X names the doer; protests in a country', () => {
  const doc = run(
    'وطالبت أوتاوا بالإفراج الفوري عن نشطاء. وفرضت العقوبات بعد قرار الرئيس دونالد ترامب الانسحاب من الاتفاق النووي.',
    (d) => [ent(d, 'e1', 'LOC', 'أوتاوا', 'CAN'), ent(d, 'e2', 'PER', 'دونالد ترامب', 'USA')],
  );
  const ev = (doc.events ?? []).map((e) => `${e.type}:${e.source?.entity ?? e.source?.name}`);
  assert.ok(ev.includes('REQUEST:e1'), ev.join(' '));
  assert.ok(!ev.some((x) => x.startsWith('RETREAT')), ev.join(' '));
  assert.ok(ev.includes('SANCTION:e2'), ev.join(' '));
  const d2 = run('قتل الآلاف منذ بدء الاحتجاجات في سوريا عام 2011.', (d) => [
    { ...ent(d, 'e1', 'LOC', 'سوريا', 'SYR'), kbId: 'country:SYR' },
  ]);
  const p = (d2.events ?? []).find((e) => e.type === 'PROTEST');
  assert.equal(p?.source?.country, 'SYR');
  assert.equal(p?.target, null);
  // the thousands are the ones killed, not the killers
  assert.ok(!(d2.events ?? []).some((e) => e.type === 'ASSAULT' && e.source?.role === 'CVL'), JSON.stringify(d2.events));
});

test('amnesty is CONCEDE, casting doubt is REJECT, an ambassador told to leave is SANCTION', () => {
  const doc = run(
    'أصدر الرئيس السوري بشار الأسد عفوا عاما عن الفارين. ماتيس يشكك برواية روسيا. وطلبت السعودية من السفير الكندي مغادرة البلاد.',
    (d) => [
      ent(d, 'e1', 'PER', 'بشار الأسد', 'SYR'),
      ent(d, 'e2', 'PER', 'ماتيس', 'USA'),
      ent(d, 'e3', 'LOC', 'روسيا', 'RUS'),
      ent(d, 'e4', 'LOC', 'السعودية', 'SAU'),
    ],
  );
  const ev = (doc.events ?? []).map((e) => `${e.type}:${e.source?.entity ?? e.source?.name}`);
  assert.ok(ev.includes('CONCEDE:e1'), ev.join(' '));
  assert.ok(ev.includes('REJECT:e2'), ev.join(' '));
  assert.ok(ev.includes('SANCTION:e4'), ev.join(' '));
  assert.ok(!ev.includes('REQUEST:e4'), ev.join(' '));
  // "المدنيين العزل": unarmed, not a deposition
  const d2 = run('وقتلت القوات المدنيين العزل.');
  assert.ok(!(d2.events ?? []).some((e) => e.type === 'COERCE'), JSON.stringify(d2.events));
});

test('a verbal noun joined by و shares the previous doer; a title phrase holds no other clause', () => {
  const doc = run('فرضت الولايات المتحدة عقوبات جديدة على مسؤولين وشركات روسية واتهامهم بالتربح من سياسات موسكو.', (d) => [
    ent(d, 'e1', 'LOC', 'الولايات المتحدة', 'USA'),
    ent(d, 'e2', 'LOC', 'موسكو', 'RUS'),
  ]);
  const acc = (doc.events ?? []).find((e) => e.type === 'ACCUSE');
  assert.equal(acc?.source?.entity, 'e1', JSON.stringify(doc.events));
  // "بعد عزل مرسي": the one deposed is no doer, of the deposition nor of the council's approval
  const d2 = run('وافق المجلس على القانون بعد عزل مرسي.', (d) => [ent(d, 'e1', 'PER', 'مرسي', 'EGY')]);
  assert.ok(!(d2.events ?? []).some((e) => e.source?.entity === 'e1'), JSON.stringify(d2.events));
});

test('a descriptive actor with no country takes the country of the place or of the article', () => {
  const doc = run('خرج متظاهرون في عبدان. وقالت طهران إن قوات الأمن فضت الجموع في إيران. وزار الوفد إيران.', (d) => [
    { ...ent(d, 'e1', 'LOC', 'إيران', 'IRN'), kbId: 'country:IRN' },
    { ...ent(d, 'e2', 'LOC', 'طهران', 'IRN'), kbId: 'city:tehran' },
  ]);
  const coerce = (doc.events ?? []).find((e) => e.type === 'COERCE');
  assert.equal(coerce?.source?.role, 'COP');
  assert.equal(coerce?.source?.country, 'IRN');
  assert.equal(coerce?.source?.countryInferred, true);
  // no dominant country: nothing inferred
  const d2 = run('وفضت قوات الأمن الجموع.');
  const c2 = (d2.events ?? []).find((e) => e.type === 'COERCE');
  assert.equal(c2?.source?.country, undefined);
});

test('smuggled weapons are AID; meddling in elections and arrests are COERCE; a judge is an actor', () => {
  const doc = run(
    'وضبطت البحرية أسلحة هربتها إيران إلى الحوثيين. وأكد التقرير تدخل روسيا في الانتخابات الأمريكية. وأصدر قاض لبناني مذكرة توقيف بحق الضابط.',
    (d) => [
      { ...ent(d, 'e1', 'LOC', 'إيران', 'IRN'), kbId: 'country:IRN' },
      ent(d, 'e2', 'ORG', 'الحوثيين', 'YEM'),
      { ...ent(d, 'e3', 'LOC', 'روسيا', 'RUS'), kbId: 'country:RUS' },
    ],
  );
  const ev = (doc.events ?? []).map((e) => `${e.type}:${e.source?.entity ?? e.source?.role}`);
  assert.ok(ev.includes('AID:e1'), ev.join(' '));
  assert.ok(ev.includes('COERCE:e3'), ev.join(' '));
  assert.ok(ev.includes('COERCE:JUD'), ev.join(' '));
});

test('a description with a pejorative label is an accusation by its speaker', () => {
  const full = Pipeline.create({ stages: ['morph', 'ner', 'entities', 'time', 'quotes', 'events'], options: RULES_ONLY });
  const doc = full.run(readArticle('وأعلن المتحدث باسم الجيش الليبي أحمد المسماري القبض على هشام عشماوي، واصفا إياه بـ"الإرهابي الأخطر".'));
  const acc = (doc.events ?? []).filter((e) => e.type === 'ACCUSE');
  assert.ok(acc.length > 0, JSON.stringify(doc.events));
  const d2 = full.run(readArticle('ووصف المسماري اللقاء بأنه "مثمر وبناء".'));
  assert.ok(!(d2.events ?? []).some((e) => e.type === 'ACCUSE'), JSON.stringify(d2.events));
});

test('a meeting still to come is an agreement to meet', () => {
  const doc = run('وتتكفل الحملة بالفاتورة قبل أيام من القمة بين ترامب وكيم.', (d) => [
    ent(d, 'e1', 'PER', 'ترامب', 'USA'),
    ent(d, 'e2', 'PER', 'كيم', 'PRK'),
  ]);
  const ev = (doc.events ?? []).map((e) => `${e.type}:${e.source?.entity}`);
  assert.ok(ev.includes('AGREE:e1') && !ev.some((x) => x.startsWith('CONSULT')), ev.join(' '));
});

test('clashes between two sides; a pronoun preposition between a verb and its subject; agent names without و', () => {
  const doc = run('اندلعت اشتباكات بين قوات الأمن الإيرانية ومحتجين. وعاد ثلاثة أميركيين أفرجت عنهم كوريا الشمالية.', (d) => [
    { ...ent(d, 'e1', 'LOC', 'كوريا الشمالية', 'PRK'), kbId: 'country:PRK' },
  ]);
  const ev = (doc.events ?? []).map((e) => `${e.type}:${e.source?.entity ?? e.source?.name}>${e.target?.name ?? ''}`);
  assert.ok(
    ev.some((x) => x.startsWith('ASSAULT:قوات الأمن الإيرانية>')),
    ev.join(' '),
  );
  assert.ok(ev.some((x) => x.includes('محتجين')) && !ev.some((x) => x.includes('ومحتجين')), ev.join(' '));
  assert.ok(
    ev.some((x) => x.startsWith('RETREAT:e1')),
    ev.join(' '),
  );
});

test('urging, clashes with the army, arrests by a light verb; a promise of support is AGREE', () => {
  const doc = run(
    'جونسون يحث طهران على الإفراج عنها. وأصيب 25 فلسطينيا في مواجهات مع الجيش الإسرائيلي. وألقت السلطات الإيرانية القبض على المواطنة. وقالت إن كندا ستدافع عن الحقوق.',
    (d) => [
      ent(d, 'e1', 'PER', 'جونسون', 'GBR'),
      { ...ent(d, 'e2', 'LOC', 'طهران', 'IRN'), kbId: 'city:tehran' },
      { ...ent(d, 'e3', 'LOC', 'كندا', 'CAN'), kbId: 'country:CAN' },
    ],
  );
  const ev = (doc.events ?? []).map((e) => `${e.type}:${e.source?.entity ?? e.source?.role}`);
  assert.ok(ev.includes('REQUEST:e1'), ev.join(' '));
  assert.ok(ev.includes('ASSAULT:MIL'), ev.join(' '));
  assert.ok(ev.includes('COERCE:GOV'), ev.join(' '));
  assert.ok(ev.includes('AGREE:e3') && !ev.includes('SUPPORT:e3'), ev.join(' '));
});

test("\"his country's forces\" belong to the speaker's country, not to the article's", () => {
  const full = Pipeline.create({ stages: ['morph', 'ner', 'entities', 'time', 'quotes', 'events'], options: RULES_ONLY });
  const doc = full.run(
    readArticle(
      'وقال رئيس الوزراء الإسرائيلي بنيامين نتنياهو إن قوات بلاده استهدفت أنظمة تحكم إيرانية في سوريا. وتتهم إسرائيل إيران. وتنفي إيران. وتقول إيران إنها لم تفعل.',
    ),
  );
  const a = (doc.events ?? []).find((e) => e.type === 'ASSAULT');
  assert.equal(a?.source?.country, 'ISR', JSON.stringify(doc.events));
});

test('foreign, regional and coalition actors get no country from the place', () => {
  const doc = run(
    'ووجهت الحكومات الغربية اتهامات للجيش في إيران. وقصفت قوات التحالف مواقع في إيران. وتتهم إيران واشنطن. وتقول إيران إنها بريئة.',
    (d) => [{ ...ent(d, 'e1', 'LOC', 'إيران', 'IRN'), kbId: 'country:IRN' }],
  );
  for (const e of doc.events ?? []) if (e.source?.role && !e.source.entity) assert.equal(e.source.country, undefined, JSON.stringify(e));
  assert.ok(
    (doc.events ?? []).some((e) => e.source?.role),
    JSON.stringify(doc.events),
  );
});

test('round 4 event rules on the full pipeline', () => {
  const evs = fullEvents;
  // a verb of failure governs the noun after في: its subject fires; the target after باتجاه
  const a = evs('وفشلت ميليشيا الحوثي في إطلاق صاروخ قصير المدى من داخل الأراضي اليمنية باتجاه السعودية.');
  assert.ok(
    a.some((x) => x.startsWith('ASSAULT:') && x.includes(':YEM>') && x.includes('السعودية')),
    a.join(' | '),
  );
  // a declared support is SUPPORT, a support given is AID
  const b = evs('وأعلنت روسيا دعمها الكامل للرئيس السوري. وتتهم السعودية إيران بدعمها للحوثيين.');
  assert.ok(
    b.some((x) => x.startsWith('SUPPORT:روسيا')),
    b.join(' | '),
  );
  assert.ok(
    b.some((x) => x.startsWith('AID:إيران')),
    b.join(' | '),
  );
  // destroying an intercepted missile is no attack; the prison as a place is no jailing
  const c = evs('وقد تمكنت قوات الدفاع الجوي السعودي من اعتراضه وتدميره. وأفرج عن قس أميركي من السجن التركي.');
  assert.ok(!c.some((x) => x.startsWith('ASSAULT') || x.startsWith('COERCE')), c.join(' | '));
  // a singular passive arrest has no doer
  const d = evs('وكان برونسون اعتقل في ديسمبر 2016. والشرطة اعتقلت رجلا.');
  assert.ok(!d.some((x) => x.includes('برونسون')), d.join(' | '));
  assert.ok(
    d.some((x) => x.startsWith('COERCE:الشرطة')),
    d.join(' | '),
  );
  // each side of a meeting between two actors meets the other, never itself
  const e = evs('أعقبه لقاء بين أوغلو والعاهل الأردني الملك عبد الله الثاني.');
  assert.equal(e.filter((x) => x.startsWith('CONSULT')).length, 2, e.join(' | '));
  for (const x of e) assert.notEqual(x.split(':')[1], x.split('>')[1].split(':')[0], x);
  // withdrawing from an agreement is SANCTION
  const f = evs('وأعلن ترامب انسحاب بلاده من الاتفاق النووي.');
  assert.ok(
    f.some((x) => x.startsWith('SANCTION:')),
    f.join(' | '),
  );
  // a participle of a statement takes the speaker, not the one addressed
  const g = evs('ورحب وزير الخارجية الأميركي مايك بومبيو بالقرار، داعيا السلطات التركية إلى إسقاط التهم عنه.');
  assert.ok(
    g.some((x) => x.startsWith('REQUEST:مايك بومبيو') && x.includes('>السلطات التركية')),
    g.join(' | '),
  );
});

test('أوقف arrests a person or a group, not an activity; a passive needs no person after the adverbial', () => {
  const full = Pipeline.create({ stages: ['morph', 'ner', 'entities', 'time', 'quotes', 'events'], options: RULES_ONLY });
  const evs = (text: string): string[] =>
    (full.run(readArticle(text)).events ?? []).map((e) => `${e.type}:${e.source?.name ?? ''}:${e.trigger}`);
  const a = evs('وأوقفت الاستخبارات المالية ثلاثة مسلحين. وأوقفت الحكومة المساعدات للاجئين.');
  assert.ok(
    a.some((x) => x.startsWith('COERCE:الاستخبارات')),
    a.join(' | '),
  );
  assert.ok(!a.some((x) => x.startsWith('COERCE:الحكومة')), a.join(' | '));
  const b = evs('والشرطة قتلت في الهجوم ثلاثة مسلحين. وكان برونسون اعتقل في ديسمبر 2016.');
  assert.ok(
    b.some((x) => x.startsWith('ASSAULT:الشرطة')),
    b.join(' | '),
  );
  assert.ok(!b.some((x) => x.includes('برونسون')), b.join(' | '));
});

test('future meetings and force, commitments, understandings, and the pronoun subject after أنه', () => {
  const full = Pipeline.create({ stages: ['morph', 'ner', 'entities', 'time', 'quotes', 'events'], options: RULES_ONLY });
  const evs = (text: string): string[] =>
    (full.run(readArticle(text)).events ?? []).map((e) => `${e.type}:${e.source?.name ?? ''}:${e.source?.country ?? ''}:${e.trigger}`);
  const a = evs('وأعلن ترامب أنه سيقابل زعيم كوريا الشمالية كيم جونغ أون في سنغافورة.');
  assert.ok(
    a.some((x) => x.startsWith('AGREE:') && x.includes(':USA:')),
    a.join(' | '),
  );
  assert.ok(!a.some((x) => x.startsWith('CONSULT')), a.join(' | '));
  const b = evs('وقالت زاخاروفا: "سنقتل كل الإرهابيين". وقال المالكي إن قوات التحالف ستقوم بقصف مواقع الحوثيين.');
  assert.equal(b.filter((x) => x.startsWith('THREATEN')).length, 2, b.join(' | '));
  const c = evs(
    'وخالف الانسحاب مواقف كل من فرنسا وألمانيا وبريطانيا، الذين أعلنوا التزامهم بالاتفاق. وأشار إلى التفاهم بين واشنطن وروسيا.',
  );
  for (const iso of ['FRA', 'DEU', 'GBR', 'USA', 'RUS'])
    assert.ok(
      c.some((x) => x.startsWith('AGREE') && x.includes(`:${iso}:`)),
      `${iso}: ${c.join(' | ')}`,
    );
  const d = evs('واستخدمت سوريا المواد في خرق واضح لالتزام سوريا بتعهداتها بموجب اتفاقية منع انتشار الأسلحة الكيماوية.');
  assert.ok(!d.some((x) => x.startsWith('AGREE')), d.join(' | '));
});

test('thanks are SUPPORT; a missile named before أطلق; "اتُّهم بالتجسس" is a passive', () => {
  const full = Pipeline.create({ stages: ['morph', 'ner', 'entities', 'time', 'quotes', 'events'], options: RULES_ONLY });
  const evs = (text: string): string[] =>
    (full.run(readArticle(text)).events ?? []).map((e) => `${e.type}:${e.source?.name ?? ''}:${e.trigger}`);
  const a = evs('وشكر ترامب فرنسا، في خطاب ترحيبي، على انضمامها إلى الولايات المتحدة.');
  assert.ok(
    a.some((x) => x.startsWith('SUPPORT:دونالد ترامب')),
    a.join(' | '),
  );
  const b = evs('وتم اعتراض صاروخ باليستي أطلقته ميليشيا الحوثي باتجاه أراضي المملكة. التحالف يعترض صاروخا حوثيا أطلق من صعدة.');
  assert.ok(
    b.some((x) => x.startsWith('ASSAULT:') && x.includes('الحوثي') && x.endsWith('أطلقته')),
    b.join(' | '),
  );
  assert.ok(!b.some((x) => x.endsWith(':أطلق')), b.join(' | '));
  const c = evs('وكان غونين سيغيف وزير سابق اتهم بالتجسس لصالح إيران.');
  assert.ok(!c.some((x) => x.startsWith('ACCUSE')), c.join(' | '));
});

test('a negated or general cooperative act is not done; a لـ-object does not give the doer its country', () => {
  const full = Pipeline.create({ stages: ['morph', 'ner', 'entities', 'time', 'quotes', 'events'], options: RULES_ONLY });
  const evs = (text: string): string[] =>
    (full.run(readArticle(text)).events ?? []).map((e) => `${e.type}:${e.source?.country ?? ''}:${e.trigger}`);
  const a = evs('وقالت إن ترامب لم يوقع معها اتفاقا قط. وقال كارتر: "عندما يوقع رئيس أمريكي على اتفاق فإن ذلك ملزم".');
  assert.ok(!a.some((x) => x.startsWith('AGREE')), a.join(' | '));
  const b = evs('واعتبر الوزير الفرنسي خلال زيارة للعاصمة الجزائرية أن التعاون جيد.');
  assert.ok(!b.some((x) => x.startsWith('CONSULT:DZA')), b.join(' | '));
});

test('a summit named after its place or its club is not held by it', () => {
  const full = Pipeline.create({ stages: ['morph', 'ner', 'entities', 'time', 'quotes', 'events'], options: RULES_ONLY });
  const evs = (text: string): string[] => (full.run(readArticle(text)).events ?? []).map((e) => `${e.type}:${e.source?.name ?? ''}`);
  const a = evs('وغادر ترمب بعد انتهاء قمة مجموعة السبع في كيبيك. والتزم الطرفان بما اتفقا عليه خلال قمة سنغافورة.');
  assert.ok(!a.some((x) => x.includes('مجموعة السبع') || x.includes('سنغافورة')), a.join(' | '));
});

test('round 5: coordinated nationalities, air defence, prevented attacks, leaders, denials and words that make no event', () => {
  const evs = fullEvents;
  // three nationality adjectives after an attack noun: three doers
  const a = evs('ويأتي ذلك بعد أيام من هجوم أميركي بريطاني فرنسي على أهداف سورية.');
  for (const c of ['USA', 'GBR', 'FRA'])
    assert.ok(
      a.some((x) => x.startsWith(`ASSAULT:`) && x.includes(`:${c}>`)),
      `${c}: ${a.join(' / ')}`,
    );
  // intercepting a missile attack is no attack by the defender; the verb of the relative clause is the same attack
  const b = evs('وذكر التلفزيون أن الدفاعات الجوية تصدت لهجوم صاروخي استهدف قاعدة الشعيرات الجوية في حمص.');
  assert.ok(!b.some((x) => x.includes('الدفاعات الجوية')), b.join(' / '));
  // an attack one means to prevent did not happen; a nisba word after an attack noun is no doer
  const c = evs('وقال إن المنظومة ليست مصممة لإحباط هجوم نووي شامل من روسيا، ردا على هجوم كيماوي قتل 70 شخصا.');
  assert.equal(c.filter((x) => x.startsWith('ASSAULT')).length, 0, c.join(' / '));
  // a coalition led by a country is coded with it; after بقيادة the leader is no target
  const d = evs('وقتلوا في الغارة التي نفذتها قوات التحالف الدولي بقيادة الولايات المتحدة في سوريا.');
  assert.ok(
    d.some((x) => x.startsWith('ASSAULT:التحالف الدولي:USA>') && !x.includes('>الولايات المتحدة')),
    d.join(' / '),
  );
  // accusations one denies are not one's own; "الاتهامات التي وجهها X" are X's; نفت is a denial
  const e = evs('ونفت موسكو الاتهامات. وقال حزب الله إنه ينفي الاتهامات التي ادعاها التحالف العربي.');
  assert.ok(
    e.some((x) => x.startsWith('REJECT:موسكو:RUS')),
    e.join(' / '),
  );
  assert.ok(!e.some((x) => x.startsWith('ACCUSE:موسكو') || x.startsWith('ACCUSE:حزب الله')), e.join(' / '));
  assert.ok(
    e.some((x) => x.startsWith('ACCUSE:التحالف العربي')),
    e.join(' / '),
  );
  const e2 = evs('ورد الوزير على الانتقادات التي وجهها إليه حزب العمال البريطاني. وأثارت الخطة اعتراضات من جانب الحكومة الأردنية.');
  assert.ok(
    e2.some((x) => x.startsWith('ACCUSE:حزب العمال:GBR')),
    e2.join(' / '),
  );
  assert.ok(
    e2.some((x) => x.startsWith('ACCUSE:الحكومة الأردنية:JOR')),
    e2.join(' / '),
  );
  // words next to a trigger that make it none (data/events/not-acts.tsv), and homographs
  const f = evs(
    'وقال أحمد أبو بكر، طالب في ماليزيا، إن الرجل يشكل تهديدا لإسرائيل. وأكد الحزب أنها أكاذيب تدعو للسخرية. ونفت حركة طالبان مسؤوليتها عن الهجوم. وتبدأ رحلتها من لبنان. ومازال رجال الإنقاذ يبحثون عن ناجين.',
  );
  assert.ok(!f.some((x) => /^(REQUEST|THREATEN|REJECT|COERCE|AID):/.test(x)), f.join(' / '));
  // arming and funding an armed group is aid; "أسلحتها" is not arming
  const g = evs('حيث تسلح طهران وتمول فصائل مسلحة في العراق. وقال إن على كوريا الشمالية تدمير أسلحتها.');
  assert.ok(
    g.some((x) => x.startsWith('AID:طهران:IRN')),
    g.join(' / '),
  );
  assert.ok(!g.some((x) => x.startsWith('AID:كوريا')), g.join(' / '));
});

test('achieving is not investigating; a student is not a demand; a patron is no target; the Houthi militia by its adjective', () => {
  const evs = fullEvents;
  const a = evs(
    'وأكد الرئيس التركي رجب طيب أردوغان عزمه على تحقيق التهدئة في سوريا، وأشار إلى النجاحات التي حققتها في مكافحة الإرهاب. وقال عباس في بحث كتبه وهو طالب في الجامعة إن التاريخ مهم. وأضاف: "والدي، إيد بنس، عاد من الحرب".',
  );
  assert.ok(!a.some((x) => /^(ACCUSE|REQUEST|SUPPORT):/.test(x)), a.join(' / '));
  const b = evs('ورصدت قوات الدفاع الجوي إطلاق صاروخ باليستي من قبل الميليشيا الحوثية التابعة لإيران.');
  assert.ok(
    b.some((x) => x.startsWith('ASSAULT:الحوثيون:YEM>') && !x.includes('>إيران')),
    b.join(' / '),
  );
});

test('a first-person verb in a quote acts for a descriptive speaker too; an agent with a fused بـ is an instrument', () => {
  const evs = fullEvents;
  const a = evs('وقالت أسرة الضحية: "نتهم الموساد الإسرائيلي بأنه وراء الحادث."');
  assert.ok(
    a.some((x) => x.startsWith('ACCUSE:أسرة الضحية:>')),
    a.join(' / '),
  );
  assert.ok(!a.some((x) => x.startsWith('ACCUSE:الموساد')), a.join(' / '));
  const b = evs('وفي عام 2001 استهدف هجوم بالطائرات مركز التجارة العالمي في نيويورك.');
  assert.ok(!b.some((x) => x.includes('الطائرات')), b.join(' / '));
  // an arrest of a named person in a country, no one named as doing it: that country's authorities
  const c = evs('وجاءت الأزمة بعد توقيف الناشطة سمر بدوي وزميلتها نسيمة السادة في السعودية.');
  assert.ok(
    c.some((x) => x.startsWith('COERCE:السلطات:SAU>سمر بدوي')),
    c.join(' / '),
  );
  // a quoted speaker's names joined by و act together
  const d = evs('وأشادت إسرائيل والسعودية بقرار ترامب.');
  assert.ok(
    d.some((x) => x.startsWith('SUPPORT:إسرائيل:ISR>دونالد ترامب')),
    d.join(' / '),
  );
  assert.ok(
    d.some((x) => x.startsWith('SUPPORT:السعودية:SAU>دونالد ترامب')),
    d.join(' / '),
  );
  // a verbal noun with a possessive pronoun: the pronoun is the doer, the name after it the object
  const e = evs('وقال خامنئي خلال استقباله وزير الأوقاف السوري محمد عبد الستار السيد إن سوريا صامدة.');
  assert.ok(
    e.some((x) => x.startsWith('CONSULT:علي خامنئي:IRN>')),
    e.join(' / '),
  );
  assert.ok(!e.some((x) => x.startsWith('CONSULT:وزير')), e.join(' / '));
  // a verb joined by "، و" to the clause before shares its doer, not that clause's object
  const f = evs('قصفت الطائرات الروسية مواقع المعارضة، واستهدفت مستشفى في إدلب.');
  assert.ok(
    f.some((x) => x.startsWith('ASSAULT:الطائرات الروسية:RUS>') && x.endsWith(':واستهدفت')),
    f.join(' / '),
  );
  assert.ok(!f.some((x) => x.startsWith('ASSAULT:المعارضة')), f.join(' / '));
});

test('round 6: wanting of someone, holding someone responsible, title genitives, executions, lifting restrictions', () => {
  const evs = fullEvents;
  // "يريد من X التحقيق": a request of X (not of a thing: "أراد من ذلك")
  const a = evs('وقال ترامب إنه يريد من المدعي العام التحقيق في القضية.');
  assert.ok(
    a.some((x) => x.startsWith('REQUEST:دونالد ترامب:USA>المدعي العام:')),
    a.join(' / '),
  );
  const a2 = evs('وتريد حكومة بلاده من الولايات المتحدة تسليمه إليها.');
  assert.ok(
    a2.some((x) => x.startsWith('REQUEST:حكومة بلاده:') && x.includes('>الولايات المتحدة:')),
    a2.join(' / '),
  );
  assert.deepEqual(
    evs('أراد من ذلك الإيقاع أن يستوعب الناس التفاصيل.').filter((x) => x.startsWith('REQUEST')),
    [],
  );
  // حمّل X المسؤولية: X alone before المسؤولية is the one held responsible, the subject is before the verb
  const b = evs('وكان ترامب قد حمل بشار الأسد وحليفيه الروسي والإيراني المسؤولية.');
  assert.ok(
    b.some((x) => x.startsWith('ACCUSE:دونالد ترامب:USA>بشار الأسد')),
    b.join(' / '),
  );
  assert.ok(!b.some((x) => x.startsWith('ACCUSE:بشار الأسد')), b.join(' / '));
  // after a definite title, a country is no genitive of it: the title holds Russia responsible
  const c = evs('وحمل الرئيس الأمريكي روسيا المسؤولية عن الهجوم.');
  assert.ok(
    c.some((x) => x.startsWith('ACCUSE:الرئيس الأمريكي:USA>روسيا')),
    c.join(' / '),
  );
  // an indefinite title's genitive organisation or country acts through it
  const d = evs('ورحب مفوض الأمم المتحدة السامي لحقوق الإنسان في بيان برفع حالة الطوارئ.');
  assert.ok(
    d.some((x) => x.startsWith('SUPPORT:الأمم المتحدة:')),
    d.join(' / '),
  );
  const d2 = evs('وانتقد رئيس وزراء المجر سياسة الهجرة.');
  assert.ok(
    d2.some((x) => x.startsWith('ACCUSE:رئيس وزراء المجر:HUN')),
    d2.join(' / '),
  );
  // a light verb may stand farther from its noun, past a place and a day: "وعقد X في البيت الأبيض، الثلاثاء، مباحثات"
  const e = evs('وعقد ولي العهد السعودي في البيت الأبيض، الثلاثاء، مباحثات مع الرئيس الأميركي.');
  assert.ok(
    e.some((x) => x.startsWith('CONSULT:ولي العهد السعودي:SAU>الرئيس الأميركي')),
    e.join(' / '),
  );
  // an execution is an assault; the death penalty or a death sentence is none
  const f = evs('وتوترت العلاقات في أعقاب إعدام السعودية رجل دين شيعي بارز.');
  assert.ok(
    f.some((x) => x.startsWith('ASSAULT:') && x.endsWith(':إعدام')),
    f.join(' / '),
  );
  assert.deepEqual(
    evs('وأصدرت المحكمة حكما بالإعدام على المتهم وطالبت منظمات بإلغاء عقوبة الإعدام.').filter((x) => x.startsWith('ASSAULT')),
    [],
  );
  // lifting a state of emergency or sanctions concedes; releasing prisoners is a retreat; protesters storming an embassy protest
  const g = evs('ورفعت السلطات الإثيوبية حالة الطوارئ المفروضة في البلاد.');
  assert.ok(
    g.some((x) => x.startsWith('CONCEDE:السلطات الإثيوبية:ETH')),
    g.join(' / '),
  );
  const h = evs('وقطعت الرياض علاقاتها مع طهران بعد أن اقتحم متظاهرون سفارتها في طهران.');
  assert.ok(
    h.some((x) => x.startsWith('PROTEST:متظاهرون:')),
    h.join(' / '),
  );
  assert.ok(!h.some((x) => x.startsWith('ASSAULT')), h.join(' / '));
  // a city is no speaker of a relative clause ("اعتداء سالزبري، الذي اتهمت روسيا")
  const i = evs('وأصدرت الدول الخمس بيانا مشتركا بشأن اعتداء سالزبري، الذي اتهمت روسيا بتدبيره في مارس.');
  assert.ok(!i.some((x) => x.includes(':سالزبري:')), i.join(' / '));
});

test('round 7: taking control by force, denied attacks, unwillingness, unidentified aircraft', () => {
  const evs = fullEvents;
  // seizing territory is coded ASSAULT, as every annotated set does
  const a = evs('وقالت وسائل الإعلام إن الجيش سيطر على بلدات رئيسية شمال شرقي درعا.');
  assert.ok(
    a.some((x) => x.startsWith('ASSAULT:الجيش:') && x.endsWith(':سيطر')),
    a.join(' / '),
  );
  assert.ok(!a.some((x) => x.startsWith('COERCE')), a.join(' / '));
  // an attack someone denies is not reported as done
  const b = evs('ونفت القوات الروسية والسورية في وقت سابق استهدافها المستشفيات.');
  assert.ok(
    b.some((x) => x.startsWith('REJECT:القوات الروسية')),
    b.join(' / '),
  );
  assert.ok(!b.some((x) => x.startsWith('ASSAULT')), b.join(' / '));
  // (and a second nationality joined by و is a second actor of the same kind)
  assert.ok(
    b.some((x) => x.startsWith('REJECT:القوات السورية:SYR')),
    b.join(' / '),
  );
  // not willing or not ready to agree
  assert.deepEqual(
    evs('وقالت الحكومة إنها غير مستعدة للتوقيع على اتفاق سلام.').filter((x) => x.startsWith('AGREE')),
    [],
  );
  // a counterpart with a nationality is an actor of that country; an ultimatum is a threat
  const c = evs('وبحث وزير الخارجية المصري مع نظيره الروسي الأزمة السورية.');
  assert.ok(
    c.some((x) => x.startsWith('CONSULT:وزير الخارجية المصري:EGY>نظيره الروسي')),
    c.join(' / '),
  );
  const d = evs('رحبت الرئاسة الفلسطينية ونظيرتها الإسرائيلية بزيارة الأمير وليام.');
  assert.ok(
    d.some((x) => x.startsWith('SUPPORT:نظيرتها الإسرائيلية:ISR')),
    d.join(' / '),
  );
  const e = evs('وأمهلت الأمم المتحدة المتحاربين حتى نهاية حزيران للتوصل إلى اتفاق.');
  assert.ok(
    e.some((x) => x.startsWith('THREATEN:الأمم المتحدة:')),
    e.join(' / '),
  );
  // aircraft nobody identifies are no actor
  assert.deepEqual(
    evs('وتوقف المستشفى عن العمل بعدما أصابته ليلا غارات من طائرات غير محددة الهوية.').filter((x) => x.startsWith('ASSAULT')),
    [],
  );
});

test('round 9: a noun in ة with a possessive pronoun (مسؤوليته، زيارته) is its trigger', () => {
  assert.ok(stems('مسؤوليته').includes('مسؤوليه'));
  assert.ok(stems('وزيارتها').includes('زياره'));
  const a = fullEvents('وتحمل بريطانيا روسيا مسؤوليته.');
  assert.ok(
    a.some((x) => x.startsWith('ACCUSE:بريطانيا:GBR>روسيا')),
    a.join(' / '),
  );
  const b = fullEvents('وبحث الرئيس الروسي فلاديمير بوتين خلال زيارته لأنقرة الأزمة السورية.');
  assert.ok(
    b.some((x) => x.startsWith('CONSULT:فلاديمير بوتين:RUS')),
    b.join(' / '),
  );
});

test('round 9 lexicon: supplying, allying, withdrawing diplomats, phone conversations', () => {
  const a = fullEvents('وقامت بريطانيا بسحب 23 دبلوماسيا روسيا من لندن.');
  assert.ok(
    a.some((x) => x.startsWith('SANCTION:بريطانيا:GBR')),
    a.join(' / '),
  );
  const b = fullEvents('وأجرى أردوغان محادثة هاتفية مع ترامب.');
  assert.ok(
    b.some((x) => x.startsWith('CONSULT:رجب طيب أردوغان:TUR')),
    b.join(' / '),
  );
  const c = fullEvents('وقال الحريري إن تحالفه مع الرئيس اللبناني ميشيل عون سيستمر.');
  assert.ok(
    c.some((x) => x.startsWith('AGREE:الحريري')),
    c.join(' / '),
  );
});

test('round 9: a pattern word may come twelve tokens after the anchor (coordinated subjects, a title and a name)', () => {
  const a = fullEvents('وحملت فرنسا وألمانيا وبريطانيا والاتحاد الأوروبي الحكومة السورية مسؤولية الهجوم الكيماوي.');
  assert.ok(
    a.some((x) => x.startsWith('ACCUSE:فرنسا:FRA')),
    a.join(' / '),
  );
});

test('event bug round: the imperfect of a verb whose perfect starts with an alef finds the trigger (تنتقد → انتقد)', () => {
  assert.ok(stems('وتنتقد').includes('انتقد'));
  assert.ok(stems('يستهدفون').includes('استهدف'));
  const a = fullEvents('وتنتقد ألمانيا الحملة القمعية للرئيس التركي.');
  assert.ok(
    a.some((x) => x.startsWith('ACCUSE:ألمانيا:DEU')),
    a.join(' / '),
  );
  const b = fullEvents('وتعتقل الشرطة الإسرائيلية عشرات المحتجين.');
  assert.ok(
    b.some((x) => x.startsWith('COERCE:الشرطة الإسرائيلية')),
    b.join(' / '),
  );
});

test('event bug round: countries and organisations joined by و are one list of subjects', () => {
  const a = fullEvents('وحملت لندن والولايات المتحدة والاتحاد الأوروبي الدولة الروسية مسؤولية الهجوم.');
  assert.ok(
    a.some((x) => x.startsWith('ACCUSE:الاتحاد الأوروبي')),
    a.join(' / '),
  );
});

test('event bug round: a time expression before or after a verb is no word of the clause', () => {
  // after "وفي آب/أغسطس" the verb is no relative clause on the month (nor its genitive)
  const a = fullEvents('وفي آب/أغسطس فرض الرئيس الأمريكي، دونالد ترامب، عقوبات على إيران، بعد انسحاب بلاده.');
  assert.ok(
    a.some((x) => x.startsWith('SANCTION:دونالد ترامب:USA')),
    a.join(' / '),
  );
  // an arrest keeps its person when a date comes between
  const b = fullEvents('وكانت الشرطة الألمانية قد أوقفت في 26 آذار/ مارس الماضي كارلس بيغديمونت على الحدود.');
  assert.ok(
    b.some((x) => x.startsWith('COERCE:الشرطة الألمانية')),
    b.join(' / '),
  );
});

test('event bug round: in a pluperfect the name after the verb is its object, not a second doer', () => {
  const a = fullEvents('وكانت الشرطة الألمانية قد أوقفت كارلس بيغديمونت على الحدود.');
  assert.ok(
    a.some((x) => x.startsWith('COERCE:الشرطة الألمانية')),
    a.join(' / '),
  );
  assert.ok(!a.some((x) => x.startsWith('COERCE:كارلس بيغديمونت')), a.join(' / '));
});

test('event bug round: a time expression between a verb and its subject is skipped', () => {
  const a = fullEvents('وأدانت في 12 مارس الماضي وزارة الخارجية الروسية الهجوم.');
  assert.ok(
    a.some((x) => x.startsWith('ACCUSE:وزارة الخارجية الروسية')),
    a.join(' / '),
  );
});

test('event bug round: "كل من X وY" after a verb is its subjects, not a من-phrase', () => {
  const a = fullEvents('أدان كل من الأردن ومصر الهجوم على المسجد.');
  assert.ok(a.some((x) => x.startsWith('ACCUSE:الأردن:JOR')) && a.some((x) => x.startsWith('ACCUSE:مصر:EGY')), a.join(' / '));
});

test('a descriptive plural actor keeps its adjectives and quantifier in its name; a group of states takes no country', () => {
  const full = Pipeline.create({ stages: ['morph', 'ner', 'entities', 'time', 'quotes', 'events'], options: RULES_ONLY });
  const names = (text: string): string[] =>
    (full.run(readArticle(text)).events ?? []).map((e) => `${e.type}:${e.source?.name}:${e.source?.country ?? ''}`);
  // "دول عربية"، "منظمات عدة": the head with its adjective / quantifier, and تضامن is support
  const a = names('تضامن\nفقد أعربت دول عربية ومنظمات عدة عن تضامنها مع المملكة.');
  assert.ok(a.includes('SUPPORT:دول عربية:'), a.join(' '));
  assert.ok(a.includes('SUPPORT:منظمات عدة:'), a.join(' '));
  // an indefinite non-national adjective (أجنبية، حكومية) stays in the name
  const b = names('قطر\nوأدانت حكومات أجنبية قطر. وهاجمت قوات حكومية المدينة.');
  assert.ok(
    b.some((x) => x.startsWith('ACCUSE:حكومات أجنبية')),
    b.join(' '),
  );
  assert.ok(
    b.some((x) => x.startsWith('ASSAULT:قوات حكومية')),
    b.join(' '),
  );
  // a nationality keeps its country; a definite one after it is the object, not a second adjective
  const c = names('إعلام\nواتهمت وسائل إعلام قطرية السعودية بالتضليل.');
  assert.ok(c.includes('ACCUSE:وسائل إعلام قطرية:QAT'), c.join(' '));
  // "دول غربية" threaten; "دول أخرى" support by a stance, with no country of the place
  const d = names('بريطانيا\nوتوعدت دول غربية بـ"رد قوي". وأثارت الحادثة ضجة بين روسيا وبريطانيا، ودول أخرى دعمت بريطانيا بموقفها.');
  assert.ok(d.includes('THREATEN:دول غربية:'), d.join(' '));
  assert.ok(d.includes('SUPPORT:دول أخرى:'), d.join(' '));
});

test('event bug round 3: "X كانت قد فعلت Y": the subject before كان acts, the name after the verb is its object', () => {
  const a = fullEvents('وذكر المتحدث أن الأمم المتحدة كانت قد طالبت الحكومة السودانية بوقف القتال.');
  assert.ok(
    a.some((x) => x.startsWith('REQUEST:الأمم المتحدة')),
    a.join(' / '),
  );
  assert.ok(!a.some((x) => x.startsWith('REQUEST:الحكومة السودانية')), a.join(' / '));
});

test('event bug round 3: "مدعوما بـX" after a subject: X backs the subject, and does not block the light verb', () => {
  const a = fullEvents('واستعاد الجيش اليمني، مدعوما بقوات التحالف، السيطرة على المدينة.');
  assert.ok(
    a.some((x) => x.startsWith('AID:قوات التحالف') && x.includes('>الجيش اليمني:')),
    a.join(' / '),
  );
  const b = fullEvents('وقد شن الجيش العراقي، مدعوما بالقوات الأمريكية، في الأسابيع الماضية حملة عسكرية على المسلحين.');
  assert.ok(
    b.some((x) => x.startsWith('AID:القوات الأمريكية') && x.includes('>الجيش العراقي:')),
    b.join(' / '),
  );
  assert.ok(!b.some((x) => x.startsWith('AID:الجيش العراقي') || x.startsWith('ASSAULT:القوات الأمريكية')), b.join(' / '));
});

test('event bug round 3: a noun of dying has no doer (neither the one killed nor the one reporting it)', () => {
  const a = fullEvents('أعلنت وزارة الصحة مقتل فلسطيني وإصابة آخرين.');
  assert.ok(!a.some((x) => x.startsWith('ASSAULT:')), a.join(' / '));
  const b = fullEvents('وأفاد مسؤولون بمقتل جنود في الانفجار.');
  assert.ok(!b.some((x) => x.startsWith('ASSAULT:')), b.join(' / '));
});

test("event bug round 3: a passive after the future's س is no act of the speaker", () => {
  const a = fullEvents('وقال الوزير إنه سيُتهم بالخيانة إذا وقع الاتفاق.');
  assert.ok(!a.some((x) => x.startsWith('ACCUSE:')), a.join(' / '));
});

test("event bug round 3: in reported speech a relative clause's verb has the noun before الذي as subject", () => {
  const a = fullEvents('وأكد ماكرون أنه اتصل بالرئيس الروسي فلاديمير بوتين، الذي نفى بدوره أي تدخل في الانتخابات.');
  assert.ok(
    a.some((x) => x.startsWith('REJECT:') && x.includes('بوتين:RUS>')),
    a.join(' / '),
  );
  assert.ok(!a.some((x) => x.startsWith('REJECT:إيمانويل ماكرون')), a.join(' / '));
});

test('event bug round 3: after "التي وعدت بها" the name is the relative verb\'s subject', () => {
  const a = fullEvents('وانتقد المعارضون الخطة التي وعدت بها الحكومة المصرية العام الماضي.');
  assert.ok(
    a.some((x) => x.startsWith('AGREE:الحكومة المصرية')),
    a.join(' / '),
  );
});

test('event bug round 3: the name after a plural verb is its object; a name behind a fused بالـ is governed', () => {
  // in VSO the verb is singular: after "يساعدون" the name is who is helped, not who helps
  const a = fullEvents('وأظهرت تسجيلات موظفي السفارة الإندونيسية يساعدون العمال على الهروب.');
  assert.ok(!a.some((x) => x.startsWith('AID:العمال')), a.join(' / '));
  // (a singular verb whose root ends in و stays VSO)
  const b = fullEvents('وتتعاون الولايات المتحدة مع المليشيا الكردية.');
  assert.ok(
    b.some((x) => x.startsWith('COOPERATE:الولايات المتحدة')),
    b.join(' / '),
  );
  // "القصف باليمن": the country after a fused بـ is where, not who bombs
  const c = fullEvents('ويوجه نشطاء اتهامات بالتواطؤ في حملة القصف باليمن إلى حكومة بريطانيا.');
  assert.ok(!c.some((x) => x.startsWith('ASSAULT:اليمن')), c.join(' / '));
});

test('event bug round 3: a verb right after the relative من (whoever) has no actor for subject', () => {
  const a = fullEvents('تعهدت تركيا بضرب كل من يساعد الميليشيات الكردية.');
  assert.ok(!a.some((x) => x.startsWith('AID:')), a.join(' / '));
});

test("bug round 4: a relational head makes another actor (أسرة محمد مرسي), with the person's country", () => {
  const doc = run('وكانت أسرة محمد مرسي قد رفعت قضية تطالب فيها بالإفراج عنه، واتهمت وزير الداخلية بالتعسف.', (d) => [
    ent(d, 'e1', 'PER', 'محمد مرسي', 'EGY'),
  ]);
  const ev = (doc.events ?? []).map((e) => `${e.type}:${e.source?.name}:${e.source?.entity ?? ''}:${e.source?.country ?? ''}`);
  assert.ok(!ev.some((x) => x.includes(':e1:')), ev.join(' / '));
});

test('bug round 4: an act named as a charge is alleged, not done by the court (بتهمة قتل)', () => {
  const a = fullEvents('وأدانت المحكمة العليا المتهم بتهمة قتل الصحافية السويدية.');
  assert.ok(!a.some((x) => x.startsWith('ASSAULT:')), a.join(' / '));
});

test('bug round 4: a named person who attacks does it in words (ACCUSE); armed men still assault', () => {
  const a = fullEvents('هاجم نائب الرئيس الأميركي مايك بنس حكومة كوريا الشمالية.');
  assert.ok(
    a.some((x) => x.startsWith('ACCUSE:مايك بنس')),
    a.join(' / '),
  );
  assert.ok(!a.some((x) => x.startsWith('ASSAULT:')), a.join(' / '));
  const b = fullEvents('وهاجم مسلحون السفارة الفرنسية في واغادوغو.');
  assert.ok(
    b.some((x) => x.startsWith('ASSAULT:مسلحون:')),
    b.join(' / '),
  );
  // (an indefinite plural with its ن takes no genitive: the embassy is no part of the doer's name)
  assert.ok(!b.some((x) => x.includes('مسلحون السفارة')), b.join(' / '));
});

test('bug round 4: no target across another clause, nor the one fought for', () => {
  const a = fullEvents('ووجهت القوات الأمنية ضربات قاصمة للمسلحين وهي جماعات تعتبرها السلطات المصرية إرهابية.');
  assert.ok(!a.some((x) => x.startsWith('ASSAULT:') && x.includes('>السلطات')), a.join(' / '));
  const b = fullEvents('وقاتل المسلحون إلى جانب القوات الحكومية السورية.');
  assert.ok(!b.some((x) => x.includes('>القوات الحكومية')), b.join(' / '));
  assert.ok(!b.some((x) => x.includes('المسلحون إلى')), b.join(' / '));
});

test('bug round 4: a verb with و right after the object of the clause before shares its doer', () => {
  const a = fullEvents('وانتقد وزير الخارجية المصري سامح شكري الحكومة الإسرائيلية واتهم المسؤولين فيها بالتطرف والعنصرية.');
  assert.ok(!a.some((x) => x.startsWith('ACCUSE:الحكومة الإسرائيلية')), a.join(' / '));
  assert.ok(a.filter((x) => x.startsWith('ACCUSE:سامح شكري')).length >= 2, a.join(' / '));
});

test('bug round 4: a feminine dual verb is a verb, not an accusative noun; أبرم and توصل إلى اتفاق are AGREE', () => {
  // The news NER model (ner-news.bin, twentieth session) reads this rare dual verb after two names as a third place
  // name, a known error of that model; the event rule is checked on the names of the ANERcorp model.
  const anercorp = Pipeline.create({
    stages: ['morph', 'ner', 'entities', 'time', 'quotes', 'events'],
    options: { ...RULES_ONLY, ner: { model: 'anercorp' } },
  });
  const a = fullEvents('وكانت روسيا وتركيا أبرمتا اتفاقا بشأن إدلب.', anercorp);
  assert.ok(
    a.some((x) => x.startsWith('AGREE:روسيا')),
    a.join(' / '),
  );
  assert.ok(
    a.some((x) => x.startsWith('AGREE:تركيا')),
    a.join(' / '),
  );
});

test('bug round 4: a person given with an age after an attack verb is its victim; bearing a responsibility is no accusation', () => {
  const a = fullEvents('وقد قتل سالم محمد صباح 17 عاماً ليلة السبت عندما شن الجيش الإسرائيلي غارات على قطاع غزة.');
  assert.ok(!a.some((x) => x.startsWith('ASSAULT:سالم')), a.join(' / '));
  assert.ok(
    a.some((x) => x.startsWith('ASSAULT:الجيش الإسرائيلي')),
    a.join(' / '),
  );
  const b = fullEvents('وقال إن الرئيس الصماد تحمل مسؤولية الرئاسة بدافع إيماني.');
  assert.ok(!b.some((x) => x.startsWith('ACCUSE:')), b.join(' / '));
});

test('bug round 4: a country after في is where it happened, not the target', () => {
  const a = fullEvents('واندلعت اشتباكات عنيفة بين المحتجين وقوات الأمن في إيران.');
  assert.ok(!a.some((x) => x.includes('>إيران:')), a.join(' / '));
});

test('bug round 4: a subject before the verb keeps it across a place with a fused preposition (النيابة بمصر تحبس X)', () => {
  const a = fullEvents('النيابة بمصر تحبس معصوم مرزوق على ذمة التحقيق.');
  assert.ok(
    a.some((x) => x.startsWith('COERCE:النيابة')),
    a.join(' / '),
  );
  assert.ok(!a.some((x) => x.startsWith('COERCE:معصوم')), a.join(' / '));
});

test('bug round 4: control described in a relative clause is no seizure; a seizure stays', () => {
  const a = fullEvents('وتقدمت القوات في مدينة دوما التي تسيطر عليها المعارضة المسلحة.');
  assert.ok(!a.some((x) => x.startsWith('ASSAULT:المعارضة')), a.join(' / '));
  const b = fullEvents('وسيطرت القوات العراقية على مدينة الموصل.');
  assert.ok(
    b.some((x) => x.startsWith('ASSAULT:القوات العراقية')),
    b.join(' / '),
  );
});

test('bug round 4: a feminine noun after a definite agent is its object unless tagged an adjective (وتتهم السلطات الصحيفة)', () => {
  const a = fullEvents('وتتهم السلطات الصحيفة بأنها كانت داعمة للانقلاب.');
  assert.ok(
    a.some((x) => x.startsWith('ACCUSE:السلطات:')),
    a.join(' / '),
  );
  const b = fullEvents('وقصفت القوات المسلحة السورية مواقع المعارضة.');
  assert.ok(
    b.some((x) => x.startsWith('ASSAULT:القوات المسلحة السورية:SYR')),
    b.join(' / '),
  );
});

test('bug round 4: a place after في with a conjunction (وفي روسيا،) is governed, no subject of the verb after the comma', () => {
  const a = fullEvents('وفي روسيا، أدان المتحدث باسم الكرملين، دميتري بيسكوف، الضربات الغربية.');
  assert.ok(!a.some((x) => x.startsWith('ACCUSE:روسيا')), a.join(' / '));
});

test("bug round 4: a pattern's في comes right after the verb's subject (حقق في = investigate; حقق اختراقات = achieve)", () => {
  const a = fullEvents('حققت قوات الشرعية اليمنية، الأحد، اختراقات نوعية في جبهة الساحل الغربي.');
  assert.ok(!a.some((x) => x.startsWith('ACCUSE:')), a.join(' / '));
  const b = fullEvents('وحققت الشرطة الإسرائيلية في الحادث.');
  assert.ok(
    b.some((x) => x.startsWith('ACCUSE:الشرطة الإسرائيلية')),
    b.join(' / '),
  );
});

test('tenth session: a name that starts with و (واشنطن) after the source is the target, not a second source', () => {
  const a = fullEvents('وتتهم موسكو واشنطن بإيواء المعارضين.');
  assert.ok(
    a.some((x) => x.startsWith('ACCUSE:موسكو:RUS>واشنطن:')),
    a.join(' / '),
  );
  assert.ok(!a.some((x) => x.startsWith('ACCUSE:واشنطن')), a.join(' / '));
});

test('tenth session: concessions, disarmament and allegiance triggers (استجاب، سلمت ترسانتها، تخلى عن ترسانته، مبايعته، مدح)', () => {
  const a = fullEvents('واستجاب الرئيس إيمانويل ماكرون لهذه المطالب.');
  assert.ok(
    a.some((x) => x.startsWith('CONCEDE:')),
    a.join(' / '),
  );
  const b = fullEvents('وتخلى معمر القذافي عن ترسانته الكيميائية.');
  assert.ok(
    b.some((x) => x.startsWith('RETREAT:معمر القذافي')),
    b.join(' / '),
  );
  const c = fullEvents('وقام ترامب بمدح كيم جونغ أون.');
  assert.ok(
    c.some((x) => x.startsWith('SUPPORT:دونالد ترامب:USA>كيم جونغ أون')),
    c.join(' / '),
  );
  // a gift handed over is no disarmament
  const d = fullEvents('وسلم الوزير جائزة المسابقة للفائز.');
  assert.ok(!d.some((x) => x.startsWith('RETREAT:')), d.join(' / '));
});

test('eleventh session: a dual subject (الزعيمان، الجانبان) stands for the two actors named before it', () => {
  const a = fullEvents(
    'وتعهد الرئيس الأمريكي دونالد ترامب ونظيره الفرنسي إيمانويل ماكرون برد قوي مشترك على الهجوم الكيماوي. ودان الزعيمان بشدة الهجمات المروعة بالأسلحة الكيماوية في سوريا.',
  );
  assert.ok(
    a.some((x) => x.startsWith('ACCUSE:دونالد ترامب')),
    a.join(' / '),
  );
  assert.ok(
    a.some((x) => x.startsWith('ACCUSE:إيمانويل ماكرون')),
    a.join(' / '),
  );
  // a dual with only one actor of its kind before it is left as it was
  const b = fullEvents('وقال المتحدث إن الجيش مستعد. وهدد الطرفان باستئناف القتال.');
  assert.ok(b.filter((x) => x.startsWith('THREATEN:')).length <= 1, b.join(' / '));
});

test('eleventh session: a title phrase with the name of its holder is that person as an actor, also as a counterpart', () => {
  const a = fullEvents('واتفق وزير الخارجية الروسي سيرغي لافروف ونظيره التركي مولود جاويش أوغلو على تعزيز التعاون.');
  assert.ok(
    a.some((x) => x.startsWith('AGREE:سيرغي لافروف:RUS')),
    a.join(' / '),
  );
  assert.ok(
    a.some((x) => x.startsWith('AGREE:مولود جاويش أوغلو:TUR')),
    a.join(' / '),
  );
});

test('eleventh session: support expressed with أعرب/عبر عن is SUPPORT even with the verb before its subjects', () => {
  const a = fullEvents('وعبّرت كل من مصر والإمارات والبحرين عن دعمها للمملكة العربية السعودية.');
  assert.ok(
    a.some((x) => x.startsWith('SUPPORT:مصر')),
    a.join(' / '),
  );
  assert.ok(
    a.some((x) => x.startsWith('SUPPORT:البحرين')),
    a.join(' / '),
  );
  assert.ok(!a.some((x) => x.startsWith('AID:')), a.join(' / '));
});

test('eleventh session: a dual noun found as the source of an event (وأعرب الجانبان عن دعمهما) is its two antecedents', () => {
  const a = fullEvents(
    'بحث ولي عهد أبوظبي الشيخ محمد بن زايد آل نهيان مع الرئيس المصري عبد الفتاح السيسي العلاقات بين البلدين. وأعرب الجانبان عن دعمهما لجهود التوصل إلى حلول سياسية.',
  );
  assert.ok(
    a.some((x) => x.startsWith('SUPPORT:محمد بن زايد')),
    a.join(' / '),
  );
  assert.ok(
    a.some((x) => x.startsWith('SUPPORT:عبد الفتاح السيسي')),
    a.join(' / '),
  );
});

test('twelfth session: imperfect support (تؤيد، يؤيد) keeps its hamza seat; a phone call (مكالمة هاتفية) is a consultation', () => {
  const a = fullEvents('وتؤيد الولايات المتحدة بشدة حق الحكومة القبرصية في استكشاف مواردها.');
  assert.ok(
    a.some((x) => x.startsWith('SUPPORT:الولايات المتحدة')),
    a.join(' / '),
  );
  const b = fullEvents('وأجرى الرئيس الأمريكي دونالد ترامب مكالمة هاتفية مع المستشارة الألمانية أنغيلا ميركل.');
  assert.ok(
    b.some((x) => x.startsWith('CONSULT:دونالد ترامب')),
    b.join(' / '),
  );
});

test('twelfth session: an arrest of a counted group (أوقفت الشرطة 5 مشتبهين) is COERCE; stopping aid is not', () => {
  const a = fullEvents('وأوقفت الشرطة البريطانية 5 مشتبهين في لندن.');
  assert.ok(
    a.some((x) => x.startsWith('COERCE:')),
    a.join(' / '),
  );
  const b = fullEvents('وأوقفت الحكومة البريطانية المساعدات.');
  assert.ok(!b.some((x) => x.startsWith('COERCE:')), b.join(' / '));
});

test('twelfth session: the backer of the doer (المدعومة من واشنطن، المدعومة من قبل واشنطن) is neither the doer nor the target', () => {
  const a = fullEvents('وهاجمت قوات سوريا الديمقراطية المدعومة من قبل واشنطن تنظيم داعش.');
  assert.ok(
    a.some((x) => x.startsWith('ASSAULT:قوات سوريا الديمقراطية:')),
    a.join(' / '),
  );
  assert.ok(!a.some((x) => x.startsWith('ASSAULT:واشنطن')), a.join(' / '));
  const b = fullEvents('وسيطرت قوات سوريا الديمقراطية المدعومة من واشنطن على مدينة الرقة.');
  assert.ok(!b.some((x) => x.includes('>واشنطن:')), b.join(' / '));
});

test('twelfth session: mercy killing, assisted suicide and a stab in the back are no events', () => {
  const a = fullEvents(
    'وأقرت بلجيكا وهولندا القتل الرحيم والمساعدة على الانتحار في عام 2002. واعتبر كادلو أن ترودو وجه طعنة في الظهر للولايات المتحدة.',
  );
  assert.deepEqual(
    a.filter((x) => /^(ASSAULT|AID|REJECT):/.test(x)),
    [],
    a.join(' / '),
  );
});

test('13th session: "باحثون" is no ب + "أحث"; a killing by someone\'s hand and an arrest on a day are passives; أنكر denies', () => {
  const a = fullEvents('كشف باحثون صينيون عن خطط لتطوير غواصات نووية.');
  assert.ok(!a.some((x) => x.startsWith('REQUEST:')), a.join(' / '));
  const b = fullEvents('ويعتقد مسؤولون أتراك بأن خاشقجي قتل بأيدي عملاء سعوديين. وأطلقت محكمة سراح صالح مسلم الذي اعتقل السبت.');
  assert.ok(!b.some((x) => /^(ASSAULT|COERCE):(جمال )?خاشقجي|^COERCE:صالح مسلم/.test(x)), b.join(' / '));
  const c = fullEvents('ولكن روسيا أنكرت هذه الاتهامات مرارا.');
  assert.ok(
    c.some((x) => x.startsWith('REJECT:روسيا')),
    c.join(' / '),
  );
  // (an urging verb still is one: "وحث الرئيس الأطراف على الحوار", "أحث الجميع")
  const d = fullEvents('وحث الرئيس الفرنسي الأطراف على الحوار.');
  assert.ok(
    d.some((x) => x.startsWith('REQUEST:')),
    d.join(' / '),
  );
});

test('14th session: وعدة is "and several", a confession is no recognition, one naval exercise mobilises', () => {
  const a = fullEvents('وقالت الصين وعدة دول أخرى إنها تعارض القرار.');
  assert.ok(!a.some((x) => x.startsWith('AGREE:')), a.join(' / '));
  const b = fullEvents('وأوقفت النيابة العامة السعودية تسعة متهمين لاعترافهم بما نسب إليهم من تهم.');
  assert.ok(!b.some((x) => x.startsWith('SUPPORT:')), b.join(' / '));
  const c = fullEvents('بدأت البحرية الصينية مناورة بحرية ضخمة في بحر الصين الجنوبي.');
  assert.ok(
    c.some((x) => x.startsWith('MOBILIZE:البحرية الصينية')),
    c.join(' / '),
  );
  // (recognition is still support: "اعتراف السويد بدولة فلسطين")
  const d = fullEvents('ورحب الفلسطينيون باعتراف السويد بدولة فلسطين عام 2014.');
  assert.ok(
    d.some((x) => x.startsWith('SUPPORT:السويد')),
    d.join(' / '),
  );
});

test('15th session: torture is an assault, acts forsworn with لن/ألا are no events, sources and committees with a nationality act', () => {
  const a = fullEvents('وتعرض 119 شخصا على الأقل للتعذيب من قبل الولايات المتحدة.');
  assert.ok(
    a.some((x) => x.startsWith('ASSAULT:الولايات المتحدة')),
    a.join(' / '),
  );
  const b = fullEvents('وأكد الرئيس الأميركي أنه لن يفرض أي عقوبات إضافية على كوريا الشمالية في الوقت الراهن.');
  assert.ok(!b.some((x) => x.startsWith('SANCTION:')), b.join(' / '));
  // (a threat said with لن stays one: "لن نتردد")
  const c = fullEvents('وفرضت الولايات المتحدة عقوبات جديدة على كوريا الشمالية.');
  assert.ok(
    c.some((x) => x.startsWith('SANCTION:الولايات المتحدة')),
    c.join(' / '),
  );
  const d = fullEvents('رحب مصدر سعودي مسؤول، الجمعة، بما أعلنته الرئاسة التركية.');
  assert.ok(
    d.some((x) => x.startsWith('SUPPORT:مصدر سعودي')),
    d.join(' / '),
  );
  const e = fullEvents('ودعت منظمة العفو الدولية بوتين إلى توضيح تصريحاته.');
  assert.ok(
    e.some((x) => x.startsWith('REQUEST:منظمة العفو الدولية')),
    e.join(' / '),
  );
});

test('16th session: a body and a described group joined by و are both sources, not a source and a target', () => {
  const a = fullEvents('وانتقدت الأمم المتحدة ومنظمات دولية معنية بحقوق الإنسان حكم الإعدام الصادر بحق نورا.');
  assert.ok(
    a.some((x) => x.startsWith('ACCUSE:الأمم المتحدة')),
    a.join(' / '),
  );
  assert.ok(
    a.some((x) => x.startsWith('ACCUSE:منظمات دولية')),
    a.join(' / '),
  );
  assert.ok(!a.some((x) => x.includes('>منظمات')), a.join(' / '));
});

test('16th session: stopping funding is a sanction, cut links, strikes, people counted, two parties meeting each other', () => {
  const a = fullEvents('وقررت الولايات المتحدة ايقاف أي تمويل لوكالة غوث وتشغيل اللاجئين الفلسطينيين.');
  assert.ok(
    a.some((x) => x.startsWith('SANCTION:الولايات المتحدة')),
    a.join(' / '),
  );
  assert.ok(!a.some((x) => x.startsWith('AID:')), a.join(' / '));
  const b = fullEvents('وقطعت السعودية والإمارات روابط السفر والتجارة مع قطر.');
  assert.ok(b.some((x) => x.startsWith('SANCTION:السعودية')) && b.some((x) => x.startsWith('SANCTION:الإمارات')), b.join(' / '));
  const c = fullEvents('وأضرب عمال السكك الحديدية في فرنسا احتجاجا على الإصلاحات.');
  assert.ok(
    c.some((x) => x.startsWith('PROTEST:عمال')),
    c.join(' / '),
  );
  const d = fullEvents('وقد شارك نحو مليون شخص في تظاهرات للمطالبة بتشديد قوانين حيازة الأسلحة.');
  assert.ok(
    d.some((x) => x.startsWith('PROTEST:')),
    d.join(' / '),
  );
  const e = fullEvents('وأجرى ترامب وكيم قمة في سنغافورة.');
  assert.ok(
    e.some((x) => x.startsWith('CONSULT:') && x.includes('>كيم')) &&
      e.some((x) => x.startsWith('CONSULT:كيم') && x.includes('>دونالد ترامب')),
    e.join(' / '),
  );
});

test('17th session: joint exercises are cooperation, annexed land is coercion, ضم alone is not', () => {
  const a = fullEvents('أجرت مصر وبريطانيا، الجمعة، تدريبا بحريا عسكريا مشتركا في البحر الأبيض المتوسط.');
  assert.ok(a.some((x) => x.startsWith('COOPERATE:مصر')) && a.some((x) => x.startsWith('COOPERATE:بريطانيا')), a.join(' / '));
  const b = fullEvents('وتقع كيرتش في شبه الجزيرة التي ضمتها موسكو عام 2014.');
  assert.ok(
    b.some((x) => x.startsWith('COERCE:موسكو')),
    b.join(' / '),
  );
  const c = fullEvents('وضم الوفد الروسي وزراء الخارجية والدفاع.');
  assert.ok(!c.some((x) => x.startsWith('COERCE:')), c.join(' / '));
});

test('17th session: a terrorist listing and questioning someone are accusations', () => {
  const a = fullEvents('وقد وضعت تركيا والولايات المتحدة حزب العمال الكردستاني على لائحة المنظمات الإرهابية.');
  assert.ok(a.some((x) => x.startsWith('ACCUSE:تركيا')) && a.some((x) => x.startsWith('ACCUSE:الولايات المتحدة')), a.join(' / '));
  const b = fullEvents('وحققت السلطات الألمانية مع المشتبه به بعد الهجمات.');
  assert.ok(
    b.some((x) => x.startsWith('ACCUSE:السلطات الألمانية')),
    b.join(' / '),
  );
});

test('17th session: talking with someone is a consultation, recognising a capital is support', () => {
  const a = fullEvents('وتحدث الرئيس الفرنسي إيمانويل ماكرون مع نظيره الروسي فلاديمير بوتين يوم الجمعة.');
  assert.ok(
    a.some((x) => x.startsWith('CONSULT:إيمانويل ماكرون')),
    a.join(' / '),
  );
  const b = fullEvents('واعترفت واشنطن بالقدس عاصمة لإسرائيل.');
  assert.ok(
    b.some((x) => x.startsWith('SUPPORT:واشنطن')),
    b.join(' / '),
  );
});

test('17th session: a refused reception is no meeting', () => {
  const a = fullEvents('ورفضت إيطاليا ومالطا استقبالهم.');
  assert.ok(!a.some((x) => x.startsWith('CONSULT:')), a.join(' / '));
  assert.ok(
    a.some((x) => x.startsWith('REJECT:إيطاليا')),
    a.join(' / '),
  );
});

test('25th session: a force in construct with an organisation is the organisation; its fighters in construct too', () => {
  const a = fullEvents('وشنت مقاتلات التحالف العربي غارات على مواقع الحوثيين في صعدة.');
  assert.ok(
    a.some((x) => x.startsWith('ASSAULT:التحالف العربي:SAU>')),
    a.join(' / '),
  );
  assert.ok(!a.some((x) => x.startsWith('ASSAULT:مقاتلات')), a.join(' / '));
  const b = fullEvents('وقتل مسلحو حركة طالبان عشرة جنود.');
  assert.ok(
    b.some((x) => x.startsWith('ASSAULT:حركة طالبان:AFG>')),
    b.join(' / '),
  );
  // (a sound plural with its ن takes no genitive: the organisation after it is the object)
  const c = fullEvents('وهاجم مسلحون السفارة الفرنسية في واغادوغو.');
  assert.ok(
    c.some((x) => x.startsWith('ASSAULT:مسلحون:')),
    c.join(' / '),
  );
});

test('25th session: a meeting scheduled, expected or announced is an AGREE; one held is a CONSULT', () => {
  const a = fullEvents('ومن المقرر أن يلتقي ترامب وكيم جونغ أون في سنغافورة.');
  assert.ok(
    a.some((x) => x.startsWith('AGREE:دونالد ترامب')),
    a.join(' / '),
  );
  assert.ok(!a.some((x) => x.startsWith('CONSULT:')), a.join(' / '));
  const b = fullEvents('وقال مسؤولون إن لافروف ودي ميستورا سيعقدان محادثات في موسكو يوم الخميس.');
  assert.ok(
    b.some((x) => x.startsWith('AGREE:سيرغي لافروف')),
    b.join(' / '),
  );
  const c = fullEvents('وكان الإعلان عن قمة بين ترامب وكيم جونغ أون أثار مفاجأة.');
  assert.ok(
    c.some((x) => x.startsWith('AGREE:دونالد ترامب')),
    c.join(' / '),
  );
  const e = fullEvents('ومن المقرر أن يجري بومبيو السبت في الرياض محادثات مع نظيره السعودي.');
  assert.ok(
    e.some((x) => x.startsWith('AGREE:مايك بومبيو')),
    e.join(' / '),
  );
  assert.ok(!e.some((x) => x.startsWith('CONSULT:')), e.join(' / '));
  const d = fullEvents('والتقى ترامب وكيم جونغ أون في سنغافورة.');
  assert.ok(
    d.some((x) => x.startsWith('CONSULT:دونالد ترامب')),
    d.join(' / '),
  );
});

test('25th session: the act someone is accused of is not the accuser’s', () => {
  const a = fullEvents('وتتهم واشنطن طهران بدعم الإرهاب.');
  assert.ok(
    a.some((x) => x.startsWith('ACCUSE:واشنطن')),
    a.join(' / '),
  );
  assert.ok(!a.some((x) => x.startsWith('SUPPORT:واشنطن') || x.startsWith('AID:واشنطن')), a.join(' / '));
});

test('25th session: places after a verb of visiting are visited, not visitors', () => {
  const a = fullEvents('وسيكون الرئيس في جولة بأوروبا، حيث سيزور فرنسا وإيطاليا.');
  assert.ok(!a.some((x) => x.includes(':فرنسا:') || x.includes(':إيطاليا:')), a.join(' / '));
  const b = fullEvents('وزار الرئيس المصري عبد الفتاح السيسي موسكو.');
  assert.ok(
    b.some((x) => x.startsWith('CONSULT:عبد الفتاح السيسي')),
    b.join(' / '),
  );
});

test('25th session: drones and al-Masirah television are no march', () => {
  const a = fullEvents('وقال الوزير إن الحوثيين يهددون السعودية بالصواريخ والطائرات المسيّرة الإيرانية.');
  assert.ok(!a.some((x) => x.startsWith('PROTEST:')), a.join(' / '));
  const b = fullEvents('وشارك آلاف في مسيرة حاشدة في البصرة.');
  assert.ok(
    b.some((x) => x.startsWith('PROTEST:')),
    b.join(' / '),
  );
});

test('26th session: an envoy or a diplomat with a nationality is a descriptive actor of that country', () => {
  const doc = run('ورفض مندوب روسي يشارك في المؤتمر تصريحات الوزيرة.');
  const reject = (doc.events ?? []).find((e) => e.type === 'REJECT');
  assert.equal(reject?.source?.country, 'RUS', JSON.stringify(doc.events));
  // (with no nationality after it the word names no actor)
  const bare = run('ورفض المندوب تصريحات الوزيرة.');
  assert.ok(!(bare.events ?? []).some((e) => e.source?.name === 'المندوب'), JSON.stringify(bare.events));
});

test('26th session: no two-letter stem after a preposition: "بحثا عن" (searching for) is no call (حث)', () => {
  const doc = run(
    'وقال الجيش الجزائري إن العملية تمت خلال تمشيط المنطقة بحثا عن العناصر الإرهابية. وحث الرئيس الأطراف على الحوار.',
    (d) => [ent(d, 'e1', 'ORG', 'الجيش الجزائري', 'DZA')],
  );
  const req = (doc.events ?? []).filter((e) => e.type === 'REQUEST');
  assert.ok(!req.some((e) => e.trigger === 'بحثا'), JSON.stringify(doc.events));
  assert.ok(
    req.some((e) => e.trigger === 'وحث'),
    JSON.stringify(doc.events),
  );
});

test('26th session: questioning a suspect is investigating (ACCUSE); rights activists are actors', () => {
  const doc = run('وكانت الشرطة الإسرائيلية استجوبت نتنياهو الجمعة في قضية فساد. واتهم حقوقيون قوات الأمن بالتسبب في ذلك.', (d) => [
    ent(d, 'e1', 'ORG', 'الشرطة الإسرائيلية', 'ISR'),
    ent(d, 'e2', 'PER', 'نتنياهو', 'ISR'),
  ]);
  const acc = (doc.events ?? []).filter((e) => e.type === 'ACCUSE');
  assert.ok(
    acc.some((e) => e.source?.entity === 'e1' && e.trigger === 'استجوبت'),
    JSON.stringify(doc.events),
  );
  assert.ok(
    acc.some((e) => e.source?.name === 'حقوقيون'),
    JSON.stringify(doc.events),
  );
});

test('27th session: a state does not act on itself — a target that is the source’s own country or capital is dropped', () => {
  const doc = run('وهددت موسكو روسيا بالرد. وهددت موسكو لندن بالرد.', (d) => [
    ent(d, 'e1', 'LOC', 'موسكو', 'RUS'),
    ent(d, 'e2', 'LOC', 'روسيا', 'RUS'),
    ent(d, 'e3', 'LOC', 'لندن', 'GBR'),
  ]);
  const thr = (doc.events ?? []).filter((e) => e.type === 'THREATEN' && e.source?.entity === 'e1');
  assert.ok(thr.length >= 1, JSON.stringify(doc.events));
  assert.ok(!thr.some((e) => e.target?.entity === 'e2'), JSON.stringify(thr));
  assert.ok(
    thr.some((e) => e.target?.entity === 'e3'),
    JSON.stringify(thr),
  );
  assert.ok(!ownStateTarget(doc, { entity: 'e4', name: 'معارضون', country: 'RUS' }, { entity: 'e2', name: 'روسيا', country: 'RUS' }));
  assert.ok(
    ownStateTarget(doc, { entity: 'e1', name: 'موسكو', country: 'RUS', role: 'GOV' }, { entity: 'e2', name: 'روسيا', country: 'RUS' }),
  );
});

test('twenty-eighth session: a title, a comma and the name, or a title over an organisation and a rank, is that person', () => {
  // (without a target the rules would say only that Trump accuses; the title phrase is no actor of its own)
  const a = fullEvents('اتهم الرئيس الأمريكي، دونالد ترامب، وزير العدل، جيف سيشنز، بالإضرار بفرص إعادة انتخاب عضوين جمهوريين.');
  assert.ok(
    a.some((x) => x.startsWith('ACCUSE:دونالد ترامب:USA>جيف سيشنز:')),
    a.join(' / '),
  );
  // (the name behind the comma is an apposition, not a second accuser in a list)
  assert.ok(!a.some((x) => x.startsWith('ACCUSE:جيف سيشنز')), a.join(' / '));
  const b = fullEvents('وكان البشير استقبل، مساء السبت، مدير المخابرات العامة المصرية اللواء عباس كامل في الخرطوم.');
  assert.ok(
    b.some((x) => x.startsWith('CONSULT:') && x.includes('>عباس كامل:')),
    b.join(' / '),
  );
  const c = fullEvents('والتقى وزير الخارجية الأمريكي، مايك بومبيو، نظيره الروسي، سيرغي لافروف، في هلسنكي.');
  assert.ok(
    c.some((x) => x.startsWith('CONSULT:مايك بومبيو:USA>سيرغي لافروف:')),
    c.join(' / '),
  );
  // a title with no name behind its comma stays what it was
  const d = fullEvents('واتهم الرئيس الأمريكي وزير العدل، بالإضرار بفرص الحزب.');
  assert.ok(!d.some((x) => x.includes('>جيف')), d.join(' / '));
});
