import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Article, Doc, Entity } from '../../core/types.ts';
import { newDoc, Pipeline } from '../../pipeline/index.ts';
import { readArticle } from '../../reader/index.ts';
import { tokenizeStage } from '../tokenize/index.ts';
import { quotesStage } from './index.ts';
import { loadCues } from './lexicon.ts';
import { renderQuotes } from './render.ts';

let fullQuotesPipeline: Pipeline | undefined;
/** A text through morph, NER, entities, time and quotes, as the default pipeline runs them (one pipeline for all tests). */
function fullQuotesDoc(text: string): Doc {
  fullQuotesPipeline ??= Pipeline.create({ stages: ['morph', 'ner', 'entities', 'time', 'quotes'] });
  return fullQuotesPipeline.run(readArticle(text));
}
/** The quotes of a text through the full pipeline, as "speakerText|cue|text". */
function fullQuotes(text: string): string[] {
  return (fullQuotesDoc(text).quotes ?? []).map((q) => `${q.speakerText}|${q.cue}|${q.text}`);
}
let rulesQuotesPipeline: Pipeline | undefined;
/** As `fullQuotes`, with the learned speaker choice off: the rules' speakers (for tests of a speaker rule). */
function fullQuotesRules(text: string): string[] {
  rulesQuotesPipeline ??= Pipeline.create({
    stages: ['morph', 'ner', 'entities', 'time', 'quotes'],
    options: { quotes: { speaker: false } },
  });
  return (rulesQuotesPipeline.run(readArticle(text)).quotes ?? []).map((q) => `${q.speakerText}|${q.cue}|${q.text}`);
}

function article(body: string, headline = ''): Article {
  const text = headline ? `${headline}\n${body}` : body;
  const hs = headline ? { headline: { start: 0, end: headline.length } } : {};
  return { id: 't', headline, body, text, spans: { ...hs, body: { start: headline ? headline.length + 1 : 0, end: text.length } } };
}

/** The rules of `extract.ts` alone (the learned speaker choice off: `speaker.test.ts` tests it). */
function run(body: string, headline = '', entities?: (doc: Doc) => Entity[]): Doc {
  const doc = newDoc(article(body, headline));
  tokenizeStage.create().process(doc);
  if (entities) doc.entities = entities(doc);
  const q = quotesStage.create({ speaker: false });
  q.load?.();
  q.process(doc);
  return doc;
}

/** A person entity with one mention (its first occurrence in the text): `form` defaults to the name. */
function per(doc: Doc, name: string, id = 'e1', form = name): Entity {
  return { id, type: 'PER', name, mentions: [mention(doc, form)] };
}

function mention(doc: Doc, s: string): { text: string; start: number; end: number } {
  const start = doc.text.indexOf(s);
  assert.ok(start >= 0, s);
  return { text: s, start, end: start + s.length };
}

test('reported speech after a cue with its clitic, content after إن, offsets exact', () => {
  const doc = run('وقالت وزارة الخارجية إن الاجتماع سيعقد غدا.');
  assert.equal(doc.quotes?.length, 1);
  const q = doc.quotes![0];
  assert.equal(q.cue, 'وقالت');
  assert.equal(q.speakerText, 'وزارة الخارجية');
  assert.equal(q.text, 'الاجتماع سيعقد غدا');
  assert.equal(doc.text.slice(q.start, q.end), q.text);
  assert.equal(q.direct, false);
});

test('direct quote in guillemets is direct, without the marks', () => {
  const doc = run('وقال الوزير «لن نتراجع عن هذا القرار أبدا».');
  const q = doc.quotes![0];
  assert.equal(q.direct, true);
  assert.equal(q.text, 'لن نتراجع عن هذا القرار أبدا');
  assert.equal(q.speakerText, 'الوزير');
});

test('a pronoun subject (وأضاف أن) carries the previous speaker over', () => {
  const doc = run('وقال المتحدث باسم الجيش إن القوات تقدمت. وأضاف أن العملية مستمرة.');
  assert.equal(doc.quotes?.length, 2);
  assert.equal(doc.quotes![1].speakerText, 'المتحدث باسم الجيش');
  assert.equal(doc.quotes![1].text, 'العملية مستمرة');
});

test('the speaker resolves to an entity from doc.entities', () => {
  const doc = run('وأكد لافروف أن موسكو لن تتدخل.', '', (d) => [per(d, 'سيرغي لافروف', 'e1', 'لافروف')]);
  assert.equal(doc.quotes![0].speaker, 'e1');
  assert.match(renderQuotes(doc)[0], /سيرغي لافروف/);
});

test('attribution phrase: content before بحسب, speaker after it', () => {
  const doc = run('قتل عشرة أشخاص في الهجوم، بحسب مصدر أمني.');
  const q = doc.quotes![0];
  assert.equal(q.speakerText, 'مصدر أمني');
  assert.equal(q.text, 'قتل عشرة أشخاص في الهجوم');
});

test('headline attribution with a colon', () => {
  const doc = run('وقال في بيان إن المفاوضات مستمرة.', 'قرقاش: لا تعايش مع الميليشيات');
  const q = doc.quotes!.find((x) => x.cue === ':');
  assert.ok(q);
  assert.equal(q.speakerText, 'قرقاش');
  assert.equal(q.text, 'لا تعايش مع الميليشيات');
});

test('scare quotes without a cue are not quotes', () => {
  const doc = run('وتواجه شركة "معهد مبنى" الإيرانية اتهاما بسرقة "مواد الملكية الفكرية والبيانات القيمة".');
  assert.equal(doc.quotes?.length, 0);
});

test('bad input does not crash: empty, no spaces, unbalanced marks, huge', () => {
  assert.deepEqual(run('').quotes, []);
  run('قالإنهلايوجد"');
  run('وقال «الوزير إن');
  const big = 'وقال الوزير "إن الأمر '.repeat(3000);
  const t0 = performance.now();
  run(big);
  assert.ok(performance.now() - t0 < 5000);
});

test('a title phrase resolves to the person named after the same title elsewhere', () => {
  const body = 'اتهم وزير الخارجية القطري الشيخ محمد بن عبدالرحمن الدول الأربع بالتصعيد. وقال وزير الخارجية القطري إن الحوار ممكن.';
  const doc = run(body, '', (d) => [per(d, 'محمد بن عبدالرحمن')]);
  const q = doc.quotes!.find((x) => x.cue === 'وقال');
  assert.ok(q);
  assert.equal(q.speaker, 'e1');
  assert.equal(q.text, 'الحوار ممكن');
});

test('an accusation with one noun phrase before بـ: the object, the subject carried over', () => {
  const doc = run('وقال المتحدث باسم التحالف إن القوات تقدمت. واتهم النظام الإيراني بدعم الميليشيات.');
  const q = doc.quotes!.find((x) => x.cue === 'واتهم');
  assert.ok(q);
  assert.equal(q.speakerText, 'المتحدث باسم التحالف');
  assert.equal(q.speakerSpan, undefined);
  assert.equal(q.text, 'النظام الإيراني بدعم الميليشيات');
});

test('a statement speaks for its issuer, and relays name the original speaker', () => {
  const doc = run('وقال بيان للجيش الإسرائيلي إن الطائرات عادت. وأضاف البيان أن الضربة نجحت. ونقل مراسلنا عن شهود عيان أن الشاحنات غادرت.');
  assert.deepEqual(
    doc.quotes!.map((q) => q.speakerText),
    ['الجيش الإسرائيلي', 'الجيش الإسرائيلي', 'شهود عيان'],
  );
});

test('a direct quotation with two sentences after a cue gives each span once', () => {
  const doc = run('من جهته، قال العبادي إن بلاده تقدّر الموقف، وأضاف: «نحن بحاجة إلى الدعم. المعركة لم تنته بعد».', 'عنوان');
  const spans = (doc.quotes ?? []).map((q) => `${q.start}:${q.end}`);
  assert.equal(new Set(spans).size, spans.length, spans.join(' '));
  assert.ok((doc.quotes ?? []).some((q) => q.direct && q.text.includes('المعركة لم تنته بعد')));
});

test('a title phrase followed by a name: the named person speaks (appositive), not the body in the title', () => {
  const body = 'وقال المتحدث باسم الشرطة، العقيد سامر خليل في بيان نشرته الوكالة، إن الطريق أغلق. وأضاف أن التحقيق بدأ.';
  const doc = run(body, '', (d) => [
    { id: 'e1', type: 'ORG', name: 'الشرطة', mentions: [mention(d, 'الشرطة')] },
    per(d, 'سامر خليل', 'e2'),
  ]);
  assert.deepEqual(
    doc.quotes!.map((q) => [q.speaker, q.text]),
    [
      ['e2', 'الطريق أغلق'],
      ['e2', 'التحقيق بدأ'],
    ],
  );
  // a name after مع has another role: the title phrase stays the speaker
  const doc2 = run('وقال المسؤول في الوزارة خلال لقاء مع السفير نبيل حداد إن العلاقات جيدة.', '', (d) => [per(d, 'نبيل حداد')]);
  assert.equal(doc2.quotes![0].speaker, null);
  assert.equal(doc2.quotes![0].speakerText, 'المسؤول');
});

test('"وكان X قد أكد": the subject between كان and قد, however long; the name ending it speaks', () => {
  const body = 'وكان رئيس المكتب السياسي لحركة النهضة الشعبية عادل منصور قد أكد الأحد في اتصال مع نظيره ضرورة وقف "التصعيد".';
  const doc = run(body, '', (d) => [
    { id: 'e1', type: 'ORG', name: 'حركة النهضة الشعبية', mentions: [mention(d, 'حركة النهضة الشعبية')] },
    per(d, 'عادل منصور', 'e2'),
  ]);
  const q = doc.quotes![0];
  assert.equal(q.speaker, 'e2');
  // the object noun ضرورة opens the content; the quoted word inside it does not
  assert.equal(q.text, 'ضرورة وقف "التصعيد"');
});

test('a carried-over speaker agrees with the cue; a participle continues the subject of its sentence', () => {
  const body =
    'وقال الوزير كريم سالم إن الخطة جاهزة. وتفيد الأرقام بأن النمو تراجع. وقال "سننجح في النهاية". وأقامت ليلى حسن دعوى ضد الشركة، قائلة إن العقد باطل.';
  const doc = run(body, '', (d) => [per(d, 'كريم سالم'), per(d, 'ليلى حسن', 'e2')]);
  assert.deepEqual(
    doc.quotes!.map((q) => [q.cue, q.speaker ?? q.speakerText]),
    [
      ['وقال', 'e1'],
      ['وتفيد', 'الأرقام'],
      ['وقال', 'e1'],
      ['قائلة', 'e2'],
    ],
  );
});

test('cues with a pronoun after them, and a clause before a cue with ف, are not speakers', () => {
  const doc = run('وتحدث الخبراء في وقت قال فيه الباحثون المستقلون بأنهم لم يروا الأدلة.');
  assert.equal(doc.quotes![0].speakerText, 'الباحثون المستقلون');
  const body = 'ونشرت الصحيفة تقريرا عن الحادث. وسئل الوزير عما إذا كان الجيش قد تراجع فأجاب "لا نتراجع أبدا".';
  const doc2 = run(body);
  const q = doc2.quotes!.find((x) => x.cue === 'فأجاب');
  assert.ok(q);
  assert.notEqual(q.speakerText, 'قد تراجع');
});

test('a country before a headline colon is a topic label when a cue follows it', () => {
  const doc = run('وقال الرئيس إن الهدنة تبدأ غدا.', 'كينيا: الرئيس يعلن عن هدنة مع المتمردين');
  assert.ok(!doc.quotes!.some((q) => q.cue === ':'));
});

test('an object before بـ"..." belongs to the content of وصف/اتهم; narrator clauses after a comma end it', () => {
  const doc = run('ووصفت الوزيرة هدى ناصر قرار الحكومة بـ"الخطوة الجريئة"، في إشارة إلى خطة الإصلاح.', '', (d) => [per(d, 'هدى ناصر')]);
  const q = doc.quotes![0];
  assert.equal(q.speaker, 'e1');
  assert.equal(q.text, 'قرار الحكومة بـ"الخطوة الجريئة"');
  const doc2 = run('وقال النائب إن "الحل بيد الحكومة"، ردا على سؤال عن الأزمة.');
  assert.equal(doc2.quotes![0].text, 'الحل بيد الحكومة');
  assert.equal(doc2.quotes![0].direct, true);
});

test('new cues: a relay (أورد مكتب X أنه ...), closing and conditioning verbs, plural participles', () => {
  const body =
    'وأورد مكتب الوزير في بيان أنه طالب بالإفراج عن المعتقلين. وختمت المديرة كلمتها "سنواصل العمل". واشترط الرئيس أن تنسحب القوات أولا. وانتقد النواب القرار، واصفين إياه بالمتسرع.';
  const doc = run(body);
  assert.deepEqual(
    doc.quotes!.map((q) => q.cue),
    ['وأورد', 'وختمت', 'واشترط', 'واصفين'],
  );
});

test('belief verbs and the present of تعهد are cues', () => {
  const doc = run('ويعتقد خبراء الاقتصاد أن الأسعار سترتفع. وتتعهد الحكومة بخفض الضرائب العام المقبل.');
  assert.deepEqual(
    doc.quotes!.map((q) => [q.cue, q.speakerText, q.text]),
    [
      ['ويعتقد', 'خبراء الاقتصاد', 'الأسعار سترتفع'],
      ['وتتعهد', 'الحكومة', 'بخفض الضرائب العام المقبل'],
    ],
  );
});

test('a cue form after a preposition is a noun ("في رد على"): the verb before it keeps its content', () => {
  const doc = run('وقال وزير المالية إن الميزانية جاهزة. وقال في رد على سؤال حول الضرائب: "لن نرفع الضرائب هذا العام".');
  assert.deepEqual(
    doc.quotes!.map((q) => [q.cue, q.speakerText, q.text]),
    [
      ['وقال', 'وزير المالية', 'الميزانية جاهزة'],
      ['وقال', 'وزير المالية', 'لن نرفع الضرائب هذا العام'],
    ],
  );
});

test('"...، وتابع:" opens a clause of its own: the words before the comma are not its subject', () => {
  const doc = run('وقال النائب إن الحكومة كانت تريد تأجيل الانتخابات المحلية، وتابع: "التأجيل يضر بالديمقراطية".');
  assert.deepEqual(
    doc.quotes!.map((q) => q.speakerText),
    ['النائب', 'النائب'],
  );
});

test('a relay between the speaker and the content is not the speaker; an attribution to a rule is not a quote', () => {
  const doc = run('وقال الوزير، بحسب مصدر في مكتبه، إن الزيارة ستتم قريبا.');
  assert.deepEqual(
    doc.quotes!.map((q) => [q.speakerText, q.text]),
    [['الوزير', 'الزيارة ستتم قريبا']],
  );
  const doc2 = run('وقال المتحدث إن العمال سيحصلون على إجازة، وفقا للإجراء المعمول به منذ سنوات. وتبدأ الإجازة وفق جدول الوزارة.');
  assert.deepEqual(
    doc2.quotes!.map((q) => [q.speakerText, q.text]),
    [['المتحدث', 'العمال سيحصلون على إجازة، وفقا للإجراء المعمول به منذ سنوات']],
  );
});

test('a quotation then "هكذا قال X"; a quoted addressee after لـ is not the content', () => {
  const doc = run('وقال الوزير إن الوضع صعب. "لن نقبل بأي حل مفروض علينا".. هكذا قال رئيس الحزب المعارض لـ"الشرق".');
  assert.deepEqual(
    doc.quotes!.map((q) => [q.speakerText, q.text]),
    [
      ['الوزير', 'الوضع صعب'],
      ['رئيس الحزب المعارض', 'لن نقبل بأي حل مفروض علينا'],
    ],
  );
  const doc2 = run('وقال رئيس الحزب لـ"الشرق" إن الوضع صعب.');
  assert.deepEqual(
    doc2.quotes!.map((q) => q.text),
    ['الوضع صعب'],
  );
});

test('an accusation with بـ written apart before the quotation: the subject is carried over', () => {
  const doc = run('وقال المتحدث باسم الجيش إن القصف مستمر. واتهم الحكومة بـ"التواطؤ مع الميليشيات".');
  const q = doc.quotes!.find((x) => x.cue === 'واتهم');
  assert.ok(q);
  assert.equal(q.speakerText, 'المتحدث باسم الجيش');
  assert.equal(q.text, 'الحكومة بـ"التواطؤ مع الميليشيات"');
});

test('names do not count towards the speaker length; a name starting with ب is not a preposition', () => {
  const body =
    'تعهد قادة مصر سامي نبيل حسن وليبيا باسم فتحي علي وتونس بشير منير صالح اليوم، في لقاء عقد في العاصمة، بتعزيز التعاون الأمني.';
  const doc = run(body, '', (d) => [per(d, 'سامي نبيل حسن'), per(d, 'باسم فتحي علي', 'e2'), per(d, 'بشير منير صالح', 'e3')]);
  const q = doc.quotes![0];
  assert.equal(q.speakerText, 'قادة مصر سامي نبيل حسن وليبيا باسم فتحي علي وتونس بشير منير صالح');
  assert.equal(q.text, 'بتعزيز التعاون الأمني');
});

test('a participle after "وكان <title> <name> <verb>" continues that person; a time adverbial is not a subject', () => {
  const body = 'وكان رئيس مجلس إدارة الشركة سامي خليل قدم اعتذاره للعملاء، مؤكدا أن الخطأ لن يتكرر.';
  const doc = run(body, '', (d) => [per(d, 'سامي خليل')]);
  assert.equal(doc.quotes![0].speaker, 'e1');
  assert.equal(doc.quotes![0].text, 'الخطأ لن يتكرر');
  const doc2 = run('والأسبوع الماضي أعلنت الوزارة أن المعبر سيفتح.');
  assert.equal(doc2.quotes![0].speakerText, 'الوزارة');
});

test('a relative clause cue speaks for the name before it; إذ leads a clause; an addressee with لـ is not the speaker', () => {
  const ents = (d: Doc): Entity[] => [per(d, 'ستورمي دانيالز'), per(d, 'ترمب', 'e2'), per(d, 'سيرغي لافروف', 'e3')];
  const doc = run(
    'وصادر المحققون وثائق تخص الممثلة ستورمي دانيالز، التي تتهم ترمب بإقامة علاقة معها. والتقى الوزير سيرغي لافروف، الذي أكد أن روسيا لن تتراجع.',
    '',
    ents,
  );
  assert.deepEqual(
    (doc.quotes ?? []).map((q) => [q.speaker, q.cue]),
    [
      ['e1', 'تتهم'],
      ['e3', 'أكد'],
    ],
    JSON.stringify(doc.quotes),
  );
  const lead = run(
    'وتحدث لافروف عن تناقض في المواقف الأمريكية التي تشدد على محاربة الإرهاب فحسب، إذ قال: "أعتقد أن هدفهم الوحيد هو محاربة داعش".',
    '',
    (d) => [per(d, 'لافروف')],
  );
  const q = (lead.quotes ?? []).find((x) => x.cue === 'قال');
  assert.equal(q?.speaker, 'e1', JSON.stringify(lead.quotes));
  const addr = run('وقال وزير الداخلية لوسائل الإعلام الرسمية إن شخصا واحدا أصيب.');
  assert.ok(!(addr.quotes ?? []).some((x) => x.speakerText.includes('لوسائل')), JSON.stringify(addr.quotes));
});

test('a long title phrase with a quoted name inside gives the speaker to the person apposed after it', () => {
  const doc = run(
    'قال رئيس جماعة الدفاع المدني العاملة في مناطق المعارضة السورية المعروفة باسم "الخوذ البيضاء"، رائد الصالح، إن عمل المنظمة لم يتعطل.',
    '',
    (d) => [{ id: 'e1', type: 'ORG', name: 'الخوذ البيضاء', mentions: [mention(d, 'الخوذ البيضاء')] }, per(d, 'رائد الصالح', 'e2')],
  );
  assert.equal(doc.quotes?.[0]?.speaker, 'e2', JSON.stringify(doc.quotes));
  assert.equal(doc.quotes?.[0]?.text, 'عمل المنظمة لم يتعطل');
});

test('a named subject after إلا أن speaks, however long its title; the next وصرح carries it', () => {
  const doc = run(
    'ويقول خبراء إن العملية قد تستغرق سنوات. إلا أن جون بيرد مدير التحليل العلمي في وكالة متابعة ملفات أسرى الحرب والمفقودين التابعة لوزارة الدفاع قال للصحافيين في القاعدة الجوية إن الرفات على الأرجح لأمريكيين. وصرح للصحافيين "الرفات تتطابق مع رفات استعدناها".',
    '',
    (d) => [per(d, 'جون بيرد')],
  );
  const by = (doc.quotes ?? []).map((q) => [q.cue, q.speaker ?? q.speakerText]);
  assert.deepEqual(
    by,
    [
      ['ويقول', 'خبراء'],
      ['قال', 'e1'],
      ['وصرح', 'e1'],
    ],
    JSON.stringify(doc.quotes),
  );
});

test('written statements (كتب، غرد) are quotes; a byline "كتب X:" opening the body is not', () => {
  const doc = run(
    'كتب محمد علي: قال الوزير إن الوضع مستقر. وكتب الجيش الإسرائيلي على تويتر: "صاروخان أطلقا على مقاتلة سوخوي". وغرد الرئيس بأن الاتفاق قريب.',
  );
  assert.deepEqual(
    (doc.quotes ?? []).map((q) => [q.cue, q.speakerText]),
    [
      ['قال', 'الوزير'],
      ['وكتب', 'الجيش الإسرائيلي'],
      ['وغرد', 'الرئيس'],
    ],
    JSON.stringify(doc.quotes),
  );
});

test('"وجاء في" a document: the document speaks, and a name after أن is not its holder', () => {
  const doc = run('وجاء في وثيقة لمحكمة أن دانييلز قررت أن تقيم دعوى قضائية ضد كوهين.', '', (d) => [per(d, 'دانييلز')]);
  const q = doc.quotes?.[0];
  assert.equal(q?.cue, 'وجاء في', JSON.stringify(doc.quotes));
  assert.equal(q?.speakerText, 'وثيقة لمحكمة');
  assert.equal(q?.speaker, null);
  assert.equal(q?.text, 'دانييلز قررت أن تقيم دعوى قضائية ضد كوهين');
});

test('a relay "على لسان X قوله" gives X; a preposition written apart before a quotation is not the speaker', () => {
  const doc = run(
    'ونقلت وكالة الأنباء الإيرانية الرسمية على لسان روحاني قوله: "أنت تاجر تبني الأبراج". وندد بـ"جريمة أمريكا وحلفائها". واتهم واشنطن بـ"استفزاز بيونغ يانغ عمدا".',
    '',
    (d) => [per(d, 'روحاني'), { id: 'e2', type: 'LOC', name: 'واشنطن', mentions: [mention(d, 'واشنطن')] }],
  );
  assert.deepEqual(
    (doc.quotes ?? []).map((q) => [q.cue, q.speaker]),
    [
      ['ونقلت', 'e1'],
      ['وندد', 'e1'],
      ['واتهم', 'e1'],
    ],
    JSON.stringify(doc.quotes),
  );
});

test('حمّل is a statement only with المسؤولية; footage is not a speaker', () => {
  const doc = run(
    'وحملت نحو 50 سيارة جثامين القتلى. وحمل الجيش الحكومة المسؤولية عما يجري. وشارك القائد في التشييع بحسب مشاهد الجنازة التي نقلتها القناة.',
  );
  assert.deepEqual(
    (doc.quotes ?? []).map((q) => q.cue),
    ['وحمل'],
    JSON.stringify(doc.quotes),
  );
});

test('a subject starting with و (وزير) before its cue; a letter speaks for its signatory', () => {
  const doc = run(
    'لكن وزير الخزانة الأمريكي ستيفن منوتشين قال إن العقوبات تستهدف الفاسدين. وقال وزير الخارجية إن بلاده ترفض المناشدات. وأضاف الخطاب أن الإعفاءات ممكنة. وجاء في الخطاب الذي وقع عليه وزير الخزانة: "سنسعى لممارسة ضغط مالي".',
  );
  assert.deepEqual(
    (doc.quotes ?? []).map((q) => `${q.speakerText}|${q.cue}`),
    ['وزير الخزانة الأمريكي ستيفن منوتشين|قال', 'وزير الخارجية|وقال', 'وزير الخارجية|وأضاف', 'وزير الخزانة|وجاء في'],
    JSON.stringify(doc.quotes),
  );
});

test('a narrator clause between the speaker and the quotation; an adverbial after the cue is no speaker', () => {
  const doc = run(
    'وقالت الوزيرة الكندية، في إشارة واضحة إلى الأزمة مع الرياض، "لتكن الأمور واضحة للجميع". وأضافت وسط تصفيق الحاضرين أن "الحقوق لا تتجزأ".',
  );
  assert.deepEqual(
    (doc.quotes ?? []).map((q) => `${q.speakerText}|${q.text}`),
    ['الوزيرة الكندية|لتكن الأمور واضحة للجميع', 'الوزيرة الكندية|الحقوق لا تتجزأ'],
    JSON.stringify(doc.quotes),
  );
});

test('blame as a statement: ألقى باللوم على', () => {
  const doc = run('وألقى الرئيس باللوم على المعارضة في الأزمة. وألقى الوزير كلمة في المؤتمر.');
  assert.deepEqual(
    (doc.quotes ?? []).map((q) => `${q.cue}|${q.speakerText}`),
    ['وألقى|الرئيس'],
    JSON.stringify(doc.quotes),
  );
});

test('a country before a headline colon is a topic label unless it speaks; a quoted threat ends at its closing mark', () => {
  const ents = (d: Doc): Entity[] =>
    ['العراق', 'كندا', 'روسيا'].flatMap((n, i) =>
      d.text.includes(n) ? [{ id: `e${i + 1}`, type: 'LOC' as const, name: n, kbId: `country:${i}`, mentions: [mention(d, n)] }] : [],
    );
  const doc = run('وقالت الحكومة إن التحقيق جار.', 'العراق: تفجير انتحاري يستهدف مخازن صناديق الاقتراع', ents);
  assert.deepEqual(
    (doc.quotes ?? []).map((q) => q.cue),
    ['وقالت'],
    JSON.stringify(doc.quotes),
  );
  const d2 = run('وقالت الوزيرة إن الأمر واضح.', 'كندا: "ستدافع كندا على الدوام عن الحقوق"', ents);
  assert.deepEqual(
    (d2.quotes ?? []).map((q) => q.cue),
    [':', 'وقالت'],
    JSON.stringify(d2.quotes),
  );
  const d3 = run('هددت روسيا بـ"رد صارم" عقب قرار الولايات المتحدة فرض عقوبات جديدة.', '', ents);
  assert.equal(d3.quotes?.[0]?.text, 'رد صارم', JSON.stringify(d3.quotes));
});

test('"قبل أن" opens no content; a country in a relative clause speaks; "بحسب تعبيرهم" carries the speaker', () => {
  const ents = (d: Doc): Entity[] =>
    ['موسكو', 'بريطانيا', 'فرنسا'].flatMap((n, i) =>
      d.text.includes(n)
        ? [{ id: `e${i + 1}`, type: 'LOC' as const, name: n, country: 'XXX', kbId: `country:${i}`, mentions: [mention(d, n)] }]
        : [],
    );
  const doc = run('ونفت موسكو وجود مقاتلين روس بين القتلى، قبل أن تعود لتتحدث عن متعاقدين.', '', ents);
  assert.equal(doc.quotes?.[0]?.text, 'وجود مقاتلين روس بين القتلى', JSON.stringify(doc.quotes));
  const d2 = run('ولم يتطرق الرئيسان إلى تسميم الجاسوس في بريطانيا التي اتهمت موسكو بالوقوف وراءه.', '', ents);
  assert.equal(d2.quotes?.[0]?.speakerText, 'بريطانيا', JSON.stringify(d2.quotes));
  const d3 = run(
    'نشطاء يغلقون ممرا "استراتيجيا" بوجه المهاجرين. وقال الناشطون إن الحدود مغلقة. ويهدف التحرك "لضمان عدم العودة"، بحسب تعبيرهم.',
    'فرنسا: نشطاء يغلقون ممرا "استراتيجيا"',
    ents,
  );
  assert.deepEqual(
    (d3.quotes ?? []).map((q) => `${q.cue}|${q.speakerText}`),
    ['وقال|الناشطون', 'بحسب|الناشطون'],
    JSON.stringify(d3.quotes),
  );
});

test('the one addressed is not the speaker: a second person after the first, a name with a fused لـ', () => {
  const per = (d: Doc): Entity[] => [
    { id: 'e1', type: 'PER', name: 'سيرغي لافروف', mentions: [mention(d, 'وزير الخارجية الروسي'), mention(d, 'لافروف')] },
    {
      id: 'e2',
      type: 'PER',
      name: 'كيم',
      mentions: [mention(d, 'الزعيم الكوري الشمالي'), { text: 'كيم', start: d.text.indexOf('لكيم') + 1, end: d.text.indexOf('لكيم') + 4 }],
    },
  ];
  const doc = run('دعا وزير الخارجية الروسي الزعيم الكوري الشمالي إلى زيارة روسيا. وصرح لافروف لكيم: "تعالوا إلى روسيا".', '', per);
  assert.deepEqual(
    (doc.quotes ?? []).map((q) => `${q.cue}|${q.speakerText}|${q.speaker}`),
    ['دعا|وزير الخارجية الروسي|e1', 'وصرح|لافروف|e1'],
    JSON.stringify(doc.quotes),
  );
});

test('an attribution closing the sentence names whose words they are, unless it is a news agency relaying', () => {
  const doc = run(
    'وذكرت شبكة CNN أن ترامب مازال غير مقتنع بهذا الامر وفقا لما ذكرته ثلاثة مصادر مطلعة. وقال الوزير إن الاجتماع مثمر بحسب ما ذكرت وكالة الأنباء الرسمية.',
  );
  assert.deepEqual(
    (doc.quotes ?? []).map((q) => `${q.speakerText}|${q.text}`),
    ['ثلاثة مصادر مطلعة|ترامب مازال غير مقتنع بهذا الامر', 'الوزير|الاجتماع مثمر'],
    JSON.stringify(doc.quotes),
  );
});

test('criticism, promises and threats are statements: انتقد، منتقدا، وعد، تتوعد', () => {
  const doc = run('وانتقدت الوزيرة توقيف الناشطة. وتتوعد دول غربية بـ"رد قوي". وكان الرئيس قد وعد بالقضاء على التهريب.');
  assert.deepEqual(
    (doc.quotes ?? []).map((q) => q.cue),
    ['وانتقدت', 'وتتوعد', 'وعد'],
    JSON.stringify(doc.quotes),
  );
});

test('a headline country speaking about another country is quoted; coordinated speakers of an accusation', () => {
  const ents = (d: Doc): Entity[] =>
    [
      ['سوريا', 'SYR'],
      ['إسرائيل', 'ISR'],
      ['روسيا', 'RUS'],
    ].flatMap(([n, c], i) =>
      d.text.includes(n)
        ? [
            {
              id: `e${i + 1}`,
              type: 'LOC' as const,
              name: n,
              country: c,
              kbId: `country:${c}`,
              mentions: [...d.text.matchAll(new RegExp(n, 'g'))].map((m) => ({
                text: n,
                start: m.index ?? 0,
                end: (m.index ?? 0) + n.length,
              })),
            },
          ]
        : [],
    );
  const doc = run('واتهمت سوريا وروسيا القوات الإسرائيلية بشن الهجوم الأخير.', 'سوريا: إسرائيل قصفت قاعدة التيفور', ents);
  assert.deepEqual(
    (doc.quotes ?? []).map((q) => `${q.cue}|${q.speakerText}`),
    [':|سوريا', 'واتهمت|سوريا وروسيا'],
    JSON.stringify(doc.quotes),
  );
});

test('two names after an accusing verb: the first is its subject, the second its object', () => {
  const ents = (d: Doc): Entity[] =>
    ['إسرائيل', 'إيران'].map((n, i) => ({ id: `e${i + 1}`, type: 'LOC' as const, name: n, mentions: [mention(d, n)] }));
  const doc = run('وقال الجيش إن الطائرة سقطت. وتتهم إسرائيل إيران ببناء قوة عسكرية في جنوب سوريا.', '', ents);
  const q = (doc.quotes ?? []).find((x) => x.cue === 'وتتهم');
  assert.equal(q?.speakerText, 'إسرائيل', JSON.stringify(doc.quotes));
});

test('round 4 speaker rules on the full pipeline', () => {
  const full = Pipeline.create({ stages: ['morph', 'ner', 'entities', 'quotes'] });
  const qs = (text: string): string[] => {
    const doc = full.run(readArticle(text));
    const names = new Map((doc.entities ?? []).map((e) => [e.id, e.name]));
    return (doc.quotes ?? []).map((q) => `${q.speaker ? names.get(q.speaker) : ''}|${q.speakerText}|${q.cue}|${q.text}`);
  };
  // a phrase opening with a person's name is that person, not the body or the title named after it
  const a = qs('وقالت ماريا زاخاروفا، المتحدثة باسم الخارجية الروسية إن الجيش عازم على القتال.');
  assert.ok(a[0]?.startsWith('ماريا زاخاروفا|'), a.join(' / '));
  // a person right before a participle cue is its subject
  const b = qs('وقال ترامب إن الاتفاق سيئ، وهو ما رد عليه الرئيس الإيراني، حسن روحاني قائلا إن أمريكا فشلت.');
  assert.ok(
    b.some((x) => x.startsWith('حسن روحاني|') && x.includes('|قائلا|')),
    b.join(' / '),
  );
  // an indefinite object is no speaker; "أما X فقد حذرت" is X
  const c = qs('استعرض المتحدث صواريخا قال إن إيران هربتها. أما الأمم المتحدة فقد حذرت من حمام دم في المحافظة.');
  assert.ok(!c.some((x) => x.includes('صواريخا')), c.join(' / '));
  assert.ok(
    c.some((x) => x.includes('|الأمم المتحدة|حذرت|')),
    c.join(' / '),
  );
  // a cue after a relative pronoun speaks for the noun phrase before it (a place after في is where they are)
  const d = qs('وتواجه الشركة معارضة من سائقي سيارات الأجرة في اسطنبول، الذين قالوا إن الخدمة غير قانونية.');
  assert.ok(
    d.some((x) => x.includes('|سائقي سيارات الأجرة|قالوا|')),
    d.join(' / '),
  );
  // a participle continues the subject of the nearest verb when the sentence opens with a phrase
  const e = qs('وعلى موقع تويتر، رحب وزير الخارجية الأميركي مايك بومبيو بالقرار، داعيا السلطات التركية إلى إسقاط التهم عنه.');
  assert.ok(
    e.some((x) => x.startsWith('مايك بومبيو|') && x.includes('|داعيا|')),
    e.join(' / '),
  );
});

test('تساءل is a cue; "اتُّهم بالتجسس" is no statement; a described subject before a participle', () => {
  const qs = fullQuotes;
  const a = qs('وتساءل ترمب "كم من الوقت سيستغرق الأمر؟".');
  assert.ok(
    a.some((x) => x.includes('|وتساءل|')),
    a.join(' / '),
  );
  const b = qs('وكان غونين سيغيف وزير سابق اتهم بالتجسس لصالح إيران.');
  assert.equal(b.length, 0, b.join(' / '));
  const c = qs('ورد المرشح المعارض قائلا: "أردوغان هو من يملك علاقة مميزة بهذه الجماعة".');
  assert.ok(
    c.some((x) => x.startsWith('المرشح المعارض|قائلا|')),
    c.join(' / '),
  );
});

test('a plural cue with و continues the plural relative clause of its sentence', () => {
  const qs = fullQuotes;
  const a = qs(
    'وقال أردوغان إن الشركة انتهت. وتواجه أوبر معارضة من سائقي سيارات الأجرة في اسطنبول، الذين اعتبروا الخدمة غير قانونية وطالبوا بحظرها.',
  );
  assert.ok(
    a.some((x) => x.startsWith('سائقي سيارات الأجرة|وطالبوا|')),
    a.join(' / '),
  );
  assert.ok(!a.some((x) => x.startsWith('أردوغان|وطالبوا')), a.join(' / '));
});

test('round 5: "وكان X قال" without قد, quoted names after a naming head, آن is no أن, لافتا إلى أن, استبعد', () => {
  const qs = fullQuotes;
  const a = qs(
    'وقال حزب الله إنه ينفي الاتهامات. وكان العقيد الركن تركي المالكي المتحدث باسم التحالف العربي قال، في مقابلة مع CNN، إن "تهريب السلاح يبدأ من بيروت".',
  );
  assert.ok(
    a.some((x) => x.startsWith('العقيد الركن تركي المالكي المتحدث باسم التحالف العربي|قال|')),
    a.join(' / '),
  );
  const b = qs('نفت جماعة "حزب الله" اللبنانية، الجمعة، الاتهامات التي وجهها التحالف.');
  assert.ok(
    b.some((x) => x.startsWith('جماعة حزب الله اللبنانية|نفت|') && !x.includes('|"حزب')),
    b.join(' / '),
  );
  const c = qs('صرّحت المتخصصة بشؤون الإرهاب "آن غيديتشللي" في حوار أن هذه الإجراءات خطيرة.');
  assert.ok(
    c.some((x) => x.startsWith('المتخصصة بشؤون الإرهاب آن غيديتشللي|صرّحت|هذه')),
    c.join(' / '),
  );
  const d = qs(
    'وقال كلابر إن روسيا خطر، لافتا إلى أن الرئيس الروسي والروس يعلمون "محدودية أنظمتنا الصاروخية". لكن مسؤولين روسا استبعدوا أن ينعكس القرار على السياحة.',
  );
  assert.ok(
    d.some((x) => x.includes('|لافتا|') && x.includes('الرئيس الروسي والروس يعلمون')),
    d.join(' / '),
  );
  assert.ok(
    d.some((x) => x.startsWith('مسؤولين روسا|استبعدوا|ينعكس')),
    d.join(' / '),
  );
});

test('post-posed attributions: a fused لـ, a statement and its issuer; a relay with its own verb between speaker and content', () => {
  const qs = fullQuotes;
  const a = qs('وبدأت روسيا تدريبات عسكرية واسعة، وفقا لوزارة الدفاع الروسية.');
  assert.ok(
    a.some((x) => x.startsWith('وزارة الدفاع الروسية|وفقا|وبدأت روسيا')),
    a.join(' / '),
  );
  const b = qs('وأطلق مسلحون النار على الرجل، وفقا لبيان أصدرته السلطات في ماليزيا. وبدأت التدريبات، وفقا لبيان صادر عن وزارة الدفاع.');
  assert.ok(
    b.some((x) => x.startsWith('السلطات|وفقا|وأطلق')),
    b.join(' / '),
  );
  assert.ok(
    b.some((x) => x.startsWith('وزارة الدفاع|وفقا|وبدأت')),
    b.join(' / '),
  );
  // (the issuing verb with a masculine pronoun too: "بيان أصدره الادعاء", not the speaker "أصدره الادعاء")
  const b2 = qs('وتأتي الاعتقالات بحسب بيان أصدره الادعاء البلجيكي.');
  assert.ok(
    b2.some((x) => x.startsWith('الادعاء البلجيكي|بحسب|وتأتي')),
    b2.join(' / '),
  );
  const c = qs(
    'وقالت المفوضية، حسب ما أوردت وكالة رويترز، إن نسبة الإقبال بلغت 44 بالمئة. وذكرت اللجنة، حسب وكالة رويترز، أن العدد ارتفع.',
  );
  assert.ok(
    c.some((x) => x.startsWith('المفوضية|وقالت|نسبة')),
    c.join(' / '),
  );
  assert.ok(
    c.some((x) => x.startsWith('اللجنة|وذكرت|العدد')),
    c.join(' / '),
  );
  // a media outlet after a quote relays it: no new speaker
  const d = qs('وقال الوزير: "سنسعى لممارسة ضغط غير مسبوق"، وذلك وفقا لشبكة إن بي سي الإخبارية.');
  assert.ok(!d.some((x) => x.includes('شبكة')), d.join(' / '));
});

test('an indefinite noun after a definite subject heads the object of an act cue, and the name in it does not speak', () => {
  const full = Pipeline.create({ stages: ['morph', 'ner', 'entities', 'quotes'] });
  const qs = (text: string): string[] =>
    (full.run(readArticle(text)).quotes ?? []).map((q) => `${q.speakerText}|${q.speaker ?? ''}|${q.cue}|${q.text}`);
  const a = qs('وأدانت المنظمة اعتقال الصحفي أحمد منصور في مطار برلين.');
  assert.ok(
    a.some((x) => x.startsWith('المنظمة||وأدانت|اعتقال')),
    a.join(' / '),
  );
  // a title phrase cut after the cue still takes the name after it
  const b = qs('أعلن المتحدث باسم تحالف دعم الشرعية في اليمن، تركي المالكي ضبط أسلحة هربتها إيران.');
  assert.ok(!b.some((x) => x.startsWith('المتحدث باسم|')), b.join(' / '));
});

test('بالقول، لاحقا and a possessed verbal noun after the cue are not the speaker', () => {
  const qs = fullQuotes;
  const a = qs('وقال خامنئي إن سوريا صامدة. وختم بالقول إن الكيان الصهيوني يقول الكثير.');
  assert.ok(
    a.some((x) => x.startsWith('خامنئي|وختم|')),
    a.join(' / '),
  );
  const b = qs('وقالت موسكو إن الوضع خطير. وأكدت عزمها على القضاء على الإرهابيين في إدلب.');
  assert.ok(a.length > 0 && b.some((x) => x.startsWith('موسكو|وأكدت|')), b.join(' / '));
  const c = qs('وأوضح المتحدث باسم الكرملين ديمتري بيسكوف لاحقا أن روسيا وإيران موجودتان في سوريا.');
  assert.ok(
    c.some((x) => x.startsWith('المتحدث باسم الكرملين ديمتري بيسكوف|وأوضح|')),
    c.join(' / '),
  );
  // "ونقلت عنه وكالة رويترز": the one quoted speaks, the agency relays
  const d = qs('وقال المتحدث باسم الحكومة ريمي دانجينو إن العملية إرهابية. ونقلت عنه وكالة رويترز أن اثنين من أفراد الشرطة قتلا.');
  assert.ok(
    d.some((x) => x.startsWith('المتحدث باسم الحكومة ريمي دانجينو|ونقلت|')),
    d.join(' / '),
  );
  // a name and a comma right before an act cue are its subject, not the object after it
  const e = qs('لكن الباحث السياسي، مناف الموسوي، أرجع عزوف الناخبين عن المشاركة في الانتخابات إلى عوامل عدة.');
  assert.ok(
    e.some((x) => x.startsWith('الباحث السياسي، مناف الموسوي|أرجع|')),
    e.join(' / '),
  );
});

test('round 6: one noun phrase before المسؤولية is held responsible, passives and cities do not speak', () => {
  const qs = fullQuotes;
  // "وحمّل روسيا المسؤولية": the object; the speaker is the one quoted before
  const a = qs('قال ترامب إن الهجوم مروع. وحمل روسيا المسؤولية عن الهجوم.');
  assert.ok(
    a.some((x) => x.startsWith('ترامب|وحمل|')),
    a.join(' / '),
  );
  // a definite title then a country: the title speaks, the country is held responsible
  const b = qs('وحمل الرئيس الأمريكي روسيا المسؤولية عن الهجوم.');
  assert.ok(
    b.some((x) => x.startsWith('الرئيس الأمريكي|وحمل|')),
    b.join(' / '),
  );
  // a passive with its damma is no cue; a city before الذي does not speak
  const c = qs('وأصدرت الدول الخمس بيانا بشأن اعتداء سالزبري، الذي اتُهمت روسيا بتدبيره في مارس.');
  assert.ok(!c.some((x) => x.includes('|اتُهمت|')), c.join(' / '));
  const d = qs('وأصدرت الدول الخمس بيانا بشأن اعتداء سالزبري، الذي اتهمت روسيا بتدبيره في مارس.');
  assert.ok(!d.some((x) => x.startsWith('سالزبري|')), d.join(' / '));
  // an act verb with its object as a pronoun: the noun phrase after it speaks (not "طالبة", a student)
  const e = qs('وتتهمه الحكومة التركية بتنظيم محاولة انقلاب فاشلة في عام 2016.');
  assert.ok(
    e.some((x) => x.startsWith('الحكومة التركية|وتتهمه|بتنظيم')),
    e.join(' / '),
  );
  const f = qs('وقالت طالبة في الجامعة إن الوضع صعب.');
  assert.ok(!f.some((x) => x.includes('|طالبة|')), f.join(' / '));
  // a second nationality adjective joined by و stays in the speaker
  // the next speaker's subject opened by "، لكن" is not content of the quote before
  const h = qs('وقال مجلس العموم إنه لا يتسامح مع أي تنمر، لكن زعيمة الحزب الليبرالي، النائبة جو سوينسون، دعت إلى إجراء تحقيق شامل.');
  assert.ok(
    h.some((x) => x.startsWith('مجلس العموم|وقال|') && x.endsWith('لا يتسامح مع أي تنمر')),
    h.join(' / '),
  );
  const g = qs('ونفت القوات الروسية والسورية في وقت سابق استهدافها المستشفيات.');
  assert.ok(
    g.some((x) => x.startsWith('القوات الروسية والسورية|ونفت|')),
    g.join(' / '),
  );
});

test('round 8: "وفق ما أعلنت" and "وفقا لما أعلنت عنه": the verb, its عنه and adverbs before the subject do not speak', () => {
  const a = run('وسيفتتح الجسر الجديد في الربيع المقبل، وفق ما أعلنت الأحد وزارة النقل.').quotes ?? [];
  assert.equal(a.length, 1);
  assert.equal(a[0].speakerText, 'وزارة النقل');
  assert.equal(a[0].text, 'وسيفتتح الجسر الجديد في الربيع المقبل');
  const b = run('وتأجلت المباراة إلى موعد لاحق، وفقا لما أعلن عنه أيضا الاتحاد المحلي.').quotes ?? [];
  assert.equal(b.length, 1);
  assert.equal(b[0].speakerText, 'الاتحاد المحلي');
  const c = run('وارتفعت الأسعار بنسبة كبيرة، وفق ما أكد مدير المصرف.').quotes ?? [];
  assert.equal(c[0]?.speakerText, 'مدير المصرف');
});

test('round 8: a narrator clause after a comma (دون، بعدما، كما + past verb) ends the content; كما + future does not', () => {
  const a = run('وقال المدير إن المصنع سيغلق أبوابه، دون أن يحدد موعدا لذلك.').quotes ?? [];
  assert.equal(a[0]?.text, 'المصنع سيغلق أبوابه');
  const b = run('وأكدت النقابة أن الإضراب مستمر، بعدما رفضت الحكومة مطالبها.').quotes ?? [];
  assert.equal(b[0]?.text, 'الإضراب مستمر');
  const c = run('وذكرت الشركة أن أرباحها تراجعت، كما وزعت صورا للمصنع الجديد.').quotes ?? [];
  assert.equal(c[0]?.text, 'أرباحها تراجعت');
  const d = run('وقال الوزير إن الحكومة ستخفض الضرائب، كما ستزيد الرواتب في العام المقبل.').quotes ?? [];
  assert.equal(d[0]?.text, 'الحكومة ستخفض الضرائب، كما ستزيد الرواتب في العام المقبل');
});

test('round 8: "باسم" in a spokesman\'s title is not the fused بـ that opens an act cue\'s content', () => {
  const doc = run('وطالب المتحدث باسم النقابة، سمير حداد، الإدارة بزيادة الأجور.');
  const q = doc.quotes ?? [];
  assert.equal(q.length, 1);
  assert.ok(q[0].speakerText.startsWith('المتحدث باسم النقابة'), q[0].speakerText);
  assert.ok(!q[0].text.startsWith('باسم'), q[0].text);
});

test('round 8: requests with من and welcomes with بـ are statements (طلبت، رحب); a request as a noun is not', () => {
  const a = run('وطلبت النقابة من الوزارة تأجيل الامتحانات إلى الشهر المقبل.').quotes ?? [];
  assert.equal(a.length, 1);
  assert.equal(a[0].speakerText, 'النقابة');
  assert.ok(a[0].text.includes('تأجيل الامتحانات'), a[0].text);
  const b = run('ورحب رئيس البلدية بقرار إعادة فتح السوق القديم.').quotes ?? [];
  assert.equal(b.length, 1);
  assert.equal(b[0].speakerText, 'رئيس البلدية');
  assert.ok(b[0].text.startsWith('بقرار'), b[0].text);
  const c = run('وقدم المحامي طلب استئناف للحكم أمس.').quotes ?? [];
  assert.equal(c.length, 0);
});

test('round 8: a headline speaker in quotation marks before the colon speaks; a quoted topic does not', () => {
  const org = (doc: Doc): Entity[] => [{ id: 'e1', type: 'ORG', name: 'أطباء بلا حدود', mentions: [mention(doc, 'أطباء بلا حدود')] }];
  const a = run('وقالت المنظمة إن الوضع خطير.', '"أطباء بلا حدود": لن نغادر المدينة رغم القصف', org).quotes ?? [];
  assert.ok(
    a.some((q) => q.cue === ':' && q.speaker === 'e1' && q.text === 'لن نغادر المدينة رغم القصف'),
    a.map((q) => `${q.speakerText}|${q.cue}|${q.text}`).join(' / '),
  );
  const topic = (doc: Doc): Entity[] => [{ id: 'e1', type: 'MISC', name: 'خطة السلام', mentions: [mention(doc, 'خطة السلام')] }];
  const b = run('وقال الوزير إن الخطة لم تنشر بعد.', '"خطة السلام": تفاصيل جديدة عن المرحلة الأولى', topic).quotes ?? [];
  assert.ok(!b.some((q) => q.cue === ':'), b.map((q) => `${q.speakerText}|${q.cue}|${q.text}`).join(' / '));
});

test('round 8: scholars and unions head speaker phrases in headlines (علماء، نقابة)', () => {
  const a = run('وأوضح التقرير أن الأمر يحتاج إلى وقت.', 'علماء ببريطانيا: لا يمكننا تحديد مصدر التسرب', () => []).quotes ?? [];
  assert.ok(
    a.some((q) => q.cue === ':' && q.speakerText.startsWith('علماء')),
    a.map((q) => `${q.speakerText}|${q.cue}|${q.text}`).join(' / '),
  );
});

test('round 8: "، وهذا بعد"، "، ويأتي ذلك"، "، في ضوء"، "، الأمر الذي" are the narrator\'s, not the speaker\'s', () => {
  const a = run('وقالت الوزيرة إن بلادها ستدعم المزارعين، وهذا بعد أيام من موجة الجفاف.').quotes ?? [];
  assert.equal(a[0]?.text, 'بلادها ستدعم المزارعين');
  const b = run('وقال المتحدث إن المفاوضات ستستأنف قريبا، ويأتي ذلك بعد توقف دام شهرين.').quotes ?? [];
  assert.equal(b[0]?.text, 'المفاوضات ستستأنف قريبا');
  const c = run('وأكد المدير أن المصنع سيعمل بكامل طاقته، الأمر الذي قد يخفض الأسعار.').quotes ?? [];
  assert.equal(c[0]?.text, 'المصنع سيعمل بكامل طاقته');
});

test('round 8: "وكانت X التي ... قد أعلنت": the subject ends at its relative clause', () => {
  const a = run('وكانت الهيئة التي تتخذ من جنيف مقرا لها قد أعلنت أن التحقيق سيستمر.').quotes ?? [];
  assert.equal(a[0]?.speakerText, 'الهيئة');
  assert.equal(a[0]?.text, 'التحقيق سيستمر');
  const b = run('وكان المهندس الذي أشرف على المشروع قد أكد أن الجسر آمن.').quotes ?? [];
  assert.equal(b[0]?.speakerText, 'المهندس');
});

test('round 8: when no earlier speaker agrees with an act cue, the noun phrase before its preposition is the subject', () => {
  const a = run('وقال المدير إن الشركة ستواصل العمل. وطالبت النقابة بزيادة الأجور.').quotes ?? [];
  assert.equal(a.length, 2);
  assert.equal(a[1].speakerText, 'النقابة');
  assert.equal(a[1].text, 'بزيادة الأجور');
  // an agreeing speaker before is still carried over, and the noun phrase stays the object
  const b = run('وقالت المديرة إن الشركة ستواصل العمل. وطالبت النقابة بزيادة الأجور.').quotes ?? [];
  assert.equal(b[1]?.speakerText, 'المديرة');
});

test('round 8: a long quotation opened right after "وأضافت:" is the content over all its sentences, one quote each', () => {
  // (over 400 characters, the sentence splitter cuts inside the quotation)
  const body =
    'قالت المديرة إن العمل مستمر. وأضافت: "تذكروا أنه قبل وقت قصير، كانت الأمطار شحيحة في معظم مناطق الإقليم الشمالي والشرقي. والحقيقة أن المزارعين تمكنوا من جني محصول وفير في ظروف صعبة هي بالتأكيد نتيجة مذهلة وشهادة لكل العاملين. نهنئ المزارعين والعمال مرة أخرى على المشاركة في هذا الجهد الوطني الكبير. لا شك في أن المزارعين حريصون على بناء موسم آمن ومزدهر لأنفسهم في إطار خطة مستقرة وواضحة. لذلك نود أن نهنئهم على القيام بذلك، وسنواصل دعمهم في المواسم المقبلة بكل ما نملك من وسائل."';
  const q = (run(body).quotes ?? []).filter((x) => x.cue === 'وأضافت');
  assert.equal(q.length, 5, q.map((x) => x.text).join(' / '));
  assert.equal(q[0].text, 'تذكروا أنه قبل وقت قصير، كانت الأمطار شحيحة في معظم مناطق الإقليم الشمالي والشرقي');
  assert.ok(q.every((x) => x.direct && x.speakerText === 'المديرة'));
});

test('round 8: a speaker that is one definite head noun (الوكالة) is the entity named before with that head', () => {
  const ents = (doc: Doc): Entity[] => [
    { id: 'e1', type: 'ORG', name: 'وكالة الأنباء المحلية', mentions: [mention(doc, 'وكالة الأنباء المحلية')] },
    per(doc, 'سمير حداد', 'e2'),
  ];
  const doc = run('ونقلت وكالة الأنباء المحلية عن سمير حداد قوله إن الطريق مغلق. وذكرت الوكالة أن الأمطار غزيرة.', '', ents);
  const q = (doc.quotes ?? []).find((x) => x.text === 'الأمطار غزيرة');
  assert.equal(q?.speakerText, 'الوكالة');
  assert.equal(q?.speaker, 'e1');
});

test('round 8: claims of responsibility (تبنى) and apologies with عن (اعتذر) are statements', () => {
  const a = run('وتبنت الجماعة المسلحة الهجوم على القافلة.').quotes ?? [];
  assert.equal(a.length, 1);
  assert.equal(a[0].speakerText, 'الجماعة المسلحة');
  const b = run('واعتذر المدرب عن تصريحاته بحق الحكم.').quotes ?? [];
  assert.equal(b.length, 1);
  assert.equal(b[0].speakerText, 'المدرب');
  assert.ok(b[0].text.includes('تصريحاته'), b[0].text);
});

test('round 8: fears are statements like تتخوف (يخشى أن، تخشى من)', () => {
  const a = run('ويخشى المزارعون أن يؤدي الجفاف إلى خسائر كبيرة.').quotes ?? [];
  assert.equal(a.length, 1);
  assert.equal(a[0].speakerText, 'المزارعون');
  assert.equal(a[0].text, 'يؤدي الجفاف إلى خسائر كبيرة');
});

test('round 8: "وبحسب X فقد ...": the content opens after فقد when no comma follows the speaker', () => {
  const a = run('وبحسب الدفاع المدني فقد غمرت المياه عشرات المنازل، إلى جانب عدد من المدارس.').quotes ?? [];
  assert.equal(a.length, 1);
  assert.equal(a[0].speakerText, 'الدفاع المدني');
  assert.equal(a[0].text, 'غمرت المياه عشرات المنازل، إلى جانب عدد من المدارس');
});

test('round 9: a cue with its object as a pronoun after a relative pronoun speaks for the noun after it (والذي تتهمه X بـ، تصفه X بأنه، اتهموه)', () => {
  const qs = fullQuotes;
  const a = qs(
    'وتنشط شبكة رجل الدين فتح الله غولن الذي يعيش في الولايات المتحدة، والذي تتهمه السلطات التركية بتدبير محاولة الانقلاب في يوليو 2016.',
  );
  assert.ok(
    a.some((x) => x.startsWith('السلطات التركية|تتهمه|')),
    a.join(' / '),
  );
  assert.ok(!a.some((x) => x.startsWith('والذي|')), a.join(' / '));
  const b = qs('ويثير البرنامج النووي توترا في المنطقة، والذي تصفه بيونغيانغ بأنه خط دفاع عن أراضيها.');
  assert.ok(
    b.some((x) => x.startsWith('بيونغيانغ|تصفه|') && x.endsWith('خط دفاع عن أراضيها')),
    b.join(' / '),
  );
  const c = qs('وتعد تصريحات الشاهد أول انتقاد علني ضد نجل الرئيس، خاصة أن معارضيه اتهموه من قبل باستغلال نفوذ عائلته.');
  assert.ok(
    c.some((x) => x.startsWith('معارضيه|اتهموه|')),
    c.join(' / '),
  );
  // a verbal noun with its pronoun and لـ is no cue: "ووصفها لها بالجريمة"
  const d = qs('وانسحبت الفلبين من المحكمة بعد انتقادها لحربه على المخدرات ووصفها لها بالجريمة.');
  assert.ok(!d.some((x) => x.includes('|ووصفها|')), d.join(' / '));
});

test('round 9: adverbs alone are no speaker (وكتب يومها، والآن أعلنت); an agency "نقلا عن" a source relays, a person does not', () => {
  const qs = fullQuotes;
  const a = qs('وقال ترامب إنه لا يدعو لتسليح كل الأساتذة. وكتب يومها في تغريدة "لم أقل أبدا أعطوا الأساتذة أسلحة".');
  assert.ok(
    a.some((x) => x.startsWith('ترامب|وكتب|')),
    a.join(' / '),
  );
  const b = qs('والآن أعلنت شركة "فيسبوك"، الأربعاء، عن توفيرها لسلسلة من التغييرات.');
  assert.ok(!b.some((x) => x.startsWith('والآن|')), b.join(' / '));
  const c = run('وذكرت وكالة تونس أفريقيا للأنباء نقلا عن مصدر أمني أن المهاجمين ألقوا قنبلة على السيارة الأولى.', '', (d) => [
    { id: 'e1', type: 'ORG', name: 'وكالة تونس أفريقيا للأنباء', mentions: [mention(d, 'وكالة تونس أفريقيا للأنباء')] },
  ]);
  assert.equal(c.quotes?.[0]?.speakerText, 'مصدر أمني');
  const d = run('وقال كريم كينيك رئيس الهلال الأحمر التركي نقلا عن الهلال الأحمر الإيراني "تم العثور على حطام الطائرة".', '', (x) => [
    per(x, 'كريم كينيك'),
    { id: 'e2', type: 'ORG', name: 'الهلال الأحمر الإيراني', mentions: [mention(x, 'الهلال الأحمر الإيراني')] },
  ]);
  assert.equal(d.quotes?.[0]?.speaker, 'e1');
});

test('round 9: "بيانا أعلن فيه"، "بتعليق قال فيه": with no subject after the pronoun, the issuer of the statement speaks', () => {
  const qs = fullQuotes;
  const a = qs(
    'ونشر الثلاثاء التحالف الحاكم "الجبهة الثورية الديمقراطية للشعب الإثيوبي" على صفحته بموقع فيس بوك بيانا أعلن فيه إنهاء خلافه الحدودي مع جارته إريتريا.',
  );
  assert.ok(
    a.some((x) => x.startsWith('الجبهة الثورية الديمقراطية للشعب الإثيوبي|أعلن|إنهاء خلافه الحدودي')),
    a.join(' / '),
  );
  assert.ok(!a.some((x) => x.startsWith('إنهاء')), a.join(' / '));
  // a subject after the pronoun still speaks
  const b = qs('وجاء التقرير في وقت قال فيه العلماء البريطانيون إن الغاز روسي الصنع.');
  assert.ok(
    b.some((x) => x.startsWith('العلماء البريطانيون|قال|')),
    b.join(' / '),
  );
});

test('round 9: a participle continues the subject of the verb opening its sentence (قررت محكمة ...، معتبرة), across "في" + a name in a title, and a country acts', () => {
  // (the rules' speakers: the learned choice retrained on 173 sets takes the nearer name, بيغديمونت, for the first one)
  const qs = fullQuotesRules;
  const a = qs(
    'وقال الوزير إن التهم كثيرة. قررت محكمة ألمانية مساء الخميس الإفراج عن الرئيس الكاتالوني السابق كارلس بيغديمونت، معتبرة أن تسليمه لا يمكن أن يتم.',
  );
  assert.ok(
    a.some((x) => x.startsWith('محكمة ألمانية|معتبرة|')),
    a.join(' / '),
  );
  const b = qs(
    'وقال الحارس إن الحكم أخطأ. وجه رئيس لجنة الحكام في إيطاليا مارتشيلو نيكي، الاثنين، انتقادات للحارس جانلويجي بوفون، داعيا إياه إلى الانتباه أكثر لما يقوله.',
  );
  assert.ok(
    b.some((x) => x.includes('مارتشيلو نيكي|داعيا|')),
    b.join(' / '),
  );
  const c = qs(
    'وقال الوزير إن العقوبات قاسية. ففي الشهر الماضي فرضت الولايات المتحدة عقوبات على 19 روسيا، متهمة إياهم بالتدخل في الانتخابات.',
  );
  assert.ok(
    c.some((x) => x.startsWith('الولايات المتحدة|متهمة|')),
    c.join(' / '),
  );
});

test('round 9: a report speaks for the body named after it with لـ or في (تقرير لمجلس اللوردات، لتقرير في صحيفة واشنطن بوست)', () => {
  const org = (name: string) => (d: Doc) => [{ id: 'e1', type: 'ORG' as const, name, mentions: [mention(d, name)] }];
  const a = run(
    'وقال الوزير إن الأمر خطير. كشف تقرير لمجلس اللوردات البريطاني أن الشرطة استخدمت الأطفال كعملاء.',
    '',
    org('مجلس اللوردات البريطاني'),
  );
  assert.equal(a.quotes?.find((q) => q.cue === 'كشف')?.speaker, 'e1');
  const b = run(
    'وقال الوزير إن الأمر خطير. ووفقا لتقرير في صحيفة واشنطن بوست، فإن الرئيس أعطى تعليمات للقادة.',
    '',
    org('صحيفة واشنطن بوست'),
  );
  assert.equal(b.quotes?.find((q) => q.cue === 'ووفقا')?.speaker, 'e1');
});

test("round 9: an act cue's title phrase closed by a name between commas is its subject, not an object (أدان البرلماني المعارض، X، تصريحات)", () => {
  const qs = fullQuotes;
  const a = qs(
    'وفي حين أكد جونسون أن زيمبابوي لا يزال يتعين عليها ضمان نزاهة الانتخابات، أدان البرلماني البريطاني المعارض، ديفيد كولتارت، تصريحات جونسون، وقال إنها "صدمته".',
  );
  assert.ok(
    a.some((x) => x.includes('ديفيد كولتارت|أدان|تصريحات جونسون')),
    a.join(' / '),
  );
  assert.ok(
    a.some((x) => x.includes('ديفيد كولتارت|وقال|صدمته')),
    a.join(' / '),
  );
});

test('round 9: a lone definite title speaks for the person named earlier with that title in front (وتابعت الوزيرة)', () => {
  const doc = run(
    'وقالت وزيرة العدل الألمانية كاتارينا بارلي إن الشركات تحترم القواعد. وتابعت الوزيرة: "نعلم أن العقوبات مؤلمة".',
    '',
    (d) => [per(d, 'كاتارينا بارلي')],
  );
  const q = doc.quotes?.find((x) => x.cue === 'وتابعت');
  assert.equal(q?.speakerText, 'الوزيرة');
  assert.equal(q?.speaker, 'e1');
});

test('a name closed by a comma before the cue is not its subject when the cue has its own named subject (وحول زيارة الوزير، X، قال Y:)', () => {
  const doc = run('وحول زيارة وزير الخارجية العماني، يوسف بن علوي، قال خلفان: "زيارة موفقة."', '', (d) => [
    per(d, 'يوسف بن علوي'),
    per(d, 'ضاحي خلفان', 'e2', 'خلفان'),
  ]);
  const q = doc.quotes?.find((x) => x.cue === 'قال');
  assert.equal(q?.speaker, 'e2');
  assert.equal(q?.text, 'زيارة موفقة.');
});

test('bug round: a cue after بعد أن / قبل أن reports a statement (وبعد أن قال X إن ...، قبل أن يضيف أنه ...)', () => {
  const a = fullQuotes('وبعد أن قال الوزير إن بلاده سترد، أعلن الجيش أنه مستعد.');
  assert.ok(
    a.some((x) => x.startsWith('الوزير|قال|بلاده سترد')),
    a.join(' / '),
  );
  const b = fullQuotes('وقال الصحفي إنه "كان يكذب" حين أصدر هذا الكتاب، قبل أن يضيف أنه "كتب تلك المعلومة دون أي دليل".');
  assert.ok(
    b.some((x) => x.includes('|يضيف|كتب تلك المعلومة')),
    b.join(' / '),
  );
});

test('bug round: ما after a preposition is a relative pronoun, not a negation (بسبب ما قالت X إنه ...)', () => {
  const a = fullQuotes('وفرضت الولايات المتحدة عقوبات على روسيا بسبب ما قالت أجهزة مخابرات أميركية إنه تدخل في الانتخابات.');
  assert.ok(
    a.some((x) => x === 'أجهزة مخابرات أميركية|قالت|تدخل في الانتخابات'),
    a.join(' / '),
  );
  // a negation still is one
  assert.ok(!fullQuotes('ما قال الوزير إن بلاده سترد.').some((x) => x.includes('بلاده سترد')));
});

test('bug round: رغم أن does not open the content of a cue (اعتبرت X ممتلكاتها تجارية، رغم أنها ...)', () => {
  const a = fullQuotes('واعتبرت إسرائيل ممتلكات الكنائس تجارية، رغم أنها كانت دوما معفاة من الضرائب.');
  assert.ok(!a.some((x) => x.includes('كانت دوما معفاة')), a.join(' / '));
});

test("bug round: a participle after a verb cue with no content of its own has that verb's subject (رد المرشح المعارض قائلا:)", () => {
  const a = fullQuotes('رد المرشح المعارض قائلا: "أردوغان هو من يملك علاقة مميزة بهذه الجماعة".');
  assert.ok(
    a.some((x) => x.startsWith('المرشح المعارض|قائلا|أردوغان هو من')),
    a.join(' / '),
  );
  const b = fullQuotes('وبعد أن قال الرئيس التركي إن إنجه هو مرشح الجماعة، رد المرشح المعارض قائلا: "أردوغان هو من يملك علاقة مميزة".');
  assert.ok(
    b.some((x) => x.startsWith('المرشح المعارض|قائلا|أردوغان هو من')),
    b.join(' / '),
  );
});

test('bug round: the object of an act cue is not glued to the name before it (انتقد الفريق ضاحي خلفان خطاب الرئيس، قائلا)', () => {
  const a = fullQuotes('انتقد الفريق ضاحي خلفان خطاب الرئيس، قائلا إنه لم يكن موفقا.');
  assert.ok(
    a.some((x) => x === 'الفريق ضاحي خلفان|قائلا|لم يكن موفقا'),
    a.join(' / '),
  );
});

test('bug round: the preposition of أعرب عن may stand after an apposition or a day between commas', () => {
  const a = fullQuotes('وأعرب وزير المياه والري الأثيوبي، سليشي بقلي، عن أمله في أن يبحث الاجتماع القضايا الخلافية بروح إيجابية.');
  assert.ok(
    a.some((x) => x.includes('|وأعرب|أمله في أن يبحث')),
    a.join(' / '),
  );
  const b = fullQuotes('أعرب الرئيس الروسي فلاديمير بوتين، الثلاثاء، عن أمله بأن ينجح اجتماع المنظمة في إنهاء التحقيق.');
  assert.ok(
    b.some((x) => x.includes('|أعرب|أمله بأن ينجح')),
    b.join(' / '),
  );
});

test('bug round: ولكنها قالت with no statement before it in the sentence speaks for the subject of its first verb', () => {
  const a = fullQuotes(
    'وأطلق مجهول النار على المحتجين، حسب مسؤولين. ولم تحدد وكالة الأنباء الرسمية إيرنا أعداد المحتجين في عبدان، ولكنها قالت إن قوات الأمن فضت الجموع.',
  );
  assert.ok(
    a.some((x) => x === 'وكالة الأنباء الرسمية إيرنا|قالت|قوات الأمن فضت الجموع'),
    a.join(' / '),
  );
  // (and the content of the cue before stops at "، ولكنها قالت"; a definite noun with بـ ends a subject description)
  const b = fullQuotes('واعترفت الحكومة البولندية بالتراجع عن القانون، ولكنها قالت إنه أدى مفعوله في ردع المسيئين.');
  assert.ok(
    b.some((x) => x === 'الحكومة البولندية|قالت|أدى مفعوله في ردع المسيئين'),
    b.join(' / '),
  );
  assert.ok(!b.some((x) => x.includes('القانون، ولكنها')), b.join(' / '));
});

test('bug round: a time is no speaker, neither as the antecedent of a relative clause nor as a date before the cue', () => {
  const a = fullQuotes('وهذه المرة الأولى التي يعلن فريق المحققين أن الصاروخ أطلقته كتيبة روسية في مدينة كورسك.');
  assert.ok(
    a.some((x) => x.startsWith('فريق المحققين|يعلن|الصاروخ أطلقته')),
    a.join(' / '),
  );
  // (the dates come from the time stage, which runs before quotes in the full pipeline)
  const withTime = Pipeline.create({ stages: ['morph', 'ner', 'entities', 'time', 'quotes'] });
  const b = (
    withTime.run(
      readArticle(
        'وقال عبد السلام إنه بريء. وفي كانون الثاني/ديسمبر الماضي، مع اقتراب موعد المحاكمة في بروكسل، صرح لصحيفة بلجيكية أنه يزوره في سجنه.',
      ),
    ).quotes ?? []
  ).map((q) => `${q.speakerText}|${q.cue}|${q.text}`);
  assert.ok(!b.some((x) => x.startsWith('ديسمبر')), b.join(' / '));
  assert.ok(
    b.some((x) => x.includes('|صرح|يزوره في سجنه')),
    b.join(' / '),
  );
});

test('bug round: a counterpart with a fused لـ is addressed, not the speaker (وقال لنظيره البولندي إن)', () => {
  const a = fullQuotes(
    'وقد انتقد الرئيس الإسرائيلي، رؤوفين ريفلين، القانون علنا في أبريل، وقال لنظيره البولندي إنه لا جدال أن الكثير من البولنديين قاتلوا النازية.',
  );
  assert.ok(!a.some((x) => x.startsWith('لنظيره')), a.join(' / '));
  assert.ok(
    a.some((x) => x.includes('رؤوفين ريفلين|وقال|')),
    a.join(' / '),
  );
});

test('bug round 2: one noun phrase between اتهم/وصف and بأن is the object, a person included; the subject carries over, from the sentence before when it quotes no one', () => {
  const a = fullQuotes('وتوجهت لويزة حنون بانتقادات حادة للحكومة. واتهمت أويحيى بأنه أخفى الحقائق عن الشعب، داعية إياه إلى الاستقالة.');
  assert.ok(
    a.some((x) => x === 'لويزة حنون|واتهمت|أخفى الحقائق عن الشعب'),
    a.join(' / '),
  );
  assert.ok(!a.some((x) => x.startsWith('أويحيى')), a.join(' / '));
  const b = fullQuotes('وقال وزير الخارجية إن بلاده تدعم الحل السياسي. ووصف المؤتمر المقترح بأنه سيكون فرصة للحوار.');
  assert.ok(
    b.some((x) => x === 'وزير الخارجية|ووصف|سيكون فرصة للحوار'),
    b.join(' / '),
  );
});

test('bug round 2: a verb is never a speaker; the topic of أما ... فـ speaks for a later cue with no subject (أما شقيقه سامر فقد كان ... الذي يملكه ويقول إن)', () => {
  const a = fullQuotes('أما شقيقه سامر فقد كان في المتجر الذي يملكه ويقول إن الحي هادئ تماما.');
  assert.ok(!a.some((x) => x.startsWith('يملكه')), a.join(' / '));
  assert.ok(
    a.some((x) => x === 'شقيقه سامر|ويقول|الحي هادئ تماما'),
    a.join(' / '),
  );
});

test('bug round 2: an agency that relays "عنه" the speaker\'s words does not become the speaker of the next cue (وفقا لما نقلت عنه وكالة ...، كما أضاف)', () => {
  const a = fullQuotes(
    'وقال الوزير سعيد خطيبي، إن المفاوضات "وصلت إلى مرحلة حاسمة" وفقا لما نقلت عنه وكالة الأنباء الرسمية، كما أضاف أن الاتفاق بات قريبا.',
  );
  assert.ok(
    a.some((x) => x === 'الوزير سعيد خطيبي|أضاف|الاتفاق بات قريبا'),
    a.join(' / '),
  );
  assert.ok(!a.some((x) => x.startsWith('وكالة')), a.join(' / '));
});

test('bug round 2: the subject before "كانت قد" + cue speaks, not the object after the cue (أن المنظمة كانت قد طالبت الحكومة بـ)', () => {
  const a = fullQuotes('ويذكر أن المنظمة كانت قد طالبت الحكومة المصرية بالإفراج عن المعتقلين.');
  // (the one asked is part of the content: the text runs from after the cue)
  assert.ok(
    a.some((x) => x === 'المنظمة|طالبت|الحكومة المصرية بالإفراج عن المعتقلين'),
    a.join(' / '),
  );
});

test('bug round 2: a quoted outlet between نقلت and عن relays; the one after عن speaks the later quotation, past a relative clause', () => {
  const a = fullQuotes('ونقلت "رويترز" عن المتحدث العسكري الذي كان يتحدث من بغداد "إننا سنواصل العمليات حتى تحرير آخر قرية".');
  assert.ok(
    a.some((x) => x === 'المتحدث العسكري|ونقلت|إننا سنواصل العمليات حتى تحرير آخر قرية'),
    a.join(' / '),
  );
});

test('bug round 2: a cue right after "NAME، الذي" inside reported content is a statement of that person too (اتصل بنظيره، X، الذي نفى بدوره)', () => {
  const a = fullQuotes(
    'وقال وزير الخارجية الفرنسي جان إيف لودريان إنه اتصل بنظيره الروسي، سيرغي لافروف، الذي نفى بدوره أي علم بالهجوم على القافلة.',
  );
  assert.ok(
    a.some((x) => x.startsWith('وزير الخارجية الفرنسي جان إيف لودريان|وقال|اتصل بنظيره')),
    a.join(' / '),
  );
  assert.ok(
    a.some((x) => x === 'سيرغي لافروف|نفى|أي علم بالهجوم على القافلة'),
    a.join(' / '),
  );
});

test('bug round 2: a name written with a hyphen between Arabic letters is one speaker entity (تشونغ اوي-يونغ)', () => {
  fullQuotesPipeline ??= Pipeline.create({ stages: ['morph', 'ner', 'entities', 'quotes'] });
  const doc = fullQuotesPipeline.run(
    readArticle('وأعلن مستشار الأمن القومي الكوري الجنوبي تشونغ اوي-يونغ أن اللقاء بين الزعيمين سيجري في أيار/مايو.'),
  );
  const q = doc.quotes?.find((x) => x.text.startsWith('اللقاء بين الزعيمين'));
  assert.ok(q, JSON.stringify(doc.quotes));
  const name = doc.entities?.find((e) => e.id === q.speaker)?.name ?? '';
  assert.ok(name.endsWith('اوي-يونغ'), name);
});

test('bug round 2: an adverb of manner with بـ (بقوة، بشدة) neither opens the content nor joins the speaker (طالبت باريس بقوة بالإفراج)', () => {
  const a = fullQuotes(
    'وقالت قناة الإخبارية إن الرياض قررت وقف برامج التدريب. وجاء القرار بعدما طالبت باريس بقوة بالإفراج الفوري عن الصحفيين المعتقلين.',
  );
  assert.ok(
    a.some((x) => x === 'باريس|طالبت|بالإفراج الفوري عن الصحفيين المعتقلين'),
    a.join(' / '),
  );
});

test('bug round 2: "بيانا/تقريرا X فيه Y بـ" with an act cue: Y is the object and the body that issued the report speaks; an أن after من stays in the preposition\'s phrase', () => {
  const a = fullQuotes('وجاء رد الوزير بعد إصدار اللجنة تقريرا تطالب فيه الحكومة بالتحقق من أن المساعدات تصل إلى المحتاجين.');
  assert.ok(
    a.some((x) => x === 'اللجنة|تطالب|الحكومة بالتحقق من أن المساعدات تصل إلى المحتاجين'),
    a.join(' / '),
  );
});

test('bug round 2: the content of a cue stops before "، لكن X" + a cue of its own, which is a statement of X (لكن الإدارة الأمريكية تنفي ذلك)', () => {
  const a = fullQuotes('وتتهم أنقرة واشنطن بإيواء المعارضين، لكن الإدارة الأمريكية تنفي ذلك.');
  assert.ok(
    a.some((x) => x === 'أنقرة|وتتهم|واشنطن بإيواء المعارضين'),
    a.join(' / '),
  );
  assert.ok(
    a.some((x) => x === 'الإدارة الأمريكية|تنفي|ذلك'),
    a.join(' / '),
  );
});

test('bug round 2: an act cue before a quotation opening with بـ: the name is the speaker, the noun phrase after it the object (ووصف أردوغان القرار الأمريكي "بالخطأ")', () => {
  const a = fullQuotes('ووصف أردوغان القرار الأمريكي "بالخطأ الفادح"، مؤكدا أن بلاده سترد.');
  assert.ok(
    a.some((x) => x === 'أردوغان|ووصف|بالخطأ الفادح'),
    a.join(' / '),
  );
  // a plural description is no title of the one named after it: "واتهم المسؤولون المحليون رئيس الوزراء بـ"
  const b = fullQuotes('وقال وزير الخارجية إن الحكومة ماضية في خطتها. واتهم المسؤولون المحليون رئيس الوزراء بـ"الاستبداد".');
  assert.ok(
    b.some((x) => x.startsWith('المسؤولون المحليون|واتهم|')),
    b.join(' / '),
  );
});

test('bug round 2: "ونقلت X قول Y إن": the outlet relays, Y speaks', () => {
  const a = fullQuotes('ونقلت وكالة "الأناضول" قول مصدر عسكري إن القوات سيطرت على البلدة.');
  assert.ok(
    a.some((x) => x === 'مصدر عسكري|ونقلت|القوات سيطرت على البلدة'),
    a.join(' / '),
  );
});

test('bug round 2: the conjunction و is no part of a description that speaks (، وشهود يقولون إن)', () => {
  const a = fullQuotes('وتظهر الصور دخانا متصاعدا فوق المبنى، وشهود يقولون إن مسلحين أطلقوا النار على الحراس.');
  assert.ok(
    a.some((x) => x === 'شهود|يقولون|مسلحين أطلقوا النار على الحراس'),
    a.join(' / '),
  );
});

test('bug round 2: a cue after an indefinite noun with a fused preposition is its relative clause; the subject of the sentence speaks (زعمت السلطات نجاح تجربتها لغواصة قالت إنها)', () => {
  const a = fullQuotes('زعمت السلطات الروسية، نجاح تجربتها الأولى لغواصة قالت إنها تعمل بالطاقة النووية.');
  assert.ok(
    a.some((x) => x === 'السلطات الروسية|قالت|تعمل بالطاقة النووية'),
    a.join(' / '),
  );
});

test('speaker round: a plural cue after a singular relative pronoun does not speak for the antecedent; the plural subject of the sentence speaks (الخطة التي يقولون إنها)', () => {
  const a = fullQuotes('وقال رئيس الوزراء إن الحكومة باقية. كما أيد الزعماء الأربعة الخطة الجديدة، التي يقولون إنها ستنهي النزاع قريبا.');
  assert.ok(
    a.some((x) => x.startsWith('الزعماء الأربعة') && x.endsWith('|يقولون|ستنهي النزاع قريبا')),
    a.join(' / '),
  );
  const b = fullQuotes('وقال الوزير إن الاقتصاد ينمو. والمعارضون للاتفاق مصممون على إلغاء الضريبة الجديدة التي يقولون إنها تضر بالفقراء.');
  assert.ok(
    b.some((x) => x === 'المعارضون|يقولون|تضر بالفقراء'),
    b.join(' / '),
  );
});

test("speaker round: a feminine participle no earlier speaker agrees with is said by the subject after the sentence's verb (وقال الوزير ... . وأثارت كاتي بريسكوت ...، قائلة إن)", () => {
  const a = fullQuotes(
    'وقال الوزير إن المشروع سينجز قريبا. وأثارت كاتي بريسكوت ممثلة حزب الخضر في مجلس اللوردات، القضية الأسبوع الماضي، قائلة إنها صدمت من الخطة.',
  );
  assert.ok(
    a.some((x) => x.startsWith('كاتي بريسكوت') && x.endsWith('|قائلة|صدمت من الخطة')),
    a.join(' / '),
  );
  assert.ok(!a.some((x) => x.startsWith('الوزير|قائلة')), a.join(' / '));
});

test('speaker round: one noun after لكن right before a plural cue is its subject, and the statement before ends at لكن (ولكن خصومه يقولون إن)', () => {
  const a = fullQuotes('وقال الرئيس إن حكومته حققت نموا كبيرا ولكن خصومه يقولون إن البطالة ارتفعت.');
  assert.ok(
    a.some((x) => x === 'الرئيس|وقال|حكومته حققت نموا كبيرا'),
    a.join(' / '),
  );
  assert.ok(
    a.some((x) => x === 'خصومه|يقولون|البطالة ارتفعت'),
    a.join(' / '),
  );
});

test('speaker round: a quoted name after an unnamed title phrase is the speaker, also when it is long (قالت الجمعية التابعة له "رابطة أصدقاء البيئة في الشمال" في بيان إن)', () => {
  const a = fullQuotes(
    'وأكد الحزب دعمه للمشروع، فيما قالت الجمعية التابعة له "رابطة أصدقاء البيئة في الشمال" في بيان إن المصنع يلوث النهر.',
  );
  assert.ok(
    a.some((x) => x === 'رابطة أصدقاء البيئة في الشمال|قالت|المصنع يلوث النهر'),
    a.join(' / '),
  );
});

test('bug round 4: a relational head before a name speaks, not the person named (أسرة محمد مرسي، محامية مادسن)', () => {
  const doc = run(
    'وكانت أسرة محمد مرسي قد رفعت قضية أمام مجلس الدولة، تطالب فيها بتمكينها من زيارته في السجن. وقالت محامية مادسن إنه سيستأنف الحكم. وقال محمد مرسي إن الأسرة زارته.',
    '',
    (d) => [
      {
        id: 'e1',
        type: 'PER',
        name: 'محمد مرسي',
        mentions: [...d.text.matchAll(/محمد مرسي/g)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length })),
      },
      per(d, 'بيتر مادسن', 'e2', 'مادسن'),
    ],
  );
  const q = doc.quotes ?? [];
  const family = q.find((x) => x.cue === 'تطالب');
  assert.equal(family?.speaker, null, JSON.stringify(family));
  assert.equal(family?.speakerText, 'أسرة محمد مرسي');
  const lawyer = q.find((x) => x.text === 'سيستأنف الحكم');
  assert.equal(lawyer?.speaker, null, JSON.stringify(lawyer));
  assert.equal(lawyer?.speakerText, 'محامية مادسن');
  // the man himself still speaks for himself
  assert.equal(q.find((x) => x.text === 'الأسرة زارته')?.speaker, 'e1');
});

test('bug round 4: "أدان" with a charge word is a verdict, not a statement; a condemnation stays', () => {
  const a = fullQuotes(
    'وأدانت هيئة المحلفين في المحكمة المتهم البالغ من العمر 47 عاما بتهمة قتل الصحافية. وأدانت الخارجية المصرية الهجوم الإرهابي على الكنيسة.',
  );
  assert.ok(!a.some((x) => x.includes('|وأدانت|') && x.includes('البالغ')), a.join(' / '));
  assert.ok(
    a.some((x) => x.endsWith('|وأدانت|الهجوم الإرهابي على الكنيسة')),
    a.join(' / '),
  );
});

test('bug round 4: a pronoun with its preposition between the object and بـ keeps the object out of the speaker (واتهم المسؤولين فيها بـ)', () => {
  const a = fullQuotes('وانتقد الوزير سامح شكري الحكومة الإسرائيلية واتهم المسؤولين فيها بالتطرف والعنصرية ضد الفلسطينيين.');
  assert.ok(!a.some((x) => x.startsWith('المسؤولين|')), a.join(' / '));
  assert.ok(
    a.some((x) => x.includes('سامح شكري|واتهم|')),
    a.join(' / '),
  );
});

test('bug round 4: a date between commas closes the speaker phrase, and no name after it is the speaker (أعلنت السلطات السعودية، السبت، موت الصحفي جمال خاشقجي)', () => {
  // (the date comes from the time stage, which the default pipeline runs before the quotes)
  const a = fullQuotes('أعلنت السلطات السعودية، السبت، موت الصحفي جمال خاشقجي داخل قنصلية البلاد في إسطنبول.');
  assert.ok(
    a.some((x) => x.startsWith('السلطات السعودية|أعلنت|')),
    a.join(' / '),
  );
  assert.ok(!a.some((x) => x.includes('خاشقجي|أعلنت')), a.join(' / '));
});

test('bug round 4: after a relay, the one "على لسان" whom the words are is the speaker; "جاء ذلك" before an attribution is no content', () => {
  const a = fullQuotes(
    'جاء ذلك وفقا لما نقلته وكالة الأنباء القطرية الرسمية، السبت، على لسان الشيخة موزا في مقابلة مع مجلة فرنسية، حيث قالت: "لا تكذبوا أبدا لأن الكذبة لا تدوم طويلا".',
  );
  assert.ok(!a.some((x) => x.endsWith('|جاء ذلك')), a.join(' / '));
  assert.ok(
    a.some((x) => x.startsWith('الشيخة موزا|قالت|')),
    a.join(' / '),
  );
  assert.ok(!a.some((x) => x.startsWith('وكالة الأنباء القطرية')), a.join(' / '));
});

test('bug round 4: a participle cue is no speaker of a first-person verb in the quotation after it (مضيفاً "أعتقد أنه ...")', () => {
  const a = fullQuotes('وقال ترامب إن العرض سيكون عظيما، مضيفاً "أعتقد أنه أمر رائع بالنسبة لبلادنا من حيث أنه مشجع".');
  assert.ok(!a.some((x) => x.startsWith('مضيفاً|')), a.join(' / '));
  assert.ok(
    a.some((x) => x.startsWith('ترامب|مضيفاً|')),
    a.join(' / '),
  );
});

test("bug round 4: a cue after a relative pronoun with its own subject after it is that subject's (المنطقة التي قال المرصد السوري إن)", () => {
  const a = fullQuotes('وتصاعدت سحب الدخان فوق المنطقة التي قال المرصد السوري لحقوق الإنسان إن عشرات الآلاف من الأشخاص يحتمون فيها.');
  assert.ok(
    a.some((x) => x.startsWith('المرصد السوري لحقوق الإنسان|قال|')),
    a.join(' / '),
  );
  assert.ok(!a.some((x) => x.startsWith('سحب الدخان')), a.join(' / '));
});

test("bug round 4: a cue in a relative clause set off by commas inside the speaker phrase is not the content's cue", () => {
  const a = fullQuotes('وقالت صحيفة كناك الأسبوعية الناطقة بالفلمنكية، التي كشفت القضية، إن الشركات صدرت المواد.');
  assert.ok(
    a.some((x) => x.endsWith('|وقالت|الشركات صدرت المواد')),
    a.join(' / '),
  );
  assert.ok(!a.some((x) => x.includes('|كشفت|')), a.join(' / '));
});

test('bug round 4: a country inside an indefinite speaker phrase is not the speaker (وسائل إعلام سورية، وزير خارجية تركيا)', () => {
  const doc = fullQuotesDoc('أفادت وسائل إعلام سورية حكومية بأن القوات تقدمت في المدينة. وقالت سوريا إن الهجوم فشل.');
  const q = doc.quotes ?? [];
  assert.equal(q.find((x) => x.speakerText.startsWith('وسائل إعلام'))?.speaker, null, JSON.stringify(q));
  const syria = doc.entities?.find((e) => e.nameEn === 'Syria');
  assert.ok(syria && q.some((x) => x.speaker === syria.id), JSON.stringify(q));
});

test('bug round 4: the topic particle أما is no part of the speaker', () => {
  const a = fullQuotes('أما الرئيس الأمريكي، الذي قال الأربعاء إن الصواريخ آتية، فقد كتب على حسابه أنه لم يحدد موعدا.');
  assert.ok(!a.some((x) => x.startsWith('أما')), a.join(' / '));
  assert.ok(
    a.some((x) => x.startsWith('الرئيس الأمريكي|كتب|')),
    a.join(' / '),
  );
});

test('tenth session: the one accused after a named speaker is part of the content (وتتهم السعودية إيران بتزويد)', () => {
  const a = fullQuotes('وتتهم السعودية إيران بتزويد الحوثيين بالصواريخ.');
  assert.ok(a.includes('السعودية|وتتهم|إيران بتزويد الحوثيين بالصواريخ'), a.join(' / '));
  // a narrator's phrase between the speaker and بـ stays out ("في بيان"), and بيان is no preposition
  const b = fullQuotes('وطالبت الوزارة في بيان الأحد بالإفراج عن المعتقلين.');
  assert.ok(b.includes('الوزارة|وطالبت|بالإفراج عن المعتقلين'), b.join(' / '));
});

test('tenth session: the من of a quantity stays in the speaker phrase; قولهم ends it', () => {
  const a = fullQuotes('ويقول العديد من الإسرائيليين إن العائلة استغلت ابنتها. ونقلت وكالة رويترز عن مسؤولين قولهم إن الوضع خطير.');
  assert.ok(a.includes('العديد من الإسرائيليين|ويقول|العائلة استغلت ابنتها'), a.join(' / '));
  assert.ok(
    a.some((x) => x.startsWith('مسؤولين|')),
    a.join(' / '),
  );
});

test('tenth session: cues added to the lexicon (يزعم، تقر بأن، استنكرت، علق ... بالقول إن)', () => {
  const a = fullQuotes(
    'ويزعم الزوجان أنه أنفق المال على المخدرات. وتقر قوات الدفاع الإسرائيلية بأن مئات الفلسطينيين مثلوا أمام محكمة. وعلق وزير التربية الإسرائيلي، نفتالي بينيت على الحادثة بالقول إن الفتاة تستحق السجن.',
  );
  assert.ok(a.includes('الزوجان|ويزعم|أنفق المال على المخدرات'), a.join(' / '));
  assert.ok(
    a.some((x) => x.startsWith('قوات الدفاع الإسرائيلية|وتقر|مئات')),
    a.join(' / '),
  );
  assert.ok(
    a.some((x) => x.includes('|وعلق|الفتاة تستحق السجن')),
    a.join(' / '),
  );
  const b = fullQuotes('وكانت الرئاسة الفلسطينية قد استنكرت الهجوم على الموكب.');
  assert.ok(
    b.some((x) => x.startsWith('الرئاسة الفلسطينية|استنكرت|الهجوم')),
    b.join(' / '),
  );
  // يقر of a parliament passing a law is no statement
  const c = fullQuotes('مجلس النواب يقر بالإجماع قانونا جديدا للانتخابات.');
  assert.equal(c.length, 0, c.join(' / '));
});

test('tenth session: a name that starts with و (واشنطن) after the speaker is the object, not a conjunct of the speaker', () => {
  const a = fullQuotes('وتتهم موسكو واشنطن بإيواء المعارضين.');
  assert.ok(a.includes('موسكو|وتتهم|واشنطن بإيواء المعارضين'), a.join(' / '));
});

test('tenth session: a four-letter indefinite object before a cue is its relative clause; a channel is a speaker head (نشرت القناة ...، صورا قالت إنها)', () => {
  const a = fullQuotes('نشرت القناة العاشرة الإسرائيلية، الثلاثاء، صورا قالت إنها لقاعدة التيفور السورية.');
  assert.ok(a.includes('القناة العاشرة الإسرائيلية|قالت|لقاعدة التيفور السورية'), a.join(' / '));
  // an adjective after an indefinite plural is no object: "لكن مسؤولين روسا استبعدوا أن"
  const b = fullQuotes('لكن مسؤولين روسا استبعدوا أن ينعكس القرار على السياحة.');
  assert.ok(
    b.some((x) => x.startsWith('مسؤولين روسا|استبعدوا|')),
    b.join(' / '),
  );
});

test('tenth session: a named body with a feminine head after a feminine act cue is its subject, not the object of the speaker before', () => {
  const a = fullQuotes('وقالت عهد التميمي إنها بريئة. وقد طالبت منظمة العفو الدولية بإطلاق سراح التميمي.');
  assert.ok(a.includes('منظمة العفو الدولية|طالبت|بإطلاق سراح التميمي'), a.join(' / '));
  // a masculine cue keeps the carried subject: "كما اتهم الأمم المتحدة بالفشل"
  const b = fullQuotes('وقال الرئيس الفلبيني إنه قد يطلب من الصين تشكيل كيان جديد. كما اتهم الأمم المتحدة بالفشل في علاج الإرهاب.');
  assert.ok(
    b.some((x) => x.startsWith('الرئيس الفلبيني|اتهم|الأمم المتحدة بالفشل')),
    b.join(' / '),
  );
});

test('tenth session: a stance noun with its pronoun opens the content of a say cue and ends the speaker (وأكدت أنقرة معارضتها)', () => {
  const a = fullQuotes('وأكدت أنقرة معارضتها لأي عمل عسكري في إدلب. وأكدت دول عربية رفضها لأي محاولة للنيل من السعودية.');
  assert.ok(a.includes('أنقرة|وأكدت|معارضتها لأي عمل عسكري في إدلب'), a.join(' / '));
  assert.ok(a.includes('دول عربية|وأكدت|رفضها لأي محاولة للنيل من السعودية'), a.join(' / '));
  // a noun with no stance is no statement of a say cue
  const b = fullQuotes('وأكدت الحكومة عودتها إلى العاصمة.');
  assert.equal(b.length, 0, b.join(' / '));
});

test('isStance: a stance noun of the lexicon with a possessive pronoun, ة written ت', async () => {
  const { parseCues, isStance } = await import('./lexicon.ts');
  const lex = parseCues('', '', '', '', '', '', 'معارضة\nرفض\n');
  assert.ok(isStance(lex, 'معارضتها'));
  assert.ok(isStance(lex, 'رفضهم'));
  assert.ok(isStance(lex, 'ورفضه'));
  assert.ok(!isStance(lex, 'رفض'), 'no pronoun');
  assert.ok(!isStance(lex, 'عودتها'), 'not a stance');
});

test('tenth session: the content starts after أن/إن also after a preposition cue (أشار إلى أن) and after a colon (قال: إن)', () => {
  const a = fullQuotes(
    'وأشار الوزير إلى أن المساعدات وصلت. ولفت إلى أنها ستوزع غدا. وقال مدير مكتبه للإذاعة: إن القانون يهدف إلى حماية سمعة البلاد.',
  );
  assert.ok(a.includes('الوزير|وأشار|المساعدات وصلت'), a.join(' / '));
  assert.ok(
    a.some((x) => x.endsWith('|ولفت|ستوزع غدا')),
    a.join(' / '),
  );
  assert.ok(
    a.some((x) => x.endsWith('|وقال|القانون يهدف إلى حماية سمعة البلاد')),
    a.join(' / '),
  );
});

test('tenth session: a four-letter word in ا opening the text right before a cue does not break the analysis', () => {
  const a = fullQuotes('صورا قالت إنها لقاعدة التيفور.');
  assert.ok(Array.isArray(a));
});

test('a comma ending the text after a cue does not break the analysis (found by fuzzing truncated ANT sentences)', () => {
  assert.ok(Array.isArray(fullQuotes('العسكرية عملية نقل التمثال،')));
  assert.ok(Array.isArray(fullQuotes('وقال الرئيس،')));
});

test('eleventh session: رد فعل is a noun, not a cue; the speaker after بيد أن speaks', () => {
  const a = fullQuotes(
    'ليس ثمة رد فعل آني مباشر من إيران على الإجراءات الأمريكية، بيد أن وزير الخارجية الإيراني محمد جواد ظريف قال في وقت سابق إن الولايات المتحدة معزولة.',
  );
  assert.ok(!a.some((x) => x.includes('|رد|')), a.join(' / '));
  assert.ok(
    a.some((x) => x.includes('ظريف|قال|الولايات المتحدة معزولة')),
    a.join(' / '),
  );
});

test('eleventh session: an adverbial before a relative clause is no speaker (وخلال المقابلة التي ...، كشف)', () => {
  const a = fullQuotes('وخلال المقابلة التي أجراها الإعلامي عبد العزيز الخميس، كشف رجل الأمن القطري السابق عن معلومات صادمة.');
  assert.ok(!a.some((x) => x.startsWith('وخلال المقابلة|')), a.join(' / '));
});

test('eleventh session: كشف X عن has its subject before عن (رجل is a speaker head); كشف النقاب عن keeps the speaker', () => {
  const a = fullQuotes('كشف رجل الأمن القطري السابق عن معلومات صادمة عن تعذيب المتهمين.');
  assert.ok(a.includes('رجل الأمن القطري السابق|كشف|معلومات صادمة عن تعذيب المتهمين'), a.join(' / '));
  const b = fullQuotes('وقال الوزير إن الأمر خطير. وكشف النقاب عن خطة جديدة.');
  assert.ok(!b.some((x) => x.startsWith('النقاب|')), b.join(' / '));
  assert.ok(
    b.some((x) => x.startsWith('الوزير|وكشف النقاب|')),
    b.join(' / '),
  );
});

test('eleventh session: a speaker phrase does not open with a preposition or a circumstantial وهو (وأضاف وهو يقف إلى جانب)', () => {
  const a = fullQuotes(
    'وقال رئيس جهاز الأمن الأوكراني فاسيل غريتساك للصحافيين إن اختلاق مقتل الصحافي كان ضمن عملية خاصة. وأضاف وهو يقف إلى جانب الصحافي "بفضل هذه العملية تمكنا من إحباط مؤامرة".',
  );
  assert.ok(!a.some((x) => x.startsWith('وهو يقف')), a.join(' / '));
  assert.ok(
    a.some((x) => x.includes('غريتساك|وأضاف|بفضل هذه العملية')),
    a.join(' / '),
  );
});

test('eleventh session: a participle after a verb whose subject is a noun phrase ending in a name takes that person', () => {
  const a = fullQuotes('وقال المدرب إن الفريق جاهز. وظهر نجم الكرة محمد صلاح في المؤتمر الصحفي، قائلا إن المباراة صعبة.');
  assert.ok(
    a.some((x) => x.includes('محمد صلاح|قائلا|المباراة صعبة')),
    a.join(' / '),
  );
});

test('eleventh session: فيما / بينما with an imperfect verb continue the reported content; with a past verb they end it', () => {
  const a = fullQuotes(
    'واعتبرت الحكومة أن قادة الميليشيات يحاولون كسب الوقت فقط، فيما يواصلون إرسال التعزيزات نحو الحديدة. وقال الوزير إن الوضع خطير، فيما زادت تركيا من قواتها.',
  );
  assert.ok(
    a.some((x) => x.endsWith('|واعتبرت|قادة الميليشيات يحاولون كسب الوقت فقط، فيما يواصلون إرسال التعزيزات نحو الحديدة')),
    a.join(' / '),
  );
  assert.ok(
    a.some((x) => x.endsWith('|وقال|الوضع خطير')),
    a.join(' / '),
  );
});

test('eleventh session: cues of justification (برر) and participles of threat and praise (متوعدا، مشيدا)', () => {
  const a = fullQuotes('وبرر أردوغان هذا القرار بضرورة الانتقال سريعا إلى النظام الرئاسي.');
  assert.ok(
    a.some((x) => x.endsWith('|وبرر|هذا القرار بضرورة الانتقال سريعا إلى النظام الرئاسي')),
    a.join(' / '),
  );
  const b = fullQuotes('وانتقد الرئيس الحكومة، متوعدا بعقوبات صارمة.');
  assert.ok(
    b.some((x) => x.startsWith('الرئيس|متوعدا|')),
    b.join(' / '),
  );
});

test('twelfth session: a quoted party name inside a speaker phrase, an attribution after the cue, a demonstrative description', () => {
  const doc = fullQuotesDoc(
    'عنوان\nقال أحد زعيمي حزب "البديل لألمانيا" اليميني المتطرف ألكسندر غاولاند السبت، إن النازيين كانوا مجرد "روث طير". وقال هذا المسؤول السياسي إن "هتلر ليس سوى روث طير". وقال بحسب ما نقلت عنه وكالة دي بي إيه أيضا "كان لنا تاريخ من الأمجاد".',
  );
  const gauland = (doc.entities ?? []).find((e) => e.mentions.some((m) => m.text === 'ألكسندر غاولاند'));
  assert.ok(gauland, (doc.entities ?? []).map((e) => e.name).join(' / '));
  const qs = (doc.quotes ?? []).map((q) => `${q.speaker === gauland?.id ? 'G' : q.speakerText}|${q.cue}`);
  assert.deepEqual(qs, ['G|قال', 'G|وقال', 'G|وقال'], qs.join(' / '));
});

test('twelfth session: a relay of the one quoted before (نقلت عنه قوله), a title placed in a body before the name, متحدثا after a name', () => {
  const a = fullQuotes(
    'عنوان\nوقال منصف الباروني إن الأمطار كانت غزيرة. ونقلت وكالة فرانس برس عنه قوله: "الوادي أمام منزلنا كان مليئا بالأشجار".',
  );
  assert.ok(
    a.some((x) => x.startsWith('منصف الباروني|ونقلت|')),
    a.join(' / '),
  );
  const doc = fullQuotesDoc(
    'عنوان\nاعتبر كبير المستشارين الاقتصاديين في البيت الأبيض لاري كادلو، الأحد، أن ترودو يتحمل مسؤولية فشل القمة. وقال كادلو متحدثا لشبكة سي إن إن إن القمة فشلت.',
  );
  const kudlow = (doc.entities ?? []).find((e) => e.mentions.some((m) => m.text === 'لاري كادلو'));
  assert.ok(kudlow);
  const qs = (doc.quotes ?? []).map((q) => `${q.speaker === kudlow?.id ? 'K' : q.speakerText}|${q.speakerText}`);
  assert.deepEqual(qs, ['K|كبير المستشارين الاقتصاديين في البيت الأبيض لاري كادلو', 'K|كادلو'], qs.join(' / '));
});

test('twelfth session: after a name, an indefinite noun before another name is the object, not the speaker (لافروف ادعاءات بريطانيا)', () => {
  const a = fullQuotes('عنوان\nوصف وزير الخارجية الروسي سيرغي لافروف ادعاءات بريطانيا بتورط روسيا في تسميم الجاسوس بأنها "هراء".');
  assert.ok(
    a.some((x) => x.startsWith('وزير الخارجية الروسي سيرغي لافروف|وصف|')),
    a.join(' / '),
  );
});

test('13th session: verbal nouns of saying in construct with their speaker, then أن (إعلان X أن، تحذير X من أن)', () => {
  const a = fullQuotes(
    'عنوان\nجاء ذلك قبيل إعلان رئيس المجلس الأوروبي، دونالد تسك، أن 14 دولة أوروبية ستقوم بطرد دبلوماسيين روس. وتأتي الرسالة بعد يوم من تحذير يوكيا أمانو، رئيس الوكالة الدولية للطاقة الذرية، من أن الأنشطة النووية تنتهك القرارات.',
  );
  assert.ok(
    a.some((x) => x.startsWith('رئيس المجلس الأوروبي، دونالد تسك|إعلان|14 دولة')),
    a.join(' / '),
  );
  assert.ok(
    a.some((x) => x.startsWith('يوكيا أمانو|تحذير|الأنشطة النووية')),
    a.join(' / '),
  );
  // no أن after the speaker phrase, or a preposition or a time word on the way: no statement
  assert.deepEqual(fullQuotes('عنوان\nوجاء إعلان الاستقلال في عام 1948. وتم تأكيد الخبر.'), []);
  const b = fullQuotes('عنوان\nويأتي تحذير ترامب الصارم بعد يوم من تهديد الرئيس الإيراني بأنه سيرد.');
  assert.ok(!b.some((x) => x.includes('|تحذير|')), b.join(' / '));
});

test('13th session: adverbs before the subject, a passive "it is believed" and "وُصف بأنه", a participle of knowledge with its complement', () => {
  const a = fullQuotes('عنوان\nحيث أعلن آنذاك بوتين عقب محادثات أجراها مع نتنياهو أن سوريا لن تشن حربا ضد إسرائيل.');
  assert.ok(
    a.some((x) => x.startsWith('بوتين|أعلن|سوريا لن تشن')),
    a.join(' / '),
  );
  assert.deepEqual(fullQuotes('عنوان\nويعتقد أن السلاح الذي تطوره الصين يعتمد على الطاقة الكهرومغناطيسية.'), []);
  const b = fullQuotes('عنوان\nوقال بيسكوف إن الرد سيكون بالمثل. وغاز نوفيتشوك وصف بأنه أحد أكثر الأسلحة تعقيدا.');
  assert.equal(b.length, 1, b.join(' / '));
  // (with its object between, the describing verb speaks: "ووصف الهجوم بأنه جبان")
  const c = fullQuotes('عنوان\nوقال الوزير إن الرد سيكون بالمثل. ووصف الهجوم بأنه جبان.');
  assert.equal(c.length, 2, c.join(' / '));
  const d = fullQuotes('عنوان\nوقد أكد مسؤول أمني مطلع على قضية سرقة طائرة ركاب من مطار سياتل، أن السلطات حددت هويته.');
  assert.ok(
    d.some((x) => x.includes('|أكد|السلطات حددت هويته')),
    d.join(' / '),
  );
});

test('13th session: a verbal noun after أو or in construct after a preposition is no cue; "إلا أنه لفت" keeps the speaker', () => {
  const a = fullQuotes(
    'عنوان\nوقال موريسون إنه "لم يتم" اتخاذ قرار بعد في مسألة الاعتراف بالقدس أو نقل السفارة، إلا أنه لفت إلى أن حكومة بلاده "متفتحة" لتلك المسائل.',
  );
  assert.deepEqual(
    a.map((x) => x.split('|').slice(0, 2).join('|')),
    ['موريسون|وقال', 'موريسون|لفت'],
    a.join(' / '),
  );
  // (a pronoun's ه is no construct noun: "من جانبه قال")
  const b = fullQuotes('عنوان\nمن جانبه قال فالس في تغريدة إنها "مشينة".');
  assert.ok(
    b.some((x) => x.startsWith('فالس|قال|')),
    b.join(' / '),
  );
});

test('13th session: بالقول continues the verb’s subject, لمّح إلى أن and أنكر are cues, an attribution between dashes', () => {
  const a = fullQuotes('عنوان\nوتوجه قرقاش لمن يسعى للإساءة للسعودية بالقول إن موقع الإمارات في المعركة حصيلة التضحيات.');
  assert.ok(
    a.some((x) => x.startsWith('قرقاش|بالقول|موقع الإمارات')),
    a.join(' / '),
  );
  // (the speaker is the ambassador named between commas: since the twenty-first session the knowledge base knows him, and
  // his title is a mention of his, so the speaker text may be either)
  const bd = fullQuotesDoc('عنوان\nبل لمّح السفير الروسي في بريطانيا، أكساندر ياكوفينكو، إلى أن السلطات البريطانية تمتلك المادة.');
  const bq = (bd.quotes ?? []).find((q) => q.cue === 'لمّح' && q.text.startsWith('السلطات البريطانية'));
  const speaker = bd.entities?.find((e) => e.id === bq?.speaker);
  assert.ok(
    speaker?.mentions.some((m) => m.text === 'أكساندر ياكوفينكو'),
    JSON.stringify({ quotes: bd.quotes, speaker }),
  );
  const c = fullQuotes('عنوان\nولكن روسيا أنكرت هذه الاتهامات مرارا.');
  assert.ok(
    c.some((x) => x.startsWith('روسيا|أنكرت|هذه الاتهامات')),
    c.join(' / '),
  );
  const d = fullQuotes('عنوان\nوقد أمضت الفرق - بحسب ما ذكرته وكالة الأناضول للأنباء - 9 ساعات كاملة داخل المبنى حتى تنهي عملها.');
  assert.ok(
    d.some((x) => x.includes('|بحسب|9 ساعات كاملة')),
    d.join(' / '),
  );
});

test('13th session: a cue of its own inside what an outlet reports speaks; the outlet only relays', () => {
  const a = fullQuotes('عنوان\nوبحسب وكالة الأنباء الرسمية، فقد أكد الرئيس أن الحوار مستمر.');
  assert.deepEqual(
    a.map((x) => x.split('|').slice(0, 2).join('|')),
    ['الرئيس|أكد'],
    a.join(' / '),
  );
  const b = fullQuotes('عنوان\nأكدت مصادر ميدانية يمنية فرار العشرات من ميليشيا الحوثي، بحسب ما أوردت وكالة الأنباء الإماراتية.');
  assert.ok(b.length === 1 && b[0].startsWith('مصادر ميدانية يمنية') && b[0].includes('|أكدت|'), b.join(' / '));
  // (no speaker noun after the verb: a passive, and the outlet's attribution stands)
  const c = fullQuotes('عنوان\nواعتبرت المحاولتان المتزامنتان نوعا من التحذير للرئيس، وفق ما قال النائب أوليفييه فور.');
  assert.ok(c.length === 1 && c[0].startsWith('النائب أوليفييه فور|وفق ما|'), c.join(' / '));
  // an attribution closing a plain clause still speaks for it
  const d = fullQuotes('عنوان\nوقتل 20 شخصا في الهجوم، بحسب وكالة رويترز.');
  assert.ok(d.length === 1 && d[0].startsWith('وكالة رويترز|بحسب|وقتل 20'), d.join(' / '));
});

test('14th session: a cue waiting for a definite word (حمّل المسؤولية) also takes it in construct (موسكو مسؤولية نشر الصاروخ)', () => {
  const a = fullQuotes('عنوان\nوتحمل هولندا وأستراليا موسكو مسؤولية نشر الصاروخ الذي أسقط الطائرة.');
  assert.ok(
    a.some((x) => x.startsWith('هولندا وأستراليا|وتحمل|')),
    a.join(' / '),
  );
  // the word itself, not a longer one that merely ends the same way
  const b = fullQuotes('عنوان\nوتحمل الشاحنة مسؤولين إلى المطار.');
  assert.equal(b.length, 0, b.join(' / '));
});

test('14th session: an outlet opening the sentence after وفقا لـ speaks; a resumptive به before the speaker is no part of it', () => {
  const a = fullQuotes('عنوان\nوفقا لوسائل إعلام رسمية، فإن المناورة الضخمة تشارك فيها حاملة الطائرات لياونينغ.');
  assert.ok(
    a.some((x) => x.startsWith('وسائل إعلام رسمية|وفقا|')),
    a.join(' / '),
  );
  const b = fullQuotes(
    'عنوان\nوليس من الواضح موعد وصول الفريق، في وقت اتهم به الممثل البريطاني بالمنظمة، بيتر ويلسون، الإثنين، كلاً من السلطات الروسية والسورية بإعاقتها دخول البعثة إلى الموقع.',
  );
  assert.ok(
    b.some((x) => x.startsWith('الممثل البريطاني بالمنظمة، بيتر ويلسون|اتهم|')),
    b.join(' / '),
  );
});

test('14th session: a name opening the sentence before a long appositive clause speaks; بالبيان after a cue is no speaker', () => {
  const a = fullQuotes(
    'عنوان\nوقال الوزير إن الأمر صعب.\nجيري سميث، وهو مفتش سابق للأسلحة الكيماوية في سوريا، ومؤسس شركة "RameHead" للاستشارات الأمنية، حذّر من أن مواداً من الكلورين قد "تختفي خلال ساعات".',
  );
  assert.ok(
    a.some((x) => x.startsWith('جيري سميث|حذّر|')),
    a.join(' / '),
  );
  const b = fullQuotes('عنوان\nوقال المدير العام أحمد أوزومجو إن الفريق وصل. وذكر بالبيان بأن دائرة الأمن اتخذت الإجراءات اللازمة.');
  assert.ok(
    b.some((x) => x.startsWith('أوزومجو|وذكر|') || x.startsWith('المدير العام أحمد أوزومجو|وذكر|')),
    b.join(' / '),
  );
  assert.ok(!b.some((x) => x.startsWith('بالبيان')), b.join(' / '));
});

test('14th session: a statement with an adjective before its issuer (تقدير حديث لمنظمة)، and recognising a place is no quote', () => {
  const doc = fullQuotesDoc('عنوان\nرجحت تقدير حديث لمنظمة الأمم المتحدة أن تكون كلفة الدمار في سوريا قد بلغت 400 مليار دولار.');
  const un = (doc.entities ?? []).find((e) => e.mentions.some((m) => m.text.includes('الأمم المتحدة')));
  assert.ok(un);
  assert.ok(
    (doc.quotes ?? []).some((q) => q.speakerText.includes('الأمم المتحدة')),
    (doc.quotes ?? []).map((q) => q.speakerText).join(' / '),
  );
  const b = fullQuotes('عنوان\nواعترف ترامب بالقدس عاصمة لإسرائيل. واعترف المتهم بارتكاب الجريمة.');
  assert.deepEqual(
    b.map((x) => x.split('|')[1]),
    ['واعترف'],
    b.join(' / '),
  );
  assert.ok(b[0].startsWith('المتهم|'), b.join(' / '));
});

test('15th session: a parenthesised name between كان and the cue stays in the subject; a carried cue after قد takes the subject of the sentence before (also after كان)', () => {
  const a = fullQuotes(
    'عنوان\nونقلت وكالات أنباء روسية عن عقيد قوله إن القوات تقدمت. وكانت وكالة الأنباء السورية الرسمية (سانا) ذكرت أن القوات سيطرت على القرية.',
  );
  assert.ok(
    a.some((x) => x.startsWith('وكالة الأنباء السورية الرسمية (سانا)|ذكرت|')),
    a.join(' / '),
  );
  const b = fullQuotes(
    'عنوان\nوقالت أوماروسا نيومان إنها ستنشر كتابا. وغرد ترامب قائلا إن الجنرال كيلي قام بعمل جيد. وكانت نيومان قد سجلت سرا عدة محادثات هاتفية. وقد كشفت عن تسجيلين لوسائل الإعلام.',
  );
  assert.ok(
    b.some((x) => /\|كشفت\|/.test(x) && x.startsWith('نيومان')),
    b.join(' / '),
  );
});

test('15th session: رأى only as written; forecasts and quotas never speak; a naming head takes the name after it', () => {
  const a = fullQuotes('عنوان\nوقال نارونغساك أوسوتانامورن حاكم مقاطعة شيانغ راي الذي يدير خلية الإنقاذ "سيكون صعبا إجلاؤهم اليوم".');
  assert.ok(!a.some((x) => x.split('|')[1] === 'راي'), a.join(' / '));
  assert.ok(
    a.some((x) => x.split('|')[1] === 'وقال'),
    a.join(' / '),
  );
  const b = fullQuotes('عنوان\nورفض الحاكم التكهن بموعد إخراجهم رغم التوقعات المناخية التي تشير إلى عودة مرتقبة للأمطار الجمعة.');
  assert.ok(!b.some((x) => x.split('|')[1] === 'تشير'), b.join(' / '));
  const doc = fullQuotesDoc(
    'عنوان\nونشرت صحيفة "ديلي ميل" البريطانية، الثلاثاء، الفيديو، معتبرة أنه يعكس الأزمة الأوسع. وذكرت الصحيفة أن النهر يكشف تردي الأوضاع.',
  );
  const dm = (doc.entities ?? []).find((e) => e.mentions.some((m) => m.text === 'ديلي ميل'));
  assert.ok(dm, 'ديلي ميل is an entity');
  const qs = doc.quotes ?? [];
  assert.ok(qs.length >= 2, qs.map((q) => q.speakerText).join(' / '));
  for (const q of qs) assert.equal(q.speaker, dm!.id, `${q.speakerText}|${q.cue}`);
});

test('15th session: a spokesman speaks for his body; quoted words after a whole name are content; a counted crowd is an object', () => {
  const a = fullQuotes('عنوان\nوأدان متحدث باسم الخارجية الإيرانية الحادث.');
  assert.ok(
    a.some((x) => x.startsWith('متحدث باسم الخارجية الإيرانية|وأدان|')),
    a.join(' / '),
  );
  const b = fullQuotes('عنوان\nأدانت الأمم المتحدة "تشويه سمعة" مرشحات عراقيات للانتخابات و"ممارسة العنف" بحقهن.');
  assert.ok(
    b.some((x) => x.startsWith('الأمم المتحدة|أدانت|')),
    b.join(' / '),
  );
  const c = fullQuotes(
    'عنوان\nوفرض دوتيرتي حظرا مؤقتا على إرسال العمالة إلى الكويت. كما حث قرابة 260 ألف فلبيني يعملون بالكويت على العودة إلى بلدهم، متعهدا بتقديم مساعدات لهم.',
  );
  assert.ok(
    c.some((x) => x.startsWith('دوتيرتي|حث|')),
    c.join(' / '),
  );
  assert.ok(
    c.some((x) => x.startsWith('دوتيرتي|متعهدا|')),
    c.join(' / '),
  );
});

test('15th session: a whole organisation is no title of the person after it; a prepositional phrase is no subject; a title runs over its body', () => {
  const doc = fullQuotesDoc('عنوان\nودعت منظمة العفو الدولية بوتين إلى توضيح تصريحاته.');
  const q = (doc.quotes ?? []).find((x) => x.cue === 'ودعت');
  assert.ok(q, (doc.quotes ?? []).map((x) => x.speakerText).join(' / '));
  assert.equal(q!.speakerText, 'منظمة العفو الدولية');
  const a = fullQuotes('عنوان\nوإزاء تصريحات ترامب، أكد الأمين العام لحلف شمال الأطلسي أن دول الناتو تستطيع العمل معا.');
  assert.ok(
    a.some((x) => x.startsWith('الأمين العام لحلف شمال الأطلسي|أكد|')),
    a.join(' / '),
  );
  const b = fullQuotes(
    'عنوان\nهاجم الرئيس الأمريكي دونالد ترامب ألمانيا.\nوقال المتحدث إن الاجتماع انتهى.\nولم يقتصر "هجوم" ترامب على صفقة ألمانيا مع روسيا، لكنه عاد أيضا إلى انتقاد دول الناتو قائلا إن عليها أن تدفع أكثر.',
  );
  assert.ok(
    b.some((x) => x.startsWith('ترامب|قائلا|')),
    b.join(' / '),
  );
});

test('15th session: a relative clause on the speaker set off by commas is not the content', () => {
  const a = fullQuotes('عنوان\nهدد وزير الداخلية الإيطالي ماتيو سالفيني، الذي يرأس حزب الرابطة، بقطع تمويل بلاده عن الأمم المتحدة.');
  assert.ok(
    a.some((x) => x.split('|')[1] === 'هدد' && x.endsWith('|بقطع تمويل بلاده عن الأمم المتحدة')),
    a.join(' / '),
  );
});

test('16th session: a verb inside the content, a quoted name in the speaker, a named doer and its object, contrast clauses', () => {
  // the content's own verb is no new statement
  const a = fullQuotes('عنوان\nوقالت مصادر أمنية إن الفحص الأولي لجثمان الراهب يشير إلى أن وفاته كانت بسبب التسمم.');
  assert.ok(
    a.some((x) => x.startsWith('مصادر أمنية|وقالت|') && x.endsWith('وفاته كانت بسبب التسمم')),
    a.join(' / '),
  );
  // a short quoted name after an indefinite noun, right before the person's name, is part of the speaker
  const b = fullQuotes('عنوان\nأعلن رئيس مجلس إدارة "إير فرانس" جان مارك جاناياك الجمعة استقالته.');
  assert.ok(
    b.some((x) => x.split('|')[0].endsWith('جان مارك جاناياك') && x.split('|')[1] === 'أعلن'),
    b.join(' / '),
  );
  // a definite noun right after a named doer is the object; the participle after the comma keeps the doer
  const c = fullQuotes('عنوان\nونفت دمشق الاتهام حينها، مؤكدة أن المنشأة المستهدفة ليست سوى قاعدة عسكرية مهجورة.');
  assert.ok(
    c.some((x) => x.startsWith('دمشق|ونفت|الاتهام')),
    c.join(' / '),
  );
  assert.ok(
    c.some((x) => x.startsWith('دمشق|مؤكدة|')),
    c.join(' / '),
  );
  // "، إلا أن" opens a statement of its own; a jussive كان and a time phrase are no speakers
  const d = fullQuotes(
    'عنوان\nولم تكن إسرائيل تعترف يوما بأن طائراتها الحربية هي من نفذ الهجوم، إلا أن الولايات المتحدة أكدت منذ 2008 بأن الغارة شنتها إسرائيل.',
  );
  assert.ok(
    d.some((x) => x === 'إسرائيل|تعترف|طائراتها الحربية هي من نفذ الهجوم'),
    d.join(' / '),
  );
  assert.ok(
    d.some((x) => x.startsWith('الولايات المتحدة|أكدت|')),
    d.join(' / '),
  );
  // a statement's contents: its issuer speaks, and a verb inside them is no cue
  const e = fullQuotes('عنوان\nوتضمن بيان للشرطة أنها تدخلت بعد اتصال يتحدث عن "آلية مشبوهة في مرآب" السوبرماركت.');
  assert.ok(e.length === 1 && e[0].startsWith('الشرطة|وتضمن|'), e.join(' / '));
});

test('16th session: a withheld name, a counted participle, a verbal noun after قبل, a profile title, a relative clause in the content', () => {
  const a = fullQuotes('عنوان\nوقال مصدر أمني رفض كشف هويته إن المسلحين توغلوا في البلدة.');
  assert.ok(a.length === 1 && a[0].startsWith('مصدر أمني|وقال|'), a.join(' / '));
  const b = fullQuotes('عنوان\nوأحالت النيابة 13 متهما إلى المحاكمة بتهمة الهروب من السجن.');
  assert.ok(!b.some((x) => x.split('|')[1] === 'متهما'), b.join(' / '));
  const c = fullQuotes('عنوان\nكان الرئيس متقدما وقبل كشف هذه المسألة كان يتقدم في الاستطلاعات.');
  assert.equal(c.length, 0, c.join(' / '));
  const d = fullQuotes('الحوثيون: من جبال صعدة إلى حكم صنعاء\nنص.');
  assert.equal(d.length, 0, d.join(' / '));
  const e = fullQuotes(
    'عنوان\nوقال الأسطول الأميركي في المحيط الهادي، إن الحادث الذي وقع الأحد وأعلن عنه الثلاثاء "قد يزيد التوتر بين البلدين".',
  );
  assert.ok(e.length === 1 && e[0].endsWith('"قد يزيد التوتر بين البلدين"'), e.join(' / '));
  const f = fullQuotes(
    'عنوان\nوقال المدير العام فريديريك دابي "لقد كان لمسألة بينالا تأثير فعلي، لكنه لم يحصل تحول جذري في الرأي العام"، وتابع "رغم الضجة فإن الانتقادات باقية".',
  );
  assert.ok(
    f.some((x) => x.includes('|وقال|') && x.includes('تحول جذري')),
    f.join(' / '),
  );
});

test('16th session: the first name علي opens a speaker; a headline clause with a verb of its own is no subject', () => {
  const a = fullQuotes(
    'عنوان\nوقال علي أكبر صالحي رئيس منظمة الطاقة النووية الإيرانية، للصحفيين الثلاثاء إن الاستعدادات تجري لبناء أجهزة جديدة.',
  );
  assert.ok(
    a.some((x) => x.startsWith('علي أكبر صالحي') && x.includes('|وقال|')),
    a.join(' / '),
  );
  const b = fullQuotes('مجلس الأمن يصوت ضد مشروع قرار روسي يدين الضربات الغربية على سوريا\nنص.');
  assert.ok(!b.some((x) => x.startsWith('مجلس الأمن يصوت')), b.join(' / '));
});

test('16th session: a statement word keeps its ب; asking not to be named is no statement', () => {
  const a = fullQuotes('عنوان\nولجأت الوزارة إلى تخصيص رابط آخر لخدمة الحجاج، بحسب بيان لوزارة الحج.');
  assert.ok(!a.some((x) => x.startsWith('يان')), a.join(' / '));
  assert.ok(
    a.some((x) => x.startsWith('وزارة الحج|بحسب|')),
    a.join(' / '),
  );
  const b = fullQuotes('عنوان\nوقال الضابط إن الهجوم وقع ليلا. وطلب عدم نشر اسمه لأنه غير مخول بالحديث.');
  assert.ok(!b.some((x) => x.split('|')[1] === 'وطلب'), b.join(' / '));
});

test('16th session: a statement issued by someone names its issuer in the speaker', () => {
  const a = fullQuotes('عنوان\nوجاء في بيان صدر عن المدعي العام أن التحقيق انتهى.');
  assert.ok(
    a.some((x) => x.split('|')[0].includes('المدعي العام') && x.endsWith('|التحقيق انتهى')),
    a.join(' / '),
  );
});

test('17th session: a title before the name, a cue joined to the opening verb, كان قد before an act cue, the one held responsible', () => {
  // a title (السناتور) with a place complement then the name between commas: the name is the speaker
  const a = fullQuotes(
    'عنوان\nولم تتأكد مشاركة زوكربرغ، إلا أن السناتور الديموقراطية عن ولاية كاليفورنيا، دايان فاينستين، أعلنت لصحيفة محلية، أنه وافق مبدئيا على الحضور.',
  );
  assert.ok(
    a.some((x) => x.split('|')[0].endsWith('دايان فاينستين') && x.includes('|أعلنت|')),
    a.join(' / '),
  );
  // "إذ قال" with no subject of its own continues the subject of the sentence's opening verb
  const b = fullQuotes(
    'عنوان\nبدأ الرئيس الأميركي دونالد ترامب، الأربعاء، جولته الأوروبية بتصريحات هجومية، إذ قال في لقاء إن ألمانيا خاضعة لسيطرة روسيا بشكل كامل.',
  );
  assert.ok(
    b.some((x) => x.startsWith('الرئيس الأميركي دونالد ترامب|قال|ألمانيا خاضعة')),
    b.join(' / '),
  );
  // "وكانت قد انتقدت X": كان's pronoun (the woman of the sentence before) criticised X, not X someone
  const cDoc = fullQuotesDoc(
    'كارين كنايسل\nعملت كنايسل نائبا لرئيس الجمعية النمساوية للدراسات السياسية. وكانت قد انتقدت بشدة المستشارة الألمانية، أنغيلا ميركل، لقرارها المرحب بالمهاجرين.',
  );
  const c = (cDoc.quotes ?? []).find((q) => q.cue === 'انتقدت');
  const cName = cDoc.entities?.find((e) => e.id === c?.speaker)?.name ?? c?.speakerText ?? '';
  assert.ok(c && cName.includes('كنايسل') && c.text.includes('أنغيلا ميركل'), JSON.stringify(c));
  // "وحملت X Y مسؤولية ...": Y, the one held responsible, opens the content
  const d = fullQuotes('عنوان\nوحملت السلطات السورية القوات الأمريكية مسؤولية الغارة الجوية على القرية.');
  assert.ok(
    d.some((x) => x.startsWith('السلطات السورية|وحملت|القوات الأمريكية مسؤولية الغارة')),
    d.join(' / '),
  );
});

test('17th session: فقد after a sentence about one person; a list held responsible (كلاً من)', () => {
  const aDoc = fullQuotesDoc(
    'أردوغان\nوقال ترامب إن العلاقات سيئة. وأضاف أن تركيا أخطأت. والليرة تراجعت كثيرا هذا الأسبوع.\nولا يبدو أن أردوغان يشعر بالقلق إزاء الوضع الحالي. فقد أعلن قبل أيام أمام حشد من أنصاره "اذا كان الغرب يملك الدولار فلدينا الله".',
  );
  const a = (aDoc.quotes ?? []).find((q) => q.cue === 'أعلن');
  const aName = aDoc.entities?.find((e) => e.id === a?.speaker)?.name ?? '';
  assert.ok(a && aName.includes('أردوغان'), JSON.stringify(a));
  const b = fullQuotes('إيران\nإذ حمّل الرئيس الأمريكي دونالد ترامب كلاً من الرئيس الروسي فلاديمير بوتين وروسيا وإيران مسؤولية دعم الأسد.');
  assert.ok(
    b.some((x) => x.startsWith('الرئيس الأمريكي دونالد ترامب|حمّل|كلاً من الرئيس الروسي')),
    b.join(' / '),
  );
});

test('17th session: a topic adverb is no speaker, a preposition before a quotation opens the content, a name after a relative clause', () => {
  const a = fullQuotes(
    'عنوان\nوشكر أنطونيو تاجاني الضيف على حضوره قبل عام من الانتخابات الأوروبية. وقال بهذا الصدد "علينا أن نحمي المعطيات الشخصية للمواطنين".',
  );
  assert.ok(
    a.some((x) => x.includes('تاجاني') && x.includes('|وقال|علينا أن نحمي')),
    a.join(' / '),
  );
  const b = fullQuotes(
    'القمة\nوأكد البيان على ضرورة التوصل إلى حل سياسي للأزمة السورية.\nوطالب بتحقيق دولي مستقل "يتضمن تطبيق القانون الدولي على كل من يثبت استخدامه السلاح الكيميائي".',
  );
  assert.ok(
    b.some((x) => x.startsWith('البيان|وطالب|بتحقيق دولي مستقل')),
    b.join(' / '),
  );
  const c = fullQuotes('عنوان\nلكن صديقته التي كانت معه أثناء الرحلة، نيكولا رايت، نفت ذلك، وأكدت أن المستشفى توقف عن العلاج.');
  assert.ok(
    c.some((x) => x.startsWith('نيكولا رايت|نفت|')),
    c.join(' / '),
  );
  assert.ok(!c.some((x) => x.startsWith('معه')), c.join(' / '));
});

test('17th session: renewing a stance (جدد دعوته، جدد التأكيد على أن), insisting on a position (أصر على)', () => {
  const a = fullQuotes('عنوان\nوجدد البابا في هذه المناسبة دعوته إلى الحوار والتفاوض وتجنيب المدنيين ويلات الحرب.');
  assert.ok(
    a.some((x) => x.startsWith('البابا|وجدد|دعوته إلى الحوار')),
    a.join(' / '),
  );
  const b = fullQuotes('عنوان\nوجدد الوزير التركي مولود جاووش أوغلو التأكيد على أن العملية تستهدف الإرهابيين فقط.');
  assert.ok(
    b.some((x) => x.split('|')[0].endsWith('أوغلو') && x.endsWith('|العملية تستهدف الإرهابيين فقط')),
    b.join(' / '),
  );
  const c = fullQuotes('عنوان\nوأصر الرئيس بري خلال اللقاء على موقفه من ترسيم الحدود البحرية.');
  assert.ok(
    c.some((x) => x.startsWith('الرئيس بري|وأصر|موقفه')),
    c.join(' / '),
  );
  // renewing a contract is no statement
  assert.equal(fullQuotes('عنوان\nوجددت الحكومة عقد الشركة لعامين.').length, 0);
});

test('17th session: a cue right after the statement’s own إنه belongs to the content (قال إنه يتوقع أن)', () => {
  const a = fullQuotes('عنوان\nوقال ماكرون الأربعاء إنه يتوقع أن يقرر نظيره الأميركي الانسحاب من الاتفاق.');
  assert.ok(
    a.some((x) => x.startsWith('ماكرون|وقال|يتوقع أن يقرر')),
    a.join(' / '),
  );
  assert.ok(!a.some((x) => x.includes('|يتوقع|')), a.join(' / '));
});

test('17th session: a verbal noun of what happened opens the content of a say cue (أكد ناشطون مقتل)', () => {
  const a = fullQuotes('عنوان\nأكد ناشطون مقتل 40 عنصرا من قوات النظام خلال قصف صاروخي.');
  assert.ok(
    a.some((x) => x.startsWith('ناشطون|أكد|مقتل 40 عنصرا')),
    a.join(' / '),
  );
});

test('17th session: تابع inside a clause is "followed", a title in a body then the name between commas', () => {
  const a = fullQuotes(
    'عنوان\nوأضافت هذه النائبة التي قتل شقيقها في 1997 بعد عملية خطف تابعت إسبانيا بأجمعها وقائعها، أن هذا البيان "لا يلبي أبدا توقعاتنا".',
  );
  assert.ok(!a.some((x) => x.includes('|تابعت|') || x.startsWith('إسبانيا')), a.join(' / '));
  assert.ok(
    a.some((x) => x.includes('النائبة') && x.includes('|وأضافت|')),
    a.join(' / '),
  );
  const b = fullQuotes('عنوان\nوقال مراسل الشؤون الأمنية في بي بي سي، فرانك غاردنر، إن الهجوم كان متوقعا.');
  assert.ok(
    b.some((x) => x.split('|')[0].endsWith('فرانك غاردنر')),
    b.join(' / '),
  );
});

test('18th session: وفقاً لـ + the article opens an attribution (ووفقاً للشرطة الصومالية، فإن), not a rule or an age', () => {
  const a = fullQuotes('عنوان\nووفقاً للشرطة الصومالية، فإن 9 أفراد على الأقل قتلوا في الهجوم.');
  assert.ok(
    a.some((x) => x.startsWith('لشرطة الصومالية|') && x.endsWith('|9 أفراد على الأقل قتلوا في الهجوم')),
    a.join(' / '),
  );
  assert.deepEqual(fullQuotes('عنوان\nوفقا للعمر، يحتل الأمير المرتبة الخامسة في ترتيب العرش.'), []);
  assert.deepEqual(fullQuotes('عنوان\nووفقا للاتفاقية، فإن القوات ستنسحب من المدينة.'), []);
});

test('18th session: a claim of responsibility is what was announced (أعلنت الحركة مسؤوليتها عن الهجوم)', () => {
  const a = fullQuotes('عنوان\nوأعلنت حركة الشباب الإرهابية مسؤوليتها عن الهجوم.');
  assert.ok(
    a.some((x) => x.includes('|وأعلنت|') && x.endsWith('|مسؤوليتها عن الهجوم')),
    a.join(' / '),
  );
});

test('18th session: an apposition after the speaker is nominal (وبحسب التقرير، بدأ الحوثيون، ... opens the content at the verb)', () => {
  const a = fullQuotes('عنوان\nوبحسب التقرير، بدأ الحوثيون، من أجل زيادة الإيرادات الجمركية، في تحصيل رسوم إضافية.');
  assert.ok(
    a.some((x) => x.startsWith('التقرير|') && x.includes('|بدأ الحوثيون')),
    a.join(' / '),
  );
});

test('19th session: an act verb with its object as a pronoun before بأن (ووصفه الوزير بأنه ...), and a cue whose first letter is و (وصفها)', () => {
  const a = fullQuotes('عنوان\nووصفه وزير الخارجية بأنه رجل خطير على المنطقة.');
  assert.ok(
    a.some((x) => x === 'وزير الخارجية|ووصفه|رجل خطير على المنطقة'),
    a.join(' / '),
  );
  const b = fullQuotes('عنوان\nوصفها الرئيس بأنها خطوة تاريخية.');
  assert.ok(
    b.some((x) => x === 'الرئيس|وصفها|خطوة تاريخية'),
    b.join(' / '),
  );
  // a relative clause with no subject of its own reports no one: the statement around it stays whole
  const c = fullQuotes('عنوان\nوتقول الشرطة إن ألفي شخص قتلوا فيما وصفتها بجرائم ضد الإنسانية.');
  assert.ok(!c.some((x) => x.includes('|وصفتها|')), c.join(' / '));
  assert.ok(
    c.some((x) => x.includes('|وتقول|') && x.endsWith('بجرائم ضد الإنسانية')),
    c.join(' / '),
  );
});

test('21st session: an event named before a headline colon is a topic label, an organisation there speaks', () => {
  const title = 'الحرب في سوريا: أكثر من 200 قتيل في هجمات على السويداء';
  const misc = run('وقال المرصد إن الهجمات استهدفت المدينة.', title, (d) => [
    { id: 'e1', type: 'MISC', name: 'الحرب في سوريا', mentions: [mention(d, 'الحرب في سوريا')] },
  ]);
  assert.ok(!misc.quotes!.some((q) => q.cue === ':'), JSON.stringify(misc.quotes));
  const org = run('وقال المرصد إن الهجمات استهدفت المدينة.', 'المرصد السوري: أكثر من 200 قتيل في هجمات على السويداء', (d) => [
    { id: 'e1', type: 'ORG', name: 'المرصد السوري', mentions: [mention(d, 'المرصد السوري')] },
  ]);
  assert.ok(
    org.quotes!.some((q) => q.cue === ':' && q.speaker === 'e1'),
    JSON.stringify(org.quotes),
  );
});

test('21st session: وثّق, the plural يتوقعون and the present تعرب عن are cues', () => {
  const q = fullQuotes(
    'عنوان\nووثق المرصد السوري لحقوق الانسان مقتل 19800 طفل منذ بدء النزاع.\nبعض المراقبين يتوقعون أن تتزايد الهجمات هذا الصيف.\nوتعرب ألمانيا عن مخاوف من الحركة الداخلية.',
  );
  assert.ok(
    q.some((x) => x.startsWith('المرصد السوري لحقوق الانسان|ووثق|مقتل 19800 طفل')),
    q.join(' / '),
  );
  assert.ok(
    q.some((x) => x.startsWith('بعض المراقبين|يتوقعون|تتزايد الهجمات')),
    q.join(' / '),
  );
  assert.ok(
    q.some((x) => x.startsWith('ألمانيا|وتعرب|مخاوف من الحركة')),
    q.join(' / '),
  );
});

test('22nd session: a definite statement keeps its adjective, an indefinite one speaks for the name after it', () => {
  const sp = (body: string): string[] => (run(body).quotes ?? []).map((q) => q.speakerText);
  assert.deepEqual(sp('وأوضح التقرير السنوي لهذا العام أن عدد اللاجئين ارتفع.'), ['التقرير السنوي لهذا العام']);
  assert.deepEqual(sp('وأوضح تقرير المنظمة السنوي أن عدد اللاجئين ارتفع.'), ['المنظمة']);
  assert.deepEqual(sp('وقال البيان الختامي إن القادة اتفقوا على الخطة.'), ['البيان الختامي']);
  assert.deepEqual(sp('وقال بيان للجيش الإسرائيلي إن الطائرات قصفت الموقع.'), ['الجيش الإسرائيلي']);
});

test('22nd session: "وأفاد التقرير" keeps the statement as its speaker phrase and the previous named speaker as its speaker', () => {
  const doc = run('وقالت منظمة العفو الدولية إن السجون مكتظة. وأفاد التقرير بأن المعتقلين يتعرضون للتعذيب.', '', (d) => [
    { id: 'e1', type: 'ORG', name: 'منظمة العفو الدولية', mentions: [mention(d, 'منظمة العفو الدولية')] },
  ]);
  const q = doc.quotes!.find((x) => x.text.startsWith('المعتقلين'));
  assert.ok(q, JSON.stringify(doc.quotes));
  assert.equal(q.speakerText, 'التقرير');
  assert.equal(q.speaker, 'e1');
  assert.equal(doc.text.slice(q.speakerSpan!.start, q.speakerSpan!.end), 'التقرير');
});

test('22nd session: a title resolves to the person an earlier quote or an apposition gave it', () => {
  const a = run(
    'أعلن المتحدث باسم الفريق المشترك، المستشار منصور المنصور، أن التحقيق جار. وقال المتحدث إن الفريق سيعرض النتائج.',
    '',
    (d) => [per(d, 'منصور المنصور')],
  );
  assert.ok(
    a.quotes!.some((q) => q.speakerText === 'المتحدث' && q.speaker === 'e1'),
    JSON.stringify(a.quotes),
  );
  const b = run(
    'أعلن ستيفان دي ميستورا، مبعوث الأمين العام إلى سوريا، تنحيه. فيما يقول المبعوث الأممي إنه لا يوجد سبب للتأجيل.',
    '',
    (d) => [per(d, 'ستيفان دي ميستورا')],
  );
  assert.ok(
    b.quotes!.some((q) => q.speakerText === 'المبعوث الأممي' && q.speaker === 'e1'),
    JSON.stringify(b.quotes),
  );
  // two people with that title: no guess
  const c = run(
    'التقى ستيفان دي ميستورا، مبعوث الأمم المتحدة، جون كيري، مبعوث واشنطن. فيما يقول المبعوث الأممي إنه لا يوجد سبب للتأجيل.',
    '',
    (d) => [per(d, 'ستيفان دي ميستورا'), per(d, 'جون كيري', 'e2')],
  );
  assert.ok(
    c.quotes!.some((q) => q.speakerText === 'المبعوث الأممي' && q.speaker === null),
    JSON.stringify(c.quotes),
  );
  const d = run('وصرح وزير التعليم، نافتالي بنيت المنتمي لحزب البيت اليهودي للصحافيين، أن الأزمة زائفة.', '', (x) => [
    per(x, 'نافتالي بنيت'),
  ]);
  assert.ok(
    d.quotes!.some((q) => q.speaker === 'e1'),
    JSON.stringify(d.quotes),
  );
});

test('23rd session: a title names the person it stands next to, not one in construct with it or an organisation', () => {
  // "مبعوث الرئيس الأميركي دونالد ترامب": the name is the president, so "المبعوث" is someone else
  const a = run('التقى مبعوث الرئيس الأميركي دونالد ترامب بالمسؤولين في أنقرة. وقال المبعوث إن المحادثات كانت مثمرة.', '', (d) => [
    per(d, 'دونالد ترامب'),
  ]);
  assert.ok(
    a.quotes!.some((q) => q.speakerText === 'المبعوث' && q.speaker === null),
    JSON.stringify(a.quotes),
  );
  // the nearest title does name him
  const b = run('التقى مبعوث الرئيس الأميركي دونالد ترامب بالمسؤولين في أنقرة. وقال الرئيس إن المحادثات كانت مثمرة.', '', (d) => [
    per(d, 'دونالد ترامب'),
  ]);
  assert.ok(
    b.quotes!.some((q) => q.speakerText === 'الرئيس' && q.speaker === 'e1'),
    JSON.stringify(b.quotes),
  );
  // (an organisation word before a masdar, "وأدانت المنظمة اعتقال الصحفي أحمد منصور", is nobody's title: the
  // full-pipeline test of the indefinite noun after a definite subject above)
});

test('23rd session: an attribution between commas inside a clause covers the whole clause, not a new clause after it', () => {
  const a = run('كما أعدت بريطانيا، بحسب دبلوماسيين، مسودة القرار بالتشاور مع الولايات المتحدة وفرنسا قبل طرحها على المجلس.');
  const qa = a.quotes!.find((q) => q.cue === 'بحسب');
  assert.ok(qa?.text.startsWith('كما أعدت بريطانيا') && qa.text.includes('مسودة القرار'), JSON.stringify(a.quotes));
  // a new clause after the closing comma is not what was attributed
  const b = run('بدأت روسيا تدريبات عسكرية واسعة في الشرق، الثلاثاء، وفقا لوزارة الدفاع الروسية، حيث ستستمر تلك الفعاليات أسبوعا.');
  const qb = b.quotes!.find((q) => q.cue === 'وفقا');
  assert.ok(qb && !qb.text.includes('حيث'), JSON.stringify(b.quotes));
  // nor a short tail after a long clause
  const c = run('وصل الوفد إلى العاصمة بعد رحلة طويلة استمرت يومين كاملين، بحسب مصادر، أمس.');
  const qc = c.quotes!.find((q) => q.cue === 'بحسب');
  assert.ok(qc && !qc.text.includes('أمس'), JSON.stringify(c.quotes));
});

test('23rd session: a teaser after a reading pointer keeps its own colon attribution', () => {
  const doc = run(
    'وكانت الضربات قد استهدفت العاصمة.\nاقرأ أيضا: ترامب: قرارنا بشأن سوريا سيصدر قريبا جدا\nوقال المسؤول إن القرار نهائي.',
    '',
    (d) => [per(d, 'دونالد ترامب', 'e1', 'ترامب')],
  );
  assert.ok(
    doc.quotes!.some((q) => q.cue === ':' && q.speaker === 'e1' && q.text.startsWith('قرارنا')),
    JSON.stringify(doc.quotes),
  );
  // the pointer alone is no speaker
  assert.ok(!doc.quotes!.some((q) => q.speakerText.includes('اقرأ')), JSON.stringify(doc.quotes));
});

test('23rd session: the date of a statement before its content is not part of the quote', () => {
  const full = Pipeline.create({ stages: ['morph', 'ner', 'entities', 'time', 'quotes'] });
  const qs =
    full.run(
      readArticle('أعلن رئيس غامبيا أداما بارو، الأحد، وقف عقوبة الإعدام في البلاد. وأعلن الوزير الأربعاء انسحاب بلاده من المعاهدة.'),
    ).quotes ?? [];
  assert.ok(
    qs.some((q) => q.text === 'وقف عقوبة الإعدام في البلاد'),
    JSON.stringify(qs),
  );
  assert.ok(
    qs.some((q) => q.text === 'انسحاب بلاده من المعاهدة'),
    JSON.stringify(qs),
  );
  // a date with a single word after it is the content itself
  const b = full.run(readArticle('وحدد الرئيس موعد الانتخابات. وقال الوزير إن الأحد موعدنا.')).quotes ?? [];
  assert.ok(
    b.some((q) => q.text.includes('الأحد')),
    JSON.stringify(b),
  );
});

test('23rd session: "، كما قال X إن" after an act cue with its content is X speaking, not a relay of the first speaker', () => {
  const doc = run(
    'وطالبت الدول الثلاث بسرعة التصويت على القرار دون تأجيل، كما قال المبعوث الأممي لسوريا ستيفان دي ميستورا إن أي قرار يجب أن يتضمن حرية الدخول.',
    '',
    (d) => [per(d, 'ستيفان دي ميستورا')],
  );
  assert.ok(
    doc.quotes!.some((q) => q.speaker === 'e1' && q.text.startsWith('أي قرار')),
    JSON.stringify(doc.quotes),
  );
  // a relay between a speaker and its content stays a relay
  const b = run('وقال الأسد، بحسب وكالة سانا، إن الحرب انتهت.');
  assert.ok(
    b.quotes!.some((q) => q.speakerText === 'الأسد' && q.text === 'الحرب انتهت'),
    JSON.stringify(b.quotes),
  );
});

test('24th session: a demonstrative before a definite noun opens the object, not the speaker phrase', () => {
  const qs = fullQuotes;
  const a = qs('وقال الأمين العام إنه لن يستقيل. وتنفي الشركة هذه الاتهامات.');
  assert.ok(
    a.some((x) => x.startsWith('الشركة|وتنفي|هذه الاتهامات')),
    a.join(' / '),
  );
  // (opening the phrase it is the speaker's: "وقالت هذه المصادر")
  const b = qs('وقالت هذه المصادر إن الهجوم وقع ليلا.');
  assert.ok(
    b.some((x) => x.startsWith('هذه المصادر|وقالت|الهجوم')),
    b.join(' / '),
  );
});

test('24th session: dual heads open a speaker phrase (الشركتان، الوزيران); a masculine accusative (رئيسا) does not', () => {
  const heads = loadCues().speakerHeads;
  for (const h of ['شركتان', 'شركتين', 'شركتا', 'وزيران', 'وزيرين']) assert.ok(heads.has(h), h);
  for (const h of ['وزيرا', 'مسؤولا', 'رئيسا']) assert.ok(!heads.has(h), h);
  const a = fullQuotes('ونفت الشركتان مخالفة القانون. وقال الوزيران إن المحادثات كانت مثمرة.');
  assert.ok(
    a.some((x) => x.startsWith('الشركتان|ونفت|مخالفة القانون')),
    a.join(' / '),
  );
  assert.ok(
    a.some((x) => x.startsWith('الوزيران|وقال|المحادثات')),
    a.join(' / '),
  );
});

test('24th session: an accusing cue with a person then the charge (واتهم ترامب بالكذب) has the person as the accused', () => {
  const a = fullQuotes('وقال الأدميرال المتقاعد إن برينان نزيه. واتهم ترامب باستخدام "تكتيكات حقبة المكارثية".');
  assert.ok(
    a.some((x) => x.startsWith('الأدميرال|واتهم|ترامب باستخدام')),
    a.join(' / '),
  );
  // (a person, then the one accused: the person accuses)
  const b = fullQuotes('وقال المتحدث إن الوضع خطير. واتهم ترامب الصين بسرقة التكنولوجيا.');
  assert.ok(
    b.some((x) => x.startsWith('ترامب|واتهم|الصين بسرقة')),
    b.join(' / '),
  );
});

test('25th session: a straight quotation mark after a colon opens a quote, so one left unclosed before it ends there', () => {
  const a = fullQuotes(
    'وأضاف الحوثي: "قادمون للعام الرابع بطائراتنا المسيرة. وتابع بالقول: "لولا الإدارة الأمريكية ما كان للنظام أن يتجرأ"، وفقا لموقع "أنصار الله". من جانبه، قال أنور قرقاش في تغريدة إن "الحوثي يهدد بالصواريخ".',
  );
  assert.ok(
    a.some((x) => x.startsWith('الحوثي|وتابع|لولا الإدارة')),
    a.join(' / '),
  );
  assert.ok(
    a.some((x) => x.startsWith('أنور قرقاش|قال|الحوثي يهدد')),
    a.join(' / '),
  );
});

test('25th session: a feminine cue takes no masculine title for its subject (واعتبرت السفير الكندي …)', () => {
  const a = fullQuotes('وقالت الخارجية السعودية إنها ترفض التدخل. واعتبرت السفير الكندي "شخصا غير مرغوب فيه" وطلبت منه مغادرة البلاد.');
  assert.ok(
    a.some((x) => x.startsWith('الخارجية السعودية|واعتبرت|')),
    a.join(' / '),
  );
  // (a feminine title after a feminine cue is its subject)
  const b = fullQuotes('وقالت الوزارة إنها ترفض القرار. وأكدت الوزيرة أن القرار خاطئ.');
  assert.ok(
    b.some((x) => x.startsWith('الوزيرة|وأكدت|')),
    b.join(' / '),
  );
});

test('25th session: after a name in apposition between commas, a verbal noun with بـ opens a cue’s content', () => {
  const a = fullQuotes('أقر الرئيس التركي، رجب طيب أردوغان، بفقدان مئات المقاتلين في عملية عفرين.');
  assert.ok(
    a.some((x) => x.includes('|أقر|بفقدان مئات المقاتلين')),
    a.join(' / '),
  );
});

test('26th session: a straight quotation mark left open runs to the end of its paragraph, one quote per sentence', () => {
  const a = fullQuotes(
    'عنوان\nوتضيف نيكي فوكس "سنسمع أيضا موجات البلازما التي تنتقل في الفضاء عندما تتحرك الجزيئات. حين يقترب المسبار من الشمس ستكون سرعته عالية جدا.\nوقال مسؤول آخر إن المهمة ناجحة.',
  );
  assert.ok(a.includes('نيكي فوكس|وتضيف|سنسمع أيضا موجات البلازما التي تنتقل في الفضاء عندما تتحرك الجزيئات'), a.join(' / '));
  assert.ok(a.includes('نيكي فوكس|وتضيف|حين يقترب المسبار من الشمس ستكون سرعته عالية جدا'), a.join(' / '));
  // (a paragraph that does not end with a full stop gives no quote: the mark may be a stray one)
  const b = fullQuotes('عنوان\nوتضيف نيكي فوكس "سنسمع أيضا موجات البلازما التي تنتقل في الفضاء\nوقال مسؤول آخر إن المهمة ناجحة.');
  assert.ok(!b.some((x) => x.startsWith('نيكي فوكس|')), b.join(' / '));
});

test('26th session: ascribed words (نسب إلى X قوله), أبدى, stance nouns in construct with بلاده', () => {
  const a = fullQuotes('ونسبت وسائل الإعلام إلى المتحدث قوله، إن الضربات وقعت في بلدة الهرى.');
  assert.ok(a.includes('المتحدث|ونسبت|الضربات وقعت في بلدة الهرى'), a.join(' / '));
  const b = fullQuotes('أبدت الولايات المتحدة شكوكا قوية إزاء سعي روسيا للحصول على أسلحة فضائية.');
  assert.ok(b.includes('الولايات المتحدة|أبدت|شكوكا قوية إزاء سعي روسيا للحصول على أسلحة فضائية'), b.join(' / '));
  const c = fullQuotes('روحاني يؤكد التزام بلاده بالاتفاق النووي\nوأكد وزير الخارجية الأردني أيمن الصفدي وقوف بلاده مع الكنائس في القدس.');
  assert.ok(c.includes('روحاني|يؤكد|التزام بلاده بالاتفاق النووي'), c.join(' / '));
  assert.ok(
    c.some((x) => x.endsWith('|وأكد|وقوف بلاده مع الكنائس في القدس') && x.includes('أيمن الصفدي')),
    c.join(' / '),
  );
  // (حسبما أكد X: the content is the clause before)
  const d = fullQuotes('سيودع رفات سيمون فاي البانتيون في الأول من تموز، حسبما أكد الإليزيه الاثنين.');
  assert.ok(
    d.some((x) => x.startsWith('الإليزيه|حسبما أكد|سيودع')),
    d.join(' / '),
  );
});

test('26th session: the speaker of an object cue ends before a second name, or before بذلك', () => {
  const a = fullQuotes('واتهم الرئيس الأمريكي دونالد ترامب إيران "بنشر الفوضى" في المنطقة.');
  assert.ok(
    a.some((x) => x.startsWith('الرئيس الأمريكي دونالد ترامب|واتهم|')),
    a.join(' / '),
  );
  const b = fullQuotes('عنوان\nوتؤكد المصادر بذلك نبأ نشرته صحيفة "لوموند".');
  assert.ok(
    b.some((x) => x.startsWith('المصادر|وتؤكد|')),
    b.join(' / '),
  );
});

test('26th session: the one warned or called on is part of what is said; a noun cue closed by أن after بعد; نشوب opens the content', () => {
  const a = fullQuotes('الكرملين يحذر الروس المسافرين لبريطانيا من الاستفزازات\nودعا الرئيس الأطراف إلى الحوار.');
  assert.ok(a.includes('الكرملين|يحذر|الروس المسافرين لبريطانيا من الاستفزازات'), a.join(' / '));
  assert.ok(a.includes('الرئيس|ودعا|الأطراف إلى الحوار'), a.join(' / '));
  const b = fullQuotes('عنوان\nوجاء ذلك بعد إعلان وزارة الدفاع الروسية أنها نجحت في اختبار أحد الصواريخ.');
  assert.ok(b.includes('وزارة الدفاع الروسية|إعلان|نجحت في اختبار أحد الصواريخ'), b.join(' / '));
  const c = fullQuotes('عنوان\nوكان مصدر أمني قد أكد نشوب حريق جديد في مبنى المحافظة.');
  assert.ok(c.includes('مصدر أمني|أكد|نشوب حريق جديد في مبنى المحافظة'), c.join(' / '));
  const d = fullQuotes('ترامب يأمر بتشكيل قوة فضائية للجيش\nوقال البيت الأبيض إن القرار نهائي.');
  assert.ok(d.includes('ترامب|يأمر|بتشكيل قوة فضائية للجيش'), d.join(' / '));
});

test('27th session: اعتبر with its object as a pronoun — its subject, or the sentence’s actor, holds the view', () => {
  const a = fullQuotesRules('عنوان\nوأدى النزاع إلى مقتل الآلاف في ظل أزمة إنسانية تعتبرها الأمم المتحدة الأسوأ في العالم حاليا.');
  assert.ok(a.includes('الأمم المتحدة|تعتبرها|الأسوأ في العالم حاليا'), a.join(' / '));
  const b = fullQuotesRules('عنوان\nوتسبب ذلك في موجة غضب على السلطات، بسبب ما يعتبره البعض فشلا في صيانة أنظمة الصرف.');
  assert.ok(b.includes('البعض|يعتبره|فشلا في صيانة أنظمة الصرف'), b.join(' / '));
  const c = fullQuotesRules('عنوان\nعقدت جامعة الدول العربية اجتماعا طارئا، عقب ما اعتبرته اعتداء قامت به قوات الاحتلال.');
  assert.ok(c.includes('جامعة الدول العربية|اعتبرته|اعتداء قامت به قوات الاحتلال'), c.join(' / '));
  // names joined to the subject speak with it; the content starts after them
  const d = fullQuotesRules(
    'عنوان\nوكان برونسون مرتبطا بحزب العمال الكردستاني الذي تعتبره أنقرة وكذلك واشنطن والاتحاد الأوروبي تنظيما إرهابيا.',
  );
  assert.ok(
    d.some((x) => /\|تعتبره\|تنظيما إرهابيا$/.test(x)),
    d.join(' / '),
  );
  // a verb with no pronoun is no such cue
  const e = fullQuotesRules('عنوان\nويعتبر المسجد من أقدم المساجد في المدينة.');
  assert.deepEqual(e, []);
});

test('27th session: a clause before a closing attribution opens with a `need` cue only when the word it needs follows', () => {
  const a = fullQuotesRules('عنوان\nألقت الشرطة المصرية القبض على عدد من الأشخاص، حسبما أعلن المجلس القومي للأمومة والطفولة.');
  assert.ok(
    a.some((x) => x.startsWith('المجلس القومي') && x.includes('|حسبما أعلن|ألقت الشرطة المصرية القبض')),
    a.join(' / '),
  );
  assert.ok(!a.some((x) => x.includes('|ألقت|')), a.join(' / '));
});

test('27th session: the bare اعتبر without أن — a name or group after it, or a name right before a perfect, holds the view', () => {
  const a = fullQuotesRules('عنوان\nواعتذرت الفلبين عن الإجراءات. لكن الكويت اعتبرت تهريب السفارة للخادمات انتهاكا لسيادتها.');
  assert.ok(a.includes('الكويت|اعتبرت|تهريب السفارة للخادمات انتهاكا لسيادتها'), a.join(' / '));
  const b = fullQuotesRules('عنوان\nويعتبر الفلسطينيون عهد التميمي رمزا لمقاومة الاحتلال.');
  assert.ok(b.includes('الفلسطينيون|ويعتبر|عهد التميمي رمزا لمقاومة الاحتلال'), b.join(' / '));
  // a subject before the verb, not the name after it (its object)
  const c = fullQuotesRules('عنوان\nوكانت الصحيفة اعتبرت تيلرسون فاشلا في إدارة الخارجية.');
  assert.ok(
    c.some((x) => x.startsWith('الصحيفة|اعتبرت|تيلرسون')),
    c.join(' / '),
  );
  // "is considered": no one holds the view
  assert.deepEqual(fullQuotesRules('عنوان\nويعتبر هذا الهجوم الأكثر دموية منذ عامين.'), []);
  assert.deepEqual(fullQuotesRules('عنوان\nوتعتبر باكستان من الاقتصادات النامية في العالم.'), []);
});

test('27th session: إعلانه أن — the noun إعلان with a pronoun speaker and أن; not in construct with an object', () => {
  const a = fullQuotesRules('عنوان\nوأرجأ ترامب القمة، وذلك بعد أيام على إعلانه أن القمة قد لا تعقد في هذا الموعد.');
  assert.ok(
    a.some((x) => x.endsWith('|إعلانه|القمة قد لا تعقد في هذا الموعد')),
    a.join(' / '),
  );
  const b = fullQuotesRules('عنوان\nوجاء ذلك بعد إعلان سعد الحريري استقالته من منصبه.');
  assert.ok(!b.some((x) => x.includes('|إعلان|')), b.join(' / '));
});

test('29th session: a say cue after a relative pronoun with an indefinite speaker after it — they speak, not the antecedent', () => {
  const a = fullQuotesRules('عنوان\nوأثار الهجوم، الذي يقول محللون إنه سيكون أكبر معركة في الحرب، مخاوف كبيرة.');
  assert.ok(
    a.some((x) => x.startsWith('محللون|يقول|')),
    a.join(' / '),
  );
  // an accusing cue: the word after it is the one accused, and the antecedent accuses
  const b = fullQuotesRules('عنوان\nوتحدثت المرأة التي تتهم مرشحه بالاعتداء عليها أمام اللجنة.');
  assert.ok(!b.some((x) => x.startsWith('مرشحه|')), b.join(' / '));
});

test('29th session: an attribution followed by a long quotation quotes it, and the quotation ends the speaker phrase', () => {
  const a = fullQuotesRules('عنوان\nتكتب صحيفة "العرب" ووفقا لمصادر غربية "توتر ينذر بحرب شرق أوسطية إذا لم تنسحب إيران من سوريا".');
  assert.ok(a.includes('مصادر غربية|ووفقا|توتر ينذر بحرب شرق أوسطية إذا لم تنسحب إيران من سوريا'), a.join(' / '));
  // a quoted name stays in the phrase
  const b = fullQuotesRules('عنوان\nوقال المتحدث باسم "المرصد السوري" إن القصف مستمر.');
  assert.ok(
    b.some((x) => x.startsWith('المتحدث باسم') && x.endsWith('|القصف مستمر')),
    b.join(' / '),
  );
});

test('29th session: an adverbial opener is no subject, and a statement issued by "him" is the previous speaker’s', () => {
  const a = fullQuotesRules('عنوان\nوتزامنا مع تصريحات الجنرال نيكولسن، أعلنت القوات الأمريكية مقتل أكثر من 50 قياديا في حركة طالبان.');
  assert.ok(
    a.some((x) => x.startsWith('القوات الأمريكية|أعلنت|')),
    a.join(' / '),
  );
  const b = fullQuotesRules('عنوان\nوقال معهد نايت إن القرار مهم. وأضاف بيان صادر عنه بالقول: "أسعدنا هذا القرار".');
  assert.ok(b.includes('معهد نايت|وأضاف|أسعدنا هذا القرار'), b.join(' / '));
});

test('29th session: "سي إن إن" is CNN, not a complementiser; the latest toll is a statement of its issuer; بالإجماع is manner', () => {
  const a = fullQuotesRules('عنوان\nونقلت قناة سي إن إن أيضا أن الوثائق تحذر من خطر كبير.');
  assert.ok(a.includes('قناة سي إن إن|ونقلت|الوثائق تحذر من خطر كبير'), a.join(' / '));
  // "لبي بي سي إن": the BBC, then the complementiser
  const b = fullQuotesRules('عنوان\nوقال المسؤول لبي بي سي إن الوثائق تحذر من خطر كبير.');
  assert.ok(b.includes('المسؤول|وقال|الوثائق تحذر من خطر كبير'), b.join(' / '));
  const c = fullQuotesRules('عنوان\nوارتفع عدد الضحايا إلى 387، وفق آخر حصيلة أعلنتها السلطات.');
  assert.ok(
    c.some((x) => x.startsWith('السلطات|وفق|')),
    c.join(' / '),
  );
  const d = fullQuotesRules('عنوان\nوأكد البرلمان الجزائري بالإجماع أن القانون مهم.');
  assert.ok(d.includes('البرلمان الجزائري|وأكد|القانون مهم'), d.join(' / '));
});

test('29th session: a legislature that أقر a text votes, it makes no statement; with أن it admits', () => {
  assert.deepEqual(fullQuotesRules('عنوان\nوأقر البرلمان الجزائري بالإجماع مشروع القانون.'), []);
  const a = fullQuotesRules('عنوان\nوأقر مجلس النواب بأن القانون يحتاج إلى تعديل.');
  assert.ok(a.includes('مجلس النواب|وأقر|القانون يحتاج إلى تعديل'), a.join(' / '));
  const b = fullQuotesRules('عنوان\nوأقر غريفيث بإخفاق مباحثات جنيف.');
  assert.ok(
    b.some((x) => x.startsWith('غريفيث|وأقر|')),
    b.join(' / '),
  );
});
