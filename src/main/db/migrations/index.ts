import type { SqliteDatabase } from '../open'
import type { Migration } from './types'
import { m0001 } from './0001-foundation'
import { m0002 } from './0002-organisation-policies-guidelines'
import { m0003 } from './0003-ledger-attendance-surveys-talks'
import { m0004 } from './0004-commitment-letters'
import { m0005 } from './0005-quarterly-evaluation'
import { m0006 } from './0006-unit-identity-backup-keys-resets'
import { m0007 } from './0007-kiosk-burst'
import { m0008 } from './0008-letter-publicity-working-days'
import { m0009 } from './0009-quarter-phases-amendments-drafts'
import { m0010 } from './0010-democratic-evaluation'
import { m0011 } from './0011-sheets-reviews-sanctions-leads'
import { m0012 } from './0012-annual-results'
import { m0013 } from './0013-feedback-forms'
import { m0014 } from './0014-register-forms'
import { m0015 } from './0015-appeals'
import { m0016 } from './0016-outcomes'
import { m0017 } from './0017-training'
import { m0018 } from './0018-training-suggestions'
import { m0019 } from './0019-offices-keys-packages'

export type { Migration } from './types'

/**
 * The static, ordered list of schema migrations, one file each (`NNNN-short-name.ts`).
 *
 * Rules:
 * - A released migration is frozen: its version, name and SQL are recorded by existing units. Change
 *   the schema by appending a new file with the next version, never by editing an old one.
 * - STRICT tables from now on: every table created by a migration with a version above
 *   LAST_NON_STRICT_VERSION is declared `STRICT` (test/db/migrations.test.ts checks it), so SQLite
 *   rejects a value of the wrong type instead of storing it. Older tables stay as released.
 * - Each migration has an upgrade-with-data case in test/db/migrations.test.ts; keep schema.ts in step.
 */
export const MIGRATIONS: readonly Migration[] = [m0001, m0002, m0003, m0004, m0005, m0006, m0007, m0008, m0009, m0010, m0011, m0012, m0013, m0014, m0015, m0016, m0017, m0018, m0019]

/** The last released migration whose tables were created without STRICT; do not raise it. */
export const LAST_NON_STRICT_VERSION = 8

/** Brings the database to the newest schema (or to `upTo`, for tests); returns the versions it applied. */
export function migrate(db: SqliteDatabase, upTo?: number): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`)
  const current =
    (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null }).v ??
    0
  const newest = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0
  if (current > newest) {
    throw new Error(`database schema ${current} is newer than this program (${newest})`)
  }
  const applied: number[] = []
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue
    if (upTo !== undefined && m.version > upTo) break
    db.transaction(() => {
      db.exec(m.sql)
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      )
    })()
    applied.push(m.version)
  }
  return applied
}

export function schemaVersion(db: SqliteDatabase): number {
  return (db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number }).v
}
