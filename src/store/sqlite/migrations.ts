/**
 * SQLite schema, as numbered migration steps. A step is never edited once
 * released: add a new one. `schema_version` records every step applied.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const SQLITE_MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'articles, entities, mentions, quotes, events, times, stories, full-text index',
    sql: `
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  ext_id TEXT NOT NULL,
  url TEXT,
  source TEXT,
  published TEXT,
  pub_date TEXT,
  title TEXT NOT NULL,
  body_start INTEGER NOT NULL,
  body_end INTEGER NOT NULL,
  topic TEXT,
  duplicate_of INTEGER,
  similarity REAL,
  story_id INTEGER,
  keyterms TEXT,
  ingested_at TEXT NOT NULL
);
-- The wide columns live apart, so that joins and filters over articles stay fast.
CREATE TABLE article_texts (
  id INTEGER PRIMARY KEY,
  text TEXT NOT NULL,
  analysis TEXT NOT NULL,
  meta TEXT
);
CREATE TABLE signatures (
  id INTEGER PRIMARY KEY,
  minhash BLOB NOT NULL
);
CREATE INDEX articles_ext_id ON articles(ext_id);
CREATE INDEX articles_source ON articles(source COLLATE NOCASE);
CREATE INDEX articles_pub_date ON articles(pub_date);
CREATE INDEX articles_topic ON articles(topic);
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of);

CREATE TABLE entities (
  id INTEGER PRIMARY KEY,
  ekey TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL,
  name TEXT NOT NULL,
  match TEXT NOT NULL,
  terms TEXT NOT NULL,
  name_en TEXT,
  kb_id TEXT,
  country TEXT,
  role TEXT
);
CREATE INDEX entities_match ON entities(match);
CREATE INDEX entities_terms ON entities(terms);
CREATE INDEX entities_kb_id ON entities(kb_id);
CREATE INDEX entities_name_en ON entities(name_en COLLATE NOCASE);

CREATE TABLE article_entities (
  article_id INTEGER NOT NULL,
  local_id TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  mentions INTEGER NOT NULL,
  PRIMARY KEY (article_id, local_id)
);
CREATE INDEX article_entities_entity ON article_entities(entity_id, article_id);

CREATE TABLE mentions (
  article_id INTEGER NOT NULL,
  entity_id INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  via TEXT
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE quotes (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL,
  speaker_entity_id INTEGER,
  speaker_text TEXT NOT NULL,
  cue TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  direct INTEGER NOT NULL
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker_entity_id);

CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL,
  type TEXT NOT NULL,
  source_entity_id INTEGER,
  source_name TEXT,
  source_match TEXT,
  source_country TEXT,
  source_role TEXT,
  target_entity_id INTEGER,
  target_name TEXT,
  target_match TEXT,
  target_country TEXT,
  target_role TEXT,
  trigger TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  location TEXT,
  location_country TEXT,
  date TEXT
);
CREATE INDEX events_article ON events(article_id);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_source ON events(source_entity_id);
CREATE INDEX events_target ON events(target_entity_id);

CREATE TABLE times (
  article_id INTEGER NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  value TEXT,
  type TEXT NOT NULL
);
CREATE INDEX times_article ON times(article_id);

CREATE TABLE stories (
  id INTEGER PRIMARY KEY,
  first_published TEXT,
  last_published TEXT,
  size INTEGER NOT NULL,
  label TEXT NOT NULL,
  centroid TEXT NOT NULL
);

-- First copies in fts, near-duplicates in fts_dup: the default search (duplicates hidden) ranks without any join.
CREATE VIRTUAL TABLE fts USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
CREATE VIRTUAL TABLE fts_dup USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');
`,
  },
  {
    version: 2,
    description: 'events: how an event was found (null: the trigger rules; model: the learned actor-event layer) and its probability',
    sql: `
ALTER TABLE events ADD COLUMN via TEXT;
ALTER TABLE events ADD COLUMN score REAL;
`,
  },
];
