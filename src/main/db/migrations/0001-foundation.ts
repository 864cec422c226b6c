import type { Migration } from './types'

/** Released: frozen. Change the schema by appending a new migration, never by editing this one. */
export const m0001: Migration = {
  version: 1,
  name: 'foundation: unit, accounts, roles, tier keys, audit chain, departments, people',
  sql: `
      CREATE TABLE unit (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        name TEXT NOT NULL,
        code TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE,
        display_name TEXT NOT NULL,
        disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        must_change_password INTEGER NOT NULL DEFAULT 1 CHECK (must_change_password IN (0, 1)),
        public_key TEXT NOT NULL,
        person_id INTEGER UNIQUE REFERENCES people(id),
        created_at TEXT NOT NULL
      );
      CREATE TABLE user_roles (
        user_id INTEGER NOT NULL REFERENCES users(id),
        role TEXT NOT NULL,
        granted_by INTEGER REFERENCES users(id),
        granted_at TEXT NOT NULL,
        PRIMARY KEY (user_id, role)
      ) WITHOUT ROWID;
      CREATE TABLE tier_key_grants (
        user_id INTEGER NOT NULL REFERENCES users(id),
        tier TEXT NOT NULL,
        sealed TEXT NOT NULL,
        granted_at TEXT NOT NULL,
        PRIMARY KEY (user_id, tier)
      ) WITHOUT ROWID;
      CREATE TABLE audit_log (
        seq INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id INTEGER,
        actor TEXT,
        action TEXT NOT NULL,
        target TEXT,
        outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'denied', 'failed')),
        detail TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL
      );
      CREATE INDEX audit_log_actor ON audit_log(actor, seq);
      CREATE INDEX audit_log_action ON audit_log(action, seq);
      CREATE TABLE departments (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        code TEXT NOT NULL UNIQUE,
        sort_order INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE people (
        id INTEGER PRIMARY KEY,
        staff_no TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        department_id INTEGER REFERENCES departments(id),
        post TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL CHECK (category IN ('general', 'enforcement', 'technical')),
        rank TEXT NOT NULL DEFAULT '',
        supervisor_id INTEGER REFERENCES people(id),
        risk_post INTEGER NOT NULL DEFAULT 0 CHECK (risk_post IN (0, 1)),
        status TEXT NOT NULL DEFAULT 'active',
        joined_on TEXT,
        left_on TEXT
      );
      CREATE INDEX people_department ON people(department_id);
      CREATE INDEX people_supervisor ON people(supervisor_id);
    `,
}
