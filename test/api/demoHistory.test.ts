import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKaohe } from '../../src/main/api/app'
import { lastYearGrades } from '../../src/main/core/annual/assemble'
import { FAST_POLICY, client, type TestClient } from '../support/tempUnit'

/**
 * The demo unit's finished years (issue 10 item 8): 2024 and 2025 are final rounds with every
 * person's grade, T and dimension profile, 2023 is recorded from before Kaohe, and the stories the
 * archive and the reports show are there: three 优秀 in a row, two 不称职 running, and one department
 * whose single 优秀 passes from person to person. The 2026 round stays open, its V1 unchanged.
 */
const PASSWORD = 'Kaohe@2026'
let c: TestClient
let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'kaohe-demo-history-'))
  c = client(createKaohe({ dataDir: dir, policy: FAST_POLICY, demoIfEmpty: true, clock: () => new Date('2026-12-02T09:00:00') }), dir)
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the demo unit’s history', () => {
  it('has final 2024 and 2025 rounds within the quota, with scores and the planted stories', { timeout: 60_000 }, async () => {
    await c.login('hr', PASSWORD)
    const s = c.app.state.session!.store
    const grades = (year: number) => new Map(s.all(s.qb.selectFrom('annual_grades as g').innerJoin('people as p', 'p.id', 'g.person_id').select(['p.staff_no', 'g.grade', 'g.t']).where('g.year', '=', year)).map((r) => [r.staff_no, r]))
    for (const year of [2024, 2025]) {
      const round = await c.ok('annual.round', { year })
      expect(round.stage).toBe('final')
      expect(round.people.length).toBeGreaterThan(40)
      expect(round.excellentCount).toBeLessThanOrEqual(round.K)
      expect(round.excellentCount).toBeGreaterThan(0)
      expect(round.people.every((p) => p.T !== null && p.dimensions.length === 5)).toBe(true)
      const mine = await c.ok('annual.explain', { year, personId: round.people[0]!.personId })
      expect(mine.lines.length).toBeGreaterThan(3)
    }
    const g24 = grades(2024)
    const g25 = grades(2025)
    const prior23 = new Map(s.all(s.qb.selectFrom('prior_grades as g').innerJoin('people as p', 'p.id', 'g.person_id').select(['p.staff_no', 'g.grade']).where('g.year', '=', 2023)).map((r) => [r.staff_no, r.grade]))
    const merit = [...g25.keys()].filter((no) => g25.get(no)!.grade === '优秀' && g24.get(no)?.grade === '优秀' && prior23.get(no) === '优秀')
    expect(merit.length).toBeGreaterThanOrEqual(1)
    const dismissal = [...g25.keys()].filter((no) => g25.get(no)!.grade === '不称职' && g24.get(no)?.grade === '不称职')
    expect(dismissal).toHaveLength(1)
    // 轮流坐庄: a department whose 优秀 moves on every year, nobody holding it twice.
    const dept = new Map(s.all(s.qb.selectFrom('people').select(['staff_no', 'department_id'])).map((r) => [r.staff_no, r.department_id]))
    const holders = (of: (no: string) => string | undefined, d: number | null) => [...dept.keys()].filter((no) => dept.get(no) === d && of(no) === '优秀')
    const rotating = [...new Set(dept.values())].filter((d) => {
      const h = [holders((no) => prior23.get(no), d), holders((no) => g24.get(no)?.grade, d), holders((no) => g25.get(no)?.grade, d)]
      return h.every((x) => x.length >= 1) && new Set(h.flat()).size === h.flat().length
    })
    expect(rotating.length).toBeGreaterThanOrEqual(1)
    // Most final grades are the engine's own; the rest carry the group's reason.
    const changed = s.all(s.qb.selectFrom('annual_grades').select(['reason']).where('year', '=', 2025).whereRef('grade', '!=', 'proposed'))
    expect(changed.every((r) => (r.reason ?? '').length > 0)).toBe(true)
    // The 2026 round sees 2025's 不称职 as V1.
    const last = lastYearGrades(s, 2026)
    const v1 = s.first(s.qb.selectFrom('people').select('id').where('staff_no', '=', dismissal[0]!))!.id
    expect(last.get(v1)).toBe('不称职')
    expect((await c.ok('annual.round', { year: 2026 })).stage).toBe('open')
  })
})
