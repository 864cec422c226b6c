import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

/** `kaohe quarterly status` with the built command, on the demo unit. */
const BIN = resolve('bin/kaohe.js')

function kaohe(args: string[], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('KAOHE_')))
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { ...clean, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  return { code: r.status, out: r.stdout, err: r.stderr }
}
const as = (user: string) => ({ KAOHE_USER: user, KAOHE_PASSWORD: 'Kaohe@2026' })

let dir: string
let db: string
beforeAll(() => {
  if (!existsSync('out/cli/kaohe.js')) execFileSync('node', ['scripts/build-cli.mjs'])
  dir = mkdtempSync(join(tmpdir(), 'kaohe-cliq-'))
  db = join(dir, 'demo.kaohe')
  expect(kaohe(['--db', db, 'demo']).code).toBe(0)
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('kaohe quarterly status', () => {
  it('HR sees everyone; the person only themselves; --json rows carry score, grade, standard and flags', () => {
    const hr = kaohe(['--db', db, '--json', 'quarterly', 'status', '--year', '2026', '--quarter', '1'], as('hr'))
    expect(hr.code, hr.err).toBe(0)
    const all = JSON.parse(hr.out)
    expect(all).toMatchObject({ year: 2026, quarter: 1 })
    expect(all.rows.length).toBeGreaterThan(10)
    for (const r of all.rows) {
      expect(r).toEqual(expect.objectContaining({ staffNo: expect.any(String), score: r.rating ? expect.any(Number) : null, flags: expect.any(Array) }))
      if (!r.rating) expect(r.flags).toContain('NOT_RATED')
    }

    const staff = kaohe(['--db', db, '--json', 'quarterly', 'status', '--year', '2026', '--quarter', '1'], as('staff'))
    expect(staff.code, staff.err).toBe(0)
    expect(JSON.parse(staff.out).rows.map((r: { staffNo: string }) => r.staffNo)).toEqual(['0402'])

    const text = kaohe(['--db', db, 'quarterly', 'status', '--year', '2026', '--quarter', '1'], as('hr'))
    expect(text.code).toBe(0)
    expect(text.out).toContain('2026 年第 1 季度')
    expect(text.out).toContain('NOT_RATED')
  })

  it('keeps the exit-code contract: a bad quarter is usage (2), an administrator is refused (3)', () => {
    expect(kaohe(['--db', db, 'quarterly', 'status', '--year', '2026', '--quarter', '5'], as('hr')).code).toBe(2)
    expect(kaohe(['--db', db, 'quarterly', 'status', '--year', '2026'], as('hr')).code).toBe(2)
    expect(kaohe(['--db', db, 'quarterly', 'status', '--year', '2026', '--quarter', '1'], as('admin')).code).toBe(3)
  })
})
