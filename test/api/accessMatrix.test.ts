import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { PERMISSIONS } from '../../src/shared/access/permissions'
import { contract, METHOD_NAMES, type MethodName } from '../../src/shared/api/contract'
import { ADMIN_ROLES, type Role } from '../../src/shared/roles'
import type { ErrorCode } from '../../src/shared/errors'
import { handlers } from '../../src/main/api/handlers'
import { readyUnit, tempDir, passwordOf, type ReadyUnit } from '../support/tempUnit'

/**
 * The whole contract, walked (DESIGN.md §3): every method has a schema, a permission and a
 * handler, and is exercised once by an actor who may call it and once by one who may not.
 * Public methods (set-up, sign-in) cannot be refused by role; their "denied" case is the state
 * that refuses them.
 */
interface Case {
  as: string | null
  input?: (u: ReadyUnit) => unknown
  /** For allowed cases: 'ok' (default). For denied: the refusal expected. */
  expect?: 'ok' | ErrorCode
}

const backupOf = async (u: ReadyUnit) => {
  const parent = tempDir()
  await u.as('sysadmin')
  const info = await u.ok('backup.create', { folder: parent })
  return info.folder
}

const account = (username: string) => ({ username, displayName: username, password: 'Strong-Pass-1' })
const SETUP = { unitName: '另一个局', unitCode: 'X-2', sysadmin: account('s1'), secadmin: account('s2'), auditor: account('s3') }

const CASES: Record<MethodName, { allowed: Case; denied: Case }> = {
  'setup.status': { allowed: { as: null }, denied: { as: null, input: () => ({ extra: 1 }), expect: 'INVALID_INPUT' } },
  // A unit exists already in every fixture, so set-up is refused whoever asks; tests/api/setup covers a first run.
  'setup.initialize': {
    allowed: { as: null, input: () => SETUP, expect: 'ALREADY_INITIALIZED' },
    denied: { as: 'sysadmin', input: () => SETUP, expect: 'ALREADY_INITIALIZED' },
  },
  'setup.openDemo': { allowed: { as: null }, denied: { as: null, input: () => ({ demo: true }), expect: 'INVALID_INPUT' } },
  'auth.session': { allowed: { as: 'staff1' }, denied: { as: null, input: () => 'x', expect: 'INVALID_INPUT' } },
  'auth.login': {
    allowed: { as: null, input: () => ({ username: 'staff1', password: passwordOf('staff1') }) },
    denied: { as: null, input: () => ({ username: 'staff1', password: 'Wrong-Pass-1' }), expect: 'AUTH_FAILED' },
  },
  'auth.recover': {
    allowed: { as: null, input: (u) => ({ username: 'sysadmin', recoveryCode: u.recoveryCode, newPassword: 'Recovered-2026' }) },
    denied: { as: null, input: () => ({ username: 'sysadmin', recoveryCode: 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA', newPassword: 'Recovered-2026' }), expect: 'RECOVERY_CODE_INVALID' },
  },
  'auth.logout': { allowed: { as: 'staff1' }, denied: { as: null, input: () => ({ all: true }), expect: 'INVALID_INPUT' } },
  'auth.lock': { allowed: { as: 'staff1' }, denied: { as: null, expect: 'NOT_AUTHENTICATED' } },
  'auth.unlock': { allowed: { as: 'staff1', input: () => ({ password: passwordOf('staff1') }) }, denied: { as: null, input: () => ({ password: 'x' }), expect: 'NOT_AUTHENTICATED' } },
  'auth.changePassword': {
    allowed: { as: 'staff1', input: () => ({ oldPassword: passwordOf('staff1'), newPassword: 'Another-Pass-3' }) },
    denied: { as: null, input: () => ({ oldPassword: 'a', newPassword: 'b' }), expect: 'NOT_AUTHENTICATED' },
  },
  'users.list': { allowed: { as: 'sysadmin' }, denied: { as: 'hr1' } },
  'users.add': {
    allowed: { as: 'sysadmin', input: () => ({ username: 'new1', displayName: '新人', password: 'New-Person-1' }) },
    denied: { as: 'secadmin', input: () => ({ username: 'new1', displayName: '新人', password: 'New-Person-1' }) },
  },
  'users.setDisabled': {
    allowed: { as: 'sysadmin', input: (u) => ({ userId: u.ids.staff1, disabled: true }) },
    denied: { as: 'auditor', input: (u) => ({ userId: u.ids.staff1, disabled: true }) },
  },
  'users.resetPassword': {
    allowed: { as: 'sysadmin', input: (u) => ({ userId: u.ids.staff1, password: 'Reset-Pass-1' }) },
    denied: { as: 'staff1', input: (u) => ({ userId: u.ids.hr1, password: 'Reset-Pass-1' }) },
  },
  'roles.list': { allowed: { as: 'secadmin' }, denied: { as: 'sysadmin' } },
  'roles.grant': {
    allowed: { as: 'secadmin', input: (u) => ({ userId: u.ids.none1, role: 'supervisor' }) },
    denied: { as: 'hr1', input: (u) => ({ userId: u.ids.hr1, role: 'leaderHead' }) },
  },
  'roles.revoke': {
    allowed: { as: 'secadmin', input: (u) => ({ userId: u.ids.hr1, role: 'hr' }) },
    denied: { as: 'sysadmin', input: (u) => ({ userId: u.ids.hr1, role: 'hr' }) },
  },
  'audit.list': { allowed: { as: 'auditor', input: () => ({ limit: 10 }) }, denied: { as: 'disc1', input: () => ({ limit: 10 }) } },
  'audit.verify': { allowed: { as: 'auditor' }, denied: { as: 'secadmin' } },
  'audit.export': {
    allowed: { as: 'auditor', input: () => ({ file: join(tempDir(), 'audit.jsonl') }) },
    denied: { as: 'sysadmin', input: () => ({ file: join(tempDir(), 'audit.jsonl') }) },
  },
  'backup.create': {
    allowed: { as: 'sysadmin', input: () => ({ folder: tempDir() }) },
    denied: { as: 'auditor', input: () => ({ folder: tempDir() }) },
  },
  'backup.verify': { allowed: { as: 'sysadmin', input: () => ({ folder: '' }) }, denied: { as: 'hr1', input: () => ({ folder: '/tmp' }) } },
  'backup.restore': { allowed: { as: 'sysadmin', input: () => ({ folder: '' }) }, denied: { as: 'secadmin', input: () => ({ folder: '/tmp' }) } },
  'home.tasks': { allowed: { as: 'hr1' }, denied: { as: null, expect: 'NOT_AUTHENTICATED' } },
}

describe('the contract', () => {
  it('lists every method once, each with a schema, a known permission and a handler', () => {
    expect(Object.keys(contract).sort()).toEqual([...METHOD_NAMES].sort())
    for (const name of METHOD_NAMES) {
      const def = contract[name]
      expect(def.input, name).toBeInstanceOf(z.ZodType)
      expect(Object.keys(PERMISSIONS), name).toContain(def.permission)
      expect(['read', 'write'], name).toContain(def.kind)
      expect(typeof handlers[name], name).toBe('function')
      expect(CASES[name], `${name} has access cases`).toBeDefined()
    }
  })

  it('gives administrators no permission that reaches assessment content (T1–T3)', () => {
    for (const [perm, rule] of Object.entries(PERMISSIONS)) {
      if (rule.tier === 'T0' || !Array.isArray(rule.allow)) continue
      for (const admin of ADMIN_ROLES) expect(rule.allow as readonly Role[], perm).not.toContain(admin)
    }
  })
})

describe.each(METHOD_NAMES.map((m) => [m]))('%s', (method) => {
  const c = CASES[method]

  it('is allowed for the right actor', async () => {
    const u = await readyUnit()
    let input = c.allowed.input?.(u)
    if (method === 'backup.verify' || method === 'backup.restore') input = { folder: await backupOf(u) }
    await u.as(c.allowed.as)
    const r = await u.app.call(method, input ?? {})
    const want = c.allowed.expect ?? 'ok'
    if (want === 'ok') expect(r, JSON.stringify(r)).toMatchObject({ ok: true })
    else expect(r).toMatchObject({ ok: false, error: { code: want } })
  })

  it('is refused for the wrong actor, at the router, and audited', async () => {
    const u = await readyUnit()
    const input = c.denied.input?.(u) ?? {}
    await u.as(c.denied.as)
    const r = await u.app.call(method, input)
    const want = c.denied.expect ?? 'FORBIDDEN'
    expect(r).toMatchObject({ ok: false, error: { code: want } })
    if (want === 'FORBIDDEN') {
      await u.as('auditor')
      const log = await u.ok('audit.list', { action: method, outcome: 'denied', limit: 5 })
      expect(log.entries[0]).toMatchObject({ actor: c.denied.as, action: method, outcome: 'denied' })
    }
  })
})

