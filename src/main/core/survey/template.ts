/**
 * The survey template (`kaohe template survey`, 下载模板 on the import page): the columns
 * parseSurvey reads, from its own table, with two example rows that it skips.
 */
import { importTemplate, importTemplateCsv, type TemplateSpec } from '../imports/template'
import { SURVEY_COLUMNS, type SurveyField } from './parse'

/** The example rows, marked as examples in 姓名 (the staff numbers are the roster template's). */
export const SURVEY_EXAMPLES = [
  { staffNo: '00101', name: '张明（示例）', date: '2026-03-02', level: '非常满意', channel: '现场', rater: '', responseId: 'HCP202603020001' },
  { staffNo: '00102', name: '阿依古丽·买买提（示例）', date: '2026-03-03', level: '4', channel: '线上', rater: '', responseId: 'HCP202603030002' },
] as const satisfies readonly Record<SurveyField, string>[]

const SPEC: TemplateSpec<SurveyField> = {
  sheet: '服务评价',
  columns: SURVEY_COLUMNS,
  examples: SURVEY_EXAMPLES,
  textFields: ['staffNo', 'responseId'],
  dateFields: ['date'],
  notes: [
    '填写说明：',
    '1. 第一行为表头，请勿修改列名或删除必填列（工号、日期、评价）；表头上方可以有标题行。好差评系统导出的文件只要有这些列也可直接导入。',
    '2. 两行灰色示例的姓名带“（示例）”，导入时自动跳过，不会导入；可以删除，也可以直接覆盖填写。',
    '3. 评价人的姓名、电话和评价内容不会保存。',
    '4. 导入前会先预览，列出每一行的问题（行号、列名、原因）；有任何错误时不会导入。',
  ],
}

export const surveyTemplate = (): Promise<Buffer> => importTemplate(SPEC)
export const surveyTemplateCsv = (): string => importTemplateCsv(SPEC)
