import { appendFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { passwordOf, readyUnit, tempDir } from '../support/tempUnit'

describe('encrypted backups', () => {
  it('backs up, verifies, and restores; the restored unit opens with the same passwords', async () => {
    const u = await readyUnit()
    await u.as('sysadmin')
    const parent = tempDir()
    const info = await u.ok('backup.create', { folder: parent })
    expect(readdirSync(info.folder).sort()).toEqual(['kaohe-backup.json', 'kaohe-backup.sig', 'unit.kaohe', 'unit.kaohe.keys'])
    expect(await u.ok('backup.verify', { folder: info.folder })).toEqual(info)
    // Work after the backup: a new account, a changed password.
    await u.ok('users.add', { username: 'later', displayName: '后来者', password: 'Later-Pass-1' })
    await u.as('hr1')
    await u.ok('auth.changePassword', { oldPassword: passwordOf('hr1'), newPassword: 'Changed-After-1' })
    await u.as('sysadmin')
    await u.ok('backup.restore', { folder: info.folder, password: passwordOf('sysadmin') })
    // The session ended with the restore.
    expect(await u.ok('auth.session')).toBeNull()
    await u.as('hr1') // the password as it was at backup time
    await u.as('sysadmin')
    expect((await u.ok('users.list')).map((x) => x.username)).not.toContain('later')
    await u.as('auditor')
    expect((await u.ok('audit.verify')).ok).toBe(true)
    expect((await u.ok('audit.list', { action: 'backup.restored', limit: 5 })).entries).toHaveLength(1)
  })

  it('refuses a tampered backup, naming why', async () => {
    const u = await readyUnit()
    await u.as('sysadmin')
    const info = await u.ok('backup.create', { folder: tempDir() })
    appendFileSync(join(info.folder, 'unit.kaohe'), Buffer.from([1, 2, 3]))
    const err = await u.err('backup.verify', { folder: info.folder })
    expect(err).toMatchObject({ code: 'BACKUP_INVALID', params: { path: info.folder } })
    expect(String(err.params?.reason)).toMatch(/SHA-256/)
    expect((await u.err('backup.restore', { folder: info.folder, password: passwordOf('sysadmin') })).code).toBe('BACKUP_INVALID')
    expect((await u.err('backup.verify', { folder: tempDir() })).code).toBe('BACKUP_NOT_FOUND')
    expect((await u.err('backup.create', { folder: '/no/such/folder' })).code).toBe('FILE_NOT_FOUND')
  })

  it('verifies the folder just backed up to: the newest backup inside it', async () => {
    const u = await readyUnit()
    await u.as('sysadmin')
    const parent = tempDir()
    const made = await u.ok('backup.create', { folder: parent })
    expect(made.folder).not.toBe(parent)
    expect(made.folder.startsWith(parent)).toBe(true)
    const checked = await u.ok('backup.verify', { folder: parent })
    expect(checked.folder).toBe(made.folder)
    expect(checked.sha256).toBe(made.sha256)
  })

  it('refuses the backup of another unit', async () => {
    const a = await readyUnit()
    const b = await readyUnit()
    await b.as('sysadmin')
    const other = await b.ok('backup.create', { folder: tempDir() })
    await a.as('sysadmin')
    expect(await a.err('backup.verify', { folder: other.folder })).toMatchObject({ code: 'BACKUP_OTHER_UNIT' })
  })
})
