/**
 * 花名册导入: reading and checking a roster file. Pure: bytes in, a preview out, no database.
 * Every problem is collected (never only the first), located by row and by the column header as
 * written in the file, so the preview can list every bad row at once.
 */
import { EMPTY, cellText, isBlankCell, isBlankRow, type PlacedCell, type RawCell, type SheetRow } from './cells'
import { ROSTER_COLUMNS, EXAMPLE_PEOPLE, columnForHeader, columnOf, isSilentlyIgnoredHeader, type RosterColumn } from './columns'
import { decodeCsvBytes, detectDelimiter, parseCsv } from './csv'
import { checkAcrossRows } from './crossRows'
import { issue, text, type Where } from './issues'
import {
  STAFF_NO_MAX,
  statusNamed,
  cleanName,
  cleanText,
  readBoolean,
  readCategory,
  readDate,
  readStaffNo,
  readStatus,
} from './normalize'
import {
  GONE_STATUSES,
  type RosterField,
  type RosterIssue,
  type RosterParse,
  type RosterParseOptions,
  type RosterRow,
  type RosterSource,
} from './types'
import { loadXlsx, looksLikeOle2, looksLikeZip } from './xlsx'

/** No roster of a small office comes near this; a bigger file is a wrong pick, or a zip bomb's wrapper. */
export const MAX_FILE_MB = 20
/** The header row is looked for among this many non-blank rows at the top (title rows above it). */
export const HEADER_SEARCH_ROWS = 10
/** Header search stops at this row even if the rows above are blank. */
export const HEADER_SCAN_LIMIT = 100
/** Progress is reported every this many rows. */
export const PROGRESS_EVERY = 500
/** Longest 姓名, 科室, 岗位 or 职级 accepted. */
export const TEXT_MAX = 50

interface Header {
  row: number
  /** Column index (0-based) → roster column, for the mapped columns. */
  mapped: Map<number, RosterColumn>
  /** The header text as written, per column index. */
  labels: Map<number, string>
  /** Distinct fields found; the score a header candidate is ranked by. */
  score: number
}

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

function fail(source: RosterSource | null, errors: RosterIssue[]): RosterParse {
  return { importable: false, rows: [], errors, warnings: [], columns: [], totalRows: 0, headerRow: 0, source }
}

function fileError(code: RosterIssue['code'], t: { zh: string; en: string }): RosterIssue {
  return issue(code, { row: 0, column: '' }, t.zh, t.en)
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  return dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase()
}

/**
 * Reads a roster (.xlsx or .csv) and checks every row. The file type is told by its content (a
 * .csv that is really an .xlsx still reads), the name only decides what to call an unreadable file.
 * The result is a preview: **import only when `importable` is true**, i.e. no errors at all.
 */
export async function parseRoster(bytes: Uint8Array, fileName: string, opts: RosterParseOptions = {}): Promise<RosterParse> {
  if (bytes.byteLength > MAX_FILE_MB * 1024 * 1024) return fail(null, [fileError('ROSTER_TOO_LARGE', text.tooLarge(MAX_FILE_MB))])
  if (bytes.byteLength === 0) return fail(null, [fileError('ROSTER_EMPTY_FILE', text.empty())])
  const ext = extensionOf(fileName)

  let sheets: { name: string; readRows: (lastRow?: number) => SheetRow[] }[]
  let csvSource: RosterSource | null = null
  if (looksLikeZip(bytes)) {
    const loaded = await loadXlsx(bytes)
    if (!loaded.ok) {
      return fail(null, [fileError('ROSTER_UNREADABLE', text.unreadable(`文件已损坏或不是有效的 Excel 工作簿（${loaded.detail}）`, `the file is damaged or not a valid Excel workbook (${loaded.detail})`))])
    }
    sheets = loaded.sheets
  } else if (looksLikeOle2(bytes)) {
    return fail(null, [fileError('ROSTER_UNREADABLE', text.unreadable('这是旧版 .xls 文件或设置了打开密码的工作簿，请在 Excel 中取消密码并“另存为” .xlsx', 'this is an old .xls file or a password-protected workbook; remove the password and "Save As" .xlsx in Excel'))])
  } else if (ext === 'xlsx' || ext === 'xlsm' || ext === 'xls') {
    return fail(null, [fileError('ROSTER_UNREADABLE', text.unreadable(`文件名是 .${ext}，但内容不是 Excel 工作簿`, `the name says .${ext} but the content is not an Excel workbook`))])
  } else if (ext !== 'csv' && ext !== 'txt' && ext !== 'tsv') {
    return fail(null, [fileError('ROSTER_UNREADABLE', text.unreadable(`不支持的文件类型“.${ext}”`, `unsupported file type ".${ext}"`))])
  } else {
    const decoded = decodeCsvBytes(bytes)
    if (!decoded.ok) {
      const why =
        decoded.reason === 'binary'
          ? text.unreadable('内容不是文本（可能是改了扩展名的其他文件）', 'the content is not text (perhaps another kind of file renamed)')
          : decoded.reason === 'noGbk'
            ? text.unreadable('本程序的运行环境不支持 GBK 编码，请在 Excel 中另存为“CSV UTF-8”', 'this runtime cannot decode GBK; save the file as "CSV UTF-8" in Excel')
            : text.unreadable('无法识别文件编码（应为 UTF-8 或 GBK）', 'the encoding is neither UTF-8 nor GBK')
      return fail(null, [fileError('ROSTER_UNREADABLE', why)])
    }
    const delimiter = detectDelimiter(decoded.text)
    const parsed = parseCsv(decoded.text, delimiter)
    if (!parsed.ok) {
      return fail(null, [
        issue(
          'ROSTER_UNREADABLE',
          { row: parsed.unterminatedQuoteAtRow, column: '' },
          `第 ${parsed.unterminatedQuoteAtRow} 行的引号没有闭合，文件格式有误`,
          `The quote opened in row ${parsed.unterminatedQuoteAtRow} is never closed; the CSV is malformed`,
        ),
      ])
    }
    const rows = parsed.rows
    csvSource = { kind: 'csv', encoding: decoded.encoding, delimiter }
    sheets = [{ name: '', readRows: (last) => (last === undefined ? rows : rows.filter((r) => r.row <= last)) }]
  }

  // The sheet: the first (visible first) whose header has every required column, else the best one.
  let best: { sheet: (typeof sheets)[number]; header: Header | null; complete: boolean } | null = null
  for (const sheet of sheets) {
    const top = sheet.readRows(HEADER_SCAN_LIMIT).filter((r) => !isBlankRow(r.cells)).slice(0, HEADER_SEARCH_ROWS)
    const header = findHeader(top)
    const complete = header !== null && ROSTER_COLUMNS.every((c) => !c.required || [...header.mapped.values()].includes(c))
    if (complete) {
      best = { sheet, header, complete }
      break
    }
    if (best === null || (header !== null && (best.header === null || header.score > best.header.score))) best = { sheet, header, complete }
  }
  const source: RosterSource | null = csvSource ?? (best ? { kind: 'xlsx', sheet: best.sheet.name } : null)
  if (!best) return fail(source, [fileError('ROSTER_EMPTY_FILE', text.empty())])
  const allRows = best.sheet.readRows()
  if (allRows.every((r) => isBlankRow(r.cells))) return fail(source, [fileError('ROSTER_EMPTY_FILE', text.empty())])
  const header = best.header
  if (!header) {
    const t = text.noHeader()
    const missing = ROSTER_COLUMNS.filter((c) => c.required).map((c) => {
      const m = text.missingColumn(c.zh, c.en)
      return issue('ROSTER_MISSING_COLUMN', { row: 0, column: c.zh }, `${m.zh}（${t.zh}）`, `${m.en} (${t.en})`)
    })
    return fail(source, missing)
  }

  const errors: RosterIssue[] = []
  const warnings: RosterIssue[] = []

  // Columns: every required one present, none twice; unknown ones are ignored with a warning.
  const byField = new Map<RosterField, { index: number; label: string; column: RosterColumn }>()
  for (const [index, label] of header.labels) {
    const column = header.mapped.get(index)
    if (!column) {
      if (!isSilentlyIgnoredHeader(label)) {
        const t = text.unknownColumn(label)
        warnings.push(issue('ROSTER_UNKNOWN_COLUMN', { row: header.row, column: label }, t.zh, t.en))
      }
      continue
    }
    const first = byField.get(column.field)
    if (first) {
      const t = text.duplicateColumn(label, first.label)
      errors.push(issue('ROSTER_DUPLICATE_COLUMN', { row: header.row, column: label }, t.zh, t.en))
      continue
    }
    byField.set(column.field, { index, label, column })
  }
  for (const c of ROSTER_COLUMNS) {
    if (c.required && !byField.has(c.field)) {
      const t = text.missingColumn(c.zh, c.en)
      errors.push(issue('ROSTER_MISSING_COLUMN', { row: header.row, column: c.zh }, t.zh, t.en))
    }
  }
  const columns = ROSTER_COLUMNS.filter((c) => byField.has(c.field)).map((c) => c.field)
  if (errors.length > 0) {
    return { importable: false, rows: [], errors, warnings, columns, totalRows: 0, headerRow: header.row, source }
  }

  // Data: everything below the header that is not blank (trailing and interleaved blank rows
  // alike: Excel keeps formatted empty rows around long after their content is gone).
  const dataRows = allRows.filter((r) => r.row > header.row && !isBlankRow(r.cells))
  const total = dataRows.length
  if (total === 0) {
    return { importable: false, rows: [], errors: [fileError('ROSTER_EMPTY_FILE', text.empty())], warnings, columns, totalRows: 0, headerRow: header.row, source }
  }

  const labelOf = (field: RosterField): string => byField.get(field)?.label ?? ''
  const checked: CheckedRow[] = []
  const rowErrors = new Map<number, RosterIssue[]>()
  for (let i = 0; i < total; i++) {
    const sheetRow = dataRows[i]
    if (!sheetRow) continue
    const cellOf = (field: RosterField): RawCell => {
      const at = byField.get(field)
      const cell: PlacedCell | undefined = at ? sheetRow.cells[at.index] : undefined
      return cell ?? EMPTY
    }
    const found: RosterIssue[] = []
    checked.push(checkRow(sheetRow.row, cellOf, labelOf, found, warnings))
    if (found.length > 0) rowErrors.set(sheetRow.row, found)
    if (opts.onProgress && (i + 1) % PROGRESS_EVERY === 0 && i + 1 < total) {
      opts.onProgress(i + 1, total)
      // Let the event loop deliver the progress (IPC, a redraw) before the next batch.
      await new Promise<void>((resolve) => setImmediate(resolve))
    }
  }

  const cross = checkAcrossRows(checked, {
    existing: opts.existing ?? new Map<string, string | null>(),
    staffNoLabel: labelOf('staffNo'),
    supervisorLabel: labelOf('supervisorStaffNo'),
  })
  for (const e of cross.errors) {
    const list = rowErrors.get(e.row) ?? []
    list.push(e)
    rowErrors.set(e.row, list)
  }
  warnings.push(...cross.warnings)

  for (const c of checked) {
    const example = EXAMPLE_PEOPLE.find((p) => p.staffNo === c.staffNo && p.name === c.name)
    if (example) {
      const t = text.exampleRow()
      warnings.push(issue('ROSTER_EXAMPLE_ROW', { row: c.row, column: labelOf('staffNo'), value: example.staffNo }, t.zh, t.en))
    }
  }

  for (const c of checked) errors.push(...(rowErrors.get(c.row) ?? []))
  warnings.sort((a, b) => a.row - b.row)
  const rows = checked.filter((c) => c.value !== null && !rowErrors.has(c.row)).map((c) => c.value as RosterRow)
  opts.onProgress?.(total, total)
  return { importable: errors.length === 0, rows, errors, warnings, columns, totalRows: total, headerRow: header.row, source }
}

/**
 * The header row: among the top rows, the one naming the most distinct roster columns (at least
 * two, so a title such as "XX局2026年花名册" never qualifies). A merged header cell reads as its
 * master's text: a vertical merge over a two-row header fills the lower row, and the continuation
 * of a horizontal merge (same text as its left neighbour) is skipped so it is not a second column.
 */
function findHeader(top: SheetRow[]): Header | null {
  let best: Header | null = null
  for (const r of top) {
    const mapped = new Map<number, RosterColumn>()
    const labels = new Map<number, string>()
    const fields = new Set<RosterField>()
    r.cells.forEach((cell, index) => {
      if (isBlankCell(cell)) return
      const label = cleanText(cellText(cell))
      const left = index > 0 ? r.cells[index - 1] : undefined
      if (cell.mergedCopy && left && cleanText(cellText(left)) === label) return
      labels.set(index, label)
      const column = columnForHeader(label)
      if (column) {
        mapped.set(index, column)
        fields.add(column.field)
      }
    })
    const score = fields.size
    if (score >= 2 && (best === null || score > best.score)) best = { row: r.row, mapped, labels, score }
  }
  return best
}

function checkRow(
  row: number,
  cellOf: (field: RosterField) => RawCell,
  labelOf: (field: RosterField) => string,
  errors: RosterIssue[],
  warnings: RosterIssue[],
): CheckedRow {
  const where = (field: RosterField, cell?: RawCell): Where => {
    const w: Where = { row, column: labelOf(field) }
    if (cell && cell.kind !== 'empty') w.value = cellText(cell)
    return w
  }
  const named = (field: RosterField) => columnOf(field)
  /** Blank and error cells are handled alike for every column; returns the cell if usable. */
  const usable = (field: RosterField, required: boolean): RawCell | null => {
    const cell = cellOf(field)
    if (cell.kind === 'error') {
      const t = text.cellError(cell.text)
      errors.push(issue('ROSTER_CELL_ERROR', where(field, cell), t.zh, t.en))
      return null
    }
    if (isBlankCell(cell)) {
      if (required) {
        const t = text.required(named(field))
        errors.push(issue('ROSTER_REQUIRED', where(field), t.zh, t.en))
      }
      return null
    }
    return cell
  }
  const freeText = (field: RosterField, required: boolean, clean: (s: string) => string): string | null => {
    const cell = usable(field, required)
    if (!cell) return null
    const v = clean(cellText(cell))
    if (v === '') {
      if (required) {
        const t = text.required(named(field))
        errors.push(issue('ROSTER_REQUIRED', where(field, cell), t.zh, t.en))
      }
      return null
    }
    if (v.length > TEXT_MAX) {
      const t = text.tooLong(named(field), TEXT_MAX)
      errors.push(issue('ROSTER_TOO_LONG', where(field, cell), t.zh, t.en))
      return null
    }
    return v
  }
  const staffNoOf = (field: 'staffNo' | 'supervisorStaffNo', required: boolean) => {
    const cell = usable(field, required)
    if (!cell) return null
    const r = readStaffNo(cell)
    if (r.ok) return r
    const t =
      r.reason === 'notInteger'
        ? text.staffNoNotInteger()
        : r.reason === 'tooManyDigits'
          ? text.staffNoTooManyDigits()
          : r.reason === 'tooLong'
            ? text.staffNoTooLong(STAFF_NO_MAX)
            : text.staffNoBadChars()
    errors.push(issue('ROSTER_BAD_STAFF_NO', where(field, cell), t.zh, t.en))
    return null
  }
  const dateOf = (field: 'joinedOn' | 'leftOn') => {
    const cell = usable(field, false)
    if (!cell) return { ok: true as const, date: null }
    const d = readDate(cell)
    if (d === undefined) return { ok: true as const, date: null }
    if (d === null) {
      const t = text.badDate(named(field), cellText(cell))
      errors.push(issue('ROSTER_BAD_DATE', where(field, cell), t.zh, t.en))
      return { ok: false as const, date: null }
    }
    return { ok: true as const, date: d }
  }

  const before = errors.length
  const staffNo = staffNoOf('staffNo', true)
  const name = freeText('name', true, cleanName)
  const department = freeText('department', true, cleanText)
  const post = freeText('post', false, cleanText)

  let category = null
  const categoryCell = usable('category', true)
  if (categoryCell) {
    category = readCategory(categoryCell)
    if (!category) {
      const t = text.badCategory(cellText(categoryCell).trim())
      errors.push(issue('ROSTER_BAD_CATEGORY', where('category', categoryCell), t.zh, t.en))
    }
  }

  const rank = freeText('rank', false, cleanText)
  const supervisor = staffNoOf('supervisorStaffNo', false)

  let riskPost: boolean | null = false
  const riskCell = usable('riskPost', false)
  if (riskCell) {
    riskPost = readBoolean(riskCell)
    if (riskPost === null) {
      const t = text.badBoolean(named('riskPost'), cellText(riskCell).trim())
      errors.push(issue('ROSTER_BAD_BOOLEAN', where('riskPost', riskCell), t.zh, t.en))
    }
  }

  let status = readStatus(EMPTY)
  const statusCell = usable('status', false)
  if (statusCell) {
    status = readStatus(statusCell)
    if (!status) {
      const t = text.badStatus(cellText(statusCell).trim())
      errors.push(issue('ROSTER_BAD_STATUS', where('status', statusCell), t.zh, t.en))
    }
  }

  const joined = dateOf('joinedOn')
  const left = dateOf('leftOn')
  if (joined.date && left.date && left.date < joined.date) {
    const t = text.leftBeforeJoined(left.date, joined.date)
    errors.push(issue('ROSTER_LEFT_BEFORE_JOINED', where('leftOn', cellOf('leftOn')), t.zh, t.en))
  }
  if (status && left.ok) {
    const gone = GONE_STATUSES.includes(status)
    if (gone && !left.date) {
      const t = text.goneWithoutDate(statusNamed(status))
      warnings.push(issue('ROSTER_STATUS_DATE_MISMATCH', where('leftOn'), t.zh, t.en))
    } else if (!gone && left.date) {
      const t = text.presentWithDate(statusNamed(status))
      warnings.push(issue('ROSTER_STATUS_DATE_MISMATCH', where('leftOn', cellOf('leftOn')), t.zh, t.en))
    }
  }

  const ok = errors.length === before
  const value: RosterRow | null =
    ok && staffNo && name && department && category && riskPost !== null && status
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
