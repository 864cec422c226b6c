/**
 * The attendance template (`kaohe template attendance`, 下载模板 on the import page): the columns
 * parseAttendance reads, from its own table, with two example rows that it skips.
 */
import { importTemplate, importTemplateCsv, type TemplateSpec } from '../imports/template'
import { ATTENDANCE_COLUMNS, type AttendanceField } from './parse'

/** The example rows, marked as examples in 姓名 (the staff numbers are the roster template's). */
export const ATTENDANCE_EXAMPLES = [
  { staffNo: '00101', name: '张明（示例）', date: '2026-03-02', status: '正常', hours: '8' },
  { staffNo: '00102', name: '阿依古丽·买买提（示例）', date: '2026-03-03', status: '请假', hours: '4' },
] as const satisfies readonly Record<AttendanceField, string>[]

const SPEC: TemplateSpec<AttendanceField> = {
  sheet: '考勤记录',
  columns: ATTENDANCE_COLUMNS,
  examples: ATTENDANCE_EXAMPLES,
  textFields: ['staffNo'],
  dateFields: ['date'],
  notes: [
    '填写说明：',
    '1. 第一行为表头，请勿修改列名或删除必填列（工号、日期、状态）；表头上方可以有标题行。考勤机导出的文件只要有这些列也可直接导入。',
    '2. 两行灰色示例的姓名带“（示例）”，导入时自动跳过，不会导入；可以删除，也可以直接覆盖填写。',
    '3. 每人每天每种状态一行；同一文件或再次导入相同记录不会重复计入。',
    '4. 导入前会先预览，列出每一行的问题（行号、列名、原因）；有任何错误时不会导入。',
  ],
}

export const attendanceTemplate = (): Promise<Buffer> => importTemplate(SPEC)
export const attendanceTemplateCsv = (): string => importTemplateCsv(SPEC)
