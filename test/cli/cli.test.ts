import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { Database } from './sqlite'
import { beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../support/tempUnit'

/**
 * The real `kaohe` command, as a user runs it: the built bundle (npm run build) in a child
 * process, real files, real N = 2^17 key slots.
 */
const BIN = resolve('bin/kaohe.js')
const ENV_KEYS = ['KAOHE_PASSWORD', 'KAOHE_NEW_PASSWORD', 'KAOHE_DB', 'KAOHE_USER']
const ADMINS = {
  KAOHE_SYSADMIN_PASSWORD: 'Sys-Admin-2026',
  KAOHE_SECADMIN_PASSWORD: 'Sec-Admin-2026',
  KAOHE_AUDITOR_PASSWORD: 'Aud-Admin-2026',
}

function kaohe(args: string[], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !ENV_KEYS.includes(k) && !k.startsWith('KAOHE_')))
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...clean, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

beforeAll(() => {
  if (!existsSync('out/cli/kaohe.js')) execFileSync('node', ['scripts/build-cli.mjs'])
})

let dir: string
let db: string

async function initUnit() {
  dir = tempDir()
  db = join(dir, 'unit.kaohe')
  const r = kaohe(['init', '--db', db, '--unit', '青山县市场监督管理局', '--unit-code', 'QS-SCJG'], ADMINS)
  expect(r.code, r.err).toBe(0)
  return r
}

const as = (user: string, password: string, extra: Record<string, string> = {}) => ({ KAOHE_PASSWORD: password, ...extra, KAOHE_USER: user })

describe('kaohe CLI', () => {
  it('init prints the recovery code once and leaves no readable name or header on disk', async () => {
    const r = await initUnit()
    expect(r.out).toMatch(/恢复码 \/ recovery code:\s+([0-9A-Z]{5}-){4}[0-9A-Z]{5}/)
    expect(readdirSync(dir).sort()).toEqual(['unit.kaohe', 'unit.kaohe.keys'])
    for (const f of readdirSync(dir)) {
      const bytes = readFileSync(join(dir, f))
      expect(bytes.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3')
      for (const secret of ['青山县', 'QS-SCJG', 'sysadmin', 'secadmin', 'auditor', '系统管理员', 'Sys-Admin-2026']) {
        expect(bytes.includes(Buffer.from(secret)), `${f} contains ${secret}`).toBe(false)
      }
    }
    // Running init again refuses, naming the file.
    const again = kaohe(['init', '--db', db, '--unit', '另一个局', '--unit-code', 'X1'], ADMINS)
    expect(again.code).toBe(4)
    expect(again.err).toContain('ALREADY_INITIALIZED')
  })

  it('exit codes: wrong password 3 with a clear message, fifth one locks; usage 2; bad input 4', async () => {
    await initUnit()
    const wrong = kaohe(['--db', db, 'user', 'list'], as('sysadmin', 'Not-The-Password-1'))
    expect(wrong.code).toBe(3)
    expect(wrong.err).toContain('用户名或密码错误（还可尝试 4 次） / Wrong user name or password (4 attempts left)')
    for (let i = 0; i < 3; i++) kaohe(['--db', db, 'user', 'list'], as('sysadmin', 'Not-The-Password-1'))
    const fifth = kaohe(['--db', db, 'user', 'list'], as('sysadmin', 'Not-The-Password-1'))
    expect(fifth.code).toBe(3)
    expect(fifth.err).toContain('ACCOUNT_LOCKED')
    const right = kaohe(['--db', db, 'user', 'list'], as('sysadmin', 'Sys-Admin-2026'))
    expect(right.err).toContain('ACCOUNT_LOCKED')
    expect(kaohe(['--db', db, 'frobnicate']).code).toBe(2)
    expect(kaohe(['user', 'list']).code).toBe(2) // no --db
    const weak = kaohe(['--db', db, 'passwd'], as('secadmin', 'Sec-Admin-2026', { KAOHE_NEW_PASSWORD: 'weak' }))
    expect(weak.code).toBe(4)
    expect(weak.err).toContain('WEAK_PASSWORD')
  })

  it('a full administrator round: passwd, user add, role grant, audit verify and export, backup', async () => {
    await initUnit()
    for (const [user, pw] of [['sysadmin', 'Sys-Admin-2026'], ['secadmin', 'Sec-Admin-2026'], ['auditor', 'Aud-Admin-2026']]) {
      const r = kaohe(['--db', db, 'passwd'], as(user!, pw!, { KAOHE_NEW_PASSWORD: `${user}-New-Pass-1` }))
      expect(r.code, r.err).toBe(0)
    }
    const sys = as('sysadmin', 'sysadmin-New-Pass-1')
    const add = kaohe(['--db', db, '--json', 'user', 'add', 'wangfang', '--name', '王芳'], { ...sys, KAOHE_NEW_PASSWORD: 'First-Pass-1' })
    expect(add.code, add.err).toBe(0)
    expect(JSON.parse(add.out)).toMatchObject({ username: 'wangfang', displayName: '王芳', mustChangePassword: true, roles: [] })
    const sec = as('secadmin', 'secadmin-New-Pass-1')
    expect(kaohe(['--db', db, 'role', 'grant', 'wangfang', 'hr'], sec).code).toBe(0)
    const conflict = kaohe(['--db', db, 'role', 'grant', 'wangfang', 'auditor'], sec)
    expect(conflict.code).toBe(4)
    expect(conflict.err).toContain('三员分立')
    const denied = kaohe(['--db', db, 'role', 'list'], sys)
    expect(denied.code).toBe(3)
    const roles = JSON.parse(kaohe(['--db', db, '--json', 'role', 'list'], sec).out)
    expect(roles.find((r: { username: string }) => r.username === 'wangfang').roles).toEqual(['hr'])

    const aud = as('auditor', 'auditor-New-Pass-1')
    const verify = kaohe(['--db', db, 'audit', 'verify'], aud)
    expect(verify.code, verify.err).toBe(0)
    expect(verify.out).toContain('审计链完整 / audit chain intact')
    const exportFile = join(dir, 'audit.jsonl')
    expect(kaohe(['--db', db, 'audit', 'export', exportFile], aud).code).toBe(0)
    const actions = readFileSync(exportFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l).action)
    expect(actions).toContain('roles.grant')
    expect(actions).toContain('roles.list') // the refused call is in the log too

    const backups = tempDir()
    const made = kaohe(['--db', db, '--json', 'backup', 'create', backups], sys)
    expect(made.code, made.err).toBe(0)
    const folder = JSON.parse(made.out).folder as string
    expect(kaohe(['--db', db, 'backup', 'verify', folder], sys).code).toBe(0)
    expect(kaohe(['--db', db, 'backup', 'restore', folder], sys).code).toBe(2) // needs --yes without a terminal
    expect(kaohe(['--db', db, '--yes', 'backup', 'restore', folder], sys).code).toBe(0)
    expect(kaohe(['--db', db, 'user', 'list'], sys).code).toBe(0)
  })

  it('audit verify names the entry changed directly in the database', async () => {
    await initUnit()
    kaohe(['--db', db, 'passwd'], as('auditor', 'Aud-Admin-2026', { KAOHE_NEW_PASSWORD: 'Auditor-New-1' }))
    kaohe(['--db', db, 'passwd'], as('sysadmin', 'Sys-Admin-2026', { KAOHE_NEW_PASSWORD: 'Sysadmin-New-1' }))
    // Someone with the database key edits entry 2 with an SQLite tool.
    const keyHex = Database.keyOf(db, 'auditor', 'Auditor-New-1')
    Database.exec(db, keyHex, `UPDATE audit_log SET actor = 'nobody' WHERE seq = 2`)
    const r = kaohe(['--db', db, '--json', 'audit', 'verify'], as('auditor', 'Auditor-New-1'))
    expect(r.code).toBe(1)
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, firstBad: { seq: 2, problem: 'edited' } })
    const text = kaohe(['--db', db, 'audit', 'verify'], as('auditor', 'Auditor-New-1'))
    expect(text.out).toContain('#2')
  })

  it('demo builds the demo unit and prints its sign-ins', () => {
    const d = join(tempDir(), 'demo.kaohe')
    const r = kaohe(['--db', d, 'demo'])
    expect(r.code, r.err).toBe(0)
    expect(r.out).toContain('Kaohe@2026')
    const list = kaohe(['--db', d, '--json', 'user', 'list'], as('admin', 'Kaohe@2026'))
    expect(JSON.parse(list.out).length).toBe(9)
  })
})
