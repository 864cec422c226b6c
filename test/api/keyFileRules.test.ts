import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { KaoheError } from '../../src/shared/errors'
import { handlers } from '../../src/main/api/handlers'
import { Router, type CallContext } from '../../src/main/api/router'
import { UNKNOWN_COUNTERS_KEPT } from '../../src/main/core/keys/keyFile'
import { DEFAULT_POLICY } from '../../src/main/core/policy/defaults'
import { FAST_POLICY, newUnit, passwordOf, readyUnit } from '../support/tempUnit'

const keyFileJson = (dir: string) => JSON.parse(readFileSync(join(dir, 'unit.kaohe.keys'), 'utf8')) as Record<string, unknown>

describe('failed sign-ins and recovery codes, counted in the key file', () => {
  it('a flood of made-up names never evicts a real account’s lock (issue 7 defect 7)', async () => {
    const u = await readyUnit()
    for (let i = 0; i < FAST_POLICY.security.maxFailedLogins; i++) await u.err('auth.login', { username: 'staff1', password: 'Wrong-Pass-1' })
    for (let i = 0; i < UNKNOWN_COUNTERS_KEPT + 20; i++) await u.err('auth.login', { username: `made-up-${i}`, password: 'x' })
    expect((await u.err('auth.login', { username: 'staff1', password: passwordOf('staff1') })).code).toBe('ACCOUNT_LOCKED')
    const kf = keyFileJson(u.dir) as { unknownAttempts: Record<string, unknown>; pending: unknown[] }
    // Made-up names' counters are bounded, and their events are summed, not listed one by one.
    expect(Object.keys(kf.unknownAttempts)).toHaveLength(UNKNOWN_COUNTERS_KEPT)
    expect(kf.pending.length).toBeLessThan(FAST_POLICY.security.maxFailedLogins + 4)
    await u.as('auditor')
    const unknown = await u.ok('audit.list', { action: 'auth.loginFailed', limit: 20 })
    expect(unknown.entries.find((e) => e.detail.account === 'unknown')?.detail).toMatchObject({ count: UNKNOWN_COUNTERS_KEPT + 20 })
  })

  it('wrong recovery codes are counted, locked after the policy’s maximum and audited at the next open (issue 7 defect 12)', async () => {
    const u = await newUnit()
    const max = FAST_POLICY.security.maxFailedLogins
    const codes = []
    for (let i = 0; i < 30; i++) {
      codes.push((await u.err('auth.recover', { username: 'sysadmin', recoveryCode: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA', newPassword: 'Recovered-2026!' })).code)
    }
    expect(codes.slice(0, max - 1)).toEqual(Array(max - 1).fill('RECOVERY_CODE_INVALID'))
    expect(codes.slice(max - 1)).toEqual(Array(30 - max + 1).fill('RECOVERY_LOCKED'))
    // Locked means locked, even with the right code.
    expect((await u.err('auth.recover', { username: 'sysadmin', recoveryCode: u.recoveryCode, newPassword: 'Recovered-2026!' })).code).toBe('RECOVERY_LOCKED')
    await u.login('auditor', 'Audit-Admin-2026')
    await u.ok('auth.changePassword', { oldPassword: 'Audit-Admin-2026', newPassword: passwordOf('auditor') })
    const failed = await u.ok('audit.list', { action: 'auth.recovery', limit: 50 })
    expect(failed.entries.filter((e) => e.action === 'auth.recoveryFailed')).toHaveLength(max)
    expect(failed.entries.filter((e) => e.action === 'auth.recoveryLocked')).toHaveLength(1)
    expect(failed.entries[0]!.detail).toEqual({ slot: 'recovery' })
  })
})

describe('key-file changes belong to their transaction', () => {
  it('a policy approval that rolls back leaves the key file’s lockout numbers as they were (issue 7 defect 2)', async () => {
    const u = await readyUnit()
    const year = new Date().getFullYear()
    const security = { ...FAST_POLICY.security, scryptLog2N: 17, maxFailedLogins: 3 }
    const file = { ...DEFAULT_POLICY, version: '市局-安全', security }
    await u.as('hr1')
    const first = await u.ok('policy.import', { year, file: { fileName: 'p.json', contentBase64: Buffer.from(JSON.stringify(file)).toString('base64') } })
    await u.as('head1')
    // The real handler, then a failure later in the same call: the transaction rolls back.
    const failing = new Router(u.app.state, {
      ...handlers,
      'policy.decide': (ctx: CallContext, input: never) => {
        ;(handlers['policy.decide'] as (c: CallContext, i: never) => unknown)(ctx, input)
        throw new KaoheError('NOT_FOUND', { what: 'test', id: 0 })
      },
    } as unknown as typeof handlers)
    expect((await failing.call('policy.decide', { id: first.id, approve: true })).ok).toBe(false)
    expect(keyFileJson(u.dir).lockout).toEqual({ maxFailedLogins: DEFAULT_POLICY.security.maxFailedLogins, lockoutMinutes: DEFAULT_POLICY.security.lockoutMinutes })
    expect((await u.ok('policy.get', { year })).source).toBe('default')
    // The same approval committed does write them.
    await u.ok('policy.decide', { id: first.id, approve: true })
    expect(keyFileJson(u.dir).lockout).toMatchObject({ maxFailedLogins: 3 })
  })
})
