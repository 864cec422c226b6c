import type { Migration } from './types'

/** Released: frozen. Change the schema by appending a new migration, never by editing this one. */
export const m0002: Migration = {
  version: 2,
  name: 'organisation history, leadership group, calendar imports, policies, guidelines',
  sql: `
      CREATE TABLE person_periods (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        valid_from TEXT NOT NULL,
        valid_to TEXT,
        department_id INTEGER REFERENCES departments(id),
        post TEXT NOT NULL,
        category TEXT NOT NULL,
        rank TEXT NOT NULL,
        supervisor_id INTEGER REFERENCES people(id),
        risk_post INTEGER NOT NULL,
        status TEXT NOT NULL,
        reason TEXT NOT NULL,
        recorded_by INTEGER REFERENCES users(id),
        recorded_at TEXT NOT NULL,
        CHECK (valid_to IS NULL OR valid_to > valid_from)
      );
      CREATE INDEX person_periods_person ON person_periods(person_id, valid_from);
      INSERT INTO person_periods (person_id, valid_from, valid_to, department_id, post, category, rank,
                                  supervisor_id, risk_post, status, reason, recorded_by, recorded_at)
        SELECT id, coalesce(joined_on, '1900-01-01'), NULL, department_id, post, category, rank,
               supervisor_id, risk_post, status, 'initial', NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
        FROM people;
      CREATE TABLE org_groups (
        id INTEGER PRIMARY KEY,
        person_id INTEGER NOT NULL REFERENCES people(id),
        role TEXT NOT NULL CHECK (role IN ('head', 'member', 'discipline')),
        valid_from TEXT NOT NULL,
        valid_to TEXT
      );
      CREATE INDEX org_groups_current ON org_groups(valid_to, role);
      CREATE TABLE calendar_years (
        year INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        body TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        imported_by INTEGER REFERENCES users(id)
      );
      CREATE TABLE policies (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        version TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('import', 'package')),
        body TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'inForce', 'refused', 'superseded')),
        proposed_by INTEGER REFERENCES users(id),
        proposed_at TEXT NOT NULL,
        decided_by INTEGER REFERENCES users(id),
        decided_at TEXT,
        reason TEXT
      );
      CREATE INDEX policies_year ON policies(year, status);
      CREATE TABLE guidelines (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        version INTEGER NOT NULL,
        body TEXT NOT NULL,
        reason TEXT,
        policy_version TEXT NOT NULL,
        published_at TEXT NOT NULL,
        published_by INTEGER REFERENCES users(id),
        publicity_start TEXT NOT NULL,
        publicity_end TEXT NOT NULL,
        effective_on TEXT NOT NULL,
        UNIQUE (year, version)
      );
      CREATE TABLE guideline_drafts (
        year INTEGER PRIMARY KEY,
        body TEXT NOT NULL,
        reason TEXT,
        base_version INTEGER,
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES users(id)
      );
    `,
}
