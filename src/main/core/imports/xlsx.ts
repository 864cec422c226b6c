import ExcelJS from 'exceljs'
import type { PlacedCell, RawCell, SheetRow } from './cells'

export interface XlsxSheet {
  name: string
  /** Rows that hold at least one cell, up to `lastRow` when given. */
  readRows(lastRow?: number): SheetRow[]
}

export type XlsxLoad = { ok: true; sheets: XlsxSheet[] } | { ok: false; detail: string }

/** .xlsx (and .xlsm) are zip files; the four bytes are a local file header. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

/**
 * The OLE2 compound-file signature: an old .xls, or an .xlsx protected with a password (Excel
 * wraps encrypted workbooks in OLE2). ExcelJS reads neither; the message says what to do.
 */
export function looksLikeOle2(bytes: Uint8Array): boolean {
  const sig = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
  return sig.every((b, i) => bytes[i] === b)
}

/** Loads a workbook; visible sheets first, in tab order (hidden ones only as a last resort). */
export async function loadXlsx(bytes: Uint8Array): Promise<XlsxLoad> {
  const workbook = new ExcelJS.Workbook()
  try {
    // ExcelJS's typings merge `interface Buffer extends ArrayBuffer` into the global Buffer, a type
    // no real value satisfies under @types/node 20; a Node Buffer is what it reads at run time.
    const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    await workbook.xlsx.load(data as unknown as Parameters<typeof workbook.xlsx.load>[0])
  } catch (e) {
    return { ok: false, detail: e instanceof Error ? e.message : String(e) }
  }
  const visible = workbook.worksheets.filter((ws) => ws.state === 'visible' || ws.state === undefined)
  const hidden = workbook.worksheets.filter((ws) => !visible.includes(ws))
  return { ok: true, sheets: [...visible, ...hidden].map((ws) => ({ name: ws.name, readRows: (lastRow) => readRows(ws, lastRow) })) }
}

function readRows(ws: ExcelJS.Worksheet, lastRow?: number): SheetRow[] {
  const rows: SheetRow[] = []
  const last = Math.min(ws.rowCount, lastRow ?? Number.POSITIVE_INFINITY)
  for (let r = 1; r <= last; r++) {
    const row = ws.findRow(r)
    if (!row) continue
    const cells: PlacedCell[] = []
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.findCell(c)
      if (!cell) {
        cells.push({ kind: 'empty' })
        continue
      }
      const raw = toRawCell(cell.value)
      // The master of a merged range owns the value; the other cells of the range see a copy.
      cells.push(cell.isMerged && cell.master !== cell ? { ...raw, mergedCopy: true } : raw)
    }
    if (cells.length > 0) rows.push({ row: r, cells })
  }
  return rows
}

/**
 * ExcelJS cell value → RawCell. Formulas count by their cached result (what Excel displayed);
 * a formula never calculated has none and reads as empty. Dates come from ExcelJS as UTC instants
 * whose UTC calendar date is the date Excel shows, whatever the machine's time zone.
 */
export function toRawCell(v: ExcelJS.CellValue): RawCell {
  if (v === null || v === undefined) return { kind: 'empty' }
  if (typeof v === 'string') return v === '' ? { kind: 'empty' } : { kind: 'text', text: v }
  if (typeof v === 'number') return Number.isFinite(v) ? { kind: 'number', value: v } : { kind: 'error', text: String(v) }
  if (typeof v === 'boolean') return { kind: 'bool', value: v }
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return { kind: 'error', text: 'Invalid Date' }
    // Excel date cells with a time of day are stored with millisecond rounding; half a second is
    // enough to land a 23:59:59.9995 on the right day.
    const d = new Date(v.getTime() + 500)
    return { kind: 'date', year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }
  }
  if ('error' in v) return { kind: 'error', text: String(v.error) }
  if ('richText' in v) {
    const text = v.richText.map((p) => p.text).join('')
    return text === '' ? { kind: 'empty' } : { kind: 'text', text }
  }
  if ('hyperlink' in v) {
    const text = typeof v.text === 'string' ? v.text : ''
    return text === '' ? { kind: 'empty' } : { kind: 'text', text }
  }
  if ('formula' in v || 'sharedFormula' in v) {
    const result: unknown = v.result
    if (result === undefined || result === null) return { kind: 'empty' }
    if (typeof result === 'object' && !(result instanceof Date) && 'error' in result) {
      return { kind: 'error', text: String((result as { error: unknown }).error) }
    }
    return toRawCell(result as ExcelJS.CellValue)
  }
  return { kind: 'empty' }
}
