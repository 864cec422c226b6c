import type { Migration } from './types'

/**
 * 《公务员年度考核登记表》 (issue 10, item 1b): the person fields the form needs — 性别, 出生年月,
 * 政治面貌, 任现职时间 — as nullable columns of `people` (a unit in use has none yet), and one row per
 * filled part of a person's form of a year, each with who wrote it and when it was submitted.
 */
export const m0014: Migration = {
  version: 14,
  name: 'register-forms',
  sql: `
    ALTER TABLE people ADD COLUMN gender TEXT CHECK (gender IS NULL OR gender IN ('男', '女'));
    ALTER TABLE people ADD COLUMN birth_month TEXT CHECK (birth_month IS NULL OR (birth_month GLOB '[12][0-9][0-9][0-9]-[01][0-9]' AND substr(birth_month, 6, 2) BETWEEN '01' AND '12'));
    ALTER TABLE people ADD COLUMN political_status TEXT CHECK (political_status IS NULL OR length(political_status) BETWEEN 1 AND 20);
    ALTER TABLE people ADD COLUMN post_since TEXT CHECK (post_since IS NULL OR (post_since GLOB '[12][0-9][0-9][0-9]-[01][0-9]' AND substr(post_since, 6, 2) BETWEEN '01' AND '12'));

    CREATE TABLE register_parts (
      year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
      person_id INTEGER NOT NULL REFERENCES people(id),
      part TEXT NOT NULL CHECK (part IN ('duties', 'summary', 'training', 'supervisor', 'head', 'committee', 'opinion', 'undetermined')),
      text TEXT NOT NULL CHECK (length(text) <= 4000),
      suggested_grade TEXT CHECK (suggested_grade IS NULL OR suggested_grade IN ('优秀', '称职', '基本称职', '不称职', '不定等次')),
      status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
      written_by INTEGER REFERENCES users(id),
      writer_person_id INTEGER REFERENCES people(id),
      written_at TEXT NOT NULL,
      submitted_at TEXT,
      PRIMARY KEY (year, person_id, part),
      CHECK ((status = 'submitted') = (submitted_at IS NOT NULL)),
      CHECK (suggested_grade IS NULL OR part = 'supervisor')
    ) STRICT;
  `,
}
