import { KaoheError } from '@shared/errors'
import type { TalkStatus } from '@shared/api/types'
import { GONE_STATUSES, type IsoDate } from '@shared/org'
import { idList } from '../../db/idList'
import type { MonthlyTalkRow, PersonRow as PersonTableRow } from '../../db/schema'
import type { Store } from '../../db/store'
import { daysInMonth, isIsoDate } from '../calendar/dates'

/**
 * 每月沟通: a supervisor talks with each direct report once a month and records it. A month is
 * 'YYYY-MM'; a talk is due in its month and overdue once the month is over without one. Voided
 * talks do not count (and make room for a new record of the same month).
 */

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

export function checkMonth(month: string): void {
  if (!MONTH.test(month)) throw new KaoheError('INVALID_INPUT', { details: `month: ${month} (YYYY-MM)` })
}

export const monthOf = (date: IsoDate): string => date.slice(0, 7)

export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

function monthBounds(month: string): { first: IsoDate; last: IsoDate } {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return { first: `${month}-01`, last: `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}` }
}

type PersonRow = Pick<PersonTableRow, 'id' | 'staff_no' | 'name' | 'supervisor_id' | 'status' | 'joined_on' | 'left_on'>

/**
 * Whether a talk is expected with the person in the month: they have a supervisor, had joined by
 * the month's end, and had not left before it began.
 */
function expectedIn(p: PersonRow, month: string): boolean {
  const { first, last } = monthBounds(month)
  if (p.supervisor_id === null) return false
  if (p.joined_on !== null && p.joined_on > last) return false
  if (GONE_STATUSES.includes(p.status) && (p.left_on === null || p.left_on < first)) return false
  return true
}

function people(store: Store, scope: 'all' | readonly number[]): PersonRow[] {
  if (scope !== 'all' && scope.length === 0) return []
  let q = store.qb.selectFrom('people').select(['id', 'staff_no', 'name', 'supervisor_id', 'status', 'joined_on', 'left_on']).orderBy('staff_no')
  if (scope !== 'all') q = q.where('id', 'in', idList(scope))
  return store.all(q)
}

/** A talk with the display name of whoever recorded it (in place of the account id). */
type TalkRow = Pick<MonthlyTalkRow, 'id' | 'person_id' | 'held_on' | 'notes'> & { recorded_by: string | null }

function talksIn(store: Store, month: string, personIds?: readonly number[]): Map<number, TalkRow> {
  let q = store.qb
    .selectFrom('monthly_talks as t')
    .leftJoin('users as u', 'u.id', 't.recorded_by')
    .select(['t.id', 't.person_id', 't.held_on', 't.notes', 'u.display_name as recorded_by'])
    .where('t.month', '=', month)
    .where('t.voided_at', 'is', null)
  if (personIds) q = q.where('t.person_id', 'in', idList(personIds))
  return new Map(store.all(q).map((t) => [t.person_id, t]))
}

function status(p: PersonRow, month: string, talk: TalkRow | undefined, today: IsoDate): TalkStatus {
  return {
    personId: p.id,
    personName: p.name,
    staffNo: p.staff_no,
    month,
    talk: talk ? { id: talk.id, heldOn: talk.held_on, notes: talk.notes, recordedBy: talk.recorded_by } : null,
    overdue: !talk && month < monthOf(today),
  }
}

/**
 * The month's talk status of the people in scope: everyone a talk is expected with, and anyone who
 * had one. A supervisor's list is of the people they talk with: their own row (in scope as
 * "self", their own talk being held by their supervisor) is left out once they have a direct report.
 */
export function listTalks(store: Store, scope: 'all' | readonly number[], month: string, today: IsoDate, viewerPersonId: number | null = null): TalkStatus[] {
  checkMonth(month)
  const all = people(store, scope)
  const supervises = viewerPersonId !== null && all.some((p) => p.supervisor_id === viewerPersonId)
  const list = supervises ? all.filter((p) => p.id !== viewerPersonId) : all
  if (!list.length) return []
  const talks = talksIn(store, month, scope === 'all' ? undefined : list.map((p) => p.id))
  return list.filter((p) => talks.has(p.id) || expectedIn(p, month)).map((p) => status(p, month, talks.get(p.id), today))
}

/**
 * Records the month's talk with a person (the router has checked the actor is their supervisor).
 * `heldOn` must lie in the month and not after today; one talk per person and month unless the
 * earlier record was voided. The notes are T1 content: they are stored, never audited.
 */
export function recordTalk(
  store: Store,
  input: { personId: number; month: string; heldOn: IsoDate; notes: string },
  change: { userId: number; supervisorPersonId: number | null; now: Date; today: IsoDate },
): TalkStatus {
  checkMonth(input.month)
  if (!isIsoDate(input.heldOn) || monthOf(input.heldOn) !== input.month) {
    throw new KaoheError('TALK_DATE_OUTSIDE_MONTH', { heldOn: input.heldOn, month: input.month })
  }
  if (input.heldOn > change.today) throw new KaoheError('TALK_DATE_IN_FUTURE', { heldOn: input.heldOn, today: change.today })
  const person = people(store, [input.personId])[0]
  if (!person) throw new KaoheError('NOT_FOUND', { what: '人员 person', id: String(input.personId) })
  const earlier = talksIn(store, input.month, [person.id]).get(person.id)
  if (earlier) throw new KaoheError('TALK_ALREADY_RECORDED', { name: person.name, month: input.month, heldOn: earlier.held_on })
  store.run(
    store.qb.insertInto('monthly_talks').values({
      person_id: person.id,
      month: input.month,
      held_on: input.heldOn,
      supervisor_id: change.supervisorPersonId,
      notes: input.notes,
      recorded_by: change.userId,
      created_at: change.now.toISOString(),
    }),
  )
  return status(person, input.month, talksIn(store, input.month, [person.id]).get(person.id), change.today)
}

/**
 * A supervisor's home-page counts over their direct reports in post: talks still due this month,
 * and talks that were due last month and never held.
 */
export function talkTasks(store: Store, supervisorPersonId: number, today: IsoDate): { dueThisMonth: number; overdue: number } {
  const reports = store.all(
    store.qb
      .selectFrom('people')
      .select(['id', 'staff_no', 'name', 'supervisor_id', 'status', 'joined_on', 'left_on'])
      .where('supervisor_id', '=', supervisorPersonId)
      .where('status', 'not in', [...GONE_STATUSES]),
  )
  if (!reports.length) return { dueThisMonth: 0, overdue: 0 }
  const count = (month: string) => {
    const talks = talksIn(store, month, reports.map((r) => r.id))
    return reports.filter((r) => expectedIn(r, month) && !talks.has(r.id)).length
  }
  const thisMonth = monthOf(today)
  return { dueThisMonth: count(thisMonth), overdue: count(previousMonth(thisMonth)) }
}
