import { createHash } from 'node:crypto'
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { KaoheError } from '@shared/errors'
import type { BackupInfo } from '@shared/api/types'
import { openEncrypted, type SqliteDatabase } from '../../db/open'
import { schemaVersion } from '../../db/migrations'
import type { Store } from '../../db/store'
import { KeyFile } from '../keys/keyFile'
import type { UnitLocation } from '../unit/location'
import { currentSigningKey, fingerprintOf, keyIdOf, normalizeFingerprint, signBytes, signingKeys, verifyBytes } from './signingKey'

/**
 * Encrypted, signed backups (备份). A backup is a folder with a copy of the database (still
 * encrypted with the same key, made with VACUUM INTO — the SQLite backup API refuses an encrypted
 * target in this cipher build), a copy of the key file (so the same passwords open it), a manifest
 * (the unit's id and code, both files' SHA-256, the audit chain's head) and the manifest's Ed25519
 * signature by the unit's backup signing key. Checksums alone prove nothing: anyone can recompute
 * them. The signature cannot be redone without the signing key, which only system administrators'
 * accounts unseal — not the database key, not any ordinary password, not the recovery code.
 */
const MANIFEST = 'kaohe-backup.json'
const SIGNATURE = 'kaohe-backup.sig'
const FORMAT = 'kaohe-backup/2'
const DB_FILE = 'unit.kaohe'
const KEY_FILE = 'unit.kaohe.keys'
const FILE_MODE = 0o600

interface Manifest {
  format: typeof FORMAT
  createdAt: string
  unit: { uid: string; code: string; name: string }
  schemaVersion: number
  auditEntries: number
  auditHead: string | null
  signingKeyId: string
  files: Record<string, { bytes: number; sha256: string }>
}

interface SignatureFile {
  alg: 'ed25519'
  keyId: string
  /** Carried so a backup can be checked on an empty machine against a fingerprint typed from paper. */
  publicKey: string
  signature: string
}

/** What verifying needs to know about the unit the backup should belong to. */
export interface BackupExpectation {
  /** The live unit's signing keys (current and retired); empty when restoring onto an empty machine. */
  trustedKeys: { keyId: string; publicKey: string }[]
  /** A fingerprint the administrator typed from paper: then the signing key must have it. */
  fingerprint?: string
  /** The live unit's id; absent on an empty machine. */
  unitUid?: string
}

function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex')
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-')
}

export function unitIdentity(store: Store): { uid: string; code: string; name: string } {
  const u = store.first(store.qb.selectFrom('unit').select(['uid', 'code', 'name']))
  if (!u?.uid) throw new KaoheError('NOT_INITIALIZED')
  return { uid: u.uid, code: u.code, name: u.name }
}

/** The live unit's expectation: its signing keys and its id. */
export function expectationOf(store: Store, fingerprint?: string): BackupExpectation {
  return {
    trustedKeys: signingKeys(store).map((k) => ({ keyId: k.keyId, publicKey: k.publicKey })),
    fingerprint,
    unitUid: unitIdentity(store).uid,
  }
}

export function createBackup(
  store: Store,
  keyFile: KeyFile,
  signingKey: Buffer,
  parent: string,
  now: Date,
  auditHead: { seq: number; hash: string } | undefined,
): BackupInfo {
  if (!existsSync(parent) || !statSync(parent).isDirectory()) {
    throw new KaoheError('FILE_NOT_FOUND', { path: parent })
  }
  const signer = currentSigningKey(store)
  if (!signer) throw new KaoheError('BACKUP_SIGNING_KEY_MISSING')
  const folder = join(parent, `kaohe-backup-${stamp(now)}`)
  if (existsSync(folder)) throw new KaoheError('ALREADY_INITIALIZED', { path: folder })
  const partial = `${folder}.partial`
  rmSync(partial, { recursive: true, force: true })
  mkdirSync(partial, { mode: 0o700 })
  try {
    const dbCopy = join(partial, DB_FILE)
    store.raw.prepare('VACUUM INTO ?').run(dbCopy)
    chmodSync(dbCopy, FILE_MODE)
    keyFile.save()
    copyFileSync(keyFile.path, join(partial, KEY_FILE))
    chmodSync(join(partial, KEY_FILE), FILE_MODE)
    const manifest: Manifest = {
      format: FORMAT,
      createdAt: now.toISOString(),
      unit: unitIdentity(store),
      schemaVersion: schemaVersion(store.raw),
      auditEntries: auditHead?.seq ?? 0,
      auditHead: auditHead?.hash ?? null,
      signingKeyId: signer.keyId,
      files: Object.fromEntries(
        [DB_FILE, KEY_FILE].map((f) => {
          const p = join(partial, f)
          return [f, { bytes: statSync(p).size, sha256: sha256File(p) }]
        }),
      ),
    }
    const bytes = Buffer.from(JSON.stringify(manifest, null, 2), 'utf8')
    const sig: SignatureFile = { alg: 'ed25519', keyId: signer.keyId, publicKey: signer.publicKey, signature: signBytes(signingKey, bytes) }
    writeFileSync(join(partial, MANIFEST), bytes, { mode: FILE_MODE })
    writeFileSync(join(partial, SIGNATURE), JSON.stringify(sig, null, 2), { mode: FILE_MODE })
    // Only a complete backup gets the final name.
    renameSync(partial, folder)
    return info(folder, manifest, signer.publicKey)
  } catch (err) {
    rmSync(partial, { recursive: true, force: true })
    throw err
  }
}

/** Folders createBackup makes inside the chosen folder: kaohe-backup-20261201-083000. */
const BACKUP_FOLDER = /^kaohe-backup-\d{8}-\d{6}$/

/**
 * The backup folder a user means: the folder itself when it holds a manifest, else the newest
 * backup createBackup made inside it (the folder they chose when backing up). A folder with
 * neither is BACKUP_NOT_FOUND, said in words rather than as a missing file name.
 */
export function resolveBackupFolder(folder: string): string {
  if (existsSync(join(folder, MANIFEST))) return folder
  let names: string[] = []
  try {
    names = readdirSync(folder, { withFileTypes: true })
      .filter((e) => e.isDirectory() && BACKUP_FOLDER.test(e.name) && existsSync(join(folder, e.name, MANIFEST)))
      .map((e) => e.name)
  } catch {
    if (!existsSync(folder)) throw new KaoheError('FILE_NOT_FOUND', { path: folder })
  }
  const newest = names.sort().at(-1)
  if (!newest) throw new KaoheError('BACKUP_NOT_FOUND', { path: folder })
  return join(folder, newest)
}

/**
 * Checks a backup folder, in this order: the manifest's signature by a key of this unit (or one
 * with the fingerprint typed from paper), that the backup is of this unit, the files' hashes, that
 * the database opens with the unit's database key and passes SQLite's integrity check, that its
 * audit chain's head is the signed one, and — when a secret is given — that the backup's own key
 * file opens the backup's database with it (the password as it was at backup time, or the
 * recovery code). Returns the database key that secret unwrapped.
 */
export function verifyBackup(
  folder: string,
  expected: BackupExpectation,
  unlock: { dbKey?: Buffer; username?: string; secret?: string; now: Date },
): { info: BackupInfo; dbKey: Buffer | null } {
  const { manifest, publicKey } = readSigned(folder, expected)
  for (const [name, want] of Object.entries(manifest.files)) {
    const p = join(folder, name)
    if (!existsSync(p)) throw invalid(folder, `missing ${name}`)
    if (sha256File(p) !== want.sha256) throw invalid(folder, `${name} changed since the backup (SHA-256)`)
  }
  let keyFromSlots: Buffer | null = null
  if (unlock.secret !== undefined) {
    keyFromSlots = backupDbKey(folder, unlock.username ?? '', unlock.secret, unlock.now)
    if (!keyFromSlots || (unlock.dbKey && !keyFromSlots.equals(unlock.dbKey))) {
      throw new KaoheError('BACKUP_KEYFILE_MISMATCH', { path: folder })
    }
  } else {
    // Without a secret the key file is still read: it must at least be one.
    try {
      KeyFile.load(join(folder, KEY_FILE))
    } catch {
      throw new KaoheError('BACKUP_KEYFILE_MISMATCH', { path: folder })
    }
  }
  const dbKey = unlock.dbKey ?? keyFromSlots
  if (!dbKey) throw new KaoheError('BACKUP_KEYFILE_MISMATCH', { path: folder })
  checkDatabase(folder, join(folder, DB_FILE), dbKey, manifest)
  return { info: info(folder, manifest, publicKey), dbKey: keyFromSlots }
}

/**
 * Replaces the unit's files with the backup's, after the caller verified it and closed the
 * database. The backup is copied into a side folder beside the unit, checked again there (hashes,
 * opens, integrity), and only then swapped in; the replaced files are kept, renamed with the time,
 * so nothing is lost. Every file is 0600.
 */
export function restoreFiles(
  folder: string,
  location: UnitLocation,
  dbKey: Buffer,
  expected: BackupExpectation,
  now: Date,
): { replaced: string[] } {
  const { manifest } = readSigned(folder, expected)
  const side = join(dirname(location.dbPath), `.kaohe-restore-${stamp(now)}`)
  rmSync(side, { recursive: true, force: true })
  mkdirSync(side, { mode: 0o700 })
  try {
    for (const f of [DB_FILE, KEY_FILE]) {
      const to = join(side, f)
      copyFileSync(join(folder, f), to)
      chmodSync(to, FILE_MODE)
      if (sha256File(to) !== manifest.files[f]?.sha256) throw new KaoheError('BACKUP_SIGNATURE_INVALID', { path: folder })
    }
    checkDatabase(folder, join(side, DB_FILE), dbKey, manifest)
    KeyFile.load(join(side, KEY_FILE))
    const suffix = `.replaced-${stamp(now)}`
    const replaced: string[] = []
    const keep = (from: string) => {
      if (!existsSync(from)) return
      const to = `${from}${suffix}`
      renameSync(from, to)
      chmodSync(to, FILE_MODE)
      replaced.push(to)
    }
    keep(location.dbPath)
    keep(`${location.dbPath}-wal`)
    keep(`${location.dbPath}-shm`)
    keep(location.keyPath)
    renameSync(join(side, DB_FILE), location.dbPath)
    renameSync(join(side, KEY_FILE), location.keyPath)
    return { replaced }
  } finally {
    rmSync(side, { recursive: true, force: true })
  }
}

/** The key file inside a backup, to unlock it when the unit's own files are gone. */
export function backupKeyFile(folder: string): KeyFile {
  return KeyFile.load(join(folder, KEY_FILE))
}

/**
 * The database key the backup's key file yields for this password (or recovery code). Tried on a
 * private copy: the key file counts failures in itself, and the backup's own must not change.
 */
function backupDbKey(folder: string, username: string, secret: string, now: Date): Buffer | null {
  const scratch = mkdtempSync(join(tmpdir(), 'kaohe-verify-'))
  try {
    const copy = join(scratch, KEY_FILE)
    copyFileSync(join(folder, KEY_FILE), copy)
    chmodSync(copy, FILE_MODE)
    let keyFile: KeyFile
    try {
      keyFile = KeyFile.load(copy)
    } catch {
      return null
    }
    const user = username ? keyFile.unlockUser(username, secret, now) : null
    const slot = user?.ok ? user : keyFile.unlockRecovery(secret, now)
    return slot.ok ? Buffer.from(slot.secret.dbKey, 'hex') : null
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

function checkDatabase(folder: string, dbPath: string, dbKey: Buffer, manifest: Manifest): void {
  let db: SqliteDatabase
  try {
    db = openEncrypted(dbPath, dbKey, { readonly: true })
  } catch {
    throw new KaoheError('BACKUP_KEYFILE_MISMATCH', { path: folder })
  }
  try {
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw invalid(folder, `integrity check: ${String(check)}`)
    const unit = db.prepare('SELECT uid FROM unit').get() as { uid: string | null } | undefined
    if (unit?.uid !== manifest.unit.uid) throw new KaoheError('BACKUP_OTHER_UNIT', { path: folder, unit: manifest.unit.code })
    const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined
    if ((head?.seq ?? 0) !== manifest.auditEntries || (head?.hash ?? null) !== manifest.auditHead) {
      throw invalid(folder, 'audit chain head differs from the signed manifest')
    }
  } finally {
    db.close()
  }
}

/** Reads the manifest and accepts it only with a valid signature by a trusted key. */
function readSigned(folder: string, expected: BackupExpectation): { manifest: Manifest; publicKey: string } {
  const mPath = join(folder, MANIFEST)
  const sPath = join(folder, SIGNATURE)
  if (!existsSync(mPath)) throw new KaoheError('BACKUP_NOT_FOUND', { path: folder })
  const bytes = readFileSync(mPath)
  let m: Manifest
  try {
    m = JSON.parse(bytes.toString('utf8')) as Manifest
  } catch {
    throw invalid(folder, `${MANIFEST} is not valid JSON`)
  }
  if (m?.format !== FORMAT || !m.files?.[DB_FILE] || !m.files?.[KEY_FILE] || !m.unit?.uid) {
    if (!existsSync(sPath)) throw new KaoheError('BACKUP_UNSIGNED', { path: folder })
    throw invalid(folder, `${MANIFEST} is not a Kaohe backup manifest`)
  }
  // Said before the signature only to name the reason; nothing unsigned is trusted below.
  if (expected.unitUid !== undefined && m.unit.uid !== expected.unitUid) {
    throw new KaoheError('BACKUP_OTHER_UNIT', { path: folder, unit: m.unit.code })
  }
  if (!existsSync(sPath)) throw new KaoheError('BACKUP_UNSIGNED', { path: folder })
  let sig: SignatureFile
  try {
    sig = JSON.parse(readFileSync(sPath, 'utf8')) as SignatureFile
  } catch {
    throw new KaoheError('BACKUP_SIGNATURE_INVALID', { path: folder })
  }
  if (sig?.alg !== 'ed25519' || typeof sig.publicKey !== 'string' || typeof sig.signature !== 'string') {
    throw new KaoheError('BACKUP_SIGNATURE_INVALID', { path: folder })
  }
  // The key the backup names is trusted only if the live unit has it, or its fingerprint is the
  // one typed from paper; a key carried inside the backup vouches for nothing by itself.
  let publicKey: string | undefined
  if (expected.fingerprint !== undefined) {
    if (normalizeFingerprint(fingerprintOf(sig.publicKey)) !== normalizeFingerprint(expected.fingerprint)) {
      throw new KaoheError('BACKUP_FINGERPRINT_MISMATCH', { path: folder })
    }
    publicKey = sig.publicKey
  }
  if (expected.trustedKeys.length || publicKey === undefined) {
    const trusted = expected.trustedKeys.find((k) => k.keyId === sig.keyId && k.publicKey === sig.publicKey)
    if (!trusted) throw new KaoheError('BACKUP_SIGNATURE_INVALID', { path: folder })
    publicKey = trusted.publicKey
  }
  if (keyIdOf(publicKey) !== sig.keyId || !verifyBytes(publicKey, bytes, sig.signature)) {
    throw new KaoheError('BACKUP_SIGNATURE_INVALID', { path: folder })
  }
  return { manifest: m, publicKey }
}

function invalid(path: string, reason: string): KaoheError {
  return new KaoheError('BACKUP_INVALID', { path, reason })
}

function info(folder: string, m: Manifest, publicKey: string): BackupInfo {
  return {
    folder,
    createdAt: m.createdAt,
    bytes: Object.values(m.files).reduce((a, f) => a + f.bytes, 0),
    sha256: m.files[DB_FILE]?.sha256 ?? '',
    auditEntries: m.auditEntries,
    auditHead: m.auditHead,
    unitCode: m.unit.code,
    signingKeyFingerprint: fingerprintOf(publicKey),
  }
}
