import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite from 'better-sqlite3-multiple-ciphers'
import { describe, expect, it } from 'vitest'
import { auditKey, GENESIS_HASH, legacyEntryHash, sealState, type AuditRow } from '../../src/main/core/audit/chain'
import { KeyFile } from '../../src/main/core/keys/keyFile'
import { passwordOf, readyUnit, type ReadyUnit } from '../support/tempUnit'

/**
 * Issue 7 defect 1, at the level it happened: a real encrypted unit, tampered with as an insider
 * holding one ordinary password would (unwrap the key from the key file, open the database with
 * an SQLite tool), then the audit administrator signs in and verifies.
 */
const dbPath = (u: ReadyUnit) => join(u.dir, 'unit.kaohe')
const keyPath = (u: ReadyUnit) => join(u.dir, 'unit.kaohe.keys')

function insiderKey(u: ReadyUnit): Buffer {
  const r = KeyFile.load(keyPath(u)).unlockUser('staff1', passwordOf('staff1'), new Date())
  if (!r.ok) throw new Error('cannot unwrap')
  return Buffer.from(r.secret.dbKey, 'hex')
}

function withDb<T>(u: ReadyUnit, fn: (db: BetterSqlite.Database) => T): T {
  const db = new BetterSqlite(dbPath(u))
  db.pragma(`cipher='chacha20'`)
  db.pragma(`key="x'${insiderKey(u).toString('hex')}'"`)
  try {
    return fn(db)
  } finally {
    db.close()
  }
}

const rows = (db: BetterSqlite.Database) => db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditRow[]

/** Rewrites every entry as one consistent keyless (SHA-256) chain, as the previous version wrote it. */
function rechainKeyless(db: BetterSqlite.Database): { seq: number; hash: string } {
  let prev = GENESIS_HASH
  let last = { seq: 0, hash: GENESIS_HASH }
  const update = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?')
  for (const row of rows(db)) {
    const { hash: _h, ...rest } = { ...row, prev_hash: prev }
    const hash = legacyEntryHash(rest)
    update.run(prev, hash, row.seq)
    prev = hash
    last = { seq: row.seq, hash }
  }
  return last
}

const keyFileJson = (u: ReadyUnit) => JSON.parse(readFileSync(keyPath(u), 'utf8')) as Record<string, unknown>

describe('the audit chain is keyed and anchored, checked at every open', () => {
  it.each([
    ['the last entry', 'DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)'],
    ['the last five', 'DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 5 FROM audit_log)'],
    ['every entry', 'DELETE FROM audit_log'],
  ])('a cut tail (%s) is found at the next sign-in, recorded, and reported by every later verify', async (_what, sql) => {
    const u = await readyUnit()
    const before = withDb(u, (db) => rows(db).length)
    withDb(u, (db) => db.exec(sql))
    const left = withDb(u, (db) => rows(db).length)
    await u.as('auditor')
    const report = await u.ok('audit.verify')
    expect(report.ok).toBe(false)
    expect(report.firstBad).toEqual({ seq: left + 1, problem: 'truncated' })
    expect(report.breaks).toMatchObject([{ problem: 'truncated', anchorSeq: before, headSeq: left }])
    const found = await u.ok('audit.list', { action: 'audit.anchorMismatch', limit: 5 })
    expect(found.entries).toHaveLength(1)
    expect(found.entries[0]!.detail).toMatchObject({ problem: 'truncated', anchorSeq: before, headSeq: left })
    // The chain goes on, but the cut stays reported and is not recorded twice.
    await u.as('hr1')
    await u.as('auditor')
    const later = await u.ok('audit.verify')
    expect(later).toMatchObject({ ok: false, firstBad: { seq: left + 1, problem: 'truncated' } })
    expect((await u.ok('audit.list', { action: 'audit.anchorMismatch', limit: 5 })).entries).toHaveLength(1)
  })

  it('a chain with an entry deleted, renumbered and rehashed without the key is found', async () => {
    const u = await readyUnit()
    withDb(u, (db) => {
      db.exec('DELETE FROM audit_log WHERE seq = 3')
      db.exec('UPDATE audit_log SET seq = -seq WHERE seq > 3')
      db.exec('UPDATE audit_log SET seq = -seq - 1 WHERE seq < 0')
      rechainKeyless(db)
    })
    await u.as('auditor')
    const report = await u.ok('audit.verify')
    expect(report.ok).toBe(false)
    expect(report.firstBad?.seq).toBe(1)
    expect((await u.ok('audit.list', { action: 'audit.anchorMismatch', limit: 5 })).entries).toHaveLength(1)
  })

  it('the anchor in the key file is MACed: moving it back to hide a cut is found', async () => {
    const u = await readyUnit()
    withDb(u, (db) => db.exec('DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 3 FROM audit_log)'))
    const kf = keyFileJson(u) as { audit: { anchor: { seq: number; hash: string } } }
    const head = withDb(u, (db) => rows(db).at(-1)!)
    kf.audit.anchor = { seq: head.seq, hash: head.hash }
    writeFileSync(keyPath(u), JSON.stringify(kf))
    await u.as('auditor')
    const report = await u.ok('audit.verify')
    expect(report).toMatchObject({ ok: false, firstBad: { problem: 'anchorInvalid' }, breaks: [{ problem: 'anchorInvalid' }] })
  })

  it('the head is a checkpoint to note outside: an insider who re-chains with the key is caught by it', async () => {
    const u = await readyUnit()
    await u.as('auditor')
    const { head } = await u.ok('audit.verify')
    expect(head?.checkpoint).toMatch(/^\d+:[0-9a-f]{4}(-[0-9a-f]{4}){3}$/)
    expect(await u.ok('audit.verify', { checkpoint: head!.checkpoint })).toMatchObject({ ok: true, checkpoint: { ok: true } })
    await u.as(null)
    // What remains possible with one password and a script: cut the tail and re-seal the anchor.
    const key = auditKey(insiderKey(u))
    const newHead = withDb(u, (db) => {
      db.exec('DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 4 FROM audit_log)')
      return rows(db).at(-1)!
    })
    const kf = keyFileJson(u) as { audit: unknown }
    kf.audit = sealState(key, { keyedFrom: 1, anchor: { seq: newHead.seq, hash: newHead.hash }, breaks: [] })
    writeFileSync(keyPath(u), JSON.stringify(kf))
    await u.as('auditor')
    expect((await u.ok('audit.verify')).ok).toBe(true)
    const checked = await u.ok('audit.verify', { checkpoint: head!.checkpoint })
    expect(checked).toMatchObject({ ok: false, checkpoint: { ok: false, problem: 'missing' } })
  })

  it('a unit from the previous version (keyless chain, plain anchor) keeps verifying and is keyed from its next open', async () => {
    const u = await readyUnit()
    const legacyHead = withDb(u, (db) => rechainKeyless(db))
    const kf = keyFileJson(u)
    delete kf.audit
    delete kf.unknownAttempts
    writeFileSync(keyPath(u), JSON.stringify({ ...kf, format: 'kaohe-keyslots/1', auditAnchor: legacyHead }))
    await u.as('auditor')
    const report = await u.ok('audit.verify')
    expect(report).toMatchObject({ ok: true, keyedFrom: legacyHead.seq + 1, breaks: [] })
    const keyed = await u.ok('audit.list', { action: 'audit.chainKeyed', limit: 5 })
    expect(keyed.entries).toMatchObject([{ seq: legacyHead.seq + 1, detail: { keyedFrom: legacyHead.seq + 1, legacyEntries: legacyHead.seq } }])
    expect(keyFileJson(u)).toMatchObject({ format: 'kaohe-keyslots/2', audit: { keyedFrom: legacyHead.seq + 1 } })
    // From now on the old entries are fixed too: editing one is found.
    await u.as(null)
    withDb(u, (db) => db.exec(`UPDATE audit_log SET actor = 'someone' WHERE seq = 2`))
    await u.as('auditor')
    expect((await u.ok('audit.verify')).firstBad).toEqual({ seq: 2, problem: 'edited' })
  })

  it('removing the keyed state from the key file (to pass as an old unit) is found', async () => {
    const u = await readyUnit()
    const kf = keyFileJson(u)
    delete kf.audit
    writeFileSync(keyPath(u), JSON.stringify({ ...kf, format: 'kaohe-keyslots/1' }))
    await u.as('auditor')
    expect(await u.ok('audit.verify')).toMatchObject({ ok: false, firstBad: { problem: 'anchorInvalid' } })
  })
})
