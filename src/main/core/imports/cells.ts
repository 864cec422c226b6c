/**
 * What a spreadsheet cell holds before interpretation, for every import (roster, attendance,
 * satisfaction). CSV gives only text; .xlsx also gives numbers, real date cells, booleans and error
 * values (#N/A from a broken VLOOKUP must not become a staff number), and merged cells.
 */
export type RawCell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; year: number; month: number; day: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'error'; text: string }

/**
 * A cell as placed in the sheet. `mergedCopy` marks a cell that is not the master of its merged
 * range: it carries the master's value (a 科室 cell merged down over its people applies to each
 * of them) but does not on its own make a row non-blank.
 */
export type PlacedCell = RawCell & { mergedCopy?: boolean }

export interface SheetRow {
  /** 1-based, as Excel shows it (for CSV: the record number, which is what Excel shows too). */
  row: number
  cells: PlacedCell[]
}

export const EMPTY: RawCell = { kind: 'empty' }

/** The cell's content as text, for messages and for text columns. */
export function cellText(cell: RawCell): string {
  switch (cell.kind) {
    case 'empty':
      return ''
    case 'text':
    case 'error':
      return cell.text
    case 'number':
      return numberText(cell.value)
    case 'bool':
      return cell.value ? 'TRUE' : 'FALSE'
    case 'date':
      return `${String(cell.year).padStart(4, '0')}-${String(cell.month).padStart(2, '0')}-${String(cell.day).padStart(2, '0')}`
  }
}

/** Integers print without exponent (Excel shows 12345678901 as such, not 1.2345678901e10). */
export function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toLocaleString('en-US', { useGrouping: false })
  return String(n)
}

/** Blank: empty, or text that is only whitespace (full-width and zero-width included). */
export function isBlankCell(cell: RawCell): boolean {
  if (cell.kind === 'empty') return true
  return cell.kind === 'text' && stripInvisible(cell.text).trim() === ''
}

/** A row is blank when every cell it really owns is blank; copies from a merge above do not count. */
export function isBlankRow(cells: readonly PlacedCell[]): boolean {
  return cells.every((c) => c.mergedCopy === true || isBlankCell(c))
}

/** Zero-width characters and BOMs that copy-paste from web pages leaves in cells. */
export function stripInvisible(s: string): string {
  return s.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '').replace(/\u3000/g, ' ')
}
