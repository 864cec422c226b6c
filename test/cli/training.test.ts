import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AttendanceResult, TrainingReport, TrainingSessionView } from '../../src/shared/training'
import { as, kaohe } from '../support/cli'

/** `kaohe training list|add|attend|report` with the built command on the demo unit. */
let dir: string
let db: string
beforeAll(() => {
  if (!existsSync('out/cli/kaohe.js')) execFileSync('node', ['scripts/build-cli.mjs'])
  dir = mkdtempSync(join(tmpdir(), 'kaohe-cli-training-'))
  db = join(dir, 'demo.kaohe')
  expect(kaohe(['--db', db, 'demo']).code).toBe(0)
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const year = String(new Date().getFullYear())
const today = new Date().toISOString().slice(0, 10)

describe('kaohe training', () => {
  it('schedules a session, records attendance from a list file and reports the raters still missing', () => {
    const added = kaohe(['--db', db, 'training', 'add', '--kind', 'assessor', '--title', '考核者补训', '--date', today, '--hours', '2', '--location', '三楼会议室', '--json'], as('hr'))
    expect(added.code, added.err).toBe(0)
    const s = JSON.parse(added.out) as TrainingSessionView
    expect(s).toMatchObject({ kind: 'assessor', title: '考核者补训', heldOn: today, hours: 2, location: '三楼会议室', attendees: [] })

    const before = JSON.parse(kaohe(['--db', db, 'training', 'report', '--year', year, '--json'], as('hr')).out) as TrainingReport
    const missingBefore = before.missing.map((m) => m.staffNo)
    expect(missingBefore).toContain('0401')

    const list = join(dir, 'attended.csv')
    writeFileSync(list, '\uFEFF工号,姓名\n0401,某某\n0002,某某\n')
    const att = kaohe(['--db', db, 'training', 'attend', String(s.id), '--file', list, '--json'], as('hr'))
    expect(att.code, att.err).toBe(0)
    expect((JSON.parse(att.out) as AttendanceResult).session.attendees.map((a) => a.staffNo)).toEqual(['0002', '0401'])

    const after = JSON.parse(kaohe(['--db', db, 'training', 'report', '--year', year, '--json'], as('hr')).out) as TrainingReport
    expect(after.missing.map((m) => m.staffNo)).toEqual(missingBefore.filter((n) => n !== '0401' && n !== '0002'))

    const text = kaohe(['--db', db, 'training', 'report', '--year', year], as('hr'))
    expect(text.code).toBe(0)
    expect(text.out).toContain(`评分人 ${after.raters.length} 人，未参加 ${after.missing.length} 人`)
    const listed = kaohe(['--db', db, 'training', 'list', '--year', year], as('leader'))
    expect(listed.code, listed.err).toBe(0)
    expect(listed.out).toContain('考核者补训')
    expect(listed.out).toContain('考核者培训（考核标准解读 + 沟通技巧）')

    const again = kaohe(['--db', db, 'training', 'attend', String(s.id), '--staff-no', '0401,0402'], as('hr'))
    expect(again.code, again.err).toBe(0)
    expect(again.out).toContain('新登记 1 人，已登记 1 人')
  })

  it('refuses bad input and the wrong people with the right exit codes', () => {
    const bad = kaohe(['--db', db, 'training', 'add', '--kind', 'lecture', '--title', 'x', '--date', today, '--hours', '1'], as('hr'))
    expect(bad.code).toBe(2)
    expect(bad.err).toContain('assessor')
    const outside = kaohe(['--db', db, 'training', 'add', '--kind', 'workshop', '--title', 'x', '--date', '2019-03-01', '--hours', '1', '--year', year], as('hr'))
    expect(outside.code).toBe(4)
    expect(outside.err).toContain('不在')
    expect(outside.err).toContain('is not in')
    const sessions = JSON.parse(kaohe(['--db', db, 'training', 'list', '--year', year, '--json'], as('hr')).out) as TrainingSessionView[]
    const unknown = kaohe(['--db', db, 'training', 'attend', String(sessions[0]!.id), '--staff-no', '0401,77777'], as('hr'))
    expect(unknown.code).toBe(4)
    expect(unknown.err).toContain('77777')
    expect(kaohe(['--db', db, 'training', 'attend', String(sessions[0]!.id)], as('hr')).code).toBe(2)
    expect(kaohe(['--db', db, 'training', 'attend', String(sessions[0]!.id), '--file', join(dir, 'none.txt')], as('hr')).code).toBe(4)
    expect(kaohe(['--db', db, 'training', 'report', '--year', year], as('staff')).code).toBe(3)
    expect(kaohe(['--db', db, 'training', 'add', '--kind', 'workshop', '--title', 'x', '--date', today, '--hours', '1'], as('leader')).code).toBe(3)
  })
})
