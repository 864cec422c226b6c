/**
 * 花名册导入: reading and checking a roster file. Pure: bytes in, a preview out, no database.
 * Every problem is collected (never only the first), located by row and by the column header as
 * written in the file, so the preview can list every bad row at once. Reading the file (formats,
 * encodings, the header row, blank rows) is core/imports' job; this file holds the roster's checks.
 */
import { cellText, EMPTY } from '../../imports/cells'
import { commonText, issue } from '../../imports/issues'
import { cleanName, cleanText, readBoolean } from '../../imports/normalize'
import { RowReader, cellCodes, type RowContext } from '../../imports/rowReader'
import { DEFAULT_IMPORT_LIMITS } from '../../imports/limits'
import { PROGRESS_EVERY, eachRow, readTable, type TableRow } from '../../imports/table'
import { headerKey } from '../../imports/columns'
import { EXAMPLE_MARK, ROSTER_COLUMN_SET, suggestColumn } from './columns'
import { checkAcrossRows } from './crossRows'
import { ROSTER_FILE, text } from './issues'
import { readCategory, readStatus, statusNamed } from './vocabulary'
import { POLITICAL_MAX, personalText, readGender, readMonth } from './personal'
import {
  GONE_STATUSES,
  type RosterErrorCode,
  type RosterField,
  type RosterIssue,
  type RosterParse,
  type RosterParseOptions,
  type RosterRow,
} from './types'

export { PROGRESS_EVERY }

/** Longest 姓名, 科室, 岗位 or 职级 accepted. */
export const TEXT_MAX = 50

/** A row read and checked on its own; cross-row checks come after all rows are read. */
export interface CheckedRow {
  row: number
  /** null when the row's own checks failed; the cross-row checks may still add errors. */
  value: RosterRow | null
  staffNo: string | null
  staffNoFromNumber: boolean
  supervisorStaffNo: string | null
  supervisorFromNumber: boolean
  name: string
}

/**
 * Reads a roster (.xlsx or .csv) and checks every row. The file type is told by its content (a
 * .csv that is really an .xlsx still reads), the name only decides what to call an unreadable file.
 * The result is a preview: **import only when `importable` is true**, i.e. no errors at all.
 */
export async function parseRoster(bytes: Uint8Array, fileName: string, opts: RosterParseOptions = {}): Promise<RosterParse> {
  const table = await readTable(bytes, fileName, { prefix: 'ROSTER', kind: ROSTER_FILE, columns: ROSTER_COLUMN_SET, limits: opts.limits ?? DEFAULT_IMPORT_LIMITS })
  const { source, headerRow, fields: columns } = table
  // An unknown column is named with the column it most likely means; a column read under another
  // name (部门 for 科室) is said, so nothing in the file is read or dropped without the user knowing.
  const warnings: RosterIssue[] = table.warnings.map((w) => {
    if (w.code !== 'ROSTER_UNKNOWN_COLUMN') return w
    const t = text.unknownColumn(w.column, suggestColumn(w.column))
    return { ...w, zh: t.zh, en: t.en }
  })
  if (table.ok) {
    for (const field of table.fields) {
      const label = table.label(field)
      const column = table.column(field)
      if (headerKey(label) !== headerKey(column.zh)) {
        const t = text.columnAlias(label, column)
        warnings.push(issue('ROSTER_COLUMN_ALIAS', { row: headerRow, column: label }, t.zh, t.en))
      }
    }
  }
  if (!table.ok) return { importable: false, rows: [], errors: table.errors, warnings, columns, totalRows: 0, headerRow, source }

  const total = table.rows.length
  const checked: CheckedRow[] = []
  const rowErrors = new Map<number, RosterIssue[]>()
  await eachRow(
    table.rows,
    (tableRow) => {
      // The template's example people (姓名 marked （示例）) are never imported: skipped with a notice.
      const nameCell = tableRow.cell('name')
      if (EXAMPLE_MARK.test(cellText(nameCell).trim())) {
        const t = text.exampleRow()
        warnings.push(issue('ROSTER_EXAMPLE_ROW', { row: tableRow.row, column: table.label('name'), value: cellText(nameCell).trim() }, t.zh, t.en))
        return
      }
      const found: RosterIssue[] = []
      checked.push(checkRow(tableRow, table, found, warnings))
      if (found.length > 0) rowErrors.set(tableRow.row, found)
    },
    opts.onProgress,
  )

  const cross = checkAcrossRows(checked, {
    existing: opts.existing ?? new Map<string, string | null>(),
    staffNoLabel: table.label('staffNo'),
    supervisorLabel: table.label('supervisorStaffNo'),
  })
  for (const e of cross.errors) {
    const list = rowErrors.get(e.row) ?? []
    list.push(e)
    rowErrors.set(e.row, list)
  }
  warnings.push(...cross.warnings)

  const errors: RosterIssue[] = []
  for (const c of checked) errors.push(...(rowErrors.get(c.row) ?? []))
  warnings.sort((a, b) => a.row - b.row)
  const rows = checked.filter((c) => c.value !== null && !rowErrors.has(c.row)).map((c) => c.value as RosterRow)
  opts.onProgress?.(total, total)
  return { importable: errors.length === 0, rows, errors, warnings, columns, totalRows: total, headerRow, source }
}

function checkRow(tableRow: TableRow<RosterField>, ctx: RowContext<RosterField>, errors: RosterIssue[], warnings: RosterIssue[]): CheckedRow {
  const r = new RowReader<RosterField, RosterErrorCode>(tableRow, ctx, cellCodes('ROSTER'))
  const row = r.row

  const staffNo = r.staffNo('staffNo', true)
  const name = r.text('name', true, cleanName, TEXT_MAX)
  const department = r.text('department', true, cleanText, TEXT_MAX)
  const post = r.text('post', false, cleanText, TEXT_MAX)

  let category = null
  const categoryCell = r.usable('category', true)
  if (categoryCell) {
    category = readCategory(categoryCell)
    if (!category) r.fail('ROSTER_BAD_CATEGORY', 'category', categoryCell, text.badCategory(cellText(categoryCell).trim()))
  }

  const rank = r.text('rank', false, cleanText, TEXT_MAX)
  const supervisor = r.staffNo('supervisorStaffNo', false)

  let riskPost: boolean | null = false
  const riskCell = r.usable('riskPost', false)
  if (riskCell) {
    riskPost = readBoolean(riskCell)
    if (riskPost === null) r.fail('ROSTER_BAD_BOOLEAN', 'riskPost', riskCell, commonText.badBoolean(ctx.column('riskPost'), cellText(riskCell).trim()))
  }

  let status = readStatus(EMPTY)
  const statusCell = r.usable('status', false)
  if (statusCell) {
    status = readStatus(statusCell)
    if (!status) r.fail('ROSTER_BAD_STATUS', 'status', statusCell, text.badStatus(cellText(statusCell).trim()))
  }

  const joined = r.date('joinedOn', false)
  const left = r.date('leftOn', false)
  if (joined.date && left.date && left.date < joined.date) {
    r.fail('ROSTER_LEFT_BEFORE_JOINED', 'leftOn', r.cell('leftOn'), text.leftBeforeJoined(left.date, joined.date))
  }
  if (status && left.ok) {
    const gone = GONE_STATUSES.includes(status)
    if (gone && !left.date) {
      const t = text.goneWithoutDate(statusNamed(status))
      warnings.push(issue('ROSTER_STATUS_DATE_MISMATCH', r.where('leftOn'), t.zh, t.en))
    } else if (!gone && left.date) {
      const t = text.presentWithDate(statusNamed(status))
      warnings.push(issue('ROSTER_STATUS_DATE_MISMATCH', r.where('leftOn', r.cell('leftOn')), t.zh, t.en))
    }
  }

  // The personal columns for the 登记表 (issue 10, 1b), all optional.
  let gender: '男' | '女' | null = null
  const genderCell = r.usable('gender', false)
  if (genderCell) {
    gender = readGender(genderCell)
    if (!gender) r.fail('ROSTER_BAD_GENDER', 'gender', genderCell, personalText.badGender(ctx.column('gender'), cellText(genderCell).trim()))
  }
  const monthOf = (field: 'birthMonth' | 'postSince'): string | null => {
    const cell = r.usable(field, false)
    if (!cell) return null
    const m = readMonth(cell)
    if (!m) r.fail('ROSTER_BAD_MONTH', field, cell, personalText.badMonth(ctx.column(field), cellText(cell).trim()))
    return m
  }
  const birthMonth = monthOf('birthMonth')
  const postSince = monthOf('postSince')
  if (birthMonth && postSince && postSince < birthMonth) r.fail('ROSTER_BAD_MONTH', 'postSince', r.cell('postSince'), personalText.postBeforeBirth(postSince, birthMonth))
  const politicalStatus = r.text('politicalStatus', false, cleanText, POLITICAL_MAX)

  errors.push(...r.errors)
  const value: RosterRow | null =
    r.errors.length === 0 && staffNo && name && department && category && riskPost !== null && status
      ? {
          row,
          staffNo: staffNo.staffNo,
          name,
          department,
          post,
          category,
          rank,
          supervisorStaffNo: supervisor?.staffNo ?? null,
          riskPost,
          status,
          joinedOn: joined.date,
          leftOn: left.date,
          gender,
          birthMonth,
          politicalStatus,
          postSince,
        }
      : null
  return {
    row,
    value,
    staffNo: staffNo?.staffNo ?? null,
    staffNoFromNumber: staffNo?.fromNumber ?? false,
    supervisorStaffNo: supervisor?.staffNo ?? null,
    supervisorFromNumber: supervisor?.fromNumber ?? false,
    name: name ?? '',
  }
}
