import { GONE_STATUSES, type IsoDate } from '@shared/org'
import type { AutoAssignPeersResult, Quarter } from '@shared/quarterly'
import type { Store } from '../../db/store'
import { quarterlyRules } from './params'
import { assignmentViews } from './peers'
import { quarterPhase, requireNotClosed } from './phases'
import { quarterBounds, requireStarted } from './quarters'

/**
 * Automatic 互评 assignment (RULES.md §5: peers of the same department, at least the policy's
 * `quarterly.minPeerRaters` where the department allows), which HR then adjusts one by one.
 *
 * For each department, everyone in post during the quarter gets raters from the same department
 * until they have the minimum. A rater is never the person themself, anyone in their supervisor
 * chain, nor one of their direct reports, nor someone already assigned to them. The load is
 * spread evenly and deterministically: in rounds (one more rater per short person per round,
 * people in staff-number order), each time the candidate with the fewest assignments of the
 * quarter so far, ties to the lower staff number. Kept assignments stay; nothing is removed.
 */

interface Member {
  id: number
  staffNo: string
  name: string
  departmentId: number
  supervisorId: number | null
}

function members(store: Store, year: number, quarter: Quarter, departmentId: number | undefined): Member[] {
  const { from, to } = quarterBounds(year, quarter)
  let q = store.qb
    .selectFrom('people')
    .select(['id', 'staff_no', 'name', 'department_id', 'supervisor_id', 'status', 'joined_on', 'left_on'])
    .where('department_id', 'is not', null)
    .orderBy('staff_no')
  if (departmentId !== undefined) q = q.where('department_id', '=', departmentId)
  return store
    .all(q)
    .filter((p) => (p.joined_on === null || p.joined_on <= to) && !((GONE_STATUSES as readonly string[]).includes(p.status) && (p.left_on === null || p.left_on < from)))
    .map((p) => ({ id: p.id, staffNo: p.staff_no, name: p.name, departmentId: p.department_id!, supervisorId: p.supervisor_id }))
}

/** Everyone above the person on the reporting line (all departments). */
function chainOf(personId: number, supervisorOf: Map<number, number | null>): Set<number> {
  const chain = new Set<number>()
  let next = supervisorOf.get(personId) ?? null
  while (next !== null && !chain.has(next)) {
    chain.add(next)
    next = supervisorOf.get(next) ?? null
  }
  return chain
}

export function autoAssignPeers(
  store: Store,
  input: { year: number; quarter: Quarter; departmentId?: number },
  change: { userId: number; now: Date; today: IsoDate },
): AutoAssignPeersResult {
  const { year, quarter } = input
  requireStarted(year, quarter, change.today)
  requireNotClosed(quarterPhase(store, year, quarter, change.today))
  const minPeers = quarterlyRules(store, year).minPeerRaters
  const supervisorOf = new Map(store.all(store.qb.selectFrom('people').select(['id', 'supervisor_id'])).map((p) => [p.id, p.supervisor_id]))
  const existing = store.all(store.qb.selectFrom('peer_assignments').select(['rater_id', 'ratee_id']).where('year', '=', year).where('quarter', '=', quarter))
  const ratersOf = new Map<number, Set<number>>()
  const load = new Map<number, number>()
  for (const a of existing) {
    ratersOf.set(a.ratee_id, (ratersOf.get(a.ratee_id) ?? new Set()).add(a.rater_id))
    load.set(a.rater_id, (load.get(a.rater_id) ?? 0) + 1)
  }
  const byDepartment = new Map<number, Member[]>()
  for (const m of members(store, year, quarter, input.departmentId)) byDepartment.set(m.departmentId, [...(byDepartment.get(m.departmentId) ?? []), m])

  const created: { raterId: number; rateeId: number }[] = []
  const short: AutoAssignPeersResult['short'] = []
  for (const dept of byDepartment.values()) {
    const excluded = new Map<number, Set<number>>()
    for (const e of dept) {
      const x = chainOf(e.id, supervisorOf).add(e.id)
      for (const r of dept) if (r.supervisorId === e.id) x.add(r.id)
      excluded.set(e.id, x)
    }
    for (let round = 0; round < minPeers; round++) {
      for (const e of dept) {
        const have = ratersOf.get(e.id) ?? new Set<number>()
        if (have.size >= minPeers) continue
        const candidates = dept.filter((r) => !excluded.get(e.id)!.has(r.id) && !have.has(r.id))
        if (!candidates.length) continue
        candidates.sort((a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0) || (a.staffNo < b.staffNo ? -1 : a.staffNo > b.staffNo ? 1 : 0))
        const rater = candidates[0]!
        ratersOf.set(e.id, have.add(rater.id))
        load.set(rater.id, (load.get(rater.id) ?? 0) + 1)
        created.push({ raterId: rater.id, rateeId: e.id })
      }
    }
    for (const e of dept) {
      const peers = ratersOf.get(e.id)?.size ?? 0
      if (peers < minPeers) short.push({ rateeId: e.id, rateeName: e.name, peers })
    }
  }

  const at = change.now.toISOString()
  const ids: number[] = []
  for (const c of created) {
    const row = store.first(
      store.qb
        .insertInto('peer_assignments')
        .values({ year, quarter, rater_id: c.raterId, ratee_id: c.rateeId, assigned_by: change.userId, assigned_at: at })
        .returning('id'),
    )
    if (row) ids.push(row.id)
  }
  return { created: ids.length ? assignmentViews(store, { ids }, false) : [], short, minPeerRaters: minPeers }
}

