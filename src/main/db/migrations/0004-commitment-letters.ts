import type { Migration } from './types'

/** Released: frozen. Change the schema by appending a new migration, never by editing this one. */
export const m0004: Migration = {
  version: 4,
  name: 'commitment letters with tasks, versions and revision requests',
  sql: `
      CREATE TABLE commitment_letters (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        year INTEGER NOT NULL,
        version INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'approved', 'publicity', 'inForce', 'superseded')),
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id),
        updated_at TEXT NOT NULL,
        submitted_at TEXT,
        reviewed_by INTEGER REFERENCES users(id),
        reviewed_at TEXT,
        return_reason TEXT,
        publicity_start TEXT,
        publicity_end TEXT,
        effective_on TEXT,
        revision_id INTEGER,
        revision_reason TEXT,
        UNIQUE (person_id, year, version)
      );
      CREATE INDEX commitment_letters_year_state ON commitment_letters(year, state);
      CREATE TABLE commitment_tasks (
        id INTEGER PRIMARY KEY,
        letter_id INTEGER NOT NULL REFERENCES commitment_letters(id),
        task_key TEXT NOT NULL,
        sort_order INTEGER NOT NULL,
        title TEXT NOT NULL,
        target REAL NOT NULL,
        unit TEXT NOT NULL,
        deadline TEXT NOT NULL,
        goal TEXT NOT NULL,
        completed_on TEXT,
        withdrawn INTEGER NOT NULL DEFAULT 0 CHECK (withdrawn IN (0, 1)),
        UNIQUE (letter_id, task_key)
      );
      CREATE TABLE revision_requests (
        id INTEGER PRIMARY KEY,
        letter_id INTEGER NOT NULL REFERENCES commitment_letters(id),
        changes TEXT NOT NULL,
        reason TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'refused')),
        requested_by INTEGER REFERENCES users(id),
        requested_at TEXT NOT NULL,
        decided_by INTEGER REFERENCES users(id),
        decided_at TEXT,
        decision_reason TEXT,
        new_letter_id INTEGER REFERENCES commitment_letters(id)
      );
      CREATE INDEX revision_requests_letter ON revision_requests(letter_id, state);
    `,
}
