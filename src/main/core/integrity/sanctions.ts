import { KaoheError } from '@shared/errors'
import type { SanctionEffect } from '@shared/annual'
import type { InvestigationRow, SanctionRow, SanctionsView } from '@shared/api/integrity'
import type { ReadableDB, Store } from '../../db/store'
import { policyInForce } from '../policy/inForce'
import { openField, sealField, type T3Reader } from './t3'

/**
 * Sanctions and organisational measures (处分与组织处理, RULES.md §6 V4), kept by the discipline office
 * as an effective-dated table: the name (one of the policy's `annual.sanctionEffects`, which says what
 * it does to the grade), the decision day, effective from/to, the document number; details T3. And
 * cases under investigation (立案审查): while one is open the grade waits (补定 later).
 */
const sanctionField = (id: number) => `sanction:${id}:details`
const caseField = (id: number) => `investigation:${id}:details`

export function sanctionTable(db: ReadableDB, year: number): Record<string, SanctionEffect> {
  return policyInForce(db, year).policy.annual.sanctionEffects
}

/** `tableYear`: whose policy table the form offers (the year asked for, or the current one). */
export function listSanctions(db: ReadableDB, year: number | undefined, reader: T3Reader | null, tableYear = year ?? 0): SanctionsView {
  const table = sanctionTable(db, tableYear)
  let q = db.qb
    .selectFrom('sanctions as s')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .select(['s.id', 's.person_id', 'p.staff_no', 'p.name', 's.name as sanction', 's.decided_on', 's.effective_from', 's.effective_to', 's.document_no', 's.details_t3'])
    .orderBy('s.decided_on')
    .orderBy('s.id')
  if (year !== undefined) q = q.where('s.decided_on', '>=', `${year}-01-01`).where('s.decided_on', '<=', `${year}-12-31`)
  const sanctions = db.all(q).map((s) => {
    const effects = sanctionTable(db, Number(s.decided_on.slice(0, 4)))
    const row: SanctionRow = {
      id: s.id,
      personId: s.person_id,
      staffNo: s.staff_no,
      name: s.name,
      sanction: s.sanction,
      effect: effects[s.sanction] ?? null,
      decidedOn: s.decided_on,
      effectiveFrom: s.effective_from,
      effectiveTo: s.effective_to,
      documentNo: s.document_no,
    }
    if (reader) row.details = openField(reader, s.details_t3, sanctionField(s.id))
    return row
  })
  const investigations = db
    .all(
      db.qb
        .selectFrom('investigations as i')
        .innerJoin('people as p', 'p.id', 'i.person_id')
        .select(['i.id', 'i.person_id', 'p.staff_no', 'p.name', 'i.opened_on', 'i.closed_on', 'i.details_t3'])
        .orderBy('i.opened_on')
        .orderBy('i.id'),
    )
    .map((i) => {
      const row: InvestigationRow = { id: i.id, personId: i.person_id, staffNo: i.staff_no, name: i.name, openedOn: i.opened_on, closedOn: i.closed_on }
      if (reader) row.details = openField(reader, i.details_t3, caseField(i.id))
      return row
    })
  return { sanctions, investigations, table }
}

function personExists(store: Store, id: number): void {
  if (!store.first(store.qb.selectFrom('people').select('id').where('id', '=', id))) throw new KaoheError('NOT_FOUND', { what: '人员 person', id })
}

export function addSanction(
  store: Store,
  key: Buffer,
  input: { personId: number; sanction: string; decidedOn: string; effectiveFrom?: string; effectiveTo?: string; documentNo?: string; details?: string },
  reader: T3Reader,
  actorId: number,
  now: Date,
): SanctionRow {
  personExists(store, input.personId)
  const table = sanctionTable(store, Number(input.decidedOn.slice(0, 4)))
  if (!Object.hasOwn(table, input.sanction)) throw new KaoheError('INTEGRITY_SANCTION_UNKNOWN', { name: input.sanction, known: Object.keys(table).join('、') })
  const from = input.effectiveFrom ?? input.decidedOn
  if (input.effectiveTo !== undefined && input.effectiveTo < from) {
    throw new KaoheError('INVALID_INPUT', { details: `effectiveTo: 失效日期不能早于生效日期 / must not be before effectiveFrom (${from})` })
  }
  const id = store.run(
    store.qb.insertInto('sanctions').values({
      person_id: input.personId,
      name: input.sanction,
      decided_on: input.decidedOn,
      effective_from: from,
      effective_to: input.effectiveTo ?? null,
      document_no: input.documentNo ?? '',
      details_t3: null,
      recorded_by: actorId,
      recorded_at: now.toISOString(),
    }),
  ).lastInsertRowid
  if (input.details) store.run(store.qb.updateTable('sanctions').set({ details_t3: sealField(key, input.details, sanctionField(id)) }).where('id', '=', id))
  return listSanctions(store, undefined, reader).sanctions.find((s) => s.id === id)!
}

export function endSanction(store: Store, input: { id: number; effectiveTo: string }, reader: T3Reader): SanctionRow {
  const row = store.first(store.qb.selectFrom('sanctions').select(['id', 'effective_from']).where('id', '=', input.id))
  if (!row) throw new KaoheError('NOT_FOUND', { what: '处分 sanction', id: input.id })
  if (input.effectiveTo < row.effective_from) {
    throw new KaoheError('INVALID_INPUT', { details: `effectiveTo: 失效日期不能早于生效日期 / must not be before effectiveFrom (${row.effective_from})` })
  }
  store.run(store.qb.updateTable('sanctions').set({ effective_to: input.effectiveTo }).where('id', '=', input.id))
  return listSanctions(store, undefined, reader).sanctions.find((s) => s.id === input.id)!
}

export function openInvestigation(
  store: Store,
  key: Buffer,
  input: { personId: number; openedOn: string; details?: string },
  reader: T3Reader,
  actorId: number,
  now: Date,
): InvestigationRow {
  personExists(store, input.personId)
  const id = store.run(
    store.qb
      .insertInto('investigations')
      .values({ person_id: input.personId, opened_on: input.openedOn, closed_on: null, details_t3: null, recorded_by: actorId, recorded_at: now.toISOString() }),
  ).lastInsertRowid
  if (input.details) store.run(store.qb.updateTable('investigations').set({ details_t3: sealField(key, input.details, caseField(id)) }).where('id', '=', id))
  return listSanctions(store, undefined, reader).investigations.find((i) => i.id === id)!
}

export function closeInvestigation(store: Store, input: { id: number; closedOn: string }, reader: T3Reader): InvestigationRow {
  const row = store.first(store.qb.selectFrom('investigations').select(['id', 'opened_on']).where('id', '=', input.id))
  if (!row) throw new KaoheError('NOT_FOUND', { what: '立案审查 investigation', id: input.id })
  if (input.closedOn < row.opened_on) throw new KaoheError('INVALID_INPUT', { details: `closedOn: 结案日期不能早于立案日期 / must not be before openedOn (${row.opened_on})` })
  store.run(store.qb.updateTable('investigations').set({ closed_on: input.closedOn }).where('id', '=', input.id))
  return listSanctions(store, undefined, reader).investigations.find((i) => i.id === input.id)!
}
