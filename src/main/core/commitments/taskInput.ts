import type { ReadableDB } from '../../db/store'
import { idList } from '../../db/idList'
import type { CommitmentLetterRow } from '../../db/schema'
import type { CommitmentTask } from '../metrics/task'
import { isApproved } from './views'

/**
 * The input of 核心任务 (`taskCompletion`, RULES.md §4) for a person and year: the tasks of their
 * current approved letter. A task whose deadline an approved revision changed carries the first
 * approved deadline and the revised one; a task withdrawn by a revision is marked withdrawn (not
 * due). No approved letter gives no tasks (the indicator is N/A). Drafts never count.
 */
export function taskCompletionInput(store: ReadableDB, personId: number, year: number): CommitmentTask[] {
  return taskCompletionInputs(store, year, [personId]).get(personId) ?? []
}

/**
 * The same for many people at once (everyone when `only` is omitted), in two queries: the annual
 * computation scores a whole unit, and one query per person was most of its time.
 */
export function taskCompletionInputs(store: ReadableDB, year: number, only?: readonly number[]): Map<number, CommitmentTask[]> {
  let letters = store.qb.selectFrom('commitment_letters').select(['id', 'person_id', 'version', 'state']).where('year', '=', year)
  if (only) letters = letters.where('person_id', 'in', idList(only))
  const byPerson = new Map<number, Pick<CommitmentLetterRow, 'id' | 'state'>[]>()
  for (const l of store.all(letters.orderBy('person_id').orderBy('version'))) {
    const list = byPerson.get(l.person_id) ?? []
    list.push(l)
    byPerson.set(l.person_id, list)
  }
  const wanted = new Map<number, { current: number; first: number | null }>()
  for (const [personId, rows] of byPerson) {
    const current = rows.at(-1)
    if (!current || !isApproved(current)) continue
    const first = rows.find((r) => r.state !== 'draft' && r.state !== 'submitted' && r.state !== 'returned')
    wanted.set(personId, { current: current.id, first: first && first.id !== current.id ? first.id : null })
  }
  const letterIds = [...wanted.values()].flatMap((w) => (w.first === null ? [w.current] : [w.current, w.first]))
  const tasks = new Map<number, { task_key: string; deadline: string; completed_on: string | null; withdrawn: number }[]>()
  if (letterIds.length) {
    for (const t of store.all(
      store.qb
        .selectFrom('commitment_tasks')
        .select(['letter_id', 'task_key', 'deadline', 'completed_on', 'withdrawn'])
        .where('letter_id', 'in', idList(letterIds))
        .orderBy('letter_id')
        .orderBy('sort_order'),
    )) {
      const list = tasks.get(t.letter_id) ?? []
      list.push(t)
      tasks.set(t.letter_id, list)
    }
  }
  const out = new Map<number, CommitmentTask[]>()
  for (const [personId, w] of wanted) {
    const original = new Map(w.first === null ? [] : (tasks.get(w.first) ?? []).map((t) => [t.task_key, t.deadline]))
    out.set(
      personId,
      (tasks.get(w.current) ?? []).map((t) => {
        const before = original.get(t.task_key)
        const revised = before !== undefined && before !== t.deadline
        return {
          id: t.task_key,
          deadline: revised ? before : t.deadline,
          completedOn: t.completed_on,
          withdrawn: t.withdrawn === 1,
          ...(revised ? { revisedDeadline: t.deadline } : {}),
        }
      }),
    )
  }
  return out
}
