import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, kaohe } from '../support/cli'

/** `kaohe quarterly status` with the built command, on the demo unit. */

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

/** Today's quarter: begun and not closed, whenever the test runs. */
const NOW_Y = String(new Date().getFullYear())
const NOW_Q = String(Math.floor(new Date().getMonth() / 3) + 1)

describe('kaohe quarterly phases, auto-assign and reopen', () => {
  it('prints the phase and its dates; HR assigns the open quarter’s peers automatically and reopens a closed quarter', () => {
    const text = kaohe(['--db', db, 'quarterly', 'status', '--year', '2026', '--quarter', '1'], as('hr'))
    expect(text.code, text.err).toBe(0)
    // Q1 2026: 小结 due 5 working days after 31 March (清明 4–6 April), then 10 working days to rate.
    expect(text.out).toContain('阶段：已结束；工作小结截止 2026年4月8日，主管评价 2026年4月9日至2026年4月22日，2026年4月23日起结束')

    const auto = kaohe(['--db', db, '--json', 'quarterly', 'auto-assign', '--year', NOW_Y, '--quarter', NOW_Q], as('hr'))
    expect(auto.code, auto.err).toBe(0)
    const r = JSON.parse(auto.out) as { created: { raterId: number; rateeId: number; department: string }[]; minPeerRaters: number }
    expect(r.created.length).toBeGreaterThan(0)
    expect(r.created.every((a) => a.raterId !== a.rateeId)).toBe(true)
    // Run again: everyone who can have the minimum has it.
    expect(JSON.parse(kaohe(['--db', db, '--json', 'quarterly', 'auto-assign', '--year', NOW_Y, '--quarter', NOW_Q], as('hr')).out).created).toEqual([])
    expect(kaohe(['--db', db, 'quarterly', 'auto-assign', '--year', NOW_Y, '--quarter', NOW_Q], as('staff')).code).toBe(3)

    const reopened = kaohe(['--db', db, '--json', 'quarterly', 'reopen', '--year', '2026', '--quarter', '1', '--reason', '补评'], as('hr'))
    expect(reopened.code, reopened.err).toBe(0)
    expect(JSON.parse(reopened.out)).toMatchObject({ phase: 'rating', reopened: { reason: '补评' } })
    // An open quarter needs no reopening: invalid (4), said in Chinese first.
    const open = kaohe(['--db', db, 'quarterly', 'reopen', '--year', NOW_Y, '--quarter', NOW_Q, '--reason', '补评'], as('hr'))
    expect(open.code).toBe(4)
    expect(open.err).toContain('尚未结束评估')
  })
})
