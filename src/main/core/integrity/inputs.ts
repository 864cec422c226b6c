import { GONE_STATUSES } from '@shared/org'
import type { IntegrityOutcomes } from '@shared/api/integrity'
import type { ReadableDB } from '../../db/store'
import type { IntegrityReview } from '../metrics/review'
import { listReviews, reviewsOf } from './reviews'
import { sanctionTable } from './sanctions'

export interface IntegrityPersonInput {
  review: IntegrityReview            // status none | pending | completed with outcome
  sanctions: string[]                // names decided in `year`
  sanctionsLastYear: string[]        // names decided in `year - 1`
  underInvestigation: boolean        // a case open on the grading day
}

/**
 * What the scoring engine (core/annual) needs of the integrity records, outcome only (no T3 field
 * is read): per person, the year's review, the names of the sanctions decided in the year and the
 * year before (V4; the engine maps names to effects with the policy's table), and whether a case is
 * open now, i.e. on the day grading is computed. Every person with any integrity record, and every
 * person still in the unit, is present; lists are sorted so the result does not depend on storage order.
 */
export function integrityInputs(db: ReadableDB, year: number): Map<number, IntegrityPersonInput> {
  const out = new Map<number, IntegrityPersonInput>()
  const reviews = reviewsOf(db, year)
  const entry = (personId: number): IntegrityPersonInput => {
    let e = out.get(personId)
    if (!e) out.set(personId, (e = { review: reviews.get(personId) ?? { status: 'none' }, sanctions: [], sanctionsLastYear: [], underInvestigation: false }))
    return e
  }
  const ids = new Set<number>([
    ...db.all(db.qb.selectFrom('people').select('id').where('status', 'not in', [...GONE_STATUSES])).map((p) => p.id),
    ...db.all(db.qb.selectFrom('integrity_reviews').select('person_id').where('year', '=', year)).map((r) => r.person_id),
  ])
  for (const id of [...ids].sort((a, b) => a - b)) entry(id)
  const sanctions = db.all(
    db.qb
      .selectFrom('sanctions')
      .select(['person_id', 'name', 'decided_on'])
      .where('decided_on', '>=', `${year - 1}-01-01`)
      .where('decided_on', '<=', `${year}-12-31`)
      .orderBy('decided_on')
      .orderBy('name'),
  )
  for (const s of sanctions) {
    const e = entry(s.person_id)
    if (s.decided_on >= `${year}-01-01`) e.sanctions.push(s.name)
    else e.sanctionsLastYear.push(s.name)
  }
  for (const c of db.all(db.qb.selectFrom('investigations').select('person_id').where('closed_on', 'is', null).orderBy('person_id'))) {
    entry(c.person_id).underInvestigation = true
  }
  return out
}

/** The outcomes HR and the leadership group may see (T2): no details, no document numbers, no leads. */
export function integrityOutcomes(db: ReadableDB, year: number): IntegrityOutcomes {
  const names = new Map(db.all(db.qb.selectFrom('people').select(['id', 'name'])).map((p) => [p.id, p.name]))
  const table = sanctionTable(db, year)
  return {
    year,
    reviews: listReviews(db, year, null),
    sanctions: db
      .all(
        db.qb
          .selectFrom('sanctions')
          .select(['person_id', 'name', 'decided_on'])
          .where('decided_on', '>=', `${year}-01-01`)
          .where('decided_on', '<=', `${year}-12-31`)
          .orderBy('decided_on')
          .orderBy('id'),
      )
      .map((s) => ({ personId: s.person_id, name: names.get(s.person_id) ?? '', sanction: s.name, decidedOn: s.decided_on, effect: table[s.name] ?? null })),
    underInvestigation: db
      .all(db.qb.selectFrom('investigations').select('person_id').where('closed_on', 'is', null).orderBy('person_id'))
      .map((c) => ({ personId: c.person_id, name: names.get(c.person_id) ?? '' })),
  }
}
