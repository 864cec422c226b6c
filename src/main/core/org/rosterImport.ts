import type { FileContent, RosterImportResult, RosterPreview } from '@shared/api/types'
import type { IsoDate } from '@shared/org'
import type { Store } from '../../db/store'
import { departmentByName } from './departments'
import { checkReportingLines, changedFields, personFields, personalFields, savePerson, savePersonal, staffIdMap, type PersonFields, type PersonalFields } from './people'
import { fileBytes } from '../imports/files'
import { parseRoster, type RosterParse, type RosterRow } from './roster'
import { importRefused } from '../imports/issues'
import { importLimitsInForce } from '../imports/limits'

/**
 * Roster import (花名册导入): read the file, preview what it would change, and import it in one
 * transaction. People are matched by staff number, so a re-import updates and never duplicates,
 * and only the columns the file has are updated.
 */
export async function readRoster(
  store: Store,
  file: FileContent,
  now: Date,
  onProgress?: (done: number, total: number) => void,
): Promise<RosterParse> {
  const existing = new Map<string, string | null>()
  for (const p of store.all(
    store.qb.selectFrom('people as p').leftJoin('people as s', 's.id', 'p.supervisor_id').select(['p.staff_no', 's.staff_no as sup']),
  )) {
    existing.set(p.staff_no, p.sup)
  }
  return parseRoster(fileBytes(file), file.fileName, { existing, onProgress, limits: importLimitsInForce(store, now) })
}

/** The personal columns (登记表, issue 10 1b) the file has, with the row's values: only these are set. */
function personalOf(parse: RosterParse, row: RosterRow): Partial<PersonalFields> {
  const has = new Set(parse.columns)
  const out: Partial<PersonalFields> = {}
  if (has.has('gender')) out.gender = row.gender
  if (has.has('birthMonth')) out.birthMonth = row.birthMonth
  if (has.has('politicalStatus')) out.politicalStatus = row.politicalStatus
  if (has.has('postSince')) out.postSince = row.postSince
  return out
}

function personalChanges(store: Store, id: number, wanted: Partial<PersonalFields>): string[] {
  const before = personalFields(store, id)
  return (Object.keys(wanted) as (keyof PersonalFields)[]).filter((k) => wanted[k] !== before[k])
}

interface Planned {
  row: RosterRow
  existingId: number | null
  fields: (ids: Map<string, number>) => PersonFields
}

function plan(store: Store, parse: RosterParse): Planned[] {
  const has = new Set(parse.columns)
  const staffIds = staffIdMap(store)
  return parse.rows.map((row) => {
    const existingId = staffIds.get(row.staffNo) ?? null
    const before = existingId !== null ? personFields(store, existingId) : null
    const pick = <K extends keyof PersonFields>(field: K, fromFile: PersonFields[K], fallback: PersonFields[K]): PersonFields[K] =>
      has.has(field as never) || !before ? fromFile : fallback
    return {
      row,
      existingId,
      fields: (ids) => ({
        staffNo: row.staffNo,
        name: row.name,
        departmentId: before && !has.has('department') ? before.departmentId : departmentByName(store, row.department, false),
        post: pick('post', row.post ?? '', before?.post ?? ''),
        category: row.category,
        rank: pick('rank', row.rank ?? '', before?.rank ?? ''),
        supervisorId: has.has('supervisorStaffNo') || !before
          ? row.supervisorStaffNo ? (ids.get(row.supervisorStaffNo) ?? null) : null
          : before.supervisorId,
        riskPost: pick('riskPost', row.riskPost, before?.riskPost ?? false),
        status: pick('status', row.status, before?.status ?? 'active'),
        joinedOn: pick('joinedOn', row.joinedOn, before?.joinedOn ?? null),
        leftOn: pick('leftOn', row.leftOn, before?.leftOn ?? null),
      }),
    }
  })
}

/** What an import of this file would do; writes nothing. */
export function previewRoster(store: Store, fileName: string, parse: RosterParse): RosterPreview {
  const ids = staffIdMap(store)
  const knownDepartments = new Set(store.all(store.qb.selectFrom('departments').select('name')).map((d) => d.name))
  const newDepartments = [...new Set(parse.rows.map((r) => r.department).filter((d) => !knownDepartments.has(d)))]
  const changes: RosterPreview['changes'] = []
  for (const p of plan(store, parse)) {
    if (p.existingId === null) {
      changes.push({ row: p.row.row, staffNo: p.row.staffNo, name: p.row.name, action: 'create', fields: [] })
      continue
    }
    const after = p.fields(ids)
    const before = personFields(store, p.existingId)
    // A department the import would create is a change even though its id does not exist yet.
    const fields: (keyof PersonFields)[] = changedFields(before, after).filter((f) => f !== 'departmentId')
    if (newDepartments.includes(p.row.department) || before.departmentId !== after.departmentId) fields.push('departmentId')
    // A supervisor created by this same import has no id yet: that is a change too.
    if (p.row.supervisorStaffNo && !ids.has(p.row.supervisorStaffNo) && !fields.includes('supervisorId')) fields.push('supervisorId')
    const all: string[] = [...fields, ...personalChanges(store, p.existingId, personalOf(parse, p.row))]
    changes.push({ row: p.row.row, staffNo: p.row.staffNo, name: p.row.name, action: all.length ? 'update' : 'unchanged', fields: all })
  }
  return {
    fileName,
    rows: parse.totalRows,
    created: changes.filter((c) => c.action === 'create').length,
    updated: changes.filter((c) => c.action === 'update').length,
    unchanged: changes.filter((c) => c.action === 'unchanged').length,
    errors: parse.errors,
    warnings: parse.warnings,
    newDepartments,
    changes,
  }
}

/**
 * Imports a roster that has no errors, in the caller's transaction: departments first, then every
 * person (created without a supervisor, since a supervisor may come later in the file), then the
 * reporting lines, checked once over everyone touched.
 */
export function importRoster(
  store: Store,
  fileName: string,
  parse: RosterParse,
  change: { actorId: number | null; now: Date; today: IsoDate },
): RosterImportResult {
  if (!parse.importable) throw importRefused('ROSTER_INVALID', parse.errors)
  const preview = previewRoster(store, fileName, parse)
  for (const d of preview.newDepartments) departmentByName(store, d, true)
  const planned = plan(store, parse)
  const reason = `花名册导入 roster import: ${fileName}`
  const touched: number[] = []
  for (const p of planned) {
    if (p.existingId !== null) continue
    const fields = { ...p.fields(new Map()), supervisorId: null }
    const { id } = savePerson(store, null, fields, { effectiveOn: p.row.joinedOn ?? change.today, reason, actorId: change.actorId, now: change.now })
    touched.push(id)
  }
  const ids = staffIdMap(store)
  for (const p of planned) {
    const id = ids.get(p.row.staffNo)!
    const isNew = p.existingId === null
    savePerson(store, id, p.fields(ids), {
      effectiveOn: isNew ? (p.row.joinedOn ?? change.today) : change.today,
      reason,
      actorId: change.actorId,
      now: change.now,
    })
    if (!isNew) touched.push(id)
    savePersonal(store, id, personalOf(parse, p.row))
  }
  checkReportingLines(store, touched)
  return { created: preview.created, updated: preview.updated, unchanged: preview.unchanged, newDepartments: preview.newDepartments }
}
