/**
 * 考勤导入: reading an attendance-machine export (.xlsx or .csv: 工号, 日期, 状态, 时长). Pure: bytes
 * in, a preview out, no database; the file reading itself is core/imports', shared with the roster.
 *
 * Imports are idempotent: a row's key is (staffNo, date, status), and the caller upserts on it, so
 * importing the same month twice, or an overlapping export, changes nothing the second time. The
 * same key twice inside one file is collapsed here (first row kept, a warning on the others).
 */
import type { IsoDate } from '../calendar'
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../metrics'
import { cellText, type RawCell } from '../imports/cells'
import { EXAMPLE_MARK, ROW_NUMBER_HEADERS, columnSet, headerKey, type ColumnSet, type DescribedColumn } from '../imports/columns'
import { commonText, issue, type FileKind, type ImportIssue, type Prefixed, type TableErrorCode, type CellErrorCode, type TableWarningCode } from '../imports/issues'
import { staffLookup } from '../imports/knownStaff'
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../imports/limits'
import { codeKey, readNumber } from '../imports/normalize'
import { RowReader, cellCodes, type RowContext } from '../imports/rowReader'
import type { SpreadsheetSource } from '../imports/spreadsheet'
import { eachRow, readTable, type TableRow } from '../imports/table'

// 正常, 迟到, 早退, 旷工, 请假, 加班: the statuses the attendance rule scores (RULES.md §4), one list
// for the rule and the import so an imported row is always one the rule can score.
export { ATTENDANCE_STATUSES, type AttendanceStatus }

export const ATTENDANCE_STATUS_LABEL: Readonly<Record<AttendanceStatus, { zh: string; en: string }>> = {
  normal: { zh: '正常', en: 'normal' },
  late: { zh: '迟到', en: 'late' },
  early: { zh: '早退', en: 'left early' },
  absent: { zh: '旷工', en: 'absent' },
  leave: { zh: '请假', en: 'on leave' },
  overtime: { zh: '加班', en: 'overtime' },
}

/**
 * The status words accepted, besides the six names themselves. Deliberately a closed list: a word
 * outside it (外出, 出差, 缺卡, 未打卡…) is an error naming the six, because guessing would move
 * points on somebody's sheet. Compared after codeKey (NFKC, no spaces, lower case), and after
 * dropping a machine's quantity suffix: 迟到12分钟, 迟到(12分钟), 旷工1天, 加班2.5小时 read as 迟到,
 * 旷工, 加班 (the quantity belongs in 时长), and 请假(事假) reads as 事假.
 */
export const ATTENDANCE_STATUS_ALIASES: Readonly<Record<AttendanceStatus, readonly string[]>> = {
  normal: ['正常', '出勤', '正常出勤', '按时', '√', 'normal', 'ok'],
  late: ['迟到', 'late'],
  early: ['早退', 'early', 'earlyleave', 'leftearly'],
  absent: ['旷工', '旷职', 'absent', 'absence'],
  leave: ['请假', '事假', '病假', '年假', '年休假', '婚假', '产假', '陪产假', '护理假', '育儿假', '丧假', '探亲假', '调休', 'leave'],
  overtime: ['加班', 'overtime', 'ot'],
}

const STATUS_WORDS: ReadonlyMap<string, AttendanceStatus> = new Map(
  ATTENDANCE_STATUSES.flatMap((s) => ATTENDANCE_STATUS_ALIASES[s].map((w) => [codeKey({ kind: 'text', text: w }), s] as const)),
)
/** 12分钟, (12分钟), 1天, 2.5小时, 2.5h at the end of a status. */
const QUANTITY_SUFFIX = /\(?\d+(?:\.\d+)?(?:分钟|分|小时|时|天|h|min|mins)?\)?$/
/** 请假(事假): the kind of leave in brackets. */
const LEAVE_KIND = /^请假\((.+)\)$/

/** 状态 → status; null for blank or a word outside the list. */
export function readAttendanceStatus(cell: RawCell): AttendanceStatus | null {
  const k = codeKey(cell)
  if (k === '') return null
  const direct = STATUS_WORDS.get(k)
  if (direct) return direct
  const bare = k.replace(QUANTITY_SUFFIX, '').replace(LEAVE_KIND, '$1')
  return bare === '' ? null : (STATUS_WORDS.get(bare) ?? null)
}

/** Longest shift anyone records; more than a day in one row is a typo (or minutes in an hours column). */
export const HOURS_MAX = 24
const HOUR_UNITS = ['小时', '时', 'hours', 'hour', 'hrs', 'h']

const H_MM = /^(\d{1,2}):([0-5]\d)$/

/** 时长: a number of hours ('8', '7.5', '8小时', '8h'), or h:mm as some machines write it ('7:30' is 7.5). */
function readHours(cell: RawCell): number | null | undefined {
  const m = cell.kind === 'text' ? H_MM.exec(cell.text.normalize('NFKC').trim()) : null
  if (m) return Number(m[1]) + Number(m[2]) / 60
  return readNumber(cell, HOUR_UNITS)
}

export type AttendanceField = 'staffNo' | 'name' | 'date' | 'status' | 'hours'

const statusWords = ATTENDANCE_STATUSES.map((s) => ATTENDANCE_STATUS_LABEL[s].zh).join('、')
const statusWordsEn = ATTENDANCE_STATUSES.map((s) => `${ATTENDANCE_STATUS_LABEL[s].zh} (${ATTENDANCE_STATUS_LABEL[s].en})`).join(', ')

/**
 * The columns, in template order: what the parser reads, and what the template and the import
 * screen say about each. 姓名 is read only to skip the template's example rows (姓名 marked
 * （示例）); the staff number says who the record is about.
 */
export const ATTENDANCE_COLUMNS: readonly DescribedColumn<AttendanceField>[] = [
  {
    field: 'staffNo', zh: '工号', en: 'Staff No.', required: true, width: 12,
    aliases: ['staffno', 'staffid', 'employeeno', 'employeeid', 'userid', 'ac-no.', 'acno', '考勤号', '考勤号码', '考勤编号', '人员编号', '员工编号', '职工号'],
    meaning: { zh: '花名册中的工号，须是本单位人员。按文本填写，前导零会保留（本列已设为文本格式）。', en: 'The staff number as in the roster; it must be one of the unit’s people. Entered as text, so leading zeros stay.' },
  },
  {
    field: 'name', zh: '姓名', en: 'Name', required: false, width: 14, aliases: ['name', 'fullname'],
    meaning: { zh: '仅供核对，不导入；姓名带“（示例）”的行是模板示例，导入时跳过。', en: 'For checking only, not imported; a row whose name ends in （示例） is a template example and is skipped.' },
  },
  {
    field: 'date', zh: '日期', en: 'Date', required: true, width: 14, aliases: ['date', 'workdate', '考勤日期', '打卡日期', '出勤日期', '工作日期'],
    meaning: { zh: '考勤日期，如 2026-03-02、2026/3/2、2026年3月2日；日期后的星期（星期一、周一）可以保留。', en: 'The day, e.g. 2026-03-02, 2026/3/2 or 2026年3月2日; a weekday after it (星期一, Mon) may stay.' },
  },
  {
    field: 'status', zh: '状态', en: 'Status', required: true, width: 12, aliases: ['status', 'result', '考勤状态', '考勤结果', '出勤状态', '打卡结果'],
    meaning: { zh: `只能填：${statusWords}；事假、病假、年假等按请假读取，“迟到12分钟”按迟到读取。`, en: `One of ${statusWordsEn}; 事假, 病假, 年假 and the like read as leave, 迟到12分钟 as late.` },
  },
  {
    field: 'hours', zh: '时长', en: 'Hours', required: false, width: 10, aliases: ['hours', 'duration', '小时', '小时数', '时长(小时)', '时长(h)', '工时'],
    meaning: { zh: `小时数，0 到 ${HOURS_MAX} 之间，如 8、7.5、7:30；可留空。`, en: `Hours from 0 to ${HOURS_MAX}, e.g. 8, 7.5 or 7:30; may be blank.` },
  },
]

/** Columns machines add that carry nothing this import keeps: read past without a warning. */
const MACHINE_EXTRAS = ['部门', '科室', 'department', '星期', 'weekday', '班次', 'shift']

/**
 * Read past without a word: row numbers and the export's own extras above. A 备注 or any other
 * column is reported, as the roster's are (its content would be lost without the user knowing).
 */
const QUIET = new Set([...ROW_NUMBER_HEADERS, ...MACHINE_EXTRAS].map(headerKey))
const COLUMNS: ColumnSet<AttendanceField, DescribedColumn<AttendanceField>> = {
  ...columnSet<AttendanceField, DescribedColumn<AttendanceField>>(ATTENDANCE_COLUMNS),
  isSilentlyIgnored: (text) => QUIET.has(headerKey(text)),
}

export const ATTENDANCE_FILE: FileKind = {
  zh: '考勤记录表',
  en: 'attendance export',
  enWithArticle: 'an attendance export',
  zhRows: '考勤记录',
  enRows: 'attendance records',
  headerHint: ['工号', '日期', '状态'],
}


export type AttendanceErrorCode =
  | Prefixed<'ATTENDANCE', TableErrorCode | CellErrorCode>
  | 'ATTENDANCE_BAD_STATUS'
  | 'ATTENDANCE_BAD_HOURS'
  | 'ATTENDANCE_UNKNOWN_STAFF_NO'
export type AttendanceWarningCode = Prefixed<'ATTENDANCE', TableWarningCode> | 'ATTENDANCE_DUPLICATE_ROW' | 'ATTENDANCE_EXAMPLE_ROW'
export type AttendanceIssue = ImportIssue<AttendanceErrorCode | AttendanceWarningCode>

/** One attendance record, normalised and valid. */
export interface AttendanceRow {
  /** The row number in the file (1-based, as Excel shows it), for the preview. */
  row: number
  staffNo: string
  date: IsoDate
  status: AttendanceStatus
  /** 时长 in hours; null when the file has no such column or the cell is blank. */
  hours: number | null
}

/** Like the roster's: a preview; **import only when `importable`**, i.e. no errors at all. */
export interface AttendanceParse {
  importable: boolean
  /** Valid rows, duplicates collapsed, in file order. */
  rows: AttendanceRow[]
  errors: AttendanceIssue[]
  warnings: AttendanceIssue[]
  /** The fields that have a column (姓名 aside, which only marks examples): without 时长 the caller keeps the hours it has. */
  columns: AttendanceField[]
  /** Data rows read (blank rows not counted), valid or not. */
  totalRows: number
  headerRow: number
  source: SpreadsheetSource | null
}

export interface AttendanceParseOptions {
  /** The unit's staff numbers; when given, any other number is an error on its row. */
  knownStaffNos?: ReadonlySet<string>
  onProgress?: (done: number, total: number) => void
  /** The policy's import limits in force (the shipped ones when not given). */
  limits?: ImportLimits
}

const text = {
  badStatus: (v: string) => ({
    zh: `状态“${v}”无效，应为：正常、迟到、早退、旷工、请假、加班`,
    en: `Status "${v}" is not one of 正常 (normal), 迟到 (late), 早退 (left early), 旷工 (absent), 请假 (on leave), 加班 (overtime)`,
  }),
  badHours: (v: string) => ({
    zh: `时长“${v}”无效，应为 0 到 ${HOURS_MAX} 之间的小时数`,
    en: `Hours "${v}" is not a number of hours from 0 to ${HOURS_MAX}`,
  }),
  duplicate: (staffNo: string, date: string, status: AttendanceStatus, firstRow: number, droppedHours: number | null) => {
    const s = ATTENDANCE_STATUS_LABEL[status]
    const zhHours = droppedHours === null ? '' : `，本行时长 ${droppedHours} 未计入`
    const enHours = droppedHours === null ? '' : `; its ${droppedHours} hours are not counted`
    return {
      zh: `工号 ${staffNo} 在 ${date} 的“${s.zh}”记录与第 ${firstRow} 行重复，只导入第 ${firstRow} 行${zhHours}`,
      en: `The ${s.en} (${s.zh}) record of ${staffNo} on ${date} repeats row ${firstRow}; only row ${firstRow} is imported${enHours}`,
    }
  },
}

/** Attendance machines print the weekday after the date ('2026-03-02 星期一', '2026/3/2(周一)'). */
const WEEKDAY_SUFFIX = /\s*[(（]?\s*(?:星期|周|礼拜)[一二三四五六日天][)）]?\s*$|\s*[(（]?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?[)）]?\s*$/i

function withoutWeekday(cell: RawCell): RawCell {
  return cell.kind === 'text' ? { kind: 'text', text: cell.text.replace(WEEKDAY_SUFFIX, '') } : cell
}

/**
 * Reads an attendance export and checks every row: errors name the row and the column as written
 * in the file; duplicates of (staffNo, date, status) are collapsed with a warning.
 */
export async function parseAttendance(bytes: Uint8Array, fileName: string, opts: AttendanceParseOptions = {}): Promise<AttendanceParse> {
  const table = await readTable(bytes, fileName, { prefix: 'ATTENDANCE', kind: ATTENDANCE_FILE, columns: COLUMNS, limits: opts.limits ?? DEFAULT_IMPORT_LIMITS })
  const { source, headerRow } = table
  // 姓名 is read only to recognise the template's examples: not a column whose content is imported.
  const columns = table.fields.filter((f) => f !== 'name')
  const warnings: AttendanceIssue[] = [...table.warnings]
  if (!table.ok) return { importable: false, rows: [], errors: table.errors, warnings, columns, totalRows: 0, headerRow, source }

  const lookup = opts.knownStaffNos ? staffLookup(opts.knownStaffNos) : null
  const errors: AttendanceIssue[] = []
  const rows: AttendanceRow[] = []
  const firstOf = new Map<string, AttendanceRow>()
  await eachRow(
    table.rows,
    (tableRow) => {
      // The template's example rows (姓名 marked （示例）) are never imported: skipped with a notice.
      const name = cellText(tableRow.cell('name')).trim()
      if (EXAMPLE_MARK.test(name)) {
        const t = commonText.exampleRow()
        warnings.push(issue('ATTENDANCE_EXAMPLE_ROW', { row: tableRow.row, column: table.label('name'), value: name }, t.zh, t.en))
        return
      }
      const r = checkRow(tableRow, table, lookup)
      errors.push(...r.errors)
      const value = r.value
      if (!value) return
      const key = `${value.staffNo}\u0000${value.date}\u0000${value.status}`
      const first = firstOf.get(key)
      if (first) {
        const dropped = value.hours !== null && value.hours !== first.hours ? value.hours : null
        const t = text.duplicate(value.staffNo, value.date, value.status, first.row, dropped)
        warnings.push(issue('ATTENDANCE_DUPLICATE_ROW', { row: value.row, column: table.label('staffNo'), value: value.staffNo }, t.zh, t.en))
        return
      }
      firstOf.set(key, value)
      rows.push(value)
    },
    opts.onProgress,
  )
  // Duplicates are looked for among valid rows only: a row with errors is reported for those, and
  // blocks the import anyway.
  warnings.sort((a, b) => a.row - b.row)
  const total = table.rows.length
  opts.onProgress?.(total, total)
  return { importable: errors.length === 0, rows, errors, warnings, columns, totalRows: total, headerRow, source }
}

function checkRow(
  tableRow: TableRow<AttendanceField>,
  ctx: RowContext<AttendanceField>,
  lookup: ReturnType<typeof staffLookup> | null,
): { errors: AttendanceIssue[]; value: AttendanceRow | null } {
  const r = new RowReader<AttendanceField, AttendanceErrorCode>(tableRow, ctx, cellCodes('ATTENDANCE'))

  const staffNo = r.staffNo('staffNo', true)
  if (staffNo && lookup) {
    const found = lookup(staffNo.staffNo)
    if (!found.known) r.fail('ATTENDANCE_UNKNOWN_STAFF_NO', 'staffNo', r.cell('staffNo'), commonText.unknownStaffNo(staffNo.staffNo, found.likely))
  }

  const date = r.date('date', true, withoutWeekday)

  let status: AttendanceStatus | null = null
  const statusCell = r.usable('status', true)
  if (statusCell) {
    status = readAttendanceStatus(statusCell)
    if (!status) r.fail('ATTENDANCE_BAD_STATUS', 'status', statusCell, text.badStatus(cellText(statusCell).trim()))
  }

  let hours: number | null = null
  const hoursCell = r.usable('hours', false)
  if (hoursCell) {
    const h = readHours(hoursCell)
    if (h === null || h === undefined || h < 0 || h > HOURS_MAX) r.fail('ATTENDANCE_BAD_HOURS', 'hours', hoursCell, text.badHours(cellText(hoursCell).trim()))
    // Scoring counts hours in hundredths (core/metrics); 7:20 or a formula's 6.666… is rounded to
    // the hundredth here, 36 seconds, rather than refused: hours are evidence, not the score.
    else hours = Math.round(h * 100) / 100
  }

  const value =
    r.errors.length === 0 && staffNo && date.date && status ? { row: r.row, staffNo: staffNo.staffNo, date: date.date, status, hours } : null
  return { errors: r.errors, value }
}
