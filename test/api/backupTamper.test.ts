import { createHash, generateKeyPairSync, sign } from 'node:crypto'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openEncrypted } from '../../src/main/db/open'
import { KeyFile } from '../../src/main/core/keys/keyFile'
import { fingerprintOf } from '../../src/main/core/backup/signingKey'
import { locationInDataDir } from '../../src/main/core/unit/location'
import { errorText } from '../../src/shared/errors'
import { passwordOf, readyUnit, tempDir, type ReadyUnit } from '../support/tempUnit'

/**
 * Issue 7 #6: real backups tampered with as an insider holding one ordinary password would, each
 * refused with a clear reason, and the live unit left as it was.
 */
const sha256 = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex')

/** What an attacker does after changing a file: recompute the manifest's checksums. */
function recomputeChecksums(folder: string): void {
  const path = join(folder, 'kaohe-backup.json')
  const m = JSON.parse(readFileSync(path, 'utf8')) as { files: Record<string, { bytes: number; sha256: string }> }
  for (const name of Object.keys(m.files)) {
    const p = join(folder, name)
    m.files[name] = { bytes: statSync(p).size, sha256: sha256(p) }
  }
  writeFileSync(path, JSON.stringify(m, null, 2))
}

/** The database key from one account's slot, read on a copy (as anyone with the file could). */
function dbKeyOf(keyFilePath: string, username: string, password: string): Buffer {
  const scratch = mkdtempSync(join(tmpdir(), 'kaohe-attack-'))
  copyFileSync(keyFilePath, join(scratch, 'k'))
  const r = KeyFile.load(join(scratch, 'k')).unlockUser(username, password, new Date())
  if (!r.ok) throw new Error('attacker could not open the slot')
  return Buffer.from(r.secret.dbKey, 'hex')
}

async function unitWithBackup(): Promise<{ u: ReadyUnit; folder: string; personId: number; liveDb: string }> {
  const u = await readyUnit()
  await u.as('hr1')
  const person = await u.ok('org.people.save', {
    staffNo: '0001',
    name: '李四',
    departmentId: null,
    category: 'general',
    supervisorId: null,
    riskPost: false,
    status: 'active',
    joinedOn: null,
    leftOn: null,
    effectiveOn: new Date().toISOString().slice(0, 10),
  })
  await u.as('sysadmin')
  const info = await u.ok('backup.create', { folder: tempDir() })
  const liveDb = locationInDataDir(u.dir).dbPath
  return { u, folder: info.folder, personId: person.id, liveDb }
}

/**
 * Both refusals name the reason, and the live unit is left as it was: nothing swapped or left
 * beside it, the same unit (its id) and content, the session still open, the refusal audited.
 */
async function expectRefused(u: ReadyUnit, folder: string, liveDb: string, code: string, extra: { fingerprint?: string } = {}) {
  const uidBefore = unitUid(liveDb, `${liveDb}.keys`)
  await u.as('sysadmin')
  const v = await u.err('backup.verify', { folder, password: passwordOf('sysadmin'), ...extra })
  expect(v.code).toBe(code)
  expect(errorText(v, 'zh')).not.toMatch(/\{/)
  expect(errorText(v, 'en')).not.toMatch(/\{/)
  const r = await u.err('backup.restore', { folder, password: passwordOf('sysadmin'), ...extra })
  expect(r.code).toBe(code)
  expect(await u.ok('auth.session')).not.toBeNull()
  await u.as(null)
  expect(readdirSync(dirname(liveDb)).filter((f) => f.includes('replaced') || f.includes('restore'))).toEqual([])
  expect(unitUid(liveDb, `${liveDb}.keys`)).toBe(uidBefore)
  await u.as('hr1')
  expect((await u.ok('org.people.list', {})).map((p) => p.name)).toEqual(['李四'])
  await u.as('auditor')
  expect((await u.ok('audit.list', { action: 'backup.restore', outcome: 'failed', limit: 5 })).entries.length).toBeGreaterThan(0)
}

function unitUid(dbPath: string, keyPath: string): string {
  const db = openEncrypted(dbPath, dbKeyOf(keyPath, 'staff1', passwordOf('staff1')), { readonly: true })
  try {
    return (db.prepare('SELECT uid FROM unit').get() as { uid: string }).uid
  } finally {
    db.close()
  }
}

describe('backup signatures (issue 7 #6)', () => {
  it('refuses a backup whose key file was swapped for another unit’s, checksums recomputed', async () => {
    const { u, folder, liveDb } = await unitWithBackup()
    const other = await readyUnit()
    await other.as('sysadmin')
    const otherBackup = await other.ok('backup.create', { folder: tempDir() })
    copyFileSync(join(otherBackup.folder, 'unit.kaohe.keys'), join(folder, 'unit.kaohe.keys'))
    recomputeChecksums(folder)
    await expectRefused(u, folder, liveDb, 'BACKUP_SIGNATURE_INVALID')
  })

  it('refuses content edited inside a backup with a staff password, checksums recomputed', async () => {
    const { u, folder, personId, liveDb } = await unitWithBackup()
    // Every password unwraps the database key: staff1's is enough to rewrite the backup's rows.
    const key = dbKeyOf(join(folder, 'unit.kaohe.keys'), 'staff1', passwordOf('staff1'))
    const db = openEncrypted(join(folder, 'unit.kaohe'), key)
    db.prepare('UPDATE people SET name = ? WHERE id = ?').run('改过的名字', personId)
    db.pragma('wal_checkpoint(TRUNCATE)')
    db.close()
    recomputeChecksums(folder)
    await expectRefused(u, folder, liveDb, 'BACKUP_SIGNATURE_INVALID')
  })

  it('refuses a manifest re-signed with another key, with or without a fingerprint typed from paper', async () => {
    const { u, folder, liveDb } = await unitWithBackup()
    await u.as('sysadmin')
    const real = await u.ok('backup.signingKey')
    const forged = generateKeyPairSync('ed25519')
    const publicKey = forged.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('base64')
    const bytes = readFileSync(join(folder, 'kaohe-backup.json'))
    const keyId = createHash('sha256').update(Buffer.from(publicKey, 'base64')).digest('hex').slice(0, 16)
    writeFileSync(
      join(folder, 'kaohe-backup.sig'),
      JSON.stringify({ alg: 'ed25519', keyId, publicKey, signature: sign(null, bytes, forged.privateKey).toString('base64') }),
    )
    await expectRefused(u, folder, liveDb, 'BACKUP_SIGNATURE_INVALID')
    await expectRefused(u, folder, liveDb, 'BACKUP_FINGERPRINT_MISMATCH', { fingerprint: real.fingerprint })
    // The forged key's own fingerprint is not the unit's either: typed, it still is not trusted live.
    await expectRefused(u, folder, liveDb, 'BACKUP_SIGNATURE_INVALID', { fingerprint: fingerprintOf(publicKey) })
  })

  it('refuses a backup with its signature removed', async () => {
    const { u, folder, liveDb } = await unitWithBackup()
    writeFileSync(join(folder, 'kaohe-backup.sig'), '')
    await expectRefused(u, folder, liveDb, 'BACKUP_SIGNATURE_INVALID')
  })

  it('refuses a restore whose password does not open the backup’s key file', async () => {
    const { u, folder } = await unitWithBackup()
    await u.as('sysadmin')
    expect((await u.err('backup.restore', { folder, password: 'Not-The-Password-1' })).code).toBe('BACKUP_KEYFILE_MISMATCH')
    // The recovery code opens it as well as the password at backup time.
    expect((await u.ok('backup.verify', { folder, password: u.recoveryCode })).folder).toBe(folder)
  })

  it('verifies a genuine backup against the fingerprint on paper, restores via a side folder, keeps the replaced files, all 0600', async () => {
    const { u, folder, liveDb } = await unitWithBackup()
    await u.as('sysadmin')
    const key = await u.ok('backup.signingKey')
    expect(key.fingerprint).toMatch(/^(\d{5} ){11}\d{5}$/)
    for (const f of readdirSync(folder)) expect(statSync(join(folder, f)).mode & 0o777, f).toBe(0o600)
    const info = await u.ok('backup.verify', { folder, fingerprint: key.fingerprint.replace(/ /g, '-') })
    expect(info.signingKeyFingerprint).toBe(key.fingerprint)
    // Work after the backup, which the restore replaces: it must survive in the kept files.
    await u.ok('users.add', { username: 'later', displayName: '后来者', password: 'Later-Pass-1' })
    await u.ok('backup.restore', { folder, password: passwordOf('sysadmin') })
    const dir = dirname(liveDb)
    const kept = readdirSync(dir).filter((f) => f.includes('.replaced-'))
    const keptDb = kept.find((f) => !f.includes('.keys') && !f.endsWith('-wal') && !f.endsWith('-shm'))
    const keptKeys = kept.find((f) => f.includes('.keys'))
    expect(keptDb && keptKeys, kept.join(',')).toBeTruthy()
    const old = openEncrypted(join(dir, keptDb!), dbKeyOf(join(dir, keptKeys!), 'staff1', passwordOf('staff1')), { readonly: true })
    expect(old.prepare("SELECT count(*) AS n FROM users WHERE username = 'later'").get()).toEqual({ n: 1 })
    old.close()
    for (const p of [...kept.map((f) => join(dir, f)), liveDb, `${liveDb}.keys`]) {
      expect(statSync(p).mode & 0o777, p).toBe(0o600)
    }
    expect(readdirSync(dir).filter((f) => f.startsWith('.kaohe-restore'))).toEqual([])
    await u.as('sysadmin')
    expect((await u.ok('users.list')).map((x) => x.username)).not.toContain('later')
  })
})
