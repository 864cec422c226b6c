/**
 * The texts of every roster issue, in one place so the Chinese and English stay in step. Each
 * builder takes what the sentence needs and returns zh/en; location is added by the caller.
 */
import type { RosterIssue, RosterIssueCode } from './types'

export interface Where {
  row: number
  column: string
  value?: string
}

export function issue(code: RosterIssueCode, where: Where, zh: string, en: string): RosterIssue {
  const out: RosterIssue = { row: where.row, column: where.column, code, zh, en }
  if (where.value !== undefined) out.value = where.value
  return out
}

/** A column or status name in both languages. */
export interface Named {
  zh: string
  en: string
}

const q = (s: string) => `“${s}”`
const qe = (s: string) => `"${s}"`

export const text = {
  unreadable: (zhDetail: string, enDetail: string) => ({
    zh: `无法读取文件：${zhDetail}。请上传 .xlsx 或 .csv 格式的花名册`,
    en: `The file cannot be read: ${enDetail}. Upload the roster as .xlsx or .csv`,
  }),
  tooLarge: (mb: number) => ({
    zh: `文件超过 ${mb} MB，不像是花名册`,
    en: `The file is larger than ${mb} MB, which is not what a roster looks like`,
  }),
  empty: () => ({ zh: '文件中没有人员数据', en: 'The file holds no people' }),
  missingColumn: (zhName: string, enName: string) => ({
    zh: `缺少必填列${q(zhName)}`,
    en: `The required column "${zhName}" (${enName}) is missing`,
  }),
  noHeader: () => ({
    zh: '前 10 行中找不到表头行（应包含“工号”“姓名”“科室”等列名）',
    en: 'No header row in the first 10 rows (it should hold column names such as 工号, 姓名, 科室)',
  }),
  duplicateColumn: (header: string, first: string) => ({
    zh: `列${q(header)}与列${q(first)}表示同一字段，只能保留一列`,
    en: `Column ${qe(header)} means the same as column ${qe(first)}; keep only one`,
  }),
  required: (c: Named) => ({ zh: `${c.zh}不能为空`, en: `${c.en} (${c.zh}) must not be empty` }),
  tooLong: (c: Named, max: number) => ({
    zh: `${c.zh}超过 ${max} 个字`,
    en: `${c.en} (${c.zh}) is longer than ${max} characters`,
  }),
  cellError: (v: string) => ({
    zh: `单元格是 Excel 错误值 ${v}（多为公式引用失效），请填入实际内容`,
    en: `The cell holds the Excel error ${v} (usually a broken formula reference); enter the actual value`,
  }),
  staffNoNotInteger: () => ({
    zh: '工号应为文本或整数',
    en: 'A staff number must be text or a whole number',
  }),
  staffNoTooManyDigits: () => ({
    zh: 'Excel 数值单元格只保留 15 位有效数字，此工号已丢失数字；请将该列设为“文本”格式后重新填写',
    en: 'Excel keeps only 15 significant digits in a number cell, so this staff number has lost digits; format the column as Text and enter it again',
  }),
  staffNoBadChars: () => ({
    zh: '工号只能由字母、数字及 - _ . / 组成，且以字母或数字开头',
    en: 'A staff number may hold only letters, digits and - _ . /, starting with a letter or digit',
  }),
  staffNoTooLong: (max: number) => ({ zh: `工号超过 ${max} 位`, en: `The staff number is longer than ${max} characters` }),
  staffNoLostZeros: (staffNo: string, likely: string) => ({
    zh: `工号 ${staffNo} 与 ${likely} 仅差前导零，多为 Excel 把工号当数字去掉了前导零；请将工号列设为“文本”格式后重新填写，否则会多出一名重复人员`,
    en: `Staff number ${staffNo} differs from ${likely} only by leading zeros, which Excel drops when it takes the staff number for a number; format the column as Text and enter it again, or a duplicate person would be created`,
  }),
  numericStaffNo: (staffNo: string) => ({
    zh: `工号 ${staffNo} 是数值单元格，而本文件其他工号有前导零；请确认该工号未丢失前导零`,
    en: `Staff number ${staffNo} is a number cell while other staff numbers in the file have leading zeros; check that it has not lost its own`,
  }),
  duplicateStaffNo: (staffNo: string, firstRow: number) => ({
    zh: `工号 ${staffNo} 与第 ${firstRow} 行重复`,
    en: `Staff number ${staffNo} repeats row ${firstRow}`,
  }),
  badCategory: (v: string) => ({
    zh: `岗位类别${q(v)}无效，应为：综合管理类、行政执法类、专业技术类`,
    en: `Post category ${qe(v)} is not one of 综合管理类 (general), 行政执法类 (enforcement), 专业技术类 (technical)`,
  }),
  badBoolean: (c: Named, v: string) => ({
    zh: `${c.zh}${q(v)}无效，应为“是”或“否”（或留空表示否）`,
    en: `${c.en} (${c.zh}) ${qe(v)} is not yes or no (是/否, Y/N, 1/0, √; blank means no)`,
  }),
  badStatus: (v: string) => ({
    zh: `在职状态${q(v)}无效，应为：在职、试用期、长期病假、调离、退休、离职（留空表示在职）`,
    en: `Status ${qe(v)} is not one of 在职 (active), 试用期 (probation), 长期病假 (long leave), 调离 (transferred), 退休 (retired), 离职 (left); blank means active`,
  }),
  badDate: (c: Named, v: string) => ({
    zh: `${c.zh}${q(v)}不是有效日期，应为 2024-03-01、2024/3/1、2024年3月1日 或 20240301 等形式`,
    en: `${c.en} (${c.zh}) ${qe(v)} is not a valid date; use a form such as 2024-03-01, 2024/3/1, 2024年3月1日 or 20240301`,
  }),
  leftBeforeJoined: (leftOn: string, joinedOn: string) => ({
    zh: `离岗日期 ${leftOn} 早于入职日期 ${joinedOn}`,
    en: `The leaving date ${leftOn} is before the joining date ${joinedOn}`,
  }),
  unknownSupervisor: (sup: string) => ({
    zh: `直接主管工号 ${sup} 不在本文件中，也不是本单位现有人员`,
    en: `Supervisor staff number ${sup} is neither in this file nor among the unit's people`,
  }),
  selfSupervisor: () => ({ zh: '直接主管不能是本人', en: 'A person cannot be their own supervisor' }),
  cycle: (path: string) => ({
    zh: `汇报关系形成循环：${path}`,
    en: `The reporting lines form a cycle: ${path}`,
  }),
  unknownColumn: (header: string) => ({
    zh: `未识别的列${q(header)}，导入时将忽略`,
    en: `Unrecognised column ${qe(header)}; it will be ignored`,
  }),
  goneWithoutDate: (status: Named) => ({
    zh: `在职状态为“${status.zh}”但未填离岗日期`,
    en: `The status is ${status.en} (${status.zh}) but no leaving date is given`,
  }),
  presentWithDate: (status: Named) => ({
    zh: `在职状态为“${status.zh}”却填了离岗日期，请确认`,
    en: `The status is ${status.en} (${status.zh}) yet a leaving date is given; please check`,
  }),
  supervisorNotActive: (sup: string, status: Named) => ({
    zh: `直接主管 ${sup} 的在职状态为“${status.zh}”`,
    en: `Supervisor ${sup} has the status ${status.en} (${status.zh})`,
  }),
  exampleRow: () => ({
    zh: '这是模板自带的示例行，正式导入前请删除',
    en: 'This is one of the template\'s example rows; delete it before importing',
  }),
}
