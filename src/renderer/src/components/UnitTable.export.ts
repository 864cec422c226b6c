/**
 * Excel export of a UnitTable, built in the renderer (no Node, no file system): exceljs's browser
 * build is loaded on the first export only (a separate chunk, so it never weighs on the sign-in
 * route), the workbook is written to bytes in memory and handed to the browser as a Blob behind an
 * <a download> (a save dialog in the desktop app).
 */

export type CellValue = string | number | null

export interface ExportSheet {
  /** The file's name without `.xlsx`. */
  fileName: string
  sheetName: string
  headers: readonly string[]
  rows: readonly (readonly CellValue[])[]
  /** Column widths in characters (optional, one per header). */
  widths?: readonly number[]
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** Characters Excel refuses in a sheet name. */
const sheetNameOf = (name: string) => name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1'

/** The workbook's bytes: one sheet, a bold frozen header row with autofilter, then the rows. */
export async function workbookBytes(sheet: ExportSheet): Promise<Uint8Array> {
  const mod = await import('exceljs')
  const ExcelJS = ((mod as unknown as { default?: typeof mod }).default ?? mod) as typeof mod
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Kaohe 考核台'
  const ws = wb.addWorksheet(sheetNameOf(sheet.sheetName), { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] })
  ws.columns = sheet.headers.map((header, i) => ({
    header,
    key: `c${i}`,
    width: sheet.widths?.[i] ?? Math.max(8, Math.min(40, header.length * 2 + 4)),
  }))
  ws.getRow(1).font = { bold: true }
  for (const row of sheet.rows) ws.addRow(row.map((v) => (v === null ? '' : v)))
  if (sheet.headers.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.headers.length } }
  const buffer = await wb.xlsx.writeBuffer()
  return new Uint8Array(buffer as ArrayBuffer)
}

/** Builds the workbook and saves it through the browser's download. */
export async function exportSheet(sheet: ExportSheet): Promise<void> {
  const bytes = await workbookBytes(sheet)
  const blob = new Blob([bytes as BlobPart], { type: XLSX_MIME })
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = `${sheet.fileName}.xlsx`
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // Give the browser a moment to start the download before the URL goes away.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
