import { KaoheError } from '@shared/errors'
/**
 * The issue shape every import reports, and the sentences every import shares (the file cannot be
 * read, a column is missing, a cell is blank or not a date…), in one place so the Chinese and English
 * stay in step and a roster, an attendance export and a survey export say the same thing the same
 * way. Each importer adds its own sentences next to its own checks.
 */

/**
 * One problem, located the way the user sees the file: `row` is the 1-based row number (0 when the
 * problem is the file itself), `column` the header text as written in the file ('' when no column
 * applies). Texts are complete sentences in both languages.
 */
export interface ImportIssue<Code extends string = string> {
  row: number
  column: string
  code: Code
  zh: string
  en: string
  /** The offending cell value, as text, when there is one. */
  value?: string
}

export interface Where {
  row: number
  column: string
  value?: string
}

export function issue<Code extends string>(code: Code, where: Where, zh: string, en: string): ImportIssue<Code> {
  const out: ImportIssue<Code> = { row: where.row, column: where.column, code, zh, en }
  if (where.value !== undefined) out.value = where.value
  return out
}

/** A column or value name in both languages. */
export interface Named {
  zh: string
  en: string
}

/**
 * The codes the shared reading produces. Each importer prefixes them with its own name
 * (ROSTER_REQUIRED, ATTENDANCE_REQUIRED), so a code alone says which import it came from.
 */
export type TableErrorCode = 'UNREADABLE' | 'TOO_LARGE' | 'EMPTY_FILE' | 'MISSING_COLUMN' | 'DUPLICATE_COLUMN'
export type TableWarningCode = 'UNKNOWN_COLUMN'
export type CellErrorCode = 'REQUIRED' | 'TOO_LONG' | 'CELL_ERROR' | 'BAD_STAFF_NO' | 'BAD_DATE'
export type Prefixed<P extends string, C extends string> = `${P}_${C}`

export function prefixed<P extends string, C extends string>(prefix: P, code: C): Prefixed<P, C> {
  return `${prefix}_${code}`
}

/** What kind of file an importer reads, for the sentences about the file as a whole. */
export interface FileKind {
  /** '花名册' */
  zh: string
  /** 'roster', after "the" */
  en: string
  /** 'a roster', with its article ('an attendance export') */
  enWithArticle: string
  /** What the rows hold: '人员' (文件中没有人员数据) */
  zhRows: string
  /** 'people' (The file holds no people) */
  enRows: string
  /** Headers to name when no header row is found, e.g. 工号, 姓名, 科室. */
  headerHint: readonly string[]
}

const q = (s: string) => `“${s}”`
const qe = (s: string) => `"${s}"`

export const commonText = {
  unreadable: (kind: FileKind, zhDetail: string, enDetail: string) => ({
    zh: `无法读取文件：${zhDetail}。请上传 .xlsx 或 .csv 格式的${kind.zh}`,
    en: `The file cannot be read: ${enDetail}. Upload the ${kind.en} as .xlsx or .csv`,
  }),
  unterminatedQuote: (row: number) => ({
    zh: `第 ${row} 行的引号没有闭合，文件格式有误`,
    en: `The quote opened in row ${row} is never closed; the CSV is malformed`,
  }),
  empty: (kind: FileKind) => ({ zh: `文件中没有${kind.zhRows}数据`, en: `The file holds no ${kind.enRows}` }),
  missingColumn: (zhName: string, enName: string) => ({
    zh: `缺少必填列${q(zhName)}`,
    en: `The required column "${zhName}" (${enName}) is missing`,
  }),
  noHeader: (kind: FileKind, searchRows: number) => ({
    zh: `前 ${searchRows} 行中找不到表头行（应包含${kind.headerHint.map(q).join('')}等列名）`,
    en: `No header row in the first ${searchRows} rows (it should hold column names such as ${kind.headerHint.join(', ')})`,
  }),
  duplicateColumn: (header: string, first: string) => ({
    zh: `列${q(header)}与列${q(first)}表示同一字段，只能保留一列`,
    en: `Column ${qe(header)} means the same as column ${qe(first)}; keep only one`,
  }),
  /** A header no column goes by: the column it most likely means when one is close (日其 → 日期). */
  unknownColumn: (kind: FileKind, header: string, suggestion: Named | undefined) =>
    suggestion
      ? {
          zh: `未识别的列${q(header)}，其内容不会导入；是否应为${q(suggestion.zh)}？如是，请把表头改为${q(suggestion.zh)}`,
          en: `Unrecognised column ${qe(header)}; its content will not be imported. Did you mean ${qe(suggestion.zh)} (${suggestion.en})? If so, rename the header to ${qe(suggestion.zh)}`,
        }
      : {
          zh: `${kind.zh}没有${q(header)}这一列，其内容不会导入`,
          en: `${kind.enWithArticle.charAt(0).toUpperCase()}${kind.enWithArticle.slice(1)} has no column ${qe(header)}; its content will not be imported`,
        },
  exampleRow: () => ({
    zh: '这是模板自带的示例行，已跳过，不会导入',
    en: "This is one of the template's example rows; it is skipped and not imported",
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
  badBoolean: (c: Named, v: string) => ({
    zh: `${c.zh}${q(v)}无效，应为“是”或“否”（或留空表示否）`,
    en: `${c.en} (${c.zh}) ${qe(v)} is not yes or no (是/否, Y/N, 1/0, √; blank means no)`,
  }),
  unknownStaffNo: (staffNo: string, likely: string | null) =>
    likely === null
      ? { zh: `工号 ${staffNo} 不是本单位现有人员，请先在花名册中导入此人`, en: `Staff number ${staffNo} is not one of the unit's people; import them with the roster first` }
      : {
          zh: `工号 ${staffNo} 不是本单位现有人员；本单位有工号 ${likely}，可能是导出时丢失了前导零，请核对后按花名册工号填写`,
          en: `Staff number ${staffNo} is not one of the unit's people; the unit has ${likely}, so leading zeros may have been lost in the export: check it and use the roster's staff number`,
        },
  badDate: (c: Named, v: string) => ({
    zh: `${c.zh}${q(v)}不是有效日期，应为 2024-03-01、2024/3/1、2024年3月1日 或 20240301 等形式`,
    en: `${c.en} (${c.zh}) ${qe(v)} is not a valid date; use a form such as 2024-03-01, 2024/3/1, 2024年3月1日 or 20240301`,
  }),
}

/**
 * The refusal of a file that has errors: how many, and the first one with its row and column.
 * Every import says it the same way, so nothing is half-written and the user knows where to look.
 */
export function importRefused(
  code: 'ROSTER_INVALID' | 'ATTENDANCE_INVALID' | 'SURVEY_INVALID',
  errors: readonly { row: number; column: string; zh: string; en: string }[],
): KaoheError {
  const first = errors[0]
  return new KaoheError(code, {
    count: errors.length,
    row: first?.row ?? 0,
    column: first?.column ?? '',
    reason: first?.zh ?? '',
    reasonEn: first?.en ?? '',
  })
}
