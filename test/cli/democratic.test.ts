import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, kaohe } from '../support/cli'

/** Issue 9 items 1 and 9 with the built `kaohe` command on the demo unit: the round, codes and slips, paper tallies. */
const YEAR = '2030'

const fixture = (path: string) => resolve('test/fixtures', path)

let dir: string
let db: string
beforeAll(() => {
  execFileSync('node', ['scripts/build-cli.mjs'])
  dir = mkdtempSync(join(tmpdir(), 'kaohe-cli9-'))
  db = join(dir, 'demo.kaohe')
  expect(kaohe(['--db', db, 'demo']).code).toBe(0)
  const roster = join(dir, 'roster.csv')
  writeFileSync(roster, '工号,姓名,科室,岗位类别\n00101,张明,办公室,综合管理\n00102,李娜,办公室,综合管理\n')
  const r = kaohe(['--db', db, 'import', 'roster', roster], as('hr'))
  expect(r.code, r.err).toBe(0)
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('kaohe ballot | import tallies', () => {
  it('opens the round, issues codes with the slips PDF once, reports the round, and closes it', () => {
    expect(kaohe(['--db', db, 'ballot', 'codes', '--year', YEAR, '--colleagues', '1'], as('hr'))).toMatchObject({ code: 1 })
    const opened = kaohe(['--db', db, '--json', 'ballot', 'round', 'open', '--year', YEAR], as('hr'))
    expect(opened.code, opened.err).toBe(0)
    expect(JSON.parse(opened.out)).toMatchObject({ year: 2030, status: 'open' })
    const pdf = join(dir, 'slips.pdf')
    const codes = kaohe(['--db', db, '--json', 'ballot', 'codes', '--year', YEAR, '--colleagues', '3', '--representatives', '2', '--out', pdf], as('hr'))
    expect(codes.code, codes.err).toBe(0)
    const issued = JSON.parse(codes.out)
    expect(issued.codes).toHaveLength(5)
    expect(issued.codes.filter((c: { category: string }) => c.category === 'representative')).toHaveLength(2)
    expect(existsSync(pdf)).toBe(true)
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-')
    // Never over a file without --force.
    expect(kaohe(['--db', db, 'ballot', 'codes', '--year', YEAR, '--colleagues', '1', '--out', pdf], as('hr')).code).toBe(4)
    const status = kaohe(['--db', db, 'ballot', 'round', 'status', '--year', YEAR], as('hr'))
    expect(status.code, status.err).toBe(0)
    expect(status.out).toContain('colleagues 0 / 3 已投')
    expect(status.out).not.toContain(issued.codes[0].code)
    expect(kaohe(['--db', db, 'ballot', 'round', 'pause', '--year', YEAR], as('hr')).code).toBe(2)
    expect(kaohe(['--db', db, 'ballot', 'codes', '--year', YEAR, '--colleagues', '-1'], as('hr')).code).toBe(2)
    expect(kaohe(['--db', db, '--json', 'ballot', 'codes', '--year', YEAR, '--colleagues', '1'], as('staff')).code).toBe(3)
  })

  it('imports tallies: row errors exit 4 and write nothing, a dry run writes nothing, then imports', () => {
    kaohe(['--db', db, 'ballot', 'round', 'open', '--year', YEAR], as('hr'))
    const bad = kaohe(['--db', db, '--json', 'import', 'tallies', fixture('democratic/tally-bad.csv'), '--year', YEAR], as('hr'))
    expect(bad.code).toBe(4)
    const report = JSON.parse(bad.out)
    expect(report.written).toBe(false)
    expect(report.errors.map((e: { row: number; code: string }) => `${e.row}:${e.code}`)).toEqual(['3:TALLY_BAD_DIMENSION', '4:TALLY_UNKNOWN_STAFF_NO'])
    const dry = kaohe(['--db', db, '--json', 'import', 'tallies', fixture('democratic/tally-good.csv'), '--dry-run', '--year', YEAR], as('hr'))
    expect(dry.code, dry.err).toBe(0)
    expect(JSON.parse(dry.out)).toMatchObject({ written: false, people: 2, cells: 3, sheets: { colleague: 10, representative: 5 } })
    expect(JSON.parse(kaohe(['--db', db, '--json', 'ballot', 'round', 'status', '--year', YEAR], as('hr')).out).paperSheets).toBeNull()
    const done = kaohe(['--db', db, '--json', 'import', 'tallies', fixture('democratic/tally-good.csv'), '--year', YEAR], as('hr'))
    expect(done.code, done.err).toBe(0)
    expect(JSON.parse(done.out)).toMatchObject({ written: true })
    const round = JSON.parse(kaohe(['--db', db, '--json', 'ballot', 'round', 'close', '--year', YEAR], as('hr')).out)
    expect(round).toMatchObject({ status: 'closed', paperSheets: { colleague: 10, representative: 5 }, validSheets: { total: 15 }, representativeShare: '33.33' })
  })
})
