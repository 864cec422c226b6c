import type { Migration } from './types'

/**
 * The annual round's results (年度总评, RULES.md §6): the proposal computed from the year's inputs
 * (with the hash of those inputs, so a later recomputation can be compared), the quota approval it
 * used, the leadership group's changes with their reasons, the head's confirmation and the results
 * publicity; the grades of years graded before the unit used Kaohe (for V1); and 基本称职
 * rectification plans (V3).
 */
export const m0012: Migration = {
  version: 12,
  name: 'annual proposal, decisions, confirmation, publicity, prior grades, rectification plans',
  sql: `
      CREATE TABLE annual_rounds (
        year INTEGER PRIMARY KEY,
        stage TEXT NOT NULL CHECK (stage IN ('proposed', 'confirmed', 'publicity')),
        inputs_sha256 TEXT NOT NULL,
        n INTEGER NOT NULL CHECK (n >= 0),
        k INTEGER NOT NULL CHECK (k >= 0),
        boundary_tie TEXT,
        result_json TEXT NOT NULL,
        guideline_version INTEGER,
        proposed_by INTEGER REFERENCES users(id),
        proposed_at TEXT NOT NULL,
        confirmed_by INTEGER REFERENCES users(id),
        confirmed_at TEXT,
        publicity_from TEXT,
        publicity_until TEXT,
        published_by INTEGER REFERENCES users(id),
        published_at TEXT
      ) STRICT;
      CREATE TABLE annual_approvals (
        year INTEGER PRIMARY KEY,
        document TEXT NOT NULL CHECK (length(trim(document)) > 0),
        approved_count INTEGER CHECK (approved_count >= 0),
        approved_rate TEXT,
        recorded_by INTEGER REFERENCES users(id),
        recorded_at TEXT NOT NULL,
        CHECK ((approved_count IS NULL) <> (approved_rate IS NULL))
      ) STRICT;
      CREATE TABLE annual_grades (
        year INTEGER NOT NULL,
        person_id INTEGER NOT NULL REFERENCES people(id),
        proposed TEXT NOT NULL,
        grade TEXT NOT NULL,
        t REAL,
        reason TEXT,
        changed_by INTEGER REFERENCES users(id),
        changed_at TEXT,
        PRIMARY KEY (year, person_id)
      ) STRICT;
      CREATE TABLE prior_grades (
        year INTEGER NOT NULL,
        person_id INTEGER NOT NULL REFERENCES people(id),
        grade TEXT NOT NULL CHECK (grade IN ('优秀', '称职', '基本称职', '不称职', '不定等次')),
        recorded_by INTEGER REFERENCES users(id),
        recorded_at TEXT NOT NULL,
        PRIMARY KEY (year, person_id)
      ) STRICT;
      CREATE TABLE rectification_plans (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        starts_on TEXT NOT NULL,
        ends_on TEXT NOT NULL CHECK (ends_on >= starts_on),
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        recorded_by INTEGER REFERENCES users(id),
        recorded_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX rectification_plans_person ON rectification_plans (person_id, starts_on);
  `,
}
