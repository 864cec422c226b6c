/**
 * A downloadable import template built from an importer's own column table (the attendance and
 * survey imports'; the roster has its own, with drop-downs of its vocabularies): the headers the
 * parser reads, required ones shaded, two example rows marked （示例） in 姓名 that the parser skips,
 * and a 说明 sheet with each column's meaning. One table, so the template, its 说明 sheet and the
 * import screen's column list say what the parser reads.
 */
import ExcelJS from 'exceljs'
import type { ImportColumn } from '@shared/api/types'
import type { DescribedColumn } from './columns'

export interface TemplateSpec<F extends string> {
  /** The data sheet's name, e.g. 考勤记录. */
  sheet: string
  columns: readonly DescribedColumn<F>[]
  /** Example rows, every cell as text; dates as ISO dates (written as real Excel dates). */
  examples: readonly Readonly<Record<F, string>>[]
  /** Columns formatted as text (staff numbers keep their leading zeros). */
  textFields: readonly F[]
  /** Columns formatted as dates. */
  dateFields: readonly F[]
  /** The 说明 sheet's closing notes, one line each. */
  notes: readonly string[]
}

/** The columns as the import screen lists them. */
export function describeColumns<F extends string>(columns: readonly DescribedColumn<F>[]): ImportColumn[] {
  return columns.map((c) => ({ header: c.zh, en: c.en, required: c.required, meaning: { zh: c.meaning.zh, en: c.meaning.en } }))
}

/** The template as .xlsx bytes. */
export async function importTemplate<F extends string>(spec: TemplateSpec<F>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Kaohe 考核台'
  // Fixed timestamps: the same template every time, byte for byte apart from the zip's own dates.
  wb.created = new Date(Date.UTC(2026, 0, 1))
  wb.modified = wb.created

  const ws = wb.addWorksheet(spec.sheet, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] })
  ws.columns = spec.columns.map((c) => ({ header: c.zh, key: c.field, width: c.width }))
  const header = ws.getRow(1)
  header.font = { bold: true }
  header.alignment = { vertical: 'middle', horizontal: 'center' }
  header.height = 20
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1)
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFCE4D6' : 'FFDDEBF7' } }
    cell.note = `${c.required ? '必填。' : '选填。'}${c.meaning.zh}`
  })
  for (const field of spec.textFields) ws.getColumn(field).numFmt = '@'
  for (const field of spec.dateFields) ws.getColumn(field).numFmt = 'yyyy-mm-dd'
  for (const field of spec.textFields) ws.getColumn(field).alignment = { horizontal: 'left' }

  for (const example of spec.examples) {
    const values: Record<string, string | Date | null> = { ...example }
    for (const field of spec.dateFields) values[field] = excelDate(example[field])
    const row = ws.addRow(values)
    row.font = { italic: true, color: { argb: 'FF808080' } }
    if (spec.columns.some((c) => c.field === 'name')) row.getCell('name').note = '示例行：姓名带“（示例）”的行导入时自动跳过，不会导入。'
  }

  const help = wb.addWorksheet('说明')
  help.columns = [
    { header: '列名', key: 'column', width: 14 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '说明', key: 'explanation', width: 80 },
    { header: '示例', key: 'example', width: 18 },
  ]
  help.getRow(1).font = { bold: true }
  for (const c of spec.columns) {
    const row = help.addRow({ column: c.zh, required: c.required ? '必填' : '选填', explanation: c.meaning.zh, example: spec.examples[0]?.[c.field] ?? '' })
    row.getCell('explanation').alignment = { wrapText: true, vertical: 'top' }
  }
  help.addRow([])
  for (const line of spec.notes) help.addRow([line])
  const noteStart = spec.columns.length + 3
  for (let r = noteStart; r < noteStart + spec.notes.length; r++) help.mergeCells(r, 1, r, 4)
  help.getRow(noteStart).font = { bold: true }

  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** A real Excel date cell (ExcelJS writes a Date as a date serial; its UTC date is the day shown). */
function excelDate(iso: string): Date | null {
  return iso === '' ? null : new Date(`${iso}T00:00:00Z`)
}

function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v
}

/** The template as CSV: UTF-8 with a BOM (so Excel opens it as UTF-8), CRLF; header and examples. */
export function importTemplateCsv<F extends string>(spec: TemplateSpec<F>): string {
  const lines = [spec.columns.map((c) => csvField(c.zh)).join(',')]
  for (const e of spec.examples) lines.push(spec.columns.map((c) => csvField(e[c.field])).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
