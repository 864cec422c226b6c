import { KaoheError } from '@shared/errors'
import { importRefused } from '../imports/issues'
import { fileBytes } from '../imports/files'
import { importLimitsInForce } from '../imports/limits'
import { staffIdMap } from '../org/people'
import type { FileContent, ImportPreview, ImportResult } from '@shared/api/types'
import type { Store } from '../../db/store'
import { parseAttendance, type AttendanceParse, type AttendanceRow } from './parse'

/**
 * 考勤导入 against the database: read (staff numbers checked against the unit's people), preview
 * (what is new against what is stored) and import in the caller's one transaction. Idempotent: a
 * record is (person, day, status), so the same export twice, or two overlapping exports, add
 * nothing the second time; a stored record whose hours the file gives differently is updated.
 */
export async function readAttendance(
  store: Store,
  file: FileContent,
  now: Date,
  onProgress?: (done: number, total: number) => void,
): Promise<AttendanceParse> {
  // Everyone the unit has had, gone or not: last year's attendance of someone since retired is real.
  const knownStaffNos = new Set(staffIdMap(store).keys())
  return parseAttendance(fileBytes(file), file.fileName, { knownStaffNos, onProgress, limits: importLimitsInForce(store, now) })
}

type Action = 'add' | 'update' | 'unchanged'

interface Planned {
  row: AttendanceRow
  personId: number
  action: Action
}

function plan(store: Store, parse: AttendanceParse): Planned[] {
  if (!parse.rows.length) return []
  const ids = staffIdMap(store)
  const keepHours = !parse.columns.includes('hours')
  let from = parse.rows[0]!.date
  let to = from
  for (const r of parse.rows) {
    if (r.date < from) from = r.date
    if (r.date > to) to = r.date
  }
  const stored = new Map<string, number | null>()
  for (const s of store.all(
    store.qb.selectFrom('attendance_records').select(['person_id', 'day', 'status', 'hours']).where('day', '>=', from).where('day', '<=', to),
  )) {
    stored.set(`${s.person_id}\u0000${s.day}\u0000${s.status}`, s.hours)
  }
  return parse.rows.map((row) => {
    // The read checked every staff number against the people table; a row without one cannot be here.
    const personId = ids.get(row.staffNo)
    if (personId === undefined) throw new KaoheError('NOT_FOUND', { what: '工号 staff number', id: row.staffNo })
    const key = `${personId}\u0000${row.date}\u0000${row.status}`
    if (!stored.has(key)) return { row, personId, action: 'add' }
    const same = keepHours || stored.get(key) === row.hours
    return { row, personId, action: same ? 'unchanged' : 'update' }
  })
}

/** What an import of this file would do; writes nothing. `added` counts new and changed records. */
export function previewAttendance(store: Store, fileName: string, parse: AttendanceParse): ImportPreview {
  // Valid rows are planned even when others have errors, so the preview shows what a fixed file would do.
  const planned = plan(store, parse)
  const added = planned.filter((p) => p.action !== 'unchanged').length
  return {
    fileName,
    rows: parse.totalRows,
    added,
    unchanged: planned.length - added,
    errors: parse.errors,
    warnings: parse.warnings,
  }
}

/** Imports a file without errors, in the caller's transaction; any error refuses the whole file. */
export function importAttendance(
  store: Store,
  fileName: string,
  parse: AttendanceParse,
  change: { actorId: number | null; now: Date },
): ImportResult {
  if (!parse.importable) throw importRefused('ATTENDANCE_INVALID', parse.errors)
  const planned = plan(store, parse)
  const importedAt = change.now.toISOString()
  for (const p of planned) {
    if (p.action === 'add') {
      store.run(
        store.qb.insertInto('attendance_records').values({
          person_id: p.personId,
          day: p.row.date,
          status: p.row.status,
          hours: p.row.hours,
          source_file: fileName,
          imported_at: importedAt,
          imported_by: change.actorId,
        }),
      )
    } else if (p.action === 'update') {
      store.run(
        store.qb
          .updateTable('attendance_records')
          .set({ hours: p.row.hours, source_file: fileName, imported_at: importedAt, imported_by: change.actorId })
          .where('person_id', '=', p.personId)
          .where('day', '=', p.row.date)
          .where('status', '=', p.row.status),
      )
    }
  }
  const added = planned.filter((p) => p.action !== 'unchanged').length
  return { added, unchanged: planned.length - added }
}
