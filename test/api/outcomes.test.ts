import ExcelJS from 'exceljs'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKaohe } from '../../src/main/api/app'
import { assembleYear } from '../../src/main/core/annual/assemble'
import { computeAnnual } from '../../src/main/core/annual/engine'
import { addMonths, flagsOf, followupsOf } from '../../src/main/core/outcomes'
import { demoOutcomes } from '../../src/main/core/demo/demoOutcomes'
import { addDays } from '../../src/main/core/calendar/dates'
import { DEFAULT_POLICY } from '../../src/main/core/policy/defaults'
import { FAST_POLICY, client, type TestClient } from '../support/tempUnit'

/**
 * Results application (RULES.md §8) on the demo unit's final 2025 round, through the router: the
 * follow-ups each grade makes, the flags, V1 and V3 carried into 2026, the bonus table exact in fen.
 */
const PASSWORD = 'Kaohe@2026'
const now = new Date('2026-12-02T09:00:00')
let c: TestClient
const as = async (user: string) => {
  await c.app.call('auth.logout', {})
  await c.login(user, PASSWORD)
}
const store = () => c.app.state.session!.store

// One demo unit for the whole file (tempDir() is removed after each test).
const dir = mkdtempSync(join(tmpdir(), 'kaohe-outcomes-'))
beforeAll(() => {
  c = client(createKaohe({ dataDir: dir, policy: FAST_POLICY, demoIfEmpty: true, clock: () => now }), dir)
}, 180_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

type Grade = '优秀' | '称职' | '基本称职' | '不称职'
function gradesOf(year: number): Map<number, string> {
  const s = store()
  return new Map(s.all(s.qb.selectFrom('annual_grades').select(['person_id', 'grade']).where('year', '=', year)).map((g) => [g.person_id, g.grade]))
}
function withGrade(year: number, grade: Grade): number[] {
  return [...gradesOf(year)].filter(([, g]) => g === grade).map(([id]) => id)
}
function finalOn(year: number): string {
  const s = store()
  return addDays(s.first(s.qb.selectFrom('annual_rounds').select('publicity_until').where('year', '=', year))!.publicity_until!, 1)
}
function personIdOf(staffNo: string): number {
  const s = store()
  return s.first(s.qb.selectFrom('people').select('id').where('staff_no', '=', staffNo))!.id
}

describe('follow-ups from the final 2025 grades', () => {
  it('creates each grade’s follow-ups and lists, once', { timeout: 60_000 }, async () => {
    await as('hr')
    const first = await c.ok('outcomes.generate', { year: 2025 })
    const again = await c.ok('outcomes.generate', { year: 2025 })
    expect(again).toMatchObject({ created: 0, cancelled: 0, listed: 0, rectificationPlans: 0 })
    expect(again.existing).toBe(first.existing + first.created)
    // Not final: refused, naming the year.
    expect(await c.err('outcomes.generate', { year: 2026 })).toMatchObject({ code: 'OUTCOMES_NOT_FINAL', params: { year: 2026 } })

    const start = finalOn(2025)
    const all = await c.ok('outcomes.followups', { year: 2025 })
    const of = (personId: number) => all.filter((f) => f.personId === personId && f.status !== 'cancelled').map((f) => f.kind).sort()
    const lists = await c.ok('outcomes.lists', { year: 2025 })
    const headPerson = personIdOf('0001')

    // 优秀 → the commendation list, no follow-up.
    const excellent = withGrade(2025, '优秀')
    expect(excellent.length).toBeGreaterThan(0)
    for (const id of excellent) {
      expect(lists.commendation.find((e) => e.personId === id)).toMatchObject({ source: 'grade', removedAt: null })
      expect(of(id)).toEqual([])
    }
    // 称职 → the talent pool.
    const competent = withGrade(2025, '称职')
    for (const id of competent) {
      expect(lists.talentPool.find((e) => e.personId === id)).toMatchObject({ source: 'grade', removedAt: null })
      expect(of(id)).toEqual([])
    }
    expect(lists.talentPool).toHaveLength(competent.length)

    // 基本称职 → 诫勉谈话 by the unit head, a rectification plan of the policy's months, targeted training.
    const basic = withGrade(2025, '基本称职')
    expect(basic.length).toBeGreaterThan(0)
    const end = addDays(addMonths(start, FAST_POLICY.results.rectificationMonths), -1)
    for (const id of basic) {
      expect(of(id)).toEqual(['admonitionTalk', 'rectification', 'targetedTraining'])
      const talk = all.find((f) => f.personId === id && f.kind === 'admonitionTalk')!
      expect(talk).toMatchObject({ ownerPersonId: headPerson, dueOn: end, label: { zh: '诫勉谈话' } })
      expect(all.find((f) => f.personId === id && f.kind === 'targetedTraining')).toMatchObject({ ownerRole: 'hr', ownerName: '人事科' })
      const s = store()
      const plans = s.all(s.qb.selectFrom('rectification_plans').selectAll().where('person_id', '=', id).where('starts_on', '=', start))
      expect(plans).toHaveLength(1)
      expect(plans[0]!.ends_on).toBe(end)
    }

    // 不称职 → reassignment or standby training between the policy's months, a follow-up assessment;
    // the dismissal recommendation only for 不称职 two years running.
    const incompetent = withGrade(2025, '不称职')
    expect(incompetent.length).toBeGreaterThan(0)
    const prev = gradesOf(2024)
    const running = incompetent.filter((id) => prev.get(id) === '不称职')
    expect(running.length).toBeGreaterThan(0)
    for (const id of incompetent) {
      expect(of(id)).toEqual(running.includes(id) ? ['dismissalReview', 'followUpAssessment', 'reassignment'] : ['followUpAssessment', 'reassignment'])
      expect(all.find((f) => f.personId === id && f.kind === 'reassignment')).toMatchObject({
        ownerRole: 'hr',
        earliestOn: addMonths(start, FAST_POLICY.results.reassignmentMonthsMin),
        dueOn: addDays(addMonths(start, FAST_POLICY.results.reassignmentMonthsMax), -1),
      })
      expect(flagsOf(store(), id, 2025)).toMatchObject({ ineligibleNextYear: true, dismissal: running.includes(id) })
    }
    for (const id of running) expect(lists.flagged.find((f) => f.personId === id)?.flags.dismissal).toBe(true)
    // The archive's view of one person's follow-ups.
    expect(followupsOf(store(), basic[0]!).map((f) => f.kind).sort()).toEqual(['admonitionTalk', 'rectification', 'targetedTraining'])
  })

  it('flags 三等功 at exactly the policy’s consecutive 优秀 and dismissal at exactly two running', { timeout: 60_000 }, async () => {
    await as('hr')
    const g = [2023, 2024, 2025].map((y) => gradesOfAny(y))
    const merit = withGrade(2025, '优秀').filter((id) => g[0]!.get(id) === '优秀' && g[1]!.get(id) === '优秀')
    expect(merit.length).toBeGreaterThan(0)
    for (const id of merit) {
      expect(flagsOf(store(), id, 2025).merit).toBe(true)
      // Two in a row (2023, 2024) is not yet three.
      expect(flagsOf(store(), id, 2024).merit).toBe(false)
    }
    // Only two in a row by 2025 is no flag.
    for (const id of withGrade(2025, '优秀').filter((x) => !merit.includes(x))) expect(flagsOf(store(), id, 2025).merit).toBe(false)
    const running = withGrade(2025, '不称职').filter((id) => g[1]!.get(id) === '不称职')
    for (const id of running) {
      expect(flagsOf(store(), id, 2025).dismissal).toBe(true)
      expect(flagsOf(store(), id, 2024).dismissal).toBe(g[0]!.get(id) === '不称职')
    }
    const lists = await c.ok('outcomes.lists', { year: 2025 })
    for (const id of merit) expect(lists.flagged.find((f) => f.personId === id)?.flags.merit).toBe(true)
  })

  it('carries a 2025 不称职 into 2026 as V1 and the rectification plan as V3 while it runs', { timeout: 120_000 }, async () => {
    await as('hr')
    const s = store()
    const start = finalOn(2025)
    const inPlan = addDays(start, 10)
    const a = assembleYear(s, 2026, inPlan)
    const result = computeAnnual(a.inputs)
    const staffOf = new Map(a.participants.map((p) => [p.personId, p.staffNo]))
    const byStaff = new Map(result.people.map((p) => [p.id, p]))
    const v1 = withGrade(2025, '不称职').map((id) => byStaff.get(staffOf.get(id)!)!)
    const v3 = withGrade(2025, '基本称职').map((id) => byStaff.get(staffOf.get(id)!)!)
    expect(v1.length).toBeGreaterThan(0)
    expect(v3.length).toBeGreaterThan(0)
    for (const p of v1) expect(p.vetoes).toContain('V1')
    for (const p of v3) expect(p.vetoes).toContain('V3')
    // Nobody graded 称职 in 2025 carries V1 or V3 from it.
    for (const id of withGrade(2025, '称职')) expect(byStaff.get(staffOf.get(id)!)?.vetoes.filter((v) => v === 'V3') ?? []).toEqual([])
    // After the plan's end, V3 no longer applies.
    const after = computeAnnual(assembleYear(s, 2026, addMonths(start, FAST_POLICY.results.rectificationMonths)).inputs)
    const afterBy = new Map(after.people.map((p) => [p.id, p]))
    for (const id of withGrade(2025, '基本称职')) expect(afterBy.get(staffOf.get(id)!)!.vetoes).not.toContain('V3')
  })

  it('lets the owner complete a follow-up with a note, once, and shows it on the owner’s home page', { timeout: 60_000 }, async () => {
    await as('head')
    const talks = (await c.ok('outcomes.followups', { year: 2025, kind: 'admonitionTalk' })).filter((f) => f.status !== 'done')
    expect(talks.length).toBeGreaterThan(0)
    const task = (await c.ok('home.tasks')).find((t) => t.kind === 'outcomes.followupsOpen')
    expect(task).toMatchObject({ route: 'outcomes?tab=followups' })
    const t = talks[0]!
    expect(t.mayComplete).toBe(true)
    await as('hr')
    expect(await c.err('outcomes.completeFollowup', { id: t.id, note: '代为登记' })).toMatchObject({ code: 'OUTCOMES_NOT_OWNER' })
    await as('head')
    const done = await c.ok('outcomes.completeFollowup', { id: t.id, note: '已进行诫勉谈话，本人表示接受' })
    expect(done).toMatchObject({ status: 'done', doneOn: '2026-12-02', note: '已进行诫勉谈话，本人表示接受' })
    expect(await c.err('outcomes.completeFollowup', { id: t.id, note: '再次' })).toMatchObject({ code: 'OUTCOMES_FOLLOWUP_STATE' })
    expect(await c.err('outcomes.completeFollowup', { id: t.id, note: '   ' })).toMatchObject({ code: 'INVALID_INPUT' })
    // The audit names the follow-up, never the note.
    const s = store()
    const rows = s.all(s.qb.selectFrom('audit_log').select('detail').where('action', '=', 'outcomes.completeFollowup'))
    for (const r of rows) expect(r.detail).not.toContain('诫勉谈话，本人')
    // Overdue filter: nothing of 2025 is overdue on 2026-12-02 except what is past its due date.
    const overdue = await c.ok('outcomes.followups', { overdue: true })
    for (const f of overdue) expect(f.dueOn < '2026-12-02' && f.doneOn === null).toBe(true)
  })

  it('keeps staff out of the bonus table and the lists, and shows them only follow-ups they own', { timeout: 60_000 }, async () => {
    await as('staff')
    expect((await c.err('outcomes.bonus', { year: 2025 })).code).toBe('FORBIDDEN')
    expect((await c.err('outcomes.exportBonus', { year: 2025 })).code).toBe('FORBIDDEN')
    expect((await c.err('outcomes.lists', { year: 2025 })).code).toBe('FORBIDDEN')
    expect((await c.err('outcomes.setBonus', { year: 2025, baseFen: 1, budgetFen: 1 })).code).toBe('FORBIDDEN')
    const me = personIdOf('0402')
    for (const f of await c.ok('outcomes.followups', {})) expect(f.ownerPersonId).toBe(me)
  })

  it('keeps the talent pool with reasons', { timeout: 60_000 }, async () => {
    await as('hr')
    const lists = await c.ok('outcomes.lists', { year: 2025 })
    const entry = lists.talentPool[0]!
    const removed = await c.ok('outcomes.removeTalent', { entryId: entry.id, reason: '已调离本单位' })
    expect(removed.talentPool.find((e) => e.id === entry.id)).toMatchObject({ removedReason: '已调离本单位' })
    expect(flagsOf(store(), entry.personId, 2025).talentPool).toBe(false)
    expect(await c.err('outcomes.removeTalent', { entryId: entry.id, reason: 'x' })).toMatchObject({ code: 'OUTCOMES_LIST_ENTRY' })
    // generate does not add back what HR removed.
    await c.ok('outcomes.generate', { year: 2025 })
    expect((await c.ok('outcomes.lists', { year: 2025 })).talentPool.find((e) => e.id === entry.id)?.removedAt).not.toBeNull()
    const back = await c.ok('outcomes.addTalent', { year: 2025, personId: entry.personId, reason: '回到本单位，业务骨干' })
    expect(back.talentPool.find((e) => e.personId === entry.personId)).toMatchObject({ source: 'manual', removedAt: null, reason: '回到本单位，业务骨干' })
    // Why they were removed is kept with the entry.
    const row = store().first(store().qb.selectFrom('outcome_lists').select('history').where('id', '=', entry.id))!
    expect(JSON.parse(row.history)).toEqual([expect.objectContaining({ source: 'grade', removedReason: '已调离本单位' })])
    expect(await c.err('outcomes.addTalent', { year: 2025, personId: entry.personId, reason: 'x' })).toMatchObject({ code: 'OUTCOMES_LIST_ENTRY' })
  })
})

function gradesOfAny(year: number): Map<number, string> {
  const s = store()
  const out = new Map<number, string>(s.all(s.qb.selectFrom('prior_grades').select(['person_id', 'grade']).where('year', '=', year)).map((g) => [g.person_id, g.grade]))
  for (const [k, v] of gradesOf(year)) out.set(k, v)
  return out
}

describe('the bonus table', () => {
  it('is base × the policy’s coefficient per grade, exact in fen, against the budget', { timeout: 60_000 }, async () => {
    await as('hr')
    expect(await c.ok('outcomes.bonus', { year: 2025 })).toMatchObject({ final: true })
    // A year not final: no rows, the base and budget still shown.
    expect(await c.ok('outcomes.bonus', { year: 2026 })).toMatchObject({ final: false, rows: [], totalFen: 0 })
    // 12345.67 yuan: 120 % is 14814.804 → 14814.80; 80 % is 9876.536 → 9876.54.
    const t = await c.ok('outcomes.setBonus', { year: 2025, baseFen: 1_234_567, budgetFen: 1 })
    const expected: Record<string, number | null> = { 优秀: 1_481_480, 称职: 1_234_567, 基本称职: 987_654, 不称职: 0 }
    expect(t.percents).toEqual({ 优秀: 120, 称职: 100, 基本称职: 80, 不称职: 0 })
    let sum = 0
    for (const r of t.rows) {
      expect(r.amountFen, r.grade).toBe(expected[r.grade] ?? null)
      if (r.amountFen === null) {
        expect(r.percent).toBeNull()
        expect(r.reason?.zh.length).toBeGreaterThan(0)
      }
      sum += r.amountFen ?? 0
    }
    expect(t.totalFen).toBe(sum)
    expect(t.rows.length).toBe(gradesOf(2025).size)
    // Over budget, then under.
    expect(t.remainingFen).toBe(1 - sum)
    const under = await c.ok('outcomes.setBonus', { year: 2025, baseFen: 1_234_567, budgetFen: sum + 100 })
    expect(under.remainingFen).toBe(100)
    expect((await c.err('outcomes.setBonus', { year: 2025, baseFen: -1, budgetFen: 0 })).code).toBe('INVALID_INPUT')
    expect((await c.err('outcomes.setBonus', { year: 2025, baseFen: 1.5, budgetFen: 0 })).code).toBe('INVALID_INPUT')
  })

  it('exports an Excel workbook with the same rows and sums', { timeout: 60_000 }, async () => {
    await as('leader')
    const t = await c.ok('outcomes.bonus', { year: 2025 })
    const f = await c.ok('outcomes.exportBonus', { year: 2025 })
    expect(f.fileName).toBe('2025年度考核奖金表.xlsx')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(f.contentBase64, 'base64') as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]!
    expect(ws.getRow(2).values).toEqual([undefined, '序号', '工号', '姓名', '科室', '考核等次', '系数（%）', '基数（元）', '奖金（元）', '说明'])
    let cents = 0
    let people = 0
    ws.eachRow((row, n) => {
      if (n <= 2 || typeof row.getCell(1).value !== 'number') return
      people++
      const v = row.getCell(8).value
      if (typeof v === 'number') cents += Math.round(v * 100)
    })
    expect(people).toBe(t.rows.length)
    expect(cents).toBe(t.totalFen)
    const totalRow = ws.getRows(3 + t.rows.length, 1)![0]!
    expect(totalRow.getCell(7).value).toBe('合计')
    expect(Math.round((totalRow.getCell(8).value as number) * 100)).toBe(t.totalFen)
  })

  it('follows a changed coefficient in the year’s policy', { timeout: 60_000 }, async () => {
    await as('hr')
    const policy = { ...DEFAULT_POLICY, version: 'bonus-150', results: { ...DEFAULT_POLICY.results, bonusPercentExcellent: 150, bonusPercentBasic: 75 } }
    const pending = await c.ok('policy.import', { year: 2025, file: { fileName: 'p.json', contentBase64: Buffer.from(JSON.stringify(policy)).toString('base64') } })
    await as('head')
    await c.ok('policy.decide', { id: pending.id, approve: true })
    await as('hr')
    const t = await c.ok('outcomes.bonus', { year: 2025 })
    expect(t.percents.优秀).toBe(150)
    for (const r of t.rows) {
      // 12345.67 × 150 % = 18518.505 → 18518.51 (half up); × 75 % = 9259.2525 → 9259.25.
      if (r.grade === '优秀') expect(r.amountFen).toBe(1_851_851)
      if (r.grade === '基本称职') expect(r.amountFen).toBe(925_925)
    }
  })
})

describe('the demo story (demoOutcomes)', () => {
  it('sets the 2025 base and a budget, creates the follow-ups and completes some; again adds nothing', { timeout: 60_000 }, async () => {
    await as('hr')
    demoOutcomes(store(), { now })
    const t = await c.ok('outcomes.bonus', { year: 2025 })
    expect(t.baseFen).toBe(1_200_000)
    expect(t.remainingFen!).toBeGreaterThan(0)
    const list = await c.ok('outcomes.followups', { year: 2025 })
    const done = list.filter((f) => f.status === 'done').length
    expect(done).toBeGreaterThan(0)
    expect(list.some((f) => f.status === 'overdue')).toBe(true)
    demoOutcomes(store(), { now })
    const again = await c.ok('outcomes.followups', { year: 2025 })
    expect(again.filter((f) => f.status === 'done').length).toBe(done)
    expect(again.length).toBe(list.length)
  })
})

describe('a grade changed after the follow-ups (an upheld appeal)', () => {
  it('cancels what the old grade made, ends its rectification plan and applies the new grade', { timeout: 60_000 }, async () => {
    await as('hr')
    const s = store()
    const id = withGrade(2025, '基本称职')[0]!
    // As an upheld appeal writes it: the final grade in annual_grades changes.
    s.run(s.qb.updateTable('annual_grades').set({ grade: '称职', reason: '申诉成立' }).where('year', '=', 2025).where('person_id', '=', id))
    const r = await c.ok('outcomes.generate', { year: 2025 })
    expect(r.created).toBe(0)
    const mine = (await c.ok('outcomes.followups', { year: 2025 })).filter((f) => f.personId === id)
    // What was already done stays done; the rest is cancelled.
    for (const f of mine) expect(['cancelled', 'done']).toContain(f.status)
    expect(mine.filter((f) => f.status === 'cancelled').length).toBe(r.cancelled)
    expect(r.cancelled).toBeGreaterThan(0)
    const plan = s.first(s.qb.selectFrom('rectification_plans').select('ends_on').where('person_id', '=', id).where('starts_on', '=', finalOn(2025)))!
    expect(plan.ends_on).toBe(addDays('2026-12-02', -1))
    expect((await c.ok('outcomes.lists', { year: 2025 })).talentPool.find((e) => e.personId === id)).toMatchObject({ source: 'grade', removedAt: null })
    expect(followupsOf(s, id).every((f) => f.doneOn !== null)).toBe(true)
  })
})
