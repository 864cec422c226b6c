import { KaoheError } from '@shared/errors'
import type { IsoDate } from '@shared/org'
import type { AssignPeersResult, PeerAssignmentView, Quarter } from '@shared/quarterly'
import { idList } from '../../db/idList'
import type { Store } from '../../db/store'
import { checkConsecutiveFailures, departmentAllowsPeers, departmentSizes } from './evaluation'
import { quarterlyRules } from './params'
import { quarterPhase, requireNotClosed } from './phases'
import { requireStarted } from './quarters'
import { localDate } from '@shared/dates'

/**
 * 互评 (RULES.md §5): HR assigns peers of the same department; a peer sees only their own
 * assignments and their own scores, never anyone else's. The scores reach the ratee's sheet only
 * as a mean.
 */

interface AssignmentFilter {
  raterId?: number
  id?: number
  /** Exactly these assignments (e.g. the ones an automatic assignment just made). */
  ids?: number[]
  year?: number
  quarter?: Quarter
}

/** Assignments; `withOwnScore` only when the viewer is the rater (their own score). */
export function assignmentViews(store: Store, f: AssignmentFilter, withOwnScore: boolean): PeerAssignmentView[] {
  let q = store.qb
    .selectFrom('peer_assignments as a')
    .innerJoin('people as r', 'r.id', 'a.rater_id')
    .innerJoin('people as e', 'e.id', 'a.ratee_id')
    .leftJoin('departments as d', 'd.id', 'e.department_id')
    .leftJoin('peer_ratings as pr', 'pr.assignment_id', 'a.id')
    .select(['a.id', 'a.year', 'a.quarter', 'a.rater_id', 'r.name as rater_name', 'a.ratee_id', 'e.name as ratee_name', 'e.staff_no', 'd.name as department', 'pr.score'])
    .orderBy('a.year', 'desc')
    .orderBy('a.quarter', 'desc')
    .orderBy('e.staff_no')
    .orderBy('r.staff_no')
  if (f.raterId !== undefined) q = q.where('a.rater_id', '=', f.raterId)
  if (f.ids !== undefined) q = q.where('a.id', 'in', idList(f.ids))
  if (f.id !== undefined) q = q.where('a.id', '=', f.id)
  if (f.year !== undefined) q = q.where('a.year', '=', f.year)
  if (f.quarter !== undefined) q = q.where('a.quarter', '=', f.quarter)
  return store.all(q).map((a) => ({
    id: a.id,
    year: a.year,
    quarter: a.quarter as Quarter,
    raterId: a.rater_id,
    raterName: a.rater_name,
    rateeId: a.ratee_id,
    rateeName: a.ratee_name,
    rateeStaffNo: a.staff_no,
    department: a.department,
    myScore: withOwnScore ? a.score : null,
  }))
}

function person(store: Store, id: number) {
  const p = store.first(store.qb.selectFrom('people').select(['id', 'name', 'department_id']).where('id', '=', id))
  if (!p) throw new KaoheError('NOT_FOUND', { what: '人员 person', id })
  return p
}

/**
 * HR assigns one rater to rate colleagues in a quarter (kept assignments stay; adding one twice is
 * harmless). Self-assignment and a colleague of another department are refused; a ratee left with
 * fewer than the policy's minimum of peers although the department has enough people is a warning, not a refusal.
 */
export function assignPeers(
  store: Store,
  input: { year: number; quarter: Quarter; raterId: number; rateeIds: readonly number[] },
  change: { userId: number; now: Date; today?: IsoDate },
): AssignPeersResult {
  requireNotClosed(quarterPhase(store, input.year, input.quarter, change.today ?? localDate(change.now)))
  const rater = person(store, input.raterId)
  const ratees = [...new Set(input.rateeIds)].map((id) => person(store, id))
  for (const e of ratees) {
    if (e.id === rater.id) throw new KaoheError('PEER_SELF_ASSIGNMENT', { name: rater.name })
    if (e.department_id === null || e.department_id !== rater.department_id) throw new KaoheError('PEER_OTHER_DEPARTMENT', { rater: rater.name, ratee: e.name })
  }
  const at = change.now.toISOString()
  for (const e of ratees) {
    store.run(
      store.qb
        .insertInto('peer_assignments')
        .values({ year: input.year, quarter: input.quarter, rater_id: rater.id, ratee_id: e.id, assigned_by: change.userId, assigned_at: at })
        .onConflict((oc) => oc.columns(['year', 'quarter', 'rater_id', 'ratee_id']).doNothing()),
    )
  }
  const sizes = departmentSizes(store)
  const minPeers = quarterlyRules(store, input.year).minPeerRaters
  const warnings: AssignPeersResult['warnings'] = []
  for (const e of ratees) {
    const peers =
      store.first(
        store.qb
          .selectFrom('peer_assignments')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('ratee_id', '=', e.id)
          .where('year', '=', input.year)
          .where('quarter', '=', input.quarter),
      )?.n ?? 0
    const size = e.department_id === null ? 0 : (sizes.get(e.department_id) ?? 0)
    if (peers < minPeers && departmentAllowsPeers(size, minPeers)) {
      warnings.push({
        rateeId: e.id,
        rateeName: e.name,
        peers,
        departmentSize: size,
        zh: `${e.name} 目前只有 ${peers} 名互评人，本科室 ${size} 人，应至少安排 ${minPeers} 名`,
        en: `${e.name} has ${peers} peer(s) so far; the department has ${size} people, so at least ${minPeers} should be assigned`,
      })
    }
  }
  return { assignments: assignmentViews(store, { raterId: rater.id, year: input.year, quarter: input.quarter }, false), warnings }
}

/** The signed-in person's own assignments, with their own scores only. */
export function myAssignments(store: Store, raterId: number | null, filter: { year?: number; quarter?: Quarter }): PeerAssignmentView[] {
  if (raterId === null) return []
  return assignmentViews(store, { raterId, ...filter }, true)
}

/** The rater of an assignment, for the handler's check (peers stand in no reporting relation). */
export function assignmentRater(store: Store, assignmentId: number): { raterId: number; rateeId: number; year: number; quarter: Quarter } {
  const a = store.first(store.qb.selectFrom('peer_assignments').select(['rater_id', 'ratee_id', 'year', 'quarter']).where('id', '=', assignmentId))
  if (!a) throw new KaoheError('NOT_FOUND', { what: '互评安排 peer assignment', id: assignmentId })
  return { raterId: a.rater_id, rateeId: a.ratee_id, year: a.year, quarter: a.quarter as Quarter }
}

/** The rater scores (or re-scores) the colleague; the ratee's standing is re-checked for follow-ups. */
export function peerRate(store: Store, assignmentId: number, score: number, change: { userId: number; now: Date; today: IsoDate }): PeerAssignmentView {
  const a = assignmentRater(store, assignmentId)
  requireStarted(a.year, a.quarter, change.today)
  requireNotClosed(quarterPhase(store, a.year, a.quarter, change.today))
  const at = change.now.toISOString()
  store.run(
    store.qb
      .insertInto('peer_ratings')
      .values({ assignment_id: assignmentId, score, rated_at: at })
      .onConflict((oc) => oc.column('assignment_id').doUpdateSet({ score, rated_at: at })),
  )
  checkConsecutiveFailures(store, a.rateeId, a.year, a.quarter, change)
  return assignmentViews(store, { id: assignmentId }, true)[0]!
}

/** Unrated assignments of a rater, for their home page. */
export function unratedAssignments(store: Store, raterId: number): number {
  return (
    store.first(
      store.qb
        .selectFrom('peer_assignments as a')
        .leftJoin('peer_ratings as pr', 'pr.assignment_id', 'a.id')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('a.rater_id', '=', raterId)
        .where('pr.assignment_id', 'is', null),
    )?.n ?? 0
  )
}
