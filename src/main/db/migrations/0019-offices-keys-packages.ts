import type { Migration } from './types'

/**
 * Sealed packages (DESIGN.md §5, issue 11): what kind of office this database is (a unit or the
 * higher-level office), its own package keys (the private halves are sealed to the accounts that
 * handle packages, in tier_key_grants as `OFFICE:<key id>`), the offices it exchanges packages with
 * and their keys, the package log (and the bytes of what was sent, to offer again), and at the
 * superior the results the units sent and the guideline templates received at a unit.
 */
export const m0019: Migration = {
  version: 19,
  name: 'office kind, office keys, registered offices, package log, superior results, guideline templates',
  sql: `
      ALTER TABLE unit ADD COLUMN kind TEXT NOT NULL DEFAULT 'unit' CHECK (kind IN ('unit', 'superior'));
      CREATE TABLE office_keys (
        key_id TEXT PRIMARY KEY,
        signing_public TEXT NOT NULL,
        encryption_recipient TEXT NOT NULL,
        card TEXT NOT NULL,
        created_at TEXT NOT NULL,
        retired_at TEXT,
        revoked_at TEXT,
        reason TEXT
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE offices (
        uid TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('unit', 'superior')),
        registered_at TEXT NOT NULL,
        registered_by INTEGER REFERENCES users(id)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE office_peer_keys (
        key_id TEXT PRIMARY KEY,
        office_uid TEXT NOT NULL REFERENCES offices(uid),
        signing_public TEXT NOT NULL,
        encryption_recipient TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        card TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'rotated', 'revoked')),
        imported_at TEXT NOT NULL,
        imported_by INTEGER REFERENCES users(id),
        status_at TEXT,
        reason TEXT
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX office_peer_keys_office ON office_peer_keys (office_uid, status);
      CREATE TABLE packages (
        package_id TEXT PRIMARY KEY,
        direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
        kind TEXT NOT NULL CHECK (kind IN ('results', 'policy', 'guideline', 'quota', 'calendar', 'receipt')),
        peer_uid TEXT NOT NULL REFERENCES offices(uid),
        sequence INTEGER NOT NULL CHECK (sequence >= 1),
        period TEXT NOT NULL,
        manifest_sha256 TEXT NOT NULL,
        previous_sha256 TEXT,
        bytes INTEGER NOT NULL CHECK (bytes >= 0),
        summary TEXT NOT NULL,
        receipt_for TEXT,
        at TEXT NOT NULL,
        by_user INTEGER REFERENCES users(id),
        acknowledged_at TEXT,
        UNIQUE (direction, peer_uid, sequence)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX packages_peer ON packages (peer_uid, direction, sequence);
      CREATE TABLE package_files (
        package_id TEXT PRIMARY KEY REFERENCES packages(package_id),
        content BLOB NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE superior_unit_years (
        unit_uid TEXT NOT NULL REFERENCES offices(uid),
        year INTEGER NOT NULL,
        package_id TEXT NOT NULL REFERENCES packages(package_id),
        received_at TEXT NOT NULL,
        payload TEXT NOT NULL,
        n INTEGER NOT NULL,
        k INTEGER NOT NULL,
        excellent INTEGER NOT NULL,
        PRIMARY KEY (unit_uid, year)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE superior_results (
        unit_uid TEXT NOT NULL REFERENCES offices(uid),
        year INTEGER NOT NULL,
        staff_no TEXT NOT NULL,
        name TEXT NOT NULL,
        department TEXT,
        post TEXT NOT NULL,
        rank TEXT NOT NULL,
        category TEXT NOT NULL,
        grade TEXT NOT NULL CHECK (grade IN ('优秀', '称职', '基本称职', '不称职', '不定等次')),
        t REAL,
        democratic REAL,
        leadership REAL,
        quarterly REAL,
        PRIMARY KEY (unit_uid, year, staff_no)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX superior_results_year ON superior_results (year, grade);
      CREATE TABLE guideline_templates (
        package_id TEXT PRIMARY KEY REFERENCES packages(package_id),
        year INTEGER NOT NULL,
        name TEXT NOT NULL,
        body TEXT NOT NULL,
        received_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
  `,
}
