import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createKaohe } from '../../src/main/api/app'
import { FAST_POLICY, client, type TestClient } from '../support/tempUnit'

/**
 * 《公务员年度考核登记表》 through the router on the demo unit: its 2025 round is final (demoHistory), so
 * the form's grade is the confirmed one; 2026 is still open. Each part is written only by its role,
 * saved as a draft and then submitted, after which it no longer changes.
 */
const PASSWORD = 'Kaohe@2026'
const now = new Date('2026-12-02T09:00:00')
let c: TestClient
let dir: string
const as = async (user: string) => {
  await c.app.call('auth.logout', {})
  await c.login(user, PASSWORD)
  return c.app.state.session!.actor.personId!
}
const store = () => c.app.state.session!.store

beforeAll(() => {
  // One unit for the whole file (tempDir() is emptied after each test).
  dir = mkdtempSync(join(tmpdir(), 'kaohe-register-'))
  c = client(createKaohe({ dataDir: dir, policy: FAST_POLICY, demoIfEmpty: true, clock: () => now }), dir)
}, 120_000)
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('the register form (登记表) through the API', () => {
  it('lets each role fill only its own part, with the grade from the confirmed results', { timeout: 120_000 }, async () => {
    const kezhang = await as('kezhang')
    const staff = await as('staff')
    const me = await c.ok('register.get', { year: 2025, personId: staff })
    const confirmed = store().first(store().qb.selectFrom('annual_grades').select('grade').where('year', '=', 2025).where('person_id', '=', staff))!
    expect(me.stage).toBe('final')
    expect(me.grade).toBe(confirmed.grade)
    expect(me.name).toBe(store().first(store().qb.selectFrom('people').select('name').where('id', '=', staff))!.name)
    expect(me.editable.sort()).toEqual(['duties', 'opinion', 'summary', 'training'])
    // The open 2026 round has no confirmed grade: none on the form, and no 本人意见 yet.
    const open = await c.ok('register.get', { year: 2026, personId: staff })
    expect(open.grade).toBeNull()
    expect(open.editable).not.toContain('opinion')
    expect(await c.err('register.saveOwn', { year: 2026, personId: staff, part: 'opinion', text: '无意见' })).toMatchObject({ code: 'REGISTER_NOT_YET' })

    // The home page asks for the summary of the latest confirmed year.
    expect((await c.ok('home.tasks')).find((t) => t.kind === 'register.summaryToWrite')).toMatchObject({ count: 1, route: 'register' })
    // The person: a draft, changed, then submitted; then it is fixed.
    await c.ok('register.saveOwn', { year: 2025, personId: staff, part: 'duties', text: '市场巡查与投诉处理', submit: true })
    expect(await c.ok('register.saveOwn', { year: 2025, personId: staff, part: 'summary', text: '初稿' })).toMatchObject({ status: 'draft', text: '初稿' })
    // Their supervisor cannot comment before the summary is submitted.
    await as('kezhang')
    expect(store().first(store().qb.selectFrom('people').select('supervisor_id').where('id', '=', staff))!.supervisor_id).toBe(kezhang)
    expect(await c.err('register.saveSupervisor', { year: 2025, personId: staff, text: '工作认真负责', suggestedGrade: '称职' })).toMatchObject({ code: 'REGISTER_NOT_YET' })
    // Nobody else writes the person's summary, not even HR or their supervisor.
    expect(await c.err('register.saveOwn', { year: 2025, personId: staff, part: 'summary', text: '代写' })).toMatchObject({ code: 'FORBIDDEN' })
    await as('hr')
    expect(await c.err('register.saveOwn', { year: 2025, personId: staff, part: 'summary', text: '代写' })).toMatchObject({ code: 'FORBIDDEN' })
    await as('staff')
    expect(await c.err('register.saveOwn', { year: 2025, personId: staff, part: 'summary', text: '', submit: true })).toMatchObject({ code: 'REGISTER_TEXT_REQUIRED' })
    const summary = '2025 年，本人认真履行市场监管职责，完成日常巡查 120 户次。'
    const sub = await c.ok('register.saveOwn', { year: 2025, personId: staff, part: 'summary', text: summary, submit: true })
    expect(sub).toMatchObject({ status: 'submitted', text: summary })
    expect(sub.writerName).toBe(me.name)
    expect(await c.err('register.saveOwn', { year: 2025, personId: staff, part: 'summary', text: '改' })).toMatchObject({ code: 'REGISTER_PART_SUBMITTED' })
    // A part's size is limited by the contract, naming the part.
    const long = await c.err('register.saveOwn', { year: 2025, personId: staff, part: 'opinion', text: '意'.repeat(301) })
    expect(long.code).toBe('INVALID_INPUT')
    expect(JSON.stringify(long)).toContain('本人意见')
    // The person cannot write their supervisor's part.
    expect(await c.err('register.saveSupervisor', { year: 2025, personId: staff, text: '自评' })).toMatchObject({ code: 'FORBIDDEN' })

    // The supervisor: the suggested grade is required to submit.
    await as('kezhang')
    const toComment = async () => (await c.ok('home.tasks')).find((t) => t.kind === 'register.toComment')?.count ?? 0
    const waiting = await toComment()
    expect(waiting).toBeGreaterThanOrEqual(1)
    expect((await c.ok('home.tasks')).find((t) => t.kind === 'register.toComment')).toMatchObject({ route: 'register' })
    expect(await c.err('register.saveSupervisor', { year: 2025, personId: staff, text: '工作认真负责', submit: true })).toMatchObject({ code: 'REGISTER_TEXT_REQUIRED' })
    expect(await c.ok('register.saveSupervisor', { year: 2025, personId: staff, text: '工作认真负责', suggestedGrade: '称职', submit: true })).toMatchObject({ status: 'submitted', suggestedGrade: '称职' })
    expect(await toComment()).toBe(waiting - 1)
    // A leader who is not the person's supervisor may not.
    await as('leader')
    expect(await c.err('register.saveSupervisor', { year: 2025, personId: staff, text: 'x' })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await c.err('register.saveHead', { year: 2025, personId: staff, text: 'x' })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await c.ok('register.saveCommittee', { year: 2025, personId: staff, text: '同意确定为该等次', submit: true })).toMatchObject({ status: 'submitted' })
    await as('head')
    expect(await c.ok('register.saveHead', { year: 2025, personId: staff, text: '同意', submit: true })).toMatchObject({ status: 'submitted' })
    await as('staff')
    expect(await c.err('register.saveCommittee', { year: 2025, personId: staff, text: 'x' })).toMatchObject({ code: 'FORBIDDEN' })
    expect(await c.ok('register.saveOwn', { year: 2025, personId: staff, part: 'opinion', text: '同意', submit: true })).toMatchObject({ status: 'submitted' })
    const done = await c.ok('register.get', { year: 2025, personId: staff })
    expect(done.editable).toEqual(['training'])
    expect(done.parts.supervisor).toMatchObject({ text: '工作认真负责', suggestedGrade: '称职', status: 'submitted' })

    // HR: training for anyone, the 不定等次 explanation only for a person confirmed with no grade.
    await as('hr')
    expect(await c.ok('register.saveHr', { year: 2025, personId: staff, part: 'training', text: '参加市场监管业务培训 5 天', submit: true })).toMatchObject({ status: 'submitted' })
    expect(await c.err('register.saveHr', { year: 2025, personId: staff, part: 'undetermined', text: '说明' })).toMatchObject({ code: 'REGISTER_NOT_YET' })
    // The demo's 2025 has no 不定等次: one person's confirmed grade is made one, as the engine records it
    // for someone on probation (a fixture change, straight in the database).
    const ungraded = store().first(store().qb.selectFrom('people').select('id').where('staff_no', '=', '0606'))!.id
    store().run(store().qb.updateTable('annual_grades').set({ grade: '不定等次' }).where('year', '=', 2025).where('person_id', '=', ungraded))
    expect((await c.ok('register.get', { year: 2025, personId: ungraded })).editable).toContain('undetermined')
    expect(await c.ok('register.saveHr', { year: 2025, personId: ungraded, part: 'undetermined', text: '试用期未满，不定等次', submit: true })).toMatchObject({ status: 'submitted' })
    // The form shows it as the grade.
    expect((await c.ok('register.get', { year: 2025, personId: ungraded })).grade).toBe('不定等次')
    const list = await c.ok('register.list', { year: 2025 })
    expect(list.rows.length).toBeGreaterThan(40)
    expect(list.rows.find((r) => r.personId === staff)).toMatchObject({ complete: true, grade: confirmed.grade })

    await as('staff')
    expect((await c.ok('home.tasks')).find((t) => t.kind === 'register.summaryToWrite')).toBeUndefined()
    await as('hr')
    // The audit names the person, part and year, never the text.
    const audited = store().all(store().qb.selectFrom('audit_log').select('detail').where('action', 'like', 'register.%'))
    expect(audited.length).toBeGreaterThan(5)
    expect(JSON.stringify(audited)).not.toContain('巡查')
    expect(JSON.stringify(audited)).not.toContain('同意确定为该等次')
  })

  it('narrows the list to the person and their reports, and offers the quarterly 小结 as a start', { timeout: 60_000 }, async () => {
    const staff = await as('staff')
    expect((await c.ok('register.list', { year: 2025 })).rows.map((r) => r.personId)).toEqual([staff])
    const kezhang = await as('kezhang')
    const mine = (await c.ok('register.list', { year: 2025 })).rows.map((r) => r.personId)
    expect(mine).toContain(kezhang)
    expect(mine).toContain(staff)
    expect(mine.length).toBeLessThan(20)
    const summaries = store().all(store().qb.selectFrom('quarterly_summaries').select(['quarter', 'text']).where('person_id', '=', staff).where('year', '=', 2026).orderBy('quarter'))
    const form = await c.ok('register.get', { year: 2026, personId: staff })
    for (const s of summaries) expect(form.quarterlyStart).toContain(s.text.trim())
    if (summaries.length) expect(form.quarterlyStart.startsWith('第')).toBe(true)
    await as('auditor')
    expect(await c.err('register.get', { year: 2025, personId: staff })).toMatchObject({ code: 'FORBIDDEN' })
  })

  it('prints the form as real text: one person, or everyone for HR', { timeout: 120_000 }, async () => {
    const staff = await as('staff')
    const one = await c.ok('register.print', { year: 2025, personId: staff })
    expect(one.pages).toBeGreaterThanOrEqual(1)
    const file = join(dir, 'one.pdf')
    writeFileSync(file, Buffer.from(one.contentBase64, 'base64'))
    // Labels wrap inside their cells: compare without the line breaks.
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
    const form = await c.ok('register.get', { year: 2025, personId: staff })
    expect(text).toContain('公务员年度考核登记表')
    expect(text).toContain(form.name)
    expect(text).toContain(`考核等次：${form.grade}`)
    expect(text).toContain('主管领导评语和考核等次建议')
    expect(text).toContain('（盖章）')
    expect(text).toContain('签名：')
    expect(await c.err('register.printAll', { year: 2025 })).toMatchObject({ code: 'FORBIDDEN' })
    await as('hr')
    const all = await c.ok('register.printAll', { year: 2025 })
    expect(all.people).toBe((await c.ok('register.list', { year: 2025 })).rows.length)
    expect(all.pages).toBeGreaterThanOrEqual(all.people)
  })
})
