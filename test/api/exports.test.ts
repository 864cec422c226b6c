// Exports and big units through the router (issue 7, defects 4 and 5): the audit administrator's
// export once replaced the database; a unit of 50,000 people made quarterly.status fail.
import { existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Store } from '../../src/main/db/store'
import { readyUnit, passwordOf } from '../support/tempUnit'

const storeOf = (u: { app: { state: { session: { store: Store } | null } } }) => u.app.state.session!.store

describe('audit.export never writes over the unit or an existing file', () => {
  it('refuses the database, its key file, WAL and SHM, by any spelling and through links, and the unit still opens', async () => {
    const u = await readyUnit()
    await u.as('auditor')
    const db = join(u.dir, 'unit.kaohe')
    const dbBefore = readFileSync(db)
    symlinkSync(db, join(u.dir, 'looks-harmless.jsonl'))
    mkdirSync(join(u.dir, 'sub'))
    symlinkSync(u.dir, join(u.dir, 'sub', 'alias'))
    const targets = [
      db,
      `${db}.keys`,
      `${db}-wal`,
      `${db}-shm`,
      join(u.dir, 'UNIT.KAOHE'),
      join(u.dir, 'sub', '..', 'unit.kaohe'),
      join(u.dir, 'sub', 'alias', 'unit.kaohe'),
      join(u.dir, 'looks-harmless.jsonl'),
      join(u.dir, '.unit.kaohe.keys.1a2b.tmp'),
    ]
    for (const file of targets) {
      for (const overwrite of [false, true]) {
        const e = await u.err('audit.export', { file, overwrite })
        expect(e, `${file} overwrite=${overwrite}`).toMatchObject({ code: 'EXPORT_TARGET_PROTECTED', params: { path: expect.any(String) } })
      }
    }
    expect(readFileSync(db).subarray(0, 4096).equals(dbBefore.subarray(0, 4096))).toBe(true)
    await u.as(null)
    await u.login('hr1', passwordOf('hr1'))
    expect(await u.ok('auth.session')).toMatchObject({ username: 'hr1' })
  })

  it('refuses an existing file unless asked, then replaces it with a 0600 file; a backup folder is never a target', async () => {
    const u = await readyUnit()
    await u.as('auditor')
    const out = join(u.dir, 'exports')
    mkdirSync(out)
    const file = join(out, 'audit.jsonl')
    writeFileSync(file, 'keep me', { mode: 0o644 })
    expect(await u.err('audit.export', { file })).toMatchObject({ code: 'EXPORT_TARGET_EXISTS', params: { path: file } })
    expect(readFileSync(file, 'utf8')).toBe('keep me')
    const r = await u.ok('audit.export', { file, overwrite: true })
    expect(r.entries).toBeGreaterThan(0)
    expect(readFileSync(file, 'utf8').split('\n')[0]).toContain('"seq":1')
    expect(statSync(file).mode & 0o777).toBe(0o600)
    const fresh = join(out, 'new.jsonl')
    await u.ok('audit.export', { file: fresh })
    expect(statSync(fresh).mode & 0o777).toBe(0o600)

    const backup = join(u.dir, 'kaohe-backup-20260101-000000')
    mkdirSync(backup)
    writeFileSync(join(backup, 'kaohe-backup.json'), '{}')
    expect(await u.err('audit.export', { file: join(backup, 'unit.kaohe') })).toMatchObject({ code: 'EXPORT_TARGET_PROTECTED' })
    expect(await u.err('audit.export', { file: join(backup, 'audit.jsonl') })).toMatchObject({ code: 'EXPORT_TARGET_PROTECTED' })
    expect(existsSync(join(backup, 'audit.jsonl'))).toBe(false)
    // The refusals are audited.
    const failed = await u.ok('audit.list', { action: 'audit.export', outcome: 'failed' })
    expect(JSON.stringify(failed)).toContain('EXPORT_TARGET_PROTECTED')
    expect(JSON.stringify(failed)).toContain('EXPORT_TARGET_EXISTS')
  })
})

describe('a unit of 50,000 people', () => {
  it('quarterly.status lists them all (IN-lists bound as one parameter, not 50,000 variables)', async () => {
    const u = await readyUnit({ clock: () => new Date('2026-05-10T09:00:00+08:00') })
    await u.as('hr1')
    const raw = storeOf(u).raw
    const insert = raw.prepare("INSERT INTO people (staff_no, name, category, status, joined_on) VALUES (?, ?, 'general', 'active', '2020-01-01')")
    raw.transaction(() => {
      for (let i = 1; i <= 50_000; i++) insert.run(String(i).padStart(6, '0'), `人员${i}`)
    })()
    const rows = await u.ok('quarterly.status', { year: 2026, quarter: 1 })
    expect(rows).toHaveLength(50_000)
    expect(rows[0]).toMatchObject({ staffNo: '000001', flags: expect.arrayContaining(['NOT_RATED']) })
  })
})
