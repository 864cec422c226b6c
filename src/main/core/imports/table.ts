/**
 * A spreadsheet read as a table of an importer's columns: the sheet that holds them, its header row
 * (title rows and merged header cells above it allowed), which column is which field, and the
 * non-blank data rows below. Everything up to the point where an importer checks its own values.
 */
import { EMPTY, cellText, isBlankCell, isBlankRow, type PlacedCell, type RawCell, type SheetRow } from './cells'
import { suggestColumn, type ColumnSet, type ColumnSpec } from './columns'
import { commonText, issue, prefixed, type FileKind, type ImportIssue, type Prefixed, type TableErrorCode, type TableWarningCode } from './issues'
import { limitText, type ImportLimits } from './limits'
import { cleanText } from './normalize'
import { readSpreadsheet, type Sheet, type SpreadsheetSource } from './spreadsheet'

/** The header row is looked for among this many non-blank rows at the top (title rows above it). */
export const HEADER_SEARCH_ROWS = 10
/** Header search stops at this row even if the rows above are blank. */
export const HEADER_SCAN_LIMIT = 100
/** Progress is reported every this many rows. */
export const PROGRESS_EVERY = 500

export interface TableSpec<P extends string, F extends string, C extends ColumnSpec<F>> {
  /** Prefix of the issue codes: 'ROSTER' gives ROSTER_MISSING_COLUMN. */
  prefix: P
  kind: FileKind
  columns: ColumnSet<F, C>
  /** The policy's limits (imports): a file past one is refused before it is parsed. */
  limits: ImportLimits
}

/** One data row: its number as Excel shows it and its cells by field (blank when the column is absent). */
export interface TableRow<F extends string> {
  row: number
  cell(field: F): RawCell
}

export type TableError<P extends string> = ImportIssue<Prefixed<P, TableErrorCode>>
export type TableWarning<P extends string> = ImportIssue<Prefixed<P, TableWarningCode>>

interface TableCommon<P extends string, F extends string> {
  source: SpreadsheetSource | null
  /** The header row's number (0 when none was found). */
  headerRow: number
  /** The fields that have a column in the file, in column-spec order. */
  fields: F[]
  warnings: TableWarning<P>[]
}

export type TableRead<P extends string, F extends string, C extends ColumnSpec<F>> =
  | (TableCommon<P, F> & { ok: false; errors: TableError<P>[] })
  | (TableCommon<P, F> & {
      ok: true
      rows: TableRow<F>[]
      /** The header text as written in the file ('' when the field has no column): issues name it. */
      label(field: F): string
      column(field: F): C
    })

interface Header<C> {
  row: number
  /** Column index (0-based) → column spec, for the mapped columns. */
  mapped: Map<number, C>
  /** The header text as written, per column index. */
  labels: Map<number, string>
  /** Distinct fields found; the score a header candidate is ranked by. */
  score: number
}

/**
 * Reads the file and finds the table. On `ok: false` nothing past the file and its columns was
 * looked at: a missing or doubled column makes every row's reading meaningless.
 */
export async function readTable<P extends string, F extends string, C extends ColumnSpec<F>>(
  bytes: Uint8Array,
  fileName: string,
  spec: TableSpec<P, F, C>,
): Promise<TableRead<P, F, C>> {
  const { prefix, kind, columns } = spec
  const code = <K extends TableErrorCode>(k: K) => prefixed(prefix, k)
  const fail = (source: SpreadsheetSource | null, errors: TableError<P>[], rest: Partial<TableCommon<P, F>> = {}): TableRead<P, F, C> => ({
    ok: false,
    errors,
    warnings: [],
    fields: [],
    headerRow: 0,
    source,
    ...rest,
  })
  const fileError = (k: TableErrorCode, t: { zh: string; en: string }, row = 0) => issue(code(k), { row, column: '' }, t.zh, t.en)

  if (bytes.byteLength === 0) return fail(null, [fileError('EMPTY_FILE', commonText.empty(kind))])
  const read = await readSpreadsheet(bytes, fileName, kind, spec.limits)
  if (!read.ok) {
    if ('exceeded' in read) {
      const e = read.exceeded
      return fail(null, [issue(code('TOO_LARGE'), { row: e.row, column: '', value: String(e.found) }, limitText(e).zh, limitText(e).en)])
    }
    return fail(null, [fileError('UNREADABLE', read, read.row)])
  }

  // The sheet: the first (visible first) whose header has every required column, else the best one.
  const required = columns.columns.filter((c) => c.required)
  let best: { sheet: Sheet; header: Header<C> | null } | null = null
  for (const sheet of read.sheets) {
    const top = sheet.readRows(HEADER_SCAN_LIMIT).filter((r) => !isBlankRow(r.cells)).slice(0, HEADER_SEARCH_ROWS)
    const header = findHeader(top, columns)
    if (header !== null && required.every((c) => [...header.mapped.values()].includes(c))) {
      best = { sheet, header }
      break
    }
    if (best === null || (header !== null && (best.header === null || header.score > best.header.score))) best = { sheet, header }
  }
  const source: SpreadsheetSource | null = read.csv ? { kind: 'csv', ...read.csv } : best ? { kind: 'xlsx', sheet: best.sheet.name } : null
  if (!best) return fail(source, [fileError('EMPTY_FILE', commonText.empty(kind))])
  const allRows = best.sheet.readRows()
  if (allRows.every((r) => isBlankRow(r.cells))) return fail(source, [fileError('EMPTY_FILE', commonText.empty(kind))])
  const header = best.header
  if (!header) {
    const t = commonText.noHeader(kind, HEADER_SEARCH_ROWS)
    return fail(
      source,
      required.map((c) => {
        const m = commonText.missingColumn(c.zh, c.en)
        return issue(code('MISSING_COLUMN'), { row: 0, column: c.zh }, `${m.zh}（${t.zh}）`, `${m.en} (${t.en})`)
      }),
    )
  }

  const errors: TableError<P>[] = []
  const warnings: TableWarning<P>[] = []
  // Columns: every required one present, none twice; unknown ones are ignored with a warning.
  const byField = new Map<F, { index: number; label: string; column: C }>()
  for (const [index, label] of header.labels) {
    const column = header.mapped.get(index)
    if (!column) {
      if (!columns.isSilentlyIgnored(label)) {
        const t = commonText.unknownColumn(kind, label, suggestColumn(label, columns.columns))
        warnings.push(issue(prefixed(prefix, 'UNKNOWN_COLUMN'), { row: header.row, column: label }, t.zh, t.en))
      }
      continue
    }
    const first = byField.get(column.field)
    if (first) {
      const t = commonText.duplicateColumn(label, first.label)
      errors.push(issue(code('DUPLICATE_COLUMN'), { row: header.row, column: label }, t.zh, t.en))
      continue
    }
    byField.set(column.field, { index, label, column })
  }
  for (const c of required) {
    if (!byField.has(c.field)) {
      const t = commonText.missingColumn(c.zh, c.en)
      errors.push(issue(code('MISSING_COLUMN'), { row: header.row, column: c.zh }, t.zh, t.en))
    }
  }
  const fields = columns.columns.filter((c) => byField.has(c.field)).map((c) => c.field)
  const headerRow = header.row
  if (errors.length > 0) return fail(source, errors, { warnings, fields, headerRow })

  // Data: everything below the header that is not blank (trailing and interleaved blank rows
  // alike: Excel keeps formatted empty rows around long after their content is gone).
  const dataRows = allRows.filter((r) => r.row > headerRow && !isBlankRow(r.cells))
  if (dataRows.length === 0) return fail(source, [fileError('EMPTY_FILE', commonText.empty(kind))], { warnings, fields, headerRow })

  return {
    ok: true,
    source,
    headerRow,
    fields,
    warnings,
    rows: dataRows.map((r) => tableRow(r, byField)),
    label: (field) => byField.get(field)?.label ?? '',
    column: (field) => columns.of(field),
  }
}

function tableRow<F extends string>(sheetRow: SheetRow, byField: ReadonlyMap<F, { index: number }>): TableRow<F> {
  return {
    row: sheetRow.row,
    cell: (field) => {
      const at = byField.get(field)
      const cell: PlacedCell | undefined = at ? sheetRow.cells[at.index] : undefined
      return cell ?? EMPTY
    },
  }
}

/**
 * The header row: among the top rows, the one naming the most distinct columns (at least two, so a
 * title such as "XX局2026年花名册" never qualifies). A merged header cell reads as its master's
 * text: a vertical merge over a two-row header fills the lower row, and the continuation of a
 * horizontal merge (same text as its left neighbour) is skipped so it is not a second column.
 */
function findHeader<F extends string, C extends ColumnSpec<F>>(top: SheetRow[], columns: ColumnSet<F, C>): Header<C> | null {
  let best: Header<C> | null = null
  for (const r of top) {
    const mapped = new Map<number, C>()
    const labels = new Map<number, string>()
    const fields = new Set<F>()
    r.cells.forEach((cell, index) => {
      if (isBlankCell(cell)) return
      const label = cleanText(cellText(cell))
      const left = index > 0 ? r.cells[index - 1] : undefined
      if (cell.mergedCopy && left && cleanText(cellText(left)) === label) return
      labels.set(index, label)
      const column = columns.forHeader(label)
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

/**
 * Visits every row, reporting progress about every PROGRESS_EVERY rows and yielding to the event
 * loop then, so a progress message (IPC, a redraw) is delivered before the next batch. The caller
 * reports the final (total, total) itself, once its cross-row checks are done too.
 */
export async function eachRow<T>(rows: readonly T[], visit: (row: T) => void, onProgress?: (done: number, total: number) => void): Promise<void> {
  const total = rows.length
  for (let i = 0; i < total; i++) {
    const r = rows[i]
    if (r === undefined) continue
    visit(r)
    if (onProgress && (i + 1) % PROGRESS_EVERY === 0 && i + 1 < total) {
      onProgress(i + 1, total)
      await new Promise<void>((resolve) => setImmediate(resolve))
    }
  }
}
