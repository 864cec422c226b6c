import { expect, it } from 'vitest'
import type { AppealView } from '../../src/shared/appeals'
import type { FormListRow } from '../../src/shared/feedback'
import { openWorld, tid, signInDemo, signOut, closeToasts } from './harness'

/**
 * 申诉 in Chromium (issue 10): with the staff account's 2025 form delivered through the API (the
 * interviewer signs, the person refuses before a witness), the person appeals on the 申诉 page within
 * the window shown; a leadership-group member who did not rate the disputed quarters answers
 * (upheld); the grade changes and a new form version exists. Screenshots docs/screenshots/appeal-*.
 */
const PASSWORD = 'Kaohe@2026'


it('the person appeals within the window; a non-recused group member upholds it; a new form version exists', async () => {
  const now = new Date('2026-12-02T09:30:00')
  const w = await openWorld({ demoIfEmpty: true, clock: () => now })
  const { page, app } = w
  const ok = async <T,>(method: string, input: unknown): Promise<T> => {
    const r = (await app.call(method as never, input as never)) as { ok: boolean; value: T; error?: unknown }
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`)
    return r.value
  }
  const as = async (username: string) => {
    await app.call('auth.logout', {})
    await ok('auth.login', { username, password: PASSWORD })
  }
  try {
    await as('hr')
    const store = app.state.session!.store
    const staffId = store.first(store.qb.selectFrom('people').select('id').where('staff_no', '=', '0402'))!.id
    // The fixture: 0402's 2025 grade is 基本称职 (so an appeal can ask for 称职 within any K).
    store.run(store.qb.updateTable('annual_grades').set({ grade: '基本称职' }).where('year', '=', 2025).where('person_id', '=', staffId))
    const existing = await ok<FormListRow[]>('feedback.list', { year: 2025 })
    if (!existing.some((f) => f.personId === staffId)) await ok('feedback.generate', { year: 2025 })
    let form = (await ok<FormListRow[]>('feedback.list', { year: 2025 })).find((f) => f.personId === staffId && f.status !== 'voided')!
    if (form.grade !== '基本称职') {
      await ok('feedback.reissue', { year: 2025, personId: staffId, reason: '等次更正' })
      form = (await ok<FormListRow[]>('feedback.list', { year: 2025 })).find((f) => f.personId === staffId && f.status !== 'voided')!
    }
    await as('kezhang')
    await ok('feedback.saveText', { formId: form.id, strengths: '工作认真', weaknesses: '重点任务延误', improvements: '按月汇报整改', interviewOn: '2026-12-01' })
    await ok('feedback.sign', { formId: form.id, as: 'interviewer', password: PASSWORD })
    await ok('feedback.refuse', { formId: form.id, note: '本人对等次有异议', witnessUsername: 'hr', witnessPassword: PASSWORD })
    await app.call('auth.logout', {})
    await page.reload()

    // The person: the window, its deadline, and the appeal in writing.
    await signInDemo(page, 'staff')
    await tid(page, 'nav-appeals').click()
    await tid(page, 'appeals-year').selectOption('2025')
    await expect.poll(() => tid(page, 'appeals-delivered').textContent()).toContain('2026-12-02')
    // 2026-12-02 + 10 working days on the shipped 2026 table: 3–4, 7–11, 14–16 Dec.
    await expect.poll(() => tid(page, 'appeals-deadline').textContent()).toContain('2026-12-16')
    await tid(page, 'appeal-item-channel:quarterly').click()
    await tid(page, 'appeal-grade').selectOption('称职')
    await tid(page, 'appeal-text').fill('第三季度评价未计入我承办的两项专项任务，台账记录有遗漏，请求复查。')
    await w.shot('appeal-1-file')
    await tid(page, 'appeal-submit').click()
    const mine = (await ok<AppealView[]>('appeals.list', { year: 2025 })).filter((a) => a.personId === staffId)
    expect(mine).toHaveLength(1)
    const appeal = mine[0]!
    expect(appeal).toMatchObject({ status: 'pending', dueOn: '2026-12-22', gradeAsked: '称职' })
    await tid(page, `appeal-${appeal.id}`).waitFor()
    await closeToasts(page)
    await w.shot('appeal-2-filed')
    await signOut(page)

    // The leadership group: the list with the due date and the recused supervisor; the answer.
    await signInDemo(page, 'leader')
    await tid(page, 'nav-appeals').click()
    await tid(page, 'appeals-year').selectOption('2025')
    // The recused: the appellant, and whoever scored the disputed quarters (the demo's 2025 history keeps only annual results).
    await expect.poll(() => tid(page, `appeal-recused-${appeal.id}`).textContent()).toContain('申诉人本人')
    await w.shot('appeal-3-group')
    await tid(page, `appeal-answer-${appeal.id}`).click()
    await tid(page, 'appeal-answer-dialog').waitFor()
    await tid(page, 'appeal-new-grade').selectOption('称职')
    await tid(page, 'appeal-reason').fill('经复查，第三季度台账记录有误，更正后季度平均分达到称职标准。')
    await w.shot('appeal-4-answer')
    await tid(page, 'appeal-answer-submit').click()
    await tid(page, 'appeal-answer-dialog').waitFor({ state: 'detached' })
    await expect.poll(() => tid(page, `appeal-row-${appeal.id}`).textContent()).toContain('基本称职 → 称职')
    await closeToasts(page)
    await w.shot('appeal-5-answered')
    // The same list in English.
    await tid(page, 'language-switch').getByText('English').click()
    await expect.poll(() => tid(page, 'appeals-group').textContent()).toContain('Recused members')
    await w.shot('appeal-6-answered-en')
    await tid(page, 'language-switch').getByText('中文').click()

    const forms = (await ok<FormListRow[]>('feedback.list', { year: 2025 })).filter((f) => f.personId === staffId)
    const latest = forms.reduce((a, b) => (b.version > a.version ? b : a))
    expect(latest).toMatchObject({ status: 'draft', grade: '称职', version: form.version + 1 })
    expect(forms.find((f) => f.id === form.id)!.status).toBe('voided')
  } finally {
    await w.close()
  }
})
