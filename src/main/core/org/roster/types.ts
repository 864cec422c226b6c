import type { PostCategory } from '@shared/guideline/model'
import type { IsoDate } from '../../calendar'
import type { ImportIssue } from '../../imports/issues'
import type { ImportLimits } from '../../imports/limits'
import type { SpreadsheetSource } from '../../imports/spreadsheet'

/** 岗位类别 (RULES.md §3), the guideline's own type: it decides the dimension weights a person gets. */
export type { PostCategory }

/** 在职状态 and the statuses of people who have gone: the organisation's shared vocabulary. */
export { GONE_STATUSES, type EmploymentStatus } from '@shared/org'
import type { EmploymentStatus } from '@shared/org'

/** The fields a roster file can carry, in template order. */
export type RosterField =
  | 'staffNo'
  | 'name'
  | 'department'
  | 'post'
  | 'category'
  | 'rank'
  | 'supervisorStaffNo'
  | 'riskPost'
  | 'status'
  | 'joinedOn'
  | 'leftOn'
  | 'gender'
  | 'birthMonth'
  | 'politicalStatus'
  | 'postSince'

/** One person as read from a roster (花名册) row, normalised and valid. */
export interface RosterRow {
  /** The row number in the file (1-based, as Excel shows it), for the preview. */
  row: number
  /** 工号: text, leading zeros kept; unique in the unit, the key a re-import updates by. */
  staffNo: string
  /** 姓名: no spaces; '·' kept for minority names. */
  name: string
  /** 科室, by name. */
  department: string
  /** 岗位 */
  post: string | null
  /** 岗位类别 */
  category: PostCategory
  /** 职级 */
  rank: string | null
  /** 直接主管工号: someone in the same file or already in the unit; null for the unit head. */
  supervisorStaffNo: string | null
  /** 风险岗位 (执法、资金管理等); an empty cell means no. */
  riskPost: boolean
  /** 在职状态; an empty cell means `active`. */
  status: EmploymentStatus
  /** 入职日期 */
  joinedOn: IsoDate | null
  /** 离岗日期 */
  leftOn: IsoDate | null
  /** 性别 (optional column, for the 登记表) */
  gender: '男' | '女' | null
  /** 出生年月, YYYY-MM */
  birthMonth: string | null
  /** 政治面貌 */
  politicalStatus: string | null
  /** 任现职时间, YYYY-MM */
  postSince: string | null
}

export type RosterErrorCode =
  | 'ROSTER_UNREADABLE'
  | 'ROSTER_TOO_LARGE'
  | 'ROSTER_EMPTY_FILE'
  | 'ROSTER_MISSING_COLUMN'
  | 'ROSTER_DUPLICATE_COLUMN'
  | 'ROSTER_REQUIRED'
  | 'ROSTER_TOO_LONG'
  | 'ROSTER_CELL_ERROR'
  | 'ROSTER_BAD_STAFF_NO'
  | 'ROSTER_STAFF_NO_LOST_ZEROS'
  | 'ROSTER_DUPLICATE_STAFF_NO'
  | 'ROSTER_BAD_CATEGORY'
  | 'ROSTER_BAD_BOOLEAN'
  | 'ROSTER_BAD_STATUS'
  | 'ROSTER_BAD_DATE'
  | 'ROSTER_LEFT_BEFORE_JOINED'
  | 'ROSTER_UNKNOWN_SUPERVISOR'
  | 'ROSTER_SELF_SUPERVISOR'
  | 'ROSTER_SUPERVISOR_CYCLE'
  | 'ROSTER_BAD_GENDER'
  | 'ROSTER_BAD_MONTH'

export type RosterWarningCode =
  | 'ROSTER_UNKNOWN_COLUMN'
  | 'ROSTER_NUMERIC_STAFF_NO'
  | 'ROSTER_STATUS_DATE_MISMATCH'
  | 'ROSTER_SUPERVISOR_NOT_ACTIVE'
  | 'ROSTER_EXAMPLE_ROW'
  | 'ROSTER_COLUMN_ALIAS'

export type RosterIssueCode = RosterErrorCode | RosterWarningCode

/**
 * One problem, located the way the user sees the file: `row` is the 1-based row number (0 when the
 * problem is the file itself), `column` the header text as written in the file ('' when no column
 * applies). The shape every import reports (core/imports/issues).
 */
export type RosterIssue = ImportIssue<RosterIssueCode>

/** Which sheet, or which CSV encoding and delimiter, the roster was read from. */
export type RosterSource = SpreadsheetSource

/**
 * The result of reading a roster. It is a preview, not a licence to import:
 * **a file with any error must not be imported at all** (`importable` is false), even though `rows`
 * holds the rows that were individually valid, so the preview can show them. Warnings do not block.
 */
export interface RosterParse {
  /** errors.length === 0 and at least one row. The only condition under which the caller may import. */
  importable: boolean
  /** Valid rows only, in file order. */
  rows: RosterRow[]
  /** Every problem that blocks the import, in row order. */
  errors: RosterIssue[]
  /** Problems worth showing that do not block the import. */
  warnings: RosterIssue[]
  /**
   * The fields that have a column in the file. A re-import updates only these: a roster without a
   * 风险岗位 column must not reset everyone's risk-post flag to false.
   */
  columns: RosterField[]
  /** Data rows read (blank rows not counted), valid or not. */
  totalRows: number
  /** The header row's number (0 when none was found). */
  headerRow: number
  source: RosterSource | null
}

export interface RosterParseOptions {
  /**
   * The people already in the unit: staff number → their supervisor's staff number (or null).
   * Supervisors may be among them, and cycles are checked over them and the file together, since a
   * re-import updates people rather than replacing the unit.
   */
  existing?: ReadonlyMap<string, string | null>
  /** Called about every 500 rows and once at the end, so a 5,000-person import shows progress. */
  onProgress?: (done: number, total: number) => void
  /** The policy's import limits in force (the shipped ones when not given). */
  limits?: ImportLimits
}
