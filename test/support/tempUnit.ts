import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import type { InputOf, MethodName, OutputOf } from '../../src/shared/api/contract'
import type { ApiError } from '../../src/shared/errors'
import { createKaohe, type KaoheApp } from '../../src/main/api/app'
import { DEFAULT_POLICY, type Policy } from '../../src/main/core/policy/defaults'

/**
 * Test units live in real temp folders with the real encrypted database. The key-slot cost is
 * lowered (2^12 instead of 2^17) only where a test creates many accounts; tests of the key slots
 * themselves use the policy's real cost.
 */
export const FAST_POLICY: Policy = {
  ...DEFAULT_POLICY,
  security: { ...DEFAULT_POLICY.security, scryptLog2N: 12 },
}

const dirs: string[] = []
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true })
})

export function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'kaohe-test-'))
  dirs.push(d)
  return d
}

export const ADMIN_PASSWORDS = {
  sysadmin: 'Sys-Admin-2026',
  secadmin: 'Sec-Admin-2026',
  auditor: 'Audit-Admin-2026',
}

export interface TestClient {
  app: KaoheApp
  dir: string
  ok<M extends MethodName>(method: M, input?: InputOf<M>): Promise<OutputOf<M>>
  err<M extends MethodName>(method: M, input?: InputOf<M>): Promise<ApiError>
  login(username: string, password: string): Promise<void>
}

export function client(app: KaoheApp, dir: string): TestClient {
  return {
    app,
    dir,
    async ok(method, input) {
      const r = await app.call(method, input ?? {})
      if (!r.ok) throw new Error(`${method} failed: ${JSON.stringify(r.error)}`)
      return r.value as never
    },
    async err(method, input) {
      const r = await app.call(method, input ?? {})
      if (r.ok) throw new Error(`${method} unexpectedly succeeded`)
      return r.error
    },
    async login(username, password) {
      const r = await app.call('auth.login', { username, password })
      if (!r.ok) throw new Error(`login ${username} failed: ${JSON.stringify(r.error)}`)
    },
  }
}

/** A freshly set-up unit with its three administrators, nobody signed in. */
export async function newUnit(opts: { policy?: Policy; clock?: () => Date } = {}): Promise<TestClient & { recoveryCode: string }> {
  const dir = tempDir()
  const app = createKaohe({ dataDir: dir, policy: opts.policy ?? FAST_POLICY, clock: opts.clock })
  const c = client(app, dir)
  const { recoveryCode } = await c.ok('setup.initialize', {
    unitName: '测试县市场监督管理局',
    unitCode: 'TEST-01',
    sysadmin: { username: 'sysadmin', displayName: '系统管理员', password: ADMIN_PASSWORDS.sysadmin },
    secadmin: { username: 'secadmin', displayName: '安全管理员', password: ADMIN_PASSWORDS.secadmin },
    auditor: { username: 'auditor', displayName: '审计管理员', password: ADMIN_PASSWORDS.auditor },
  })
  return { ...c, recoveryCode }
}

/** Password every account of `readyUnit` has after its first-sign-in change. */
export const passwordOf = (username: string) => `${username}-Pass-2026!`

export interface ReadyUnit extends TestClient {
  ids: Record<string, number>
  recoveryCode: string
  /** Signs in as the account (null: signs out). */
  as(username: string | null): Promise<void>
}

/**
 * A unit in daily use: the three administrators have changed their first passwords, and there
 * are accounts hr1 (HR), staff1 (staff), disc1 (discipline), head1 (leadership group head and
 * member), none1 (no role yet).
 */
export async function readyUnit(opts: { policy?: Policy; clock?: () => Date } = {}): Promise<ReadyUnit> {
  const u = await newUnit(opts)
  const ids: Record<string, number> = {}
  for (const [name, pw] of Object.entries(ADMIN_PASSWORDS)) {
    await u.login(name, pw)
    await u.ok('auth.changePassword', { oldPassword: pw, newPassword: passwordOf(name) })
  }
  await u.login('sysadmin', passwordOf('sysadmin'))
  for (const name of ['hr1', 'staff1', 'disc1', 'head1', 'none1']) {
    const user = await u.ok('users.add', { username: name, displayName: name, password: `${name}-First-1` })
    ids[name] = user.id
  }
  for (const u2 of await u.ok('users.list')) ids[u2.username] = u2.id
  await u.login('secadmin', passwordOf('secadmin'))
  await u.ok('roles.grant', { userId: ids.hr1!, role: 'hr' })
  await u.ok('roles.grant', { userId: ids.staff1!, role: 'staff' })
  await u.ok('roles.grant', { userId: ids.disc1!, role: 'discipline' })
  await u.ok('roles.grant', { userId: ids.head1!, role: 'leaderHead' })
  await u.ok('roles.grant', { userId: ids.head1!, role: 'leader' })
  for (const name of ['hr1', 'staff1', 'disc1', 'head1', 'none1']) {
    await u.login(name, `${name}-First-1`)
    await u.ok('auth.changePassword', { oldPassword: `${name}-First-1`, newPassword: passwordOf(name) })
  }
  await u.ok('auth.logout')
  return {
    ...u,
    ids,
    async as(username) {
      if (username === null) await u.ok('auth.logout')
      else await u.login(username, passwordOf(username))
    },
  }
}
