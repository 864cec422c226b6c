import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createKaohe } from '../../src/main/api/app'
import { FAST_POLICY, newUnit, passwordOf, readyUnit, tempDir, client } from '../support/tempUnit'

describe('first run and sign-in', () => {
  it('set-up refuses weak passwords and duplicate names, naming the rule, and leaves no files', async () => {
    const dir = tempDir()
    const c = client(createKaohe({ dataDir: dir, policy: FAST_POLICY }), dir)
    const weak = await c.err('setup.initialize', {
      unitName: '测试局',
      unitCode: 'T-1',
      sysadmin: { username: 'a', displayName: 'A', password: 'short' },
      secadmin: { username: 'bb', displayName: 'B', password: 'Strong-Pass-1' },
      auditor: { username: 'cc', displayName: 'C', password: 'Strong-Pass-1' },
    })
    expect(weak.code).toBe('INVALID_INPUT') // user name "a" is too short
    const weakPw = await c.err('setup.initialize', {
      unitName: '测试局',
      unitCode: 'T-1',
      sysadmin: { username: 'aa', displayName: 'A', password: 'alllowercase' },
      secadmin: { username: 'bb', displayName: 'B', password: 'Strong-Pass-1' },
      auditor: { username: 'cc', displayName: 'C', password: 'Strong-Pass-1' },
    })
    expect(weakPw).toMatchObject({ code: 'WEAK_PASSWORD', params: { minLength: 8, minClasses: 3 } })
    expect(readdirSync(dir)).toEqual([])
    expect(await c.ok('setup.status')).toEqual({ initialized: false, demo: false, demoLogins: [], passwordRule: { minLength: 8, minClasses: 3 }, officeKind: 'unit' })
  })

  it('forces a password change at first sign-in before anything else', async () => {
    const u = await newUnit()
    await u.login('sysadmin', 'Sys-Admin-2026')
    expect(await u.ok('auth.session')).toMatchObject({ mustChangePassword: true, unitName: '测试县市场监督管理局' })
    expect((await u.err('users.list')).code).toBe('PASSWORD_CHANGE_REQUIRED')
    expect((await u.err('auth.changePassword', { oldPassword: 'Sys-Admin-2026', newPassword: 'weakweak' })).code).toBe('WEAK_PASSWORD')
    expect((await u.err('auth.changePassword', { oldPassword: 'Sys-Admin-2026', newPassword: 'Sys-Admin-2026' })).code).toBe('PASSWORD_REUSED')
    expect((await u.err('auth.changePassword', { oldPassword: 'nope', newPassword: 'Good-New-Pass-1' })).code).toBe('WRONG_PASSWORD')
    await u.ok('auth.changePassword', { oldPassword: 'Sys-Admin-2026', newPassword: 'Good-New-Pass-1' })
    expect(await u.ok('users.list')).toHaveLength(3)
    // The old password no longer opens the account; the new one does.
    expect((await u.err('auth.login', { username: 'sysadmin', password: 'Sys-Admin-2026' })).code).toBe('AUTH_FAILED')
    await u.login('sysadmin', 'Good-New-Pass-1')
  })

  it('five wrong passwords lock the account for 15 minutes, and the attempts are audited later', async () => {
    let now = new Date('2026-03-02T09:00:00Z')
    const u = await readyUnit({ clock: () => now })
    const errors = []
    for (let i = 0; i < 5; i++) errors.push(await u.err('auth.login', { username: 'hr1', password: 'Wrong-Pass-1' }))
    expect(errors.map((e) => e.code)).toEqual(['AUTH_FAILED', 'AUTH_FAILED', 'AUTH_FAILED', 'AUTH_FAILED', 'ACCOUNT_LOCKED'])
    expect(errors[3]?.params).toEqual({ remaining: 1 })
    expect(errors[4]?.params).toEqual({ until: '2026-03-02T09:15:00.000Z' })
    expect((await u.err('auth.login', { username: 'hr1', password: passwordOf('hr1') })).code).toBe('ACCOUNT_LOCKED')
    await u.as('sysadmin')
    const users = await u.ok('users.list')
    expect(users.find((x) => x.username === 'hr1')?.lockedUntil).toBe('2026-03-02T09:15:00.000Z')
    expect(await u.ok('home.tasks')).toContainEqual({ kind: 'users.lockedOut', count: 1, route: 'users' })
    await u.as('auditor')
    const log = await u.ok('audit.list', { actor: 'hr1', outcome: 'denied', limit: 10 })
    expect(log.entries.map((e) => e.action)).toEqual([
      'auth.accountLocked', 'auth.loginFailed', 'auth.loginFailed', 'auth.loginFailed', 'auth.loginFailed', 'auth.loginFailed',
    ].slice(0, log.entries.length))
    expect(log.entries.filter((e) => e.action === 'auth.loginFailed')).toHaveLength(5)
    now = new Date('2026-03-02T09:15:01Z')
    await u.as('hr1')
  })

  it('locks an idle session after the policy minutes; the password unlocks it', async () => {
    let now = new Date('2026-03-02T09:00:00Z')
    const u = await readyUnit({ clock: () => now })
    await u.as('hr1')
    now = new Date('2026-03-02T09:16:00Z')
    expect((await u.err('home.tasks')).code).toBe('SESSION_LOCKED')
    expect(await u.ok('auth.session')).toMatchObject({ locked: true, username: 'hr1' })
    expect((await u.err('auth.unlock', { password: 'wrong' })).code).toBe('AUTH_FAILED')
    expect(await u.ok('auth.unlock', { password: passwordOf('hr1') })).toMatchObject({ locked: false })
    expect(await u.ok('home.tasks')).toEqual([{ kind: 'guideline.notPublished', count: 1, route: 'guideline' }])
    await u.ok('auth.lock')
    expect((await u.err('home.tasks')).code).toBe('SESSION_LOCKED')
  })

  it('a disabled account cannot sign in, and the last administrator cannot be disabled', async () => {
    const u = await readyUnit()
    await u.as('sysadmin')
    await u.ok('users.setDisabled', { userId: u.ids.staff1!, disabled: true })
    expect((await u.err('users.setDisabled', { userId: u.ids.sysadmin!, disabled: true })).code).toBe('CANNOT_DISABLE_SELF')
    expect((await u.err('users.setDisabled', { userId: u.ids.secadmin!, disabled: true })).code).toBe('LAST_ADMIN')
    expect((await u.err('auth.login', { username: 'staff1', password: passwordOf('staff1') })).code).toBe('ACCOUNT_DISABLED')
  })

  it('a reset password must be changed at the next sign-in', async () => {
    const u = await readyUnit()
    await u.as('sysadmin')
    // One step only for an account without content roles (issue 7 #9: staff1's takes two administrators).
    await u.ok('users.resetPassword', { userId: u.ids.none1!, password: 'Temporary-Pass-9' })
    await u.login('none1', 'Temporary-Pass-9')
    expect(await u.ok('auth.session')).toMatchObject({ mustChangePassword: true })
  })

  it('the recovery code resets a password, audited', async () => {
    const u = await readyUnit()
    await u.ok('auth.recover', { username: 'sysadmin', recoveryCode: u.recoveryCode, newPassword: 'From-Recovery-1' })
    await u.login('sysadmin', 'From-Recovery-1')
    expect(await u.ok('auth.session')).toMatchObject({ mustChangePassword: true })
    await u.as('auditor')
    expect((await u.ok('audit.list', { action: 'auth.recover', limit: 5 })).entries).toHaveLength(1)
  })
})

describe('三员分立 and roles', () => {
  it('never combines an administrator role with any other role', async () => {
    const u = await readyUnit()
    await u.as('secadmin')
    const err = await u.err('roles.grant', { userId: u.ids.sysadmin!, role: 'hr' })
    expect(err).toMatchObject({ code: 'ROLE_CONFLICT', params: { role: '人事科', other: '系统管理员' } })
    expect((await u.err('roles.grant', { userId: u.ids.hr1!, role: 'auditor' })).code).toBe('ROLE_CONFLICT')
    expect((await u.err('roles.grant', { userId: u.ids.sysadmin!, role: 'auditor' })).code).toBe('ROLE_CONFLICT')
    // Content roles combine freely.
    expect((await u.ok('roles.grant', { userId: u.ids.hr1!, role: 'supervisor' })).roles).toEqual(['hr', 'supervisor'])
    expect((await u.err('roles.revoke', { userId: u.ids.secadmin!, role: 'secadmin' })).code).toBe('LAST_ADMIN')
    // The refused grants are in the audit log as failed attempts.
    await u.as('auditor')
    const failed = await u.ok('audit.list', { action: 'roles.grant', outcome: 'failed', limit: 10 })
    expect(failed.entries.map((e) => e.detail.error)).toEqual(['ROLE_CONFLICT', 'ROLE_CONFLICT', 'ROLE_CONFLICT'])
  })

  it('the T3 key exists only for discipline accounts and is handed over at sign-in', async () => {
    const u = await readyUnit()
    const t3 = () => u.app.state.session?.t3Key ?? null
    await u.as('disc1')
    const first = t3() && Buffer.from(t3()!)
    expect(first).toHaveLength(32)
    await u.as('hr1')
    expect(t3()).toBeNull()
    await u.as('secadmin')
    await u.ok('roles.grant', { userId: u.ids.none1!, role: 'discipline' })
    expect(await u.ok('home.tasks')).toContainEqual({ kind: 'roles.t3HandoverPending', count: 1, route: 'roles' })
    await u.as('none1')
    expect(t3()).toBeNull() // nobody holding the key has signed in since
    await u.as('disc1') // … now disc1 does, and hands it over
    await u.as('none1')
    expect(t3()).toEqual(first)
    // Changing the password keeps the key; revoking the role removes it.
    await u.ok('auth.changePassword', { oldPassword: passwordOf('none1'), newPassword: 'Changed-Pass-7' })
    await u.login('none1', 'Changed-Pass-7')
    expect(t3()).toEqual(first)
    await u.as('secadmin')
    await u.ok('roles.revoke', { userId: u.ids.none1!, role: 'discipline' })
    await u.ok('roles.grant', { userId: u.ids.none1!, role: 'discipline' })
    await u.login('none1', 'Changed-Pass-7')
    expect(t3()).toBeNull()
  })
})

describe('the demo unit', () => {
  it('builds a realistic bureau that the documented logins open', async () => {
    const dir = tempDir()
    const app = createKaohe({ dataDir: dir, policy: FAST_POLICY, demoIfEmpty: true })
    const c = client(app, dir)
    const status = await c.ok('setup.status')
    expect(status.demo).toBe(true)
    expect(status.demoLogins.map((l) => l.username)).toEqual(['admin', 'secadmin', 'auditor', 'head', 'leader', 'jijian', 'hr', 'kezhang', 'staff'])
    await c.login('head', status.demoLogins[0]!.password)
    expect(await c.ok('auth.session')).toMatchObject({ demo: true, roles: ['leader', 'leaderHead'], mustChangePassword: false })
    const store = app.state.session!.store
    const count = (sql: string) => (store.raw.prepare(sql).get() as { n: number }).n
    expect(count('SELECT count(*) AS n FROM people')).toBeGreaterThanOrEqual(55)
    expect(count('SELECT count(*) AS n FROM departments')).toBe(6)
    expect(count('SELECT count(DISTINCT category) AS n FROM people')).toBe(3)
    expect(count('SELECT count(*) AS n FROM people WHERE risk_post = 1')).toBeGreaterThan(10)
    expect(count('SELECT count(*) AS n FROM people WHERE supervisor_id IS NULL')).toBe(1)
    for (const f of readdirSync(dir)) expect(readFileSync(join(dir, f)).includes(Buffer.from('示范县'))).toBe(false)
  })
})

describe('the demo unit, issue 3', () => {
  it('has a published 2026 guideline in force, a leadership group and history for everyone', async () => {
    const dir = tempDir()
    const c = client(createKaohe({ dataDir: dir, policy: FAST_POLICY, demoIfEmpty: true, clock: () => new Date('2026-11-24T10:00:00') }), dir)
    await c.login('hr', 'Kaohe@2026')
    const g = await c.ok('guideline.get', { year: 2026 })
    expect(g.current).toMatchObject({ version: 1, state: 'inForce', publicityStart: '2026-01-05', publicityEnd: '2026-01-12', effectiveOn: '2026-01-13' })
    const leaders = await c.ok('org.leadership.get')
    expect(leaders.head).toMatchObject({ staffNo: '0001', accountHasRole: true })
    expect(leaders.members.map((m) => m.staffNo)).toEqual(['0002', '0003', '0201'])
    const people = await c.ok('org.people.list', {})
    const one = await c.ok('org.people.get', { id: people[10]!.id })
    expect(one.history).toHaveLength(1)
  })
})
