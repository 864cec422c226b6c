/**
 * The downloadable roster template (`kaohe template roster`): the columns parseRoster reads, with
 * the help Excel itself can give (drop-down lists, text-formatted staff numbers so leading zeros
 * survive typing, date-formatted date columns) and a 说明 sheet explaining each column.
 */
import ExcelJS from 'exceljs'
import { EXAMPLE_PEOPLE, ROSTER_COLUMNS, columnOf } from './columns'
import { CATEGORY_LABEL, STATUS_LABEL } from './vocabulary'
import type { RosterField } from './types'

/** Rows that get the drop-down lists and formats; more than any small office's roster. */
const TEMPLATE_ROWS = 5000

const EXPLANATIONS: Readonly<Record<RosterField, { zh: string; example: string }>> = {
  staffNo: { zh: '单位内唯一，再次导入时按工号更新人员。按文本填写，前导零会保留（本列已设为文本格式）。', example: '00101' },
  name: { zh: '不含空格；少数民族姓名中的间隔号“·”保留。', example: '阿依古丽·买买提' },
  department: { zh: '所在科室名称，与系统中的科室名称一致；新名称将新建科室。', example: '综合科' },
  post: { zh: '岗位名称。', example: '财务管理' },
  category: { zh: `决定考核指标权重。只能填：${Object.values(CATEGORY_LABEL).join('、')}（也可写“综合管理”“行政执法”“专业技术”）。`, example: '综合管理类' },
  rank: { zh: '职级，如“一级主任科员”。', example: '四级主任科员' },
  supervisorStaffNo: { zh: '直接主管的工号，须是本表中或系统中已有的人员；主管可以排在下属之后。单位负责人留空。汇报关系不能成环。', example: '00101' },
  riskPost: { zh: '执法、资金管理等风险岗位填“是”，否则填“否”或留空。', example: '是' },
  status: { zh: `只能填：${Object.values(STATUS_LABEL).join('、')}；留空视为在职。`, example: '在职' },
  joinedOn: { zh: '入职本单位的日期，如 2024-03-01、2024/3/1、2024年3月1日。', example: '2015-07-01' },
  leftOn: { zh: '调离、退休或离职的日期；不得早于入职日期。', example: '' },
  gender: { zh: '填“男”或“女”（登记表用，可留空）。', example: '女' },
  birthMonth: { zh: '出生年月，如 1988-07、1988.07、1988年7月（登记表用，可留空；本列请设为文本）。', example: '2001-11' },
  politicalStatus: { zh: '政治面貌，如“中共党员”“共青团员”“群众”（登记表用，可留空）。', example: '共青团员' },
  postSince: { zh: '任现职时间，如 2021-03（登记表用，可留空；不得早于出生年月）。', example: '2025-09' },
}

const NOTES = [
  '填写说明：',
  '1. 第一行为表头，请勿修改列名或删除必填列（工号、姓名、科室、岗位类别）；表头上方可以有标题行，表中可以增加其他列（导入时不读取，预览中会列出）。',
  '2. 两行灰色示例的姓名带“（示例）”，导入时自动跳过，不会导入；可以删除，也可以直接覆盖填写（填入真实姓名即不再是示例）。',
  '3. 导入前会先预览，列出每一行的问题（行号、列名、原因）；有任何错误时不会导入。',
  '4. 也可另存为 CSV（UTF-8 或 Excel 默认的 GBK 编码均可）。',
]

function listValidation(values: readonly string[], zhName: string): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'error',
    errorTitle: zhName,
    error: `请从下拉列表中选择：${values.join('、')}`,
  }
}

/** The template as .xlsx bytes. */
export async function rosterTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  wb.creator = 'Kaohe 考核台'
  // Fixed timestamps: the same template every time, byte for byte apart from the zip's own dates.
  wb.created = new Date(Date.UTC(2026, 0, 1))
  wb.modified = wb.created

  const ws = wb.addWorksheet('花名册', { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] })
  ws.columns = ROSTER_COLUMNS.map((c) => ({ header: c.zh, key: c.field, width: c.width }))
  const header = ws.getRow(1)
  header.font = { bold: true }
  header.alignment = { vertical: 'middle', horizontal: 'center' }
  header.height = 20
  ROSTER_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1)
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFCE4D6' : 'FFDDEBF7' } }
    cell.note = `${c.required ? '必填。' : '选填。'}${EXPLANATIONS[c.field].zh}`
  })

  const colLetter = (field: RosterField) => ws.getColumn(field).letter
  const last = TEMPLATE_ROWS + 1
  for (const field of ['staffNo', 'supervisorStaffNo', 'birthMonth', 'postSince'] as const) ws.getColumn(field).numFmt = '@'
  for (const field of ['joinedOn', 'leftOn'] as const) ws.getColumn(field).numFmt = 'yyyy-mm-dd'
  // ExcelJS 4.4 has range validations (one <dataValidation sqref="E2:E5001">) but its typings only
  // declare the per-cell form; this is the documented shape of the untyped member.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations
  validations.add(`${colLetter('category')}2:${colLetter('category')}${last}`, listValidation(Object.values(CATEGORY_LABEL), '岗位类别'))
  validations.add(`${colLetter('riskPost')}2:${colLetter('riskPost')}${last}`, listValidation(['是', '否'], '风险岗位'))
  validations.add(`${colLetter('status')}2:${colLetter('status')}${last}`, listValidation(Object.values(STATUS_LABEL), '在职状态'))
  validations.add(`${colLetter('gender')}2:${colLetter('gender')}${last}`, listValidation(['男', '女'], '性别'))

  for (const p of EXAMPLE_PEOPLE) {
    const row = ws.addRow({
      ...p,
      joinedOn: excelDate(p.joinedOn),
      leftOn: excelDate(p.leftOn),
    })
    row.font = { italic: true, color: { argb: 'FF808080' } }
    row.getCell('name').note = '示例行：姓名带“（示例）”的行导入时自动跳过，不会导入。'
  }
  // Staff numbers typed by hand must stay text; the example cells are written as strings already.
  ws.getColumn('staffNo').alignment = { horizontal: 'left' }

  const help = wb.addWorksheet('说明')
  help.columns = [
    { header: '列名', key: 'column', width: 14 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '说明', key: 'explanation', width: 80 },
    { header: '示例', key: 'example', width: 18 },
  ]
  help.getRow(1).font = { bold: true }
  for (const c of ROSTER_COLUMNS) {
    const e = EXPLANATIONS[c.field]
    const row = help.addRow({ column: c.zh, required: c.required ? '必填' : '选填', explanation: e.zh, example: e.example })
    row.getCell('explanation').alignment = { wrapText: true, vertical: 'top' }
  }
  help.addRow([])
  for (const line of NOTES) help.addRow([line])
  const noteStart = ROSTER_COLUMNS.length + 3
  for (let r = noteStart; r < noteStart + NOTES.length; r++) help.mergeCells(r, 1, r, 4)
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

/**
 * The template as CSV: UTF-8 with a BOM, which is what makes Excel open it as UTF-8 rather than
 * the ANSI code page; CRLF line ends, as Excel writes them. Header and the two example rows.
 */
export function rosterTemplateCsv(): string {
  const lines = [ROSTER_COLUMNS.map((c) => csvField(c.zh)).join(',')]
  for (const p of EXAMPLE_PEOPLE) lines.push(ROSTER_COLUMNS.map((c) => csvField(p[c.field])).join(','))
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/** The Chinese header of a field (for callers building messages around the roster). */
export function rosterHeader(field: RosterField): string {
  return columnOf(field).zh
}
