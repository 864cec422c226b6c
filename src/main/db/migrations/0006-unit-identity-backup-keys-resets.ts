import type { Migration } from './types'

/** Released: frozen. Change the schema by appending a new migration, never by editing this one. */
export const m0006: Migration = {
  version: 6,
  name: 'unit identity, backup signing keys, tier key records, two-administrator password resets',
  sql: `
      ALTER TABLE unit ADD COLUMN uid TEXT;
      UPDATE unit SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
      CREATE TRIGGER unit_uid AFTER INSERT ON unit WHEN NEW.uid IS NULL
        BEGIN UPDATE unit SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id; END;
      CREATE TABLE backup_signing_keys (
        key_id TEXT PRIMARY KEY,
        public_key TEXT NOT NULL,
        created_at TEXT NOT NULL,
        retired_at TEXT
      ) WITHOUT ROWID;
      CREATE TABLE tier_keys (
        tier TEXT PRIMARY KEY,
        check_value TEXT,
        recovery TEXT,
        created_at TEXT NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO tier_keys (tier, created_at)
        SELECT tier, min(granted_at) FROM tier_key_grants WHERE tier = 'T3' GROUP BY tier;
      CREATE TABLE password_resets (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id),
        requested_by INTEGER NOT NULL REFERENCES users(id),
        requested_at TEXT NOT NULL,
        decided_by INTEGER REFERENCES users(id),
        decided_at TEXT,
        state TEXT NOT NULL CHECK (state IN ('pending', 'done', 'refused')),
        notified_at TEXT
      );
      CREATE INDEX password_resets_user ON password_resets(user_id, state);
    `,
}
