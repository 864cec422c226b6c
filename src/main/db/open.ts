import { chmodSync, closeSync, existsSync, openSync } from 'node:fs'
import Database from 'better-sqlite3-multiple-ciphers'
import { KaoheError } from '@shared/errors'

export type SqliteDatabase = Database.Database

/**
 * Opens (or creates) the unit database encrypted with SQLite3MultipleCiphers.
 *
 * The key is 32 random bytes handed over raw (hex), never a passphrase, so SQLite's own KDF adds
 * nothing and costs nothing. A wrong key is only noticed on the first read, so we read at once.
 */
export function openEncrypted(path: string, key: Buffer, opts: { readonly?: boolean } = {}): SqliteDatabase {
  if (key.length !== 32) throw new Error('database key must be 32 bytes')
  if (!opts.readonly) createPrivate(path)
  const db = new Database(path, { ...nativeBindingOption(), readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false })
  try {
    db.pragma(`cipher='chacha20'`)
    db.pragma(`key="x'${key.toString('hex')}'"`)
    db.prepare('SELECT count(*) FROM sqlite_master').get()
  } catch {
    db.close()
    throw new KaoheError('DATABASE_KEY_MISMATCH', { path })
  }
  // A read-only open (checking a backup) must not change a byte of the file.
  if (opts.readonly) return db
  db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  // WAL's default is NORMAL-safe only with synchronous=FULL on power loss; bonuses ride on this.
  db.pragma('synchronous = FULL')
  // SQLite gives the WAL and SHM the database's mode; files left by an older version may still be 0644.
  for (const f of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(f)) chmodSync(f, 0o600)
  return db
}

/**
 * Creates a new database file readable only by the account running Kaohe (0600) before SQLite
 * opens it, so there is no moment at which it is world-readable whatever the umask; SQLite then
 * creates the WAL and SHM with the same mode. An empty file is a valid new database.
 */
function createPrivate(path: string): void {
  try {
    closeSync(openSync(path, 'wx', 0o600))
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
  }
}

/**
 * Tests and the CLI run on Node's build of the native module; the desktop app needs the Electron
 * build. `KAOHE_NATIVE_BINDING` (set by the Electron bootstrap to a file it ships unpacked) points
 * at the Electron build without disturbing the Node one in node_modules.
 */
function nativeBindingOption(): Database.Options {
  const binding = process.env.KAOHE_NATIVE_BINDING
  return binding ? { nativeBinding: binding } : {}
}
