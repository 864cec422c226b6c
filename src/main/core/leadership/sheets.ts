import { KaoheError } from '@shared/errors'
import { DIMENSIONS, type AnnualGuideline, type Dimension, type PostCategory, type RatedIndicator } from '@shared/guideline/model'
import { GONE_STATUSES } from '@shared/org'
import type {
  CloseRelativeView,
  LeadershipProgress,
  MySheets,
  RecusalReason,
  SheetListRow,
  SheetStatus,
  SheetView,
} from '@shared/api/leadership'
import type { ReadableDB, Store } from '../../db/store'
import { versionInForce } from '../guideline/versions'
import { sheetEvidence } from './evidence'

/**
 * The leadership group's evaluation sheets (考核评分表, RULES.md §6 `leadership`): every member of the
 * group (head and members) rates every participant on the `rated` indicators of the person's post
 * category, 0–100, except themself and their declared close relatives — those are recusals, recorded
 * (`recusals`). A member saves drafts, then submits: a submitted sheet is locked. The channel uses the
 * submitted, non-recused sheets only (inputs.ts).
 */

export interface Member {
  personId: number
  name: string
  staffNo: string
}

export interface Participant {
  id: number
  staffNo: string
  name: string
  department: string | null
  category: PostCategory
  post: string
  riskPost: boolean
}

export type RatedWithDimension = RatedIndicator & { dimension: Dimension }

/** The guideline the year is scored with: the version in force at the year's end, else the latest published. */
export function yearGuideline(db: ReadableDB, year: number): AnnualGuideline {
  const v = versionInForce(db, year, `${year}-12-31`) ?? versionInForce(db, year, '9999-12-31')
  if (!v) throw new KaoheError('LEADERSHIP_NO_GUIDELINE', { year })
  return v.guideline
}

/** The rated indicators of a post category, in sheet order (dimension, then indicator). */
export function ratedIndicators(guideline: AnnualGuideline, category: PostCategory): RatedWithDimension[] {
  const scheme = guideline.categories[category]
  return DIMENSIONS.flatMap((d) =>
    scheme.dimensions[d].indicators.filter((i): i is RatedIndicator => i.source === 'rated').map((i) => ({ ...i, dimension: d })),
  )
}

/** The leadership group as it stands (head and members), people, by staff number. */
export function members(db: ReadableDB): Member[] {
  const rows = db.all(
    db.qb
      .selectFrom('org_groups as g')
      .innerJoin('people as p', 'p.id', 'g.person_id')
      .select(['p.id', 'p.name', 'p.staff_no'])
      .where('g.valid_to', 'is', null)
      .where('g.role', 'in', ['head', 'member'])
      .orderBy('p.staff_no'),
  )
  const seen = new Set<number>()
  return rows.filter((r) => !seen.has(r.id) && seen.add(r.id)).map((r) => ({ personId: r.id, name: r.name, staffNo: r.staff_no }))
}

/** Everyone still in the unit: the people the sheets cover. */
export function participants(db: ReadableDB): Participant[] {
  return db
    .all(
      db.qb
        .selectFrom('people as p')
        .leftJoin('departments as d', 'd.id', 'p.department_id')
        .select(['p.id', 'p.staff_no', 'p.name', 'd.name as department', 'p.category', 'p.post', 'p.risk_post'])
        .where('p.status', 'not in', [...GONE_STATUSES])
        .orderBy('d.sort_order')
        .orderBy('p.staff_no'),
    )
    .map((r) => ({ id: r.id, staffNo: r.staff_no, name: r.name, department: r.department, category: r.category, post: r.post, riskPost: r.risk_post === 1 }))
}

const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`)

export function relativePairs(db: ReadableDB): Set<string> {
  return new Set(db.all(db.qb.selectFrom('close_relatives').select(['person_a', 'person_b'])).map((r) => pairKey(r.person_a, r.person_b)))
}

/** Why `raterId` does not rate `personId`, or null. Recorded recusals count as well as the live rule. */
export function recusalOf(raterId: number, personId: number, relatives: Set<string>, recorded?: Map<string, RecusalReason>): RecusalReason | null {
  if (raterId === personId) return 'self'
  if (relatives.has(pairKey(raterId, personId))) return 'relative'
  return recorded?.get(`${raterId}>${personId}`) ?? null
}

function recordedRecusals(db: ReadableDB, year: number): Map<string, RecusalReason> {
  return new Map(
    db.all(db.qb.selectFrom('recusals').select(['rater_id', 'person_id', 'reason']).where('year', '=', year)).map((r) => [`${r.rater_id}>${r.person_id}`, r.reason] as const),
  )
}

/** The member the signed-in account is, or LEADERSHIP_NOT_MEMBER. */
export function raterOf(db: ReadableDB, personId: number | null): Member {
  const m = personId === null ? undefined : members(db).find((x) => x.personId === personId)
  if (!m) throw new KaoheError('LEADERSHIP_NOT_MEMBER')
  return m
}

interface SheetRowState {
  id: number
  status: 'draft' | 'submitted'
  submitted_at: string | null
}

function sheetRow(db: ReadableDB, year: number, raterId: number, personId: number): SheetRowState | undefined {
  return db.first(
    db.qb
      .selectFrom('leadership_sheets')
      .select(['id', 'status', 'submitted_at'])
      .where('year', '=', year)
      .where('rater_id', '=', raterId)
      .where('person_id', '=', personId),
  )
}

export function mySheets(db: ReadableDB, rater: Member, year: number): MySheets {
  const relatives = relativePairs(db)
  const recorded = recordedRecusals(db, year)
  const statuses = new Map(
    db
      .all(db.qb.selectFrom('leadership_sheets').select(['person_id', 'status']).where('year', '=', year).where('rater_id', '=', rater.personId))
      .map((r) => [r.person_id, r.status] as const),
  )
  const people: SheetListRow[] = participants(db).map((p) => ({
    personId: p.id,
    staffNo: p.staffNo,
    name: p.name,
    department: p.department,
    riskPost: p.riskPost,
    status: (statuses.get(p.id) ?? 'none') as SheetStatus,
    recused: recusalOf(rater.personId, p.id, relatives, recorded),
  }))
  const due = people.filter((p) => !p.recused)
  return {
    year,
    raterId: rater.personId,
    raterName: rater.name,
    people,
    submitted: due.filter((p) => p.status === 'submitted').length,
    total: due.length,
  }
}

function participant(db: ReadableDB, personId: number): Participant {
  const p = participants(db).find((x) => x.id === personId)
  if (!p) {
    const row = db.first(db.qb.selectFrom('people').select('name').where('id', '=', personId))
    if (!row) throw new KaoheError('NOT_FOUND', { what: '人员 person', id: personId })
    throw new KaoheError('LEADERSHIP_NOT_PARTICIPANT', { name: row.name })
  }
  return p
}

const REASON_TEXT: Record<RecusalReason, { zh: string; en: string }> = {
  self: { zh: '本人', en: 'oneself' },
  relative: { zh: '近亲属', en: 'a close relative' },
}

export function sheetView(db: Store, rater: Member, year: number, personId: number): SheetView {
  const p = participant(db, personId)
  const guideline = yearGuideline(db, year)
  const recused = recusalOf(rater.personId, p.id, relativePairs(db), recordedRecusals(db, year))
  const row = sheetRow(db, year, rater.personId, p.id)
  const scores = new Map(
    row ? db.all(db.qb.selectFrom('leadership_scores').select(['indicator_id', 'score_hundredths']).where('sheet_id', '=', row.id)).map((s) => [s.indicator_id, s.score_hundredths / 100] as const) : [],
  )
  return {
    year,
    person: { id: p.id, staffNo: p.staffNo, name: p.name, department: p.department, category: p.category, post: p.post, riskPost: p.riskPost },
    status: row?.status ?? 'none',
    recused,
    submittedAt: row?.submitted_at ?? null,
    indicators: recused
      ? []
      : ratedIndicators(guideline, p.category).map((i) => ({
          id: i.id,
          name: i.name,
          dimension: i.dimension,
          weight: i.weight,
          evidenceHint: i.evidence,
          score: scores.get(i.id) ?? null,
        })),
    evidence: recused ? { metrics: [], quarterly: [], ledger: [], tasks: [], summaries: [] } : sheetEvidence(db, guideline, p, year),
  }
}

/** Records every recusal of these members for the year that is not recorded yet. */
export function recordRecusals(store: Store, year: number, raters: readonly Member[], actorId: number | null, now: Date): number {
  const relatives = relativePairs(store)
  const recorded = recordedRecusals(store, year)
  let added = 0
  for (const r of raters) {
    for (const p of participants(store)) {
      const reason = recusalOf(r.personId, p.id, relatives)
      if (!reason || recorded.has(`${r.personId}>${p.id}`)) continue
      store.run(
        store.qb
          .insertInto('recusals')
          .values({ year, rater_id: r.personId, person_id: p.id, reason, recorded_by: actorId, recorded_at: now.toISOString() }),
      )
      // A draft for someone now recused goes; a submitted one stays on record but never counts.
      store.run(
        store.qb.deleteFrom('leadership_sheets').where('year', '=', year).where('rater_id', '=', r.personId).where('person_id', '=', p.id).where('status', '=', 'draft'),
      )
      added++
    }
  }
  return added
}

/** Checks and converts a sheet's scores to hundredths against the person's rated indicators. */
export function checkScores(indicators: readonly RatedWithDimension[], name: string, scores: Record<string, number>): Map<string, number> {
  const known = new Map(indicators.map((i) => [i.id, i]))
  const out = new Map<string, number>()
  for (const [id, value] of Object.entries(scores)) {
    if (!known.has(id)) {
      throw new KaoheError('LEADERSHIP_UNKNOWN_INDICATOR', { indicator: id, name, known: indicators.map((i) => `${i.id}（${i.name}）`).join('、') })
    }
    out.set(id, Math.round(value * 100))
  }
  return out
}

export function saveSheet(
  store: Store,
  rater: Member,
  input: { year: number; personId: number; scores: Record<string, number>; submit?: boolean },
  actorId: number,
  now: Date,
): SheetView {
  const { year } = input
  const p = participant(store, input.personId)
  recordRecusals(store, year, [rater], actorId, now)
  const recused = recusalOf(rater.personId, p.id, relativePairs(store), recordedRecusals(store, year))
  if (recused) {
    throw new KaoheError('LEADERSHIP_RECUSED', { rater: rater.name, name: p.name, reason: REASON_TEXT[recused].zh, reasonEn: REASON_TEXT[recused].en })
  }
  const indicators = ratedIndicators(yearGuideline(store, year), p.category)
  const scores = checkScores(indicators, p.name, input.scores)
  const existing = sheetRow(store, year, rater.personId, p.id)
  if (existing?.status === 'submitted') throw new KaoheError('LEADERSHIP_SUBMITTED', { rater: rater.name, name: p.name })
  const at = now.toISOString()
  let sheetId: number
  if (existing) {
    sheetId = existing.id
    store.run(store.qb.updateTable('leadership_sheets').set({ saved_at: at, saved_by: actorId, source: 'sheet' }).where('id', '=', sheetId))
  } else {
    sheetId = store.run(
      store.qb
        .insertInto('leadership_sheets')
        .values({ year, rater_id: rater.personId, person_id: p.id, status: 'draft', source: 'sheet', saved_at: at, saved_by: actorId, submitted_at: null }),
    ).lastInsertRowid
  }
  for (const [indicatorId, hundredths] of scores) {
    store.run(
      store.qb
        .insertInto('leadership_scores')
        .values({ sheet_id: sheetId, indicator_id: indicatorId, score_hundredths: hundredths })
        .onConflict((oc) => oc.columns(['sheet_id', 'indicator_id']).doUpdateSet({ score_hundredths: hundredths })),
    )
  }
  if (input.submit) {
    const have = new Set(store.all(store.qb.selectFrom('leadership_scores').select('indicator_id').where('sheet_id', '=', sheetId)).map((s) => s.indicator_id))
    const missing = indicators.filter((i) => !have.has(i.id))
    if (missing.length) throw new KaoheError('LEADERSHIP_INCOMPLETE', { name: p.name, missing: missing.map((i) => i.name).join('、') })
    store.run(store.qb.updateTable('leadership_sheets').set({ status: 'submitted', submitted_at: at }).where('id', '=', sheetId))
  }
  return sheetView(store, rater, year, p.id)
}

export function progress(db: ReadableDB, year: number): LeadershipProgress {
  const people = new Map(participants(db).map((p) => [p.id, p]))
  const names = new Map(db.all(db.qb.selectFrom('people').select(['id', 'name'])).map((p) => [p.id, p.name]))
  return {
    year,
    members: members(db).map((m) => {
      const s = mySheets(db, m, year)
      return { raterId: m.personId, name: m.name, submitted: s.submitted, total: s.total }
    }),
    recusals: db
      .all(db.qb.selectFrom('recusals').select(['rater_id', 'person_id', 'reason']).where('year', '=', year).orderBy('rater_id').orderBy('person_id'))
      .filter((r) => people.has(r.person_id))
      .map((r) => ({ raterId: r.rater_id, raterName: names.get(r.rater_id) ?? '', personId: r.person_id, personName: names.get(r.person_id) ?? '', reason: r.reason })),
  }
}

/** HR opens the year's sheets: every member's recusals are recorded now, so the dashboard shows them. */
export function openSheets(store: Store, year: number, actorId: number, now: Date): LeadershipProgress {
  yearGuideline(store, year)
  recordRecusals(store, year, members(store), actorId, now)
  return progress(store, year)
}

export function listRelatives(db: ReadableDB): CloseRelativeView[] {
  const people = new Map(db.all(db.qb.selectFrom('people').select(['id', 'name', 'staff_no'])).map((p) => [p.id, { id: p.id, name: p.name, staffNo: p.staff_no }]))
  return db
    .all(db.qb.selectFrom('close_relatives').select(['id', 'person_a', 'person_b', 'relation']).orderBy('id'))
    .map((r) => ({ id: r.id, personA: people.get(r.person_a)!, personB: people.get(r.person_b)!, relation: r.relation }))
}

export function declareRelative(store: Store, input: { personA: number; personB: number; relation: string }, actorId: number, now: Date): CloseRelativeView[] {
  if (input.personA === input.personB) throw new KaoheError('LEADERSHIP_RELATIVE_INVALID')
  for (const id of [input.personA, input.personB]) {
    if (!store.first(store.qb.selectFrom('people').select('id').where('id', '=', id))) throw new KaoheError('NOT_FOUND', { what: '人员 person', id })
  }
  const [a, b] = input.personA < input.personB ? [input.personA, input.personB] : [input.personB, input.personA]
  store.run(
    store.qb
      .insertInto('close_relatives')
      .values({ person_a: a, person_b: b, relation: input.relation, recorded_by: actorId, recorded_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['person_a', 'person_b']).doUpdateSet({ relation: input.relation })),
  )
  return listRelatives(store)
}

export function removeRelative(store: Store, id: number): CloseRelativeView[] {
  const row = store.first(store.qb.selectFrom('close_relatives').select(['person_a', 'person_b']).where('id', '=', id))
  if (!row) throw new KaoheError('NOT_FOUND', { what: '近亲属登记 close-relative declaration', id })
  store.run(store.qb.deleteFrom('close_relatives').where('id', '=', id))
  // The recusals that declaration caused go with it (a declaration made in error); self-recusals stay.
  store.run(
    store.qb
      .deleteFrom('recusals')
      .where('reason', '=', 'relative')
      .where((eb) =>
        eb.or([
          eb.and([eb('rater_id', '=', row.person_a), eb('person_id', '=', row.person_b)]),
          eb.and([eb('rater_id', '=', row.person_b), eb('person_id', '=', row.person_a)]),
        ]),
      ),
  )
  return listRelatives(store)
}
