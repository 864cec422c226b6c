import type { RevisionChange } from '@shared/commitments'
import { KaoheError } from '@shared/errors'
import type { Store } from '../../db/store'
import { wrongState, type Actor } from './letters'
import { isApproved, letterById, requireCurrentLetter, revisionRow, taskRows, type TaskRow } from './views'

/**
 * 动态调整 (seed plan §四.2): when policy or tasks change, the person asks to revise their approved
 * letter; the leadership group approves or refuses with a reason. An approved revision is a new
 * version, in force on the day of approval [ours: the group's approval replaces a new publicity];
 * the old version is superseded, completion dates carry over by task key, and a withdrawn task is
 * kept, marked, so the record shows what was committed and what was dropped.
 */

function invalid(zh: string, en: string): KaoheError {
  return new KaoheError('REVISION_INVALID', { reason: zh, reasonEn: en })
}

/** The letter's tasks after the changes, checked: every key known once, deadlines in the year. */
export function applyChanges(tasks: readonly TaskRow[], changes: readonly RevisionChange[], year: number): Omit<TaskRow, 'sort_order'>[] {
  const out = tasks.map(({ sort_order: _order, ...t }) => ({ ...t }))
  const touched = new Set<string>()
  let n = 0
  const nextKey = () => {
    do n++
    while (out.some((t) => t.task_key === `T${n}`))
    return `T${n}`
  }
  for (const c of changes) {
    if (c.op === 'add') {
      if (!c.deadline.startsWith(`${year}-`)) throw new KaoheError('COMMITMENT_DEADLINE_OUTSIDE_YEAR', { task: c.title, deadline: c.deadline, year })
      out.push({ task_key: nextKey(), title: c.title, target: c.target, unit: c.unit, deadline: c.deadline, goal: c.goal, completed_on: null, withdrawn: 0 })
      continue
    }
    const task = out.find((t) => t.task_key === c.taskKey)
    if (!task) throw invalid(`没有任务 ${c.taskKey}`, `there is no task ${c.taskKey}`)
    if (touched.has(c.taskKey)) throw invalid(`任务 ${c.taskKey} 出现了两次`, `task ${c.taskKey} is changed twice`)
    touched.add(c.taskKey)
    if (task.withdrawn) throw invalid(`任务 ${c.taskKey} 已撤销`, `task ${c.taskKey} is already withdrawn`)
    if (c.op === 'withdraw') {
      task.withdrawn = 1
      continue
    }
    const { op: _op, taskKey: _key, ...fields } = c
    if (!Object.keys(fields).length) throw invalid(`任务 ${c.taskKey} 没有要调整的内容`, `nothing to change in task ${c.taskKey}`)
    if (fields.deadline !== undefined && !fields.deadline.startsWith(`${year}-`)) {
      throw new KaoheError('COMMITMENT_DEADLINE_OUTSIDE_YEAR', { task: fields.title ?? task.title, deadline: fields.deadline, year })
    }
    Object.assign(task, fields)
  }
  return out
}

export function requestRevision(
  store: Store,
  input: { personId: number; year: number; changes: readonly RevisionChange[]; reason: string },
  by: Actor,
): number {
  const letter = requireCurrentLetter(store, input.personId, input.year)
  if (!isApproved(letter)) throw wrongState(letter, by.today, 'revise')
  const pending = store.first(
    store.qb.selectFrom('revision_requests').select('id').where('letter_id', '=', letter.id).where('state', '=', 'pending'),
  )
  if (pending) throw new KaoheError('REVISION_PENDING_EXISTS', { id: pending.id })
  applyChanges(taskRows(store, letter.id), input.changes, input.year)
  return store.run(
    store.qb.insertInto('revision_requests').values({
      letter_id: letter.id,
      changes: JSON.stringify(input.changes),
      reason: input.reason,
      state: 'pending',
      requested_by: by.actorId,
      requested_at: by.now.toISOString(),
    }),
  ).lastInsertRowid
}

/** The person a request concerns, for the recusal check and the audit entry. */
export function revisionPerson(store: Store, requestId: number): { personId: number; letterId: number; year: number } {
  const r = revisionRow(store, requestId)
  const letter = letterById(store, r.letter_id)
  return { personId: letter.person_id, letterId: letter.id, year: letter.year }
}

/**
 * The leadership group's decision. Nobody decides their own request. Refusing needs a reason and
 * changes nothing else; approving writes the new version.
 */
export function decideRevision(
  store: Store,
  input: { requestId: number; approve: boolean; reason?: string },
  by: Actor & { actorPersonId: number | null },
): { state: 'approved' | 'refused'; newLetterId: number | null; newVersion: number | null } {
  const r = revisionRow(store, input.requestId)
  if (r.state !== 'pending') throw new KaoheError('REVISION_NOT_PENDING', { id: r.id, state: r.state })
  const letter = letterById(store, r.letter_id)
  if (by.actorPersonId !== null && by.actorPersonId === letter.person_id) throw new KaoheError('REVISION_OWN_REQUEST')
  const now = by.now.toISOString()
  const decided = { decided_by: by.actorId, decided_at: now, decision_reason: input.reason?.trim() || null }
  if (!input.approve) {
    if (!decided.decision_reason) throw new KaoheError('COMMITMENT_REASON_REQUIRED')
    store.run(store.qb.updateTable('revision_requests').set({ ...decided, state: 'refused' }).where('id', '=', r.id))
    return { state: 'refused', newLetterId: null, newVersion: null }
  }
  const current = requireCurrentLetter(store, letter.person_id, letter.year)
  if (current.id !== letter.id || !isApproved(letter)) throw wrongState(current, by.today, 'revise')
  const tasks = applyChanges(taskRows(store, letter.id), JSON.parse(r.changes) as RevisionChange[], letter.year)
  const newLetterId = store.run(
    store.qb.insertInto('commitment_letters').values({
      person_id: letter.person_id,
      year: letter.year,
      version: letter.version + 1,
      state: 'inForce',
      created_at: now,
      created_by: by.actorId,
      updated_at: now,
      submitted_at: letter.submitted_at,
      reviewed_by: by.actorId,
      reviewed_at: now,
      effective_on: by.today,
      revision_id: r.id,
      revision_reason: r.reason,
    }),
  ).lastInsertRowid
  tasks.forEach((t, i) => store.run(store.qb.insertInto('commitment_tasks').values({ letter_id: newLetterId, sort_order: i + 1, ...t })))
  store.run(store.qb.updateTable('commitment_letters').set({ state: 'superseded', updated_at: now }).where('id', '=', letter.id))
  store.run(store.qb.updateTable('revision_requests').set({ ...decided, state: 'approved', new_letter_id: newLetterId }).where('id', '=', r.id))
  return { state: 'approved', newLetterId, newVersion: letter.version + 1 }
}
