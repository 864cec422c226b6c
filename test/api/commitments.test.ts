import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { FileContent } from '../../src/shared/api/types'
import type { InputOf } from '../../src/shared/api/contract'
import type { CommitmentTaskInput } from '../../src/shared/commitments'
import { taskCompletion } from '../../src/main/core/metrics'
import { taskCompletionInput } from '../../src/main/core/commitments'
import type { Store } from '../../src/main/db/store'
import { readyUnit, type ReadyUnit } from '../support/tempUnit'
import { textDigest } from '../../src/main/core/audit/digest'

/**
 * 《个人绩效承诺书》 end to end on a fixed, movable clock. The team is the ledger test's: 李明 (none1)
 * heads the unit; 赵刚 (disc1) reports to him and supervises 孙丽 (staff1) and 钱伟; 王芳 reports to
 * 李明 directly. head1 (leadership group) decides revisions.
 */
const csv = (fileName: string, text: string): FileContent => ({ fileName, contentBase64: Buffer.from(text, 'utf8').toString('base64') })
const ROSTER =
  '工号,姓名,科室,岗位,岗位类别,职级,直接主管工号,风险岗位,在职状态,入职日期\n' +
  [
    '0101,李明,办公室,主任,综合管理,一级主任科员,,否,在职,2008-09-01',
    '0102,王芳,办公室,文秘,综合管理,一级科员,0101,否,在职,2019-07-01',
    '0401,赵刚,综合执法大队,大队长,行政执法,一级主任科员,0101,是,在职,2010-03-01',
    '0402,孙丽,综合执法大队,执法队员,行政执法,二级科员,0401,是,在职,2020-08-01',
    '0403,钱伟,综合执法大队,执法队员,行政执法,二级科员,0401,是,在职,2018-08-01',
  ].join('\n') +
  '\n'

/** Noon UTC is the same calendar day in every time zone the tests run in. */
const at = (day: string) => new Date(`${day}T12:00:00Z`)

interface Team {
  u: ReadyUnit
  p: Record<'李明' | '王芳' | '赵刚' | '孙丽' | '钱伟', number>
  /** Moves the clock (and signs in again: a long jump idles the session out). */
  setDay(day: string): void
}

async function team(): Promise<Team> {
  let now = at('2026-01-12')
  const u = await readyUnit({ clock: () => now })
  await u.as('hr1')
  await u.ok('org.roster.import', csv('花名册.csv', ROSTER))
  const people = await u.ok('org.people.list', {})
  const p = Object.fromEntries(people.map((x) => [x.name, x.id])) as Team['p']
  await u.ok('org.people.linkAccount', { personId: p.李明, userId: u.ids.none1! })
  await u.ok('org.people.linkAccount', { personId: p.赵刚, userId: u.ids.disc1! })
  await u.ok('org.people.linkAccount', { personId: p.孙丽, userId: u.ids.staff1! })
  await u.ok('org.people.linkAccount', { personId: p.王芳, userId: u.ids.head1! })
  return { u, p, setDay: (day) => (now = at(day)) }
}

const TASKS: CommitmentTaskInput[] = [
  { title: '完成辖区市场主体巡查', target: 120, unit: '户', deadline: '2026-06-30', goal: '营商环境优化' },
  { title: '组织食品安全培训', target: 4, unit: '场', deadline: '2026-03-31', goal: '民生工程' },
  { title: '办结投诉举报案件', target: 30, unit: '件', deadline: '2026-05-31', goal: '群众诉求响应时效' },
  { title: '建设智慧监管平台试点', target: 1, unit: '个', deadline: '2026-10-31', goal: '改革试点' },
  { title: '年度执法案卷评查', target: 50, unit: '卷', deadline: '2026-12-31', goal: '依法行政' },
]

async function lastAudit(u: ReadyUnit, action: string, outcome: 'ok' | 'denied' | 'failed') {
  await u.as('auditor')
  return (await u.ok('audit.list', { action, outcome, limit: 1 })).entries[0]
}

function storeOf(u: ReadyUnit): Store {
  const s = u.app.state.session
  if (!s) throw new Error('sign in first')
  return s.store
}

/** 孙丽's letter drafted, submitted and approved by 赵刚 on 2026-02-12. */
async function approvedLetter(t: Team) {
  const { u, p } = t
  await u.as('staff1')
  await u.ok('commitments.saveDraft', { personId: p.孙丽, year: 2026, tasks: TASKS })
  await u.ok('commitments.submit', { personId: p.孙丽, year: 2026 })
  t.setDay('2026-02-12')
  await u.as('disc1')
  return u.ok('commitments.review', { personId: p.孙丽, year: 2026, decision: 'approve' })
}

describe('the letter’s life cycle', () => {
  it('draft → submitted → returned with a reason → draft again → approved → publicity on the calendar → in force', async () => {
    const t = await team()
    const { u, p } = t
    await u.as('staff1')
    const draft = await u.ok('commitments.saveDraft', { personId: p.孙丽, year: 2026, tasks: TASKS.slice(0, 2) })
    expect(draft.current).toMatchObject({ version: 1, state: 'draft', personName: '孙丽', staffNo: '0402' })
    expect(draft.current!.tasks.map((x) => [x.key, x.target, x.unit, x.deadline, x.goal])).toEqual([
      ['T1', 120, '户', '2026-06-30', '营商环境优化'],
      ['T2', 4, '场', '2026-03-31', '民生工程'],
    ])
    expect(await lastAudit(u, 'commitments.saveDraft', 'ok')).toMatchObject({
      actor: 'staff1',
      target: `commitment:${draft.current!.id}`,
      detail: { personId: p.孙丽, year: 2026, version: 1, state: 'draft', tasks: 2 },
    })
    expect(JSON.stringify(await lastAudit(u, 'commitments.saveDraft', 'ok'))).not.toContain('巡查')

    await u.as('staff1')
    expect(await u.err('commitments.saveDraft', { personId: p.孙丽, year: 2026, tasks: [{ ...TASKS[0]!, deadline: '2027-01-15' }] })).toMatchObject({
      code: 'COMMITMENT_DEADLINE_OUTSIDE_YEAR',
      params: { deadline: '2027-01-15', year: 2026 },
    })
    expect(await u.err('commitments.saveDraft', { personId: p.孙丽, year: 2026, tasks: [{ ...TASKS[0]!, key: 'A' }, { ...TASKS[1]!, key: 'A' }] })).toMatchObject({
      code: 'COMMITMENT_DUPLICATE_TASK',
    })
    await u.ok('commitments.saveDraft', { personId: p.孙丽, year: 2026, tasks: [] })
    expect(await u.err('commitments.submit', { personId: p.孙丽, year: 2026 })).toMatchObject({ code: 'COMMITMENT_NO_TASKS' })
    await u.ok('commitments.saveDraft', { personId: p.孙丽, year: 2026, tasks: TASKS })
    const submitted = await u.ok('commitments.submit', { personId: p.孙丽, year: 2026 })
    expect(submitted.current).toMatchObject({ state: 'submitted', submittedAt: expect.any(String) })
    expect(await u.err('commitments.saveDraft', { personId: p.孙丽, year: 2026, tasks: TASKS })).toMatchObject({
      code: 'COMMITMENT_STATE',
      params: { state: 'submitted', stateZh: '待审核', version: 1 },
    })

    // The supervisor sees it on the home page and returns it: a reason is required.
    await u.as('disc1')
    expect(await u.ok('home.tasks')).toContainEqual({ kind: 'commitments.awaitingReview', count: 1, route: 'commitments' })
    expect(await u.err('commitments.review', { personId: p.孙丽, year: 2026, decision: 'return' })).toMatchObject({ code: 'COMMITMENT_REASON_REQUIRED' })
    const returned = await u.ok('commitments.review', { personId: p.孙丽, year: 2026, decision: 'return', reason: '第 3 项须量化到月' })
    expect(returned.current).toMatchObject({ state: 'returned', returnReason: '第 3 项须量化到月', reviewedBy: 'disc1' })
    expect(await lastAudit(u, 'commitments.review', 'ok')).toMatchObject({
      actor: 'disc1',
      detail: { personId: p.孙丽, decision: 'return', state: 'returned', reason: textDigest('第 3 项须量化到月') },
    })

    // Back to the person: editing makes it a draft again and keeps the reason in view.
    await u.as('staff1')
    const again = await u.ok('commitments.saveDraft', { personId: p.孙丽, year: 2026, tasks: TASKS })
    expect(again.current).toMatchObject({ state: 'draft', returnReason: '第 3 项须量化到月', version: 1 })
    await u.ok('commitments.submit', { personId: p.孙丽, year: 2026 })

    // Approved on Thursday 2026-02-12: 5 working days are 02-13, the make-up Saturday 02-14, then
    // (after the Spring Festival holiday 02-15…02-23) 02-24, 02-25 and 02-26; in force on 02-27.
    t.setDay('2026-02-12')
    await u.as('disc1')
    const approved = await u.ok('commitments.review', { personId: p.孙丽, year: 2026, decision: 'approve' })
    expect(approved.current).toMatchObject({
      state: 'publicity',
      publicityStart: '2026-02-12',
      // Day 1 is the day after approval: the span shown is the one counted.
      publicityFrom: '2026-02-13',
      publicityEnd: '2026-02-26',
      publicityWorkingDays: 5,
      publicityWarnings: [],
      effectiveOn: '2026-02-27',
      returnReason: null,
    })
    expect((await u.ok('calendar.addWorkingDays', { from: '2026-02-12', days: 5 })).date).toBe('2026-02-26')
    expect(await u.ok('home.tasks')).not.toContainEqual(expect.objectContaining({ kind: 'commitments.awaitingReview' }))
    expect(await u.err('commitments.review', { personId: p.孙丽, year: 2026, decision: 'approve' })).toMatchObject({
      code: 'COMMITMENT_STATE',
      params: { state: 'publicity' },
    })

    t.setDay('2026-02-26')
    await u.as('staff1')
    expect((await u.ok('commitments.get', { personId: p.孙丽, year: 2026 })).current?.state).toBe('publicity')
    t.setDay('2026-02-27')
    await u.as('staff1')
    expect((await u.ok('commitments.get', { personId: p.孙丽, year: 2026 })).current?.state).toBe('inForce')
    expect(await u.err('commitments.saveDraft', { personId: p.孙丽, year: 2026, tasks: TASKS })).toMatchObject({ code: 'COMMITMENT_STATE', params: { state: 'inForce' } })
  })

  it('the supervisor records completion on the approved letter: not in the future, not before approval', async () => {
    const t = await team()
    const { u, p } = t
    await u.as('staff1')
    await u.ok('commitments.saveDraft', { personId: p.孙丽, year: 2026, tasks: TASKS })
    await u.as('disc1')
    expect(await u.err('commitments.complete', { personId: p.孙丽, year: 2026, taskKey: 'T1', completedOn: '2026-01-10' })).toMatchObject({
      code: 'COMMITMENT_STATE',
    })
    await approvedLetter(t)
    t.setDay('2026-07-01')
    await u.as('disc1')
    const r = await u.ok('commitments.complete', { personId: p.孙丽, year: 2026, taskKey: 'T1', completedOn: '2026-06-20' })
    expect(r.current!.tasks[0]).toMatchObject({ key: 'T1', completedOn: '2026-06-20' })
    expect(await u.err('commitments.complete', { personId: p.孙丽, year: 2026, taskKey: 'T1', completedOn: '2026-07-02' })).toMatchObject({
      code: 'COMMITMENT_COMPLETED_IN_FUTURE',
    })
    expect(await u.err('commitments.complete', { personId: p.孙丽, year: 2026, taskKey: 'T9', completedOn: '2026-06-20' })).toMatchObject({ code: 'NOT_FOUND' })
    expect(await lastAudit(u, 'commitments.complete', 'ok')).toMatchObject({ detail: { personId: p.孙丽, taskKey: 'T1', completedOn: '2026-06-20', version: 1 } })
  })
})

describe('who may do what', () => {
  it('only the person drafts and submits; only the direct supervisor reviews; the chain, HR and leaders read; others are refused and audited', async () => {
    const t = await team()
    const { u, p } = t
    const draftInput: InputOf<'commitments.saveDraft'> = { personId: p.孙丽, year: 2026, tasks: TASKS }
    for (const as of ['disc1', 'none1', 'hr1', 'head1']) {
      await u.as(as)
      expect(await u.err('commitments.saveDraft', draftInput), as).toMatchObject({ code: 'FORBIDDEN' })
      expect(await lastAudit(u, 'commitments.saveDraft', 'denied')).toMatchObject({ actor: as, outcome: 'denied' })
    }
    await u.as('staff1')
    await u.ok('commitments.saveDraft', draftInput)
    await u.ok('commitments.submit', { personId: p.孙丽, year: 2026 })
    // staff1 cannot draft for a colleague.
    expect(await u.err('commitments.saveDraft', { ...draftInput, personId: p.钱伟 })).toMatchObject({ code: 'FORBIDDEN' })

    // The person cannot approve their own letter, nor can the chain above the direct supervisor, HR or a leader.
    for (const as of ['staff1', 'none1', 'hr1', 'head1']) {
      await u.as(as)
      expect(await u.err('commitments.review', { personId: p.孙丽, year: 2026, decision: 'approve' }), as).toMatchObject({ code: 'FORBIDDEN' })
      expect(await lastAudit(u, 'commitments.review', 'denied')).toMatchObject({ actor: as })
    }
    // 赵刚 supervises 孙丽, not 王芳.
    await u.as('head1')
    await u.ok('commitments.saveDraft', { personId: p.王芳, year: 2026, tasks: TASKS.slice(0, 1) })
    await u.ok('commitments.submit', { personId: p.王芳, year: 2026 })
    await u.as('disc1')
    expect(await u.err('commitments.review', { personId: p.王芳, year: 2026, decision: 'approve' })).toMatchObject({ code: 'FORBIDDEN' })
    await u.ok('commitments.review', { personId: p.孙丽, year: 2026, decision: 'approve' })

    // Reading: self, the whole chain, HR and the leadership group; not a colleague.
    for (const as of ['staff1', 'disc1', 'none1', 'hr1', 'head1']) {
      await u.as(as)
      expect((await u.ok('commitments.get', { personId: p.孙丽, year: 2026 })).current?.version, as).toBe(1)
    }
    await u.as('staff1')
    expect(await u.err('commitments.get', { personId: p.王芳, year: 2026 })).toMatchObject({ code: 'FORBIDDEN' })
    expect((await u.ok('commitments.list', { year: 2026 })).map((s) => s.personName)).toEqual(['孙丽'])
    await u.as('disc1')
    const mine = await u.ok('commitments.list', { year: 2026 })
    expect(mine.map((s) => [s.personName, s.state])).toEqual([
      ['赵刚', null],
      ['孙丽', 'publicity'],
      ['钱伟', null],
    ])
    await u.as('hr1')
    expect((await u.ok('commitments.list', { year: 2026 })).map((s) => s.personName).sort()).toEqual(['孙丽', '李明', '王芳', '赵刚', '钱伟'].sort())
    await u.as('sysadmin')
    expect(await u.err('commitments.list', { year: 2026 })).toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('revisions (动态调整)', () => {
  it('approved: a new version with revised deadlines, a withdrawn and an added task; the task-completion input follows it', async () => {
    const t = await team()
    const { u, p } = t
    await approvedLetter(t)
    t.setDay('2026-03-20')
    await u.as('staff1')
    expect(await u.err('commitments.requestRevision', { personId: p.孙丽, year: 2026, reason: '试点取消', changes: [{ op: 'withdraw', taskKey: 'T9' }] })).toMatchObject({
      code: 'REVISION_INVALID',
    })
    const changes: InputOf<'commitments.requestRevision'>['changes'] = [
      { op: 'revise', taskKey: 'T2', deadline: '2026-09-30' },
      { op: 'withdraw', taskKey: 'T4' },
      { op: 'add', title: '开展电梯安全专项检查', target: 60, unit: '台', deadline: '2026-11-30', goal: '风险防控' },
    ]
    const requested = await u.ok('commitments.requestRevision', { personId: p.孙丽, year: 2026, reason: '上级调整培训计划，智慧平台试点取消', changes })
    const req = requested.revisions[0]!
    expect(req).toMatchObject({ state: 'pending', version: 1, reason: '上级调整培训计划，智慧平台试点取消', changes })
    expect(await u.err('commitments.requestRevision', { personId: p.孙丽, year: 2026, reason: '再次申请', changes: [{ op: 'withdraw', taskKey: 'T5' }] })).toMatchObject({
      code: 'REVISION_PENDING_EXISTS',
      params: { id: req.id },
    })
    expect(await lastAudit(u, 'commitments.requestRevision', 'ok')).toMatchObject({ target: `revision:${req.id}`, detail: { personId: p.孙丽, state: 'pending' } })

    // Only the leadership group decides; the supervisor cannot.
    await u.as('disc1')
    expect(await u.err('commitments.decideRevision', { requestId: req.id, approve: true })).toMatchObject({ code: 'FORBIDDEN' })
    await u.as('head1')
    expect(await u.ok('home.tasks')).toContainEqual({ kind: 'commitments.revisionsPending', count: 1, route: 'commitments' })
    const decided = await u.ok('commitments.decideRevision', { requestId: req.id, approve: true, reason: '同意' })
    expect(decided.current).toMatchObject({ version: 2, state: 'inForce', effectiveOn: '2026-03-20', revisionId: req.id, revisionReason: '上级调整培训计划，智慧平台试点取消' })
    expect(decided.versions.map((v) => [v.version, v.state])).toEqual([
      [1, 'superseded'],
      [2, 'inForce'],
    ])
    expect(decided.revisions[0]).toMatchObject({ state: 'approved', decidedBy: 'head1', decisionReason: '同意', newVersion: 2 })
    const tasks = Object.fromEntries(decided.current!.tasks.map((x) => [x.key, x]))
    expect(tasks.T2).toMatchObject({ deadline: '2026-09-30', originalDeadline: '2026-03-31', withdrawn: false })
    expect(tasks.T4).toMatchObject({ withdrawn: true })
    expect(tasks.T6).toMatchObject({ title: '开展电梯安全专项检查', deadline: '2026-11-30', originalDeadline: null })
    expect(await lastAudit(u, 'commitments.decideRevision', 'ok')).toMatchObject({
      actor: 'head1',
      target: `revision:${req.id}`,
      detail: { personId: p.孙丽, state: 'approved', newVersion: 2 },
    })
    await u.as('head1')
    expect(await u.err('commitments.decideRevision', { requestId: req.id, approve: false, reason: '改主意' })).toMatchObject({ code: 'REVISION_NOT_PENDING' })

    // The year goes on: completions recorded on the version in force.
    t.setDay('2026-12-31')
    await u.as('disc1')
    for (const [taskKey, completedOn] of [
      ['T1', '2026-06-20'], // on time
      ['T2', '2026-08-15'], // late for the first deadline, on time for the revised one
      ['T3', '2026-06-10'], // late (deadline 05-31)
      ['T6', '2026-11-20'], // added by the revision, on time
    ] as const) {
      await u.ok('commitments.complete', { personId: p.孙丽, year: 2026, taskKey, completedOn })
    }
    expect(await u.err('commitments.complete', { personId: p.孙丽, year: 2026, taskKey: 'T4', completedOn: '2026-10-01' })).toMatchObject({
      code: 'COMMITMENT_TASK_WITHDRAWN',
    })

    // Worked example (RULES.md §4, late credit 50%): due T1 T2 T3 T5 T6 (T4 withdrawn);
    // 100 × (3 on time + 0.5 × 1 late) / 5 = 70. T5 is unfinished.
    const input = taskCompletionInput(storeOf(u), p.孙丽, 2026)
    expect(input.find((x) => x.id === 'T2')).toEqual({ id: 'T2', deadline: '2026-03-31', revisedDeadline: '2026-09-30', completedOn: '2026-08-15', withdrawn: false })
    const result = taskCompletion(input, { name: 'task_completion', lateCompletionCreditPercent: 50 }, 2026)
    expect(result.score).toBe(70)
    expect(result.evidence).toEqual({ due: 5, onTime: ['T1', 'T2', 'T6'], late: ['T3'], unfinished: ['T5'], withdrawn: ['T4'], dueInOtherYear: [] })
    // Nobody else has an approved letter: N/A, never zero.
    expect(taskCompletion(taskCompletionInput(storeOf(u), p.钱伟, 2026), { name: 'task_completion', lateCompletionCreditPercent: 50 }, 2026)).toMatchObject({
      score: null,
      flags: ['NO_TASKS_DUE'],
    })
  })

  it('refused with a reason: the letter is unchanged; nobody decides their own request', async () => {
    const t = await team()
    const { u, p } = t
    await approvedLetter(t)
    await u.as('staff1')
    const { revisions } = await u.ok('commitments.requestRevision', {
      personId: p.孙丽,
      year: 2026,
      reason: '任务量过大',
      changes: [{ op: 'revise', taskKey: 'T1', target: 60 }],
    })
    const id = revisions[0]!.id
    await u.as('head1')
    expect(await u.err('commitments.decideRevision', { requestId: id, approve: false })).toMatchObject({ code: 'COMMITMENT_REASON_REQUIRED' })
    const refused = await u.ok('commitments.decideRevision', { requestId: id, approve: false, reason: '任务量与岗位职责相符，不予调整' })
    expect(refused.revisions[0]).toMatchObject({ state: 'refused', decisionReason: '任务量与岗位职责相符，不予调整', newVersion: null })
    expect(refused.current).toMatchObject({ version: 1, state: 'publicity' })
    expect(refused.current!.tasks[0]).toMatchObject({ key: 'T1', target: 120 })
    expect(refused.versions).toHaveLength(1)
    expect(await lastAudit(u, 'commitments.decideRevision', 'ok')).toMatchObject({ detail: { state: 'refused', reason: textDigest('任务量与岗位职责相符，不予调整') } })

    // head1 is 王芳: her own request goes to another member of the group.
    await u.as('head1')
    await u.ok('commitments.saveDraft', { personId: p.王芳, year: 2026, tasks: TASKS.slice(0, 1) })
    await u.ok('commitments.submit', { personId: p.王芳, year: 2026 })
    await u.as('none1')
    await u.ok('commitments.review', { personId: p.王芳, year: 2026, decision: 'approve' })
    await u.as('head1')
    const own = await u.ok('commitments.requestRevision', { personId: p.王芳, year: 2026, reason: '调整', changes: [{ op: 'withdraw', taskKey: 'T1' }] })
    expect(await u.ok('home.tasks')).not.toContainEqual(expect.objectContaining({ kind: 'commitments.revisionsPending' }))
    expect(await u.err('commitments.decideRevision', { requestId: own.revisions[0]!.id, approve: true })).toMatchObject({ code: 'REVISION_OWN_REQUEST' })
    expect(await lastAudit(u, 'commitments.decideRevision', 'failed')).toMatchObject({ actor: 'head1', detail: { error: 'REVISION_OWN_REQUEST', personId: p.王芳 } })
  })
})

describe('a letter approved on an estimated calendar', () => {
  it('keeps the warning with its end date, and the import of the year’s table counts it again in the same transaction, audited', async () => {
    const t = await team()
    const { u, p } = t
    const tasks2027 = TASKS.map((x) => ({ ...x, deadline: x.deadline.replace('2026', '2027') }))
    await u.as('staff1')
    await u.ok('commitments.saveDraft', { personId: p.孙丽, year: 2027, tasks: tasks2027 })
    await u.ok('commitments.submit', { personId: p.孙丽, year: 2027 })
    // Monday 28 December 2026; 2027 has no table: 12-29, 12-30, 12-31, (元旦), 01-04, 01-05.
    t.setDay('2026-12-28')
    await u.as('disc1')
    const approved = await u.ok('commitments.review', { personId: p.孙丽, year: 2027, decision: 'approve' })
    expect(approved.current).toMatchObject({ publicityFrom: '2026-12-29', publicityEnd: '2027-01-05', effectiveOn: '2027-01-06' })
    expect(approved.current?.publicityWarnings).toEqual([expect.objectContaining({ code: 'CALENDAR_YEAR_NOT_LOADED', year: 2027 })])

    t.setDay('2026-12-30')
    await u.as('staff1')
    expect((await u.ok('commitments.get', { personId: p.孙丽, year: 2027 })).current?.publicityWarnings).toEqual([
      expect.objectContaining({ code: 'CALENDAR_YEAR_NOT_LOADED', year: 2027 }),
    ])

    await u.as('hr1')
    const table = readFileSync(new URL('../fixtures/calendar/2027-fictional.json', import.meta.url), 'utf8')
    await u.ok('calendar.import', csv('2027.json', table))
    await u.as('staff1')
    const after = (await u.ok('commitments.get', { personId: p.孙丽, year: 2027 })).current
    expect(after).toMatchObject({ publicityEnd: '2027-01-06', effectiveOn: '2027-01-07', publicityWarnings: [] })
    const entry = await lastAudit(u, 'calendar.import', 'ok')
    expect(entry?.detail).toMatchObject({
      publicityRecomputed: [{ kind: 'commitment', id: String(after!.id), end: '2027-01-05', newEnd: '2027-01-06', newEffectiveOn: '2027-01-07' }],
    })
  })
})
