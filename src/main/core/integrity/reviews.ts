import { KaoheError } from '@shared/errors'
import { GONE_STATUSES } from '@shared/org'
import type { ReviewFinding, ReviewRow } from '@shared/api/integrity'
import type { ReadableDB, Store } from '../../db/store'
import type { IntegrityReview } from '../metrics/review'
import { openField, sealField, type T3Reader } from './t3'

/**
 * 专项考察 (special integrity review, RULES.md §6): per person and year, status (pending /
 * completed) and outcome (no finding / number of minor findings / serious finding), recorded by the
 * discipline office; the details are T3, sealed. Others see the outcome only. Risk-post people come
 * first: their completed review gates grading.
 */
const field = (year: number, personId: number) => `review:${year}:${personId}:details`

export function reviewOf(db: ReadableDB, year: number, personId: number): IntegrityReview {
  const r = db.first(db.qb.selectFrom('integrity_reviews').select(['status', 'finding', 'minor_count']).where('year', '=', year).where('person_id', '=', personId))
  return toReview(r)
}

/** Every review of the year by person, in one query (the annual computation reads the whole unit). */
export function reviewsOf(db: ReadableDB, year: number): Map<number, IntegrityReview> {
  return new Map(db.all(db.qb.selectFrom('integrity_reviews').select(['person_id', 'status', 'finding', 'minor_count']).where('year', '=', year)).map((r) => [r.person_id, toReview(r)]))
}

function toReview(r: { status: 'pending' | 'completed'; finding: ReviewFinding | null; minor_count: number } | undefined): IntegrityReview {
  if (!r) return { status: 'none' }
  if (r.status === 'pending' || r.finding === null) return { status: 'pending' }
  if (r.finding === 'minor') return { status: 'completed', outcome: { finding: 'minor', count: r.minor_count } }
  return { status: 'completed', outcome: { finding: r.finding } }
}

/** Everyone still in the unit, risk posts first, with their review; details only for a T3 reader. */
export function listReviews(db: ReadableDB, year: number, reader: T3Reader | null): ReviewRow[] {
  const people = db.all(
    db.qb
      .selectFrom('people as p')
      .leftJoin('departments as d', 'd.id', 'p.department_id')
      .leftJoin('integrity_reviews as r', (j) => j.onRef('r.person_id', '=', 'p.id').on('r.year', '=', year))
      .select(['p.id', 'p.staff_no', 'p.name', 'd.name as department', 'p.risk_post', 'r.status', 'r.finding', 'r.minor_count', 'r.details_t3', 'r.recorded_at'])
      .where((eb) => eb.or([eb('p.status', 'not in', [...GONE_STATUSES]), eb('r.id', 'is not', null)]))
      .orderBy('p.risk_post', 'desc')
      .orderBy('p.staff_no'),
  )
  return people.map((p) => {
    const row: ReviewRow = {
      personId: p.id,
      staffNo: p.staff_no,
      name: p.name,
      department: p.department,
      riskPost: p.risk_post === 1,
      status: p.status ?? 'none',
      finding: p.finding ?? null,
      minorCount: p.minor_count ?? 0,
      recordedAt: p.recorded_at ?? null,
    }
    if (reader) row.details = openField(reader, p.details_t3 ?? null, field(year, p.id))
    return row
  })
}

export function recordReview(
  store: Store,
  key: Buffer,
  input: { year: number; personId: number; status: 'pending' | 'completed'; finding?: ReviewFinding; minorCount?: number; details?: string },
  reader: T3Reader,
  actorId: number,
  now: Date,
): ReviewRow {
  const bad = (zh: string, en: string) => new KaoheError('INTEGRITY_REVIEW_INVALID', { reason: zh, reasonEn: en })
  const { status, finding } = input
  const minor = input.minorCount ?? 0
  if (status === 'pending' && finding !== undefined) throw bad('进行中的考察不能有结论', 'a pending review has no finding yet')
  if (status === 'completed' && finding === undefined) throw bad('已完成的考察须写明结论（无问题、一般问题或严重问题）', 'a completed review needs its finding (none, minor or serious)')
  if (finding === 'minor' && minor < 1) throw bad('一般问题须写明问题数（至少 1 项）', 'minor findings need their count (at least 1)')
  if (finding !== 'minor' && minor !== 0) throw bad('只有“一般问题”才有问题数', 'only minor findings have a count')
  const person = store.first(store.qb.selectFrom('people').select('id').where('id', '=', input.personId))
  if (!person) throw new KaoheError('NOT_FOUND', { what: '人员 person', id: input.personId })
  const existing = store.first(store.qb.selectFrom('integrity_reviews').select(['id', 'details_t3']).where('year', '=', input.year).where('person_id', '=', input.personId))
  const f = field(input.year, input.personId)
  // Details left out keep what was recorded; an empty text clears them.
  const details = input.details === undefined ? (existing?.details_t3 ?? null) : input.details === '' ? null : sealField(key, input.details, f)
  const values = {
    status,
    finding: finding ?? null,
    minor_count: minor,
    details_t3: details,
    recorded_by: actorId,
    recorded_at: now.toISOString(),
  }
  if (existing) store.run(store.qb.updateTable('integrity_reviews').set(values).where('id', '=', existing.id))
  else store.run(store.qb.insertInto('integrity_reviews').values({ year: input.year, person_id: input.personId, ...values }))
  return listReviews(store, input.year, reader).find((r) => r.personId === input.personId)!
}
