import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appealDeadline, appealsOf } from '../../src/main/core/appeals'
import { formsOf } from '../../src/main/core/feedback'
import { unitCalendar } from '../../src/main/core/calendar/unitCalendar'
import { DEFAULT_POLICY } from '../../src/main/core/policy/defaults'
import { addDays } from '../../src/main/core/calendar/dates'
import { DEMO_PASSWORD, finalDemoWorld, type FeedbackWorld } from '../support/feedbackWorld'

/**
 * 申诉 through the router on the demo unit with its 2026 round final (RULES.md §7): the person
 * appeals within the window after delivery; the members who scored the disputed items are recused;
 * a group member answers; an upheld appeal only improves the grade, within K, and makes a new form
 * version; overdue appeals show on home pages; HR records the statutory routes of a 不称职 result.
 */
let w: FeedbackWorld
const store = () => w.c.app.state.session!.store
const personIdOf = (staffNo: string) => store().first(store().qb.selectFrom('people').select('id').where('staff_no', '=', staffNo))!.id
const gradeOf = (personId: number) => store().first(store().qb.selectFrom('annual_grades').selectAll().where('year', '=', 2026).where('person_id', '=', personId))!
const setGrade = (personId: number, grade: string) =>
  store().run(store().qb.updateTable('annual_grades').set({ grade }).where('year', '=', 2026).where('person_id', '=', personId))
const TEXT = { strengths: '业务熟练', weaknesses: '法规学习不够', improvements: '参加法规培训', interviewOn: '2027-02-01' }

/** HR's form for the person, given to kezhang (0401) to interview; the person refuses before HR: delivered today. */
async function deliver(personId: number): Promise<void> {
  const { c, as } = w
  await as('hr')
  const form = (await c.ok('feedback.list', { year: 2026 })).find((f) => f.personId === personId && f.status !== 'voided')!
  if (form.interviewer.personId !== personIdOf('0401')) await c.ok('feedback.reassign', { formId: form.id, interviewerId: personIdOf('0401') })
  await as('kezhang')
  await c.ok('feedback.saveText', { formId: form.id, ...TEXT })
  await c.ok('feedback.sign', { formId: form.id, as: 'interviewer', password: DEMO_PASSWORD })
  await c.ok('feedback.refuse', { formId: form.id, note: '本人对等次有异议', witnessUsername: 'hr', witnessPassword: DEMO_PASSWORD })
}

beforeAll(async () => {
  w = await finalDemoWorld()
}, 180_000)
afterAll(() => {
  w.c.app.state.session?.close()
  rmSync(w.dir, { recursive: true, force: true })
})

describe('appeals (demo unit, 2026 final)', () => {
  it('files within the window, recuses the raters, answers upwards within K, makes a new form version', { timeout: 180_000 }, async () => {
    const { c, as } = w
    const staff = personIdOf('0402')
    const k = store().first(store().qb.selectFrom('annual_rounds').select('k').where('year', '=', 2026))!.k
    // The fixture: 0402 基本称职, and 优秀 exactly at K (the group's own decisions, made before the forms).
    setGrade(staff, '基本称职')
    const excellent = () => store().all(store().qb.selectFrom('annual_grades').select('person_id').where('year', '=', 2026).where('grade', '=', '优秀'))
    expect(excellent().length).toBe(k)
    w.setNow(new Date('2027-02-01T10:00:00'))
    await as('hr')
    await c.ok('feedback.generate', { year: 2026 })

    // Not delivered yet: refused, naming that.
    await as('staff')
    const before = await c.ok('appeals.window', { year: 2026, personId: staff })
    expect(before).toMatchObject({ open: false, deliveredOn: null, windowUntil: null, grade: '基本称职' })
    expect((await c.err('appeals.file', { year: 2026, personId: staff, items: ['channel:quarterly'], gradeAsked: '称职', text: '季度评价偏低' })).code).toBe('APPEAL_NOT_DELIVERED')

    await deliver(staff)
    await as('staff')
    const win = await c.ok('appeals.window', { year: 2026, personId: staff })
    const expected = appealDeadline(unitCalendar(store()), '2027-02-01', DEFAULT_POLICY.constraints.P8_appealWindowWorkingDays!)
    expect(win).toMatchObject({ open: true, deliveredOn: '2027-02-01', windowUntil: expected.date, windowWorkingDays: 10, answerCalendarDays: 20 })
    // 2027 has no shipped holiday table: the deadline comes with the calendar's warning.
    expect(win.warnings.length).toBeGreaterThan(0)
    expect(win.warnings[0]!.zh).toContain('2027')
    expect(win.items.map((i) => i.key)).toEqual(expect.arrayContaining(['channel:leadership', 'channel:quarterly']))

    // Bad input: an item not in the result, a grade not above the current one, someone else's appeal.
    expect((await c.err('appeals.file', { year: 2026, personId: staff, items: ['dimension:nonsense'], gradeAsked: '称职', text: '理由' })).code).toBe('APPEAL_ITEM_UNKNOWN')
    expect((await c.err('appeals.file', { year: 2026, personId: staff, items: ['channel:quarterly'], gradeAsked: '不称职', text: '理由' })).code).toBe('APPEAL_GRADE_NOT_HIGHER')
    expect((await c.err('appeals.file', { year: 2026, personId: personIdOf('0401'), items: ['channel:quarterly'], gradeAsked: '优秀', text: '理由' })).code).toBe('FORBIDDEN')

    // Disputing the leadership channel recuses the group members who rated the sheets.
    const leaderPerson = personIdOf('0002')
    const onSheets = store().all(store().qb.selectFrom('leadership_sheets').select('rater_id').where('year', '=', 2026).where('person_id', '=', staff)).map((r) => r.rater_id)
    expect(onSheets).toContain(leaderPerson)
    const first = await c.ok('appeals.file', { year: 2026, personId: staff, items: ['channel:leadership'], gradeAsked: '称职', text: '领导评分偏低' })
    expect(first.recused.map((m) => m.personId).sort()).toEqual([...new Set([staff, ...onSheets])].sort())
    expect(first).toMatchObject({ filedOn: '2027-02-01', dueOn: '2027-02-21', status: 'pending', warnings: win.warnings })
    expect((await c.err('appeals.file', { year: 2026, personId: staff, items: ['channel:quarterly'], gradeAsked: '称职', text: '再次' })).code).toBe('APPEAL_ALREADY_OPEN')
    await as('leader')
    expect(await c.err('appeals.answer', { appealId: first.id, decision: 'refused', reason: '维持' })).toMatchObject({ code: 'APPEAL_RECUSED', params: { id: first.id } })
    await as('kezhang')
    expect((await c.err('appeals.answer', { appealId: first.id, decision: 'refused', reason: '维持' })).code).toBe('FORBIDDEN')
    // Every group member rated this person's sheet: the head answers rather than nobody (the recusals stay listed).
    const group = store().all(store().qb.selectFrom('org_groups').select('person_id').where('valid_to', 'is', null).where('role', 'in', ['head', 'member'])).map((r) => r.person_id)
    expect(group.every((id) => first.recused.some((m) => m.personId === id))).toBe(true)
    await as('head')
    const answered = await c.ok('appeals.answer', { appealId: first.id, decision: 'refused', reason: '经复核，领导评价结果维持' })
    expect(answered).toMatchObject({ status: 'refused', recused: first.recused })
    // The person may withdraw a pending appeal.
    await as('staff')
    const withdrawn = await c.ok('appeals.file', { year: 2026, personId: staff, items: ['dimension:ji'], gradeAsked: '称职', text: '绩的评价偏低' })
    expect((await c.ok('appeals.withdraw', { appealId: withdrawn.id })).status).toBe('withdrawn')

    // Disputing the quarters recuses the supervisor who rated them (0401), not the group.
    const second = await c.ok('appeals.file', { year: 2026, personId: staff, items: ['channel:quarterly'], gradeAsked: '优秀', text: '季度评价未反映全年工作' })
    expect(second.recused.map((m) => m.personId).sort()).toEqual([staff, personIdOf('0401')].sort())
    expect(second.recused.find((m) => m.personId === personIdOf('0401'))!.reason.zh).toContain('季度')

    // Overdue after P9 calendar days: on HR's and the group's home pages.
    await as('hr')
    expect((await c.ok('home.tasks')).find((t) => t.kind === 'appeals.pending')).toMatchObject({ count: 1, route: 'appeals', dueOn: '2027-02-21' })
    expect((await c.ok('home.tasks')).some((t) => t.kind === 'appeals.overdue')).toBe(false)
    w.setNow(new Date('2027-02-22T09:00:00'))
    await as('hr')
    expect((await c.ok('home.tasks')).find((t) => t.kind === 'appeals.overdue')).toMatchObject({ count: 1 })
    await as('leader')
    expect((await c.ok('home.tasks')).find((t) => t.kind === 'appeals.overdue')).toMatchObject({ count: 1 })
    expect((await c.ok('appeals.list', { year: 2026 })).find((a) => a.id === second.id)).toMatchObject({ overdue: true })

    // After the window: refused with the deadline shown.
    expect(win.windowUntil! < '2027-02-22').toBe(true)
    await as('staff')
    expect(await c.err('appeals.file', { year: 2026, personId: staff, items: ['channel:quarterly'], gradeAsked: '优秀', text: '再申诉' })).toMatchObject({
      code: 'APPEAL_WINDOW_CLOSED',
      params: { deadline: win.windowUntil, deliveredOn: '2027-02-01' },
    })
    await as('leader')
    // Never worse; 优秀 never above K.
    expect((await c.err('appeals.answer', { appealId: second.id, decision: 'upheld', grade: '不称职', reason: '调整' })).code).toBe('APPEAL_GRADE_NOT_HIGHER')
    const eligible = JSON.parse(store().first(store().qb.selectFrom('annual_rounds').select('result_json').where('year', '=', 2026))!.result_json).people.find((p: { personId: number }) => p.personId === staff).eligible as boolean
    expect((await c.err('appeals.answer', { appealId: second.id, decision: 'upheld', grade: '优秀', reason: '调整' })).code).toBe(eligible ? 'ANNUAL_QUOTA_EXCEEDED' : 'APPEAL_NOT_ELIGIBLE')
    expect(gradeOf(staff).grade).toBe('基本称职')

    // Upheld within K: 基本称职 → 称职, annual_grades says why and who, the form gets version 2.
    const v1 = formsOf(store(), staff).filter((f) => f.year === 2026)
    expect(v1).toHaveLength(1)
    const upheld = await c.ok('appeals.answer', { appealId: second.id, decision: 'upheld', grade: '称职', reason: '季度评价依据不足，予以调整' })
    expect(upheld).toMatchObject({ status: 'upheld', gradeAfter: '称职', answeredOn: '2027-02-22', overdue: false })
    expect(gradeOf(staff)).toMatchObject({ grade: '称职', changed_by: expect.any(Number) })
    expect(gradeOf(staff).reason).toContain(`编号 ${second.id}`)
    const forms = formsOf(store(), staff).filter((f) => f.year === 2026)
    expect(forms.map((f) => [f.version, f.status, f.grade])).toEqual([[2, 'draft', '称职'], [1, 'voided', '基本称职']])
    expect(upheld.newFormId).toBe(forms[0]!.id)
    expect((await c.err('appeals.answer', { appealId: second.id, decision: 'refused', reason: '再答' })).code).toBe('APPEAL_ANSWERED')
    expect(excellent().length).toBe(k)

    expect(appealsOf(store(), staff).filter((a) => a.year === 2026).map((a) => [a.id, a.route, a.status, a.gradeBefore, a.gradeAfter])).toEqual([
      [second.id, 'internal', 'upheld', '基本称职', '称职'],
      [withdrawn.id, 'internal', 'withdrawn', '基本称职', null],
      [first.id, 'internal', 'refused', '基本称职', null],
    ])

    // The audit records ids and counts, never the text.
    const audit = store().all(store().qb.selectFrom('audit_log').select(['action', 'detail']).where('action', 'like', 'appeals.%'))
    expect(audit.length).toBeGreaterThan(0)
    for (const a of audit) expect(a.detail ?? '').not.toContain('季度评价')
  })

  it('records the statutory routes of a 不称职 result with their own deadlines', { timeout: 120_000 }, async () => {
    const { c, as } = w
    const p = DEFAULT_POLICY.appeals
    const x = personIdOf('0403')
    setGrade(x, '不称职')
    w.setNow(new Date('2027-03-01T10:00:00'))
    await as('hr')
    await c.ok('feedback.reissue', { year: 2026, personId: x, reason: '等次更正为不称职' })
    await deliver(x)
    await as('hr')
    const base = { year: 2026, personId: x, body: '本机关考核委员会', documentNo: '复核〔2027〕1号' }
    expect((await c.err('appeals.recordRoute', { ...base, personId: personIdOf('0402'), route: 'review', filedOn: '2027-03-01' })).code).toBe('APPEAL_ROUTE_INVALID')
    const review = await c.ok('appeals.recordRoute', { ...base, route: 'review', filedOn: '2027-03-01' })
    expect(review).toMatchObject({ route: 'review', windowUntil: addDays('2027-03-01', p.reviewDays), dueOn: addDays('2027-03-01', p.reviewDecisionDays), gradeBefore: '不称职', status: 'pending' })
    // The result applies while under review.
    expect(gradeOf(x).grade).toBe('不称职')
    expect((await c.err('appeals.recordRoute', { ...base, route: 'statutory', filedOn: '2027-03-01', reviewOf: review.id })).code).toBe('APPEAL_ROUTE_INVALID')
    w.setNow(new Date('2027-03-20T10:00:00'))
    await as('hr')
    const decided = await c.ok('appeals.decideRoute', { appealId: review.id, decision: 'refused', reason: '维持原等次', decidedOn: '2027-03-20' })
    expect(decided).toMatchObject({ status: 'refused', answeredOn: '2027-03-20' })
    const appeal = await c.ok('appeals.recordRoute', { ...base, documentNo: '申诉〔2027〕2号', body: '上一级机关', route: 'statutory', filedOn: '2027-03-20', reviewOf: review.id })
    expect(appeal).toMatchObject({ windowUntil: addDays('2027-03-20', p.appealAfterReviewDays), dueOn: addDays('2027-03-20', p.appealDecisionDays), reviewOf: review.id })
    const extended = await c.ok('appeals.extendRoute', { appealId: appeal.id })
    expect(extended).toMatchObject({ extended: true, dueOn: addDays('2027-03-20', p.appealDecisionDays + p.appealExtensionDays) })
    expect((await c.err('appeals.extendRoute', { appealId: appeal.id })).code).toBe('APPEAL_ROUTE_INVALID')
    // Directly, after appealDirectDays from delivery: too late, with the deadline shown.
    const late = addDays('2027-03-01', p.appealDirectDays + 1)
    w.setNow(new Date(`${late}T10:00:00`))
    await as('hr')
    expect(await c.err('appeals.recordRoute', { ...base, route: 'statutory', filedOn: late })).toMatchObject({ code: 'APPEAL_ROUTE_LATE', params: { deadline: addDays('2027-03-01', p.appealDirectDays) } })
    // The group does not answer a statutory route.
    await as('leader')
    expect((await c.err('appeals.answer', { appealId: appeal.id, decision: 'refused', reason: '—' })).code).toBe('APPEAL_ROUTE_INVALID')
  })
})
