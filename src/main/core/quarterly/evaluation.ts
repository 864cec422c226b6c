import { KaoheError } from '@shared/errors'
import { GONE_STATUSES, type IsoDate } from '@shared/org'
import type {
  FollowupView,
  Quarter,
  QuarterlyAmendmentView,
  QuarterlyDetail,
  QuarterlyRateResult,
  QuarterlyStatusFlag,
  QuarterlyStatusRow,
  QuarterPhaseView,
} from '@shared/quarterly'
import { idList } from '../../db/idList'
import type { ReadableDB, Store } from '../../db/store'
import { openFollowupsFor } from './followups'
import { quarterlyParams, type QuarterlyParams } from './params'
import { quarterPhase, quarterZh, requireNotClosed, requireRatingPhase } from './phases'
import { quarterBounds, requireStarted } from './quarters'
import { meetsStandard, quarterlyGrade, quarterlyScore } from './scoring'

interface PersonRow {
  id: number
  staff_no: string
  name: string
  department_id: number | null
  department: string | null
  status: string
  joined_on: string | null
  left_on: string | null
}

function peopleRows(store: Store, scope: 'all' | readonly number[]): PersonRow[] {
  if (scope !== 'all' && scope.length === 0) return []
  let q = store.qb
    .selectFrom('people as p')
    .leftJoin('departments as d', 'd.id', 'p.department_id')
    .select(['p.id', 'p.staff_no', 'p.name', 'p.department_id', 'd.name as department', 'p.status', 'p.joined_on', 'p.left_on'])
    .orderBy('p.staff_no')
  if (scope !== 'all') q = q.where('p.id', 'in', idList(scope))
  return store.all(q)
}

/** Whether the person was in the unit at some time in the quarter: joined by its end, not gone before it began. */
function inUnitDuring(p: Pick<PersonRow, 'status' | 'joined_on' | 'left_on'>, year: number, quarter: Quarter): boolean {
  const { from, to } = quarterBounds(year, quarter)
  if (p.joined_on !== null && p.joined_on > to) return false
  if ((GONE_STATUSES as readonly string[]).includes(p.status) && (p.left_on === null || p.left_on < from)) return false
  return true
}

/** People per department now in post, for the "enough people for the minimum of peers" rule. */
export function departmentSizes(store: Store): Map<number, number> {
  const sizes = new Map<number, number>()
  const rows = store.all(store.qb.selectFrom('people').select(['department_id']).where('status', 'not in', [...GONE_STATUSES]))
  for (const r of rows) if (r.department_id !== null) sizes.set(r.department_id, (sizes.get(r.department_id) ?? 0) + 1)
  return sizes
}

/** Whether a department is big enough that a person in it can have `minPeers` peers (the policy's quarterly.minPeerRaters). */
export const departmentAllowsPeers = (size: number, minPeers: number) => size >= minPeers + 1

function rowsFor(store: Store, people: PersonRow[], year: number, quarter: Quarter, params: QuarterlyParams, phase: QuarterPhaseView): QuarterlyStatusRow[] {
  if (!people.length) return []
  const ids = people.map((p) => p.id)
  const summaries = new Map(
    store
      .all(store.qb.selectFrom('quarterly_summaries').select(['person_id', 'submitted_at']).where('year', '=', year).where('quarter', '=', quarter).where('person_id', 'in', idList(ids)))
      .map((s) => [s.person_id, s.submitted_at]),
  )
  const ratings = new Map(
    store
      .all(
        store.qb
          .selectFrom('quarterly_ratings as r')
          .leftJoin('people as s', 's.id', 'r.supervisor_id')
          .select(['r.person_id', 'r.supervisor_id', 's.name as supervisor_name', 'r.performance', 'r.potential', 'r.fail_mark', 'r.fail_reason', 'r.rated_at'])
          .where('r.year', '=', year)
          .where('r.quarter', '=', quarter)
          .where('r.person_id', 'in', idList(ids)),
      )
      .map((r) => [r.person_id, r]),
  )
  const assigned = new Map<number, number>()
  const scores = new Map<number, number[]>()
  for (const a of store.all(
    store.qb
      .selectFrom('peer_assignments as a')
      .leftJoin('peer_ratings as pr', 'pr.assignment_id', 'a.id')
      .select(['a.ratee_id', 'pr.score'])
      .where('a.year', '=', year)
      .where('a.quarter', '=', quarter)
      .where('a.ratee_id', 'in', idList(ids)),
  )) {
    assigned.set(a.ratee_id, (assigned.get(a.ratee_id) ?? 0) + 1)
    if (a.score !== null) scores.set(a.ratee_id, [...(scores.get(a.ratee_id) ?? []), a.score])
  }
  const amended = new Set(
    store
      .all(store.qb.selectFrom('quarterly_amendments').select('person_id').where('year', '=', year).where('quarter', '=', quarter).where('person_id', 'in', idList(ids)))
      .map((a) => a.person_id),
  )
  const sizes = departmentSizes(store)
  return people.map((p): QuarterlyStatusRow => {
    const r = ratings.get(p.id)
    const peerScores = scores.get(p.id) ?? []
    const peersAssigned = assigned.get(p.id) ?? 0
    const flags: QuarterlyStatusFlag[] = []
    let score: number | null = null
    let grade: QuarterlyStatusRow['grade'] = null
    let meets: boolean | null = null
    let peerMean: number | null = null
    let scoreBasis: QuarterlyStatusRow['scoreBasis'] = null
    const summaryAt = summaries.get(p.id)
    if (r) {
      const s = quarterlyScore(r.performance, peerScores, params.channel)
      score = s.rounded
      peerMean = s.evidence.peerMean
      scoreBasis = {
        supervisorPercent: 100 - s.evidence.peerWeightApplied,
        peerPercent: s.evidence.peerWeightApplied,
        performance: r.performance,
        peerMean: s.evidence.peerMean,
        peerCount: s.evidence.peerCount,
      }
      if (summaryAt === undefined) flags.push('RATED_WITHOUT_SUMMARY')
      else if (summaryAt > r.rated_at) flags.push('SUMMARY_CHANGED_AFTER_RATING')
      if (amended.has(p.id)) flags.push('AMENDED')
      grade = quarterlyGrade(s.exact, params.channel.gradeCutoffs)
      meets = meetsStandard(grade, r.fail_mark ? { reason: r.fail_reason ?? '' } : undefined)
      if (s.flags.includes('NO_PEER_RATINGS')) flags.push('NO_PEER_RATINGS')
    } else flags.push('NOT_RATED')
    const minPeers = params.rules.minPeerRaters
    if (peersAssigned < minPeers && p.department_id !== null && departmentAllowsPeers(sizes.get(p.department_id) ?? 0, minPeers)) flags.push('FEW_PEERS')
    if (!summaries.has(p.id)) flags.push('NO_SUMMARY')
    if (params.version === null) flags.push('DEFAULT_GUIDELINE')
    return {
      personId: p.id,
      staffNo: p.staff_no,
      name: p.name,
      department: p.department,
      year,
      quarter,
      summarySubmittedAt: summaries.get(p.id) ?? null,
      rating: r
        ? {
            supervisorId: r.supervisor_id,
            supervisorName: r.supervisor_name,
            performance: r.performance,
            potential: r.potential,
            failReason: r.fail_mark ? r.fail_reason : null,
            ratedAt: r.rated_at,
          }
        : null,
      peersAssigned,
      peersRated: peerScores.length,
      peerMean,
      score,
      grade,
      meetsStandard: meets,
      guidelineVersion: params.version,
      flags,
      phase,
      scoreBasis,
    }
  })
}

/**
 * The quarter's evaluation status of the people in scope (`scopeOf(…, 'quarterly.read')`): everyone
 * in the unit during the quarter, and anyone rated in it.
 */
export function quarterlyStatus(store: Store, scope: 'all' | readonly number[], year: number, quarter: Quarter, today: IsoDate): QuarterlyStatusRow[] {
  const rated = new Set(
    store.all(store.qb.selectFrom('quarterly_ratings').select('person_id').where('year', '=', year).where('quarter', '=', quarter)).map((r) => r.person_id),
  )
  const people = peopleRows(store, scope).filter((p) => rated.has(p.id) || inUnitDuring(p, year, quarter))
  return rowsFor(store, people, year, quarter, quarterlyParams(store, year, quarter, today), quarterPhase(store, year, quarter, today))
}

function personOf(store: Store, personId: number): PersonRow {
  const p = peopleRows(store, [personId])[0]
  if (!p) throw new KaoheError('NOT_FOUND', { what: '人员 person', id: personId })
  return p
}

/** One person's quarter row (the router has checked access). */
export function statusOf(store: Store, personId: number, year: number, quarter: Quarter, today: IsoDate): QuarterlyStatusRow {
  return rowsFor(store, [personOf(store, personId)], year, quarter, quarterlyParams(store, year, quarter, today), quarterPhase(store, year, quarter, today))[0]!
}

/** Entries of the person's ledger in the quarter, voided ones left out: the evidence beside the rating. */
export function quarterLedgerCount(store: Store, personId: number, year: number, quarter: Quarter): number {
  const { from, to } = quarterBounds(year, quarter)
  return (
    store.first(
      store.qb
        .selectFrom('ledger_entries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('person_id', '=', personId)
        .where('day', '>=', from)
        .where('day', '<=', to)
        .where('voided_at', 'is', null),
    )?.n ?? 0
  )
}

export function quarterlyDetail(store: Store, personId: number, year: number, quarter: Quarter, today: IsoDate): QuarterlyDetail {
  const summary = store.first(
    store.qb.selectFrom('quarterly_summaries').select('text').where('person_id', '=', personId).where('year', '=', year).where('quarter', '=', quarter),
  )
  const draft = store.first(
    store.qb.selectFrom('quarterly_summary_drafts').select(['text', 'saved_at']).where('person_id', '=', personId).where('year', '=', year).where('quarter', '=', quarter),
  )
  return {
    ...statusOf(store, personId, year, quarter, today),
    summary: summary?.text ?? null,
    draft: draft ? { text: draft.text, savedAt: draft.saved_at } : null,
    amendments: amendmentsOf(store, personId, year, quarter),
    ledgerEntries: quarterLedgerCount(store, personId, year, quarter),
    ...quarterBounds(year, quarter),
  }
}

function requireInUnit(p: PersonRow, year: number, quarter: Quarter): void {
  if (!inUnitDuring(p, year, quarter)) throw new KaoheError('QUARTERLY_NOT_IN_UNIT', { name: p.name, year, quarter })
}

/**
 * 《季度工作小结》: the person's own, editable until the quarter's rating phase ends (phases.ts); a
 * rating given before a later change is flagged SUMMARY_CHANGED_AFTER_RATING, never locked. A
 * draft is saved apart and shown to the person only; submitting removes it.
 */
export function submitSummary(
  store: Store,
  input: { personId: number; year: number; quarter: Quarter; text: string; draft?: boolean },
  change: { userId: number; now: Date; today: IsoDate },
): QuarterlyDetail {
  const { personId, year, quarter, text } = input
  requireStarted(year, quarter, change.today)
  requireNotClosed(quarterPhase(store, year, quarter, change.today))
  requireInUnit(personOf(store, personId), year, quarter)
  const at = change.now.toISOString()
  if (input.draft) {
    const values = { text, saved_at: at, saved_by: change.userId }
    store.run(
      store.qb
        .insertInto('quarterly_summary_drafts')
        .values({ person_id: personId, year, quarter, ...values })
        .onConflict((oc) => oc.columns(['person_id', 'year', 'quarter']).doUpdateSet(values)),
    )
    return quarterlyDetail(store, personId, year, quarter, change.today)
  }
  store.run(store.qb.deleteFrom('quarterly_summary_drafts').where('person_id', '=', personId).where('year', '=', year).where('quarter', '=', quarter))
  store.run(
    store.qb
      .insertInto('quarterly_summaries')
      .values({ person_id: personId, year, quarter, text, submitted_at: at, submitted_by: change.userId })
      .onConflict((oc) => oc.columns(['person_id', 'year', 'quarter']).doUpdateSet({ text, submitted_at: at, submitted_by: change.userId })),
  )
  return quarterlyDetail(store, personId, year, quarter, change.today)
}

/**
 * The direct supervisor's 业绩 and 潜力 ratings (the router has checked the relation); a new
 * rating replaces the earlier one. 不达标 needs a written reason. When the result makes two
 * consecutive 不达标 quarters, the interview and support plan open in the same transaction.
 */
export function rateQuarter(
  store: Store,
  input: {
    personId: number
    year: number
    quarter: Quarter
    performance: number
    potential: number
    failMark: boolean
    failReason?: string
    /** The supervisor's explicit confirmation to rate although the person has no 小结. */
    withoutSummary?: boolean
  },
  change: { userId: number; supervisorPersonId: number | null; now: Date; today: IsoDate },
): QuarterlyRateResult {
  const { personId, year, quarter, performance, potential, failMark } = input
  requireStarted(year, quarter, change.today)
  requireRatingPhase(quarterPhase(store, year, quarter, change.today))
  const person = personOf(store, personId)
  requireInUnit(person, year, quarter)
  const reason = input.failReason?.trim() ?? ''
  if (failMark && !reason) throw new KaoheError('QUARTERLY_FAIL_REASON_REQUIRED')
  if (!input.withoutSummary && !hasSummary(store, personId, year, quarter)) {
    throw new KaoheError('QUARTERLY_RATE_WITHOUT_SUMMARY', { name: person.name, year, quarter, quarterZh: quarterZh(year, quarter) })
  }
  const values = {
    supervisor_id: change.supervisorPersonId,
    performance,
    potential,
    fail_mark: failMark ? 1 : 0,
    fail_reason: failMark ? reason : null,
    rated_at: change.now.toISOString(),
    rated_by: change.userId,
  }
  store.run(
    store.qb
      .insertInto('quarterly_ratings')
      .values({ person_id: personId, year, quarter, ...values })
      .onConflict((oc) => oc.columns(['person_id', 'year', 'quarter']).doUpdateSet(values)),
  )
  const openedFollowups = checkConsecutiveFailures(store, personId, year, quarter, change)
  return {
    status: statusOf(store, personId, year, quarter, change.today),
    ledgerEntries: quarterLedgerCount(store, personId, year, quarter),
    openedFollowups,
  }
}

function hasSummary(store: Store, personId: number, year: number, quarter: Quarter): boolean {
  return !!store.first(store.qb.selectFrom('quarterly_summaries').select('id').where('person_id', '=', personId).where('year', '=', year).where('quarter', '=', quarter))
}

interface RatingValues {
  performance: number
  potential: number
  failReason: string | null
}

function amendmentsOf(store: Store, personId: number, year: number, quarter: Quarter): QuarterlyAmendmentView[] {
  return store
    .all(
      store.qb
        .selectFrom('quarterly_amendments as a')
        .leftJoin('users as u', 'u.id', 'a.amended_by')
        .select(['a.id', 'a.person_id', 'a.year', 'a.quarter', 'a.before_json', 'a.after_json', 'a.reason', 'u.display_name', 'a.amended_at'])
        .where('a.person_id', '=', personId)
        .where('a.year', '=', year)
        .where('a.quarter', '=', quarter)
        .orderBy('a.id'),
    )
    .map((a) => ({
      id: a.id,
      personId: a.person_id,
      year: a.year,
      quarter: a.quarter as Quarter,
      before: a.before_json === null ? null : (JSON.parse(a.before_json) as RatingValues),
      after: JSON.parse(a.after_json) as RatingValues,
      reason: a.reason,
      amendedBy: a.display_name,
      amendedAt: a.amended_at,
    }))
}

/**
 * A correction of a closed quarter's rating (HR): recorded with the rating before and after and
 * the reason, then applied; the quarter stays closed. The follow-ups are re-checked.
 */
export function amendRating(
  store: Store,
  input: { personId: number; year: number; quarter: Quarter; performance: number; potential: number; failMark: boolean; failReason?: string; reason: string },
  change: { userId: number; now: Date; today: IsoDate },
): QuarterlyDetail {
  const { personId, year, quarter } = input
  const person = personOf(store, personId)
  const phase = quarterPhase(store, year, quarter, change.today)
  if (phase.phase !== 'closed') throw new KaoheError('QUARTER_NOT_CLOSED', { year, quarter, quarterZh: quarterZh(year, quarter) })
  const failReason = input.failReason?.trim() ?? ''
  if (input.failMark && !failReason) throw new KaoheError('QUARTERLY_FAIL_REASON_REQUIRED')
  const before = store.first(
    store.qb
      .selectFrom('quarterly_ratings')
      .select(['performance', 'potential', 'fail_mark', 'fail_reason'])
      .where('person_id', '=', personId)
      .where('year', '=', year)
      .where('quarter', '=', quarter),
  )
  if (!before) throw new KaoheError('QUARTERLY_AMEND_NO_RATING', { name: person.name, year, quarter, quarterZh: quarterZh(year, quarter) })
  const after: RatingValues = { performance: input.performance, potential: input.potential, failReason: input.failMark ? failReason : null }
  const at = change.now.toISOString()
  store.run(
    store.qb.insertInto('quarterly_amendments').values({
      person_id: personId,
      year,
      quarter,
      before_json: JSON.stringify({ performance: before.performance, potential: before.potential, failReason: before.fail_mark ? before.fail_reason : null } satisfies RatingValues),
      after_json: JSON.stringify(after),
      reason: input.reason,
      amended_by: change.userId,
      amended_at: at,
    }),
  )
  store.run(
    store.qb
      .updateTable('quarterly_ratings')
      .set({ performance: after.performance, potential: after.potential, fail_mark: input.failMark ? 1 : 0, fail_reason: after.failReason })
      .where('person_id', '=', personId)
      .where('year', '=', year)
      .where('quarter', '=', quarter),
  )
  checkConsecutiveFailures(store, personId, year, quarter, change)
  return quarterlyDetail(store, personId, year, quarter, change.today)
}

/** Whether the person met the standard in the quarter; null when not rated. */
export function standingOf(store: Store, personId: number, year: number, quarter: Quarter, today: IsoDate): boolean | null {
  return statusOf(store, personId, year, quarter, today).meetsStandard
}

/** Opens the follow-ups when the quarter and a neighbour are both 不达标 (see followups.ts). */
export function checkConsecutiveFailures(
  store: Store,
  personId: number,
  year: number,
  quarter: Quarter,
  change: { userId: number; now: Date; today: IsoDate },
): FollowupView[] {
  return openFollowupsFor(store, personId, { year, quarter }, (q) => standingOf(store, personId, q.year, q.quarter as Quarter, change.today), change)
}

/**
 * The year's quarterly scores of many people, exact ("n/d"), for the annual quarterly channel: the
 * same rule (`quarterlyScore`) on the same inputs as the status rows — the supervisor's performance
 * rating and every peer rating given — with the quarter's own parameters, in two queries for the
 * whole year instead of the status rows' per-quarter work.
 */
export function yearQuarterlyScores(store: ReadableDB, year: number, today: IsoDate): Map<number, { quarter: Quarter; exact: string }[]> {
  const peers = new Map<string, number[]>()
  for (const r of store.iterate(
    store.qb
      .selectFrom('peer_assignments as a')
      .innerJoin('peer_ratings as pr', 'pr.assignment_id', 'a.id')
      .select(['a.ratee_id', 'a.quarter', 'pr.score'])
      .where('a.year', '=', year),
  )) {
    const k = `${r.ratee_id}:${r.quarter}`
    const list = peers.get(k)
    if (list) list.push(r.score)
    else peers.set(k, [r.score])
  }
  const channels = new Map(([1, 2, 3, 4] as const).map((q) => [q, quarterlyParams(store, year, q, today).channel]))
  const out = new Map<number, { quarter: Quarter; exact: string }[]>()
  for (const r of store.iterate(store.qb.selectFrom('quarterly_ratings').select(['person_id', 'quarter', 'performance']).where('year', '=', year).orderBy('quarter'))) {
    const quarter = r.quarter as Quarter
    const s = quarterlyScore(r.performance, peers.get(`${r.person_id}:${quarter}`) ?? [], channels.get(quarter)!)
    const list = out.get(r.person_id)
    const entry = { quarter, exact: s.exact }
    if (list) list.push(entry)
    else out.set(r.person_id, [entry])
  }
  return out
}
