import { describe, expect, it } from 'vitest'
import type { SessionInfo } from '../../src/shared/api/types'
import { ADMIN_PASSWORDS, newUnit, passwordOf, readyUnit, type TestClient } from '../support/tempUnit'

/** Issue 7 #9: a password reset takes two administrators for a content account, and never remakes the T3 key. */

async function loginInfo(u: TestClient, username: string, password: string): Promise<SessionInfo> {
  const r = await u.app.call('auth.login', { username, password })
  if (!r.ok) throw new Error(`login ${username}: ${JSON.stringify(r.error)}`)
  return r.value as SessionInfo
}

async function awaitingT3(u: TestClient): Promise<boolean> {
  return (await u.ok('home.tasks')).some((t) => t.kind === 'discipline.awaitingT3Key')
}

describe('two-administrator password resets (issue 7 #9)', () => {
  it('refuses a one-step reset of a content account; sysadmin requests, security admin approves and alone sees the password', async () => {
    const u = await readyUnit()
    await u.as('sysadmin')
    expect(await u.err('users.resetPassword', { userId: u.ids.disc1!, password: 'Taken-Over-2026' })).toMatchObject({
      code: 'RESET_NEEDS_APPROVAL',
      params: { username: 'disc1' },
    })
    await u.as('disc1') // the old password still works: nothing was reset
    await u.as('sysadmin')
    const request = await u.ok('users.requestReset', { userId: u.ids.disc1! })
    expect(request).toMatchObject({ username: 'disc1', requestedBy: 'sysadmin', requestedByRole: 'sysadmin', state: 'pending' })
    expect(request).not.toHaveProperty('temporaryPassword')
    // The requester cannot approve it, and the password has not changed yet.
    expect((await u.err('users.decideReset', { requestId: request.id, approve: true })).code).toBe('RESET_APPROVER_SAME')
    await u.as('disc1')
    await u.as('secadmin')
    expect((await u.ok('users.resetRequests')).map((r) => r.id)).toEqual([request.id])
    const decision = await u.ok('users.decideReset', { requestId: request.id, approve: true })
    expect(decision.request.state).toBe('done')
    const temp = decision.temporaryPassword!
    expect(temp.length).toBeGreaterThanOrEqual(8)
    expect((await u.err('users.decideReset', { requestId: request.id, approve: true })).code).toBe('RESET_NOT_PENDING')
    // The temporary password is nowhere in the audit trail.
    await u.as('auditor')
    const log = await u.ok('audit.list', { action: 'users.', limit: 50 })
    expect(JSON.stringify(log)).not.toContain(temp)
    // The person is told who reset it and when, at this sign-in and at the next with their own password.
    const first = await loginInfo(u, 'disc1', temp)
    expect(first.mustChangePassword).toBe(true)
    expect(first.passwordReset?.by).toContain('sysadmin')
    expect(first.passwordReset?.by).toContain('secadmin')
    expect(first.passwordReset?.at).toMatch(/^\d{4}-/)
    await u.ok('auth.changePassword', { oldPassword: temp, newPassword: 'Disc1-Own-2026!' })
    expect((await loginInfo(u, 'disc1', 'Disc1-Own-2026!')).passwordReset).not.toBeNull()
    expect((await loginInfo(u, 'disc1', 'Disc1-Own-2026!')).passwordReset).toBeNull()
  })

  it('works the other way round: security admin requests, system admin approves; a refusal resets nothing', async () => {
    const u = await readyUnit()
    await u.as('secadmin')
    const r1 = await u.ok('users.requestReset', { userId: u.ids.staff1! })
    expect((await u.err('users.requestReset', { userId: u.ids.staff1! })).code).toBe('RESET_ALREADY_PENDING')
    await u.as('sysadmin')
    expect((await u.ok('users.decideReset', { requestId: r1.id, approve: false })).temporaryPassword).toBeNull()
    await u.as('staff1')
    await u.as('secadmin')
    const r2 = await u.ok('users.requestReset', { userId: u.ids.staff1! })
    await u.as('sysadmin')
    const { temporaryPassword } = await u.ok('users.decideReset', { requestId: r2.id, approve: true })
    await u.login('staff1', temporaryPassword!)
    expect((await u.app.call('auth.login', { username: 'staff1', password: passwordOf('staff1') })).ok).toBe(false)
  })

  it('keeps administrator resets one step, but a reset administrator cannot then approve the resetter’s requests', async () => {
    const u = await readyUnit()
    await u.as('sysadmin')
    // The system administrator takes over the security administrator's account in one step…
    await u.ok('users.resetPassword', { userId: u.ids.secadmin!, password: 'Taken-Over-2026' })
    const request = await u.ok('users.requestReset', { userId: u.ids.hr1! })
    const info = await loginInfo(u, 'secadmin', 'Taken-Over-2026')
    expect(info.passwordReset?.by).toContain('sysadmin')
    await u.ok('auth.changePassword', { oldPassword: 'Taken-Over-2026', newPassword: 'Now-Mine-2026!' })
    // …but cannot use it to approve their own request.
    expect((await u.err('users.decideReset', { requestId: request.id, approve: true })).code).toBe('RESET_APPROVER_TAINTED')
    await u.as('hr1')
  })
})

describe('T3 key after resets (issue 7 #9)', () => {
  it('is re-granted by another holder or the office’s recovery code, never made again', async () => {
    const u = await newUnit()
    for (const [name, pw] of Object.entries(ADMIN_PASSWORDS)) {
      await u.login(name, pw)
      await u.ok('auth.changePassword', { oldPassword: pw, newPassword: passwordOf(name) })
    }
    await u.login('sysadmin', passwordOf('sysadmin'))
    const ids: Record<string, number> = {}
    for (const name of ['jijian', 'jijian2']) ids[name] = (await u.ok('users.add', { username: name, displayName: name, password: `${name}-First-1` })).id
    await u.login('secadmin', passwordOf('secadmin'))
    for (const name of ['jijian', 'jijian2']) await u.ok('roles.grant', { userId: ids[name]!, role: 'discipline' })
    // The first discipline sign-in makes the key and shows the office's recovery code, once.
    const first = await loginInfo(u, 'jijian', 'jijian-First-1')
    const code = first.t3RecoveryCode!
    expect(code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){4}$/)
    expect((await u.ok('auth.session'))?.t3RecoveryCode).toBeNull()
    await u.ok('auth.changePassword', { oldPassword: 'jijian-First-1', newPassword: passwordOf('jijian') })
    await u.login('jijian2', 'jijian2-First-1')
    await u.ok('auth.changePassword', { oldPassword: 'jijian2-First-1', newPassword: passwordOf('jijian2') })
    await u.login('jijian', passwordOf('jijian')) // hands the key to jijian2

    const reset = async (name: string): Promise<string> => {
      await u.login('sysadmin', passwordOf('sysadmin'))
      const req = await u.ok('users.requestReset', { userId: ids[name]! })
      await u.login('secadmin', passwordOf('secadmin'))
      const temp = (await u.ok('users.decideReset', { requestId: req.id, approve: true })).temporaryPassword!
      await u.login(name, temp)
      await u.ok('auth.changePassword', { oldPassword: temp, newPassword: `${name}-After-2026!` })
      return `${name}-After-2026!`
    }

    // Reset jijian: the key went with the old key pair; another holder hands it back.
    const pw1 = await reset('jijian')
    const again = await loginInfo(u, 'jijian', pw1)
    expect(again.t3RecoveryCode).toBeNull()
    expect(await awaitingT3(u)).toBe(true)
    await u.login('jijian2', passwordOf('jijian2'))
    expect(await awaitingT3(u)).toBe(false)
    await u.login('jijian', pw1)
    expect(await awaitingT3(u)).toBe(false)

    // Reset both: nobody holds it. Signing in does not make a new key (T3 data may exist).
    const pw2 = await reset('jijian2')
    const pw1b = await reset('jijian')
    const orphan = await loginInfo(u, 'jijian', pw1b)
    expect(orphan.t3RecoveryCode).toBeNull()
    expect(await awaitingT3(u)).toBe(true)
    expect((await u.err('tierKeys.recoverT3', { recoveryCode: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA' })).code).toBe('T3_KEY_RECOVERY_INVALID')
    // The office's code brings back the same key (it is checked against the key's check value).
    await u.ok('tierKeys.recoverT3', { recoveryCode: code })
    expect(await awaitingT3(u)).toBe(false)
    await u.login('jijian', pw1b) // hands it to jijian2
    await u.login('jijian2', pw2)
    expect(await awaitingT3(u)).toBe(false)
  })
})
