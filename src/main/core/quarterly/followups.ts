import { localDate } from '@shared/dates'
import { KaoheError } from '@shared/errors'
import type { IsoDate } from '@shared/org'
import type { FollowupKind, FollowupState, FollowupView, Quarter } from '@shared/quarterly'
import { idList } from '../../db/idList'
import type { Store } from '../../db/store'
import { quarterlyRules } from './params'
import { nextQuarter, previousQuarter, quarterBounds, quarterOf } from './quarters'
import { consecutiveFailures, type QuarterRef, type QuarterStanding } from './scoring'

function views(store: Store, where: { id?: number; state?: FollowupState; ids?: readonly number[] }): FollowupView[] {
  let q = store.qb
    .selectFrom('followups as f')
    .innerJoin('people as p', 'p.id', 'f.person_id')
    .leftJoin('people as o', 'o.id', 'f.owner_id')
    .select(['f.id', 'f.person_id', 'p.staff_no', 'p.name', 'f.year', 'f.quarter', 'f.kind', 'f.owner_id', 'o.name as owner_name', 'f.deadline', 'f.state', 'f.notes', 'f.opened_at'])
    .orderBy('f.deadline')
    .orderBy('f.id')
  if (where.id !== undefined) q = q.where('f.id', '=', where.id)
  if (where.state) q = q.where('f.state', '=', where.state)
  if (where.ids) q = q.where('f.id', 'in', idList(where.ids))
  return store.all(q).map((f) => ({
    id: f.id,
    personId: f.person_id,
    staffNo: f.staff_no,
    name: f.name,
    year: f.year,
    quarter: f.quarter as Quarter,
    kind: f.kind,
    ownerId: f.owner_id,
    ownerName: f.owner_name,
    deadline: f.deadline,
    state: f.state,
    notes: f.notes,
    openedAt: f.opened_at,
  }))
}

export function listFollowups(store: Store, state?: FollowupState): FollowupView[] {
  return views(store, { state })
}

export function followupView(store: Store, id: number): FollowupView {
  const v = views(store, { id })[0]
  if (!v) throw new KaoheError('NOT_FOUND', { what: '约谈或帮扶计划 follow-up', id })
  return v
}

/** The leadership group's head now (组长), who owns new follow-ups; null when none is set. */
function groupHead(store: Store): number | null {
  return store.first(store.qb.selectFrom('org_groups').select('person_id').where('role', '=', 'head').where('valid_to', 'is', null))?.person_id ?? null
}

/**
 * 连续两个季度不达标 (RULES.md §5): looks at the quarter and its two neighbours (Q4 of Y−1 and Q1
 * of Y are neighbours) and, for every 不达标 pair the quarter belongs to, opens an interview (约谈)
 * and a support plan (帮扶计划) for the pair's later quarter unless they exist already. Owner: the
 * leadership group's head. The interview is due in the policy's quarterly.interviewDays, the plan by the end of the
 * quarter after the current one; the leadership group can change both.
 */
export function openFollowupsFor(
  store: Store,
  personId: number,
  q: QuarterRef,
  standing: (q: QuarterRef) => boolean | null,
  change: { userId: number; now: Date; today: IsoDate },
): FollowupView[] {
  const standings: QuarterStanding[] = []
  for (const x of [previousQuarter(q), q, nextQuarter(q)]) {
    const s = standing(x)
    if (s !== null) standings.push({ ...x, meetsStandard: s })
  }
  const same = (a: QuarterRef, b: QuarterRef) => a.year === b.year && a.quarter === b.quarter
  const opened: number[] = []
  const at = change.now.toISOString()
  const owner = groupHead(store)
  const current = quarterOf(change.today)
  const planQuarter = nextQuarter(current)
  // The interview opens now, so the policy in force this year sets its deadline.
  const interviewDays = quarterlyRules(store, current.year).interviewDays
  const deadlines: Record<FollowupKind, IsoDate> = {
    interview: localDate(new Date(change.now.getTime() + interviewDays * 86_400_000)),
    supportPlan: quarterBounds(planQuarter.year, planQuarter.quarter).to,
  }
  for (const pair of consecutiveFailures(standings).filter((p) => same(p.first, q) || same(p.second, q))) {
    for (const kind of ['interview', 'supportPlan'] as const) {
      const r = store.run(
        store.qb
          .insertInto('followups')
          .values({
            person_id: personId,
            year: pair.second.year,
            quarter: pair.second.quarter,
            kind,
            owner_id: owner,
            deadline: deadlines[kind],
            state: 'open',
            notes: '',
            opened_at: at,
            updated_at: at,
            updated_by: change.userId,
          })
          .onConflict((oc) => oc.columns(['person_id', 'year', 'quarter', 'kind']).doNothing()),
      )
      if (r.changes > 0) opened.push(r.lastInsertRowid)
    }
  }
  return opened.length ? views(store, { ids: opened }) : []
}

/** The leadership group records progress: state, owner, deadline, notes. */
export function updateFollowup(
  store: Store,
  input: { id: number; state?: FollowupState; ownerId?: number | null; deadline?: IsoDate; notes?: string },
  change: { userId: number; now: Date },
): FollowupView {
  followupView(store, input.id)
  if (input.ownerId !== undefined && input.ownerId !== null) {
    const owner = store.first(store.qb.selectFrom('people').select('id').where('id', '=', input.ownerId))
    if (!owner) throw new KaoheError('NOT_FOUND', { what: '人员 person', id: input.ownerId })
  }
  store.run(
    store.qb
      .updateTable('followups')
      .set({
        ...(input.state !== undefined ? { state: input.state } : {}),
        ...(input.ownerId !== undefined ? { owner_id: input.ownerId } : {}),
        ...(input.deadline !== undefined ? { deadline: input.deadline } : {}),
        ...(input.notes !== undefined ? { notes: input.notes } : {}),
        updated_at: change.now.toISOString(),
        updated_by: change.userId,
      })
      .where('id', '=', input.id),
  )
  return followupView(store, input.id)
}

export function openFollowupCount(store: Store): number {
  return store.first(store.qb.selectFrom('followups').select((eb) => eb.fn.countAll<number>().as('n')).where('state', '=', 'open'))?.n ?? 0
}
