/**
 * PostgreSQL schema, as numbered migration steps (same tables as SQLite).
 * Full text: a tsvector built with the `simple` configuration from the same
 * pre-analysed term strings as SQLite's FTS5 (title weight A, body weight D).
 */
import type { Migration } from '../sqlite/migrations.ts';

export const POSTGRES_MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'articles, entities, mentions, quotes, events, times, stories, full-text index',
    sql: `
CREATE TABLE articles (
  id BIGINT PRIMARY KEY,
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
  duplicate_of BIGINT,
  similarity REAL,
  story_id BIGINT,
  keyterms TEXT,
  ingested_at TIMESTAMPTZ NOT NULL,
  tsv TSVECTOR NOT NULL
);
-- The wide columns live apart, so that searches and filters scan narrow rows.
CREATE TABLE article_texts (
  id BIGINT PRIMARY KEY,
  text TEXT NOT NULL,
  analysis JSONB NOT NULL,
  meta JSONB,
  minhash BYTEA
);
CREATE INDEX articles_tsv ON articles USING GIN (tsv);
CREATE INDEX articles_ext_id ON articles(ext_id);
CREATE INDEX articles_source ON articles(lower(source));
CREATE INDEX articles_pub_date ON articles(pub_date);
CREATE INDEX articles_topic ON articles(lower(topic));
CREATE INDEX articles_story ON articles(story_id);
CREATE INDEX articles_duplicate_of ON articles(duplicate_of);

CREATE TABLE entities (
  id BIGSERIAL PRIMARY KEY,
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
CREATE INDEX entities_name_en ON entities(lower(name_en));

CREATE TABLE article_entities (
  article_id BIGINT NOT NULL,
  local_id TEXT NOT NULL,
  entity_id BIGINT NOT NULL,
  mentions INTEGER NOT NULL,
  PRIMARY KEY (article_id, local_id)
);
CREATE INDEX article_entities_entity ON article_entities(entity_id, article_id);

CREATE TABLE mentions (
  article_id BIGINT NOT NULL,
  entity_id BIGINT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  via TEXT
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE quotes (
  id BIGSERIAL PRIMARY KEY,
  article_id BIGINT NOT NULL,
  speaker_entity_id BIGINT,
  speaker_text TEXT NOT NULL,
  cue TEXT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  direct BOOLEAN NOT NULL
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker ON quotes(speaker_entity_id);

CREATE TABLE events (
  id BIGSERIAL PRIMARY KEY,
  article_id BIGINT NOT NULL,
  type TEXT NOT NULL,
  source_entity_id BIGINT,
  source_name TEXT,
  source_match TEXT,
  source_country TEXT,
  source_role TEXT,
  target_entity_id BIGINT,
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
  article_id BIGINT NOT NULL,
  start INTEGER NOT NULL,
  "end" INTEGER NOT NULL,
  text TEXT NOT NULL,
  value TEXT,
  type TEXT NOT NULL
);
CREATE INDEX times_article ON times(article_id);

CREATE TABLE stories (
  id BIGINT PRIMARY KEY,
  first_published TEXT,
  last_published TEXT,
  size INTEGER NOT NULL,
  label TEXT NOT NULL,
  centroid JSONB NOT NULL
);
`,
  },
  {
    version: 2,
    description: 'BM25 as in SQLite FTS5: per-article term frequencies (title, body) and length in terms',
    sql: `
ALTER TABLE articles ADD COLUMN doc_len INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN tf JSONB;
-- Articles stored before this step: frequencies read back from the tsvector (weight A = title, D = body).
UPDATE articles a SET tf = s.tf, doc_len = s.n FROM (
  SELECT a2.id,
    jsonb_object_agg(u.lexeme, jsonb_build_array(
      (SELECT count(*) FROM unnest(u.weights) w WHERE w = 'A'),
      (SELECT count(*) FROM unnest(u.weights) w WHERE w <> 'A'))) AS tf,
    sum(coalesce(array_length(u.positions, 1), 0))::int AS n
  FROM articles a2, unnest(a2.tsv) u GROUP BY a2.id
) s WHERE s.id = a.id;
`,
  },
  {
    version: 3,
    description: 'events: how an event was found (null: the trigger rules; model: the learned actor-event layer) and its probability',
    sql: `
ALTER TABLE events ADD COLUMN via TEXT;
ALTER TABLE events ADD COLUMN score REAL;
`,
  },
];
