/**
 * The document model. An `Article` is what a reader produces from an input;
 * a `Doc` is the article plus the annotation layers that pipeline stages add.
 *
 * Offsets are sacred: every `start`/`end` below is a UTF-16 code-unit offset
 * into `Doc.text` (the original text, exactly as read), half-open [start, end).
 */

/** A half-open range [start, end) of `Doc.text`. */
export interface Span {
  start: number;
  end: number;
}

/** The parts of an article a reader recognises. Text fields are the exact slices of `text` at `spans`. */
export interface Article {
  /** The input's id, or the file name for a plain-text file. */
  id: string;
  url?: string;
  /** The outlet (e.g. "BBC Arabic"), from metadata. */
  source?: string;
  /** Publication date/time as ISO 8601 (`2013-06-12` or `2013-06-12T10:00:00Z`) where known. */
  published?: string;
  headline: string;
  /** "دمشق-سانا", "بغداد (رويترز) -" — where and by whom, at the start of the body. */
  dateline?: string;
  /** The body text that later stages analyse (dateline and credit excluded). */
  body: string;
  /** The source credit at the end: "(رويترز)", "المصدر: الجزيرة", "أ ف ب". */
  credit?: string;
  /** Place named in the dateline ("دمشق"). */
  datelinePlace?: string;
  /** Agency named in the dateline or credit ("سانا", "رويترز"). */
  agency?: string;
  /** The original text every offset points into. */
  text: string;
  spans: {
    headline?: Span;
    dateline?: Span;
    body: Span;
    credit?: Span;
  };
  /** Any other input fields (category, author, abstract...), kept verbatim. */
  meta?: Record<string, unknown>;
}

/** Which part of the article a sentence comes from. Only these zones are analysed. */
export type Zone = 'headline' | 'body';

export type TokenKind =
  | 'word' // Arabic-script word
  | 'latin' // Latin-script word
  | 'number' // 12, ١٢٫٥, 3,000, 1.5
  | 'percent' // 15%, ٪١٥
  | 'date' // 20/2/2014, 2014-02-20
  | 'time' // 10:30
  | 'url'
  | 'email'
  | 'hashtag'
  | 'mention'
  | 'punct'
  | 'symbol';

export interface Token extends Span {
  /** Exact original slice `Doc.text.slice(start, end)`. */
  text: string;
  kind: TokenKind;
  /** Matching form: diacritics/tatweel removed, alef/ya/ta-marbuta folded, digits ASCII, elongation shortened. */
  norm: string;
  /** Numeric value for number/percent tokens. */
  value?: number;
  /** Index of the sentence that holds the token. */
  sentence: number;
}

export interface Sentence extends Span {
  zone: Zone;
  /** Token index range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
}

/**
 * A syntactic word from clitic segmentation (و+ب+الأسلحة). Several words may
 * share one surface token; their spans are the part of the token they come
 * from (a restored letter has the span of the letters it replaces).
 */
export interface Word extends Span {
  /** Index into `Doc.tokens`. */
  token: number;
  /** Syntactic-word form, PADT orthography (e.g. "الأسلحة" inside "للأسلحة"). */
  form: string;
  /** Universal POS tag. */
  upos?: string;
  /** Light stem for search and matching. */
  stem?: string;
}

export type EntityType = 'PER' | 'LOC' | 'ORG' | 'MISC';

export interface Mention extends Span {
  text: string;
  /** How the mention was found: 'ner', 'gazetteer', 'alias', 'title', 'coref'... */
  via?: string;
}

/** A name found by the NER tagger before linking (stage `ner`); whole tokens, clitics included. */
export interface NameSpan extends Span {
  /** Exact slice `Doc.text.slice(start, end)`. */
  text: string;
  type: EntityType;
  /** Token index range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
}

export interface Entity {
  /** In-document id: "e1", "e2"... */
  id: string;
  type: EntityType;
  /** Arabic canonical name. */
  name: string;
  nameEn?: string;
  /**
   * 'parts' when `nameEn` was not in the KB but composed from the English spellings the KB gives the name's words
   * (a person with no entry of their own); absent when it comes from a KB entry.
   */
  nameEnFrom?: 'parts';
  kbId?: string;
  /** Title of the English Wikipedia article about the KB entry, where the KB knows it. */
  wikipedia?: string;
  /** ISO 3166-1 alpha-3 country code where known. */
  country?: string;
  /** Actor role where known (GOV, MIL, REB, ...). */
  role?: string;
  mentions: Mention[];
}

export interface Quote extends Span {
  /** Entity id of the speaker, or null when the speaker is not an entity. */
  speaker: string | null;
  speakerText: string;
  cue: string;
  /** Exact slice `Doc.text.slice(start, end)`. */
  text: string;
  direct: boolean;
  /** Where `speakerText` is in `Doc.text` (absent when the speaker is carried over from an earlier statement). */
  speakerSpan?: Span;
}

export interface Actor {
  entity?: string;
  name?: string;
  country?: string;
  role?: string;
  /** The country was not stated with the actor but taken from the context (the event's place or the article's country). */
  countryInferred?: boolean;
}

export interface TimeExpr extends Span {
  text: string;
  /** TIMEX3-like value: "2013-06", "2013-06-11", "P1W", "PRESENT_REF"... */
  value?: string;
  type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
}

export interface Event extends Span {
  /** PLOVER type in capitals: ASSAULT, PROTEST, CONSULT... */
  type: string;
  source: Actor | null;
  target: Actor | null;
  trigger: string;
  /** Index of the sentence in `Doc.sentences`. */
  sentence: number;
  location?: { name: string; entity?: string; country?: string } | null;
  date?: string | null;
  /** Absent for events of the trigger rules; `model` for one added by the learned actor-event layer. */
  via?: 'model';
  /** With `via: model`: the layer's probability for the event. */
  score?: number;
}

export interface Topic {
  label: string;
  score?: number;
}

export interface Keyword {
  text: string;
  score: number;
}

/** Layers a Doc can carry; a stage adds one (or a few tightly coupled ones). */
export interface Doc {
  id: string;
  article: Article;
  /** Original text; all offsets point here. Same as `article.text`. */
  text: string;
  sentences: Sentence[];
  tokens: Token[];
  words?: Word[];
  /** Names found by the NER tagger (stage `ner`), in text order; `entities` links and groups them. */
  names?: NameSpan[];
  entities?: Entity[];
  quotes?: Quote[];
  times?: TimeExpr[];
  events?: Event[];
  topic?: Topic;
  keywords?: Keyword[];
  /** Extractive summary: indices of the chosen sentences, in text order. */
  summary?: number[];
  /** Names of the stages that ran, in order, with their durations in ms. */
  stages: { name: string; ms: number }[];
  /** Non-fatal problems found while reading or analysing. */
  warnings?: string[];
}
