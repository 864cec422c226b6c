import type { Migration } from './types'

/**
 * Quarter phases (core/quarterly/phases.ts): HR's reopenings of a closed quarter (with the reason
 * and how long it stays open), the recorded amendments of a closed quarter's rating (before and
 * after, with the reason), and the person's saved drafts of a 小结 (not yet submitted).
 */
export const m0009: Migration = {
  version: 9,
  name: 'quarter reopenings, amendments after closing and summary drafts',
  sql: `
      CREATE TABLE quarter_reopenings (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        open_until TEXT NOT NULL,
        reopened_by INTEGER REFERENCES users(id),
        reopened_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX quarter_reopenings_quarter ON quarter_reopenings (year, quarter);
      CREATE TABLE quarterly_amendments (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        year INTEGER NOT NULL,
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        before_json TEXT,
        after_json TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        amended_by INTEGER REFERENCES users(id),
        amended_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX quarterly_amendments_person ON quarterly_amendments (person_id, year, quarter);
      CREATE TABLE quarterly_summary_drafts (
        person_id INTEGER NOT NULL REFERENCES people(id),
        year INTEGER NOT NULL,
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        text TEXT NOT NULL,
        saved_at TEXT NOT NULL,
        saved_by INTEGER REFERENCES users(id),
        PRIMARY KEY (person_id, year, quarter)
      ) STRICT;
    `,
}
