import type { CommitmentTaskInput } from '@shared/commitments'
import { KaoheError } from '@shared/errors'
import type { IsoDate } from '@shared/org'
import type { Store } from '../../db/store'
import type { WorkingDayCalendar } from '../calendar'
import { publicityPeriod } from '../calendar/publicity'
import { personRow } from '../org/people'
import { STATE_ZH, currentLetter, isApproved, requireCurrentLetter, shownState, taskRows, type LetterRow, type TaskRow } from './views'

/**
 * 目标制定 (seed plan §四.1): the person drafts their letter and submits it; their direct supervisor
 * approves it or returns it with a reason; an approved letter is publicly shown for the policy's P7
 * working days, counted on the unit's calendar from the approval day, and is in force the day after.
 * Access (self, supervisor) is the router's check; these functions check the life cycle.
 */

export interface Actor {
  actorId: number
  now: Date
  today: IsoDate
}

const ACTIONS = {
  edit: { zh: '修改', en: 'edited' },
  submit: { zh: '提交', en: 'submitted' },
  review: { zh: '审核', en: 'reviewed' },
  complete: { zh: '登记任务完成', en: 'used to record task completion' },
  revise: { zh: '申请调整', en: 'revised' },
} as const

export function wrongState(row: LetterRow, today: IsoDate, action: keyof typeof ACTIONS): KaoheError {
  const state = shownState(row, today)
  return new KaoheError('COMMITMENT_STATE', {
    year: row.year,
    version: row.version,
    state,
    stateZh: STATE_ZH[state],
    action: ACTIONS[action].zh,
    actionEn: ACTIONS[action].en,
  })
}

/** Checks deadlines and keys; keeps given keys and gives the others the next free T<n>. */
export function keyedTasks(tasks: readonly CommitmentTaskInput[], year: number, taken: readonly string[] = []): (CommitmentTaskInput & { key: string })[] {
  const used = new Set<string>(taken)
  for (const t of tasks) {
    if (t.key === undefined) continue
    if (used.has(t.key)) throw new KaoheError('COMMITMENT_DUPLICATE_TASK', { key: t.key })
    used.add(t.key)
  }
  for (const t of tasks) {
    if (!t.deadline.startsWith(`${year}-`)) throw new KaoheError('COMMITMENT_DEADLINE_OUTSIDE_YEAR', { task: t.title, deadline: t.deadline, year })
  }
  let n = 0
  const next = () => {
    do n++
    while (used.has(`T${n}`))
    used.add(`T${n}`)
    return `T${n}`
  }
  return tasks.map((t) => ({ ...t, key: t.key ?? next() }))
}

export function insertTasks(store: Store, letterId: number, tasks: readonly (Omit<TaskRow, 'sort_order'> | (CommitmentTaskInput & { key: string }))[]): void {
  tasks.forEach((t, i) => {
    const row = 'task_key' in t ? t : { task_key: t.key, title: t.title, target: t.target, unit: t.unit, deadline: t.deadline, goal: t.goal, completed_on: null, withdrawn: 0 }
    store.run(store.qb.insertInto('commitment_tasks').values({ letter_id: letterId, sort_order: i + 1, ...row }))
  })
}

/** Saves the draft (a first one creates version 1); a returned letter becomes a draft again, its return reason kept. */
export function saveDraft(store: Store, input: { personId: number; year: number; tasks: readonly CommitmentTaskInput[] }, by: Actor): LetterRow {
  personRow(store, input.personId)
  const tasks = keyedTasks(input.tasks, input.year)
  const now = by.now.toISOString()
  let row = currentLetter(store, input.personId, input.year)
  if (row && row.state !== 'draft' && row.state !== 'returned') throw wrongState(row, by.today, 'edit')
  if (!row) {
    store.run(
      store.qb.insertInto('commitment_letters').values({
        person_id: input.personId,
        year: input.year,
        version: 1,
        state: 'draft',
        created_at: now,
        created_by: by.actorId,
        updated_at: now,
      }),
    )
    row = requireCurrentLetter(store, input.personId, input.year)
  } else {
    store.run(store.qb.updateTable('commitment_letters').set({ state: 'draft', updated_at: now }).where('id', '=', row.id))
    store.run(store.qb.deleteFrom('commitment_tasks').where('letter_id', '=', row.id))
  }
  insertTasks(store, row.id, tasks)
  return requireCurrentLetter(store, input.personId, input.year)
}

export function submit(store: Store, personId: number, year: number, by: Actor): LetterRow {
  const row = requireCurrentLetter(store, personId, year)
  if (row.state !== 'draft' && row.state !== 'returned') throw wrongState(row, by.today, 'submit')
  if (!taskRows(store, row.id).length) throw new KaoheError('COMMITMENT_NO_TASKS')
  const now = by.now.toISOString()
  store.run(store.qb.updateTable('commitment_letters').set({ state: 'submitted', submitted_at: now, updated_at: now }).where('id', '=', row.id))
  return requireCurrentLetter(store, personId, year)
}

/**
 * The supervisor's decision. Returning needs a reason. Approving starts the publicity period on
 * the approval day; it ends after `publicityWorkingDays` working days and the letter is in force
 * the next day (the same counting as the guideline's publicity: calendar/publicity.ts).
 */
export function review(
  store: Store,
  input: { personId: number; year: number; decision: 'approve' | 'return'; reason?: string },
  ctx: Actor & { calendar: WorkingDayCalendar; publicityWorkingDays: number },
): LetterRow {
  const row = requireCurrentLetter(store, input.personId, input.year)
  if (row.state !== 'submitted') throw wrongState(row, ctx.today, 'review')
  const now = ctx.now.toISOString()
  const decided = { reviewed_by: ctx.actorId, reviewed_at: now, updated_at: now }
  if (input.decision === 'return') {
    if (!input.reason?.trim()) throw new KaoheError('COMMITMENT_REASON_REQUIRED')
    store.run(store.qb.updateTable('commitment_letters').set({ ...decided, state: 'returned', return_reason: input.reason }).where('id', '=', row.id))
  } else {
    const period = publicityPeriod(ctx.calendar, ctx.today, ctx.publicityWorkingDays)
    store.run(
      store.qb
        .updateTable('commitment_letters')
        .set({
          ...decided,
          state: 'approved',
          return_reason: null,
          publicity_start: ctx.today,
          publicity_end: period.end,
          effective_on: period.effectiveOn,
          // Kept so the period can be counted again when the year's holiday table arrives.
          publicity_working_days: ctx.publicityWorkingDays,
        })
        .where('id', '=', row.id),
    )
  }
  return requireCurrentLetter(store, input.personId, input.year)
}

/** Records (or, with null, clears) the day a task of the approved letter was completed. */
export function complete(
  store: Store,
  input: { personId: number; year: number; taskKey: string; completedOn: IsoDate | null },
  by: Actor,
): LetterRow {
  const row = requireCurrentLetter(store, input.personId, input.year)
  if (!isApproved(row)) throw wrongState(row, by.today, 'complete')
  const task = taskRows(store, row.id).find((t) => t.task_key === input.taskKey)
  if (!task) throw new KaoheError('NOT_FOUND', { what: '任务 task', id: input.taskKey })
  if (task.withdrawn) throw new KaoheError('COMMITMENT_TASK_WITHDRAWN', { key: input.taskKey })
  if (input.completedOn !== null && input.completedOn > by.today) {
    throw new KaoheError('COMMITMENT_COMPLETED_IN_FUTURE', { day: input.completedOn, today: by.today })
  }
  store.run(
    store.qb
      .updateTable('commitment_tasks')
      .set({ completed_on: input.completedOn })
      .where('letter_id', '=', row.id)
      .where('task_key', '=', input.taskKey),
  )
  store.run(store.qb.updateTable('commitment_letters').set({ updated_at: by.now.toISOString() }).where('id', '=', row.id))
  return requireCurrentLetter(store, input.personId, input.year)
}
