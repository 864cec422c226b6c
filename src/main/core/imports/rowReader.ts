/**
 * Reading one data row's cells, with every problem recorded at its row and column. The checks every
 * import makes the same way (a blank required cell, an Excel error value, a staff number, a date,
 * text too long) live here; an importer adds its own next to them with `fail`.
 */
import type { IsoDate } from '../calendar'
import { cellText, isBlankCell, type RawCell } from './cells'
import { commonText, issue, prefixed, type CellErrorCode, type ImportIssue, type Named, type Prefixed, type Where } from './issues'
import { STAFF_NO_MAX, readDate, readStaffNo } from './normalize'
import type { TableRow } from './table'

/** The code each shared check reports under, e.g. ROSTER_REQUIRED. */
export type CellCodes<Code extends string> = Readonly<Record<CellErrorCode, Code>>

export function cellCodes<P extends string>(prefix: P): CellCodes<Prefixed<P, CellErrorCode>> {
  return {
    REQUIRED: prefixed(prefix, 'REQUIRED'),
    TOO_LONG: prefixed(prefix, 'TOO_LONG'),
    CELL_ERROR: prefixed(prefix, 'CELL_ERROR'),
    BAD_STAFF_NO: prefixed(prefix, 'BAD_STAFF_NO'),
    BAD_DATE: prefixed(prefix, 'BAD_DATE'),
  }
}

export interface RowContext<F extends string> {
  /** The header as written in the file, for the issue's column. */
  label(field: F): string
  /** The column's names, for the sentence. */
  column(field: F): Named
}

export class RowReader<F extends string, Code extends string> {
  /** Every error found in this row, in the order the checks ran. */
  readonly errors: ImportIssue<Code>[] = []

  constructor(
    private readonly tableRow: TableRow<F>,
    private readonly ctx: RowContext<F>,
    private readonly codes: CellCodes<Code>,
  ) {}

  get row(): number {
    return this.tableRow.row
  }

  cell(field: F): RawCell {
    return this.tableRow.cell(field)
  }

  /** Row and column of a field, with the cell's text as the value unless the cell is blank. */
  where(field: F, cell?: RawCell): Where {
    const w: Where = { row: this.row, column: this.ctx.label(field) }
    if (cell && cell.kind !== 'empty') w.value = cellText(cell)
    return w
  }

  /** Records an error at the field (and the cell's value, when given). */
  fail(code: Code, field: F, cell: RawCell | undefined, t: { zh: string; en: string }): void {
    this.errors.push(issue(code, this.where(field, cell), t.zh, t.en))
  }

  /** Blank and error cells are handled alike for every column; returns the cell if usable. */
  usable(field: F, required: boolean): RawCell | null {
    const cell = this.cell(field)
    if (cell.kind === 'error') {
      this.fail(this.codes.CELL_ERROR, field, cell, commonText.cellError(cell.text))
      return null
    }
    if (isBlankCell(cell)) {
      if (required) this.fail(this.codes.REQUIRED, field, undefined, commonText.required(this.ctx.column(field)))
      return null
    }
    return cell
  }

  /** Free text, cleaned by `clean`; null when blank (an error if required) or longer than `max`. */
  text(field: F, required: boolean, clean: (s: string) => string, max: number): string | null {
    const cell = this.usable(field, required)
    if (!cell) return null
    const v = clean(cellText(cell))
    if (v === '') {
      if (required) this.fail(this.codes.REQUIRED, field, cell, commonText.required(this.ctx.column(field)))
      return null
    }
    if (v.length > max) {
      this.fail(this.codes.TOO_LONG, field, cell, commonText.tooLong(this.ctx.column(field), max))
      return null
    }
    return v
  }

  /** A staff number; `fromNumber` tells the caller the cell was numeric, so leading zeros may be gone. */
  staffNo(field: F, required: boolean): { staffNo: string; fromNumber: boolean } | null {
    const cell = this.usable(field, required)
    if (!cell) return null
    const r = readStaffNo(cell)
    if (r.ok) return r
    const t =
      r.reason === 'notInteger'
        ? commonText.staffNoNotInteger()
        : r.reason === 'tooManyDigits'
          ? commonText.staffNoTooManyDigits()
          : r.reason === 'tooLong'
            ? commonText.staffNoTooLong(STAFF_NO_MAX)
            : commonText.staffNoBadChars()
    this.fail(this.codes.BAD_STAFF_NO, field, cell, t)
    return null
  }

  /**
   * A date. `ok` is false when the cell holds something that is not a date, or is blank although
   * required; an optional blank or Excel-error cell is `ok` with date null (the error is recorded). `prepare` lets an importer strip what its files add around dates
   * before the shared reading (an attendance machine's weekday, say).
   */
  date(field: F, required: boolean, prepare: (cell: RawCell) => RawCell = (c) => c): { ok: boolean; date: IsoDate | null } {
    const cell = this.usable(field, required)
    if (!cell) return { ok: !required, date: null }
    const d = readDate(prepare(cell))
    if (d === undefined) {
      if (required) this.fail(this.codes.REQUIRED, field, undefined, commonText.required(this.ctx.column(field)))
      return { ok: !required, date: null }
    }
    if (d === null) {
      this.fail(this.codes.BAD_DATE, field, cell, commonText.badDate(this.ctx.column(field), cellText(cell)))
      return { ok: false, date: null }
    }
    return { ok: true, date: d }
  }
}
