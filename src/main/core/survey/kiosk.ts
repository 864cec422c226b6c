import { KaoheError } from '@shared/errors'
import { localDate } from '@shared/dates'
import type { EmploymentStatus } from '@shared/org'
import type { KioskLevel, KioskOfficial, KioskOfficials, SurveyOfficialSummary } from '@shared/kiosk'
import { KIOSK_LEVELS } from '@shared/kiosk'
import type { Store } from '../../db/store'
import type { KioskPolicy } from '../policy/defaults'
import { policyInForce } from '../policy/inForce'

/** Officials a recipient can have dealt with: in post (not on long leave, not gone). */
const IN_POST: readonly EmploymentStatus[] = ['active', 'probation']

/** A running kiosk session as main's session holds it; the object itself keys the session's tally. */
export interface KioskRun {
  departmentId: number | null
}

/** The department a kiosk is started for must exist (NOT_FOUND otherwise). */
export function checkKioskDepartment(store: Store, departmentId: number): void {
  if (!store.first(store.qb.selectFrom('departments').select('id').where('id', '=', departmentId))) {
    throw new KaoheError('NOT_FOUND', { what: '科室 department', id: departmentId })
  }
}

/** What the kiosk screen offers: officials in post (of the kiosk's department, if set) and their departments. */
export function kioskOfficials(store: Store, kiosk: KioskRun): KioskOfficials {
  let q = store.qb
    .selectFrom('people')
    .select(['id', 'name', 'post', 'department_id'])
    .where('status', 'in', [...IN_POST])
    .orderBy('department_id')
    .orderBy('name')
  if (kiosk.departmentId !== null) q = q.where('department_id', '=', kiosk.departmentId)
  const officials: KioskOfficial[] = store.all(q).map((p) => ({ personId: p.id, name: p.name, post: p.post, departmentId: p.department_id }))
  const used = new Set(officials.map((o) => o.departmentId))
  const departments = store.all(store.qb.selectFrom('departments').select(['id', 'name']).orderBy('sort_order').orderBy('name')).filter((d) => used.has(d.id))
  return { departmentId: kiosk.departmentId, departments, officials }
}

/**
 * Stores one kiosk rating: the official must be in post (and in the kiosk's department, if set),
 * the session's limits admit it (`admitRating`), and the response keeps the day only, never the
 * time or who rated: a time would let anyone at the hall tell whose rating it was.
 */
export function recordKioskRating(
  store: Store,
  kiosk: KioskRun,
  rating: { personId: number; level: KioskLevel; channel: string },
  now: Date,
): void {
  const person = store.first(store.qb.selectFrom('people').select(['name', 'status', 'department_id']).where('id', '=', rating.personId))
  if (!person || person.status === null || !IN_POST.includes(person.status) || (kiosk.departmentId !== null && person.department_id !== kiosk.departmentId)) {
    throw new KaoheError('NOT_FOUND', { what: '人员 person', id: rating.personId })
  }
  const day = localDate(now)
  const tally = kioskTally(kiosk)
  const { burst } = admitRating(tally, { personId: rating.personId, name: person.name }, now, policyInForce(store, Number(day.slice(0, 4))).policy.kiosk)
  store.run(
    store.qb.insertInto('survey_responses').values({
      person_id: rating.personId,
      day,
      level: rating.level,
      channel: rating.channel,
      response_key: null,
      source: 'kiosk',
      source_file: null,
      recorded_at: day,
      burst: burst ? 1 : 0,
    }),
  )
  countRating(tally, rating.personId, now, burst)
}

/**
 * Limits of one kiosk session (现场评价, issue 7 defect 10): a kiosk is an unattended screen, so
 * whoever stands at it could otherwise rate one official without end. Each session takes at
 * most the policy's number of ratings in all and per official; a rating of an official that comes
 * within the policy's burst window of the previous one is stored flagged (`burst`) for HR to
 * weigh. The times themselves live only here, in memory, for the session's life: a stored time
 * would let anyone at the hall tell whose rating it was.
 */
export interface KioskTally {
  ratings: number
  bursts: number
  refused: number
  perOfficial: Map<number, { count: number; lastAt: number }>
}

// Keyed by the session's kiosk record, which each kiosk.start makes anew: a new session starts at zero.
const tallies = new WeakMap<object, KioskTally>()

export function kioskTally(kiosk: object): KioskTally {
  let t = tallies.get(kiosk)
  if (!t) {
    t = { ratings: 0, bursts: 0, refused: 0, perOfficial: new Map() }
    tallies.set(kiosk, t)
  }
  return t
}

/**
 * Checks one more rating of `official` against the session's limits; throws KIOSK_SESSION_LIMIT
 * or KIOSK_OFFICIAL_LIMIT (counted as refused) when it would go over. Returns whether the rating
 * is part of a burst. Call `countRating` once the rating is stored.
 */
export function admitRating(tally: KioskTally, official: { personId: number; name: string }, at: Date, policy: KioskPolicy): { burst: boolean } {
  if (tally.ratings >= policy.maxRatingsPerSession) {
    tally.refused++
    throw new KaoheError('KIOSK_SESSION_LIMIT', { limit: policy.maxRatingsPerSession })
  }
  const seen = tally.perOfficial.get(official.personId)
  if (seen && seen.count >= policy.maxRatingsPerOfficialPerSession) {
    tally.refused++
    throw new KaoheError('KIOSK_OFFICIAL_LIMIT', { name: official.name, limit: policy.maxRatingsPerOfficialPerSession })
  }
  return { burst: seen !== undefined && at.getTime() - seen.lastAt < policy.burstSeconds * 1000 }
}

export function countRating(tally: KioskTally, personId: number, at: Date, burst: boolean): void {
  const seen = tally.perOfficial.get(personId)
  tally.perOfficial.set(personId, { count: (seen?.count ?? 0) + 1, lastAt: at.getTime() })
  tally.ratings++
  if (burst) tally.bursts++
}

/**
 * 服务评价 of a year per official, for HR: responses by level, how many came from the kiosk, and
 * how many of those were flagged as part of a burst.
 */
export function surveySummary(store: Store, year: number): SurveyOfficialSummary[] {
  const rows = store.all(
    store.qb
      .selectFrom('survey_responses as s')
      .innerJoin('people as p', 'p.id', 's.person_id')
      .leftJoin('departments as d', 'd.id', 'p.department_id')
      .select((eb) => ['p.id', 'p.staff_no', 'p.name', 'd.name as department', 's.level', 's.source', 's.burst', eb.fn.countAll<number>().as('n')])
      .where('s.day', '>=', `${year}-01-01`)
      .where('s.day', '<=', `${year}-12-31`)
      .groupBy(['p.id', 's.level', 's.source', 's.burst'])
      .orderBy('p.staff_no'),
  )
  const byPerson = new Map<number, SurveyOfficialSummary>()
  for (const r of rows) {
    let s = byPerson.get(r.id)
    if (!s) {
      const levels = Object.fromEntries(KIOSK_LEVELS.map((l) => [l, 0])) as Record<KioskLevel, number>
      s = { personId: r.id, staffNo: r.staff_no, name: r.name, department: r.department, year, responses: 0, levels, fromKiosk: 0, burstFlagged: 0 }
      byPerson.set(r.id, s)
    }
    s.responses += r.n
    if ((KIOSK_LEVELS as readonly string[]).includes(r.level)) s.levels[r.level as KioskLevel] += r.n
    if (r.source === 'kiosk') s.fromKiosk += r.n
    if (r.burst) s.burstFlagged += r.n
  }
  return [...byPerson.values()]
}
