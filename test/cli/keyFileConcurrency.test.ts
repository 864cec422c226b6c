import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKaohe } from '../../src/main/api/app'
import { client, FAST_POLICY, passwordOf, readyUnit, type ReadyUnit } from '../support/tempUnit'

/**
 * Issue 7 defect 2 with two real processes: process A is this test's app with a long-lived
 * session (as the desktop app would hold it); process B is the real `kaohe` command, bundled from
 * the current source into a private folder (so it never depends on a stale `out/`).
 */
let cliDir: string
let cli: string

beforeAll(async () => {
  cliDir = mkdtempSync(join(tmpdir(), 'kaohe-cli-'))
  cli = join(cliDir, 'kaohe.cjs')
  await build({
    entryPoints: [resolve('src/main/cli/main.ts')],
    outfile: cli,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3-multiple-ciphers', 'pdfkit'],
    alias: { '@shared': resolve('src/shared') },
    logLevel: 'error',
  })
})
afterAll(() => rmSync(cliDir, { recursive: true, force: true }))

function env(user: string, password: string, extra: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KAOHE_')))
  // The bundle leaves the native SQLite module outside; it loads from this checkout.
  return { ...clean, NODE_PATH: resolve('node_modules'), KAOHE_USER: user, KAOHE_PASSWORD: password, ...extra }
}

function kaohe(u: ReadyUnit, args: string[], user: string, password: string, extra: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [cli, '--db', join(u.dir, 'unit.kaohe'), ...args], { env: env(user, password, extra), encoding: 'utf8' })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

function kaoheAsync(u: ReadyUnit, args: string[], user: string, password: string): Promise<{ code: number | null; err: string }> {
  return new Promise((done) => {
    const p = spawn(process.execPath, [cli, '--db', join(u.dir, 'unit.kaohe'), ...args], { env: env(user, password), stdio: ['ignore', 'ignore', 'pipe'] })
    let err = ''
    p.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')))
    p.on('close', (code) => done({ code, err }))
  })
}

/** Process A: a second app on the same unit, signed in as hr1 for the whole test. */
async function sessionA(u: ReadyUnit) {
  const a = client(createKaohe({ dataDir: u.dir, policy: FAST_POLICY }), u.dir)
  await a.login('hr1', passwordOf('hr1'))
  return a
}

/** An audited write (which anchors, so writes the key file) and a read from A's long-lived session. */
async function aKeepsWorking(a: Awaited<ReturnType<typeof sessionA>>, n: number) {
  await a.ok('org.departments.save', { name: `新科室${n}`, code: `N${n}` })
  await a.ok('org.people.list', {})
}

describe('the key file is shared by processes: locked read-modify-write after commit', () => {
  it('a lock made by process B survives process A’s next writes, and its failures are audited', async () => {
    const u = await readyUnit()
    const a = await sessionA(u)
    for (let i = 0; i < FAST_POLICY.security.maxFailedLogins; i++) {
      expect(kaohe(u, ['user', 'list'], 'staff1', 'Wrong-Pass-1').code).toBe(3)
    }
    await aKeepsWorking(a, 1)
    await aKeepsWorking(a, 2)
    const right = kaohe(u, ['user', 'list'], 'staff1', passwordOf('staff1'))
    expect(right.code).toBe(3)
    expect(right.err).toContain('ACCOUNT_LOCKED')
    await u.as('auditor')
    const failed = await u.ok('audit.list', { actor: 'staff1', action: 'auth.loginFailed', limit: 20 })
    expect(failed.entries).toHaveLength(FAST_POLICY.security.maxFailedLogins)
    expect((await u.ok('audit.list', { actor: 'staff1', action: 'auth.accountLocked', limit: 5 })).entries).toHaveLength(1)
    a.app.close()
  })

  it('a password change and an account added by process B survive process A’s next write', async () => {
    const u = await readyUnit()
    const a = await sessionA(u)
    const changed = kaohe(u, ['passwd'], 'none1', passwordOf('none1'), { KAOHE_NEW_PASSWORD: 'Changed-In-B-2026' })
    expect(changed.code, changed.err).toBe(0)
    const added = kaohe(u, ['user', 'add', 'newbie', '--name', '新人'], 'sysadmin', passwordOf('sysadmin'), { KAOHE_NEW_PASSWORD: 'Newbie-First-2026' })
    expect(added.code, added.err).toBe(0)
    await aKeepsWorking(a, 1)
    expect((await u.err('auth.login', { username: 'none1', password: passwordOf('none1') })).code).toBe('AUTH_FAILED')
    await u.login('none1', 'Changed-In-B-2026')
    await u.login('newbie', 'Newbie-First-2026')
    a.app.close()
  })

  it('eight parallel writers × four calls all succeed, and the chain and its anchor agree afterwards', async () => {
    const u = await readyUnit()
    const a = await sessionA(u)
    const writer = async () => {
      const codes: (number | null)[] = []
      for (let i = 0; i < 4; i++) {
        const r = await kaoheAsync(u, ['user', 'list'], 'sysadmin', passwordOf('sysadmin'))
        if (r.code !== 0) codes.push(r.code, r.err.slice(0, 200) as never)
        else codes.push(0)
      }
      return codes
    }
    const [results] = await Promise.all([Promise.all(Array.from({ length: 8 }, writer)), aKeepsWorking(a, 1)])
    expect(results.flat()).toEqual(Array(32).fill(0))
    await aKeepsWorking(a, 2)
    expect(readdirSync(u.dir).filter((f) => f.endsWith('.tmp') || f.endsWith('.lock'))).toEqual([])
    await u.as('auditor')
    const report = await u.ok('audit.verify')
    expect(report).toMatchObject({ ok: true, firstBad: null })
    const kf = JSON.parse(readFileSync(join(u.dir, 'unit.kaohe.keys'), 'utf8')) as { audit: { anchor: { seq: number } } }
    expect(kf.audit.anchor.seq).toBe(report.head!.seq)
    a.app.close()
  })

  it('kaohe audit verify prints the head checkpoint, and checks one noted earlier', async () => {
    const u = await readyUnit()
    const head = kaohe(u, ['audit', 'head'], 'auditor', passwordOf('auditor'))
    expect(head.code, head.err).toBe(0)
    const checkpoint = /(\d+:[0-9a-f]{4}(?:-[0-9a-f]{4}){3})/.exec(head.out)![1]!
    const ok = kaohe(u, ['audit', 'verify', '--checkpoint', checkpoint], 'auditor', passwordOf('auditor'))
    expect(ok.code, ok.err).toBe(0)
    expect(ok.out).toContain('检查点相符 / checkpoint matches')
    const seq = Number(checkpoint.split(':')[0])
    const wrong = kaohe(u, ['audit', 'verify', '--checkpoint', `${seq}:0000000000000000`], 'auditor', passwordOf('auditor'))
    expect(wrong.code).toBe(1)
    expect(wrong.out).toContain('检查点不符 / checkpoint does NOT match')
  })
})
