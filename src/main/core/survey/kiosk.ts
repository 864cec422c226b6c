import { KaoheError } from '@shared/errors'
import type { KioskLevel, SurveyOfficialSummary } from '@shared/kiosk'
import { KIOSK_LEVELS } from '@shared/kiosk'
import type { Store } from '../../db/store'
import type { KioskPolicy } from '../policy/defaults'

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
