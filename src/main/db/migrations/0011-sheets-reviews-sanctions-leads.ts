import type { Migration } from './types'

/**
 * Annual evaluation, leadership and integrity side (issue 9 items 2–4): the leadership group's
 * evaluation sheets (考核评分表) and their scores, recusals (self, declared close relatives) and the
 * declared relatives themselves; the discipline office's special integrity reviews (专项考察),
 * sanctions and organisational measures (V4, effective-dated), cases under investigation, and
 * whistle-blowing leads (举报线索). Every `*_t3` column holds a T3-sealed value
 * (core/access/tierKeys.ts, sealT3, or core/integrity/drop.ts for a lead lodged by someone who does
 * not hold the T3 key): the database key alone does not reveal it. A lead keeps no plain trace of
 * who lodged it.
 */
export const m0011: Migration = {
  version: 11,
  name: 'leadership sheets, recusals, integrity reviews, sanctions, investigations and leads',
  sql: `
      CREATE TABLE close_relatives (
        id INTEGER PRIMARY KEY,
        person_a INTEGER NOT NULL REFERENCES people(id),
        person_b INTEGER NOT NULL REFERENCES people(id),
        relation TEXT NOT NULL CHECK (length(trim(relation)) > 0),
        recorded_by INTEGER REFERENCES users(id),
        recorded_at TEXT NOT NULL,
        CHECK (person_a < person_b),
        UNIQUE (person_a, person_b)
      ) STRICT;
      CREATE TABLE leadership_sheets (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        rater_id INTEGER NOT NULL REFERENCES people(id),
        person_id INTEGER NOT NULL REFERENCES people(id),
        status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
        source TEXT NOT NULL CHECK (source IN ('sheet', 'import')),
        saved_at TEXT NOT NULL,
        saved_by INTEGER REFERENCES users(id),
        submitted_at TEXT,
        CHECK ((status = 'submitted') = (submitted_at IS NOT NULL)),
        CHECK (rater_id <> person_id),
        UNIQUE (year, rater_id, person_id)
      ) STRICT;
      CREATE INDEX leadership_sheets_person ON leadership_sheets (year, person_id);
      CREATE TABLE leadership_scores (
        sheet_id INTEGER NOT NULL REFERENCES leadership_sheets(id) ON DELETE CASCADE,
        indicator_id TEXT NOT NULL,
        score_hundredths INTEGER NOT NULL CHECK (score_hundredths BETWEEN 0 AND 10000),
        PRIMARY KEY (sheet_id, indicator_id)
      ) STRICT;
      CREATE TABLE recusals (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        rater_id INTEGER NOT NULL REFERENCES people(id),
        person_id INTEGER NOT NULL REFERENCES people(id),
        reason TEXT NOT NULL CHECK (reason IN ('self', 'relative')),
        recorded_by INTEGER REFERENCES users(id),
        recorded_at TEXT NOT NULL,
        UNIQUE (year, rater_id, person_id)
      ) STRICT;
      CREATE TABLE integrity_reviews (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        person_id INTEGER NOT NULL REFERENCES people(id),
        status TEXT NOT NULL CHECK (status IN ('pending', 'completed')),
        finding TEXT CHECK (finding IN ('none', 'minor', 'serious')),
        minor_count INTEGER NOT NULL DEFAULT 0 CHECK (minor_count >= 0),
        details_t3 TEXT,
        recorded_by INTEGER REFERENCES users(id),
        recorded_at TEXT NOT NULL,
        CHECK ((status = 'completed') = (finding IS NOT NULL)),
        CHECK ((finding = 'minor') = (minor_count > 0) OR finding IS NULL),
        UNIQUE (year, person_id)
      ) STRICT;
      CREATE TABLE sanctions (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        decided_on TEXT NOT NULL,
        effective_from TEXT NOT NULL,
        effective_to TEXT,
        document_no TEXT NOT NULL DEFAULT '',
        details_t3 TEXT,
        recorded_by INTEGER REFERENCES users(id),
        recorded_at TEXT NOT NULL,
        CHECK (effective_to IS NULL OR effective_to >= effective_from)
      ) STRICT;
      CREATE INDEX sanctions_person ON sanctions (person_id, decided_on);
      CREATE TABLE investigations (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        opened_on TEXT NOT NULL,
        closed_on TEXT,
        details_t3 TEXT,
        recorded_by INTEGER REFERENCES users(id),
        recorded_at TEXT NOT NULL,
        CHECK (closed_on IS NULL OR closed_on >= opened_on)
      ) STRICT;
      CREATE INDEX investigations_person ON investigations (person_id);
      CREATE TABLE leads (
        id INTEGER PRIMARY KEY,
        lodged_on TEXT NOT NULL,
        channel TEXT NOT NULL CHECK (channel IN ('signedIn', 'kiosk', 'publicityObjection')),
        reporter_t3 TEXT,
        text_t3 TEXT NOT NULL,
        named_person_id INTEGER REFERENCES people(id),
        status TEXT NOT NULL CHECK (status IN ('received', 'verifying', 'concluded')),
        conclusion_t3 TEXT,
        updated_on TEXT NOT NULL,
        CHECK ((status = 'concluded') = (conclusion_t3 IS NOT NULL))
      ) STRICT;
    `,
}
