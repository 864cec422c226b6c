import { EXAMPLE_MARK, columnSet, headerKey, suggestColumn as suggestAmong, type ColumnSet, type ColumnSpec } from '../../imports/columns'
import type { RosterField } from './types'

export interface RosterColumn extends ColumnSpec<RosterField> {
  /** Template column width, in Excel character units. */
  width: number
}

/**
 * The roster columns in template order. 岗位类别 is required although RULES.md §3 would allow a
 * person without it to be stored: every score depends on it (dimension weights per category), so a
 * roster without it cannot be assessed and is better refused at import than discovered at grading.
 */
export const ROSTER_COLUMNS: readonly RosterColumn[] = [
  { field: 'staffNo', zh: '工号', en: 'Staff No.', required: true, width: 12, aliases: ['staffno', 'staffnumber', 'staffid', 'employeeno', 'employeeid', '职工号', '人员编号', '员工编号', '编号'] },
  { field: 'name', zh: '姓名', en: 'Name', required: true, width: 14, aliases: ['name', 'fullname'] },
  { field: 'department', zh: '科室', en: 'Department', required: true, width: 16, aliases: ['department', 'dept', '部门', '所在科室', '科室名称', '处室'] },
  { field: 'post', zh: '岗位', en: 'Post', required: false, width: 16, aliases: ['post', 'position', '职务', '岗位名称'] },
  { field: 'category', zh: '岗位类别', en: 'Post category', required: true, width: 14, aliases: ['category', 'postcategory', '岗位类型', '职位类别'] },
  { field: 'rank', zh: '职级', en: 'Rank', required: false, width: 14, aliases: ['rank', 'grade', '职级职务'] },
  { field: 'supervisorStaffNo', zh: '直接主管工号', en: 'Supervisor staff No.', required: false, width: 14, aliases: ['supervisorstaffno', 'supervisor', 'supervisorno', 'manager', '主管工号', '上级工号', '直接上级工号'] },
  { field: 'riskPost', zh: '风险岗位', en: 'Risk post', required: false, width: 10, aliases: ['riskpost', 'risk', '是否风险岗位'] },
  { field: 'status', zh: '在职状态', en: 'Status', required: false, width: 12, aliases: ['status', 'employmentstatus', '状态', '人员状态'] },
  { field: 'joinedOn', zh: '入职日期', en: 'Joined on', required: false, width: 14, aliases: ['joinedon', 'joined', 'joindate', 'startdate', '入职时间', '到岗日期'] },
  { field: 'leftOn', zh: '离岗日期', en: 'Left on', required: false, width: 14, aliases: ['lefton', 'left', 'leavedate', 'enddate', '离岗时间', '离职日期', '调离日期'] },
  // For the 《公务员年度考核登记表》 (issue 10, 1b).
  { field: 'gender', zh: '性别', en: 'Gender', required: false, width: 8, aliases: ['gender', 'sex'] },
  { field: 'birthMonth', zh: '出生年月', en: 'Born', required: false, width: 12, aliases: ['birthmonth', 'born', 'birth', 'dateofbirth', '出生日期', '出生年月日'] },
  { field: 'politicalStatus', zh: '政治面貌', en: 'Political status', required: false, width: 12, aliases: ['politicalstatus', 'political', 'party'] },
  { field: 'postSince', zh: '任现职时间', en: 'In post since', required: false, width: 12, aliases: ['postsince', 'inpostsince', '任现职务时间', '任职时间', '现职时间'] },
]

/**
 * Headers a roster reads past without a word: row numbers only. A 备注 or any other column the
 * roster does not have is reported (its content would be lost without the user knowing).
 */
const ROSTER_SILENT = new Set(['序号', 'no.', '#', 'index'].map(headerKey))

const baseSet = columnSet<RosterField, RosterColumn>(ROSTER_COLUMNS)

/** The roster's columns by header text. */
export const ROSTER_COLUMN_SET: ColumnSet<RosterField, RosterColumn> = {
  ...baseSet,
  isSilentlyIgnored: (text) => ROSTER_SILENT.has(headerKey(text)),
}

/**
 * The roster column an unrecognised header most likely means (core/imports/columns.ts): 科宝 → 科室,
 * 所属部门 → 科室; none for 备注, 手机.
 */
export function suggestColumn(header: string): RosterColumn | undefined {
  return suggestAmong(header, ROSTER_COLUMNS)
}

export function columnOf(field: RosterField): RosterColumn {
  return ROSTER_COLUMN_SET.of(field)
}

/** The mark an example row carries in its 姓名 (张明（示例）), the same for every import. */
export { EXAMPLE_MARK }

/**
 * The template's two example rows, marked as examples in their 姓名: an example imported as a
 * real person is an easy slip to make and an awkward one to undo.
 */
export const EXAMPLE_PEOPLE = [
  { staffNo: '00101', name: '张明（示例）', department: '综合科', post: '科长', category: '综合管理类', rank: '一级主任科员', supervisorStaffNo: '', riskPost: '否', status: '在职', joinedOn: '2012-07-01', leftOn: '', gender: '男', birthMonth: '1986-05', politicalStatus: '中共党员', postSince: '2019-03' },
  { staffNo: '00102', name: '阿依古丽·买买提（示例）', department: '综合科', post: '财务管理', category: '综合管理类', rank: '四级主任科员', supervisorStaffNo: '00101', riskPost: '是', status: '试用期', joinedOn: '2025-09-01', leftOn: '', gender: '女', birthMonth: '2001-11', politicalStatus: '共青团员', postSince: '2025-09' },
] as const satisfies readonly Record<RosterField, string>[]
