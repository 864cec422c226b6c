import type {
  CommitmentLetterView,
  CommitmentRecord,
  CommitmentState,
  CommitmentSummary,
  CommitmentTaskView,
  RevisionChange,
  RevisionRequestView,
} from '@shared/commitments'
import { GONE_STATUSES, type IsoDate } from '@shared/org'
import { KaoheError } from '@shared/errors'
import type { CommitmentLetterRow, CommitmentTaskRow, RevisionRequestRow } from '../../db/schema'
import type { Store } from '../../db/store'
import { storedPublicity } from '../calendar/publicity'
import { letterPublicityDays } from '../calendar/publicityRecount'
import { unitCalendar } from '../calendar/unitCalendar'

/** 承诺书 states in Chinese, for messages. */
export const STATE_ZH: Record<CommitmentState, string> = {
  draft: '草稿',
  submitted: '待审核',
  returned: '已退回',
  approved: '已审核',
  publicity: '公示中',
  inForce: '生效',
  superseded: '已被新版本替代',
}

export type LetterRow = CommitmentLetterRow

export type TaskRow = Omit<CommitmentTaskRow, 'id' | 'letter_id'>

/**
 * The state as shown on a day: an approved letter is publicly shown until its publicity ends and in
 * force from the next day; every other state is what the people involved made it.
 */
export function shownState(row: Pick<LetterRow, 'state' | 'effective_on'>, today: IsoDate): CommitmentState {
  if (row.state === 'approved') return row.effective_on !== null && row.effective_on <= today ? 'inForce' : 'publicity'
  return row.state
}

/** Approved (in publicity or in force): the letter the person is held to. */
export const isApproved = (row: Pick<LetterRow, 'state'>): boolean => row.state === 'approved' || row.state === 'inForce'

export function letterRows(store: Store, personId: number, year: number): LetterRow[] {
  return store.all(
    store.qb.selectFrom('commitment_letters').selectAll().where('person_id', '=', personId).where('year', '=', year).orderBy('version'),
  )
}

/** The newest version of the person's letter for the year (older ones are superseded). */
export function currentLetter(store: Store, personId: number, year: number): LetterRow | undefined {
  return letterRows(store, personId, year).at(-1)
}

export function requireCurrentLetter(store: Store, personId: number, year: number): LetterRow {
  const row = currentLetter(store, personId, year)
  if (!row) throw new KaoheError('NOT_FOUND', { what: '承诺书 commitment letter', id: `${personId}/${year}` })
  return row
}

export function taskRows(store: Store, letterId: number): TaskRow[] {
  return store.all(
    store.qb
      .selectFrom('commitment_tasks')
      .select(['task_key', 'sort_order', 'title', 'target', 'unit', 'deadline', 'goal', 'completed_on', 'withdrawn'])
      .where('letter_id', '=', letterId)
      .orderBy('sort_order'),
  )
}

/** Each task's deadline in the first approved version, to show (and score) a revised one. */
function originalDeadlines(store: Store, rows: LetterRow[]): Map<string, string> {
  const first = rows.find((r) => r.state !== 'draft' && r.state !== 'submitted' && r.state !== 'returned')
  return new Map(first ? taskRows(store, first.id).map((t) => [t.task_key, t.deadline]) : [])
}

function displayName(store: Store, userId: number | null): string | null {
  if (userId === null) return null
  return store.first(store.qb.selectFrom('users').select('display_name').where('id', '=', userId))?.display_name ?? null
}

/** The counted span and its warnings, on today's calendar (calendar/publicity.ts). */
function publicityOf(store: Store, row: LetterRow): Pick<CommitmentLetterView, 'publicityFrom' | 'publicityWorkingDays' | 'publicityWarnings'> {
  if (row.publicity_start === null || row.publicity_end === null || row.effective_on === null) {
    return { publicityFrom: null, publicityWorkingDays: null, publicityWarnings: [] }
  }
  const workingDays = letterPublicityDays(store, row)
  const p = storedPublicity(unitCalendar(store), { start: row.publicity_start, end: row.publicity_end, effectiveOn: row.effective_on, workingDays })
  return { publicityFrom: p.from, publicityWorkingDays: workingDays, publicityWarnings: p.warnings.map(({ code, year, zh, en }) => ({ code, year, zh, en })) }
}

export function letterView(store: Store, row: LetterRow, today: IsoDate): CommitmentLetterView {
  const person = store.first(store.qb.selectFrom('people').select(['name', 'staff_no']).where('id', '=', row.person_id))
  const originals = row.version > 1 ? originalDeadlines(store, letterRows(store, row.person_id, row.year)) : new Map<string, string>()
  const tasks: CommitmentTaskView[] = taskRows(store, row.id).map((t) => {
    const original = originals.get(t.task_key)
    return {
      key: t.task_key,
      title: t.title,
      target: t.target,
      unit: t.unit,
      deadline: t.deadline,
      originalDeadline: original !== undefined && original !== t.deadline ? original : null,
      goal: t.goal,
      completedOn: t.completed_on,
      withdrawn: t.withdrawn === 1,
    }
  })
  return {
    id: row.id,
    personId: row.person_id,
    personName: person?.name ?? '',
    staffNo: person?.staff_no ?? '',
    year: row.year,
    version: row.version,
    state: shownState(row, today),
    tasks,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
    reviewedBy: displayName(store, row.reviewed_by),
    reviewedAt: row.reviewed_at,
    returnReason: row.return_reason,
    publicityStart: row.publicity_start,
    publicityEnd: row.publicity_end,
    ...publicityOf(store, row),
    effectiveOn: row.effective_on,
    revisionId: row.revision_id,
    revisionReason: row.revision_reason,
  }
}

type RevisionRow = RevisionRequestRow

export function revisionRow(store: Store, id: number): RevisionRow {
  const row = store.first(store.qb.selectFrom('revision_requests').selectAll().where('id', '=', id))
  if (!row) throw new KaoheError('NOT_FOUND', { what: '调整申请 revision request', id })
  return row
}

export function letterById(store: Store, id: number): LetterRow {
  const row = store.first(store.qb.selectFrom('commitment_letters').selectAll().where('id', '=', id))
  if (!row) throw new KaoheError('NOT_FOUND', { what: '承诺书 commitment letter', id })
  return row
}

export function revisionView(store: Store, r: RevisionRow): RevisionRequestView {
  const letter = letterById(store, r.letter_id)
  const person = store.first(store.qb.selectFrom('people').select('name').where('id', '=', letter.person_id))
  const newVersion =
    r.new_letter_id === null
      ? null
      : (store.first(store.qb.selectFrom('commitment_letters').select('version').where('id', '=', r.new_letter_id))?.version ?? null)
  return {
    id: r.id,
    letterId: r.letter_id,
    personId: letter.person_id,
    personName: person?.name ?? '',
    year: letter.year,
    version: letter.version,
    changes: JSON.parse(r.changes) as RevisionChange[],
    reason: r.reason,
    state: r.state,
    requestedAt: r.requested_at,
    requestedBy: displayName(store, r.requested_by),
    decidedAt: r.decided_at,
    decidedBy: displayName(store, r.decided_by),
    decisionReason: r.decision_reason,
    newVersion,
  }
}

export function commitmentRecord(store: Store, personId: number, year: number, today: IsoDate): CommitmentRecord {
  const rows = letterRows(store, personId, year)
  const current = rows.at(-1)
  const revisions = rows.length
    ? store.all(
        store.qb
          .selectFrom('revision_requests')
          .selectAll()
          .where(
            'letter_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('id'),
      )
    : []
  return {
    personId,
    year,
    current: current ? letterView(store, current, today) : null,
    versions: rows.map((r) => ({ version: r.version, state: shownState(r, today), effectiveOn: r.effective_on, revisionReason: r.revision_reason })),
    revisions: revisions.map((r) => revisionView(store, r)),
  }
}

/** People in scope with their letter's state for the year; those gone appear only with a letter. */
export function listCommitments(store: Store, scope: 'all' | number[], year: number, today: IsoDate): CommitmentSummary[] {
  if (scope !== 'all' && !scope.length) return []
  let q = store.qb
    .selectFrom('people as p')
    .leftJoin('departments as d', 'd.id', 'p.department_id')
    .select(['p.id', 'p.name', 'p.staff_no', 'p.status', 'p.post', 'd.name as department'])
    .orderBy('p.staff_no')
  if (scope !== 'all') q = q.where('p.id', 'in', scope)
  const people = store.all(q)
  const letters = store.all(store.qb.selectFrom('commitment_letters').selectAll().where('year', '=', year).orderBy('version'))
  const latest = new Map<number, LetterRow>()
  for (const l of letters) latest.set(l.person_id, l)
  const pending = store.all(
    store.qb
      .selectFrom('revision_requests as r')
      .innerJoin('commitment_letters as l', 'l.id', 'r.letter_id')
      .select(['r.id', 'l.person_id'])
      .where('l.year', '=', year)
      .where('r.state', '=', 'pending'),
  )
  const pendingOf = new Map(pending.map((r) => [r.person_id, r.id]))
  const counts = new Map<number, number>()
  for (const l of latest.values()) {
    counts.set(l.id, taskRows(store, l.id).filter((t) => t.withdrawn === 0).length)
  }
  return people
    .filter((p) => latest.has(p.id) || !(GONE_STATUSES as readonly string[]).includes(p.status))
    .map((p) => {
      const l = latest.get(p.id)
      return {
        personId: p.id,
        personName: p.name,
        staffNo: p.staff_no,
        departmentName: p.department,
        post: p.post || null,
        year,
        version: l?.version ?? null,
        state: l ? shownState(l, today) : null,
        tasks: l ? (counts.get(l.id) ?? 0) : 0,
        pendingRevisionId: pendingOf.get(p.id) ?? null,
      }
    })
}

/** Submitted letters of the supervisor's direct reports (home task). */
export function commitmentsAwaitingReview(store: Store, supervisorPersonId: number): number {
  return (
    store.first(
      store.qb
        .selectFrom('commitment_letters as l')
        .innerJoin('people as p', 'p.id', 'l.person_id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('l.state', '=', 'submitted')
        .where('p.supervisor_id', '=', supervisorPersonId),
    )?.n ?? 0
  )
}

/** Revision requests waiting for the leadership group, not counting the actor's own (home task). */
export function pendingRevisions(store: Store, actorPersonId: number | null): number {
  let q = store.qb
    .selectFrom('revision_requests as r')
    .innerJoin('commitment_letters as l', 'l.id', 'r.letter_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('r.state', '=', 'pending')
  if (actorPersonId !== null) q = q.where('l.person_id', '!=', actorPersonId)
  return store.first(q)?.n ?? 0
}
