/**
 * 服务评价导入: reading the results of the national 政务服务“好差评” system, or a unit's own survey
 * (.xlsx or .csv: 工号, 日期, 评价, optional 渠道, 评价人, 评价编号). Pure: bytes in, a preview out,
 * no database; the file reading itself is core/imports', shared with the roster and attendance.
 *
 * Privacy: a survey export names the citizens who rated (评价人) and often their phone numbers and
 * comments. None of it is kept. 评价人 is read only to notice one person rating the same official
 * twice on a day (a warning that names the earlier row, never the person); it is in no returned row
 * and no issue's value. Phone numbers and comments are columns this import does not read at all.
 */
import { SURVEY_LEVEL_LABELS } from '@shared/guideline/model'
import type { IsoDate } from '../calendar'
import { cellText, type RawCell } from '../imports/cells'
import { EXAMPLE_MARK, ROW_NUMBER_HEADERS, columnSet, headerKey, type ColumnSet, type DescribedColumn } from '../imports/columns'
import { commonText, issue, type CellErrorCode, type FileKind, type ImportIssue, type Prefixed, type TableErrorCode, type TableWarningCode } from '../imports/issues'
import { staffLookup } from '../imports/knownStaff'
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../imports/limits'
import { cleanName, cleanText, codeKey, readCode, readNumber } from '../imports/normalize'
import { RowReader, cellCodes, type RowContext } from '../imports/rowReader'
import type { SpreadsheetSource } from '../imports/spreadsheet'
import { eachRow, readTable, type TableRow } from '../imports/table'
import { SURVEY_LEVELS, type SurveyLevel } from '../metrics'

// The five 好差评 levels as the guideline prices them and the survey rule scores them (RULES.md §4).
export type { SurveyLevel }

/** Level → the 1–5 scale (5 = 非常满意), the other way the same answer is written. */
export const SURVEY_LEVEL_SCORE: Readonly<Record<SurveyLevel, 1 | 2 | 3 | 4 | 5>> = {
  verySatisfied: 5,
  satisfied: 4,
  fairlySatisfied: 3,
  dissatisfied: 2,
  veryDissatisfied: 1,
}

/**
 * The words accepted for each level besides its name (非常满意…非常不满意, verySatisfied…) and the
 * 1–5 scale (5, '5', '5分', '5星'). 好评/中评/差评 are not here: the national system counts 非常满意,
 * 满意 and 基本满意 as 好评, so a bare 好评 does not say which level (and which points) it was.
 */
export const SURVEY_LEVEL_ALIASES: Readonly<Record<SurveyLevel, readonly string[]>> = {
  verySatisfied: ['很满意', '五星'],
  satisfied: ['比较满意', '四星'],
  fairlySatisfied: ['一般', '三星'],
  dissatisfied: ['二星'],
  veryDissatisfied: ['很不满意', '一星'],
}

const LEVELS: readonly SurveyLevel[] = SURVEY_LEVELS
const key = (w: string) => codeKey({ kind: 'text', text: w })
const LEVEL_WORDS: ReadonlyMap<string, SurveyLevel> = new Map(
  LEVELS.flatMap((l) => [SURVEY_LEVEL_LABELS[l].zh, l, ...SURVEY_LEVEL_ALIASES[l]].map((w) => [key(w), l] as const)),
)
const BY_SCORE: ReadonlyMap<number, SurveyLevel> = new Map(LEVELS.map((l) => [SURVEY_LEVEL_SCORE[l], l]))
const SUMMARY_WORDS = new Set(['好评', '中评', '差评'].map(key))

/** 评价 → level; null for blank or anything outside the list. */
export function readSurveyLevel(cell: RawCell): SurveyLevel | null {
  const word = readCode(cell, LEVEL_WORDS)
  if (word) return word
  const n = readNumber(cell, ['分', '星'])
  return typeof n === 'number' && Number.isInteger(n) ? (BY_SCORE.get(n) ?? null) : null
}

export const SURVEY_CHANNELS = ['online', 'onsite', 'phone', 'sms', 'other'] as const
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number]

/**
 * 渠道, the national system's evaluation channels: online (网办, app, mini program), on site
 * (评价器 at the window, a QR code), phone (12345 hotline) and text message. Informational only, so
 * a word outside the list is kept as 'other' with a warning rather than refused.
 */
export const SURVEY_CHANNEL_ALIASES: Readonly<Record<Exclude<SurveyChannel, 'other'>, readonly string[]>> = {
  online: ['线上', '网上', '网站', '网页', 'pc端', '政务服务网', 'app', '移动端', '手机', '小程序', '微信', '支付宝', 'online'],
  onsite: ['现场', '窗口', '评价器', '平板', '二维码', '扫码', '大厅', 'onsite', 'on-site'],
  phone: ['电话', '热线', '12345', '电话回访', 'phone', 'telephone'],
  sms: ['短信', 'sms'],
}
const CHANNEL_WORDS: ReadonlyMap<string, SurveyChannel> = new Map(
  (Object.keys(SURVEY_CHANNEL_ALIASES) as (keyof typeof SURVEY_CHANNEL_ALIASES)[]).flatMap((c) => SURVEY_CHANNEL_ALIASES[c].map((w) => [key(w), c] as const)),
)

// 样本不足 (RULES.md §4) is a property of a person's year, not of a file: the importer flags it
// from the responses already stored plus this file's (survey/importer.ts), against the guideline.

/**
 * Raters that are not one person: anonymous placeholders, and names the national system masks
 * ('张*', '李**'), which two different people share. Neither is compared for repeated ratings.
 */
const ANONYMOUS = new Set(['匿名', '匿名用户', '游客', '访客', '无', '-', '—', '/', 'anonymous'].map((w) => codeKey({ kind: 'text', text: w })))
const MASKED = /[*＊×]/

/** Longest 评价编号 kept; longer is another column's content. */
const RESPONSE_ID_MAX = 64

export type SurveyField = 'staffNo' | 'name' | 'date' | 'level' | 'channel' | 'rater' | 'responseId'

const levelWords = LEVELS.map((l) => SURVEY_LEVEL_LABELS[l].zh).join('、')
const levelWordsEn = LEVELS.map((l) => `${SURVEY_LEVEL_LABELS[l].zh} (${SURVEY_LEVEL_LABELS[l].en})`).join(', ')

/**
 * The columns, in template order: what the parser reads, and what the template and the import
 * screen say about each. 姓名 (of the official rated) is read only to skip the template's example
 * rows (姓名 marked （示例）); the staff number says who was rated.
 */
export const SURVEY_COLUMNS: readonly DescribedColumn<SurveyField>[] = [
  {
    field: 'staffNo', zh: '工号', en: 'Staff No.', required: true, width: 12,
    aliases: ['staffno', 'staffid', 'ratedstaffno', '被评价人工号', '被评价人员工号', '评价对象工号', '工作人员工号', '窗口人员工号', '办理人工号', '人员编号', '员工编号', '职工号'],
    meaning: { zh: '被评价工作人员在花名册中的工号，须是本单位人员。按文本填写，前导零会保留。', en: 'The staff number of the official rated, as in the roster. Entered as text, so leading zeros stay.' },
  },
  {
    field: 'name', zh: '姓名', en: 'Name', required: false, width: 14, aliases: ['name', '被评价人', '被评价人姓名'],
    meaning: { zh: '被评价人的姓名，仅供核对，不导入；姓名带“（示例）”的行是模板示例，导入时跳过。', en: 'The name of the official rated, for checking only, not imported; a row whose name ends in （示例） is a template example and is skipped.' },
  },
  {
    field: 'date', zh: '日期', en: 'Date', required: true, width: 14, aliases: ['date', '评价日期', '评价时间', '办件日期', '办理日期'],
    meaning: { zh: '评价日期，如 2026-03-02、2026/3/2、2026年3月2日。', en: 'The day of the rating, e.g. 2026-03-02, 2026/3/2 or 2026年3月2日.' },
  },
  {
    field: 'level', zh: '评价', en: 'Rating', required: true, width: 12, aliases: ['rating', 'level', '评价结果', '评价等级', '满意度', '评分'],
    meaning: { zh: `只能填：${levelWords}，或 1–5 分（5 为非常满意）；“好评”“差评”不能确定等级，不能导入。`, en: `One of ${levelWordsEn}, or 1–5 (5 = very satisfied); 好评 and 差评 do not say which level and are refused.` },
  },
  {
    field: 'channel', zh: '渠道', en: 'Channel', required: false, width: 10, aliases: ['channel', '评价渠道', '评价方式', '来源'],
    meaning: { zh: '线上、现场、电话或短信；其他写法按“其他”导入。', en: '线上 (online), 现场 (on site), 电话 (phone) or 短信 (text message); anything else is imported as other.' },
  },
  {
    field: 'rater', zh: '评价人', en: 'Rater', required: false, width: 12, aliases: ['rater', '评价人姓名', '评价人员', '办事人', '办事群众', '申请人'],
    meaning: { zh: '只用于提示同一人同日重复评价同一工作人员，不保存。', en: 'Used only to notice one person rating the same official twice on a day; never stored.' },
  },
  {
    field: 'responseId', zh: '评价编号', en: 'Response ID', required: false, width: 18, aliases: ['responseid', '评价id', '评价单号', '办件编号', '办件号', '工单号'],
    meaning: { zh: `好差评系统的评价编号（最长 ${RESPONSE_ID_MAX} 位）；有编号时再次导入不会重复计入。`, en: `The 好差评 system's response ID (at most ${RESPONSE_ID_MAX} characters); with it, importing the same responses again adds nothing.` },
  },
]

/**
 * Columns survey exports carry that this import reads past without a warning: the service, and
 * the rater's own data, which is not read at all.
 */
const EXPORT_EXTRAS = ['部门', '科室', '事项名称', '服务事项', '评价内容', '评价意见', '意见', '留言', '手机号', '手机号码', '联系电话', '电话号码']

/**
 * Read past without a word: row numbers and the export's own extras above. A 备注 or any other
 * column is reported, as the roster's are (its content would be lost without the user knowing).
 */
const QUIET = new Set([...ROW_NUMBER_HEADERS, ...EXPORT_EXTRAS].map(headerKey))
const COLUMNS: ColumnSet<SurveyField, DescribedColumn<SurveyField>> = {
  ...columnSet<SurveyField, DescribedColumn<SurveyField>>(SURVEY_COLUMNS),
  isSilentlyIgnored: (text) => QUIET.has(headerKey(text)),
}

export const SURVEY_FILE: FileKind = {
  zh: '服务评价表',
  en: 'survey export',
  enWithArticle: 'a survey export',
  zhRows: '评价',
  enRows: 'ratings',
  headerHint: ['工号', '日期', '评价'],
}


export type SurveyErrorCode = Prefixed<'SURVEY', TableErrorCode | CellErrorCode> | 'SURVEY_BAD_LEVEL' | 'SURVEY_UNKNOWN_STAFF_NO'
export type SurveyWarningCode =
  | Prefixed<'SURVEY', TableWarningCode>
  | 'SURVEY_UNKNOWN_CHANNEL'
  | 'SURVEY_DUPLICATE_RESPONSE'
  | 'SURVEY_REPEATED_RATER'
  | 'SURVEY_FEW_RESPONSES'
  | 'SURVEY_EXAMPLE_ROW'
export type SurveyIssue = ImportIssue<SurveyErrorCode | SurveyWarningCode>

/** One response, normalised and valid. No rater: see the privacy note at the top. */
export interface SurveyRow {
  row: number
  /** The official rated. */
  staffNo: string
  date: IsoDate
  level: SurveyLevel
  /** The same answer on the 1–5 scale. */
  score: 1 | 2 | 3 | 4 | 5
  channel: SurveyChannel | null
  /** 评价编号 when the export has one: the key a re-import of the same responses upserts on. */
  responseId: string | null
}

/** Responses per official in this file, in order of first appearance. */
export interface SurveyCount {
  staffNo: string
  responses: number
  /** The official's first row, and the staff-number column as the file names it: where a warning about them points. */
  row: number
  column: string
}

export interface SurveyParse {
  importable: boolean
  /** Valid rows, repeated 评价编号 collapsed, in file order. */
  rows: SurveyRow[]
  errors: SurveyIssue[]
  warnings: SurveyIssue[]
  counts: SurveyCount[]
  columns: SurveyField[]
  totalRows: number
  headerRow: number
  source: SpreadsheetSource | null
}

export interface SurveyParseOptions {
  /** The unit's staff numbers; when given, any other number is an error on its row. */
  knownStaffNos?: ReadonlySet<string>
  onProgress?: (done: number, total: number) => void
  /** The policy's import limits in force (the shipped ones when not given). */
  limits?: ImportLimits
}

const allowedZh = LEVELS.map((l) => SURVEY_LEVEL_LABELS[l].zh).join('、')
const allowedEn = LEVELS.map((l) => `${SURVEY_LEVEL_LABELS[l].zh} (${SURVEY_LEVEL_LABELS[l].en})`).join(', ')

const text = {
  badLevel: (v: string) => ({
    zh: `评价“${v}”无效，应为：${allowedZh}，或 1–5 分（5 为非常满意）`,
    en: `Rating "${v}" is not one of ${allowedEn}, nor 1–5 (5 = very satisfied)`,
  }),
  summaryLevel: (v: string) => ({
    zh: `评价“${v}”是好差评的汇总类别，不能确定等级；应为：${allowedZh}，或 1–5 分（5 为非常满意）`,
    en: `Rating "${v}" is a 好差评 summary category that does not say which level; use one of ${allowedEn}, or 1–5 (5 = very satisfied)`,
  }),
  unknownChannel: (v: string) => ({
    zh: `渠道“${v}”未识别，按“其他”导入（可识别：线上、现场、电话、短信）`,
    en: `Channel "${v}" is not recognised and is imported as other (recognised: 线上 online, 现场 on site, 电话 phone, 短信 text message)`,
  }),
  duplicateResponse: (id: string, firstRow: number) => ({
    zh: `评价编号 ${id} 与第 ${firstRow} 行重复，只导入第 ${firstRow} 行`,
    en: `Response ID ${id} repeats row ${firstRow}; only row ${firstRow} is imported`,
  }),
  repeatedRater: (staffNo: string, date: string, firstRow: number) => ({
    zh: `与第 ${firstRow} 行为同一评价人在 ${date} 对工号 ${staffNo} 的评价，请确认不是重复提交`,
    en: `The same rater as in row ${firstRow} rated ${staffNo} on ${date} again; check that it is not a repeated submission`,
  }),
}

/** Reads a survey export and checks every row; errors name the row and the column as written in the file. */
export async function parseSurvey(bytes: Uint8Array, fileName: string, opts: SurveyParseOptions = {}): Promise<SurveyParse> {
  const table = await readTable(bytes, fileName, { prefix: 'SURVEY', kind: SURVEY_FILE, columns: COLUMNS, limits: opts.limits ?? DEFAULT_IMPORT_LIMITS })
  const { source, headerRow } = table
  // 姓名 is read only to recognise the template's examples: not a column whose content is imported.
  const columns = table.fields.filter((f) => f !== 'name')
  const warnings: SurveyIssue[] = [...table.warnings]
  if (!table.ok) return { importable: false, rows: [], errors: table.errors, warnings, counts: [], columns, totalRows: 0, headerRow, source }

  const lookup = opts.knownStaffNos ? staffLookup(opts.knownStaffNos) : null
  const errors: SurveyIssue[] = []
  const rows: SurveyRow[] = []
  const byResponseId = new Map<string, number>()
  // rater + official + day → first row. The map lives only for this call; its keys are not returned.
  const byRater = new Map<string, number>()
  await eachRow(
    table.rows,
    (tableRow) => {
      // The template's example rows (姓名 marked （示例）) are never imported: skipped with a notice.
      const name = cellText(tableRow.cell('name')).trim()
      if (EXAMPLE_MARK.test(name)) {
        const t = commonText.exampleRow()
        warnings.push(issue('SURVEY_EXAMPLE_ROW', { row: tableRow.row, column: table.label('name'), value: name }, t.zh, t.en))
        return
      }
      const r = checkRow(tableRow, table, lookup, warnings)
      errors.push(...r.errors)
      const value = r.value
      if (!value) return
      const staffLabel = { row: value.row, column: table.label('staffNo'), value: value.staffNo }
      if (value.responseId !== null) {
        const first = byResponseId.get(value.responseId)
        if (first !== undefined) {
          const t = text.duplicateResponse(value.responseId, first)
          warnings.push(issue('SURVEY_DUPLICATE_RESPONSE', { row: value.row, column: table.label('responseId'), value: value.responseId }, t.zh, t.en))
          return
        }
        byResponseId.set(value.responseId, value.row)
      }
      if (r.rater !== null) {
        const k = `${r.rater}\u0000${value.staffNo}\u0000${value.date}`
        const first = byRater.get(k)
        if (first !== undefined) {
          const t = text.repeatedRater(value.staffNo, value.date, first)
          warnings.push(issue('SURVEY_REPEATED_RATER', staffLabel, t.zh, t.en))
        } else byRater.set(k, value.row)
      }
      rows.push(value)
    },
    opts.onProgress,
  )

  const counts = new Map<string, { first: number; n: number }>()
  for (const row of rows) {
    const c = counts.get(row.staffNo)
    if (c) c.n++
    else counts.set(row.staffNo, { first: row.row, n: 1 })
  }
  const countList: SurveyCount[] = [...counts].map(([staffNo, c]) => ({ staffNo, responses: c.n, row: c.first, column: table.label('staffNo') }))
  warnings.sort((a, b) => a.row - b.row)
  const total = table.rows.length
  opts.onProgress?.(total, total)
  return { importable: errors.length === 0, rows, errors, warnings, counts: countList, columns, totalRows: total, headerRow, source }
}

function checkRow(
  tableRow: TableRow<SurveyField>,
  ctx: RowContext<SurveyField>,
  lookup: ReturnType<typeof staffLookup> | null,
  warnings: SurveyIssue[],
): { errors: SurveyIssue[]; value: SurveyRow | null; rater: string | null } {
  const r = new RowReader<SurveyField, SurveyErrorCode>(tableRow, ctx, cellCodes('SURVEY'))

  const staffNo = r.staffNo('staffNo', true)
  if (staffNo && lookup) {
    const found = lookup(staffNo.staffNo)
    if (!found.known) r.fail('SURVEY_UNKNOWN_STAFF_NO', 'staffNo', r.cell('staffNo'), commonText.unknownStaffNo(staffNo.staffNo, found.likely))
  }

  const date = r.date('date', true)

  let level: SurveyLevel | null = null
  const levelCell = r.usable('level', true)
  if (levelCell) {
    level = readSurveyLevel(levelCell)
    if (!level) {
      const v = cellText(levelCell).trim()
      r.fail('SURVEY_BAD_LEVEL', 'level', levelCell, SUMMARY_WORDS.has(codeKey(levelCell)) ? text.summaryLevel(v) : text.badLevel(v))
    }
  }

  let channel: SurveyChannel | null = null
  const channelCell = r.usable('channel', false)
  if (channelCell) {
    channel = readCode(channelCell, CHANNEL_WORDS)
    if (!channel) {
      channel = 'other'
      const t = text.unknownChannel(cellText(channelCell).trim())
      warnings.push(issue('SURVEY_UNKNOWN_CHANNEL', r.where('channel', channelCell), t.zh, t.en))
    }
  }

  const responseId = r.text('responseId', false, (s) => cleanText(s).replace(/\s+/g, ''), RESPONSE_ID_MAX)

  // Not r.usable: an Excel error in 评价人 would otherwise block the row over a column that is never
  // stored, and its issue would carry the cell. A rater that cannot be read just isn't compared.
  const raterCell = r.cell('rater')
  const raterText = raterCell.kind === 'text' || raterCell.kind === 'number' ? cleanName(cellText(raterCell)) : ''
  const rater = raterText === '' || ANONYMOUS.has(codeKey(raterCell)) || MASKED.test(raterText) ? null : raterText

  const value =
    r.errors.length === 0 && staffNo && date.date && level
      ? { row: r.row, staffNo: staffNo.staffNo, date: date.date, level, score: SURVEY_LEVEL_SCORE[level], channel, responseId }
      : null
  return { errors: r.errors, value, rater }
}
