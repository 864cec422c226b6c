import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { KaoheError } from '@shared/errors'
import type { BackupInfo } from '@shared/api/types'
import { openEncrypted } from '../../db/open'
import { schemaVersion } from '../../db/migrations'
import type { Store } from '../../db/store'
import { AuditLog } from '../audit/chain'
import { KeyFile } from '../keys/keyFile'
import type { UnitLocation } from '../unit/location'

/**
 * Encrypted backups (备份). A backup is a folder with a copy of the database (still encrypted with
 * the same key, made with VACUUM INTO — the SQLite backup API refuses an encrypted target in this
 * cipher build), a copy of the key file (so the same passwords open it), and a manifest with both
 * files' SHA-256. Nothing in it is readable without a password or the recovery code.
 */
const MANIFEST = 'kaohe-backup.json'
const FORMAT = 'kaohe-backup/1'
const DB_FILE = 'unit.kaohe'
const KEY_FILE = 'unit.kaohe.keys'

interface Manifest {
  format: typeof FORMAT
  createdAt: string
  schemaVersion: number
  auditEntries: number
  auditHead: string | null
  files: Record<string, { bytes: number; sha256: string }>
}

function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-')
}

export function createBackup(store: Store, keyFile: KeyFile, parent: string, now: Date): BackupInfo {
  if (!existsSync(parent) || !statSync(parent).isDirectory()) {
    throw new KaoheError('FILE_NOT_FOUND', { path: parent })
  }
  const folder = join(parent, `kaohe-backup-${stamp(now)}`)
  if (existsSync(folder)) throw new KaoheError('ALREADY_INITIALIZED', { path: folder })
  const partial = `${folder}.partial`
  rmSync(partial, { recursive: true, force: true })
  mkdirSync(partial)
  try {
    const dbCopy = join(partial, DB_FILE)
    store.raw.prepare('VACUUM INTO ?').run(dbCopy)
    keyFile.save()
    copyFileSync(keyFile.path, join(partial, KEY_FILE))
    const head = new AuditLog(store).head()
    const manifest: Manifest = {
      format: FORMAT,
      createdAt: now.toISOString(),
      schemaVersion: schemaVersion(store.raw),
      auditEntries: head?.seq ?? 0,
      auditHead: head?.hash ?? null,
      files: Object.fromEntries(
        [DB_FILE, KEY_FILE].map((f) => {
          const p = join(partial, f)
          return [f, { bytes: statSync(p).size, sha256: sha256File(p) }]
        }),
      ),
    }
    writeFileSync(join(partial, MANIFEST), JSON.stringify(manifest, null, 2))
    // Only a complete backup gets the final name.
    renameSync(partial, folder)
    return info(folder, manifest)
  } catch (err) {
    rmSync(partial, { recursive: true, force: true })
    throw err
  }
}

/**
 * Checks a backup folder: manifest, file hashes, that the database opens with this unit's key,
 * passes SQLite's integrity check, and that its audit chain is intact.
 */
export function verifyBackup(folder: string, dbKey: Buffer): BackupInfo {
  const manifest = readManifest(folder)
  for (const [name, expected] of Object.entries(manifest.files)) {
    const p = join(folder, name)
    if (!existsSync(p)) throw invalid(folder, `missing ${name}`)
    if (sha256File(p) !== expected.sha256) throw invalid(folder, `${name} changed since the backup (SHA-256)`)
  }
  let db
  try {
    db = openEncrypted(join(folder, DB_FILE), dbKey, { readonly: true })
  } catch {
    throw invalid(folder, 'not a backup of this unit (key does not open it)')
  }
  try {
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw invalid(folder, `integrity check: ${String(check)}`)
    const rows = db.prepare('SELECT max(seq) AS n FROM audit_log').get() as { n: number | null }
    if ((rows.n ?? 0) !== manifest.auditEntries) throw invalid(folder, 'audit entry count differs from manifest')
  } finally {
    db.close()
  }
  return info(folder, manifest)
}

/**
 * Replaces the unit's files with the backup's. The caller has closed the database; the restored
 * key file brings back the passwords as they were at backup time.
 */
export function restoreFiles(folder: string, location: UnitLocation): void {
  for (const f of [`${location.dbPath}-wal`, `${location.dbPath}-shm`]) rmSync(f, { force: true })
  const tmpDb = `${location.dbPath}.restoring`
  const tmpKeys = `${location.keyPath}.restoring`
  copyFileSync(join(folder, DB_FILE), tmpDb)
  copyFileSync(join(folder, KEY_FILE), tmpKeys)
  renameSync(tmpDb, location.dbPath)
  renameSync(tmpKeys, location.keyPath)
}

/** The key file inside a backup, to unlock it when the unit's own files are gone. */
export function backupKeyFile(folder: string): KeyFile {
  readManifest(folder)
  return KeyFile.load(join(folder, KEY_FILE))
}

function readManifest(folder: string): Manifest {
  const p = join(folder, MANIFEST)
  if (!existsSync(p)) throw invalid(folder, `no ${MANIFEST}`)
  let m: Manifest
  try {
    m = JSON.parse(readFileSync(p, 'utf8')) as Manifest
  } catch {
    throw invalid(folder, `${MANIFEST} is not valid JSON`)
  }
  if (m.format !== FORMAT || !m.files?.[DB_FILE] || !m.files?.[KEY_FILE]) {
    throw invalid(folder, `${MANIFEST} is not a Kaohe backup manifest`)
  }
  return m
}

function invalid(path: string, reason: string): KaoheError {
  return new KaoheError('BACKUP_INVALID', { path, reason })
}

function info(folder: string, m: Manifest): BackupInfo {
  return {
    folder,
    createdAt: m.createdAt,
    bytes: Object.values(m.files).reduce((a, f) => a + f.bytes, 0),
    sha256: m.files[DB_FILE]?.sha256 ?? '',
    auditEntries: m.auditEntries,
  }
}
