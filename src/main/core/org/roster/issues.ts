/**
 * The texts of the roster's own issues, in one place so the Chinese and English stay in step. Each
 * builder takes what the sentence needs and returns zh/en; location is added by the caller. The
 * sentences every import shares (blank cell, bad date, missing column…) are in core/imports/issues.
 */
import { commonText, type FileKind, type Named } from '../../imports/issues'

/** The roster, as the shared file-level sentences name it. */
export const ROSTER_FILE: FileKind = {
  zh: '花名册',
  en: 'roster',
  enWithArticle: 'a roster',
  zhRows: '人员',
  enRows: 'people',
  headerHint: ['工号', '姓名', '科室'],
}

const q = (s: string) => `“${s}”`
const qe = (s: string) => `"${s}"`

export const text = {
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
  badStatus: (v: string) => ({
    zh: `在职状态${q(v)}无效，应为：在职、试用期、长期病假、调离、退休、离职（留空表示在职）`,
    en: `Status ${qe(v)} is not one of 在职 (active), 试用期 (probation), 长期病假 (long leave), 调离 (transferred), 退休 (retired), 离职 (left); blank means active`,
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
  exampleRow: () => commonText.exampleRow(),
  unknownColumn: (header: string, suggestion: Named | undefined) => commonText.unknownColumn(ROSTER_FILE, header, suggestion),
  columnAlias: (header: string, column: Named) => ({
    zh: `列${q(header)}按${q(column.zh)}读取`,
    en: `Column ${qe(header)} is read as ${qe(column.zh)} (${column.en})`,
  }),
}
