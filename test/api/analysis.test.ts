import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKaohe } from '../../src/main/api/app'
import { rotationCheck } from '../../src/main/core/analysis'
import { ADMIN_PASSWORDS, FAST_POLICY, client, newUnit, type TestClient } from '../support/tempUnit'

/**
 * 团队分析 and 考核者偏差 through the router on the demo unit (RULES.md §8): refused before HR's
 * proposal, then per department and post, the weak spots, each leadership member's bias from the
 * submitted 2026 sheets, the Excel export; HR and the leadership group only. 轮流坐庄 is checked on
 * the database with earlier grades (prior_grades) written for the purpose.
 */
const PASSWORD = 'Kaohe@2026'
let now = new Date('2026-12-02T09:00:00')
let c: TestClient
const as = async (user: string) => {
  await c.app.call('auth.logout', {})
  await c.login(user, PASSWORD)
}

let dir: string
// One folder for the whole file (tempDir's folders go after each test).
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kaohe-analysis-'))
  c = client(createKaohe({ dataDir: dir, policy: FAST_POLICY, demoIfEmpty: true, clock: () => now }), dir)
  now = new Date('2027-01-18T09:00:00')
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('analysis.team on the demo unit (2026)', () => {
  it('needs a proposal, then shows departments, posts, weak spots and rater bias', { timeout: 120_000 }, async () => {
    await as('hr')
    expect(await c.err('analysis.team', { year: 2026 })).toMatchObject({ code: 'ANALYSIS_NO_ROUND', params: { year: 2026 } })
    await c.ok('democratic.close', { year: 2026 })
    const proposed = await c.ok('annual.propose', { year: 2026 })

    const v = await c.ok('analysis.team', { year: 2026 })
    expect(v.stage).toBe('proposed')
    expect(v.departments.length).toBeGreaterThan(3)
    // Every person of the round is in exactly one department and one post.
    expect(v.departments.reduce((s, d) => s + d.people, 0)).toBe(proposed.people.length)
    expect(v.posts.reduce((s, d) => s + d.people, 0)).toBe(proposed.people.length)
    // The grade distribution counts the decided grades (the tie stays out until decided).
    const excellent = proposed.people.filter((p) => p.grade === '优秀').length
    expect(v.departments.reduce((s, d) => s + d.grades['优秀'], 0)).toBe(excellent)
    // The unit's mean T is the mean over everyone with a T, two decimals.
    const ts = proposed.people.map((p) => p.T).filter((t): t is number => t !== null)
    expect(v.unitMeanT).toBeCloseTo(ts.reduce((a, b) => a + b, 0) / ts.length, 2)
    expect(v.dimensions).toHaveLength(5)
    expect(v.weakDimensions.length).toBeGreaterThan(0)
    expect(v.weakIndicators.length).toBeGreaterThan(0)
    // Posts are ordered by mean T, lowest first; a short post is at least one SD below the unit mean.
    for (const p of v.posts.filter((x) => x.short)) expect(v.unitMeanT! - p.meanT!).toBeGreaterThanOrEqual(v.postSd! - 0.01)
    // The demo's leadership sheets are submitted: every member of the group is a rater, compared with the others.
    const leadership = v.bias.filter((b) => b.source === 'leadership')
    expect(leadership.length).toBeGreaterThanOrEqual(2)
    for (const b of leadership) {
      expect(b.offset).not.toBeNull()
      expect(b.comparedPeople).toBeGreaterThan(0)
    }
    expect(v.thresholds).toEqual({ uniformSdBelow: 3, uniformMinPeople: 5, lenientSharePercent: 90, lenientScore: 90, rotationYears: 3 })

    // The audit names the year and counts, never a rater's result.
    const store = c.app.state.session!.store
    const audited = store.all(store.qb.selectFrom('audit_log').select(['action', 'target', 'detail']).where('action', '=', 'analysis.team').where('outcome', '=', 'ok'))
    expect(audited.at(-1)).toMatchObject({ target: 'analysis:2026' })
    expect(audited.at(-1)!.detail).not.toContain(String(leadership[0]!.mean))

    // The leadership group sees it too; a supervisor and a staff member do not.
    await as('leader')
    expect((await c.ok('analysis.team', { year: 2026 })).bias.length).toBe(v.bias.length)
    for (const who of ['kezhang', 'staff']) {
      await as(who)
      expect((await c.err('analysis.team', { year: 2026 })).code).toBe('FORBIDDEN')
      expect((await c.err('analysis.export', { year: 2026 })).code).toBe('FORBIDDEN')
    }
  })

  it('exports the analysis as a workbook with one sheet per part', { timeout: 60_000 }, async () => {
    await as('hr')
    const file = await c.ok('analysis.export', { year: 2026 })
    expect(file.fileName).toBe('团队分析-2026.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer)
    expect(wb.worksheets.map((w) => w.name)).toEqual(['科室', '岗位', '薄弱环节', '考核者偏差', '轮流坐庄'])
    const v = await c.ok('analysis.team', { year: 2026 })
    expect(wb.getWorksheet('科室')!.rowCount).toBe(v.departments.length + 1)
    expect(wb.getWorksheet('考核者偏差')!.rowCount).toBe(v.bias.length + 1)
  })
})

describe('轮流坐庄 on the database (prior_grades)', () => {
  it('flags a department where 优秀 went to a different person each year, and not once someone repeats', async () => {
    const u = await newUnit()
    // Any signed-in session opens the unit's store; the fixture is written straight into it.
    await u.login('sysadmin', ADMIN_PASSWORDS.sysadmin)
    const s = u.app.state.session!.store
    const dep = (name: string, code: string, order: number) =>
      Number(s.run(s.qb.insertInto('departments').values({ name, code, sort_order: order })).lastInsertRowid)
    const small = dep('法规科', 'FG', 1)
    const large = dep('执法一科', 'ZF', 2)
    const person = (staffNo: string, departmentId: number) =>
      Number(
        s.run(
          s.qb.insertInto('people').values({ staff_no: staffNo, name: `人员${staffNo}`, department_id: departmentId, post: '科员', category: 'general', rank: '一级科员', supervisor_id: null, risk_post: 0, status: 'active', joined_on: null, left_on: null }),
        ).lastInsertRowid,
      )
    const smallIds = ['1001', '1002', '1003', '1004'].map((n) => person(n, small))
    const largeIds = ['2001', '2002', '2003', '2004', '2005', '2006', '2007'].map((n) => person(n, large))
    const grade = (year: number, personId: number, g: '优秀' | '称职') =>
      s.run(s.qb.insertInto('prior_grades').values({ year, person_id: personId, grade: g, recorded_by: null, recorded_at: '2026-01-01T00:00:00Z' }).onConflict((oc) => oc.columns(['year', 'person_id']).doUpdateSet({ grade: g })))
    const years = [2021, 2022, 2023]
    years.forEach((y, i) => {
      smallIds.forEach((id, j) => grade(y, id, j === i ? '优秀' : '称职'))
      // The large department: three different 优秀 too, but 3 of 7 is not most of it.
      largeIds.forEach((id, j) => grade(y, id, j === i ? '优秀' : '称职'))
    })
    const found = rotationCheck(s, 2023, '2024-06-01', 3)
    expect(found.years).toEqual(years)
    expect(found.alerts).toEqual([
      { department: '法规科', sequence: years.map((year, i) => ({ year, names: [`人员100${i + 1}`] })), holders: 3, members: 4 },
    ])
    // The window is the three years up to the one asked: for 2022 only two final years exist → no check.
    expect(rotationCheck(s, 2022, '2024-06-01', 3)).toEqual({ years: [2021, 2022], alerts: [] })
    // The first person 优秀 again in 2023: a repeat, not a rotation.
    grade(2023, smallIds[0]!, '优秀')
    expect(rotationCheck(s, 2023, '2024-06-01', 3).alerts).toEqual([])
  })
})
