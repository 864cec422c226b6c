import type { Store } from '../../db/store'
import type { CommitmentTask } from '../metrics/task'
import { currentLetter, isApproved, letterRows, taskRows } from './views'

/**
 * The input of 核心任务 (`taskCompletion`, RULES.md §4) for a person and year: the tasks of their
 * current approved letter. A task whose deadline an approved revision changed carries the first
 * approved deadline and the revised one; a task withdrawn by a revision is marked withdrawn (not
 * due). No approved letter gives no tasks (the indicator is N/A). Drafts never count.
 */
export function taskCompletionInput(store: Store, personId: number, year: number): CommitmentTask[] {
  const current = currentLetter(store, personId, year)
  if (!current || !isApproved(current)) return []
  const first = letterRows(store, personId, year).find((r) => r.state !== 'draft' && r.state !== 'submitted' && r.state !== 'returned')
  const original = new Map(first && first.id !== current.id ? taskRows(store, first.id).map((t) => [t.task_key, t.deadline]) : [])
  return taskRows(store, current.id).map((t) => {
    const before = original.get(t.task_key)
    const revised = before !== undefined && before !== t.deadline
    return {
      id: t.task_key,
      deadline: revised ? before : t.deadline,
      completedOn: t.completed_on,
      withdrawn: t.withdrawn === 1,
      ...(revised ? { revisedDeadline: t.deadline } : {}),
    }
  })
}
