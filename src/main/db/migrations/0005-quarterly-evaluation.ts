import type { Migration } from './types'

/** Released: frozen. Change the schema by appending a new migration, never by editing this one. */
export const m0005: Migration = {
  version: 5,
  name: 'quarterly evaluation: summaries, ratings, peer assignments and ratings, follow-ups',
  sql: `
      CREATE TABLE quarterly_summaries (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        year INTEGER NOT NULL,
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        text TEXT NOT NULL,
        submitted_at TEXT NOT NULL,
        submitted_by INTEGER REFERENCES users(id),
        UNIQUE (person_id, year, quarter)
      );
      CREATE TABLE quarterly_ratings (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        year INTEGER NOT NULL,
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        supervisor_id INTEGER REFERENCES people(id),
        performance REAL NOT NULL CHECK (performance BETWEEN 0 AND 100),
        potential REAL NOT NULL CHECK (potential BETWEEN 0 AND 100),
        fail_mark INTEGER NOT NULL DEFAULT 0 CHECK (fail_mark IN (0, 1)),
        fail_reason TEXT,
        rated_at TEXT NOT NULL,
        rated_by INTEGER REFERENCES users(id),
        CHECK (fail_mark = 0 OR (fail_reason IS NOT NULL AND trim(fail_reason) <> '')),
        UNIQUE (person_id, year, quarter)
      );
      CREATE INDEX quarterly_ratings_quarter ON quarterly_ratings(year, quarter);
      CREATE TABLE peer_assignments (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        rater_id INTEGER NOT NULL REFERENCES people(id),
        ratee_id INTEGER NOT NULL REFERENCES people(id),
        assigned_by INTEGER REFERENCES users(id),
        assigned_at TEXT NOT NULL,
        CHECK (rater_id <> ratee_id),
        UNIQUE (year, quarter, rater_id, ratee_id)
      );
      CREATE INDEX peer_assignments_ratee ON peer_assignments(ratee_id, year, quarter);
      CREATE TABLE peer_ratings (
        assignment_id INTEGER PRIMARY KEY REFERENCES peer_assignments(id),
        score REAL NOT NULL CHECK (score BETWEEN 0 AND 100),
        rated_at TEXT NOT NULL
      );
      CREATE TABLE followups (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        year INTEGER NOT NULL,
        quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        kind TEXT NOT NULL CHECK (kind IN ('interview', 'supportPlan')),
        owner_id INTEGER REFERENCES people(id),
        deadline TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'done')),
        notes TEXT NOT NULL DEFAULT '',
        opened_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES users(id),
        UNIQUE (person_id, year, quarter, kind)
      );
      CREATE INDEX followups_state ON followups(state, deadline);
    `,
}
